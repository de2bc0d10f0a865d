// The bulletin's value types: a subscriber and their choices, a mailing (one edition of the daily
// bulletin, the weekly digest or the job alerts), and a message waiting in the outbox. Plain values and
// pure rules; the store reads and writes them, src/mail/ holds the rules that change them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::mail {

enum class SubscriberStatus { pending, confirmed, unsubscribed, bounced, complained };
const char* to_string(SubscriberStatus s);
std::optional<SubscriberStatus> parse_subscriber_status(std::string_view word);

// What a subscriber asked for. Lists hold slugs (categories, councils, sections) or region names.
struct Choices {
  bool daily = true;    // the daily bulletin
  bool weekly = false;  // the weekly digest
  bool job_alerts = false;
  bool alert_instant = false;  // job alerts as adverts are published instead of each morning
  std::vector<std::string> alert_categories;
  std::vector<std::string> alert_places;  // council slugs or region names
  std::int64_t alert_min_salary = 0;      // annual, pounds; 0: any
  std::string alert_keywords;
  std::vector<std::string> follow_councils;
  std::vector<std::string> follow_sections;
};

struct Subscriber {
  std::int64_t id = 0;
  std::string email;  // lower-cased
  std::string name;
  SubscriberStatus status = SubscriberStatus::pending;
  Choices choices;
  std::int64_t link_version = 1;
  std::int64_t created_at = 0;
  std::int64_t confirmed_at = 0;  // 0: never
  std::int64_t stopped_at = 0;
  std::string stopped_reason;
  std::string source;  // form, import
};

enum class MailingKind { daily, weekly, alerts, instant };
// Job alerts, each morning or as adverts are published: adverts only, chosen per subscriber.
inline bool is_alert(MailingKind k) {
  return k == MailingKind::alerts || k == MailingKind::instant;
}
const char* to_string(MailingKind k);
std::optional<MailingKind> parse_mailing_kind(std::string_view word);

enum class MailingState { draft, held, queued, sent, cancelled };
const char* to_string(MailingState s);
std::optional<MailingState> parse_mailing_state(std::string_view word);

struct Mailing {
  std::int64_t id = 0;
  MailingKind kind = MailingKind::daily;
  std::string edition;  // local date, YYYY-MM-DD
  MailingState state = MailingState::draft;
  std::string subject;
  std::int64_t since = 0, until = 0;  // what was published in [since, until)
  std::int64_t lead_article_id = 0;   // 0: chosen by the rules
  std::vector<std::int64_t> dropped;  // article ids an editor left out
  std::vector<std::int64_t> order;    // article ids an editor moved, first to last
  std::int64_t created_at = 0, queued_at = 0, finished_at = 0;
};

// Counts of a mailing's outbox rows by state.
struct OutboxCounts {
  std::int64_t pending = 0, sending = 0, sent = 0, failed = 0, dropped = 0;
  std::int64_t total() const { return pending + sending + sent + failed + dropped; }
};

// A message due to one subscriber: an outbox row (mailing_id set) or a single notice (notice_id set).
struct Delivery {
  std::int64_t mailing_id = 0;
  std::int64_t notice_id = 0;
  std::string notice_kind;  // "confirm"
  std::int64_t subscriber_id = 0;
  std::vector<std::int64_t> job_ids;
  int attempts = 0;
};

// An advert as the bulletin and job alerts show and match it.
struct AlertJob {
  std::int64_t id = 0;
  std::string title, slug, employer, location, region, salary_text, category, council_slug, closing_date;
  std::string region_slug;                // "South East" -> "south-east": places are stored as slugs
  double annual_min = 0, annual_max = 0;  // 0: not parsed
  std::string text_lower;                 // title and description, lower-cased, for keywords
  bool featured = false;
};

// "a,b,c" <-> {"a","b","c"} (empty items dropped; items are trimmed).
std::vector<std::string> split_list(std::string_view text);
std::string join_list(const std::vector<std::string>& items);
std::vector<std::int64_t> split_ids(std::string_view text);
std::string join_ids(const std::vector<std::int64_t>& ids);

// An email address as stored: trimmed and lower-cased. Returns nullopt when it is not a plausible
// address (one '@', a dot in the domain, no spaces or control characters, at most 254 bytes), so
// nothing is written for it.
std::optional<std::string> normalise_email(std::string_view text);

}  // namespace gazette::mail
