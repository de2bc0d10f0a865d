// Places for the demo generators: the regions and councils they write about. data/demo/places.txt
// names each council by GSS code with what the councils register does not hold (region, a short place
// name, towns); the official name, type and nation come from the embedded register
// (councils::builtin_register()).
//
// Thread-safety: demo_places() builds the table once (thread-safe static initialisation); it is
// immutable afterwards and may be read from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::demo {

struct DemoRegion {
  std::string_view name;      // "North West", as in a job advert's region field
  std::string_view in_prose;  // "the North West"
};

struct DemoCouncil {
  std::string_view gss_code;  // "E09000007"
  std::string name;           // the register's official name without a leading "The": "Highland Council"
  bool takes_the = false;     // named with "the" in copy: "the London Borough of Camden", "the City of York Council"
  std::string_view place;     // short form for headlines: "Camden"
  std::size_t region = 0;     // index into DemoPlaces::regions
  std::string_view kind;      // from the register type: "London borough", "county council", ...
  std::vector<std::string_view> towns;  // where posts are based; at least one

  // The name as copy uses it mid-sentence: "the London Borough of Camden", "Essex County Council".
  std::string in_copy() const { return takes_the ? "the " + name : name; }
};

struct DemoPlaces {
  std::vector<DemoRegion> regions;
  std::vector<DemoCouncil> councils;  // file order; at least two

  // Index of the council with this GSS code, or councils.size() when there is none.
  std::size_t find(std::string_view gss_code) const;
};

// Throws std::runtime_error naming data/demo/places.txt when a block is missing or empty, a row is
// malformed, a region is unknown, or a GSS code is not a current council in the register.
const DemoPlaces& demo_places();

}  // namespace gazette::demo
