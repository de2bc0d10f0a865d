// Imports an existing site's RSS 2.0 or Atom feed as articles, so a title can bring its recent archive
// across without an export: each <item>/<entry> is an article (title, link, date, author, summary,
// full text when the feed carries it, categories as tags), saved with the same dedupe rules as the
// other importers (headline + date), and its old address redirects (schema 16) like a WordPress post's.
//
// A feed that is not well-formed XML, not RSS or Atom, or has an item without a title or a readable
// date is rejected with the line and reason, and nothing from it is written.
#pragma once

#include <string>
#include <vector>

#include "store/connection.h"

namespace gazette::importers {

struct FeedImportReport {
  std::string file;
  bool ok = false;
  std::string error;
  std::string format;  // "rss" or "atom"
  int items = 0, added = 0, already_present = 0, redirects = 0;
};

// `section` is where the articles go (the feed says nothing reliable about sections).
FeedImportReport import_article_feed_text(store::Connection& db, const std::string& xml, const std::string& source,
                                          const std::string& section);
FeedImportReport import_article_feed_file(store::Connection& db, const std::string& path, const std::string& section);

// Fetches an http(s) URL (libcurl: redirects followed, 30 s limit, at most 64 MB, HTTP errors
// refused) and imports it. `source` in the report is the URL.
FeedImportReport import_article_feed_url(store::Connection& db, const std::string& url, const std::string& section);

}  // namespace gazette::importers
