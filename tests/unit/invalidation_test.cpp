// Which cached pages a change makes stale: the names each kind of write records in the change log
// (store), and what the page cache does with them.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <set>
#include <thread>

#include "content/article_service.h"
#include "content/dependencies.h"
#include "content/text.h"
#include "councils/register.h"
#include "councils/tagging.h"
#include "store/change_store.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "store/job_store.h"
#include "test_support.h"
#include "web/page_cache.h"

namespace gazette {
namespace {

using testing::TempDb;
namespace deps = content::deps;

content::ArticleInput story(std::string headline, std::string section, std::vector<std::string> tags) {
  content::ArticleInput in;
  in.headline = std::move(headline);
  in.standfirst = "What the cabinet agreed on Tuesday.";
  in.body_markdown = "The plan goes to full council next month.";
  in.section = std::move(section);
  in.authors = {"Ada Byline"};
  in.tags = std::move(tags);
  in.published_at = content::unix_from_date(2024, 3, 4);
  return in;
}

// Every name recorded after `seq`.
std::set<std::string> names_after(store::Connection& db, std::int64_t seq) {
  std::set<std::string> out;
  for (const auto& c : store::ChangeStore(db).since(seq, 1000)) out.insert(c.names.begin(), c.names.end());
  return out;
}

class ChangeNames : public ::testing::Test {
 protected:
  void SetUp() override {
    store::ContentStore content(t.db());
    content.save_article(story("Old budget story", "Finance", {"Budgets"}), 1);
    old_id = content.last_saved_id();
    content.save_article(story("Another old story", "News", {"Housing"}), 1);
    other_id = content.last_saved_id();
    finance = content.section_by_slug("finance")->id;
    news = content.section_by_slug("news")->id;
    budgets = content.tag_by_slug("budgets")->id;
    housing = content.tag_by_slug("housing")->id;
    seq = store::ChangeStore(t.db()).last_seq();
  }
  TempDb t;
  std::int64_t old_id = 0, other_id = 0, finance = 0, news = 0, budgets = 0, housing = 0, seq = 0;
};

TEST_F(ChangeNames, NewArticleNamesItsListingsHomeAndSitemapButNotOtherArticles) {
  store::ContentStore content(t.db());
  content.save_article(story("New housing story", "News", {"Housing"}), 2);
  const std::int64_t id = content.last_saved_id();
  auto names = names_after(t.db(), seq);
  for (const auto& n : {deps::article(id), deps::section(news), deps::tag(housing), std::string(deps::kLatest),
                        deps::sitemap_bucket_of(id)})
    EXPECT_TRUE(names.count(n)) << n;
  EXPECT_FALSE(names.count(deps::article(old_id)));
  EXPECT_FALSE(names.count(deps::article(other_id)));
  EXPECT_FALSE(names.count(deps::section(finance)));
  EXPECT_FALSE(names.count(deps::tag(budgets)));
  EXPECT_FALSE(names.count(std::string(deps::kJobs)));
}

TEST_F(ChangeNames, TextEditNamesTheArticleButNoListingHead) {
  store::ContentStore content(t.db());
  auto in = story("Old budget story", "Finance", {"Budgets"});
  in.standfirst = "A corrected standfirst.";
  ASSERT_TRUE(content.update_article(old_id, in, 5));
  auto names = names_after(t.db(), seq);
  EXPECT_TRUE(names.count(deps::article(old_id)));
  // Pages listing it depend on the article's own name; the listings' first pages do not change order.
  EXPECT_FALSE(names.count(deps::section(finance)));
  EXPECT_FALSE(names.count(std::string(deps::kLatest)));
  EXPECT_FALSE(names.count(deps::article(other_id)));
}

TEST_F(ChangeNames, SectionChangeNamesTheSectionItJoins) {
  store::ContentStore content(t.db());
  ASSERT_TRUE(content.update_article(old_id, story("Old budget story", "News", {"Budgets", "Housing"}), 5));
  auto names = names_after(t.db(), seq);
  EXPECT_TRUE(names.count(deps::article(old_id)));
  EXPECT_TRUE(names.count(deps::section(news)));
  EXPECT_TRUE(names.count(deps::tag(housing)));
}

TEST_F(ChangeNames, UnpublishNamesEveryListingItWasInAndTheNewestLists) {
  store::ContentStore content(t.db());
  auto in = story("Old budget story", "Finance", {"Budgets"});
  in.status = content::Status::draft;
  ASSERT_TRUE(content.update_article(old_id, in, 5));
  auto names = names_after(t.db(), seq);
  for (const auto& n : {deps::article(old_id), deps::section(finance), deps::tag(budgets), std::string(deps::kLatest)})
    EXPECT_TRUE(names.count(n)) << n;
}

TEST_F(ChangeNames, CouncilRetagNamesTheCouncilsItLeavesAndJoins) {
  councils::sync_builtin_register(t.db());
  store::CouncilStore councils(t.db());
  auto leeds = councils.council_by_slug("leeds-city-council");
  auto york = councils.council_by_slug("north-yorkshire-council");
  ASSERT_TRUE(leeds && york);
  councils.set_article_councils(old_id, {{leeds->gss_code, 1}});
  const std::int64_t before = store::ChangeStore(t.db()).last_seq();
  councils.set_article_councils(old_id, {{york->gss_code, 2}});
  auto names = names_after(t.db(), before);
  EXPECT_TRUE(names.count(deps::council(leeds->id)));
  EXPECT_TRUE(names.count(deps::council(york->id)));
  EXPECT_TRUE(names.count(deps::article(old_id)));
  EXPECT_TRUE(names.count(std::string(deps::kCouncils)));
  EXPECT_FALSE(names.count(deps::article(other_id)));
}

// The newsroom's editing actions (content::ArticleService) name what they change with the same names.
TEST_F(ChangeNames, NewsroomActionsNameWhatTheyChange) {
  content::ArticleService service(t.db());
  const content::ChangedBy by{0, "Ed", ""};
  auto after = [&](const std::function<void()>& write) {
    const std::int64_t before = store::ChangeStore(t.db()).last_seq();
    write();
    return names_after(t.db(), before);
  };
  // A significant update and new SEO fields: the article, and no listing head.
  auto names = after([&] {
    content::EditOptions opt;
    opt.significant = true;
    opt.seo_title = "A search title";
    ASSERT_EQ(service.edit(old_id, story("Old budget story", "Finance", {"Budgets"}), by, opt, 5).status,
              content::WriteStatus::saved);
  });
  EXPECT_TRUE(names.count(deps::article(old_id)));
  EXPECT_FALSE(names.count(std::string(deps::kLatest)));
  EXPECT_FALSE(names.count(deps::article(other_id)));
  // A new address: the article and its listings (their links change).
  names = after([&] {
    content::EditOptions opt;
    opt.slug = "budget-story-moved";
    ASSERT_EQ(service.edit(old_id, story("Old budget story", "Finance", {"Budgets"}), by, opt, 6).status,
              content::WriteStatus::saved);
  });
  for (const auto& n : {deps::article(old_id), deps::section(finance), deps::tag(budgets)})
    EXPECT_TRUE(names.count(n)) << n;
  // The lead story: the home page's name.
  names = after([&] { service.choose_lead(other_id, by, 7); });
  EXPECT_EQ(names, std::set<std::string>{std::string(deps::kLatest)});
  // Unpublish, then bin: every listing it was in, the newest lists, the article.
  names = after([&] { ASSERT_EQ(service.bin(old_id, by, 8).status, content::WriteStatus::saved); });
  for (const auto& n : {deps::article(old_id), deps::section(finance), deps::tag(budgets), std::string(deps::kLatest)})
    EXPECT_TRUE(names.count(n)) << n;
  // Purged 30 days later: the article and its listings.
  names = after([&] { EXPECT_EQ(service.purge_expired(8 + content::kBinSeconds), 1); });
  EXPECT_TRUE(names.count(deps::article(old_id)));
  EXPECT_TRUE(names.count(deps::section(finance)));
  EXPECT_FALSE(store::ContentStore(t.db()).article_by_id(old_id));
}

jobs::Job advert(std::string reference) {
  jobs::Job j;
  j.reference = std::move(reference);
  j.slug = "highways-engineer";
  j.title = "Highways engineer";
  j.employer = "Example District Council";
  j.status = "live";
  j.category = "highways";
  j.category_set_by = "auto";
  j.posted_at = 1000;
  j.updated_at = 1000;
  return j;
}

TEST_F(ChangeNames, AdvertPublishedAndClosedNameTheJobsBoardNotTheNews) {
  store::JobStore jobs(t.db());
  ASSERT_EQ(jobs.save(advert("REF-1"), 0), store::SaveOutcome::added);
  const std::int64_t id = jobs.last_saved_id();
  auto published = names_after(t.db(), seq);
  EXPECT_TRUE(published.count(deps::job(id)));
  EXPECT_TRUE(published.count(std::string(deps::kJobs)));
  EXPECT_TRUE(published.count(std::string(deps::kLatestJobs)));
  EXPECT_FALSE(published.count(std::string(deps::kLatest)));

  const std::int64_t before = store::ChangeStore(t.db()).last_seq();
  EXPECT_TRUE(jobs.close(id, 2000));
  EXPECT_FALSE(jobs.close(id, 2001));  // already closed: nothing to do
  auto closed = names_after(t.db(), before);
  EXPECT_TRUE(closed.count(deps::job(id)));
  EXPECT_TRUE(closed.count(std::string(deps::kJobs)));
  for (const auto& n : closed) EXPECT_FALSE(n.starts_with('a') || n.starts_with('s')) << n;
  // Only the boxes that showed it change (they name it); the latest-jobs box beside every article does not.
  EXPECT_FALSE(closed.count(std::string(deps::kLatestJobs)));
  EXPECT_EQ(store::ChangeStore(t.db()).since(before, 10).size(), 1u);
}

TEST(ChangeLog, ReadersFindGapsLeftByPruning) {
  TempDb t;
  store::ChangeStore log(t.db());
  const std::int64_t first = log.record({"a1"}, 1);
  log.record({"a2", "a2", "s1"}, 2);
  auto all = log.since(0, 10);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].names, (std::vector<std::string>{"a2", "s1"}));  // duplicates dropped
  EXPECT_FALSE(log.gap_after(0));
  t.db().exec("changes_prune", {first});
  EXPECT_FALSE(log.gap_after(first));
  log.record({"a3"}, 3);
  t.db().exec("changes_prune", {first + 1});
  EXPECT_TRUE(log.gap_after(first - 1));  // the reader never saw seq first+1
}

