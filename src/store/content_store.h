// Reads and writes articles, authors, sections and tags. The only code that knows their tables.
// Bound to one Connection, so to one thread; cheap to construct per request or per import.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/article.h"
#include "store/connection.h"

namespace gazette::store {

// Which articles a listing shows. At most one of section_id/author_id/tag_id is set.
struct ArticleFilter {
  std::int64_t section_id = 0;
  std::int64_t author_id = 0;
  std::int64_t tag_id = 0;
  std::int64_t council_id = 0;
  std::int64_t exclude_section_id = 0;  // "other sections" (related reading)
};

enum class SaveOutcome { added, already_present, updated };

struct SitemapEntry {
  std::string slug, section_slug;
  std::int64_t published_at = 0, updated_at = 0;
};

class ContentStore {
 public:
  explicit ContentStore(Connection& db) : db_(db) {}

  // Stores an article unless one with the same identity (headline slug + date) exists. An undated item
  // matches any article with the same headline; a dated item replaces an undated one's date (updated).
  // Creates the section, authors and tags on first use. Call inside a Transaction.
  // `undated_time` is the publication time given to an undated item (0: now).
  SaveOutcome save_article(const content::ArticleInput& in, std::int64_t now, std::int64_t undated_time = 0);
  // The id of the article the last save_article call added, updated or found.
  std::int64_t last_saved_id() const { return last_saved_id_; }

  // True when save_article would find this article already stored (same headline and date, or an
  // undated item whose headline is stored).
  bool exists(const content::ArticleInput& in);

  // Creates the author or fills in their role and bio.
  void save_author_profile(const content::AuthorProfile& p);
  // Creates the section (in this display position) or fills in an empty description.
  content::Section ensure_section(const std::string& name, const std::string& description = "", int position = 100);

  // An old address of an imported article (a path such as "/2012/03/budget-agreed", no trailing
  // slash) to answer with a 301; replaces any earlier target. Call inside a Transaction.
  void add_redirect(const std::string& old_path, std::int64_t article_id);

  // Where an old address now lives, when readers may see the article at `now`.
  struct RedirectTarget {
    std::string section_slug, slug;
    std::int64_t published_at = 0;
  };
  std::optional<RedirectTarget> redirect_target(const std::string& old_path, std::int64_t now);

  // The article readers can see at `now` (not a draft, publication time passed), with authors and tags.
  std::optional<content::Article> article_by_slug(const std::string& slug, std::int64_t now);
  // Any article by id, drafts included, with authors and tags (for editing).
  std::optional<content::Article> article_by_id(std::int64_t id);

  // An edit: replaces the article's headline, standfirst, body, section (kept when empty), authors,
  // tags, councils (in.councils), status and publication time (kept when 0); keeps its slug, so its
  // address. Re-indexes it for search once. Call inside a Transaction. False if there is no such
  // article. content::ArticleService::edit detects the councils from the new text first.
  bool update_article(std::int64_t id, const content::ArticleInput& in, std::int64_t now);

  // Newest first: summaries (no body) with section and authors.
  std::vector<content::Article> list(const ArticleFilter& f, std::int64_t now, int limit, int offset);
  std::int64_t count(const ArticleFilter& f, std::int64_t now);
  // Every article, drafts and scheduled ones included, newest first (the newsroom's list); with
  // `headline_contains`, only those whose headline contains that text (ASCII case-insensitive).
  std::vector<content::Article> list_all(int limit, int offset, const std::string& headline_contains = "");
  std::int64_t count_all(const std::string& headline_contains = "");

  std::vector<content::Section> sections();
  std::optional<content::Section> section_by_slug(const std::string& slug);
  std::optional<content::Author> author_by_slug(const std::string& slug);
  std::optional<content::Tag> tag_by_slug(const std::string& slug);

  std::vector<SitemapEntry> sitemap(std::int64_t now, int limit, int offset);

  // The earliest publication time after `now` (a scheduled article), or 0 when none.
  std::int64_t next_scheduled(std::int64_t now);

  // Scheduled articles whose publication time passed in (after, until].
  std::vector<std::int64_t> due_between(std::int64_t after, std::int64_t until);

