// Demo-content generator: composes UK local-government trade-press articles from the word lists and
// sentence templates in data/demo/ (articles.txt, topics.txt, people.txt, places.txt), which are
// compiled into the binary; nothing is read from disk at run time.
//
// How it works, briefly:
//   * A per-article context (council, topic, speaker, dates, byline) is chosen first, so the headline,
//     standfirst and body all talk about the same place and subject.
//   * Templates contain `$x` placeholders (see Impl::expand_key) that draw from the context or the lists.
//   * A splitmix64 PRNG with our own range mapping keeps output identical across standard libraries.
//   * Headlines are made unique by a hash set of everything emitted so far; on a collision we append a
//     distinguishing phrase, and if that keeps colliding we compose a fresh headline.
#include "demo/demo_data.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_set>
#include <utility>
#include <vector>

#include "content/text.h"
#include "demo/copy_check.h"
#include "demo/data_file.h"
#include "demo/demo_random.h"
#include "demo/places.h"

namespace gazette::demo {
namespace {

using content::ArticleInput;
using content::AuthorProfile;
using content::Section;
using content::Status;

using Rng = DemoRng;

// How many times a sentence's slots are drawn again when the fill reads badly (copy_check.h).
constexpr int kRedraws = 12;

enum SectionKind { kNews, kComment, kFeatures, kBestPractice, kInterviews, kAnalysis, kSectionCount };

// articles.txt must list the sections in SectionKind order.
constexpr std::string_view kSectionNames[kSectionCount] = {"News",          "Comment",    "Features",
                                                           "Best practice", "Interviews", "Analysis"};

struct SectionSeed {
  std::string_view name;
  std::string_view slug;
  std::string_view description;
  int weight;  // relative frequency, out of 100
};

// A topic bundles the vocabulary a story about that subject needs (topics.txt explains the fields).
struct Topic {
  std::string_view tag;                   // primary tag
  std::string_view portfolio;             // "cabinet member for <portfolio>"
  std::string_view officer;               // lead officer title, lower case
  std::vector<std::string_view> heads;    // short noun phrases for headlines
  std::vector<std::string_view> hissues;  // short issue phrases for headlines
  std::vector<std::string_view> nouns;    // body noun phrases
  std::vector<std::string_view> issues;   // body issue phrases
  std::vector<std::string_view> actions;  // things a council does, with article
  std::vector<std::string_view> bodies;   // national bodies with an interest
  std::vector<std::string_view> related;  // secondary tags
};

// An author the generator writes as. `staff` journalists write news and analysis; contributors write
// comment and best practice, usually about their own council.
struct AuthorSeed {
  std::string_view name;
  std::string_view role;
  std::string_view bio;
  bool staff;
  std::int64_t council;  // index into demo_places().councils, or -1
};

// Everything the generator reads from data/demo/, loaded once. Pools are views of the DataFiles' item
// vectors, which live in function-local statics, so their addresses are stable (pick_fresh relies on it).
struct Words {
  std::array<SectionSeed, kSectionCount> sections;
  std::vector<Topic> topics;
  std::vector<AuthorSeed> authors;
  Pool first_names, surnames, general_tags;
  std::array<Pool, kSectionCount> headlines, standfirsts;
  Pool head_suffixes, lede, context, figures, national, reaction, next, argue, practice, feature, interview, analysis,
      closing, quotes, gov_quotes, quote_lines, quote_follow, interview_quotes, link_lines, link_texts, subheads,
      list_intros, list_items;
};

void load_sections(const DataFile& file, Words& w) {
  const DataFile::Block& block = file.block("sections");
  if (block.items.size() != kSectionCount) file.fail(block.name, "expected six sections");
  for (std::size_t i = 0; i < kSectionCount; ++i) {
    const auto f = file.fields(block, block.items[i], 4, 4);
    SectionSeed& s = w.sections[i];
    s = {f[0], f[1], f[3], 0};
    if (s.name != kSectionNames[i])
      file.fail(block.name, "section " + std::to_string(i + 1) + " must be " + std::string(kSectionNames[i]));
    const auto [end, ec] = std::from_chars(f[2].data(), f[2].data() + f[2].size(), s.weight);
    if (ec != std::errc() || end != f[2].data() + f[2].size() || s.weight < 0)
      file.fail(block.name, "bad weight for " + std::string(s.name));
    w.headlines[i] = file.list("headlines " + std::string(s.slug));
    w.standfirsts[i] = file.list("standfirsts " + std::string(s.slug));
  }
}

void load_topics(const DataFile& file, Words& w) {
  for (const DataFile::Block& block : file.blocks()) {
    Topic t{block.name, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    for (const std::string_view item : block.items) {
      const auto f = file.fields(block, item, 2, 2);
      if (f[0] == "portfolio")
        t.portfolio = f[1];
      else if (f[0] == "officer")
        t.officer = f[1];
      else if (f[0] == "head")
        t.heads.push_back(f[1]);
      else if (f[0] == "head issue")
        t.hissues.push_back(f[1]);
      else if (f[0] == "noun")
        t.nouns.push_back(f[1]);
      else if (f[0] == "issue")
        t.issues.push_back(f[1]);
      else if (f[0] == "action")
        t.actions.push_back(f[1]);
      else if (f[0] == "body")
        t.bodies.push_back(f[1]);
      else if (f[0] == "related tag")
        t.related.push_back(f[1]);
      else
        file.fail(block.name, "unknown field \"" + std::string(f[0]) + "\"");
    }
    if (t.portfolio.empty() || t.officer.empty() || t.heads.empty() || t.hissues.empty() || t.nouns.empty() ||
        t.issues.empty() || t.actions.empty() || t.bodies.empty() || t.related.empty())
      file.fail(block.name, "every field needs at least one line");
    w.topics.push_back(std::move(t));
  }
  if (w.topics.size() < 2) file.fail("", "needs at least two topics");
}

void load_people(const DataFile& file, Words& w) {
  w.first_names = file.list("first names");
  w.surnames = file.list("surnames");
  const DataFile::Block& block = file.block("authors");
  const DemoPlaces& places = demo_places();
  for (const std::string_view item : block.items) {
    const auto f = file.fields(block, item, 5, 5);
    if (f[2] != "staff" && f[2] != "contributor")
      file.fail(block.name, "expected staff or contributor: " + std::string(f[0]));
    std::int64_t council = -1;
    if (f[3] != "-") {
      const std::size_t c = places.find(f[3]);
      if (c == places.councils.size())
        file.fail(block.name, std::string(f[3]) + " (" + std::string(f[0]) + ") is not in data/demo/places.txt");
      council = static_cast<std::int64_t>(c);
    }
    w.authors.push_back({f[0], f[1], f[4], f[2] == "staff", council});
  }
  const auto staff = std::count_if(w.authors.begin(), w.authors.end(), [](const AuthorSeed& a) { return a.staff; });
  if (staff < 2 || staff == static_cast<std::ptrdiff_t>(w.authors.size()))
    file.fail(block.name, "needs at least two staff authors and one contributor");
}

Words load_words() {
  static const DataFile articles("data/demo/articles.txt");
  static const DataFile topics("data/demo/topics.txt");
  static const DataFile people("data/demo/people.txt");
  Words w;
  load_sections(articles, w);
  load_topics(topics, w);
  load_people(people, w);
  const auto list = [](std::string_view name) { return Pool(articles.list(name)); };
  w.general_tags = list("general tags");
  w.head_suffixes = list("headline suffixes");
  w.lede = list("lede");
  w.context = list("context");
  w.figures = list("figures");
  w.national = list("national");
  w.reaction = list("reaction");
  w.next = list("next steps");
  w.argue = list("argument");
  w.practice = list("practice");
  w.feature = list("feature");
  w.interview = list("interview");
  w.analysis = list("analysis");
  w.closing = list("closing");
  w.quotes = list("council quotes");
  w.gov_quotes = list("government quotes");
  w.quote_lines = list("quote lines");
  w.quote_follow = list("quote follow-ups");
  w.interview_quotes = list("interview quotes");
  w.link_lines = list("link lines");
  w.link_texts = list("link texts");
  w.subheads = list("subheadings");
  w.list_intros = list("list intros");
  w.list_items = list("list items");
  return w;
}

const Words& words() {
  static const Words w = load_words();
  return w;
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

void append_int(std::string& out, long long v) {
  out += std::to_string(v);
}

// Uppercases the first ASCII letter at or after `from`, skipping quotes and other punctuation, so
// templates may start with a lower-case placeholder. Stops at a digit (e.g. "£12m").
void capitalise_from(std::string& s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= 'a' && c <= 'z') {
      s[i] = static_cast<char>(c - 'a' + 'A');
      return;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return;
  }
}

// FNV-1a: a fixed, portable hash so the uniqueness bookkeeping (and hence output) is identical
// everywhere; std::hash is implementation-defined.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm); month is 1..12.
void civil_from_days(std::int64_t z, int& year, int& month) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// The department responsible for local government on a given date; it has been renamed several times.
std::string_view department_at(std::int64_t t) {
  if (t < 1515369600) return "the Department for Communities and Local Government";        // before Jan 2018
  if (t < 1632009600) return "the Ministry of Housing, Communities and Local Government";  // before Sep 2021
  if (t < 1720396800) return "the Department for Levelling Up, Housing and Communities";   // before Jul 2024
  return "the Ministry of Housing, Communities and Local Government";
}

std::string financial_year(int start) {
  std::string s;
  append_int(s, start);
  s += '/';
  const int next = (start + 1) % 100;
  if (next < 10) s += '0';
  append_int(s, next);
  return s;
}

constexpr int kDay = 86400;

}  // namespace

// -----------------------------------------------------------------------------------------------------

struct DemoGenerator::Impl {
  // Everything one article's templates may refer to; rebuilt by new_context() for each article.
  struct Context {
    SectionKind section = kNews;
    const Topic* topic = nullptr;
    const Topic* topic2 = nullptr;
    std::size_t council = 0;
    std::size_t council2 = 0;
    std::vector<std::size_t> byline;  // indices into Words::authors
    std::string byline_text;          // "A" or "A and B"
    std::string speaker, speaker_short;
    std::string interviewee, interviewee_surname, interviewee_role;
    int interviewee_since = 2020;
    std::string fy, fy_next, dept_month;
    std::string_view dept;
    std::int64_t published_at = 0;
    std::vector<const std::string_view*> used;  // templates already used in this article
  };

