// Adverts from recruiters: the one place that creates and changes an advert posted in the newsroom
// (checks, completion by prepare_job, the moderation rules, the store, the change log that invalidates
// cached pages, and the audit log). The newsroom uses it; a future API will too.
//
// The rules
//   - A recruiter sees and changes only their organisation's adverts (may_see). Editors and owners see
//     every advert.
//   - An advert from a trusted organisation goes live when saved; from any other it waits, status
//     "pending", in the editors' queue. A recruiter's edit of a live advert of an organisation that is
//     not trusted sends it back to the queue; an edit of a rejected one sends it back too. An editor's
//     edit leaves the status as it was.
//   - No advert is saved with a blocking problem (jobs/advert_checks.h): among them, every advert needs a
//     way to apply, an http(s) address or an email.
//   - A category chosen by an editor is recorded as set by an editor, and no later save (classifying
//     by keywords, or the recruiter's own choice) replaces it.
//   - Closing and marking filled are for live adverts (a closed one may still be marked filled).
//
// Each write runs in its own transaction and records its audit entry in it. Not thread-safe beyond the
// Connection's own rules (one per thread).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "jobs/advert_checks.h"
#include "jobs/job.h"
#include "store/advert_store.h"
#include "store/connection.h"

namespace gazette::jobs {

// The status the newsroom shows: "pending", "rejected", "live", "closed", "filled" or "draft".
std::string advert_status(const Job& j, const store::AdvertState& s);

// May `user` (who belongs to `organisation_id`, 0 for none) see and change the advert of `employer_id`?
bool may_see(const accounts::User& user, std::int64_t organisation_id, std::int64_t employer_id);

// The fields of a stored advert, as the form shows them.
AdvertFields fields_of(const Job& j);

// The advert `fields` would make for `organisation`, completed as the board completes it and marked
// live: what the preview shows.
Job preview_job(const AdvertFields& fields, const store::Organisation& organisation, std::int64_t now);

struct AdvertSave {
  enum class Status { saved, invalid, not_found, refused } status = Status::saved;
  std::int64_t id = 0;
  std::vector<AdvertProblem> problems;  // invalid: what blocked it (and any advice)
  std::string message;                  // refused: why, in words
};

// Creates an advert for `organisation_id` posted by `by`.
AdvertSave create_advert(store::Connection& db, const accounts::User& by, std::int64_t organisation_id,
                         const AdvertFields& fields, std::int64_t now);
// Replaces advert `id`'s fields. The caller has checked may_see.
AdvertSave edit_advert(store::Connection& db, const accounts::User& by, std::int64_t id, const AdvertFields& fields,
                       std::int64_t now);

// "close", "filled" (a recruiter or an editor), "approve" or "reject" (an editor; `reason` required
// for reject). Returns "" when done, "no such advert", or why it was refused, in words.
std::string change_advert(store::Connection& db, const accounts::User& by, std::int64_t id, const std::string& what,
                          const std::string& reason, std::int64_t now);
// An editor's category. "" when done; else why not.
std::string set_advert_category(store::Connection& db, const accounts::User& by, std::int64_t id,
                                const std::string& category, std::int64_t now);

}  // namespace gazette::jobs
