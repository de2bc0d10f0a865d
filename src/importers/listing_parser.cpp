// Listing-dump parser: turns the saved text of trade-press listing and article pages into items,
// job adverts and a list of lines it could not place. See listing_parser.h for the formats.
//
// Shape of the implementation:
//   1. split_lines: split on LF / CRLF / CR, normalise odd spaces, drop blank lines (remembering them).
//   2. classify:    give each line a lexical kind (bullet, date, "By" line, furniture, ...).
//   3. claim_adverts: a pre-pass anchored on "Recuriter:" lines, so job boxes are set aside before
//                   the main pass could mistake their lines for headlines or body text.
//   4. main pass:   a small state machine (listing / related block / article page / furniture).
#include "importers/listing_parser.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "strings/strings.h"

namespace gazette::importers {
namespace {

using std::string;
using std::string_view;

// ---------------------------------------------------------------------------------------------
// Small text helpers (ASCII-only case handling: the formats' keywords are all ASCII).

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
unsigned char byte_at(string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]);
}

bool istarts_with(string_view s, string_view prefix) {
  return s.size() >= prefix.size() && strings::iequals(s.substr(0, prefix.size()), prefix);
}

bool iends_with(string_view s, string_view suffix) {
  return s.size() >= suffix.size() && strings::iequals(s.substr(s.size() - suffix.size()), suffix);
}

