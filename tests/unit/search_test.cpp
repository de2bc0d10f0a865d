// Article search (search::run_search over store::SearchStore): ranking, filters as index words, drafts
// kept out of the index, and council links that change after an article is first indexed.
#include "search/search.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "content/article_service.h"
#include "content/text.h"
#include "councils/tagging.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "test_support.h"

namespace gazette::search {
namespace {

using gazette::testing::TempDb;

const std::int64_t kNow = content::unix_from_date(2025, 6, 1);

content::ArticleInput article(const std::string& headline, const std::string& body, int day,
                              std::vector<std::string> authors = {"Ann Writer"}, const std::string& section = "News") {
  content::ArticleInput in;
  in.headline = headline;
  in.standfirst = "A standfirst about nothing in particular.";
  in.body_markdown = body;
  in.section = section;
  in.authors = std::move(authors);
  in.published_at = content::unix_from_date(2025, 1, day);
  return in;
}

std::vector<std::string> headlines(const SearchResponse& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.article.headline);
  return out;
}

SearchResponse find(store::Connection& db, const std::string& q, const std::string& council = "",
                    const std::string& author = "", const std::string& section = "") {
  SearchRequest req;
  req.q = q;
  req.council = council;
  req.author = author;
  req.section = section;
  return run_search(db, req, kNow);
}

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Transaction tx(t.db());
    councils::sync_builtin_register(t.db());
    tx.commit();
  }
  void save(content::ArticleInput in) {
    store::Transaction tx(t.db());
    store::ContentStore(t.db()).save_article(in, kNow);
    tx.commit();
  }
  TempDb t;
};

TEST_F(SearchTest, HeadlineMatchOutranksBodyMatchAndNewerBodyMatch) {
  save(article("Quarterly figures for the borough", "The council discussed allotments at length.", 1));
  save(article("Allotments waiting list grows", "Residents queue for plots.", 2));
  save(article("Budget round-up", "A late item on allotments closed the meeting.", 3));
  auto r = find(t.db(), "allotments");
  ASSERT_EQ(r.hits.size(), 3u);
  EXPECT_EQ(r.hits[0].article.headline, "Allotments waiting list grows");
  EXPECT_NE(r.hits[0].headline_marked.find('\x02'), std::string::npos) << "the headline match is highlighted";
}

TEST_F(SearchTest, RareWordWeighsMoreThanCommonWordInATwoWordQuery) {
  // "drainage" is in every article; "culvert" in two. Each of the two says one word three times. The
  // article leaning on the rare word must win, although the other is newer (ties go to the newer).
  for (int i = 0; i < 20; ++i)
    save(article("Routine item " + std::to_string(i), "Drainage works are on the agenda again.", 1 + i % 5));
  save(article("Report one", "Drainage drainage drainage, and one culvert.", 10));
  save(article("Report two", "Drainage and a culvert, culvert, culvert.", 9));
  auto r = find(t.db(), "culvert drainage");
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(headlines(r), (std::vector<std::string>{"Report two", "Report one"}));
}

TEST_F(SearchTest, DraftsAreNeverFound) {
  auto draft = article("Unpublished scoop on bins", "Bins everywhere.", 4);
  draft.status = content::Status::draft;
  save(draft);
  save(article("Published piece on bins", "Bins again.", 5));
  auto r = find(t.db(), "bins");
  EXPECT_EQ(headlines(r), std::vector<std::string>{"Published piece on bins"});
  SearchRequest by_date;
  by_date.q = "bins";
  by_date.sort = "date";
  EXPECT_EQ(run_search(t.db(), by_date, kNow).total, 1);
}

TEST_F(SearchTest, FiltersBySectionAuthorAndCouncil) {
  auto a = article("Wigan Council sets out its parking plans", "Parking charges rise.", 6, {"Ann Writer"});
  a.councils = councils::detect_mentions(a.headline, a.standfirst, a.body_markdown);
  ASSERT_EQ(a.councils.size(), 1u);
  save(a);
  save(article("Parking in the suburbs", "Parking is free on Sundays.", 7, {"Bob Reporter"}, "Features"));
  EXPECT_EQ(find(t.db(), "parking").hits.size(), 2u);
  EXPECT_EQ(headlines(find(t.db(), "parking", "wigan-metropolitan-borough-council")),
            std::vector<std::string>{"Wigan Council sets out its parking plans"});
  EXPECT_EQ(headlines(find(t.db(), "parking", "", "bob-reporter")), std::vector<std::string>{"Parking in the suburbs"});
  EXPECT_EQ(headlines(find(t.db(), "parking", "", "", "features")), std::vector<std::string>{"Parking in the suburbs"});
  EXPECT_TRUE(find(t.db(), "parking", "", "bob-reporter", "news").hits.empty());
}

TEST_F(SearchTest, TypedFilterWordsMatchNothing) {
  auto a = article("Wigan Council reviews its bus lanes", "Bus lanes are reviewed.", 6);
  a.councils = councils::detect_mentions(a.headline, a.standfirst, a.body_markdown);
  save(a);
  const std::int64_t council = store::CouncilStore(t.db()).id_by_gss(a.councils.at(0).first);
  const std::int64_t section = store::ContentStore(t.db()).section_by_slug("news")->id;
  ASSERT_EQ(find(t.db(), "bus", "wigan-metropolitan-borough-council").hits.size(), 1u);
  for (const std::string& typed :
       std::vector<std::string>{"zc" + std::to_string(council), "zs" + std::to_string(section), "zc*", "bus zc*",
                                "\u017Ec" + std::to_string(council), "\"ZC" + std::to_string(council) + "\""})
    EXPECT_TRUE(find(t.db(), typed).hits.empty()) << typed;
  save(article("Zebra crossing for the bus station", "Buses and zebras.", 7));
  EXPECT_EQ(find(t.db(), "zebra").hits.size(), 1u) << "ordinary words starting with z are still found";
}

