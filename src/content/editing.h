// The rules of writing an article by hand (the newsroom editor, and the JSON API to come): what an
// editor's form may hold, when an edit changes the publication time, and the one transaction that
// stores the text with its councils detected. Pure functions and a service over a connection; safe
// from any thread with that thread's own connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/article.h"
#include "content/article_service.h"
#include "store/connection.h"

namespace gazette::content {

// The editor's fields as typed, so a refused save can show them again rather than lose them.
struct ArticleForm {
  std::string headline, standfirst, body, byline, tags, section, status;
  // "YYYY-MM-DDTHH:MM" in the site's zone (content/site_time.h), as an <input type=datetime-local>
  // sends it; empty: now for a new article, unchanged for an edit.
  std::string published;
  // --- editing (issue 10): the version the editor started from; a significant update; the address
  // and search-engine fields (empty: the headline's slug, the headline, the standfirst, this site).
  std::string version;
  bool significant = false;
  std::string slug, seo_title, seo_description, canonical_url;
  // --- end editing
};

// What a newsroom save sets beside the article's text, checked by check_article_form.
struct EditorialInput {
  std::int64_t version = 0;  // 0: a new article
  bool significant = false;
  std::string slug, seo_title, seo_description, canonical_url;
};

// Limits on what the editor accepts. The body's keeps a form inside the server's 1 MB request limit
// even when percent-encoding triples every byte (the longest trade-press features are ~40,000 bytes).
inline constexpr std::size_t kMaxHeadlineChars = 300, kMaxStandfirstBytes = 2000, kMaxBodyBytes = 300'000,
                             kMaxListFieldBytes = 1000;

// The form of a stored article, for the editor to show.
ArticleForm form_of(const Article& a);

// The sections an article may be put in: the site's, or the usual four while it has none yet (the
// first save creates the one chosen).
std::vector<std::string> section_choices(const std::vector<Section>& sections);

// Checks a form against the rules and turns it into `in`. Returns the first reason to refuse it, in
// words for the editor, or an empty string. A blank publication time leaves in.published_at at 0.
std::string check_article_form(const ArticleForm& form, const std::vector<std::string>& sections, std::int64_t now,
                               ArticleInput& in);
// The same, with the editorial fields: the slug must be lowercase words joined by hyphens (at most 80
// characters), the canonical URL an absolute http(s) URL, the SEO title at most 200 characters and
// the description 400.
std::string check_article_form(const ArticleForm& form, const std::vector<std::string>& sections, std::int64_t now,
                               ArticleInput& in, EditorialInput& editorial);

// "2025-03-04T09:30" (seconds allowed, 'T' or space), a wall-clock time in the site's zone, as Unix
// seconds; nullopt when it is not such a time, the date does not exist, or the clocks skip it.
std::optional<std::int64_t> parse_form_time(const std::string& text);
// Unix seconds as "2025-03-04T09:30" in the site's zone.
std::string form_time(std::int64_t unix_seconds);

// "A, B,, a" -> {"A", "B", "a"}: comma-separated names trimmed, blanks and exact repeats dropped.
std::vector<std::string> split_names(const std::string& list);
std::string join_names(const std::vector<std::string>& names);

// The publication time an edit saves. Publishing a draft dates it `now`, unless the same save set
// another time: a story drafted last week and published today is today's news. Otherwise the time
// typed, or the stored one when none was (in.published_at == 0).
std::int64_t publication_time_on_save(const Article& stored, const ArticleInput& in, std::int64_t now);

enum class SaveStatus { saved, duplicate, not_found, conflict, slug_taken };
struct SaveResult {
  SaveStatus status = SaveStatus::saved;
  std::int64_t id = 0;  // the article saved
  // On `conflict`: the newer stored version the save was refused over (nothing was written).
  std::optional<Article> current;
};

// Stores a new article (`id` empty) or an edit, in one transaction, through ArticleService: the text,
// byline, tags, section, councils detected afresh from the text, the search index, a revision by `by`
// and the change-log names. `duplicate` when a new article's headline was already published that day;
// `not_found` when there is no article `id`; `conflict` when the article moved past
// opt.expected_version (nothing is written). Afterwards the article's related reading is worked out
// (failures there are logged, not thrown: the save stands). Throws store::Error when the database
// refuses the write; nothing is stored then.
SaveResult save_article(store::Connection& db, std::optional<std::int64_t> id, ArticleInput in, const ChangedBy& by,
                        const EditOptions& opt, std::int64_t now);

}  // namespace gazette::content
