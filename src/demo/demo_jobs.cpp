// Demo job generator: composes UK council job adverts from the word lists in data/demo/ (jobs.txt,
// job_roles.txt, places.txt), which are compiled into the binary; nothing is read from disk at run time.
//
// How it works, briefly:
//   * An advert starts from a role (title, intended category, pay band, a few variants) and an
//     employer (a council's official name from the councils register, its region and towns), chosen
//     independently.
//   * The salary line is drawn from the band in one of the formats councils really use; the band sets
//     the level, so a Director is paid like one and a Lifeguard by the hour.
//   * The description is Markdown: an opening paragraph, a duties list from the category's own pool,
//     a paragraph about the council, benefits and (on most adverts) a prose closing-date line.
//   * A splitmix64 PRNG with our own range mapping keeps output identical across standard libraries.
#include "demo/demo_jobs.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "content/text.h"
#include "demo/data_file.h"
#include "demo/demo_random.h"
#include "demo/places.h"
#include "jobs/categories.h"

namespace gazette::demo {
namespace {

using jobs::JobInput;
using Rng = DemoRng;

// ---------------------------------------------------------------------------------------------------
// Roles. Pay bands (annual full-time equivalent, lower end of the post's range):
//   0 £23.5-25k (front line, often paid by the hour)  1 £25-29k  2 £29-36k  3 £36-45k  4 £45-57k
//   5 £57-78k  6 £78-110k (heads of service)  7 £115-190k (chief officers)

constexpr int kBandLo[] = {23500, 25000, 29000, 36000, 45000, 57000, 78000, 115000};
constexpr int kBandHi[] = {25000, 29000, 36000, 45000, 57000, 78000, 110000, 190000};
constexpr int kBands = static_cast<int>(std::size(kBandLo));

struct Role {
  std::string_view title;
  int band;
  bool graded = false;  // takes "Senior " / "Principal " variants, a band or two up
};

struct CategoryText {
  std::string_view slug;
  std::string_view team;  // "our planning service"
  std::vector<Role> roles;
  std::vector<std::string_view> duties;   // list items, lower-case start, no full stop
  std::vector<std::string_view> purpose;  // a sentence on what the team achieves
};

// Everything the generator reads from data/demo/, loaded once; pools view the DataFiles' item vectors,
// which live in function-local statics.
struct JobWords {
  std::vector<CategoryText> categories;
  Pool openings, duty_intros, person_lines, about, benefits, informal;
};

CategoryText load_category(const DataFile& file, const DataFile::Block& block) {
  CategoryText c{block.name, {}, {}, {}, {}};
  if (jobs::category_name(c.slug).empty()) file.fail(block.name, "not a job category slug");
  for (const std::string_view item : block.items) {
    const auto f = file.fields(block, item, 2, 4);
    if (f[0] == "role" && f.size() >= 3) {
      Role r{f[1], -1, f.size() == 4 && f[3] == "graded"};
      const auto [end, ec] = std::from_chars(f[2].data(), f[2].data() + f[2].size(), r.band);
      if (ec != std::errc() || end != f[2].data() + f[2].size() || r.band < 0 || r.band >= kBands ||
          (f.size() == 4 && !r.graded))
        file.fail(block.name, "expected role <TAB> title <TAB> band 0-7 [<TAB> graded]: \"" + std::string(item) + "\"");
      c.roles.push_back(r);
    } else if (f.size() == 2 && f[0] == "team") {
      c.team = f[1];
    } else if (f.size() == 2 && f[0] == "duty") {
      if (f[1][0] < 'a' || f[1][0] > 'z') file.fail(block.name, "duties start with a lower-case letter");
      c.duties.push_back(f[1]);
    } else if (f.size() == 2 && f[0] == "purpose") {
      c.purpose.push_back(f[1]);
    } else {
      file.fail(block.name, "unknown line \"" + std::string(item) + "\"");
    }
  }
  if (c.team.empty() || c.roles.empty() || c.duties.empty() || c.purpose.empty())
    file.fail(block.name, "needs a team and at least one role, duty and purpose");
  return c;
}

JobWords load_words() {
  static const DataFile prose("data/demo/jobs.txt");
  static const DataFile roles("data/demo/job_roles.txt");
  JobWords w;
  for (const DataFile::Block& block : roles.blocks()) w.categories.push_back(load_category(roles, block));
  w.openings = prose.list("openings");
  w.duty_intros = prose.list("duty intros");
  w.person_lines = prose.list("person lines");
  w.about = prose.list("about");
  w.benefits = prose.list("benefits");
  w.informal = prose.list("informal");
  return w;
}

const JobWords& job_words() {
  static const JobWords w = load_words();
  return w;
}

constexpr std::string_view kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

// ---------------------------------------------------------------------------------------------------
// Formatting helpers

// "37,602"
std::string grouped(long long v) {
  std::string digits = std::to_string(v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// "25.16"
std::string pounds_pence(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string ordinal(unsigned d) {
  const char* suffix = (d % 10 == 1 && d != 11)   ? "st"
                       : (d % 10 == 2 && d != 12) ? "nd"
                       : (d % 10 == 3 && d != 13) ? "rd"
                                                  : "th";
  return std::to_string(d) + suffix;
}

struct Day {
  std::chrono::year_month_day ymd;
  unsigned weekday;  // 0 Sunday
};

Day day_of(std::int64_t t) {
  using namespace std::chrono;
  const sys_days d = floor<days>(sys_seconds{seconds{t}});
  return {year_month_day{d}, weekday{d}.c_encoding()};
}

std::string iso(const Day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.ymd.year()), unsigned(d.ymd.month()), unsigned(d.ymd.day()));
  return buf;
}

// "Friday 20th March 2026"
std::string long_date(const Day& d) {
  return std::string(kWeekdays[d.weekday]) + " " + ordinal(unsigned(d.ymd.day())) + " " +
         std::string(content::month_name(static_cast<int>(unsigned(d.ymd.month())))) + " " +
         std::to_string(int(d.ymd.year()));
}

// "20 March 2026"
std::string plain_date(const Day& d) {
  return std::to_string(unsigned(d.ymd.day())) + " " +
         std::string(content::month_name(static_cast<int>(unsigned(d.ymd.month())))) + " " +
         std::to_string(int(d.ymd.year()));
}

// "20/03/2026"
std::string numeric_date(const Day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", unsigned(d.ymd.day()), unsigned(d.ymd.month()), int(d.ymd.year()));
  return buf;
}

// NJC pay spine, approximately: SCP 2 is about £23,650 and each point adds about 1.8%.
double scp_pay(int point) {
  return 23656.0 * std::pow(1.0183, point - 2);
}
int scp_for(double annual) {
  return std::max(2, 2 + static_cast<int>(std::log(annual / 23656.0) / std::log(1.0183)));
}

}  // namespace

// ---------------------------------------------------------------------------------------------------

struct DemoJobGenerator::Impl {
  const JobWords& w = job_words();
  const DemoPlaces& places = demo_places();
  Rng rng;
  std::int64_t newest;
  std::int64_t day_start = 0;  // 00:00 UTC of the day being filled
  int left_today = 0, quota = 0;
  int days_back = -1;
  std::uint64_t count = 0;

