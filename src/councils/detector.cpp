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

  explicit Impl(const std::vector<Council>& councils);
  bool matches(const Key& key, const std::vector<Token>& toks, const std::string& norm, std::size_t i) const;
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
    if (!toks[i].capitalised &&
        std::find(m.lowercase_starts.begin(), m.lowercase_starts.end(), w) == m.lowercase_starts.end())
      continue;
    auto it = m.by_first.find(w);
    if (it == m.by_first.end()) continue;
    if (i > 0 && !toks[i].break_before && toks[i - 1].capitalised && is_qualifier(word(norm, toks[i - 1]))) continue;
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
  return out;
}

}  // namespace gazette::councils
