// `gazette db copy --from A --to B`: moves a whole site between databases, SQLite and PostgreSQL in
// either direction (store::copy_database).
#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "store/copy.h"
#include "store/migrations.h"

namespace gazette::cli {

void register_db(CLI::App& app, Globals& g) {
  auto* db = app.add_subcommand("db", "Work on whole databases (copy between SQLite and PostgreSQL)");
  db->require_subcommand(1);
  auto* cmd = db->add_subcommand("copy", "Copy a whole site from one database to another");
  static std::string from, to;
  static bool into_non_empty = false;
  cmd->add_option("--from", from, "The database to copy: an SQLite file or a postgresql:// URL")->required();
  cmd->add_option("--to", to, "The database to write: an SQLite file (made if missing) or a postgresql:// URL")
      ->required();
  cmd->add_flag("--into-non-empty,--force", into_non_empty,
                "Write into a database that already holds a site, deleting what it holds first");
  cmd->footer(
      "Both databases are brought to the current schema first. Every table is copied in batches inside one\n"
      "transaction on the target, from one consistent snapshot of the source (a running site may go on\n"
      "writing the source; the copy has what was there when it began). Search indexes are rebuilt by the\n"
      "target as rows arrive. Afterwards each table's rows are counted on both sides: when any count differs\n"
      "nothing is written. A target that already holds articles, adverts, people or subscribers is refused\n"
      "unless --into-non-empty. Progress goes to stderr, one line per table; a summary to stdout.\n"
      "\n"
      "Examples:\n"
      "  gazette db copy --from site.db --to postgresql://gazette@db.internal/news\n"
      "  gazette db copy --from postgresql://gazette@db.internal/news --to site-copy.db");
  cmd->callback([&g] {
    const auto started = std::chrono::steady_clock::now();
    try {
      auto source = store::open(from);
      store::migrate(*source);
      auto target = store::open(to);
      store::migrate(*target);
      std::string current;
      std::int64_t last = -1;
      auto counts = store::copy_database(
          *source, *target, into_non_empty, [&](const std::string& table, std::int64_t done, std::int64_t total) {
            if (table != current) {
              current = table;
              last = -1;
            }
            // A line per table, and one per 20000 rows of a large one.
            if (done == total || done / 20000 != last / 20000)
              std::cerr << "db copy: " << table << " " << done << " of " << total << " rows\n";
            last = done;
          });
      std::int64_t rows = 0;
      for (const auto& c : counts) rows += c.target_rows;
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cout << "copied " << counts.size() << " tables, " << rows << " rows, counts checked, in " << seconds
                << " s\n";
    } catch (const std::exception& e) {
      std::cerr << "gazette db copy: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });
}

}  // namespace gazette::cli
