// Council register parsing and council-mention detection, including a precision/recall check over the
// hand-labelled sentences in tests/fixtures/councils/labelled.tsv. Files are located through the
// GAZETTE_SOURCE_DIR compile definition; builtin_register() is deliberately not used here.
#include "councils/detector.h"
#include "councils/register.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#ifndef GAZETTE_SOURCE_DIR
#error "GAZETTE_SOURCE_DIR must name the repository root"
#endif

namespace gazette::councils {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::vector<Council>& test_register() {
  static const std::vector<Council> rows =
      parse_register(read_file(GAZETTE_SOURCE_DIR "/data/councils/uk_local_authorities.tsv"));
  return rows;
}

const CouncilDetector& detector() {
  static const CouncilDetector d(test_register());
  return d;
}

std::vector<std::string> codes(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& m : detector().detect(text)) out.push_back(m.gss_code);
  return out;
}

using Codes = std::vector<std::string>;

// ---- Register ---------------------------------------------------------------------------------------

TEST(CouncilRegister, ParsesEveryRow) {
  const auto& rows = test_register();
  EXPECT_EQ(rows.size(), 488u);
  auto it = std::find_if(rows.begin(), rows.end(), [](const Council& c) { return c.gss_code == "E09000028"; });
  ASSERT_NE(it, rows.end());
  EXPECT_EQ(it->official_name, "London Borough of Southwark");
  EXPECT_EQ(it->type, "London borough");
  EXPECT_EQ(it->nation, "England");
  EXPECT_FALSE(it->abolished());
}

TEST(CouncilRegister, AbolishedFlag) {
  const auto& rows = test_register();
  auto allerdale = std::find_if(rows.begin(), rows.end(), [](const Council& c) { return c.gss_code == "E07000026"; });
  ASSERT_NE(allerdale, rows.end());
  EXPECT_TRUE(allerdale->abolished());
  EXPECT_EQ(allerdale->end_date, "2023-03-31");
  std::size_t without_code =
      std::count_if(rows.begin(), rows.end(), [](const Council& c) { return c.gss_code.empty(); });
  EXPECT_EQ(without_code, 27u);  // 25 pre-2015 NI districts, Avon, Wansbeck
}

TEST(CouncilRegister, SlugsUniqueAndNamesNormalised) {
  const auto& rows = test_register();
  std::set<std::string> slugs;
  for (const auto& c : rows) {
    EXPECT_FALSE(c.slug.empty()) << c.official_name;
    EXPECT_TRUE(slugs.insert(c.slug).second) << "duplicate slug " << c.slug;
    EXPECT_EQ(c.official_name.find("  "), std::string::npos) << c.official_name;
  }
  auto by_code = [&](std::string_view code, std::string_view end_date = "") {
    return *std::find_if(rows.begin(), rows.end(),
                         [&](const Council& c) { return c.gss_code == code && c.end_date == end_date; });
  };
  EXPECT_EQ(by_code("E06000024").official_name, "North Somerset Council");
  EXPECT_EQ(by_code("E06000024").slug, "north-somerset-council");
  EXPECT_EQ(by_code("S12000015").slug, "fife-council");
  EXPECT_EQ(by_code("E09000013").slug, "london-borough-of-hammersmith-and-fulham");
  EXPECT_EQ(by_code("E07000146").slug, "borough-council-of-kings-lynn-and-west-norfolk");
  // Glasgow has four rows: the current one keeps the plain slug.
  EXPECT_EQ(by_code("S12000046").slug, "glasgow-city-council");
  EXPECT_EQ(by_code("S12000043", "2011-03-31").slug, "glasgow-city-council-s12000043");
}

