#include "store/user_store.h"

namespace gazette::store {

UserRow UserStore::from_row(const Row& r) {
  UserRow u;
  u.id = r.int64(0);
  u.email = r.text(1);
  u.name = r.text(2);
  u.role = r.text(3);
  u.password_hash = r.text(4);
  u.disabled = r.int64(5) != 0;
  return u;
}

std::int64_t UserStore::insert(const UserRow& u, std::int64_t now) {
  if (by_email(u.email)) throw Error("a user with the email " + u.email + " already exists");
  return db_.scalar("user_insert", {u.email, u.name, u.role, u.password_hash, now});
}

std::optional<UserRow> UserStore::by_email(const std::string& email) {
  std::optional<UserRow> out;
  db_.query("user_by_email", {email}, [&](const Row& r) { out = from_row(r); });
  return out;
}

std::optional<UserRow> UserStore::by_id(std::int64_t id) {
  std::optional<UserRow> out;
  db_.query("user_by_id", {id}, [&](const Row& r) { out = from_row(r); });
  return out;
}

std::vector<UserRow> UserStore::all() {
  std::vector<UserRow> out;
  db_.query("users_all", {}, [&](const Row& r) { out.push_back(from_row(r)); });
  return out;
}

void UserStore::set_password_hash(std::int64_t id, const std::string& hash) {
  db_.exec("user_set_password", {id, hash});
}

void UserStore::set_disabled(std::int64_t id, bool disabled) {
  db_.exec("user_set_disabled", {id, std::int64_t{disabled ? 1 : 0}});
}

void UserStore::insert_session(const std::string& token_hash, std::int64_t user_id, const std::string& csrf_token,
                               std::int64_t now, std::int64_t expires_at) {
  db_.exec("session_insert", {token_hash, user_id, csrf_token, now, expires_at});
}

std::optional<SessionRow> UserStore::session(const std::string& token_hash, std::int64_t now) {
  std::optional<SessionRow> out;
  db_.query("session_lookup", {token_hash, now}, [&](const Row& r) {
    SessionRow s;
    s.user = from_row(r);
    s.csrf_token = r.text(6);
    s.expires_at = r.int64(7);
    out = std::move(s);
  });
  return out;
}

void UserStore::delete_session(const std::string& token_hash) {
  db_.exec("session_delete", {token_hash});
}

void UserStore::delete_sessions_of(std::int64_t user_id) {
  db_.exec("sessions_delete_for_user", {user_id});
}

std::int64_t UserStore::delete_expired_sessions(std::int64_t now) {
  return db_.exec("sessions_delete_expired", {now});
}

bool UserStore::throttle_begin(const std::string& key, std::int64_t now, std::int64_t window, int limit) {
  db_.exec("throttle_touch", {key});
  return db_.exec("throttle_begin", {key, now, window, static_cast<std::int64_t>(limit)}) > 0;
}

std::optional<UserStore::ThrottleState> UserStore::throttle_state(const std::string& key, std::int64_t now) {
  std::optional<ThrottleState> out;
  db_.query("throttle_state", {key, now}, [&](const Row& r) {
    out = ThrottleState{static_cast<int>(r.int64(0)), static_cast<int>(r.int64(2)), r.int64(1)};
  });
  return out;
}

void UserStore::throttle_failed(const std::string& key, std::int64_t now) {
  db_.exec("throttle_failed", {key, now});
}

void UserStore::throttle_release(const std::string& key) {
  db_.exec("throttle_release", {key});
  db_.exec("throttle_delete_idle", {key});
}

void UserStore::throttle_delete(const std::string& key) {
  db_.exec("throttle_delete", {key});
}

std::int64_t UserStore::throttle_purge(std::int64_t window_ended, std::int64_t flight_ended) {
  return db_.exec("throttle_purge", {window_ended, flight_ended});
}

std::string UserStore::site_secret(const std::string& name, const std::string& fresh) {
  db_.exec("site_secret_insert", {name, fresh});
  std::string value;
  db_.query("site_secret", {name}, [&](const Row& r) { value = r.text(0); });
  return value;
}

void UserStore::set_role(std::int64_t id, const std::string& role) {
  db_.exec("user_set_role", {id, role});
}

std::int64_t UserStore::count_enabled(const std::string& role) {
  return db_.scalar("users_count_role", {role});
}

void UserStore::insert_invitation(const std::string& token_hash, const InvitationRow& row, std::int64_t created_by,
                                  std::int64_t now) {
  db_.exec("invitations_delete_expired", {now});
  db_.exec("invitation_insert",
           {token_hash, row.email, row.name, row.role, row.user_id > 0 ? Value{row.user_id} : Value{nullptr},
            created_by > 0 ? Value{created_by} : Value{nullptr}, now, row.expires_at});
}

std::optional<UserStore::InvitationRow> UserStore::invitation(const std::string& token_hash, std::int64_t now) {
  std::optional<InvitationRow> out;
  db_.query("invitation_lookup", {token_hash, now}, [&](const Row& r) {
    out = InvitationRow{r.text(0), r.text(1), r.text(2), r.int64(3), r.int64(4)};
  });
  return out;
}

void UserStore::delete_invitation(const std::string& token_hash) {
  db_.exec("invitation_delete", {token_hash});
}

}  // namespace gazette::store
