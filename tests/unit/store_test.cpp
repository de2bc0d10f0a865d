#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "content/text.h"
#include "store/change_store.h"
#include "store/content_store.h"
#include "store/related_store.h"
#include "test_support.h"

namespace gazette::store {
namespace {

using gazette::testing::TempDb;

content::ArticleInput article(std::string headline, int y, int m, int d) {
  content::ArticleInput in;
  in.headline = std::move(headline);
  in.standfirst = "A standfirst about council budgets.";
  in.body_markdown = "First paragraph.\n\n## Next steps\n\nSecond paragraph.";
  in.section = "News";
  in.authors = {"Priya Lawson", "Tom Reddy"};
  in.tags = {"Finance", "Adult social care"};
  in.published_at = y ? content::unix_from_date(y, m, d) : 0;
  return in;
}

TEST(Migrations, CreateSchemaOnceAndAreIdempotent) {
  TempDb t;
  auto again = migrate(t.db());
  EXPECT_EQ(again.from_version, latest_schema_version());
  EXPECT_EQ(again.to_version, latest_schema_version());
  EXPECT_GE(latest_schema_version(), 1);
}

TEST(ContentStore, SavesArticleWithAuthorsTagsAndRenderedBody) {
  TempDb t;
  ContentStore s(t.db());
  EXPECT_EQ(s.save_article(article("Budget gap widens in the shires", 2022, 5, 19), 1000), SaveOutcome::added);
  auto a = s.article_by_slug("budget-gap-widens-in-the-shires", 2'000'000'000);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->headline, "Budget gap widens in the shires");
  EXPECT_EQ(a->section.slug, "news");
  ASSERT_EQ(a->authors.size(), 2u);
  EXPECT_EQ(a->authors[0].name, "Priya Lawson");  // byline order kept
  EXPECT_EQ(a->authors[1].slug, "tom-reddy");
  ASSERT_EQ(a->tags.size(), 2u);
  EXPECT_NE(a->body_html.find("<h2>Next steps</h2>"), std::string::npos);
  EXPECT_GT(a->word_count, 5);
  EXPECT_EQ(content::format_uk_date(a->published_at), "19 May 2022");
}

TEST(RelatedStore, HeadlineOnlyMatchingLooksAtHeadlinesAlone) {
  // Related reading matches headline words in headlines only, on both backends (PostgreSQL keeps a
  // vector of the headline by itself for it, schema_020), and follows an edited headline.
  TempDb t;
  ContentStore s(t.db());
  auto body_only = article("Library opening hours cut", 2024, 3, 1);
  body_only.body_markdown = "Flood flood flood. The flood plan was mentioned in passing, with flood maps.";
  ASSERT_EQ(s.save_article(article("Flood defences approved for riverside", 2024, 3, 2), 1000), SaveOutcome::added);
  const std::int64_t first = s.last_saved_id();
  ASSERT_EQ(s.save_article(body_only, 1000), SaveOutcome::added);
  const std::int64_t library = s.last_saved_id();
  ASSERT_EQ(s.save_article(article("Flood wardens recruited in the valley", 2024, 3, 3), 1000), SaveOutcome::added);
  const std::int64_t second = s.last_saved_id();
  RelatedStore related(t.db());
  TextQuery q;
  q.any = true;
  q.headline_only = true;
  q.terms = {{"flood"}};
  auto ids = [&] {
    std::vector<std::int64_t> out;
    for (auto [id, score] : related.by_text(q, {2}, 0, 10)) out.push_back(id);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(ids(), (std::vector<std::int64_t>{first, second}));
  auto renamed = body_only;
  renamed.headline = "Flood fears close the library";
  ASSERT_TRUE(s.update_article(library, renamed, 2000));
  EXPECT_EQ(ids(), (std::vector<std::int64_t>{first, library, second}));
}

TEST(ContentStore, SameHeadlineAndDateIsStoredOnce) {
  TempDb t;
  ContentStore s(t.db());
  EXPECT_EQ(s.save_article(article("Councils warn on care costs", 2022, 1, 2), 1000), SaveOutcome::added);
  EXPECT_EQ(s.save_article(article("Councils warn on care costs", 2022, 1, 2), 1000), SaveOutcome::already_present);
  EXPECT_EQ(s.count({}, 2'000'000'000), 1);
}

TEST(ContentStore, SameHeadlineOnAnotherDateGetsItsOwnSlug) {
  TempDb t;
  ContentStore s(t.db());
  s.save_article(article("Editor's letter", 2022, 1, 2), 1000);
  EXPECT_EQ(s.save_article(article("Editor's letter", 2022, 1, 9), 1000), SaveOutcome::added);
  EXPECT_TRUE(s.article_by_slug("editors-letter", 2'000'000'000));
  EXPECT_TRUE(s.article_by_slug("editors-letter-2022-01-09", 2'000'000'000));
}

TEST(ContentStore, LongHeadlinesSharingTheirFirstEightyCharactersAreDifferentStories) {
  TempDb t;
  ContentStore s(t.db());
  const std::string start = "The hidden cost of temporary accommodation in the county towns and market villages";
  EXPECT_EQ(s.save_article(article(start + " of the north", 2022, 1, 2), 1000), SaveOutcome::added);
  EXPECT_EQ(s.save_article(article(start + ": lessons from the south", 2022, 1, 2), 1000), SaveOutcome::added);
  EXPECT_EQ(s.count({}, 2'000'000'000), 2);
}

TEST(ContentStore, UndatedItemMatchesDatedOneAndDatedCopyFixesUndated) {
  TempDb t;
  ContentStore s(t.db());
  EXPECT_EQ(s.save_article(article("Housing targets slip", 0, 0, 0), 5000, 4000), SaveOutcome::added);
  EXPECT_EQ(s.save_article(article("Housing targets slip", 0, 0, 0), 5000), SaveOutcome::already_present);
  EXPECT_EQ(s.save_article(article("Housing targets slip", 2021, 3, 4), 6000), SaveOutcome::updated);
  auto a = s.article_by_slug("housing-targets-slip", 2'000'000'000);
  ASSERT_TRUE(a);
  EXPECT_EQ(content::format_uk_date(a->published_at), "4 March 2021");
  EXPECT_EQ(s.count({}, 2'000'000'000), 1);
}

TEST(ContentStore, DraftsAndFutureArticlesAreHiddenFromReaders) {
  TempDb t;
  ContentStore s(t.db());
  auto draft = article("Draft piece", 2022, 1, 1);
  draft.status = content::Status::draft;
  auto future = article("Scheduled piece", 2030, 1, 1);
  future.status = content::Status::scheduled;
  s.save_article(draft, 1000);
  s.save_article(future, 1000);
  const std::int64_t now = content::unix_from_date(2025, 1, 1);
  EXPECT_FALSE(s.article_by_slug("draft-piece", now));
  EXPECT_FALSE(s.article_by_slug("scheduled-piece", now));
  EXPECT_EQ(s.count({}, now), 0);
  EXPECT_EQ(s.next_scheduled(now), content::unix_from_date(2030, 1, 1));
  EXPECT_TRUE(s.article_by_slug("scheduled-piece", content::unix_from_date(2030, 1, 2)));
}

TEST(ContentStore, ListingsAreNewestFirstAndFilterBySectionAuthorTag) {
  TempDb t;
  ContentStore s(t.db());
  auto comment = article("Opinion on devolution", 2022, 3, 1);
  comment.section = "Comment";
  comment.authors = {"Ada Brook"};
  comment.tags = {"Devolution"};
  s.save_article(article("Older news", 2022, 1, 1), 1);
  s.save_article(article("Newer news", 2022, 2, 1), 1);
  s.save_article(comment, 1);
  const std::int64_t now = 2'000'000'000;
  auto all = s.list({}, now, 10, 0);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].headline, "Opinion on devolution");
  EXPECT_EQ(all[2].headline, "Older news");
  ArticleFilter by_section;
  by_section.section_id = s.section_by_slug("comment")->id;
  EXPECT_EQ(s.count(by_section, now), 1);
  ArticleFilter by_author;
  by_author.author_id = s.author_by_slug("priya-lawson")->id;
  EXPECT_EQ(s.count(by_author, now), 2);
  ArticleFilter by_tag;
  by_tag.tag_id = s.tag_by_slug("devolution")->id;
  EXPECT_EQ(s.list(by_tag, now, 10, 0).at(0).headline, "Opinion on devolution");
  ArticleFilter others;
  others.exclude_section_id = by_section.section_id;
  EXPECT_EQ(s.list(others, now, 10, 0).size(), 2u);
  EXPECT_EQ(s.list({}, now, 2, 2).size(), 1u);  // offset pagination
}

TEST(ContentStore, EveryWriteIsInTheChangeLog) {
  TempDb t;
  ContentStore s(t.db());
  ChangeStore log(t.db());
  auto v0 = log.last_seq();
  s.save_article(article("A", 2022, 1, 1), 1);
  EXPECT_GT(log.last_seq(), v0);
  EXPECT_FALSE(log.gap_after(v0));
}

TEST(Transaction, RollsBackWhenNotCommitted) {
  TempDb t;
  ContentStore s(t.db());
  {
    Transaction tx(t.db());
    s.save_article(article("Never committed", 2022, 1, 1), 1);
  }
  EXPECT_EQ(s.count({}, 2'000'000'000), 0);
}

TEST(Connection, UnknownQueryNameIsAnError) {
  TempDb t;
  EXPECT_THROW(t.db().exec("no_such_query", {}), Error);
}

}  // namespace
}  // namespace gazette::store

namespace gazette::store {
namespace {

TEST(Writers, ASecondWriterWaitsItsTurnInsteadOfFailing) {
  // One writer holds the write lock for six seconds (longer than the old five-second give-up); the
  // second one's transaction waits and then completes.
  testing::TempDb t;
  auto first = store::open(t.path());
  auto second = store::open(t.path());
  std::thread holder([&] {
    Transaction tx(*first);
    ContentStore(*first).ensure_section("Held", "", 1);
    std::this_thread::sleep_for(std::chrono::seconds(6));
    tx.commit();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto start = std::chrono::steady_clock::now();
  {
    Transaction tx(*second);
    ContentStore(*second).ensure_section("Waited", "", 2);
    tx.commit();
  }
  holder.join();
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(ContentStore(t.db()).sections().size(), 2u);
}

}  // namespace
}  // namespace gazette::store
