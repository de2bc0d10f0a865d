// The one way an article is created or changed, whoever asks: the newsroom, the importers, the demo
// generator and (later) the API. Each write detects the councils the text names, stores the text with
// its Markdown rendered, its links and its search index, and names what it changed in the change log
// (so page caches and CDNs drop exactly the stale pages), all in the caller's transaction. Newsroom
// writes also keep a revision of every version and refuse a save made over a newer version.
//
// Bound to one connection, so to one thread; cheap to construct per request or per import batch.
// Throws store::Error when the database refuses a write (the caller's Transaction then rolls back).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "content/article.h"
#include "store/connection.h"
#include "store/content_store.h"

namespace gazette::content {

// Who made a change. user_id 0: no newsroom user (a file import, the command line); such changes
// keep no audit entry (an import of 100,000 articles is one command, logged by the command).
struct ChangedBy {
  std::int64_t user_id = 0;
  std::string name = "import";
  std::string email;
};

// How long a binned article can be restored before it is deleted for good.
inline constexpr std::int64_t kBinSeconds = 30 * 86400;

// What a newsroom edit sets beside the text.
struct EditOptions {
  // The version the editor started from; a save over any other is refused (0: do not check, for
  // importers completing an article they stored).
  std::int64_t expected_version = 0;
  // A significant update: readers see "Updated <now>" (revised_at). Otherwise revised_at is kept.
  bool significant = false;
  // SEO fields and canonical URL; nullopt keeps the stored ones.
  std::optional<std::string> seo_title, seo_description, canonical_url;
  // Record a revision (newsroom saves); importers' completions do not.
  bool keep_revision = true;
  // A new address (empty or nullopt: kept). Refused as `slug_taken` when another article has it.
  std::optional<std::string> slug;
};

enum class WriteStatus { saved, already_present, updated_date, duplicate, not_found, conflict, slug_taken };

struct WriteResult {
  WriteStatus status = WriteStatus::saved;
  std::int64_t id = 0;
  // On `conflict`: the newer stored article the save was refused over.
  std::optional<Article> current;
};

class ArticleService {
 public:
  explicit ArticleService(store::Connection& db) : db_(db), content_(db) {}

  // Stores a new article (call inside a Transaction). Importers pass `undated_time` for items listed
  // without a date; an article already present (same headline and date) is `already_present` (id
  // set), an undated copy dated by this one `updated_date`. With `revision`, a new article's text is
  // kept as revision 1 (the newsroom).
  WriteResult create(ArticleInput in, std::int64_t now, std::int64_t undated_time = 0,
                     const ChangedBy* revision = nullptr);
  // A new article from the newsroom: create() with revision 1 by `by`, then the address and SEO
  // fields of `opt` (`slug_taken`, nothing written, when the address is another article's).
  WriteResult create_edited(ArticleInput in, const ChangedBy& by, const EditOptions& opt, std::int64_t now);

  // Changes an article (call inside a Transaction): text, section, byline, tags, status and
  // publication time (kept when in.published_at is 0), councils detected again from the new text.
  // `not_found` when there is no such article; `conflict` (nothing written) when it is no longer at
  // opt.expected_version.
  WriteResult edit(std::int64_t id, ArticleInput in, const ChangedBy& by, const EditOptions& opt, std::int64_t now);

  // The text of a stored article as an edit's input (to change one thing and keep the rest).
  static ArticleInput input_of(const Article& a);

  // A writer submits their draft for an editor's review (at > 0) or an editor publishes it (0).
  bool set_submitted(std::int64_t id, std::int64_t at, const ChangedBy& by, std::int64_t now);
  // Takes a published or scheduled article off the site: it becomes a draft (a new version).
  WriteResult unpublish(std::int64_t id, const ChangedBy& by, std::int64_t now);
  // Puts an article in the bin: a draft, hidden from the newsroom's list, deleted for good after
  // kBinSeconds unless restored. `restore_from_bin` takes it out again, still a draft.
  WriteResult bin(std::int64_t id, const ChangedBy& by, std::int64_t now);
  WriteResult restore_from_bin(std::int64_t id, const ChangedBy& by, std::int64_t now);
  // Deletes for good the articles binned more than kBinSeconds before `now`; returns how many.
  int purge_expired(std::int64_t now);
  // Saves revision `version`'s text (headline, standfirst, body, section, byline, tags) as a new
  // version; status and publication time stay as they are. Refused like an edit when the article
  // moved past `expected_version`.
  WriteResult restore_revision(std::int64_t id, std::int64_t version, std::int64_t expected_version,
                               const ChangedBy& by, std::int64_t now);
  // Makes the article the home page's lead story (0: the newest story leads again).
  void choose_lead(std::int64_t id, const ChangedBy& by, std::int64_t now);

 private:
  static Revision revision_of(const Article& a, std::int64_t saved_at, const std::string& by);
  // The audit entry of a change to an article, `before` and `after` its state (nullopt: none).
  void audit(const ChangedBy& by, const std::string& action, std::int64_t id, const std::optional<Article>& before,
             const std::optional<Article>& after, std::int64_t now);
  store::Connection& db_;
  store::ContentStore content_;
};

}  // namespace gazette::content
