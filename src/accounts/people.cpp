// The newsroom's access policy and the people an owner manages in the browser (accounts/accounts.h).
#include <boost/json.hpp>

#include <stdexcept>

#include "accounts/accounts.h"
#include "store/advert_store.h"
#include "store/audit_store.h"
#include "store/user_store.h"

namespace gazette::accounts {

bool allowed(Role role, Action action) {
  switch (role) {
    case Role::owner:
      return true;
    case Role::editor:
      return action != Action::manage_people;
    case Role::writer:
      return action == Action::list_articles || action == Action::write_article;
    case Role::recruiter:
      return action == Action::post_adverts;
  }
  return false;
}

bool may_edit_article(const User& u, std::int64_t created_by, bool is_draft) {
  if (allowed(u.role, Action::edit_any)) return true;
  return allowed(u.role, Action::write_article) && created_by == u.id && is_draft;
}

namespace {

std::string state(const store::UserRow& u) {
  return boost::json::serialize(
      boost::json::object{{"email", u.email}, {"name", u.name}, {"role", u.role}, {"disabled", u.disabled}});
}

void audit(store::Connection& db, const User& by, const std::string& action, const std::string& subject,
           const std::string& before, const std::string& after, std::int64_t now) {
  store::AuditStore(db).record({0, now, by.id, by.email, action, subject, before, after});
}

// Would this change leave the site with no enabled owner?
bool last_owner(store::UserStore& users, const store::UserRow& u) {
  return u.role == "owner" && !u.disabled && users.count_enabled("owner") <= 1;
}

}  // namespace

std::optional<User> user_by_id(store::Connection& db, std::int64_t id) {
  auto row = store::UserStore(db).by_id(id);
  if (!row) return std::nullopt;
  User u;
  u.id = row->id;
  u.email = row->email;
  u.name = row->name;
  u.role = parse_role(row->role).value_or(Role::writer);
  u.disabled = row->disabled;
  return u;
}

std::string invite(store::Connection& db, const User& by, const std::string& email, const std::string& name, Role role,
                   std::int64_t now, std::int64_t organisation_id) {
  const auto at = email.find('@');
  if (email.size() > 254 || at == std::string::npos || at == 0 || at + 1 >= email.size() ||
      email.find_first_of(" \t\r\n<>\"") != std::string::npos)
    throw std::invalid_argument("'" + email + "' is not an email address");
  if (name.empty() || name.size() > 200) throw std::invalid_argument("the name must be 1 to 200 characters");
  store::UserStore users(db);
  if (users.by_email(email)) throw std::invalid_argument(email + " already has an account");
  const std::string token = random_token();
  users.insert_invitation(token_hash(token), {email, name, to_string(role), 0, now + kInviteSeconds}, by.id, now);
  boost::json::object after{{"email", email}, {"name", name}, {"role", to_string(role)}};
  if (role == Role::recruiter && organisation_id > 0) {
    store::AdvertStore adverts(db);
    auto org = adverts.organisation(organisation_id);
    if (!org) throw std::invalid_argument("there is no such organisation");
    adverts.set_invitation_organisation(token_hash(token), organisation_id);
    after["organisation"] = org->name;
  }
  audit(db, by, "person.invite", email, "", boost::json::serialize(after), now);
  return token;
}

std::optional<std::string> reset_link(store::Connection& db, const User& by, std::int64_t user_id, std::int64_t now) {
  store::UserStore users(db);
  auto u = users.by_id(user_id);
  if (!u) return std::nullopt;
  const std::string token = random_token();
  users.insert_invitation(token_hash(token), {u->email, u->name, u->role, u->id, now + kInviteSeconds}, by.id, now);
  users.delete_sessions_of(u->id);
  audit(db, by, "person.reset_password", u->email, state(*u), state(*u), now);
  return token;
}

std::optional<Invitation> invitation_for(store::Connection& db, std::string_view token, std::int64_t now) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  auto row = store::UserStore(db).invitation(token_hash(token), now);
  if (!row) return std::nullopt;
  return Invitation{row->email, row->name, parse_role(row->role).value_or(Role::writer), row->user_id};
}

std::optional<User> accept_invitation(store::Connection& db, std::string_view token, std::string_view password,
                                      std::int64_t now) {
  auto inv = invitation_for(db, token, now);
  if (!inv) return std::nullopt;
  if (auto problem = password_problem(password)) throw std::invalid_argument(*problem);
  store::UserStore users(db);
  std::int64_t id = inv->user_id;
  if (id > 0) {
    users.set_password_hash(id, hash_password(password));
    users.delete_sessions_of(id);
  } else {
    if (users.by_email(inv->email)) return std::nullopt;  // made meanwhile by another link or the command line
    id = add_user(db, inv->email, inv->name, inv->role, password, now);
    store::AdvertStore adverts(db);
    if (const std::int64_t org = adverts.invitation_organisation(token_hash(token)); org > 0)
      adverts.set_organisation_of(id, org);
  }
  users.delete_invitation(token_hash(token));
  auto u = user_by_id(db, id);
  if (u)
    store::AuditStore(db).record({0, now, u->id, u->email, inv->user_id > 0 ? "person.password_set" : "person.join",
                                  u->email, "", state(*users.by_id(id))});
  return u;
}

std::string change_role(store::Connection& db, const User& by, std::int64_t user_id, Role role, std::int64_t now) {
  store::UserStore users(db);
  auto u = users.by_id(user_id);
  if (!u) return "no such person";
  if (role != Role::owner && last_owner(users, *u)) return "This is the only owner: make someone else an owner first.";
  const std::string before = state(*u);
  users.set_role(user_id, to_string(role));
  users.delete_sessions_of(user_id);  // a new role starts with a new session
  audit(db, by, "person.role", u->email, before, state(*users.by_id(user_id)), now);
  return {};
}

std::string change_disabled(store::Connection& db, const User& by, std::int64_t user_id, bool disabled,
                            std::int64_t now) {
  store::UserStore users(db);
  auto u = users.by_id(user_id);
  if (!u) return "no such person";
  if (disabled && last_owner(users, *u)) return "This is the only owner: make someone else an owner first.";
  const std::string before = state(*u);
  users.set_disabled(user_id, disabled);
  if (disabled) users.delete_sessions_of(user_id);
  audit(db, by, disabled ? "person.disable" : "person.enable", u->email, before, state(*users.by_id(user_id)), now);
  return {};
}

std::string sign_out_everywhere(store::Connection& db, const User& by, std::int64_t user_id, std::int64_t now) {
  store::UserStore users(db);
  auto u = users.by_id(user_id);
  if (!u) return "no such person";
  users.delete_sessions_of(user_id);
  audit(db, by, "person.sign_out_everywhere", u->email, state(*u), state(*u), now);
  return {};
}

}  // namespace gazette::accounts
