#include "jobs/salary.h"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace gazette::jobs {
namespace {

using Q = std::vector<std::string>;
constexpr std::optional<double> none = std::nullopt;
constexpr auto Y = Period::year, H = Period::hour, D = Period::day, W = Period::week, M = Period::month,
               U = Period::unknown;

struct Case {
  std::string text;
  bool parsed;
  std::optional<double> min, max;
  std::string currency;
  Period period;
  bool pro_rata;
  Q qualifiers;
  double confidence;
};

// Every field of every case is asserted. Annual figures are checked against min/max × the period's
// documented factor (and spot-checked as literals in AnnualFiguresUseDocumentedConstants).
const std::vector<Case> kCases = {
    // Plain ranges, as advertised
    {"£46142 - £49282", true, 46142, 49282, "GBP", Y, false, {}, 0.9},
    {"£37,602- £45,564 per year", true, 37602, 45564, "GBP", Y, false, {}, 1.0},
    {"£37,602- £45,564 per year (starting salary depen", true, 37602, 45564, "GBP", Y, false, {"starting salary"}, 1.0},
    {"£31931.00 - £36423.00 per annum", true, 31931, 36423, "GBP", Y, false, {}, 1.0},
    {"£38220 - £40777", true, 38220, 40777, "GBP", Y, false, {}, 0.9},
    {"£100,731 to £104,625", true, 100731, 104625, "GBP", Y, false, {}, 0.9},
    {"£45,585 - £48,492 p.a. inc.", true, 45585, 48492, "GBP", Y, false, {}, 1.0},
    {"£32,076 – £35,745 per annum", true, 32076, 35745, "GBP", Y, false, {}, 1.0},
    {"£28,407—£34,581 pa", true, 28407, 34581, "GBP", Y, false, {}, 1.0},
    {"Grade 10: £40,476 to £43,421 per annum", true, 40476, 43421, "GBP", Y, false, {}, 1.0},
    {"Band 5 (£28,407 - £34,581)", true, 28407, 34581, "GBP", Y, false, {}, 0.9},
    {"£24,000 rising to £26,000 per annum", true, 24000, 26000, "GBP", Y, false, {}, 1.0},
    // Pence with thousands separators keep both ends of the range
    {"£21,430.50 - £23,117.00", true, 21430.5, 23117, "GBP", Y, false, {}, 0.9},
    {"£21,430.50 - £23,117.00 per annum", true, 21430.5, 23117, "GBP", Y, false, {}, 1.0},
    {"£26,421.00 to £28,770.00 pro rata", true, 26421, 28770, "GBP", Y, true, {}, 0.9},
    {"£1,850.25 - £2,010.75 per month", true, 1850.25, 2010.75, "GBP", M, false, {}, 1.0},
    {"£32,654.00-£35,745.00 pa", true, 32654, 35745, "GBP", Y, false, {}, 1.0},
    // "between ... and ..."
    {"between £120k and £135k", true, 120000, 135000, "GBP", Y, false, {}, 0.9},
    {"Between £28,000 and £32,000 a year", true, 28000, 32000, "GBP", Y, false, {}, 1.0},
    {"Salary between £14.50 and £16.20 per hour", true, 14.5, 16.2, "GBP", H, false, {}, 1.0},
    {"  £50,000 - £55,000 per annum  ", true, 50000, 55000, "GBP", Y, false, {}, 1.0},
    {"£50,000 - £55,000 PER ANNUM", true, 50000, 55000, "GBP", Y, false, {}, 1.0},
    {"£ 30,000 - £ 32,000 a year", true, 30000, 32000, "GBP", Y, false, {}, 1.0},
    {"£30,000 - £32,000 annually", true, 30000, 32000, "GBP", Y, false, {}, 1.0},
    {"£40,000 - 45,000 per annum", true, 40000, 45000, "GBP", Y, false, {}, 1.0},
    {"45,000 - 50,000 per annum", true, 45000, 50000, "GBP", Y, false, {}, 0.8},
    // Single figures and open ends
    {"up to £179,404 per annum", true, none, 179404, "GBP", Y, false, {"up to"}, 1.0},
    {"Up to £50,000 + car allowance", true, none, 50000, "GBP", Y, false, {"up to", "plus car allowance"}, 0.9},
    {"From £28,000", true, 28000, none, "GBP", Y, false, {"from"}, 0.9},
    {"£28,000+", true, 28000, none, "GBP", Y, false, {"from"}, 0.9},
    {"£60,000 per annum", true, 60000, 60000, "GBP", Y, false, {}, 1.0},
    {"Chief Officer Grade (£90k)", true, 90000, 90000, "GBP", Y, false, {}, 0.9},
    {"GBP 45,000", true, 45000, 45000, "GBP", Y, false, {}, 0.9},
    {"45,000 GBP per annum", true, 45000, 45000, "GBP", Y, false, {}, 1.0},
    {"€50,000", true, 50000, 50000, "EUR", Y, false, {}, 0.9},
    {"€45,000 - €50,000 per year", true, 45000, 50000, "EUR", Y, false, {}, 1.0},
    {"$80,000", true, 80000, 80000, "USD", Y, false, {}, 0.9},
    {"£30kpa", true, 30000, 30000, "GBP", Y, false, {}, 1.0},
    // "k" forms
    {"Circa 40K - 50K", true, 40000, 50000, "GBP", Y, false, {"circa"}, 0.8},
    {"£40k-£45k", true, 40000, 45000, "GBP", Y, false, {}, 0.9},
    {"£40-45k", true, 40000, 45000, "GBP", Y, false, {}, 0.9},
    {"£40.5k - £42.5k per annum", true, 40500, 42500, "GBP", Y, false, {}, 1.0},
    {"c. £60k approx", true, 60000, 60000, "GBP", Y, false, {"circa"}, 0.9},
    // Hourly, daily, weekly, monthly
    {"£25.16 per hour", true, 25.16, 25.16, "GBP", H, false, {}, 1.0},
    {"£9.36-£9.74 per hour", true, 9.36, 9.74, "GBP", H, false, {}, 1.0},
    {"£12.50ph", true, 12.5, 12.5, "GBP", H, false, {}, 1.0},
    {"£15 - £18 an hour", true, 15, 18, "GBP", H, false, {}, 1.0},
    {"£14.20/hr", true, 14.2, 14.2, "GBP", H, false, {}, 1.0},
    {"Hourly rate £11.59", true, 11.59, 11.59, "GBP", H, false, {}, 1.0},
    {"£13.05", true, 13.05, 13.05, "GBP", H, false, {}, 0.65},
    {"£500 per day", true, 500, 500, "GBP", D, false, {}, 1.0},
    {"£350 - £400 per day (outside IR35)", true, 350, 400, "GBP", D, false, {"outside IR35"}, 1.0},
    {"£450/day inside IR35", true, 450, 450, "GBP", D, false, {"inside IR35"}, 1.0},
    {"£600 per week", true, 600, 600, "GBP", W, false, {}, 1.0},
    {"£1,850 per month", true, 1850, 1850, "GBP", M, false, {}, 1.0},
    {"£2,400 pcm", true, 2400, 2400, "GBP", M, false, {}, 1.0},
    // Pro rata, spine points, full stops as thousands separators
    {"SCP 18-25 £24.313 - £28.785 (p.a. pro rata)", true, 24313, 28785, "GBP", Y, true, {}, 0.9},
    {"£30,000 - £35,000 pro rata", true, 30000, 35000, "GBP", Y, true, {}, 0.9},
    {"£24,790 - £25,979 per annum pro-rata", true, 24790, 25979, "GBP", Y, true, {}, 1.0},
    {"£22,366 pro rata (18.5 hours per week)", true, 22366, 22366, "GBP", Y, true, {}, 0.9},
    {"£24.313 - £28.785", true, 24313, 28785, "GBP", Y, false, {}, 0.8},
    {"SCP 5 - 12, £23,500 - £26,873", true, 23500, 26873, "GBP", Y, false, {}, 0.9},
    // Qualifiers
    {"£42,708 - £45,480 + pay award pending", true, 42708, 45480, "GBP", Y, false, {"pay award pending"}, 0.9},
    {"£38,000 - £42,000 inc. London weighting", true, 38000, 42000, "GBP", Y, false, {"inc. London weighting"}, 0.9},
    {"£38,000 - £42,000 plus London weighting", true, 38000, 42000, "GBP", Y, false, {"plus London weighting"}, 0.9},
    {"£55,000 - £60,000 negotiable plus benefits",
     true,
     55000,
     60000,
     "GBP",
     Y,
     false,
     {"negotiable", "plus benefits"},
     0.9},
    {"Competitive salary £70,000 - £75,000 DOE",
     true,
     70000,
     75000,
     "GBP",
     Y,
     false,
     {"competitive", "depending on experience"},
     0.9},
    {"Starting salary £26,421 per annum", true, 26421, 26421, "GBP", Y, false, {"starting salary"}, 1.0},
    {"£32,076 – £35,745 + market supplement of £3,000",
     true,
     32076,
     35745,
     "GBP",
     Y,
     false,
     {"plus market supplement"},
     0.9},
    {"£30,000 - £35,000 (£15.55 - £18.14 per hour)", true, 30000, 35000, "GBP", Y, false, {}, 0.75},
    {"£25,000 per annum, 37 hours per week", true, 25000, 25000, "GBP", Y, false, {}, 1.0},
    // Doubtful but readable
    {"£45,000 - £40,000", true, 40000, 45000, "GBP", Y, false, {}, 0.7},
    {"£20,000 - £45,000", true, 20000, 45000, "GBP", Y, false, {}, 0.75},
    // Unparsed: nothing to read, or nothing to read with confidence
    {"Competitive", false, none, none, "GBP", U, false, {"competitive"}, 0},
    {"Negotiable", false, none, none, "GBP", U, false, {"negotiable"}, 0},
    {"Grade 7", false, none, none, "GBP", U, false, {}, 0},
    {"£Competitive", false, none, none, "GBP", U, false, {"competitive"}, 0},
    {"€ negotiable", false, none, none, "EUR", U, false, {"negotiable"}, 0},
    {"", false, none, none, "GBP", U, false, {}, 0},
    {"SCP 18-25", false, none, none, "GBP", U, false, {}, 0},
    {"£5 per annum", false, none, none, "GBP", U, false, {}, 0.2},
    {"£5,000,000 per annum", false, none, none, "GBP", U, false, {}, 0.2},
    {"£500", false, none, none, "GBP", U, false, {}, 0.2},
    {"£1,850", false, none, none, "GBP", U, false, {}, 0.2},
    {"£20,000 - £80,000", false, none, none, "GBP", U, false, {}, 0.3},
    {"£45,000 - €50,000", false, none, none, "GBP", U, false, {}, 0.1},
    {"£2 per hour", false, none, none, "GBP", U, false, {}, 0.2},
    {"10% bonus", false, none, none, "GBP", U, false, {"plus bonus"}, 0},
};

void expect_opt(const std::optional<double>& got, const std::optional<double>& want, const char* what,
                const std::string& text) {
  ASSERT_EQ(got.has_value(), want.has_value()) << what << " for \"" << text << "\"";
  if (want) {
    EXPECT_NEAR(*got, *want, 1e-6) << what << " for \"" << text << "\"";
  }
}

std::optional<double> annualised(const std::optional<double>& v, Period p) {
  if (!v) return std::nullopt;
  return std::round(*v * annual_factor(p));
}

TEST(Salary, TableOfRealStyleFormats) {
  ASSERT_GE(kCases.size(), 60u);
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    auto s = parse_salary(c.text);
    EXPECT_EQ(s.parsed, c.parsed);
    expect_opt(s.min, c.min, "min", c.text);
    expect_opt(s.max, c.max, "max", c.text);
    EXPECT_EQ(s.currency, c.currency);
    EXPECT_EQ(s.period, c.period) << to_string(s.period);
    EXPECT_EQ(s.pro_rata, c.pro_rata);
    EXPECT_EQ(s.qualifiers, c.qualifiers);
    EXPECT_NEAR(s.confidence, c.confidence, 1e-9);
    expect_opt(s.annual_min, annualised(c.min, c.period), "annual_min", c.text);
    expect_opt(s.annual_max, annualised(c.max, c.period), "annual_max", c.text);
    EXPECT_EQ(s.parsed, s.confidence >= kMinConfidence);
  }
  std::cout << "[ salary   ] " << kCases.size() << " table cases\n";
}

