// Inputs the libFuzzer targets (tests/fuzz/, docs/fuzzing.md) found to break a parser, kept in
// tests/fixtures/fuzz/TARGET/ and fed to the same function here, so each finding stays fixed.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "content/html_sanitiser.h"
#include "http/form.h"

namespace gazette {
namespace {

std::string finding(const std::string& name) {
  std::ifstream in(std::string(GAZETTE_SOURCE_DIR) + "/tests/fixtures/fuzz/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// form: Boost.URL's parse_query measured its argument with strlen, reading past the end of a view (a
// heap overflow under ASan on the fuzzer's exact-size buffer) and parsing whatever followed it.
TEST(FuzzRegressions, FormParsingReadsOnlyTheViewItIsGiven) {
  const std::string text = finding("form/repeated_fields_unterminated.txt");
  auto exact = std::make_unique<char[]>(text.size());  // no NUL after the last byte
  text.copy(exact.get(), text.size());
  auto fields = http::parse_form(std::string_view(exact.get(), text.size()));
  ASSERT_TRUE(fields);
  EXPECT_EQ(fields->size(), 6u);
  EXPECT_EQ(http::field(*fields, "x"), "\u2713");

  // A view that stops before the rest of its buffer: only the view is read.
  const std::string buffer = "a=1&b=2";
  auto first = http::parse_form(std::string_view(buffer).substr(0, 3));
  ASSERT_TRUE(first);
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ(http::field(*first, "a"), "1");
  EXPECT_EQ(http::field(*first, "b"), "");
}

TEST(FuzzRegressions, FormWithARawNulIsRefusedNotCutShort) {
  EXPECT_FALSE(http::parse_form(std::string_view("a=1\0b=2", 7)));
}

// html_sanitiser: list items left outside any kept list were written as nested <li>s, which the next
// parse (a browser's, or sanitising again) reads as siblings: the output did not mean what it said.
TEST(FuzzRegressions, SanitisedHtmlIsStableAndKeepsListItemsOnlyInLists) {
  const std::string html = finding("html_sanitiser/stray_list_items_after_a_closed_list.bin");
  const std::string once = content::sanitise_html(html);
  EXPECT_EQ(content::sanitise_html(once), once);
  EXPECT_EQ(once.find("<li>"), std::string::npos) << once;
  EXPECT_EQ(content::sanitise_html("<li>one<li>two"), "one\n\ntwo");
  EXPECT_EQ(content::sanitise_html("<ul><li>one<li>two</ul>"), "<ul><li>one</li><li>two</li></ul>");
  EXPECT_EQ(content::sanitise_html("<ol><li>a<ul><li>b</li></ul></li></ol>"), "<ol><li>a<ul><li>b</li></ul></li></ol>");
}

// html_sanitiser: a list inside a left-out table inside a paragraph came out as a list directly in
// the paragraph, which a browser reads as the paragraph ending before the list.
TEST(FuzzRegressions, SanitisedHtmlPutsNoBlockInsideAParagraph) {
  const std::string html = finding("html_sanitiser/list_inside_a_paragraph.bin");
  const std::string once = content::sanitise_html(html);
  EXPECT_EQ(content::sanitise_html(once), once);
  for (const char* quirk : {"<p>Budget<table><tr><td><ul><li>one</li></ul></td></tr></table></p>",
                            "<p>Budget<table><tr><td><p>Reserves</p></td></tr></table></p>",
                            "<p>Budget<table><tr><td><h2>Reserves</h2></td></tr></table></p>"}) {
    const std::string clean = content::sanitise_html(quirk);
    EXPECT_EQ(content::sanitise_html(clean), clean) << quirk;
  }
}

}  // namespace
}  // namespace gazette
