// The bulletin, the weekly digest and job alerts: which articles and adverts an edition holds, which
// adverts each subscriber gets, queuing an edition for every subscriber (the outbox), and when each
// edition is due in the site's zone.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "content/article.h"
#include "mail/subscriber.h"
#include "store/connection.h"

namespace gazette::mail {

// One edition as readers get it: the mailing, its articles in order (the lead first), and the adverts
// it may offer subscribers.
struct Edition {
  Mailing mailing;
  std::vector<content::Article> articles;                // lead first, then sections in order
  std::vector<content::Article> left_out;                // dropped by an editor (shown in the newsroom only)
  std::vector<AlertJob> jobs;                            // what subscribers' adverts are chosen from, newest first
  std::unordered_map<std::int64_t, std::size_t> job_at;  // advert id -> index in jobs
  const AlertJob* job(std::int64_t id) const {
    auto it = job_at.find(id);
    return it == job_at.end() ? nullptr : &jobs[it->second];
  }
};

// How many adverts a message shows.
constexpr int kBulletinJobs = 5;
constexpr int kAlertJobs = 20;
// Instant job alerts go at most this often (minutes).
constexpr int kInstantMinutes = 15;

// The adverts for one subscriber, best first: those matching their alert criteria (categories, places,
// minimum salary, keywords: all that are set), else those at councils they follow, else the newest
// (bulletins only; a job alert with nothing matching is not sent).
std::vector<std::int64_t> match_jobs(const Subscriber& s, const std::vector<AlertJob>& pool, MailingKind kind,
                                     int limit);
bool has_alert_criteria(const Choices& c);

// The draft edition of `kind` for `edition` (a local date), made if it does not exist. Its window starts
// where the last queued edition of the kind ended (or a day / a week before `now`).
Mailing prepare_mailing(store::Connection& db, MailingKind kind, const std::string& edition,
                        const std::string& site_name, std::int64_t now);

// The edition's content as it stands (articles published up to `now` while it is a draft).
Edition load_edition(store::Connection& db, const Mailing& m, std::int64_t now);

struct QueueResult {
  bool queued = false;        // false: not a draft (already queued, sent, held or cancelled)
  bool empty = false;         // nothing to send: the edition was cancelled
  std::int64_t messages = 0;  // outbox rows made
};
// Queues a draft (or, with `include_held`, a held) edition for every confirmed subscriber who asked
// for it, in one transaction: the window closes at `now`, each subscriber's adverts are chosen and
// stored with their row. An edition with no articles (or, for alerts, no subscriber with a match) is
// cancelled instead.
QueueResult queue_mailing(store::Connection& db, std::int64_t mailing_id, std::int64_t now, bool include_held = false);

// Editors' changes to a draft: pin a lead, move or drop articles, hold or release.
bool hold_mailing(store::Connection& db, std::int64_t mailing_id, bool hold, std::int64_t now);

// The site's zone: local date ("2026-12-02"), minutes after local midnight, weekday (0 = Sunday).
// Throws std::runtime_error for a zone the system's time zone database does not know.
struct LocalTime {
  std::string date;
  int minutes = 0;
  int weekday = 0;
};
LocalTime local_time(const std::string& zone, std::int64_t now);
void check_zone(const std::string& zone);

// "07:00" -> 420; nullopt when not HH:MM.
std::optional<int> parse_clock(std::string_view text);
// "monday" -> 1; nullopt when not a weekday name.
std::optional<int> parse_weekday(std::string_view text);

struct Schedule {
  std::string zone = "Europe/London";
  int daily_minutes = 7 * 60;  // when the daily bulletin and job alerts go; -1: only by hand
  int weekly_day = 1;          // Monday
  std::string site_name = "Gazette";
};
// Called every few seconds by the sending process: makes and queues each edition that is due and
// not held (daily and job alerts each day at the set time; the digest on the set weekday). Returns
// the mailings queued.
std::vector<std::int64_t> run_schedule(store::Connection& db, const Schedule& schedule, std::int64_t now);

}  // namespace gazette::mail
