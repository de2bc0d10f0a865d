#include "jobs/salary.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <initializer_list>

namespace gazette::jobs {
namespace {

// ---------------------------------------------------------------------------------------------
// Text clean-up

// Replaces invalid UTF-8 with U+FFFD (a lone Latin-1 0xA3 with '£') and trims surrounding ASCII whitespace, so `text`
// is always safe to put in HTML or JSON.
std::string clean_text(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  std::size_t n = in.size(), i = 0;
  while (i < n) {
    unsigned char c = s[i];
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k) ok = (s[i + k] & 0xC0) == 0x80;
    if (ok && len == 2) ok = c >= 0xC2;  // overlong
    if (ok && len == 3) ok = !(c == 0xE0 && s[i + 1] < 0xA0) && !(c == 0xED && s[i + 1] >= 0xA0);
    if (ok && len == 4) ok = c <= 0xF4 && !(c == 0xF0 && s[i + 1] < 0x90) && !(c == 0xF4 && s[i + 1] >= 0x90);
    if (ok) {
      out.append(in.substr(i, len));
      i += len;
    } else {
      // A lone 0xA3 is a Latin-1/Windows-1252 '£' (text saved in the wrong encoding): keep its meaning.
      out += c == 0xA3 ? "\xC2\xA3" : "\xEF\xBF\xBD";
      ++i;
    }
  }
  auto space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f' || ch == '\v'; };
  std::size_t b = 0, e = out.size();
  while (b < e && space(out[b])) ++b;
  while (e > b && space(out[e - 1])) --e;
  return out.substr(b, e - b);
}

// ---------------------------------------------------------------------------------------------
// Tokens

enum class Tok { num, cur, dash, plus, word, punct };

struct Token {
  Tok kind = Tok::punct;
  bool space_before = false;
  std::string word;  // word: lowercase letters; num: the digits as written; cur: ISO code
  char punct = 0;
  double value = 0;      // num: value with '.' as decimal point
  bool grouped = false;  // num: had thousands separators
  bool dot3 = false;     // num: "24.313" — could be 24313 with '.' as thousands separator
  double dot3_value = 0;
  bool k = false;      // num: followed by "k" (thousands)
  bool money = false;  // set after tokenising
};

bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Accumulates digits into a double; capped so absurdly long digit runs stay finite.
void add_digits(double& v, std::string_view digits) {
  for (char c : digits) v = std::min(v * 10 + (c - '0'), 1e15);
}

std::size_t run_of_digits(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j])) ++j;
  return j - i;
}

// Reads a number at s[i] (a digit). Handles "37,602", "31931.00", "24.313", "1.234.567".
Token read_number(std::string_view s, std::size_t& i) {
  Token t;
  t.kind = Tok::num;
  std::size_t start = i, whole = run_of_digits(s, i);
  add_digits(t.value, s.substr(i, whole));
  i += whole;
  // Comma groups: exactly three digits each.
  while (i + 3 < s.size() && s[i] == ',' && run_of_digits(s, i + 1) == 3) {
    add_digits(t.value, s.substr(i + 1, 3));
    t.grouped = true;
    i += 4;
  }
  // Pence after grouped thousands: "21,430.50", "23,117.00".
  if (t.grouped && i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
    const std::size_t pence = run_of_digits(s, i + 1);
    if (pence <= 2) {
      double scale = 1;
      for (std::size_t k = 0; k < pence; ++k) t.value += (s[i + 1 + k] - '0') * (scale /= 10);
      i += 1 + pence;
    }
  }
  if (!t.grouped && i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
    std::size_t frac = run_of_digits(s, i + 1);
    bool another_group = frac == 3 && i + 4 < s.size() && s[i + 4] == '.' && run_of_digits(s, i + 5) == 3;
    if (another_group) {  // "1.234.567": full stops are thousands separators
      while (i < s.size() && s[i] == '.' && run_of_digits(s, i + 1) == 3) {
        add_digits(t.value, s.substr(i + 1, 3));
        i += 4;
      }
      t.grouped = true;
    } else {
      if (frac == 3 && whole <= 3) {
        t.dot3 = true;
        t.dot3_value = t.value;
        add_digits(t.dot3_value, s.substr(i + 1, 3));
      }
      double scale = 1;
      for (std::size_t k = 0; k < frac && k < 12; ++k) t.value += (s[i + 1 + k] - '0') * (scale /= 10);
      i += 1 + frac;
    }
  }
  t.word = std::string(s.substr(start, i - start));
  return t;
}

