#include "store/migrations.h"

#include <ctime>

#include "store/sql_catalog.h"

namespace gazette::store {

int latest_schema_version() {
  const auto& m = SqlCatalog::sqlite().migrations();
  return m.empty() ? 0 : m.back().first;
}

MigrationResult migrate(Connection& db) {
  db.exec_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
  MigrationResult result;
  result.from_version = static_cast<int>(db.scalar("schema_version", {}, 0));
  result.to_version = result.from_version;
  for (const auto& [version, sql] : SqlCatalog::of(db.backend()).migrations()) {
    if (version <= result.from_version) continue;
    Transaction tx(db);
    try {
      db.exec_script(sql);
    } catch (const Error& e) {
      throw Error("migration " + std::to_string(version) + ": " + e.what());
    }
    db.exec("schema_version_record", {std::int64_t{version}, static_cast<std::int64_t>(std::time(nullptr))});
    tx.commit();
    result.to_version = version;
  }
  return result;
}

}  // namespace gazette::store
