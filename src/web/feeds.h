// Machine-readable pages: RSS and Atom feeds (site, section, author, tag, council), sitemaps, robots.txt.
#pragma once

#include "web/page_context.h"

namespace gazette::web {

class Feeds : public PageModule {
 public:
  explicit Feeds(PageContext& ctx) : PageModule(ctx) {}
  void add_routes(http::Router& router) override;

 private:
  http::Response feed(const http::Request& req, const http::Params& p, bool atom);
  http::Response sitemap(const http::Request& req, const http::Params& p);
  http::Response robots();
};

}  // namespace gazette::web