// ---------------------------------------------------------------------------------------- page cache

http::Response page(std::string body, std::vector<std::string> tags, int ttl = 0) {
  http::Response r;
  r.body = std::move(body);
  r.cacheable = true;
  r.cache_tags = std::move(tags);
  r.cache_ttl = ttl;
  return r;
}

TEST(PageCacheInvalidation, OnlyPagesDependingOnAChangedNameGoStale) {
  web::PageCache cache(1000, 64 << 20);
  cache.store("/news/2024/03/04/a", page("article 1", {"a1", "r1", "nav"}), cache.stamp());
  cache.store("/news/2024/03/04/b", page("article 2", {"a2", "r2", "nav"}), cache.stamp());
  cache.store("/news", page("section", {"s1", "a1", "a2", "nav"}), cache.stamp());
  cache.store("/", page("home", {"latest", "a1", "nav"}), cache.stamp());
  cache.store("/jobs", page("board", {"jobs", "nav"}), cache.stamp());

  // A new article 3 in section 1.
  EXPECT_EQ(cache.invalidate({"a3", "s1", "latest"}), 2u);
  EXPECT_TRUE(cache.find("/news").stale());
  EXPECT_TRUE(cache.find("/").stale());
  EXPECT_FALSE(cache.find("/news/2024/03/04/a").stale());
  EXPECT_FALSE(cache.find("/news/2024/03/04/b").stale());
  EXPECT_FALSE(cache.find("/jobs").stale());

  // An edit of article 2: its page and the listing that shows it.
  cache.store("/news", page("section again", {"s1", "a1", "a2", "nav"}), cache.stamp());
  cache.invalidate({"a2"});
  EXPECT_TRUE(cache.find("/news/2024/03/04/b").stale());
  EXPECT_TRUE(cache.find("/news").stale());
  EXPECT_FALSE(cache.find("/news/2024/03/04/a").stale());

  // An advert closing: the board only.
  cache.invalidate({"j9", "jobs"});
  EXPECT_TRUE(cache.find("/jobs").stale());
  EXPECT_FALSE(cache.find("/news/2024/03/04/a").stale());

  cache.invalidate_all();
  EXPECT_TRUE(cache.find("/news/2024/03/04/a").stale());
}

