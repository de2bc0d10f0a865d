// Links articles to the councils they mention, and keeps the database's copy of the register current.
// The detector is built once per process from the built-in register and shared (it is immutable).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/article.h"
#include "councils/detector.h"
#include "store/connection.h"
#include "store/council_store.h"

namespace gazette::councils {

// The process-wide detector over the built-in register. Thread-safe.
const CouncilDetector& default_detector();

// Writes the built-in register into the database (insert or update; rows without a GSS code are not
// stored). Call inside a Transaction. Returns the number of councils written.
int sync_builtin_register(store::Connection& db);

// The councils an article's text mentions: GSS code and number of mentions, in code order. Importers
// put these in content::ArticleInput::councils, so a new article is indexed once, links and all.
std::vector<std::pair<std::string, int>> detect_mentions(std::string_view headline, std::string_view standfirst,
                                                         std::string_view body);

// Detects councils in an article's text and replaces its council links (and its search filter words). Call inside a
// Transaction. Returns how many distinct councils were linked.
int tag_article(store::Connection& db, std::int64_t article_id, std::string_view headline, std::string_view standfirst,
                std::string_view body);

// The council a reader means by what they typed in a search form: a slug ("stockport-metropolitan-
// borough-council"), an official name, a trade-press form the detector knows ("Stockport MBC"), or the
// start of one current council's name ("Stockport"). nullopt when none matches; when the start of a
// name fits several councils, `ambiguous` names two of them ("Bath and North East Somerset Council or ...").
std::optional<store::CouncilRow> find_council(store::Connection& db, const std::string& typed, std::string& ambiguous);

// Whether a council's name fits what a reader typed to narrow a list: every word typed appears in
// the name, ignoring ASCII case ("maid bor" fits Maidstone Borough Council). Empty `typed` fits all.
bool name_matches(std::string_view name, std::string_view typed);

// Re-tags every article, in batches of one transaction each; `progress(done)` after each batch.
std::int64_t retag_all(store::Connection& db, const std::function<void(std::int64_t)>& progress);

}  // namespace gazette::councils