TEST(CouncilRegister, MalformedRowsNameTheLine) {
  const std::string header = "gss_code\tofficial_name\ttype\tnation\tstart_date\tend_date\tsource_key\tsource\tnote\n";
  const std::string good = "E06000052\tCornwall Council\tunitary authority\tEngland\t\t\tk:CON\tsrc\t\n";
  EXPECT_EQ(parse_register(header + good).size(), 1u);
  auto message = [](const std::string& tsv) {
    try {
      parse_register(tsv);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message(header + good + "E06000053\tToo few\tfields\n").find("line 3"), std::string::npos);
  EXPECT_NE(message(header + "E0600\tBad Code Council\tx\tEngland\t\t\tk\ts\t\n").find("line 2"), std::string::npos);
  EXPECT_NE(message(header + "E06000052\tCornwall Council\tx\tEngland\t2020\t\tk\ts\t\n").find("line 2"),
            std::string::npos);
  EXPECT_NE(message(header + "E06000052\t \tx\tEngland\t\t\tk\ts\t\n").find("line 2"), std::string::npos);
  EXPECT_NE(message("name\tcode\n" + good).find("line 1"), std::string::npos);
  EXPECT_NE(message("").find("line 1"), std::string::npos);
  // CRLF line endings and blank lines are fine.
  EXPECT_EQ(parse_register("gss_code\tofficial_name\ttype\tnation\tstart_date\tend_date\tsource_key\tsource\tnote\r\n"
                           "E06000052\tCornwall Council\tunitary authority\tEngland\t\t\tk:CON\tsrc\t\r\n\r\n")
                .size(),
            1u);
}

// ---- Detection: forms -------------------------------------------------------------------------------

struct FormCase {
  const char* text;
  Codes expected;
};

class CouncilForms : public ::testing::TestWithParam<FormCase> {};

TEST_P(CouncilForms, Detects) {
  EXPECT_EQ(codes(GetParam().text), GetParam().expected) << GetParam().text;
}

const FormCase kForms[] = {
    // Official names, with and without "The".
    FormCase{"West Berkshire Council voted", {"E06000037"}},
    FormCase{"The Fife Council agreed", {"S12000015"}},
    FormCase{"Fife Council agreed", {"S12000015"}},
    FormCase{"North Somerset Council said", {"E06000024"}},
    FormCase{"the Royal Borough of Greenwich", {"E09000011"}},
    FormCase{"London Borough of Richmond upon Thames", {"E09000027"}},
    // London boroughs.
    FormCase{"Southwark LBC chose", {"E09000028"}},
    FormCase{"Southwark Council chose", {"E09000028"}},
    FormCase{"Southwark London Borough Council", {"E09000028"}},
    FormCase{"LB Hackney", {"E09000012"}},
    FormCase{"Kingston RLBC", {"E09000021"}},
    FormCase{"Kingston upon Thames RLBC", {"E09000021"}},
    FormCase{"Richmond Council", {"E09000027"}},
    FormCase{"Greenwich RBC", {"E09000011"}},
    FormCase{"Windsor and Maidenhead RBC", {"E06000040"}},
    FormCase{"Windsor & Maidenhead RBC", {"E06000040"}},
    FormCase{"Westminster City Council", {"E09000033"}},
    // Metropolitan boroughs, cities, counties, districts.
    FormCase{"Stockport MBC", {"E08000007"}},
    FormCase{"Stockport Metropolitan Borough Council", {"E08000007"}},
    FormCase{"Stockport Council", {"E08000007"}},
    FormCase{"Wakefield MDC", {"E08000036"}},
    FormCase{"Runnymede BC", {"E07000212"}},
    FormCase{"Sevenoaks DC", {"E07000111"}},
    FormCase{"Sevenoaks District Council", {"E07000111"}},
    FormCase{"Essex CC", {"E10000012"}},
    FormCase{"Essex County Council", {"E10000012"}},
    FormCase{"Leeds CC", {"E08000035"}},  // CC after a city: the city council
    FormCase{"Leeds City Council", {"E08000035"}},
    FormCase{"Cambridge CC", {"E07000008"}},
    FormCase{"Cambridgeshire CC", {"E10000003"}},
    FormCase{"Birmingham City Council", {"E08000025"}},
    FormCase{"City of York Council", {"E06000014"}},
    FormCase{"York Council", {"E06000014"}},
    FormCase{"Cornwall Council", {"E06000052"}},
    FormCase{"Buckinghamshire Council", {"E06000060"}},
    FormCase{"Conwy CBC", {"W06000003"}},
    FormCase{"Cardiff Council", {"W06000015"}},
    // Punctuation and spelling variants.
    FormCase{"Brighton & Hove City Council", {"E06000043"}},
    FormCase{"Brighton and Hove City Council", {"E06000043"}},
    FormCase{"St Helens Council", {"E08000013"}},
    FormCase{"St. Helens Council", {"E08000013"}},
    FormCase{"Southwark LBC's leader", {"E09000028"}},
    FormCase{"Southwark LBC\u2019s leader", {"E09000028"}},
    FormCase{"Stoke-on-Trent City Council", {"E06000021"}},
    FormCase{"Stoke on Trent City Council", {"E06000021"}},
    FormCase{"Ynys M\u00f4n Council", {"W06000001"}},
    FormCase{"Ynys Mon Council", {"W06000001"}},
    FormCase{"Bournemouth, Christchurch and Poole Council", {"E06000058"}},
    FormCase{"Manchester council leaders", {"E08000003"}},
    FormCase{"Essex's council", {"E10000012"}},
    FormCase{"ESSEX COUNTY COUNCIL", {"E10000012"}},
    // Abolished councils; a current council wins a shared form.
    FormCase{"Allerdale Borough Council", {"E07000026"}},
    FormCase{"Allerdale BC", {"E07000026"}},
    FormCase{"Dorset County Council", {"E10000009"}},
    FormCase{"Dorset Council", {"E06000059"}},
    FormCase{"Somerset Council", {"E06000066"}},
    FormCase{"Glasgow City Council", {"S12000046"}},
    FormCase{"Powys County Council", {"W06000023"}},
    // Overlaps: the longest match wins; two councils side by side are two mentions.
    FormCase{"London Borough of Richmond upon Thames and London Borough of Wandsworth", {"E09000027", "E09000032"}},
    FormCase{"North Somerset Council and Somerset Council", {"E06000024", "E06000066"}},
    FormCase{"Greater Manchester Combined Authority", {"E47000001"}},
    FormCase{"Newcastle-under-Lyme Borough Council", {"E07000195"}},
    // Not councils.
    FormCase{"Manchester", {}},
    FormCase{"in Oxfordshire", {}},
    FormCase{"the bathroom in Bath", {}},
    FormCase{"wearing a coat in Hull during the hullabaloo", {}},
    FormCase{"reading council papers", {}},
    FormCase{"Essex cc", {}},
    FormCase{"Manchester United", {}},
    FormCase{"Greater Manchester council leaders", {}},
    FormCase{"Kent Council for Voluntary Service", {}},
    FormCase{"county councils", {}},
    FormCase{"a district council", {}},
    FormCase{"Derry City Council", {}},  // abolished 2015, no GSS code: matched but not reported
    FormCase{"", {}},
};

INSTANTIATE_TEST_SUITE_P(Table, CouncilForms, ::testing::ValuesIn(kForms));

TEST(CouncilDetector, OffsetsAreBytesIntoTheInput) {
  const std::string text = "Ynys Môn Council and St. Helens Council’s leader met Southwark LBC’s chief executive.";
  auto found = detector().detect(text);
  ASSERT_EQ(found.size(), 3u);
  std::vector<std::string> matched;
  for (const auto& m : found) {
    EXPECT_EQ(text.substr(m.offset, m.length), m.matched_text);
    matched.push_back(m.matched_text);
  }
  EXPECT_EQ(matched, (std::vector<std::string>{"Ynys Môn Council", "St. Helens Council", "Southwark LBC"}));
  EXPECT_EQ(found[0].offset, 0u);
  EXPECT_EQ(found[0].length, std::string("Ynys Môn Council").size());
  EXPECT_EQ(found[2].official_name, "London Borough of Southwark");
}

TEST(CouncilDetector, ReportsEveryOccurrence) {
  auto found = detector().detect("Kent CC said... Later, Kent County Council added");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].gss_code, "E10000016");
  EXPECT_EQ(found[1].gss_code, "E10000016");
  EXPECT_EQ(found[1].matched_text, "Kent County Council");
}

