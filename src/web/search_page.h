// The /search page: a form, ranked results with highlighted snippets, filters and pagination.
#pragma once

#include "web/page_context.h"

namespace gazette::web {

class SearchPages : public PageModule {
 public:
  explicit SearchPages(PageContext& ctx) : PageModule(ctx) {}
  void add_routes(http::Router& router) override;

 private:
  http::Response search_page(const http::Request& req);
};

}  // namespace gazette::web
