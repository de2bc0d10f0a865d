// Shared pieces of page rendering: the layout around every HTML page, article cards, pagination.
// Used by the handlers in public_pages.cpp; pure functions of their arguments.
#pragma once

#include <ctemplate/template.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/article.h"
#include "http/message.h"
#include "web/theme.h"

namespace gazette::web {

struct PageMeta {
  std::string title;           // <title>, without the site name
  std::string description;     // meta description and og:description
  std::string canonical_path;  // "/news?page=2"
  std::string og_type = "website";
  std::string json_ld;    // serialised JSON-LD, already safe for a <script> element
  std::string feed_path;  // RSS feed for this page, if any
  std::string feed_title;
  std::string current_section;                                // slug of the section to mark in the navigation
  std::vector<std::pair<std::string, std::string>> og_extra;  // property, content
  bool noindex = false;       // search engines should not index it (forms, per-person pages, newsroom previews)
  bool signup_box = true;     // the bulletin sign-up box above the footer
  std::string canonical_url;  // an absolute canonical URL elsewhere (an article first published there)
  // The page's picture for link previews (og:image, twitter:image): an absolute URL, its size and alt.
  std::string image_url;
  int image_width = 0;
  int image_height = 0;
  std::string image_alt;
};

// Wraps a rendered page body in layout.tpl (head, navigation, skip link, footer).
std::string render_layout(const Theme& theme, const config::Config& cfg, const std::vector<content::Section>& sections,
                          const PageMeta& meta, const std::string& body_html);

// Fills a section dictionary with an article's card fields: HEADLINE, URL, STANDFIRST, DATE, DATE_ISO,
// SECTION_NAME, SECTION_URL, an AUTHORS list and, when it has a lead image, the PICTURE include
// (picture.tpl; loaded lazily unless `lazy` is false, for a picture at the top of a page).
void fill_card(ctemplate::TemplateDictionary* d, const content::Article& a, bool lazy = true);

// Adds the include `name` (picture.tpl): a <picture> with WebP and JPEG srcsets of every variant,
// `sizes`, the width and height of the variant at most `width` wide, and the alt text.
void fill_picture(ctemplate::TemplateDictionary* d, const std::string& name, const media::Image& img,
                  const std::string& sizes, int width, bool lazy);

// The ?page= number: 1 when absent; nullopt when it is not a positive whole number.
std::optional<int> page_number(const http::Request& req);

// Adds the PAGINATION section (PAGE, PAGES, PREV and NEXT links from `url_for(page)`) when there is
// more than one page.
void fill_pagination(ctemplate::TemplateDictionary* d, int page, std::int64_t pages,
                     const std::function<std::string(int)>& url_for);
// The same for a listing at `base_path` paged with ?page=N.
void fill_pagination(ctemplate::TemplateDictionary* d, const std::string& base_path, int page, std::int64_t total,
                     int page_size);

// Plain text made safe to read as HTML (CTemplate's HTML escaper, the templates' own): for RSS
// <description>, which readers take as HTML, before the XML writer escapes it again for XML.
std::string html_text(const std::string& text);

// JSON text made safe to sit inside <script type="application/ld+json">: '<', '>' and '&' escaped.
std::string script_safe_json(std::string json);

}  // namespace gazette::web
