// Online backups and read-only opening of an SQLite database: the SQLite-specific file work the
// `backup` and `serve` commands need, kept here so nothing above the store knows the backend.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "store/connection.h"

namespace gazette::store {

// What a backup wrote, counted from the copy.
struct BackupResult {
  std::int64_t bytes = 0;     // size of the copy
  std::int64_t articles = 0;  // articles other than drafts
  std::int64_t adverts = 0;   // job adverts, live or not
};

// Copies the SQLite database `database` (a file path; see store::database_file) to the file `target`
// while other processes may be reading and writing it. The copy is one consistent snapshot: it is read
// inside one read transaction, which in WAL mode blocks neither readers nor writers. Pages are copied
// in steps, calling progress(done, total) after each. The copy is written to TARGET.tmp, made a
// self-contained file (rollback journal mode, no -wal beside it), counted, and only then renamed to
// `target`, replacing it: a failed backup never leaves a partial file at `target`. Whether `target` may
// be replaced is the caller's decision. Throws store::Error with a message naming the problem.
BackupResult backup(const std::string& database, const std::string& target,
                    const std::function<void(int done, int total)>& progress);

// The schema version recorded in the database (0 when none is).
int schema_version(Connection& db);

// False when the SQLite file `file` exists but this process cannot write it: the file or its WAL files
// are read-only, or the directory is and the WAL files are not there to be written.
bool writable(const std::string& file);

// The address store::open takes to read the SQLite file `file` without ever writing it (a `file:` URI:
// mode=ro, or immutable=1 when the directory is read-only and no -shm file is there, as SQLite could
// not otherwise read a WAL database). Throws store::Error when this SQLite cannot take such an address.
std::string read_only_address(const std::string& file);

}  // namespace gazette::store
