// The newsroom's users and sessions in the database. Bound to one Connection, so to one thread.
// Knows nothing of passwords or tokens beyond storing their hashes (src/accounts/ makes them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.h"

namespace gazette::store {

struct UserRow {
  std::int64_t id = 0;
  std::string email, name, role, password_hash;
  bool disabled = false;
};

struct SessionRow {
  UserRow user;
  std::string csrf_token;
  std::int64_t expires_at = 0;
};

class UserStore {
 public:
  explicit UserStore(Connection& db) : db_(db) {}

  // Adds a user; returns the id. Throws store::Error when the email is already taken.
  std::int64_t insert(const UserRow& u, std::int64_t now);
  std::optional<UserRow> by_email(const std::string& email);
  std::optional<UserRow> by_id(std::int64_t id);
  std::vector<UserRow> all();
  void set_password_hash(std::int64_t id, const std::string& hash);
  void set_disabled(std::int64_t id, bool disabled);
  void set_role(std::int64_t id, const std::string& role);
  // Enabled users with this role.
  std::int64_t count_enabled(const std::string& role);

  struct InvitationRow {
    std::string email, name, role;
    std::int64_t user_id = 0, expires_at = 0;
  };
  void insert_invitation(const std::string& token_hash, const InvitationRow& row, std::int64_t created_by,
                         std::int64_t now);
  std::optional<InvitationRow> invitation(const std::string& token_hash, std::int64_t now);
  void delete_invitation(const std::string& token_hash);

  void insert_session(const std::string& token_hash, std::int64_t user_id, const std::string& csrf_token,
                      std::int64_t now, std::int64_t expires_at);
  // The live session with this token hash, of a user who is not disabled.
  std::optional<SessionRow> session(const std::string& token_hash, std::int64_t now);
  void delete_session(const std::string& token_hash);
  void delete_sessions_of(std::int64_t user_id);
  std::int64_t delete_expired_sessions(std::int64_t now);

  // Sign-in throttling (schema_019, accounts::SignInThrottle): one row per key.
  struct ThrottleState {
    int failures = 0, in_flight = 0;
    std::int64_t since = 0;
  };
  // Counts an attempt for `key` when fewer than `limit` failures and attempts in flight are in the
  // window; false (nothing changed) when the limit is reached. Atomic across processes.
  bool throttle_begin(const std::string& key, std::int64_t now, std::int64_t window, int limit);
  std::optional<ThrottleState> throttle_state(const std::string& key, std::int64_t now);
  void throttle_failed(const std::string& key, std::int64_t now);
  // The attempt ended without counting; the row goes when it holds nothing more.
  void throttle_release(const std::string& key);
  void throttle_delete(const std::string& key);
  // Rows whose window ended before `window_ended` with nothing in flight since `flight_ended`.
  std::int64_t throttle_purge(std::int64_t window_ended, std::int64_t flight_ended);

  // The site's secret called `name`, stored as `fresh` when there is none yet (the first writer wins,
  // so every node gets the same value).
  std::string site_secret(const std::string& name, const std::string& fresh);

 private:
  static UserRow from_row(const Row& r);
  Connection& db_;
};

}  // namespace gazette::store
