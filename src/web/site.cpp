#include "web/site.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>

#include "store/content_store.h"
#include "store/job_store.h"

namespace gazette::web {

void add_security_headers(http::Response& res) {
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("X-Frame-Options", "DENY");
  res.headers.emplace_back("Referrer-Policy", "strict-origin-when-cross-origin");
  res.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                           "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
}

Site::Site(const config::Config& config) : config_(config), cache_(static_cast<std::size_t>(config.cache_max_entries)) {
  theme_.load(config_.theme_dir);
  add_routes();
}

Site::~Site() {
  stopping_ = true;
  if (watcher_.joinable()) watcher_.join();
}

store::Connection& Site::db() {
  // One connection per worker thread: SQLite connections must not be shared between threads.
  thread_local std::unique_ptr<store::Connection> conn;
  thread_local std::string path;
  if (!conn || path != config_.db) {
    conn = store::open_sqlite(config_.db);
    path = config_.db;
  }
  return *conn;
}

void Site::add_routes() {
  using http::Params;
  using http::Request;
  router_.get("/", [this](const Request& r, const Params&) { return home(r); });
  router_.get("/healthz", [this](const Request&, const Params&) {
    // Healthy when the database answers.
    store::ContentStore(db()).content_version();
    return http::Response::text(200, "ok\n");
  });
  router_.get("/robots.txt", [this](const Request&, const Params&) { return robots(); });
  router_.get("/sitemap.xml", [this](const Request& r, const Params& p) { return sitemap(r, p); });
  router_.get("/sitemaps/{file}", [this](const Request& r, const Params& p) { return sitemap(r, p); });
  router_.get("/feed.xml", [this](const Request& r, const Params& p) { return feed(r, p, false); });
  router_.get("/atom.xml", [this](const Request& r, const Params& p) { return feed(r, p, true); });
  router_.get("/search", [this](const Request& r, const Params&) { return search_page(r); });
  router_.get("/councils", [this](const Request& r, const Params&) { return councils_page(r); });
  router_.get("/councils/{council}", [this](const Request& r, const Params& p) { return council_page(r, p); });
  router_.get("/councils/{council}/feed.xml", [this](const Request& r, const Params& p) { return feed(r, p, false); });
  router_.get("/councils/{council}/atom.xml", [this](const Request& r, const Params& p) { return feed(r, p, true); });
  router_.get("/jobs", [this](const Request& r, const Params&) { return jobs_page(r); });
  router_.get("/jobs/feed.xml", [this](const Request& r, const Params&) { return jobs_xml_feed(r); });
  router_.get("/jobs/rss", [this](const Request& r, const Params&) { return jobs_rss(r); });
  router_.get("/jobs/employers/{employer}", [this](const Request& r, const Params& p) { return employer_page(r, p); });
  router_.get("/jobs/{id}/{slug}", [this](const Request& r, const Params& p) { return job_page(r, p); });
  router_.get("/newsroom", [this](const Request& r, const Params&) { return newsroom_articles(r); });
  router_.get("/newsroom/login", [this](const Request& r, const Params&) { return newsroom_login_form(r, 200, "", ""); });
  router_.add("POST", "/newsroom/login", [this](const Request& r, const Params&) { return newsroom_login(r); });
  router_.add("POST", "/newsroom/logout", [this](const Request& r, const Params&) { return newsroom_logout(r); });
  router_.get("/newsroom/articles/new", [this](const Request& r, const Params& p) { return newsroom_editor(r, p, 200, "", nullptr); });
  router_.add("POST", "/newsroom/articles/new", [this](const Request& r, const Params& p) { return newsroom_save(r, p); });
  router_.get("/newsroom/articles/{id}", [this](const Request& r, const Params& p) { return newsroom_editor(r, p, 200, "", nullptr); });
  router_.add("POST", "/newsroom/articles/{id}", [this](const Request& r, const Params& p) { return newsroom_save(r, p); });
  router_.get("/static/{file}", [this](const Request&, const Params& p) { return static_asset(p); });
  router_.get("/authors/{author}", [this](const Request& r, const Params& p) { return author_page(r, p); });
  router_.get("/authors/{author}/feed.xml", [this](const Request& r, const Params& p) { return feed(r, p, false); });
  router_.get("/authors/{author}/atom.xml", [this](const Request& r, const Params& p) { return feed(r, p, true); });
  router_.get("/tags/{tag}", [this](const Request& r, const Params& p) { return tag_page(r, p); });
  router_.get("/tags/{tag}/feed.xml", [this](const Request& r, const Params& p) { return feed(r, p, false); });
  router_.get("/{section}", [this](const Request& r, const Params& p) { return section_page(r, p); });
  router_.get("/{section}/feed.xml", [this](const Request& r, const Params& p) { return feed(r, p, false); });
  router_.get("/{section}/atom.xml", [this](const Request& r, const Params& p) { return feed(r, p, true); });
  router_.get("/{section}/{year}/{month}/{day}/{slug}",
              [this](const Request& r, const Params& p) { return article_page(r, p); });
  router_.not_found([this](const Request& r, const Params&) { return not_found_page(r); });
}

http::Response Site::render_uncached(http::Request& req) {
  try {
    return router_.dispatch(req);
  } catch (const std::exception& e) {
    spdlog::error("rendering {} failed: {}", req.target, e.what());
    return http::Response::text(500, "Internal server error: the page could not be rendered.\n");
  }
}

http::Response Site::handle(http::Request& req) {
  // The newsroom is per person: rendered every time, never stored by the page cache or a browser.
  if (req.path == "/newsroom" || req.path.starts_with("/newsroom/")) {
    http::Response res = render_uncached(req);
    res.cacheable = false;
    res.set_header("Cache-Control", "no-store");
    add_security_headers(res);
    return res;
  }
  if (req.method != "GET" && req.method != "HEAD") {
    http::Response res = http::Response::text(405, "Method not allowed\n");
    res.set_header("Allow", "GET, HEAD");
    add_security_headers(res);
    return res;
  }
  const std::string key = cache_key(req);
  auto page = cache_.find(key);
  if (!page) {
    const std::uint64_t generation = cache_.generation();
    http::Response res = render_uncached(req);
    if (!res.cacheable) {
      add_security_headers(res);
      return res;
    }
    page = cache_.store(key, res, generation, std::time(nullptr));
  }
  http::Response res = PageCache::respond(*page, req, config_.cache_max_age);
  add_security_headers(res);
  return res;
}

std::shared_ptr<const search::JobIndex> Site::job_index() {
  const std::uint64_t generation = cache_.generation();
  std::lock_guard lock(job_index_mutex_);
  if (!job_index_ || job_index_generation_ != generation) {
    job_index_ = std::make_shared<const search::JobIndex>(store::JobStore(db()).index_rows());
    job_index_generation_ = generation;
  }
  return job_index_;
}

void Site::start_change_watcher() {
  watcher_ = std::thread([this] { watch_changes(); });
}

void Site::watch_changes() {
  // Polls the content version other processes bump, and the next scheduled publication time. A poll
  // is one indexed read; 50 ms keeps "an import shows up at once" true to the eye.
  std::unique_ptr<store::Connection> conn;
  std::int64_t seen_version = -1, next_due = 0, next_closing = 0;
  while (!stopping_) {
    try {
      if (!conn) conn = store::open_sqlite(config_.db, true);
      store::ContentStore content(*conn);
      std::int64_t now = std::time(nullptr);
      std::int64_t version = content.content_version();
      // A scheduled article coming due or an advert reaching its closing date changes pages too.
      bool due = (next_due != 0 && now >= next_due) || (next_closing != 0 && now >= next_closing);
      if (seen_version >= 0 && (version != seen_version || due)) cache_.invalidate();
      if (version != seen_version || due) {
        next_due = content.next_scheduled(now);
        next_closing = store::JobStore(*conn).next_closing(now);
      }
      seen_version = version;
    } catch (const std::exception& e) {
      spdlog::warn("change watcher: {}", e.what());
      conn.reset();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace gazette::web
