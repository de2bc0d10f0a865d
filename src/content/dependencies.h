// Dependency names: what a rendered page was built from, and what a write changed, in one vocabulary.
// A page records the names it depends on; a write names what it changed (in the change log, in the
// same transaction); a cached page goes stale when a name it depends on is changed. The same names go
// out in Surrogate-Key / Cache-Tag headers so a CDN can purge the same way, and travel between
// serving nodes through the change log. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::content::deps {

// Everything: a theme change, a new section in the navigation, a bulk re-tagging.
inline constexpr std::string_view kAll = "all";
// Lists of the newest articles site-wide: home, /feed.xml, /atom.xml, the sitemap index.
inline constexpr std::string_view kLatest = "latest";
// The navigation (sections) every HTML page carries.
inline constexpr std::string_view kNavigation = "nav";
// The councils index (/councils, with article counts).
inline constexpr std::string_view kCouncils = "councils";
// The jobs board: search results, facets, job feeds and the jobs sitemap.
inline constexpr std::string_view kJobs = "jobs";
// The "Latest jobs" box.
inline constexpr std::string_view kLatestJobs = "jl";

// An article: its own page, and every listing, feed or box that shows it.
inline std::string article(std::int64_t id) {
  return "a" + std::to_string(id);
}
// An article's related reading ("You may have missed"): only its own page.
inline std::string related(std::int64_t id) {
  return "r" + std::to_string(id);
}
// The first pages of a listing (and its feeds): a new article in it changes them.
inline std::string section(std::int64_t id) {
  return "s" + std::to_string(id);
}
inline std::string author(std::int64_t id) {
  return "u" + std::to_string(id);
}
inline std::string tag(std::int64_t id) {
  return "t" + std::to_string(id);
}
inline std::string council(std::int64_t id) {
  return "c" + std::to_string(id);
}
// Sitemap parts hold articles by id range; a change to an article changes the part of its bucket.
inline constexpr std::int64_t kSitemapBucket = 1000;
inline std::string sitemap_bucket_of(std::int64_t article_id) {
  return "m" + std::to_string((article_id - 1) / kSitemapBucket);
}
// An advert: its page and every box or list showing it.
inline std::string job(std::int64_t id) {
  return "j" + std::to_string(id);
}
inline std::string employer(std::int64_t id) {
  return "e" + std::to_string(id);
}
// The jobs box of a council ("Jobs at ...").
inline std::string council_jobs(std::int64_t council_id) {
  return "jc" + std::to_string(council_id);
}

// Listing pages past this number are not named by a new article (every page of an offset listing
// shifts by one); they carry a short lifetime instead, so they catch up within minutes.
inline constexpr int kListingHeadPages = 3;

// Splits and joins the change log's space-separated form.
std::vector<std::string> split(std::string_view names);
std::string join(const std::vector<std::string>& names);

}  // namespace gazette::content::deps