  const Words& w = words();
  const DemoPlaces& places = demo_places();
  Rng rng;
  std::int64_t newest;
  std::vector<AuthorProfile> author_profiles;
  std::vector<Section> section_list;
  std::vector<std::size_t> staff, practitioners;
  std::unordered_set<std::uint64_t> headlines;  // FNV-1a of every headline emitted
  Context ctx;

  // Publication times: `pending` holds the rest of the current day, newest first (consumed from the back
  // after reversing, to avoid erasing from the front).
  std::vector<std::int64_t> pending;
  std::int64_t day_start = 0;
  bool started = false;

  Impl(std::uint64_t seed, std::int64_t newest_time) : rng{seed ^ 0x6A09E667F3BCC908ULL}, newest(newest_time) {
    build_static_lists();
    headlines.reserve(1 << 16);
  }

  void build_static_lists() {
    for (std::size_t i = 0; i < w.authors.size(); ++i) {
      const AuthorSeed& a = w.authors[i];
      author_profiles.push_back({std::string(a.name), std::string(a.role), std::string(a.bio)});
      (a.staff ? staff : practitioners).push_back(i);
    }
    for (const SectionSeed& s : w.sections)
      section_list.push_back({0, std::string(s.name), std::string(s.slug), std::string(s.description)});
  }

