// The jobs board's in-memory search (search::JobIndex): what a reader of /jobs sees for a given set of
// filters, sort and page, over hand-built index rows.
#include "search/job_search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace gazette::search {
namespace {

using store::JobIndexRow;
using Ids = std::vector<std::int64_t>;

constexpr std::int64_t kNow = 1'700'000'000;
constexpr std::int64_t kDay = 86400;

struct R {
  std::int64_t id;
  std::string category = "planning";
  std::string contract = "permanent";
  std::string hours = "full-time";
  std::string region = "South East";
  std::int64_t council = 0, employer = 0;
  double annual_min = -1, annual_max = -1;
  std::int64_t posted_days_ago = 1;
  std::int64_t closes_at = 0;
  std::string status = "live";
  bool featured = false;
};

JobIndexRow row(const R& r) {
  JobIndexRow j;
  j.id = r.id;
  j.employer_id = r.employer;
  j.council_id = r.council;
  j.region = r.region;
  j.category = r.category;
  j.contract = r.contract;
  j.hours = r.hours;
  j.annual_min = r.annual_min;
  j.annual_max = r.annual_max;
  j.posted_at = kNow - r.posted_days_ago * kDay;
  j.closes_at = r.closes_at;
  j.status = r.status;
  j.featured = r.featured;
  return j;
}

JobIndex index_of(const std::vector<R>& rs) {
  std::vector<JobIndexRow> rows;
  for (const auto& r : rs) rows.push_back(row(r));
  return JobIndex(std::move(rows));
}

Ids sorted_ids(Ids ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

// The facet as a map value -> count, for order-independent checks.
std::map<std::string, int> facet(const JobSearchResult& res, const std::string& name) {
  std::map<std::string, int> out;
  auto it = res.facets.find(name);
  if (it == res.facets.end()) return out;
  for (const auto& fc : it->second) out[fc.value] = fc.count;
  return out;
}

JobSearchResult run(const JobIndex& index, const JobQuery& q, const Ids* keywords = nullptr) {
  return index.search(q, keywords, kNow);
}

// ---- closed and draft adverts ---------------------------------------------------------------------

TEST(JobSearchLive, ClosedFilledExpiredAndDraftAdvertsNeverAppear) {
  auto index = index_of({
      {.id = 1, .category = "planning"},                            // live, no closing date
      {.id = 2, .category = "planning", .closes_at = kNow + kDay},  // live, closes tomorrow
      {.id = 3, .category = "housing", .status = "closed"},         // closed by hand
      {.id = 4, .category = "housing", .status = "filled"},         // filled
      {.id = 5, .category = "housing", .closes_at = kNow - kDay},   // closing date passed
      {.id = 6, .category = "housing", .closes_at = kNow},          // closes this very second
      {.id = 7, .category = "housing", .status = "draft"},          // never published
      {.id = 8, .category = "waste", .contract = "temporary", .closes_at = kNow + kDay, .status = "draft"},
  });
  auto res = run(index, {});
  EXPECT_EQ(sorted_ids(res.ids), (Ids{1, 2}));
  EXPECT_EQ(res.total, 2);
  // Facets count only the live adverts: no housing or waste entries, no "temporary" contract.
  EXPECT_EQ(facet(res, "category"), (std::map<std::string, int>{{"planning", 2}}));
  EXPECT_EQ(facet(res, "contract"), (std::map<std::string, int>{{"permanent", 2}}));
  EXPECT_EQ(facet(res, "hours"), (std::map<std::string, int>{{"full-time", 2}}));
  EXPECT_EQ(facet(res, "region"), (std::map<std::string, int>{{"South East", 2}}));
}

TEST(JobSearchLive, ClosedAdvertsStayOutOfEveryFilteredViewToo) {
  auto index = index_of({
      {.id = 1, .category = "housing", .annual_min = 40000, .annual_max = 45000},
      {.id = 2, .category = "housing", .annual_min = 50000, .annual_max = 55000, .closes_at = kNow - 60},
      {.id = 3, .category = "housing", .annual_min = 50000, .annual_max = 55000, .status = "filled"},
  });
  JobQuery q;
  q.category = "housing";
  q.min_salary = 30000;
  q.sort = "salary";
  auto res = run(index, q);
  EXPECT_EQ(res.ids, (Ids{1}));
  EXPECT_EQ(facet(res, "category"), (std::map<std::string, int>{{"housing", 1}}));
  // A keyword search that matches the closed adverts best still only finds the live one.
  Ids kw{2, 3, 1};
  q.sort = "relevance";
  EXPECT_EQ(run(index, q, &kw).ids, (Ids{1}));
}

TEST(JobSearchLive, IncludeClosedShowsClosedButNeverDrafts) {
  auto index = index_of({
      {.id = 1, .employer = 9},
      {.id = 2, .employer = 9, .status = "closed"},
      {.id = 3, .employer = 9, .closes_at = kNow - kDay},
      {.id = 4, .employer = 9, .status = "draft"},
  });
  JobQuery q;
  q.employer_id = 9;
  q.include_closed = true;
  EXPECT_EQ(sorted_ids(run(index, q).ids), (Ids{1, 2, 3}));
}

// ---- filters ----------------------------------------------------------------------------------------

// Six live adverts that differ in every filterable field.
std::vector<R> varied() {
  return {
      {.id = 1,
       .category = "planning",
       .contract = "permanent",
       .hours = "full-time",
       .region = "North West",
       .council = 10,
       .employer = 100,
       .annual_min = 30000,
       .annual_max = 35000,
       .posted_days_ago = 1},
      {.id = 2,
       .category = "planning",
       .contract = "fixed-term",
       .hours = "part-time",
       .region = "South East",
       .council = 11,
       .employer = 101,
       .annual_min = 45000,
       .annual_max = 50000,
       .posted_days_ago = 3},
      {.id = 3,
       .category = "highways-transport",
       .contract = "permanent",
       .hours = "full-time",
       .region = "North West",
       .council = 10,
       .employer = 100,
       .posted_days_ago = 10},  // no parsed salary
      {.id = 4,
       .category = "highways-transport",
       .contract = "temporary",
       .hours = "full-time",
       .region = "Yorkshire",
       .council = 12,
       .employer = 102,
       .annual_min = 25000,
       .annual_max = 27000,
       .posted_days_ago = 20},
      {.id = 5,
       .category = "housing",
       .contract = "permanent",
       .hours = "flexible",
       .region = "South East",
       .council = 11,
       .employer = 103,
       .annual_min = 60000,
       .annual_max = 60000,
       .posted_days_ago = 40},
      {.id = 6,
       .category = "finance",
       .contract = "interim",
       .hours = "part-time",
       .region = "Yorkshire",
       .council = 0,
       .employer = 104,
       .annual_min = -1,
       .annual_max = 42000,
       .posted_days_ago = 2},
  };
}

TEST(JobSearchFilters, EachFilterNarrowsToMatchingAdvertsOnly) {
  auto index = index_of(varied());
  auto ids_for = [&](auto set) {
    JobQuery q;
    set(q);
    auto res = run(index, q);
    EXPECT_EQ(res.total, static_cast<std::int64_t>(res.ids.size()));
    return sorted_ids(res.ids);
  };
  EXPECT_EQ(ids_for([](JobQuery& q) { q.category = "planning"; }), (Ids{1, 2}));
  EXPECT_EQ(ids_for([](JobQuery& q) { q.category = "highways-transport"; }), (Ids{3, 4}));
  EXPECT_EQ(ids_for([](JobQuery& q) { q.category = "education"; }), (Ids{}));
  EXPECT_EQ(ids_for([](JobQuery& q) { q.council_id = 10; }), (Ids{1, 3}));
  EXPECT_EQ(ids_for([](JobQuery& q) { q.council_id = 11; }), (Ids{2, 5}));
  EXPECT_EQ(ids_for([](JobQuery& q) { q.employer_id = 102; }), (Ids{4}));
  EXPECT_EQ(ids_for([](JobQuery& q) { q.region = "Yorkshire"; }), (Ids{4, 6}));
  EXPECT_EQ(ids_for([](JobQuery& q) { q.contract = "permanent"; }), (Ids{1, 3, 5}));
  EXPECT_EQ(ids_for([](JobQuery& q) { q.contract = "interim"; }), (Ids{6}));
  EXPECT_EQ(ids_for([](JobQuery& q) { q.hours = "part-time"; }), (Ids{2, 6}));
  EXPECT_EQ(ids_for([](JobQuery& q) { q.hours = "flexible"; }), (Ids{5}));
  EXPECT_EQ(ids_for([](JobQuery& q) { q.posted_within_days = 7; }), (Ids{1, 2, 6}));
  EXPECT_EQ(ids_for([](JobQuery& q) { q.posted_within_days = 30; }), (Ids{1, 2, 3, 4, 6}));
  // Filters combine.
  EXPECT_EQ(ids_for([](JobQuery& q) {
              q.region = "North West";
              q.category = "highways-transport";
            }),
            (Ids{3}));
  EXPECT_EQ(ids_for([](JobQuery& q) {
              q.council_id = 11;
              q.hours = "part-time";
            }),
            (Ids{2}));
}

TEST(JobSearchFilters, MinSalaryExcludesLowerAndUnparsedSalaries) {
  auto index = index_of(varied());
  JobQuery q;
  q.min_salary = 40000;
  // 2 (up to 50k), 5 (60k) and 6 (up to 42k, no minimum) reach 40k; 1 (35k max) and 4 (27k max) do
  // not; 3 has no parsed salary and is excluded once a minimum is set.
  EXPECT_EQ(sorted_ids(run(index, q).ids), (Ids{2, 5, 6}));
  q.min_salary = 50000;
  EXPECT_EQ(sorted_ids(run(index, q).ids), (Ids{2, 5}));
  q.min_salary = 60001;
  EXPECT_EQ(run(index, q).total, 0);
  // Without a minimum, the unparsed advert is listed.
  q.min_salary = 0;
  EXPECT_EQ(run(index, q).total, 6);
}

TEST(JobSearchFilters, MinSalaryAlsoNarrowsEveryFacet) {
  auto index = index_of(varied());
  JobQuery q;
  q.min_salary = 40000;
  auto res = run(index, q);
  EXPECT_EQ(facet(res, "category"), (std::map<std::string, int>{{"planning", 1}, {"housing", 1}, {"finance", 1}}));
  EXPECT_EQ(facet(res, "region"), (std::map<std::string, int>{{"South East", 2}, {"Yorkshire", 1}}));
}

// ---- facets -----------------------------------------------------------------------------------------

TEST(JobSearchFacets, WithoutFiltersFacetsCountEveryLiveAdvert) {
  auto index = index_of(varied());
  auto res = run(index, {});
  EXPECT_EQ(facet(res, "category"),
            (std::map<std::string, int>{{"planning", 2}, {"highways-transport", 2}, {"housing", 1}, {"finance", 1}}));
  EXPECT_EQ(facet(res, "contract"),
            (std::map<std::string, int>{{"permanent", 3}, {"fixed-term", 1}, {"temporary", 1}, {"interim", 1}}));
  EXPECT_EQ(facet(res, "hours"), (std::map<std::string, int>{{"full-time", 3}, {"part-time", 2}, {"flexible", 1}}));
  EXPECT_EQ(facet(res, "region"), (std::map<std::string, int>{{"North West", 2}, {"South East", 2}, {"Yorkshire", 2}}));
}

TEST(JobSearchFacets, SelectedCategoryStillShowsOtherCategoriesWhileOtherFacetsNarrow) {
  auto index = index_of(varied());
  JobQuery q;
  q.category = "planning";
  auto res = run(index, q);
  EXPECT_EQ(sorted_ids(res.ids), (Ids{1, 2}));
  // The category facet ignores its own filter, so readers can see what switching would give...
  EXPECT_EQ(facet(res, "category"),
            (std::map<std::string, int>{{"planning", 2}, {"highways-transport", 2}, {"housing", 1}, {"finance", 1}}));
  // ...while every other facet counts only planning jobs.
  EXPECT_EQ(facet(res, "contract"), (std::map<std::string, int>{{"permanent", 1}, {"fixed-term", 1}}));
  EXPECT_EQ(facet(res, "hours"), (std::map<std::string, int>{{"full-time", 1}, {"part-time", 1}}));
  EXPECT_EQ(facet(res, "region"), (std::map<std::string, int>{{"North West", 1}, {"South East", 1}}));
}

TEST(JobSearchFacets, EachFacetExcludesOnlyItsOwnFilterWhenSeveralAreSet) {
  auto index = index_of(varied());
  JobQuery q;
  q.category = "highways-transport";
  q.contract = "permanent";
  auto res = run(index, q);
  EXPECT_EQ(res.ids, (Ids{3}));
  // category facet: permanent adverts of any category.
  EXPECT_EQ(facet(res, "category"),
            (std::map<std::string, int>{{"planning", 1}, {"highways-transport", 1}, {"housing", 1}}));
  // contract facet: highways adverts of any contract.
  EXPECT_EQ(facet(res, "contract"), (std::map<std::string, int>{{"permanent", 1}, {"temporary", 1}}));
  // hours and region: adverts matching both filters.
  EXPECT_EQ(facet(res, "hours"), (std::map<std::string, int>{{"full-time", 1}}));
  EXPECT_EQ(facet(res, "region"), (std::map<std::string, int>{{"North West", 1}}));
}

TEST(JobSearchFacets, RegionAndHoursFacetsIgnoreTheirOwnFilter) {
  auto index = index_of(varied());
  JobQuery q;
  q.region = "Yorkshire";
  auto res = run(index, q);
  EXPECT_EQ(facet(res, "region"), (std::map<std::string, int>{{"North West", 2}, {"South East", 2}, {"Yorkshire", 2}}));
  EXPECT_EQ(facet(res, "category"), (std::map<std::string, int>{{"highways-transport", 1}, {"finance", 1}}));
  JobQuery h;
  h.hours = "part-time";
  auto hres = run(index, h);
  EXPECT_EQ(facet(hres, "hours"), (std::map<std::string, int>{{"full-time", 3}, {"part-time", 2}, {"flexible", 1}}));
  EXPECT_EQ(facet(hres, "contract"), (std::map<std::string, int>{{"fixed-term", 1}, {"interim", 1}}));
}

TEST(JobSearchFacets, KeywordsNarrowEveryFacet) {
  auto index = index_of(varied());
  Ids kw{4, 5};
  auto res = run(index, {}, &kw);
  EXPECT_EQ(facet(res, "category"), (std::map<std::string, int>{{"highways-transport", 1}, {"housing", 1}}));
  EXPECT_EQ(facet(res, "contract"), (std::map<std::string, int>{{"temporary", 1}, {"permanent", 1}}));
}

TEST(JobSearchFacets, FacetValuesAreListedMostCommonFirstAndEmptyValuesLeftOut) {
  auto index = index_of({
      {.id = 1, .category = "waste"},
      {.id = 2, .category = "housing"},
      {.id = 3, .category = "housing"},
      {.id = 4, .category = ""},  // unclassified advert: listed, but no empty facet link
      {.id = 5, .category = "finance"},
  });
  auto res = run(index, {});
  EXPECT_EQ(res.total, 5);
  const auto& cats = res.facets.at("category");
  ASSERT_EQ(cats.size(), 3u);
  EXPECT_EQ(cats[0].value, "housing");
  EXPECT_EQ(cats[0].count, 2);
  // Ties: alphabetical.
  EXPECT_EQ(cats[1].value, "finance");
  EXPECT_EQ(cats[2].value, "waste");
}

// ---- sorting ----------------------------------------------------------------------------------------

TEST(JobSearchSort, NewestFirstByPostingTime) {
  auto index = index_of(varied());
  EXPECT_EQ(run(index, {}).ids, (Ids{1, 6, 2, 3, 4, 5}));
}

TEST(JobSearchSort, FeaturedAdvertsLeadOnlyTheFeaturedSort) {
  auto index = index_of({
      {.id = 1, .posted_days_ago = 1},
      {.id = 2, .posted_days_ago = 30, .featured = true},
      {.id = 3, .posted_days_ago = 2},
      {.id = 4, .posted_days_ago = 10, .featured = true},
  });
  JobQuery featured;
  featured.sort = "featured";
  EXPECT_EQ(run(index, featured).ids, (Ids{4, 2, 1, 3}));
  // "Newest" means newest: a featured advert never sits above a newer one.
  EXPECT_EQ(run(index, {}).ids, (Ids{1, 3, 4, 2}));
  // A featured advert that has closed does not lead anything.
  auto with_closed = index_of({
      {.id = 1, .posted_days_ago = 1},
      {.id = 2, .posted_days_ago = 30, .closes_at = kNow - 1, .featured = true},
  });
  EXPECT_EQ(run(with_closed, featured).ids, (Ids{1}));
}

TEST(JobSearchSort, ClosingSoonestFirstAndUndatedLast) {
  auto index = index_of({
      {.id = 1, .posted_days_ago = 1, .closes_at = kNow + 10 * kDay},
      {.id = 2, .posted_days_ago = 2},  // no closing date
      {.id = 3, .posted_days_ago = 3, .closes_at = kNow + 2 * kDay},
      {.id = 4, .posted_days_ago = 4, .closes_at = kNow + 5 * kDay},
      {.id = 5, .posted_days_ago = 5, .closes_at = kNow - kDay},  // closed
  });
  JobQuery q;
  q.sort = "closing";
  EXPECT_EQ(run(index, q).ids, (Ids{3, 4, 1, 2}));
}

TEST(JobSearchSort, HighestSalaryFirstAndUnparsedLast) {
  auto index = index_of(varied());
  JobQuery q;
  q.sort = "salary";
  // 5: 60k, 2: 50k, 6: 42k, 1: 35k, 4: 27k, 3: none.
  EXPECT_EQ(run(index, q).ids, (Ids{5, 2, 6, 1, 4, 3}));
}

TEST(JobSearchSort, RelevanceFollowsKeywordOrder) {
  auto index = index_of(varied());
  Ids kw{4, 1, 6, 99, 2};  // 99: not in the index (e.g. a draft); ignored
  JobQuery q;
  q.sort = "relevance";
  auto res = run(index, q, &kw);
  EXPECT_EQ(res.ids, (Ids{4, 1, 6, 2}));
  EXPECT_EQ(res.total, 4);
  // The same keywords with the default sort: newest first.
  EXPECT_EQ(run(index, {}, &kw).ids, (Ids{1, 6, 2, 4}));
}

TEST(JobSearchKeywords, KeywordIdsIntersectWithFilters) {
  auto index = index_of(varied());
  Ids kw{5, 3, 1};
  JobQuery q;
  q.region = "North West";
  q.sort = "relevance";
  EXPECT_EQ(run(index, q, &kw).ids, (Ids{3, 1}));
  // Keywords that match nothing: nothing, not everything.
  Ids none;
  auto empty = run(index, {}, &none);
  EXPECT_TRUE(empty.ids.empty());
  EXPECT_EQ(empty.total, 0);
  EXPECT_TRUE(facet(empty, "category").empty());
  // No keywords (nullptr): everything live.
  EXPECT_EQ(run(index, {}, nullptr).total, 6);
}

// ---- pagination -------------------------------------------------------------------------------------

TEST(JobSearchPaging, PagesFollowTheSortAndBeyondTheEndIsEmptyWithTheRightTotal) {
  std::vector<R> rs;
  for (int i = 1; i <= 7; ++i) rs.push_back({.id = i, .posted_days_ago = i});  // 1 newest ... 7 oldest
  rs.push_back({.id = 50, .status = "closed"});
  auto index = index_of(rs);
  JobQuery q;
  q.page_size = 3;
  q.page = 1;
  auto p1 = run(index, q);
  EXPECT_EQ(p1.ids, (Ids{1, 2, 3}));
  EXPECT_EQ(p1.total, 7);
  q.page = 2;
  auto p2 = run(index, q);
  EXPECT_EQ(p2.ids, (Ids{4, 5, 6}));
  EXPECT_EQ(p2.total, 7);
  q.page = 3;
  auto p3 = run(index, q);
  EXPECT_EQ(p3.ids, (Ids{7}));
  EXPECT_EQ(p3.total, 7);
  q.page = 4;
  auto p4 = run(index, q);
  EXPECT_TRUE(p4.ids.empty());
  EXPECT_EQ(p4.total, 7);
  // Facets are over every match, not just the page.
  EXPECT_EQ(facet(p4, "category"), (std::map<std::string, int>{{"planning", 7}}));
}

TEST(JobSearchPaging, SecondPageOfSalarySortContinuesTheOrder) {
  auto index = index_of(varied());
  JobQuery q;
  q.sort = "salary";
  q.page_size = 4;
  q.page = 2;
  auto res = run(index, q);
  EXPECT_EQ(res.ids, (Ids{4, 3}));
  EXPECT_EQ(res.total, 6);
}

}  // namespace
}  // namespace gazette::search
