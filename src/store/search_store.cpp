#include "store/search_store.h"

#include "store/article_rows.h"
#include "store/pg_tsquery.h"
#include "store/sqlite_fts.h"
#include "store/text_match.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <utility>

namespace gazette::store {

namespace {

// The index key is publication time * 2^20 + (id mod 2^20) (schema_006).
constexpr std::int64_t kKeyShift = 1048576;

std::vector<content::Article*> articles_of(std::vector<SearchHit>& hits) {
  std::vector<content::Article*> out;
  out.reserve(hits.size());
  for (auto& h : hits) out.push_back(&h.article);
  return out;
}

// True when a reader's term could match a filter word. Those are all z + s/a/c + digits, so only a
// word starting with "z" can; a letter outside ASCII might fold to "z" (remove_diacritics), so it
// counts too.
bool may_match_filter_words(const TextQuery& query) {
  for (const auto& term : query.terms) {
    bool at_start = true;
    for (char c : term.text) {
      const unsigned char u = static_cast<unsigned char>(c);
      const bool word = std::isalnum(u) || u >= 0x80;
      if (word && at_start && (c == 'z' || c == 'Z' || u >= 0x80)) return true;
      at_start = !word;
    }
  }
  return false;
}

// The reader's words must match in the text columns, so typing a filter word ("zc123") finds nothing
// rather than every article linked to that council. The column filter makes FTS5 decode each match's
// positions (about 1 ms at p95 on 100k articles), so it is added only when a word could match one.
std::string in_text_columns(const SearchFilter& f) {
  const std::string match = sqlite::fts5_match(f.text);
  if (match.empty() || !may_match_filter_words(f.text)) return match;
  return "{headline standfirst body_markdown} : (" + match + ")";
}

// The FTS expression with the filters as words of the facets column (schema_009). Quoted, like the
// reader's words, and ANDed: the index intersects the lists.
std::string expression(const SearchFilter& f) {
  // AND is spelled out: FTS5 does not take an implicit AND after a bracketed expression.
  std::string q = in_text_columns(f);
  auto add = [&q](const char* prefix, std::int64_t id) {
    if (id) q += (q.empty() ? "\"" : " AND \"") + std::string(prefix) + std::to_string(id) + "\"";
  };
  add("zs", f.section_id);
  add("za", f.author_id);
  add("zc", f.council_id);
  return q;
}

// Keys in [lo, hi): published within the filter's dates and by `now`. Empty when lo >= hi.
std::pair<std::int64_t, std::int64_t> key_range(const SearchFilter& f, std::int64_t now) {
  const std::int64_t from = std::max<std::int64_t>(f.from, 0);
  const std::int64_t to = std::min(f.to, now + 1);
  if (to <= from) return {0, 0};
  return {from * kKeyShift, to * kKeyShift};
}

}  // namespace

std::vector<SearchHit> SearchStore::search(const SearchFilter& f, std::int64_t now, int limit, int offset,
                                           std::int64_t* window_total) {
  std::vector<SearchHit> out;
  const auto [lo, hi] = key_range(f, now);
  if (lo >= hi) return out;
  auto add = [&](const Row& r) {
    SearchHit h;
    h.article = article_summary(r);
    h.headline_marked = r.text(12);
    // The standfirst's fragment when the words are in it, else the body's: never the headline again.
    std::string standfirst = r.text(13), body = r.text(14);
    h.snippet_marked =
        standfirst.find('\x02') != std::string::npos || body.find('\x02') == std::string::npos ? standfirst : body;
    if (window_total && !f.by_date) *window_total = r.int64(15);
    out.push_back(std::move(h));
  };
  const std::int64_t lim = limit, off = offset;
  if (is_postgresql(db_)) {
    // tsquery text; the filters are columns and links (sql/postgresql: search_articles_by_*).
    const std::string tsq = text_match(db_, f.text);
    if (f.by_date) {
      db_.query("search_articles_by_date",
                {tsq, lo, hi, lim, off, std::int64_t{f.rank_window}, f.section_id, f.author_id, f.council_id}, add);
    } else {
      // With two or more terms, each term's rank is weighed by its IDF (as gazette_rank does on SQLite).
      std::string terms = "{", weights = "{";
      const std::string idf = idfs(f, now);
      if (!idf.empty()) {
        size_t pos = 0;
        for (const auto& term : f.text.terms) {
          const size_t end = std::min(idf.find(' ', pos), idf.size());
          if (terms.size() > 1) terms += ",", weights += ",";
          terms += pg::array_element(pg::tsquery_term(term));
          weights += idf.substr(pos, end - pos);
          pos = end + 1;
        }
      }
      terms += "}", weights += "}";
      db_.query(
          "search_articles_by_rank",
          {tsq, lo, hi, lim, off, std::int64_t{f.rank_window}, f.section_id, f.author_id, f.council_id, terms, weights},
          add);
    }
    load_authors(db_, articles_of(out));
    return out;
  }
  const std::string fts = expression(f);
  if (f.by_date) {
    db_.query("search_articles_by_date", {fts, lo, hi, lim, off}, add);
  } else {
    const std::string idf = idfs(f, now);
    // A phrase of common words is slow to match: fetch its page row by row instead of re-reading the window.
    const bool phrase =
        std::any_of(f.text.terms.begin(), f.text.terms.end(), [](const TextTerm& t) { return t.phrase(); });
    db_.query(phrase ? "search_articles_by_rank_rowwise" : "search_articles_by_rank",
              {fts, lo, hi, lim, off, std::int64_t{f.rank_window}, idf}, add);
  }
  load_authors(db_, articles_of(out));
  return out;
}

std::int64_t SearchStore::count(const SearchFilter& f, std::int64_t now, std::int64_t cap) {
  const auto [lo, hi] = key_range(f, now);
  if (lo >= hi) return 0;
  if (is_postgresql(db_))
    return db_.scalar("search_articles_count",
                      {text_match(db_, f.text), lo, hi, cap, f.section_id, f.author_id, f.council_id});
  return db_.scalar("search_articles_count", {expression(f), lo, hi, cap});
}

std::string SearchStore::idfs(const SearchFilter& f, std::int64_t now, int sample) {
  if (f.text.terms.size() < 2) return {};
  const auto [lo, hi] = key_range(f, now);
  std::int64_t n = 0, floor = 0;
  db_.query("search_idf_sample", {hi > lo ? hi : (now + 1) * kKeyShift, std::int64_t{sample}}, [&](const Row& r) {
    n = r.int64(0);
    floor = r.is_null(1) ? 0 : r.int64(1);
  });
  // Each term is counted in every column, without the text-columns filter of the search itself: a
  // column filter makes FTS5 decode every match's positions, and a reader's word is not a filter word
  // in any article (if it is one, the search finds nothing and the estimate is unused).
  std::string out;
  for (const auto& term : f.text.terms) {
    std::int64_t df = 0;
    if (n > 0 && is_postgresql(db_))
      df = db_.scalar("search_articles_count",
                      {pg::tsquery_term(term), floor, hi, n, std::int64_t{0}, std::int64_t{0}, std::int64_t{0}});
    else if (n > 0)
      df = db_.scalar("search_articles_count", {sqlite::fts5_term(term), floor, hi, n});
    const double idf = std::log(1.0 + (static_cast<double>(n - df) + 0.5) / (static_cast<double>(df) + 0.5));
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, idf, std::chars_format::fixed, 6);
    if (!out.empty()) out.push_back(' ');
    out.append(buf, ec == std::errc() ? end : buf);
  }
  return out;
}

void SearchStore::check_index() {
  if (is_postgresql(db_)) {
    if (auto wrong = db_.scalar("search_index_check", {}); wrong > 0)
      throw Error("the search index is wrong for " + std::to_string(wrong) + " articles");
    return;
  }
  db_.exec("search_index_check", {});
}

std::int64_t SearchStore::naive_like_search(const std::string& word, std::int64_t now) {
  std::int64_t n = 0;
  db_.query("naive_like_search", {"%" + word + "%", now}, [&](const Row&) { ++n; });
  return n;
}

}  // namespace gazette::store
