// Council pages: /councils (the register by nation and type) and /councils/{slug} (articles about it).
#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>

#include "content/dependencies.h"
#include "content/text.h"
#include "councils/tagging.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "web/council_pages.h"
#include "web/render.h"
#include "web/render_deps.h"

namespace gazette::web {

namespace {

std::string capitalised(std::string s) {
  if (s.empty()) return "Other";
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace

// The register grouped by nation, then type (the query orders them so), with jump links to each
// group, a name filter and a nation filter (a GET form: /councils?q=maid&nation=england). Abolished
// councils are kept for the archive, folded away under each nation.
http::Response CouncilPages::councils_page(const http::Request& req) {
  store::CouncilStore councils(db());
  auto all = councils.all();
  RenderDeps::add(content::deps::kCouncils);
  const std::string typed = req.param("q").value_or("");
  const std::string nation_filter = req.param("nation").value_or("");
  ctemplate::TemplateDictionary d("councils");
  d.SetValue("Q", typed);
  std::vector<std::string> nations;
  for (const auto& c : all)
    if (nations.empty() || nations.back() != (c.nation.empty() ? "Other" : c.nation))
      nations.push_back(c.nation.empty() ? "Other" : c.nation);
  for (const auto& n : nations) {
    auto* o = d.AddSectionDictionary("NATION_OPTIONS");
    o->SetValue("VALUE", content::slugify(n));
    o->SetValue("NAME", n);
    if (content::slugify(n) == nation_filter) o->ShowSection("SELECTED");
  }
  struct Group {
    std::string type;
    std::vector<const store::CouncilRow*> current;
  };
  struct Nation {
    std::string name;
    std::vector<Group> groups;
    std::vector<const store::CouncilRow*> abolished;
  };
  std::vector<Nation> grouped;
  std::size_t shown = 0;
  for (const auto& c : all) {
    const std::string nation = c.nation.empty() ? "Other" : c.nation;
    if (!nation_filter.empty() && content::slugify(nation) != nation_filter) continue;
    if (!councils::name_matches(c.official_name, typed)) continue;
    if (grouped.empty() || grouped.back().name != nation) grouped.push_back({nation, {}, {}});
    auto& n = grouped.back();
    ++shown;
    if (c.abolished()) {
      n.abolished.push_back(&c);
      continue;
    }
    const std::string type = capitalised(c.type);
    auto g = std::find_if(n.groups.begin(), n.groups.end(), [&](const Group& x) { return x.type == type; });
    if (g == n.groups.end()) g = n.groups.insert(n.groups.end(), Group{type, {}});
    g->current.push_back(&c);
  }
  auto add_council = [](ctemplate::TemplateDictionary* list, const store::CouncilRow& c) {
    auto* item = list->AddSectionDictionary("COUNCILS");
    item->SetValue("NAME", c.official_name);
    item->SetValue("URL", "/councils/" + c.slug);
    if (c.articles > 0) item->SetValueAndShowSection("ARTICLES", std::to_string(c.articles), "HAS_ARTICLES");
    if (c.abolished()) item->SetValueAndShowSection("END_DATE", c.end_date, "ABOLISHED");
  };
  for (const auto& n : grouped) {
    const std::string nation_slug = content::slugify(n.name);
    auto* nd = d.AddSectionDictionary("NATIONS");
    nd->SetValue("NATION", n.name);
    nd->SetValue("NATION_SLUG", nation_slug);
    auto* jump = d.AddSectionDictionary("JUMP");
    jump->SetValue("NATION", n.name);
    jump->SetValue("NATION_SLUG", nation_slug);
    for (const auto& g : n.groups) {
      const std::string anchor = nation_slug + "-" + content::slugify(g.type);
      auto* td = nd->AddSectionDictionary("TYPES");
      td->SetValue("TYPE", g.type);
      td->SetValue("ANCHOR", anchor);
      td->SetIntValue("COUNT", static_cast<long>(g.current.size()));
      auto* jt = jump->AddSectionDictionary("JUMP_TYPES");
      jt->SetValue("TYPE", g.type);
      jt->SetValue("ANCHOR", anchor);
      jt->SetIntValue("COUNT", static_cast<long>(g.current.size()));
      for (const auto* c : g.current) add_council(td, *c);
    }
    if (!n.abolished.empty()) {
      auto* ad = nd->AddSectionDictionary("HAS_ABOLISHED");
      ad->SetIntValue("COUNT", static_cast<long>(n.abolished.size()));
      ad->SetValue("NATION", n.name);
      for (const auto* c : n.abolished) add_council(ad, *c);
    }
  }
  const bool filtered = !typed.empty() || !nation_filter.empty();
  if (all.empty())
    d.ShowSection("EMPTY");
  else if (filtered && shown == 0)
    d.SetValueAndShowSection("NO_MATCH",
                             typed.empty() ? "No councils match." : "No council's name contains \"" + typed + "\".",
                             "HAS_NO_MATCH");
  if (filtered) {
    d.SetIntValue("SHOWN", static_cast<long>(shown));
    d.ShowSection("FILTERED");
  }
  PageMeta meta;
  meta.title = "Councils";
  meta.description = "Every UK council, with the articles that mention it.";
  meta.canonical_path = "/councils";
  meta.noindex = filtered;  // the filtered views are for readers; the whole register is the page to index
  http::Response r;
  r.body = render_layout(theme_, config_, store::ContentStore(db()).sections(), meta, theme_.render("councils.tpl", d));
  r.cacheable = true;
  if (filtered) r.cache_ttl = 60;
  return r;
}

http::Response CouncilPages::council_page(const http::Request& req, const http::Params& p) {
  auto council = store::CouncilStore(db()).council_by_slug(p.at("council"));
  auto page = page_number(req);
  if (!council) return not_found_page(req);
  if (!page) return http::Response::text(400, "Bad request: page must be a positive whole number\n");
  store::ContentStore content(db());
  const std::int64_t now = std::time(nullptr);
  store::ArticleFilter f;
  f.council_id = council->id;
  const std::int64_t total = cached_count(content::deps::council(council->id), [&] { return content.count(f, now); });
  const int size = config_.page_size;
  if (*page > 1 && static_cast<std::int64_t>(*page - 1) * size >= total) return not_found_page(req);
  if (*page <= content::deps::kListingHeadPages)
    RenderDeps::add(content::deps::council(council->id));
  else
    RenderDeps::expire_within(300);
  ctemplate::TemplateDictionary d("council");
  d.SetValue("HEADING", council->official_name);
  d.SetValue("KIND", "Council");
  std::string role = council->type + ", " + council->nation + " · GSS code " + council->gss_code;
  if (council->abolished()) role += " · abolished " + council->end_date;
  d.SetValueAndShowSection("ROLE", role, "HAS_ROLE");
  const std::string base = "/councils/" + council->slug;
  d.SetValueAndShowSection("FEED_URL", base + "/feed.xml", "HAS_FEED");
  auto items = content.list(f, now, size, (*page - 1) * size);
  if (items.empty()) d.ShowSection("EMPTY");
  for (const auto& a : items) fill_card(d.AddSectionDictionary("ITEMS"), a);
  fill_pagination(&d, base, *page, total, size);
  jobs_.fill_box(&d, council->id, council->official_name, "");
  PageMeta meta;
  meta.title = council->official_name;
  meta.description = "News and analysis about " + council->official_name + ".";
  meta.canonical_path = *page > 1 ? base + "?page=" + std::to_string(*page) : base;
  meta.feed_path = base + "/feed.xml";
  meta.feed_title = council->official_name + " (RSS)";
  http::Response r;
  r.body = render_layout(theme_, config_, content.sections(), meta, theme_.render("listing.tpl", d));
  r.cacheable = true;
  return r;
}

void CouncilPages::add_routes(http::Router& router) {
  using http::Params;
  using http::Request;
  router.get("/councils", [this](const Request& r, const Params&) { return councils_page(r); }, {"q", "nation"});
  router.get("/councils/{council}", [this](const Request& r, const Params& p) { return council_page(r, p); }, {"page"});
}

}  // namespace gazette::web
