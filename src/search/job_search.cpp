#include "search/job_search.h"

#include "councils/tagging.h"
#include "search/query.h"
#include "store/council_store.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>

namespace gazette::search {
namespace {

// One bit per facetable filter; a row that fails only its own facet's filter still counts in that
// facet, so readers see how many adverts each other choice would give.
enum : unsigned { kCategory = 1, kContract = 2, kHours = 4, kRegion = 8, kOther = 16 };

std::vector<FacetCount> sorted(const std::map<std::string, int>& counts) {
  std::vector<FacetCount> out;
  for (const auto& [v, n] : counts)
    if (!v.empty()) out.push_back({v, n});
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.count != b.count ? a.count > b.count : a.value < b.value; });
  return out;
}

}  // namespace

JobSearchResult JobIndex::search(const JobQuery& q, const std::vector<std::int64_t>* keyword_ids,
                                 std::int64_t now) const {
  std::unordered_map<std::int64_t, std::size_t> keyword_rank;
  if (keyword_ids) {
    keyword_rank.reserve(keyword_ids->size());
    for (std::size_t i = 0; i < keyword_ids->size(); ++i) keyword_rank.emplace((*keyword_ids)[i], i);
  }
  const std::int64_t posted_after = q.posted_within_days > 0 ? now - std::int64_t{q.posted_within_days} * 86400 : 0;
  std::map<std::string, int> by_category, by_contract, by_hours, by_region;
  std::vector<const store::JobIndexRow*> matches;
  for (const auto& r : rows_) {
    unsigned fails = 0;
    bool live = r.status == "live" && (r.closes_at == 0 || r.closes_at > now);
    if (!live && !(q.include_closed && r.status != "draft")) fails |= kOther;
    if (keyword_ids && !keyword_rank.count(r.id)) fails |= kOther;
    if (q.council_id && r.council_id != q.council_id) fails |= kOther;
    if (q.employer_id && r.employer_id != q.employer_id) fails |= kOther;
    if (q.min_salary > 0 && r.annual_max < q.min_salary && r.annual_min < q.min_salary) fails |= kOther;
    if (posted_after && r.posted_at < posted_after) fails |= kOther;
    if (!q.category.empty() && r.category != q.category) fails |= kCategory;
    if (!q.contract.empty() && r.contract != q.contract) fails |= kContract;
    if (!q.hours.empty() && r.hours != q.hours) fails |= kHours;
    if (!q.region.empty() && r.region != q.region) fails |= kRegion;
    if ((fails & ~kCategory) == 0) ++by_category[r.category];
    if ((fails & ~kContract) == 0) ++by_contract[r.contract];
    if ((fails & ~kHours) == 0) ++by_hours[r.hours];
    if ((fails & ~kRegion) == 0) ++by_region[r.region];
    if (fails == 0) matches.push_back(&r);
  }
  auto newest = [](const store::JobIndexRow* a, const store::JobIndexRow* b) {
    return a->posted_at != b->posted_at ? a->posted_at > b->posted_at : a->id > b->id;
  };
  std::function<bool(const store::JobIndexRow*, const store::JobIndexRow*)> order = newest;
  if (q.sort == "closing") {
    order = [&](const auto* a, const auto* b) {
      std::int64_t ca = a->closes_at ? a->closes_at : INT64_MAX, cb = b->closes_at ? b->closes_at : INT64_MAX;
      return ca != cb ? ca < cb : newest(a, b);
    };
  } else if (q.sort == "salary") {
    order = [&](const auto* a, const auto* b) {
      double sa = std::max(a->annual_max, a->annual_min), sb = std::max(b->annual_max, b->annual_min);
      return sa != sb ? sa > sb : newest(a, b);
    };
  } else if ((q.sort == "relevance" || q.sort == "featured") && keyword_ids) {
    order = [&](const auto* a, const auto* b) { return keyword_rank.at(a->id) < keyword_rank.at(b->id); };
  }
  // Featured adverts lead under "featured" (the listing's default without keywords, as publishers
  // sell them); "newest" is strictly by posting time.
  if (q.sort == "featured") {
    auto base = order;
    order = [base](const auto* a, const auto* b) { return a->featured != b->featured ? a->featured : base(a, b); };
  }
  JobSearchResult out;
  out.total = static_cast<std::int64_t>(matches.size());
  const std::size_t begin = static_cast<std::size_t>(std::max(0, q.page - 1)) * static_cast<std::size_t>(q.page_size);
  if (begin < matches.size()) {
    const std::size_t end = std::min(matches.size(), begin + static_cast<std::size_t>(q.page_size));
    std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(end), matches.end(), order);
    for (std::size_t i = begin; i < end; ++i) out.ids.push_back(matches[i]->id);
  }
  out.facets["category"] = sorted(by_category);
  out.facets["contract"] = sorted(by_contract);
  out.facets["hours"] = sorted(by_hours);
  out.facets["region"] = sorted(by_region);
  return out;
}

JobSearch find_jobs(store::Connection& db, const JobIndex& index, JobQuery q, const std::string& keywords,
                    const std::string& council, std::int64_t now) {
  JobSearch out;
  if (!council.empty()) {
    std::string ambiguous;
    if (auto c = councils::find_council(db, council, ambiguous)) {
      q.council_id = c->id;
      out.council_name = c->official_name;
      out.council_slug = c->slug;
    } else {
      // A council the reader named but we cannot tell: no adverts, never every advert.
      out.message = ambiguous.empty() ? "There is no council called \"" + council + "\"."
                                      : "\"" + council + "\" could be " + ambiguous + ": type more of the name.";
      out.council_unknown = true;
      return out;
    }
  }
  std::vector<std::int64_t> keyword_ids;
  const auto parsed = parse_query(keywords);
  const bool use_keywords = !parsed.text.empty();
  if (use_keywords) {
    try {
      keyword_ids = store::JobStore(db).keyword_ids(parsed.text, 100000, q.sort == "relevance", now);
    } catch (const store::Error&) {
      out.message = "That search could not be run; try simpler words.";  // and it matches nothing
    }
  }
  out.result = index.search(q, use_keywords ? &keyword_ids : nullptr, now);
  return out;
}

}  // namespace gazette::search
