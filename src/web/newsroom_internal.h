// Small helpers the newsroom's modules share (newsroom*.cpp, advert_desk.cpp, bulletin_desk.cpp, media_pages.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <ctemplate/template.h>

#include "accounts/accounts.h"
#include "config/config.h"
#include "http/form.h"
#include "http/message.h"
#include "http/router.h"
#include "store/connection.h"
#include "web/theme.h"

namespace gazette::web {

inline constexpr const char* kSessionCookie = "gazette_session";
inline constexpr const char* kLoginCsrfCookie = "gazette_login_csrf";
inline constexpr int kNewsroomPageSize = 50;

http::Response redirect_see_other(const std::string& to);

// A signed-in, enabled user allowed an action, or the answer to give instead: to the sign-in page (a
// GET while signed out), 401 (a POST while signed out), 400 (a POST body that is not form data), 403
// (signed in, not allowed, or a POST whose CSRF token does not match). For POSTs `form` is the parsed
// body. Every newsroom module that checks access this way (articles, people, adverts) shares it.
struct NewsroomAccess {
  std::optional<accounts::Session> session;
  std::optional<http::Response> refusal;
  std::optional<http::Fields> form;
};
// Renders a refusal in the module's own page: status, title, message, the session (null: signed out).
using NoticeRenderer =
    std::function<http::Response(int, const std::string&, const std::string&, const accounts::Session*)>;
NewsroomAccess require_access(store::Connection& db, const http::Request& req, accounts::Action action,
                              const NoticeRenderer& notice);
// The article number in /newsroom/articles/{id}; nullopt for anything else ("new" is its own route).
std::optional<std::int64_t> article_id_param(const http::Params& p);
// Shows the newsroom navigation's links this role may follow (newsroom_layout.tpl's NAV_* sections)
// in the layout's SIGNED_IN section.
void fill_newsroom_nav(ctemplate::TemplateDictionary* signed_in, accounts::Role role);
// A newsroom page: `body_html` in newsroom_layout.tpl, with the signed-in person's name, role, CSRF
// token and the navigation their role may follow (none when `session` is null). Used by every newsroom
// module (articles, people, the bulletin desk, the media library).
http::Response newsroom_page(const Theme& theme, const config::Config& config, const std::string& title,
                             const std::string& body_html, const accounts::Session* session, int status);

}  // namespace gazette::web