  Impl(std::uint64_t seed, std::int64_t newest_) : rng{seed ^ 0x6A09E667F3BCC909ULL}, newest(newest_) {}

  // Posting times: walk back day by day from `newest`, ~100 adverts each weekday and a few at weekends.
  std::int64_t posted_at() {
    // Within a day, adverts go out between 07:30 and 18:00 (or `newest`), spread evenly, latest first.
    std::int64_t open = 0, close = 0;
    for (;;) {
      day_start = (newest / 86400 - days_back) * 86400;
      open = day_start + 7 * 3600 + 1800;
      close = std::min(day_start + 18 * 3600, newest);
      if (left_today > 0) break;
      ++days_back;
      day_start = (newest / 86400 - days_back) * 86400;
      const unsigned wd = day_of(day_start).weekday;
      quota = left_today = (wd == 0 || wd == 6) ? rng.range(0, 6) : rng.range(80, 120);
      if (std::min(day_start + 18 * 3600, newest) < day_start + 8 * 3600) quota = left_today = 0;  // too early today
    }
    --left_today;
    const std::int64_t slot = (close - open) / quota;
    return open + slot * left_today + static_cast<std::int64_t>(rng.below(static_cast<std::size_t>(slot)));
  }

  void expand(std::string& out, std::string_view tpl, const JobInput& in, const DemoCouncil& e, const CategoryText& c) {
    for (std::size_t i = 0; i < tpl.size(); ++i) {
      if (tpl[i] == '$' && i + 1 < tpl.size()) {
        switch (tpl[++i]) {
          case 'E': {  // "the London Borough of Camden" in prose; "The" at the start of a sentence
            if (e.takes_the)
              out +=
                  (out.empty() || out.ends_with(". ") || out.ends_with("? ") || out.ends_with("\n")) ? "The " : "the ";
            out += e.name;
            break;
          }
          case 'T':
            out += in.title;
            break;
          case 'L':
            out += in.location;
            break;
          case 'K':
            out += e.kind;
            break;
          case 'G':
            out += c.team;
            break;
          default:
            out += '$';
            out += tpl[i];
        }
      } else {
        out += tpl[i];
      }
    }
  }

