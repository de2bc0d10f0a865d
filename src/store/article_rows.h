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

}  // namespace gazette::store