  // --- Template expansion ---------------------------------------------------------------------------

  // Picks from `pool`, preferring templates not yet used in this article so paragraphs do not repeat.
  // Scans from a random start for the first unused entry; reuses only when the pool is exhausted.
  std::string_view pick_fresh(Pool pool) {
    const std::size_t start = rng.below(pool.size());
    for (std::size_t i = 0; i < pool.size(); ++i) {
      const std::string_view* candidate = &pool[(start + i) % pool.size()];
      if (std::find(ctx.used.begin(), ctx.used.end(), candidate) == ctx.used.end()) {
        ctx.used.push_back(candidate);
        return *candidate;
      }
    }
    return pool[start];
  }

  // `used` never holds duplicates, so the pool is exhausted when as many used entries fall inside it
  // as it has templates. Comparing raw pointers into the same array is well defined.
  bool exhausted(Pool pool) const {
    const std::string_view* begin = pool.data();
    const std::string_view* end = begin + pool.size();
    std::size_t inside = 0;
    for (const std::string_view* u : ctx.used) inside += (u >= begin && u < end) ? 1 : 0;
    return inside >= pool.size();
  }

  // Sums at the scale of one council: `small` for savings and grants, otherwise budgets and gaps.
  void money(std::string& out, bool small) {
    out += "£";
    if (small) {
      if (rng.chance(50)) {
        append_int(out, rng.range(12, 95) * 10);
        out += ",000";
      } else {
        append_int(out, rng.range(1, 4));
        out += '.';
        append_int(out, rng.range(1, 9));
        out += 'm';
      }
      return;
    }
    if (rng.chance(45)) {
      append_int(out, rng.range(1, 40));
      out += '.';
      append_int(out, rng.range(1, 9));
    } else {
      append_int(out, rng.range(2, 250));
    }
    out += 'm';
  }

