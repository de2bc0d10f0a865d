// Turns what a reader types into a backend-neutral query (store::TextQuery): words, "double-quoted
// phrases", and a trailing '*' for a prefix; every term must match. Operators and punctuation are
// never syntax: each backend's store quotes the terms in its own language. Pure; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/text_query.h"

namespace gazette::search {

struct ParsedQuery {
  store::TextQuery text;           // empty when nothing searchable was typed
  std::vector<std::string> terms;  // the words and phrases kept, for display
  bool truncated = false;          // the input was longer than we search on (limits below)
};

constexpr std::size_t kMaxQueryBytes = 500;
constexpr std::size_t kMaxTerms = 16;

ParsedQuery parse_query(std::string_view input);

}  // namespace gazette::search
