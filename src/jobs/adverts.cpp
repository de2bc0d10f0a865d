#include "jobs/adverts.h"

#include <boost/json.hpp>

#include "content/text.h"
#include "jobs/categories.h"
#include "store/audit_store.h"
#include "store/job_store.h"
#include "strings/strings.h"

namespace gazette::jobs {
namespace {

bool is_editor(const accounts::User& u) {
  return accounts::allowed(u.role, accounts::Action::moderate_adverts);
}

std::string audit_state(const Job& j, const std::string& status, const std::string& reason) {
  boost::json::object o{{"title", j.title},
                        {"employer", j.employer},
                        {"status", status},
                        {"location", j.location},
                        {"salary", j.salary_text},
                        {"contract", j.contract},
                        {"hours", j.hours},
                        {"category", j.category},
                        {"category_set_by", j.category_set_by},
                        {"closing_date", j.closing_date},
                        {"apply_url", j.apply_url},
                        {"apply_email", j.apply_email},
                        {"description", j.description_markdown}};
  if (!reason.empty()) o["rejection_reason"] = reason;
  return boost::json::serialize(o);
}

void audit(store::Connection& db, const accounts::User& by, const std::string& action, const Job& j,
           const std::string& before, const std::string& after, std::int64_t now) {
  store::AuditStore(db).record(
      {0, now, by.id, by.email, action, "advert " + std::to_string(j.id) + ": " + j.title, before, after});
}

JobInput input_of(const AdvertFields& f, const std::string& employer) {
  JobInput in;
  in.title = std::string(strings::trim(f.title));
  in.employer = employer;
  in.location = std::string(strings::trim(f.location));
  in.region = std::string(strings::trim(f.region));
  in.salary_text = std::string(strings::trim(f.salary_text));
  in.contract = f.contract;
  in.hours = f.hours;
  in.category = f.category;
  in.closing_date = std::string(strings::trim(f.closing_date));
  in.description_markdown = f.description;
  in.apply_url = std::string(strings::trim(f.apply_url));
  in.apply_email = std::string(strings::trim(f.apply_email));
  in.employer_reference = std::string(strings::trim(f.employer_reference));
  in.source = "newsroom";
  return in;
}

}  // namespace

std::string advert_status(const Job& j, const store::AdvertState& s) {
  return s.moderation.empty() ? j.status : s.moderation;
}

bool may_see(const accounts::User& user, std::int64_t organisation_id, std::int64_t employer_id) {
  if (is_editor(user)) return true;
  return user.role == accounts::Role::recruiter && organisation_id > 0 && organisation_id == employer_id;
}

AdvertFields fields_of(const Job& j) {
  AdvertFields f;
  f.title = j.title;
  f.location = j.location;
  f.region = j.region;
  f.salary_text = j.salary_text;
  f.contract = j.contract;
  f.hours = j.hours;
  f.category = j.category_set_by == "auto" ? "" : j.category;
  f.closing_date = j.closing_date;
  f.description = j.description_markdown;
  f.apply_url = j.apply_url;
  f.apply_email = j.apply_email;
  f.employer_reference = j.employer_reference;
  return f;
}

Job preview_job(const AdvertFields& fields, const store::Organisation& org, std::int64_t now) {
  Job j = prepare_job(input_of(fields, org.name), now);
  j.employer_id = org.id;
  j.employer_slug = org.slug;
  j.reference = std::string(kNewsroomReferencePrefix) + "preview";
  j.status = "live";
  return j;
}

AdvertSave create_advert(store::Connection& db, const accounts::User& by, std::int64_t organisation_id,
                         const AdvertFields& fields, std::int64_t now) {
  AdvertSave out;
  store::AdvertStore adverts(db);
  auto org = adverts.organisation(organisation_id);
  if (!org) {
    out.status = AdvertSave::Status::refused;
    out.message =
        "This account belongs to no organisation yet, so it cannot post adverts. Ask an editor to add you "
        "to your organisation.";
    return out;
  }
  out.problems = check_advert(fields, now);
  if (blocks(out.problems)) {
    out.status = AdvertSave::Status::invalid;
    return out;
  }
  JobInput in = input_of(fields, org->name);
  in.posted_at = now;
  // Unique per organisation, second and title: a form sent twice in the same second is one advert.
  in.reference = std::string(kNewsroomReferencePrefix) + org->slug + ":" + std::to_string(now) + ":" +
                 content::slugify(in.title, 80);
  in.status = org->trusted ? "live" : "draft";
  Job j = prepare_job(in, now);
  const std::string moderation = org->trusted ? "" : "pending";
  store::Transaction tx(db);
  store::JobStore jobs(db);
  const auto saved = jobs.save(j, 0);
  out.id = jobs.last_saved_id();
  if (saved == store::SaveOutcome::added) {
    adverts.set_posted(out.id, by.id, moderation);
    j.id = out.id;
    audit(db, by, "advert.create", j, "", audit_state(j, org->trusted ? "live" : "pending", ""), now);
  }
  tx.commit();
  return out;
}

AdvertSave edit_advert(store::Connection& db, const accounts::User& by, std::int64_t id, const AdvertFields& fields,
                       std::int64_t now) {
  AdvertSave out;
  out.id = id;
  store::Transaction tx(db);
  store::JobStore jobs(db);
  store::AdvertStore adverts(db);
  auto stored = jobs.by_id(id);
  auto state = adverts.state(id);
  if (!stored || !state) {
    out.status = AdvertSave::Status::not_found;
    return out;
  }
  const std::string status = advert_status(*stored, *state);
  if (status == "closed" || status == "filled") {
    out.status = AdvertSave::Status::refused;
    out.message = "This advert has " + std::string(status == "closed" ? "closed" : "been filled") +
                  ", so it can no longer be changed. Post a new advert instead.";
    return out;
  }
  out.problems = check_advert(fields, now);
  if (blocks(out.problems)) {
    out.status = AdvertSave::Status::invalid;
    return out;
  }
  JobInput in = input_of(fields, stored->employer);
  in.reference = stored->reference;
  in.posted_at = stored->posted_at;
  in.source = state->source;
  Job j = prepare_job(in, now);
  j.id = id;
  if (stored->category_set_by == "editor") {  // an editor's category stands
    j.category = stored->category;
    j.category_set_by = "editor";
  }
  // What the save does to the advert's status (see the header).
  std::string new_status = status, moderation = state->moderation, reason = state->rejection_reason;
  if (!is_editor(by)) {
    auto org = adverts.organisation(stored->employer_id);
    const bool trusted = org && org->trusted;
    if (status == "rejected" || status == "pending" || (status == "live" && !trusted)) {
      new_status = trusted ? "live" : "pending";
    }
  }
  if (new_status == "pending" || new_status == "rejected") {
    j.status = "draft";
    moderation = new_status;
    if (new_status == "pending") reason.clear();
  } else {
    j.status = new_status;
    moderation.clear();
    reason.clear();
  }
  adverts.update(j, moderation, reason);
  audit(db, by, "advert.edit", j, audit_state(*stored, status, state->rejection_reason),
        audit_state(j, new_status, reason), now);
  tx.commit();
  return out;
}

std::string change_advert(store::Connection& db, const accounts::User& by, std::int64_t id, const std::string& what,
                          const std::string& typed_reason, std::int64_t now) {
  store::Transaction tx(db);
  store::JobStore jobs(db);
  store::AdvertStore adverts(db);
  auto j = jobs.by_id(id);
  auto state = adverts.state(id);
  if (!j || !state) return "no such advert";
  const std::string status = advert_status(*j, *state);
  const std::string reason(strings::trim(typed_reason));
  std::string new_status, moderation, kept_reason;
  if (what == "close") {
    if (status != "live") return "Only a live advert can be closed (this one is " + status + ").";
    new_status = "closed";
  } else if (what == "filled") {
    if (status != "live" && status != "closed")
      return "Only a live or closed advert can be marked filled (this one is " + status + ").";
    new_status = "filled";
  } else if (what == "approve") {
    if (!is_editor(by)) return "Only editors approve adverts.";
    if (status != "pending" && status != "rejected") return "This advert is not waiting for approval.";
    if (j->apply_url.empty() && j->apply_email.empty())
      return "This advert has no way to apply (an application address or email): add one before approving it.";
    new_status = "live";
  } else if (what == "reject") {
    if (!is_editor(by)) return "Only editors reject adverts.";
    if (status != "pending" && status != "live") return "Only a pending or live advert can be rejected.";
    if (reason.empty()) return "Give the recruiter a reason for turning the advert down.";
    if (reason.size() > 2000) return "The reason is too long: keep it under 2,000 characters.";
    new_status = "rejected";
    moderation = "rejected";
    kept_reason = reason;
  } else {
    return "no such advert";
  }
  const std::string stored_status = moderation.empty() ? new_status : "draft";
  adverts.set_state(id, stored_status, moderation, kept_reason, now);
  audit(db, by, "advert." + what, *j, audit_state(*j, status, state->rejection_reason),
        audit_state(*j, new_status, kept_reason), now);
  tx.commit();
  return {};
}

std::string set_advert_category(store::Connection& db, const accounts::User& by, std::int64_t id,
                                const std::string& category, std::int64_t now) {
  if (!is_editor(by)) return "Only editors set an advert's category.";
  if (category_name(category).empty()) return "Choose a category from the list.";
  store::Transaction tx(db);
  store::JobStore jobs(db);
  store::AdvertStore adverts(db);
  auto j = jobs.by_id(id);
  auto state = adverts.state(id);
  if (!j || !state) return "no such advert";
  const std::string status = advert_status(*j, *state);
  const std::string before = audit_state(*j, status, state->rejection_reason);
  adverts.set_category(id, category, now);
  j->category = category;
  j->category_set_by = "editor";
  audit(db, by, "advert.category", *j, before, audit_state(*j, status, state->rejection_reason), now);
  tx.commit();
  return {};
}

}  // namespace gazette::jobs
