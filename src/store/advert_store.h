// Adverts from recruiters in the database (schema_018): organisations (employers recruiters belong
// to, trusted or not), a user's organisation, adverts posted and changed in the newsroom, and the
// editors' moderation queue. Inserting an advert is JobStore::save's; this adds what the newsroom
// needs on top. Every write names what it changed in the change log (ChangeStore::job_names), so
// cached pages showing the advert are rebuilt. Bound to one Connection, so to one thread; call the
// writes inside a Transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jobs/job.h"
#include "store/connection.h"

namespace gazette::store {

struct Organisation {
  std::int64_t id = 0;
  std::string name, slug;
  bool trusted = false;
  std::int64_t recruiters = 0;
};

// What the newsroom knows of an advert beyond the board's fields.
struct AdvertState {
  std::string moderation;        // "pending", "rejected" or "" (approved, or an import)
  std::string rejection_reason;  // shown to the recruiter while rejected
  std::int64_t posted_by = 0;    // 0: an import (or the poster's account was deleted)
  std::string source;            // "newsroom" for adverts posted there
};

// A line of the newsroom's advert lists. `status` is the one the newsroom shows: pending, rejected,
// live, closed, filled or draft.
struct AdvertLine {
  std::int64_t id = 0;
  std::string title, status, rejection_reason, closing_date;
  std::int64_t updated_at = 0;
  std::string slug, employer;
};

class AdvertStore {
 public:
  explicit AdvertStore(Connection& db) : db_(db) {}

  std::vector<Organisation> organisations();
  std::optional<Organisation> organisation(std::int64_t id);
  // Makes the employer called `name` an organisation (making the employer, linked to `council_id` when
  // not 0, when there is none by that name's slug) and returns its id.
  std::int64_t add_organisation(const std::string& name, std::int64_t council_id);
  // False when `id` is no organisation.
  bool set_trusted(std::int64_t id, bool trusted);

  // A user's organisation; 0 for none.
  std::int64_t organisation_of(std::int64_t user_id);
  void set_organisation_of(std::int64_t user_id, std::int64_t organisation_id);
  // Every user's organisation by user id (users without one are left out).
  std::vector<std::pair<std::int64_t, std::int64_t>> user_organisations();
  void set_invitation_organisation(const std::string& token_hash, std::int64_t organisation_id);
  std::int64_t invitation_organisation(const std::string& token_hash);

  std::optional<AdvertState> state(std::int64_t job_id);
  // After JobStore::save of a newsroom advert: who posted it and its moderation state.
  void set_posted(std::int64_t job_id, std::int64_t user_id, const std::string& moderation);
  // Replaces an advert's fields (all but its reference, employer, posting time and source) with `j`'s,
  // and its moderation state.
  void update(const jobs::Job& j, const std::string& moderation, const std::string& rejection_reason);
  void set_state(std::int64_t job_id, const std::string& status, const std::string& moderation,
                 const std::string& rejection_reason, std::int64_t now);
  void set_category(std::int64_t job_id, const std::string& category, std::int64_t now);

  std::vector<AdvertLine> of_employer(std::int64_t employer_id, int limit, int offset);
  std::vector<AdvertLine> pending(int limit);
  std::vector<AdvertLine> from_newsroom(int limit, int offset);

 private:
  void changed(std::int64_t job_id, std::int64_t now);
  Connection& db_;
};

}  // namespace gazette::store
