#include "mail/links.h"

#include <charconv>

#include "accounts/accounts.h"

namespace gazette::mail {

namespace {

const char* purpose_word(LinkPurpose p) {
  switch (p) {
    case LinkPurpose::confirm:
      return "c";
    case LinkPurpose::preferences:
      return "p";
    case LinkPurpose::unsubscribe:
      return "u";
  }
  return "?";
}

bool to_int(std::string_view text, std::int64_t& out) {
  if (text.empty() || text.size() > 19) return false;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size() && out >= 0;
}

// "<payload>.<mac>", the payload a dash-separated list of plain words and numbers (URL-safe as it is).
std::string sign(const std::string& secret, const std::string& payload) {
  return payload + "." + accounts::text_mac(secret, "mail-link:" + payload);
}

std::optional<std::string_view> verify(const std::string& secret, std::string_view token) {
  if (secret.empty() || token.size() > 200) return std::nullopt;
  const auto dot = token.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string_view payload = token.substr(0, dot);
  if (!accounts::tokens_equal(token.substr(dot + 1), accounts::text_mac(secret, "mail-link:" + std::string(payload))))
    return std::nullopt;
  return payload;
}

}  // namespace

std::string make_link_token(const std::string& secret, LinkPurpose purpose, std::int64_t subscriber_id,
                            std::int64_t link_version, std::int64_t now) {
  const std::int64_t life = purpose == LinkPurpose::confirm ? kConfirmLinkSeconds : kMailLinkSeconds;
  return sign(secret, std::string(purpose_word(purpose)) + "-" + std::to_string(subscriber_id) + "-" +
                          std::to_string(link_version) + "-" + std::to_string(now + life));
}

std::optional<LinkClaim> read_link_token(const std::string& secret, std::string_view token, std::int64_t now) {
  auto payload = verify(secret, token);
  if (!payload) return std::nullopt;
  // c-<id>-<version>-<expires>
  std::string_view parts[4];
  std::size_t start = 0;
  for (int i = 0; i < 4; ++i) {
    auto dash = payload->find('-', start);
    if (i == 3) dash = payload->size();
    if (dash == std::string_view::npos) return std::nullopt;
    parts[i] = payload->substr(start, dash - start);
    start = dash + 1;
  }
  LinkClaim claim;
  if (parts[0] == "c")
    claim.purpose = LinkPurpose::confirm;
  else if (parts[0] == "p")
    claim.purpose = LinkPurpose::preferences;
  else if (parts[0] == "u")
    claim.purpose = LinkPurpose::unsubscribe;
  else
    return std::nullopt;
  if (!to_int(parts[1], claim.subscriber_id) || !to_int(parts[2], claim.link_version) ||
      !to_int(parts[3], claim.expires_at))
    return std::nullopt;
  if (claim.expires_at < now) return std::nullopt;
  return claim;
}

std::string make_form_token(const std::string& secret, std::int64_t now) {
  return sign(secret, "f-" + std::to_string(now));
}

std::optional<std::int64_t> read_form_token(const std::string& secret, std::string_view token) {
  auto payload = verify(secret, token);
  if (!payload || !payload->starts_with("f-")) return std::nullopt;
  std::int64_t issued = 0;
  if (!to_int(payload->substr(2), issued)) return std::nullopt;
  return issued;
}

}  // namespace gazette::mail
