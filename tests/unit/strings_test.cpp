// The shared text helpers (strings/strings.h) every layer uses.
#include "strings/strings.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace gazette::strings {
namespace {

TEST(Strings, TrimAndCase) {
  EXPECT_EQ(trim(" \t a b \r\n"), "a b");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(lower_ascii("Café ABC"), "café abc");
  EXPECT_TRUE(iequals("Permanent", "PERMANENT"));
  EXPECT_FALSE(iequals("Perm", "Permanent"));
}

TEST(Strings, Utf8ChecksFindTheFirstBadByte) {
  EXPECT_TRUE(valid_utf8("Ynys Môn"));
  EXPECT_EQ(valid_utf8_prefix("ok\xC0\xAFrest"), 2u);  // overlong '/'
  EXPECT_EQ(valid_utf8_prefix("ab\xED\xA0\x80"), 2u);  // a UTF-16 surrogate
  EXPECT_EQ(valid_utf8_prefix("abc\xE2\x82"), 3u);     // cut inside a character
  EXPECT_EQ(utf8_length("Môn"), 3u);
}

TEST(Strings, FoldsTheAccentedLettersOfCouncilNames) {
  EXPECT_EQ(fold_latin(U'ô'), 'o');
  EXPECT_EQ(fold_latin(U'Ŵ'), 'w');
  EXPECT_EQ(fold_latin(U'ẃ'), 'w');
  EXPECT_EQ(fold_latin(U'ŷ'), 'y');
  EXPECT_EQ(fold_latin(U'×'), '\0');
  EXPECT_EQ(fold_latin(U'€'), '\0');
}

TEST(Strings, ReadFileSaysWhyItCannot) {
  const auto dir = std::filesystem::temp_directory_path() / "gazette-strings-test";
  std::filesystem::create_directories(dir);
  const auto file = dir / "f.txt";
  std::ofstream(file) << "hello";
  std::string error;
  EXPECT_EQ(read_file(file.string(), error), "hello");
  EXPECT_FALSE(read_file((dir / "none").string(), error));
  EXPECT_EQ(error, "no such file");
  EXPECT_FALSE(read_file(dir.string(), error));
  EXPECT_EQ(error, "is a directory");
  EXPECT_FALSE(read_file(file.string(), error, 3));
  EXPECT_EQ(error.rfind("larger than", 0), 0u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gazette::strings
