// The jobs board: /jobs (search with filters and facet counts), job pages, employer pages, the XML feed for aggregators
// and RSS per search.
#pragma once

#include "web/job_board.h"
#include "web/page_context.h"

namespace gazette::web {

class JobsPages : public PageModule {
 public:
  JobsPages(PageContext& ctx, JobBoard& jobs) : PageModule(ctx), jobs_(jobs) {}
  void add_routes(http::Router& router) override;

 private:
  http::Response jobs_page(const http::Request& req);
  http::Response job_page(const http::Request& req, const http::Params& p);
  http::Response employer_page(const http::Request& req, const http::Params& p);
  http::Response jobs_rss(const http::Request& req);
  JobBoard& jobs_;
};

}  // namespace gazette::web
