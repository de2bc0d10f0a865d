#include "store/text_match.h"

#include "store/pg_tsquery.h"
#include "store/sqlite_fts.h"

namespace gazette::store {

std::string text_match(const Connection& db, const TextQuery& query) {
  return is_postgresql(db) ? pg::tsquery(query) : sqlite::fts5_match(query);
}

std::string text_term(const Connection& db, const TextTerm& term) {
  return is_postgresql(db) ? pg::tsquery_term(term) : sqlite::fts5_term(term);
}

}  // namespace gazette::store
