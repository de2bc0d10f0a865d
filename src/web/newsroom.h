// The newsroom: signing in and out, the article list, the editor with preview, revisions and the bin,
// the people an owner manages, the audit log, and the one-time links that let people set a password.
// Never cached; every response says Cache-Control: no-store. Every POST carries a CSRF token: the
// session's own once signed in, and a signed double-submit cookie on the sign-in and set-password
// forms (which have no session yet).
//
// Every route names the accounts::Action it needs, checked by require() before anything else, so the
// access policy is accounts::allowed(). The rules of saving are the domain's (content/editing.h,
// content/article_service.h, accounts/accounts.h); this module parses and renders.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "accounts/accounts.h"
#include "content/editing.h"
#include "http/form.h"
#include "web/newsroom_internal.h"
#include "web/page_context.h"

namespace gazette::web {

class Newsroom : public PageModule {
 public:
  explicit Newsroom(PageContext& ctx) : PageModule(ctx) {}
  void add_routes(http::Router& router) override;

 private:
  // See require_access (newsroom_internal.h).
  using Access = NewsroomAccess;
  Access require(const http::Request& req, accounts::Action action);

  std::optional<accounts::Session> signed_in(const http::Request& req);
  http::Response layout(const std::string& title, const std::string& body_html, const accounts::Session* session,
                        int status);
  http::Response notice(int status, const std::string& title, const std::string& message,
                        const accounts::Session* session, const std::string& kept_text = "");
  http::Response login_form(const http::Request& req, int status, const std::string& error, const std::string& email);
  http::Response login(const http::Request& req);
  http::Response logout(const http::Request& req);
  http::Response articles(const http::Request& req);
  // The editor: the stored article, or `typed` values shown again; `check` lists the councils found in
  // the typed text without saving it; `conflict` is the newer saved version a save was refused over.
  http::Response editor(const http::Request& req, const http::Params& p, int status, const std::string& error,
                        const content::ArticleForm* typed, bool check = false,
                        const content::Article* conflict = nullptr);
  http::Response save(const http::Request& req, const http::Params& p);

  // --- editing (newsroom_editing.cpp): preview, revisions, unpublish, bin, home lead ---------------------
  http::Response preview_stored(const http::Request& req, const http::Params& p);
  http::Response preview_typed(const accounts::Session& session, const content::ArticleForm& form,
                               std::optional<std::int64_t> id);
  http::Response revisions(const http::Request& req, const http::Params& p);
  http::Response revision(const http::Request& req, const http::Params& p);
  http::Response restore_revision(const http::Request& req, const http::Params& p);
  http::Response article_action(const http::Request& req, const http::Params& p, const std::string& what);
  http::Response bin_page(const http::Request& req);
  // Sections, authors and tags described by editors (/newsroom/listings).
  http::Response listings_page(const http::Request& req, const std::string& error = "", int status = 200);
  http::Response describe(const http::Request& req, const http::Params& p, const std::string& kind);
  // The article a route's {id} names, when this user may edit it; else the refusal.
  std::optional<content::Article> editable_article(const http::Params& p, const accounts::Session& session,
                                                   std::optional<http::Response>& refusal);

  // --- people (newsroom_people.cpp): people, audit log, one-time links ----------------------------------
  http::Response people(const http::Request& req, const std::string& link = "", const std::string& error = "",
                        int status = 200);
  http::Response invite(const http::Request& req);
  http::Response person_action(const http::Request& req, const http::Params& p, const std::string& what);
  http::Response audit_log(const http::Request& req);
  http::Response join_form(const http::Request& req, const http::Params& p, int status, const std::string& error);
  http::Response join(const http::Request& req, const http::Params& p);
  // The double-submit token of the forms used while signed out, and whether a POST carries it.
  std::string signed_out_csrf(const http::Request& req, bool& fresh);
  bool signed_out_csrf_ok(const http::Request& req, const http::Fields& form);

  // The site's secret that signs the sign-in form's CSRF token, read once.
  std::string login_secret();
  std::mutex secret_mutex_;
  std::string secret_;
  // Failed sign-ins: 5 per account and 50 per client address in 15 minutes.
  const accounts::SignInThrottle account_throttle_{"account", 5, accounts::kSignInWindowSeconds};
  const accounts::SignInThrottle address_throttle_{"address", 50, accounts::kSignInWindowSeconds};
};

}  // namespace gazette::web
