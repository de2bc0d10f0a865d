// The jobs board's in-memory state shared by pages: the job index (every live advert, for filtered
// search and facets), rebuilt when a change names the jobs board, and the job boxes shown beside
// articles and on council pages, worked out once per version of the index. Thread-safe.
#pragma once

#include <ctemplate/template.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "jobs/job.h"
#include "search/job_search.h"
#include "store/connection.h"

namespace gazette::web {

class JobBoard {
 public:
  // `db` gives the calling thread's connection.
  explicit JobBoard(std::function<store::Connection&()> db) : db_(std::move(db)) {}

  // The index for the current version, built on first use after a change.
  std::shared_ptr<const search::JobIndex> index();
  // Builds the index again from `conn` now (the change watcher, off the request path) and moves to a
  // new version, so job boxes are worked out again. On failure the next index() builds it.
  void rebuild(store::Connection& conn);
  // The version of the index: moves on every rebuild (every write naming `jobs`). Documents built from
  // the index (the job feed) are kept per version.
  std::uint64_t version() const { return version_.load(std::memory_order_acquire); }

  // Adds the JOBS_BOX include (job_box.tpl) to `d`: live jobs of this council (council_id > 0) or
  // of this category (a jobs::categories() slug), headed "Jobs at <council>" or "<Category> jobs"
  // with a link to that search; with neither, or when none is live, the latest jobs under the
  // honest heading "Latest jobs". Nothing when the board has no live advert. Records the page's
  // dependencies on what the box shows (its adverts, and what would add one to it).
  void fill_box(ctemplate::TemplateDictionary* d, std::int64_t council_id, const std::string& council_name,
                const std::string& category);

 private:
  struct Box {
    std::string heading;
    std::string more_url, more_text;  // the link under the list: the whole search the box samples
    std::vector<std::int64_t> ids;
    bool latest = false;
  };
  std::function<store::Connection&()> db_;
  std::atomic<std::uint64_t> version_{1};
  std::mutex index_mutex_;
  std::shared_ptr<const search::JobIndex> index_;
  std::uint64_t index_version_ = 0;
  std::mutex box_mutex_;
  std::unordered_map<std::string, Box> boxes_;
  std::uint64_t box_version_ = 0;
};

// "/jobs?council=Stockport+Metropolitan+Borough+Council": a jobs search with one filter set.
std::string jobs_search_path(const std::string& key, const std::string& value);
// "/jobs/123/senior-planner".
std::string job_path(const jobs::Job& j);
// Fills a job card's fields (title, employer, salary, location, category, dates, closed/featured marks).
void fill_job_card(ctemplate::TemplateDictionary* d, const jobs::Job& j, std::int64_t now);

}  // namespace gazette::web
