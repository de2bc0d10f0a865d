// Related reading for an article ("You may have missed"): other articles ranked by shared councils,
// shared tags and headline similarity, with a decay for distance in time. Never the article itself
// or a near-duplicate of it. Not thread-safe per Connection.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "content/article.h"
#include "store/connection.h"

namespace gazette::search {

std::vector<content::Article> related_articles(store::Connection& db, const content::Article& article, int count,
                                               std::int64_t now);

// The stored related reading of an article (computed when it was written), visible at `now`; nullopt
// while it waits to be computed (then call related_articles).
std::optional<std::vector<content::Article>> stored_related(store::Connection& db, std::int64_t article_id,
                                                            std::int64_t now);

// Computes and stores related reading for up to `limit` waiting articles of at least `min_priority`
// (new ones first, then edited ones, then the backlog, newest first), a batch per transaction; a new
// article's related articles are queued in turn, as it may belong in their lists. Names each changed
// list (content::deps::related) in the change log. `progress` gets the running count. Returns how many
// were computed.
std::int64_t refresh_related(store::Connection& db, std::int64_t limit, int min_priority = 0,
                             const std::function<void(std::int64_t)>& progress = nullptr);

// Word-set similarity (Jaccard over lowercase words of three letters or more), 0..1. Headlines above
// 0.8 are treated as the same story.
double headline_similarity(std::string_view a, std::string_view b);

// The id of a stored article that is the same story re-listed with small edits: headline similarity
// above 0.8 and, when both have one, standfirst similarity above 0.6. 0 when there is none.
std::int64_t near_duplicate_of(store::Connection& db, std::string_view headline, std::string_view standfirst);

}  // namespace gazette::search
