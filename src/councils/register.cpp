#include "councils/register.h"

#include <array>
#include <cctype>
#include <map>
#include <stdexcept>
#include <unordered_set>

#include "embedded.h"
#include "strings/strings.h"

namespace gazette::councils {
namespace {

constexpr std::size_t kColumns = 9;
constexpr std::array<std::string_view, kColumns> kHeader = {
    "gss_code", "official_name", "type", "nation", "start_date", "end_date", "source_key", "source", "note"};

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

[[noreturn]] void fail(std::size_t line_no, const std::string& what) {
  throw std::runtime_error("council register line " + std::to_string(line_no) + ": " + what);
}

// Trims and collapses runs of whitespace: the source has "North Somerset  Council".
std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// GSS codes are a nation letter, two digits of entity type and six digits: "E09000028".
bool is_gss(std::string_view s) {
  if (s.size() != 9 || std::string_view("ENSWK").find(s[0]) == std::string_view::npos) return false;
  for (std::size_t i = 1; i < s.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// Lowercase ASCII letters/digits joined by single hyphens; accents folded, apostrophes dropped, "&" -> "and".
std::string slug_of(std::string_view name) {
  if (name.starts_with("The ")) name.remove_prefix(4);
  std::string out;
  bool pending_hyphen = false;
  auto emit = [&](char c) {
    if (pending_hyphen && !out.empty()) out.push_back('-');
    pending_hyphen = false;
    out.push_back(c);
  };
  for (std::size_t i = 0; i < name.size();) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      ++i;
      if (std::isalnum(c))
        emit(static_cast<char>(std::tolower(c)));
      else if (c == '&') {
        pending_hyphen = true;
        for (char a : std::string_view("and")) emit(a);
        pending_hyphen = true;
      } else if (c != '\'')
        pending_hyphen = true;
      continue;
    }
    // Two- and three-byte UTF-8 sequences cover every letter in the register.
    char32_t cp = 0;
    std::size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
    cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len && i + k < name.size(); ++k) cp = (cp << 6) | (name[i + k] & 0x3F);
    i += len;
    if (cp == 0x2019 || cp == 0x2018) continue;  // curly apostrophes vanish like straight ones
    if (char f = strings::fold_latin(cp))
      emit(f);
    else
      pending_hyphen = true;
  }
  return out;
}

void check_header(std::string_view line) {
  auto fields = split_tabs(line);
  if (fields.size() != kColumns) fail(1, "header must name the nine columns gss_code ... note");
  for (std::size_t i = 0; i < kColumns; ++i)
    if (fields[i] != kHeader[i])
      fail(1, "header column " + std::to_string(i + 1) + " must be " + std::string(kHeader[i]));
}

Council parse_row(std::string_view line, std::size_t line_no) {
  auto f = split_tabs(line);
  if (f.size() != kColumns) fail(line_no, "expected 9 tab-separated fields, found " + std::to_string(f.size()));
  Council c{std::string(f[0]),
            collapse_spaces(f[1]),
            std::string(f[2]),
            std::string(f[3]),
            std::string(f[4]),
            std::string(f[5]),
            "",
            std::string(f[6]),
            std::string(f[8])};
  if (c.official_name.empty()) fail(line_no, "empty official_name");
  if (!c.gss_code.empty() && !is_gss(c.gss_code)) fail(line_no, "malformed gss_code \"" + c.gss_code + "\"");
  if (!c.start_date.empty() && !is_date(c.start_date)) fail(line_no, "start_date is not YYYY-MM-DD");
  if (!c.end_date.empty() && !is_date(c.end_date)) fail(line_no, "end_date is not YYYY-MM-DD");
  return c;
}

// Gives every row a unique slug. Rows sharing a name (a council re-coded, e.g. Glasgow) keep the bare
// slug for the current row, so links to the council stay stable when old rows are added or removed.
void assign_slugs(std::vector<Council>& rows) {
  std::map<std::string, std::vector<std::size_t>> by_slug;
  for (std::size_t i = 0; i < rows.size(); ++i) by_slug[slug_of(rows[i].official_name)].push_back(i);
  std::unordered_set<std::string> used;
  for (auto& [slug, idx] : by_slug) {
    std::size_t keeper = idx.front();
    for (std::size_t i : idx)
      if (!rows[i].abolished()) {
        keeper = i;
        break;
      }
    rows[keeper].slug = slug;
    used.insert(slug);
  }
  for (auto& [slug, idx] : by_slug) {
    for (std::size_t i : idx) {
      if (!rows[i].slug.empty()) continue;
      std::string suffix =
          rows[i].gss_code.empty() ? slug_of(rows[i].source_key) : strings::lower_ascii(rows[i].gss_code);
      std::string candidate = slug + "-" + suffix;
      for (int n = 2; used.count(candidate); ++n) candidate = slug + "-" + suffix + "-" + std::to_string(n);
      rows[i].slug = candidate;
      used.insert(candidate);
    }
  }
}

}  // namespace

std::vector<Council> parse_register(std::string_view tsv) {
  std::vector<Council> rows;
  std::size_t line_no = 0;
  bool header_seen = false;
  while (!tsv.empty()) {
    std::size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!header_seen) {
      check_header(line);
      header_seen = true;
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    rows.push_back(parse_row(line, line_no));
  }
  if (!header_seen) fail(1, "empty register (no header line)");
  assign_slugs(rows);
  return rows;
}

const std::vector<Council>& builtin_register() {
  static const std::vector<Council> rows = [] {
    auto data = embedded_file("data/councils/uk_local_authorities.tsv");
    if (!data) throw std::runtime_error("council register is not embedded in this build");
    return parse_register(*data);
  }();
  return rows;
}

}  // namespace gazette::councils
