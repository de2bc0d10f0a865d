#include "web/site.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>

#include "accounts/accounts.h"
#include "content/article_service.h"
#include "content/dependencies.h"
#include "search/related.h"
#include "store/change_listener.h"
#include "store/change_store.h"
#include "store/content_store.h"
#include "store/job_store.h"
#include "web/advert_desk.h"
#include "web/bulletin_desk.h"
#include "web/council_pages.h"
#include "web/feeds.h"
#include "web/jobs_pages.h"
#include "web/media_pages.h"
#include "web/newsroom.h"
#include "web/render_deps.h"
#include "web/search_page.h"
#include "web/subscribe_pages.h"
#include "web/urls.h"

namespace gazette::web {
namespace {

// A GET for `target`, as the cache renders a page again on its own; nullopt for a target that does not parse.
std::optional<http::Request> get_request(const std::string& target) {
  http::Request req;
  req.method = "GET";
  req.target = target;
  if (!req.parse_target()) return std::nullopt;
  return req;
}

}  // namespace

void add_security_headers(http::Response& res) {
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("X-Frame-Options", "DENY");
  res.headers.emplace_back("Referrer-Policy", "strict-origin-when-cross-origin");
  res.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                           "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
}

struct Site::Flight {
  std::mutex mutex;
  std::condition_variable done_cv;
  bool done = false;
  std::shared_ptr<const CachedPage> page;
  http::Response uncached;
};

Site::Site(const config::Config& config)
    : config_(config),
      cache_(static_cast<std::size_t>(config.cache_max_entries), static_cast<std::size_t>(config.cache_max_mb) << 20),
      jobs_([this]() -> store::Connection& { return db(); }) {
  theme_.load(config_.theme_dir);
  // The sign-up box's form token is signed with the site's secret (made on first use). A database this
  // process cannot write has no box: nobody could sign up through it.
  if (!config_.read_only && config_.form_secret.empty()) {
    try {
      config_.form_secret = accounts::site_secret(db());
    } catch (const std::exception& e) {
      spdlog::warn("the bulletin sign-up box is off: {}", e.what());
    }
  }
  add_routes();
}

Site::~Site() {
  stopping_ = true;
  {
    std::lock_guard lock(refresh_mutex_);  // so a refresher between its check and its wait sees it
  }
  refresh_cv_.notify_all();
  if (warmer_.joinable()) warmer_.join();
  if (related_worker_.joinable()) related_worker_.join();
  for (auto& t : refreshers_)
    if (t.joinable()) t.join();
  if (watcher_.joinable()) watcher_.join();
  // Remember the pages readers used most, so the next start renders them before readers ask.
  const std::string file = warm_file();
  if (!file.empty() && config_.warm_pages > 0 && cache_.size() > 0) {
    std::ofstream out(file + ".tmp", std::ios::trunc);
    for (const auto& key : cache_.hottest(static_cast<std::size_t>(config_.warm_pages))) out << key << "\n";
    out.close();
    if (out) std::rename((file + ".tmp").c_str(), file.c_str());
  }
}

std::string Site::warm_file() const {
  const auto file = store::database_file(config_.db);
  return file ? *file + ".hot" : "";
}

store::Connection& Site::db() {
  // One connection per worker thread: SQLite connections must not be shared between threads.
  thread_local std::unique_ptr<store::Connection> conn;
  thread_local std::string path;
  if (!conn || path != config_.db) {
    conn = store::open(config_.db);
    path = config_.db;
  }
  return *conn;
}

void Site::add_routes() {
  auto public_pages = std::make_unique<PublicPages>(*this, jobs_);
  public_pages_ = public_pages.get();
  modules_.push_back(std::move(public_pages));
  modules_.push_back(std::make_unique<Feeds>(*this, jobs_));
  modules_.push_back(std::make_unique<SearchPages>(*this));
  modules_.push_back(std::make_unique<CouncilPages>(*this, jobs_));
  modules_.push_back(std::make_unique<JobsPages>(*this, jobs_));
  modules_.push_back(std::make_unique<Newsroom>(*this));
  modules_.push_back(std::make_unique<SubscribePages>(*this));
  modules_.push_back(std::make_unique<BulletinDesk>(*this));
  modules_.push_back(std::make_unique<MediaPages>(*this));
  modules_.push_back(std::make_unique<AdvertDesk>(*this));
  for (auto& m : modules_) m->add_routes(router_);
  router_.get("/healthz", [this](const http::Request&, const http::Params&) {
    // Healthy when the database answers.
    store::ChangeStore(db()).last_seq();
    return http::Response::text(200, "ok\n");
  });
  router_.not_found([this](const http::Request& r, const http::Params&) { return not_found_page(r); });
}

http::Response Site::unavailable_page() {
  http::Response res = http::Response::text(503, "The site is unavailable for a moment: please try again shortly.\n");
  res.cacheable = false;
  res.set_header("Retry-After", "5");
  res.set_header("Cache-Control", "no-store");
  return res;
}

http::Response Site::not_found_page(const http::Request& req) {
  // An imported site's old addresses (schema 16) answer 301 before anything is called missing.
  try {
    if (auto to = store::ContentStore(db()).redirect_target(req.path, std::time(nullptr))) {
      return http::Response::redirect(301, article_path(to->section_slug, to->slug, to->published_at));
    }
  } catch (const std::exception&) {
    // The 404 page still renders if the database is unavailable.
  }
  return public_pages_->render_not_found(req);
}

http::Response Site::article_preview(const content::Article& a, const std::vector<store::CouncilRow>* typed_councils) {
  return public_pages_->render_article(a, typed_councils, true);
}

std::string Site::key_for(const http::Request& req) const {
  // The common case, a plain path without a query already in its one form, costs no route lookup.
  if (req.query.empty() && req.target == req.path) return req.target;
  static const std::vector<std::string> none;
  const auto* params = router_.query_params(req.path);
  return cache_key(req, params ? *params : none);
}

void Site::content_written(std::int64_t article_id, std::chrono::steady_clock::time_point write_started) {
  apply_changes();
  std::vector<std::pair<std::string, std::string>> pages;
  {
    std::lock_guard lock(recent_mutex_);
    for (const auto& m : recent_marked_)
      if (m.at >= write_started) pages.insert(pages.end(), m.pages.begin(), m.pages.end());
  }
  // The first 100 (the listings a change names first: home, sections, feeds), so the editor's next
  // look at the site shows the change rather than a page waiting for its re-render.
  std::size_t n = 0;
  for (const auto& [key, target] : pages) {
    if (n == 100) break;
    auto hit = cache_.find(key);
    if (hit && !hit.stale()) continue;  // rendered again already
    ++n;
    if (cache_.claim_refresh(key)) rerender(key, target);
  }
  prerender_article(article_id);
}

http::Response Site::render_uncached(http::Request& req) {
  try {
    return router_.dispatch(req);
  } catch (const store::Unavailable& e) {
    // The database server is down or restarting: say so, and let the reader try again shortly.
    spdlog::warn("{}: {}", req.target, e.what());
    return unavailable_page();
  } catch (const std::exception& e) {
    spdlog::error("rendering {} failed: {}", req.target, e.what());
    return http::Response::text(500, "Internal server error: the page could not be rendered.\n");
  }
}

http::Response Site::render(http::Request& req) {
  RenderDeps deps;
  http::Response res = render_uncached(req);
  if (res.cacheable) {
    auto& names = deps.names();
    res.cache_tags.insert(res.cache_tags.end(), std::make_move_iterator(names.begin()),
                          std::make_move_iterator(names.end()));
    if (deps.ttl() > 0 && (res.cache_ttl == 0 || deps.ttl() < res.cache_ttl)) res.cache_ttl = deps.ttl();
  }
  return res;
}

std::shared_ptr<const CachedPage> Site::render_and_store(const std::string& key, http::Request& req,
                                                         http::Response& uncached) {
  const std::uint64_t stamp = cache_.stamp();
  http::Response res = render(req);
  if (res.cacheable && res.status < 500) return cache_.store(key, res, stamp, 0, req.target);
  uncached = std::move(res);
  return nullptr;
}

std::shared_ptr<const CachedPage> Site::render_shared(const std::string& key, http::Request& req,
                                                      http::Response& uncached) {
  std::shared_ptr<Flight> flight;
  bool leader = false;
  {
    std::lock_guard lock(flights_mutex_);
    auto& slot = flights_[key];
    if (!slot) {
      slot = std::make_shared<Flight>();
      leader = true;
    }
    flight = slot;
  }
  if (!leader) {
    std::unique_lock lock(flight->mutex);
    if (flight->done_cv.wait_for(lock, std::chrono::seconds(10), [&] { return flight->done; })) {
      if (flight->page) return flight->page;
      uncached = flight->uncached;
      return nullptr;
    }
    // The first render is taking too long: render this one separately.
    lock.unlock();
    return render_and_store(key, req, uncached);
  }
  // The flight completes whatever happens, or every later reader of this page would wait on it.
  std::shared_ptr<const CachedPage> page;
  try {
    page = render_and_store(key, req, uncached);
  } catch (const store::Unavailable& e) {
    spdlog::warn("{}: {}", req.target, e.what());
    uncached = unavailable_page();
  } catch (const std::exception& e) {
    spdlog::error("rendering {} failed: {}", req.target, e.what());
    uncached = http::Response::text(500, "Internal server error: the page could not be rendered.\n");
  }
  {
    std::lock_guard lock(flight->mutex);
    flight->page = page;
    if (!page) flight->uncached = uncached;
    flight->done = true;
  }
  flight->done_cv.notify_all();
  std::lock_guard lock(flights_mutex_);
  flights_.erase(key);
  return page;
}

http::Response Site::handle(http::Request& req) {
  // The newsroom and the subscription pages are per person: rendered every time, never stored by the
  // page cache or a browser.
  if (req.path == "/newsroom" || req.path.starts_with("/newsroom/") || req.path == "/subscribe" ||
      req.path.starts_with("/subscribe/")) {
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
  const std::string key = key_for(req);
  const int stale_seconds = config_.cache_stale_seconds;
  auto hit = cache_.find(key);
  std::shared_ptr<const CachedPage> page;
  const char* how = "MISS";  // X-Cache, for operators and tests: HIT, STALE (re-rendering) or MISS
  if (hit && (!hit.stale() || hit.stale_for_ms <= std::int64_t{stale_seconds} * 1000)) {
    // Fresh, or stale within the bound: serve it now; one background render brings it up to date.
    if (hit.stale() && !hit.refreshing) schedule_refresh(key, req.target);
    page = hit.page;
    how = hit.stale() ? "STALE" : "HIT";
  } else {
    http::Response uncached;
    page = render_shared(key, req, uncached);
    if (!page) {
      add_security_headers(uncached);
      return uncached;
    }
  }
  http::Response res = PageCache::respond(*page, req, config_.cache_max_age, stale_seconds);
  res.headers.emplace_back("X-Cache", how);
  add_security_headers(res);
  return res;
}

void Site::schedule_refresh(const std::string& key, const std::string& target) {
  if (refreshers_.empty() || !cache_.claim_refresh(key)) return;
  {
    std::lock_guard lock(refresh_mutex_);
    if (refresh_queue_.size() < 10000) {
      refresh_queue_.emplace_back(key, target);
      refresh_cv_.notify_one();
      return;
    }
  }
  // The queue is full: readers keep the stale page until the bound, then render it themselves.
  cache_.release_refresh(key);
}

void Site::refresh_loop() {
  while (!stopping_) {
    std::pair<std::string, std::string> job;
    {
      std::unique_lock lock(refresh_mutex_);
      refresh_cv_.wait(lock, [&] { return stopping_ || !refresh_queue_.empty(); });
      if (stopping_) return;
      job = std::move(refresh_queue_.front());
      refresh_queue_.pop_front();
    }
    rerender(job.first, job.second);
  }
}

void Site::warm() {
  // Home and section pages, then what readers used most before the last stop, rendered before (or
  // while) the first readers arrive, so a restart is not a storm of misses.
  std::vector<std::string> targets{"/"};
  try {
    for (const auto& s : store::ContentStore(db()).sections()) targets.push_back("/" + s.slug);
  } catch (const std::exception& e) {
    spdlog::warn("warm start: {}", e.what());
  }
  if (const std::string file = warm_file(); !file.empty()) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line) && targets.size() < static_cast<std::size_t>(config_.warm_pages))
      if (!line.empty() && line.front() == '/' && line.size() < 2048) targets.push_back(line);
  }
  std::size_t done = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const auto& target : targets) {
    if (stopping_) return;
    auto req = get_request(target);
    if (!req) continue;
    const std::string key = key_for(*req);
    if (cache_.find(key)) continue;
    http::Response uncached;
    if (render_shared(key, *req, uncached)) ++done;
  }
  spdlog::info("warm start: {} pages rendered in {} ms", done,
               std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
}

