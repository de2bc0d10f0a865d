// Imports a WordPress export (WXR, the XML that Tools > Export writes): posts and pages become
// articles, with their categories (as sections, through a mapping), tags, authors (as article
// authors, not newsroom users), dates, status and slugs; bodies are sanitised (content::sanitise_html)
// and kept as Markdown (content::html_to_markdown, lossless for what the allow-list keeps). Each
// post's old address becomes a redirect (schema 16) that the server answers with a 301.
//
// Every item is accounted for: imported, already present, or skipped with a reason (menus and other
// non-content types, trash and auto-drafts, password-protected posts, items without a title).
// Attachments are counted and, with an uploads directory, looked up there by their path under
// wp-content/uploads; Gazette has no media library yet, so files are reported (found or missing), not
// copied. The whole file imports in one transaction; importing it again adds nothing.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "media/media.h"
#include "store/connection.h"

namespace gazette::importers {

struct WxrOptions {
  // Category (name or slug, any case) -> section name. Unmapped categories are sections of their own
  // name; "Uncategorized" (unmapped) and posts without a category go to News.
  std::map<std::string, std::string> sections;
  std::string pages_section = "Pages";  // the section WordPress pages go to
  std::string uploads_dir;              // where wp-content/uploads was copied; empty: attachments reported
  // With uploads_dir: attachments found there go into the media library (checked and resized like an
  // upload), and a post's featured image becomes its lead image. Empty: they are only counted.
  std::optional<media::Settings> media;
  // Called every 500 items and at the end when set: items done, items in the file.
  std::function<void(std::size_t, std::size_t)> progress;
};

struct WxrSkipped {
  int line = 0;
  std::string title;
  std::string reason;
};

struct WxrReport {
  std::string file;
  bool ok = false;
  std::string error;  // why the file was rejected; nothing was written
  int items = 0;      // every <item>: posts + pages + attachments + skipped
  int posts = 0, pages = 0;
  int added = 0, already_present = 0;
  int redirects = 0;  // old addresses recorded
  int attachments = 0, attachments_found = 0, featured_images = 0;
  int attachments_imported = 0;                  // into the media library (options.media)
  int lead_images_set = 0;                       // featured images that became articles' lead images
  std::vector<std::string> attachments_refused;  // "URL: why" (not a picture, too large, ...)
  std::vector<std::string> attachments_missing;  // URLs not found under uploads_dir (or all, without one)
  std::vector<WxrSkipped> skipped;
};

// Parses "Old category=Section,news-and-views=News" into a category -> section map (keys lower-cased).
std::map<std::string, std::string> parse_section_map(const std::string& spec, std::string& error);

WxrReport import_wxr_text(store::Connection& db, const std::string& xml, const std::string& source,
                          const WxrOptions& options);
WxrReport import_wxr_file(store::Connection& db, const std::string& path, const WxrOptions& options);

}  // namespace gazette::importers