TEST(CouncilDetector, SafeOnOddInput) {
  std::string junk = "\xff\xfe Essex CC \xc3 \xe2\x80 LBC's ' \xe2\x80\x99s & & ,,, -- St. St.";
  EXPECT_EQ(codes(junk), (Codes{"E10000012"}));
  EXPECT_TRUE(codes(std::string(1000, '\'')).empty());
}

TEST(CouncilDetector, ConcurrentDetectAgrees) {
  const std::string text = "Stockport MBC, Essex CC and West Berkshire Council.";
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(4);
  for (std::size_t t = 0; t < counts.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) counts[t] += detector().detect(text).size();
    });
  for (auto& th : threads) th.join();
  for (auto c : counts) EXPECT_EQ(c, 600u);
}

struct Score {
  std::size_t sentences = 0, negatives = 0, tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 1.0; }
};

// Scores the detector on one labelled file (sentence TAB expected codes), printing each mistake.
Score score_file(const std::string& path) {
  Score s;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line.starts_with("sentence\t")) continue;
    const auto tab = line.find('\t');
    EXPECT_NE(tab, std::string::npos) << "no tab in: " << line;
    if (tab == std::string::npos) continue;
    const std::string sentence = line.substr(0, tab);
    std::set<std::string> expected, got;
    std::istringstream list(line.substr(tab + 1));
    for (std::string code; std::getline(list, code, ',');)
      if (!code.empty()) expected.insert(code);
    for (const auto& code : codes(sentence)) got.insert(code);
    ++s.sentences;
    s.negatives += expected.empty();
    for (const auto& c : got) {
      if (expected.count(c))
        ++s.tp;
      else
        ++s.fp, std::cout << "  false positive " << c << ": " << sentence << "\n";
    }
    for (const auto& c : expected)
      if (!got.count(c)) ++s.fn, std::cout << "  missed " << c << ": " << sentence << "\n";
  }
  return s;
}

