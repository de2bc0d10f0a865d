// Full-text search over published articles (weighted headline > standfirst > body; SQLite FTS5).
// Bound to one Connection, so to one thread.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "content/article.h"
#include "store/connection.h"
#include "store/text_query.h"

namespace gazette::store {

struct SearchFilter {
  // The reader's terms (search::parse_query). With two or more, relevance weighs each by an IDF
  // estimated on a sample of recent articles; otherwise they weigh the same.
  TextQuery text;
  std::int64_t section_id = 0, author_id = 0, council_id = 0;
  std::int64_t from = 0;                                       // inclusive, Unix seconds
  std::int64_t to = std::numeric_limits<std::int64_t>::max();  // exclusive
  bool by_date = false;                                        // newest first instead of relevance
  // Relevance ranks the newest `rank_window` matches that pass the filters (see schema_006).
  int rank_window = 2000;
};

struct SearchHit {
  content::Article article;     // summary fields, section and authors
  std::string headline_marked;  // headline with matches between \x02 and \x03
  std::string snippet_marked;   // best-matching fragment, same markers
};

class SearchStore {
 public:
  explicit SearchStore(Connection& db) : db_(db) {}
  // Throws store::Error when the database refuses the query.
  // For relevance, `window_total` (when given) receives how many matches were ranked: the exact number
  // of matches when it is under f.rank_window. Unset when the page is empty.
  std::vector<SearchHit> search(const SearchFilter& f, std::int64_t now, int limit, int offset,
                                std::int64_t* window_total = nullptr);
  // Matches, counting no further than `cap` (returns cap when there are at least that many).
  std::int64_t count(const SearchFilter& f, std::int64_t now, std::int64_t cap);
  // Each term's IDF, ln(1 + (n - df + 0.5) / (df + 0.5)) over the newest `sample` articles below the
  // filter's upper key, space-separated for gazette_rank. Empty with fewer than two terms.
  std::string idfs(const SearchFilter& f, std::int64_t now, int sample = 2000);
  // Throws store::Error when the full-text index does not match the visible articles' text.
  void check_index();
  // The naive baseline for benchmarks: LIKE '%word%' over the three columns, newest first.
  std::int64_t naive_like_search(const std::string& word, std::int64_t now);

 private:
  Connection& db_;
};

}  // namespace gazette::store
