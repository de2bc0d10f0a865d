// The councils register in the database and the links between articles and the councils they
// mention. Bound to one Connection, so to one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/connection.h"

namespace gazette::store {

struct CouncilRow {
  std::int64_t id = 0;
  std::string gss_code, official_name, slug, type, nation, start_date, end_date;
  std::int64_t articles = 0;  // articles mentioning it (filled by all())
  std::int64_t mentions = 0;  // mentions in one article (filled by for_article())
  bool abolished() const { return !end_date.empty(); }
};

class CouncilStore {
 public:
  explicit CouncilStore(Connection& db) : db_(db) {}

  // Inserts or updates every council (rows without a GSS code are skipped). Call inside a Transaction.
  // Returns the number of councils written.
  int sync(const std::vector<CouncilRow>& councils);
  std::int64_t count();

  std::optional<CouncilRow> council_by_slug(const std::string& slug);
  // The database id of the council with this GSS code, or 0.
  std::int64_t id_by_gss(const std::string& gss_code);
  std::optional<CouncilRow> council_by_gss(const std::string& gss_code);
  // Current (not abolished) councils whose slug starts with `prefix`, at most `limit`.
  std::vector<CouncilRow> current_by_slug_prefix(const std::string& prefix, int limit);
  // Current councils whose name ends "of <place>" for this place slug ("newham"), at most `limit`.
  std::vector<CouncilRow> current_of_place(const std::string& place_slug, int limit);
  // Official names of the current councils, alphabetical (for a search form's suggestions).
  std::vector<std::string> current_names();
  // Every council with its article count, ordered by nation, type, name.
  std::vector<CouncilRow> all();

  // Replaces an article's council links with these {GSS code, mentions}; unknown codes are ignored.
  void set_article_councils(std::int64_t article_id, const std::vector<std::pair<std::string, int>>& mentions);
  std::vector<CouncilRow> for_article(std::int64_t article_id);

  struct ArticleText {
    std::int64_t id;
    std::string headline, standfirst, body;
  };
  // Articles after `after_id` in id order, for re-tagging in batches.
  std::vector<ArticleText> article_texts(std::int64_t after_id, int limit);

 private:
  static CouncilRow from_row(const Row& r);
  Connection& db_;
};

}  // namespace gazette::store
