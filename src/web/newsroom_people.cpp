// The newsroom's people pages (web/newsroom.h): the people an owner manages, the audit log, and the
// one-time links that let a person set their password.
#include <ctemplate/template.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <stdexcept>

#include "accounts/accounts.h"
#include "content/site_time.h"
#include "store/advert_store.h"
#include "store/audit_store.h"
#include "strings/strings.h"
#include "web/newsroom.h"
#include "web/newsroom_internal.h"
#include "web/render.h"

namespace gazette::web {

namespace {

std::optional<std::int64_t> id_param(const http::Params& p) {
  auto it = p.find("id");
  if (it == p.end()) return std::nullopt;
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), n);
  if (ec != std::errc() || ptr != it->second.data() + it->second.size() || n < 1) return std::nullopt;
  return n;
}

}  // namespace

http::Response Newsroom::people(const http::Request& req, const std::string& link, const std::string& error,
                                int status) {
  auto access = require(req, accounts::Action::manage_people);
  if (access.refusal) return std::move(*access.refusal);  // a POST shown again passed the same checks
  const accounts::Session& session = *access.session;
  ctemplate::TemplateDictionary d("people");
  d.SetValue("CSRF", session.csrf_token);
  if (!link.empty()) d.SetValueAndShowSection("LINK", config_.base_url + link, "HAS_LINK");
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  for (const char* r : {"owner", "editor", "writer", "recruiter"}) {
    auto* o = d.AddSectionDictionary("INVITE_ROLE");
    o->SetValue("VALUE", r);
    if (std::string(r) == "writer") o->ShowSection("SELECTED");
  }
  // Organisations (schema_018): a recruiter's, shown in their row and chosen when inviting one.
  store::AdvertStore adverts(db());
  const auto organisations = adverts.organisations();
  const auto memberships = adverts.user_organisations();
  for (const auto& o : organisations) {
    auto* opt = d.AddSectionDictionary("INVITE_ORGANISATION");
    opt->SetIntValue("ID", static_cast<long>(o.id));
    opt->SetValue("NAME", o.name);
  }
  for (const auto& u : accounts::all_users(db())) {
    auto* row = d.AddSectionDictionary("PERSON");
    if (u.role == accounts::Role::recruiter) {
      std::string org_name = "no organisation";
      for (const auto& [user, org] : memberships)
        for (const auto& o : organisations)
          if (user == u.id && o.id == org) org_name = o.name;
      row->SetValueAndShowSection("ORGANISATION", org_name, "RECRUITER");
    }
    row->SetValue("NAME", u.name);
    row->SetValue("EMAIL", u.email);
    row->SetValue("ROLE", accounts::to_string(u.role));
    row->SetValue("CSRF", session.csrf_token);
    row->SetValue("BASE", "/newsroom/people/" + std::to_string(u.id));
    if (u.disabled)
      row->ShowSection("DISABLED");
    else
      row->ShowSection("ENABLED");
    if (u.id == session.user.id) row->ShowSection("YOU");
    for (const char* r : {"owner", "editor", "writer", "recruiter"}) {
      auto* o = row->AddSectionDictionary("ROLE_OPTION");
      o->SetValue("VALUE", r);
      if (std::string(r) == accounts::to_string(u.role)) o->ShowSection("SELECTED");
    }
  }
  return layout("People", theme_.render("newsroom_people.tpl", d), &session, status);
}

http::Response Newsroom::invite(const http::Request& req) {
  auto access = require(req, accounts::Action::manage_people);
  if (access.refusal) return std::move(*access.refusal);
  const auto& form = *access.form;
  auto role = accounts::parse_role(http::field(form, "role"));
  if (!role) return people(req, "", "Choose a role: owner, editor, writer or recruiter.", 422);
  const std::int64_t now = std::time(nullptr);
  std::string token;
  try {
    store::Transaction tx(db());
    std::int64_t organisation = 0;
    const std::string org_text = http::field(form, "organisation");
    std::from_chars(org_text.data(), org_text.data() + org_text.size(), organisation);
    token = accounts::invite(db(), access.session->user, std::string(strings::trim(http::field(form, "email"))),
                             std::string(strings::trim(http::field(form, "name"))), *role, now,
                             std::max<std::int64_t>(0, organisation));
    tx.commit();
  } catch (const std::invalid_argument& e) {
    return people(req, "", std::string("Not invited: ") + e.what() + ".", 422);
  }
  spdlog::info("newsroom: {} invited someone as {}", access.session->user.email, accounts::to_string(*role));
  return people(req, "/newsroom/join/" + token, "", 200);
}

