#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "councils/tagging.h"
#include "store/backup.h"
#include "store/migrations.h"

namespace gazette::cli {

std::unique_ptr<store::Connection> open_database(const config::Config& cfg, bool quiet,
                                                 store::MigrationResult* migrated) {
  auto db = store::open(cfg.db);
  auto r = store::migrate(*db);
  if (migrated) *migrated = r;
  if (r.from_version != r.to_version && !quiet)
    std::cerr << cfg.db << ": migrated schema from version " << r.from_version << " to " << r.to_version << "\n";
  store::Transaction tx(*db);
  councils::sync_builtin_register(*db);
  tx.commit();
  return db;
}

bool database_read_only(const config::Config& cfg) {
  const auto file = store::database_file(cfg.db);
  return file && !store::writable(*file);
}

std::unique_ptr<store::Connection> open_database_read_only(config::Config& cfg) {
  const auto file = store::database_file(cfg.db);
  if (!file) throw store::Error("cannot open " + cfg.db + " read-only: only an SQLite database file can be");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(*file, ec))
    throw store::Error("cannot open " + *file + " read-only: no such database file");
  const std::string address = store::read_only_address(*file);
  auto db = store::open(address, true);
  const int have = store::schema_version(*db);
  const int want = store::latest_schema_version();
  if (have < want)
    throw store::Error(*file + " is read-only and its schema is at version " + std::to_string(have) +
                       ", older than the version " + std::to_string(want) +
                       " this gazette needs; run `gazette migrate` where the file can be written");
  // The councils register is not synchronised: the copy in the database (written by the last
  // migrate, import or serve that could write) is what the pages show.
  cfg.db = address;
  return db;
}

}  // namespace gazette::cli