bool bytes_at(std::string_view s, std::size_t i, std::string_view what) {
  return s.substr(i, what.size()) == what;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  bool space = true;
  std::size_t i = 0;
  auto push = [&](Token t) {
    t.space_before = space;
    out.push_back(std::move(t));
    space = false;
  };
  auto simple = [](Tok kind, std::string w = {}, char p = 0) {
    Token t;
    t.kind = kind;
    t.word = std::move(w);
    t.punct = p;
    return t;
  };
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      space = true;
      ++i;
    } else if (bytes_at(s, i, "\xC2\xA0")) {  // no-break space
      space = true;
      i += 2;
    } else if (bytes_at(s, i, "\xC2\xA3")) {
      push(simple(Tok::cur, "GBP"));
      i += 2;
    } else if (bytes_at(s, i, "\xE2\x82\xAC")) {
      push(simple(Tok::cur, "EUR"));
      i += 3;
    } else if (c == '$') {
      push(simple(Tok::cur, "USD"));
      ++i;
    } else if (bytes_at(s, i, "\xE2\x80") && i + 2 < s.size() && (unsigned char)s[i + 2] >= 0x90 &&
               (unsigned char)s[i + 2] <= 0x95) {  // hyphens, en and em dashes
      push(simple(Tok::dash));
      i += 3;
    } else if (is_digit(c)) {
      push(read_number(s, i));
    } else if (is_alpha(c)) {
      std::size_t j = i;
      std::string w;
      while (j < s.size() && is_alpha(s[j])) w += static_cast<char>(s[j++] | 0x20);
      i = j;
      bool stuck_to_number = !space && !out.empty() && out.back().kind == Tok::num;
      if (stuck_to_number && w[0] == 'k' && (w == "k" || w == "kpa")) {  // "40k", "30kpa"
        out.back().k = true;
        space = false;
        if (w.size() > 1) push(simple(Tok::word, w.substr(1)));
      } else if (w == "k" && !out.empty() && out.back().kind == Tok::num) {  // "40 K"
        out.back().k = true;
        space = false;
      } else if (w == "gbp" || w == "eur" || w == "usd") {
        for (auto& ch : w) ch = static_cast<char>(ch - 0x20);
        push(simple(Tok::cur, w));
      } else {
        push(simple(Tok::word, w));
      }
    } else if (c == '-') {
      push(simple(Tok::dash));
      ++i;
    } else if (c == '+') {
      push(simple(Tok::plus));
      ++i;
    } else {  // other ASCII punctuation, or a byte of some other character
      push(simple(Tok::punct, {}, c < 0x80 ? static_cast<char>(c) : '?'));
      ++i;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Phrase matching over the "phrase view": words, numbers, currencies and '+', skipping punctuation
// and dashes so "p.a.", "pro-rata" and "per annum" all match as word sequences.

struct PhraseView {
  std::vector<std::size_t> idx;  // token indices
};

PhraseView phrase_view(const std::vector<Token>& toks) {
  PhraseView v;
  for (std::size_t i = 0; i < toks.size(); ++i)
    if (toks[i].kind == Tok::word || toks[i].kind == Tok::num) v.idx.push_back(i);
  return v;
}

struct Match {
  std::size_t first_tok, last_tok, view_pos;
};

// Every place the word sequence `phrase` occurs (numbers match their digits as written).
std::vector<Match> find_phrase(const std::vector<Token>& toks, const PhraseView& v,
                               const std::vector<std::string_view>& phrase) {
  std::vector<Match> found;
  std::size_t len = phrase.size();
  for (std::size_t p = 0; p + len <= v.idx.size(); ++p) {
    std::size_t k = 0;
    for (auto w : phrase) {
      if (toks[v.idx[p + k]].word != w) break;
      ++k;
    }
    if (k == len) found.push_back({v.idx[p], v.idx[p + len - 1], p});
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Periods

struct PeriodHit {
  std::size_t tok;
  Period period;
};

struct PeriodPhrase {
  Period period;
  std::vector<std::string_view> words;
};

const std::vector<PeriodPhrase>& period_phrases() {
  static const std::vector<PeriodPhrase> table = {
      {Period::year, {"per", "annum"}}, {Period::year, {"per", "anum"}},
      {Period::year, {"annum"}},        {Period::year, {"per", "year"}},
      {Period::year, {"a", "year"}},    {Period::year, {"p", "a"}},
      {Period::year, {"pa"}},           {Period::year, {"annual"}},
      {Period::year, {"annually"}},     {Period::year, {"yearly"}},
      {Period::year, {"yr"}},           {Period::year, {"year"}},
      {Period::hour, {"per", "hour"}},  {Period::hour, {"an", "hour"}},
      {Period::hour, {"ph"}},           {Period::hour, {"p", "h"}},
      {Period::hour, {"hourly"}},       {Period::hour, {"hr"}},
      {Period::hour, {"phr"}},          {Period::hour, {"hour"}},
      {Period::day, {"per", "day"}},    {Period::day, {"a", "day"}},
      {Period::day, {"daily"}},         {Period::day, {"pd"}},
      {Period::day, {"p", "d"}},        {Period::day, {"per", "diem"}},
      {Period::day, {"day"}},           {Period::week, {"per", "week"}},
      {Period::week, {"a", "week"}},    {Period::week, {"pw"}},
      {Period::week, {"p", "w"}},       {Period::week, {"weekly"}},
      {Period::week, {"week"}},         {Period::month, {"per", "month"}},
      {Period::month, {"a", "month"}},  {Period::month, {"pcm"}},
      {Period::month, {"p", "c", "m"}}, {Period::month, {"monthly"}},
      {Period::month, {"month"}},
  };
  return table;
}

// "37 hours per week", "18.5 hrs a week", "3 days per week": working time, not the pay period.
bool describes_working_time(const std::vector<Token>& toks, const PhraseView& v, std::size_t pos) {
  auto word_at = [&](std::size_t back) -> const std::string& {
    static const std::string none;
    return back <= pos ? toks[v.idx[pos - back]].word : none;
  };
  auto unit = [](const std::string& w) { return w == "hours" || w == "hrs" || w == "days"; };
  const auto& prev = word_at(1);
  return unit(prev) || ((prev == "per" || prev == "a" || prev == "each") && unit(word_at(2)));
}

// Period words in the text, by token position; working-time phrases are left out.
std::vector<PeriodHit> find_periods(const std::vector<Token>& toks, const PhraseView& v) {
  std::vector<PeriodHit> hits;
  for (const auto& pp : period_phrases()) {
    for (const auto& m : find_phrase(toks, v, pp.words)) {
      if (describes_working_time(toks, v, m.view_pos)) continue;
      bool covered = std::any_of(hits.begin(), hits.end(), [&](const PeriodHit& h) { return h.tok == m.first_tok; });
      bool inside = std::any_of(hits.begin(), hits.end(), [&](const PeriodHit& h) {
        return h.tok < m.first_tok && m.last_tok <= h.tok + 3 && h.period == pp.period;
      });
      if (!covered && !inside) hits.push_back({m.first_tok, pp.period});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const PeriodHit& a, const PeriodHit& b) { return a.tok < b.tok; });
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Qualifiers: canonical phrase and the word sequences that express it. Earlier entries win where
// two overlap ("inc. London weighting" over "plus London weighting"). Output order is table order.

struct QualifierPhrase {
  std::string_view canonical;
  std::vector<std::string_view> words;
};

const std::vector<QualifierPhrase>& qualifier_phrases() {
  static const std::vector<QualifierPhrase> table = {
      {"up to", {"up", "to"}},
      {"up to", {"upto"}},
      {"up to", {"maximum"}},
      {"circa", {"circa"}},
      {"circa", {"approx"}},
      {"circa", {"approximately"}},
      {"circa", {"around"}},
      {"starting salary", {"starting", "salary"}},
      {"negotiable", {"negotiable"}},
      {"competitive", {"competitive"}},
      {"depending on experience", {"depending", "on", "experience"}},
      {"depending on experience", {"dependent", "on", "experience"}},
      {"depending on experience", {"doe"}},
      {"pay award pending", {"pay", "award", "pending"}},
      {"pay award pending", {"pending", "pay", "award"}},
      {"pay award pending", {"subject", "to", "pay", "award"}},
      {"inc. London weighting", {"inc", "london", "weighting"}},
      {"inc. London weighting", {"incl", "london", "weighting"}},
      {"inc. London weighting", {"including", "london", "weighting"}},
      {"inc. London weighting", {"inclusive", "of", "london", "weighting"}},
      {"plus London weighting", {"london", "weighting"}},
      {"plus benefits", {"benefits"}},
      {"plus car allowance", {"car", "allowance"}},
      {"plus car allowance", {"car", "user", "allowance"}},
      {"plus market supplement", {"market", "supplement"}},
      {"plus bonus", {"bonus"}},
      {"outside IR35", {"outside", "ir", "35"}},
      {"inside IR35", {"inside", "ir", "35"}},
  };
  return table;
}

std::vector<std::string> find_qualifiers(const std::vector<Token>& toks, const PhraseView& v) {
  std::vector<std::pair<std::size_t, std::size_t>> used;  // token spans already claimed
  std::vector<std::string_view> found;
  for (const auto& q : qualifier_phrases()) {
    for (const auto& m : find_phrase(toks, v, q.words)) {
      bool overlaps = std::any_of(used.begin(), used.end(),
                                  [&](auto span) { return m.first_tok <= span.second && span.first <= m.last_tok; });
      if (overlaps) continue;
      used.push_back({m.first_tok, m.last_tok});
      if (std::find(found.begin(), found.end(), q.canonical) == found.end()) found.push_back(q.canonical);
    }
  }
  std::vector<std::string> out;  // table order, so output is stable whatever the text order
  for (const auto& q : qualifier_phrases())
    if (std::find(found.begin(), found.end(), q.canonical) != found.end() &&
        std::find(out.begin(), out.end(), q.canonical) == out.end())
      out.emplace_back(q.canonical);
  return out;
}

bool has_phrase(const std::vector<Token>& toks, const PhraseView& v, const std::vector<std::string_view>& words) {
  return !find_phrase(toks, v, words).empty();
}

// ---------------------------------------------------------------------------------------------
// Money amounts

bool is_word(const std::vector<Token>& toks, std::size_t i, std::initializer_list<std::string_view> words) {
  if (i >= toks.size() || toks[i].kind != Tok::word) return false;
  return std::find(words.begin(), words.end(), toks[i].word) != words.end();
}

// "SCP 18-25", "Grade 7", "Band 5", "Point 23": numbers that label pay points, never money.
bool after_pay_point_word(const std::vector<Token>& toks, std::size_t num) {
  for (std::size_t back = 1; back <= 3 && back <= num; ++back) {
    std::size_t i = num - back;
    if (is_word(toks, i,
                {"scp", "spinal", "spine", "point", "points", "grade", "band", "scale", "level", "ps", "pt", "sp",
                 "lgs", "hay", "nr"}))
      return true;
    if (toks[i].kind != Tok::num && toks[i].kind != Tok::dash && toks[i].kind != Tok::punct) return false;
  }
  return false;
}

bool followed_by_percent(const std::vector<Token>& toks, std::size_t i) {
  return i + 1 < toks.size() && toks[i + 1].kind == Tok::punct && toks[i + 1].punct == '%';
}

bool currency_before(const std::vector<Token>& toks, std::size_t i) {
  return i > 0 && toks[i - 1].kind == Tok::cur;
}
bool currency_after(const std::vector<Token>& toks, std::size_t i) {
  return i + 1 < toks.size() && toks[i + 1].kind == Tok::cur && !(i + 2 < toks.size() && toks[i + 2].kind == Tok::num);
}

double value_of(const Token& t) {
  return t.k ? t.value * 1000 : t.value;
}

// Marks the numbers that are certainly money: with a currency, with "k", or grouped thousands.
void mark_money(std::vector<Token>& toks) {
  for (std::size_t i = 0; i < toks.size(); ++i) {
    auto& t = toks[i];
    if (t.kind != Tok::num || followed_by_percent(toks, i)) continue;
    bool cur = currency_before(toks, i) || currency_after(toks, i);
    t.money = cur || ((t.k || (t.grouped && t.value >= 1000)) && !after_pay_point_word(toks, i));
  }
}

// Range separator after token i: "-", "to", "rising to", and "and" after "between"; returns the
// index after it, or 0.
std::size_t after_separator(const std::vector<Token>& toks, std::size_t i, bool between) {
  if (i >= toks.size()) return 0;
  if (toks[i].kind == Tok::dash) return i + 1;
  if (is_word(toks, i, {"to"})) return i + 1;
  if (between && is_word(toks, i, {"and"})) return i + 1;
  if (is_word(toks, i, {"rising"}) && is_word(toks, i + 1, {"to"})) return i + 2;
  return 0;
}

struct Amount {
  std::size_t first_tok = 0, last_tok = 0;  // span, including a leading/trailing currency token
  std::size_t lo = 0, hi = 0;               // num token indices (lo == hi for a single figure)
  bool range = false;
};

// The number token a range starting at money token a reaches, or npos.
std::size_t range_partner(const std::vector<Token>& toks, std::size_t a) {
  std::size_t j = a + 1;
  if (j < toks.size() && toks[j].kind == Tok::cur && currency_after(toks, a)) ++j;
  // "between £120k and £135k": "and" joins a range only after "between".
  const std::size_t first = currency_before(toks, a) ? a - 1 : a;
  const bool between = first > 0 && is_word(toks, first - 1, {"between"});
  j = after_separator(toks, j, between);
  if (j == 0) return std::string_view::npos;
  if (j < toks.size() && toks[j].kind == Tok::cur) ++j;
  if (j < toks.size() && toks[j].kind == Tok::num && !followed_by_percent(toks, j)) return j;
  return std::string_view::npos;
}

// A plain number joined by a range separator to a money figure is money too ("£40,000 - 45,000",
// "40 - £45k"), unless it labels a pay point or its size is wildly off (then it is something else).
bool plausible_partner(const Token& other, const Token& money) {
  double a = other.value * ((other.k || (money.k && other.value < 1000)) ? 1000 : 1);
  double b = value_of(money);
  return a > 0 && b > 0 && std::max(a, b) / std::min(a, b) <= 10;
}

void promote_partners(std::vector<Token>& toks) {
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != Tok::num) continue;
    std::size_t j = range_partner(toks, i);
    if (j == std::string_view::npos) continue;
    auto& a = toks[i];
    auto& b = toks[j];
    if (a.money && !b.money && plausible_partner(b, a))
      b.money = true;
    else if (!a.money && b.money && !after_pay_point_word(toks, i) && plausible_partner(a, b))
      a.money = true;
  }
  // A "k" on one side of a range covers the other: "£40-45k".
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != Tok::num || !toks[i].money) continue;
    std::size_t j = range_partner(toks, i);
    if (j == std::string_view::npos || !toks[j].money) continue;
    if (toks[j].k && !toks[i].k && toks[i].value < 1000) toks[i].k = true;
    if (toks[i].k && !toks[j].k && toks[j].value < 1000) toks[j].k = true;
  }
}

