#include "councils/tagging.h"

#include <map>
#include <string>

#include "content/text.h"
#include "councils/register.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "strings/strings.h"

namespace gazette::councils {

const CouncilDetector& default_detector() {
  static const CouncilDetector detector(builtin_register());
  return detector;
}

int sync_builtin_register(store::Connection& db) {
  std::vector<store::CouncilRow> rows;
  for (const auto& c : builtin_register()) {
    store::CouncilRow r;
    r.gss_code = c.gss_code;
    r.official_name = c.official_name;
    r.slug = c.slug;
    r.type = c.type;
    r.nation = c.nation;
    r.start_date = c.start_date;
    r.end_date = c.end_date;
    rows.push_back(std::move(r));
  }
  return store::CouncilStore(db).sync(rows);
}

std::vector<std::pair<std::string, int>> detect_mentions(std::string_view headline, std::string_view standfirst,
                                                         std::string_view body) {
  std::map<std::string, int> counts;
  const auto& detector = default_detector();
  for (std::string_view part : {headline, standfirst, body})
    for (const auto& m : detector.detect(part)) ++counts[m.gss_code];
  return {counts.begin(), counts.end()};
}

int tag_article(store::Connection& db, std::int64_t article_id, std::string_view headline, std::string_view standfirst,
                std::string_view body) {
  auto mentions = detect_mentions(headline, standfirst, body);
  store::CouncilStore(db).set_article_councils(article_id, mentions);
  return static_cast<int>(mentions.size());
}

std::int64_t retag_all(store::Connection& db, const std::function<void(std::int64_t)>& progress) {
  store::CouncilStore councils(db);
  std::int64_t done = 0, after = 0;
  for (;;) {
    store::Transaction tx(db);
    auto batch = councils.article_texts(after, 2000);
    if (batch.empty()) break;
    for (const auto& a : batch) tag_article(db, a.id, a.headline, a.standfirst, a.body);
    tx.commit();
    after = batch.back().id;
    done += static_cast<std::int64_t>(batch.size());
    if (progress) progress(done);
  }
  return done;
}

std::optional<store::CouncilRow> find_council(store::Connection& db, const std::string& typed, std::string& ambiguous) {
  ambiguous.clear();
  store::CouncilStore councils(db);
  if (typed.empty() || typed.size() > 200) return std::nullopt;
  if (auto c = councils.council_by_slug(typed)) return c;
  const std::string slug = content::slugify(typed);
  if (auto c = councils.council_by_slug(slug)) return c;
  // "Stockport MBC", "Essex CC": one council named in the text.
  std::optional<std::string> gss;
  for (const auto& m : default_detector().detect(typed)) {
    if (gss && *gss != m.gss_code) {
      gss.reset();
      break;
    }
    gss = m.gss_code;
  }
  if (gss)
    if (auto c = councils.council_by_gss(*gss)) return c;
  // The start of a current council's name: "stockport" -> stockport-metropolitan-borough-council, or
  // the place in "... of <place>".
  auto starts = councils.current_by_slug_prefix(slug + "-", 2);
  if (starts.empty()) starts = councils.current_of_place(slug, 2);  // "Newham" -> London Borough of Newham
  if (starts.size() == 1) return starts.front();
  if (starts.size() > 1) ambiguous = starts[0].official_name + " or " + starts[1].official_name;
  return std::nullopt;
}

bool name_matches(std::string_view name, std::string_view typed) {
  const std::string haystack = strings::lower_ascii(name);
  for (std::string_view word : content::split_spaces(typed))
    if (haystack.find(strings::lower_ascii(word)) == std::string::npos) return false;
  return true;
}

}  // namespace gazette::councils
