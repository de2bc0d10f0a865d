#include "store/mail_store.h"

#include "content/text.h"
#include "store/article_rows.h"
#include "strings/strings.h"

namespace gazette::store {

namespace {

mail::Subscriber subscriber_row(const Row& r) {
  mail::Subscriber s;
  s.id = r.int64(0);
  s.email = r.text(1);
  s.name = r.text(2);
  s.status = mail::parse_subscriber_status(r.text(3)).value_or(mail::SubscriberStatus::pending);
  s.choices.daily = r.int64(4) != 0;
  s.choices.weekly = r.int64(5) != 0;
  s.choices.job_alerts = r.int64(6) != 0;
  s.choices.alert_instant = r.int64(7) != 0;
  s.choices.alert_categories = mail::split_list(r.text(8));
  s.choices.alert_places = mail::split_list(r.text(9));
  s.choices.alert_min_salary = r.int64(10);
  s.choices.alert_keywords = r.text(11);
  s.choices.follow_councils = mail::split_list(r.text(12));
  s.choices.follow_sections = mail::split_list(r.text(13));
  s.link_version = r.int64(14);
  s.created_at = r.int64(15);
  s.confirmed_at = r.int64(16);
  s.stopped_at = r.int64(17);
  s.stopped_reason = r.text(18);
  s.source = r.text(19);
  return s;
}

mail::Mailing mailing_row(const Row& r) {
  mail::Mailing m;
  m.id = r.int64(0);
  m.kind = mail::parse_mailing_kind(r.text(1)).value_or(mail::MailingKind::daily);
  m.edition = r.text(2);
  m.state = mail::parse_mailing_state(r.text(3)).value_or(mail::MailingState::draft);
  m.subject = r.text(4);
  m.since = r.int64(5);
  m.until = r.int64(6);
  m.lead_article_id = r.int64(7);
  m.dropped = mail::split_ids(r.text(8));
  m.order = mail::split_ids(r.text(9));
  m.created_at = r.int64(10);
  m.queued_at = r.int64(11);
  m.finished_at = r.int64(12);
  return m;
}

std::optional<mail::Subscriber> one_subscriber(Connection& db, std::string_view query, Value key) {
  std::optional<mail::Subscriber> out;
  db.query(query, {key}, [&](const Row& r) { out = subscriber_row(r); });
  return out;
}

}  // namespace

std::optional<mail::Subscriber> MailStore::subscriber_by_email(const std::string& email) {
  return one_subscriber(db_, "subscriber_by_email", std::string_view(email));
}

std::optional<mail::Subscriber> MailStore::subscriber_by_id(std::int64_t id) {
  return one_subscriber(db_, "subscriber_by_id", id);
}

std::optional<std::int64_t> MailStore::insert_subscriber(const mail::Subscriber& s) {
  const auto& c = s.choices;
  const std::string cats = mail::join_list(c.alert_categories), places = mail::join_list(c.alert_places),
                    councils = mail::join_list(c.follow_councils), sections = mail::join_list(c.follow_sections);
  std::optional<std::int64_t> id;
  db_.query("subscriber_insert",
            {std::string_view(s.email), std::string_view(s.name), mail::to_string(s.status), std::int64_t{c.daily},
             std::int64_t{c.weekly}, std::int64_t{c.job_alerts}, std::string_view(cats), std::string_view(places),
             c.alert_min_salary, std::string_view(c.alert_keywords), std::string_view(councils),
             std::string_view(sections), s.created_at, s.confirmed_at > 0 ? Value{s.confirmed_at} : Value{nullptr},
             std::string_view(s.source), std::int64_t{c.alert_instant}},
            [&](const Row& r) { id = r.int64(0); });
  return id;
}

void MailStore::set_choices(std::int64_t id, const std::string& name, const mail::Choices& c) {
  const std::string cats = mail::join_list(c.alert_categories), places = mail::join_list(c.alert_places),
                    councils = mail::join_list(c.follow_councils), sections = mail::join_list(c.follow_sections);
  db_.exec("subscriber_set_choices",
           {id, std::string_view(name), std::int64_t{c.daily}, std::int64_t{c.weekly}, std::int64_t{c.job_alerts},
            std::string_view(cats), std::string_view(places), c.alert_min_salary, std::string_view(c.alert_keywords),
            std::string_view(councils), std::string_view(sections), std::int64_t{c.alert_instant}});
}

bool MailStore::confirm(std::int64_t id, std::int64_t now) {
  return db_.exec("subscriber_confirm", {id, now}) > 0;
}

bool MailStore::stop(std::int64_t id, mail::SubscriberStatus status, std::int64_t now, const std::string& reason) {
  const bool changed = db_.exec("subscriber_stop", {id, mail::to_string(status), now, std::string_view(reason)}) > 0;
  db_.exec("outbox_drop_subscriber", {id, std::string_view(reason)});
  return changed;
}

bool MailStore::restart(std::int64_t id) {
  return db_.exec("subscriber_restart", {id}) > 0;
}

bool MailStore::remove(std::int64_t id) {
  return db_.exec("subscriber_delete", {id}) > 0;
}

std::vector<mail::Subscriber> MailStore::subscribers_page(std::int64_t after_id, int limit) {
  std::vector<mail::Subscriber> out;
  db_.query("subscribers_page", {after_id, std::int64_t{limit}},
            [&](const Row& r) { out.push_back(subscriber_row(r)); });
  return out;
}

std::vector<mail::Subscriber> MailStore::receiving(mail::MailingKind kind, std::int64_t after_id, int limit) {
  std::vector<mail::Subscriber> out;
  db_.query("subscribers_receiving", {mail::to_string(kind), after_id, std::int64_t{limit}},
            [&](const Row& r) { out.push_back(subscriber_row(r)); });
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> MailStore::subscriber_counts() {
  std::vector<std::pair<std::string, std::int64_t>> out;
  db_.query("subscriber_counts", {}, [&](const Row& r) { out.emplace_back(r.text(0), r.int64(1)); });
  return out;
}

std::optional<mail::Mailing> MailStore::mailing(mail::MailingKind kind, const std::string& edition) {
  std::optional<mail::Mailing> out;
  db_.query("mailing_by_edition", {mail::to_string(kind), std::string_view(edition)},
            [&](const Row& r) { out = mailing_row(r); });
  return out;
}

std::optional<mail::Mailing> MailStore::mailing_by_id(std::int64_t id) {
  std::optional<mail::Mailing> out;
  db_.query("mailing_by_id", {id}, [&](const Row& r) { out = mailing_row(r); });
  return out;
}

std::vector<mail::Mailing> MailStore::recent_mailings(int limit) {
  std::vector<mail::Mailing> out;
  db_.query("mailings_recent", {std::int64_t{limit}}, [&](const Row& r) { out.push_back(mailing_row(r)); });
  return out;
}

std::int64_t MailStore::last_until(mail::MailingKind kind) {
  return db_.scalar("mailing_last_until", {mail::to_string(kind)}, 0);
}

std::optional<std::int64_t> MailStore::insert_mailing(const mail::Mailing& m, std::int64_t now) {
  std::optional<std::int64_t> id;
  db_.query("mailing_insert",
            {mail::to_string(m.kind), std::string_view(m.edition), std::string_view(m.subject), m.since, m.until, now},
            [&](const Row& r) { id = r.int64(0); });
  return id;
}

bool MailStore::set_window(std::int64_t id, std::int64_t since, std::int64_t until) {
  return db_.exec("mailing_set_window", {id, since, until}) > 0;
}

bool MailStore::edit_mailing(const mail::Mailing& m) {
  const std::string dropped = mail::join_ids(m.dropped), order = mail::join_ids(m.order);
  return db_.exec("mailing_edit", {m.id, std::string_view(m.subject), m.lead_article_id, std::string_view(dropped),
                                   std::string_view(order)}) > 0;
}

bool MailStore::set_state(std::int64_t id, mail::MailingState from, mail::MailingState to, std::int64_t now) {
  return db_.exec("mailing_set_state", {id, mail::to_string(to), mail::to_string(from), now}) > 0;
}

std::int64_t MailStore::finish_mailings(std::int64_t now) {
  return db_.exec("mailings_finish", {now});
}

void MailStore::enqueue(std::int64_t mailing_id, std::int64_t subscriber_id, const std::vector<std::int64_t>& job_ids) {
  const std::string jobs = mail::join_ids(job_ids);
  db_.exec("outbox_insert", {mailing_id, subscriber_id, std::string_view(jobs)});
}

mail::OutboxCounts MailStore::outbox_counts(std::int64_t mailing_id) {
  mail::OutboxCounts c;
  db_.query("outbox_counts", {mailing_id}, [&](const Row& r) {
    const std::string state = r.text(0);
    const std::int64_t n = r.int64(1);
    if (state == "pending")
      c.pending = n;
    else if (state == "sending")
      c.sending = n;
    else if (state == "sent")
      c.sent = n;
    else if (state == "failed")
      c.failed = n;
    else if (state == "dropped")
      c.dropped = n;
  });
  return c;
}

std::vector<mail::Delivery> MailStore::due(std::int64_t now, int limit) {
  std::vector<mail::Delivery> out;
  db_.query("notices_due", {now, std::int64_t{limit}}, [&](const Row& r) {
    mail::Delivery d;
    d.notice_id = r.int64(0);
    d.subscriber_id = r.int64(1);
    d.notice_kind = r.text(2);
    d.attempts = static_cast<int>(r.int64(3));
    out.push_back(std::move(d));
  });
  if (static_cast<int>(out.size()) >= limit) return out;
  db_.query("outbox_due", {now, std::int64_t{limit - static_cast<int>(out.size())}}, [&](const Row& r) {
    mail::Delivery d;
    d.mailing_id = r.int64(0);
    d.subscriber_id = r.int64(1);
    d.job_ids = mail::split_ids(r.text(2));
    d.attempts = static_cast<int>(r.int64(3));
    out.push_back(std::move(d));
  });
  return out;
}

bool MailStore::claim(const mail::Delivery& d) {
  if (d.notice_id) return db_.exec("notice_claim", {d.notice_id}) > 0;
  return db_.exec("outbox_claim", {d.mailing_id, d.subscriber_id}) > 0;
}

void MailStore::sent(const mail::Delivery& d, std::int64_t now) {
  if (d.notice_id)
    db_.exec("notice_sent", {d.notice_id, now});
  else
    db_.exec("outbox_sent", {d.mailing_id, d.subscriber_id, now});
}

void MailStore::retry(const mail::Delivery& d, std::int64_t at, const std::string& error) {
  if (d.notice_id)
    db_.exec("notice_retry", {d.notice_id, at, std::string_view(error)});
  else
    db_.exec("outbox_retry", {d.mailing_id, d.subscriber_id, at, std::string_view(error)});
}

void MailStore::failed(const mail::Delivery& d, const std::string& error) {
  if (d.notice_id)
    db_.exec("notice_failed", {d.notice_id, std::string_view(error)});
  else
    db_.exec("outbox_failed", {d.mailing_id, d.subscriber_id, std::string_view(error)});
}

void MailStore::drop(const mail::Delivery& d, const std::string& reason) {
  if (d.notice_id)
    db_.exec("notice_failed", {d.notice_id, std::string_view(reason)});
  else
    db_.exec("outbox_drop", {d.mailing_id, d.subscriber_id, std::string_view(reason)});
}

std::int64_t MailStore::recover() {
  return db_.exec("outbox_recover", {}) + db_.exec("notices_recover", {});
}

std::int64_t MailStore::pending_total() {
  return db_.scalar("mail_pending_total", {}, 0);
}

std::int64_t MailStore::add_notice(std::int64_t subscriber_id, const std::string& kind, std::int64_t now) {
  std::int64_t id = 0;
  db_.query("notice_insert", {subscriber_id, std::string_view(kind), now}, [&](const Row& r) { id = r.int64(0); });
  return id;
}

std::int64_t MailStore::notices_since(std::int64_t subscriber_id, const std::string& kind, std::int64_t since) {
  return db_.scalar("notices_recent", {subscriber_id, std::string_view(kind), since}, 0);
}

bool MailStore::take_lease(const std::string& name, const std::string& holder, std::int64_t expires_at,
                           std::int64_t now) {
  return db_.exec("mail_lease_take", {std::string_view(name), std::string_view(holder), expires_at, now}) > 0;
}

void MailStore::release_lease(const std::string& name, const std::string& holder) {
  db_.exec("mail_lease_release", {std::string_view(name), std::string_view(holder)});
}

std::string MailStore::lease_holder(const std::string& name) {
  std::string holder;
  db_.query("mail_lease_holder", {std::string_view(name)}, [&](const Row& r) { holder = r.text(0); });
  return holder;
}

bool MailStore::steal_lease(const std::string& name, const std::string& from, const std::string& holder,
                            std::int64_t expires_at) {
  return db_.exec("mail_lease_steal",
                  {std::string_view(name), std::string_view(holder), expires_at, std::string_view(from)}) > 0;
}

std::vector<content::Article> MailStore::articles_between(std::int64_t since, std::int64_t until, int limit) {
  std::vector<content::Article> out;
  db_.query("bulletin_articles", {since, until, std::int64_t{limit}},
            [&](const Row& r) { out.push_back(article_summary(r)); });
  load_authors(db_, out);
  return out;
}

std::vector<std::string> MailStore::article_council_slugs(std::int64_t article_id) {
  std::vector<std::string> out;
  db_.query("bulletin_article_councils", {article_id}, [&](const Row& r) { out.push_back(r.text(0)); });
  return out;
}

std::int64_t MailStore::count_jobs_between(std::int64_t since, std::int64_t until, std::int64_t now) {
  return db_.scalar("alert_jobs_count", {since, until, now}, 0);
}

std::vector<mail::AlertJob> MailStore::live_jobs_between(std::int64_t since, std::int64_t until, std::int64_t now,
                                                         int limit) {
  std::vector<mail::AlertJob> out;
  db_.query("alert_jobs", {since, until, now, std::int64_t{limit}}, [&](const Row& r) {
    mail::AlertJob j;
    j.id = r.int64(0);
    j.title = r.text(1);
    j.slug = r.text(2);
    j.employer = r.text(3);
    j.location = r.text(4);
    j.region = r.text(5);
    j.region_slug = content::slugify(j.region);
    j.salary_text = r.text(6);
    j.category = r.text(7);
    j.council_slug = r.text(8);
    j.annual_min = r.is_null(9) ? 0 : r.real(9);
    j.annual_max = r.is_null(10) ? 0 : r.real(10);
    j.closing_date = r.text(11);
    j.text_lower = strings::lower_ascii(j.title + "\n" + r.text(12));
    j.featured = r.int64(13) != 0;
    out.push_back(std::move(j));
  });
  return out;
}

}  // namespace gazette::store
