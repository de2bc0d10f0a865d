// URLs of public pages, in one place so handlers, feeds and sitemaps agree.
#pragma once

#include <string>

#include "content/article.h"
#include "content/text.h"

namespace gazette::web {

// "/news/2022/05/19/the-private-sector-is-essential-to-levelling-up"
inline std::string article_path(const content::Article& a) {
  auto d = content::date_parts(a.published_at);
  return "/" + a.section.slug + "/" + d.year + "/" + d.month + "/" + d.day + "/" + a.slug;
}
inline std::string article_path(const std::string& section_slug, const std::string& slug, std::int64_t published_at) {
  auto d = content::date_parts(published_at);
  return "/" + section_slug + "/" + d.year + "/" + d.month + "/" + d.day + "/" + slug;
}
inline std::string section_path(const content::Section& s) {
  return "/" + s.slug;
}
inline std::string author_path(const content::Author& a) {
  return "/authors/" + a.slug;
}
inline std::string tag_path(const content::Tag& t) {
  return "/tags/" + t.slug;
}

}  // namespace gazette::web
