// Machine-readable pages: RSS 2.0 and Atom feeds, sitemaps, robots.txt. XML is built with pugixml so
// every value is escaped by the library.
#include <pugixml.hpp>

#include <charconv>
#include <ctime>
#include <sstream>

#include "content/dependencies.h"
#include "content/text.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "store/job_store.h"
#include "web/feeds.h"
#include "web/render.h"
#include "web/render_deps.h"
#include "web/urls.h"

namespace gazette::web {
namespace {

constexpr int kFeedItems = 20;

http::Response xml_response(const pugi::xml_document& doc, const std::string& type) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default | pugi::format_no_declaration);
  http::Response r = http::Response::text(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.str(), type);
  r.cacheable = true;
  return r;
}

void text_child(pugi::xml_node parent, const char* name, const std::string& value) {
  parent.append_child(name).text().set(value.c_str());
}

// The lead image in feeds: the JPEG variant at most 1024 wide (every reader takes JPEG).
constexpr int kFeedImageWidth = 1024;
std::string lead_image_url(const media::Image& img, const std::string& base) {
  return base + media::variant_path(img.hash, img.width_upto(kFeedImageWidth), media::Format::jpeg);
}

// <media:content> (Media RSS): the picture's URL, type and size, with its alt text and credit.
void add_media_content(pugi::xml_node parent, const media::Image& img, const std::string& base) {
  const int w = img.width_upto(kFeedImageWidth);
  auto m = parent.append_child("media:content");
  m.append_attribute("url") = lead_image_url(img, base).c_str();
  m.append_attribute("medium") = "image";
  m.append_attribute("type") = "image/jpeg";
  m.append_attribute("width") = w;
  m.append_attribute("height") = img.height_at(w);
  text_child(m, "media:description", img.alt);
  if (!img.credit.empty()) text_child(m, "media:credit", img.credit);
}

}  // namespace

