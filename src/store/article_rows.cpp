#include "store/article_rows.h"

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
  db.query("article_authors", {a.id}, [&](const Row& r) {
    a.authors.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4)});
  });
  // Every loader of whole articles and summaries comes through here, so cards, pages and feeds all
  // have the lead image (one indexed lookup by primary key).
  a.lead_image = MediaStore(db).lead_image(a.id);
}

}  // namespace gazette::store
