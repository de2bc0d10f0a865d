// A TextQuery in the syntax of a connection's backend: an FTS5 MATCH expression on SQLite
// (store/sqlite_fts.h), tsquery text on PostgreSQL (store/pg_tsquery.h). Store code only.
#pragma once

#include <string>

#include "store/connection.h"
#include "store/text_query.h"

namespace gazette::store {

std::string text_match(const Connection& db, const TextQuery& query);
std::string text_term(const Connection& db, const TextTerm& term);
inline bool is_postgresql(const Connection& db) {
  return db.backend() == "postgresql";
}

}  // namespace gazette::store
