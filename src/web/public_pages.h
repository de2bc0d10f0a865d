// Reader-facing HTML pages: home, section, article, author and tag pages, theme assets and the 404 page.
#pragma once

#include <vector>

#include "content/article.h"
#include "store/council_store.h"
#include "web/job_board.h"
#include "web/page_context.h"

namespace gazette::web {

class PublicPages : public PageModule {
 public:
  PublicPages(PageContext& ctx, JobBoard& jobs) : PageModule(ctx), jobs_(jobs) {}
  void add_routes(http::Router& router) override;
  // The 404 page, for any module through PageContext::not_found_page.
  http::Response render_not_found(const http::Request& req);
  // An article's page as readers see it, for the article route and the newsroom's preview
  // (PageContext::article_preview). `typed_councils` replaces the stored ones (a preview of unsaved
  // text); `preview` marks it noindex and uncacheable.
  http::Response render_article(const content::Article& a, const std::vector<store::CouncilRow>* typed_councils,
                                bool preview);

 private:
  http::Response home(const http::Request& req);
  http::Response section_page(const http::Request& req, const http::Params& p);
  http::Response article_page(const http::Request& req, const http::Params& p);
  http::Response author_page(const http::Request& req, const http::Params& p);
  http::Response tag_page(const http::Request& req, const http::Params& p);
  http::Response static_asset(const http::Params& p);
  JobBoard& jobs_;
};

}  // namespace gazette::web
