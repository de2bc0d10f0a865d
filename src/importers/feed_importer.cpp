#include "importers/feed_importer.h"

#include <curl/curl.h>
#include <pugixml.hpp>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>

#include "content/html_sanitiser.h"
#include "content/text.h"
#include "councils/tagging.h"
#include "importers/xml_text.h"
#include "store/content_store.h"
#include "strings/strings.h"

namespace gazette::importers {
namespace {

// RFC 822 ("Tue, 07 May 2024 08:00:00 GMT", "+0100" offsets) or RFC 3339 ("2024-05-07T08:00:00Z",
// "+01:00"), to Unix time; -1 when it is neither.
std::int64_t parse_feed_time(const std::string& s) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  char zone[16] = {};
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') {
    const int n = std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%15s", &y, &mo, &d, &h, &mi, &se, zone);
    if (n < 3) return -1;
    std::int64_t t = content::unix_from_date(y, mo, d);
    if (t < 0) return -1;
    t += h * 3600 + mi * 60 + se;
    // A fraction of a second, then Z or an offset.
    const char* z = zone;
    if (*z == '.')
      while (*z && *z != 'Z' && *z != '+' && *z != '-') ++z;
    int oh = 0, om = 0;
    if ((*z == '+' || *z == '-') && std::sscanf(z + 1, "%2d:%2d", &oh, &om) >= 1)
      t -= (*z == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    return t;
  }
  char mon[4] = {};
  const char* p = s.c_str();
  if (const char* comma = std::strchr(p, ',')) p = comma + 1;
  const int n = std::sscanf(p, "%d %3s %d %d:%d:%d %15s", &d, mon, &y, &h, &mi, &se, zone);
  if (n < 3) return -1;
  for (int i = 0; i < 12; ++i) {
    if (std::strcmp(mon, kMonths[i]) != 0) continue;
    std::int64_t t = content::unix_from_date(y, i + 1, d);
    if (t < 0) return -1;
    t += h * 3600 + mi * 60 + se;
    if ((zone[0] == '+' || zone[0] == '-') && std::strlen(zone) == 5) {
      const int hh = (zone[1] - '0') * 10 + (zone[2] - '0'), mm = (zone[3] - '0') * 10 + (zone[4] - '0');
      t -= (zone[0] == '+' ? 1 : -1) * (hh * 3600 + mm * 60);
    }
    return t;
  }
  return -1;
}

std::string old_path(const std::string& link) {
  auto u = boost::urls::parse_uri(link);
  if (!u) return "";
  std::string path;
  for (char c : u->path()) {
    if (c == '/' && !path.empty() && path.back() == '/') continue;
    path += c;
  }
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path == "/" ? "" : path;
}

std::string as_text(const std::string& maybe_html) {
  std::string t = maybe_html.find_first_of("<&") == std::string::npos ? maybe_html : content::html_to_text(maybe_html);
  std::replace(t.begin(), t.end(), '\n', ' ');
  return std::string(strings::trim(t));
}

struct Entry {
  content::ArticleInput in;
  int line = 0;
};

}  // namespace

