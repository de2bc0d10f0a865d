// Machine-readable pages: RSS 2.0 and Atom feeds, sitemaps, robots.txt. XML is built with pugixml so
// every value is escaped by the library.
#include <sodium.h>
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <sstream>
#include <utility>

#include "content/dependencies.h"
#include "content/text.h"
#include "http/compression.h"
#include "jobs/categories.h"
#include "search/job_search.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "store/job_store.h"
#include "web/feeds.h"
#include "web/job_board.h"
#include "web/page_cache.h"
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

namespace {

// Sitemaps: /sitemap.xml is always an index; each child holds at most `per_file` URLs (the protocol
// allows 50,000; the setting is a little under). Articles are filed by id range, so a new article
// changes only the last file and an edit only its own; the other kinds are filed by position in
// their (alphabetical) list.
constexpr const char* kSitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

pugi::xml_node urlset(pugi::xml_document& doc) {
  auto set = doc.append_child("urlset");
  set.append_attribute("xmlns") = kSitemapNs;
  return set;
}

void add_url(pugi::xml_node set, const std::string& loc, std::int64_t modified) {
  auto u = set.append_child("url");
  text_child(u, "loc", loc);
  if (modified > 0) text_child(u, "lastmod", content::format_iso8601(modified));
}

std::int64_t files_for(std::int64_t count, int per_file) {
  return (count + per_file - 1) / per_file;
}

// "authors-3.xml" -> {"authors", 3}; "7.xml" -> {"", 7}; "pages.xml" -> {"pages", 1}. Number 0 when
// the name has no valid form.
std::pair<std::string, std::int64_t> child_name(const std::string& file) {
  if (!file.ends_with(".xml")) return {"", 0};
  std::string_view stem(file.data(), file.size() - 4);
  if (stem == "pages") return {"pages", 1};
  std::string kind;
  if (auto dash = stem.rfind('-'); dash != std::string_view::npos) {
    kind = stem.substr(0, dash);
    stem.remove_prefix(dash + 1);
    if (kind != "authors" && kind != "tags" && kind != "councils" && kind != "jobs") return {"", 0};
  }
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(stem.data(), stem.data() + stem.size(), n);
  if (ec != std::errc() || ptr != stem.data() + stem.size() || n < 1) return {"", 0};
  return {kind, n};
}

// The slice [first, first + per_file) of `all`, or nothing.
template <typename T>
std::vector<T> page_of(std::vector<T> all, std::int64_t number, int per_file) {
  const auto first = static_cast<std::size_t>((number - 1) * per_file);
  if (first >= all.size()) return {};
  const auto last = std::min(all.size(), first + static_cast<std::size_t>(per_file));
  return {std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(first)),
          std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(last))};
}

// Councils whose page has articles: the ones worth a search engine's visit.
std::vector<store::CouncilRow> councils_with_articles(store::Connection& db) {
  auto all = store::CouncilStore(db).all();
  std::erase_if(all, [](const store::CouncilRow& c) { return c.articles == 0; });
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.slug < b.slug; });
  return all;
}

constexpr int kMaxTags = 10'000'000;

}  // namespace

http::Response Feeds::sitemap_index() {
  store::ContentStore content(db());
  const std::int64_t now = std::time(nullptr);
  const int per_file = config_.sitemap_articles_per_file;
  const std::string& base = config_.base_url;
  // The index changes when a file is added: a new article past a file's range, a new author or tag
  // (both come with a new article), a council's first article, adverts published or closed.
  RenderDeps::add(content::deps::kLatest);
  RenderDeps::add(content::deps::kJobs);
  RenderDeps::add(content::deps::kCouncils);
  const std::int64_t article_files = std::max<std::int64_t>(1, files_for(content.max_id(), per_file));
  const std::int64_t live_jobs =
      cached_count(std::string(content::deps::kJobs), [&] { return store::JobStore(db()).live_count(now); });
  pugi::xml_document doc;
  auto index = doc.append_child("sitemapindex");
  index.append_attribute("xmlns") = kSitemapNs;
  auto child = [&](const std::string& name) {
    text_child(index.append_child("sitemap"), "loc", base + "/sitemaps/" + name);
  };
  child("pages.xml");
  for (std::int64_t i = 1; i <= article_files; ++i) child(std::to_string(i) + ".xml");
  const std::pair<const char*, std::int64_t> kinds[] = {
      {"authors", static_cast<std::int64_t>(content.authors().size())},
      {"tags", static_cast<std::int64_t>(content.tags(kMaxTags).size())},
      {"councils", static_cast<std::int64_t>(councils_with_articles(db()).size())},
      {"jobs", live_jobs}};
  for (const auto& [kind, count] : kinds)
    for (std::int64_t i = 1; i <= files_for(count, per_file); ++i)
      child(std::string(kind) + "-" + std::to_string(i) + ".xml");
  return xml_response(doc, "application/xml; charset=utf-8");
}

