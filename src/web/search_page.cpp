// The /search page: a form, ranked results with highlighted snippets, filters and pagination.
#include <boost/url/url.hpp>
#include <ctime>

#include "content/dependencies.h"
#include "search/search.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "web/render.h"
#include "web/render_deps.h"
#include "web/search_page.h"
#include "web/urls.h"

namespace gazette::web {
namespace {

// Query string for another page of the same search (Boost.URL does the encoding).
std::string search_url(const search::SearchRequest& r, int page) {
  boost::urls::url u("/search");
  auto params = u.params();
  if (!r.q.empty()) params.append({"q", r.q});
  if (!r.section.empty()) params.append({"section", r.section});
  if (!r.author.empty()) params.append({"author", r.author});
  if (!r.council.empty()) params.append({"council", r.council});
  if (!r.from.empty()) params.append({"from", r.from});
  if (!r.to.empty()) params.append({"to", r.to});
  if (r.sort == "date") params.append({"sort", "date"});
  if (page > 1) params.append({"page", std::to_string(page)});
  return std::string(u.buffer());
}

}  // namespace

http::Response SearchPages::search_page(const http::Request& req) {
  auto page = page_number(req);
  if (!page) return http::Response::text(400, "Bad request: page must be a positive whole number\n");
  search::SearchRequest sr;
  sr.q = req.param("q").value_or("");
  sr.section = req.param("section").value_or("");
  sr.author = req.param("author").value_or("");
  sr.council = req.param("council").value_or("");
  sr.from = req.param("from").value_or("");
  sr.to = req.param("to").value_or("");
  sr.sort = req.param("sort").value_or("relevance") == "date" ? "date" : "relevance";
  sr.page = *page;
  sr.page_size = config_.page_size;
  const std::int64_t now = std::time(nullptr);
  auto result = search::run_search(db(), sr, now);

  store::ContentStore content(db());
  auto sections = content.sections();
  ctemplate::TemplateDictionary d("search");
  d.SetValue("Q", sr.q);
  d.SetValue("FROM", sr.from);
  d.SetValue("TO", sr.to);
  // The filters as they were understood: "stockport" shows as Stockport Metropolitan Borough Council.
  d.SetValue("AUTHOR", result.author_name.empty() ? sr.author : result.author_name);
  d.SetValue("COUNCIL", result.council_name.empty() ? sr.council : result.council_name);
  for (const auto& name : store::CouncilStore(db()).current_names())
    d.AddSectionDictionary("COUNCIL_NAME")->SetValue("NAME", name);
  if (sr.sort == "date")
    d.ShowSection("SORT_DATE");
  else
    d.ShowSection("SORT_RELEVANCE");
  for (const auto& s : sections) {
    auto* o = d.AddSectionDictionary("SECTION_OPTIONS");
    o->SetValue("SLUG", s.slug);
    o->SetValue("NAME", s.name);
    if (s.slug == sr.section) o->ShowSection("SELECTED");
  }
  // What the results are limited to, each with a link to the same search without it.
  int applied = 0;
  auto applied_filter = [&](const std::string& name, const std::string& value, search::SearchRequest without) {
    auto* a = d.AddSectionDictionary("APPLIED");
    a->SetValue("NAME", name);
    a->SetValue("VALUE", value);
    without.sort = sr.sort;
    a->SetValue("REMOVE_URL", search_url(without, 1));
    ++applied;
  };
  if (!sr.section.empty()) {
    std::string name = sr.section;
    for (const auto& s : sections)
      if (s.slug == sr.section) name = s.name;
    auto without = sr;
    without.section.clear();
    applied_filter("Section", name, without);
  }
  if (!sr.author.empty()) {
    auto without = sr;
    without.author.clear();
    applied_filter("Author", result.author_name.empty() ? sr.author : result.author_name, without);
  }
  if (!sr.council.empty()) {
    auto without = sr;
    without.council.clear();
    applied_filter("Council", result.council_name.empty() ? sr.council : result.council_name, without);
  }
  if (!sr.from.empty()) {
    auto without = sr;
    without.from.clear();
    applied_filter("From", sr.from, without);
  }
  if (!sr.to.empty()) {
    auto without = sr;
    without.to.clear();
    applied_filter("To", sr.to, without);
  }
  if (applied) {
    d.ShowSection("HAS_APPLIED");
    d.ShowSection("FILTERS_OPEN");
    search::SearchRequest words_only;
    words_only.q = sr.q;
    words_only.sort = sr.sort;
    d.SetValue("CLEAR_URL", search_url(words_only, 1));
  }
  if (!result.message.empty()) d.SetValueAndShowSection("MESSAGE", result.message, "HAS_MESSAGE");
  if (result.total > 0) {
    auto* summary = d.AddSectionDictionary("HAS_RESULTS");
    summary->SetValue("TOTAL", (result.total_is_lower_bound ? "More than " : "") + std::to_string(result.total));
    summary->SetValue("NOUN", result.total == 1 ? "article" : "articles");
  }
  for (const auto& hit : result.hits) {
    auto* item = d.AddSectionDictionary("ITEMS");
    fill_card(item, hit.article);
    item->SetValue("HEADLINE_HTML", search::marked_to_html(hit.headline_marked));
    item->SetValue("SNIPPET_HTML", search::marked_to_html(hit.snippet_marked));
  }
  if (sr.page > 1 && result.hits.empty() && result.total > 0) return not_found_page(req);
  fill_pagination(&d, sr.page, result.pages, [&](int n) { return search_url(sr, n); });
  PageMeta meta;
  meta.title = !sr.q.empty()                  ? "Search: " + sr.q
               : !result.council_name.empty() ? "Search: " + result.council_name
                                              : "Search";
  meta.canonical_path = "/search";
  meta.noindex = true;  // result pages are for readers, not for search engines' indexes
  http::Response r;
  r.body = render_layout(theme_, config_, sections, meta, theme_.render("search.tpl", d));
  // Cached briefly (compressed once; the cache's memory bound keeps an unbounded key space in check): a
  // new article may match, so they go stale with every publish, and in any case within a minute.
  r.set_header("X-Robots-Tag", "noindex");
  r.cacheable = true;
  r.cache_ttl = 60;
  RenderDeps::add(content::deps::kLatest);
  return r;
}

void SearchPages::add_routes(http::Router& router) {
  using http::Params;
  using http::Request;
  router.get("/search", [this](const Request& r, const Params&) { return search_page(r); },
             {"q", "section", "author", "council", "from", "to", "sort", "page"});
}

}  // namespace gazette::web
