// Reads and writes job adverts and employers. Bound to one Connection, so to one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jobs/job.h"
#include "store/connection.h"
#include "store/content_store.h"
#include "store/text_query.h"

namespace gazette::store {

// The fields the in-memory job index needs, one per advert that is not a draft.
struct JobIndexRow {
  std::int64_t id = 0, employer_id = 0, council_id = 0;
  std::string region, category, contract, hours;
  double annual_min = -1, annual_max = -1;    // -1: no parsed salary
  std::int64_t posted_at = 0, closes_at = 0;  // closes_at 0: no closing date
  std::string status;
  bool featured = false;
};

struct Employer {
  std::int64_t id = 0;
  std::string name, slug;
  std::int64_t council_id = 0;
  std::string council_slug, council_name;
};

class JobStore {
 public:
  explicit JobStore(Connection& db) : db_(db) {}

  // Stores a prepared advert unless one with the same reference exists. Call inside a Transaction.
  SaveOutcome save(const jobs::Job& job, std::int64_t council_id);
  std::int64_t last_saved_id() const { return last_saved_id_; }

  std::optional<jobs::Job> by_id(std::int64_t id);
  // The adverts with these ids, in the order given (ids not found are left out): one query.
  std::vector<jobs::Job> by_ids(const std::vector<std::int64_t>& ids);
  std::optional<Employer> employer_by_slug(const std::string& slug);
  std::vector<JobIndexRow> index_rows();
  // Advert ids matching an FTS5 expression. Ranked (best first, live adverts at `now` only) or, when
  // the caller sorts by something else, unranked and including closed adverts.
  std::vector<std::int64_t> keyword_ids(const TextQuery& text, int limit, bool ranked = false, std::int64_t now = 0);
  std::int64_t count();
  std::int64_t live_count(std::int64_t now);
  // The earliest closing time after `now` of a live advert, or 0.
  std::int64_t next_closing(std::int64_t now);
  // Closes a live advert (status 'closed') and names the change. Call inside a Transaction. False when
  // there is no live advert with that id.
  bool close(std::int64_t id, std::int64_t now);
  // Live adverts whose closing time passed in (after, until].
  std::vector<std::int64_t> closing_between(std::int64_t after, std::int64_t until);
  struct SitemapJob {
    std::int64_t id;
    std::string slug;
    std::int64_t updated_at;
  };
  std::vector<SitemapJob> live_for_sitemap(std::int64_t now, int limit, int offset);
  std::vector<std::string> regions();

 private:
  std::int64_t employer_id(const std::string& name, std::int64_t council_id);
  Connection& db_;
  std::int64_t last_saved_id_ = 0;
};

}  // namespace gazette::store
