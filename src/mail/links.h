// Signed links for subscribers: confirm, preferences, unsubscribe. A link carries what it is for, the
// subscriber's id, their link version and an expiry, with a MAC by the site's secret: no password, no
// address in the URL, and raising the link version (after deletion or a new sign-up) revokes every
// link sent before. Also the sign-up form's token: when the form was made, signed, so a bot that posts
// without loading a page, or faster than a person types, is recognised.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::mail {

enum class LinkPurpose { confirm, preferences, unsubscribe };

struct LinkClaim {
  LinkPurpose purpose = LinkPurpose::confirm;
  std::int64_t subscriber_id = 0;
  std::int64_t link_version = 0;
  std::int64_t expires_at = 0;
};

// How long each kind of link works.
constexpr std::int64_t kConfirmLinkSeconds = 7 * 86400;
constexpr std::int64_t kMailLinkSeconds = 400 * 86400;  // preferences and unsubscribe, in every email

std::string make_link_token(const std::string& secret, LinkPurpose purpose, std::int64_t subscriber_id,
                            std::int64_t link_version, std::int64_t now);
// The claim of a well-formed token with a valid MAC that has not expired at `now`, else nullopt.
// The caller still checks the subscriber's current link version.
std::optional<LinkClaim> read_link_token(const std::string& secret, std::string_view token, std::int64_t now);

// The sign-up form's token: its issue time, signed.
std::string make_form_token(const std::string& secret, std::int64_t now);
// The issue time of a valid form token, else nullopt.
std::optional<std::int64_t> read_form_token(const std::string& secret, std::string_view token);

}  // namespace gazette::mail
