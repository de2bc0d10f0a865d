#include "councils/detector.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "strings/strings.h"

namespace gazette::councils {
namespace {

// One word of the input. Words are runs of letters/digits (any non-ASCII letter counts); hyphens, commas
// and whitespace separate words without interrupting a name, other punctuation is a break.
struct Token {
  std::size_t begin = 0, end = 0;            // source bytes; `end` excludes a possessive "'s"
  std::uint32_t norm_off = 0, norm_len = 0;  // the normalised word inside the shared buffer
  bool capitalised = false;                  // first letter upper case
  bool all_upper = false;                    // every letter upper case (and at least one letter)
  bool possessive = false;                   // ended in "'s", "’s" or "s'"
  bool break_before = false;                 // punctuation between this word and the previous one
};

// Decodes one UTF-8 sequence at s[i]; malformed bytes decode as U+FFFD of length 1.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return len = 1, c;
  len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) return len = 1, 0xFFFD;
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return len = 1, 0xFFFD;
    cp = (cp << 6) | (d & 0x3F);
  }
  return cp;
}

bool is_word_cp(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;  // Latin-1 letters and Latin Extended
  if (cp >= 0x370 && cp <= 0x1FFF) return true;                    // Greek ... Latin Extended Additional
  return cp >= 0x2C00 && cp != 0x3000 && cp != 0xFEFF && cp != 0xFFFD;
}

bool is_apostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x2BC;
}

// Separators that do not end a name: whitespace, commas ("Bournemouth, Christchurch and Poole Council")
// and hyphens ("Stoke-on-Trent").
bool is_soft_separator(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == ',' || cp == '-' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2010 || cp == 0x2011 || cp == 0x202F;
}

bool is_upper_cp(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0) || (cp >= 0x1E80 && cp <= 0x1EFF && cp % 2 == 0);
}

bool is_lower_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
         (cp >= 0x100 && cp <= 0x17F && cp % 2 == 1) || (cp >= 0x1E80 && cp <= 0x1EFF && cp % 2 == 1);
}

// Writes the lowercased, accent-folded form of one non-ASCII code point at `out`; returns the new end.
char* put_folded(char32_t cp, std::string_view raw, char* out) {
  const char f = strings::fold_latin(cp);
  if (f) {
    *out = f;
    return out + 1;
  }
  return std::copy(raw.begin(), raw.end(), out);
}

bool ascii_alnum(unsigned char c) {
  return ((c | 0x20u) >= 'a' && (c | 0x20u) <= 'z') || (c >= '0' && c <= '9');
}

