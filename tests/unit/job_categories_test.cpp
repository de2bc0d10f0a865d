#include "jobs/categories.h"

#include <gtest/gtest.h>

#include <iostream>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace gazette::jobs {
namespace {

struct Case {
  std::string title, description, want;  // want "" = no convincing category
};

const std::string kAdultsContext =
    "You will support adults with learning disabilities to live independently, carrying out Care Act "
    "assessments and reviews alongside our adult social care teams.";
const std::string kChildrenContext =
    "Join our children and families service, working with children in need and child protection "
    "cases in the front door team.";

const std::vector<Case> kCases = {
    {"Transformation project manager (children, education & families)", "", "childrens-services"},
    {"Pensions Officer – Payroll, Payments and Projects", "", "finance"},
    {"Child Practitioner - Kinship Matters Support Worker", "", "childrens-services"},
    {"Advanced Skills Worker", kAdultsContext, "adult-social-care"},
    {"Social Worker - Assessment & Intervention, West Essex", kChildrenContext, "childrens-services"},
    {"Social Worker - Assessment & Intervention, West Essex", kAdultsContext, "adult-social-care"},
    {"Social Worker - Assessment & Intervention, West Essex", "", ""},  // adults or children: no guess
    {"Highways Inspector", "", "highways-transport"},
    {"Senior Planning Officer", "", "planning"},
    {"School Receptionist", "", "education"},
    {"Principal Transport Planner", "", "highways-transport"},
    {"Chief Executive", "", "senior-management"},
    {"Director of Adult Social Services", "", "senior-management"},
    {"Environmental Health Officer", "", "environment"},
    {"Solicitor (Litigation)", "", "legal-governance"},
    {"Democratic Services Officer", "", "legal-governance"},
    {"ICT Service Desk Analyst", "", "it-digital"},
    {"Housing Options Officer", "", "housing"},
    {"Regeneration Manager", "", "regeneration"},
    {"Waste Collection Driver (HGV)", "", "waste"},
    {"Executive Assistant to the Chief Executive", "", "customer-services-admin"},
    {"School Crossing Patrol Officer", "", "highways-transport"},
    {"Assistant Director - Finance", "", "senior-management"},
    {"Director of Public Health", "", "senior-management"},
    {"Public Health Practitioner - Healthy Weight", "", "public-health"},
    {"Substance Misuse Commissioning Manager", "", "public-health"},
    {"Occupational Therapist - Reablement", "", "adult-social-care"},
    {"Care Home Manager", "", "adult-social-care"},
    {"Approved Mental Health Professional (AMHP)", "", "adult-social-care"},
    {"Fostering Recruitment Officer", "", "childrens-services"},
    {"Youth Justice Case Manager", "", "childrens-services"},
    {"Early Help Family Worker", "", "childrens-services"},
    {"Residential Children's Home Manager", "", "childrens-services"},
    {"SEND Caseworker", "", "education"},
    {"Educational Psychologist", "", "education"},
    {"Teaching Assistant (Level 3)", "", "education"},
    {"Early Years Advisor", "", "education"},
    {"Senior Accountant", "", "finance"},
    {"Internal Auditor", "", "finance"},
    {"Revenues and Benefits Officer", "", "finance"},
    {"Council Tax Recovery Officer", "", "finance"},
    {"Procurement Category Manager", "", "procurement"},
    {"Electoral Services Officer", "", "legal-governance"},
    {"Information Governance Officer", "", "legal-governance"},
    {"Paralegal - Property & Contracts", "", "legal-governance"},
    {"HR Business Partner", "", "hr"},
    {"Learning & Development Advisor", "", "hr"},
    {"Recruitment Officer", "We recruit for every council service; you will manage our applicant tracking system.",
     "hr"},
    {"Senior Software Developer", "", "it-digital"},
    {"Cyber Security Analyst", "", "it-digital"},
    {"GIS Technician", "", "it-digital"},
    {"IT Support Technician", "", "it-digital"},
    {"Tenancy Sustainment Officer", "", "housing"},
    {"Homelessness Prevention Caseworker", "", "housing"},
    {"Planning Enforcement Officer", "", "planning"},
    {"Building Control Surveyor", "", "planning"},
    {"Conservation Officer (Historic Environment)", "", "planning"},
    {"Economic Development Officer", "", "regeneration"},
    {"Town Centre Manager", "", "regeneration"},
    {"Traffic Signals Engineer", "", "highways-transport"},
    {"Street Lighting Technician", "", "highways-transport"},
    {"Civil Enforcement Officer (Parking)", "", "highways-transport"},
    {"Ecologist", "", "environment"},
    {"Climate Change Officer", "", "environment"},
    {"Trading Standards Officer", "", "environment"},
    {"Arboricultural Officer", "", "environment"},
    {"Recycling Officer", "", "waste"},
    {"Refuse Loader", "", "waste"},
    {"Street Cleansing Operative", "", "waste"},
    {"Library Assistant", "", "leisure-culture"},
    {"Museum Curator", "", "leisure-culture"},
    {"Lifeguard / Swimming Teacher", "", "leisure-culture"},
    {"Estates Surveyor", "", "property-facilities"},
    {"Facilities Assistant", "", "property-facilities"},
    {"Communications Officer", "", "communications"},
    {"Press Officer", "", "communications"},
    {"Marketing and Campaigns Manager", "", "communications"},
    {"Customer Service Advisor", "", "customer-services-admin"},
    {"Business Support Officer", "", "customer-services-admin"},
    {"Policy and Performance Officer", "", "policy-performance"},
    {"Emergency Planning Officer", "", ""},
    {"Project Officer", "", ""},
    {"Apprentice", "", ""},
};

TEST(JobCategories, VocabularyIsWellFormed) {
  std::set<std::string> slugs;
  for (const auto& c : categories()) {
    EXPECT_FALSE(c.name.empty());
    EXPECT_TRUE(slugs.insert(c.slug).second) << "duplicate " << c.slug;
    for (char ch : c.slug) EXPECT_TRUE((ch >= 'a' && ch <= 'z') || ch == '-') << c.slug;
    EXPECT_EQ(category_name(c.slug), c.name);
  }
  for (const char* required : {"highways-transport", "planning", "adult-social-care", "childrens-services", "education",
                               "finance", "legal-governance", "hr", "it-digital", "housing", "environment",
                               "public-health", "regeneration", "senior-management"})
    EXPECT_TRUE(slugs.count(required)) << required;
  EXPECT_EQ(category_name("no-such-category"), "");
}

TEST(JobCategories, AccuracyOverRealStyleTitles) {
  ASSERT_GE(kCases.size(), 60u);
  std::size_t right = 0;
  for (const auto& c : kCases) {
    auto got = classify_job(c.title, c.description);
    if (got.slug == c.want) {
      ++right;
    } else {
      std::cout << "  miss: \"" << c.title << "\" -> \"" << got.slug << "\" (" << got.score << "), want \"" << c.want
                << "\"\n";
    }
    EXPECT_EQ(got.slug.empty(), got.score == 0);
  }
  double accuracy = static_cast<double>(right) / static_cast<double>(kCases.size());
  std::cout << "[ categories ] accuracy " << right << "/" << kCases.size() << " = " << accuracy * 100 << "%\n";
  EXPECT_GE(accuracy, 0.90);
}

TEST(JobCategories, TitleOutweighsDescription) {
  // A description full of another service's words must not override a clear title.
  auto got =
      classify_job("Senior Accountant", "Supporting our schools, teachers and pupils across the education service.");
  EXPECT_EQ(got.slug, "finance");
}

TEST(JobCategories, NothingConvincing) {
  EXPECT_EQ(classify_job("", "").slug, "");
  EXPECT_EQ(classify_job("Officer", "Great benefits and flexible working.").slug, "");
  EXPECT_EQ(classify_job("it is what it is", "").slug, "");  // lowercase "it" is not IT
}

TEST(JobCategories, AnyBytesAreSafe) {
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 100);
  for (int i = 0; i < 5000; ++i) {
    std::string a, b;
    for (int n = len(rng); n > 0; --n) a += static_cast<char>(byte(rng));
    for (int n = len(rng); n > 0; --n) b += static_cast<char>(byte(rng));
    auto got = classify_job(a, b);
    if (!got.slug.empty()) {
      EXPECT_FALSE(category_name(got.slug).empty());
    }
  }
  std::string big;
  while (big.size() < 100 * 1024) big += "children schools housing & highways ";
  classify_job(big, big);
}

TEST(CategoryForSection, SameSlugTableOrNone) {
  EXPECT_EQ(category_for_section("housing"), "housing");                // a category's own slug
  EXPECT_EQ(category_for_section("social-care"), "adult-social-care");  // data/jobs/section_categories.tsv
  EXPECT_EQ(category_for_section("transport"), "highways-transport");
  EXPECT_EQ(category_for_section("news"), "");  // a general section: its box is the latest jobs
  EXPECT_EQ(category_for_section(""), "");
  // Every category the table names is a real one (the loader refuses others, so this loads it).
  for (const auto& c : categories()) EXPECT_EQ(category_for_section(c.slug), c.slug);
}

}  // namespace
}  // namespace gazette::jobs
