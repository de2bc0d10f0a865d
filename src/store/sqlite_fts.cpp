#include "store/sqlite_fts.h"

namespace gazette::store::sqlite {

std::string fts5_term(const TextTerm& term) {
  std::string out = "\"";
  for (char c : term.text) {
    if (c == '"')
      out += "\"\"";
    else
      out.push_back(c);
  }
  out.push_back('"');
  if (term.prefix) out.push_back('*');
  return out;
}

std::string fts5_match(const TextQuery& query) {
  std::string out;
  for (const auto& t : query.terms) {
    if (!out.empty()) out += query.any ? " OR " : " ";
    out += fts5_term(t);
  }
  if (query.headline_only && !out.empty()) out = "headline : (" + out + ")";
  return out;
}

}  // namespace gazette::store::sqlite
