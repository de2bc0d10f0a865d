// jobs/advert_checks.h: the checks an advert passes before it is published, and the apply rules.
#include <gtest/gtest.h>

#include <algorithm>

#include "jobs/advert_checks.h"

namespace gazette::jobs {
namespace {

constexpr std::int64_t kNow = 1'780'000'000;  // 2026-05-28

AdvertFields good() {
  AdvertFields f;
  f.title = "Senior planning officer";
  f.location = "Barchester";
  f.salary_text = "£38,000 - £42,000 a year";
  f.closing_date = "2026-06-30";
  f.description = "Lead the local plan team.";
  f.apply_url = "https://careers.example.org/apply";
  return f;
}

bool has(const std::vector<AdvertProblem>& problems, const std::string& field, bool blocking = true) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const AdvertProblem& p) { return p.field == field && p.blocking == blocking; });
}

TEST(AdvertChecks, AGoodAdvertPasses) {
  EXPECT_TRUE(check_advert(good(), kNow).empty());
}

TEST(AdvertChecks, SalaryOrContractInTheTitleIsRefused) {
  for (const char* title : {"Planner £35k", "Planner 35K", "Planner (£30,000 per annum)", "Permanent planner",
                            "Planner - part-time", "Fixed term planner", "Temp planner"}) {
    auto f = good();
    f.title = title;
    EXPECT_TRUE(has(check_advert(f, kNow), "title")) << title;
  }
  // Job names that carry such words as part of the job, not its terms, pass.
  for (const char* title : {"Contracts manager", "Interim director of finance", "Grade 7 policy adviser"}) {
    auto f = good();
    f.title = title;
    EXPECT_FALSE(has(check_advert(f, kNow), "title")) << title;
  }
}

TEST(AdvertChecks, MissingLocationAndNoWayToApplyBlock) {
  auto f = good();
  f.location = "  ";
  f.apply_url.clear();
  auto problems = check_advert(f, kNow);
  EXPECT_TRUE(has(problems, "location"));
  EXPECT_TRUE(has(problems, "apply_url"));
  EXPECT_TRUE(blocks(problems));
}

TEST(AdvertChecks, AnUnreadableSalaryIsAdviceNotARefusal) {
  auto f = good();
  f.salary_text = "Competitive";
  auto problems = check_advert(f, kNow);
  EXPECT_TRUE(has(problems, "salary", false));
  EXPECT_FALSE(blocks(problems));
}

TEST(AdvertChecks, ClosingDatesInThePastOrUnreadableBlock) {
  auto f = good();
  f.closing_date = "2026-05-27";
  EXPECT_TRUE(has(check_advert(f, kNow), "closing_date"));
  f.closing_date = "2026-05-28";  // closes at the end of today: still open
  EXPECT_FALSE(has(check_advert(f, kNow), "closing_date"));
  f.closing_date = "31/05/2026";
  EXPECT_TRUE(has(check_advert(f, kNow), "closing_date"));
  f.closing_date = "2026-02-30";
  EXPECT_TRUE(has(check_advert(f, kNow), "closing_date"));
  // None typed: a date in the description's prose counts, by the board's rules.
  f.closing_date.clear();
  f.description = "Closing date: 1 March 2026. Interviews will follow.";
  EXPECT_TRUE(has(check_advert(f, kNow), "closing_date"));
}

TEST(AdvertChecks, ApplicationAddresses) {
  EXPECT_TRUE(is_web_address("https://careers.example.org/apply?id=1"));
  EXPECT_TRUE(is_web_address("http://example.org"));
  for (const char* bad : {"javascript:alert(1)", "data:text/html,x", "ftp://example.org/", "//example.org/x", "/apply",
                          "https://", "https://user:pw@example.org/", "https://exa mple.org/", ""})
    EXPECT_FALSE(is_web_address(bad)) << bad;
  EXPECT_TRUE(is_email_address("jobs@example.org"));
  for (const char* bad :
       {"jobs", "@example.org", "jobs@", "jobs@example", "a@b@c.org", "jobs@example.org?cc=x", "jobs @example.org"})
    EXPECT_FALSE(is_email_address(bad)) << bad;
}

TEST(AdvertChecks, DirectApplyOnlyForTheEmployersOwnAdverts) {
  Job j;
  j.reference = "newsroom:barchester:1:planner";
  j.apply_url = "https://careers.example.org/apply";
  EXPECT_TRUE(direct_apply(j));
  j.reference = "feed:123";
  EXPECT_FALSE(direct_apply(j));
  j.reference = "newsroom:barchester:1:planner";
  j.apply_url.clear();
  EXPECT_FALSE(direct_apply(j));
}

TEST(AdvertChecks, AnyBytesAreSafe) {
  AdvertFields f;
  f.title = std::string("\xff\xfe\0\x01", 4);
  f.salary_text = std::string(10000, '9');
  f.closing_date = "9999-99-99";
  f.apply_url = std::string(3000, 'h');
  EXPECT_TRUE(blocks(check_advert(f, kNow)));
}

}  // namespace
}  // namespace gazette::jobs
