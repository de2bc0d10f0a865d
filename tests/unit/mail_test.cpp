// The bulletin's rules: signed links, addresses, choices, job matching, editions, the outbox, CSV,
// bounces, the site's zone and the MIME messages.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "content/text.h"
#include "mail/bounces.h"
#include "mail/bulletin.h"
#include "mail/links.h"
#include "mail/message.h"
#include "mail/subscriptions.h"
#include "store/content_store.h"
#include "store/mail_store.h"
#include "strings/csv.h"
#include "test_support.h"

namespace gazette {
namespace {

constexpr std::int64_t kNow = 1'796'000'000;  // 2026-11-30
const std::string kSecret = "a site secret for the tests";

TEST(MailLinks, RoundTripAndRefuseTamperingExpiryAndOtherSecrets) {
  const std::string t = mail::make_link_token(kSecret, mail::LinkPurpose::preferences, 42, 3, kNow);
  auto claim = mail::read_link_token(kSecret, t, kNow);
  ASSERT_TRUE(claim);
  EXPECT_EQ(claim->purpose, mail::LinkPurpose::preferences);
  EXPECT_EQ(claim->subscriber_id, 42);
  EXPECT_EQ(claim->link_version, 3);
  EXPECT_FALSE(mail::read_link_token("another secret", t, kNow));
  EXPECT_FALSE(mail::read_link_token(kSecret, t, kNow + mail::kMailLinkSeconds + 1)) << "expired";
  std::string forged = t;
  forged[3] = '3';  // p-42 -> p-43: another subscriber
  EXPECT_FALSE(mail::read_link_token(kSecret, forged, kNow));
  EXPECT_FALSE(mail::read_link_token(kSecret, "", kNow));
  EXPECT_FALSE(mail::read_link_token(kSecret, "p-1-1-9999999999", kNow));
  EXPECT_FALSE(mail::read_link_token(kSecret, std::string(500, 'a'), kNow));
  const std::string confirm = mail::make_link_token(kSecret, mail::LinkPurpose::confirm, 1, 1, kNow);
  EXPECT_TRUE(mail::read_link_token(kSecret, confirm, kNow + mail::kConfirmLinkSeconds - 1));
  EXPECT_FALSE(mail::read_link_token(kSecret, confirm, kNow + mail::kConfirmLinkSeconds + 1));
  EXPECT_EQ(t.find('@'), std::string::npos);
  for (char c : t) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') << t;
}

TEST(MailLinks, FormTokens) {
  auto issued = mail::read_form_token(kSecret, mail::make_form_token(kSecret, kNow));
  ASSERT_TRUE(issued);
  EXPECT_EQ(*issued, kNow);
  EXPECT_FALSE(mail::read_form_token(kSecret, "f-1796000000.forged"));
  EXPECT_FALSE(mail::read_form_token(kSecret, mail::make_link_token(kSecret, mail::LinkPurpose::confirm, 1, 1, kNow)));
}

TEST(MailAddresses, Normalised) {
  EXPECT_EQ(mail::normalise_email("  Ann.Smith@Example.ORG "), "ann.smith@example.org");
  EXPECT_EQ(mail::normalise_email("a+tag@sub.council.gov.uk"), "a+tag@sub.council.gov.uk");
  for (const char* bad : {"", "plain", "@example.org", "a@", "a@b", "a@@b.org", "a b@c.org", "a@b..org", "a@b.org.",
                          "a@b.org\r\nBcc: x@y.org", "<a@b.org>", "a@exa_mple.org", "\"q\"@b.org"})
    EXPECT_FALSE(mail::normalise_email(bad)) << bad;
  EXPECT_FALSE(mail::normalise_email(std::string(65, 'a') + "@example.org")) << "local part over 64";
}

TEST(MailChoices, Problems) {
  mail::ChoicesForm f;
  EXPECT_FALSE(mail::choices_problem(f));
  f.name = "Siân O'Brien-Smith";
  EXPECT_FALSE(mail::choices_problem(f));
  for (const char* name : {"<b>x</b>", "a\"b", "tab\there", "{{x}}"}) {
    f.name = name;
    EXPECT_TRUE(mail::choices_problem(f)) << name;
  }
  f.name = "";
  f.choices.daily = false;
  EXPECT_TRUE(mail::choices_problem(f)) << "nothing chosen";
  f.choices.job_alerts = true;
  f.choices.alert_min_salary = -1;
  EXPECT_TRUE(mail::choices_problem(f));
  f.choices.alert_min_salary = 30000;
  f.choices.alert_categories = std::vector<std::string>(51, "finance");
  EXPECT_TRUE(mail::choices_problem(f));
}

mail::AlertJob job(std::int64_t id, std::string category, std::string council, std::string region, double max,
                   std::string text) {
  mail::AlertJob j;
  j.id = id;
  j.category = std::move(category);
  j.council_slug = std::move(council);
  j.region = region;
  j.region_slug = content::slugify(region);
  j.annual_max = max;
  j.text_lower = std::move(text);
  return j;
}

TEST(MailJobs, AlertCriteriaAllMustMatchThenFollowedCouncilsThenNewest) {
  const std::vector<mail::AlertJob> pool = {
      job(1, "finance", "kent-county-council", "South East", 52000, "head of finance"),
      job(2, "highways-transport", "kent-county-council", "South East", 38000, "highways engineer"),
      job(3, "finance", "leeds-city-council", "Yorkshire and the Humber", 41000, "senior accountant"),
      job(4, "social-care", "leeds-city-council", "Yorkshire and the Humber", 0, "social worker"),
  };
  mail::Subscriber s;
  s.choices.alert_categories = {"finance"};
  EXPECT_EQ(mail::match_jobs(s, pool, mail::MailingKind::alerts, 20), (std::vector<std::int64_t>{1, 3}));
  s.choices.alert_places = {"yorkshire-and-the-humber"};
  EXPECT_EQ(mail::match_jobs(s, pool, mail::MailingKind::alerts, 20), (std::vector<std::int64_t>{3}));
  s.choices.alert_places = {"kent-county-council"};
  s.choices.alert_min_salary = 60000;
  EXPECT_TRUE(mail::match_jobs(s, pool, mail::MailingKind::alerts, 20).empty()) << "alerts send nothing";
  EXPECT_EQ(mail::match_jobs(s, pool, mail::MailingKind::daily, 2), (std::vector<std::int64_t>{1, 2}))
      << "a bulletin with no match falls back to the newest";
  mail::Subscriber follower;
  follower.choices.follow_councils = {"leeds-city-council"};
  EXPECT_EQ(mail::match_jobs(follower, pool, mail::MailingKind::daily, 5), (std::vector<std::int64_t>{3, 4}));
  mail::Subscriber keywords;
  keywords.choices.alert_keywords = "Senior accountant";
  EXPECT_EQ(mail::match_jobs(keywords, pool, mail::MailingKind::alerts, 5), (std::vector<std::int64_t>{3}));
  keywords.choices.alert_min_salary = 45000;
  EXPECT_TRUE(mail::match_jobs(keywords, pool, mail::MailingKind::alerts, 5).empty());
  mail::Subscriber social;
  social.choices.alert_min_salary = 1;
  EXPECT_EQ(mail::match_jobs(social, pool, mail::MailingKind::alerts, 5), (std::vector<std::int64_t>{1, 2, 3}))
      << "an advert without a parsed salary does not match a salary floor";
}

TEST(MailZone, LondonSummerAndWinter) {
  // 2026-07-01 06:30 UTC is 07:30 BST; 2026-12-01 06:30 UTC is 06:30 GMT.
  auto summer = mail::local_time("Europe/London", 1782887400);
  EXPECT_EQ(summer.date, "2026-07-01");
  EXPECT_EQ(summer.minutes, 7 * 60 + 30);
  EXPECT_EQ(summer.weekday, 3);
  auto winter = mail::local_time("Europe/London", 1796106600);
  EXPECT_EQ(winter.date, "2026-12-01");
  EXPECT_EQ(winter.minutes, 6 * 60 + 30);
  auto late = mail::local_time("Europe/London", 1782946800);  // 2026-07-01 23:00 UTC = 2 July 00:00 BST
  EXPECT_EQ(late.date, "2026-07-02");
  EXPECT_THROW(mail::local_time("Mars/Olympus_Mons", kNow), std::runtime_error);
  EXPECT_EQ(mail::parse_clock("07:05"), 425);
  EXPECT_FALSE(mail::parse_clock("7:05"));
  EXPECT_FALSE(mail::parse_clock("24:00"));
  EXPECT_EQ(mail::parse_weekday("Monday"), 1);
  EXPECT_FALSE(mail::parse_weekday("someday"));
}

TEST(Csv, QuotesLineBreaksAndErrors) {
  std::vector<std::vector<std::string>> rows;
  auto err = strings::read_csv(
      "\xEF\xBB\xBF"
      "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",\n",
      ',', [&](const std::vector<std::string>& r, std::size_t) {
        rows.push_back(r);
        return true;
      });
  EXPECT_FALSE(err);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"x, y", "say \"hi\""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"two\nlines", ""}));
  auto bad = strings::read_csv("a\n\"open", ',', [](const auto&, std::size_t) { return true; });
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->line, 2u);
  EXPECT_EQ(strings::csv_field("=SUM(A1)"), "'=SUM(A1)");
  EXPECT_EQ(strings::csv_field("a,b"), "\"a,b\"");
}

