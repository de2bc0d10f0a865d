#include "store/council_store.h"

#include <ctime>

#include "content/dependencies.h"
#include "store/change_store.h"

namespace gazette::store {

CouncilRow CouncilStore::from_row(const Row& r) {
  CouncilRow c;
  c.id = r.int64(0);
  c.gss_code = r.text(1);
  c.official_name = r.text(2);
  c.slug = r.text(3);
  c.type = r.text(4);
  c.nation = r.text(5);
  c.start_date = r.text(6);
  c.end_date = r.text(7);
  return c;
}

int CouncilStore::sync(const std::vector<CouncilRow>& councils) {
  int written = 0;
  for (const auto& c : councils) {
    if (c.gss_code.empty()) continue;
    db_.exec("council_upsert", {c.gss_code, c.official_name, c.slug, c.type, c.nation, c.start_date, c.end_date});
    ++written;
  }
  return written;
}

std::int64_t CouncilStore::count() {
  return db_.scalar("council_count", {});
}

std::optional<CouncilRow> CouncilStore::council_by_slug(const std::string& slug) {
  std::optional<CouncilRow> out;
  db_.query("council_by_slug", {slug}, [&](const Row& r) { out = from_row(r); });
  return out;
}

std::int64_t CouncilStore::id_by_gss(const std::string& gss_code) {
  return db_.scalar("council_id_by_gss", {gss_code}, 0);
}

std::optional<CouncilRow> CouncilStore::council_by_gss(const std::string& gss_code) {
  std::optional<CouncilRow> out;
  db_.query("council_by_gss", {gss_code}, [&](const Row& r) { out = from_row(r); });
  return out;
}

std::vector<CouncilRow> CouncilStore::current_by_slug_prefix(const std::string& prefix, int limit) {
  std::vector<CouncilRow> out;
  if (prefix.empty()) return out;
  // Slugs are ASCII: every slug starting with the prefix sorts before prefix + '\x7f'.
  db_.query("councils_current_by_slug_range", {prefix, prefix + "\x7f", std::int64_t{limit}},
            [&](const Row& r) { out.push_back(from_row(r)); });
  return out;
}

std::vector<CouncilRow> CouncilStore::current_of_place(const std::string& place_slug, int limit) {
  std::vector<CouncilRow> out;
  // Slugs are [a-z0-9-]: nothing in one is a LIKE wildcard.
  if (place_slug.empty() || place_slug.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
    return out;
  db_.query("councils_current_by_place", {place_slug, std::int64_t{limit}},
            [&](const Row& r) { out.push_back(from_row(r)); });
  return out;
}

std::vector<std::string> CouncilStore::current_names() {
  std::vector<std::string> out;
  db_.query("councils_current_names", {}, [&](const Row& r) { out.push_back(r.text(0)); });
  return out;
}

std::vector<CouncilRow> CouncilStore::all() {
  std::vector<CouncilRow> out;
  db_.query("councils_all", {}, [&](const Row& r) {
    out.push_back(from_row(r));
    out.back().articles = r.int64(8);
  });
  return out;
}

void CouncilStore::set_article_councils(std::int64_t article_id,
                                        const std::vector<std::pair<std::string, int>>& mentions) {
  // The councils it leaves and joins both change: their pages, counts and the article's own page.
  std::vector<std::string> names{content::deps::article(article_id), std::string(content::deps::kCouncils)};
  for (const auto& c : for_article(article_id)) names.push_back(content::deps::council(c.id));
  db_.exec("article_councils_clear", {article_id});
  for (const auto& [gss, n] : mentions) {
    std::int64_t id = db_.scalar("council_id_by_gss", {gss}, 0);
    if (id) {
      db_.exec("article_council_insert", {article_id, id, std::int64_t{n}});
      names.push_back(content::deps::council(id));
    }
  }
  db_.exec("article_refresh_search_facets", {article_id});
  ChangeStore(db_).record(std::move(names), std::time(nullptr));
}

std::vector<CouncilRow> CouncilStore::for_article(std::int64_t article_id) {
  std::vector<CouncilRow> out;
  db_.query("article_councils", {article_id}, [&](const Row& r) {
    out.push_back(from_row(r));
    out.back().mentions = r.int64(8);
  });
  return out;
}

std::vector<CouncilStore::ArticleText> CouncilStore::article_texts(std::int64_t after_id, int limit) {
  std::vector<ArticleText> out;
  db_.query("articles_text_for_councils", {after_id, std::int64_t{limit}}, [&](const Row& r) {
    out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3)});
  });
  return out;
}

}  // namespace gazette::store
