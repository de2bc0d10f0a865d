// CSV/TSV job exports and RSS/Atom job feeds: what reaches the board, item by item, and what is refused.
#include "importers/job_table_importer.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "importers/job_feed_importer.h"
#include "store/job_store.h"
#include "test_support.h"

namespace gazette::importers {
namespace {

using gazette::testing::TempDb;

std::string fixture(const std::string& name) {
  return std::string(GAZETTE_SOURCE_DIR) + "/tests/fixtures/jobs/" + name;
}

std::map<std::string, jobs::Job> jobs_by_title(store::Connection& db) {
  store::JobStore s(db);
  std::map<std::string, jobs::Job> out;
  for (const auto& r : s.index_rows())
    if (auto j = s.by_id(r.id)) out[j->title] = *j;
  return out;
}

TEST(JobTableImport, CsvExportWithKnownHeaders) {
  TempDb t;
  auto r = import_job_table_file(t.db(), fixture("formats/vacancies_export.csv"), {});
  ASSERT_TRUE(r.feed.ok) << r.feed.error;
  EXPECT_EQ(r.feed.added, 3);
  EXPECT_EQ(r.ignored_columns, std::vector<std::string>{"Hiring Manager"});
  auto all = jobs_by_title(t.db());
  const auto& ehO = all.at("Environmental Health Officer");
  EXPECT_EQ(ehO.employer, "Tarnley District Council");
  EXPECT_EQ(ehO.reference, "table:TDC-301");
  EXPECT_EQ(ehO.location, "Tarnley");
  EXPECT_EQ(ehO.contract, "permanent");
  EXPECT_EQ(ehO.hours, "full-time");
  EXPECT_EQ(ehO.closing_date, "2035-06-30");
  EXPECT_EQ(ehO.salary_min, 35412);
  EXPECT_EQ(ehO.salary_max, 38220);
  EXPECT_NE(ehO.description_html.find("<em>investigate</em>"), std::string::npos) << ehO.description_html;
  const auto& apprentice = all.at("Parks Apprentice, Level 2");  // a quoted field with a comma
  EXPECT_EQ(apprentice.contract, "fixed-term");
  EXPECT_EQ(apprentice.closing_date, "2035-07-14");
  EXPECT_NE(apprentice.description_markdown.find("cemeteries"), std::string::npos);  // a quoted newline
  const auto& revenues = all.at("Revenues Assistant");
  EXPECT_EQ(revenues.hours, "part-time");
  EXPECT_TRUE(revenues.salary_pro_rata);
  // Idempotent.
  auto again = import_job_table_file(t.db(), fixture("formats/vacancies_export.csv"), {});
  ASSERT_TRUE(again.feed.ok) << again.feed.error;
  EXPECT_EQ(again.feed.added, 0);
  EXPECT_EQ(again.feed.already_present, 3);
}

TEST(JobTableImport, TsvExport) {
  TempDb t;
  auto r = import_job_table_file(t.db(), fixture("formats/vacancies_export.tsv"), {});
  ASSERT_TRUE(r.feed.ok) << r.feed.error;
  EXPECT_EQ(r.feed.added, 2);
  auto all = jobs_by_title(t.db());
  EXPECT_EQ(all.at("Senior Planner").salary_max, 47420);
  EXPECT_EQ(all.at("Planning Technician").employer, "Millbrook District Council");
}

TEST(JobTableImport, ColumnMappingNamesUnknownHeaders) {
  TempDb t;
  const std::string csv = "Post,Authority,Pay band\nCommittee Clerk,Tarnley District Council,£30000\n";
  auto refused = import_job_table_text(t.db(), csv, ',', {}, "x.csv");
  EXPECT_FALSE(refused.feed.ok);
  EXPECT_NE(refused.feed.error.find("--map"), std::string::npos) << refused.feed.error;
  std::string error;
  auto mapping = parse_column_map("Post=title, Authority=employer,Pay band=salary", error);
  ASSERT_TRUE(mapping) << error;
  auto r = import_job_table_text(t.db(), csv, ',', *mapping, "x.csv");
  ASSERT_TRUE(r.feed.ok) << r.feed.error;
  EXPECT_EQ(jobs_by_title(t.db()).at("Committee Clerk").salary_min, 30000);
  EXPECT_FALSE(parse_column_map("Post=headline", error));
  EXPECT_NE(error.find("title"), std::string::npos);
  EXPECT_FALSE(parse_column_map("Post", error));
}

TEST(JobTableImport, BadRowsRejectTheWholeFileWithTheirLine) {
  TempDb t;
  const std::string header = "Title,Employer,Closing date\n";
  struct Bad {
    std::string body;
    std::string line;
  } cases[] = {
      {"Clerk,Tarnley District Council,01/01/2035\nClerk two,Tarnley District Council\n", "line 3"},
      {"Clerk,Tarnley District Council,someday\n", "line 2"},
      {",Tarnley District Council,01/01/2035\n", "line 2"},
      {"Clerk,\"Tarnley District Council,01/01/2035\n", "line 2"},
  };
  for (const auto& c : cases) {
    auto r = import_job_table_text(t.db(), header + c.body, ',', {}, "bad.csv");
    EXPECT_FALSE(r.feed.ok) << c.body;
    EXPECT_NE(r.feed.error.find(c.line), std::string::npos) << r.feed.error;
  }
  EXPECT_EQ(store::JobStore(t.db()).count(), 0);
}

TEST(JobSyndicationImport, RssItemsAreAdverts) {
  TempDb t;
  auto r = import_job_feed_file(t.db(), fixture("formats/vacancies_rss.xml"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.added, 2);
  auto all = jobs_by_title(t.db());
  const auto& inspector = all.at("Highways Inspector");
  EXPECT_EQ(inspector.employer, "Westshire County Council");
  EXPECT_EQ(inspector.location, "Kingsbridge");
  EXPECT_EQ(inspector.salary_max, 35745);
  EXPECT_EQ(inspector.apply_url, "https://jobs.example.org/v/881");
  EXPECT_EQ(inspector.description_html, "<p>Inspect the county's roads and footways.</p>");
  EXPECT_EQ(all.at("Library Assistant").employer, "Westshire County Council");  // dc:creator
}

TEST(JobSyndicationImport, AtomEntriesAreAdverts) {
  TempDb t;
  auto r = import_job_feed_file(t.db(), fixture("formats/vacancies_atom.xml"));
  ASSERT_TRUE(r.ok) << r.error;
  auto all = jobs_by_title(t.db());
  const auto& officer = all.at("Electoral Services Officer");
  EXPECT_EQ(officer.employer, "Millbrook District Council");
  EXPECT_EQ(officer.apply_url, "https://jobs.example.org/m/77");
  EXPECT_EQ(officer.description_html, "<p>Run polling stations and the annual canvass.</p>");
}

TEST(JobSyndicationImport, ItemWithoutEmployerIsRefusedWithItsLine) {
  TempDb t;
  const std::string rss =
      "<rss><channel>\n<item><title>A</title><dc:creator>X Council</dc:creator></item>\n"
      "<item><title>B</title></item>\n</channel></rss>";
  auto r = import_job_feed_text(t.db(), rss, "rss.xml");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("line 3"), std::string::npos) << r.error;
  EXPECT_EQ(store::JobStore(t.db()).count(), 0);
}

}  // namespace
}  // namespace gazette::importers
