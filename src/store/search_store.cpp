#include "store/search_store.h"

#include "store/article_rows.h"

namespace gazette::store {

std::vector<SearchHit> SearchStore::search(const SearchFilter& f, std::int64_t now, int limit, int offset,
                                           std::int64_t* window_total) {
  std::vector<SearchHit> out;
  auto add = [&](const Row& r) {
    SearchHit h;
    h.article = article_summary(r);
    h.headline_marked = r.text(12);
    // The standfirst's fragment when the words are in it, else the body's: never the headline again.
    std::string standfirst = r.text(13), body = r.text(14);
    h.snippet_marked = standfirst.find('\x02') != std::string::npos || body.find('\x02') == std::string::npos ? standfirst : body;
    if (window_total && !f.by_date) *window_total = r.int64(15);
    out.push_back(std::move(h));
  };
  const std::int64_t lim = limit, off = offset;
  if (f.by_date)
    db_.query("search_articles_by_date", {f.fts, now, f.section_id, f.author_id, f.council_id, f.from, f.to, lim, off}, add);
  else
    db_.query("search_articles_by_rank",
              {f.fts, now, f.section_id, f.author_id, f.council_id, f.from, f.to, lim, off, std::int64_t{f.rank_window}},
              add);
  for (auto& h : out) load_authors(db_, h.article);
  return out;
}

std::int64_t SearchStore::count(const SearchFilter& f, std::int64_t now, std::int64_t cap) {
  return db_.scalar("search_articles_count", {f.fts, now, f.section_id, f.author_id, f.council_id, f.from, f.to, cap});
}

std::int64_t SearchStore::naive_like_search(const std::string& word, std::int64_t now) {
  std::int64_t n = 0;
  db_.query("naive_like_search", {"%" + word + "%", now}, [&](const Row&) { ++n; });
  return n;
}

}  // namespace gazette::store