TEST(Salary, AnnualFiguresUseDocumentedConstants) {
  EXPECT_DOUBLE_EQ(*parse_salary("£10 per hour").annual_min, 19293);   // 10 × 37 × 52.143
  EXPECT_DOUBLE_EQ(*parse_salary("£500 per day").annual_min, 115000);  // 500 × 230
  EXPECT_DOUBLE_EQ(*parse_salary("£600 per week").annual_min, 31286);  // 600 × 52.143
  EXPECT_DOUBLE_EQ(*parse_salary("£2,000 per month").annual_min, 24000);
  EXPECT_DOUBLE_EQ(*parse_salary("£41,000 per annum").annual_max, 41000);
}

TEST(Salary, TextIsTrimmedAndValidUtf8) {
  EXPECT_EQ(parse_salary("  £30,000 \r\n").text, "£30,000");
  EXPECT_EQ(parse_salary("\xFF\xFE 30,000").text, "\xEF\xBF\xBD\xEF\xBF\xBD 30,000");
  auto latin1 = parse_salary(
      "\xA3"
      "30 per hour");  // a Latin-1 pound sign still counts as £
  EXPECT_EQ(latin1.text, "£30 per hour");
  EXPECT_TRUE(latin1.parsed);
  EXPECT_DOUBLE_EQ(latin1.confidence, 1.0);
  EXPECT_EQ(parse_salary("\xC3\xA3 30,000 per annum").text, "\xC3\xA3 30,000 per annum");  // "ã" is not £
}

