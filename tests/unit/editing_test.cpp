// The rules of writing an article by hand (content/editing.h): what the editor's form may hold, when an
// edit changes the publication time, and saving with councils detected.
#include "content/editing.h"

#include <gtest/gtest.h>

#include "accounts/accounts.h"
#include "content/diff.h"
#include "content/site_time.h"
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
const ChangedBy kBy{0, "Ann Lee", ""};

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
            "The publication time must be a date and time such as 2025-03-04T09:30 that exists in UTC (the hour "
            "the clocks go forward does not).");
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
  EXPECT_EQ(publication_time_on_save(live, in, kNow), 1'700'000'042) << "the stored seconds are kept";
}

TEST(SaveArticle, CreatesWithCouncilsThenRefusesTheSameHeadlineTheSameDay) {
  testing::TempDb t;
  councils::sync_builtin_register(t.db());
  ArticleInput in;
  ArticleForm f = valid_form();
  f.body = "Stockport Metropolitan Borough Council approved the plan.";
  ASSERT_EQ(check_article_form(f, kSections, kNow, in), "");
  auto first = save_article(t.db(), std::nullopt, in, kBy, {}, kNow);
  ASSERT_EQ(first.status, SaveStatus::saved);
  auto stored = store::ContentStore(t.db()).article_by_id(first.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->published_at, kNow);
  EXPECT_EQ(store::CouncilStore(t.db()).for_article(first.id).size(), 1u);
  EXPECT_EQ(save_article(t.db(), std::nullopt, in, kBy, {}, kNow).status, SaveStatus::duplicate);
  EXPECT_EQ(save_article(t.db(), 999, in, kBy, {}, kNow).status, SaveStatus::not_found);
}

TEST(SaveArticle, AnEditRetagsCouncilsFromTheNewText) {
  testing::TempDb t;
  councils::sync_builtin_register(t.db());
  ArticleInput in;
  ArticleForm f = valid_form();
  f.body = "Stockport Metropolitan Borough Council approved the plan.";
  ASSERT_EQ(check_article_form(f, kSections, kNow, in), "");
  const auto id = save_article(t.db(), std::nullopt, in, kBy, {}, kNow).id;
  f.body = "No council is named here any more.";
  ASSERT_EQ(check_article_form(f, kSections, kNow, in), "");
  EXPECT_EQ(save_article(t.db(), id, in, kBy, {}, kNow + 60).status, SaveStatus::saved);
  EXPECT_TRUE(store::CouncilStore(t.db()).for_article(id).empty());
}

TEST(SaveArticle, EverySaveKeepsARevisionAndASaveOverANewerVersionIsRefused) {
  testing::TempDb t;
  councils::sync_builtin_register(t.db());
  ArticleInput in;
  ASSERT_EQ(check_article_form(valid_form(), kSections, kNow, in), "");
  const auto id = save_article(t.db(), std::nullopt, in, kBy, {}, kNow).id;
  store::ContentStore content(t.db());
  EXPECT_EQ(content.article_by_id(id)->version, 1);
  ASSERT_EQ(content.revisions(id, 10).size(), 1u);

  // Two editors open version 1; the first saves, the second is refused with the newer text.
  EditOptions opt;
  opt.expected_version = 1;
  ArticleInput first = in;
  first.body_markdown = "First editor's text.";
  EXPECT_EQ(save_article(t.db(), id, first, ChangedBy{0, "Bo Chan", ""}, opt, kNow + 60).status, SaveStatus::saved);
  ArticleInput second = in;
  second.body_markdown = "Second editor's text.";
  auto refused = save_article(t.db(), id, second, kBy, opt, kNow + 120);
  ASSERT_EQ(refused.status, SaveStatus::conflict);
  ASSERT_TRUE(refused.current);
  EXPECT_EQ(refused.current->body_markdown, "First editor's text.");
  EXPECT_EQ(refused.current->version, 2);
  EXPECT_EQ(content.article_by_id(id)->body_markdown, "First editor's text.") << "nothing of the refused save stored";

  auto revisions = content.revisions(id, 10);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].version, 2);
  EXPECT_EQ(revisions[0].saved_by, "Bo Chan");
  EXPECT_EQ(revisions[0].body_markdown, "First editor's text.");
  EXPECT_EQ(revisions[1].body_markdown, "The building reopens on Monday.");
}

TEST(SaveArticle, OnlyASignificantUpdateSetsTheUpdatedTimeReadersSee) {
  testing::TempDb t;
  councils::sync_builtin_register(t.db());
  ArticleInput in;
  ASSERT_EQ(check_article_form(valid_form(), kSections, kNow, in), "");
  const auto id = save_article(t.db(), std::nullopt, in, kBy, {}, kNow).id;
  store::ContentStore content(t.db());
  in.body_markdown = "A typo fixed.";
  ASSERT_EQ(save_article(t.db(), id, in, kBy, {}, kNow + 60).status, SaveStatus::saved);
  EXPECT_EQ(content.article_by_id(id)->revised_at, 0);
  EXPECT_EQ(content.article_by_id(id)->published_at, kNow) << "an edit keeps the publication time";
  EditOptions significant;
  significant.significant = true;
  in.body_markdown = "New figures added.";
  ASSERT_EQ(save_article(t.db(), id, in, kBy, significant, kNow + 120).status, SaveStatus::saved);
  EXPECT_EQ(content.article_by_id(id)->revised_at, kNow + 120);
  EXPECT_EQ(content.article_by_id(id)->published_at, kNow);
}