// Splits `text` into words (see Token), appending their normalised forms to `norm`. Hot path: ASCII
// letters are handled without decoding, and `norm` is sized once (a word never grows when normalised,
// except "&" -> "and").
void tokenize(std::string_view text, std::vector<Token>& toks, std::string& norm) {
  const std::size_t base = norm.size();
  norm.resize(base + 3 * text.size());
  char* const start = norm.data();
  char* out = start + base;
  auto off = [&] { return static_cast<std::uint32_t>(out - start); };
  bool brk = true;
  std::size_t i = 0, len = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char32_t cp = c < 0x80 ? (len = 1, c) : decode(text, i, len);
    if (cp == '&') {  // "Brighton & Hove" reads as "Brighton and Hove"
      toks.push_back({i, i + 1, off(), 3, false, false, false, brk});
      out = std::copy_n("and", 3, out);
      brk = false;
      ++i;
      continue;
    }
    if (!is_word_cp(cp)) {
      if (!is_soft_separator(cp)) brk = true;
      i += len;
      continue;
    }
    Token t;
    t.begin = i;
    t.norm_off = off();
    t.capitalised = is_upper_cp(cp);
    t.break_before = brk;
    brk = false;
    bool any_lower = false, any_letter = false, ended = false;
    while (i < text.size()) {
      c = static_cast<unsigned char>(text[i]);
      if (ascii_alnum(c)) {  // fast path
        bool digit = c >= '0' && c <= '9';
        any_letter = any_letter || !digit;
        any_lower = any_lower || (c >= 'a' && c <= 'z');
        *out++ = static_cast<char>(digit ? c : (c | 0x20));
        ++i;
        continue;
      }
      cp = c < 0x80 ? (len = 1, c) : decode(text, i, len);
      if (is_word_cp(cp)) {
        any_lower = any_lower || is_lower_letter(cp);
        any_letter = true;
        out = put_folded(cp, text.substr(i, len), out);
        i += len;
        continue;
      }
      if (!is_apostrophe(cp)) break;
      std::size_t after = i + len, len2 = 0;
      char32_t next = after < text.size() ? decode(text, after, len2) : U' ';
      if (is_word_cp(next)) {
        bool s_then_end =
            (next == 's' || next == 'S') && (after + 1 >= text.size() || !is_word_cp(decode(text, after + 1, len2)));
        if (s_then_end) {  // "LBC's": possessive, excluded from the match
          t.end = i;
          t.possessive = ended = true;
          i = after + 1;
          break;
        }
        i = after;  // an apostrophe inside a word is dropped
        continue;
      }
      if (off() > t.norm_off && out[-1] == 's') {  // "St Helens'": plural possessive
        t.end = i;
        t.possessive = ended = true;
        i = after;
      }
      break;
    }
    if (!ended) t.end = i;
    t.norm_len = off() - t.norm_off;
    t.all_upper = any_letter && !any_lower;
    // "St. Helens" = "St Helens": swallow the abbreviation's full stop so it is not a break.
    if (!t.possessive && i < text.size() && text[i] == '.' && t.norm_len == 2 && out[-2] == 's' && out[-1] == 't') {
      ++i;
      t.end = i;
    }
    toks.push_back(t);
  }
  norm.resize(off());
}

std::string_view word(const std::string& norm, const Token& t) {
  return std::string_view(norm).substr(t.norm_off, t.norm_len);
}

// Words that may be any case in a name: council designations and joining words.
bool is_designation(std::string_view w) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "council", "county",      "borough",   "district", "city",    "metropolitan", "london",
      "royal",   "corporation", "authority", "combined", "unitary", "region"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Place qualifiers: a name starting right after one of these is part of a longer place name that is
