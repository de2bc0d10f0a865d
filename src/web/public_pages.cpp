// Handlers for the reader-facing HTML pages: home, section, article, author, tag and 404.
#include <boost/json.hpp>
#include <ctime>
#include <functional>

#include "content/dependencies.h"
#include "content/site_time.h"
#include "content/text.h"
#include "jobs/categories.h"
#include "media/media.h"
#include "search/related.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "store/media_store.h"
#include "web/public_pages.h"
#include "web/render.h"
#include "web/render_deps.h"
#include "web/urls.h"

namespace gazette::web {
namespace {

using content::Article;
namespace json = boost::json;

http::Response html_page(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.cacheable = true;
  return r;
}

std::string news_article_json_ld(const config::Config& cfg, const Article& a) {
  json::array authors;
  for (const auto& au : a.authors)
    authors.push_back({{"@type", "Person"}, {"name", au.name}, {"url", cfg.base_url + author_path(au)}});
  json::array keywords;
  for (const auto& t : a.tags) keywords.push_back(json::string(t.name));
  json::object o{
      {"@context", "https://schema.org"},
      {"@type", "NewsArticle"},
      {"headline", a.headline},
      {"description", a.standfirst},
      {"datePublished", content::format_iso8601(a.published_at)},
      // Modified as readers are told: at the last significant update, else when published.
      {"dateModified", content::format_iso8601(a.revised_at > a.published_at ? a.revised_at : a.published_at)},
      {"url", cfg.base_url + article_path(a)},
      {"mainEntityOfPage", a.canonical_url.empty() ? cfg.base_url + article_path(a) : a.canonical_url},
      {"articleSection", a.section.name},
      {"wordCount", a.word_count},
      {"publisher", {{"@type", "Organization"}, {"name", cfg.site_name}, {"url", cfg.base_url + "/"}}}};
  if (!authors.empty()) o["author"] = authors;
  if (!keywords.empty()) o["keywords"] = keywords;
  if (!a.lead_image.empty()) {
    const int w = a.lead_image.width_upto(1600);
    o["image"] =
        json::array{json::object{{"@type", "ImageObject"},
                                 {"url", cfg.base_url + media::variant_path(a.lead_image.hash, w, media::Format::jpeg)},
                                 {"width", w},
                                 {"height", a.lead_image.height_at(w)}}};
  }
  return script_safe_json(json::serialize(o));
}

std::string canonical_with_page(const std::string& path, int page) {
  return page > 1 ? path + "?page=" + std::to_string(page) : path;
}

}  // namespace

http::Response PublicPages::home(const http::Request&) {
  store::ContentStore content(db());
  const std::int64_t now = std::time(nullptr);
  auto sections = content.sections();
  RenderDeps::add(content::deps::kLatest);  // the newest articles, overall and per section
  ctemplate::TemplateDictionary d("home");
  auto latest = content.list({}, now, 7, 0);
  if (latest.empty()) d.ShowSection("EMPTY");
  // The lead story an editor chose (meta "home_lead"), while readers can see it; else the newest.
  std::optional<Article> chosen;
  if (const std::string lead_id = content.meta("home_lead"); !lead_id.empty()) {
    chosen = content.article_by_id(std::atoll(lead_id.c_str()));
    if (chosen && (chosen->status == content::Status::draft || chosen->published_at > now || chosen->deleted_at > 0))
      chosen.reset();
  }
  if (chosen) {
    std::erase_if(latest, [&](const Article& x) { return x.id == chosen->id; });
    if (latest.size() > 6) latest.resize(6);
    latest.insert(latest.begin(), *chosen);
  }
  if (!latest.empty()) fill_card(d.AddSectionDictionary("LEAD"), latest.front(), false);  // top of the page
  for (size_t i = 1; i < latest.size(); ++i) fill_card(d.AddSectionDictionary("LATEST"), latest[i]);
  for (const auto& s : sections) {
    store::ArticleFilter f;
    f.section_id = s.id;
    auto items = content.list(f, now, 4, 0);
    if (items.empty()) continue;
    auto* sd = d.AddSectionDictionary("SECTIONS");
    sd->SetValue("NAME", s.name);
    sd->SetValue("URL", section_path(s));
    sd->SetValue("SLUG", s.slug);
    for (const auto& a : items) fill_card(sd->AddSectionDictionary("ITEMS"), a);
  }
  jobs_.fill_box(&d, 0, "", "");  // the latest jobs, beside the latest news
  PageMeta meta;
  meta.canonical_path = "/";
  meta.feed_path = "/feed.xml";
  meta.feed_title = config_.site_name + " (RSS)";
  json::object site{{"@context", "https://schema.org"},
                    {"@type", "WebSite"},
                    {"name", config_.site_name},
                    {"url", config_.base_url + "/"}};
  meta.json_ld = script_safe_json(json::serialize(site));
  return html_page(200, render_layout(theme_, config_, sections, meta, theme_.render("home.tpl", d)));
}

namespace {

// Shared body of the section, author and tag listings.
struct Listing {
  std::string heading, intro, kind, base_path, feed_path;
  std::string extra_heading, extra_text;  // author role/bio
  std::string dependency;                 // the listing's name (content::deps), for its first pages
  media::Image photo;                     // an author's photo
};

}  // namespace

static http::Response render_listing(const Theme& theme, const config::Config& cfg, store::ContentStore& content,
                                     const store::ArticleFilter& filter, std::int64_t total, const Listing& l, int page,
                                     const std::string& current_section,
                                     const std::function<http::Response()>& not_found,
                                     const std::function<void(ctemplate::TemplateDictionary*)>& extra = nullptr) {
  const std::int64_t now = std::time(nullptr);
  const int size = cfg.page_size;
  if (page > 1 && static_cast<std::int64_t>(page - 1) * size >= total) return not_found();
  // A new article changes the first pages of its listings; deeper pages (which shift by one with
  // every new article) catch up within five minutes instead of all going stale on every publish.
  if (page <= content::deps::kListingHeadPages)
    RenderDeps::add(l.dependency);
  else
    RenderDeps::expire_within(300);
  auto items = content.list(filter, now, size, (page - 1) * size);
  ctemplate::TemplateDictionary d("listing");
  d.SetValue("HEADING", l.heading);
  d.SetValue("KIND", l.kind);
  if (!l.intro.empty()) d.SetValueAndShowSection("INTRO", l.intro, "HAS_INTRO");
  if (!l.extra_heading.empty()) d.SetValueAndShowSection("ROLE", l.extra_heading, "HAS_ROLE");
  if (!l.photo.empty()) {
    d.ShowSection("HAS_PHOTO");
    fill_picture(&d, "PHOTO", l.photo, "8rem", 320, false);
  }
  if (!l.feed_path.empty()) d.SetValueAndShowSection("FEED_URL", l.feed_path, "HAS_FEED");
  d.SetValue("TOTAL", std::to_string(total));
  if (items.empty()) d.ShowSection("EMPTY");
  // The first two cards' pictures are at the top of the page: loaded at once; the rest lazily.
  for (std::size_t i = 0; i < items.size(); ++i) fill_card(d.AddSectionDictionary("ITEMS"), items[i], i >= 2);
  fill_pagination(&d, l.base_path, page, total, size);
  if (extra) extra(&d);
  PageMeta meta;
  meta.title = page > 1 ? l.heading + " (page " + std::to_string(page) + ")" : l.heading;
  meta.description = l.intro;
  meta.canonical_path = canonical_with_page(l.base_path, page);
  meta.feed_path = l.feed_path;
  meta.feed_title = l.heading + " (RSS)";
  meta.current_section = current_section;
  if (!l.photo.empty()) {
    const int w = l.photo.width_upto(640);
    meta.image_url = cfg.base_url + media::variant_path(l.photo.hash, w, media::Format::jpeg);
    meta.image_width = w;
    meta.image_height = l.photo.height_at(w);
    meta.image_alt = l.photo.alt.empty() ? l.heading : l.photo.alt;
  }
  http::Response r;
  r.body = render_layout(theme, cfg, content.sections(), meta, theme.render("listing.tpl", d));
  r.cacheable = true;
  return r;
}

http::Response PublicPages::section_page(const http::Request& req, const http::Params& p) {
  store::ContentStore content(db());
  auto section = content.section_by_slug(p.at("section"));
  auto page = page_number(req);
  if (!section) return not_found_page(req);
  if (!page) return http::Response::text(400, "Bad request: page must be a positive whole number\n");
  store::ArticleFilter f;
  f.section_id = section->id;
  Listing l{section->name,
            section->description,
            "Section",
            section_path(*section),
            section_path(*section) + "/feed.xml",
            "",
            "",
            content::deps::section(section->id),
            {}};
  // The section's own job category ("housing"), or the latest jobs, headed so, for a general one.
  const std::string category = jobs::category_for_section(section->slug);
  const std::int64_t total = cached_count(l.dependency, [&] { return content.count(f, std::time(nullptr)); });
  return render_listing(
      theme_, config_, content, f, total, l, *page, section->slug, [&] { return not_found_page(req); },
      [&](ctemplate::TemplateDictionary* d) { jobs_.fill_box(d, 0, "", category); });
}

http::Response PublicPages::author_page(const http::Request& req, const http::Params& p) {
  store::ContentStore content(db());
  auto author = content.author_by_slug(p.at("author"));
  auto page = page_number(req);
  if (!author) return not_found_page(req);
  if (!page) return http::Response::text(400, "Bad request: page must be a positive whole number\n");
  store::ArticleFilter f;
  f.author_id = author->id;
  Listing l{author->name,
            author->bio,
            "Author",
            author_path(*author),
            author_path(*author) + "/feed.xml",
            author->role,
            "",
            content::deps::author(author->id),
            {}};
  l.photo = store::MediaStore(db()).author_photo(author->id);
  if (!l.photo.empty()) l.photo.alt = author->name;  // a portrait is named by who it shows
  const std::int64_t total = cached_count(l.dependency, [&] { return content.count(f, std::time(nullptr)); });
  return render_listing(theme_, config_, content, f, total, l, *page, "", [&] { return not_found_page(req); });
}

http::Response PublicPages::tag_page(const http::Request& req, const http::Params& p) {
  store::ContentStore content(db());
  auto tag = content.tag_by_slug(p.at("tag"));
  auto page = page_number(req);
  if (!tag) return not_found_page(req);
  if (!page) return http::Response::text(400, "Bad request: page must be a positive whole number\n");
  store::ArticleFilter f;
  f.tag_id = tag->id;
  Listing l{tag->name,
            tag->description,
            "Topic",
            tag_path(*tag),
            tag_path(*tag) + "/feed.xml",
            "",
            "",
            content::deps::tag(tag->id),
            {}};
  const std::int64_t total = cached_count(l.dependency, [&] { return content.count(f, std::time(nullptr)); });
  return render_listing(theme_, config_, content, f, total, l, *page, "", [&] { return not_found_page(req); });
}

http::Response PublicPages::article_page(const http::Request& req, const http::Params& p) {
  store::ContentStore content(db());
  const std::int64_t now = std::time(nullptr);
  auto article = content.article_by_slug(p.at("slug"), now);
  if (!article) {
    // An address the article had before an editor changed its slug.
    if (const std::int64_t moved = content.old_slug_owner(p.at("slug")))
      if (auto current = content.article_by_id(moved);
          current && current->status != content::Status::draft && current->published_at <= now) {
        http::Response r = http::Response::redirect(301, article_path(*current));
        r.cacheable = false;
        return r;
      }
    return not_found_page(req);
  }
  // The slug identifies the article; any other section or date in the URL redirects to the canonical one.
  const std::string canonical = article_path(*article);
  if (req.path != canonical) {
    http::Response r = http::Response::redirect(301, canonical);
    r.cacheable = false;
    return r;
  }
  return render_article(*article, nullptr, false);
}

http::Response PublicPages::render_article(const Article& a, const std::vector<store::CouncilRow>* typed_councils,
                                           bool preview) {
  store::ContentStore content(db());
  const std::int64_t now = std::time(nullptr);
  const std::string canonical = article_path(a);
  ctemplate::TemplateDictionary d("article");
  fill_card(&d, a);
  if (!a.lead_image.empty()) {
    // The lead image is at the top of the page: loaded at once, not lazily. Body images are lazy.
    fill_picture(&d, "LEAD_PICTURE", a.lead_image, "(min-width: 48rem) 44rem, 100vw", 1024, false);
    if (!a.lead_image.caption.empty() || !a.lead_image.credit.empty()) d.ShowSection("HAS_CAPTION");
    d.SetValue("CAPTION", a.lead_image.caption);
    if (!a.lead_image.credit.empty()) d.SetValueAndShowSection("CREDIT", a.lead_image.credit, "HAS_CREDIT");
  }
  store::MediaStore media(db());
  d.SetValue("BODY_HTML", media::link_body_images(
                              a.body_html,
                              [&](std::int64_t id) -> std::optional<media::Image> {
                                auto m = media.by_id(id);
                                return m ? std::optional(m->image) : std::nullopt;
                              },
                              ""));
  if (!a.body_html.empty()) d.ShowSection("HAS_BODY");
  // "Updated" only after an edit an editor marked as significant (content::EditOptions::significant).
  if (a.revised_at > a.published_at) {  // an update marked before publication is no update
    d.SetValueAndShowSection("UPDATED", content::format_local_time(a.revised_at), "HAS_UPDATED");
    d.SetValue("UPDATED_ISO", content::format_iso8601(a.revised_at));
  }
  d.SetIntValue("WORD_COUNT", a.word_count);
  d.SetIntValue("READING_MINUTES", std::max(1, a.word_count / 230));
  for (const auto& t : a.tags) {
    auto* td = d.AddSectionDictionary("TAGS");
    td->SetValue("NAME", t.name);
    td->SetValue("URL", tag_path(t));
  }
  if (!a.tags.empty()) d.ShowSection("HAS_TAGS");
  auto councils = typed_councils ? *typed_councils : store::CouncilStore(db()).for_article(a.id);
  for (const auto& c : councils) {
    auto* cd = d.AddSectionDictionary("COUNCILS");
    cd->SetValue("NAME", c.official_name);
    cd->SetValue("URL", "/councils/" + c.slug);
  }
  if (!councils.empty()) d.ShowSection("HAS_COUNCILS");
  jobs_.fill_box(&d, councils.empty() ? 0 : councils.front().id, councils.empty() ? "" : councils.front().official_name,
                 "");
  // "You may have missed": related reading, computed when the article was written (or, until then,
  // now); recent articles from other sections when nothing relates.
  RenderDeps::add(content::deps::related(a.id));
  auto stored = a.id > 0 ? search::stored_related(db(), a.id, now) : std::nullopt;
  auto related = stored ? std::move(*stored) : search::related_articles(db(), a, 4, now);
  if (related.empty()) {
    store::ArticleFilter others;
    others.exclude_section_id = a.section.id;
    related = content.list(others, now, 4, 0);
    RenderDeps::expire_within(600);
  }
  for (const auto& r : related) fill_card(d.AddSectionDictionary("RELATED"), r);
  if (!related.empty()) d.ShowSection("HAS_RELATED");
  if (!a.source_url.empty()) d.SetValueAndShowSection("SOURCE_URL", a.source_url, "HAS_SOURCE");

  PageMeta meta;
  meta.title = a.seo_title.empty() ? a.headline : a.seo_title;
  meta.description = a.seo_description.empty() ? a.standfirst : a.seo_description;
  meta.canonical_path = canonical;
  meta.canonical_url = a.canonical_url;
  meta.noindex = preview;
  meta.og_type = "article";
  meta.json_ld = news_article_json_ld(config_, a);
  meta.current_section = a.section.slug;
  meta.feed_path = section_path(a.section) + "/feed.xml";
  meta.feed_title = a.section.name + " (RSS)";
  if (!a.lead_image.empty()) {
    const int w = a.lead_image.width_upto(1600);
    meta.image_url = config_.base_url + media::variant_path(a.lead_image.hash, w, media::Format::jpeg);
    meta.image_width = w;
    meta.image_height = a.lead_image.height_at(w);
    meta.image_alt = a.lead_image.alt;
  }
  meta.og_extra.emplace_back("article:published_time", content::format_iso8601(a.published_at));
  if (a.revised_at > a.published_at)
    meta.og_extra.emplace_back("article:modified_time", content::format_iso8601(a.revised_at));
  meta.og_extra.emplace_back("article:section", a.section.name);
  for (const auto& t : a.tags) meta.og_extra.emplace_back("article:tag", t.name);
  http::Response r =
      html_page(200, render_layout(theme_, config_, content.sections(), meta, theme_.render("article.tpl", d)));
  if (preview) {
    r.cacheable = false;
    r.set_header("X-Robots-Tag", "noindex, nofollow");
  }
  return r;
}

http::Response PublicPages::render_not_found(const http::Request& req) {
  ctemplate::TemplateDictionary d("not_found");
  d.SetValue("PATH", req.path);
  PageMeta meta;
  meta.title = "Page not found";
  meta.canonical_path = "/";
  std::vector<content::Section> sections;
  try {
    sections = store::ContentStore(db()).sections();
  } catch (const std::exception&) {
    // The 404 page still renders without navigation if the database is unavailable.
  }
  http::Response r = html_page(404, render_layout(theme_, config_, sections, meta, theme_.render("not_found.tpl", d)));
  r.cacheable = false;  // unbounded key space: not worth cache entries
  return r;
}

http::Response PublicPages::static_asset(const http::Params& p) {
  const std::string& file = p.at("file");
  auto data = theme_.asset(file);
  if (!data) return http::Response::text(404, "Not found\n");
  std::string type = "application/octet-stream";
  if (file.ends_with(".css"))
    type = "text/css; charset=utf-8";
  else if (file.ends_with(".js"))
    type = "text/javascript; charset=utf-8";
  else if (file.ends_with(".svg"))
    type = "image/svg+xml";
  else if (file.ends_with(".png"))
    type = "image/png";
  else if (file.ends_with(".ico"))
    type = "image/x-icon";
  http::Response r = http::Response::text(200, std::move(*data), type);
  r.cacheable = true;
  return r;
}

void PublicPages::add_routes(http::Router& router) {
  using http::Params;
  using http::Request;
  router.get("/", [this](const Request& r, const Params&) { return home(r); });
  router.get("/{section}", [this](const Request& r, const Params& p) { return section_page(r, p); }, {"page"});
  router.get("/{section}/{year}/{month}/{day}/{slug}",
             [this](const Request& r, const Params& p) { return article_page(r, p); });
  router.get("/authors/{author}", [this](const Request& r, const Params& p) { return author_page(r, p); }, {"page"});
  router.get("/tags/{tag}", [this](const Request& r, const Params& p) { return tag_page(r, p); }, {"page"});
  router.get("/static/{file}", [this](const Request&, const Params& p) { return static_asset(p); });
}

}  // namespace gazette::web
