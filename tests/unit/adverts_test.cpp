// jobs/adverts.h and importers/job_writer.h: the rules of adverts from recruiters, against a real
// migrated database: moderation by trust, an editor's category that stands, the audit log and the
// change log, and importers dropping application addresses that are not http(s) or email.
#include <gtest/gtest.h>

#include "accounts/accounts.h"
#include "importers/job_writer.h"
#include "jobs/adverts.h"
#include "store/advert_store.h"
#include "store/audit_store.h"
#include "store/change_store.h"
#include "store/job_store.h"
#include "test_support.h"

namespace gazette::jobs {
namespace {

using gazette::testing::TempDb;

constexpr std::int64_t kNow = 1'780'000'000;  // 2026-05-28

AdvertFields good(const std::string& title) {
  AdvertFields f;
  f.title = title;
  f.location = "Barchester";
  f.salary_text = "£38,000 - £42,000 a year";
  f.closing_date = "2026-06-30";
  f.description = "Lead the local plan team.";
  f.apply_url = "https://careers.example.org/apply";
  return f;
}

struct People {
  accounts::User editor, recruiter;
  std::int64_t org = 0;
};

People setup(store::Connection& db, bool trusted) {
  People p;
  store::Transaction tx(db);
  p.editor.id = accounts::add_user(db, "ed@example.org", "Ed", accounts::Role::editor, "a long passphrase here", kNow);
  p.editor.email = "ed@example.org";
  p.editor.role = accounts::Role::editor;
  p.recruiter.id =
      accounts::add_user(db, "rec@example.org", "Rec", accounts::Role::recruiter, "a long passphrase here", kNow);
  p.recruiter.email = "rec@example.org";
  p.recruiter.role = accounts::Role::recruiter;
  p.org = accounts::add_organisation(db, p.editor, "Barchester District Council", kNow);
  accounts::set_trusted(db, p.editor, p.org, trusted, kNow);
  EXPECT_EQ(accounts::set_organisation(db, p.editor, p.recruiter.id, p.org, kNow), "");
  tx.commit();
  return p;
}

std::string status_of(store::Connection& db, std::int64_t id) {
  auto j = store::JobStore(db).by_id(id);
  auto s = store::AdvertStore(db).state(id);
  return j && s ? advert_status(*j, *s) : "";
}

TEST(Adverts, AnUntrustedOrganisationsAdvertWaitsThenGoesLive) {
  TempDb t;
  auto p = setup(t.db(), false);
  const std::int64_t before = store::ChangeStore(t.db()).last_seq();
  auto saved = create_advert(t.db(), p.recruiter, p.org, good("Planning officer"), kNow);
  ASSERT_EQ(saved.status, AdvertSave::Status::saved);
  EXPECT_EQ(status_of(t.db(), saved.id), "pending");
  EXPECT_EQ(store::JobStore(t.db()).by_id(saved.id)->status, "draft") << "hidden from every public query";
  EXPECT_EQ(change_advert(t.db(), p.recruiter, saved.id, "approve", "", kNow), "Only editors approve adverts.");
  EXPECT_EQ(change_advert(t.db(), p.editor, saved.id, "approve", "", kNow), "");
  EXPECT_EQ(status_of(t.db(), saved.id), "live");
  EXPECT_GT(store::ChangeStore(t.db()).last_seq(), before + 1) << "each write names the advert in the change log";
  EXPECT_EQ(change_advert(t.db(), p.recruiter, saved.id, "close", "", kNow), "");
  EXPECT_EQ(status_of(t.db(), saved.id), "closed");
  auto edit = edit_advert(t.db(), p.recruiter, saved.id, good("Planning officer"), kNow);
  EXPECT_EQ(edit.status, AdvertSave::Status::refused);
}

TEST(Adverts, ATrustedOrganisationGoesLiveAndAnEditorsCategoryStands) {
  TempDb t;
  auto p = setup(t.db(), true);
  auto saved = create_advert(t.db(), p.recruiter, p.org, good("Accountant"), kNow);
  ASSERT_EQ(saved.status, AdvertSave::Status::saved);
  EXPECT_EQ(status_of(t.db(), saved.id), "live");
  EXPECT_EQ(set_advert_category(t.db(), p.editor, saved.id, "housing", kNow), "");
  auto f = good("Accountant");
  f.category = "finance";
  ASSERT_EQ(edit_advert(t.db(), p.recruiter, saved.id, f, kNow).status, AdvertSave::Status::saved);
  auto j = store::JobStore(t.db()).by_id(saved.id);
  EXPECT_EQ(j->category, "housing");
  EXPECT_EQ(j->category_set_by, "editor");
  EXPECT_GE(store::AuditStore(t.db()).count(), 3);
}

TEST(Adverts, BlockingProblemsSaveNothingAndOthersSeeNothing) {
  TempDb t;
  auto p = setup(t.db(), true);
  auto f = good("Planner");
  f.apply_url.clear();
  auto saved = create_advert(t.db(), p.recruiter, p.org, f, kNow);
  EXPECT_EQ(saved.status, AdvertSave::Status::invalid);
  EXPECT_EQ(store::JobStore(t.db()).count(), 0);
  accounts::User stranger = p.recruiter;
  stranger.id = 999;
  EXPECT_FALSE(may_see(stranger, 0, p.org));
  EXPECT_FALSE(may_see(stranger, p.org + 1, p.org));
  EXPECT_TRUE(may_see(p.recruiter, p.org, p.org));
  EXPECT_TRUE(may_see(p.editor, 0, p.org));
}

TEST(JobWriter, DropsApplicationAddressesThatAreNotWebOrEmail) {
  TempDb t;
  JobInput in;
  in.title = "Imported planner";
  in.employer = "Somewhere Council";
  in.apply_url = "javascript:alert(1)";
  in.apply_email = "not an email";
  {
    store::Transaction tx(t.db());
    importers::save_job(t.db(), in, kNow);
    in.title = "Imported surveyor";
    in.apply_url = "https://jobs.example.org/1";
    in.apply_email = "jobs@example.org";
    importers::save_job(t.db(), in, kNow);
    tx.commit();
  }
  auto first = store::JobStore(t.db()).by_id(1);
  auto second = store::JobStore(t.db()).by_id(2);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->apply_url, "");
  EXPECT_EQ(first->apply_email, "");
  EXPECT_EQ(second->apply_url, "https://jobs.example.org/1");
  EXPECT_EQ(second->apply_email, "jobs@example.org");
}

}  // namespace
}  // namespace gazette::jobs
