// Candidate lookups for related reading ("You may have missed"). Bound to one Connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/article.h"
#include "store/connection.h"

namespace gazette::store {

class RelatedStore {
 public:
  explicit RelatedStore(Connection& db) : db_(db) {}
  // {article id, shared councils}, most shared first.
  std::vector<std::pair<std::int64_t, int>> by_councils(std::int64_t article_id, int limit);
  // Tags two articles share.
  int shared_tags(std::int64_t a, std::int64_t b);
  // {article id, BM25 score (lower is better)} for an FTS5 expression, excluding one article.
  // `frequencies`: each phrase's document count, in order (they weigh rarer words more).
  std::vector<std::pair<std::int64_t, double>> by_text(const std::string& fts, const std::vector<std::int64_t>& frequencies,
                                                       std::int64_t exclude_id, int limit);
  // How many articles contain `word` (a plain word: letters and digits), counting no further than `cap`.
  std::int64_t document_count(const std::string& word, std::int64_t cap);
  // Publication time when the article is visible at `now`, else nullopt.
  std::optional<std::int64_t> visible_at(std::int64_t article_id, std::int64_t now);
  std::optional<content::Article> summary(std::int64_t article_id);
  std::int64_t article_count();

 private:
  Connection& db_;
};

}  // namespace gazette::store
