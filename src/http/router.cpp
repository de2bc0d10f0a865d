#include "http/router.h"

namespace gazette::http {

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

void Router::add(std::string method, std::string pattern, Handler h) {
  routes_.push_back({std::move(method), split_path(pattern), std::move(h)});
}

Response Router::dispatch(const Request& req) const {
  const std::string& method = req.method == "HEAD" ? std::string("GET") : req.method;
  auto segments = split_path(req.path);
  std::string allowed;  // the methods routes for this path take, for a 405's Allow header
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    Params params;
    bool match = true;
    for (size_t i = 0; i < segments.size() && match; ++i) {
      const std::string& p = route.segments[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') params[p.substr(1, p.size() - 2)] = segments[i];
      else match = p == segments[i];
    }
    if (!match) continue;
    if (route.method != method) {
      const std::string m = route.method == "GET" ? "GET, HEAD" : route.method;
      if (allowed.find(m) == std::string::npos) allowed += (allowed.empty() ? "" : ", ") + m;
      continue;
    }
    return route.handler(req, params);
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
