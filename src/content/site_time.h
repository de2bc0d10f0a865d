// The site's time zone: publication and update times are shown and typed in it (Europe/London by
// default, the `timezone` setting). GCC 12's libstdc++ has no std::chrono::tzdb, so this uses Howard
// Hinnant's date-tz over the system's zoneinfo (Debian's libhowardhinnant-date, the library the
// bulletin's schedule uses too). No process-wide state such as TZ is touched.
//
// Thread safety: set_site_zone is meant to run once, at start-up (the commands call it right after
// loading the configuration); the zone is then read atomically. Everything else is safe from any thread.
//
// URLs keep their UTC dates (/news/2025/03/04/slug), so a zone change never moves an address.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gazette::content {

// Makes `zone` (an IANA name known to the system zoneinfo) the zone of every local time. Returns false,
// changing nothing, when there is no such zone.
bool set_site_zone(const std::string& zone);
// The zone set, "UTC" until set_site_zone is called.
std::string site_zone();

struct LocalTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::string abbreviation;  // "GMT", "BST"
};

// Unix seconds in the site's zone.
LocalTime to_local(std::int64_t unix_seconds);

// A wall-clock time in the site's zone as Unix seconds; nullopt when that time does not exist there
// (the hour skipped when the clocks go forward) or a field is out of range. In the hour that happens
// twice (clocks going back), the first of the two.
std::optional<std::int64_t> from_local(int year, int month, int day, int hour, int minute, int second);

// "4 March 2025, 09:30 GMT": a time as the newsroom and readers see it.
std::string format_local_time(std::int64_t unix_seconds);
// "4 March 2025": the day in the site's zone.
std::string format_local_date(std::int64_t unix_seconds);

}  // namespace gazette::content
