// Turns what a reader types into a safe FTS5 query. Pure; safe from any thread.
//
// Words become quoted FTS5 strings (so AND, OR, NEAR, column filters, '^', '-', brackets and stray
// quotes are just text), "double-quoted phrases" stay phrases, and a trailing '*' makes a prefix search.
// Every term must match (implicit AND).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::search {

struct ParsedQuery {
  std::string fts;                   // the FTS5 MATCH expression; empty when nothing searchable was typed
  std::vector<std::string> terms;    // the words and phrases kept, for display
  std::vector<std::string> phrases;  // each term as its own FTS5 expression (fts is these, ANDed)
  bool truncated = false;            // the input was longer than we search on (limits below)
};

constexpr std::size_t kMaxQueryBytes = 500;
constexpr std::size_t kMaxTerms = 16;

ParsedQuery parse_query(std::string_view input);

}  // namespace gazette::search
