#include "accounts/accounts.h"

#include <sodium.h>

#include <stdexcept>

#include "store/user_store.h"

namespace gazette::accounts {

namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

std::string hex(const unsigned char* p, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

User to_user(const store::UserRow& r) {
  User u;
  u.id = r.id;
  u.email = r.email;
  u.name = r.name;
  u.role = parse_role(r.role).value_or(Role::writer);
  u.disabled = r.disabled;
  return u;
}

void check_email(const std::string& email) {
  const auto at = email.find('@');
  if (email.size() > 254 || at == std::string::npos || at == 0 || at + 1 >= email.size() ||
      email.find_first_of(" \t\r\n<>\"") != std::string::npos)
    throw std::invalid_argument("'" + email + "' is not an email address");
}

}  // namespace

const char* to_string(Role r) {
  switch (r) {
    case Role::owner:
      return "owner";
    case Role::editor:
      return "editor";
    case Role::writer:
      return "writer";
    case Role::recruiter:
      return "recruiter";
  }
  return "writer";
}

std::optional<Role> parse_role(std::string_view word) {
  if (word == "owner") return Role::owner;
  if (word == "editor") return Role::editor;
  if (word == "writer") return Role::writer;
  if (word == "recruiter") return Role::recruiter;
  return std::nullopt;
}

std::optional<std::string> password_problem(std::string_view password) {
  if (password.size() < kMinPasswordLength)
    return "the password must be at least " + std::to_string(kMinPasswordLength) + " characters";
  if (password.size() > kMaxPasswordLength)
    return "the password must be at most " + std::to_string(kMaxPasswordLength) + " characters";
  return std::nullopt;
}

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("not enough memory to hash the password");
  return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
  ensure_sodium();
  if (hash.empty() || password.size() > kMaxPasswordLength) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  const std::size_t len = sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  std::string out(len, '\0');
  sodium_bin2base64(out.data(), len, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(len - 1);  // the terminating NUL
  return out;
}

namespace {

std::string base64url(const unsigned char* bytes, std::size_t n) {
  const std::size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  std::string out(len, '\0');
  sodium_bin2base64(out.data(), len, bytes, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(len - 1);  // the terminating NUL
  return out;
}

std::string token_mac(const std::string& secret, std::string_view nonce) {
  unsigned char key[crypto_auth_KEYBYTES];
  crypto_generichash(key, sizeof key, reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), nullptr, 0);
  unsigned char mac[crypto_auth_BYTES];
  crypto_auth(mac, reinterpret_cast<const unsigned char*>(nonce.data()), nonce.size(), key);
  sodium_memzero(key, sizeof key);
  return base64url(mac, sizeof mac);
}

}  // namespace

std::string site_secret(store::Connection& db) {
  return store::UserStore(db).site_secret("csrf", random_token());
}

std::string text_mac(const std::string& secret, std::string_view text) {
  ensure_sodium();
  return token_mac(secret, text);
}

std::string signed_token(const std::string& secret) {
  ensure_sodium();
  const std::string nonce = random_token();
  return nonce + "." + token_mac(secret, nonce);
}

bool signed_token_valid(const std::string& secret, std::string_view token) {
  ensure_sodium();
  const auto dot = token.find('.');
  if (secret.empty() || dot != 43 || token.size() != 87) return false;
  return tokens_equal(token.substr(dot + 1), token_mac(secret, token.substr(0, dot)));
}

std::string token_hash(std::string_view token) {
  ensure_sodium();
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return hex(h, sizeof h);
}

bool tokens_equal(std::string_view a, std::string_view b) {
  ensure_sodium();
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::int64_t add_user(store::Connection& db, const std::string& email, const std::string& name, Role role,
                      std::string_view password, std::int64_t now) {
  check_email(email);
  if (name.empty() || name.size() > 200) throw std::invalid_argument("the name must be 1 to 200 characters");
  if (auto problem = password_problem(password)) throw std::invalid_argument(*problem);
  store::UserRow row;
  row.email = email;
  row.name = name;
  row.role = to_string(role);
  row.password_hash = hash_password(password);
  return store::UserStore(db).insert(row, now);
}

bool set_password(store::Connection& db, const std::string& email, std::string_view password) {
  if (auto problem = password_problem(password)) throw std::invalid_argument(*problem);
  store::UserStore users(db);
  auto u = users.by_email(email);
  if (!u) return false;
  users.set_password_hash(u->id, hash_password(password));
  users.delete_sessions_of(u->id);
  return true;
}

bool set_disabled(store::Connection& db, const std::string& email, bool disabled) {
  store::UserStore users(db);
  auto u = users.by_email(email);
  if (!u) return false;
  users.set_disabled(u->id, disabled);
  if (disabled) users.delete_sessions_of(u->id);
  return true;
}

std::vector<User> all_users(store::Connection& db) {
  std::vector<User> out;
  for (const auto& r : store::UserStore(db).all()) out.push_back(to_user(r));
  return out;
}

std::optional<std::string> sign_in(store::Connection& db, const std::string& email, std::string_view password,
                                   std::int64_t now) {
  store::UserStore users(db);
  auto u = users.by_email(email);
  if (!u || u->disabled) {
    // Spend the time a real check takes, so the answer does not reveal which emails exist.
    static const std::string decoy = hash_password("gazette-decoy-password");
    verify_password(decoy, password);
    return std::nullopt;
  }
  if (!verify_password(u->password_hash, password)) return std::nullopt;
  users.delete_expired_sessions(now);
  std::string token = random_token();
  users.insert_session(token_hash(token), u->id, random_token(), now, now + kSessionSeconds);
  return token;
}

std::optional<Session> session_for(store::Connection& db, std::string_view token, std::int64_t now) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  auto row = store::UserStore(db).session(token_hash(token), now);
  if (!row) return std::nullopt;
  Session s;
  s.user = to_user(row->user);
  s.csrf_token = row->csrf_token;
  s.expires_at = row->expires_at;
  return s;
}

void sign_out(store::Connection& db, std::string_view token) {
  if (token.empty() || token.size() > 100) return;
  store::UserStore(db).delete_session(token_hash(token));
}

std::int64_t SignInThrottle::begin(store::Connection& db, const std::string& key, std::int64_t now) const {
  store::UserStore users(db);
  const std::string k = row_key(key);
  if (users.throttle_begin(k, now, window_, max_failures_)) return 0;
  // Locked for the rest of the window; or, with only attempts in flight, until they end.
  const auto state = users.throttle_state(k, now);
  const std::int64_t left = state && state->failures > 0 ? state->since + window_ - now : 1;
  return left > 0 ? left : 1;
}

void SignInThrottle::failed(store::Connection& db, const std::string& key, std::int64_t now) const {
  store::UserStore(db).throttle_failed(row_key(key), now);
}

void SignInThrottle::succeeded(store::Connection& db, const std::string& key) const {
  store::UserStore(db).throttle_delete(row_key(key));
}

void SignInThrottle::release(store::Connection& db, const std::string& key) const {
  store::UserStore(db).throttle_release(row_key(key));
}

void purge_sign_in_throttle(store::Connection& db, std::int64_t now) {
  store::UserStore(db).throttle_purge(now - kSignInWindowSeconds, now - 60);
}

}  // namespace gazette::accounts