TEST(Salary, PeriodNames) {
  EXPECT_STREQ(to_string(Period::unknown), "unknown");
  EXPECT_STREQ(to_string(Period::hour), "hour");
  EXPECT_STREQ(to_string(Period::day), "day");
  EXPECT_STREQ(to_string(Period::week), "week");
  EXPECT_STREQ(to_string(Period::month), "month");
  EXPECT_STREQ(to_string(Period::year), "year");
}

// Invariants that must hold for any input.
void check_invariants(const Salary& s) {
  EXPECT_GE(s.confidence, 0.0);
  EXPECT_LE(s.confidence, 1.0);
  EXPECT_EQ(s.parsed, s.confidence >= kMinConfidence);
  if (!s.parsed) {
    EXPECT_FALSE(s.min || s.max || s.annual_min || s.annual_max);
    EXPECT_EQ(s.period, Period::unknown);
    return;
  }
  EXPECT_TRUE(s.min || s.max);
  EXPECT_NE(s.period, Period::unknown);
  if (s.min && s.max) {
    EXPECT_LE(*s.min, *s.max);
  }
  EXPECT_EQ(s.min.has_value(), s.annual_min.has_value());
  EXPECT_EQ(s.max.has_value(), s.annual_max.has_value());
  if (s.min) {
    EXPECT_NEAR(*s.annual_min, *s.min * annual_factor(s.period), 0.5);
  }
  if (s.max) {
    EXPECT_NEAR(*s.annual_max, *s.max * annual_factor(s.period), 0.5);
  }
  if (s.annual_min) {
    EXPECT_GE(*s.annual_min, 5000);
  }
  if (s.annual_max) {
    EXPECT_LE(*s.annual_max, 500000);
  }
}

