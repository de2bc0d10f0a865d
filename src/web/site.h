// The website: the page modules (public pages, feeds, search, councils, jobs, the newsroom) and their
// routes, the page cache in front of them, and the change watcher that keeps the cache true.
// One Site serves all worker threads: handle() is thread-safe. Each thread opens its own database
// connection on first use.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "http/message.h"
#include "http/router.h"
#include "store/connection.h"
#include "web/job_board.h"
#include "web/page_cache.h"
#include "web/page_context.h"
#include "web/public_pages.h"
#include "web/theme.h"

namespace gazette::web {

class Site final : public PageContext {
 public:
  // Loads the theme and builds the routes; throws std::runtime_error on a broken theme.
  explicit Site(const config::Config& config);
  ~Site() override;

  // Answers one request: from the page cache when it can, else by rendering (and caching) the page.
  http::Response handle(http::Request& req);

  // Starts the background threads: the change watcher (reads the change log every 50 ms, so writes by
  // other processes and nodes show at once; notices scheduled articles coming due and adverts
  // closing; makes stale the cached pages that depend on what changed), the re-render threads, and
  // the warm start. Stopped by the destructor.
  void start_change_watcher();

  // Reads the change log now and applies it: the pages that depend on what changed go stale.
  void apply_changes();

  PageCache& cache() { return cache_; }

  // PageContext, for the page modules.
  const config::Config& config() const override { return config_; }
  const Theme& theme() const override { return theme_; }
  store::Connection& db() override;
  std::int64_t cached_count(const std::string& name, const std::function<std::int64_t()>& count) override;
  http::Response not_found_page(const http::Request& req) override;
  // 503 with Retry-After: the database cannot answer now (store::Unavailable).
  static http::Response unavailable_page();
  void content_written(std::int64_t article_id, std::chrono::steady_clock::time_point write_started) override;
  http::Response article_preview(const content::Article& a,
                                 const std::vector<store::CouncilRow>* typed_councils) override;

 private:
  struct Flight;
  void add_routes();
  // The page cache's key for a request: the parameters its route reads, nothing else (cache_key()).
  std::string key_for(const http::Request& req) const;
  http::Response render_uncached(http::Request& req);
  // Renders with the page's dependency names collected into the response.
  http::Response render(http::Request& req);
  // Renders a page and stores it when it may be cached (and did not fail); else returns null and sets
  // `uncached` to the response.
  std::shared_ptr<const CachedPage> render_and_store(const std::string& key, http::Request& req,
                                                     http::Response& uncached);
  // Renders a page once for every caller asking for it at the same time, storing it when cacheable.
  // Returns the cached page, or sets `uncached` to the response that may not be cached.
  std::shared_ptr<const CachedPage> render_shared(const std::string& key, http::Request& req, http::Response& uncached);
  void schedule_refresh(const std::string& key, const std::string& target);
  void refresh_loop();
  void warm();
  void maintain_related();
  void watch_changes();
  std::vector<std::pair<std::string, std::string>> apply_changes_locked(store::Connection& conn);
  // Renders a page again now and stores it (or drops it when it no longer exists).
  void rerender(const std::string& key, const std::string& target);
  // Renders and caches an article's own page if readers can see it and it is not cached fresh.
  void prerender_article(std::int64_t id);
  std::string warm_file() const;

  config::Config config_;
  Theme theme_;
  http::Router router_;
  PageCache cache_;
  JobBoard jobs_;
  std::vector<std::unique_ptr<PageModule>> modules_;
  PublicPages* public_pages_ = nullptr;  // owned by modules_; gives the 404 page

  // Change log reading (watcher thread and apply_changes).
  std::mutex changes_mutex_;
  std::unique_ptr<store::Connection> changes_conn_;
  std::int64_t seen_seq_ = -1;
  // Seqs below seen_seq_ not yet seen (their transactions were open when a later one was read), with
  // when they were first missed (apply_changes_locked).
  std::map<std::int64_t, std::chrono::steady_clock::time_point> change_holes_;
  std::int64_t checked_until_ = 0;  // scheduled articles and closing adverts are handled up to here
  // The pages each recent application of the log made stale, and when: the newsroom renders again
  // those made stale since its write began, whether its own thread or the watcher read the change.
  struct Marked {
    std::chrono::steady_clock::time_point at;
    std::vector<std::pair<std::string, std::string>> pages;  // key, target
  };
  std::mutex recent_mutex_;
  std::deque<Marked> recent_marked_;

  // Concurrent misses for one page wait on one render.
  std::mutex flights_mutex_;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;

  // Background re-renders of stale pages: (key, target), each key at most once (PageCache::claim_refresh).
  std::mutex refresh_mutex_;
  std::condition_variable refresh_cv_;
  std::deque<std::pair<std::string, std::string>> refresh_queue_;
  std::vector<std::thread> refreshers_;
  std::thread warmer_;
  std::thread related_worker_;

  std::mutex counts_mutex_;
  std::unordered_map<std::string, std::int64_t> counts_;
  std::atomic<bool> stopping_{false};
  std::thread watcher_;
};

// Adds the security headers every response carries (CSP, nosniff, frame and referrer policy).
void add_security_headers(http::Response& res);

}  // namespace gazette::web
