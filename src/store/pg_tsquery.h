// TextQuery -> PostgreSQL tsquery text, for to_tsquery('gazette_english', ...) (sql/postgresql). Every
// reader's word is a quoted lexeme with its quotes and backslashes escaped, so reader input is never
// tsquery syntax: "a & !b" searches for the words a and b.
#pragma once

#include <string>

#include "store/text_query.h"

namespace gazette::store::pg {

// One term: 'word', 'word':* for a prefix, ('a' <-> 'b') for a phrase.
std::string tsquery_term(const TextTerm& term);
// Every term joined by & (all) or | (any). Empty for an empty query. A headline-only query has the
// same text: its SQL matches it against headline_vector (schema_020), which holds nothing else.
std::string tsquery(const TextQuery& query);
// `text` as one element of a PostgreSQL array literal ("{a,b}"): double-quoted, with " and \ escaped.
std::string array_element(const std::string& text);

}  // namespace gazette::store::pg
