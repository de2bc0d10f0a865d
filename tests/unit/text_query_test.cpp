// The backend-neutral search query (store::TextQuery): what search::parse_query makes of a reader's
// input, and how the SQLite store spells it in FTS5, where nothing a reader types is syntax.
#include <gtest/gtest.h>

#include <filesystem>

#include "search/query.h"
#include "store/connection.h"
#include "store/sqlite_fts.h"

namespace gazette {
namespace {

TEST(TextQuery, ReaderInputBecomesWordsPrefixesAndPhrases) {
  auto q = search::parse_query("adult social* \"care homes\" OR");
  ASSERT_EQ(q.text.terms.size(), 4u);
  EXPECT_EQ(q.text.terms[0].text, "adult");
  EXPECT_TRUE(q.text.terms[1].prefix);
  EXPECT_EQ(q.text.terms[1].text, "social");
  EXPECT_TRUE(q.text.terms[2].phrase());
  EXPECT_EQ(q.text.terms[3].text, "OR");  // an operator word is just a word
  EXPECT_EQ(store::sqlite::fts5_match(q.text), "\"adult\" \"social\"* \"care homes\" \"OR\"");
  EXPECT_TRUE(search::parse_query("  ** \"\" -- ").text.empty());
}

TEST(TextQuery, Fts5SpellingQuotesEverythingAReaderCouldType) {
  store::TextQuery q;
  q.terms.push_back({"say \"hi\""});
  q.terms.push_back({"headline:x"});
  EXPECT_EQ(store::sqlite::fts5_match(q), "\"say \"\"hi\"\"\" \"headline:x\"");
  q.any = true;
  q.headline_only = true;
  EXPECT_EQ(store::sqlite::fts5_match(q), "headline : (\"say \"\"hi\"\"\" OR \"headline:x\")");
}

TEST(OpenDatabase, APostgresqlServerThatDoesNotAnswerIsUnavailableAndNothingIsCreated) {
  for (const std::string db : {"postgresql://gazette:secret@127.0.0.1:1/news", "postgres://127.0.0.1:1/news",
                               "host=127.0.0.1 port=1 dbname=news"}) {
    try {
      store::open(db);
      ADD_FAILURE() << db << " opened";
    } catch (const store::Unavailable& e) {
      const std::string why = e.what();
      EXPECT_NE(why.find("PostgreSQL"), std::string::npos) << why;
      EXPECT_EQ(why.find("secret"), std::string::npos) << "the password must not be echoed: " << why;
    }
    EXPECT_FALSE(store::database_file(db));
    EXPECT_FALSE(std::filesystem::exists(db)) << "no SQLite file is made for a PostgreSQL address";
  }
  EXPECT_EQ(store::database_file("/var/lib/gazette/site.db"), "/var/lib/gazette/site.db");
  EXPECT_FALSE(store::database_file(":memory:"));
  EXPECT_EQ(store::open(":memory:")->backend(), "sqlite");
}

}  // namespace
}  // namespace gazette
