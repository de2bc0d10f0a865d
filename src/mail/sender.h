// The sending process: takes the lease (so exactly one process of a site sends), hands the outbox and
// confirmation notices to the relay at the configured rate and concurrency, records each result as soon
// as the relay answers, retries temporary failures with backoff, stops mail to addresses the relay
// refuses, and marks editions sent when their outbox is empty.
//
// Crash safety: a message is marked "sending" before it goes, and "sent" when the relay has taken all
// of it but before the end of DATA commits it to delivery (SmtpClient::send's before_end). After a
// crash, rows left "sending" go back to "pending" (recover()): the relay discarded those unfinished
// messages, so a restart sends the rest and nobody gets a second copy. A crash in the instant between
// that record and the final dot loses that one message instead.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "mail/bulletin.h"
#include "mail/message.h"
#include "mail/smtp.h"
#include "mail/subscriber.h"
#include "store/connection.h"

namespace gazette::mail {

// Subject, plain text and HTML of one message. Made by the web layer's email templates.
struct Rendered {
  std::string subject, text, html;
};

struct SubscriberLinks {
  std::string preferences, unsubscribe;  // absolute URLs with signed tokens
};

class MessageRenderer {
 public:
  virtual ~MessageRenderer() = default;
  virtual Rendered confirmation(const Subscriber& s, const std::string& confirm_url) = 0;
  // One edition for one subscriber, with their adverts (in order).
  virtual Rendered edition(const Edition& e, const Subscriber& s, const std::vector<const AlertJob*>& jobs,
                           const SubscriberLinks& links) = 0;
};

struct SenderSettings {
  SmtpSettings smtp;
  Address from;
  DkimKey dkim;
  std::string base_url;  // links in messages: https://example.org
  std::string secret;    // signs the links (accounts::site_secret)
  std::string site_name;
  double rate = 10;      // messages a second, at most
  int concurrency = 2;   // relay connections at once
  int max_attempts = 6;  // then the message is recorded as failed
};

struct SendReport {
  std::int64_t sent = 0, retried = 0, failed = 0, dropped = 0, bounced = 0;
};

class Sender {
 public:
  using OpenDb = std::function<std::unique_ptr<store::Connection>()>;
  Sender(SenderSettings settings, OpenDb open_db, MessageRenderer& renderer);

  // Takes (or renews) the lease for `lease_seconds`; false when another process holds it.
  bool take_lease(std::int64_t now, std::int64_t lease_seconds = 120);
  void release_lease();
  // Puts messages a crashed sender left half-done back in the queue. Call once, holding the lease.
  std::int64_t recover();
  // Sends what is due now, until nothing is due or `stop` is set.
  SendReport send_due(const std::atomic<bool>* stop = nullptr);

  // The message one delivery would send (for previews and tests): subject, text and HTML.
  Rendered render(store::Connection& db, const Delivery& d, const Subscriber& s, std::int64_t now);
  // Absolute links for a subscriber.
  SubscriberLinks links_for(const Subscriber& s, std::int64_t now) const;
  std::string confirm_url(const Subscriber& s, std::int64_t now) const;

 private:
  std::shared_ptr<const Edition> edition(store::Connection& db, std::int64_t mailing_id, std::int64_t now);
  Email email_for(const Delivery& d, const Subscriber& s, const Rendered& r, std::int64_t now) const;

  SenderSettings settings_;
  OpenDb open_db_;
  MessageRenderer& renderer_;
  std::string holder_;
  std::mutex editions_mutex_;
  std::unordered_map<std::int64_t, std::shared_ptr<const Edition>> editions_;
};

// Parses "Name <address>" or a bare address; throws std::runtime_error when there is no address.
Address parse_address(const std::string& text);

}  // namespace gazette::mail

namespace gazette::mail {

// The loop `serve` runs on its mail thread: every few seconds, while holding the lease, queue the
// editions that are due and send what waits. Returns when `stop` is set.
void run_mail_loop(Sender& sender, store::Connection& db, const Schedule& schedule, const std::atomic<bool>& stop);

}  // namespace gazette::mail
