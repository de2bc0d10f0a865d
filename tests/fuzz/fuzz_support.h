// Shared by the libFuzzer targets in tests/fuzz/ (built with -DGAZETTE_FUZZ=ON, see docs/fuzzing.md):
// a migrated in-memory database for the importers, renewed now and then so that what earlier inputs
// imported does not pile up over a long run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "store/connection.h"
#include "store/migrations.h"

namespace gazette::fuzzing {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A migrated ":memory:" database; a fresh one every `renew_every` calls.
inline store::Connection& scratch_db(int renew_every = 200) {
  static std::unique_ptr<store::Connection> db;
  static int uses = 0;
  if (!db || ++uses >= renew_every) {
    db.reset();
    db = store::open(":memory:");
    store::migrate(*db);
    uses = 0;
  }
  return *db;
}

}  // namespace gazette::fuzzing
