// Council pages: /councils (the register by nation and type) and /councils/{slug} (articles about one).
#pragma once

#include "web/job_board.h"
#include "web/page_context.h"

namespace gazette::web {

class CouncilPages : public PageModule {
 public:
  CouncilPages(PageContext& ctx, JobBoard& jobs) : PageModule(ctx), jobs_(jobs) {}
  void add_routes(http::Router& router) override;

 private:
  http::Response councils_page(const http::Request& req);
  http::Response council_page(const http::Request& req, const http::Params& p);
  JobBoard& jobs_;
};

}  // namespace gazette::web