  // National sums: hundreds of millions to a few billion.
  void national_money(std::string& out) {
    out += "£";
    if (rng.chance(40)) {
      append_int(out, rng.range(3, 9) * 100);
      out += 'm';
    } else {
      append_int(out, rng.range(1, 4));
      out += '.';
      append_int(out, rng.range(1, 9));
      out += "bn";
    }
  }

  // Placeholder reference (one character after '$'):
  //   C/D  primary/second council as written in copy     P/p  primary/second place, short form
  //   T/X  topic/second-topic noun phrase   I issue   A action   h headline noun   i headline issue
  //   O    lead officer title   K portfolio   S/s councillor full/short   J/j/U interviewee name/surname/role
  //   k    year interviewee took post   a byline   z "s" if one author   y "s" if one author (say/says)
  //   G    national body   g government department   M/m council money large/small   B national money   N percent   n
  //   council tax rise Y/Z  this/next financial year   W month name   R region   Q council quote   q government quote
  //   c    council quote ending in a comma, for "“...,” said X"   V said/says   L Markdown link
  void expand_key(std::string& out, char key) {
    const Topic& t = *ctx.topic;
    switch (key) {
      case 'C':
        out += places.councils[ctx.council].in_copy();
        break;
      case 'D':
        out += places.councils[ctx.council2].in_copy();
        break;
      case 'P':
        out += places.councils[ctx.council].place;
        break;
      case 'p':
        out += places.councils[ctx.council2].place;
        break;
      case 'R':
        out += places.regions[places.councils[ctx.council].region].in_prose;
        break;
      case 'T':
        out += rng.pick(t.nouns);
        break;
      case 'X':
        out += rng.pick(ctx.topic2->nouns);
        break;
      case 'I':
        out += rng.pick(t.issues);
        break;
      case 'A':
        out += rng.pick(t.actions);
        break;
      case 'h':
        out += rng.pick(t.heads);
        break;
      case 'i':
        out += rng.pick(t.hissues);
        break;
      case 'O':
        out += t.officer;
        break;
      case 'K':
        out += t.portfolio;
        break;
      case 'S':
        out += ctx.speaker;
        break;
      case 's':
        out += ctx.speaker_short;
        break;
      case 'J':
        out += ctx.interviewee;
        break;
      case 'j':
        out += ctx.interviewee_surname;
        break;
      case 'U':
        out += ctx.interviewee_role;
        break;
      case 'k':
        append_int(out, ctx.interviewee_since);
        break;
      case 'a':
        out += ctx.byline_text;
        break;
      case 'z':
        if (ctx.byline.size() == 1) out += 's';
        break;
      case 'y':
        if (ctx.byline.size() == 1) out += 's';
        break;
      case 'G':
        out += rng.chance(60) ? rng.pick(t.bodies)
                              : std::string_view(rng.chance(50) ? "the Local Government Association"
                                                                : "the Local Government Information Unit");
        break;
      case 'g':
        out += ctx.dept;
        break;
      case 'M':
        money(out, false);
        break;
      case 'm':
        money(out, true);
        break;
      case 'B':
        national_money(out);
        break;
      case 'N':
        append_int(out, rng.range(3, 42));
        out += '%';
        break;
      case 'n':
        out += rng.chance(70) ? "4.99%" : (rng.chance(50) ? "2.99%" : "1.99%");
        break;
      case 'Y':
        out += ctx.fy;
        break;
      case 'Z':
        out += ctx.fy_next;
        break;
      case 'W':
        out += ctx.dept_month;
        break;
      case 'Q':
        expand(out, pick_fresh(w.quotes));
        break;
      case 'c':  // a quote followed by its attribution: the closing full stop becomes a comma
        expand(out, pick_fresh(w.quotes));
        if (!out.empty() && out.back() == '.') out.back() = ',';
        break;
      case 'q':
        expand(out, rng.pick(w.gov_quotes));
        break;
      case 'V':
        out += ctx.section == kNews ? "said" : "says";
        break;
      case 'L':
        out += '[';
        out += rng.pick(w.link_texts);
        out += "](https://example.org/reports/";
        out += content::slugify(places.councils[ctx.council].place);
        out += '-';
        out += content::slugify(t.tag);
        out += ')';
        break;
      default:
        out += '$';
        out += key;
    }
  }

  void expand(std::string& out, std::string_view tmpl) {
    std::size_t i = 0;
    while (i < tmpl.size()) {
      const std::size_t dollar = tmpl.find('$', i);
      if (dollar == std::string_view::npos || dollar + 1 >= tmpl.size()) {
        out.append(tmpl.substr(i));
        return;
      }
      out.append(tmpl.substr(i, dollar - i));
      expand_key(out, tmpl[dollar + 1]);
      i = dollar + 2;
    }
  }

