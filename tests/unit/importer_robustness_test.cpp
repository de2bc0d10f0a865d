// Property tests for the importers of outside files: whatever the bytes (a fixture cut off anywhere,
// bytes flipped, random markup), an import neither crashes nor hangs, and a rejected file writes
// nothing: the article and advert counts are what they were before it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>

#include "importers/feed_importer.h"
#include "importers/job_feed_importer.h"
#include "importers/job_table_importer.h"
#include "importers/listing_importer.h"
#include "importers/wxr_importer.h"
#include "store/job_store.h"
#include "test_support.h"

namespace gazette::importers {
namespace {

using gazette::testing::TempDb;

std::string slurp(const std::string& rel) {
  std::ifstream in(std::string(GAZETTE_SOURCE_DIR) + "/tests/fixtures/" + rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::int64_t articles(store::Connection& db) {
  return db.scalar("article_total", {});
}

// Variants of `text`: cut at random points, with random bytes changed, and with random slices repeated.
std::vector<std::string> mutations(const std::string& text, unsigned seed, int count) {
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string t = text;
    switch (i % 3) {
      case 0:
        t.resize(rng() % (t.size() + 1));
        break;
      case 1:
        for (int k = 0; k < 5 && !t.empty(); ++k)
          t[rng() % t.size()] = static_cast<char>("<>&\"';,\n\t\xC3\xFF"[rng() % 12]);
        break;
      default:
        if (!t.empty()) {
          const std::size_t a = rng() % t.size(), len = rng() % std::min<std::size_t>(200, t.size() - a);
          t.insert(rng() % t.size(), t.substr(a, len));
        }
    }
    out.push_back(std::move(t));
  }
  return out;
}

// Runs `import` on every variant; a variant reported as not ok must leave the counts unchanged.
void check_all_or_nothing(const std::string& fixture, unsigned seed,
                          const std::function<bool(store::Connection&, const std::string&)>& import) {
  TempDb t;
  for (const std::string& variant : mutations(slurp(fixture), seed, 60)) {
    const std::int64_t a = articles(t.db()), j = store::JobStore(t.db()).count();
    if (!import(t.db(), variant)) {
      EXPECT_EQ(articles(t.db()), a) << fixture;
      EXPECT_EQ(store::JobStore(t.db()).count(), j) << fixture;
    }
  }
}

TEST(ImporterRobustness, WxrExports) {
  check_all_or_nothing("wxr/small_site.xml", 1, [](store::Connection& db, const std::string& text) {
    return import_wxr_text(db, text, "x.xml", {}).ok;
  });
}

TEST(ImporterRobustness, ArticleFeeds) {
  for (const char* f : {"feeds/old_site_rss.xml", "feeds/old_site_atom.xml"}) {
    check_all_or_nothing(f, 2, [](store::Connection& db, const std::string& text) {
      return import_article_feed_text(db, text, "x.xml", "News").ok;
    });
  }
}

TEST(ImporterRobustness, JobFeedsAndExports) {
  for (const char* f : {"jobs/formats/html_descriptions.xml", "jobs/formats/vacancies_rss.xml"}) {
    check_all_or_nothing(f, 3, [](store::Connection& db, const std::string& text) {
      return import_job_feed_text(db, text, "x.xml").ok;
    });
  }
  check_all_or_nothing("jobs/formats/vacancies_export.csv", 4, [](store::Connection& db, const std::string& text) {
    return import_job_table_text(db, text, ',', {}, "x.csv").feed.ok;
  });
}

TEST(ImporterRobustness, ListingPages) {
  for (const char* f : {"listing/stacked_bylines.txt", "listing/inline_dates.txt", "listing/truncated_advert.txt"}) {
    check_all_or_nothing(
        f, 5, [](store::Connection& db, const std::string& text) { return import_listing_text(db, text, "x.txt").ok; });
  }
}

}  // namespace
}  // namespace gazette::importers