http::Response Feeds::sitemap(const http::Request& req, const http::Params& p) {
  auto it = p.find("file");
  if (it == p.end()) return sitemap_index();
  const auto [kind, number] = child_name(it->second);
  if (number == 0) return not_found_page(req);
  store::ContentStore content(db());
  const std::int64_t now = std::time(nullptr);
  const int per_file = config_.sitemap_articles_per_file;
  const std::string& base = config_.base_url;
  pugi::xml_document doc;
  auto set = urlset(doc);
  if (kind == "pages") {
    // The home page, the jobs board, the council register and every section.
    RenderDeps::add(content::deps::kNavigation);
    add_url(set, base + "/", 0);
    add_url(set, base + "/jobs", 0);
    add_url(set, base + "/councils", 0);
    for (const auto& s : content.sections()) add_url(set, base + section_path(s), 0);
  } else if (kind == "authors" || kind == "tags") {
    // A new author or tag comes with a new article.
    RenderDeps::add(content::deps::kLatest);
    std::vector<std::string> paths;
    if (kind == "authors")
      for (const auto& a : page_of(content.authors(), number, per_file)) paths.push_back(author_path(a));
    else
      for (const auto& t : page_of(content.tags(kMaxTags), number, per_file)) paths.push_back(tag_path(t));
    if (paths.empty()) return not_found_page(req);
    for (const auto& path : paths) add_url(set, base + path, 0);
  } else if (kind == "councils") {
    RenderDeps::add(content::deps::kCouncils);
    auto councils = page_of(councils_with_articles(db()), number, per_file);
    if (councils.empty()) return not_found_page(req);
    for (const auto& c : councils) add_url(set, base + "/councils/" + c.slug, 0);
  } else if (kind == "jobs") {
    RenderDeps::add(content::deps::kJobs);
    // Live adverts only: a closed advert leaves the sitemap on its closing day.
    auto jobs = store::JobStore(db()).live_for_sitemap(now, per_file, static_cast<int>((number - 1) * per_file));
    if (jobs.empty()) return not_found_page(req);
    for (const auto& j : jobs) add_url(set, base + "/jobs/" + std::to_string(j.id) + "/" + j.slug, j.updated_at);
  } else {
    // Articles with ids in ((number - 1) * per_file, number * per_file]; a range may hold fewer
    // (drafts, deleted articles), and the last one grows as articles are published.
    const std::int64_t max_id = content.max_id();
    if (number > std::max<std::int64_t>(1, files_for(max_id, per_file))) return not_found_page(req);
    const std::int64_t lo = (number - 1) * per_file, hi = std::min(number * per_file, max_id);
    if (number * per_file >= max_id) RenderDeps::add(content::deps::kLatest);  // the last file grows
    for (std::int64_t id = lo + 1; id <= hi; id += content::deps::kSitemapBucket)
      RenderDeps::add(content::deps::sitemap_bucket_of(id));
    if (hi > lo) RenderDeps::add(content::deps::sitemap_bucket_of(hi));
    for (const auto& e : content.sitemap_range(now, lo, hi))
      add_url(set, base + article_path(e.section_slug, e.slug, e.published_at), std::max(e.updated_at, e.published_at));
  }
  return xml_response(doc, "application/xml; charset=utf-8");
}

http::Response Feeds::news_sitemap() {
  // Google News: articles published in the last 48 hours, at most 1,000, newest first.
  constexpr std::int64_t kWindow = 48 * 3600;
  constexpr int kMaxNews = 1000;
  const std::int64_t now = std::time(nullptr);
  RenderDeps::add(content::deps::kLatest);
  pugi::xml_document doc;
  auto set = urlset(doc);
  set.append_attribute("xmlns:news") = "http://www.google.com/schemas/sitemap-news/0.9";
  store::ContentStore content(db());
  for (const auto& a : content.list({}, now, kMaxNews, 0)) {
    if (a.published_at < now - kWindow) break;
    auto u = set.append_child("url");
    text_child(u, "loc", config_.base_url + article_path(a));
    auto news = u.append_child("news:news");
    auto publication = news.append_child("news:publication");
    text_child(publication, "news:name", config_.site_name);
    text_child(publication, "news:language", "en");
    text_child(news, "news:publication_date", content::format_iso8601(a.published_at));
    text_child(news, "news:title", a.headline);
  }
  http::Response r = xml_response(doc, "application/xml; charset=utf-8");
  r.cache_ttl = 600;  // articles leave it as they pass 48 hours, which no write announces
  return r;
}

http::Response Feeds::robots() {
  http::Response r =
      http::Response::text(200, "User-agent: *\nAllow: /\n\nSitemap: " + config_.base_url +
                                    "/sitemap.xml\nSitemap: " + config_.base_url + "/news-sitemap.xml\n");
  r.cacheable = true;
  return r;
}

