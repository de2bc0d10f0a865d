#include "store/job_store.h"

#include <unordered_map>

#include "store/text_match.h"

#include "content/text.h"
#include "store/article_rows.h"
#include "store/change_store.h"

namespace gazette::store {
namespace {

Value optional_real(const std::optional<double>& v) {
  return v ? Value{*v} : Value{nullptr};
}

std::optional<double> real_or_null(const Row& r, int col) {
  return r.is_null(col) ? std::nullopt : std::optional<double>(r.real(col));
}

}  // namespace

std::int64_t JobStore::employer_id(const std::string& name, std::int64_t council_id) {
  std::string slug = content::slugify(name.empty() ? "unknown employer" : name);
  if (auto e = employer_by_slug(slug)) return e->id;
  if (auto id =
          db_.scalar("employer_insert", {name.empty() ? std::string("Unknown employer") : name, slug, council_id}))
    return id;
  auto e = employer_by_slug(slug);  // added by another writer a moment ago
  return e ? e->id : 0;
}

SaveOutcome JobStore::save(const jobs::Job& j, std::int64_t council_id) {
  last_saved_id_ = db_.scalar("job_id_by_reference", {j.reference}, 0);
  if (last_saved_id_) return SaveOutcome::already_present;
  const std::int64_t employer = employer_id(j.employer, council_id);
  last_saved_id_ = db_.scalar("job_insert", {j.reference,
                                             j.slug,
                                             j.title,
                                             employer,
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
                                             j.posted_at,
                                             j.description_markdown,
                                             j.description_html,
                                             j.apply_url,
                                             j.apply_email,
                                             j.employer_reference,
                                             j.status,
                                             std::int64_t{j.featured},
                                             j.source,
                                             j.updated_at});
  if (last_saved_id_ == 0) {
    // Another importer saved the same advert a moment ago (PostgreSQL: ON CONFLICT DO NOTHING).
    last_saved_id_ = db_.scalar("job_id_by_reference", {j.reference}, 0);
    return SaveOutcome::already_present;
  }
  ChangeStore changes(db_);
  changes.record(changes.job_names(last_saved_id_, true), j.updated_at > 0 ? j.updated_at : j.posted_at);
  return SaveOutcome::added;
}

namespace {

// The columns of job_by_id and jobs_by_ids.
jobs::Job job_row(const Row& r) {
  jobs::Job j;
  j.id = r.int64(0);
  j.reference = r.text(1);
  j.slug = r.text(2);
  j.title = r.text(3);
  j.employer_id = r.int64(4);
  j.employer = r.text(5);
  j.employer_slug = r.text(6);
  j.council_id = r.int64(7);
  j.council_slug = r.text(8);
  j.council_name = r.text(9);
  j.location = r.text(10);
  j.region = r.text(11);
  j.salary_text = r.text(12);
  j.salary_parsed = r.int64(13) != 0;
  j.salary_min = real_or_null(r, 14);
  j.salary_max = real_or_null(r, 15);
  j.salary_currency = r.text(16);
  j.salary_period = r.text(17);
  j.salary_pro_rata = r.int64(18) != 0;
  j.annual_min = real_or_null(r, 19);
  j.annual_max = real_or_null(r, 20);
  j.contract = r.text(21);
  j.hours = r.text(22);
  j.category = r.text(23);
  j.category_set_by = r.text(24);
  j.closing_date = r.text(25);
  if (!r.is_null(26)) j.closes_at = r.int64(26);
  j.posted_at = r.int64(27);
  j.description_markdown = r.text(28);
  j.description_html = r.text(29);
  j.apply_url = r.text(30);
  j.apply_email = r.text(31);
  j.employer_reference = r.text(32);
  j.status = r.text(33);
  j.featured = r.int64(34) != 0;
  j.updated_at = r.int64(35);
  return j;
}

}  // namespace

std::optional<jobs::Job> JobStore::by_id(std::int64_t id) {
  std::optional<jobs::Job> out;
  db_.query("job_by_id", {id}, [&](const Row& r) { out = job_row(r); });
  return out;
}

std::vector<jobs::Job> JobStore::by_ids(const std::vector<std::int64_t>& ids) {
  std::vector<jobs::Job> out;
  if (ids.empty()) return out;
  const std::string list = id_list(ids);
  std::unordered_map<std::int64_t, jobs::Job> found;
  db_.query("jobs_by_ids", {list}, [&](const Row& r) {
    jobs::Job j = job_row(r);
    const std::int64_t id = j.id;
    found.emplace(id, std::move(j));
  });
  for (std::int64_t id : ids)
    if (auto it = found.find(id); it != found.end()) out.push_back(it->second);
  return out;
}

std::optional<Employer> JobStore::employer_by_slug(const std::string& slug) {
  std::optional<Employer> out;
  db_.query("employer_by_slug", {slug}, [&](const Row& r) {
    out = Employer{r.int64(0), r.text(1), r.text(2), r.is_null(3) ? 0 : r.int64(3), r.text(4), r.text(5)};
  });
  return out;
}

std::vector<JobIndexRow> JobStore::index_rows() {
  std::vector<JobIndexRow> out;
  db_.query("job_index_rows", {}, [&](const Row& r) {
    JobIndexRow j;
    j.id = r.int64(0);
    j.employer_id = r.int64(1);
    j.council_id = r.int64(2);
    j.region = r.text(3);
    j.category = r.text(4);
    j.contract = r.text(5);
    j.hours = r.text(6);
    j.annual_min = r.is_null(7) ? -1 : r.real(7);
    j.annual_max = r.is_null(8) ? -1 : r.real(8);
    j.posted_at = r.int64(9);
    j.closes_at = r.is_null(10) ? 0 : r.int64(10);
    j.status = r.text(11);
    j.featured = r.int64(12) != 0;
    out.push_back(std::move(j));
  });
  return out;
}

std::vector<std::int64_t> JobStore::keyword_ids(const TextQuery& text, int limit, bool ranked, std::int64_t now) {
  std::vector<std::int64_t> out;
  const std::string fts = text_match(db_, text);
  auto add = [&](const Row& r) { out.push_back(r.int64(0)); };
  if (ranked)
    db_.query("job_fts_ids_ranked_live", {fts, std::int64_t{limit}, now}, add);
  else
    db_.query("job_fts_ids", {fts, std::int64_t{limit}}, add);
  return out;
}

std::int64_t JobStore::count() {
  return db_.scalar("job_count", {});
}

std::int64_t JobStore::live_count(std::int64_t now) {
  return db_.scalar("job_live_count", {now}, 0);
}

std::int64_t JobStore::next_closing(std::int64_t now) {
  return db_.scalar("next_job_closing", {now}, 0);
}

bool JobStore::close(std::int64_t id, std::int64_t now) {
  if (db_.exec("job_close", {id, now}) == 0) return false;
  ChangeStore changes(db_);
  changes.record(changes.job_names(id, false), now);
  return true;
}

std::vector<std::int64_t> JobStore::closing_between(std::int64_t after, std::int64_t until) {
  std::vector<std::int64_t> out;
  db_.query("jobs_closing_between", {after, until}, [&](const Row& r) { out.push_back(r.int64(0)); });
  return out;
}

std::vector<JobStore::SitemapJob> JobStore::live_for_sitemap(std::int64_t now, int limit, int offset) {
  std::vector<SitemapJob> out;
  db_.query("jobs_for_sitemap", {now, std::int64_t{limit}, std::int64_t{offset}}, [&](const Row& r) {
    out.push_back({r.int64(0), r.text(1), r.int64(2)});
  });
  return out;
}

std::vector<std::string> JobStore::regions() {
  std::vector<std::string> out;
  db_.query("job_regions", {}, [&](const Row& r) { out.push_back(r.text(0)); });
  return out;
}

}  // namespace gazette::store