// Shared plural designations and one-letter misspellings, with hard negatives; together with the
// main labelled set, precision stays at least 0.99.
TEST(CouncilDetector, SharedDesignationsAndNearMissesKeepPrecision) {
  const Score extra = score_file(GAZETTE_SOURCE_DIR "/tests/fixtures/councils/shared_and_misspelt.tsv");
  const Score main = score_file(GAZETTE_SOURCE_DIR "/tests/fixtures/councils/labelled.tsv");
  ASSERT_GE(extra.sentences, 40u);
  ASSERT_GE(extra.negatives, 20u);
  std::cout << "shared/misspelt: precision " << extra.precision() << " recall " << extra.recall() << " (" << extra.tp
            << " found, " << extra.fp << " false positives, " << extra.fn << " missed)\n";
  EXPECT_EQ(extra.fp, 0u);
  EXPECT_GE(extra.recall(), 0.9);
  const double combined = double(main.tp + extra.tp) / double(main.tp + extra.tp + main.fp + extra.fp);
  EXPECT_GE(combined, 0.99);
}

TEST(CouncilDetector, PrecisionAndRecallOnLabelledSentences) {
  std::istringstream in(read_file(GAZETTE_SOURCE_DIR "/tests/fixtures/councils/labelled.tsv"));
  std::size_t sentences = 0, negatives = 0, tp = 0, fp = 0, fn = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line.starts_with("sentence\t")) continue;
    auto tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << "no tab in: " << line;
    std::string sentence = line.substr(0, tab);
    std::set<std::string> expected, got;
    std::istringstream list(line.substr(tab + 1));
    for (std::string code; std::getline(list, code, ',');)
      if (!code.empty()) expected.insert(code);
    for (const auto& code : codes(sentence)) got.insert(code);
    ++sentences;
    negatives += expected.empty();
    for (const auto& c : got) {
      if (expected.count(c))
        ++tp;
      else
        ++fp, std::cout << "  false positive " << c << ": " << sentence << "\n";
    }
    for (const auto& c : expected)
      if (!got.count(c)) ++fn, std::cout << "  missed " << c << ": " << sentence << "\n";
  }
  ASSERT_GE(sentences, 150u);
  ASSERT_GE(negatives, 50u);
  double precision = tp + fp ? double(tp) / double(tp + fp) : 1.0;
  double recall = tp + fn ? double(tp) / double(tp + fn) : 1.0;
  std::cout << "council detection: precision " << precision << " recall " << recall << " over " << sentences
            << " sentences (" << negatives << " without a council; " << tp << " found, " << fp << " false positives, "
            << fn << " missed)\n";
  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.85);
}

}  // namespace
}  // namespace gazette::councils
