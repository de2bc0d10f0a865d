// Newsroom accounts: users with a role, argon2id passwords (libsodium) and signed-in sessions.
// Knows nothing of HTTP: the web layer turns a session token into a cookie and back.
//
// A session token is 32 random bytes (base64url) that only the browser holds; the database keeps its
// BLAKE2b-256 hash. Each session has its own random CSRF token, compared in constant time.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/connection.h"

namespace gazette::accounts {

// editor: everything in the newsroom. writer: articles. recruiter: job adverts (no article editing).
enum class Role { editor, writer, recruiter };
const char* to_string(Role r);
std::optional<Role> parse_role(std::string_view word);

struct User {
  std::int64_t id = 0;
  std::string email, name;
  Role role = Role::writer;
  bool disabled = false;

  bool can_edit_articles() const { return role == Role::editor || role == Role::writer; }
};

struct Session {
  User user;
  std::string csrf_token;
  std::int64_t expires_at = 0;
};

constexpr std::int64_t kSessionSeconds = 12 * 3600;  // a working day; then sign in again
constexpr std::size_t kMinPasswordLength = 12;
constexpr std::size_t kMaxPasswordLength = 1024;

// Why a password is refused ("at least 12 characters"), or nullopt when it is acceptable.
std::optional<std::string> password_problem(std::string_view password);

// An argon2id hash string (libsodium's interactive limits). Throws std::runtime_error if the machine
// runs out of memory for it.
std::string hash_password(std::string_view password);
// True when `password` matches the stored hash.
bool verify_password(const std::string& hash, std::string_view password);

// 32 random bytes, base64url without padding (43 characters).
std::string random_token();

// The site's signing secret (made once and kept in the database, the same on every node).
std::string site_secret(store::Connection& db);
// A random token with a MAC by `secret` (HMAC-SHA-512-256): "<43 chars>.<43 chars>". Only the server
// can make one, so a value an attacker planted in a cookie and a form does not pass signed_token_valid.
std::string signed_token(const std::string& secret);
bool signed_token_valid(const std::string& secret, std::string_view token);
// The MAC of `text` by `secret` (HMAC-SHA-512-256), base64url: for signed links that carry their own
// payload (the bulletin's confirmation and preference links). Compare with tokens_equal.
std::string text_mac(const std::string& secret, std::string_view text);
// The hash under which a session token is stored (hex BLAKE2b-256).
std::string token_hash(std::string_view token);
// Constant-time comparison of two tokens.
bool tokens_equal(std::string_view a, std::string_view b);

// Adds a user. Throws std::invalid_argument with a reader-facing message for a bad email, name or
// password, and store::Error when the email is taken. Call inside a Transaction.
std::int64_t add_user(store::Connection& db, const std::string& email, const std::string& name, Role role,
                      std::string_view password, std::int64_t now);
// Replaces a user's password and ends their sessions. Same errors as add_user. False if no such user.
bool set_password(store::Connection& db, const std::string& email, std::string_view password);
// Disables (or re-enables) a user; disabling ends their sessions. False if no such user.
bool set_disabled(store::Connection& db, const std::string& email, bool disabled);
std::vector<User> all_users(store::Connection& db);

// Checks the email and password and starts a session: the token to give the browser, or nullopt when
// they do not match an enabled user (the same answer, and about the same time, whichever was wrong).
std::optional<std::string> sign_in(store::Connection& db, const std::string& email, std::string_view password,
                                   std::int64_t now);
// The live session for a browser's token, or nullopt.
std::optional<Session> session_for(store::Connection& db, std::string_view token, std::int64_t now);
void sign_out(store::Connection& db, std::string_view token);

// Failed sign-ins counted per key (an email address, a client address) in a window that starts at the
// first failure: after `max_failures` the key must wait until the window ends. In memory, per process;
// thread-safe. Guessing passwords then costs hours per account, and a flood of attempts cannot keep
// every worker busy with argon2id.
//
// An attempt is checked and counted in one step (begin): attempts still in flight count against the
// limit, so parallel tries cannot slip past it. Each begin that returned 0 ends with failed, succeeded
// or release.
class SignInThrottle {
 public:
  SignInThrottle(int max_failures, std::int64_t window_seconds)
      : max_failures_(max_failures), window_(window_seconds) {}
  // Reserves an attempt for `key` and returns 0, or returns the seconds until it may try again.
  std::int64_t begin(const std::string& key, std::int64_t now);
  // The attempt failed: it counts in the window.
  void failed(const std::string& key, std::int64_t now);
  // The attempt succeeded: the key starts afresh.
  void succeeded(const std::string& key);
  // The attempt did not happen (another check refused it): it does not count.
  void release(const std::string& key);

 private:
  struct Entry {
    int failures = 0;
    int in_flight = 0;
    std::int64_t since = 0;
  };
  static constexpr std::size_t kMaxKeys = 100'000;
  const int max_failures_;
  const std::int64_t window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace gazette::accounts