TEST(MailSubscribers, ImportIsAllOrNothingAndExportReadsBack) {
  testing::TempDb t;
  auto report = mail::import_csv(t.db(), "email,name,status\nok@example.org,Ok,confirmed\nnot-an-address,,\n", kNow);
  EXPECT_FALSE(report.ok());
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_NE(report.errors[0].find("line 3"), std::string::npos) << report.errors[0];
  EXPECT_FALSE(store::MailStore(t.db()).subscriber_by_email("ok@example.org")) << "nothing stored";
  report = mail::import_csv(
      t.db(),
      "Email,Name,Status,Job_Alerts,Alert_Places\nOK@example.org,\"Ok, Person\",confirmed,yes,kent;london\n"
      "p@example.org,,pending,,\n",
      kNow);
  ASSERT_TRUE(report.ok()) << report.errors[0];
  EXPECT_EQ(report.added, 2);
  auto ok = store::MailStore(t.db()).subscriber_by_email("ok@example.org");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, mail::SubscriberStatus::confirmed);
  EXPECT_EQ(ok->choices.alert_places, (std::vector<std::string>{"kent", "london"}));
  EXPECT_EQ(store::MailStore(t.db()).notices_since(ok->id + 1, "confirm", 0), 1) << "pending ones get a link";
  std::string csv;
  mail::export_csv(t.db(), [&](std::string_view chunk) { csv += chunk; });
  testing::TempDb copy;
  auto again = mail::import_csv(copy.db(), csv, kNow);
  ASSERT_TRUE(again.ok()) << again.errors[0];
  EXPECT_EQ(again.added, 2);
  EXPECT_EQ(store::MailStore(copy.db()).subscriber_by_email("ok@example.org")->name, "Ok, Person");
  EXPECT_EQ(mail::import_csv(copy.db(), csv, kNow).already, 2) << "known addresses are left alone";
  EXPECT_FALSE(mail::import_csv(copy.db(), "name\nx\n", kNow).ok()) << "no email column";
  EXPECT_FALSE(mail::import_csv(copy.db(), "", kNow).ok());
}

