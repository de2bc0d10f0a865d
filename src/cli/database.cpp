#include <iostream>

#include "cli/commands.h"
#include "councils/tagging.h"
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

}  // namespace gazette::cli
