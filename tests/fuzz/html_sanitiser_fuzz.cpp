// Imported HTML (feeds, WXR, job descriptions) through the one allow-list sanitiser and its text and
// Markdown conversions.
#include <cstddef>
#include <cstdint>

#include "content/html_sanitiser.h"
#include "fuzz_support.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzzing::as_text(data, size);
  auto clean = content::sanitise_html(text);
  if (clean.find("<script") != std::string::npos) __builtin_trap();
  // Sanitising is idempotent on its own output.
  if (content::sanitise_html(clean) != clean) __builtin_trap();
  (void)content::html_to_text(text);
  (void)content::html_to_markdown(text);
  (void)content::looks_like_html(text);
  return 0;
}
