// The demo's copy reads like trade-press copy: thousands of generated articles carry no doubled words
// or phrases, no stacked "the X of the Y of" frames, no unexpanded placeholders, no "a"/"an" slips and
// no stray spacing (demo/copy_check.h), and the checker itself catches the flaws found in the wild.
#include "demo/copy_check.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "demo/demo_data.h"

namespace gazette::demo {
namespace {

constexpr std::int64_t kNewest = 1715941800;  // 2024-05-17 10:30 UTC

TEST(DemoCopyCheck, CatchesTheFlawsReadersNoticed) {
  for (std::string_view bad : {
           "With pressure from pressure on the housing revenue account showing no sign of easing.",
           "Councils face the cost of the cost of servicing past borrowing.",
           "Liverpool and Newham to share drug services services",
           "Counting the cost of retrofit costs in Barnet",
           "Fife pauses recruitment programme amid the recruitment crisis",
           "North Yorkshire proposes 4.99% council tax rise to protect council tax",
           "The council has agreed a ageing strategy.",
           "The plan needs an council-wide review.",
           "Plans for $A were approved.",
           "Officers said  the plans were ready .",
       })
    EXPECT_NE(copy_flaw(bad), "") << bad;
}

TEST(DemoCopyCheck, AcceptsOrdinaryCopy) {
  for (std::string_view good : {
           "Surrey County Council and Kent County Council are drawing up plans for a joint approach.",
           "A spokesperson for Reading Borough Council said: “We think it is right for Reading.” Cllr Lowe added: "
           "“We will keep residents informed.”",
           "Reform has been promised many times; this time it has to be delivered.",
           "The findings are published in [the report](https://example.org/reports/leeds-housing).",
           "An independent review is due, and a unitary authority, a one-year settlement and an LED upgrade follow.",
           "The authority expects to spend £2.9m on home care in 2024/25, up 4.99% on the previous year.",
       })
    EXPECT_EQ(copy_flaw(good), "") << good;
}

// Checks of its own, independent of copy_check: a word twice in a row within a sentence ("by officers.
// Officers said" is an echo real copy has), and a lower-case sentence start.
std::string independent_flaw(std::string_view text) {
  std::string prev, word;
  auto flush = [&]() -> std::string {
    std::string found;
    if (!word.empty() && word == prev && !std::isdigit(static_cast<unsigned char>(word[0]))) found = word;
    if (!word.empty()) prev = word;
    word.clear();
    return found;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c)) {
      word.push_back(static_cast<char>(std::tolower(c)));
    } else if (auto w = flush(); !w.empty()) {
      return "doubled: " + w;
    } else if (c == '.' || c == '?' || c == '!' || c == ';' || c == ':' || c == '\n') {
      prev.clear();
    }
    if ((c == '.' || c == '?') && i + 2 < text.size() && text[i + 1] == ' ' &&
        std::islower(static_cast<unsigned char>(text[i + 2])))
      return "lower-case sentence start: " + std::string(text.substr(i, 20));
  }
  if (auto w = flush(); !w.empty()) return "doubled: " + w;
  return {};
}

TEST(DemoCopy, ThousandsOfArticlesReadCleanly) {
  DemoGenerator gen(20260517, kNewest);
  int flawed = 0;
  for (int i = 0; i < 3000; ++i) {
    const content::ArticleInput a = gen.next();
    for (const std::string* field : {&a.headline, &a.standfirst, &a.body_markdown}) {
      std::string flaw = copy_flaw(*field);
      if (flaw.empty()) flaw = independent_flaw(*field);
      if (!flaw.empty() && ++flawed <= 10) ADD_FAILURE() << flaw << "\n  in: " << field->substr(0, 400);
    }
    // Template artefacts: a placeholder's '$', an empty quotation, a space before a stop.
    EXPECT_EQ(a.body_markdown.find("“”"), std::string::npos);
    EXPECT_EQ(a.headline.find(" ,"), std::string::npos);
  }
  EXPECT_EQ(flawed, 0);
}

}  // namespace
}  // namespace gazette::demo
