// The rules of writing an article by hand (content/editing.h): what the editor's form may hold, when an
// edit changes the publication time, and saving with councils detected.
#include "content/editing.h"

#include <gtest/gtest.h>

#include "councils/tagging.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "test_support.h"

namespace gazette::content {
namespace {

constexpr std::int64_t kNow = 1'750'000'000;  // 2025-06-15T15:06:40Z

ArticleForm valid_form() {
  ArticleForm f;
  f.headline = "  Harrogate reopens its library  ";
  f.standfirst = "After two years of repairs.";
  f.body = "The building reopens on Monday.";
  f.byline = "Ann Lee, Bo Chan, Ann Lee, ";
  f.tags = "libraries";
  f.section = "News";
  f.status = "published";
  return f;
}

const std::vector<std::string> kSections = {"News", "Comment"};

TEST(ArticleForm, AcceptsAValidFormTrimmingTheHeadlineAndDroppingRepeatedNames) {
  ArticleInput in;
  EXPECT_EQ(check_article_form(valid_form(), kSections, kNow, in), "");
  EXPECT_EQ(in.headline, "Harrogate reopens its library");
  EXPECT_EQ(in.authors, (std::vector<std::string>{"Ann Lee", "Bo Chan"}));
  EXPECT_EQ(in.published_at, 0);  // blank: now for a new article, unchanged for an edit
}

TEST(ArticleForm, RefusesEachBrokenFieldWithAReasonForTheEditor) {
  auto refused = [](auto change) {
    ArticleForm f = valid_form();
    change(f);
    ArticleInput in;
    return check_article_form(f, kSections, kNow, in);
  };
  EXPECT_EQ(refused([](ArticleForm& f) { f.headline = " "; }), "The headline cannot be empty.");
  EXPECT_EQ(refused([](ArticleForm& f) { f.headline = std::string(301, 'x'); }),
            "The headline is longer than 300 characters.");
  // 300 characters of two bytes each is still 300 characters.
  std::string accented;
  for (int i = 0; i < 300; ++i) accented += "\xC3\xA9";
  EXPECT_EQ(refused([&](ArticleForm& f) { f.headline = accented; }), "");
  EXPECT_EQ(refused([](ArticleForm& f) { f.headline = "Two\nlines"; }), "The headline must be one line.");
  EXPECT_EQ(refused([](ArticleForm& f) { f.section = "Sport"; }), "Choose one of the sections listed.");
  EXPECT_EQ(refused([](ArticleForm& f) { f.status = "live"; }), "Choose a status: published, scheduled or draft.");
  EXPECT_EQ(refused([](ArticleForm& f) { f.published = "2025-02-31T09:00"; }),
            "The publication time must be a date and time such as 2025-03-04T09:30.");
  EXPECT_EQ(refused([](ArticleForm& f) {
              f.status = "scheduled";
              f.published = "2025-06-01T09:00";
            }),
            "A scheduled article needs a publication time in the future.");
}

TEST(ArticleForm, FormTimesRoundTripAndRejectNonsense) {
  EXPECT_EQ(parse_form_time("2025-03-04T09:30"), 1741080600);
  EXPECT_EQ(parse_form_time("2025-03-04 09:30:15"), 1741080615);
  EXPECT_EQ(form_time(1741080615), "2025-03-04T09:30");
  EXPECT_FALSE(parse_form_time("2025-03-04"));
  EXPECT_FALSE(parse_form_time("2025-03-04T25:00"));
  EXPECT_FALSE(parse_form_time("2025-03-04T09:30junk"));
}

TEST(PublicationTime, PublishingADraftDatesItNowUnlessTheSameSaveSetATime) {
  Article draft;
  draft.status = Status::draft;
  draft.published_at = 1'700'000'042;  // seconds the form cannot show
  ArticleInput in;
  in.status = Status::published;
  in.published_at = 0;
  EXPECT_EQ(publication_time_on_save(draft, in, kNow), kNow);
  in.published_at = 1'700'000'040;  // the stored time sent back unchanged: whole minutes
  EXPECT_EQ(publication_time_on_save(draft, in, kNow), kNow);
  in.published_at = 1'600'000'000;  // the editor chose a time
  EXPECT_EQ(publication_time_on_save(draft, in, kNow), 1'600'000'000);
  // An edit of a published article keeps the time the form sent.
  Article live = draft;
  live.status = Status::published;
  in.published_at = 1'700'000'040;
  EXPECT_EQ(publication_time_on_save(live, in, kNow), 1'700'000'040);
}

TEST(SaveArticle, CreatesWithCouncilsThenRefusesTheSameHeadlineTheSameDay) {
  testing::TempDb t;
  councils::sync_builtin_register(t.db());
  ArticleInput in;
  ArticleForm f = valid_form();
  f.body = "Stockport Metropolitan Borough Council approved the plan.";
  ASSERT_EQ(check_article_form(f, kSections, kNow, in), "");
  auto first = save_article(t.db(), std::nullopt, in, kNow);
  ASSERT_EQ(first.status, SaveStatus::saved);
  auto stored = store::ContentStore(t.db()).article_by_id(first.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->published_at, kNow);
  EXPECT_EQ(store::CouncilStore(t.db()).for_article(first.id).size(), 1u);
  EXPECT_EQ(save_article(t.db(), std::nullopt, in, kNow).status, SaveStatus::duplicate);
  EXPECT_EQ(save_article(t.db(), 999, in, kNow).status, SaveStatus::not_found);
}

TEST(SaveArticle, AnEditRetagsCouncilsFromTheNewText) {
  testing::TempDb t;
  councils::sync_builtin_register(t.db());
  ArticleInput in;
  ArticleForm f = valid_form();
  f.body = "Stockport Metropolitan Borough Council approved the plan.";
  ASSERT_EQ(check_article_form(f, kSections, kNow, in), "");
  const auto id = save_article(t.db(), std::nullopt, in, kNow).id;
  f.body = "No council is named here any more.";
  ASSERT_EQ(check_article_form(f, kSections, kNow, in), "");
  EXPECT_EQ(save_article(t.db(), id, in, kNow + 60).status, SaveStatus::saved);
  EXPECT_TRUE(store::CouncilStore(t.db()).for_article(id).empty());
}

}  // namespace
}  // namespace gazette::content
