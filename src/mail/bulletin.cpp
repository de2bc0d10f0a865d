#include "mail/bulletin.h"

#include <date/tz.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <unordered_set>

#include "content/text.h"
#include "store/mail_store.h"
#include "strings/strings.h"

namespace gazette::mail {

namespace {

constexpr int kEditionArticles = 60;  // at most this many articles in one edition
constexpr int kJobPool = 2000;        // adverts a bulletin chooses from
constexpr std::int64_t kDay = 86400;

std::int64_t default_window(MailingKind kind) {
  return kind == MailingKind::weekly ? 7 * kDay : kDay;
}

std::string default_subject(MailingKind kind, const std::string& site_name, const std::string& edition) {
  // edition: YYYY-MM-DD -> "2 December 2026"
  std::string when = edition;
  int y = 0, m = 0, d = 0;
  if (edition.size() == 10 && std::from_chars(edition.data(), edition.data() + 4, y).ec == std::errc() &&
      std::from_chars(edition.data() + 5, edition.data() + 7, m).ec == std::errc() &&
      std::from_chars(edition.data() + 8, edition.data() + 10, d).ec == std::errc() && m >= 1 && m <= 12)
    when = std::to_string(d) + " " + std::string(content::month_name(m)) + " " + std::to_string(y);
  switch (kind) {
    case MailingKind::daily:
      return site_name + " daily bulletin, " + when;
    case MailingKind::weekly:
      return site_name + " weekly digest, " + when;
    case MailingKind::alerts:
    case MailingKind::instant:
      return "New jobs from " + site_name + ", " + when;
  }
  return site_name;
}

bool contains(const std::vector<std::string>& items, std::string_view value) {
  return std::any_of(items.begin(), items.end(), [&](const std::string& s) { return strings::iequals(s, value); });
}

bool matches_criteria(const Choices& c, const AlertJob& j) {
  if (!c.alert_categories.empty() && !contains(c.alert_categories, j.category)) return false;
  if (!c.alert_places.empty() && !(contains(c.alert_places, j.council_slug) || contains(c.alert_places, j.region_slug)))
    return false;
  if (c.alert_min_salary > 0) {
    const double top = j.annual_max > 0 ? j.annual_max : j.annual_min;
    if (top <= 0 || top < static_cast<double>(c.alert_min_salary)) return false;
  }
  if (!c.alert_keywords.empty()) {
    const std::string words = strings::lower_ascii(c.alert_keywords);
    std::size_t start = 0;
    while (start < words.size()) {
      std::size_t end = words.find_first_of(" ,", start);
      if (end == std::string::npos) end = words.size();
      if (end > start && j.text_lower.find(words.substr(start, end - start)) == std::string::npos) return false;
      start = end + 1;
    }
  }
  return true;
}

}  // namespace

bool has_alert_criteria(const Choices& c) {
  return !c.alert_categories.empty() || !c.alert_places.empty() || c.alert_min_salary > 0 ||
         !strings::trim(c.alert_keywords).empty();
}

std::vector<std::int64_t> match_jobs(const Subscriber& s, const std::vector<AlertJob>& pool, MailingKind kind,
                                     int limit) {
  std::vector<std::int64_t> out;
  const Choices& c = s.choices;
  auto take = [&](auto&& keep) {
    for (const auto& j : pool) {
      if (static_cast<int>(out.size()) >= limit) break;
      if (keep(j)) out.push_back(j.id);
    }
  };
  if (has_alert_criteria(c)) {
    take([&](const AlertJob& j) { return matches_criteria(c, j); });
    if (is_alert(kind) || !out.empty()) return out;
  } else if (is_alert(kind)) {
    take([](const AlertJob&) { return true; });  // alerts without criteria: every new advert
    return out;
  }
  if (!c.follow_councils.empty()) {
    take([&](const AlertJob& j) { return !j.council_slug.empty() && contains(c.follow_councils, j.council_slug); });
    if (!out.empty()) return out;
  }
  take([](const AlertJob&) { return true; });
  return out;
}

Mailing prepare_mailing(store::Connection& db, MailingKind kind, const std::string& edition,
                        const std::string& site_name, std::int64_t now) {
  store::MailStore mail(db);
  if (auto m = mail.mailing(kind, edition)) return *m;
  store::Transaction tx(db);
  Mailing m;
  m.kind = kind;
  m.edition = edition;
  m.subject = default_subject(kind, site_name, edition);
  const std::int64_t last = mail.last_until(kind);
  m.since = last > 0 ? last : now - default_window(kind);
  m.until = now;
  mail.insert_mailing(m, now);
  tx.commit();
  auto stored = mail.mailing(kind, edition);
  if (!stored) throw std::runtime_error("the " + std::string(to_string(kind)) + " edition could not be stored");
  return *stored;
}

Edition load_edition(store::Connection& db, const Mailing& m, std::int64_t now) {
  store::MailStore mail(db);
  Edition e;
  e.mailing = m;
  const bool open = m.state == MailingState::draft || m.state == MailingState::held;
  const std::int64_t until = open ? now : m.until;
  if (!is_alert(m.kind)) {
    auto all = mail.articles_between(m.since, until, kEditionArticles);
    std::unordered_set<std::int64_t> dropped(m.dropped.begin(), m.dropped.end());
    std::vector<content::Article> kept;
    for (auto& a : all) (dropped.count(a.id) ? e.left_out : kept).push_back(std::move(a));
    // An editor's order first (ids they arranged), then the rest in section order.
    std::vector<content::Article> ordered;
    for (auto id : m.order) {
      auto it = std::find_if(kept.begin(), kept.end(), [&](const content::Article& a) { return a.id == id; });
      if (it != kept.end()) {
        ordered.push_back(std::move(*it));
        kept.erase(it);
      }
    }
    for (auto& a : kept) ordered.push_back(std::move(a));
    // The lead: the pinned article, else the first in order.
    if (m.lead_article_id) {
      auto it = std::find_if(ordered.begin(), ordered.end(),
                             [&](const content::Article& a) { return a.id == m.lead_article_id; });
      if (it != ordered.end()) std::rotate(ordered.begin(), it, it + 1);
    }
    e.articles = std::move(ordered);
    e.jobs = mail.live_jobs_between(0, until + 1, until, kJobPool);
  } else {
    e.jobs = mail.live_jobs_between(m.since, until, until, kJobPool);
  }
  for (std::size_t i = 0; i < e.jobs.size(); ++i) e.job_at.emplace(e.jobs[i].id, i);
  return e;
}

QueueResult queue_mailing(store::Connection& db, std::int64_t mailing_id, std::int64_t now, bool include_held) {
  QueueResult result;
  store::MailStore mail(db);
  store::Transaction tx(db);
  auto m = mail.mailing_by_id(mailing_id);
  if (!m || !(m->state == MailingState::draft || (include_held && m->state == MailingState::held))) return result;
  const MailingState from = m->state;
  mail.set_window(m->id, m->since, now);
  m->until = now;
  const Edition e = load_edition(db, *m, now);
  if (!is_alert(m->kind) && e.articles.empty()) {
    mail.set_state(m->id, from, MailingState::cancelled, now);
    tx.commit();
    result.empty = true;
    return result;
  }
  const int limit = is_alert(m->kind) ? kAlertJobs : kBulletinJobs;
  std::int64_t after = 0;
  for (;;) {
    auto page = mail.receiving(m->kind, after, 5000);
    if (page.empty()) break;
    for (const auto& s : page) {
      after = s.id;
      auto jobs = match_jobs(s, e.jobs, m->kind, limit);
      if (is_alert(m->kind) && jobs.empty()) continue;
      mail.enqueue(m->id, s.id, jobs);
      ++result.messages;
    }
  }
  if (result.messages == 0 && is_alert(m->kind)) {
    mail.set_state(m->id, from, MailingState::cancelled, now);
    result.empty = true;
  } else {
    mail.set_state(m->id, from, MailingState::queued, now);
    result.queued = true;
  }
  tx.commit();
  return result;
}

bool hold_mailing(store::Connection& db, std::int64_t mailing_id, bool hold, std::int64_t now) {
  store::Transaction tx(db);
  const bool changed = hold ? store::MailStore(db).set_state(mailing_id, MailingState::draft, MailingState::held, now)
                            : store::MailStore(db).set_state(mailing_id, MailingState::held, MailingState::draft, now);
  tx.commit();
  return changed;
}

LocalTime local_time(const std::string& zone, std::int64_t now) {
  using namespace std::chrono;
  const date::time_zone* tz = nullptr;
  try {
    tz = date::locate_zone(zone);
  } catch (const std::exception&) {
    throw std::runtime_error("unknown time zone '" + zone + "' (use a name such as Europe/London)");
  }
  const auto local = date::make_zoned(tz, sys_seconds{seconds{now}}).get_local_time();
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  LocalTime out;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  out.date = buf;
  out.minutes = static_cast<int>(duration_cast<minutes>(local - day).count());
  out.weekday = static_cast<int>(date::weekday{day}.c_encoding());
  return out;
}

void check_zone(const std::string& zone) {
  local_time(zone, 0);
}

std::optional<int> parse_clock(std::string_view text) {
  text = strings::trim(text);
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  int h = 0, m = 0;
  if (std::from_chars(text.data(), text.data() + 2, h).ec != std::errc() ||
      std::from_chars(text.data() + 3, text.data() + 5, m).ec != std::errc() || h > 23 || m > 59 || h < 0 || m < 0)
    return std::nullopt;
  return h * 60 + m;
}

std::optional<int> parse_weekday(std::string_view text) {
  static const char* const names[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  const std::string t = strings::lower_ascii(strings::trim(text));
  for (int i = 0; i < 7; ++i)
    if (t == names[i]) return i;
  return std::nullopt;
}

std::vector<std::int64_t> run_schedule(store::Connection& db, const Schedule& schedule, std::int64_t now) {
  std::vector<std::int64_t> queued;
  if (schedule.daily_minutes < 0) return queued;  // off: editions go when an editor sends them
  const LocalTime t = local_time(schedule.zone, now);
  // Instant job alerts: every kInstantMinutes, when adverts were posted since the last one.
  {
    store::MailStore mail(db);
    const int slot = t.minutes / kInstantMinutes * kInstantMinutes;
    char edition[48];
    std::snprintf(edition, sizeof edition, "%sT%02d:%02d", t.date.c_str(), slot / 60, slot % 60);
    const std::int64_t last = mail.last_until(MailingKind::instant);
    const std::int64_t since = last > 0 ? last : now - kInstantMinutes * 60;
    if (!mail.mailing(MailingKind::instant, edition) && mail.count_jobs_between(since, now, now) > 0) {
      Mailing m = prepare_mailing(db, MailingKind::instant, edition, schedule.site_name, now);
      if (m.state == MailingState::draft && queue_mailing(db, m.id, now).queued) queued.push_back(m.id);
    }
  }
  if (t.minutes < schedule.daily_minutes) return queued;
  std::vector<MailingKind> due = {MailingKind::daily, MailingKind::alerts};
  if (t.weekday == schedule.weekly_day) due.push_back(MailingKind::weekly);
  for (MailingKind kind : due) {
    Mailing m = prepare_mailing(db, kind, t.date, schedule.site_name, now);
    if (m.state != MailingState::draft) continue;  // held by an editor, or already gone
    if (queue_mailing(db, m.id, now).queued) queued.push_back(m.id);
  }
  return queued;
}

}  // namespace gazette::mail
