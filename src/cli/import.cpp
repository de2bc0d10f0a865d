#include <boost/json.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "importers/feed_importer.h"
#include "importers/job_feed_importer.h"
#include "importers/job_table_importer.h"
#include "importers/listing_importer.h"
#include "importers/wxr_importer.h"
#include "store/migrations.h"
#include "web/media_pages.h"

namespace gazette::cli {
namespace {

boost::json::object report_json(const importers::ImportReport& r) {
  boost::json::array skipped;
  for (const auto& s : r.skipped) skipped.push_back({{"line", s.line}, {"reason", s.reason}});
  boost::json::object o{{"file", r.file},
                        {"ok", r.ok},
                        {"added", r.added},
                        {"already_present", r.already_present},
                        {"updated", r.updated},
                        {"near_duplicates", r.near_duplicates},
                        {"adverts_set_aside", r.adverts_set_aside},
                        {"adverts_new", r.adverts_new},
                        {"skipped", skipped}};
  if (!r.layout.empty()) o["layout"] = r.layout;
  if (!r.error.empty()) o["error"] = r.error;
  if (!r.warning.empty()) o["warning"] = r.warning;
  return o;
}

// Why `file` cannot be imported, found before the database is opened (so a mistyped name creates no
// database): empty when it is a file this process can read.
std::string unreadable(const std::string& file) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) return "is a directory, not a file";
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::string("cannot read file: ") + std::strerror(errno);
  return "";
}

// Checks every input file; prints each one that cannot be read (as JSON in `json` mode: the shape of
// the command's report, one entry per such file) and returns false when there is any.
bool inputs_readable(const std::vector<std::string>& files, const char* command, bool json, bool one_per_file) {
  boost::json::array bad;
  bool ok = true;
  for (const auto& file : files) {
    const std::string why = unreadable(file);
    if (why.empty()) continue;
    ok = false;
    const std::string error = why + "; nothing imported";
    if (!json)
      std::cerr << command << ": " << file << ": " << error << "\n";
    else if (one_per_file)
      std::cout << boost::json::serialize(boost::json::object{{"file", file}, {"ok", false}, {"error", error}}) << "\n";
    else
      bad.push_back(boost::json::object{{"file", file}, {"ok", false}, {"error", error}});
  }
  if (json && !one_per_file && !ok)
    std::cout << boost::json::serialize(boost::json::object{{"ok", false},
                                                            {"added", 0},
                                                            {"already_present", 0},
                                                            {"updated", 0},
                                                            {"near_duplicates", 0},
                                                            {"adverts_set_aside", 0},
                                                            {"adverts_new", 0},
                                                            {"lines_skipped", 0},
                                                            {"files", bad}})
              << "\n";
  return ok;
}

void print_text(const importers::ImportReport& r) {
  if (!r.error.empty()) {
    std::cerr << r.file << ": error: " << r.error << "\n";
    return;
  }
  if (!r.warning.empty()) {
    std::cerr << r.file << ": warning: " << r.warning << "\n";
    for (const auto& s : r.skipped) std::cerr << "  line " << s.line << ": skipped: " << s.reason << "\n";
    return;
  }
  std::cout << r.file << ": " << r.added << " added, " << r.already_present << " already present";
  if (r.updated) std::cout << ", " << r.updated << " updated";
  if (r.near_duplicates) std::cout << ", " << r.near_duplicates << " near-duplicates skipped";
  std::cout << ", " << r.adverts_set_aside << " job adverts found (" << r.adverts_new << " new on the jobs board)"
            << ", " << r.skipped.size() << " lines skipped\n";
  for (const auto& s : r.skipped) std::cout << "  line " << s.line << ": skipped: " << s.reason << "\n";
}

}  // namespace

