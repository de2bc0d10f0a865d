// Council names in article and advert text, against the built-in register.
#include <cstddef>
#include <cstdint>

#include "councils/detector.h"
#include "councils/register.h"
#include "fuzz_support.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const councils::CouncilDetector detector(councils::builtin_register());
  auto text = fuzzing::as_text(data, size);
  for (const auto& m : detector.detect(text)) {
    if (m.offset > text.size() || m.length > text.size() - m.offset) __builtin_trap();
    if (text.substr(m.offset, m.length) != m.matched_text) __builtin_trap();
  }
  return 0;
}
