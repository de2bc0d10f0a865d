// Copies a whole site from one database to another, across backends (`gazette db copy`): SQLite to
// PostgreSQL and back. Both must be migrated to the same schema version first.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/connection.h"

namespace gazette::store {

struct TableCopy {
  std::string table;
  std::int64_t source_rows = 0, target_rows = 0;
};

// Called after each batch: table, rows of it copied so far, rows it has.
using CopyProgress = std::function<void(const std::string& table, std::int64_t done, std::int64_t total)>;

// Copies every table's rows (the columns both databases have; search indexes are rebuilt by the target's
// own triggers) in one transaction on the target, reading one consistent snapshot of the source, in
// batches. Refuses (store::Error naming the tables) a target that holds articles, adverts, people or
// anything else of a site unless `into_non_empty`, which first deletes the target's rows. The target's
// councils register, content version and site secrets are always replaced. Afterwards counts each
// table on both sides; throws store::Error when any differs. Returns the counts.
std::vector<TableCopy> copy_database(Connection& from, Connection& to, bool into_non_empty,
                                     const CopyProgress& progress = {});

}  // namespace gazette::store
