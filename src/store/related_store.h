// Candidate lookups for related reading ("You may have missed"). Bound to one Connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/article.h"
#include "store/connection.h"
#include "store/text_query.h"

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
  std::vector<std::pair<std::int64_t, double>> by_text(const TextQuery& text,
                                                       const std::vector<std::int64_t>& frequencies,
                                                       std::int64_t exclude_id, int limit);
  // How many articles contain `word` (a plain word: letters and digits), counting no further than `cap`:
  // anywhere in their text on SQLite, in their headline on PostgreSQL (where counting in whole texts
  // costs a full vector read a match). Either way a measure of how rare the word is.
  std::int64_t document_count(const std::string& word, std::int64_t cap);
  // Publication time when the article is visible at `now`, else nullopt.
  std::optional<std::int64_t> visible_at(std::int64_t article_id, std::int64_t now);
  std::optional<content::Article> summary(std::int64_t article_id);
  std::int64_t article_count();

  // Stored related reading (schema_011): the ids, best first, or nullopt while the article waits for
  // its list to be (re)computed.
  std::optional<std::vector<std::int64_t>> stored(std::int64_t article_id);
  // Replaces the stored list and takes the article off the waiting list. Call inside a Transaction.
  void save(std::int64_t article_id, const std::vector<std::int64_t>& related_ids);
  // Articles waiting for a list: {id, priority} (2 new, 1 edited, 0 backlog), highest priority then
  // newest publication first, at most `limit`, only those of at least `min_priority`.
  std::vector<std::pair<std::int64_t, int>> pending(int limit, int min_priority = 0);
  void enqueue(std::int64_t article_id, int priority, std::int64_t now);
  std::int64_t pending_count();

 private:
  Connection& db_;
};

}  // namespace gazette::store
