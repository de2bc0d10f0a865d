// The newsroom's Adverts area (/newsroom/adverts) and organisations (/newsroom/organisations): a
// recruiter posts, previews, edits, closes and marks filled their organisation's adverts; editors and
// owners see the moderation queue, edit, approve, reject with a reason and set a category, add
// organisations, trust them and put recruiters in them. POST /newsroom/adverts/check answers the
// form's as-you-type checks as JSON (static/advert_check.js); the form works without it.
//
// Access: every route names the accounts::Action it needs (post_adverts or moderate_adverts), checked
// first, as in web/newsroom.h: signed out, a GET goes to the sign-in page and a POST gets 401; a role
// without the action, or a POST without the session's CSRF token, gets 403. An advert outside a
// recruiter's organisation is answered 404, as if it did not exist, so no organisation learns of
// another's unpublished adverts. The rules are jobs/adverts.h's; this module parses and renders.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "http/form.h"
#include "jobs/advert_checks.h"
#include "web/newsroom_internal.h"
#include "web/page_context.h"

namespace gazette::web {

class AdvertDesk : public PageModule {
 public:
  explicit AdvertDesk(PageContext& ctx) : PageModule(ctx) {}
  void add_routes(http::Router& router) override;

 private:
  // The newsroom's access check (require_access), plus the user's organisation.
  struct Access : NewsroomAccess {
    std::int64_t organisation = 0;  // the user's organisation (0: none)
  };
  Access require(const http::Request& req, accounts::Action action);
  http::Response notice(int status, const std::string& title, const std::string& message,
                        const accounts::Session* session);
  http::Response not_found(const accounts::Session& session);

  http::Response list(const http::Request& req);
  // The advert form: a new advert (id empty) or a stored one; `typed` shows what was sent again.
  http::Response form_page(const http::Request& req, const Access& access, std::optional<std::int64_t> id, int status,
                           const jobs::AdvertFields* typed, const std::vector<jobs::AdvertProblem>& problems,
                           const std::string& error);
  http::Response show(const http::Request& req, const http::Params& p);
  http::Response save(const http::Request& req, const http::Params& p);
  http::Response preview_stored(const http::Request& req, const http::Params& p);
  http::Response preview(const jobs::AdvertFields& fields, std::int64_t organisation_id);
  http::Response act(const http::Request& req, const http::Params& p, const std::string& what);
  http::Response set_category(const http::Request& req, const http::Params& p);
  http::Response check(const http::Request& req);
  http::Response organisations(const http::Request& req, const std::string& error = "", int status = 200);
  http::Response add_organisation(const http::Request& req);
  http::Response trust(const http::Request& req, const http::Params& p);
  http::Response assign(const http::Request& req);
};

}  // namespace gazette::web
