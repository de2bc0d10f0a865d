// The bulletin's tables: subscribers, mailings, the outbox, single notices and the sending lease
// (sql/<backend>/queries_mail.sql). The rules that use them are in src/mail/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/article.h"
#include "mail/subscriber.h"
#include "store/connection.h"

namespace gazette::store {

class MailStore {
 public:
  explicit MailStore(Connection& db) : db_(db) {}

  // Subscribers.
  std::optional<mail::Subscriber> subscriber_by_email(const std::string& email);
  std::optional<mail::Subscriber> subscriber_by_id(std::int64_t id);
  // Inserts a subscriber; nullopt when the address is already stored (nothing changes then).
  std::optional<std::int64_t> insert_subscriber(const mail::Subscriber& s);
  void set_choices(std::int64_t id, const std::string& name, const mail::Choices& c);
  bool confirm(std::int64_t id, std::int64_t now);
  // Stops mail (unsubscribed, bounced, complained) and drops what waits in the outbox for them.
  bool stop(std::int64_t id, mail::SubscriberStatus status, std::int64_t now, const std::string& reason);
  bool restart(std::int64_t id);
  bool remove(std::int64_t id);
  // Subscribers in id order after `after_id` (all of them, or only confirmed ones receiving `kind`).
  std::vector<mail::Subscriber> subscribers_page(std::int64_t after_id, int limit);
  std::vector<mail::Subscriber> receiving(mail::MailingKind kind, std::int64_t after_id, int limit);
  std::vector<std::pair<std::string, std::int64_t>> subscriber_counts();

  // Mailings.
  std::optional<mail::Mailing> mailing(mail::MailingKind kind, const std::string& edition);
  std::optional<mail::Mailing> mailing_by_id(std::int64_t id);
  std::vector<mail::Mailing> recent_mailings(int limit);
  // The end of the last queued or sent mailing of a kind, or 0.
  std::int64_t last_until(mail::MailingKind kind);
  std::optional<std::int64_t> insert_mailing(const mail::Mailing& m, std::int64_t now);
  bool set_window(std::int64_t id, std::int64_t since, std::int64_t until);
  bool edit_mailing(const mail::Mailing& m);
  bool set_state(std::int64_t id, mail::MailingState from, mail::MailingState to, std::int64_t now);
  std::int64_t finish_mailings(std::int64_t now);

  // The outbox.
  void enqueue(std::int64_t mailing_id, std::int64_t subscriber_id, const std::vector<std::int64_t>& job_ids);
  mail::OutboxCounts outbox_counts(std::int64_t mailing_id);
  std::vector<mail::Delivery> due(std::int64_t now, int limit);
  bool claim(const mail::Delivery& d);
  void sent(const mail::Delivery& d, std::int64_t now);
  void retry(const mail::Delivery& d, std::int64_t at, const std::string& error);
  void failed(const mail::Delivery& d, const std::string& error);
  void drop(const mail::Delivery& d, const std::string& reason);
  // Messages left "sending" by a process that died go back to "pending".
  std::int64_t recover();
  std::int64_t pending_total();

  // Notices (confirmation mails).
  std::int64_t add_notice(std::int64_t subscriber_id, const std::string& kind, std::int64_t now);
  std::int64_t notices_since(std::int64_t subscriber_id, const std::string& kind, std::int64_t since);

  // The sending lease: true when `holder` holds `name` until `expires_at`.
  bool take_lease(const std::string& name, const std::string& holder, std::int64_t expires_at, std::int64_t now);
  void release_lease(const std::string& name, const std::string& holder);
  // Who holds the lease now ("" when nobody does).
  std::string lease_holder(const std::string& name);
  bool steal_lease(const std::string& name, const std::string& from, const std::string& holder,
                   std::int64_t expires_at);

  // What a mailing is made of.
  std::vector<content::Article> articles_between(std::int64_t since, std::int64_t until, int limit);
  std::vector<std::string> article_council_slugs(std::int64_t article_id);
  std::int64_t count_jobs_between(std::int64_t since, std::int64_t until, std::int64_t now);
  std::vector<mail::AlertJob> live_jobs_between(std::int64_t since, std::int64_t until, std::int64_t now, int limit);

 private:
  Connection& db_;
};

}  // namespace gazette::store
