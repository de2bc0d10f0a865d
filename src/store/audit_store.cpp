#include "store/audit_store.h"

namespace gazette::store {

void AuditStore::record(const AuditEntry& e) {
  db_.exec("audit_insert", {e.at, e.user_id > 0 ? Value{e.user_id} : Value{nullptr}, e.user_email, e.action, e.subject,
                            e.before, e.after});
}

std::vector<AuditEntry> AuditStore::recent(int limit, int offset) {
  std::vector<AuditEntry> out;
  db_.query("audit_recent", {std::int64_t{limit}, std::int64_t{offset}}, [&](const Row& r) {
    AuditEntry e;
    e.id = r.int64(0);
    e.at = r.int64(1);
    e.user_email = r.text(2);
    e.action = r.text(3);
    e.subject = r.text(4);
    e.before = r.text(5);
    e.after = r.text(6);
    out.push_back(std::move(e));
  });
  return out;
}

std::int64_t AuditStore::count() {
  return db_.scalar("audit_count", {});
}

}  // namespace gazette::store
