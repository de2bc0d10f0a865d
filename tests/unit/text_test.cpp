#include "content/text.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

TEST(Slugify, LowercasesAndHyphenates) {
  EXPECT_EQ(slugify("The private sector is essential to levelling up"),
            "the-private-sector-is-essential-to-levelling-up");
  EXPECT_EQ(slugify("  Councils:  budgets -- and  cuts!  "), "councils-budgets-and-cuts");
}

TEST(Slugify, DropsApostrophesAndAccents) {
  EXPECT_EQ(slugify("We’re making Slough a springboard"), "were-making-slough-a-springboard");
  EXPECT_EQ(slugify("Council's café in Ynys Môn"), "councils-cafe-in-ynys-mon");
}

TEST(Slugify, CutsAtWordBoundary) {
  std::string s = slugify("one two three four five six seven eight nine ten", 20);
  EXPECT_LE(s.size(), 20u);
  EXPECT_EQ(s, "one-two-three-four");
}

TEST(Slugify, EmptyAndSymbolsOnly) {
  EXPECT_EQ(slugify(""), "");
  EXPECT_EQ(slugify("£ — !!"), "");
}

TEST(Dates, UkStyle) {
  std::int64_t t = unix_from_date(2022, 5, 19);
  EXPECT_EQ(format_uk_date(t), "19 May 2022");
  EXPECT_EQ(format_uk_date(unix_from_date(2022, 3, 8)), "8 March 2022");
  EXPECT_EQ(format_iso8601(t + 8 * 3600 + 30 * 60), "2022-05-19T08:30:00Z");
  EXPECT_EQ(format_rfc1123(t), "Thu, 19 May 2022 00:00:00 GMT");
}

TEST(Dates, InvalidDateRejected) {
  EXPECT_EQ(unix_from_date(2022, 2, 30), -1);
  EXPECT_EQ(unix_from_date(2022, 13, 1), -1);
  EXPECT_EQ(unix_from_date(2024, 2, 29) > 0, true);
}

TEST(Dates, UrlParts) {
  auto d = date_parts(unix_from_date(2019, 6, 5));
  EXPECT_EQ(d.year, "2019");
  EXPECT_EQ(d.month, "06");
  EXPECT_EQ(d.day, "05");
}

TEST(Markdown, RendersParagraphsAndHeadings) {
  std::string html = render_markdown("## Budget gap\n\nThe council *must* save money.\n\n- one\n- two\n");
  EXPECT_NE(html.find("<h2>Budget gap</h2>"), std::string::npos);
  EXPECT_NE(html.find("<em>must</em>"), std::string::npos);
  EXPECT_NE(html.find("<li>two</li>"), std::string::npos);
}

TEST(Markdown, SafeModeDropsRawHtmlAndScriptLinks) {
  std::string html = render_markdown(
      "<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x "
      "onerror=alert(1)>\n\n![x](data:text/html;base64,AAAA)");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_EQ(html.find("onerror"), std::string::npos);
  EXPECT_EQ(html.find("data:text/html"), std::string::npos);
}

TEST(Markdown, GfmTablesAndAutolinks) {
  std::string html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\nSee https://example.org/report\n");
  EXPECT_NE(html.find("<table>"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://example.org/report\""), std::string::npos);
}

TEST(Words, CountsWordsInText) {
  EXPECT_EQ(count_words("Council tax rises by 4.99% next year."), 8);
  EXPECT_EQ(count_words(""), 0);
  EXPECT_EQ(count_words("## Heading\n\nTwo words"), 3);
}

}  // namespace
}  // namespace gazette::content
