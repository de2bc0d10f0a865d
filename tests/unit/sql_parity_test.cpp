// The two backends name the same queries and the same schema versions (issue 12): a query or a
// migration added for one and not the other fails here.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>

#include "store/pg_tsquery.h"
#include "store/sql_catalog.h"

namespace gazette::store {
namespace {

std::vector<int> versions(const SqlCatalog& c) {
  std::vector<int> out;
  for (const auto& [v, sql] : c.migrations()) out.push_back(v);
  return out;
}

std::vector<std::string> only_in(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

TEST(SqlParity, BothBackendsNameTheSameQueries) {
  const auto sqlite = SqlCatalog::sqlite().names(), pg = SqlCatalog::postgresql().names();
  EXPECT_GT(sqlite.size(), 200u);
  EXPECT_EQ(joined(only_in(sqlite, pg)), "") << "queries in sql/sqlite/ with no twin in sql/postgresql/";
  EXPECT_EQ(joined(only_in(pg, sqlite)), "") << "queries in sql/postgresql/ with no twin in sql/sqlite/";
}

TEST(SqlParity, BothBackendsHaveTheSameSchemaVersions) {
  const auto sqlite = versions(SqlCatalog::sqlite()), pg = versions(SqlCatalog::postgresql());
  EXPECT_FALSE(sqlite.empty());
  EXPECT_EQ(sqlite, pg) << "a schema version means the same schema on both backends";
}

TEST(SqlParity, PostgresqlQueriesUseDollarParameters) {
  for (const auto& name : SqlCatalog::postgresql().names()) {
    const std::string& sql = SqlCatalog::postgresql().get(name);
    EXPECT_EQ(sql.find("?1"), std::string::npos) << name << " binds SQLite's ?N";
    EXPECT_EQ(sql.find("INDEXED BY"), std::string::npos) << name;
    EXPECT_EQ(sql.find("MATCH"), std::string::npos) << name;
  }
}

TEST(PgTsquery, EveryTermIsQuotedSoReaderInputIsNeverSyntax) {
  TextQuery q;
  q.terms = {{"a & !b"}, {"o'neill"}, {"back\\slash"}, {"hous", true}, {"local government"}};
  // Spaces make a phrase: each of its words is quoted on its own, operators included.
  EXPECT_EQ(pg::tsquery(q),
            "('a' <-> '&' <-> '!b') & 'o''neill' & 'back\\\\slash' & 'hous':* & ('local' <-> 'government')");
  q.any = true;
  q.headline_only = true;
  q.terms = {{"budget"}, {"care home", true}};
  // Headline-only queries are matched against headline_vector (schema_020): the text has no weight.
  EXPECT_EQ(pg::tsquery(q), "'budget' | ('care' <-> 'home':*)");
  EXPECT_EQ(pg::tsquery(TextQuery{}), "");
}

}  // namespace
}  // namespace gazette::store
