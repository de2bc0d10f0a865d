// Reading an advert's place, contract and hours from the words a job box or feed gives: the salary
// line ("£24,000 pro rata, Fixed Term, Full Time") and the snippet, which on UK local-government
// boards usually ends with the place ("... Harlow, Essex").
//
// Pure functions of their arguments: no I/O, safe from any thread, linear in the input, never throw
// (apart from std::bad_alloc). They never guess: a field the text does not state clearly is empty.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette::jobs {

struct AdvertDetails {
  std::string location;                  // "Harlow, Essex"; empty when the text ends otherwise
  std::string contract;                  // normalise_contract's values: permanent, fixed-term, ...
  std::string hours;                     // full-time, part-time, flexible
  std::optional<double> hours_per_week;  // "18.5 hours" -> 18.5 (then part-time; 35 or more: full-time)
};

// Reads the details from the salary line and the snippet. A contract or hours word counts only as a
// short phrase of its own ("Permanent", "Fixed Term, Full Time") or an explicit phrase ("fixed term
// contract", "on secondment"), so prose such as "temporary accommodation" names no contract.
AdvertDetails read_advert_details(std::string_view salary_line, std::string_view snippet);

// The place a snippet ends with: the text after its last sentence end, when that is one to five
// capitalised words (with at most one comma: "Harlow, Essex", "Kingston upon Thames"). Empty otherwise.
std::string trailing_location(std::string_view snippet);

}  // namespace gazette::jobs