TEST_F(SearchTest, FindCouncilTakesWhatReadersType) {
  std::string ambiguous;
  auto name = [&](const std::string& typed) {
    auto c = councils::find_council(t.db(), typed, ambiguous);
    return c ? c->official_name : std::string("(none)");
  };
  EXPECT_EQ(name("wigan-metropolitan-borough-council"), "Wigan Metropolitan Borough Council");
  EXPECT_EQ(name("Wigan Metropolitan Borough Council"), "Wigan Metropolitan Borough Council");
  EXPECT_EQ(name("Wigan Council"), "Wigan Metropolitan Borough Council");
  EXPECT_EQ(name("wigan"), "Wigan Metropolitan Borough Council");
  EXPECT_EQ(name("Newham"), "London Borough of Newham");
  EXPECT_EQ(name("Edinburgh"), "The City of Edinburgh Council");
  EXPECT_EQ(name("Atlantis"), "(none)");
  EXPECT_TRUE(ambiguous.empty());
  EXPECT_EQ(name("North"), "(none)");
  EXPECT_NE(ambiguous.find(" or "), std::string::npos) << ambiguous;
  EXPECT_EQ(name(""), "(none)");
  EXPECT_EQ(name(std::string(300, 'x')), "(none)");
}

TEST_F(SearchTest, CouncilFilterFollowsRetagging) {
  save(article("Depot closure consulted on", "Officers propose closing the depot.", 8));
  auto before = find(t.db(), "depot", "wigan-metropolitan-borough-council");
  EXPECT_TRUE(before.hits.empty());
  const std::int64_t id = find(t.db(), "depot").hits.at(0).article.id;
  {
    store::Transaction tx(t.db());
    councils::tag_article(t.db(), id, "Depot closure consulted on", "",
                          "Wigan Council officers propose closing the depot.");
    tx.commit();
  }
  EXPECT_EQ(find(t.db(), "depot", "wigan-metropolitan-borough-council").hits.size(), 1u);
  {
    store::Transaction tx(t.db());
    councils::tag_article(t.db(), id, "Depot closure consulted on", "", "No council named here.");
    tx.commit();
  }
  EXPECT_TRUE(find(t.db(), "depot", "wigan-metropolitan-borough-council").hits.empty());
  EXPECT_EQ(find(t.db(), "depot").hits.size(), 1u) << "retagging keeps the article searchable";
  EXPECT_NO_THROW(store::SearchStore(t.db()).check_index());
}

TEST_F(SearchTest, PhrasesMatchWordsInOrderAndRankAWindowOfTheirOwn) {
  save(article("Local plan adopted", "The local plan is adopted.", 11));
  save(article("Plan for local roads", "A plan, local in scope.", 12));
  auto r = find(t.db(), "\"local plan\"");
  EXPECT_EQ(headlines(r), std::vector<std::string>{"Local plan adopted"});
  EXPECT_EQ(rank_window(r.query), kPhraseRankWindow);
  EXPECT_EQ(rank_window(parse_query("local plan")), kRankWindow);
}

}  // namespace
TEST_F(SearchTest, AnEditRetagsCouncilsAndReindexesTheArticle) {
  auto edit = [&](std::int64_t article_id, const content::ArticleInput& input) {
    return content::ArticleService(t.db())
        .edit(article_id, input, content::ChangedBy{}, content::EditOptions{}, kNow)
        .status;
  };
  auto in = article("Library hours cut", "Wigan Council will close two libraries on Mondays.", 13);
  in.councils = councils::detect_mentions(in.headline, in.standfirst, in.body_markdown);
  save(in);
  const std::int64_t id = find(t.db(), "libraries").hits.at(0).article.id;
  const std::string slug = find(t.db(), "libraries").hits.at(0).article.slug;
  EXPECT_EQ(find(t.db(), "libraries", "wigan-metropolitan-borough-council").hits.size(), 1u);

  in.body_markdown = "Stockport MBC will close two branch libraries on Mondays.";
  {
    store::Transaction tx(t.db());
    ASSERT_EQ(edit(id, in), content::WriteStatus::saved);
    tx.commit();
  }
  EXPECT_TRUE(find(t.db(), "libraries", "wigan-metropolitan-borough-council").hits.empty());
  auto now_stockport = find(t.db(), "branch", "stockport-metropolitan-borough-council");
  ASSERT_EQ(now_stockport.hits.size(), 1u) << "the new text is indexed with the new council";
  EXPECT_EQ(now_stockport.hits[0].article.slug, slug) << "an edit keeps the article's address";
  auto councils = store::CouncilStore(t.db()).for_article(id);
  ASSERT_EQ(councils.size(), 1u);
  EXPECT_EQ(councils[0].slug, "stockport-metropolitan-borough-council");

  in.status = content::Status::draft;
  {
    store::Transaction tx(t.db());
    ASSERT_EQ(edit(id, in), content::WriteStatus::saved);
    tx.commit();
  }
  EXPECT_TRUE(find(t.db(), "branch").hits.empty()) << "unpublishing takes it out of search";
  EXPECT_NO_THROW(store::SearchStore(t.db()).check_index()) << "the index matches the text after edits";
  store::Transaction tx(t.db());
  EXPECT_EQ(edit(id + 1000, in), content::WriteStatus::not_found);
}

}  // namespace gazette::search
