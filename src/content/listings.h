// What editors say about the site's listings: a section's or tag's description, an author's role and
// biography (shown on their pages). Each change names the listing in the change log and keeps an audit
// entry, in one transaction. Safe from any thread with that thread's own connection.
#pragma once

#include <cstdint>
#include <string>

#include "content/article_service.h"
#include "store/connection.h"

namespace gazette::content {

inline constexpr std::size_t kMaxDescriptionBytes = 2000, kMaxAuthorRoleBytes = 200, kMaxBioBytes = 4000;

// Each returns the reason it refused, in words for the editor ("no such section", a length), or an
// empty string when done. Throws store::Error when the database refuses the write.
std::string describe_section(store::Connection& db, const ChangedBy& by, std::int64_t id, const std::string& text,
                             std::int64_t now);
std::string describe_tag(store::Connection& db, const ChangedBy& by, std::int64_t id, const std::string& text,
                         std::int64_t now);
std::string describe_author(store::Connection& db, const ChangedBy& by, std::int64_t id, const std::string& role,
                            const std::string& bio, std::int64_t now);

}  // namespace gazette::content
