// Layouts of listing and article pages beyond the bulleted one: each fixture (tests/fixtures/listing,
// written for this project) is checked item by item: headline, date, standfirst, byline, section.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "importers/listing_parser.h"

#ifndef GAZETTE_SOURCE_DIR
#error "GAZETTE_SOURCE_DIR (the repository root, as a string literal) must be defined by the build"
#endif

namespace gazette::importers {
namespace {

namespace fs = std::filesystem;
using Names = std::vector<std::string>;

std::string fixture(const std::string& name) {
  const fs::path path = fs::path(GAZETTE_SOURCE_DIR) / "tests" / "fixtures" / "listing" / name;
  EXPECT_TRUE(fs::exists(path)) << "missing fixture " << path;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Expected {
  std::string headline;
  int year, month, day;
  std::string summary;
  Names authors;
  std::string section;
};

void expect_items(const ParsedListing& p, const std::vector<Expected>& want) {
  ASSERT_EQ(p.articles.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const ListingItem& got = p.articles[i];
    const Expected& w = want[i];
    EXPECT_EQ(got.headline, w.headline) << "item " << i;
    EXPECT_EQ(got.year, w.year) << w.headline;
    EXPECT_EQ(got.month, w.month) << w.headline;
    EXPECT_EQ(got.day, w.day) << w.headline;
    EXPECT_EQ(got.summary, w.summary) << w.headline;
    EXPECT_EQ(got.authors, w.authors) << w.headline;
    EXPECT_EQ(got.section, w.section) << w.headline;
  }
}

bool skipped_with(const ParsedListing& p, const std::string& reason_prefix) {
  for (const auto& s : p.skipped) {
    if (s.reason.rfind(reason_prefix, 0) == 0) return true;
  }
  return false;
}

TEST(ListingLayouts, HeadlineOverByLineWithoutBullets) {
  const auto p = parse_listing(fixture("stacked_bylines.txt"));
  EXPECT_EQ(p.layout, "stacked");
  expect_items(p, {
                      {"Reserves are not a rainy-day fund any more",
                       2024,
                       3,
                       3,
                       "Ottoline Haverstock sets out why treasurers now treat reserves as a bridge to reform rather "
                       "than a cushion.",
                       {"Ottoline Haverstock"},
                       "Finance"},
                      {"Pension fund pooling reaches its second decade",
                       2024,
                       2,
                       26,
                       "Eight county funds now share one investment manager, and the fees have fallen every year "
                       "since the merger.",
                       {"Barnaby Okafor-Lindgren"},
                       "Finance"},
                      {"What the audit backlog means for members",
                       2024,
                       2,
                       19,
                       "Unsigned accounts leave scrutiny committees guessing, and the fix will take years rather "
                       "than months. The two authors propose a shorter route to an opinion.",
                       {"Henrietta Ashworth-Mbeki", "Lucius Penhallow"},
                       "Finance"},
                  });
  EXPECT_TRUE(p.adverts.empty());
  // Furniture never becomes an article: the trail, "Edit this post", and the MOST READ block.
  EXPECT_TRUE(skipped_with(p, "CMS furniture: Home"));
  EXPECT_TRUE(skipped_with(p, "CMS furniture: Edit this post"));
  EXPECT_TRUE(skipped_with(p, "block title: MOST READ"));
  EXPECT_EQ(p.skipped.size(), 5u);  // trail, edit link, block title and its two headlines
}

TEST(ListingLayouts, NumericDatesAndUpperCaseSections) {
  const auto p = parse_listing(fixture("numeric_dates.txt"));
  EXPECT_EQ(p.layout, "stacked");
  expect_items(p,
               {
                   {"Library opening hours restored in three towns",
                    2024,
                    3,
                    14,
                    "Evening sessions return to Millbrook, Ashcombe and Tarnley after a campaign by reading groups.",
                    {},
                    "News"},
                   {"Bus shelter contract goes back out to tender",
                    2024,
                    3,
                    7,
                    "The district ended its agreement with the previous supplier after repeated delays to repairs.",
                    {},
                    "News"},
                   {"Home care rates rise by nine per cent",
                    2024,
                    2,
                    29,
                    "Providers in the county will be paid more per hour from April, easing pressure on rural rounds.",
                    {},
                    "Social care"},
                   {"Day centre consultation extended",
                    2024,
                    2,
                    1,
                    "Families asked for more time to respond, and the cabinet agreed to a further six weeks.",
                    {},
                    "Social care"},
               });
  EXPECT_TRUE(p.skipped.empty());
}

TEST(ListingLayouts, HeadlineSummaryAndDateOnOneLine) {
  const auto p = parse_listing(fixture("inline_dates.txt"));
  EXPECT_EQ(p.layout, "inline");
  expect_items(p, {
                      {"Planning fees to rise for major schemes",
                       2024,
                       4,
                       12,
                       "Developers will pay more for large applications under plans set out by ministers this week.",
                       {},
                       ""},
                      {"Coastal path finally reopens after landslip",
                       2024,
                       4,
                       5,
                       "Walkers can use the full route again following two years of repairs funded by three districts.",
                       {},
                       ""},
                      {"Is the committee system making a comeback?",
                       2024,
                       3,
                       28,
                       "More councils are weighing a return to committees, writes Tamsin Okoro-Blake.",
                       {"Tamsin Okoro-Blake"},
                       ""},
                      {"Waste contract savings beat forecasts",
                       2024,
                       3,
                       21,
                       "The shared collection service cost less than expected in its first full year.",
                       {},
                       ""},
                  });
}

TEST(ListingLayouts, BylinesInMoreSummaryForms) {
  const auto p = parse_listing(fixture("summary_bylines.txt"));
  EXPECT_EQ(p.layout, "bulleted");
  ASSERT_EQ(p.articles.size(), 5u);
  EXPECT_EQ(p.articles[0].authors, Names{"Marisol Penhaligon"});
  EXPECT_EQ(p.articles[1].authors, Names{"Desmond Achterberg-Lowe"});
  EXPECT_EQ(p.articles[2].authors, Names{"Lord Fennimore"});
  EXPECT_EQ(p.articles[3].authors, Names{"Petronella Quist"});
  EXPECT_TRUE(p.articles[4].authors.empty());  // "Experts warn": nobody is named
}

TEST(ListingLayouts, ArticleCaptionIsNotTheStandfirst) {
  const auto p = parse_listing(fixture("caption_article.txt"));
  EXPECT_EQ(p.layout, "article");
  ASSERT_EQ(p.articles.size(), 1u);
  const auto& a = p.articles[0];
  EXPECT_EQ(a.headline, "Town centre flats approved despite parking concerns");
  EXPECT_EQ(a.authors, Names{"Cordelia Vance-Oduya"});
  EXPECT_EQ(a.year, 2024);
  EXPECT_EQ(a.month, 4);
  EXPECT_EQ(a.day, 9);
  EXPECT_EQ(a.body.rfind("Planning committee members have approved 84 flats", 0), 0u) << a.body;
  EXPECT_EQ(a.body.find("image"), std::string::npos);
  EXPECT_EQ(a.body.find("Edit this post"), std::string::npos);
  EXPECT_TRUE(skipped_with(p, "image caption"));
}

TEST(ListingLayouts, PageCutOffInsideTheLastJobBox) {
  const auto p = parse_listing(fixture("truncated_advert.txt"));
  EXPECT_TRUE(p.articles.empty());
  ASSERT_EQ(p.adverts.size(), 2u);
  EXPECT_EQ(p.adverts[0].title, "Tree Officer");
  EXPECT_EQ(p.adverts[0].employer, "Millbrook District Council");
  EXPECT_EQ(p.adverts[0].salary, "£32,654 - £35,745");
  EXPECT_FALSE(p.adverts[0].truncated);
  EXPECT_EQ(p.adverts[1].title, "Grounds Maintenance Supervisor");
  EXPECT_EQ(p.adverts[1].employer, "Ashcombe Borough Council");
  EXPECT_EQ(p.adverts[1].salary, "£28,770 - £30,060 per annum");
  EXPECT_EQ(p.adverts[1].category_heading, "Parks jobs");
  EXPECT_TRUE(p.adverts[1].truncated);
  EXPECT_TRUE(p.skipped.empty());
}

TEST(ListingLayouts, FurnitureOnlyPageYieldsNothing) {
  const auto p = parse_listing(fixture("furniture_only.txt"));
  EXPECT_TRUE(p.articles.empty());
  EXPECT_TRUE(p.adverts.empty());
  EXPECT_EQ(p.layout, "none");
  EXPECT_EQ(p.skipped.size(), 7u);
}

// The last paragraphs of an article never become an advert, even when one reads like a salary.
TEST(ListingLayouts, ArticleEndingInMoneyIsNotAnAdvert) {
  const auto p = parse_listing(
      "Jo Bloggs 3 May 2024\n\nBudget agreed\n\nMembers agreed the budget.\n\nThe leader spoke.\n\n"
      "£2m goes to roads\n\nMore follows.\n");
  EXPECT_TRUE(p.adverts.empty());
  ASSERT_EQ(p.articles.size(), 1u);
}

// A summary that ends in a date on a bulleted page stays a summary.
TEST(ListingLayouts, DateAtEndOfSummaryOnBulletedPage) {
  const auto p = parse_listing(
      "• Consultation opens\n\n4 March 2024\n\nResidents can respond online until the deadline of 12 April "
      "2024\n\n• Second item here\n\n5 March 2024\n\nA short summary.\n");
  EXPECT_EQ(p.layout, "bulleted");
  ASSERT_EQ(p.articles.size(), 2u);
  EXPECT_EQ(p.articles[0].summary, "Residents can respond online until the deadline of 12 April 2024");
}

// Several "Name date" lines each under a headline are a stacked listing, not article pages.
TEST(ListingLayouts, AuthorDateLinesUnderHeadlines) {
  const auto p = parse_listing(
      "Bridges need a national fund\nMarta Quill 2 May 2024\nA summary about bridges.\n\n"
      "Flood defences in the valley\nOwen Tarrant 30 April 2024\nA summary about floods.\n");
  EXPECT_EQ(p.layout, "stacked");
  ASSERT_EQ(p.articles.size(), 2u);
  EXPECT_EQ(p.articles[1].headline, "Flood defences in the valley");
  EXPECT_EQ(p.articles[1].authors, Names{"Owen Tarrant"});
  EXPECT_EQ(p.articles[1].day, 30);
}

}  // namespace
}  // namespace gazette::importers