  // The salary line for an annual full-time figure `lo` (the range's bottom) in `band`.
  std::string salary(int band, const JobInput& in, bool london) {
    const double lo =
        kBandLo[band] + static_cast<double>(rng.below(static_cast<std::size_t>(kBandHi[band] - kBandLo[band])));
    const double hi = lo * (1.0 + rng.range(5, 20) / 100.0);
    const bool part = in.hours == "Part-time" || in.hours == "Part time";
    const std::string pro_rata = part ? " pro rata" : "";
    const auto L = [](double v) { return static_cast<long long>(std::lround(v)); };

    // Words only, no figures: roughly 4% of adverts.
    const auto plain = rng.below(100);
    if (plain < 2) return band >= 6 ? "Competitive" : "Competitive salary";
    if (plain < 3) return "Negotiable";
    if (plain < 4 && band < 6) return "Grade " + std::to_string(band + 3);

    if (in.contract == "Interim" || (band >= 5 && in.contract == "Temporary" && rng.chance(50))) {
      const int day = std::max(200, static_cast<int>(std::lround(lo * 1.3 / 230 / 25)) * 25);
      if (rng.chance(50)) return "£" + std::to_string(day) + " per day";
      return "£" + std::to_string(day) + " - £" + std::to_string(day + 25 * rng.range(2, 6)) +
             " per day (outside IR35)";
    }
    if (band == 0 && rng.chance(45)) {
      const double hour = lo / (37 * 52.143);
      if (rng.chance(60)) return "£" + pounds_pence(hour) + " per hour";
      return "£" + pounds_pence(hour) + " - £" + pounds_pence(hour * 1.06) + " per hour";
    }
    if (band == 7) {
      switch (rng.below(5)) {
        case 0:
          return "Up to £" + grouped(L(hi)) + " per annum";
        case 1:
          return "£" + grouped(L(lo / 1000) * 1000) + " - £" + grouped(L(hi / 1000) * 1000) + " per annum";
        case 2:
          return "Circa £" + grouped(L(hi / 5000) * 5000) + " per annum";
        case 3:
          return "£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + " plus car allowance";
        default:
          return "£" + std::to_string(L(lo / 1000)) + "k - £" + std::to_string(L(hi / 1000)) + "k";
      }
    }
    if (london && rng.chance(40))
      return "£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + " per annum inc. London weighting";
    switch (rng.below(16)) {
      case 0:
      case 1:
      case 2:
      case 3:
        return "£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + " per annum" + pro_rata;
      case 4:
        return "£" + grouped(L(lo)) + " to £" + grouped(L(hi)) + " per year";
      case 5:
        if (lo < 52000) {
          const int p = scp_for(lo), q = p + rng.range(3, 7);
          char a[16], b[16];
          std::snprintf(a, sizeof a, "%.3f", scp_pay(p) / 1000);
          std::snprintf(b, sizeof b, "%.3f", scp_pay(q) / 1000);
          return "SCP " + std::to_string(p) + "-" + std::to_string(q) + " £" + a + " - £" + b +
                 (part ? " (p.a. pro rata)" : " (p.a.)");
        }
        [[fallthrough]];
      case 6:
        return "Grade " + std::to_string(band + 3) + ": £" + grouped(L(lo)) + " - £" + grouped(L(hi));
      case 7:
        return "£" + std::to_string(L(lo)) + ".00 - £" + std::to_string(L(hi)) + ".00 per annum";
      case 8:
        return "£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + " pa" + pro_rata;
      case 9:
        return "£" + grouped(L(lo)) + " per annum" + pro_rata;
      case 10:
        return "Band " + std::to_string(band + 2) + " (£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + ")";
      case 11:
        return "Up to £" + grouped(L(hi / 500) * 500) + " per annum DOE";
      case 12:
        return "£" + grouped(L(lo / 12)) + " - £" + grouped(L(hi / 12)) + " per month";
      case 13:
        return "£" + std::to_string(L(lo / 1000)) + "k - £" + std::to_string(L(hi / 1000)) + "k";
      case 14:
        return "£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + " per annum (pay award pending)";
      default:
        return "£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + " per annum plus benefits";
    }
  }

