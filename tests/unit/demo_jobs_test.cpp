// Tests for the demo job generator: determinism, realistic salaries, every category represented,
// the classifier agreeing with the intended category, dates, and the shape of the descriptions.
#include "demo/demo_jobs.h"

#include <gtest/gtest.h>

#include "test_support.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "jobs/categories.h"
#include "jobs/closing_date.h"
#include "jobs/job.h"
#include "jobs/salary.h"

namespace gazette::jobs {
namespace {

constexpr std::uint64_t kSeed = 20260306;
constexpr std::int64_t kNewest = 1772791200;  // 2026-03-06 10:00 UTC, a Friday
constexpr std::int64_t kDay = 86400;
constexpr int kMany = 10000;

using demo::DemoJobGenerator;
using gazette::testing::count_words;

std::vector<JobInput> generate(std::uint64_t seed, int n) {
  DemoJobGenerator gen(seed, kNewest);
  std::vector<JobInput> out;
  out.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out.push_back(gen.next());
  return out;
}

const std::vector<JobInput>& many() {
  static const std::vector<JobInput> jobs = generate(kSeed, kMany);
  return jobs;
}

bool same(const JobInput& a, const JobInput& b) {
  return a.reference == b.reference && a.title == b.title && a.employer == b.employer && a.location == b.location &&
         a.region == b.region && a.salary_text == b.salary_text && a.contract == b.contract && a.hours == b.hours &&
         a.category == b.category && a.closing_date == b.closing_date && a.posted_at == b.posted_at &&
         a.description_markdown == b.description_markdown && a.featured == b.featured &&
         a.employer_reference == b.employer_reference;
}

TEST(DemoJobs, DeterministicPerSeed) {
  auto a = generate(7, 500), b = generate(7, 500), c = generate(8, 500);
  int differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_TRUE(same(a[i], b[i])) << "advert " << i;
    if (!same(a[i], c[i])) ++differ;
  }
  EXPECT_GT(differ, 450) << "another seed should give other adverts";
}

TEST(DemoJobs, ReferencesAreUniqueAndFieldsComplete) {
  std::set<std::string> refs;
  for (const auto& j : many()) {
    EXPECT_TRUE(refs.insert(j.reference).second) << j.reference;
    EXPECT_EQ(j.reference.rfind("demo-", 0), 0u);
    EXPECT_FALSE(j.title.empty());
    EXPECT_FALSE(j.employer.empty());
    EXPECT_FALSE(j.location.empty());
    EXPECT_FALSE(j.salary_text.empty());
    EXPECT_FALSE(normalise_contract(j.contract).empty()) << j.contract;
    EXPECT_FALSE(normalise_hours(j.hours).empty()) << j.hours;
    EXPECT_FALSE(category_name(j.category).empty()) << j.category;
  }
  EXPECT_EQ(many().front().reference, "demo-1");
}

TEST(DemoJobs, SalariesParseAndSuitTheRole) {
  int parsed = 0;
  double director_min = 1e9, assistant_max = 0;
  for (const auto& j : many()) {
    Salary s = parse_salary(j.salary_text);
    if (!s.parsed) continue;
    ++parsed;
    const double annual = s.annual_max ? *s.annual_max : *s.annual_min;
    if (j.title.starts_with("Director of")) director_min = std::min(director_min, annual);
    if (j.title == "Administrative Assistant" || j.title == "Lifeguard")
      assistant_max = std::max(assistant_max, annual);
  }
  const double share = 100.0 * parsed / kMany;
  std::printf("[ DemoJobs ] salary texts parsed: %.1f%%\n", share);
  EXPECT_GE(share, 90.0);
  EXPECT_LT(share, 100.0) << "some adverts should say only 'Competitive' or a grade";
  EXPECT_GE(director_min, 100000);
  EXPECT_LE(assistant_max, 35000);
}

TEST(DemoJobs, EveryCategoryIsRepresented) {
  std::map<std::string, int> per;
  for (const auto& j : many()) ++per[j.category];
  for (const auto& c : categories()) EXPECT_GE(per[c.slug], kMany / 100) << c.slug;
}

TEST(DemoJobs, ClassifierAgreesWithIntendedCategory) {
  int agree = 0;
  std::map<std::string, int> misses;
  for (const auto& j : many()) {
    if (classify_job(j.title, j.description_markdown).slug == j.category)
      ++agree;
    else
      ++misses[j.title];
  }
  const double share = 100.0 * agree / kMany;
  std::printf("[ DemoJobs ] classify_job agrees with the intended category: %.1f%%\n", share);
  for (const auto& [title, n] : misses)
    if (n >= 10) std::printf("[ DemoJobs ]   often misfiled: %s (%d)\n", title.c_str(), n);
  EXPECT_GE(share, 90.0);
}

TEST(DemoJobs, PostingDatesAndClosingDates) {
  using namespace std::chrono;
  std::map<std::int64_t, int> per_day;
  int closing_in_prose = 0, with_closing = 0, featured = 0;
  std::int64_t previous = kNewest;
  for (const auto& j : many()) {
    EXPECT_LE(j.posted_at, kNewest);
    EXPECT_LE(j.posted_at, previous) << "newest first";
    previous = j.posted_at;
    ++per_day[j.posted_at / kDay];
    if (j.featured) ++featured;
    const year_month_day posted{floor<days>(sys_seconds{seconds{j.posted_at}})};
    std::optional<year_month_day> closes;
    if (auto d = find_closing_date(j.description_markdown, posted)) {
      ++closing_in_prose;
      closes = d;
      EXPECT_TRUE(j.closing_date.empty());
    } else if (!j.closing_date.empty()) {
      int y = 0;
      unsigned m = 0, dd = 0;
      ASSERT_EQ(std::sscanf(j.closing_date.c_str(), "%d-%u-%u", &y, &m, &dd), 3) << j.closing_date;
      closes = year_month_day{year{y}, month{m}, day{dd}};
    }
    if (closes) {
      ++with_closing;
      const auto gap = (sys_days{*closes} - sys_days{posted}).count();
      EXPECT_GE(gap, 14) << j.reference;
      EXPECT_LE(gap, 42) << j.reference;
    }
  }
  EXPECT_GE(closing_in_prose, kMany * 75 / 100);
  EXPECT_GE(with_closing, kMany * 90 / 100);
  EXPECT_GT(featured, kMany / 200);
  EXPECT_LT(featured, kMany / 25);
  // About 100 a weekday: 10,000 adverts cover roughly 20 weeks.
  int weekdays = 0, weekday_total = 0;
  for (const auto& [d, n] : per_day) {
    const unsigned wd = weekday{sys_days{days{d}}}.c_encoding();
    if (wd != 0 && wd != 6 && d != kNewest / kDay && d != per_day.begin()->first) {
      ++weekdays;
      weekday_total += n;
      EXPECT_GE(n, 60);
      EXPECT_LE(n, 140);
    } else if (wd == 0 || wd == 6) {
      EXPECT_LE(n, 10);
    }
  }
  ASSERT_GT(weekdays, 0);
  EXPECT_NEAR(static_cast<double>(weekday_total) / weekdays, 100, 10);
}

TEST(DemoJobs, DescriptionsAreMarkdownOfRealisticLength) {
  std::set<std::string> employers, regions;
  for (const auto& j : many()) {
    const int w = count_words(j.description_markdown);
    EXPECT_GE(w, 80) << j.reference;
    EXPECT_LE(w, 250) << j.reference;
    EXPECT_NE(j.description_markdown.find("\n- "), std::string::npos) << "a duties list";
    EXPECT_NE(j.description_markdown.find("## About us"), std::string::npos);
    employers.insert(j.employer);
    regions.insert(j.region);
  }
  EXPECT_GE(employers.size(), 80u);
  EXPECT_EQ(regions.size(), 12u);
}

}  // namespace
}  // namespace gazette::jobs
