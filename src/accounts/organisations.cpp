// Organisations recruiters belong to, and their trust (accounts/accounts.h, schema_018).
#include <boost/json.hpp>

#include <stdexcept>

#include "accounts/accounts.h"
#include "councils/tagging.h"
#include "store/advert_store.h"
#include "store/audit_store.h"
#include "store/council_store.h"
#include "store/user_store.h"
#include "strings/strings.h"

namespace gazette::accounts {
namespace {

void audit(store::Connection& db, const User& by, const std::string& action, const std::string& subject,
           const std::string& before, const std::string& after, std::int64_t now) {
  store::AuditStore(db).record({0, now, by.id, by.email, action, subject, before, after});
}

std::string state(const store::Organisation& o) {
  return boost::json::serialize(boost::json::object{{"name", o.name}, {"trusted", o.trusted}});
}

}  // namespace

std::int64_t organisation_of(store::Connection& db, std::int64_t user_id) {
  return store::AdvertStore(db).organisation_of(user_id);
}

std::int64_t add_organisation(store::Connection& db, const User& by, const std::string& typed, std::int64_t now) {
  const std::string name(strings::trim(typed));
  if (name.empty() || name.size() > 200) throw std::invalid_argument("the name must be 1 to 200 characters");
  store::AdvertStore adverts(db);
  // An organisation that is a council ("Essex County Council") is linked to it, as imports link employers.
  std::int64_t council_id = 0;
  if (auto mentions = councils::default_detector().detect(name); !mentions.empty())
    council_id = store::CouncilStore(db).id_by_gss(mentions.front().gss_code);
  const std::int64_t id = adverts.add_organisation(name, council_id);
  audit(db, by, "organisation.add", name, "", state(*adverts.organisation(id)), now);
  return id;
}

std::string set_trusted(store::Connection& db, const User& by, std::int64_t organisation_id, bool trusted,
                        std::int64_t now) {
  store::AdvertStore adverts(db);
  auto before = adverts.organisation(organisation_id);
  if (!before) return "no such organisation";
  adverts.set_trusted(organisation_id, trusted);
  audit(db, by, trusted ? "organisation.trust" : "organisation.distrust", before->name, state(*before),
        state(*adverts.organisation(organisation_id)), now);
  return {};
}

std::string set_organisation(store::Connection& db, const User& by, std::int64_t user_id, std::int64_t organisation_id,
                             std::int64_t now) {
  auto u = user_by_id(db, user_id);
  if (!u) return "no such person";
  if (u->role != Role::recruiter) return u->name + " is not a recruiter: only recruiters belong to an organisation.";
  store::AdvertStore adverts(db);
  std::string after = "none";
  if (organisation_id > 0) {
    auto org = adverts.organisation(organisation_id);
    if (!org) return "There is no such organisation.";
    after = org->name;
  }
  const std::int64_t was = adverts.organisation_of(user_id);
  std::string before = "none";
  if (auto org = was > 0 ? adverts.organisation(was) : std::nullopt) before = org->name;
  adverts.set_organisation_of(user_id, organisation_id);
  audit(db, by, "person.organisation", u->email, boost::json::serialize(boost::json::object{{"organisation", before}}),
        boost::json::serialize(boost::json::object{{"organisation", after}}), now);
  return {};
}

}  // namespace gazette::accounts
