// Salary parsing for job adverts: turns the free-text salary line of a UK local-government advert
// ("£37,602 - £45,564 per year", "SCP 18-25 £24.313 - £28.785 (p.a. pro rata)", "Circa 40K - 50K",
// "£25.16 per hour", "Competitive") into figures the jobs board can filter and sort on.
//
// Contract
//   - parse_salary is a pure function of its argument: no I/O, no global state, safe to call from any
//     number of threads at once. It never throws (apart from std::bad_alloc) and accepts any bytes,
//     including invalid UTF-8, NULs and very long strings; cost is linear in the input length.
//   - It never guesses. Anything it cannot read with confidence >= kMinConfidence comes back with
//     parsed == false, min/max/annual_* empty and period unknown; the board shows such a salary as
//     text only and leaves it out of salary filters. Qualifiers, pro_rata and currency are still
//     reported for unparsed text, because they are read from words, not from figures.
//   - Decisions worth knowing:
//       * A range written high-to-low ("£45,000 - £40,000") is swapped, with confidence lowered by 0.2:
//         the two figures are unambiguous and only their order is wrong, so swapping loses nothing.
//       * "£28,000+" and "From £28,000" give min only; "Up to £50,000" gives max only.
//       * Missing period: >= 5,000 is taken as a year (confidence -0.1); 5-100 as an hour
//         (confidence -0.35); anything else is unparsed (a bare "£500" or "£1,850" could be a day,
//         a week or a month).
//       * A full stop followed by exactly three digits after a one-to-three-digit whole part
//         ("£24.313") is a thousands separator unless the period is explicitly hour, day or week.
//       * Spine points, grades and bands ("SCP 18-25", "Grade 7") are never money.
//       * Annual figures outside [5,000, 500,000] make the whole salary unparsed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::jobs {

enum class Period { unknown, hour, day, week, month, year };

// "unknown", "hour", "day", "week", "month" or "year". Never null.
const char* to_string(Period p);

struct Salary {
  bool parsed = false;             // true when confidence >= kMinConfidence
  std::optional<double> min, max;  // as written, in `period` units; either may be open-ended
  std::string currency = "GBP";    // ISO 4217 code; GBP unless the text says otherwise
  Period period = Period::unknown;
  bool pro_rata = false;                         // the figures are full-time figures paid pro rata
  std::vector<std::string> qualifiers;           // canonical phrases, in a fixed order (see salary.cpp)
  double confidence = 0;                         // 0..1, two decimal places
  std::optional<double> annual_min, annual_max;  // min/max × annual_factor(period), whole pounds
  std::string text;                              // the input, trimmed; invalid UTF-8 replaced by U+FFFD, except a
                                                 // lone Latin-1 0xA3, which becomes '£'
};

// Below this confidence a salary is unparsed.
inline constexpr double kMinConfidence = 0.5;

// Annualisation constants.
//   Hour: UK local-government full-time is 37 hours a week (NJC "Green Book" standard week).
//   Week: 365.25 / 7 = 52.143 weeks a year.
//   Day: 230 days. A day rate (interims, contractors) is paid only for days worked: 52.143 × 5 = 261
//        weekdays less about 25 days' leave and 8 bank holidays leaves ~228, rounded to 230. This makes
//        a day rate comparable with a salary that includes paid leave.
//   Month: 12.
inline constexpr double kHoursPerWeek = 37.0;
inline constexpr double kWeeksPerYear = 52.143;
inline constexpr double kDaysPerYear = 230.0;
inline constexpr double kMonthsPerYear = 12.0;

// Multiplier from `p` to a year; 0 for Period::unknown.
double annual_factor(Period p);

Salary parse_salary(std::string_view text);

}  // namespace gazette::jobs