http::Response Feeds::feed(const http::Request& req, const http::Params& p, bool atom) {
  store::ContentStore content(db());
  const std::int64_t now = std::time(nullptr);
  store::ArticleFilter filter;
  std::string title = config_.site_name, page_path = "/";
  std::string dependency(content::deps::kLatest);
  if (auto it = p.find("section"); it != p.end()) {
    auto s = content.section_by_slug(it->second);
    if (!s) return not_found_page(req);
    dependency = content::deps::section(s->id);
    filter.section_id = s->id;
    title += ": " + s->name;
    page_path = section_path(*s);
  } else if (auto author_it = p.find("author"); author_it != p.end()) {
    auto a = content.author_by_slug(author_it->second);
    if (!a) return not_found_page(req);
    dependency = content::deps::author(a->id);
    filter.author_id = a->id;
    title += ": " + a->name;
    page_path = author_path(*a);
  } else if (auto council_it = p.find("council"); council_it != p.end()) {
    auto c = store::CouncilStore(db()).council_by_slug(council_it->second);
    if (!c) return not_found_page(req);
    dependency = content::deps::council(c->id);
    filter.council_id = c->id;
    title += ": " + c->official_name;
    page_path = "/councils/" + c->slug;
  } else if (auto tag_it = p.find("tag"); tag_it != p.end()) {
    auto t = content.tag_by_slug(tag_it->second);
    if (!t) return not_found_page(req);
    dependency = content::deps::tag(t->id);
    filter.tag_id = t->id;
    title += ": " + t->name;
    page_path = tag_path(*t);
  }
  auto items = content.list(filter, now, kFeedItems, 0);
  RenderDeps::add(dependency);
  for (const auto& a : items) RenderDeps::add(content::deps::article(a.id));
  const std::string& base = config_.base_url;
  const std::string self = base + req.path;
  pugi::xml_document doc;
  if (!atom) {
    auto rss = doc.append_child("rss");
    rss.append_attribute("version") = "2.0";
    rss.append_attribute("xmlns:atom") = "http://www.w3.org/2005/Atom";
    rss.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    rss.append_attribute("xmlns:media") = "http://search.yahoo.com/mrss/";
    auto channel = rss.append_child("channel");
    text_child(channel, "title", title);
    text_child(channel, "link", base + page_path);
    text_child(channel, "description", config_.site_description);
    text_child(channel, "language", "en-gb");
    auto link = channel.append_child("atom:link");
    link.append_attribute("href") = self.c_str();
    link.append_attribute("rel") = "self";
    link.append_attribute("type") = "application/rss+xml";
    if (!items.empty()) text_child(channel, "lastBuildDate", content::format_rfc1123(items.front().published_at));
    for (const auto& a : items) {
      auto item = channel.append_child("item");
      const std::string url = base + article_path(a);
      text_child(item, "title", a.headline);
      text_child(item, "link", url);
      auto guid = item.append_child("guid");
      guid.append_attribute("isPermaLink") = "true";
      guid.text().set(url.c_str());
      text_child(item, "pubDate", content::format_rfc1123(a.published_at));
      // RSS readers take <description> as HTML: the plain-text standfirst is escaped for HTML here, and
      // pugixml escapes that for XML, so "<b>" in a standfirst shows as text, never as markup.
      text_child(item, "description", html_text(a.standfirst));
      text_child(item, "category", a.section.name);
      for (const auto& au : a.authors) text_child(item, "dc:creator", au.name);
      if (!a.lead_image.empty()) add_media_content(item, a.lead_image, base);
    }
    return xml_response(doc, "application/rss+xml; charset=utf-8");
  }
  auto feed = doc.append_child("feed");
  feed.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
  feed.append_attribute("xml:lang") = "en-GB";
  feed.append_attribute("xmlns:media") = "http://search.yahoo.com/mrss/";
  text_child(feed, "id", base + page_path);
  text_child(feed, "title", title);
  text_child(feed, "subtitle", config_.site_description);
  text_child(feed, "updated", content::format_iso8601(items.empty() ? 0 : items.front().published_at));
  auto self_link = feed.append_child("link");
  self_link.append_attribute("rel") = "self";
  self_link.append_attribute("href") = self.c_str();
  auto alt = feed.append_child("link");
  alt.append_attribute("rel") = "alternate";
  alt.append_attribute("href") = (base + page_path).c_str();
  for (const auto& a : items) {
    auto entry = feed.append_child("entry");
    const std::string url = base + article_path(a);
    text_child(entry, "id", url);
    text_child(entry, "title", a.headline);
    auto l = entry.append_child("link");
    l.append_attribute("rel") = "alternate";
    l.append_attribute("href") = url.c_str();
    text_child(entry, "published", content::format_iso8601(a.published_at));
    text_child(entry, "updated", content::format_iso8601(std::max(a.updated_at, a.published_at)));
    text_child(entry, "summary", a.standfirst);  // Atom's default type="text": escaped once, by pugixml
    // Atom requires an author; the publication stands in when an item has no byline.
    if (a.authors.empty()) text_child(entry.append_child("author"), "name", config_.site_name);
    for (const auto& au : a.authors) {
      auto author = entry.append_child("author");
      text_child(author, "name", au.name);
      text_child(author, "uri", base + author_path(au));
    }
    entry.append_child("category").append_attribute("term") = a.section.name.c_str();
    if (!a.lead_image.empty()) {
      auto enclosure = entry.append_child("link");
      enclosure.append_attribute("rel") = "enclosure";
      enclosure.append_attribute("type") = "image/jpeg";
      enclosure.append_attribute("href") = lead_image_url(a.lead_image, base).c_str();
      add_media_content(entry, a.lead_image, base);
    }
  }
  return xml_response(doc, "application/atom+xml; charset=utf-8");
}

