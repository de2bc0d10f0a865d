// Council pages: /councils (the register by nation and type) and /councils/{slug} (articles about it).
#include <cctype>
#include <ctime>
#include <map>

#include "content/dependencies.h"
#include "content/text.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "web/council_pages.h"
#include "web/render.h"
#include "web/render_deps.h"

namespace gazette::web {

http::Response CouncilPages::councils_page(const http::Request&) {
  store::CouncilStore councils(db());
  auto all = councils.all();
  RenderDeps::add(content::deps::kCouncils);
  ctemplate::TemplateDictionary d("councils");
  // Grouped by nation, then type; the query already orders them so.
  std::string nation, type;
  ctemplate::TemplateDictionary* nation_dict = nullptr;
  ctemplate::TemplateDictionary* type_dict = nullptr;
  for (const auto& c : all) {
    if (c.nation != nation || !nation_dict) {
      nation = c.nation;
      type.clear();
      nation_dict = d.AddSectionDictionary("NATIONS");
      nation_dict->SetValue("NATION", nation.empty() ? "Other" : nation);
      nation_dict->SetValue("NATION_SLUG", content::slugify(nation.empty() ? "other" : nation));
      type_dict = nullptr;
    }
    if (c.type != type || !type_dict) {
      type = c.type;
      type_dict = nation_dict->AddSectionDictionary("TYPES");
      std::string label = type.empty() ? "Other" : type;
      label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
      type_dict->SetValue("TYPE", label);
    }
    auto* item = type_dict->AddSectionDictionary("COUNCILS");
    item->SetValue("NAME", c.official_name);
    item->SetValue("URL", "/councils/" + c.slug);
    if (c.articles > 0) item->SetValueAndShowSection("ARTICLES", std::to_string(c.articles), "HAS_ARTICLES");
    if (c.abolished()) item->SetValueAndShowSection("END_DATE", c.end_date, "ABOLISHED");
  }
  if (all.empty()) d.ShowSection("EMPTY");
  PageMeta meta;
  meta.title = "Councils";
  meta.description = "Every UK council, with the articles that mention it.";
  meta.canonical_path = "/councils";
  http::Response r;
  r.body = render_layout(theme_, config_, store::ContentStore(db()).sections(), meta, theme_.render("councils.tpl", d));
  r.cacheable = true;
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
  router.get("/councils", [this](const Request& r, const Params&) { return councils_page(r); });
  router.get("/councils/{council}", [this](const Request& r, const Params& p) { return council_page(r, p); }, {"page"});
}

}  // namespace gazette::web
