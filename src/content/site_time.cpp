#include "content/site_time.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "content/text.h"

namespace gazette::content {

namespace {

std::string& zone_name() {
  static std::string name = "UTC";
  return name;
}

std::string two(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

}  // namespace

bool set_site_zone(const std::string& zone) {
  if (zone.empty() || zone.front() == '/' || zone.find("..") != std::string::npos) return false;
  const char* dir = std::getenv("TZDIR");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(std::filesystem::path(dir && *dir ? dir : "/usr/share/zoneinfo") / zone, ec))
    return false;
  // ":" makes the C library read the zone file rather than parse a POSIX rule string.
  ::setenv("TZ", (":" + zone).c_str(), 1);
  ::tzset();
  zone_name() = zone;
  return true;
}

const std::string& site_zone() {
  return zone_name();
}

LocalTime to_local(std::int64_t t) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  ::localtime_r(&tt, &tm);
  LocalTime out;
  out.year = tm.tm_year + 1900;
  out.month = tm.tm_mon + 1;
  out.day = tm.tm_mday;
  out.hour = tm.tm_hour;
  out.minute = tm.tm_min;
  out.second = tm.tm_sec;
  out.abbreviation = tm.tm_zone ? tm.tm_zone : "";
  return out;
}

std::optional<std::int64_t> from_local(int year, int month, int day, int hour, int minute, int second) {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 59)
    return std::nullopt;
  // Try both offsets: mktime with tm_isdst = -1 guesses in the repeated hour; asking for summer time
  // first gives the earlier instant, and a result whose fields differ from the ones asked for is a
  // time the clocks skipped (or 31 February).
  std::optional<std::int64_t> best;
  for (int isdst : {1, 0}) {
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    tm.tm_isdst = isdst;
    const std::time_t t = ::mktime(&tm);
    if (t == static_cast<std::time_t>(-1)) continue;
    const LocalTime back = to_local(static_cast<std::int64_t>(t));
    if (back.year != year || back.month != month || back.day != day || back.hour != hour || back.minute != minute ||
        back.second != second)
      continue;
    if (!best || t < *best) best = static_cast<std::int64_t>(t);
  }
  return best;
}

std::string format_local_date(std::int64_t t) {
  const LocalTime l = to_local(t);
  return std::to_string(l.day) + " " + std::string(month_name(l.month)) + " " + std::to_string(l.year);
}

std::string format_local_time(std::int64_t t) {
  const LocalTime l = to_local(t);
  return std::to_string(l.day) + " " + std::string(month_name(l.month)) + " " + std::to_string(l.year) + ", " +
         two(l.hour) + ":" + two(l.minute) + (l.abbreviation.empty() ? "" : " " + l.abbreviation);
}

}  // namespace gazette::content
