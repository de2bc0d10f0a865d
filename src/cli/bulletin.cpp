// `gazette bulletin`: preview, send and follow the daily bulletin, the weekly digest and job alerts;
// feed bounces back; import and export subscribers. A running `serve` sends on its own at
// bulletin_time; these commands are for operators and scripts.
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "accounts/accounts.h"
#include "cli/commands.h"
#include "mail/bounces.h"
#include "mail/bulletin.h"
#include "mail/sender.h"
#include "mail/subscriptions.h"
#include "store/mail_store.h"
#include "strings/strings.h"
#include "web/email_render.h"
#include "web/theme.h"

namespace gazette::cli {

mail::SenderSettings mail_settings(const config::Config& cfg, store::Connection& db) {
  mail::SenderSettings s;
  s.smtp.url = cfg.smtp_url;
  s.smtp.username = cfg.smtp_username;
  s.smtp.password = cfg.smtp_password;
  s.smtp.tls = cfg.smtp_tls;
  try {
    s.from = mail::parse_address(cfg.mail_from);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("configuration option 'mail_from': ") + e.what());
  }
  if (!cfg.dkim_key_file.empty()) {
    std::string why;
    auto pem = strings::read_file(cfg.dkim_key_file, why, 1 << 20);
    if (!pem) throw std::runtime_error("configuration option 'dkim_key_file': " + cfg.dkim_key_file + ": " + why);
    s.dkim = {cfg.dkim_domain, cfg.dkim_selector, *pem};
    mail::check_dkim_key(s.dkim);
  }
  s.base_url = cfg.base_url;
  s.secret = accounts::site_secret(db);
  s.site_name = cfg.site_name;
  s.rate = cfg.mail_rate;
  s.concurrency = cfg.mail_concurrency;
  return s;
}

mail::Schedule mail_schedule(const config::Config& cfg) {
  mail::Schedule s;
  s.zone = cfg.timezone;
  mail::check_zone(s.zone);
  s.daily_minutes = cfg.bulletin_time == "off" ? -1 : mail::parse_clock(cfg.bulletin_time).value_or(7 * 60);
  s.weekly_day = mail::parse_weekday(cfg.weekly_day).value_or(1);
  s.site_name = cfg.site_name;
  return s;
}

namespace {

std::int64_t unix_now() {
  return static_cast<std::int64_t>(std::time(nullptr));
}

mail::MailingKind kind_from(const std::string& word) {
  auto k = mail::parse_mailing_kind(word);
  if (!k || *k == mail::MailingKind::instant)
    throw std::runtime_error("--kind must be daily, weekly or alerts, not '" + word + "'");
  return *k;
}

std::string read_input(const std::string& path) {
  if (path.empty() || path == "-") {
    std::ostringstream all;
    all << std::cin.rdbuf();
    return all.str();
  }
  std::string why;
  auto text = strings::read_file(path, why, std::size_t(512) << 20);
  if (!text) throw std::runtime_error(path + ": " + why);
  return *text;
}

void print_status(store::Connection& db) {
  store::MailStore mail(db);
  std::cout << "subscribers:";
  auto counts = mail.subscriber_counts();
  if (counts.empty()) std::cout << " none";
  for (const auto& [status, n] : counts) std::cout << " " << status << " " << n;
  std::cout << "\n";
  auto recent = mail.recent_mailings(10);
  if (recent.empty()) std::cout << "no editions yet\n";
  for (const auto& m : recent) {
    const auto c = mail.outbox_counts(m.id);
    std::cout << m.edition << " " << mail::to_string(m.kind) << " " << mail::to_string(m.state) << ": " << c.sent
              << " sent, " << (c.pending + c.sending) << " waiting, " << c.failed << " failed, " << c.dropped
              << " dropped\n";
  }
  std::cout << "waiting in all: " << mail.pending_total() << "\n";
}

}  // namespace

