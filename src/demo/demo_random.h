// The demo generators' randomness: splitmix64, tiny, fast and specified bit for bit (unlike std::
// distributions, whose output differs between standard libraries), so a seed gives the same archive
// everywhere. Not thread-safe; one per generator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace gazette::demo {

using Pool = std::span<const std::string_view>;

struct DemoRng {
  std::uint64_t state;

  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform-enough index in [0, n); the modulo bias is below 2^-50 for the small n used here.
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  // Inclusive range [lo, hi]; requires lo <= hi.
  int range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
  bool chance(int percent) { return static_cast<int>(below(100)) < percent; }
  std::string_view pick(Pool p) { return p[below(p.size())]; }
};

}  // namespace gazette::demo