  // Appends one sentence (with a leading space when continuing a paragraph); returns its word count.
  std::size_t sentence(std::string& out, std::string_view tmpl) {
    if (!out.empty() && out.back() != '\n') out += ' ';
    const std::size_t start = out.size();
    // A fill that makes a flaw ("the cost of the cost of") is drawn again; templates are written so
    // that most fills read cleanly, and a few draws find one that does.
    for (int tries = 0;; ++tries) {
      out.resize(start);
      expand(out, tmpl);
      capitalise_from(out, start);
      if (tries == kRedraws || copy_flaw(std::string_view(out).substr(start)).empty()) break;
    }
    return static_cast<std::size_t>(content::count_words(std::string_view(out).substr(start)));
  }

  // --- Per-article context --------------------------------------------------------------------------

  SectionKind pick_section() {
    int r = static_cast<int>(rng.below(100));
    for (int s = 0; s < kSectionCount; ++s) {
      r -= w.sections[static_cast<std::size_t>(s)].weight;
      if (r < 0) return static_cast<SectionKind>(s);
    }
    return kNews;
  }

  std::string random_name() {
    std::string n(rng.pick(w.first_names));
    n += ' ';
    n += rng.pick(w.surnames);
    return n;
  }

  // Staff write news, features, interviews and most analysis; practitioners write comment and best
  // practice. A second byline appears only on staff-written pieces.
  void pick_byline() {
    ctx.byline.clear();
    const bool practitioner =
        ctx.section == kComment || ctx.section == kBestPractice || (ctx.section == kAnalysis && rng.chance(25));
    const auto& pool = practitioner ? practitioners : staff;
    ctx.byline.push_back(pool[rng.below(pool.size())]);
    const bool second = !practitioner && ctx.section != kInterviews && rng.chance(12);
    if (second) {
      std::size_t other = staff[rng.below(staff.size())];
      if (other == ctx.byline[0]) other = staff[(rng.below(staff.size() - 1) + 1 + other) % staff.size()];
      if (other != ctx.byline[0]) ctx.byline.push_back(other);
    }
    ctx.byline_text = std::string(w.authors[ctx.byline[0]].name);
    if (ctx.byline.size() == 2) {
      ctx.byline_text += " and ";
      ctx.byline_text += w.authors[ctx.byline[1]].name;
    }
  }

  // A practitioner writes about their own council, which keeps comment pieces coherent.
  void pick_councils() {
    const std::int64_t home = w.authors[ctx.byline[0]].council;
    const std::size_t n = places.councils.size();
    ctx.council = home >= 0 && rng.chance(80) ? static_cast<std::size_t>(home) : rng.below(n);
    ctx.council2 = (ctx.council + 1 + rng.below(n - 1)) % n;
  }

  void pick_people() {
    const std::string_view first = rng.pick(w.first_names);
    const std::string_view last = rng.pick(w.surnames);
    ctx.speaker = "Cllr ";
    ctx.speaker += first;
    ctx.speaker += ' ';
    ctx.speaker += last;
    ctx.speaker_short = "Cllr ";
    ctx.speaker_short += last;
    if (ctx.section != kInterviews) return;
    const std::string_view ifirst = rng.pick(w.first_names);
    const std::string_view ilast = rng.pick(w.surnames);
    ctx.interviewee = std::string(ifirst) + ' ' + std::string(ilast);
    ctx.interviewee_surname = std::string(ilast);
    const std::size_t r = rng.below(3);
    const std::string_view title = r == 0 ? "chief executive" : r == 1 ? "leader" : ctx.topic->officer;
    ctx.interviewee_role = std::string(title) + " of " + places.councils[ctx.council].in_copy();
  }

  void set_dates(std::int64_t at) {
    ctx.published_at = at;
    int year = 0, month = 0;
    civil_from_days(floor_div(at, kDay), year, month);
    const int fy_start = month >= 4 ? year : year - 1;  // UK financial year starts in April
    ctx.fy = financial_year(fy_start);
    ctx.fy_next = financial_year(fy_start + 1);
    ctx.dept_month = std::string(content::month_name(month % 12 + 1));  // next month: month is 1-based
    ctx.dept = department_at(at);
    ctx.interviewee_since = std::max(2008, year - rng.range(1, 9));
  }

  // A neighbouring subject for cross-references ("the knock-on effect on $X"): a related topic when the
  // primary topic lists one, so the cross-reference makes sense.
  const Topic* second_topic() {
    const auto& all = w.topics;
    const Topic* related[8];
    std::size_t n = 0;
    for (const Topic& t : all)
      if (&t != ctx.topic && n < std::size(related) &&
          std::find(ctx.topic->related.begin(), ctx.topic->related.end(), t.tag) != ctx.topic->related.end())
        related[n++] = &t;
    if (n > 0 && rng.chance(80)) return related[rng.below(n)];
    const Topic* other = &all[rng.below(all.size())];
    return other != ctx.topic ? other : &all[(static_cast<std::size_t>(other - all.data()) + 1) % all.size()];
  }

