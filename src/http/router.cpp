#include "http/router.h"

namespace gazette::http {

namespace {

bool is_capture(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    if (end > pos) out.emplace_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

void Router::add(std::string method, std::string pattern, Handler h, std::vector<std::string> query_params) {
  Route route{std::move(method), split_path(pattern), {}, std::move(h), std::move(query_params)};
  route.literal.reserve(route.segments.size());
  for (const auto& s : route.segments) route.literal.push_back(!is_capture(s));
  routes_.push_back(std::move(route));
}

bool Router::matches(const Route& route, const std::vector<std::string>& segments) {
  if (route.segments.size() != segments.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i)
    if (route.literal[i] && route.segments[i] != segments[i]) return false;
  return true;
}

const Router::Route* Router::best(const std::string& method, const std::vector<std::string>& segments,
                                  std::string* allowed) const {
  const Route* found = nullptr;
  for (const auto& route : routes_) {
    if (!matches(route, segments)) continue;
    if (route.method != method) {
      const std::string m = route.method == "GET" ? "GET, HEAD" : route.method;
      if (allowed && allowed->find(m) == std::string::npos) *allowed += (allowed->empty() ? "" : ", ") + m;
      continue;
    }
    // The first segment where two matching patterns differ decides: a literal there beats a
    // capture. Vectors of bools compare lexicographically; on a tie the earlier route stays.
    if (!found || route.literal > found->literal) found = &route;
  }
  return found;
}

const std::vector<std::string>* Router::query_params(std::string_view path) const {
  const Route* route = best("GET", split_path(path), nullptr);
  return route ? &route->query_params : nullptr;
}

Response Router::dispatch(const Request& req) const {
  const std::string method = req.method == "HEAD" ? std::string("GET") : req.method;
  const auto segments = split_path(req.path);
  std::string allowed;  // the methods routes for this path take, for a 405's Allow header
  const Route* route = best(method, segments, &allowed);
  if (route) {
    Params params;
    for (size_t i = 0; i < segments.size(); ++i) {
      const std::string& p = route->segments[i];
      if (!route->literal[i]) params[p.substr(1, p.size() - 2)] = segments[i];
    }
    return route->handler(req, params);
  }
  if (!allowed.empty()) {
    Response r = Response::text(405, "Method not allowed\n");
    r.set_header("Allow", allowed);
    return r;
  }
  if (not_found_) return not_found_(req, {});
  return Response::text(404, "Not found\n");
}

}  // namespace gazette::http