TEST(MailSubscribers, SignUpRulesAndConfirmation) {
  testing::TempDb t;
  mail::ChoicesForm form;
  const std::string ft = mail::make_form_token(kSecret, kNow - 10);
  auto out = mail::sign_up(t.db(), kSecret, "new@example.org", form, ft, false, kNow);
  EXPECT_EQ(out.result, mail::SignUpResult::accepted);
  EXPECT_TRUE(out.stored);
  auto s = store::MailStore(t.db()).subscriber_by_email("new@example.org");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->status, mail::SubscriberStatus::pending);
  // Honeypot, too fast, forged form: nothing stored.
  EXPECT_FALSE(mail::sign_up(t.db(), kSecret, "bot@example.org", form, ft, true, kNow).stored);
  EXPECT_FALSE(
      mail::sign_up(t.db(), kSecret, "bot@example.org", form, mail::make_form_token(kSecret, kNow), false, kNow)
          .stored);
  EXPECT_EQ(mail::sign_up(t.db(), kSecret, "bot@example.org", form, "x", false, kNow).result,
            mail::SignUpResult::form_expired);
  EXPECT_FALSE(store::MailStore(t.db()).subscriber_by_email("bot@example.org"));
  // At most three confirmation mails a day to one address.
  for (int i = 0; i < 5; ++i) mail::sign_up(t.db(), kSecret, "new@example.org", form, ft, false, kNow);
  EXPECT_EQ(store::MailStore(t.db()).notices_since(s->id, "confirm", kNow - 86400), mail::kConfirmationsPerDay);
  // Confirming with the link.
  const std::string link = mail::make_link_token(kSecret, mail::LinkPurpose::confirm, s->id, s->link_version, kNow);
  EXPECT_FALSE(mail::confirm(t.db(), kSecret,
                             mail::make_link_token(kSecret, mail::LinkPurpose::preferences, s->id, 1, kNow), kNow))
      << "a preferences link does not confirm";
  auto confirmed = mail::confirm(t.db(), kSecret, link, kNow);
  ASSERT_TRUE(confirmed);
  EXPECT_EQ(confirmed->status, mail::SubscriberStatus::confirmed);
  // Unsubscribed, then signed up again: pending with a new link version (old links stop working).
  mail::unsubscribe(t.db(), s->id, kNow, "test");
  mail::sign_up(t.db(), kSecret, "new@example.org", form, ft, false, kNow + 90000);
  auto again = store::MailStore(t.db()).subscriber_by_email("new@example.org");
  EXPECT_EQ(again->status, mail::SubscriberStatus::pending);
  EXPECT_FALSE(mail::subscriber_for_link(t.db(), kSecret, link, mail::LinkPurpose::confirm, kNow));
}

