// The jobs board: /jobs (search with filters and facet counts), job pages, employer pages, the XML feed for aggregators
// and RSS per search.
#pragma once

#include "web/job_board.h"
#include "web/page_context.h"

namespace gazette::web {

// The job page for `j` as readers see it, layout included, with JobPosting JSON-LD when the advert is
// live at `now` (`live` says whether it is). The public job page and the newsroom's advert preview
// both draw it, so a preview is exactly the page.
std::string job_page_html(const Theme& theme, const config::Config& config, store::Connection& db, const jobs::Job& j,
                          std::int64_t now, bool& live);

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
