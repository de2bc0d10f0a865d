// PostgreSQL implementation of store::Connection (libpq); opened through store::open() only.
#pragma once

#include <memory>
#include <string>

#include "store/connection.h"

namespace gazette::store {

// True for a PostgreSQL address: postgresql:// or postgres:// URLs and libpq keyword strings.
bool is_postgresql(const std::string& database);

// Connects to `database` (a URL or libpq keywords; PG* environment variables fill in the rest). Throws
// store::Unavailable when the server cannot be reached, store::Error for anything else.
std::unique_ptr<Connection> open_postgresql(const std::string& database, bool read_only);

}  // namespace gazette::store
