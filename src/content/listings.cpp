#include "content/listings.h"

#include <boost/json.hpp>

#include "store/audit_store.h"
#include "store/content_store.h"

namespace gazette::content {

namespace {

void audit(store::Connection& db, const ChangedBy& by, const std::string& action, const std::string& subject,
           const boost::json::object& before, const boost::json::object& after, std::int64_t now) {
  if (by.user_id == 0) return;
  store::AuditStore(db).record(
      {0, now, by.user_id, by.email, action, subject, boost::json::serialize(before), boost::json::serialize(after)});
}

}  // namespace

std::string describe_section(store::Connection& db, const ChangedBy& by, std::int64_t id, const std::string& text,
                             std::int64_t now) {
  if (text.size() > kMaxDescriptionBytes) return "The description is longer than 2,000 characters.";
  store::Transaction tx(db);
  store::ContentStore content(db);
  std::string before;
  bool found = false;
  for (const auto& s : content.sections())
    if (s.id == id) {
      before = s.description;
      found = true;
    }
  if (!found || !content.set_section_description(id, text, now)) return "There is no such section.";
  audit(db, by, "section.describe", "section " + std::to_string(id), {{"description", before}}, {{"description", text}},
        now);
  tx.commit();
  return {};
}

std::string describe_tag(store::Connection& db, const ChangedBy& by, std::int64_t id, const std::string& text,
                         std::int64_t now) {
  if (text.size() > kMaxDescriptionBytes) return "The description is longer than 2,000 characters.";
  store::Transaction tx(db);
  store::ContentStore content(db);
  if (!content.set_tag_description(id, text, now)) return "There is no such tag.";
  audit(db, by, "tag.describe", "tag " + std::to_string(id), {}, {{"description", text}}, now);
  tx.commit();
  return {};
}

std::string describe_author(store::Connection& db, const ChangedBy& by, std::int64_t id, const std::string& role,
                            const std::string& bio, std::int64_t now) {
  if (role.size() > kMaxAuthorRoleBytes || role.find('\n') != std::string::npos)
    return "The role must be one line of at most 200 characters.";
  if (bio.size() > kMaxBioBytes) return "The biography is longer than 4,000 characters.";
  store::Transaction tx(db);
  store::ContentStore content(db);
  auto before = content.author_by_id(id);
  if (!before || !content.set_author_profile(id, role, bio, now)) return "There is no such author.";
  audit(db, by, "author.describe", "author " + before->name, {{"role", before->role}, {"bio", before->bio}},
        {{"role", role}, {"bio", bio}}, now);
  tx.commit();
  return {};
}

}  // namespace gazette::content
