// Signing up, confirming, choosing, unsubscribing and being forgotten: the rules every way in (the
// public form, the preferences page, the one-click unsubscribe, CSV import, bounces) shares.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "mail/links.h"
#include "mail/subscriber.h"
#include "store/connection.h"

namespace gazette::mail {

// What a person typed into a sign-up or preferences form.
struct ChoicesForm {
  std::string name;
  Choices choices;
};

// Checks a form's choices: lengths, list sizes, slugs of a plausible form, a salary in range. Returns
// the reader-facing problem, or nullopt when it may be stored.
std::optional<std::string> choices_problem(const ChoicesForm& form);

// Sign-ups counted per client address in a window (in memory, per process, thread-safe): a script
// cannot make us send thousands of confirmation mails. Per address, the store counts confirmation
// mails instead (every node sees them).
class SignUpThrottle {
 public:
  SignUpThrottle(int max_per_window, std::int64_t window_seconds) : max_(max_per_window), window_(window_seconds) {}
  // Counts an attempt; false when the client has used up its window.
  bool allow(const std::string& client, std::int64_t now);

 private:
  struct Entry {
    int count = 0;
    std::int64_t since = 0;
  };
  const int max_;
  const std::int64_t window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

constexpr int kConfirmationsPerDay = 3;      // confirmation mails to one address in 24 hours
constexpr std::int64_t kMinFormSeconds = 2;  // a person takes longer than this to fill the form in

enum class SignUpResult {
  accepted,      // a confirmation mail is queued, or nothing needed doing: the reader sees "check your inbox"
  bad_email,     // not an address: say so
  bad_choices,   // problem() says why
  form_expired,  // no valid form token: show the form again, filled in, with a fresh token
  too_many,      // this client signed up too often: try later
};

struct SignUpOutcome {
  SignUpResult result = SignUpResult::accepted;
  std::string problem;
  bool stored = false;  // for tests and logs: whether anything was written
};

// A sign-up from the public form. The answer never tells whether the address was already known:
// known and confirmed, bounced or complained addresses change nothing and get no mail; pending or
// unsubscribed ones get a new confirmation link (at most kConfirmationsPerDay a day). A filled-in
// honeypot or a form sent faster than a person could is accepted in words and stores nothing.
SignUpOutcome sign_up(store::Connection& db, const std::string& secret, const std::string& email,
                      const ChoicesForm& form, const std::string& form_token, bool honeypot_filled, std::int64_t now);

// The subscriber a signed link of `purpose` names, if the link is valid and current.
std::optional<Subscriber> subscriber_for_link(store::Connection& db, const std::string& secret, std::string_view token,
                                              LinkPurpose purpose, std::int64_t now);

// Confirms the subscriber (pending or unsubscribed-then-signed-up-again). False when the link is not
// valid; true (and nothing changes) when already confirmed.
std::optional<Subscriber> confirm(store::Connection& db, const std::string& secret, std::string_view token,
                                  std::int64_t now);

// Stores new choices for the subscriber a preferences link names.
bool save_choices(store::Connection& db, std::int64_t subscriber_id, const ChoicesForm& form);

// Stops all mail to the subscriber now; what waits in the outbox for them is dropped.
void unsubscribe(store::Connection& db, std::int64_t subscriber_id, std::int64_t now, const std::string& reason);

// Deletes everything held about the subscriber (their row, outbox rows and notices).
void forget(store::Connection& db, std::int64_t subscriber_id);

// What is held about a subscriber, as JSON (the "see your data" download).
std::string subscriber_json(const Subscriber& s);

// Bounces and complaints: stops mail to the address (5xx at RCPT, a DSN, an abuse report).
// True when a subscriber was stopped.
bool record_bounce(store::Connection& db, const std::string& email, bool complaint, const std::string& reason,
                   std::int64_t now);

// CSV import and export of subscribers. Import reads a header row with at least "email"; known columns:
// name, status (confirmed or pending), daily, weekly, job_alerts (yes/no, true/false, 1/0), alert_frequency
// (daily or instant),
// alert_categories, alert_places, alert_min_salary, alert_keywords, follow_councils, follow_sections.
// Every row is checked first; the file is stored in one transaction only when no row has an error,
// else nothing is stored and the report lists each bad row.
struct ImportReport {
  std::int64_t rows = 0, added = 0, already = 0;
  std::vector<std::string> errors;  // "line 7: 'not-an-address' is not an email address"
  bool ok() const { return errors.empty(); }
};
ImportReport import_csv(store::Connection& db, std::string_view csv, std::int64_t now);
// Every subscriber as CSV with the columns import_csv reads (status and dates included).
void export_csv(store::Connection& db, const std::function<void(std::string_view)>& write);

}  // namespace gazette::mail
