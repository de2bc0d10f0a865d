// Schema migrations: versioned scripts applied in order, each in its own transaction.
#pragma once

#include <functional>
#include <string>

#include "store/connection.h"

namespace gazette::store {

struct MigrationResult {
  int from_version = 0;
  int to_version = 0;
};

// Brings the schema up to date. Each pending script runs in one transaction with its version record, so
// a failure leaves the database at the last good version. Throws store::Error on failure.
MigrationResult migrate(Connection& db);

// The schema version the binary knows about.
int latest_schema_version();

}  // namespace gazette::store
