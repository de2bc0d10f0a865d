// The change log (schema_011): writes name what they changed, serving nodes read what changed since
// they last looked. Names are content::deps names. Bound to one Connection, so to one thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/connection.h"

namespace gazette::store {

struct Change {
  std::int64_t seq = 0;
  std::vector<std::string> names;
};

class ChangeStore {
 public:
  explicit ChangeStore(Connection& db) : db_(db) {}

  // Appends one change naming `names` (duplicates removed); call inside the writing Transaction so the
  // change is seen exactly when the write is. Prunes rows more than kKeep changes old. Returns its seq.
  std::int64_t record(std::vector<std::string> names, std::int64_t now);

  // Changes after `seq`, oldest first, at most `limit`.
  std::vector<Change> since(std::int64_t seq, int limit);
  // The newest seq (0 when the log is empty).
  std::int64_t last_seq();
  // The changes with these seqs that are visible now (a watcher's "holes": seqs it passed over).
  std::vector<Change> by_seqs(const std::vector<std::int64_t>& seqs);
  // True when changes after `seq` were pruned before being read: a reader that sees this must treat
  // everything as changed.
  bool gap_after(std::int64_t seq);

  // The names an article's appearance changes: itself, its listings (section, authors, tags,
  // councils), the site-wide newest lists and its sitemap part, as stored now.
  std::vector<std::string> article_names(std::int64_t id);
  // Only the listing names of an article: its section, authors, tags and councils.
  std::vector<std::string> article_links(std::int64_t id);
  // The names an advert's appearance changes: itself (its page and every box or list showing it), the
  // board and its employer's page; a new advert (`added`) also its council's box and the latest-jobs
  // box, which it may join. A closing advert leaves only the boxes that showed it, which name it.
  std::vector<std::string> job_names(std::int64_t id, bool added);

  static constexpr std::int64_t kKeep = 100000;

 private:
  Connection& db_;
};

}  // namespace gazette::store
