#include "search/search.h"

#include <algorithm>
#include <charconv>

#include "content/text.h"
#include "councils/tagging.h"
#include "store/content_store.h"
#include "store/council_store.h"

namespace gazette::search {
namespace {

// Parses YYYY-MM-DD; returns -1 when it is not a real date.
std::int64_t parse_day(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return -1;
  int y = 0, m = 0, d = 0;
  auto num = [&](size_t at, size_t len, int& out) {
    auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + len, out);
    return ec == std::errc() && p == s.data() + at + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return -1;
  return content::unix_from_date(y, m, d);
}

// A search with filters but no words: the articles of the one section, author or council, newest
// first (their listing), so a council-only search shows that council's articles. Dates or several
// filters together need words, and the message says so.
SearchResponse browse(store::ContentStore& content, const SearchRequest& req, const store::SearchFilter& f,
                      std::int64_t now, SearchResponse res) {
  const int filters = (f.section_id ? 1 : 0) + (f.author_id ? 1 : 0) + (f.council_id ? 1 : 0);
  if (filters != 1 || !req.from.empty() || !req.to.empty()) {
    res.message = "Type a word or phrase to search for within these filters.";
    return res;
  }
  store::ArticleFilter af;
  af.section_id = f.section_id;
  af.author_id = f.author_id;
  af.council_id = f.council_id;
  try {
    res.total = content.count(af, now);
    res.pages = (res.total + req.page_size - 1) / req.page_size;
    if (res.total > 0 && req.page <= res.pages)
      for (auto& a : content.list(af, now, req.page_size, (req.page - 1) * req.page_size)) {
        store::SearchHit hit;
        hit.headline_marked = a.headline;
        hit.snippet_marked = a.standfirst;
        hit.article = std::move(a);
        res.hits.push_back(std::move(hit));
      }
  } catch (const store::Error&) {
    res.message = "That search could not be run.";
    res.total = res.pages = 0;
    res.hits.clear();
    return res;
  }
  res.browsing = true;
  res.message = res.total == 0 ? "No articles have been published about this yet."
                               : "Every article, newest first. Type words to search within them.";
  return res;
}

}  // namespace

int rank_window(const ParsedQuery& q) {
  for (const auto& t : q.terms)
    if (t.find(' ') != std::string::npos) return kPhraseRankWindow;
  return kRankWindow;
}

SearchResponse run_search(store::Connection& db, const SearchRequest& req, std::int64_t now) {
  SearchResponse res;
  res.query = parse_query(req.q);
  const bool any_filter =
      !req.section.empty() || !req.author.empty() || !req.council.empty() || !req.from.empty() || !req.to.empty();
  if (res.query.text.empty() && !any_filter) {
    res.message = req.q.empty() ? "" : "Type a word or phrase to search for.";
    return res;
  }
  store::SearchFilter f;
  f.text = res.query.text;
  f.by_date = req.sort == "date";
  store::ContentStore content(db);
  if (!req.section.empty()) {
    auto s = content.section_by_slug(req.section);
    if (!s) {
      res.message = "There is no section called \"" + req.section + "\".";
      return res;
    }
    f.section_id = s->id;
  }
  if (!req.author.empty()) {
    auto a = content.author_by_slug(req.author);
    if (!a) a = content.author_by_slug(content::slugify(req.author));  // a name as typed: "Ann Writer"
    if (!a) {
      res.message = "There is no author called \"" + req.author + "\".";
      return res;
    }
    f.author_id = a->id;
    res.author_name = a->name;
  }
  if (!req.council.empty()) {
    std::string ambiguous;
    auto c = councils::find_council(db, req.council, ambiguous);
    if (!c) {
      res.message = ambiguous.empty() ? "There is no council called \"" + req.council + "\"."
                                      : "\"" + req.council + "\" could be " + ambiguous + ": type more of the name.";
      return res;
    }
    f.council_id = c->id;
    res.council_name = c->official_name;
  }
  if (!req.from.empty()) {
    f.from = parse_day(req.from);
    if (f.from < 0) {
      res.message = "The 'from' date must look like 2022-05-19.";
      return res;
    }
  }
  if (!req.to.empty()) {
    std::int64_t to = parse_day(req.to);
    if (to < 0) {
      res.message = "The 'to' date must look like 2022-05-19.";
      return res;
    }
    f.to = to + 86400;
  }
  if (res.query.text.empty()) return browse(content, req, f, now, std::move(res));
  try {
    store::SearchStore search(db);
    f.rank_window = rank_window(res.query);
    const int offset = (req.page - 1) * req.page_size;
    if (f.by_date) {
      // Date order pages through every match: count them (up to the cap) for the pagination.
      const std::int64_t counted = search.count(f, now, kCountCap + 1);
      res.total_is_lower_bound = counted > kCountCap;
      res.total = std::min(counted, kCountCap);
      res.pages = (res.total + req.page_size - 1) / req.page_size;
      if (res.total > 0 && req.page <= res.pages) res.hits = search.search(f, now, req.page_size, offset);
    } else {
      // Relevance ranks a window of the newest matches; its size is the total when the window is not
      // full, and a full window means "more than" that. No separate count pass.
      std::int64_t window = 0;
      if (offset < f.rank_window) res.hits = search.search(f, now, req.page_size, offset, &window);
      if (res.hits.empty() && req.page > 1) window = search.count(f, now, f.rank_window + 1);
      res.total_is_lower_bound = window >= f.rank_window;
      res.total = std::min<std::int64_t>(window, f.rank_window);
      res.pages = (res.total + req.page_size - 1) / req.page_size;
    }
  } catch (const store::Error&) {
    res.message = "That search could not be run; try simpler words.";
    res.total = 0;
    res.pages = 0;
    res.hits.clear();
    return res;
  }
  if (!f.by_date && res.total_is_lower_bound)
    res.message = "Showing the best matches among the " + std::to_string(f.rank_window) +
                  " most recent articles that match; sort by date to go through them all.";
  if (res.total == 0) res.message = "No articles match your search.";
  if (res.query.truncated)
    res.message += (res.message.empty() ? "" : " ") + std::string("Only the first part of a long query was used.");
  return res;
}

std::string marked_to_html(const std::string& marked) {
  std::string out;
  out.reserve(marked.size() + 32);
  bool line_start = true;
  for (char c : marked) {
    switch (c) {
      case '\x02':
        out += "<mark>";
        break;
      case '\x03':
        out += "</mark>";
        break;
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
        out.push_back(' ');
        line_start = true;
        continue;
      case '#':
        if (line_start) continue;
        out.push_back(c);
        break;
      case '*':
      case '_':
      case '[':
      case ']':
        break;
      default:
        out.push_back(c);
    }
    line_start = false;
  }
  return out;
}

}  // namespace gazette::search
