#include "importers/wxr_importer.h"

#include <pugixml.hpp>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "content/html_sanitiser.h"
#include "content/text.h"
#include "councils/tagging.h"
#include "importers/xml_text.h"
#include "media/media.h"
#include "store/content_store.h"
#include "strings/strings.h"

namespace gazette::importers {
namespace {

// "2012-03-15 09:30:00" (UTC) -> Unix time; -1 for WordPress's "0000-00-00 00:00:00" or junk.
std::int64_t parse_wp_date(const std::string& s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi, &se) < 3 || y == 0) return -1;
  const std::int64_t day = content::unix_from_date(y, mo, d);
  if (day < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60) return -1;
  return day + h * 3600 + mi * 60 + se;
}

// WordPress stores classic posts without <p>: blank lines are paragraphs and single newlines breaks
// (what its wpautop filter does when it shows them). Posts with block-level markup are left alone.
std::string autop(const std::string& html) {
  for (const char* tag : {"<p", "<P", "<div", "<ul", "<ol", "<h2", "<h3", "<blockquote", "<table", "<!-- wp:"}) {
    if (html.find(tag) != std::string::npos) return html;
  }
  std::string out;
  std::size_t start = 0;
  while (start < html.size()) {
    std::size_t end = html.find("\n\n", start);
    if (end == std::string::npos) end = html.size();
    std::string para(strings::trim(std::string_view(html).substr(start, end - start)));
    if (!para.empty()) {
      std::string with_breaks;
      for (char c : para) {
        if (c == '\n')
          with_breaks += "<br>\n";
        else if (c != '\r')
          with_breaks += c;
      }
      out += "<p>" + with_breaks + "</p>\n";
    }
    start = end + 2;
  }
  return out;
}

// The path of an old permalink, as the server normalises request paths (no trailing slash); empty
// for the site root or a link that is not an http(s) URL.
std::string old_path(const std::string& link) {
  auto u = boost::urls::parse_uri(link);
  if (!u) return "";
  // As the server reads request paths: percent-decoded, repeated slashes collapsed, none trailing.
  std::string path;
  for (char c : u->path()) {
    if (c == '/' && !path.empty() && path.back() == '/') continue;
    path += c;
  }
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.empty() || path == "/") return "";
  return path;
}

// The file an attachment URL names under wp-content/uploads ("2019/06/plan.jpg").
std::string upload_path(const std::string& url) {
  auto u = boost::urls::parse_uri(url);
  if (!u) return "";
  std::string path = u->path();
  const std::string marker = "/wp-content/uploads/";
  if (const auto at = path.find(marker); at != std::string::npos) return path.substr(at + marker.size());
  return path.empty() ? "" : path.substr(1);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::map<std::string, std::string> parse_section_map(const std::string& spec, std::string& error) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start < spec.size()) {
    std::size_t end = spec.find(',', start);
    if (end == std::string::npos) end = spec.size();
    const std::string_view pair = strings::trim(std::string_view(spec).substr(start, end - start));
    start = end + 1;
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const std::string from(strings::trim(pair.substr(0, eq == std::string_view::npos ? 0 : eq)));
    const std::string to(eq == std::string_view::npos ? "" : strings::trim(pair.substr(eq + 1)));
    if (from.empty() || to.empty()) {
      error = "'" + std::string(pair) + "' is not CATEGORY=Section";
      return {};
    }
    out[lower(from)] = to;
  }
  return out;
}

