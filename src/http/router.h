// Maps method + path to a handler. Patterns are '/'-separated literals and {name} captures, matched
// whole-segment: "/{section}/{year}/{month}/{day}/{slug}". When several patterns of a method match a
// path, the most specific wins whatever the order they were added in: at the first segment where
// they differ, a literal beats a capture ("/jobs/feed.xml" over "/jobs/{slug}" over "/{section}/{slug}").
// Any module may add routes of any method. Built once at start-up, then read-only and safe to share
// between threads.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace gazette::http {

using Params = std::map<std::string, std::string, std::less<>>;
using Handler = std::function<Response(const Request&, const Params&)>;

class Router {
 public:
  // Registers a handler for GET (and so HEAD) or another method. Of two identical patterns for one
  // method, the one added first wins.
  // `query_params` names the query parameters the handler reads, for query_params() below.
  void get(std::string pattern, Handler h, std::vector<std::string> query_params = {}) {
    add("GET", std::move(pattern), std::move(h), std::move(query_params));
  }
  void post(std::string pattern, Handler h) { add("POST", std::move(pattern), std::move(h)); }
  void add(std::string method, std::string pattern, Handler h, std::vector<std::string> query_params = {});
  // Sets the handler for paths no route matches (the 404 page).
  void not_found(Handler h) { not_found_ = std::move(h); }

  // Dispatches; HEAD is routed as GET. A path that matches only other methods gets 405.
  Response dispatch(const Request& req) const;

  // The query parameters the GET route for `path` reads (as registered), or nullptr when no GET route
  // matches. A page cache keys pages by these alone, so ?utm_source=... cannot make new pages.
  const std::vector<std::string>* query_params(std::string_view path) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    std::vector<bool> literal;  // per segment: a literal (true) or a {capture}
    Handler handler;
    std::vector<std::string> query_params;
  };
  // The most specific route of `method` for `segments`; `allowed` (when given) collects the methods of
  // the routes matching the path.
  const Route* best(const std::string& method, const std::vector<std::string>& segments, std::string* allowed) const;
  static bool matches(const Route& route, const std::vector<std::string>& segments);
  std::vector<Route> routes_;
  Handler not_found_;
};

// Splits a path into its segments ("/a/b/" -> {"a", "b"}).
std::vector<std::string> split_path(std::string_view path);

}  // namespace gazette::http