TEST(MailBounces, DeliveryReportsAndComplaintsFromAnMbox) {
  std::ifstream in(std::string(GAZETTE_SOURCE_DIR) + "/tests/fixtures/mail/bounces.mbox", std::ios::binary);
  std::stringstream all;
  all << in.rdbuf();
  auto scan = mail::scan_bounces(all.str());
  EXPECT_EQ(scan.messages, 3);
  ASSERT_EQ(scan.hard.size(), 2u);
  EXPECT_EQ(scan.hard[0].email, "left.the.council@example.org");
  EXPECT_FALSE(scan.hard[0].complaint);
  EXPECT_EQ(scan.hard[1].email, "Marked.Spam@example.org");
  EXPECT_TRUE(scan.hard[1].complaint);
  EXPECT_EQ(scan.soft, 1) << "a delayed delivery changes nothing";
  EXPECT_EQ(scan.unrecognised, 1) << "a reader's reply is not a bounce";
  EXPECT_EQ(mail::scan_bounces("").messages, 0);
  EXPECT_EQ(mail::scan_bounces("garbage\x01\x02 without a From line").hard.size(), 0u);
}

TEST(MailMessage, MultipartUtf8WithListHeadersAndNoRawHeaderInjection) {
  mail::Email e;
  e.from = {"Gazette", "news@gazette.example"};
  e.to = {"Siân Jones", "sian@example.org"};
  e.subject = "Council tax: £4.99 rise — what it means";
  e.text = "Plain part: £ and é\n";
  e.html = "<p>HTML part</p>";
  e.message_id = "m1-s2@gazette.example";
  e.list_id = "Gazette <bulletin.gazette.example>";
  e.unsubscribe_url = "https://gazette.example/subscribe/unsubscribe?t=u-2-1-1900000000.abc";
  e.date = kNow;
  const std::string wire = mail::compose(e, {});
  EXPECT_NE(wire.find("Content-Type: multipart/alternative"), std::string::npos);
  EXPECT_NE(wire.find("text/plain; charset=utf-8"), std::string::npos);
  EXPECT_NE(wire.find("text/html; charset=utf-8"), std::string::npos);
  const auto subject = wire.find("\r\nSubject: ");
  ASSERT_NE(subject, std::string::npos);
  EXPECT_NE(wire.substr(subject, 40).find("=?"), std::string::npos)
      << "the subject is RFC 2047 words: " << wire.substr(subject, 80);
  EXPECT_NE(wire.find("List-Unsubscribe: <" + e.unsubscribe_url + ">\r\n"), std::string::npos) << wire.substr(0, 900);
  EXPECT_NE(wire.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), std::string::npos);
  EXPECT_NE(wire.find("Message-Id: <m1-s2@gazette.example>"), std::string::npos);
  EXPECT_NE(wire.find("Date: "), std::string::npos);
  EXPECT_EQ(wire.find("£"), std::string::npos) << "8-bit text is quoted-printable on the wire";
  for (std::size_t i = 0; i < wire.size(); ++i)
    if (wire[i] == '\n') {
      ASSERT_TRUE(i > 0 && wire[i - 1] == '\r') << "bare LF at " << i;
    }
  e.subject = "Hello\r\nBcc: victim@example.org";
  const std::string injected = mail::compose(e, {});
  EXPECT_EQ(injected.find("\r\nBcc:"), std::string::npos) << "a line break in the subject does not start a header";
  EXPECT_THROW(mail::check_dkim_key({"gazette.example", "mail", "not a key"}), std::runtime_error);
}