WxrReport import_wxr_text(store::Connection& db, const std::string& xml, const std::string& source,
                          const WxrOptions& options) {
  WxrReport report;
  report.file = source;
  pugi::xml_document doc;
  const auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_cdata);
  if (!parsed) {
    report.error =
        "line " + std::to_string(line_of(xml, parsed.offset)) + ": not well-formed XML: " + parsed.description();
    return report;
  }
  const pugi::xml_node channel = doc.child("rss").child("channel");
  if (!channel || !channel.child("wp:wxr_version")) {
    report.error = "line 1: not a WordPress export (expected <rss><channel> with <wp:wxr_version>)";
    return report;
  }
  std::map<std::string, std::string> display_names;  // author login -> display name
  for (pugi::xml_node a : channel.children("wp:author")) {
    const std::string login = text_of(a, "wp:author_login");
    const std::string name = text_of(a, "wp:author_display_name");
    if (!login.empty()) display_names[login] = name.empty() ? login : name;
  }
  std::size_t total = 0;
  for (pugi::xml_node item = channel.child("item"); item; item = item.next_sibling("item")) ++total;

  // Attachments first, so a post's featured image can be named by id.
  std::map<std::string, std::string> attachment_urls;  // post id -> URL
  for (pugi::xml_node item : channel.children("item")) {
    if (text_of(item, "wp:post_type") == "attachment")
      attachment_urls[text_of(item, "wp:post_id")] = text_of(item, "wp:attachment_url");
  }

  const std::int64_t now = std::time(nullptr);

  // Attachments into the media library first (each upload is its own transaction, and the same bytes
  // imported again are the same picture), so posts can name their featured image.
  std::map<std::string, std::pair<std::int64_t, std::string>> library;  // attachment id -> media id, alt
  if (options.media && !options.uploads_dir.empty()) {
    for (pugi::xml_node item : channel.children("item")) {
      if (text_of(item, "wp:post_type") != "attachment") continue;
      const std::string url = text_of(item, "wp:attachment_url");
      const std::string rel = upload_path(url);
      if (rel.empty()) continue;
      const std::filesystem::path file = std::filesystem::path(options.uploads_dir) / rel;
      std::error_code ec;
      if (!std::filesystem::is_regular_file(file, ec)) continue;
      std::string why;
      auto bytes = strings::read_file(file.string(), why, std::size_t(64) << 20);
      if (!bytes) {
        report.attachments_refused.push_back(url + ": " + why);
        continue;
      }
      std::string alt;
      for (pugi::xml_node meta : item.children("wp:postmeta"))
        if (text_of(meta, "wp:meta_key") == "_wp_attachment_image_alt") alt = text_of(meta, "wp:meta_value");
      if (alt.empty()) alt = content::html_to_text(text_of(item, "title"));
      if (alt.empty()) alt = file.stem().string();
      try {
        auto up = media::upload(db, *options.media, *bytes, file.filename().string(), alt, "", std::nullopt, now);
        if (!up.error.empty()) {
          report.attachments_refused.push_back(url + ": " + up.error);
          continue;
        }
        library[text_of(item, "wp:post_id")] = {up.id, alt};
        ++report.attachments_imported;
      } catch (const std::exception& e) {
        report.attachments_refused.push_back(url + ": " + e.what());
      }
    }
  }
  struct Lead {
    std::int64_t article_id, media_id;
    std::string alt, body;
  };
  std::vector<Lead> leads;

  try {
    store::Transaction tx(db);
    store::ContentStore content(db);
    std::size_t done = 0;
    for (pugi::xml_node item : channel.children("item")) {
      ++report.items;
      if (options.progress && ++done % 500 == 0) options.progress(done, total);
      const std::string title = text_of(item, "title");
      const std::string type = text_of(item, "wp:post_type");
      const std::string status = text_of(item, "wp:status");
      auto skip = [&](const std::string& reason) {
        report.skipped.push_back({line_of(xml, item.offset_debug()), title, reason});
      };
      if (type == "attachment") {
        ++report.attachments;
        const std::string url = text_of(item, "wp:attachment_url");
        const std::string rel = upload_path(url);
        std::error_code ec;
        if (!options.uploads_dir.empty() && !rel.empty() &&
            std::filesystem::is_regular_file(std::filesystem::path(options.uploads_dir) / rel, ec)) {
          ++report.attachments_found;
        } else {
          report.attachments_missing.push_back(url);
        }
        continue;
      }
      if (type != "post" && type != "page") {
        skip("not an article: WordPress type '" + type + "'");
        continue;
      }
      if (status == "trash" || status == "auto-draft" || status == "inherit") {
        skip("status '" + status + "' is not imported");
        continue;
      }
      if (!text_of(item, "wp:post_password").empty()) {
        skip("password-protected: not made public");
        continue;
      }
      if (title.empty()) {
        skip("no title");
        continue;
      }
      content::ArticleInput in;
      // Titles may carry markup or entities ("Title <em>With</em> Markup"): the text is the headline.
      in.headline = title.find_first_of("<&") == std::string::npos ? title : content::html_to_text(title);
      if (in.headline.empty()) in.headline = title;
      in.slug = text_of(item, "wp:post_name");
      in.source_url = text_of(item, "link");
      std::int64_t when = parse_wp_date(text_of(item, "wp:post_date_gmt"));
      if (when < 0) when = parse_wp_date(text_of(item, "wp:post_date"));
      in.published_at = when > 0 ? when : 0;
      if (status == "publish") {
        in.status = content::Status::published;
      } else if (status == "future" && when > 0) {
        in.status = content::Status::scheduled;
      } else {
        in.status = content::Status::draft;  // draft, pending, private
      }
      in.body_markdown = content::html_to_markdown(autop(text_of(item, "content:encoded")));
      const std::string excerpt = text_of(item, "excerpt:encoded");
      if (!excerpt.empty()) {
        in.standfirst = content::html_to_text(excerpt);
        std::replace(in.standfirst.begin(), in.standfirst.end(), '\n', ' ');
      } else if (!in.body_markdown.empty()) {
        // No excerpt: the first paragraph serves as the standfirst, as on an imported article page.
        const auto end = in.body_markdown.find("\n\n");
        in.standfirst = content::html_to_text(content::render_markdown(in.body_markdown.substr(0, end)));
        in.body_markdown = end == std::string::npos ? "" : in.body_markdown.substr(end + 2);
      }
      for (pugi::xml_node c : item.children("category")) {
        const std::string domain = c.attribute("domain").value();
        const std::string name(strings::trim(c.text().get()));
        if (name.empty()) continue;
        if (domain == "post_tag") {
          in.tags.push_back(name);
        } else if (domain == "category" && in.section.empty()) {
          auto m = options.sections.find(lower(name));
          if (m == options.sections.end()) m = options.sections.find(lower(c.attribute("nicename").value()));
          if (m != options.sections.end())
            in.section = m->second;
          else if (lower(name) != "uncategorized")
            in.section = name;
        }
      }
      if (type == "page") in.section = options.pages_section;
      if (in.section.empty()) in.section = "News";
      const std::string login = text_of(item, "dc:creator");
      if (!login.empty()) {
        auto d = display_names.find(login);
        in.authors.push_back(d == display_names.end() ? login : d->second);
      }
      const std::pair<std::int64_t, std::string>* featured = nullptr;
      for (pugi::xml_node meta : item.children("wp:postmeta")) {
        if (text_of(meta, "wp:meta_key") != "_thumbnail_id") continue;
        const std::string id = text_of(meta, "wp:meta_value");
        if (attachment_urls.count(id)) ++report.featured_images;
        if (auto it = library.find(id); it != library.end()) featured = &it->second;
      }
      in.councils = councils::detect_mentions(in.headline, in.standfirst, in.body_markdown);
      (type == "page" ? report.pages : report.posts)++;
      if (content.save_article(in, now) == store::SaveOutcome::added)
        ++report.added;
      else
        ++report.already_present;
      if (featured) leads.push_back({content.last_saved_id(), featured->first, featured->second, in.body_markdown});
      if (const std::string path = old_path(in.source_url); !path.empty()) {
        content.add_redirect(path, content.last_saved_id());
        ++report.redirects;
      }
    }
    if (options.progress) options.progress(total, total);
    tx.commit();
    report.ok = true;
    // Featured images become lead images (each in its own transaction, naming the article's pages).
    for (const auto& l : leads) {
      media::LeadImage lead;
      lead.media_id = l.media_id;
      lead.alt = l.alt;
      media::set_article_images(db, l.article_id, lead, l.body, now);
      ++report.lead_images_set;
    }
  } catch (const std::exception& e) {
    WxrReport failed;
    failed.file = source;
    failed.error = std::string("nothing imported: ") + e.what();
    return failed;
  }
  return report;
}

WxrReport import_wxr_file(store::Connection& db, const std::string& path, const WxrOptions& options) {
  std::string error;
  auto text = strings::read_file(path, error, std::size_t(1) << 30);
  if (!text) {
    WxrReport r;
    r.file = path;
    r.error = "cannot read file: " + error;
    return r;
  }
  return import_wxr_text(db, *text, path, options);
}

}  // namespace gazette::importers