http::Response Newsroom::person_action(const http::Request& req, const http::Params& p, const std::string& what) {
  auto access = require(req, accounts::Action::manage_people);
  if (access.refusal) return std::move(*access.refusal);
  auto id = id_param(p);
  if (!id) return notice(404, "No such person", "There is no person with that number.", &*access.session);
  const accounts::User& by = access.session->user;
  const std::int64_t now = std::time(nullptr);
  std::string problem, link;
  {
    store::Transaction tx(db());
    if (what == "role") {
      auto role = accounts::parse_role(http::field(*access.form, "role"));
      if (!role) return people(req, "", "Choose a role: owner, editor, writer or recruiter.", 422);
      problem = accounts::change_role(db(), by, *id, *role, now);
    } else if (what == "disable" || what == "enable") {
      problem = accounts::change_disabled(db(), by, *id, what == "disable", now);
    } else if (what == "signout") {
      problem = accounts::sign_out_everywhere(db(), by, *id, now);
    } else {  // reset
      auto token = accounts::reset_link(db(), by, *id, now);
      if (!token)
        problem = "no such person";
      else
        link = "/newsroom/join/" + *token;
    }
    if (problem.empty()) tx.commit();
  }
  if (problem == "no such person")
    return notice(404, "No such person", "There is no person with that number.", &*access.session);
  if (!problem.empty()) return people(req, "", problem, 409);
  spdlog::info("newsroom: {} did '{}' to person {}", by.email, what, *id);
  // Acting on oneself (a new role, signing out everywhere) ends one's own session too.
  if (*id == by.id && what != "reset" && what != "enable") return redirect_see_other("/newsroom/login");
  if (!link.empty()) return people(req, link, "", 200);
  return redirect_see_other("/newsroom/people");
}

http::Response Newsroom::audit_log(const http::Request& req) {
  auto access = require(req, accounts::Action::view_audit);
  if (access.refusal) return std::move(*access.refusal);
  auto page = page_number(req);
  if (!page) return notice(400, "Bad request", "The page must be a positive whole number.", &*access.session);
  store::AuditStore audit(db());
  const std::int64_t total = audit.count();
  ctemplate::TemplateDictionary d("audit");
  d.SetValue("TOTAL", std::to_string(total));
  auto rows = audit.recent(kNewsroomPageSize, (*page - 1) * kNewsroomPageSize);
  if (rows.empty()) d.ShowSection("EMPTY");
  for (const auto& e : rows) {
    auto* row = d.AddSectionDictionary("ENTRY");
    row->SetValue("AT", content::format_local_time(e.at));
    row->SetValue("WHO", e.user_email);
    row->SetValue("ACTION", e.action);
    row->SetValue("SUBJECT", e.subject);
    row->SetValue("BEFORE", e.before);
    row->SetValue("AFTER", e.after);
  }
  fill_pagination(&d, "/newsroom/audit", *page, total, kNewsroomPageSize);
  return layout("Audit log", theme_.render("newsroom_audit.tpl", d), &*access.session, 200);
}

std::string Newsroom::signed_out_csrf(const http::Request& req, bool& fresh) {
  const std::string secret = login_secret();
  std::string csrf = http::cookie(req, kLoginCsrfCookie).value_or("");
  fresh = !accounts::signed_token_valid(secret, csrf);
  if (fresh) csrf = accounts::signed_token(secret);
  return csrf;
}

bool Newsroom::signed_out_csrf_ok(const http::Request& req, const http::Fields& form) {
  auto cookie_token = http::cookie(req, kLoginCsrfCookie);
  return cookie_token && accounts::tokens_equal(*cookie_token, http::field(form, "csrf")) &&
         accounts::signed_token_valid(login_secret(), *cookie_token);
}

http::Response Newsroom::join_form(const http::Request& req, const http::Params& p, int status,
                                   const std::string& error) {
  const std::string& token = p.at("token");
  auto inv = accounts::invitation_for(db(), token, std::time(nullptr));
  if (!inv)
    return notice(404, "Link not valid",
                  "This link has been used, has expired or was never issued. Ask the site's owner for a new one.",
                  nullptr);
  bool fresh = false;
  const std::string csrf = signed_out_csrf(req, fresh);
  ctemplate::TemplateDictionary d("join");
  d.SetValue("CSRF", csrf);
  d.SetValue("ACTION", "/newsroom/join/" + token);
  d.SetValue("NAME", inv->name);
  d.SetValue("EMAIL", inv->email);
  d.SetValue("ROLE", accounts::to_string(inv->role));
  d.SetValue("MIN", std::to_string(accounts::kMinPasswordLength));
  if (inv->user_id > 0)
    d.ShowSection("RESET");
  else
    d.ShowSection("INVITED");
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  http::Response r = layout("Choose a password", theme_.render("newsroom_join.tpl", d), nullptr, status);
  r.set_header("Referrer-Policy", "no-referrer");  // the token is in the address
  if (fresh) r.headers.emplace_back("Set-Cookie", http::set_cookie(kLoginCsrfCookie, csrf, {.max_age = 3600}));
  return r;
}

http::Response Newsroom::join(const http::Request& req, const http::Params& p) {
  auto form = http::parse_form(req.body);
  if (!form) return join_form(req, p, 400, "The form could not be read. Please try again.");
  if (!signed_out_csrf_ok(req, *form)) return join_form(req, p, 403, "The form had expired. Please try again.");
  const std::string password = http::field(*form, "password");
  if (password != http::field(*form, "password_again"))
    return join_form(req, p, 422, "The two passwords differ. Type the same password twice.");
  std::optional<accounts::User> user;
  try {
    store::Transaction tx(db());
    user = accounts::accept_invitation(db(), p.at("token"), password, std::time(nullptr));
    if (user) tx.commit();
  } catch (const std::invalid_argument& e) {
    return join_form(req, p, 422, std::string("Choose another password: ") + e.what() + ".");
  }
  if (!user) return join_form(req, p, 404, "");
  spdlog::info("newsroom: {} set their password from a one-time link", user->email);
  http::Response r = redirect_see_other("/newsroom/login");
  r.headers.emplace_back("Set-Cookie", http::set_cookie(kLoginCsrfCookie, "", {.max_age = 0}));
  return r;
}

}  // namespace gazette::web
