// `gazette backup FILE`: an online, consistent copy of the site's SQLite database, safe while `serve`
// is running and writing (store::backup).
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "store/backup.h"

namespace gazette::cli {
namespace {

// Databases of at least this many pages (32 MB of 4 KB pages) report their progress.
constexpr int kProgressPages = 8192;

std::string size_text(std::int64_t bytes) {
  char buf[64];
  if (bytes >= 1024 * 1024)
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  else
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024.0);
  return buf;
}

}  // namespace

void register_backup(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("backup", "Copy the database to FILE while the site keeps running");
  static std::string target;
  static bool force = false;
  cmd->add_option("FILE", target, "The copy to write (refused if it exists, unless --force)")->required();
  cmd->add_flag("--force", force, "Replace FILE if it exists");
  cmd->footer(
      "The copy is one consistent snapshot of the database, taken with SQLite's online backup while\n"
      "`gazette serve` goes on answering readers and saving articles. It is written to FILE.tmp and\n"
      "renamed to FILE when complete, so a failed backup leaves no partial FILE. Progress goes to stderr\n"
      "for large databases; the summary line (size, articles, job adverts) to stdout.\n"
      "\n"
      "To restore: stop the server; copy FILE over the database file; remove any DATABASE-wal and\n"
      "DATABASE-shm files beside it (they belong to the old database); start the server again.");
  cmd->callback([&g] {
    auto cfg = g.load();
    std::error_code ec;
    if (!force && std::filesystem::exists(target, ec)) {
      std::cerr << "gazette backup: " << target << " exists; give --force to replace it\n";
      g.exit_code = 1;
      return;
    }
    int reported = -1;  // the last tenth reported
    try {
      auto r = store::backup(cfg.db, target, [&reported](int done, int total) {
        if (total < kProgressPages) return;
        const int tenth = static_cast<int>(static_cast<long long>(done) * 10 / total);
        if (tenth == reported) return;
        reported = tenth;
        std::cerr << "backup: " << tenth * 10 << "% (" << done << " of " << total << " pages)\n";
      });
      std::cout << target << ": backup of " << cfg.db << ", " << size_text(r.bytes) << ", " << r.articles
                << " articles, " << r.adverts << " job adverts\n";
    } catch (const std::exception& e) {
      std::cerr << "gazette backup: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });
}

}  // namespace gazette::cli