  std::string description(const JobInput& in, const DemoCouncil& e, const CategoryText& c, const Day& closes,
                          bool closing_line) {
    std::string out;
    out.reserve(1600);
    expand(out, rng.pick(w.openings), in, e, c);
    out += ' ';
    out += rng.pick(c.purpose);
    out += "\n\n";
    out += rng.pick(w.duty_intros);
    out += "\n\n";
    const std::size_t n = 3 + rng.below(3), start = rng.below(c.duties.size());
    for (std::size_t i = 0; i < n && i < c.duties.size(); ++i) {
      std::string_view d = c.duties[(start + i) % c.duties.size()];
      out += "- ";
      out += static_cast<char>(d[0] - 32);  // duties start with a lower-case ASCII letter
      out += d.substr(1);
      out += '\n';
    }
    out += '\n';
    out += rng.pick(w.person_lines);
    out += "\n\n## About us\n\n";
    expand(out, rng.pick(w.about), in, e, c);
    out += ' ';
    out += rng.pick(w.benefits);
    if (rng.chance(50)) {
      out += ' ';
      out += rng.pick(w.informal);
    }
    out += "\n\n";
    if (closing_line) {
      switch (rng.below(6)) {
        case 0:
        case 1:
        case 2:
          out += "**Closing date: " + long_date(closes) + "**";
          break;
        case 3:
          out += "Closing date: " + long_date(closes) + ".";
          break;
        case 4:
          out += "The closing date for applications is " + plain_date(closes) + ".";
          break;
        default:
          out += "Closing date: " + numeric_date(closes) + " at midnight.";
          break;
      }
      if (rng.chance(30)) {
        Day interview = day_of(content_day(closes) + 86400 * rng.range(7, 14));
        out += " Interviews are expected to take place in the week of " + plain_date(interview) + ".";
      }
    } else {
      out += "Applications are reviewed as they arrive.";
    }
    out += '\n';
    return out;
  }

  static std::int64_t content_day(const Day& d) {
    using namespace std::chrono;
    return sys_days{d.ymd}.time_since_epoch().count() * std::int64_t{86400};
  }

  JobInput next() {
    JobInput in;
    ++count;
    const auto& texts = w.categories;
    const CategoryText& c = texts[rng.below(texts.size())];
    const Role& role = c.roles[rng.below(c.roles.size())];
    const DemoCouncil& e = places.councils[rng.below(places.councils.size())];
    int band = role.band;
    in.title = std::string(role.title);
    if (role.graded) {
      const auto g = rng.below(100);
      if (g < 22) {
        in.title = "Senior " + in.title;
        band = std::min(band + 1, 6);
      } else if (g < 30) {
        in.title = "Principal " + in.title;
        band = std::min(band + 2, 6);
      }
    }
    in.category = std::string(c.slug);
    in.employer = std::string(e.name);
    in.location = std::string(e.towns[rng.below(e.towns.size())]);
    in.region = std::string(places.regions[e.region].name);

    const auto ct = rng.below(100);
    in.contract = ct < 78   ? "Permanent"
                  : ct < 88 ? "Fixed term"
                  : ct < 94 ? "Temporary"
                  : ct < 97 ? "Secondment"
                            : "Interim";
    if (band >= 6 && ct >= 88 && rng.chance(60)) in.contract = "Interim";
    if (band < 3 && in.contract == "Interim") in.contract = "Temporary";  // interims are managers and specialists
    if (in.contract == "Fixed term" && rng.chance(50))
      in.contract = "Fixed term (" + std::to_string(rng.range(6, 24)) + " months)";
    const auto hr = rng.below(100);
    in.hours = hr < 80 || band >= 6 ? "Full time" : hr < 95 ? "Part time" : "Flexible";
    if (rng.chance(20))
      in.hours = in.hours == "Full time" ? "Full-time" : in.hours == "Part time" ? "Part-time" : in.hours;

    in.salary_text = salary(band, in, places.regions[e.region].name == "London");
    in.posted_at = posted_at();
    const Day closes = day_of(in.posted_at + 86400 * std::int64_t{rng.range(14, 42)});
    const auto cl = rng.below(100);
    const bool closing_line = cl < 85;
    if (!closing_line && cl < 95) in.closing_date = iso(closes);  // given as a field, as feeds do
    in.description_markdown = description(in, e, c, closes, closing_line);
    in.featured = rng.chance(2);
    in.reference = "demo-" + std::to_string(count);
    char ref[32];
    std::snprintf(ref, sizeof ref, "%c%c%05u", e.name[0], c.slug[0] - 32, static_cast<unsigned>(rng.below(100000)));
    in.employer_reference = ref;
    in.source = "demo";
    return in;
  }
};

DemoJobGenerator::DemoJobGenerator(std::uint64_t seed, std::int64_t newest)
    : impl_(std::make_unique<Impl>(seed, newest)) {}
DemoJobGenerator::~DemoJobGenerator() = default;
DemoJobGenerator::DemoJobGenerator(DemoJobGenerator&&) noexcept = default;
DemoJobGenerator& DemoJobGenerator::operator=(DemoJobGenerator&&) noexcept = default;

JobInput DemoJobGenerator::next() {
  return impl_->next();
}

}  // namespace gazette::demo