void register_bulletin(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("bulletin", "The daily bulletin, weekly digest and job alerts: preview, send, status");
  cmd->require_subcommand(1);
  cmd->footer(
      "A running `gazette serve` queues each edition at bulletin_time in the site's time zone and sends\n"
      "through smtp_url; these commands do the same by hand. See docs/bulletin.md.");

  static std::string kind = "daily";
  static bool text_part = false;
  auto* preview = cmd->add_subcommand("preview", "Print today's edition as a subscriber with no choices would get it");
  preview->add_option("--kind", kind, "daily, weekly or alerts")->capture_default_str();
  preview->add_flag("--text", text_part, "Print the plain-text part instead of the HTML");
  preview->callback([&g] {
    auto cfg = g.load();
    try {
      auto db = open_database(cfg, true);
      const std::int64_t now = unix_now();
      const auto k = kind_from(kind);
      auto m = mail::prepare_mailing(*db, k, mail::local_time(cfg.timezone, now).date, cfg.site_name, now);
      const auto e = mail::load_edition(*db, m, now);
      mail::Subscriber reader;
      reader.name = "Preview";
      std::vector<const mail::AlertJob*> jobs;
      for (auto id : mail::match_jobs(reader, e.jobs, k, mail::is_alert(k) ? mail::kAlertJobs : mail::kBulletinJobs))
        jobs.push_back(e.job(id));
      web::Theme theme;
      theme.load(cfg.theme_dir);
      web::EmailRenderer renderer(theme, cfg);
      auto r =
          renderer.edition(e, reader, jobs, {cfg.base_url + "/subscribe/preferences", cfg.base_url + "/subscribe"});
      std::cerr << "Subject: " << r.subject << "\n"
                << e.articles.size() << " articles, " << jobs.size() << " jobs; edition " << m.edition << " is "
                << mail::to_string(m.state) << "\n";
      std::cout << (text_part ? r.text : r.html);
    } catch (const std::exception& e) {
      std::cerr << "gazette bulletin preview: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });

  static bool queue_only = false;
  auto* send = cmd->add_subcommand("send", "Queue today's edition now (even if held) and send everything waiting");
  send->add_option("--kind", kind, "daily, weekly or alerts")->capture_default_str();
  send->add_flag("--queue-only", queue_only, "Queue the edition and stop (a running serve sends it)");
  send->footer(
      "Sending needs smtp_url. Only one process sends at a time: while a `serve` holds the sending lease,\n"
      "this command queues and leaves the sending to it. Stopping it (Ctrl-C, kill) loses nothing: run it\n"
      "again and it sends the rest; nobody gets a second copy.");
  send->callback([&g] {
    auto cfg = g.load();
    try {
      auto db = open_database(cfg, true);
      const std::int64_t now = unix_now();
      const auto k = kind_from(kind);
      auto m = mail::prepare_mailing(*db, k, mail::local_time(cfg.timezone, now).date, cfg.site_name, now);
      auto q = mail::queue_mailing(*db, m.id, now, true);
      if (q.queued)
        std::cout << "edition " << m.edition << " (" << kind << ") queued for " << q.messages << " subscribers\n";
      else if (q.empty)
        std::cout << "edition " << m.edition << " (" << kind << ") has nothing to send: cancelled\n";
      else
        std::cout << "edition " << m.edition << " (" << kind << ") is already " << mail::to_string(m.state) << "\n";
      if (queue_only) return;
      if (cfg.smtp_url.empty()) throw std::runtime_error("no relay is set: set smtp_url (or GAZETTE_SMTP_URL) to send");
      web::Theme theme;
      theme.load(cfg.theme_dir);
      web::EmailRenderer renderer(theme, cfg);
      const std::string database = cfg.db;
      mail::Sender sender(
          mail_settings(cfg, *db), [database] { return store::open(database); }, renderer);
      if (!sender.take_lease(unix_now())) {
        std::cout << "another process (a running serve) is sending: it will send this edition\n";
        return;
      }
      sender.recover();
      auto r = sender.send_due();
      sender.release_lease();
      std::cout << r.sent << " sent, " << r.retried << " to retry later, " << r.failed << " failed, " << r.dropped
                << " dropped, " << r.bounced << " addresses refused by the relay\n";
      if (r.failed > 0 || r.retried > 0) g.exit_code = 3;
    } catch (const std::exception& e) {
      std::cerr << "gazette bulletin send: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });

  auto* status = cmd->add_subcommand("status", "Subscribers by status and the progress of recent editions");
  status->callback([&g] {
    auto cfg = g.load();
    try {
      auto db = open_database(cfg, true);
      print_status(*db);
    } catch (const std::exception& e) {
      std::cerr << "gazette bulletin status: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });

  static std::string file;
  auto* bounces = cmd->add_subcommand("bounces", "Stop mail to addresses in bounce reports and complaints (an mbox)");
  bounces->add_option("file", file, "mbox file of delivery status notifications and abuse reports (default: stdin)");
  bounces->callback([&g] {
    auto cfg = g.load();
    try {
      const std::string mbox = read_input(file);
      auto db = open_database(cfg, true);
      auto scan = mail::scan_bounces(mbox);
      int stopped = 0, unknown = 0;
      const std::int64_t now = unix_now();
      for (const auto& b : scan.hard) {
        if (mail::record_bounce(*db, b.email, b.complaint, b.reason, now))
          ++stopped;
        else if (!store::MailStore(*db).subscriber_by_email(strings::lower_ascii(b.email)))
          ++unknown;
      }
      std::cout << scan.messages << " messages: " << scan.hard.size() << " hard bounces or complaints (" << stopped
                << " subscribers stopped, " << unknown << " not subscribers), " << scan.soft << " temporary, "
                << scan.unrecognised << " not reports\n";
    } catch (const std::exception& e) {
      std::cerr << "gazette bulletin bounces: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });

  auto* subscribers = cmd->add_subcommand("subscribers", "Import or export subscribers as CSV");
  subscribers->require_subcommand(1);
  auto* import = subscribers->add_subcommand("import", "Add subscribers from a CSV file with a header row");
  import->add_option("file", file, "CSV file (default: stdin)");
  import->footer(
      "Columns: email (required), name, status (confirmed or pending: pending ones get a confirmation\n"
      "link), daily, weekly, job_alerts (yes/no), alert_categories, alert_places, follow_councils,\n"
      "follow_sections (lists separated by ';'), alert_min_salary, alert_keywords. Every row is checked\n"
      "first: if any is bad, nothing is stored and each bad row is listed. Known addresses are left as\n"
      "they are.");
  import->callback([&g] {
    auto cfg = g.load();
  try {
    const std::string csv = read_input(file);
    auto db = open_database(cfg, true);
    auto report = mail::import_csv(*db, csv, unix_now());
    if (!report.ok()) {
      std::cerr << "gazette bulletin subscribers import: nothing stored; " << report.errors.size() << " problems:\n";
      for (const auto& e : report.errors) std::cerr << "  " << e << "\n";
      g.exit_code = 3;
      return;
    }
    std::cout << report.rows << " rows: " << report.added << " subscribers added, " << report.already
              << " already known\n";
  } catch (const std::exception& e) {
    std::cerr << "gazette bulletin subscribers import: " << e.what() << "\n";
    g.exit_code = 1;
  }
});
auto* exp = subscribers->add_subcommand("export", "Write every subscriber as CSV (to stdout or a file)");
exp->add_option("file", file, "Output file (default: stdout)");
exp->callback([&g] {
  auto cfg = g.load();
  try {
    auto db = open_database(cfg, true);
    std::ofstream out;
    if (!file.empty() && file != "-") {
      out.open(file, std::ios::binary | std::ios::trunc);
      if (!out) throw std::runtime_error("cannot write " + file);
    }
    std::ostream& os = out.is_open() ? static_cast<std::ostream&>(out) : std::cout;
    mail::export_csv(
        *db, [&](std::string_view chunk) { os.write(chunk.data(), static_cast<std::streamsize>(chunk.size())); });
  } catch (const std::exception& e) {
    std::cerr << "gazette bulletin subscribers export: " << e.what() << "\n";
    g.exit_code = 1;
  }
});
}  // namespace gazette::cli

}  // namespace gazette::cli