http::Response Feeds::sitemap(const http::Request& req, const http::Params& p) {
  store::ContentStore content(db());
  const std::int64_t now = std::time(nullptr);
  const std::int64_t total = cached_count(std::string(content::deps::kLatest), [&] { return content.count({}, now); });
  // Articles per file stay under the protocol's 50,000 URLs, leaving room for the home and section pages.
  // Files hold articles by id range, so a new article changes only the last file and an edit only its
  // own; a range may hold fewer (drafts, deleted articles).
  const int per_file = config_.sitemap_articles_per_file;
  const std::int64_t max_id = content.max_id();
  const std::int64_t files = std::max<std::int64_t>(1, (max_id + per_file - 1) / per_file);
  // One plain sitemap while articles and live jobs fit in one file; an index otherwise.
  const std::int64_t live_jobs =
      cached_count(std::string(content::deps::kJobs), [&] { return store::JobStore(db()).live_count(now); });
  const bool use_index = total + live_jobs > per_file;
  const std::string& base = config_.base_url;
  pugi::xml_document doc;
  auto it = p.find("file");
  auto add_jobs = [&](pugi::xml_node urlset) {
    RenderDeps::add(content::deps::kJobs);
    // Live adverts only: a closed advert leaves the sitemap on its closing day.
    for (const auto& j : store::JobStore(db()).live_for_sitemap(now, 50000, 0)) {
      auto u = urlset.append_child("url");
      text_child(u, "loc", base + "/jobs/" + std::to_string(j.id) + "/" + j.slug);
      text_child(u, "lastmod", content::format_iso8601(j.updated_at));
    }
  };
  if (it != p.end() && it->second == "jobs.xml") {
    auto urlset = doc.append_child("urlset");
    urlset.append_attribute("xmlns") = "http://www.sitemaps.org/schemas/sitemap/0.9";
    add_jobs(urlset);
    return xml_response(doc, "application/xml; charset=utf-8");
  }
  if (it == p.end() && use_index) {
    // Past 50,000 URLs the sitemap becomes an index of numbered sitemaps.
    RenderDeps::add(content::deps::kLatest);
    RenderDeps::add(content::deps::kJobs);
    auto index = doc.append_child("sitemapindex");
    index.append_attribute("xmlns") = "http://www.sitemaps.org/schemas/sitemap/0.9";
    for (std::int64_t i = 1; i <= files; ++i) {
      auto s = index.append_child("sitemap");
      text_child(s, "loc", base + "/sitemaps/" + std::to_string(i) + ".xml");
    }
    text_child(index.append_child("sitemap"), "loc", base + "/sitemaps/jobs.xml");
    return xml_response(doc, "application/xml; charset=utf-8");
  }
  int number = 1;
  if (it != p.end()) {
    const std::string& f = it->second;
    auto [ptr, ec] = std::from_chars(f.data(), f.data() + f.size(), number);
    if (ec != std::errc() || std::string_view(ptr) != ".xml" || number < 1 || number > files)
      return not_found_page(req);
  }
  auto urlset = doc.append_child("urlset");
  urlset.append_attribute("xmlns") = "http://www.sitemaps.org/schemas/sitemap/0.9";
  auto add = [&](const std::string& loc, std::int64_t modified) {
    auto u = urlset.append_child("url");
    text_child(u, "loc", loc);
    if (modified > 0) text_child(u, "lastmod", content::format_iso8601(modified));
  };
  if (number == 1) {
    RenderDeps::add(content::deps::kNavigation);
    add(base + "/", 0);
    for (const auto& s : content.sections()) add(base + section_path(s), 0);
  }
  const std::int64_t lo = use_index ? std::int64_t{number - 1} * per_file : 0;
  const std::int64_t hi = use_index ? std::int64_t{number} * per_file : max_id;
  // Without an index the one file lists every article, so a new one changes it.
  if (!use_index) RenderDeps::add(content::deps::kLatest);
  for (std::int64_t id = lo + 1; id <= hi; id += content::deps::kSitemapBucket)
    RenderDeps::add(content::deps::sitemap_bucket_of(id));
  if (hi > lo) RenderDeps::add(content::deps::sitemap_bucket_of(hi));
  for (const auto& e : content.sitemap_range(now, lo, hi))
    add(base + article_path(e.section_slug, e.slug, e.published_at), std::max(e.updated_at, e.published_at));
  if (!use_index) add_jobs(urlset);
  return xml_response(doc, "application/xml; charset=utf-8");
}

http::Response Feeds::robots() {
  http::Response r =
      http::Response::text(200, "User-agent: *\nAllow: /\n\nSitemap: " + config_.base_url + "/sitemap.xml\n");
  r.cacheable = true;
  return r;
}

void Feeds::add_routes(http::Router& router) {
  using http::Params;
  using http::Request;
  router.get("/robots.txt", [this](const Request&, const Params&) { return robots(); });
  router.get("/sitemap.xml", [this](const Request& r, const Params& p) { return sitemap(r, p); });
  router.get("/sitemaps/{file}", [this](const Request& r, const Params& p) { return sitemap(r, p); });
  const auto rss = [this](const Request& r, const Params& p) { return feed(r, p, false); };
  const auto atom = [this](const Request& r, const Params& p) { return feed(r, p, true); };
  for (const char* base : {"", "/councils/{council}", "/authors/{author}", "/{section}"}) {
    router.get(std::string(base) + "/feed.xml", rss);
    router.get(std::string(base) + "/atom.xml", atom);
  }
  router.get("/tags/{tag}/feed.xml", rss);
}

}  // namespace gazette::web
