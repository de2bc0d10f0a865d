#include "importers/listing_importer.h"

#include <gtest/gtest.h>

#include <fstream>

#include "content/text.h"
#include "councils/tagging.h"
#include "store/content_store.h"
#include "test_support.h"

namespace gazette::importers {
namespace {

using gazette::testing::TempDb;

std::string fixture(const std::string& name) {
  return std::string(GAZETTE_SOURCE_DIR) + "/tests/fixtures/listing/" + name;
}

std::int64_t article_count(store::Connection& db) {
  return store::ContentStore(db).count({}, 4'000'000'000);
}

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
  EXPECT_EQ(r.error, "cannot read file: no such file");
  auto dir = import_listing_file(t.db(), std::string(GAZETTE_SOURCE_DIR) + "/tests");
  EXPECT_FALSE(dir.ok);
  EXPECT_EQ(dir.error, "cannot read file: is a directory");
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
TEST(ListingImporter, ArticlePageCompletesAStoryFirstListedWithoutItsText) {
  TempDb t;
  {
    store::Transaction tx(t.db());
    councils::sync_builtin_register(t.db());
    tx.commit();
  }
  const std::string listing =
      "\u2022 Districts asked to review their scrutiny arrangements\n\n    21 January 2015\n\n"
      "    A national review will look at how district committees hold cabinets to account.\n";
  auto listed = import_listing_text(t.db(), listing, "listing");
  ASSERT_TRUE(listed.ok) << listed.error;
  ASSERT_EQ(listed.added, 1);
  const std::int64_t id = store::ContentStore(t.db()).list({}, 4'000'000'000, 1, 0).at(0).id;
  EXPECT_TRUE(store::ContentStore(t.db()).article_by_id(id)->body_markdown.empty());

  auto page = import_listing_file(t.db(), fixture("article_page.txt"));
  ASSERT_TRUE(page.ok) << page.error;
  EXPECT_EQ(page.added, 0);
  EXPECT_EQ(page.updated, 1) << "the page's text completes the listed story";
  auto stored = store::ContentStore(t.db()).article_by_id(id);
  ASSERT_TRUE(stored);
  EXPECT_NE(stored->body_markdown.find("cross-party panel"), std::string::npos);
  EXPECT_EQ(stored->standfirst, "A national review will look at how district committees hold cabinets to account.")
      << "the listing's standfirst is kept";
  EXPECT_EQ(article_count(t.db()), 1);

  auto again = import_listing_file(t.db(), fixture("article_page.txt"));
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.already_present, 1) << "a complete story is not rewritten";
}

}  // namespace gazette::importers

namespace gazette::importers {
namespace {

TEST(ListingImporter, RefusesOversizedFilesAndLinesWithAClearErrorAndWritesNothing) {
  testing::TempDb t;
  const std::string page = "NEWS\n\n\xE2\x80\xA2 Council approves budget\n19 May 2022\nThe plan passed.\n\n";
  std::string long_line = page + std::string(70 * 1024, 'x') + "\n";
  auto r = import_listing_text(t.db(), long_line, "long.txt");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.rfind("line 7 is longer than 64 KB", 0), 0u) << r.error;
  std::string huge;
  while (huge.size() <= kMaxListingFileBytes) huge += page;
  auto big = import_listing_text(t.db(), huge, "huge.txt");
  EXPECT_FALSE(big.ok);
  EXPECT_NE(big.error.find("larger than 32 MB"), std::string::npos) << big.error;
  EXPECT_EQ(article_count(t.db()), 0);
}

}  // namespace
}  // namespace gazette::importers
