// The public website: routes, handlers and the page cache in front of them.
// One Site serves all worker threads: handle() is thread-safe. Each thread opens its own database
// connection on first use.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "accounts/accounts.h"
#include "config/config.h"
#include "http/message.h"
#include "http/router.h"
#include "search/job_search.h"
#include "store/connection.h"
#include "web/page_cache.h"
#include "web/theme.h"

namespace gazette::web {

// The article editor's fields as typed, so a refused save shows them again rather than losing them.
struct EditFormValues {
  std::string headline, standfirst, body, byline, tags, section, status;
  std::string
      published;  // "YYYY-MM-DDTHH:MM" (UTC), as an <input type=datetime-local> sends it; empty: now / unchanged
};

class Site {
 public:
  // Loads the theme and builds the routes; throws std::runtime_error on a broken theme.
  explicit Site(const config::Config& config);
  ~Site();

  // Answers one request: from the page cache when it can, else by rendering (and caching) the page.
  http::Response handle(http::Request& req);

  // Starts the background threads: the change watcher (reads the change log every 50 ms, so writes by
  // other processes and nodes show at once; notices scheduled articles coming due and adverts
  // closing; makes stale the cached pages that depend on what changed), the re-render threads, and
  // the warm start. Stopped by the destructor.
  void start_change_watcher();

  // Reads the change log now and applies it. With `render_now` (the newsroom, after its own writes),
  // the first 100 pages it made stale are rendered again before it returns, so the editor's next look
  // at the site shows the change rather than the page being re-rendered.
  void apply_changes(bool render_now = false);

  PageCache& cache() { return cache_; }

  // A listing's article count, kept until a change names the listing (`name`, a content::deps name):
  // counting a 45,000-article section takes ~11 ms, more than the rest of its page.
  std::int64_t cached_count(const std::string& name, const std::function<std::int64_t()>& count);

 private:
  struct Flight;
  void add_routes();
  store::Connection& db();
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

  // Handlers (public_pages.cpp, feeds.cpp).
  http::Response home(const http::Request& req);
  http::Response section_page(const http::Request& req, const http::Params& p);
  http::Response article_page(const http::Request& req, const http::Params& p);
  http::Response author_page(const http::Request& req, const http::Params& p);
  http::Response tag_page(const http::Request& req, const http::Params& p);
  http::Response not_found_page(const http::Request& req);
  http::Response search_page(const http::Request& req);
  http::Response councils_page(const http::Request& req);
  http::Response council_page(const http::Request& req, const http::Params& p);
  http::Response jobs_page(const http::Request& req);
  http::Response job_page(const http::Request& req, const http::Params& p);
  http::Response employer_page(const http::Request& req, const http::Params& p);
  http::Response jobs_xml_feed(const http::Request& req);
  http::Response jobs_rss(const http::Request& req);
  // Fills JOBS_BOX in `d`: live jobs of this council (or category), else the latest with an honest label.
  void fill_job_box(ctemplate::TemplateDictionary* d, std::int64_t council_id, const std::string& council_name,
                    const std::string& category);
  // The job index for the current content generation, rebuilt on first use after a change.
  std::shared_ptr<const search::JobIndex> job_index();
  http::Response feed(const http::Request& req, const http::Params& p, bool atom);
  http::Response sitemap(const http::Request& req, const http::Params& p);
  http::Response robots();
  http::Response static_asset(const http::Params& p);

  // The newsroom (newsroom.cpp): never cached.
  std::optional<accounts::Session> newsroom_session(const http::Request& req);
  http::Response newsroom_page(const std::string& title, const std::string& body_html, const accounts::Session* session,
                               int status);
  http::Response newsroom_message(int status, const std::string& title, const std::string& message,
                                  const accounts::Session* session, const std::string& kept_text = "");
  http::Response newsroom_login_form(const http::Request& req, int status, const std::string& error,
                                     const std::string& email);
  http::Response newsroom_login(const http::Request& req);
  http::Response newsroom_logout(const http::Request& req);
  http::Response newsroom_articles(const http::Request& req);
  // The editor: the stored article, or `typed` values shown again; `check` lists the councils found in
  // the typed text without saving it.
  http::Response newsroom_editor(const http::Request& req, const http::Params& p, int status, const std::string& error,
                                 const EditFormValues* typed, bool check = false);
  http::Response newsroom_save(const http::Request& req, const http::Params& p);

  config::Config config_;
  Theme theme_;
  http::Router router_;
  PageCache cache_;
  std::mutex job_index_mutex_;
  std::shared_ptr<const search::JobIndex> job_index_;
  std::uint64_t job_index_version_ = 0;
  std::atomic<std::uint64_t> jobs_version_{1};  // bumped when a change names the jobs board

  // Change log reading (watcher thread and apply_changes).
  std::mutex changes_mutex_;
  std::unique_ptr<store::Connection> changes_conn_;
  std::int64_t seen_seq_ = -1;
  std::int64_t checked_until_ = 0;  // scheduled articles and closing adverts are handled up to here

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

  // The job boxes beside pages, by council and category, for one version of the job index.
  struct JobBox {
    std::string heading;
    std::vector<std::int64_t> ids;
    bool latest = false;
  };
  std::mutex job_box_mutex_;
  std::unordered_map<std::string, JobBox> job_boxes_;
  std::uint64_t job_box_version_ = 0;

  std::mutex counts_mutex_;
  std::unordered_map<std::string, std::int64_t> counts_;
  // Failed newsroom sign-ins: 5 per account and 50 per client address in 15 minutes.
  accounts::SignInThrottle account_throttle_{5, 15 * 60};
  accounts::SignInThrottle address_throttle_{50, 15 * 60};
  std::atomic<bool> stopping_{false};
  std::thread watcher_;
};

// Adds the security headers every response carries (CSP, nosniff, frame and referrer policy).
void add_security_headers(http::Response& res);

}  // namespace gazette::web
