#include "store/pg_tsquery.h"

#include <string_view>
#include <vector>

namespace gazette::store::pg {
namespace {

void quoted(std::string& out, std::string_view word, bool prefix) {
  out.push_back('\'');
  for (char c : word) {
    if (c == '\'' || c == '\\') out.push_back(c == '\'' ? '\'' : '\\');
    out.push_back(c);
  }
  out.push_back('\'');
  if (prefix) out += ":*";
}

}  // namespace

std::string tsquery_term(const TextTerm& term) {
  std::vector<std::string_view> words;
  std::string_view text = term.text;
  while (!text.empty()) {
    const size_t space = text.find(' ');
    std::string_view w = text.substr(0, space);
    if (!w.empty()) words.push_back(w);
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  std::string out;
  if (words.empty()) return out;
  if (words.size() > 1) out.push_back('(');
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += " <-> ";
    quoted(out, words[i], term.prefix && i + 1 == words.size());
  }
  if (words.size() > 1) out.push_back(')');
  return out;
}

std::string tsquery(const TextQuery& query) {
  std::string out;
  for (const auto& t : query.terms) {
    std::string term = tsquery_term(t);
    if (term.empty()) continue;
    if (!out.empty()) out += query.any ? " | " : " & ";
    out += term;
  }
  return out;
}

std::string array_element(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace gazette::store::pg
