// multipart/form-data bodies (the media library's upload form). The first line of the input is the
// Content-Type header value, the rest the body.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "http/multipart.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzzing::as_text(data, size);
  auto nl = text.find('\n');
  if (nl == std::string_view::npos) return 0;
  if (auto parts = http::parse_multipart(text.substr(0, nl), text.substr(nl + 1)))
    (void)http::find_part(*parts, "file");
  return 0;
}