// not a council ("Greater Manchester council", "West Midlands councils").
bool is_qualifier(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kWords = {"north",   "south", "east",  "west",  "mid",   "central",
                                                              "greater", "upper", "lower", "inner", "outer", "great",
                                                              "little",  "new",   "old",   "royal"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// ---- Name forms -------------------------------------------------------------------------------------

enum class Kind {
  None,             // no derivable forms (combined authorities, GLA, City of London Corporation, Gaelic names)
  Plain,            // "Cornwall Council"
  LondonBorough,    // "London Borough of Southwark"
  RoyalBorough,     // "Royal Borough of Greenwich"
  Borough,          // "Runnymede Borough Council", "Borough of Poole"
  District,         // "Sevenoaks District Council"
  County,           // "Essex County Council"
  City,             // "Leeds City Council"
  CityOf,           // "City of York Council", "City of Westminster"
  CityAndDistrict,  // "St Albans City and District Council"
  CityAndCounty,    // "City and County of Swansea Council"
  MetBorough,       // "Stockport Metropolitan Borough Council"
  MetDistrict,      // "Wakefield Metropolitan District Council"
  CountyBorough,    // "Conwy County Borough Council"
};

enum class Tier { Official = 0, Derived = 1, Short = 2 };

struct NameShape {
  Kind kind = Kind::None;
  std::string base;   // the place: "Southwark", "Richmond upon Thames"
  bool city = false;  // "City of Bradford Metropolitan District Council"
};

bool strip_prefix(std::string_view& s, std::string_view p) {
  if (!s.starts_with(p)) return false;
  s.remove_prefix(p.size());
  return true;
}

bool strip_suffix(std::string_view& s, std::string_view p) {
  if (!s.ends_with(p) || s.size() == p.size()) return false;
  s.remove_suffix(p.size());
  return true;
}

NameShape shape_of(std::string_view n) {
  auto make = [](Kind k, std::string_view b, bool city = false) { return NameShape{k, std::string(b), city}; };
  if (strip_prefix(n, "London Borough of ")) return make(Kind::LondonBorough, n);
  if (strip_prefix(n, "Royal Borough of ")) return make(Kind::RoyalBorough, n);
  if (strip_prefix(n, "Borough Council of ") || strip_prefix(n, "Borough of ")) return make(Kind::Borough, n);
  if (strip_prefix(n, "Council of the ")) return make(Kind::Plain, n);
  if (strip_prefix(n, "City and County of ")) {
    strip_suffix(n, " Council");
    return make(Kind::CityAndCounty, n);
  }
  if (strip_prefix(n, "City of ")) {
    if (strip_suffix(n, " Metropolitan District Council")) return make(Kind::MetDistrict, n, true);
    if (strip_suffix(n, " Council")) return make(Kind::CityOf, n);
    if (n.find(' ') == std::string_view::npos) return make(Kind::CityOf, n);  // "City of Westminster"
    return {};                                                                // "City of London Corporation"
  }
  static constexpr std::pair<std::string_view, Kind> kSuffixes[] = {
      {" Metropolitan Borough Council", Kind::MetBorough},
      {" Metropolitan District Council", Kind::MetDistrict},
      {" County Borough Council", Kind::CountyBorough},
      {" City and District Council", Kind::CityAndDistrict},
      {" County Council", Kind::County},
      {" City Council", Kind::City},
      {" Borough Council", Kind::Borough},
      {" District Council", Kind::District},
      {" Unitary Authority", Kind::Plain},
      {" Council", Kind::Plain}};
  for (const auto& [suffix, kind] : kSuffixes)
    if (strip_suffix(n, suffix)) return make(kind, n);
  return {};
}

// The forms journalists use for a council of this shape, with `b` as the place.
std::vector<std::string> forms_for(const NameShape& s, const std::string& b, std::string_view type) {
  std::vector<std::string> f = {b + " Council"};
  auto add = [&](std::initializer_list<std::string> more) { f.insert(f.end(), more); };
  bool met = type == "metropolitan district";
  switch (s.kind) {
    case Kind::None:
      return {};
    case Kind::Plain:
      if (met) add({b + " MBC"});
      // "Folkestone and Hythe Council" is still "... District Council" in most copy.
      if (type == "non-metropolitan district") add({b + " District Council", b + " DC"});
      break;
    case Kind::LondonBorough:
      add({"London Borough of " + b, b + " LBC", b + " London Borough Council", b + " Borough Council", "LB " + b});
      break;
    case Kind::RoyalBorough:
      add({"Royal Borough of " + b, b + " RBC", b + " Royal Borough Council", b + " Borough Council"});
      if (type == "London borough") add({b + " RLBC", b + " LBC", b + " London Borough Council"});
      break;
    case Kind::Borough:
      add({b + " Borough Council", b + " BC"});
      if (met) add({b + " MBC", b + " Metropolitan Borough Council"});
      break;
    case Kind::District:
      add({b + " District Council", b + " DC"});
      break;
    case Kind::County:
      add({b + " County Council", b + " CC"});
      break;
    case Kind::City:
      add({b + " City Council", b + " CC", "City of " + b + " Council"});
      break;
    case Kind::CityOf:
      add({"City of " + b + " Council", b + " City Council"});
      break;
    case Kind::CityAndDistrict:
      add({b + " City and District Council", b + " City Council", b + " District Council", b + " DC"});
      break;
    case Kind::CityAndCounty:
      add({"City and County of " + b, "City and County of " + b + " Council", b + " City Council"});
      break;
    case Kind::MetBorough:
      add({b + " Metropolitan Borough Council", b + " MBC", b + " Borough Council"});
      break;
    case Kind::MetDistrict:
      add({b + " Metropolitan District Council", b + " MDC"});
      if (s.city)
        add({"City of " + b + " Council", b + " City Council", "City of " + b + " Metropolitan District Council"});
      break;
    case Kind::CountyBorough:
      add({b + " County Borough Council", b + " CBC"});
      break;
  }
  return f;
}

// Everyday short place names: "Kingston" for Kingston upon Thames, "Southend" for Southend-on-Sea.
std::string short_base(const std::string& b) {
  for (std::string_view tail : {" upon Thames", "-on-Sea", "-on-Trent", "-on-Tees"})
    if (b.size() > tail.size() && b.ends_with(tail)) return b.substr(0, b.size() - tail.size());
  return b;
}

// Names in common use that the official name does not yield; keyed by GSS code.
const std::multimap<std::string_view, std::string_view>& extra_aliases() {
  static const std::multimap<std::string_view, std::string_view> m = {
      {"E06000010", "Kingston upon Hull City Council"},
      {"E08000021", "Newcastle upon Tyne City Council"},
      {"E09000001", "Corporation of London"},
      {"E06000058", "BCP Council"},
      {"E09000020", "RBKC"},
      {"E06000011", "East Riding Council"},
      {"E06000033", "Southend-on-Sea City Council"},
      {"E06000033", "Southend City Council"},
      {"W06000001", "Anglesey County Council"},
      {"W06000001", "Anglesey Council"},
      {"W06000001", "Ynys Môn Council"},
      {"W06000016", "Rhondda Cynon Taff Council"},
      {"W06000016", "RCT Council"},
      {"S12000013", "Western Isles Council"},
  };
  return m;
}

struct Alias {
  std::string text;
  Tier tier;
};

std::vector<Alias> aliases_for(const Council& c) {
  std::string_view name = c.official_name;
  strip_prefix(name, "The ");  // Scottish official names: "The Fife Council"
  std::vector<Alias> out = {{std::string(name), Tier::Official}};
  if (c.note.starts_with("Welsh: ")) out.push_back({c.note.substr(7), Tier::Official});
  if (!c.gss_code.empty()) {
    auto [lo, hi] = extra_aliases().equal_range(c.gss_code);
    for (auto it = lo; it != hi; ++it) out.push_back({std::string(it->second), Tier::Derived});
  }
  NameShape shape = shape_of(name);
  if (shape.kind == Kind::None) return out;
  std::string shorter = short_base(shape.base);
  std::vector<std::pair<std::string, Tier>> bases = {{shape.base, Tier::Derived}};
  if (shorter != shape.base) bases.emplace_back(shorter, Tier::Short);
  for (const auto& [b, tier] : bases) {
    for (auto& f : forms_for(shape, b, c.type)) out.push_back({std::move(f), tier});
  }
  return out;
}

// ---- Construction -----------------------------------------------------------------------------------

struct Candidate {
  std::size_t row;
  Tier tier;
  std::vector<Token> toks;  // the alias tokenised, to derive case rules
  std::string norm;
};

// Orders candidates for one key: official names first, then current councils, then fuller forms.
bool better(const Candidate& a, const Candidate& b, const std::vector<Council>& rows) {
  auto rank = [&](const Candidate& c) {
    return std::tuple((c.tier == Tier::Official) ? 0 : 1, rows[c.row].abolished() ? 1 : 0, static_cast<int>(c.tier));
  };
  return rank(a) < rank(b);
}

std::string identity(const Council& c) {
  return c.gss_code.empty() ? "key:" + c.source_key : c.gss_code;
}

enum class CaseRule : std::uint8_t { Any, Capitalised, Upper };

struct KeyToken {
  std::string norm;  // lowercased, accent-folded word
  CaseRule rule = CaseRule::Any;
  bool possessive = false;  // the name itself has "'s": "King's Lynn"
};

struct Key {
  std::vector<KeyToken> tokens;
  int target = -1;  // index into Impl::targets; -1 = ambiguous (matches, reports nothing)
  // "<Place> Council" with no designation between: allows "Essex's council", refuses "Kent Council for ...".
  bool place_council = false;
};

struct Target {
  std::string gss_code, official_name;  // empty gss_code: matched but never reported
};

// House-style abbreviations that follow a place ("Southwark LBC", "Essex CC").
bool is_abbreviation(std::string_view w) {
  static constexpr std::array<std::string_view, 9> kWords = {"lbc", "cc",  "dc",   "bc", "mbc",
                                                             "rbc", "cbc", "rlbc", "mdc"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Damerau-Levenshtein distance (adjacent transpositions count one), stopping early past `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    prev2.swap(prev);
    prev.swap(cur);
  }
  return prev[m];
}

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace

struct CouncilDetector::Impl {
  std::vector<Target> targets;  // one per register row
  std::vector<Key> keys;
  // First normalised word -> indices into keys, longest key first.
  std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>> by_first;
  // First words that may be lower case ("london", "royal", "city", ...). Any other word must be
  // capitalised to start a key, so most words of an article skip the hash lookup.
  std::vector<std::string> lowercase_starts;

  // Keys of the form "<place words> <designation...>" ("Southwark LBC", "Stockport Metropolitan
  // Borough Council"): the place joined by spaces, and where its designation starts. For near misses.
  struct PlaceKey {
    std::uint32_t key;
    std::string place;
    std::size_t place_tokens;
  };
  std::vector<PlaceKey> place_keys;

  explicit Impl(const std::vector<Council>& councils);
  bool matches(const Key& key, const std::vector<Token>& toks, const std::string& norm, std::size_t i) const;
  // The key that matches all of toks[from, from + count), or nullptr.
  const Key* whole_match(const std::vector<Token>& toks, const std::string& norm, std::size_t from,
                         std::size_t count) const;
  void shared_suffix(std::string_view text, const std::vector<Token>& toks, const std::string& norm, std::size_t s,
                     std::vector<CouncilMention>& out) const;
  const Key* near_miss(const std::vector<Token>& toks, const std::string& norm, std::size_t i, std::size_t& last) const;
};

CouncilDetector::CouncilDetector(const std::vector<Council>& councils)
    : impl_(std::make_shared<const Impl>(councils)) {}

CouncilDetector::Impl::Impl(const std::vector<Council>& councils) {
  targets.reserve(councils.size());
  for (const auto& c : councils) targets.push_back({c.gss_code, c.official_name});

  // Normalised word sequence -> every row that could be meant by it.
  std::map<std::string, std::vector<Candidate>> by_key;
  for (std::size_t r = 0; r < councils.size(); ++r) {
    for (auto& a : aliases_for(councils[r])) {
      Candidate cand{r, a.tier, {}, {}};
      tokenize(a.text, cand.toks, cand.norm);
      if (cand.toks.empty()) continue;  // e.g. a note of punctuation only
      std::string joined;
      for (const auto& t : cand.toks) joined.append(word(cand.norm, t)).push_back('\x1f');
      by_key[joined].push_back(std::move(cand));
    }
  }

  for (auto& [joined, cands] : by_key) {
    std::stable_sort(cands.begin(), cands.end(),
                     [&](const Candidate& a, const Candidate& b) { return better(a, b, councils); });
    const Candidate& best = cands.front();
    Key key;
    key.target = static_cast<int>(best.row);
    for (const auto& c : cands) {  // equally good candidates for another council: ambiguous
      if (better(best, c, councils)) break;
      if (identity(councils[c.row]) != identity(councils[best.row])) key.target = -1;
    }
    for (const auto& t : best.toks) {
      std::string w(word(best.norm, t));
      CaseRule rule = (!t.capitalised || is_designation(w)) ? CaseRule::Any
                      : (t.all_upper && w.size() >= 2)      ? CaseRule::Upper
                                                            : CaseRule::Capitalised;
      key.tokens.push_back({std::move(w), rule, t.possessive});
    }
    std::size_t n = key.tokens.size();
    key.place_council =
        n >= 2 && key.tokens[n - 1].norm == "council" && key.tokens[n - 2].rule == CaseRule::Capitalised;
    keys.push_back(std::move(key));
  }

  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    const KeyToken& first = keys[k].tokens.front();
    by_first[first.norm].push_back(k);
    bool listed = std::find(lowercase_starts.begin(), lowercase_starts.end(), first.norm) != lowercase_starts.end();
    if (first.rule == CaseRule::Any && !listed) lowercase_starts.push_back(first.norm);
  }
  for (auto& [first, list] : by_first)
    std::stable_sort(list.begin(), list.end(),
                     [&](auto a, auto b) { return keys[a].tokens.size() > keys[b].tokens.size(); });

  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    const auto& kt = keys[k].tokens;
    std::size_t n = 0;
    std::string place;
    while (n < kt.size() && !is_designation(kt[n].norm) && !is_abbreviation(kt[n].norm)) {
      if (!place.empty()) place += ' ';
      place += kt[n++].norm;
    }
    if (n == 0 || n == kt.size() || kt[0].rule != CaseRule::Capitalised) continue;
    place_keys.push_back({k, std::move(place), n});
  }
}

// ---- Detection --------------------------------------------------------------------------------------

bool CouncilDetector::Impl::matches(const Key& key, const std::vector<Token>& toks, const std::string& norm,
                                    std::size_t i) const {
  const std::size_t n = key.tokens.size();
  if (i + n > toks.size()) return false;
  for (std::size_t j = 0; j < n; ++j) {
    const Token& t = toks[i + j];
    const KeyToken& k = key.tokens[j];
    if (j > 0 && t.break_before) return false;
    if (word(norm, t) != k.norm) return false;
    if (k.rule == CaseRule::Capitalised && !t.capitalised) return false;
    if (k.rule == CaseRule::Upper && !t.all_upper) return false;
    // A possessive may end the name ("Southwark LBC's"), or sit before "council" ("Essex's council").
    bool possessive_ok = j + 1 == n || (key.place_council && j + 2 == n);
    if (t.possessive && !k.possessive && !possessive_ok) return false;
  }
  // "Kent Council for Voluntary Service", "Essex Council of Faiths": another body, not the council.
  if (key.place_council && i + n < toks.size() && !toks[i + n].break_before) {
    std::string_view next = word(norm, toks[i + n]);
    if (next == "for" || next == "of") return false;
  }
  return true;
}

const Key* CouncilDetector::Impl::whole_match(const std::vector<Token>& toks, const std::string& norm, std::size_t from,
                                              std::size_t count) const {
  auto it = by_first.find(word(norm, toks[from]));
  if (it == by_first.end()) return nullptr;
  for (std::uint32_t k : it->second) {
    if (keys[k].tokens.size() == count && matches(keys[k], toks, norm, from)) return &keys[k];
  }
  return nullptr;
}

// "Camden and Islington LBCs", "Kent, Essex and Surrey CCs", "Kent and Essex county councils": one
// plural designation shared by two or more places. Each place must make a whole known form with the
// singular designation ("Islington LBC"), the places are joined by "and" or commas, and at least two
// must be found, or nothing is reported. A bare plural "councils" is not enough ("Kent and Medway
// councils" usually means every council there).
void CouncilDetector::Impl::shared_suffix(std::string_view text, const std::vector<Token>& toks,
                                          const std::string& norm, std::size_t s,
                                          std::vector<CouncilMention>& out) const {
  const Token& plural = toks[s];
  const std::string_view pw = word(norm, plural);
  const std::string_view raw = text.substr(plural.begin, plural.end - plural.begin);
  std::vector<std::string> suffix;  // the singular designation's words
  std::size_t first = s;            // where the designation starts in the text
  if (pw.size() >= 3 && pw.back() == 's' && is_abbreviation(pw.substr(0, pw.size() - 1))) {
    // "LBCs": the letters upper case, then a lower-case 's'.
    for (std::size_t k = 0; k + 1 < raw.size(); ++k)
      if (raw[k] < 'A' || raw[k] > 'Z') return;
    if (raw.back() != 's') return;
    suffix.emplace_back(pw.substr(0, pw.size() - 1));
  } else if (pw == "councils" && s > 0 && !plural.break_before) {
    std::string_view before = word(norm, toks[s - 1]);
    if (before != "county" && before != "borough" && before != "district" && before != "city") return;
    first = s - 1;
    if (before == "borough" && s > 1 && word(norm, toks[s - 2]) == "metropolitan") first = s - 2;
    for (std::size_t k = first; k < s; ++k) suffix.emplace_back(word(norm, toks[k]));
    suffix.emplace_back("council");
  } else {
    return;
  }
  if (first == 0 || toks[first].break_before) return;

  struct Found {
    const Key* key;
    std::size_t begin;
  };
  std::vector<Found> found;
  std::size_t end = first;  // one past the last token of the next place to the left
  for (int places = 0; places < 8 && end > 0; ++places) {
    const Key* hit = nullptr;
    std::size_t begin = end;
    for (std::size_t len = std::min<std::size_t>(4, end); len >= 1 && !hit; --len) {
      const std::size_t b = end - len;
      bool clean = toks[b].capitalised;
      for (std::size_t k = b + 1; k < end; ++k) clean = clean && !toks[k].break_before;
      if (!clean || (end < toks.size() && toks[end].break_before && end != first)) continue;
      if (b > 0 && !toks[b].break_before && toks[b - 1].capitalised && is_qualifier(word(norm, toks[b - 1]))) continue;
      // The place's own tokens, then the singular designation, as a token list of their own.
      std::vector<Token> synth;
      std::string snorm;
      for (std::size_t k = b; k < end; ++k) {
        Token t = toks[k];
        t.norm_off = static_cast<std::uint32_t>(snorm.size());
        snorm.append(word(norm, toks[k]));
        t.possessive = false;
        synth.push_back(t);
      }
      for (const auto& w : suffix) {
        Token t;
        t.norm_off = static_cast<std::uint32_t>(snorm.size());
        t.norm_len = static_cast<std::uint32_t>(w.size());
        snorm.append(w);
        t.capitalised = t.all_upper = is_abbreviation(w);
        synth.push_back(t);
      }
      if (const Key* key = whole_match(synth, snorm, 0, synth.size())) {
        hit = key;
        begin = b;
      }
    }
    if (!hit) break;
    found.push_back({hit, begin});
    if (begin == 0) break;
    // The separator to the next place: "and", or a comma between the words.
    const std::string_view between = text.substr(toks[begin - 1].end, toks[begin].begin - toks[begin - 1].end);
    if (word(norm, toks[begin - 1]) == "and" && !toks[begin].break_before && !toks[begin - 1].break_before) {
      end = begin - 1;
    } else if (between.find(',') != std::string_view::npos && !toks[begin].break_before) {
      end = begin;
    } else {
      break;
    }
  }
  if (found.size() < 2) return;
  for (const auto& f : found) {
    if (f.key->target < 0 || targets[f.key->target].gss_code.empty()) continue;
    const Target& t = targets[f.key->target];
    const std::size_t b = toks[f.begin].begin, e = plural.end;
    out.push_back({t.gss_code, t.official_name, std::string(text.substr(b, e - b)), b, e - b});
  }
}

// A place misspelt by one letter before a designation ("Southwalk LBC", "Stockprot MBC"). The bar is
// high: the place is at least six letters and starts with the right letter, the designation matches
// exactly, exactly one council is within one edit, and no other council is within two.
const Key* CouncilDetector::Impl::near_miss(const std::vector<Token>& toks, const std::string& norm, std::size_t i,
                                            std::size_t& last) const {
  for (std::size_t len = 1; len <= 3 && i + len < toks.size(); ++len) {
    const Token& next = toks[i + len];
    if (next.break_before) return nullptr;
    const std::string_view nw = word(norm, next);
    const bool designation = is_designation(nw) || (is_abbreviation(nw) && next.all_upper);
    if (!designation) {
      if (!toks[i + len].capitalised) return nullptr;
      continue;  // the place has more words
    }
    std::string place;
    for (std::size_t k = i; k < i + len; ++k) {
      if (!toks[k].capitalised) return nullptr;
      if (!place.empty()) place += ' ';
      place += word(norm, toks[k]);
    }
    if (place.size() < 6) return nullptr;
    struct Near {
      const PlaceKey* pk;
      std::size_t distance;
      bool same;  // its designation is the text's, word for word
    };
    std::vector<Near> near;
    for (const PlaceKey& pk : place_keys) {
      if (pk.place[0] != place[0]) continue;
      const std::size_t d = edit_distance(place, pk.place, 2);
      if (d > 2) continue;
      if (d == 0) return nullptr;  // a real place with some other designation: not a typo
      const Key& key = keys[pk.key];
      const std::size_t rest = key.tokens.size() - pk.place_tokens;
      bool same = i + len + rest <= toks.size();
      for (std::size_t r = 0; same && r < rest; ++r) {
        const Token& t = toks[i + len + r];
        const KeyToken& k = key.tokens[pk.place_tokens + r];
        same = !t.break_before && word(norm, t) == k.norm && (k.rule != CaseRule::Upper || t.all_upper);
      }
      near.push_back({&pk, d, same});
    }
    const Key* best = nullptr;
    const PlaceKey* best_pk = nullptr;
    for (const Near& n : near) {
      const Key& key = keys[n.pk->key];
      if (n.distance != 1 || !n.same) continue;
      if (best != nullptr && (key.target != best->target || n.pk->place != best_pk->place)) return nullptr;
      if (best == nullptr || key.tokens.size() > best->tokens.size()) {
        best = &key;
        best_pk = n.pk;
      }
    }
    if (best == nullptr || best->target < 0) return nullptr;
    // Any other council within two edits makes the guess unsafe, unless it is the same place under
    // a designation the text does not use ("Sheffield City Region" beside "Sheffield City Council").
    for (const Near& n : near) {
      const Key& key = keys[n.pk->key];
      if (key.target != best->target && (n.same || n.pk->place != best_pk->place)) return nullptr;
    }
    last = i + len + (best->tokens.size() - best_pk->place_tokens) - 1;
    return best;
  }
  return nullptr;
}

std::vector<CouncilMention> CouncilDetector::detect(std::string_view text) const {
  std::vector<Token> toks;
  std::string norm;
  toks.reserve(text.size() / 5 + 1);
  norm.reserve(text.size());
  tokenize(text, toks, norm);

  const Impl& m = *impl_;
  std::vector<CouncilMention> out;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    std::string_view w = word(norm, toks[i]);
    if (w == "councils" || (w.size() >= 3 && w.back() == 's' && is_abbreviation(w.substr(0, w.size() - 1))))
      m.shared_suffix(text, toks, norm, i, out);
    if (!toks[i].capitalised &&
        std::find(m.lowercase_starts.begin(), m.lowercase_starts.end(), w) == m.lowercase_starts.end())
      continue;

    if (i > 0 && !toks[i].break_before && toks[i - 1].capitalised && is_qualifier(word(norm, toks[i - 1]))) continue;
    auto it = m.by_first.find(w);
    if (it == m.by_first.end()) {
      std::size_t last = 0;
      if (!toks[i].capitalised || toks[i].all_upper) continue;
      if (const Key* key = m.near_miss(toks, norm, i, last)) {
        const Target& t = m.targets[key->target];
        if (!t.gss_code.empty()) {
          const std::size_t b = toks[i].begin, e = toks[last].end;
          out.push_back({t.gss_code, t.official_name, std::string(text.substr(b, e - b)), b, e - b});
        }
        i = last;
      }
      continue;
    }
    for (std::uint32_t k : it->second) {
      const Key& key = m.keys[k];
      if (!m.matches(key, toks, norm, i)) continue;
      std::size_t last = i + key.tokens.size() - 1;
      if (key.target >= 0 && !m.targets[key.target].gss_code.empty()) {
        const Target& t = m.targets[key.target];
        std::size_t b = toks[i].begin, e = toks[last].end;
        out.push_back({t.gss_code, t.official_name, std::string(text.substr(b, e - b)), b, e - b});
      }
      i = last;  // the longest match consumes its words, reported or not
      break;
    }
  }
  // Places sharing a designation are found when the designation is reached, after any mention between.
  std::stable_sort(out.begin(), out.end(),
                   [](const CouncilMention& a, const CouncilMention& b) { return a.offset < b.offset; });
  return out;
}

}  // namespace gazette::councils