std::int64_t Site::cached_count(const std::string& name, const std::function<std::int64_t()>& count) {
  {
    std::lock_guard lock(counts_mutex_);
    if (auto it = counts_.find(name); it != counts_.end()) return it->second;
  }
  const std::uint64_t stamp = cache_.stamp();
  const std::int64_t n = count();
  std::lock_guard lock(counts_mutex_);
  if (cache_.stamp() == stamp && counts_.size() < 100000) counts_[name] = n;
  return n;
}

void Site::start_change_watcher() {
  {
    std::lock_guard lock(changes_mutex_);
    try {
      changes_conn_ = store::open(config_.db, true);
      seen_seq_ = store::ChangeStore(*changes_conn_).last_seq();
    } catch (const std::exception& e) {
      spdlog::warn("change watcher: {}", e.what());
    }
    checked_until_ = std::time(nullptr);
  }
  watcher_ = std::thread([this] { watch_changes(); });
  const int threads = std::max(1, config_.render_threads);
  for (int i = 0; i < threads && cache_.enabled(); ++i) refreshers_.emplace_back([this] { refresh_loop(); });
  if (config_.warm_pages > 0 && cache_.enabled()) warmer_ = std::thread([this] { warm(); });
  // Related reading is computed and stored as articles arrive; a read-only database keeps what it has.
  if (!config_.read_only) related_worker_ = std::thread([this] { maintain_related(); });
}

