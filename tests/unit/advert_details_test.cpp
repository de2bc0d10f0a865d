// Place, contract and hours read from job-box salary lines and snippets (jobs/advert_details.h).
#include "jobs/advert_details.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

namespace gazette::jobs {
namespace {

struct Case {
  std::string salary, snippet;
  std::string location, contract, hours;
  std::optional<double> weekly;
};

const std::vector<Case> kCases = {
    {"£32,654 - £35,745", "Permanent, Full Time. Survey the district's trees. Harlow, Essex", "Harlow, Essex",
     "permanent", "full-time", std::nullopt},
    {"£28,770 - £30,060 per annum", "Fixed Term, 18.5 hours. Lead a small grounds team. Millbrook", "Millbrook",
     "fixed-term", "part-time", 18.5},
    {"£24,000 pro rata, Fixed Term, Full Time", "Support families in the west of the county.", "", "fixed-term",
     "full-time", std::nullopt},
    {"£31,931 to £36,423 per annum", "Part time (22.5 hours per week). Kingston upon Thames", "Kingston upon Thames",
     "", "part-time", 22.5},
    {"£40,000", "This is a 12 month secondment opportunity. Chelmsford, Essex", "Chelmsford, Essex", "secondment", "",
     std::nullopt},
    {"£37,185 - £50,081 per annum", "This is a fixed term contract for 6 months. Here in Essex we raise the bar", "",
     "fixed-term", "", std::nullopt},
    {"Competitive", "Work with the temporary accommodation team. Leeds", "Leeds", "", "", std::nullopt},
    {"£29,000", "Join our team. 37 hours per week.", "", "", "full-time", 37},
    {"£29,000", "Join our team and make a difference", "", "", "", std::nullopt},
    {"£29,000", "Apply by 3 May. Full Time", "", "", "full-time", std::nullopt},
    {"£35,000", "About UsTheKinshipMatte... Oxfordshire", "Oxfordshire", "", "", std::nullopt},
    {"£35,000", "Case work across the borough. Apply now", "", "", "", std::nullopt},
    {"£35,000", "Case work. Hybrid", "", "", "", std::nullopt},
    {"£35,000", "Case work. £2,000 market supplement", "", "", "", std::nullopt},
    {"£22,000 Temporary", "Cover for a period of leave. Stoke-on-Trent", "Stoke-on-Trent", "temporary", "",
     std::nullopt},
};

TEST(AdvertDetails, Table) {
  for (const auto& c : kCases) {
    const auto d = read_advert_details(c.salary, c.snippet);
    EXPECT_EQ(d.location, c.location) << c.snippet;
    EXPECT_EQ(d.contract, c.contract) << c.salary << " | " << c.snippet;
    EXPECT_EQ(d.hours, c.hours) << c.salary << " | " << c.snippet;
    EXPECT_EQ(d.hours_per_week, c.weekly) << c.snippet;
  }
}

TEST(AdvertDetails, RandomBytesNeverCrash) {
  std::mt19937 rng(17);
  for (int n = 0; n < 2000; ++n) {
    std::string a(rng() % 80, ' '), b(rng() % 200, ' ');
    for (auto& c : a) c = static_cast<char>(rng() % 256);
    const std::string alphabet = " .,0123456789hoursFullTimePermanentEssex\xC2\xA3\xE2\x80\xA6";
    for (auto& c : b) c = alphabet[rng() % alphabet.size()];
    const auto d = read_advert_details(a, b);
    EXPECT_LE(d.location.size(), 60u);
  }
}

}  // namespace
}  // namespace gazette::jobs