FeedImportReport import_article_feed_text(store::Connection& db, const std::string& xml, const std::string& source,
                                          const std::string& section) {
  FeedImportReport report;
  report.file = source;
  pugi::xml_document doc;
  const auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_cdata);
  if (!parsed) {
    report.error =
        "line " + std::to_string(line_of(xml, parsed.offset)) + ": not well-formed XML: " + parsed.description();
    return report;
  }
  const bool atom = static_cast<bool>(doc.child("feed"));
  const pugi::xml_node container = atom ? doc.child("feed") : doc.child("rss").child("channel");
  if (!container) {
    report.error = "line 1: not an RSS 2.0 (<rss><channel>) or Atom (<feed>) feed";
    return report;
  }
  report.format = atom ? "atom" : "rss";
  std::vector<Entry> entries;
  for (pugi::xml_node item : container.children(atom ? "entry" : "item")) {
    Entry e;
    e.line = line_of(xml, item.offset_debug());
    auto fail = [&](const std::string& why) {
      report.error = "line " + std::to_string(e.line) + ": " + why;
      return report;
    };
    content::ArticleInput& in = e.in;
    in.headline = as_text(text_of(item, "title"));
    if (in.headline.empty()) return fail("an item without a <title>");
    if (atom) {
      for (pugi::xml_node l : item.children("link")) {
        const std::string rel = l.attribute("rel").value();
        if (rel.empty() || rel == "alternate") in.source_url = l.attribute("href").value();
      }
    } else {
      in.source_url = text_of(item, "link");
    }
    const std::string when =
        atom ? (text_of(item, "published").empty() ? text_of(item, "updated") : text_of(item, "published"))
             : (text_of(item, "pubDate").empty() ? text_of(item, "dc:date") : text_of(item, "pubDate"));
    const std::int64_t t = when.empty() ? -1 : parse_feed_time(when);
    if (t < 0) return fail(when.empty() ? "an item without a date" : "the date is not a date: '" + when + "'");
    in.published_at = t;
    std::string author = atom ? text_of(item.child("author"), "name") : text_of(item, "dc:creator");
    if (author.empty() && !atom) author = text_of(item, "author");  // RSS: often "email (Name)"
    if (const auto open = author.find('('); open != std::string::npos && author.back() == ')')
      author = author.substr(open + 1, author.size() - open - 2);
    if (!author.empty() && author.find('@') == std::string::npos) in.authors.push_back(author);
    const std::string summary = atom ? text_of(item, "summary") : text_of(item, "description");
    const std::string full = atom ? text_of(item, "content") : text_of(item, "content:encoded");
    if (!full.empty()) {
      in.body_markdown = content::html_to_markdown(full);
      in.standfirst = as_text(summary);
    } else {
      // Only a description: one paragraph is the standfirst; more make the body, the first of them the
      // standfirst.
      const std::string md = content::html_to_markdown(summary);
      const auto end = md.find("\n\n");
      in.standfirst = as_text(content::render_markdown(md.substr(0, end)));
      if (end != std::string::npos) in.body_markdown = md.substr(end + 2);
    }
    if (in.standfirst.empty() && !in.body_markdown.empty()) {
      const auto end = in.body_markdown.find("\n\n");
      in.standfirst = as_text(content::render_markdown(in.body_markdown.substr(0, end)));
      in.body_markdown = end == std::string::npos ? "" : in.body_markdown.substr(end + 2);
    }
    for (pugi::xml_node c : item.children("category")) {
      const std::string tag = atom ? std::string(c.attribute("label").value()).empty() ? c.attribute("term").value()
                                                                                       : c.attribute("label").value()
                                   : std::string(strings::trim(c.text().get()));
      if (!tag.empty() && std::find(in.tags.begin(), in.tags.end(), tag) == in.tags.end()) in.tags.push_back(tag);
    }
    in.section = section.empty() ? "News" : section;
    entries.push_back(std::move(e));
  }
  const std::int64_t now = std::time(nullptr);
  try {
    store::Transaction tx(db);
    store::ContentStore content(db);
    for (auto& e : entries) {
      ++report.items;
      e.in.councils = councils::detect_mentions(e.in.headline, e.in.standfirst, e.in.body_markdown);
      if (content.save_article(e.in, now) == store::SaveOutcome::added)
        ++report.added;
      else
        ++report.already_present;
      if (const std::string path = old_path(e.in.source_url); !path.empty()) {
        content.add_redirect(path, content.last_saved_id());
        ++report.redirects;
      }
    }
    tx.commit();
    report.ok = true;
  } catch (const std::exception& ex) {
    FeedImportReport failed;
    failed.file = source;
    failed.error = std::string("nothing imported: ") + ex.what();
    return failed;
  }
  return report;
}

namespace {

std::size_t collect(char* data, std::size_t size, std::size_t count, void* out) {
  auto* body = static_cast<std::string*>(out);
  const std::size_t n = size * count;
  if (body->size() + n > (std::size_t(64) << 20)) return 0;  // too large: curl stops with a write error
  body->append(data, n);
  return n;
}

}  // namespace

FeedImportReport import_article_feed_url(store::Connection& db, const std::string& url, const std::string& section) {
  FeedImportReport report;
  report.file = url;
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    report.error = "cannot start the HTTP client";
    return report;
  }
  std::string body;
  char message[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl.get(), CURLOPT_FAILONERROR, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, "Gazette feed import");
  curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, message);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
  if (const CURLcode rc = curl_easy_perform(curl.get()); rc != CURLE_OK) {
    report.error = std::string("cannot fetch the feed: ") + (message[0] ? message : curl_easy_strerror(rc));
    return report;
  }
  return import_article_feed_text(db, body, url, section);
}

FeedImportReport import_article_feed_file(store::Connection& db, const std::string& path, const std::string& section) {
  std::string error;
  auto text = strings::read_file(path, error, std::size_t(256) << 20);
  if (!text) {
    FeedImportReport r;
    r.file = path;
    r.error = "cannot read file: " + error;
    return r;
  }
  return import_article_feed_text(db, *text, path, section);
}

}  // namespace gazette::importers