TEST(PageCacheInvalidation, AStalePageIsStillFoundWithItsAgeAndReplacedByItsReRender) {
  web::PageCache cache(1000, 64 << 20);
  cache.store("/", page("old home", {"latest"}), cache.stamp());
  cache.invalidate({"latest"});
  auto hit = cache.find("/");
  ASSERT_TRUE(hit);
  EXPECT_TRUE(hit.stale());
  EXPECT_GE(hit.stale_for_ms, 0);
  EXPECT_EQ(*hit.page->identity, "old home");
  // One re-render at a time.
  EXPECT_TRUE(cache.claim_refresh("/"));
  EXPECT_FALSE(cache.claim_refresh("/"));
  EXPECT_TRUE(cache.find("/").refreshing);
  cache.store("/", page("new home", {"latest"}), cache.stamp());
  hit = cache.find("/");
  EXPECT_FALSE(hit.stale());
  EXPECT_EQ(*hit.page->identity, "new home");
  // A failed re-render releases the claim and keeps the old page.
  cache.invalidate({"latest"});
  EXPECT_TRUE(cache.claim_refresh("/"));
  cache.release_refresh("/");
  EXPECT_EQ(*cache.find("/").page->identity, "new home");
  EXPECT_TRUE(cache.claim_refresh("/"));
}

