// application/x-www-form-urlencoded bodies (every POST form) and Cookie headers.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "http/form.h"
#include "http/message.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzzing::as_text(data, size);
  if (auto fields = http::parse_form(text)) {
    (void)http::field(*fields, "csrf");
    for (const auto& [name, value] : *fields) (void)name.size(), (void)value.size();
  }
  http::Request req;
  req.headers.emplace_back("Cookie", std::string(text));
  (void)http::cookie(req, "gazette_session");
  (void)http::cookie(req, "csrf");
  return 0;
}
