#include "web/render.h"

#include <ctemplate/template_modifiers.h>

#include <charconv>
#include <ctime>

#include "content/dependencies.h"
#include "content/site_time.h"
#include "content/text.h"
#include "mail/links.h"
#include "web/render_deps.h"
#include "web/urls.h"

namespace gazette::web {

std::string render_layout(const Theme& theme, const config::Config& cfg, const std::vector<content::Section>& sections,
                          const PageMeta& meta, const std::string& body_html) {
  RenderDeps::add(content::deps::kNavigation);
  ctemplate::TemplateDictionary d("layout");
  d.SetValue("SITE_NAME", cfg.site_name);
  d.SetValue("PAGE_TITLE", meta.title.empty() ? cfg.site_name : meta.title + " | " + cfg.site_name);
  d.SetValue("OG_TITLE", meta.title.empty() ? cfg.site_name : meta.title);
  d.SetValue("META_DESCRIPTION", meta.description.empty() ? cfg.site_description : meta.description);
  d.SetValue("CANONICAL_URL", meta.canonical_url.empty() ? cfg.base_url + meta.canonical_path : meta.canonical_url);
  d.SetValue("OG_TYPE", meta.og_type);
  d.SetValue("BODY", body_html);
  d.SetValue("YEAR", content::date_parts(std::time(nullptr)).year);
  if (!meta.json_ld.empty()) d.SetValueAndShowSection("JSON_LD", meta.json_ld, "HAS_JSON_LD");
  if (!meta.feed_path.empty()) {
    auto* f = d.AddSectionDictionary("ALT_FEED");
    f->SetValue("FEED_URL", cfg.base_url + meta.feed_path);
    f->SetValue("FEED_TITLE", meta.feed_title);
  }
  if (!meta.image_url.empty()) {
    auto* img = d.AddSectionDictionary("IMAGE");
    img->SetValue("URL", meta.image_url);
    img->SetIntValue("WIDTH", meta.image_width);
    img->SetIntValue("HEIGHT", meta.image_height);
    img->SetValue("ALT", meta.image_alt);
  } else {
    d.ShowSection("NO_IMAGE");
  }
  for (const auto& [property, content] : meta.og_extra) {
    auto* o = d.AddSectionDictionary("OG_EXTRA");
    o->SetValue("PROPERTY", property);
    o->SetValue("CONTENT", content);
  }
  if (meta.noindex) d.ShowSection("NOINDEX");
  if (meta.signup_box && !cfg.form_secret.empty())
    // Stamped with the day, not the second, so a page renders to the same bytes (and ETag) all day.
    d.AddSectionDictionary("SIGNUP")->SetValue(
        "FORM_TOKEN", mail::make_form_token(cfg.form_secret, std::time(nullptr) / 86400 * 86400));
  for (const auto& s : sections) {
    auto* n = d.AddSectionDictionary("NAV");
    n->SetValue("NAME", s.name);
    n->SetValue("URL", section_path(s));
    if (s.slug == meta.current_section) n->ShowSection("CURRENT");
  }
  return theme.render("layout.tpl", d);
}

void fill_picture(ctemplate::TemplateDictionary* d, const std::string& name, const media::Image& img,
                  const std::string& sizes, int width, bool lazy) {
  auto* p = d->AddIncludeDictionary(name);
  p->SetFilename("picture.tpl");
  const int w = img.width_upto(width);
  p->SetValue("SRC", media::variant_path(img.hash, w, media::Format::jpeg));
  p->SetValue("WEBP_SRCSET", media::srcset(img, media::Format::webp));
  p->SetValue("JPEG_SRCSET", media::srcset(img, media::Format::jpeg));
  p->SetValue("SIZES", sizes);
  p->SetIntValue("WIDTH", w);
  p->SetIntValue("HEIGHT", img.height_at(w));
  p->SetValue("ALT", img.alt);
  if (lazy) p->ShowSection("LAZY");
}

void fill_card(ctemplate::TemplateDictionary* d, const content::Article& a, bool lazy) {
  RenderDeps::add(content::deps::article(a.id));
  d->SetValue("HEADLINE", a.headline);
  d->SetValue("URL", article_path(a));
  d->SetValue("STANDFIRST", a.standfirst);
  d->SetValue("DATE", content::format_local_date(a.published_at));
  d->SetValue("DATE_ISO", content::format_iso8601(a.published_at));
  d->SetValue("SECTION_NAME", a.section.name);
  d->SetValue("SECTION_URL", section_path(a.section));
  for (const auto& au : a.authors) {
    auto* ad = d->AddSectionDictionary("AUTHORS");
    ad->SetValue("NAME", au.name);
    ad->SetValue("URL", author_path(au));
  }
  if (!a.authors.empty()) d->ShowSection("HAS_AUTHORS");
  if (!a.lead_image.empty()) {
    d->ShowSection("HAS_PICTURE");
    fill_picture(d, "PICTURE", a.lead_image, "(min-width: 48rem) 20rem, 100vw", 640, lazy);
  }
}

std::optional<int> page_number(const http::Request& req) {
  auto p = req.param("page");
  if (!p) return 1;
  int n = 0;
  auto [ptr, ec] = std::from_chars(p->data(), p->data() + p->size(), n);
  if (ec != std::errc() || ptr != p->data() + p->size() || n < 1 || n > 1'000'000) return std::nullopt;
  return n;
}

void fill_pagination(ctemplate::TemplateDictionary* d, int page, std::int64_t pages,
                     const std::function<std::string(int)>& url_for) {
  if (pages <= 1) return;
  auto* p = d->AddSectionDictionary("PAGINATION");
  p->SetIntValue("PAGE", page);
  p->SetValue("PAGES", std::to_string(pages));
  if (page > 1) p->AddSectionDictionary("PREV")->SetValue("URL", url_for(page - 1));
  if (page < pages) p->AddSectionDictionary("NEXT")->SetValue("URL", url_for(page + 1));
}

void fill_pagination(ctemplate::TemplateDictionary* d, const std::string& base_path, int page, std::int64_t total,
                     int page_size) {
  const std::int64_t pages = (total + page_size - 1) / page_size;
  fill_pagination(d, page, pages, [&](int n) { return n == 1 ? base_path : base_path + "?page=" + std::to_string(n); });
}

std::string script_safe_json(std::string json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out.push_back(c);
  }
  return out;
}

std::string html_text(const std::string& text) {
  return ctemplate::html_escape(text.data(), text.size());
}

}  // namespace gazette::web