TEST(ArticleService, ImportedTextBecomesTheFirstRevisionWhenFirstEdited) {
  testing::TempDb t;
  councils::sync_builtin_register(t.db());
  ArticleInput in;
  ASSERT_EQ(check_article_form(valid_form(), kSections, kNow, in), "");
  in.published_at = kNow;
  store::Transaction tx(t.db());
  ArticleService service(t.db());
  auto created = service.create(in, kNow);
  ASSERT_EQ(created.status, WriteStatus::saved);
  EXPECT_EQ(service.create(in, kNow).status, WriteStatus::already_present);
  store::ContentStore content(t.db());
  EXPECT_TRUE(content.revisions(created.id, 10).empty()) << "imports keep no copy of their text";
  in.body_markdown = "Edited.";
  ASSERT_EQ(service.edit(created.id, in, kBy, {}, kNow + 5).status, WriteStatus::saved);
  auto revisions = content.revisions(created.id, 10);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[1].saved_by, "import");
  EXPECT_EQ(revisions[1].body_markdown, "The building reopens on Monday.");
  tx.commit();
}

TEST(Diff, ShowsRemovedAndAddedLinesBetweenKeptOnes) {
  auto d = diff_lines("one\ntwo\nthree\nfour", "one\n2\nthree\nfour\nfive");
  std::string shown;
  for (const auto& l : d)
    shown += std::string(l.kind == DiffLine::added ? "+" : l.kind == DiffLine::removed ? "-" : " ") + l.text + "|";
  EXPECT_EQ(shown, " one|-two|+2| three| four|+five|");
  EXPECT_TRUE(diff_lines("", "").empty());
  EXPECT_EQ(diff_lines("", "new").size(), 1u);
}

TEST(SiteTime, TimesAreShownAndTypedInTheSiteZoneAcrossTheClockChanges) {
  ASSERT_TRUE(set_site_zone("Europe/London"));
  EXPECT_FALSE(set_site_zone("Europe/Nowhere"));
  EXPECT_FALSE(set_site_zone("../etc/passwd"));
  EXPECT_EQ(site_zone(), "Europe/London");
  // Summer: 09:30 in London is 08:30 UTC.
  EXPECT_EQ(parse_form_time("2025-07-01T09:30"), 1751358600);
  EXPECT_EQ(form_time(1751358600), "2025-07-01T09:30");
  EXPECT_EQ(format_local_time(1751358600), "1 July 2025, 09:30 BST");
  // Winter: London is UTC.
  EXPECT_EQ(parse_form_time("2025-01-15T09:30"), 1736933400);
  EXPECT_EQ(format_local_time(1736933400), "15 January 2025, 09:30 GMT");
  // 30 March 2025: 01:30 never happened in London; 26 October 2025: 01:30 happened twice (the first).
  EXPECT_FALSE(parse_form_time("2025-03-30T01:30"));
  EXPECT_EQ(parse_form_time("2025-10-26T01:30"), 1761438600);  // 00:30 UTC, still BST
  // A day near midnight: 23:30 UTC on 30 June is 1 July in London.
  EXPECT_EQ(format_local_date(1751326200), "1 July 2025");
  ASSERT_TRUE(set_site_zone("UTC"));
  EXPECT_EQ(form_time(1751358600), "2025-07-01T08:30");
}

TEST(Roles, TheNewsroomPolicyTable) {
  using accounts::Action;
  using accounts::Role;
  for (auto a : {Action::list_articles, Action::write_article, Action::edit_any, Action::publish,
                 Action::delete_article, Action::view_audit, Action::manage_people}) {
    EXPECT_TRUE(accounts::allowed(Role::owner, a));
    EXPECT_EQ(accounts::allowed(Role::editor, a), a != Action::manage_people);
    EXPECT_EQ(accounts::allowed(Role::writer, a), a == Action::list_articles || a == Action::write_article);
    EXPECT_FALSE(accounts::allowed(Role::recruiter, a));
  }
  accounts::User writer{7, "w@example.org", "W", Role::writer, false};
  EXPECT_TRUE(accounts::may_edit_article(writer, 7, true));
  EXPECT_FALSE(accounts::may_edit_article(writer, 7, false)) << "not once published";
  EXPECT_FALSE(accounts::may_edit_article(writer, 8, true)) << "not another writer's";
  accounts::User editor{9, "e@example.org", "E", Role::editor, false};
  EXPECT_TRUE(accounts::may_edit_article(editor, 8, false));
}

}  // namespace
}  // namespace gazette::content
