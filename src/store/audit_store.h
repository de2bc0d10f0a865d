// The audit log (schema_015): every change made in the newsroom, who made it, when, and the state
// before and after (JSON text). Bound to one Connection, so to one thread. Write it inside the
// transaction of the change it records, so a change and its record stand or fall together.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/connection.h"

namespace gazette::store {

struct AuditEntry {
  std::int64_t id = 0, at = 0;
  std::int64_t user_id = 0;  // 0: no newsroom user (the command line)
  std::string user_email, action, subject, before, after;
};

class AuditStore {
 public:
  explicit AuditStore(Connection& db) : db_(db) {}
  void record(const AuditEntry& e);
  // Newest first.
  std::vector<AuditEntry> recent(int limit, int offset);
  std::int64_t count();

 private:
  Connection& db_;
};

}  // namespace gazette::store