void Site::maintain_related() {
  // New and edited articles get their related reading within a second (and the articles a new one
  // relates to, after it). An imported or upgraded archive's backlog is left to `gazette related
  // refresh`: working through it here would write every few milliseconds, and each write makes every
  // worker's SQLite page cache start over. Until then those pages compute their lists as they render.
  // The same writer clears the bin once an hour: articles binned more than 30 days ago go for good.
  std::unique_ptr<store::Connection> conn;
  std::int64_t next_bin_purge = 0;
  while (!stopping_) {
    try {
      if (!conn) conn = store::open(config_.db);
      if (const std::int64_t now = std::time(nullptr); now >= next_bin_purge) {
        next_bin_purge = now + 3600;
        store::Transaction tx(*conn);
        if (const int purged = content::ArticleService(*conn).purge_expired(now); purged > 0)
          spdlog::info("bin: {} articles binned over 30 days ago deleted", purged);
        accounts::purge_sign_in_throttle(*conn, now);
        tx.commit();
      }
      if (search::refresh_related(*conn, 50, 1) > 0) continue;
    } catch (const std::exception& e) {
      spdlog::warn("related reading: {}", e.what());
      conn.reset();
    }
    for (int i = 0; i < 5 && !stopping_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void Site::apply_changes() {
  std::vector<std::pair<std::string, std::string>> marked;
  {
    std::lock_guard lock(changes_mutex_);
    try {
      if (!changes_conn_) changes_conn_ = store::open(config_.db, true);
      marked = apply_changes_locked(*changes_conn_);
    } catch (const std::exception& e) {
      spdlog::warn("change watcher: {}", e.what());
      changes_conn_.reset();
    }
  }
  if (marked.empty()) return;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(recent_mutex_);
  // Ten seconds of history is far more than any save takes; 64 batches bound the memory.
  while (!recent_marked_.empty() &&
         (recent_marked_.size() >= 64 || now - recent_marked_.front().at > std::chrono::seconds(10)))
    recent_marked_.pop_front();
  if (marked.size() > 1000) marked.resize(1000);
  recent_marked_.push_back({now, std::move(marked)});
}

void Site::prerender_article(std::int64_t id) {
  try {
    auto article = store::ContentStore(db()).article_by_id(id);
    if (!article || article->status == content::Status::draft || article->published_at > std::time(nullptr)) return;
    auto req = get_request(article_path(*article));
    if (!req) return;
    const std::string key = key_for(*req);
    if (auto hit = cache_.find(key); hit && !hit.stale()) return;
    http::Response uncached;
    render_shared(key, *req, uncached);
  } catch (const std::exception& e) {
    spdlog::warn("rendering article {} ahead of readers: {}", id, e.what());
  }
}

void Site::rerender(const std::string& key, const std::string& target) {
  auto req = get_request(target);
  if (!req) {
    cache_.erase(key);
    return;
  }
  http::Response uncached;
  if (render_and_store(key, *req, uncached)) return;
  if (uncached.status >= 500) {
    // Readers keep the page they had (within cache_stale_seconds); the next request tries again.
    spdlog::error("re-rendering {} failed (status {}); serving the cached page meanwhile", target, uncached.status);
    cache_.release_refresh(key);
  } else {
    cache_.erase(key);  // the page is gone (unpublished, moved): the next reader gets the answer
  }
}

std::vector<std::pair<std::string, std::string>> Site::apply_changes_locked(store::Connection& conn) {
  store::ChangeStore changes(conn);
  std::vector<std::string> names;
  if (seen_seq_ < 0) {
    seen_seq_ = changes.last_seq();
    names.emplace_back(content::deps::kAll);
  } else if (changes.gap_after(seen_seq_)) {
    // Changes were pruned before this node read them: it cannot know what they touched.
    seen_seq_ = changes.last_seq();
    names.emplace_back(content::deps::kAll);
  }
  // On PostgreSQL a seq is taken at insert and becomes visible at commit, so seq 11 can be read while
  // seq 10's transaction is still open. The seqs skipped over are kept as holes and looked for again
  // on every poll until they appear, or for a minute (a rolled-back insert leaves a hole for good).
  // SQLite commits one writer at a time, in seq order, and has none.
  const auto clock = std::chrono::steady_clock::now();
  if (!change_holes_.empty()) {
    std::vector<std::int64_t> wanted;
    for (const auto& [seq, since] : change_holes_) wanted.push_back(seq);
    for (auto& c : changes.by_seqs(wanted)) {
      change_holes_.erase(c.seq);
      names.insert(names.end(), std::make_move_iterator(c.names.begin()), std::make_move_iterator(c.names.end()));
    }
    std::erase_if(change_holes_, [&](const auto& h) { return clock - h.second > std::chrono::minutes(1); });
  }
  for (;;) {
    auto batch = changes.since(seen_seq_, 500);
    for (auto& c : batch) {
      for (std::int64_t hole = std::max(seen_seq_ + 1, c.seq - 1000); hole < c.seq; ++hole)
        if (change_holes_.size() < 10000) change_holes_.emplace(hole, clock);
      seen_seq_ = c.seq;
      names.insert(names.end(), std::make_move_iterator(c.names.begin()), std::make_move_iterator(c.names.end()));
    }
    if (batch.size() < 500) break;
  }
  // Scheduled articles coming due and adverts reaching their closing time change pages without a write.
  const std::int64_t now = std::time(nullptr);
  if (now > checked_until_) {
    for (std::int64_t id : store::ContentStore(conn).due_between(checked_until_, now)) {
      auto n = changes.article_names(id);
      names.insert(names.end(), n.begin(), n.end());
    }
    store::JobStore jobs(conn);
    for (std::int64_t id : jobs.closing_between(checked_until_, now)) {
      auto n = changes.job_names(id, false);
      names.insert(names.end(), n.begin(), n.end());
    }
    checked_until_ = now;
  }
  std::vector<std::pair<std::string, std::string>> marked;
  if (names.empty()) return marked;
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  const bool all = std::binary_search(names.begin(), names.end(), std::string(content::deps::kAll));
  if (all || std::binary_search(names.begin(), names.end(), std::string(content::deps::kJobs))) {
    // Rebuild the job index here, off the request path, before the pages that use it go stale.
    try {
      jobs_.rebuild(conn);
    } catch (const std::exception& e) {
      spdlog::warn("rebuilding the job index: {}", e.what());
    }
  }
  const std::size_t count = cache_.invalidate(names, &marked);
  {
    // After invalidate() moved the stamp, so a count read before the change cannot be stored after it.
    std::lock_guard lock(counts_mutex_);
    if (all)
      counts_.clear();
    else
      for (const auto& n : names) counts_.erase(n);
  }
  spdlog::debug("changes: {} names, {} cached pages stale", names.size(), count);
  return marked;
}

void Site::watch_changes() {
  // A poll is one indexed read; 50 ms keeps "an import shows up at once" true to the eye. On PostgreSQL
  // a listener wakes the watcher as soon as another node writes (NOTIFY), and the poll stays as the
  // fallback; a lost listener is made again after a second.
  std::unique_ptr<store::ChangeListener> listener;
  auto next_listen = std::chrono::steady_clock::now();
  while (!stopping_) {
    apply_changes();
    if (!listener && std::chrono::steady_clock::now() >= next_listen) {
      try {
        listener = store::change_listener(config_.db);
      } catch (const std::exception& e) {
        spdlog::debug("change listener: {}", e.what());
      }
      if (!listener) next_listen = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    }
    if (listener) {
      try {
        listener->wait(50);
        continue;
      } catch (const std::exception& e) {
        spdlog::debug("change listener: {}", e.what());
        listener.reset();
        next_listen = std::chrono::steady_clock::now() + std::chrono::seconds(1);
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace gazette::web