std::vector<Amount> group_amounts(const std::vector<Token>& toks) {
  std::vector<Amount> out;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != Tok::num || !toks[i].money) continue;
    Amount a;
    a.lo = a.hi = i;
    a.first_tok = currency_before(toks, i) ? i - 1 : i;
    std::size_t j = range_partner(toks, i);
    if (j != std::string_view::npos && toks[j].money) {
      a.hi = j;
      a.range = true;
    }
    a.last_tok = currency_after(toks, a.hi) ? a.hi + 1 : a.hi;
    out.push_back(a);
    i = a.last_tok;
  }
  return out;
}

// An amount introduced by "+", "plus" or the like is an extra on top of the salary, not a rival.
bool is_extra(const std::vector<Token>& toks, const Amount& a) {
  for (std::size_t back = 1; back <= 3 && back <= a.first_tok; ++back) {
    std::size_t i = a.first_tok - back;
    if (toks[i].kind == Tok::plus ||
        is_word(toks, i,
                {"plus", "inc", "including", "incl", "additional", "allowance", "supplement", "bonus", "weighting"}))
      return true;
  }
  for (std::size_t j = a.last_tok + 1; j <= a.last_tok + 3 && j < toks.size(); ++j)
    if (is_word(toks, j, {"allowance", "supplement", "bonus", "weighting", "honorarium", "payment"})) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Assembly

double round_to(double v, double unit) {
  return std::round(v / unit) * unit;
}

struct Figures {
  std::optional<double> min, max;
  std::string currency = "GBP";
  bool explicit_currency = false, mixed_currency = false, dot3 = false;
  double largest = 0;
};

std::string currency_of(const std::vector<Token>& toks, std::size_t num) {
  if (currency_before(toks, num)) return toks[num - 1].word;
  if (currency_after(toks, num)) return toks[num + 1].word;
  return {};
}

// Resolves the ambiguous "24.313" using the period: explicit hour/day/week keeps the decimal.
double figure(const Token& t, Period explicit_period, bool& used_dot3) {
  bool small_period =
      explicit_period == Period::hour || explicit_period == Period::day || explicit_period == Period::week;
  if (t.dot3 && !t.k && !small_period) {
    used_dot3 = true;
    return t.dot3_value;
  }
  return value_of(t);
}

Figures read_figures(const std::vector<Token>& toks, const Amount& a, Period explicit_period) {
  Figures f;
  f.min = figure(toks[a.lo], explicit_period, f.dot3);
  f.max = a.range ? figure(toks[a.hi], explicit_period, f.dot3) : *f.min;
  std::string c1 = currency_of(toks, a.lo), c2 = a.range ? currency_of(toks, a.hi) : c1;
  if (c1.empty()) c1 = c2;
  if (c2.empty()) c2 = c1;
  f.explicit_currency = !c1.empty();
  f.mixed_currency = c1 != c2;
  if (!c1.empty()) f.currency = c1;
  f.largest = std::max(*f.min, *f.max);
  return f;
}

// The period that belongs to the primary amount: the first period word after it (before the next
// amount), else the last one before it. Sets `conflict` when the text gives it two different ones.
Period period_for(const std::vector<PeriodHit>& hits, const Amount& a, std::size_t next_start, bool& conflict) {
  std::optional<Period> after, before;
  for (const auto& h : hits) {
    if (h.tok > a.last_tok && h.tok < next_start) {
      if (!after)
        after = h.period;
      else if (*after != h.period)
        conflict = true;
    } else if (h.tok < a.first_tok) {
      before = h.period;
    }
  }
  if (after && before && *after != *before) conflict = true;
  return after ? *after : before ? *before : Period::unknown;
}

// Currency from a lone currency token ("£Competitive", "€ negotiable"), for unparsed text.
std::string any_currency(const std::vector<Token>& toks) {
  for (const auto& t : toks)
    if (t.kind == Tok::cur) return t.word;
  return "GBP";
}

bool open_above(const std::vector<Token>& toks, const Amount& a) {
  if (a.range) return false;
  std::size_t p = a.last_tok + 1;  // "£28,000+" — a '+' stuck to the figure with nothing after it
  bool plus = p < toks.size() && toks[p].kind == Tok::plus && !toks[p].space_before &&
              (p + 1 == toks.size() ||
               (toks[p + 1].kind != Tok::word && toks[p + 1].kind != Tok::num && toks[p + 1].kind != Tok::cur));
  return plus || (a.first_tok > 0 && is_word(toks, a.first_tok - 1, {"from", "minimum", "min"}));
}

bool open_below(const std::vector<Token>& toks, const Amount& a) {
  if (a.range) return false;
  std::size_t s = a.first_tok;
  return (s >= 2 && is_word(toks, s - 2, {"up"}) && is_word(toks, s - 1, {"to"})) ||
         (s >= 1 && is_word(toks, s - 1, {"upto", "maximum", "max"}));
}

}  // namespace

