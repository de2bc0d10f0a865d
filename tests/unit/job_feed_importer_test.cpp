// Importing Indeed-style XML job feeds (importers::import_job_feed_*) and completing adverts
// (jobs::prepare_job): what ends up on the jobs board, and what is refused.
#include "importers/job_feed_importer.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "content/text.h"
#include "councils/tagging.h"
#include "jobs/job.h"
#include "store/job_store.h"
#include "test_support.h"

namespace gazette::importers {
namespace {

using gazette::testing::TempDb;

std::string fixture(const std::string& name) {
  return std::string(GAZETTE_SOURCE_DIR) + "/tests/fixtures/jobs/" + name;
}

std::int64_t job_count(store::Connection& db) {
  return store::JobStore(db).count();
}

void load_councils(store::Connection& db) {
  store::Transaction tx(db);
  councils::sync_builtin_register(db);
  tx.commit();
}

// Every stored advert, by title.
std::map<std::string, jobs::Job> jobs_by_title(store::Connection& db) {
  store::JobStore s(db);
  std::map<std::string, jobs::Job> out;
  for (const auto& r : s.index_rows())
    if (auto j = s.by_id(r.id)) out[j->title] = *j;
  return out;
}

std::int64_t day(int y, int m, int d) {
  return content::unix_from_date(y, m, d);
}

// ---- a well-formed feed -----------------------------------------------------------------------------

TEST(JobFeedImport, WellFormedFeedImportsEveryAdvert) {
  TempDb t;
  load_councils(t.db());
  auto r = import_job_feed_file(t.db(), fixture("council_vacancies.xml"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.error.empty());
  EXPECT_EQ(r.jobs, 7);
  EXPECT_EQ(r.added, 7);
  EXPECT_EQ(r.already_present, 0);
  EXPECT_EQ(job_count(t.db()), 7);
  auto all = jobs_by_title(t.db());
  ASSERT_EQ(all.size(), 7u);
  for (const char* title :
       {"Senior Highways Engineer", "Planning Enforcement Officer", "Traffic Signals Technician",
        "Principal Planning Officer", "Highways Maintenance Supervisor", "Tree Officer", "Housing Options Adviser"})
    EXPECT_TRUE(all.count(title)) << title;
  for (const auto& [title, j] : all) {
    EXPECT_EQ(j.status, "live") << title;
    EXPECT_FALSE(j.slug.empty()) << title;
  }
}

TEST(JobFeedImport, FieldsOfAnAdvertAreStored) {
  TempDb t;
  load_councils(t.db());
  ASSERT_TRUE(import_job_feed_file(t.db(), fixture("council_vacancies.xml")).ok);
  auto all = jobs_by_title(t.db());
  const jobs::Job& j = all.at("Senior Highways Engineer");
  EXPECT_EQ(j.reference, "feed:KCC-HWY-0417");
  EXPECT_EQ(j.employer, "Kent County Council");
  EXPECT_EQ(j.location, "Maidstone");
  EXPECT_EQ(j.region, "South East");
  EXPECT_EQ(j.apply_url, "https://recruitment.example.org/kcc/hwy-0417");
  EXPECT_NE(j.description_html.find("carriageway resurfacing"), std::string::npos);
  EXPECT_EQ(j.posted_at, day(2025, 5, 2));
  // Salary parsed into the store's fields.
  EXPECT_EQ(j.salary_text, "£45,000 - £52,000 per annum");
  EXPECT_TRUE(j.salary_parsed);
  ASSERT_TRUE(j.salary_min && j.salary_max && j.annual_min && j.annual_max);
  EXPECT_DOUBLE_EQ(*j.salary_min, 45000);
  EXPECT_DOUBLE_EQ(*j.salary_max, 52000);
  EXPECT_DOUBLE_EQ(*j.annual_min, 45000);
  EXPECT_DOUBLE_EQ(*j.annual_max, 52000);
  EXPECT_EQ(j.salary_period, "year");
  EXPECT_EQ(j.salary_currency, "GBP");
  // jobtype "fulltime, permanent".
  EXPECT_EQ(j.hours, "full-time");
  EXPECT_EQ(j.contract, "permanent");
  // <category> with a known slug is kept as the advert's own.
  EXPECT_EQ(j.category, "highways-transport");
  EXPECT_EQ(j.category_set_by, "advert");
  // <expirationdate> is the closing date; the advert closes at the end of that day.
  EXPECT_EQ(j.closing_date, "2035-06-30");
  ASSERT_TRUE(j.closes_at);
  EXPECT_EQ(*j.closes_at, day(2035, 7, 1));
  // A council employer is linked to the council.
  EXPECT_EQ(j.council_name, "Kent County Council");
  EXPECT_FALSE(j.council_slug.empty());
  EXPECT_NE(j.council_id, 0);
}

TEST(JobFeedImport, JobTypeSplitsIntoHoursAndContract) {
  TempDb t;
  ASSERT_TRUE(import_job_feed_file(t.db(), fixture("council_vacancies.xml")).ok);
  auto all = jobs_by_title(t.db());
  const jobs::Job& tech = all.at("Traffic Signals Technician");  // "parttime, temporary"
  EXPECT_EQ(tech.hours, "part-time");
  EXPECT_EQ(tech.contract, "temporary");
  const jobs::Job& adviser = all.at("Housing Options Adviser");  // "fulltime, fixed term"
  EXPECT_EQ(adviser.hours, "full-time");
  EXPECT_EQ(adviser.contract, "fixed-term");
  const jobs::Job& tree = all.at("Tree Officer");  // "parttime, permanent"
  EXPECT_EQ(tree.hours, "part-time");
  EXPECT_EQ(tree.contract, "permanent");
}

TEST(JobFeedImport, CategoryIsClassifiedWhenMissingOrUnknown) {
  TempDb t;
  ASSERT_TRUE(import_job_feed_file(t.db(), fixture("council_vacancies.xml")).ok);
  auto all = jobs_by_title(t.db());
  // No <category>: classified from title and description.
  EXPECT_EQ(all.at("Traffic Signals Technician").category, "highways-transport");
  EXPECT_EQ(all.at("Traffic Signals Technician").category_set_by, "auto");
  // "Roads and streets" is not a category slug: classified.
  EXPECT_EQ(all.at("Highways Maintenance Supervisor").category, "highways-transport");
  EXPECT_EQ(all.at("Highways Maintenance Supervisor").category_set_by, "auto");
  // Known slugs are kept.
  EXPECT_EQ(all.at("Planning Enforcement Officer").category, "planning");
  EXPECT_EQ(all.at("Tree Officer").category, "environment");
  EXPECT_EQ(all.at("Tree Officer").category_set_by, "advert");
}

TEST(JobFeedImport, DatesInEitherFormatAndUnparsedSalaries) {
  TempDb t;
  ASSERT_TRUE(import_job_feed_file(t.db(), fixture("council_vacancies.xml")).ok);
  auto all = jobs_by_title(t.db());
  const jobs::Job& ppo = all.at("Principal Planning Officer");  // RFC 822 dates
  EXPECT_EQ(ppo.posted_at, day(2025, 5, 12));
  EXPECT_EQ(ppo.closing_date, "2035-09-14");
  // No closing date in the feed or the description: none.
  const jobs::Job& tree = all.at("Tree Officer");
  EXPECT_TRUE(tree.closing_date.empty());
  EXPECT_FALSE(tree.closes_at);
  // An hourly rate is annualised.
  EXPECT_TRUE(tree.salary_parsed);
  EXPECT_EQ(tree.salary_period, "hour");
  ASSERT_TRUE(tree.annual_min);
  EXPECT_GT(*tree.annual_min, 15.20 * 1000);
  // "Competitive" is kept as written but not parsed.
  const jobs::Job& tech = all.at("Traffic Signals Technician");
  EXPECT_EQ(tech.salary_text, "Competitive");
  EXPECT_FALSE(tech.salary_parsed);
  EXPECT_FALSE(tech.annual_min);
  EXPECT_FALSE(tech.annual_max);
  // Not a council: no council link.
  EXPECT_EQ(all.at("Housing Options Adviser").council_id, 0);
}

TEST(JobFeedImport, ImportingTheSameFeedTwiceAddsNothing) {
  TempDb t;
  auto first = import_job_feed_file(t.db(), fixture("council_vacancies.xml"));
  ASSERT_TRUE(first.ok) << first.error;
  auto second = import_job_feed_file(t.db(), fixture("council_vacancies.xml"));
  ASSERT_TRUE(second.ok) << second.error;
  EXPECT_EQ(second.jobs, 7);
  EXPECT_EQ(second.added, 0);
  EXPECT_EQ(second.already_present, 7);
  EXPECT_EQ(job_count(t.db()), 7);
}

TEST(JobFeedImport, ExpiredAdvertIsStoredButNotLive) {
  TempDb t;
  ASSERT_TRUE(import_job_feed_file(t.db(), fixture("expired_advert.xml")).ok);
  auto all = jobs_by_title(t.db());
  const jobs::Job& j = all.at("Bridge Inspection Engineer");
  EXPECT_EQ(j.closing_date, "2021-03-15");
  EXPECT_FALSE(j.is_live(day(2025, 1, 1)));
  EXPECT_TRUE(j.is_live(day(2021, 3, 15) + 3600));  // still open on its closing day
}

// ---- rejected feeds write nothing -------------------------------------------------------------------

TEST(JobFeedImport, MalformedXmlIsRejectedWithItsLineAndWritesNothing) {
  TempDb t;
  auto r = import_job_feed_file(t.db(), fixture("invalid/malformed.xml"));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("line 10"), std::string::npos) << r.error;
  EXPECT_EQ(r.added, 0);
  EXPECT_EQ(job_count(t.db()), 0);
}

TEST(JobFeedImport, JobWithoutCompanyRejectsTheWholeFile) {
  TempDb t;
  ASSERT_TRUE(import_job_feed_file(t.db(), fixture("council_vacancies.xml")).ok);
  auto r = import_job_feed_file(t.db(), fixture("invalid/missing_company.xml"));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("line 9"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("<company>"), std::string::npos) << r.error;
  EXPECT_EQ(r.added, 0);
  // The first, complete advert of the rejected file was not written either.
  EXPECT_EQ(job_count(t.db()), 7);
  EXPECT_FALSE(jobs_by_title(t.db()).count("Payroll Officer"));
}

TEST(JobFeedImport, UnreadableDateRejectsTheWholeFile) {
  TempDb t;
  auto r = import_job_feed_file(t.db(), fixture("invalid/bad_date.xml"));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("line 9"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("<date>"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("next Tuesday"), std::string::npos) << r.error;
  EXPECT_EQ(job_count(t.db()), 0);
}

TEST(JobFeedImport, BadExpirationDateRejects) {
  TempDb t;
  const std::string xml =
      "<source>\n"
      "<job><title>Archivist</title><referencenumber>A1</referencenumber><company>Westbury Borough Council</company>\n"
      "<expirationdate>sometime soon</expirationdate></job>\n"
      "</source>\n";
  auto r = import_job_feed_text(t.db(), xml, "inline.xml");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("line 2"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("<expirationdate>"), std::string::npos) << r.error;
  EXPECT_EQ(job_count(t.db()), 0);
}

TEST(JobFeedImport, WrongRootAndMissingFileAreClearErrors) {
  TempDb t;
  auto rss = import_job_feed_text(t.db(), "<rss><channel/></rss>", "rss.xml");
  EXPECT_FALSE(rss.ok);
  EXPECT_NE(rss.error.find("<source>"), std::string::npos) << rss.error;
  auto missing = import_job_feed_file(t.db(), fixture("no_such_feed.xml"));
  EXPECT_FALSE(missing.ok);
  EXPECT_FALSE(missing.error.empty());
  EXPECT_EQ(job_count(t.db()), 0);
}

}  // namespace
}  // namespace gazette::importers

// ---- prepare_job ------------------------------------------------------------------------------------

namespace gazette::jobs {
namespace {

std::int64_t day(int y, int m, int d) {
  return content::unix_from_date(y, m, d);
}

JobInput advert() {
  JobInput in;
  in.title = "Senior Accountant";
  in.employer = "Westbury Borough Council";
  in.salary_text = "£40,000 - £44,000";
  in.posted_at = day(2025, 5, 1);
  in.description_markdown = "Prepare the statement of accounts and support the budget process.";
  return in;
}

TEST(PrepareJob, ClosingDateIsReadFromTheDescriptionWhenNoneIsGiven) {
  JobInput in = advert();
  in.description_markdown = "Prepare the accounts.\n\nClosing date: 20 June 2025. Interviews will be held on 2 July.";
  Job j = prepare_job(in, day(2025, 5, 2));
  EXPECT_EQ(j.closing_date, "2025-06-20");
  ASSERT_TRUE(j.closes_at);
  EXPECT_EQ(*j.closes_at, day(2025, 6, 21));
  EXPECT_TRUE(j.is_live(day(2025, 6, 20) + 12 * 3600));
  EXPECT_FALSE(j.is_live(day(2025, 6, 21) + 1));
}

TEST(PrepareJob, ClosingDateWithoutAYearIsTheNextOneAfterPosting) {
  JobInput in = advert();
  in.description_markdown = "Applications close on 3 April.";
  Job j = prepare_job(in, day(2025, 5, 2));
  EXPECT_EQ(j.closing_date, "2026-04-03");
}

TEST(PrepareJob, GivenClosingDateWinsOverProseAndOtherDatesAreNotClosingDates) {
  JobInput in = advert();
  in.closing_date = "2025-07-31";
  in.description_markdown = "Closing date: 20 June 2025.";
  EXPECT_EQ(prepare_job(in, day(2025, 5, 2)).closing_date, "2025-07-31");
  JobInput interviews = advert();
  interviews.description_markdown = "Interviews will be held on 10 June 2025.";
  Job j = prepare_job(interviews, day(2025, 5, 2));
  EXPECT_TRUE(j.closing_date.empty());
  EXPECT_FALSE(j.closes_at);
  EXPECT_TRUE(j.is_live(day(2030, 1, 1)));
}

TEST(PrepareJob, UnreadableGivenClosingDateIsDropped) {
  JobInput in = advert();
  in.closing_date = "soon";
  Job j = prepare_job(in, day(2025, 5, 2));
  EXPECT_TRUE(j.closing_date.empty());
  EXPECT_FALSE(j.closes_at);
}

TEST(PrepareJob, ValidCategoryOverrideIsKept) {
  JobInput in = advert();  // a finance job by its words
  in.category = "procurement";
  Job j = prepare_job(in, day(2025, 5, 2));
  EXPECT_EQ(j.category, "procurement");
  EXPECT_EQ(j.category_set_by, "advert");
}

TEST(PrepareJob, UnknownOrMissingCategoryIsClassified) {
  JobInput in = advert();
  in.category = "Money & numbers";
  Job j = prepare_job(in, day(2025, 5, 2));
  EXPECT_EQ(j.category, "finance");
  EXPECT_EQ(j.category_set_by, "auto");
  in.category.clear();
  Job k = prepare_job(in, day(2025, 5, 2));
  EXPECT_EQ(k.category, "finance");
  EXPECT_EQ(k.category_set_by, "auto");
}

TEST(PrepareJob, DerivedReferenceIsStableAndDistinguishesAdverts) {
  JobInput in = advert();
  Job a = prepare_job(in, day(2025, 5, 2));
  Job b = prepare_job(in, day(2025, 9, 30));  // the same advert seen again later
  EXPECT_FALSE(a.reference.empty());
  EXPECT_EQ(a.reference, b.reference);
  JobInput other_salary = advert();
  other_salary.salary_text = "£46,000 - £50,000";
  EXPECT_NE(prepare_job(other_salary, day(2025, 5, 2)).reference, a.reference);
  JobInput other_employer = advert();
  other_employer.employer = "Eastbury District Council";
  EXPECT_NE(prepare_job(other_employer, day(2025, 5, 2)).reference, a.reference);
  JobInput given = advert();
  given.reference = "ATS-991";
  EXPECT_EQ(prepare_job(given, day(2025, 5, 2)).reference, "ATS-991");
}

TEST(PrepareJob, PostedTimeDefaultsToNowAndStatusToLive) {
  JobInput in = advert();
  in.posted_at = 0;
  in.status.clear();
  Job j = prepare_job(in, day(2025, 5, 2) + 3600);
  EXPECT_EQ(j.posted_at, day(2025, 5, 2) + 3600);
  EXPECT_EQ(j.status, "live");
  EXPECT_FALSE(j.slug.empty());
}

TEST(PrepareJob, ContractAndHoursWordsAreNormalised) {
  EXPECT_EQ(normalise_contract("Fixed Term Contract"), "fixed-term");
  EXPECT_EQ(normalise_contract("Perm"), "permanent");
  EXPECT_EQ(normalise_contract("Permanent"), "permanent");
  EXPECT_EQ(normalise_contract("Temp"), "temporary");
  EXPECT_EQ(normalise_contract("Secondment or fixed term"), "secondment");
  EXPECT_EQ(normalise_contract("Interim"), "interim");
  EXPECT_EQ(normalise_contract("fulltime"), "");
  EXPECT_EQ(normalise_hours("Full Time"), "full-time");
  EXPECT_EQ(normalise_hours("Part-time (18.5 hours)"), "part-time");
  EXPECT_EQ(normalise_hours("Job share"), "flexible");
  EXPECT_EQ(normalise_hours("permanent"), "");
}

}  // namespace
}  // namespace gazette::jobs

// ---- feeds as multiposters send them ---------------------------------------------------------------

namespace gazette::importers {
namespace {

TEST(JobFeedImportReal, LocationAndHtmlDescriptionsAreKeptSanitised) {
  TempDb t;
  auto r = import_job_feed_file(t.db(), fixture("formats/html_descriptions.xml"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.added, 2);
  auto all = jobs_by_title(t.db());
  const auto& parking = all.at("Parking Services Manager");
  EXPECT_EQ(parking.location, "Ashcombe, Westshire");  // <location> when there is no <city>
  EXPECT_EQ(parking.contract, "permanent");
  EXPECT_EQ(parking.hours, "full-time");
  const std::string& html = parking.description_html;
  EXPECT_NE(html.find("<strong>on-street</strong>"), std::string::npos) << html;
  EXPECT_NE(html.find("<li>Manage a team of twelve</li>"), std::string::npos) << html;
  EXPECT_NE(html.find("<a href=\"https://jobs.example.org/ahr-2024-118/pack\" rel=\"nofollow\">candidate pack</a>"),
            std::string::npos)
      << html;
  for (const char* banned : {"<script", "track()", "javascript:", "<img", "onerror", "target=", "<!--"}) {
    EXPECT_EQ(html.find(banned), std::string::npos) << banned << " in " << html;
  }
  // The text is searchable and classifiable: no tags in it.
  EXPECT_NE(parking.description_markdown.find("Manage a team of twelve"), std::string::npos);
  EXPECT_EQ(parking.description_markdown.find('<'), std::string::npos) << parking.description_markdown;
  const auto& trainee = all.at("Trainee Building Control Surveyor");
  EXPECT_EQ(trainee.location, "Ashcombe");  // <city> wins over <location>
  EXPECT_EQ(trainee.description_markdown, "Plain text description: train towards chartered status.");
}

TEST(JobFeedImportReal, BareAmpersandIsRejectedWithItsLine) {
  TempDb t;
  auto r = import_job_feed_file(t.db(), fixture("invalid/bare_ampersand.xml"));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("line 4"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("&amp;"), std::string::npos) << r.error;
  EXPECT_EQ(job_count(t.db()), 0);
  // Entities, character references and '&' inside CDATA are fine.
  const std::string ok =
      "<source><job><title>R&amp;D &#8211; &#x2014; Officer</title><referencenumber>A</referencenumber>"
      "<company>Westbury Borough Council</company><description><![CDATA[Fish & chips]]></description>"
      "<!-- a & b --></job></source>";
  auto good = import_job_feed_text(t.db(), ok, "ok.xml");
  EXPECT_TRUE(good.ok) << good.error;
}

}  // namespace
}  // namespace gazette::importers