  void new_context() {
    ctx.used.clear();
    ctx.section = pick_section();
    const auto& all = w.topics;
    ctx.topic = &all[rng.below(all.size())];
    ctx.topic2 = second_topic();
    pick_byline();
    pick_councils();
    pick_people();
    set_dates(next_time());
  }

  // --- Publication times ----------------------------------------------------------------------------

  // Weekdays carry 3-8 pieces, weekends 0-2, at times within UK working hours (07:00-19:00, taken as
  // UTC: BST drift of an hour does not matter for demo data).
  // `already` counts pieces already placed on this day (the one at `newest`).
  void fill_day(std::int64_t day, std::int64_t upper_exclusive, int already) {
    const std::int64_t dow = (floor_div(day, kDay) + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
    const bool weekend = dow == 0 || dow == 6;
    const int count = (weekend ? rng.range(0, 2) : rng.range(3, 8)) - already;
    const std::int64_t lo = day + 7 * 3600;
    const std::int64_t hi = std::min(day + 19 * 3600, upper_exclusive);
    if (hi <= lo) return;
    const auto window = static_cast<std::size_t>(hi - lo);
    for (int i = 0; i < count; ++i) pending.push_back(lo + static_cast<std::int64_t>(rng.below(window)));
    std::sort(pending.begin(), pending.end());  // ascending; consumed from the back = newest first
  }

  std::int64_t next_time() {
    if (!started) {
      // The first article is published exactly at `newest`; the rest of that day fills in below it.
      started = true;
      day_start = floor_div(newest, kDay) * kDay;
      fill_day(day_start, newest, 1);
      return newest;
    }
    while (pending.empty()) {
      day_start -= kDay;
      fill_day(day_start, day_start + kDay, 0);
    }
    const std::int64_t t = pending.back();
    pending.pop_back();
    return t;
  }

  // --- Headline, standfirst, tags -------------------------------------------------------------------

  Pool headline_pool() const { return w.headlines[ctx.section]; }

  std::string compose_headline(std::string_view tmpl) {
    std::string h;
    expand(h, tmpl);
    capitalise_from(h, 0);
    return h;
  }

  // Unique by construction: every emitted headline's hash is remembered. A clash first gets a
  // distinguishing phrase; if several phrases clash too, a new headline is composed.
  std::string headline() {
    for (;;) {
      const std::string base = compose_headline(rng.pick(headline_pool()));
      if (!copy_flaw(base).empty()) continue;
      if (headlines.insert(fnv1a(base)).second) return base;
      for (int tries = 0; tries < 4; ++tries) {
        std::string h = base;
        const std::string_view suffix = rng.pick(w.head_suffixes);
        if (std::isalnum(static_cast<unsigned char>(suffix.front())) || suffix.front() == '$') h += ' ';
        expand(h, suffix);
        if (copy_flaw(h).empty() && headlines.insert(fnv1a(h)).second) return h;
      }
    }
  }

  Pool standfirst_pool() const { return w.standfirsts[ctx.section]; }

  // 20-45 words; templates are written to land there, and a few re-draws absorb long fills.
  std::string standfirst() {
    std::string s;
    for (int tries = 0; tries < 24; ++tries) {
      s.clear();
      expand(s, rng.pick(standfirst_pool()));
      capitalise_from(s, 0);
      const int words = content::count_words(s);
      if (words >= 20 && words <= 45 && copy_flaw(s).empty()) break;
    }
    return s;
  }

  // 2-5 tags: the topic's own, some related ones, and occasionally a general one; no duplicates.
  std::vector<std::string> tags() {
    std::vector<std::string> out{std::string(ctx.topic->tag)};
    const int want = rng.range(2, 5);
    const auto add = [&out](std::string_view t) {
      if (std::find(out.begin(), out.end(), t) == out.end()) out.emplace_back(t);
    };
    for (int tries = 0; tries < 12 && static_cast<int>(out.size()) < want; ++tries) {
      if (tries % 4 == 3 || rng.chance(15))
        add(rng.pick(w.general_tags));
      else
        add(rng.pick(ctx.topic->related));
    }
    if (out.size() < 2) add(ctx.topic2->tag);
    return out;
  }

  // --- Body -----------------------------------------------------------------------------------------

  enum ParaKind {
    kLedePara,
    kContextPara,
    kFiguresPara,
    kNationalPara,
    kReactionPara,
    kQuotePara,
    kArguePara,
    kPracticePara,
    kFeaturePara,
    kInterviewPara,
    kAnalysisPara
  };

  Pool pool_for(ParaKind k) const {
    switch (k) {
      case kLedePara:
        return w.lede;
      case kContextPara:
        return w.context;
      case kFiguresPara:
        return w.figures;
      case kNationalPara:
        return w.national;
      case kReactionPara:
        return w.reaction;
      case kArguePara:
        return w.argue;
      case kPracticePara:
        return w.practice;
      case kFeaturePara:
        return w.feature;
      case kInterviewPara:
        return w.interview;
      case kAnalysisPara:
        return w.analysis;
      case kQuotePara:
        break;
    }
    return w.context;
  }

  ParaKind opening_kind() const {
    switch (ctx.section) {
      case kComment:
        return kArguePara;
      case kFeatures:
        return kFeaturePara;
      case kBestPractice:
        return kPracticePara;
      case kInterviews:
        return kInterviewPara;
      case kAnalysis:
        return kAnalysisPara;
      default:
        return kLedePara;
    }
  }

  // The mix of paragraph kinds after the opening, per section; repeats weight the draw.
  ParaKind middle_kind() {
    static constexpr ParaKind kNewsMix[] = {kContextPara,  kContextPara,  kQuotePara, kFiguresPara,
                                            kNationalPara, kReactionPara, kQuotePara};
    static constexpr ParaKind kCommentMix[] = {kArguePara, kArguePara, kContextPara, kFiguresPara, kNationalPara};
    static constexpr ParaKind kFeatureMix[] = {kFeaturePara,  kFeaturePara, kQuotePara,
                                               kPracticePara, kContextPara, kFiguresPara};
    static constexpr ParaKind kPracticeMix[] = {kPracticePara, kPracticePara, kQuotePara, kFiguresPara, kArguePara};
    static constexpr ParaKind kInterviewMix[] = {kInterviewPara, kQuotePara, kQuotePara, kContextPara, kInterviewPara};
    static constexpr ParaKind kAnalysisMix[] = {kAnalysisPara, kFiguresPara, kFiguresPara,
                                                kNationalPara, kContextPara, kArguePara};
    switch (ctx.section) {
      case kComment:
        return kCommentMix[rng.below(std::size(kCommentMix))];
      case kFeatures:
        return kFeatureMix[rng.below(std::size(kFeatureMix))];
      case kBestPractice:
        return kPracticeMix[rng.below(std::size(kPracticeMix))];
      case kInterviews:
        return kInterviewMix[rng.below(std::size(kInterviewMix))];
      case kAnalysis:
        return kAnalysisMix[rng.below(std::size(kAnalysisMix))];
      default:
        return kNewsMix[rng.below(std::size(kNewsMix))];
    }
  }

  std::pair<int, int> paragraph_range() const {
    switch (ctx.section) {
      case kNews:
        return {5, 10};
      case kComment:
        return {6, 11};
      case kFeatures:
        return {8, 14};
      case kBestPractice:
        return {7, 12};
      case kInterviews:
        return {7, 13};
      default:
        return {7, 13};
    }
  }

  // Topping-up sentences come from any of the section's prose pools that still has fresh templates,
  // which keeps long pieces from repeating themselves.
  Pool filler_pool() {
    for (int tries = 0; tries < 8; ++tries) {
      const ParaKind k = middle_kind();
      if (k == kQuotePara) continue;
      const Pool p = pool_for(k);
      if (!exhausted(p)) return p;
    }
    return exhausted(w.context) ? w.argue : w.context;
  }

  // A quote paragraph: one attributed quote, sometimes followed by a second.
  std::size_t quote_paragraph(std::string& out, std::size_t budget) {
    std::size_t words = 0;
    if (ctx.section == kInterviews) {
      words += sentence(out, pick_fresh(w.interview_quotes));
      if (words < budget) words += sentence(out, "“$Q”");  // a continuation: one attribution per paragraph
      return words;
    }
    words += sentence(out, pick_fresh(w.quote_lines));
    if (words + 15 < budget && rng.chance(50)) words += sentence(out, rng.pick(w.quote_follow));
    return words;
  }

  // Fills one paragraph to roughly `budget` words, starting from `kind` and topping up from `kind`
  // or the section's filler pool.
  std::size_t paragraph(std::string& out, ParaKind kind, std::size_t budget, bool link) {
    std::size_t words = 0;
    if (kind == kQuotePara) {
      words = quote_paragraph(out, budget);
    } else {
      const Pool first = pool_for(kind);
      words += sentence(out, pick_fresh(first));
      for (int n = 1; n < 5 && words < budget; ++n) {
        // A lede is one sentence; what follows it is context, as in a news report.
        Pool from = filler_pool();
        if (kind == kLedePara)
          from = rng.chance(70) ? w.context : w.figures;
        else if (rng.chance(55) && !exhausted(first))
          from = first;
        words += sentence(out, pick_fresh(from));
      }
    }
    if (link) words += sentence(out, rng.pick(w.link_lines));
    out += "\n\n";
    return words;
  }

  // The list's lead-in ends the previous paragraph, so the list does not add a prose paragraph.
  std::size_t bullet_list(std::string& out) {
    while (!out.empty() && out.back() == '\n') out.pop_back();
    std::size_t words = sentence(out, rng.pick(w.list_intros));
    out += "\n\n";
    const std::size_t n = 3 + rng.below(3);
    const std::size_t start = rng.below(w.list_items.size());
    for (std::size_t i = 0; i < n; ++i) {
      out += "- ";
      const std::size_t from = out.size();
      // Consecutive items from a random start: distinct without bookkeeping. Topic actions lead.
      if (i == 0)
        expand(out, rng.pick(ctx.topic->actions));
      else
        expand(out, w.list_items[(start + i) % w.list_items.size()]);
      capitalise_from(out, from);
      words += static_cast<std::size_t>(content::count_words(std::string_view(out).substr(from)));
      out += '\n';
    }
    out += '\n';
    return words;
  }

  // 5-14 paragraphs, 1-3 subheadings, ~400-1,100 words. The word target scales with paragraph count
  // so short pieces are not padded and long ones are not thin.
  std::string body() {
    const auto [lo, hi] = paragraph_range();
    const int paras = rng.range(lo, hi);
    const std::size_t target = std::clamp<std::size_t>(static_cast<std::size_t>(paras * rng.range(58, 88)), 420, 1080);
    const std::size_t per_para = target / static_cast<std::size_t>(paras);
    const int heads = std::clamp(paras / 4, 1, 3);
    const int list_at = rng.chance(30) ? rng.range(1, paras - 2) : -1;
    const int link_at = rng.chance(25) ? rng.range(1, paras - 1) : -1;

    std::string out;
    out.reserve(8192);
    std::size_t words = 0;
    int heads_done = 0;
    for (int p = 0; p < paras; ++p) {
      // Subheadings are spaced evenly after the opening paragraphs.
      if (heads_done < heads && p == 2 + heads_done * ((paras - 2) / heads)) {
        out += "## ";
        const std::size_t from = out.size();
        expand(out, pick_fresh(w.subheads));
        capitalise_from(out, from);
        out += "\n\n";
        ++heads_done;
      }
      const std::size_t left = target > words ? target - words : 0;
      const std::size_t budget = std::min(per_para, left);
      ParaKind kind = p == 0 ? opening_kind() : middle_kind();
      if (p == paras - 1 && ctx.section == kNews) kind = kReactionPara;
      words += paragraph(out, kind, budget, p == link_at);
      if (p == list_at) words += bullet_list(out);
    }
    words += closing(out);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    while (words < 380) words += sentence(out, pick_fresh(filler_pool()));  // rare: many short fills
    out += '\n';
    return out;
  }

  // News ends on what happens next; other sections on a reflective line appended to the last paragraph.
  std::size_t closing(std::string& out) {
    while (!out.empty() && out.back() == '\n') out.pop_back();
    std::size_t words = sentence(out, rng.pick(ctx.section == kNews ? w.next : w.closing));
    out += "\n\n";
    return words;
  }

  ArticleInput next() {
    new_context();
    ArticleInput a;
    a.section = std::string(w.sections[ctx.section].name);
    for (const std::size_t i : ctx.byline) a.authors.emplace_back(w.authors[i].name);
    a.headline = headline();
    a.standfirst = standfirst();
    a.body_markdown = body();
    a.tags = tags();
    a.published_at = ctx.published_at;
    a.status = Status::published;
    return a;
  }
};

DemoGenerator::DemoGenerator(std::uint64_t seed, std::int64_t newest) : impl_(std::make_unique<Impl>(seed, newest)) {}

DemoGenerator::~DemoGenerator() = default;

const std::vector<AuthorProfile>& DemoGenerator::authors() const {
  return impl_->author_profiles;
}

const std::vector<Section>& DemoGenerator::sections() const {
  return impl_->section_list;
}

ArticleInput DemoGenerator::next() {
  return impl_->next();
}

}  // namespace gazette::demo
