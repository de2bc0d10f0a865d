#include "store/search_store.h"

namespace gazette::store {

std::vector<SearchHit> SearchStore::search(const SearchFilter& f, std::int64_t now, int limit, int offset) {
  std::vector<SearchHit> out;
  auto add = [&](const Row& r) {
    SearchHit h;
    auto& a = h.article;
    a.id = r.int64(0);
    a.slug = r.text(1);
    a.headline = r.text(2);
    a.standfirst = r.text(3);
    content::parse_status(r.text(4), a.status);
    a.published_at = r.int64(5);
    a.updated_at = r.int64(6);
    a.word_count = static_cast<int>(r.int64(7));
    a.section = {r.int64(8), r.text(9), r.text(10), r.text(11)};
    h.headline_marked = r.text(12);
    // The standfirst's fragment when the words are in it, else the body's: never the headline again.
    std::string standfirst = r.text(13), body = r.text(14);
    h.snippet_marked = standfirst.find('\x02') != std::string::npos || body.find('\x02') == std::string::npos ? standfirst : body;
    out.push_back(std::move(h));
  };
  const std::int64_t lim = limit, off = offset;
  if (f.by_date)
    db_.query("search_articles_by_date", {f.fts, now, f.section_id, f.author_id, f.council_id, f.from, f.to, lim, off}, add);
  else
    db_.query("search_articles_by_rank",
              {f.fts, now, f.section_id, f.author_id, f.council_id, f.from, f.to, lim, off, std::int64_t{f.rank_window}},
              add);
  for (auto& h : out)
    db_.query("article_authors", {h.article.id}, [&](const Row& r) {
      h.article.authors.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4)});
    });
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
