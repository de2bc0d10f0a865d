// Machine-readable pages: RSS and Atom feeds (site, section, author, tag, council), the sitemap index and
// its children, the Google News sitemap, the Indeed-style job feed, robots.txt.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "web/page_context.h"

namespace gazette::web {

class JobBoard;
struct CachedPage;

// Thread-safe: handlers run on any worker; the job feed document is shared under a mutex.
class Feeds : public PageModule {
 public:
  Feeds(PageContext& ctx, JobBoard& jobs) : PageModule(ctx), jobs_(jobs) {}
  void add_routes(http::Router& router) override;

 private:
  http::Response feed(const http::Request& req, const http::Params& p, bool atom);
  http::Response sitemap_index();
  http::Response sitemap(const http::Request& req, const http::Params& p);
  http::Response news_sitemap();
  http::Response robots();
  http::Response job_feed(const http::Request& req);
  // The job feed for the current version of the job index: built by the first caller after a change
  // (later callers get the previous version meanwhile), then shared. Never null.
  std::shared_ptr<const CachedPage> job_feed_document();
  std::string build_job_feed(std::int64_t now);

  JobBoard& jobs_;
  std::mutex job_feed_build_mutex_;  // held while building; one build at a time
  std::mutex job_feed_mutex_;        // guards the two below
  std::shared_ptr<const CachedPage> job_feed_;
  std::uint64_t job_feed_version_ = 0;
};

}  // namespace gazette::web
