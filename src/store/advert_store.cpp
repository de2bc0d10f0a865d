#include "store/advert_store.h"

#include "content/text.h"
#include "store/change_store.h"

namespace gazette::store {
namespace {

Organisation organisation_of_row(const Row& r) {
  return {r.int64(0), r.text(1), r.text(2), r.int64(3) != 0, r.int64(4)};
}

AdvertLine line_of(const Row& r) {
  return {r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.int64(5), r.text(6), r.text(7)};
}

Value optional_real(const std::optional<double>& v) {
  return v ? Value{*v} : Value{nullptr};
}

}  // namespace

std::vector<Organisation> AdvertStore::organisations() {
  std::vector<Organisation> out;
  db_.query("organisations_all", {}, [&](const Row& r) { out.push_back(organisation_of_row(r)); });
  return out;
}

std::optional<Organisation> AdvertStore::organisation(std::int64_t id) {
  std::optional<Organisation> out;
  db_.query("organisation_by_id", {id}, [&](const Row& r) { out = organisation_of_row(r); });
  return out;
}

std::int64_t AdvertStore::add_organisation(const std::string& name, std::int64_t council_id) {
  const std::string slug = content::slugify(name);
  std::int64_t id = 0;
  db_.query("employer_by_slug", {slug}, [&](const Row& r) { id = r.int64(0); });
  if (id == 0) id = db_.scalar("employer_insert", {name, slug, council_id});
  db_.exec("organisation_mark", {id});
  return id;
}

bool AdvertStore::set_trusted(std::int64_t id, bool trusted) {
  return db_.exec("organisation_set_trusted", {id, std::int64_t{trusted}}) > 0;
}

std::int64_t AdvertStore::organisation_of(std::int64_t user_id) {
  return db_.scalar("user_organisation", {user_id}, 0);
}

void AdvertStore::set_organisation_of(std::int64_t user_id, std::int64_t organisation_id) {
  db_.exec("user_set_organisation", {user_id, organisation_id});
}

std::vector<std::pair<std::int64_t, std::int64_t>> AdvertStore::user_organisations() {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  db_.query("users_organisations", {}, [&](const Row& r) {
    if (r.int64(1) != 0) out.emplace_back(r.int64(0), r.int64(1));
  });
  return out;
}

void AdvertStore::set_invitation_organisation(const std::string& token_hash, std::int64_t organisation_id) {
  db_.exec("invitation_set_organisation", {token_hash, organisation_id});
}

std::int64_t AdvertStore::invitation_organisation(const std::string& token_hash) {
  return db_.scalar("invitation_organisation", {token_hash}, 0);
}

std::optional<AdvertState> AdvertStore::state(std::int64_t job_id) {
  std::optional<AdvertState> out;
  db_.query("advert_state", {job_id}, [&](const Row& r) {
    out = AdvertState{r.text(0), r.text(1), r.int64(2), r.text(3)};
  });
  return out;
}

void AdvertStore::set_posted(std::int64_t job_id, std::int64_t user_id, const std::string& moderation) {
  db_.exec("advert_set_posted", {job_id, user_id, moderation});
}

void AdvertStore::update(const jobs::Job& j, const std::string& moderation, const std::string& rejection_reason) {
  db_.exec("advert_update", {j.id,
                             j.slug,
                             j.title,
                             j.location,
                             j.region,
                             j.salary_text,
                             std::int64_t{j.salary_parsed},
                             optional_real(j.salary_min),
                             optional_real(j.salary_max),
                             j.salary_currency,
                             j.salary_period,
                             std::int64_t{j.salary_pro_rata},
                             optional_real(j.annual_min),
                             optional_real(j.annual_max),
                             j.contract,
                             j.hours,
                             j.category,
                             j.category_set_by,
                             j.closing_date,
                             j.closes_at ? Value{*j.closes_at} : Value{nullptr},
                             j.description_markdown,
                             j.description_html,
                             j.apply_url,
                             j.apply_email,
                             j.employer_reference,
                             j.status,
                             moderation,
                             rejection_reason,
                             j.updated_at});
  changed(j.id, j.updated_at);
}

void AdvertStore::set_state(std::int64_t job_id, const std::string& status, const std::string& moderation,
                            const std::string& rejection_reason, std::int64_t now) {
  db_.exec("advert_set_state", {job_id, status, moderation, rejection_reason, now});
  changed(job_id, now);
}

void AdvertStore::set_category(std::int64_t job_id, const std::string& category, std::int64_t now) {
  db_.exec("advert_set_category", {job_id, category, now});
  changed(job_id, now);
}

void AdvertStore::changed(std::int64_t job_id, std::int64_t now) {
  // As for a new advert: an advert going live (approved, or edited into a new category) may join the
  // latest-jobs and council boxes, and one leaving them is named by the boxes that showed it.
  ChangeStore changes(db_);
  changes.record(changes.job_names(job_id, true), now);
}

std::vector<AdvertLine> AdvertStore::of_employer(std::int64_t employer_id, int limit, int offset) {
  std::vector<AdvertLine> out;
  db_.query("adverts_of_employer", {employer_id, std::int64_t{limit}, std::int64_t{offset}},
            [&](const Row& r) { out.push_back(line_of(r)); });
  return out;
}

std::vector<AdvertLine> AdvertStore::pending(int limit) {
  std::vector<AdvertLine> out;
  db_.query("adverts_pending", {std::int64_t{limit}}, [&](const Row& r) { out.push_back(line_of(r)); });
  return out;
}

std::vector<AdvertLine> AdvertStore::from_newsroom(int limit, int offset) {
  std::vector<AdvertLine> out;
  db_.query("adverts_from_newsroom", {std::int64_t{limit}, std::int64_t{offset}},
            [&](const Row& r) { out.push_back(line_of(r)); });
  return out;
}

}  // namespace gazette::store
