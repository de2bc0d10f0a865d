#include "store/article_rows.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "store/media_store.h"

namespace gazette::store {

content::Article article_summary(const Row& r) {
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
  return a;
}

void load_authors(Connection& db, content::Article& a) {
  load_authors(db, std::vector<content::Article*>{&a});
}

void load_authors(Connection& db, std::vector<content::Article>& articles) {
  std::vector<content::Article*> pointers;
  pointers.reserve(articles.size());
  for (auto& a : articles) pointers.push_back(&a);
  load_authors(db, pointers);
}

void load_authors(Connection& db, const std::vector<content::Article*>& articles) {
  if (articles.empty()) return;
  std::unordered_map<std::int64_t, std::vector<content::Article*>> by_id;
  std::vector<std::int64_t> ids;
  for (auto* a : articles) {
    auto& same = by_id[a->id];
    if (same.empty()) ids.push_back(a->id);
    same.push_back(a);
  }
  const std::string list = id_list(ids);
  db.query("article_authors_of_many", {list}, [&](const Row& r) {
    const content::Author author{r.int64(1), r.text(2), r.text(3), r.text(4), r.text(5)};
    for (auto* a : by_id[r.int64(0)]) a->authors.push_back(author);
  });
  // Every loader of whole articles and summaries comes through here, so cards, pages and feeds all
  // have the lead image.
  for (auto& [id, image] : MediaStore(db).lead_images(ids))
    for (auto* a : by_id[id]) a->lead_image = image;
}

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (std::int64_t id : ids) {
    if (!out.empty()) out.push_back(',');
    out += std::to_string(id);
  }
  return out;
}

}  // namespace gazette::store
