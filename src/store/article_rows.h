// Row mapping shared by the stores that list articles. Internal to src/store/.
#pragma once

#include "content/article.h"
#include "store/connection.h"

namespace gazette::store {

// An article summary from the twelve leading columns every listing query selects: id, slug, headline,
// standfirst, status, published_at, updated_at, word_count, section id, name, slug, description.
content::Article article_summary(const Row& r);

// Adds the article's authors, in byline order, and its lead image.
void load_authors(Connection& db, content::Article& a);
// The same for many articles (a page of cards) in two queries, not two an article: on PostgreSQL each
// query is a round trip.
void load_authors(Connection& db, const std::vector<content::Article*>& articles);
void load_authors(Connection& db, std::vector<content::Article>& articles);

// "1,2,3": a list of ids as one parameter, for the *_of_many queries (json_each on SQLite,
// string_to_array on PostgreSQL).
std::string id_list(const std::vector<std::int64_t>& ids);

}  // namespace gazette::store