void add_article(store::Connection& db, const std::string& headline, const std::string& section, std::int64_t at) {
  content::ArticleInput in;
  in.headline = headline;
  in.standfirst = "What " + headline + " means for councils.";
  in.section = section;
  in.published_at = at;
  store::Transaction tx(db);
  store::ContentStore(db).save_article(in, at);
  tx.commit();
}

TEST(MailSchedule, EachEditionIsQueuedOnceAtItsTimeAndHeldOnesWait) {
  testing::TempDb t;
  // 2026-12-01 (a Tuesday in GMT): articles the day before and that morning.
  const std::int64_t midnight = 1796083200;  // 2026-12-01 00:00 UTC
  {
    store::Transaction tx(t.db());
    store::ContentStore(t.db()).ensure_section("News", "", 1);  // navigation order: News, then Comment
    store::ContentStore(t.db()).ensure_section("Comment", "", 2);
    tx.commit();
  }
  add_article(t.db(), "Budget gap widens", "News", midnight - 3 * 3600);
  add_article(t.db(), "Highways backlog grows", "News", midnight + 3600);
  add_article(t.db(), "Why devolution stalls", "Comment", midnight + 2 * 3600);
  ASSERT_TRUE(
      mail::import_csv(t.db(), "email,status,weekly\na@example.org,confirmed,yes\nb@example.org,pending,\n", midnight)
          .ok());
  mail::Schedule schedule;  // 07:00 Europe/London, weekly on Monday
  EXPECT_TRUE(mail::run_schedule(t.db(), schedule, midnight + 6 * 3600 + 59 * 60).empty()) << "06:59: not yet";
  auto queued = mail::run_schedule(t.db(), schedule, midnight + 7 * 3600);
  ASSERT_EQ(queued.size(), 1u) << "the daily bulletin; no alerts (nobody asked), no digest (not Monday)";
  store::MailStore store(t.db());
  auto daily = store.mailing(mail::MailingKind::daily, "2026-12-01");
  ASSERT_TRUE(daily);
  EXPECT_EQ(daily->state, mail::MailingState::queued);
  EXPECT_EQ(store.outbox_counts(daily->id).pending, 1) << "only the confirmed subscriber";
  auto edition = mail::load_edition(t.db(), *daily, midnight + 8 * 3600);
  ASSERT_EQ(edition.articles.size(), 3u);
  EXPECT_EQ(edition.articles[0].headline, "Highways backlog grows") << "the newest in the first section leads";
  EXPECT_EQ(edition.articles[2].section.name, "Comment");
  EXPECT_TRUE(mail::run_schedule(t.db(), schedule, midnight + 9 * 3600).empty()) << "never twice a day";
  EXPECT_EQ(store.outbox_counts(daily->id).pending, 1);

  // The next day an editor holds the edition: it waits; released, it goes with only the new article.
  add_article(t.db(), "Leisure centre reopens", "News", midnight + 86400 + 3600);
  auto next = mail::prepare_mailing(t.db(), mail::MailingKind::daily, "2026-12-02", "Gazette", midnight + 86400 + 3600);
  ASSERT_TRUE(mail::hold_mailing(t.db(), next.id, true, midnight + 86400));
  EXPECT_TRUE(mail::run_schedule(t.db(), schedule, midnight + 86400 + 8 * 3600).empty());
  ASSERT_TRUE(mail::hold_mailing(t.db(), next.id, false, midnight + 86400));
  EXPECT_EQ(mail::run_schedule(t.db(), schedule, midnight + 86400 + 8 * 3600).size(), 1u);
  auto second = mail::load_edition(t.db(), *store.mailing_by_id(next.id), midnight + 86400 + 9 * 3600);
  ASSERT_EQ(second.articles.size(), 1u) << "from where the last edition ended";
  EXPECT_EQ(second.articles[0].headline, "Leisure centre reopens");

  // A day with nothing new: the edition is cancelled, not sent empty.
  EXPECT_TRUE(mail::run_schedule(t.db(), schedule, midnight + 2 * 86400 + 8 * 3600).empty());
  EXPECT_EQ(store.mailing(mail::MailingKind::daily, "2026-12-03")->state, mail::MailingState::cancelled);
  schedule.daily_minutes = -1;
  EXPECT_TRUE(mail::run_schedule(t.db(), schedule, midnight + 3 * 86400 + 8 * 3600).empty()) << "off";
}

