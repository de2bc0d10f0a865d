// Tests for the demo word-list files: every file is embedded and parses, and a missing file or block
// is an exception that names the file (and block), not undefined behaviour.
#include "demo/data_file.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "demo/places.h"

namespace gazette::demo {
namespace {

std::string error_of(const auto& f) {
  try {
    f();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(DemoDataFile, EveryDemoFileIsEmbeddedAndHasBlocks) {
  for (const char* path : {"data/demo/articles.txt", "data/demo/topics.txt", "data/demo/people.txt",
                           "data/demo/places.txt", "data/demo/jobs.txt", "data/demo/job_roles.txt"}) {
    const DataFile file(path);
    EXPECT_FALSE(file.blocks().empty()) << path;
    for (const auto& block : file.blocks()) EXPECT_FALSE(block.items.empty()) << path << " [" << block.name << "]";
  }
}

TEST(DemoDataFile, MissingFileOrBlockNamesTheFile) {
  EXPECT_NE(error_of([] { DataFile("data/demo/no_such_file.txt"); }).find("data/demo/no_such_file.txt"),
            std::string::npos);
  const DataFile file("data/demo/people.txt");
  const std::string e = error_of([&] { file.list("no such block"); });
  EXPECT_NE(e.find("data/demo/people.txt"), std::string::npos) << e;
  EXPECT_NE(e.find("[no such block]"), std::string::npos) << e;
}

TEST(DemoDataFile, FieldsAreCheckedAndNamed) {
  const DataFile file("data/demo/places.txt");
  const DataFile::Block& regions = file.block("regions");
  EXPECT_EQ(file.fields(regions, "North West\tthe North West", 2, 2).size(), 2u);
  const std::string e = error_of([&] { file.fields(regions, "North West", 2, 2); });
  EXPECT_NE(e.find("data/demo/places.txt: [regions]"), std::string::npos) << e;
}

TEST(DemoPlaces, CouncilsComeFromTheRegister) {
  const DemoPlaces& places = demo_places();
  EXPECT_EQ(places.regions.size(), 12u);
  ASSERT_GE(places.councils.size(), 80u);
  for (const DemoCouncil& c : places.councils) {
    EXPECT_FALSE(c.name.empty()) << c.gss_code;
    EXPECT_FALSE(c.name.starts_with("The ")) << c.name;
    EXPECT_FALSE(c.kind.empty()) << c.name;
    EXPECT_FALSE(c.towns.empty()) << c.name;
    EXPECT_LT(c.region, places.regions.size()) << c.name;
  }
  const std::size_t camden = places.find("E09000007");
  ASSERT_LT(camden, places.councils.size());
  EXPECT_EQ(places.councils[camden].in_copy(), "the London Borough of Camden");
  EXPECT_EQ(places.councils[camden].kind, "London borough");
  const std::size_t fife = places.find("S12000015");
  ASSERT_LT(fife, places.councils.size());
  EXPECT_EQ(places.councils[fife].in_copy(), "Fife Council");
}

}  // namespace
}  // namespace gazette::demo
