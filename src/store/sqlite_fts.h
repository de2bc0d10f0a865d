// TextQuery in SQLite FTS5 syntax (store-internal): every term a quoted string, so AND, OR, NEAR,
// column filters, '^', '-', brackets and stray quotes in what a reader typed are just text. Pure.
#pragma once

#include <string>

#include "store/text_query.h"

namespace gazette::store::sqlite {

// One term: "word", "some phrase", or "prefix"*.
std::string fts5_term(const TextTerm& term);
// The whole query as a MATCH expression; empty for an empty query.
std::string fts5_match(const TextQuery& query);

}  // namespace gazette::store::sqlite
