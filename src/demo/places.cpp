#include "demo/places.h"

#include "councils/register.h"
#include "demo/data_file.h"

namespace gazette::demo {
namespace {

constexpr std::string_view kFile = "data/demo/places.txt";

// Official names that read with "the" in copy. The register starts Scottish names with "The", which
// copy drops ("Fife Council"), so the rule applies to the rest ("the City of Edinburgh Council").
constexpr std::string_view kTakesThe[] = {"London Borough of ", "Royal Borough of ", "City of "};

DemoPlaces load() {
  static const DataFile file(kFile);
  DemoPlaces out;
  const DataFile::Block& regions = file.block("regions");
  for (const std::string_view item : regions.items) {
    const auto f = file.fields(regions, item, 2, 2);
    out.regions.push_back({f[0], f[1]});
  }
  const DataFile::Block& kinds = file.block("council kinds");
  const DataFile::Block& councils = file.block("councils");
  const auto& reg = councils::builtin_register();
  for (const std::string_view item : councils.items) {
    const auto f = file.fields(councils, item, 4, 4);
    const councils::Council* row = nullptr;
    for (const councils::Council& c : reg)
      if (c.gss_code == f[0] && !c.abolished()) row = &c;
    if (!row) file.fail(councils.name, std::string(f[0]) + " is not a current council in the councils register");
    DemoCouncil c{f[0], row->official_name, false, f[2], out.regions.size(), {}, {}};
    if (std::string_view(c.name).starts_with("The ")) c.name.erase(0, 4);
    for (const std::string_view prefix : kTakesThe) c.takes_the = c.takes_the || c.name.starts_with(prefix);
    for (std::size_t r = 0; r < out.regions.size(); ++r)
      if (out.regions[r].name == f[1]) c.region = r;
    if (c.region == out.regions.size()) file.fail(councils.name, "unknown region in \"" + std::string(item) + "\"");
    if (row->nation != "England" && row->nation != f[1])
      file.fail(councils.name, std::string(f[0]) + " is in " + row->nation + ", so its region must be " + row->nation);
    for (const std::string_view k : kinds.items) {
      const auto kf = file.fields(kinds, k, 2, 2);
      if (kf[0] == row->type) c.kind = kf[1];
    }
    if (c.kind.empty()) file.fail(kinds.name, "no entry for the register type \"" + row->type + "\"");
    for (std::string_view towns = f[3]; !towns.empty();) {
      const std::size_t comma = towns.find(", ");
      c.towns.push_back(towns.substr(0, comma));
      towns = comma == std::string_view::npos ? std::string_view() : towns.substr(comma + 2);
    }
    out.councils.push_back(std::move(c));
  }
  if (out.councils.size() < 2) file.fail(councils.name, "needs at least two councils");
  return out;
}

}  // namespace

std::size_t DemoPlaces::find(std::string_view gss_code) const {
  for (std::size_t i = 0; i < councils.size(); ++i)
    if (councils[i].gss_code == gss_code) return i;
  return councils.size();
}

const DemoPlaces& demo_places() {
  static const DemoPlaces places = load();
  return places;
}

}  // namespace gazette::demo
