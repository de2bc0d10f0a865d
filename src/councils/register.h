// The UK local authorities register (data/councils/uk_local_authorities.tsv, see its README): every
// principal council, combined authority and the GLA, plus councils abolished since 2015 (end date set).
//
// Thread-safety: parse_register is a pure function; builtin_register parses once (thread-safe static
// initialisation) and the returned vector is immutable, so it may be read from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::councils {

struct Council {
  std::string gss_code;       // "E09000028"; empty for a few councils abolished before GSS codes existed
  std::string official_name;  // whitespace runs collapsed: "North Somerset Council"
  std::string type;           // "London borough", "county", "council area", ...
  std::string nation;         // "England", "Scotland", "Wales", "Northern Ireland"
  std::string start_date;     // "YYYY-MM-DD" or empty
  std::string end_date;       // "YYYY-MM-DD" or empty; set when the council (or this code) was retired
  std::string slug;           // "london-borough-of-southwark"; unique within one parsed register
  // Kept for internal use (not part of the published contract above):
  std::string source_key;  // the upstream register key, e.g. "local-authority-eng:SWK"; identifies rows without a code
  std::string note;        // collector's note, e.g. "Welsh: Cyngor Gwynedd"

  // True when the row has an end date (the council, or this row's GSS code, no longer current).
  bool abolished() const { return !end_date.empty(); }
};

// Parses the register TSV: a header line naming the nine columns, then one row per line (CRLF accepted,
// blank lines skipped). Slugs are the lowercased, hyphenated official name without a leading "The";
// when two rows would share one, the current row (no end date) keeps it and the others get their GSS
// code (or source key) appended, e.g. "glasgow-city-council-s12000043".
// Throws std::runtime_error naming the 1-based line number on a bad header, a row without exactly nine
// fields, an empty official name, a malformed GSS code or a date that is not YYYY-MM-DD.
std::vector<Council> parse_register(std::string_view tsv);

// The register compiled into the binary ("data/councils/uk_local_authorities.tsv" in the embed list),
// parsed on first use. Throws std::runtime_error if the file is not embedded or does not parse.
const std::vector<Council>& builtin_register();

}  // namespace gazette::councils
