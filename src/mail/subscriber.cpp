#include "mail/subscriber.h"

#include <cctype>
#include <charconv>

#include "strings/strings.h"

namespace gazette::mail {

namespace {

template <typename E, std::size_t N>
std::optional<E> parse_word(std::string_view word, const char* const (&names)[N]) {
  for (std::size_t i = 0; i < N; ++i)
    if (word == names[i]) return static_cast<E>(i);
  return std::nullopt;
}

constexpr const char* kStatusNames[] = {"pending", "confirmed", "unsubscribed", "bounced", "complained"};
constexpr const char* kKindNames[] = {"daily", "weekly", "alerts", "instant"};
constexpr const char* kStateNames[] = {"draft", "held", "queued", "sent", "cancelled"};

}  // namespace

const char* to_string(SubscriberStatus s) {
  return kStatusNames[static_cast<int>(s)];
}
std::optional<SubscriberStatus> parse_subscriber_status(std::string_view word) {
  return parse_word<SubscriberStatus>(word, kStatusNames);
}
const char* to_string(MailingKind k) {
  return kKindNames[static_cast<int>(k)];
}
std::optional<MailingKind> parse_mailing_kind(std::string_view word) {
  return parse_word<MailingKind>(word, kKindNames);
}
const char* to_string(MailingState s) {
  return kStateNames[static_cast<int>(s)];
}
std::optional<MailingState> parse_mailing_state(std::string_view word) {
  return parse_word<MailingState>(word, kStateNames);
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = strings::trim(text.substr(start, comma - start));
    if (!item.empty()) out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (item.empty()) continue;
    if (!out.empty()) out += ',';
    out += item;
  }
  return out;
}

std::vector<std::int64_t> split_ids(std::string_view text) {
  std::vector<std::int64_t> out;
  for (const auto& item : split_list(text)) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
    if (ec == std::errc() && p == item.data() + item.size() && v > 0) out.push_back(v);
  }
  return out;
}

std::string join_ids(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out;
}

std::optional<std::string> normalise_email(std::string_view text) {
  std::string email = strings::lower_ascii(strings::trim(text));
  if (email.empty() || email.size() > 254 || !strings::valid_utf8(email)) return std::nullopt;
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) return std::nullopt;
  if (at > 64) return std::nullopt;
  const std::string_view domain = std::string_view(email).substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.' || domain.find("..") != std::string_view::npos)
    return std::nullopt;
  for (unsigned char c : email) {
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '\\' || c == '(' ||
        c == ')' || c == '[' || c == ']')
      return std::nullopt;
  }
  for (unsigned char c : domain)
    if (!(std::isalnum(c) || c == '-' || c == '.' || c >= 0x80)) return std::nullopt;
  return email;
}

}  // namespace gazette::mail
