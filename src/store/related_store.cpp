#include "store/related_store.h"

namespace gazette::store {

std::vector<std::pair<std::int64_t, int>> RelatedStore::by_councils(std::int64_t article_id, int limit) {
  std::vector<std::pair<std::int64_t, int>> out;
  db_.query("related_by_councils", {article_id, std::int64_t{limit}},
            [&](const Row& r) { out.emplace_back(r.int64(0), static_cast<int>(r.int64(1))); });
  return out;
}

std::vector<std::pair<std::int64_t, int>> RelatedStore::by_tags(std::int64_t article_id, int limit) {
  std::vector<std::pair<std::int64_t, int>> out;
  db_.query("related_by_tags", {article_id, std::int64_t{limit}},
            [&](const Row& r) { out.emplace_back(r.int64(0), static_cast<int>(r.int64(1))); });
  return out;
}

std::vector<std::pair<std::int64_t, double>> RelatedStore::by_text(const std::string& fts, std::int64_t exclude_id,
                                                                   int limit) {
  std::vector<std::pair<std::int64_t, double>> out;
  db_.query("related_by_text", {fts, exclude_id, std::int64_t{limit}}, [&](const Row& r) {
    out.emplace_back(r.int64(0), r.real(1));
  });
  return out;
}

std::int64_t RelatedStore::document_count(const std::string& word) {
  return db_.scalar("term_document_count_near", {word, word.substr(0, 3)}, 0);
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
  db_.query("article_summary_by_id", {article_id}, [&](const Row& r) {
    content::Article a;
    a.id = r.int64(0);
    a.slug = r.text(1);
    a.headline = r.text(2);
    a.standfirst = r.text(3);
    content::parse_status(r.text(4), a.status);
    a.published_at = r.int64(5);
    a.updated_at = r.int64(6);
    a.word_count = static_cast<int>(r.int64(7));
    a.section = {r.int64(8), r.text(9), r.text(10), r.text(11)};
    out = std::move(a);
  });
  if (out)
    db_.query("article_authors", {out->id}, [&](const Row& r) {
      out->authors.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4)});
    });
  return out;
}

std::int64_t RelatedStore::article_count() { return db_.scalar("article_total", {}); }

}  // namespace gazette::store
