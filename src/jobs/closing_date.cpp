#include "jobs/closing_date.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "strings/strings.h"

namespace gazette::jobs {
namespace {

using std::chrono::year_month_day;

// A token of the lowercased text: a word, a number (with any ordinal suffix dropped) or one
// punctuation character. Numeric dates such as 20/03/2015 are kept together as one `date` token.
struct Token {
  enum Kind { word, number, punct, date } kind = punct;
  std::string text;
  int value = 0;  // number
  std::size_t digits = 0;
  year_month_day ymd;  // date
};

bool digit(char c) {
  return c >= '0' && c <= '9';
}
bool alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int read_int(std::string_view s, std::size_t& i, std::size_t max_digits, std::size_t& count) {
  int v = 0;
  count = 0;
  while (i < s.size() && digit(s[i]) && count < max_digits) {
    v = v * 10 + (s[i++] - '0');
    ++count;
  }
  return v;
}

// "20/03/2015", "20.03.15", "2024-05-31" at s[i]; advances i on success.
std::optional<year_month_day> numeric_date(std::string_view s, std::size_t& i) {
  std::size_t j = i, n1, n2, n3;
  int a = read_int(s, j, 4, n1);
  if (j >= s.size() || (s[j] != '/' && s[j] != '.' && s[j] != '-')) return std::nullopt;
  char sep = s[j++];
  int b = read_int(s, j, 2, n2);
  if (n2 == 0 || j >= s.size() || s[j] != sep) return std::nullopt;
  ++j;
  int c = read_int(s, j, 4, n3);
  if (j < s.size() && digit(s[j])) return std::nullopt;
  int y, m, d;
  if (n1 == 4 && n3 <= 2 && n3 > 0 && sep == '-') {  // ISO
    y = a, m = b, d = c;
  } else if (n1 <= 2 && (n3 == 4 || n3 == 2)) {  // UK day first
    d = a, m = b, y = n3 == 2 ? 2000 + c : c;
  } else {
    return std::nullopt;
  }
  year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                     std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  i = j;
  return ymd;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    Token t;
    if (digit(c)) {
      if (auto d = numeric_date(s, i)) {
        t.kind = Token::date;
        t.ymd = *d;
      } else {
        t.kind = Token::number;
        t.value = read_int(s, i, 9, t.digits);
        while (i < s.size() && digit(s[i])) ++i;  // absurdly long digit runs
        if (i + 2 <= s.size()) {                  // ordinal suffix: 1st 2nd 3rd 20th
          std::string suf{strings::lower_ascii(s[i]), strings::lower_ascii(s[i + 1])};
          if ((suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && (i + 2 == s.size() || !alpha(s[i + 2])))
            i += 2;
        }
      }
    } else if (alpha(c)) {
      t.kind = Token::word;
      while (i < s.size() && alpha(s[i])) t.text += strings::lower_ascii(s[i++]);
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
      continue;
    } else {
      t.kind = Token::punct;
      t.text = std::string(1, c);
      ++i;
    }
    out.push_back(std::move(t));
  }
  return out;
}

unsigned month_from(const std::string& w) {
  static const std::array<const char*, 12> names = {"january",   "february", "march",    "april",
                                                    "may",       "june",     "july",     "august",
                                                    "september", "october",  "november", "december"};
  for (unsigned m = 0; m < 12; ++m) {
    std::string_view full = names[m];
    if (w == full || (w.size() >= 3 && w.size() <= full.size() && full.compare(0, w.size(), w) == 0 &&
                      (w.size() == 3 || w == "sept")))
      return m + 1;
  }
  return 0;
}

bool is_word(const std::vector<Token>& t, std::size_t i, std::string_view w) {
  return i < t.size() && t[i].kind == Token::word && t[i].text == w;
}
bool is_punct(const std::vector<Token>& t, std::size_t i, char c) {
  return i < t.size() && t[i].kind == Token::punct && t[i].text[0] == c;
}

// A four-digit year at t[i] (after an optional comma); 0 when absent.
int year_at(const std::vector<Token>& t, std::size_t i) {
  if (is_punct(t, i, ',')) ++i;
  if (i < t.size() && t[i].kind == Token::number && t[i].digits == 4 && t[i].value >= 1990 && t[i].value <= 2200)
    return t[i].value;
  return 0;
}

// The date spelled out from t[i]: "20th March 2015", "20 of March", "March 20th, 2015", "3 April".
// `year` is 0 when the text gives none.
struct Spelled {
  int year = 0;
  unsigned month = 0, day = 0;
};

std::optional<Spelled> spelled_date(const std::vector<Token>& t, std::size_t i) {
  if (t[i].kind == Token::number && t[i].digits <= 2) {
    std::size_t j = i + 1;
    if (is_word(t, j, "of")) ++j;
    if (j < t.size() && t[j].kind == Token::word) {
      if (unsigned m = month_from(t[j].text)) return Spelled{year_at(t, j + 1), m, static_cast<unsigned>(t[i].value)};
    }
  }
  if (t[i].kind == Token::word) {
    unsigned m = month_from(t[i].text);
    if (m && i + 1 < t.size() && t[i + 1].kind == Token::number && t[i + 1].digits <= 2)
      return Spelled{year_at(t, i + 2), m, static_cast<unsigned>(t[i + 1].value)};
  }
  return std::nullopt;
}

// Resolves a yearless date to the first one on or after `posted` (skipping years without 29 Feb).
std::optional<year_month_day> resolve(const Spelled& s, year_month_day posted) {
  using namespace std::chrono;
  if (s.year) {
    year_month_day d{year{s.year}, month{s.month}, day{s.day}};
    return d.ok() ? std::optional(d) : std::nullopt;
  }
  if (!posted.ok()) return std::nullopt;
  for (int y = static_cast<int>(posted.year()), k = 0; k < 8; ++y, ++k) {
    year_month_day d{year{y}, month{s.month}, day{s.day}};
    if (d.ok() && sys_days{d} >= sys_days{posted}) return d;
  }
  return std::nullopt;
}

// Where a closing cue ends, if one starts at t[i]; 0 otherwise.
std::size_t cue_end(const std::vector<Token>& t, std::size_t i) {
  if (t[i].kind != Token::word) return 0;
  const auto& w = t[i].text;
  if (w == "closing" || w == "closes" || w == "deadline" || w == "deadlines") return i + 1;
  if (w == "close" && (is_word(t, i + 1, "on") || is_word(t, i + 1, "at") || is_word(t, i + 1, "date"))) return i + 2;
  if (w == "later" && i > 0 && is_word(t, i - 1, "no") && is_word(t, i + 1, "than")) return i + 2;
  bool by_verb =
      w == "apply" || w == "received" || w == "submitted" || w == "returned" || w == "applications" || w == "submit";
  if (by_verb && is_word(t, i + 1, "by")) return i + 2;
  if (w == "until" && i > 0 && (is_word(t, i - 1, "open") || is_word(t, i - 1, "applications"))) return i + 1;
  return 0;
}

// Words that start talk of some other date; the window after a cue ends there.
bool other_date_topic(const Token& tok) {
  if (tok.kind != Token::word) return false;
  const auto& w = tok.text;
  return w.rfind("interview", 0) == 0 || w == "shortlisting" || w == "shortlist" || w == "start" || w == "starting" ||
         w == "commence" || w == "commencing" || w == "assessment" || w == "posted" || w == "published";
}

constexpr std::size_t kWindowTokens = 16;  // "Closing Date: 12 noon, Monday 6 January 2025" fits easily

std::optional<year_month_day> date_after_cue(const std::vector<Token>& t, std::size_t from, year_month_day posted) {
  for (std::size_t i = from; i < t.size() && i < from + kWindowTokens; ++i) {
    if (other_date_topic(t[i])) break;
    if (t[i].kind == Token::date) return t[i].ymd;
    if (auto s = spelled_date(t, i)) {
      if (auto d = resolve(*s, posted)) return d;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<year_month_day> find_closing_date(std::string_view text, year_month_day posted) {
  auto t = tokenize(text);
  for (std::size_t i = 0; i < t.size(); ++i) {
    std::size_t end = cue_end(t, i);
    if (end == 0) continue;
    if (auto d = date_after_cue(t, end, posted)) return d;
  }
  return std::nullopt;
}

}  // namespace gazette::jobs