  // One sitemap part: visible articles with ids in (after_id, up_to_id], in id order. Parts by id
  // range stay put as articles are added, so a new article changes only the last part.
  std::vector<SitemapEntry> sitemap_range(std::int64_t now, std::int64_t after_id, std::int64_t up_to_id);
  std::int64_t max_id();

  // --- editing (schema_015) -----------------------------------------------------------------------
  // After an edit's text is written: moves the article to the next version and sets the newsroom's
  // fields, if it is still at `expected_version` (call inside the edit's Transaction). False when it
  // is not (another save got there first): the caller rolls back.
  bool advance_version(std::int64_t id, std::int64_t expected_version, std::int64_t revised_at,
                       const std::string& seo_title, const std::string& seo_description,
                       const std::string& canonical_url);
  // The SEO fields of a new article (no new version).
  void set_seo(std::int64_t id, const std::string& seo_title, const std::string& seo_description,
               const std::string& canonical_url);
  // Records a saved version (kept once per version). `user_id` 0: no newsroom user.
  void add_revision(std::int64_t article_id, const content::Revision& r, std::int64_t user_id);
  // Newest first.
  std::vector<content::Revision> revisions(std::int64_t article_id, int limit);
  std::optional<content::Revision> revision(std::int64_t article_id, std::int64_t version);
  // The article whose address is `slug`, or 0.
  std::int64_t slug_owner(const std::string& slug);
  // The article that had `slug` before an editor changed it (its old address redirects), or 0.
  std::int64_t old_slug_owner(const std::string& slug);
  // Gives the article a new address (the old one is remembered); names the article and its listings.
  void set_slug(std::int64_t id, const std::string& slug, std::int64_t now);
  void set_created_by(std::int64_t id, std::int64_t user_id);
  // A writer submitted the draft for review (`at` > 0), or it was taken back (0).
  void set_submitted(std::int64_t id, std::int64_t at);
  // Puts the article in the bin (`at` > 0) or takes it out (0). Call with the article a draft.
  void set_deleted(std::int64_t id, std::int64_t at);
  // The bin, most recently binned first (deleted_at filled in).
  std::vector<content::Article> bin(int limit);
  // Articles binned at or before `cutoff`.
  std::vector<std::int64_t> bin_expired(std::int64_t cutoff);
  // Deletes an article for good (its links, revisions and related rows go with it), naming it as changed.
  void purge(std::int64_t id, std::int64_t now);

  // The newsroom's list: empty / 0 filters are ignored; binned articles are left out.
  struct NewsroomFilter {
    std::string status;
    std::int64_t section_id = 0, author_id = 0;
    std::int64_t from = 0, before = 0;  // publication time range [from, before)
    std::string headline_contains;
    std::int64_t created_by = 0;  // only articles this user created (a writer's list)
    bool in_review = false;       // only drafts a writer submitted for review
  };
  std::vector<content::Article> list_newsroom(const NewsroomFilter& f, int limit, int offset);
  std::int64_t count_newsroom(const NewsroomFilter& f);
  std::vector<content::Author> authors();

  // A site-wide value kept in `meta` (the home page's lead story: "home_lead"); empty when unset.
  std::string meta(const std::string& key);
  void set_meta(const std::string& key, const std::string& value);
  // Editors' changes to what listings say about themselves; each names the listing (s<id>, u<id>, t<id>).
  // False when there is no such row.
  bool set_section_description(std::int64_t id, const std::string& text, std::int64_t now);
  bool set_author_profile(std::int64_t id, const std::string& role, const std::string& bio, std::int64_t now);
  bool set_tag_description(std::int64_t id, const std::string& text, std::int64_t now);
  std::vector<content::Tag> tags(int limit);
  std::optional<content::Author> author_by_id(std::int64_t id);
  // --- end editing

 private:
  void load_links(content::Article& a);
  std::int64_t author_id(const std::string& name);
  std::int64_t tag_id(const std::string& name);
  std::string unique_slug(const std::string& base, const std::string& date);

  Connection& db_;
  std::int64_t last_saved_id_ = 0;
};

}  // namespace gazette::store
