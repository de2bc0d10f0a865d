// Related reading for an article ("You may have missed"): other articles ranked by shared councils,
// shared tags and headline similarity, with a decay for distance in time. Never the article itself
// or a near-duplicate of it. Not thread-safe per Connection.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "content/article.h"
#include "store/connection.h"

namespace gazette::search {

std::vector<content::Article> related_articles(store::Connection& db, const content::Article& article, int count,
                                               std::int64_t now);

// Word-set similarity (Jaccard over lowercase words of three letters or more), 0..1. Headlines above
// 0.8 are treated as the same story.
double headline_similarity(std::string_view a, std::string_view b);

// The id of a stored article that is the same story re-listed with small edits: headline similarity
// above 0.8 and, when both have one, standfirst similarity above 0.6. 0 when there is none.
std::int64_t near_duplicate_of(store::Connection& db, std::string_view headline, std::string_view standfirst);

}  // namespace gazette::search