TEST(SalaryProperty, TableCasesKeepInvariants) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    check_invariants(parse_salary(c.text));
  }
}

TEST(SalaryProperty, RandomBytesNeverCrash) {
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 64);
  for (int i = 0; i < 20000; ++i) {
    std::string s(static_cast<std::size_t>(len(rng)), '\0');
    for (auto& ch : s) ch = static_cast<char>(byte(rng));
    check_invariants(parse_salary(s));
  }
}

TEST(SalaryProperty, SalaryLikeNoiseKeepsInvariants) {
  // Random sequences of salary-ish pieces exercise the interesting paths far more than raw bytes.
  const std::vector<std::string> pieces = {
      "£",     "€",         "GBP",    "k",     "K",           "-",   " - ",      " to ",  "+",
      " + ",   "per annum", "p.a.",   "ph",    "per day",     "pcm", "pro rata", "up to", "from",
      "SCP",   "Grade",     "circa",  ",",     ".",           "0",   "5",        "9",     "12",
      "25.16", "24.313",    "37,602", "1,000", "999,999,999", "(",   ")",        " ",     "\xE2\x80\x93",
      "\xC2"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), len(0, 12);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    for (std::size_t n = len(rng); n > 0; --n) s += pieces[pick(rng)];
    SCOPED_TRACE(s);
    check_invariants(parse_salary(s));
  }
}

TEST(SalaryProperty, LongAndDegenerateStrings) {
  std::string big(100 * 1024, 'x');
  check_invariants(parse_salary(big));
  std::string digits(100 * 1024, '9');
  check_invariants(parse_salary("£" + digits));
  std::string commas;
  while (commas.size() < 100 * 1024) commas += "£1,000-";
  check_invariants(parse_salary(commas));
  std::string long_salary = "£30,000 - £35,000 per annum " + std::string(100 * 1024, ' ') + "pro rata";
  auto s = parse_salary(long_salary);
  check_invariants(s);
  EXPECT_TRUE(s.parsed);
  EXPECT_TRUE(s.pro_rata);
  check_invariants(parse_salary(std::string(1000, '\0')));
  check_invariants(parse_salary(""));
}

}  // namespace
}  // namespace gazette::jobs
