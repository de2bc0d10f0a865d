// The checks an advert must pass before it is published: one function shared by the newsroom (on every
// save, and as the recruiter types through a JSON endpoint), the importers and a future API.
//
// Contract
//   - Pure functions: no I/O, no global mutable state, safe from any thread, never throw (apart from
//     std::bad_alloc), accept any bytes.
//   - check_advert lists every problem, in the order of the form's fields. A blocking problem stops a
//     save; the others are advice shown beside the field (a salary the parser cannot read still shows,
//     as written, but is left out of salary searches).
//   - The salary is read by jobs::parse_salary, the closing date by the board's rules (jobs/job.h): a
//     date typed as YYYY-MM-DD closes at the end of that day (UTC); with none typed, a date read from
//     the description's prose (jobs/closing_date.h) counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jobs/job.h"

namespace gazette::jobs {

// An advert as a person types it (form field names in comments).
struct AdvertFields {
  std::string title;               // title
  std::string location;            // location
  std::string region;              // region
  std::string salary_text;         // salary
  std::string contract;            // contract: permanent, fixed-term, temporary, secondment, interim or ""
  std::string hours;               // hours: full-time, part-time, flexible or ""
  std::string category;            // category: a category slug or "" (classified from the text)
  std::string closing_date;        // closing_date: YYYY-MM-DD or ""
  std::string description;         // description (Markdown)
  std::string apply_url;           // apply_url
  std::string apply_email;         // apply_email
  std::string employer_reference;  // employer_reference
};

struct AdvertProblem {
  std::string field;    // the form field it is about
  std::string message;  // for the person typing, in words
  bool blocking = true;
};

std::vector<AdvertProblem> check_advert(const AdvertFields& f, std::int64_t now);
// True when any problem blocks saving.
bool blocks(const std::vector<AdvertProblem>& problems);

// An absolute http:// or https:// address with a host, without spaces or control characters.
bool is_web_address(std::string_view url);
// Something@somewhere, without spaces or characters that break a mailto: link.
bool is_email_address(std::string_view email);
// The end of a YYYY-MM-DD day (UTC) as Unix seconds; nullopt when it is not such a date.
std::optional<std::int64_t> closing_time(std::string_view date);

// Whether an application goes straight to the employer (JobPosting directApply): true for an advert
// posted in the newsroom by the employer's own recruiter (reference "newsroom:...") with an apply URL
// or email, since that address is the employer's own form or mailbox; false for imported adverts,
// whose address may be an agency's or another board's page, which Gazette cannot vouch for.
bool direct_apply(const Job& j);
// The reference prefix of adverts posted in the newsroom.
inline constexpr std::string_view kNewsroomReferencePrefix = "newsroom:";

}  // namespace gazette::jobs
