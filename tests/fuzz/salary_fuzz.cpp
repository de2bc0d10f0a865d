// Salary text from adverts ("£32,000 - £36,500 pa pro rata").
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "jobs/salary.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto s = jobs::parse_salary(fuzzing::as_text(data, size));
  if (s.annual_min && s.annual_max && *s.annual_min > *s.annual_max) __builtin_trap();
  if (s.annual_min && !std::isfinite(*s.annual_min)) __builtin_trap();
  return 0;
}