void register_import(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("import", "Import content from files");
  cmd->require_subcommand(1);
  auto* listing = cmd->add_subcommand("listing", "Import listing/article page dumps (plain text, UTF-8)");
  static std::vector<std::string> files;
  static bool as_json = false;
  listing->add_option("FILE", files, "Dump files to import; each imports in one transaction")->required();
  listing->add_flag("--json", as_json, "Print the summary as one JSON object");
  listing->footer(
      "Importing the same file twice adds nothing. Job adverts found in the pages are set aside for the\n"
      "jobs board and counted. Every FILE is checked first: if one is missing or unreadable, nothing is\n"
      "imported and no database is opened. Exit status: 0 when every file imported, 1 when any file was\n"
      "rejected, 3 when none was rejected but a file with text yielded no article or job advert (a warning\n"
      "names it; its layout is one the importer does not read, or it is all site furniture).");
  listing->callback([&g] {
    auto cfg = g.load();
    if (!inputs_readable(files, "gazette import listing", as_json, false)) {
      g.exit_code = 1;
      return;
    }
    std::unique_ptr<store::Connection> db;
    try {
      db = open_database(cfg, as_json);
    } catch (const std::exception& e) {
      std::cerr << "gazette import: " << e.what() << "\n";
      g.exit_code = 1;
      return;
    }
    boost::json::array reports;
    importers::ImportReport total;
    total.ok = true;
    bool rejected = false, empty = false;
    for (const auto& file : files) {
      auto r = importers::import_listing_file(*db, file);
      if (as_json)
        reports.push_back(report_json(r));
      else
        print_text(r);
      total.ok = total.ok && r.ok;
      rejected = rejected || !r.error.empty();
      empty = empty || !r.warning.empty();
      total.added += r.added;
      total.already_present += r.already_present;
      total.updated += r.updated;
      total.near_duplicates += r.near_duplicates;
      total.adverts_set_aside += r.adverts_set_aside;
      total.adverts_new += r.adverts_new;
      total.skipped.insert(total.skipped.end(), r.skipped.begin(), r.skipped.end());
    }
    if (as_json) {
      boost::json::object out{{"ok", total.ok},
                              {"added", total.added},
                              {"already_present", total.already_present},
                              {"updated", total.updated},
                              {"near_duplicates", total.near_duplicates},
                              {"adverts_set_aside", total.adverts_set_aside},
                              {"adverts_new", total.adverts_new},
                              {"lines_skipped", total.skipped.size()},
                              {"files", reports}};
      std::cout << boost::json::serialize(out) << "\n";
    } else if (files.size() > 1) {
      std::cout << "total: " << total.added << " added, " << total.already_present << " already present, "
                << total.adverts_set_aside << " job adverts found, " << total.skipped.size() << " lines skipped\n";
    }
    if (rejected)
      g.exit_code = 1;
    else if (empty)
      g.exit_code = 3;
  });

  auto* wxr = cmd->add_subcommand("wxr", "Import a WordPress export (WXR): posts, pages, categories, tags, authors");
  static std::string wxr_file, uploads_dir, section_map, pages_section = "Pages";
  static bool wxr_json = false;
  wxr->add_option("FILE", wxr_file, "The WXR file (Tools > Export in WordPress)")->required();
  wxr->add_option("--uploads", uploads_dir,
                  "A copy of wp-content/uploads: pictures found there go into the media library, and featured "
                  "images become lead images");
  wxr->add_option("--sections", section_map,
                  "Categories to sections, e.g. \"Uncategorized=News,Opinion pieces=Comment\" (name or slug)");
  wxr->add_option("--pages-section", pages_section, "The section WordPress pages go to (default Pages)");
  wxr->add_flag("--json", wxr_json, "Print the summary as one JSON object");
  wxr->footer(
      "Posts and pages become articles (bodies sanitised and kept as Markdown; the first category is the\n"
      "section, tags stay tags, authors are article authors). Each post's old address answers 301 to its new\n"
      "one. Every item is accounted for: imported, already present, or skipped with a reason. Attachments are\n"
      "counted and looked up under --uploads; Gazette has no media library yet, so they are reported, not\n"
      "copied. The file imports in one transaction; importing it again adds nothing. Progress goes to stderr\n"
      "for exports of 1,000 items or more. Exit status 0, or 1 when the file was rejected (nothing written).");
  wxr->callback([&g] {
    auto cfg = g.load();
    if (!inputs_readable({wxr_file}, "gazette import wxr", wxr_json, true)) {
      g.exit_code = 1;
      return;
    }
    importers::WxrOptions options;
    options.uploads_dir = uploads_dir;
    if (!uploads_dir.empty()) options.media = web::media_settings(cfg);  // attachments into the media library
    options.pages_section = pages_section;
    if (!section_map.empty()) {
      std::string error;
      options.sections = importers::parse_section_map(section_map, error);
      if (!error.empty()) {
        std::cerr << "gazette import wxr: --sections: " << error << "\n";
        g.exit_code = 2;
        return;
      }
    }
    options.progress = [](std::size_t done, std::size_t total) {
      if (total >= 1000) std::cerr << "wxr: " << done << "/" << total << " items\n";
    };
    std::unique_ptr<store::Connection> db;
    try {
      db = open_database(cfg, wxr_json);
    } catch (const std::exception& e) {
      std::cerr << "gazette import wxr: " << e.what() << "\n";
      g.exit_code = 1;
      return;
    }
    const auto r = importers::import_wxr_file(*db, wxr_file, options);
    if (wxr_json) {
      boost::json::array skipped, missing, refused;
      for (const auto& m : r.attachments_refused) refused.push_back(boost::json::value(m));
      for (const auto& s : r.skipped) skipped.push_back({{"line", s.line}, {"title", s.title}, {"reason", s.reason}});
      for (const auto& m : r.attachments_missing) missing.push_back(boost::json::value(m));
      boost::json::object o{{"file", r.file},
                            {"ok", r.ok},
                            {"items", r.items},
                            {"posts", r.posts},
                            {"pages", r.pages},
                            {"added", r.added},
                            {"already_present", r.already_present},
                            {"redirects", r.redirects},
                            {"attachments", r.attachments},
                            {"attachments_found", r.attachments_found},
                            {"attachments_missing", missing},
                            {"featured_images", r.featured_images},
                            {"attachments_imported", r.attachments_imported},
                            {"attachments_refused", refused},
                            {"lead_images_set", r.lead_images_set},
                            {"skipped", skipped}};
      if (!r.ok) o["error"] = r.error;
      std::cout << boost::json::serialize(o) << "\n";
    } else if (r.ok) {
      std::cout << r.file << ": " << r.items << " items: " << r.posts << " posts and " << r.pages << " pages ("
                << r.added << " added, " << r.already_present << " already present), " << r.attachments
                << " attachments (" << r.attachments_found << " found under --uploads), " << r.skipped.size()
                << " skipped; " << r.redirects << " old addresses redirected\n";
      for (const auto& s : r.skipped)
        std::cout << "  line " << s.line << ": skipped '" << s.title << "': " << s.reason << "\n";
      if (r.attachments_imported > 0 || !r.attachments_refused.empty())
        std::cout << "  " << r.attachments_imported << " pictures imported into the media library, "
                  << r.lead_images_set << " featured images set as lead images\n";
      for (const auto& m : r.attachments_refused) std::cout << "  picture not imported: " << m << "\n";
      if (!r.attachments_missing.empty())
        std::cout << "  " << r.attachments_missing.size() << " attachments not imported"
                  << (uploads_dir.empty() ? " (no --uploads given)" : " (not found under --uploads)") << "\n";
    } else {
      std::cerr << r.file << ": error: " << r.error << "\n";
    }
    if (!r.ok) g.exit_code = 1;
  });

  auto* feed = cmd->add_subcommand("feed", "Import an existing site's RSS or Atom feed as articles");
  static std::vector<std::string> feed_files;
  static std::string feed_section = "News";
  static bool feed_json = false;
  feed->add_option("FILE", feed_files, "RSS 2.0 or Atom files or http(s) URLs; each imports in one transaction")
      ->required();
  feed->add_option("--section", feed_section, "The section the articles go to (default News)");
  feed->add_flag("--json", feed_json, "Print the summary as JSON, one object per file");
  feed->footer(
      "Each <item> or <entry> becomes an article: title, link, date, author, summary as standfirst, the full\n"
      "text when the feed carries it (content:encoded or Atom content; HTML sanitised, kept as Markdown), and\n"
      "categories as tags. Articles already stored (same headline and date) are left as they are; each\n"
      "item's old address answers 301 to its new one. A feed that is not well-formed, or has an item\n"
      "without a title or date, is rejected with the line and nothing from it is written. An http(s) URL is\n"
      "fetched (redirects followed, 30 s, at most 64 MB). Exit status 1 when any feed was rejected.");
  feed->callback([&g] {
    auto cfg = g.load();
    std::vector<std::string> local;
    for (const auto& f : feed_files)
      if (!f.starts_with("http://") && !f.starts_with("https://")) local.push_back(f);
    if (!inputs_readable(local, "gazette import feed", feed_json, true)) {
      g.exit_code = 1;
      return;
    }
    std::unique_ptr<store::Connection> db;
    try {
      db = open_database(cfg, feed_json);
    } catch (const std::exception& e) {
      std::cerr << "gazette import feed: " << e.what() << "\n";
      g.exit_code = 1;
      return;
    }
    for (const auto& file : feed_files) {
      const bool url = file.starts_with("http://") || file.starts_with("https://");
      const auto r = url ? importers::import_article_feed_url(*db, file, feed_section)
                         : importers::import_article_feed_file(*db, file, feed_section);
      if (feed_json) {
        boost::json::object o{{"file", r.file},          {"ok", r.ok},       {"format", r.format},
                              {"items", r.items},        {"added", r.added}, {"already_present", r.already_present},
                              {"redirects", r.redirects}};
        if (!r.ok) o["error"] = r.error;
        std::cout << boost::json::serialize(o) << "\n";
      } else if (r.ok) {
        std::cout << r.file << ": " << r.items << " " << r.format << " items: " << r.added << " added, "
                  << r.already_present << " already present\n";
      } else {
        std::cerr << r.file << ": error: " << r.error << "\n";
      }
      if (!r.ok) g.exit_code = 1;
    }
  });

  auto* jobs_cmd = cmd->add_subcommand("jobs", "Import job feeds (Indeed-style XML, RSS, Atom) and CSV/TSV exports");
  static std::vector<std::string> feeds;
  static bool jobs_json = false;
  static std::string column_map;
  jobs_cmd->add_option("FILE", feeds, "Feed or export files; each imports in one transaction")->required();
  jobs_cmd->add_flag("--json", jobs_json, "Print the summary as JSON, one object per file");
  jobs_cmd->add_option(
      "--map", column_map,
      "CSV/TSV: map headers the importer does not know to fields, e.g. \"Vacancy Title=title,Org=employer\"");
  jobs_cmd->footer(
      "A feed is <source><job>...</job></source> with <title>, <referencenumber>, <company>, and optionally\n"
      "<date>, <url>, <city> (or <location>), <state>, <salary>, <jobtype>, <category>, <description>\n"
      "(HTML is kept, sanitised), <expirationdate>. RSS <item>s and Atom <entry>s are read as adverts too\n"
      "(employer from <company>/<employer>, else the author). A FILE ending .csv or .tsv is an export with\n"
      "a header row; headers are matched to fields by name (--map names the others).\n"
      "Adverts already imported (same reference) are left as they are. A malformed feed is rejected with\n"
      "the line and reason and nothing from it is written. Every FILE is checked first: if one is missing or\n"
      "unreadable, nothing is imported and no database is opened. Exit status 1 when any file was rejected.");
  jobs_cmd->callback([&g] {
    auto cfg = g.load();
    if (!inputs_readable(feeds, "gazette import jobs", jobs_json, true)) {
      g.exit_code = 1;
      return;
    }
    std::unique_ptr<store::Connection> db;
    try {
      db = open_database(cfg, jobs_json);
    } catch (const std::exception& e) {
      std::cerr << "gazette import jobs: " << e.what() << "\n";
      g.exit_code = 1;
      return;
    }
    std::map<std::string, std::string> mapping;
    if (!column_map.empty()) {
      std::string error;
      auto parsed = importers::parse_column_map(column_map, error);
      if (!parsed) {
        std::cerr << "gazette import jobs: --map: " << error << "\n";
        g.exit_code = 2;
        return;
      }
      mapping = *parsed;
    }
    for (const auto& file : feeds) {
      const bool table = file.ends_with(".csv") || file.ends_with(".tsv") || file.ends_with(".tab");
      std::vector<std::string> ignored;
      importers::JobFeedReport r;
      if (table) {
        auto t = importers::import_job_table_file(*db, file, mapping);
        r = std::move(t.feed);
        ignored = std::move(t.ignored_columns);
      } else {
        r = importers::import_job_feed_file(*db, file);
      }
      if (jobs_json) {
        boost::json::object o{{"file", r.file},
                              {"ok", r.ok},
                              {"jobs", r.jobs},
                              {"added", r.added},
                              {"already_present", r.already_present}};
        if (!r.ok) o["error"] = r.error;
        if (table) {
          boost::json::array cols;
          for (const auto& c : ignored) cols.push_back(boost::json::value(c));
          o["ignored_columns"] = cols;
        }
        std::cout << boost::json::serialize(o) << "\n";
      } else if (r.ok) {
        std::cout << r.file << ": " << r.jobs << " adverts: " << r.added << " added, " << r.already_present
                  << " already present\n";
        for (const auto& c : ignored) std::cout << "  column ignored: " << c << " (name its field with --map)\n";
      } else {
        std::cerr << r.file << ": error: " << r.error << "\n";
      }
      if (!r.ok) g.exit_code = 1;
    }
  });
}

}  // namespace gazette::cli
