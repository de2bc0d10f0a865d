// Gazette's own HTTP request and response types. Handlers see only these, never Beast, so they compile
// fast and are easy to test. Plain values; not shared between threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::http {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // "GET", "HEAD", "POST", ...
  std::string target;  // as sent: "/news?page=2"
  std::string path;    // percent-decoded and normalised: "/news" (no repeated or trailing slashes, no dot segments)
  Fields query;        // decoded query parameters in order
  Fields headers;      // names as sent
  std::string body;
  std::string remote_address;

  // First header value with this name (case-insensitive), or "" when absent.
  std::string_view header(std::string_view name) const;
  // First query parameter with this name, or nullopt.
  std::optional<std::string> param(std::string_view name) const;

  // Builds path and query from target with Boost.URL; returns false when the target is not a valid
  // origin-form URL (the server answers 400).
  bool parse_target();
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  Fields headers;  // extra headers (Location, ETag, Cache-Control, ...)
  // The body: either owned text or a shared, immutable buffer (cached pages are served without copying).
  std::string body;
  std::shared_ptr<const std::string> shared_body;
  // Public page that the page cache may keep (set by handlers of reader-facing pages).
  bool cacheable = false;
  // For a cacheable response: the names of what it was built from (a shared cache may purge by them,
  // see Surrogate-Key), and a lifetime in seconds after which it must be rebuilt (0: none).
  std::vector<std::string> cache_tags;
  int cache_ttl = 0;

  std::string_view body_view() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }
  void set_header(std::string name, std::string value);

  static Response text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
  static Response redirect(int status, std::string location);
};

// True when `a` and `b` are equal ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);

// Reason phrase for a status code ("Not Found").
std::string_view reason(int status);

}  // namespace gazette::http
