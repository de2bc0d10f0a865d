#include "http/form.h"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse_query.hpp>

#include "strings/strings.h"

namespace gazette::http {

std::optional<Fields> parse_form(std::string_view body) {
  Fields out;
  if (body.empty()) return out;
  // Boost.URL 1.81's parse_query measures its argument again with strlen (boostorg/url#757): given a
  // view it reads past its end, and stops early at a NUL. It gets a NUL-terminated copy, and a raw NUL
  // (never valid form encoding) is refused first. Found by tests/fuzz/form_fuzz.cpp.
  if (body.find('\0') != std::string_view::npos) return std::nullopt;
  const std::string terminated(body);
  auto parsed = boost::urls::parse_query(terminated);
  if (!parsed) return std::nullopt;
  boost::urls::encoding_opts opt;
  opt.space_as_plus = true;
  for (auto p : *parsed) {
    std::string key = p.key.decode(opt), value = p.value.decode(opt);
    if (!strings::valid_utf8(key) || !strings::valid_utf8(value)) return std::nullopt;
    out.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

std::string field(const Fields& fields, std::string_view name) {
  for (const auto& [k, v] : fields)
    if (k == name) return v;
  return {};
}

std::optional<std::string> cookie(const Request& req, std::string_view name) {
  // Cookie: a=1; b=2 (RFC 6265 section 5.4). Browsers may send several Cookie headers over HTTP/2
  // proxies; every one is read.
  for (const auto& [k, v] : req.headers) {
    if (!iequals(k, "Cookie")) continue;
    std::string_view rest = v;
    while (!rest.empty()) {
      auto semi = rest.find(';');
      std::string_view pair = strings::trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      auto eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (strings::trim(pair.substr(0, eq)) == name) {
        std::string_view value = strings::trim(pair.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        return std::string(value);
      }
    }
  }
  return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& opt) {
  std::string out;
  out.append(name).append("=").append(value).append("; Path=").append(opt.path);
  if (opt.max_age >= 0) out.append("; Max-Age=").append(std::to_string(opt.max_age));
  if (opt.secure) out.append("; Secure");
  out.append("; HttpOnly; SameSite=Strict");
  return out;
}

}  // namespace gazette::http
