#include "importers/listing_importer.h"

#include <gtest/gtest.h>

#include <fstream>

#include "content/text.h"
#include "store/content_store.h"
#include "test_support.h"

namespace gazette::importers {
namespace {

using gazette::testing::TempDb;

std::string fixture(const std::string& name) { return std::string(GAZETTE_SOURCE_DIR) + "/tests/fixtures/listing/" + name; }

std::int64_t article_count(store::Connection& db) { return store::ContentStore(db).count({}, 4'000'000'000); }

TEST(ListingImporter, ImportsBulletListingAndIsIdempotent) {
  TempDb t;
  auto first = import_listing_file(t.db(), fixture("bullets.txt"));
  ASSERT_TRUE(first.ok) << first.error;
  EXPECT_GT(first.added, 0);
  auto second = import_listing_file(t.db(), fixture("bullets.txt"));
  ASSERT_TRUE(second.ok);
  EXPECT_EQ(second.added, 0);
  EXPECT_EQ(second.already_present, first.added);
  EXPECT_EQ(article_count(t.db()), first.added);
}

TEST(ListingImporter, ArticlePageSetsAdvertsAsideAndReportsFurniture) {
  TempDb t;
  auto r = import_listing_file(t.db(), fixture("article_page.txt"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.added, 1);
  EXPECT_GT(r.adverts_set_aside, 0);
  EXPECT_EQ(r.adverts_new, r.adverts_set_aside);
  EXPECT_FALSE(r.skipped.empty());
  auto again = import_listing_file(t.db(), fixture("article_page.txt"));
  EXPECT_EQ(again.adverts_new, 0);  // adverts are kept once
}

TEST(ListingImporter, InvalidUtf8IsRejectedNamingTheLineAndWritesNothing) {
  TempDb t;
  auto r = import_listing_file(t.db(), fixture("invalid_utf8.txt"));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("line 4"), std::string::npos) << r.error;
  EXPECT_EQ(article_count(t.db()), 0);
}

TEST(ListingImporter, MissingFileIsAClearError) {
  TempDb t;
  auto r = import_listing_file(t.db(), fixture("does-not-exist.txt"));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "cannot read file");
  auto dir = import_listing_file(t.db(), std::string(GAZETTE_SOURCE_DIR) + "/tests");
  EXPECT_FALSE(dir.ok);
}

TEST(ListingImporter, CrlfAndWhitespaceVariantsImportTheSameArticles) {
  TempDb t;
  auto crlf = import_listing_file(t.db(), fixture("crlf.txt"));
  auto spaced = import_listing_file(t.db(), fixture("whitespace.txt"));
  ASSERT_TRUE(crlf.ok && spaced.ok);
  EXPECT_GT(crlf.added, 0);
  EXPECT_GT(spaced.added, 0);
}

TEST(ListingImporter, UndatedRelatedItemsTakeThePagesEarliestDate) {
  TempDb t;
  auto r = import_listing_file(t.db(), fixture("best_practice.txt"));
  ASSERT_TRUE(r.ok) << r.error;
  store::ContentStore s(t.db());
  auto undated = s.article_by_slug("small-grants-big-difference", 4'000'000'000);
  ASSERT_TRUE(undated);
  EXPECT_EQ(content::format_uk_date(undated->published_at), "29 May 2019");
  auto dated = s.article_by_slug("keeping-the-lights-on-in-the-town-hall", 4'000'000'000);
  ASSERT_TRUE(dated);
  EXPECT_EQ(dated->section.name, "Best practice");
  EXPECT_EQ(content::format_uk_date(dated->published_at), "12 June 2019");
}

}  // namespace
}  // namespace gazette::importers

namespace gazette::importers {
namespace {

TEST(ListingImporter, NearDuplicateRelistingIsKeptOnce) {
  gazette::testing::TempDb t;
  const std::string first =
      "• Riverside borough approves new cycle lanes for the harbour quarter\n\n    3 March 2023\n\n"
      "    Councillors in the riverside borough backed a network of protected cycle lanes linking the harbour "
      "quarter to the station, says Imogen Thistlewood.\n";
  const std::string relisted =
      "• Riverside borough approves new cycle lanes in the harbour quarter\n\n    4 March 2023\n\n"
      "    Councillors in the riverside borough have backed a network of protected cycle lanes linking the harbour "
      "quarter to the station, says Imogen Thistlewood.\n";
  const std::string different =
      "• Harbour quarter parking charges rise\n\n    5 March 2023\n\n"
      "    Drivers will pay more to park near the harbour from April, the borough confirmed.\n";
  ASSERT_EQ(import_listing_text(t.db(), first, "first").added, 1);
  auto again = import_listing_text(t.db(), relisted, "relisted");
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.near_duplicates, 1);
  auto other = import_listing_text(t.db(), different, "different");
  EXPECT_EQ(other.added, 1);
  EXPECT_EQ(other.near_duplicates, 0);
}

}  // namespace
}  // namespace gazette::importers
