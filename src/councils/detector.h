// Finds mentions of UK councils in article text, the way trade-press copy names them: official names
// ("London Borough of Southwark", "Essex County Council"), "X Council" / "X City Council" forms and
// house-style short forms ("Southwark LBC", "Stockport MBC", "Sevenoaks DC", "Essex CC", "Kingston RLBC").
//
// Precision comes first: a bare place name ("Manchester", "in Essex", "Kent police") is never a mention;
// every form needs a council word or abbreviation. Place-name words must be capitalised in the text
// ("reading the report" is not Reading), abbreviations must be upper case ("Essex CC", not "Essex cc"),
// and "council"/"county"/"borough" may be any case ("Manchester council"). Matching is by whole words,
// ignoring accents (Ynys Môn = Ynys Mon), "&" vs "and", "St." vs "St", hyphens (Stoke-on-Trent = Stoke on
// Trent), commas and a possessive "'s" / "’s" (not included in the matched text). Overlapping candidates:
// the earliest, then longest, match wins. "X Council" directly after North/South/East/West/Mid/Central/
// Greater/... is not taken as council X ("Greater Manchester council" is not Manchester City Council), and
// a derived "X Council" followed by "for"/"of" is taken as a body like "Kent Council for Voluntary Service".
// One plural designation shared by two or more places ("Camden and Islington LBCs", "Kent, Essex and
// Surrey county councils") names each of them, when every place makes a known form with the singular;
// a bare plural "councils" does not ("Kent and Medway councils" usually means every council there).
// A place misspelt by one edit before an exact designation ("Southwalk LBC") is taken only when the
// place has six or more letters, starts with the right letter, and no other council is within two edits.
// Not recognised (by design): "the council in Stockport", "Southwark's cabinet", acronyms other than RBKC, BCP and RCT
// ("GLA", "GMCA"), a council named only by its area. See tests/unit/council_detector_test.cpp for the table of forms.
//
// Abolished councils (end date set) are found by their official name and short forms; when a short form
// would fit both an abolished and a current council, the current one wins; when it would fit two current
// councils it is treated as ambiguous and reported for neither. Rows without a GSS code take part in
// matching (so "Derry City Council", abolished in 2015, is not misread) but are never reported.
//
// Thread-safety: construction builds an immutable lookup; detect() is const and safe to call
// concurrently. Errors: none thrown by detect(); the constructor only throws std::bad_alloc.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "councils/register.h"

namespace gazette::councils {

struct CouncilMention {
  std::string gss_code, official_name, matched_text;  // matched_text == text.substr(offset, length)
  std::size_t offset = 0, length = 0;                 // bytes into the UTF-8 input
};

class CouncilDetector {
 public:
  // Builds the lookup from the register rows (typically builtin_register()); keeps no reference to them.
  explicit CouncilDetector(const std::vector<Council>& councils);

  // Every council mention in `text`, in order of appearance (a council named twice appears twice).
  std::vector<CouncilMention> detect(std::string_view text) const;

 private:
  struct Impl;  // the lookup tables, immutable once built; shared by copies of the detector
  std::shared_ptr<const Impl> impl_;
};

}  // namespace gazette::councils
