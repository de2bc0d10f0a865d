// The newsroom's bulletin desk (/newsroom/bulletin): today's edition of the daily bulletin, the weekly
// digest or the job alerts as it stands, its preview as a subscriber sees it, and the editor's
// changes (pin the lead, move or leave out items, hold, release, send now); the progress of recent
// editions. Editors only; every POST carries the session's CSRF token.
#pragma once

#include <optional>

#include "accounts/accounts.h"
#include "web/page_context.h"

namespace gazette::web {

class BulletinDesk : public PageModule {
 public:
  explicit BulletinDesk(PageContext& ctx) : PageModule(ctx) {}
  void add_routes(http::Router& router) override;

 private:
  std::optional<accounts::Session> editor_session(const http::Request& req);
  http::Response layout(const std::string& title, const std::string& body, const accounts::Session& s, int status);
  http::Response desk(const http::Request& req, const std::string& flash = "");
  http::Response preview(const http::Request& req, const http::Params& p);
  http::Response act(const http::Request& req, const http::Params& p);
  http::Response refuse(const http::Request& req);
};

}  // namespace gazette::web