// The Indeed-style feed of every live advert, for job aggregators. The format has no paging (one file
// per publisher, fetched whole), and at 100,000 adverts it is ~57 MB: it is built once per version of
// the job index (which moves whenever a write names `jobs`: an advert published, changed, closed or
// reaching its closing time), kept with its gzip form, and every request is answered from that shared
// buffer without a copy. While a new version is being built, readers get the previous one; only the
// very first request waits. Per-request query strings cannot make new copies: there is one document.
std::shared_ptr<const CachedPage> Feeds::job_feed_document() {
  const std::uint64_t version = jobs_.version();
  {
    std::lock_guard lock(job_feed_mutex_);
    if (job_feed_ && job_feed_version_ == version) return job_feed_;
  }
  std::unique_lock build(job_feed_build_mutex_, std::defer_lock);
  {
    std::lock_guard lock(job_feed_mutex_);
    // Someone else is building: the previous version serves until that is done.
    if (job_feed_ && !build.try_lock()) return job_feed_;
  }
  if (!build.owns_lock()) build.lock();
  {
    std::lock_guard lock(job_feed_mutex_);
    if (job_feed_ && job_feed_version_ >= version) return job_feed_;
  }
  auto page = std::make_shared<CachedPage>();
  const std::int64_t now = std::time(nullptr);
  page->content_type = "application/xml; charset=utf-8";
  auto body = std::make_shared<std::string>(build_job_feed(now));
  page->gzip = std::make_shared<const std::string>(http::gzip_compress(*body));
  page->br = std::make_shared<const std::string>();  // brotli at this size costs seconds: gzip serves
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body->data()), body->size(), nullptr, 0);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  page->etag = "\"" + std::string(hex) + "\"";
  page->last_modified_unix = now;
  page->last_modified = content::format_rfc1123(now);
  page->bytes = body->size() + page->gzip->size();
  page->identity = std::move(body);
  std::lock_guard lock(job_feed_mutex_);
  job_feed_ = std::move(page);
  job_feed_version_ = version;
  return job_feed_;
}

std::string Feeds::build_job_feed(std::int64_t now) {
  store::JobStore store(db());
  search::JobQuery q;
  q.page_size = 1000000;
  auto result = jobs_.index()->search(q, nullptr, now);
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<source>\n";
  {
    pugi::xml_document head;
    text_child(head, "publisher", config_.site_name);
    text_child(head, "publisherurl", config_.base_url + "/jobs");
    text_child(head, "lastBuildDate", content::format_rfc1123(now));
    head.save(out, "  ", pugi::format_default | pugi::format_no_declaration);
  }
  auto cdata = [](pugi::xml_node parent, const char* name, const std::string& value) {
    // pugixml writes a value holding "]]>" as two CDATA sections itself: escaping is its job alone.
    parent.append_child(name).append_child(pugi::node_cdata).set_value(value.c_str());
  };
  // One small document per advert, written out at once: the whole feed never sits in a DOM.
  for (std::int64_t id : result.ids) {
    auto j = store.by_id(id);
    if (!j) continue;
    pugi::xml_document one;
    auto job = one.append_child("job");
    cdata(job, "title", j->title);
    cdata(job, "date", content::format_rfc1123(j->posted_at));
    // The reference the advert's page shows (jobs::shown_reference).
    cdata(job, "referencenumber", jobs::shown_reference(*j));
    cdata(job, "url", config_.base_url + job_path(*j));
    cdata(job, "company", j->employer);
    cdata(job, "city", j->location);
    cdata(job, "state", j->region);
    cdata(job, "country", "GB");
    // The same HTML the job page shows: rendered from Markdown (cmark-gfm, safe mode) or, for an
    // advert that came with HTML, kept through content::sanitise_html when it was stored.
    cdata(job, "description", j->description_html);
    cdata(job, "salary", j->salary_text);
    std::string type = j->hours == "part-time" ? "parttime" : j->hours == "full-time" ? "fulltime" : "";
    if (!j->contract.empty()) type += (type.empty() ? "" : ", ") + j->contract;
    cdata(job, "jobtype", type);
    cdata(job, "category", jobs::category_name(j->category));
    if (j->closes_at) cdata(job, "expirationdate", content::format_rfc1123(*j->closes_at - 86400));
    one.save(out, "  ", pugi::format_default | pugi::format_no_declaration);
  }
  out << "</source>\n";
  return std::move(out).str();
}

http::Response Feeds::job_feed(const http::Request& req) {
  auto page = job_feed_document();
  http::Response r = PageCache::respond(*page, req, config_.cache_max_age, 0, false);
  r.cacheable = false;  // the one copy above is the cache; the page cache would compress it again
  return r;
}

void Feeds::add_routes(http::Router& router) {
  using http::Params;
  using http::Request;
  router.get("/robots.txt", [this](const Request&, const Params&) { return robots(); });
  router.get("/sitemap.xml", [this](const Request& r, const Params& p) { return sitemap(r, p); });
  router.get("/news-sitemap.xml", [this](const Request&, const Params&) { return news_sitemap(); });
  router.get("/jobs/feed.xml", [this](const Request& r, const Params&) { return job_feed(r); });
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
