// What the page modules share, provided by Site: the configuration, the theme, a database connection
// for the calling thread, listing counts kept until their listing changes, the 404 page, and the
// newsroom's hook into the page cache. Every member is safe to call from any worker thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/article.h"
#include "http/message.h"
#include "http/router.h"
#include "store/connection.h"
#include "store/council_store.h"
#include "web/theme.h"

namespace gazette::web {

class PageContext {
 public:
  virtual ~PageContext() = default;
  virtual const config::Config& config() const = 0;
  virtual const Theme& theme() const = 0;
  // This thread's connection, opened on first use; valid until the thread ends.
  virtual store::Connection& db() = 0;
  // A listing's article count, kept until a change names the listing (`name`, a content::deps name):
  // counting a 45,000-article section takes ~11 ms, more than the rest of its page.
  virtual std::int64_t cached_count(const std::string& name, const std::function<std::int64_t()>& count) = 0;
  // The site's 404 page (never cached).
  virtual http::Response not_found_page(const http::Request& req) = 0;
  // After a newsroom write that started at `write_started`: reads the change log now, renders again
  // the first pages made stale since then (whichever thread read the change first), and renders the
  // article's own page (none when article_id is 0), so neither the editor nor the first reader waits
  // on a render.
  virtual void content_written(std::int64_t article_id, std::chrono::steady_clock::time_point write_started) = 0;
  // An article's page exactly as readers would see it, for the newsroom's preview: never cached,
  // marked noindex. `typed_councils` (unsaved text) replaces the councils stored for it.
  virtual http::Response article_preview(const content::Article& a,
                                         const std::vector<store::CouncilRow>* typed_councils) = 0;
};

// One area of the site (public pages, feeds, search, councils, jobs, the newsroom): its handlers and
// the routes it registers. Handlers parse the request, call the domain and render; the rules live in
// the domain folders. A module lives as long as the Site that made it.
class PageModule {
 public:
  explicit PageModule(PageContext& ctx) : ctx_(ctx), config_(ctx.config()), theme_(ctx.theme()) {}
  virtual ~PageModule() = default;
  PageModule(const PageModule&) = delete;
  PageModule& operator=(const PageModule&) = delete;

  // Adds this module's routes, of any method. The router prefers literal segments over captures, so
  // the order modules register in does not matter.
  virtual void add_routes(http::Router& router) = 0;

 protected:
  store::Connection& db() { return ctx_.db(); }
  std::int64_t cached_count(const std::string& name, const std::function<std::int64_t()>& count) {
    return ctx_.cached_count(name, count);
  }
  http::Response not_found_page(const http::Request& req) { return ctx_.not_found_page(req); }

  PageContext& ctx_;
  const config::Config& config_;
  const Theme& theme_;
};

}  // namespace gazette::web
