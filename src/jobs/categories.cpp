#include "jobs/categories.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "content/text.h"
#include "embedded.h"

namespace gazette::jobs {
namespace {

// ---------------------------------------------------------------------------------------------
// Vocabulary

const std::vector<Category> kCategories = {
    {"senior-management", "Chief executive & senior management"},
    {"adult-social-care", "Adult social care"},
    {"childrens-services", "Children's services"},
    {"education", "Education"},
    {"public-health", "Public health"},
    {"housing", "Housing"},
    {"planning", "Planning"},
    {"regeneration", "Regeneration"},
    {"highways-transport", "Highways & transport"},
    {"environment", "Environment"},
    {"waste", "Waste"},
    {"leisure-culture", "Leisure & culture"},
    {"property-facilities", "Property & facilities"},
    {"finance", "Finance"},
    {"procurement", "Procurement"},
    {"legal-governance", "Legal & governance"},
    {"hr", "HR"},
    {"it-digital", "IT & digital"},
    {"communications", "Communications"},
    {"policy-performance", "Policy, performance & insight"},
    {"customer-services-admin", "Customer services & admin"},
};

std::size_t category_index(std::string_view slug) {
  for (std::size_t i = 0; i < kCategories.size(); ++i)
    if (kCategories[i].slug == slug) return i;
  return kCategories.size();
}

// ---------------------------------------------------------------------------------------------
// Keywords: data/jobs/categories.tsv (its header documents the format), compiled into the binary and
// parsed once at first use. `title_only` keywords are too common in ordinary prose to count in a
// description ("send", "IT"); `exact_case` keywords must appear with that capitalisation ("IT", not "it").

constexpr std::string_view kKeywordFile = "data/jobs/categories.tsv";

struct Keyword {
  std::string_view slug;
  std::string_view phrase;
  double weight;
  bool title_only = false;
  bool exact_case = false;
};

[[noreturn]] void bad_table(std::size_t line, const std::string& why) {
  throw std::runtime_error(std::string(kKeywordFile) + ":" + std::to_string(line) + ": " + why);
}

// The views point into the embedded file, which lives as long as the program.
std::vector<Keyword> parse_keywords(std::string_view tsv) {
  std::vector<Keyword> out;
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos < tsv.size();) {
    std::size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> cols;
    for (std::size_t from = 0;;) {
      const std::size_t tab = line.find('\t', from);
      cols.push_back(line.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from));
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    if (cols.size() < 3 || cols.size() > 4) bad_table(line_no, "expected slug, weight, phrase and optional flags");
    Keyword kw{cols[0], cols[2], 0};
    if (category_index(kw.slug) == kCategories.size()) bad_table(line_no, "unknown category slug");
    const auto [ptr, ec] = std::from_chars(cols[1].data(), cols[1].data() + cols[1].size(), kw.weight);
    if (ec != std::errc() || ptr != cols[1].data() + cols[1].size() || kw.weight == 0)
      bad_table(line_no, "weight is not a non-zero number");
    if (content::split_spaces(kw.phrase).empty()) bad_table(line_no, "empty phrase");
    for (std::string_view flags = cols.size() == 4 ? cols[3] : std::string_view(); !flags.empty();) {
      const std::size_t comma = flags.find(',');
      const std::string_view flag = flags.substr(0, comma);
      if (flag == "title")
        kw.title_only = true;
      else if (flag == "case")
        kw.exact_case = true;
      else
        bad_table(line_no, "unknown flag (expected title or case)");
      flags = comma == std::string_view::npos ? std::string_view() : flags.substr(comma + 1);
    }
    out.push_back(kw);
  }
  if (out.empty()) bad_table(line_no, "no keywords");
  return out;
}

const std::vector<Keyword>& keywords() {
  static const std::vector<Keyword> table = [] {
    const auto file = embedded_file(kKeywordFile);
    if (!file) throw std::runtime_error(std::string(kKeywordFile) + " is not embedded in this binary");
    return parse_keywords(*file);
  }();
  return table;
}

// ---------------------------------------------------------------------------------------------
// Words

struct Words {
  std::vector<std::string> lower, original;
};

bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// Splits into ASCII alphanumeric words. Apostrophes inside a word are dropped ("children's" ->
// "childrens") and '&' becomes "and", so "Children's" and "learning & development" match the table.
Words split_words(std::string_view s) {
  Words w;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    w.original.push_back(cur);
    for (auto& c : cur) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    w.lower.push_back(std::move(cur));
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (ascii_alnum(c)) {
      cur += static_cast<char>(c);
    } else if (c == '\'' && !cur.empty()) {
      continue;
    } else if (s.substr(i, 3) == "\xE2\x80\x99" && !cur.empty()) {  // ’
      i += 2;
    } else {
      flush();
      if (c == '&') {
        cur = "and";
        flush();
      }
    }
  }
  flush();
  return w;
}

bool word_matches(std::string_view pattern, const std::string& word) {
  if (!pattern.empty() && pattern.back() == '*')
    return word.compare(0, pattern.size() - 1, pattern.substr(0, pattern.size() - 1)) == 0;
  return word == pattern;
}

