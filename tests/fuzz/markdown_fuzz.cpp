// Article bodies (Markdown written in the newsroom or converted from imports) rendered to HTML.
#include <cstddef>
#include <cstdint>

#include "content/text.h"
#include "fuzz_support.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzzing::as_text(data, size);
  auto html = content::render_markdown(text);
  // Safe by default: no raw script element survives rendering.
  if (html.find("<script") != std::string::npos) __builtin_trap();
  (void)content::count_words(text);
  (void)content::slugify(text);
  return 0;
}
