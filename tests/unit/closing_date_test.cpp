#include "jobs/closing_date.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace gazette::jobs {
namespace {

using namespace std::chrono;

constexpr year_month_day ymd(int y, unsigned m, unsigned d) {
  return year{y} / month{m} / day{d};
}

struct Case {
  std::string text;
  year_month_day posted;
  std::optional<year_month_day> want;
};

const std::vector<Case> kCases = {
    {"Closing date: Friday 20th March 2015", ymd(2015, 3, 1), ymd(2015, 3, 20)},
    {"Closing date 20/03/2015", ymd(2015, 3, 1), ymd(2015, 3, 20)},
    {"Applications close on 3 April.", ymd(2024, 3, 10), ymd(2024, 4, 3)},
    {"The post closes on 3 April.", ymd(2024, 3, 10), ymd(2024, 4, 3)},
    {"Closing Date: 12 noon, Monday 6 January 2025", ymd(2024, 12, 2), ymd(2025, 1, 6)},
    {"Deadline for applications: 31st May 2024", ymd(2024, 5, 1), ymd(2024, 5, 31)},
    {"The closing date for this role is 5th June.", ymd(2024, 5, 20), ymd(2024, 6, 5)},
    // Year missing, posted late in the year: the next such date is next year.
    {"The closing date for this role is 5th January.", ymd(2024, 12, 15), ymd(2025, 1, 5)},
    // Same day as posted counts as "on or after".
    {"closes on 3 April", ymd(2024, 4, 3), ymd(2024, 4, 3)},
    {"Interviews will be held on 10 June", ymd(2024, 5, 1), std::nullopt},
    {"Interviews will be held on 10 June. Closing date: 1 June 2024.", ymd(2024, 5, 1), ymd(2024, 6, 1)},
    {"Closing date: 1 June. Interviews will be held on 10 June.", ymd(2024, 5, 1), ymd(2024, 6, 1)},
    {"Closing date to be confirmed. Interviews will be held on 10 June 2024.", ymd(2024, 5, 1), std::nullopt},
    {"Closing date: 20.03.15", ymd(2015, 3, 1), ymd(2015, 3, 20)},
    {"Closing date: 2024-05-31", ymd(2024, 5, 1), ymd(2024, 5, 31)},
    {"Please apply by March 20th, 2025 at midnight", ymd(2025, 3, 1), ymd(2025, 3, 20)},
    {"Completed applications must be received by 23:59 on Sunday 14 Sept 2025", ymd(2025, 9, 1), ymd(2025, 9, 14)},
    {"Applications no later than 9am on the 2nd of February 2026.", ymd(2026, 1, 12), ymd(2026, 2, 2)},
    {"CLOSING DATE: 28 FEB 2025", ymd(2025, 2, 1), ymd(2025, 2, 28)},
    {"We are a great place to work, offering flexible working.", ymd(2024, 5, 1), std::nullopt},
    {"Closing date: 31/06/2024", ymd(2024, 5, 1), std::nullopt},        // no 31 June
    {"Closing date: 29 February", ymd(2025, 1, 10), ymd(2028, 2, 29)},  // next leap year
    {"Closing date: 14 March 2024; shortlisting w/c 18 March", ymd(2024, 3, 1), ymd(2024, 3, 14)},
    {"Closing date: ASAP. Start date 1 September 2024", ymd(2024, 5, 1), std::nullopt},
    {"The advert will close at 5pm on 7 July 2024.", ymd(2024, 6, 20), ymd(2024, 7, 7)},
    {"Posted 1 May 2024. Closing 17 May 2024.", ymd(2024, 5, 1), ymd(2024, 5, 17)},
    {"", ymd(2024, 5, 1), std::nullopt},
    {"closing", ymd(2024, 5, 1), std::nullopt},
};

TEST(ClosingDate, Table) {
  ASSERT_GE(kCases.size(), 20u);
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    auto got = find_closing_date(c.text, c.posted);
    ASSERT_EQ(got.has_value(), c.want.has_value());
    if (c.want) {
      EXPECT_EQ(*got, *c.want) << static_cast<int>(got->year()) << "-" << static_cast<unsigned>(got->month()) << "-"
                               << static_cast<unsigned>(got->day());
    }
  }
}

TEST(ClosingDate, RandomBytesNeverCrash) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 80);
  const std::vector<std::string> pieces = {
      "closing date ", "closes on ",           "31",  "1st", "/", ".", "-", "2024", "june ", "of ", ", ",
      "interview ",    "99999999999999999999", "feb "};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    if (i % 2) {
      for (int n = len(rng); n > 0; --n) s += static_cast<char>(byte(rng));
    } else {
      for (int n = len(rng) / 4; n > 0; --n) s += pieces[pick(rng)];
    }
    auto d = find_closing_date(s, ymd(2024, 5, 1));
    if (d) {
      EXPECT_TRUE(d->ok());
    }
  }
  std::string big(100 * 1024, '1');
  EXPECT_FALSE(find_closing_date("closing date " + big, ymd(2024, 5, 1)));
  EXPECT_FALSE(find_closing_date("closing date 5 June", year_month_day{}));  // invalid posted date: no guess
}

}  // namespace
}  // namespace gazette::jobs