TEST(MailSchedule, InstantAlertsGoWhenMatchingAdvertsArriveAndDailyOnesWaitForTheMorning) {
  testing::TempDb t;
  const std::int64_t midnight = 1796083200;  // 2026-12-01 00:00 UTC
  ASSERT_TRUE(mail::import_csv(t.db(),
                               "email,status,daily,job_alerts,alert_frequency\n"
                               "now@example.org,confirmed,no,yes,instant\nmorning@example.org,confirmed,no,yes,daily\n",
                               midnight)
                  .ok());
  mail::Schedule schedule;
  EXPECT_TRUE(mail::run_schedule(t.db(), schedule, midnight + 3600).empty()) << "no adverts, no alert";
  t.db().exec_script(
      "INSERT INTO employers (name, slug) VALUES ('Test Council', 'test-council');"
      "INSERT INTO jobs (reference, slug, title, employer_id, posted_at, updated_at) "
      "VALUES ('t-1', 'planner', 'Planner', 1, 1796086800, 1796086800);");  // 01:00
  auto queued = mail::run_schedule(t.db(), schedule, midnight + 3600 + 60);
  ASSERT_EQ(queued.size(), 1u);
  store::MailStore store(t.db());
  auto instant = store.mailing_by_id(queued[0]);
  EXPECT_EQ(instant->kind, mail::MailingKind::instant);
  EXPECT_EQ(instant->edition, "2026-12-01T01:00");
  EXPECT_EQ(store.outbox_counts(instant->id).pending, 1) << "only the subscriber who asked for instant alerts";
  EXPECT_TRUE(mail::run_schedule(t.db(), schedule, midnight + 3600 + 120).empty()) << "once per slot";
  EXPECT_TRUE(mail::run_schedule(t.db(), schedule, midnight + 3600 + 16 * 60).empty()) << "nothing new since";
  auto morning = mail::run_schedule(t.db(), schedule, midnight + 7 * 3600);
  ASSERT_EQ(morning.size(), 1u) << "the daily alerts (no articles: no bulletin)";
  EXPECT_EQ(store.mailing_by_id(morning[0])->kind, mail::MailingKind::alerts);
  EXPECT_EQ(store.outbox_counts(morning[0]).pending, 1);
}

}  // namespace
}  // namespace gazette
