#include "mail/sender.h"

#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include <chrono>
#include <ctime>
#include <stdexcept>
#include <thread>

#include "accounts/accounts.h"
#include "mail/links.h"
#include "store/mail_store.h"
#include "strings/strings.h"

namespace gazette::mail {

namespace {

std::int64_t unix_now() {
  return static_cast<std::int64_t>(std::time(nullptr));
}

std::string domain_of(const std::string& address) {
  const auto at = address.rfind('@');
  return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

// Spaces sends `rate` a second across every sending thread.
class Pacer {
 public:
  explicit Pacer(double rate)
      : interval_(rate > 0 ? std::chrono::duration<double>(1.0 / rate) : std::chrono::duration<double>(0)) {}
  void wait() {
    std::chrono::steady_clock::time_point at;
    {
      std::lock_guard lock(mutex_);
      const auto now = std::chrono::steady_clock::now();
      if (next_ < now) next_ = now;
      at = next_;
      next_ += std::chrono::duration_cast<std::chrono::steady_clock::duration>(interval_);
    }
    std::this_thread::sleep_until(at);
  }

 private:
  std::chrono::duration<double> interval_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point next_{};
};

}  // namespace

Address parse_address(const std::string& text) {
  const std::string_view t = strings::trim(text);
  const auto open = t.find('<');
  Address a;
  if (open == std::string_view::npos) {
    a.email = std::string(t);
  } else {
    const auto close = t.find('>', open);
    if (close == std::string_view::npos) throw std::runtime_error("'" + text + "' has '<' without '>'");
    a.name = std::string(strings::trim(t.substr(0, open)));
    if (a.name.size() >= 2 && a.name.front() == '"' && a.name.back() == '"')
      a.name = a.name.substr(1, a.name.size() - 2);
    a.email = std::string(strings::trim(t.substr(open + 1, close - open - 1)));
  }
  if (a.email.find('@') == std::string::npos || a.email.find_first_of(" <>\r\n") != std::string::npos)
    throw std::runtime_error("'" + text + "' is not an address such as 'Gazette <bulletin@example.org>'");
  return a;
}

Sender::Sender(SenderSettings settings, OpenDb open_db, MessageRenderer& renderer)
    : settings_(std::move(settings)), open_db_(std::move(open_db)), renderer_(renderer) {
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  holder_ = std::string(host) + ":" + std::to_string(getpid()) + ":" + accounts::random_token().substr(0, 8);
}

bool Sender::take_lease(std::int64_t now, std::int64_t lease_seconds) {
  auto db = open_db_();
  store::MailStore mail(*db);
  store::Transaction tx(*db);
  bool ours = mail.take_lease("sender", holder_, now + lease_seconds, now);
  if (!ours) {
    // A holder on this machine whose process is gone (killed mid-send) need not be waited for.
    const std::string other = mail.lease_holder("sender");
    const auto host_end = other.find(':');
    const auto pid_end = host_end == std::string::npos ? std::string::npos : other.find(':', host_end + 1);
    if (pid_end != std::string::npos && other.substr(0, host_end) == holder_.substr(0, holder_.find(':'))) {
      const long pid = std::atol(other.substr(host_end + 1, pid_end - host_end - 1).c_str());
      if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
        ours = mail.steal_lease("sender", other, holder_, now + lease_seconds);
        if (ours) spdlog::warn("mail: took the sending lease from {}, which is no longer running", other);
      }
    }
  }
  tx.commit();
  return ours;
}

void Sender::release_lease() {
  auto db = open_db_();
  store::Transaction tx(*db);
  store::MailStore(*db).release_lease("sender", holder_);
  tx.commit();
}

std::int64_t Sender::recover() {
  auto db = open_db_();
  store::Transaction tx(*db);
  const std::int64_t n = store::MailStore(*db).recover();
  tx.commit();
  if (n > 0) spdlog::warn("mail: {} messages a stopped sender left half-done go again", n);
  return n;
}

SubscriberLinks Sender::links_for(const Subscriber& s, std::int64_t now) const {
  SubscriberLinks l;
  l.preferences = settings_.base_url + "/subscribe/preferences?t=" +
                  make_link_token(settings_.secret, LinkPurpose::preferences, s.id, s.link_version, now);
  l.unsubscribe = settings_.base_url + "/subscribe/unsubscribe?t=" +
                  make_link_token(settings_.secret, LinkPurpose::unsubscribe, s.id, s.link_version, now);
  return l;
}

std::string Sender::confirm_url(const Subscriber& s, std::int64_t now) const {
  return settings_.base_url +
         "/subscribe/confirm?t=" + make_link_token(settings_.secret, LinkPurpose::confirm, s.id, s.link_version, now);
}

std::shared_ptr<const Edition> Sender::edition(store::Connection& db, std::int64_t mailing_id, std::int64_t now) {
  std::lock_guard lock(editions_mutex_);
  auto it = editions_.find(mailing_id);
  if (it != editions_.end()) return it->second;
  auto m = store::MailStore(db).mailing_by_id(mailing_id);
  if (!m) return nullptr;
  if (editions_.size() > 16) editions_.clear();
  auto e = std::make_shared<const Edition>(load_edition(db, *m, now));
  editions_.emplace(mailing_id, e);
  return e;
}

Rendered Sender::render(store::Connection& db, const Delivery& d, const Subscriber& s, std::int64_t now) {
  if (d.notice_id) return renderer_.confirmation(s, confirm_url(s, now));
  auto e = edition(db, d.mailing_id, now);
  if (!e) throw std::runtime_error("mailing " + std::to_string(d.mailing_id) + " no longer exists");
  std::vector<const AlertJob*> jobs;
  for (auto id : d.job_ids)
    if (const AlertJob* j = e->job(id)) jobs.push_back(j);
  return renderer_.edition(*e, s, jobs, links_for(s, now));
}

Email Sender::email_for(const Delivery& d, const Subscriber& s, const Rendered& r, std::int64_t now) const {
  Email e;
  e.from = settings_.from;
  e.to = {s.name, s.email};
  e.subject = r.subject;
  e.text = r.text;
  e.html = r.html;
  e.date = now;
  const std::string domain = domain_of(settings_.from.email);
  if (d.notice_id) {
    e.message_id = "notice-" + std::to_string(d.notice_id) + "@" + domain;
  } else {
    e.message_id = "m" + std::to_string(d.mailing_id) + "-s" + std::to_string(d.subscriber_id) + "@" + domain;
    e.list_id = settings_.site_name + " <bulletin." + domain + ">";
    e.unsubscribe_url = links_for(s, now).unsubscribe;
  }
  return e;
}

SendReport Sender::send_due(const std::atomic<bool>* stop) {
  SendReport report;
  std::mutex report_mutex;
  Pacer pacer(settings_.rate);
  auto db = open_db_();
  store::MailStore mail(*db);
  for (;;) {
    if (stop && stop->load()) break;
    const std::int64_t now = unix_now();
    auto batch = mail.due(now, 200);
    if (batch.empty()) break;
    std::vector<Delivery> claimed;
    {
      store::Transaction tx(*db);
      for (auto& d : batch)
        if (mail.claim(d)) claimed.push_back(std::move(d));
      tx.commit();
    }
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      std::unique_ptr<store::Connection> conn;
      std::unique_ptr<SmtpClient> smtp;
      try {
        conn = open_db_();
        smtp = std::make_unique<SmtpClient>(settings_.smtp);
      } catch (const std::exception& e) {
        spdlog::error("mail: a sending thread could not start: {}", e.what());
        return;
      }
      store::MailStore ms(*conn);
      for (;;) {
        const std::size_t i = next.fetch_add(1);
        if (i >= claimed.size()) return;
        Delivery& d = claimed[i];
        if (stop && stop->load()) {
          // Not sent: back in the queue for the next run.
          store::Transaction tx(*conn);
          ms.retry(d, 0, "the sender stopped");
          tx.commit();
          continue;
        }
        const std::int64_t t = unix_now();
        auto s = ms.subscriber_by_id(d.subscriber_id);
        const bool wanted =
            s && (d.notice_id ? s->status == SubscriberStatus::pending : s->status == SubscriberStatus::confirmed);
        if (!wanted) {
          store::Transaction tx(*conn);
          ms.drop(d, s ? std::string("subscriber is ") + to_string(s->status) : "subscriber deleted");
          tx.commit();
          std::lock_guard lock(report_mutex);
          ++report.dropped;
          continue;
        }
        std::string wire;
        try {
          Rendered r = render(*conn, d, *s, t);
          wire = compose(email_for(d, *s, r, t), settings_.dkim);
        } catch (const std::exception& e) {
          spdlog::error("mail: cannot build the message for subscriber {}: {}", d.subscriber_id, e.what());
          store::Transaction tx(*conn);
          ms.failed(d, std::string("could not build the message: ") + e.what());
          tx.commit();
          std::lock_guard lock(report_mutex);
          ++report.failed;
          continue;
        }
        pacer.wait();
        // Recorded as sent once the relay has every byte and before the final dot commits it to
        // delivery: a crash after this step can lose this one message, never send it twice. A
        // refusal at the end of DATA then puts the record right.
        bool recorded = false;
        const SmtpResult result = smtp->send(settings_.from.email, s->email, wire, [&] {
          store::Transaction sent_tx(*conn);
          ms.sent(d, unix_now());
          sent_tx.commit();
          recorded = true;
        });
        if (result.kind == SmtpResult::sent && recorded) {
          std::lock_guard lock(report_mutex);
          ++report.sent;
          continue;
        }
        store::Transaction tx(*conn);
        const std::int64_t done = unix_now();
        std::lock_guard lock(report_mutex);
        if (result.kind == SmtpResult::sent) {
          ms.sent(d, done);
          ++report.sent;
        } else if (result.kind == SmtpResult::temporary && d.attempts + 1 < settings_.max_attempts) {
          const std::int64_t backoff = std::int64_t{60} << std::min(d.attempts, 10);  // 1, 2, 4 ... minutes
          ms.retry(d, done + backoff, result.message);
          ++report.retried;
        } else {
          ms.failed(d, result.message);
          ++report.failed;
          if (result.recipient_refused) {
            ms.stop(s->id, SubscriberStatus::bounced, done, "refused by the relay: " + result.message.substr(0, 200));
            ++report.bounced;
          }
        }
        tx.commit();
      }
    };
    const int threads = std::max(1, std::min<int>(settings_.concurrency, static_cast<int>(claimed.size())));
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    store::Transaction tx(*db);
    mail.finish_mailings(unix_now());
    tx.commit();
    take_lease(unix_now());
  }
  {
    store::Transaction tx(*db);
    mail.finish_mailings(unix_now());
    tx.commit();
  }
  return report;
}

void run_mail_loop(Sender& sender, store::Connection& db, const Schedule& schedule, const std::atomic<bool>& stop) {
  bool holding = false;
  while (!stop.load()) {
    try {
      const std::int64_t now = unix_now();
      const bool ours = sender.take_lease(now);
      if (ours && !holding) sender.recover();
      holding = ours;
      if (ours) {
        for (auto id : run_schedule(db, schedule, now)) spdlog::info("mail: edition {} queued", id);
        auto r = sender.send_due(&stop);
        if (r.sent + r.failed + r.retried + r.dropped > 0)
          spdlog::info("mail: {} sent, {} to retry, {} failed, {} dropped, {} addresses bounced", r.sent, r.retried,
                       r.failed, r.dropped, r.bounced);
      }
    } catch (const std::exception& e) {
      spdlog::error("mail: {}", e.what());
    }
    for (int i = 0; i < 20 && !stop.load(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (holding) {
    try {
      sender.release_lease();
    } catch (const std::exception&) {
    }
  }
}

}  // namespace gazette::mail
