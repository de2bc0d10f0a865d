// The jobs board's search: filters, facet counts, sorting and paging over an in-memory snapshot of
// every advert's filterable fields (about 100 bytes an advert: 50,000 adverts fit in a few MB), so a
// filtered list with facets costs one pass over an array instead of several SQL scans. Keyword
// matching comes from SQLite FTS5 as a list of ids and is intersected here.
//
// A JobIndex is immutable after construction and safe to share between threads; rebuild a new one
// when content changes and swap it in.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/connection.h"
#include "store/job_store.h"

namespace gazette::search {

struct JobQuery {
  std::string category;         // category slug
  std::int64_t council_id = 0;  // the employer's council
  std::int64_t employer_id = 0;
  std::string region;
  std::string contract;        // permanent, fixed-term, ...
  std::string hours;           // full-time, part-time, flexible
  double min_salary = 0;       // annual; adverts without a parsed salary are excluded when set
  int posted_within_days = 0;  // 0: any time
  // newest (strictly by posting time), featured (featured adverts first, then newest, or best match
  // with keywords), closing, salary, relevance (with keywords; newest without)
  std::string sort = "newest";
  int page = 1;
  int page_size = 20;
  bool include_closed = false;  // also closed and filled adverts (never drafts)
};

struct FacetCount {
  std::string value;
  int count = 0;
};

struct JobSearchResult {
  std::vector<std::int64_t> ids;  // this page, in order
  std::int64_t total = 0;
  // category, contract, hours, region: counts over adverts matching every other filter.
  std::unordered_map<std::string, std::vector<FacetCount>> facets;
};

class JobIndex {
 public:
  explicit JobIndex(std::vector<store::JobIndexRow> rows) : rows_(std::move(rows)) {}

  // `keyword_ids`: adverts matching the keywords, best first; nullptr when there are no keywords.
  JobSearchResult search(const JobQuery& q, const std::vector<std::int64_t>* keyword_ids, std::int64_t now) const;

  std::size_t size() const { return rows_.size(); }

 private:
  std::vector<store::JobIndexRow> rows_;
};

// A reader's job search, as the jobs page, its RSS feed and (later) the API and job alerts run it:
// `keywords` as typed (matched by the store's full-text index), the council as typed (a slug, an
// official name, "Maidstone", "Stockport MBC": councils::find_council, as /search takes it), and
// the filters, sort and page in `q`. The result holds the page of ids; `message` says in words for
// the reader why part of the search could not be used. A council that names no council, or more
// than one, matches no advert (council_unknown, with the message "There is no council called ..."
// or "... could be A or B"): never every advert. Keywords that cannot be run match nothing.
struct JobSearch {
  JobSearchResult result;
  std::string message;
  std::string council_name, council_slug;  // the council the filter was understood as
  bool council_unknown = false;
};
JobSearch find_jobs(store::Connection& db, const JobIndex& index, JobQuery q, const std::string& keywords,
                    const std::string& council, std::int64_t now);

}  // namespace gazette::search
