// Closing dates written in advert text ("Closing date: 5pm on Friday 12th January").
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "jobs/closing_date.h"

using namespace gazette;
using namespace std::chrono;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const year_month_day posted{year{2026}, month{3}, day{14}};
  if (auto d = jobs::find_closing_date(fuzzing::as_text(data, size), posted); d && !d->ok()) __builtin_trap();
  return 0;
}
