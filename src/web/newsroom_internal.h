// Small helpers the newsroom's files share (newsroom.cpp, newsroom_editing.cpp, newsroom_people.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ctemplate/template.h>

#include "accounts/accounts.h"
#include "config/config.h"
#include "http/message.h"
#include "http/router.h"
#include "web/theme.h"

namespace gazette::web {

inline constexpr const char* kSessionCookie = "gazette_session";
inline constexpr const char* kLoginCsrfCookie = "gazette_login_csrf";
inline constexpr int kNewsroomPageSize = 50;

http::Response redirect_see_other(const std::string& to);
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
