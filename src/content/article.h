// Article, author, section and tag types shared by importers, the store and the web layer.
// Plain values: no I/O, no HTTP, safe to copy between threads.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "media/image.h"

namespace gazette::content {

enum class Status { draft, scheduled, published };

// "draft" / "scheduled" / "published"; the reverse returns false on an unknown word.
const char* to_string(Status s);
bool parse_status(const std::string& word, Status& out);

struct Author {
  std::int64_t id = 0;
  std::string name;
  std::string slug;
  std::string role;  // role or organisation, e.g. "Chief executive, Anytown DC"
  std::string bio;
};

struct Section {
  std::int64_t id = 0;
  std::string name;
  std::string slug;
  std::string description;
};

struct Tag {
  std::int64_t id = 0;
  std::string name;
  std::string slug;
  std::string description;
};

// An article as written by an importer, the demo generator or (later) the newsroom. The store turns
// names into rows: the section, authors and tags are created on first use.
struct ArticleInput {
  std::string headline;
  std::string standfirst;
  std::string body_markdown;         // may be empty for listing-only items
  std::string section;               // section display name, e.g. "News", "Best practice"
  std::vector<std::string> authors;  // display names, in byline order; may be empty
  std::vector<std::string> tags;     // tag display names
  std::int64_t published_at = 0;     // Unix seconds, UTC
  Status status = Status::published;
  std::string source_url;  // where the item came from, if known
  std::string slug;        // the address wanted (an imported site's slug); from the headline when empty
  // Councils the text mentions: GSS code and number of mentions (councils::detect_mentions fills it).
  std::vector<std::pair<std::string, int>> councils;
};

// Optional profile for an author, used by the demo generator to give authors a role and bio.
struct AuthorProfile {
  std::string name;
  std::string role;
  std::string bio;
};

// An article as stored and shown.
struct Article {
  std::int64_t id = 0;
  std::string slug;
  std::string headline;
  std::string standfirst;
  std::string body_markdown;
  std::string body_html;  // rendered with cmark-gfm in safe mode
  Section section;
  std::vector<Author> authors;
  std::vector<Tag> tags;
  Status status = Status::published;
  std::int64_t published_at = 0;
  std::int64_t updated_at = 0;
  std::string source_url;
  int word_count = 0;
  // --- editing (schema_015): the version a save must name; the "Updated" time readers see (0: none);
  // SEO fields (empty: the headline and standfirst serve); when it went to the bin (0: not binned).
  std::int64_t version = 1;
  std::int64_t revised_at = 0;
  std::string seo_title, seo_description, canonical_url;
  std::int64_t deleted_at = 0;
  std::int64_t created_by = 0;    // the newsroom user who created it (0: imported)
  std::int64_t submitted_at = 0;  // a writer submitted the draft for review (0: not)
  // --- end editing
  // The lead image (empty when there is none); the stores fill it with the authors (store/article_rows.h).
  media::Image lead_image;
};

// One saved version of an article's text (schema_015 article_revisions).
struct Revision {
  std::int64_t id = 0, version = 0, saved_at = 0;
  std::string saved_by;
  std::string headline, standfirst, body_markdown, section, byline, tags, status;
  std::int64_t published_at = 0;
};

}  // namespace gazette::content
