// Small helpers the newsroom's files share (newsroom.cpp, newsroom_editing.cpp, newsroom_people.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ctemplate/template.h>

#include "accounts/accounts.h"
#include "http/message.h"
#include "http/router.h"

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

}  // namespace gazette::web
