// The newsroom: signing in and out, the list of articles and the article editor. Never cached; every
// response says Cache-Control: no-store. Every POST carries a CSRF token: the session's own once signed
// in, and a double-submit cookie on the sign-in form (which has no session yet). The rules of saving
// an article are content::save_article's (content/editing.h); this module parses and renders.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "accounts/accounts.h"
#include "content/editing.h"
#include "web/page_context.h"

namespace gazette::web {

class Newsroom : public PageModule {
 public:
  explicit Newsroom(PageContext& ctx) : PageModule(ctx) {}
  void add_routes(http::Router& router) override;

 private:
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
  // the typed text without saving it.
  http::Response editor(const http::Request& req, const http::Params& p, int status, const std::string& error,
                        const content::ArticleForm* typed, bool check = false);
  http::Response save(const http::Request& req, const http::Params& p);

  // The site's secret that signs the sign-in form's CSRF token, read once.
  std::string login_secret();
  std::mutex secret_mutex_;
  std::string secret_;
  // Failed sign-ins: 5 per account and 50 per client address in 15 minutes.
  accounts::SignInThrottle account_throttle_{5, 15 * 60};
  accounts::SignInThrottle address_throttle_{50, 15 * 60};
};

}  // namespace gazette::web
