#include "content/site_time.h"

#include <date/tz.h>

#include <atomic>
#include <chrono>

#include "content/text.h"

namespace gazette::content {

namespace {

// The zone in use; nullptr until set_site_zone (UTC). Zones live as long as the process's tz database.
std::atomic<const date::time_zone*> g_zone{nullptr};

const date::time_zone* zone() {
  if (const auto* z = g_zone.load(std::memory_order_acquire)) return z;
  static const date::time_zone* const utc = date::locate_zone("UTC");
  return utc;
}

std::string two(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

}  // namespace

bool set_site_zone(const std::string& name) {
  try {
    g_zone.store(date::locate_zone(name), std::memory_order_release);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::string site_zone() {
  return std::string(zone()->name());
}

LocalTime to_local(std::int64_t t) {
  using namespace std::chrono;
  const date::sys_seconds sys{seconds{t}};
  const date::time_zone* z = zone();
  const auto info = z->get_info(sys);
  const date::local_seconds local{(sys + info.offset).time_since_epoch()};
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<seconds> hms{local - day};
  LocalTime out;
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  out.hour = static_cast<int>(hms.hours().count());
  out.minute = static_cast<int>(hms.minutes().count());
  out.second = static_cast<int>(hms.seconds().count());
  out.abbreviation = info.abbrev;
  return out;
}

std::optional<std::int64_t> from_local(int year, int month, int day, int hour, int minute, int second) {
  using namespace std::chrono;
  if (year < 1900 || year > 9999 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return std::nullopt;
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;  // 31 February
  const date::local_seconds local = date::local_days{ymd} + hours{hour} + minutes{minute} + seconds{second};
  const date::local_info info = zone()->get_info(local);
  if (info.result == date::local_info::nonexistent) return std::nullopt;  // the clocks skipped it
  // Unique, or the first of the two offsets in the hour the clocks go back (the earlier instant).
  return static_cast<std::int64_t>((local - info.first.offset).time_since_epoch().count());
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
