// Newsroom accounts: users with a role, argon2id passwords (libsodium) and signed-in sessions.
// Knows nothing of HTTP: the web layer turns a session token into a cookie and back.
//
// A session token is 32 random bytes (base64url) that only the browser holds; the database keeps its
// BLAKE2b-256 hash. Each session has its own random CSRF token, compared in constant time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/connection.h"

namespace gazette::accounts {

// owner: everything, people included. editor: publishes and edits anything editorial. writer: their
// own drafts, submitted for review; cannot publish. recruiter: their organisation's job adverts only;
// sees no article.
enum class Role { owner, editor, writer, recruiter };
const char* to_string(Role r);
std::optional<Role> parse_role(std::string_view word);

struct User {
  std::int64_t id = 0;
  std::string email, name;
  Role role = Role::writer;
  bool disabled = false;

  bool can_edit_articles() const { return role == Role::owner || role == Role::editor || role == Role::writer; }
};

// What a newsroom request asks to do. Every newsroom route names one, and allowed() decides it, so the
// whole policy is this table (tests/http/test_newsroom_roles.py checks it for every role).
enum class Action {
  list_articles,     // the article list (a writer sees only their own)
  write_article,     // create an article; edit, preview and see revisions of one's own drafts
  edit_any,          // edit, preview and see revisions of any article, published ones included
  publish,           // publish, schedule, unpublish, choose the home page's lead story
  delete_article,    // put in the bin, restore from it
  view_audit,        // read the audit log
  manage_people,     // invite, change roles, disable, reset passwords, sign out everywhere
  post_adverts,      // the Adverts area: post, preview, edit, close, mark filled (a recruiter: only their
                     // organisation's adverts; jobs/adverts.h says which)
  moderate_adverts,  // the moderation queue (approve, reject, set a category), organisations and trust,
                     // a recruiter's organisation
};
bool allowed(Role role, Action action);
// A writer may change an article they created while it is a draft; editors and owners any article.
bool may_edit_article(const User& u, std::int64_t created_by, bool is_draft);

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
std::optional<User> user_by_id(store::Connection& db, std::int64_t id);

// --- people managed in the browser (schema_015) ------------------------------------------------------
// Each records an audit entry by `by` (the owner acting) in the caller's transaction.

// An invitation to join as `role`: returns the one-time token for the link (valid kInviteSeconds;
// only its hash is stored). Throws std::invalid_argument for a bad email or name, or when the email
// already has an account.
constexpr std::int64_t kInviteSeconds = 7 * 86400;
// `organisation_id` (0: none) is the organisation a recruiter's account will belong to.
std::string invite(store::Connection& db, const User& by, const std::string& email, const std::string& name, Role role,
                   std::int64_t now, std::int64_t organisation_id = 0);
// A one-time link for `user_id` to choose a new password (valid kInviteSeconds); their current
// sessions end at once. nullopt when there is no such user.
std::optional<std::string> reset_link(store::Connection& db, const User& by, std::int64_t user_id, std::int64_t now);

struct Invitation {
  std::string email, name;
  Role role = Role::writer;
  std::int64_t user_id = 0;  // set for a password reset
};
// The invitation a link's token stands for, while it is valid.
std::optional<Invitation> invitation_for(store::Connection& db, std::string_view token, std::int64_t now);
// Uses the link: makes the account (an invitation) or sets the password (a reset), and deletes the
// link. Throws std::invalid_argument for a password that is too short or long. nullopt when the link
// is unknown, used or expired.
std::optional<User> accept_invitation(store::Connection& db, std::string_view token, std::string_view password,
                                      std::int64_t now);

// Changes a role / disables or enables / ends every session. Refused (a reason for the owner, in
// words) when it would leave no enabled owner; empty string when done. "no such person" for an
// unknown id.
std::string change_role(store::Connection& db, const User& by, std::int64_t user_id, Role role, std::int64_t now);
std::string change_disabled(store::Connection& db, const User& by, std::int64_t user_id, bool disabled,
                            std::int64_t now);
std::string sign_out_everywhere(store::Connection& db, const User& by, std::int64_t user_id, std::int64_t now);

// --- organisations (schema_018, accounts/organisations.cpp) -------------------------------------------
// An organisation is an employer of the jobs board that recruiters belong to. Each change records an
// audit entry by `by` in the caller's transaction.

// The organisation a user belongs to; 0 for none.
std::int64_t organisation_of(store::Connection& db, std::int64_t user_id);
// Makes (or finds, by name) an organisation. Throws std::invalid_argument for an empty or long name.
std::int64_t add_organisation(store::Connection& db, const User& by, const std::string& name, std::int64_t now);
// Marks an organisation trusted (its adverts go live at once) or not. "no such organisation" or "".
std::string set_trusted(store::Connection& db, const User& by, std::int64_t organisation_id, bool trusted,
                        std::int64_t now);
// Puts a person in an organisation (0: none). Refused, in words, for someone who is not a recruiter
// or an unknown organisation; "no such person" for an unknown id; "" when done.
std::string set_organisation(store::Connection& db, const User& by, std::int64_t user_id, std::int64_t organisation_id,
                             std::int64_t now);

// Checks the email and password and starts a session: the token to give the browser, or nullopt when
// they do not match an enabled user (the same answer, and about the same time, whichever was wrong).
std::optional<std::string> sign_in(store::Connection& db, const std::string& email, std::string_view password,
                                   std::int64_t now);
// The live session for a browser's token, or nullopt.
std::optional<Session> session_for(store::Connection& db, std::string_view token, std::int64_t now);
void sign_out(store::Connection& db, std::string_view token);

// Failed sign-ins counted per key (an email address, a client address) in a window that starts at the
// first failure: after `max_failures` the key must wait until the window ends. The counts are in the
// database (schema_019), so every process and every node of a cluster shares them. Guessing passwords
// then costs hours per account, and a flood of attempts cannot keep every worker busy with argon2id.
//
// An attempt is checked and counted in one step (begin): attempts still in flight count against the
// limit, so parallel tries (on one node or several) cannot slip past it. Each begin that returned 0
// ends with failed, succeeded or release. An attempt whose process died is forgotten after a minute.
inline constexpr std::int64_t kSignInWindowSeconds = 15 * 60;  // the newsroom's throttles' window
// Forgets the counts whose window (kSignInWindowSeconds) has ended; run now and then by one writer.
void purge_sign_in_throttle(store::Connection& db, std::int64_t now);

class SignInThrottle {
 public:
  // `kind` names what the keys are ("account", "address"); two throttles of different kinds never
  // share a count.
  SignInThrottle(std::string kind, int max_failures, std::int64_t window_seconds)
      : kind_(std::move(kind)), max_failures_(max_failures), window_(window_seconds) {}
  // Reserves an attempt for `key` and returns 0, or returns the seconds until it may try again.
  std::int64_t begin(store::Connection& db, const std::string& key, std::int64_t now) const;
  // The attempt failed: it counts in the window.
  void failed(store::Connection& db, const std::string& key, std::int64_t now) const;
  // The attempt succeeded: the key starts afresh.
  void succeeded(store::Connection& db, const std::string& key) const;
  // The attempt did not happen (another check refused it): it does not count.
  void release(store::Connection& db, const std::string& key) const;

 private:
  std::string row_key(const std::string& key) const { return kind_ + ":" + key; }
  const std::string kind_;
  const int max_failures_;
  const std::int64_t window_;
};

}  // namespace gazette::accounts