struct Hit {
  std::size_t keyword, start, len;
};

// Each keyword's phrase split into words, once (thread-safe static initialisation).
const std::vector<std::vector<std::string_view>>& keyword_words() {
  static const auto table = [] {
    std::vector<std::vector<std::string_view>> t;
    for (const auto& kw : keywords()) t.push_back(content::split_spaces(kw.phrase));
    return t;
  }();
  return table;
}

// All places each keyword occurs.
std::vector<Hit> find_hits(const Words& w, bool in_title) {
  std::vector<Hit> hits;
  const auto& table = keywords();
  for (std::size_t k = 0; k < table.size(); ++k) {
    const auto& kw = table[k];
    if (kw.title_only && !in_title) continue;
    const auto& parts = keyword_words()[k];
    const auto& words = kw.exact_case ? w.original : w.lower;
    for (std::size_t i = 0; i + parts.size() <= words.size(); ++i) {
      std::size_t j = 0;
      while (j < parts.size() && word_matches(parts[j], words[i + j])) ++j;
      if (j == parts.size()) hits.push_back({k, i, parts.size()});
    }
  }
  return hits;
}

// Evidence per category from one text. Phrases beat single words: a positive match is dropped when
// a longer positive match (of any category) covers any of its words, so "transport planner" does
// not also count as "planner". Negative cues always apply. Each keyword counts once.
std::vector<double> evidence(const Words& w, bool in_title) {
  auto hits = find_hits(w, in_title);
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.len > b.len; });
  std::vector<std::size_t> covered(w.lower.size(), 0);  // longest accepted match over each word
  std::vector<bool> counted(keywords().size(), false);
  std::vector<double> score(kCategories.size(), 0);
  for (const auto& h : hits) {
    const auto& kw = keywords()[h.keyword];
    if (kw.weight > 0) {
      bool beaten = false;
      for (std::size_t i = h.start; i < h.start + h.len; ++i) beaten = beaten || covered[i] > h.len;
      if (beaten) continue;
      for (std::size_t i = h.start; i < h.start + h.len; ++i) covered[i] = std::max(covered[i], h.len);
    }
    if (counted[h.keyword]) continue;
    counted[h.keyword] = true;
    score[category_index(kw.slug)] += kw.weight;
  }
  return score;
}

// Title evidence counts double, description evidence half, and a description can add at most
// kDescriptionCap to a category: the title says what the job is; the description only gives context.
constexpr double kTitleFactor = 2.0;
constexpr double kDescriptionFactor = 0.5;
constexpr double kDescriptionCap = 4.0;

}  // namespace

const std::vector<Category>& categories() {
  return kCategories;
}

std::string category_name(std::string_view slug) {
  std::size_t i = category_index(slug);
  return i < kCategories.size() ? kCategories[i].name : std::string();
}

namespace {

constexpr std::string_view kSectionFile = "data/jobs/section_categories.tsv";

// section slug -> category slug, from data/jobs/section_categories.tsv (views into the embedded file).
std::vector<std::pair<std::string_view, std::string_view>> parse_section_table(std::string_view tsv) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos < tsv.size();) {
    std::size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    const std::string_view section = line.substr(0, tab);
    const std::string_view category = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
    if (section.empty() || category_index(category) == kCategories.size())
      throw std::runtime_error(std::string(kSectionFile) + ":" + std::to_string(line_no) +
                               ": expected a section slug, a tab and a known category slug");
    out.emplace_back(section, category);
  }
  return out;
}

}  // namespace

std::string category_for_section(std::string_view section_slug) {
  static const auto table = [] {
    const auto file = embedded_file(kSectionFile);
    if (!file) throw std::runtime_error(std::string(kSectionFile) + " is not embedded in this binary");
    return parse_section_table(*file);
  }();
  if (category_index(section_slug) < kCategories.size()) return std::string(section_slug);
  for (const auto& [section, category] : table)
    if (section == section_slug) return std::string(category);
  return {};
}

Classification classify_job(std::string_view title, std::string_view description) {
  auto t = evidence(split_words(title), true);
  auto d = evidence(split_words(description), false);
  std::vector<double> total(kCategories.size());
  for (std::size_t i = 0; i < total.size(); ++i)
    total[i] = t[i] * kTitleFactor + std::min(d[i] * kDescriptionFactor, kDescriptionCap);
  std::size_t best = 0, second = kCategories.size();
  for (std::size_t i = 1; i < total.size(); ++i) {
    if (total[i] > total[best]) {
      second = best;
      best = i;
    } else if (second == kCategories.size() || total[i] > total[second]) {
      second = i;
    }
  }
  double runner_up = second < total.size() ? std::max(total[second], 0.0) : 0.0;
  if (total[best] < kMinCategoryScore || total[best] - runner_up < kMinCategoryMargin) return {};
  return {kCategories[best].slug, total[best]};
}

}  // namespace gazette::jobs
