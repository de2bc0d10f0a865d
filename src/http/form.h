// HTML form bodies and cookies: the small parts of HTTP the newsroom's forms need beyond Request.
// Pure functions; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace gazette::http {

// An application/x-www-form-urlencoded body as decoded fields, in order ('+' is a space). nullopt when
// the body is not valid form encoding or a decoded field is not UTF-8.
std::optional<Fields> parse_form(std::string_view body);

// The first value of `name` in `fields`, or "" when absent.
std::string field(const Fields& fields, std::string_view name);

// The value of the cookie `name` sent with the request, or nullopt.
std::optional<std::string> cookie(const Request& req, std::string_view name);

struct CookieOptions {
  long max_age = -1;   // seconds; -1 for a session cookie, 0 to delete it
  bool secure = true;  // sent only over HTTPS (browsers treat http://localhost as secure)
  std::string path = "/";
};

// A Set-Cookie header value: always HttpOnly and SameSite=Strict. `value` must be cookie-safe
// (tokens are base64url).
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& opt);

}  // namespace gazette::http
