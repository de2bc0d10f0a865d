#include "http/message.h"

#include "strings/strings.h"

#include <utf8proc.h>

#include <boost/url/parse.hpp>

namespace gazette::http {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return {};
}

std::optional<std::string> Request::param(std::string_view name) const {
  for (const auto& [k, v] : query)
    if (k == name) return v;
  return std::nullopt;
}

bool Request::parse_target() {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return false;
  const auto& url = *parsed;
  // One form of each path, before any rule looks at it: "//newsroom", "/%2Fnewsroom" and "/news/" are
  // "/newsroom" and "/news". A decoded path with NUL or a "." or ".." segment is not a page we serve.
  const std::string decoded = url.path();
  if (decoded.find('\0') != std::string::npos) return false;
  path.clear();
  std::size_t pos = 0;
  while (pos < decoded.size()) {
    std::size_t end = decoded.find('/', pos);
    if (end == std::string::npos) end = decoded.size();
    const std::string_view segment(decoded.data() + pos, end - pos);
    if (segment == "." || segment == "..") return false;
    if (!segment.empty()) {
      path.push_back('/');
      path.append(segment);
    }
    pos = end + 1;
  }
  if (path.empty()) path = "/";
  query.clear();
  for (auto p : url.params()) query.emplace_back(std::string(p.key), std::string(p.value));
  // Decoded text goes into UTF-8 pages: bytes that are not UTF-8 are a bad request, not a garbled page.
  if (!strings::valid_utf8(path)) return false;
  for (const auto& [k, v] : query)
    if (!strings::valid_utf8(k) || !strings::valid_utf8(v)) return false;
  return true;
}

void Response::set_header(std::string name, std::string value) {
  for (auto& [k, v] : headers)
    if (iequals(k, name)) {
      v = std::move(value);
      return;
    }
  headers.emplace_back(std::move(name), std::move(value));
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  return r;
}

Response Response::redirect(int status, std::string location) {
  Response r = text(status, "Moved to " + location + "\n");
  r.set_header("Location", std::move(location));
  return r;
}

std::string_view reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 413:
      return "Payload Too Large";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "";
  }
}

}  // namespace gazette::http