TEST(PageCacheInvalidation, APageRenderedWhileItsDependencyChangedIsStoredStale) {
  web::PageCache cache(1000, 64 << 20);
  const auto stamp = cache.stamp();  // read before rendering
  cache.invalidate({"a1"});          // a write lands during the render
  cache.store("/a", page("rendered from old data", {"a1"}), stamp);
  EXPECT_TRUE(cache.find("/a").stale());
  const auto stamp2 = cache.stamp();
  cache.invalidate({"a2"});  // unrelated
  cache.store("/b", page("fine", {"a1"}), stamp2);
  EXPECT_FALSE(cache.find("/b").stale());
}

TEST(PageCacheInvalidation, APageWithALifetimeGoesStaleWhenItEnds) {
  web::PageCache cache(1000, 64 << 20);
  cache.store("/news?page=9", page("deep page", {"nav"}, 1), cache.stamp());
  EXPECT_FALSE(cache.find("/news?page=9").stale());
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_TRUE(cache.find("/news?page=9").stale());
}

TEST(PageCacheMemory, BoundedInBytesEvictingTheLeastRecentlyUsed) {
  const std::size_t budget = 16 * 64 * 1024;  // 64 KB per shard
  web::PageCache cache(100000, budget);
  std::string body(4000, 'x');
  for (int i = 0; i < 2000; ++i) {
    body[0] = static_cast<char>('a' + i % 26);
    cache.store("/p" + std::to_string(i), page(body + std::to_string(i), {"a" + std::to_string(i)}), cache.stamp());
    if (i >= 10) cache.find("/p0");  // keep one page in use
  }
  EXPECT_LE(cache.bytes(), budget);
  EXPECT_GT(cache.size(), 50u);    // not emptied
  EXPECT_TRUE(cache.find("/p0"));  // the page in use survives
  EXPECT_TRUE(cache.find("/p1999"));
  // The evicted pages left the dependency index: invalidating them marks nothing.
  EXPECT_EQ(cache.invalidate({"a5"}), 0u);
}

TEST(PageCacheHeaders, PagesNameTheirDependenciesForACdn) {
  web::PageCache cache(1000, 64 << 20);
  auto p = cache.store("/x", page("body", {"s1", "a2"}), cache.stamp());
  http::Request req;
  req.method = "GET";
  auto res = web::PageCache::respond(*p, req, 60, 30);
  auto header = [&](const std::string& n) {
    for (const auto& [k, v] : res.headers)
      if (k == n) return v;
    return std::string();
  };
  EXPECT_EQ(header("Surrogate-Key"), "a2 s1");
  EXPECT_EQ(header("Cache-Tag"), "a2,s1");
  EXPECT_EQ(header("Cache-Control"), "public, max-age=60, stale-while-revalidate=30");
}

}  // namespace
}  // namespace gazette