const char* to_string(Period p) {
  switch (p) {
    case Period::hour:
      return "hour";
    case Period::day:
      return "day";
    case Period::week:
      return "week";
    case Period::month:
      return "month";
    case Period::year:
      return "year";
    case Period::unknown:
      break;
  }
  return "unknown";
}

double annual_factor(Period p) {
  switch (p) {
    case Period::hour:
      return kHoursPerWeek * kWeeksPerYear;
    case Period::day:
      return kDaysPerYear;
    case Period::week:
      return kWeeksPerYear;
    case Period::month:
      return kMonthsPerYear;
    case Period::year:
      return 1;
    case Period::unknown:
      break;
  }
  return 0;
}

Salary parse_salary(std::string_view input) {
  Salary s;
  s.text = clean_text(input);
  auto toks = tokenize(s.text);
  PhraseView view = phrase_view(toks);
  s.qualifiers = find_qualifiers(toks, view);
  s.pro_rata = has_phrase(toks, view, {"pro", "rata"}) || has_phrase(toks, view, {"prorata"});
  s.currency = any_currency(toks);

  mark_money(toks);
  promote_partners(toks);
  auto amounts = group_amounts(toks);
  if (amounts.empty()) return s;  // "Competitive", "Grade 7": nothing to read

  const Amount& a = amounts.front();
  std::size_t next_start = toks.size();
  double conf = 1.0;
  if (amounts.size() > 1) next_start = amounts[1].first_tok;
  // A second salary figure we are not reading (not an extra like "+ £2,000 allowance") casts some
  // doubt on which one is meant.
  if (std::any_of(amounts.begin() + 1, amounts.end(), [&](const Amount& x) { return !is_extra(toks, x); }))
    conf -= 0.15;

  bool period_conflict = false;
  Period explicit_period = period_for(find_periods(toks, view), a, next_start, period_conflict);
  Figures f = read_figures(toks, a, explicit_period);
  if (period_conflict) conf -= 0.1;
  if (f.dot3) conf -= 0.1;
  if (f.mixed_currency) conf = std::min(conf, 0.2);  // "£45,000 - €50,000": one of them is wrong
  if (!f.explicit_currency) {
    bool k_only = toks[a.lo].k || toks[a.hi].k;
    conf -= k_only ? 0.1 : 0.2;
  }
  s.currency = f.currency;

  Period period = explicit_period;
  if (period == Period::unknown) {
    if (f.largest >= 5000) {
      period = Period::year;
      conf -= 0.1;
    } else if (f.largest >= 5 && f.largest <= 100) {
      period = Period::hour;
      conf -= 0.35;
    } else {
      conf = std::min(conf, 0.3);  // "£500", "£1,850": a day, a week or a month — we don't guess
    }
  }

  if (f.min && f.max && *f.min > *f.max) {
    std::swap(f.min, f.max);
    conf -= 0.2;
  }
  if (f.min && f.max && *f.min > 0 && *f.max / *f.min > 3)
    conf = std::min(conf, 0.3);
  else if (f.min && f.max && *f.min > 0 && *f.max / *f.min > 2)
    conf -= 0.15;

  if (open_above(toks, a)) {
    f.max.reset();
    if (std::find(s.qualifiers.begin(), s.qualifiers.end(), "from") == s.qualifiers.end())
      s.qualifiers.insert(s.qualifiers.begin(), "from");
  } else if (open_below(toks, a)) {
    f.min.reset();
    if (std::find(s.qualifiers.begin(), s.qualifiers.end(), "up to") == s.qualifiers.end())
      s.qualifiers.insert(s.qualifiers.begin(), "up to");
  }

  double factor = annual_factor(period);
  auto annual = [&](std::optional<double> v) -> std::optional<double> {
    if (!v) return std::nullopt;
    return round_to(*v * factor, 1.0);
  };
  auto amin = annual(f.min), amax = annual(f.max);
  auto sane = [](std::optional<double> v) { return !v || (*v >= 5000 && *v <= 500000); };
  if (factor == 0 || !sane(amin) || !sane(amax)) conf = std::min(conf, 0.2);

  s.confidence = std::clamp(round_to(conf, 0.01), 0.0, 1.0);
  if (s.confidence < kMinConfidence) return s;
  s.parsed = true;
  s.min = f.min;
  s.max = f.max;
  s.period = period;
  s.annual_min = amin;
  s.annual_max = amax;
  return s;
}

}  // namespace gazette::jobs