bool starts_with(string_view s, string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Splits on single spaces; callers pass text that normalise_spaces has already collapsed.
std::vector<string_view> split_words(string_view s) {
  std::vector<string_view> words;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == string_view::npos) end = s.size();
    if (end > start) words.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

string join(const std::vector<string_view>& words) {
  string out;
  for (string_view w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// Length of the UTF-8 sequence that starts with lead byte c; 1 for stray bytes, so loops always advance.
std::size_t utf8_width(unsigned char c) {
  if (c >= 0xF0 && c <= 0xF7) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Width of a "space-like" character at s[i] (0 when it is not one). Browsers save NBSP, narrow NBSP
// and the typographic spaces U+2000..U+200A; all of them mean a plain space here.
std::size_t space_width(string_view s, std::size_t i) {
  const unsigned char c = byte_at(s, i);
  if (c == ' ' || c < 0x20 || c == 0x7F) return 1;  // tabs and other controls become spaces too
  if (c == 0xC2 && i + 1 < s.size() && byte_at(s, i + 1) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && byte_at(s, i + 1) == 0x80) {
    const unsigned char c3 = byte_at(s, i + 2);
    if ((c3 >= 0x80 && c3 <= 0x8A) || c3 == 0xAF) return 3;
  }
  if (c == 0xE3 && i + 2 < s.size() && byte_at(s, i + 1) == 0x80 && byte_at(s, i + 2) == 0x80) return 3;
  return 0;
}

// Width of an invisible character at s[i] that should vanish (zero-width space, BOM), else 0.
std::size_t invisible_width(string_view s, std::size_t i) {
  if (i + 2 >= s.size()) return 0;
  const string_view three = s.substr(i, 3);
  if (three == "\xE2\x80\x8B" || three == "\xEF\xBB\xBF") return 3;
  return 0;
}

// NBSP and friends -> space, runs of spaces collapsed, leading/trailing spaces trimmed.
string normalise_spaces(string_view raw) {
  string out;
  out.reserve(raw.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < raw.size();) {
    if (const std::size_t w = invisible_width(raw, i)) {
      i += w;
      continue;
    }
    if (const std::size_t w = space_width(raw, i)) {
      pending_space = !out.empty();
      i += w;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    const std::size_t w = std::min(utf8_width(byte_at(raw, i)), raw.size() - i);
    out.append(raw.substr(i, w));
    i += w;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates: "19 May 2022", "08 March 2022", "June 12, 2019", "21 January 2015".

struct Date {
  int year = 0, month = 0, day = 0;
};

string_view strip_trailing(string_view w, string_view chars) {
  while (!w.empty() && chars.find(w.back()) != string_view::npos) w.remove_suffix(1);
  return w;
}

int month_number(string_view word) {
  static constexpr std::array<string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                          "may",       "june",     "july",     "august",
                                                          "september", "october",  "november", "december"};
  const string w = strings::lower_ascii(strip_trailing(word, ".,"));
  if (w.size() < 3) return 0;
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    // Full names, or abbreviations such as "Jan", "Sept".
    if (w == kMonths[m] || (w.size() <= 4 && starts_with(kMonths[m], w))) return static_cast<int>(m) + 1;
  }
  return 0;
}

// Parses a run of 1..max_digits digits that makes up the whole of s.
bool parse_number(string_view s, std::size_t max_digits, int& out) {
  if (s.empty() || s.size() > max_digits) return false;
  int value = 0;
  for (char c : s) {
    if (!is_digit(c)) return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

bool parse_day(string_view word, int& day) {
  string_view w = strip_trailing(word, ",");
  if (w.size() > 2 && (iends_with(w, "st") || iends_with(w, "nd") || iends_with(w, "rd") || iends_with(w, "th"))) {
    w.remove_suffix(2);
  }
  return parse_number(w, 2, day);
}

bool parse_year(string_view word, int& year) {
  return parse_number(strip_trailing(word, ".,"), 4, year) && year >= 1900 && year <= 2199;
}

bool valid_date(const Date& d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  if (d.day > kDays[static_cast<std::size_t>(d.month - 1)]) return false;
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  return !(d.month == 2 && d.day == 29 && !leap);
}

// Three words forming a date, day-first or month-first.
std::optional<Date> parse_date_words(string_view a, string_view b, string_view c) {
  Date d;
  if (!parse_year(c, d.year)) return std::nullopt;
  if (parse_day(a, d.day) && (d.month = month_number(b)) != 0 && valid_date(d)) return d;
  if ((d.month = month_number(a)) != 0 && parse_day(b, d.day) && valid_date(d)) return d;
  return std::nullopt;
}

// "14/03/2024", "4/3/2024", "14.03.2024", "14-03-2024": day first, as UK pages write them.
std::optional<Date> parse_numeric_date(string_view w) {
  w = strip_trailing(w, ".,");
  if (w.size() < 8 || w.size() > 10) return std::nullopt;
  const std::size_t a = w.find_first_of("/.-");
  if (a == string_view::npos) return std::nullopt;
  const char sep = w[a];
  const std::size_t b = w.find(sep, a + 1);
  if (b == string_view::npos || w.find(sep, b + 1) != string_view::npos) return std::nullopt;
  Date d;
  if (!parse_number(w.substr(0, a), 2, d.day) || !parse_number(w.substr(a + 1, b - a - 1), 2, d.month) ||
      w.size() - b - 1 != 4 || !parse_year(w.substr(b + 1), d.year) || !valid_date(d)) {
    return std::nullopt;
  }
  return d;
}

// The whole line is a date: three words ("19 May 2022", "June 12, 2019") or one numeric date.
std::optional<Date> parse_date_line(string_view line) {
  const auto w = split_words(line);
  if (w.size() == 1) return parse_numeric_date(w[0]);
  if (w.size() != 3) return std::nullopt;
  return parse_date_words(w[0], w[1], w[2]);
}

// A line that ends with a date after some text ("Headline Summary text. 14 March 2024"): the text
// before the date (separators such as "|" or "-" dropped) and the date.
std::optional<std::pair<string, Date>> split_trailing_date(string_view line) {
  auto w = split_words(line);
  std::optional<Date> date;
  std::size_t date_words = 0;
  if (!w.empty() && (date = parse_numeric_date(w.back()))) {
    date_words = 1;
  } else if (w.size() >= 3 && (date = parse_date_words(w[w.size() - 3], w[w.size() - 2], w[w.size() - 1]))) {
    date_words = 3;
  }
  if (!date) return std::nullopt;
  w.resize(w.size() - date_words);
  while (!w.empty() && (w.back() == "|" || w.back() == "-" || w.back() == "\xE2\x80\x93" ||
                        w.back() == "\xE2\x80\x94" || w.back() == "\xC2\xB7")) {
    w.pop_back();
  }
  if (!w.empty()) w.back() = strip_trailing(w.back(), "|,");
  return std::make_pair(join(w), *date);
}

// ---------------------------------------------------------------------------------------------
// Names. Shared by extract_bylines, "By" lines and the article page's author/date line.

bool in_list(string_view w, const auto& list) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

bool is_title(string_view w) {
  static constexpr string_view kTitles[] = {
      "Cllr", "Councillor", "Lord", "Lady", "Baroness", "Baron", "Sir", "Dame", "Dr", "Prof",  "Professor", "Mr",
      "Mrs",  "Ms",         "Miss", "Mx",   "Rev",      "Revd",  "Rt",  "Hon",  "Cr", "Canon", "Mayor"};
  return in_list(strip_trailing(w, ".,"), kTitles);
}

// Peers are named by title and one name ("Lord Porter"): the title is then part of the name.
bool is_peerage(string_view w) {
  static constexpr string_view kPeerages[] = {"Lord", "Lady", "Baroness", "Baron"};
  return in_list(strip_trailing(w, ".,"), kPeerages);
}

// Lower-case name particles ("Ursula von Brandt"); allowed only between capitalised words.
bool is_particle(string_view w) {
  static constexpr string_view kParticles[] = {"de",  "da", "di", "du",  "del", "della", "der", "den", "van",
                                               "von", "le", "la", "bin", "ibn", "al",    "ter", "dos"};
  return in_list(w, kParticles);
}

// Capitalised words that start, or belong to, organisation and place names, or are plain English
// sentence words; a run containing one is not a person's name.
bool is_stop_word(string_view w) {
  static constexpr string_view kStop[] = {
      "The",         "A",         "An",         "This",      "That",         "These",      "Those",      "It",
      "Its",         "We",        "Our",        "He",        "She",          "They",       "Their",      "His",
      "Her",         "I",         "You",        "Your",      "There",        "What",       "Why",        "How",
      "When",        "Where",     "Who",        "Which",     "As",           "In",         "On",         "At",
      "Of",          "For",       "From",       "With",      "By",           "Or",         "If",         "Not",
      "No",          "All",       "Many",       "Some",      "Most",         "More",       "Every",      "Each",
      "Local",       "National",  "Government", "Council",   "Councils",     "Borough",    "County",     "City",
      "Cities",      "District",  "Town",       "Parish",    "Metropolitan", "Commission", "Board",      "Association",
      "Partnership", "Institute", "Trust",      "Authority", "Authorities",  "Agency",     "Department", "Ministry",
      "Office",      "Group",     "Network",    "Service",   "Services",     "Committee",  "Society",    "Foundation",
      "University",  "College",   "Centre",     "Center",    "Union",        "Limited",    "Ltd",        "Report",
      "Paper",       "Budget",    "Ministers",  "Minister",  "North",        "South",      "East",       "West",
      "Greater",     "Central"};
  return in_list(w, kStop) || iends_with(w, "shire");
}

// Sentence openers that may sit in front of a name without being part of it ("Here Jo Bloggs explains").
bool is_opener(string_view w) {
  static constexpr string_view kOpeners[] = {"Now",       "Here",       "Today", "Also", "Meanwhile", "Then", "Finally",
                                             "Elsewhere", "Separately", "Yet",   "So",   "But",       "And",  "Next"};
  return in_list(w, kOpeners);
}

bool is_possessive(string_view w) {
  return w.size() > 2 && (w.ends_with("'s") || (w.size() > 4 && w.ends_with("\xE2\x80\x99s")));
}

// One capitalised name word: "Chapman-Allen", "McInroy", "O’Hara", "BIngham", or an initial "J".
// Acronyms ("LBC", "OECD"), digits and possessives are rejected.
bool is_name_word(string_view w) {
  if (w.empty() || !is_upper(w[0]) || is_possessive(w) || w.back() == '-') return false;
  bool part_start = true, has_lower = false;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < w.size();) {
    const unsigned char c = byte_at(w, i);
    if (c == '-') {
      if (part_start) return false;
      part_start = true;
      ++i;
    } else if (c == '\'' || starts_with(w.substr(i), "\xE2\x80\x99")) {
      i += (c == '\'') ? 1 : 3;
    } else if (c >= 0x80) {
      if (c == 0xE2) return false;  // general punctuation (dashes, quotes) inside a word
      has_lower = true;             // non-ASCII letters (é, ö) count as lower case
      part_start = false;
      ++letters;
      i += utf8_width(c);
    } else if (is_upper(static_cast<char>(c)) || (is_lower(static_cast<char>(c)) && !part_start)) {
      has_lower = has_lower || is_lower(static_cast<char>(c));
      part_start = false;
      ++letters;
      ++i;
    } else {
      return false;
    }
  }
  if (letters >= 2 && !has_lower) return false;
  return !is_stop_word(w);
}

// Validates a run of words as a person's name: 2-4 capitalised words, particles only inside.
std::optional<string> validate_name(std::vector<string_view> words) {
  while (!words.empty() && is_opener(words.front())) words.erase(words.begin());
  if (words.empty() || is_particle(words.front()) || is_particle(words.back())) return std::nullopt;
  std::size_t capitalised = 0;
  for (string_view w : words) {
    if (is_particle(w)) continue;
    if (!is_name_word(w)) return std::nullopt;
    ++capitalised;
  }
  if (capitalised < 2 || capitalised > 4) return std::nullopt;
  return join(words);
}

// "Cllr Roy Perry" -> "Roy Perry"; also drops stacked titles ("Rt Hon").
std::vector<string_view> drop_titles(std::vector<string_view> words) {
  while (!words.empty() && is_title(words.front())) words.erase(words.begin());
  return words;
}

// Splits an explicit author list ("By Jo Bloggs and Sam Smith") into names. Explicit bylines are
// trusted, so pieces are only cleaned, not validated as names.
std::vector<string> split_author_list(string_view list) {
  std::vector<string> names;
  std::vector<string_view> current;
  auto flush = [&] {
    const auto words = drop_titles(current);
    if (!words.empty()) names.push_back(join(words));
    current.clear();
  };
  for (string_view w : split_words(list)) {
    if (w == "and" || w == "&") {
      flush();
      continue;
    }
    const bool ends_piece = w.ends_with(",");
    w = strip_trailing(w, ",");
    if (!w.empty()) current.push_back(w);
    if (ends_piece) flush();
  }
  flush();
  return names;
}

// ---------------------------------------------------------------------------------------------
// Byline extraction from summary phrasing.

// A summary word with its surrounding punctuation split off.
struct Token {
  string_view core;   // the word itself; empty for pure punctuation such as "-" or "–"
  bool lead = false;  // had an opening quote or bracket
  string_view trail;  // closing punctuation: ".", ",", "’", ")" ...
};

std::size_t leading_punct_width(string_view w) {
  if (w.empty()) return 0;
  if (string_view("([{\"'").find(w[0]) != string_view::npos) return 1;
  if (starts_with(w, "\xE2\x80\x98") || starts_with(w, "\xE2\x80\x9C")) return 3;  // ‘ “
  return 0;
}

std::size_t trailing_punct_width(string_view w) {
  if (w.empty()) return 0;
  if (string_view(".,;:!?)]}\"'").find(w.back()) != string_view::npos) return 1;
  for (string_view p : {"\xE2\x80\x99", "\xE2\x80\x9D", "\xE2\x80\xA6"}) {  // ’ ” …
    if (w.ends_with(p)) return p.size();
  }
  return 0;
}

bool is_dash(string_view w) {
  return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94";
}

Token make_token(string_view w) {
  Token t;
  if (is_dash(w)) return t;
  while (const std::size_t n = leading_punct_width(w)) {
    t.lead = true;
    w.remove_prefix(n);
  }
  const std::size_t full = w.size();
  while (const std::size_t n = trailing_punct_width(w)) w.remove_suffix(n);
  t.core = w;
  if (w.size() < full) t.trail = string_view(w.data() + w.size(), full - w.size());
  return t;
}

std::vector<Token> tokenise(string_view text) {
  std::vector<Token> tokens;
  for (string_view w : split_words(text)) tokens.push_back(make_token(w));
  return tokens;
}

using Tokens = std::vector<Token>;
using Index = std::ptrdiff_t;

bool core_is(const Tokens& t, Index i, string_view word) {
  return i >= 0 && i < static_cast<Index>(t.size()) && t[static_cast<std::size_t>(i)].core == word;
}

const Token& at(const Tokens& t, Index i) {
  return t[static_cast<std::size_t>(i)];
}

bool is_connector(string_view w) {
  return w == "at" || w == "of" || w == "from" || w == "for" || w == "with";
}

// Number of tokens a "name comes first" verb phrase occupies at i ("looks at" = 2), or 0.
std::size_t verb_after_name(const Tokens& t, Index i) {
  static constexpr string_view kVerbs[] = {
      "says",    "say",      "reports", "report",   "writes",  "write",     "outlines",  "outline",  "explains",
      "explain", "argues",   "argue",   "reflects", "reflect", "describes", "describe",  "examines", "examine",
      "asks",    "ask",      "gives",   "give",     "shows",   "show",      "considers", "consider", "discusses",
      "discuss", "explores", "explore", "assesses", "assess",  "warns",     "warn",      "recalls",  "recall"};
  const Token& v = at(t, i);
  if (v.lead) return 0;
  if ((v.core == "looks" || v.core == "look") && v.trail.empty() && core_is(t, i + 1, "at")) return 2;
  if ((v.core == "sets" || v.core == "set") && v.trail.empty() && core_is(t, i + 1, "out")) return 2;
  if ((v.core == "takes" || v.core == "take") && v.trail.empty() && core_is(t, i + 1, "a") &&
      core_is(t, i + 2, "look")) {
    return 3;
  }
  return in_list(v.core, kVerbs) ? 1 : 0;
}

// Verbs that introduce the name after them: "..., says Jo Bloggs.", "..., warns Jo Bloggs."
bool is_verb_before_name(const Token& v) {
  static constexpr string_view kVerbs[] = {"says", "say",      "writes",  "write",  "warns",
                                           "warn", "explains", "explain", "argues", "argue"};
  return !v.lead && in_list(v.core, kVerbs);
}

// "Lord Porter": a peer's title and a single name word; nothing otherwise.
std::optional<string> peer_name(string_view title, const std::vector<string_view>& words) {
  if (!is_peerage(title) || words.size() != 1 || !is_name_word(words[0])) return std::nullopt;
  return string(strip_trailing(title, ".,")) + " " + string(words[0]);
}

// A run of name-like words found by walking left from `last`.
struct Run {
  std::vector<string_view> words;
  Index before = -1;   // token just left of the run (-1 at the start of the text)
  bool clear = false;  // the left edge unambiguously starts a name
};

// Walks left from `last` over capitalised words. A trailing comma is tolerated on `last` only, for
// "Alison Bloggs, explains". The left edge is clear at the start of the text, after punctuation, a
// title ("Cllr"), an organisation possessive ("Solace's") or a lower-case word.
Run run_backward(const Tokens& t, Index last, bool comma_on_last) {
  Run run;
  Index j = last;
  for (; j >= 0; --j) {
    const Token& tok = at(t, j);
    const bool trail_ok = tok.trail.empty() || (j == last && comma_on_last && tok.trail == ",");
    if (tok.core.empty() || !trail_ok || is_title(tok.core) || is_possessive(tok.core)) {
      run.clear = true;
      break;
    }
    if (!is_name_word(tok.core) && !is_particle(tok.core)) {
      run.clear = !tok.core.empty() && !is_upper(tok.core[0]);  // "Anytown DC Jo Bloggs" is not clear
      break;
    }
    if (run.words.size() >= 6) break;  // far too long for a name: leave clear=false
    run.words.push_back(tok.core);
    if (tok.lead) {
      --j;
      run.clear = true;
      break;
    }
  }
  if (j < 0) run.clear = true;
  run.before = j;
  std::reverse(run.words.begin(), run.words.end());
  return run;
}

void add_unique(std::vector<string>& names, const string& name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

// "Jo Bloggs explains", "Jo Bloggs and Sam Smith explain", "Jo Bloggs at Anytown Partners gives".
std::vector<string> names_before_verb(const Tokens& t, Index verb) {
  // "Jo Bloggs, explains" is a byline; "‘..., Tom Jones,’ says" is a quotation, so no comma before says.
  const string_view v = at(t, verb).core;
  const bool comma_ok = !(v == "says" || v == "say" || v == "writes" || v == "write");
  const Run second = run_backward(t, verb - 1, comma_ok);
  if (second.words.empty()) return {};
  const Index b = second.before;
  if (b >= 0 && at(t, b).trail.empty()) {  // "Lord Porter says"
    if (const auto peer = peer_name(at(t, b).core, second.words)) return {*peer};
  }
  const bool joined_by_word = b >= 0 && at(t, b).trail.empty() && !at(t, b).lead;
  if (joined_by_word && (is_connector(at(t, b).core) || at(t, b).core == "and")) {
    // The run just before the verb is either an organisation ("at Odgers Interim") or a second name.
    const Run first = run_backward(t, b - 1, false);
    const auto first_name = validate_name(first.words);
    if (!first.clear || !first_name) return {};
    if (first.before >= 0 && is_connector(at(t, first.before).core)) return {};
    if (is_connector(at(t, b).core)) return {*first_name};
    const auto second_name = validate_name(second.words);
    if (!second_name) return {};
    return {*first_name, *second_name};
  }
  const auto name = validate_name(second.words);
  if (!second.clear || !name) return {};
  return {*name};
}

// Reads one name run forwards from i, skipping titles and an organisation possessive in front of it.
// Sets `next` to the first token after the run and `closed` when the run ended in punctuation.
std::optional<string> run_forward(const Tokens& t, Index i, Index& next, bool& closed) {
  const Index n = static_cast<Index>(t.size());
  // "explains the Mayor Jo Bloggs": an article before a title belongs to the title.
  if (core_is(t, i, "the") && at(t, i).trail.empty() && i + 1 < n && is_title(at(t, i + 1).core)) ++i;
  string_view peerage;
  while (i < n && !at(t, i).lead &&
         (is_title(at(t, i).core) || (is_possessive(at(t, i).core) && is_upper(at(t, i).core[0])))) {
    if (!at(t, i).trail.empty() && !is_title(at(t, i).core)) return std::nullopt;
    if (is_peerage(at(t, i).core) && at(t, i).trail.empty()) peerage = at(t, i).core;
    ++i;
  }
  std::vector<string_view> words;
  closed = false;
  for (; i < n && words.size() < 6; ++i) {
    const Token& tok = at(t, i);
    if (tok.lead || tok.core.empty() || !(is_name_word(tok.core) || is_particle(tok.core))) break;
    words.push_back(tok.core);
    if (!tok.trail.empty()) {
      closed = true;
      ++i;
      break;
    }
  }
  next = i;
  if (const auto peer = peer_name(peerage, words)) return peer;
  return validate_name(words);
}

// "..., says Jo Bloggs.", "say Jo Bloggs and Sam Smith of the Anytown Trust".
std::vector<string> names_after_verb(const Tokens& t, Index verb) {
  const Index n = static_cast<Index>(t.size());
  if (!at(t, verb).trail.empty()) return {};
  Index next = 0;
  bool closed = false;
  const auto first = run_forward(t, verb + 1, next, closed);
  if (!first) return {};
  std::vector<string> names = {*first};
  if (closed || next >= n || at(t, next).core.empty()) return names;
  const string_view follower = at(t, next).core;
  if (follower == "and") {
    Index after = 0;
    bool closed2 = false;
    if (const auto second = run_forward(t, next + 1, after, closed2)) names.push_back(*second);
    return names;
  }
  // "says Jo Bloggs is wrong" names the subject of the quote, not the writer.
  const bool ok = is_connector(follower) || follower == "in" || follower == "who";
  return ok ? names : std::vector<string>{};
}

// ---------------------------------------------------------------------------------------------
// Line model and classification.

struct Line {
  string text;
  int number = 0;
  bool blank_before = false;  // a blank line separated it from the previous non-blank line
};

constexpr string_view kBanner = "Linkedin Banner";

// Splits on LF, CRLF and lone CR; keeps only non-blank lines. A "Linkedin Banner" glued onto the end
// of a line (the dump lost the newline) is split off as its own line.
std::vector<Line> split_lines(string_view text) {
  std::vector<Line> lines;
  int number = 1;
  bool blank_before = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\r') continue;
    string norm = normalise_spaces(text.substr(start, i - start));
    if (norm.empty()) {
      blank_before = true;
    } else if (norm.size() > kBanner.size() && iends_with(norm, kBanner)) {
      const string head(strings::trim(string_view(norm).substr(0, norm.size() - kBanner.size())));
      lines.push_back({head, number, blank_before});
      lines.push_back({string(kBanner), number, false});
      blank_before = false;
    } else {
      lines.push_back({std::move(norm), number, blank_before});
      blank_before = false;
    }
    if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
    start = i + 1;
    ++number;
  }
  return lines;
}

enum class Kind {
  text,
  bullet,
  date,
  by_line,
  author_date,
  inline_dated,  // headline and summary on one line, the date at its end
  best_practice,
  related_heading,
  label,       // a short upper-case line: a section label ("FINANCE") or a block title ("MOST READ")
  furniture,   // site furniture that ends what came before it ("SIGN UP")
  cms_chrome,  // CMS controls and trails ("Edit this post", "Home · News"), skipped where they stand
  recruiter
};

constexpr string_view kBullet = "\xE2\x80\xA2";  // •

bool is_furniture(string_view s) {
  return strings::iequals(s, "SIGN UP") || strings::iequals(s, "For your free daily news bulletin") ||
         strings::iequals(s, kBanner);
}

// Controls and labels a CMS prints around a post. They are never articles, and they do not end the
// article or item they sit in.
bool is_cms_chrome(string_view s) {
  static constexpr string_view kExact[] = {
      "Edit this post", "Edit this page", "Edit",      "Read more",       "Continue reading", "Share this",
      "Share this:",    "Share",          "Print",     "Leave a comment", "Comments",         "Skip to content",
      "Back to top",    "Advertisement",  "Sponsored", "Subscribe"};
  for (string_view e : kExact) {
    if (strings::iequals(strip_trailing(s, " .:\xE2\x86\x92"), strip_trailing(e, ":"))) return true;
  }
  for (string_view p : {"Posted in ", "Filed under ", "Tagged ", "Tags: ", "Categories: "}) {
    if (istarts_with(s, p)) return true;
  }
  // A trail: "Home · News · Finance", "Home > News" (every part short).
  for (string_view sep : {" \xC2\xB7 ", " \xC2\xBB ", " \xE2\x80\xBA ", " > ", " / "}) {
    if (s.find(sep) == string_view::npos) continue;
    bool short_parts = true;
    std::size_t parts = 0;
    for (std::size_t start = 0; start <= s.size(); ++parts) {
      std::size_t end = s.find(sep, start);
      if (end == string_view::npos) end = s.size();
      const auto words = split_words(strings::trim(s.substr(start, end - start)));
      short_parts = short_parts && !words.empty() && words.size() <= 4;
      start = end + sep.size();
    }
    // Three parts, or a trail from "Home": a headline with one " / " in it is not a trail.
    if (short_parts && (parts >= 3 || istarts_with(s, "Home "))) return true;
  }
  return s == "\xC2\xB7";
}

// "NEWS", "FINANCE", "SOCIAL CARE", "MOST READ": one to four upper-case words, no digits.
bool is_upper_label(string_view s) {
  if (s.size() < 3 || s.size() > 40) return false;
  const auto words = split_words(s);
  if (words.empty() || words.size() > 4) return false;
  std::size_t letters = 0;
  for (char c : s) {
    if (is_lower(c) || is_digit(c)) return false;
    if (is_upper(c))
      ++letters;
    else if (c != ' ' && c != '&' && c != '-' && c != ':')
      return false;
  }
  return letters >= 3;
}

// Block titles that never name a section, even with items under them.
bool is_block_title(string_view s) {
  static constexpr string_view kTitles[] = {"most read",       "most popular",     "trending",  "related",
                                            "related stories", "related articles", "latest",    "popular",
                                            "more stories",    "recommended",      "sponsored", "advertisement",
                                            "share",           "newsletter",       "follow us", "editor's picks"};
  const string lower = strings::lower_ascii(strip_trailing(s, ":"));
  return in_list(string_view(lower), kTitles);
}

// "FINANCE" -> "Finance", "SOCIAL CARE" -> "Social care": how section names are written elsewhere.
string section_name(string_view label) {
  string out = strings::lower_ascii(strip_trailing(label, ":"));
  if (!out.empty() && is_lower(out[0])) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

bool is_heading(string_view s, string_view heading) {
  return strings::iequals(strip_trailing(s, ":"), heading);
}

// "Recuriter: X" (sic, as on the real pages) or "Recruiter: X".
std::optional<string_view> recruiter_value(string_view s) {
  for (string_view label : {"Recuriter:", "Recruiter:"}) {
    if (istarts_with(s, label)) return strings::trim(s.substr(label.size()));
  }
  return std::nullopt;
}

// "Jo Bloggs 21 January 2015" (also "By Jo Bloggs | 21 January 2015"): the name and the date.
std::optional<std::pair<string, Date>> parse_author_date(string_view s) {
  auto w = split_words(s);
  if (w.size() < 5) return std::nullopt;
  const auto date = parse_date_words(w[w.size() - 3], w[w.size() - 2], w[w.size() - 1]);
  if (!date) return std::nullopt;
  w.resize(w.size() - 3);
  while (!w.empty() && (w.back() == "|" || w.back() == "," || is_dash(w.back()))) w.pop_back();
  if (!w.empty()) w.back() = strip_trailing(w.back(), ",|");
  if (!w.empty() && w.front() == "By") w.erase(w.begin());
  const auto name = validate_name(drop_titles(w));
  if (!name) return std::nullopt;
  return std::make_pair(*name, *date);
}

struct ByLine {
  std::vector<string> authors;
  Date date;
};

// "By Roy Perry | June 12, 2019". Without a '|' the rest must be a date-suffixed name or a clean
// name list, so a summary opening "By 2030 councils will..." is not mistaken for a byline.
std::optional<ByLine> parse_by_line(string_view s) {
  if (!starts_with(s, "By ")) return std::nullopt;
  const string_view rest = s.substr(3);
  ByLine by;
  if (const std::size_t bar = rest.find('|'); bar != string_view::npos) {
    by.authors = split_author_list(strings::trim(rest.substr(0, bar)));
    if (const auto d = parse_date_line(strings::trim(rest.substr(bar + 1)))) by.date = *d;
    if (by.authors.empty() || !is_upper(by.authors.front()[0])) return std::nullopt;
    return by;
  }
  if (const auto ad = parse_author_date(rest)) {
    by.authors = {ad->first};
    by.date = ad->second;
    return by;
  }
  by.authors = split_author_list(rest);
  for (const string& a : by.authors) {
    if (!validate_name(split_words(a))) return std::nullopt;
  }
  if (by.authors.empty()) return std::nullopt;
  return by;
}

Kind classify(string_view s) {
  if (starts_with(s, kBullet)) return Kind::bullet;
  if (is_furniture(s)) return Kind::furniture;
  if (recruiter_value(s)) return Kind::recruiter;
  if (is_heading(s, "You may have missed")) return Kind::related_heading;
  if (is_heading(s, "Best Practice")) return Kind::best_practice;
  if (parse_date_line(s)) return Kind::date;
  if (parse_by_line(s)) return Kind::by_line;
  if (parse_author_date(s)) return Kind::author_date;
  if (is_cms_chrome(s)) return Kind::cms_chrome;
  if (is_upper_label(s)) return Kind::label;
  if (const auto inl = split_trailing_date(s); inl && split_words(inl->first).size() >= 6) return Kind::inline_dated;
  return Kind::text;
}

// Advert salary lines: "£46142 - £49282", "Up to £40,000", "Competitive".
bool looks_like_salary(string_view s) {
  if (s.empty() || s.size() > 120) return false;
  if (starts_with(s, "\xC2\xA3") || starts_with(s, "\xE2\x82\xAC") || s[0] == '$' || is_digit(s[0])) return true;
  for (string_view p : {"up to ", "from ", "competitive", "negotiable", "salary", "grade ", "band ", "circa ", "c. "}) {
    if (istarts_with(s, p)) return true;
  }
  return false;
}

// The heading over a job box: "Highways jobs", "Social care jobs".
bool looks_like_category_heading(string_view s) {
  const auto w = split_words(s);
  if (w.size() < 2 || w.size() > 5 || !strings::iequals(w.back(), "jobs")) return false;
  return std::none_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
}

// An image caption saved with the page ("Councillors at the depot opening image", "Photo: ..."). Only
// asked where a caption can stand: between a headline and the text under it.
bool looks_like_caption(string_view s) {
  for (string_view p : {"Image:", "Photo:", "Picture:", "Photograph:", "Image credit"}) {
    if (istarts_with(s, p)) return true;
  }
  const auto w = split_words(s);
  return w.size() >= 2 && w.size() <= 30 && (strings::iequals(w.back(), "image") || w.back() == "(image)");
}

// Splits a headline and summary run together on one line. The summary starts at the first
// capitalised word that follows a lower-case word or a number, or after a '?', '!' or ':' that ends
// the headline, once the headline has three words and the summary three. With no such point the whole
// text is the headline: a long headline is better than a headline cut in two.
std::pair<string, string> split_headline_summary(string_view text) {
  const auto w = split_words(text);
  auto split_at = [&](std::size_t k) {
    return std::make_pair(join({w.begin(), w.begin() + static_cast<std::ptrdiff_t>(k)}),
                          join({w.begin() + static_cast<std::ptrdiff_t>(k), w.end()}));
  };
  for (std::size_t k = 3; k + 3 <= w.size(); ++k) {
    const string_view prev = w[k - 1], cur = w[k];
    const char end = prev.back();
    if (end == '?' || end == '!' || end == ':') return split_at(k);
    if (!is_upper(cur[0]) || !(is_lower(prev[0]) || is_digit(prev[0]))) continue;
    if (end == ',' || end == ';' || end == '-') continue;
    return split_at(k);
  }
  return {string(text), ""};
}

// ---------------------------------------------------------------------------------------------
// The parser proper.

class Parser {
 public:
  explicit Parser(string_view text) : lines_(split_lines(text)) {
    kinds_.reserve(lines_.size());
    for (const Line& l : lines_) kinds_.push_back(classify(l.text));
    claimed_.assign(lines_.size(), false);
  }

  ParsedListing run() {
    claim_adverts();
    claim_truncated_advert();
    detect_layout();
    for (std::size_t i = 0; i < lines_.size(); ++i) handle(i);
    close_pending();
    return std::move(out_);
  }

 private:
  enum class Mode { listing, related, article, furniture };
  // `complete`: an item whose line held all it has (an inline item); no further line joins it.
  enum class Stage { awaiting_headline, headline, dated, summarised, complete };
  enum class Layout { none, bulleted, stacked, inline_dated, article };

  struct Pending {
    ListingItem item;
    Stage stage = Stage::headline;
    bool article_page = false;
    int start_line = 0;
    std::vector<string> body;
  };

  // ---- job adverts (pre-pass)

  bool is_plain(std::size_t j) const {
    return kinds_[j] == Kind::text && !claimed_[j] && !looks_like_category_heading(lines_[j].text);
  }

  // Position of the salary line within `above` (top to bottom), preferring the usual layout of one
  // snippet line after it; -1 when none looks like a salary.
  static Index find_salary(const std::vector<const Line*>& above) {
    const Index n = static_cast<Index>(above.size());
    for (Index s : {n - 2, n - 1, n - 3}) {
      if (s >= 0 && s < n && looks_like_salary(above[static_cast<std::size_t>(s)]->text)) return s;
    }
    return -1;
  }

  // Every "Recuriter:" line closes a box: title, employer, salary line, snippet. The lines above it
  // are claimed here so the main pass treats them as furniture rather than as articles.
  void claim_adverts() {
    std::size_t floor = 0;
    Index last_advert_end = -2;
    string category;
    for (std::size_t r = 0; r < lines_.size(); ++r) {
      if (kinds_[r] != Kind::recruiter) continue;
      std::vector<std::size_t> idx;
      for (std::size_t j = r; j > floor && idx.size() < 5 && is_plain(j - 1); --j) idx.push_back(j - 1);
      std::reverse(idx.begin(), idx.end());
      if (idx.empty()) continue;  // main pass reports the lone recruiter line
      const std::size_t title = build_advert(idx, r);
      if (title > floor && looks_like_category_heading(lines_[title - 1].text) && !claimed_[title - 1]) {
        category = lines_[title - 1].text;
        claimed_[title - 1] = true;
      } else if (static_cast<Index>(title) != last_advert_end + 1) {
        category.clear();  // a box on its own: an earlier heading does not reach it
      }
      out_.adverts.back().category_heading = category;
      last_advert_end = static_cast<Index>(r);
      floor = r + 1;
    }
  }

  // Fills an advert from the plain lines idx (top to bottom) above recruiter line r; returns the title
  // line's index. Lines above the title stay unclaimed.
  std::size_t build_advert(const std::vector<std::size_t>& idx, std::size_t r) {
    std::vector<const Line*> above;
    for (std::size_t j : idx) above.push_back(&lines_[j]);
    const Index n = static_cast<Index>(above.size());
    Index salary = find_salary(above);
    Index title = 0;
    if (salary >= 0) {
      title = std::max<Index>(0, salary - 2);
    } else {
      title = std::max<Index>(0, n - 4);  // no salary-looking line: trust the position
      salary = title + 2 < n ? title + 2 : -1;
    }
    JobAdvert ad;
    ad.recruiter = string(*recruiter_value(lines_[r].text));
    ad.title = above[static_cast<std::size_t>(title)]->text;
    ad.line = above[static_cast<std::size_t>(title)]->number;
    if (title + 1 < n && title + 1 != salary) ad.employer = above[static_cast<std::size_t>(title + 1)]->text;
    if (salary > title) ad.salary = above[static_cast<std::size_t>(salary)]->text;
    for (Index k = std::max(salary, title + 1) + 1; k < n; ++k) {
      if (!ad.snippet.empty()) ad.snippet += ' ';
      ad.snippet += above[static_cast<std::size_t>(k)]->text;
    }
    for (std::size_t k = static_cast<std::size_t>(title); k < idx.size(); ++k) claimed_[idx[k]] = true;
    claimed_[r] = true;
    out_.adverts.push_back(std::move(ad));
    return idx[static_cast<std::size_t>(title)];
  }

  // A page cut off inside its last job box: the title, employer and salary lines are there but the
  // recruiter line is not. Taken only right after another box (or under a "... jobs" heading) and
  // only when the third line reads as a salary, so an article's last paragraphs never become one.
  void claim_truncated_advert() {
    const std::size_t end = lines_.size();
    std::size_t start = end;
    while (start > 0 && end - start < 5 && is_plain(start - 1)) --start;
    if (end - start < 3 || start == 0) return;
    const bool heading = looks_like_category_heading(lines_[start - 1].text) && !claimed_[start - 1];
    const bool after_box = claimed_[start - 1] && kinds_[start - 1] == Kind::recruiter;
    if (!(heading || after_box) || !looks_like_salary(lines_[start + 2].text)) return;
    JobAdvert ad;
    ad.title = lines_[start].text;
    ad.line = lines_[start].number;
    ad.employer = lines_[start + 1].text;
    ad.salary = lines_[start + 2].text;
    for (std::size_t k = start + 3; k < end; ++k) ad.snippet += (ad.snippet.empty() ? "" : " ") + lines_[k].text;
    ad.truncated = true;
    if (heading) {
      ad.category_heading = lines_[start - 1].text;
      claimed_[start - 1] = true;
    } else if (!out_.adverts.empty()) {
      ad.category_heading = out_.adverts.back().category_heading;
    }
    for (std::size_t k = start; k < end; ++k) claimed_[k] = true;
    out_.adverts.push_back(std::move(ad));
  }

  std::optional<std::size_t> previous_unclaimed(std::size_t i) const {
    if (i == 0 || claimed_[i - 1]) return std::nullopt;
    return i - 1;
  }

  // The layout is judged from the page as a whole, by which kind of line introduces its items: '•'
  // bullets, a headline over a date or "By" line ("stacked"), or lines that end with their date
  // ("inline"); an author/date line over a headline is an article page. Lines are then read in that
  // light: a plain line over a date line starts an item only on a stacked page, and a line ending
  // in a date is an item only on an inline page (elsewhere it is text that happens to end in one).
  void detect_layout() {
    std::size_t bullets = 0, stacked = 0, inline_items = 0, authors = 0, authors_under_text = 0;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (claimed_[i]) continue;
      const auto prev = previous_unclaimed(i);
      const bool under_text = prev && kinds_[*prev] == Kind::text;
      switch (kinds_[i]) {
        case Kind::bullet:
          ++bullets;
          break;
        case Kind::inline_dated:
          ++inline_items;
          break;
        case Kind::date:
        case Kind::by_line:
          if (under_text) ++stacked;
          break;
        case Kind::author_date:
          ++authors;
          if (under_text) ++authors_under_text;
          break;
        default:
          break;
      }
    }
    // "Headline / Jo Bloggs 12 May 2024 / summary" several times over is a listing, not an article.
    stacked_authors_ = authors >= 2 && authors_under_text == authors;
    if (stacked_authors_) stacked += authors;
    if (authors > 0 && !stacked_authors_) {
      layout_ = Layout::article;
    } else if (bullets == 0 && stacked == 0 && inline_items == 0) {
      layout_ = Layout::none;
    } else if (bullets >= stacked && bullets >= inline_items) {
      layout_ = Layout::bulleted;
    } else {
      layout_ = stacked >= inline_items ? Layout::stacked : Layout::inline_dated;
    }
    static constexpr std::array<string_view, 5> kNames = {"none", "bulleted", "stacked", "inline", "article"};
    out_.layout = string(kNames[static_cast<std::size_t>(layout_)]);
  }

  bool is_stacked_detail(std::size_t k) const {
    if (k >= lines_.size() || claimed_[k]) return false;
    return kinds_[k] == Kind::date || kinds_[k] == Kind::by_line ||
           (stacked_authors_ && kinds_[k] == Kind::author_date);
  }

  // On a stacked page, a plain line directly over a date or "By" line is a headline.
  bool is_stacked_headline(std::size_t j) const {
    return layout_ == Layout::stacked && j < lines_.size() && !claimed_[j] && kinds_[j] == Kind::text &&
           is_stacked_detail(j + 1);
  }

  // Whether line j opens an item: what a section label must stand over.
  bool starts_item(std::size_t j) const {
    if (j >= lines_.size() || claimed_[j]) return false;
    switch (kinds_[j]) {
      case Kind::bullet:
      case Kind::author_date:
        return true;
      case Kind::inline_dated:
        return layout_ == Layout::inline_dated;
      case Kind::text:
        return is_stacked_headline(j) || mode_ == Mode::related;
      default:
        return false;
    }
  }

  // ---- main pass

  void skip(int line, string reason) { out_.skipped.push_back({line, std::move(reason)}); }

  void handle(std::size_t i) {
    const Line& l = lines_[i];
    if (claimed_[i]) {  // part of a job box: whatever was open has ended
      close_pending();
      mode_ = Mode::furniture;
      return;
    }
    switch (kinds_[i]) {
      case Kind::furniture:
        close_pending();
        skip(l.number, "site furniture: " + l.text);
        mode_ = Mode::furniture;
        return;
      case Kind::recruiter:
        close_pending();
        skip(l.number, "recruiter line without job advert");
        mode_ = Mode::furniture;
        return;
      case Kind::related_heading:
        close_pending();
        mode_ = Mode::related;
        return;
      case Kind::best_practice:
        close_pending();
        section_ = "Best practice";
        mode_ = Mode::listing;
        return;
      case Kind::author_date:
        if (stacked_authors_) {
          on_author_line(l);
          return;
        }
        close_pending();
        start_article(l);
        return;
      case Kind::bullet:
        on_bullet(l);
        return;
      case Kind::date:
        on_date(l);
        return;
      case Kind::by_line:
        on_by_line(l);
        return;
      case Kind::cms_chrome:
        skip(l.number, "CMS furniture: " + l.text);
        return;
      case Kind::label:
        on_label(i);
        return;
      case Kind::inline_dated:
        if (layout_ == Layout::inline_dated && !(pending_ && pending_->article_page)) {
          on_inline(l);
          return;
        }
        on_text(i);
        return;
      case Kind::text:
        on_text(i);
        return;
    }
  }

  // "FINANCE" over items names their section; any other upper-case line is a block title.
  void on_label(std::size_t i) {
    const Line& l = lines_[i];
    close_pending();
    if (!is_block_title(l.text) && starts_item(i + 1)) {
      section_ = section_name(l.text);
      if (mode_ != Mode::related) mode_ = Mode::listing;
      return;
    }
    skip(l.number, "block title: " + l.text);
    mode_ = Mode::furniture;
  }

  void on_inline(const Line& l) {
    close_pending();
    if (mode_ != Mode::related) mode_ = Mode::listing;
    const auto dated = split_trailing_date(l.text);  // classify() guaranteed it parses
    auto [headline, summary] = split_headline_summary(dated->first);
    start_item(l, headline);
    pending_->item.summary = std::move(summary);
    set_date(pending_->item, dated->second);
    pending_->stage = Stage::complete;
  }

  void start_item(const Line& l, string_view headline) {
    pending_ = Pending{};
    pending_->item.headline = string(headline);
    pending_->item.line = l.number;
    pending_->item.from_related_block = mode_ == Mode::related;
    pending_->start_line = l.number;
  }

  void start_article(const Line& l) {
    const auto ad = parse_author_date(l.text);  // classify() guaranteed it parses
    pending_ = Pending{};
    pending_->article_page = true;
    pending_->stage = Stage::awaiting_headline;
    pending_->start_line = l.number;
    pending_->item.authors = {ad->first};
    set_date(pending_->item, ad->second);
    mode_ = Mode::article;
  }

  static void set_date(ListingItem& item, const Date& d) {
    item.year = d.year;
    item.month = d.month;
    item.day = d.day;
  }

  void on_bullet(const Line& l) {
    close_pending();
    if (mode_ != Mode::related) mode_ = Mode::listing;
    const string_view headline = strings::trim(string_view(l.text).substr(kBullet.size()));
    if (headline.empty()) {
      skip(l.number, "empty bullet");
      return;
    }
    start_item(l, headline);
  }

  bool awaiting_details() const { return pending_ && !pending_->article_page && pending_->stage == Stage::headline; }

  void on_date(const Line& l) {
    if (!awaiting_details()) {
      skip(l.number, "date line without headline");
      return;
    }
    set_date(pending_->item, *parse_date_line(l.text));
    pending_->stage = Stage::dated;
  }

  // "Jo Bloggs 12 May 2024" under a headline on a stacked page: the item's byline and date.
  void on_author_line(const Line& l) {
    if (!awaiting_details()) {
      skip(l.number, "byline without headline");
      return;
    }
    const auto ad = parse_author_date(l.text);  // classify() guaranteed it parses
    pending_->item.authors = {ad->first};
    set_date(pending_->item, ad->second);
    pending_->stage = Stage::dated;
  }

  void on_by_line(const Line& l) {
    if (!awaiting_details()) {
      skip(l.number, "byline without headline");
      return;
    }
    const auto by = parse_by_line(l.text);
    pending_->item.authors = by->authors;
    set_date(pending_->item, by->date);
    pending_->stage = Stage::dated;
  }

  void on_text(std::size_t i) {
    const Line& l = lines_[i];
    if (pending_ && pending_->article_page) {
      on_article_text(l);
      return;
    }
    if (is_stacked_headline(i)) {
      close_pending();
      if (mode_ != Mode::related) mode_ = Mode::listing;
      start_item(l, l.text);
      return;
    }
    if (mode_ == Mode::furniture) {
      skip(l.number, "unrecognised line among site furniture");
      return;
    }
    if (pending_ && (pending_->stage == Stage::headline || pending_->stage == Stage::dated)) {
      // A caption between the headline and the summary is the picture's, not the story's.
      const std::size_t k = i + 1;
      if (looks_like_caption(l.text) && k < lines_.size() && !claimed_[k] && kinds_[k] == Kind::text &&
          !is_stacked_headline(k)) {
        skip(l.number, "image caption");
        return;
      }
      pending_->item.summary = l.text;
      pending_->stage = Stage::summarised;
      return;
    }
    if (pending_ && pending_->stage == Stage::summarised && !l.blank_before) {
      pending_->item.summary += ' ' + l.text;  // the summary was wrapped over two lines
      return;
    }
    if (mode_ == Mode::related) {  // related blocks have no bullets: a fresh line is a headline
      close_pending();
      start_item(l, l.text);
      return;
    }
    skip(l.number, "text outside any item");
  }

  void on_article_text(const Line& l) {
    if (pending_->stage == Stage::awaiting_headline) {
      pending_->item.headline = l.text;
      pending_->item.line = l.number;
      pending_->stage = Stage::headline;
      return;
    }
    if (pending_->body.empty() && looks_like_caption(l.text)) {  // it would become the standfirst
      skip(l.number, "image caption");
      return;
    }
    pending_->body.push_back(l.text);
  }

  void close_pending() {
    if (!pending_) return;
    Pending p = std::move(*pending_);
    pending_.reset();
    if (p.article_page) {
      close_article(std::move(p));
      return;
    }
    if (p.stage == Stage::headline) {
      // Only a headline survived (the dump was cut off): not enough to make an article.
      skip(p.start_line,
           p.item.from_related_block ? "truncated item: no summary" : "truncated item: no date or summary");
      return;
    }
    // Dated but summary-less items are kept: the header allows an empty summary for a truncated item.
    ListingItem item = std::move(p.item);
    if (item.authors.empty()) item.authors = extract_bylines(item.summary);
    if (!item.from_related_block) item.section = section_;
    out_.articles.push_back(std::move(item));
  }

  void close_article(Pending p) {
    if (p.item.headline.empty()) {
      skip(p.start_line, "article page without headline");
      return;
    }
    for (const string& para : p.body) {
      if (!p.item.body.empty()) p.item.body += "\n\n";
      p.item.body += para;
    }
    p.item.section = section_;
    out_.articles.push_back(std::move(p.item));
  }

  std::vector<Line> lines_;
  std::vector<Kind> kinds_;
  std::vector<bool> claimed_;
  ParsedListing out_;
  Mode mode_ = Mode::listing;
  Layout layout_ = Layout::none;
  bool stacked_authors_ = false;  // author/date lines stand under headlines (see detect_layout)
  std::optional<Pending> pending_;
  string section_;
};

}  // namespace

ParsedListing parse_listing(std::string_view text) {
  try {
    return Parser(text).run();
  } catch (...) {
    // Only allocation failure can get here; the contract is "never throws", so report it instead.
    ParsedListing failed;
    failed.skipped.push_back({0, "parser failure: out of memory"});
    return failed;
  }
}

std::vector<std::string> extract_bylines(std::string_view summary) {
  try {
    const string text = normalise_spaces(summary);  // tokens view into it, so it must outlive them
    const Tokens t = tokenise(text);
    std::vector<string> names;
    for (Index i = 0; i < static_cast<Index>(t.size()); ++i) {
      if (i > 0 && verb_after_name(t, i) != 0) {
        for (const string& n : names_before_verb(t, i)) add_unique(names, n);
      }
      if (is_verb_before_name(at(t, i))) {
        for (const string& n : names_after_verb(t, i)) add_unique(names, n);
      }
    }
    return names;
  } catch (...) {
    return {};  // allocation failure: no byline beats a crash
  }
}

int first_invalid_utf8_line(std::string_view text) {
  const std::size_t valid = strings::valid_utf8_prefix(text);
  if (valid == text.size()) return 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(valid), '\n'));
}

}  // namespace gazette::importers
