#include "store/related_store.h"

#include "store/text_match.h"

#include "store/article_rows.h"

namespace gazette::store {

std::vector<std::pair<std::int64_t, int>> RelatedStore::by_councils(std::int64_t article_id, int limit) {
  std::vector<std::pair<std::int64_t, int>> out;
  db_.query("related_by_councils", {article_id, std::int64_t{limit}},
            [&](const Row& r) { out.emplace_back(r.int64(0), static_cast<int>(r.int64(1))); });
  return out;
}

int RelatedStore::shared_tags(std::int64_t a, std::int64_t b) {
  return static_cast<int>(db_.scalar("shared_tag_count", {a, b}, 0));
}

std::vector<std::pair<std::int64_t, double>> RelatedStore::by_text(const TextQuery& text,
                                                                   const std::vector<std::int64_t>& frequencies,
                                                                   std::int64_t exclude_id, int limit) {
  std::vector<std::pair<std::int64_t, double>> out;
  std::string df = "df";
  for (auto n : frequencies) df += " " + std::to_string(n);
  auto add = [&](const Row& r) { out.emplace_back(r.int64(0), r.real(1)); };
  // PostgreSQL's ts_rank weighs the terms itself: no document frequencies.
  if (is_postgresql(db_))
    db_.query("related_by_text", {text_match(db_, text), exclude_id, std::int64_t{limit}}, add);
  else
    db_.query("related_by_text", {text_match(db_, text), exclude_id, std::int64_t{limit}, df}, add);
  return out;
}

std::int64_t RelatedStore::document_count(const std::string& word, std::int64_t cap) {
  return db_.scalar("term_document_count_capped", {text_term(db_, {word}), cap}, 0);
}

std::optional<std::int64_t> RelatedStore::visible_at(std::int64_t article_id, std::int64_t now) {
  std::optional<std::int64_t> out;
  db_.query("article_visibility", {article_id}, [&](const Row& r) {
    if (r.text(0) != "draft" && r.int64(1) <= now) out = r.int64(1);
  });
  return out;
}

std::optional<content::Article> RelatedStore::summary(std::int64_t article_id) {
  std::optional<content::Article> out;
  db_.query("article_summary_by_id", {article_id}, [&](const Row& r) { out = article_summary(r); });
  if (out) load_authors(db_, *out);
  return out;
}

std::int64_t RelatedStore::article_count() {
  return db_.scalar("article_total", {});
}

std::optional<std::vector<std::int64_t>> RelatedStore::stored(std::int64_t article_id) {
  if (db_.scalar("related_done", {article_id}, 0) == 0) return std::nullopt;
  std::vector<std::int64_t> ids;
  db_.query("related_ids", {article_id}, [&](const Row& r) { ids.push_back(r.int64(0)); });
  return ids;
}

void RelatedStore::save(std::int64_t article_id, const std::vector<std::int64_t>& related_ids) {
  db_.exec("related_clear", {article_id});
  std::int64_t position = 0;
  for (std::int64_t id : related_ids) db_.exec("related_insert", {article_id, position++, id});
  db_.exec("related_pending_done", {article_id});
}

std::vector<std::pair<std::int64_t, int>> RelatedStore::pending(int limit, int min_priority) {
  std::vector<std::pair<std::int64_t, int>> out;
  db_.query("related_pending_next", {std::int64_t{limit}, std::int64_t{min_priority}},
            [&](const Row& r) { out.emplace_back(r.int64(0), static_cast<int>(r.int64(1))); });
  return out;
}

void RelatedStore::enqueue(std::int64_t article_id, int priority, std::int64_t now) {
  db_.exec("related_pending_add", {article_id, std::int64_t{priority}, now});
}

std::int64_t RelatedStore::pending_count() {
  return db_.scalar("related_pending_count", {}, 0);
}

}  // namespace gazette::store
