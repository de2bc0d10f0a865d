#include "store/content_store.h"

#include <algorithm>
#include <ctime>

#include "content/dependencies.h"
#include "content/text.h"
#include "store/article_rows.h"
#include "store/change_store.h"

namespace gazette::store {
namespace {

using content::Article;

std::string date_key(std::int64_t t) {
  auto d = content::date_parts(t);
  return d.year + "-" + d.month + "-" + d.day;
}

}  // namespace

content::Section ContentStore::ensure_section(const std::string& name, const std::string& description, int position) {
  std::string slug = content::slugify(name);
  if (auto s = section_by_slug(slug)) {
    if (!description.empty() && s->description.empty()) {
      db_.exec("section_set_description", {s->id, description});
      s->description = description;
    }
    return *s;
  }
  const std::int64_t id = db_.scalar("section_insert", {name, slug, description, std::int64_t{position}});
  // No row: another writer added it a moment ago (PostgreSQL's ON CONFLICT DO NOTHING).
  if (id == 0)
    if (auto s = section_by_slug(slug)) return *s;
  // A new section appears in the navigation of every page.
  ChangeStore(db_).record({std::string(content::deps::kNavigation)}, std::time(nullptr));
  return {id, name, slug, description};
}

std::int64_t ContentStore::author_id(const std::string& name) {
  std::string slug = content::slugify(name);
  if (auto a = author_by_slug(slug)) return a->id;
  if (auto id = db_.scalar("author_insert", {name, slug, "", ""})) return id;
  auto a = author_by_slug(slug);  // added by another writer a moment ago
  return a ? a->id : 0;
}

void ContentStore::save_author_profile(const content::AuthorProfile& p) {
  db_.exec("author_set_profile", {author_id(p.name), p.role, p.bio});
}

std::int64_t ContentStore::tag_id(const std::string& name) {
  std::string slug = content::slugify(name);
  if (auto t = tag_by_slug(slug)) return t->id;
  if (auto id = db_.scalar("tag_insert", {name, slug})) return id;
  auto t = tag_by_slug(slug);  // added by another writer a moment ago
  return t ? t->id : 0;
}

std::string ContentStore::unique_slug(const std::string& base, const std::string& date) {
  std::string slug = base.empty() ? "article" : base;
  if (db_.scalar("article_slug_taken", {slug}, 0) == 0) return slug;
  slug += "-" + date;
  for (int n = 2; db_.scalar("article_slug_taken", {slug}, 0) != 0; ++n)
    slug = (base.empty() ? "article" : base) + "-" + date + "-" + std::to_string(n);
  return slug;
}

// The identity part of a dedupe key: the whole headline as a slug (URL slugs are cut at 80 characters,
// which would make long headlines that share a beginning collide).
static std::string identity_slug(const std::string& headline) {
  return content::slugify(headline, 1000);
}

bool ContentStore::exists(const content::ArticleInput& in) {
  const std::string base = identity_slug(in.headline);
  const bool dated = in.published_at > 0;
  if (db_.scalar("article_id_by_dedupe_key", {base + "|" + (dated ? date_key(in.published_at) : "undated")}, 0))
    return true;
  std::int64_t other = db_.scalar("article_id_by_dedupe_prefix", {base + "|", base + "}"}, 0);
  return other != 0;
}

SaveOutcome ContentStore::save_article(const content::ArticleInput& in, std::int64_t now, std::int64_t undated_time) {
  const std::string base = identity_slug(in.headline);
  const bool dated = in.published_at > 0;
  const std::string date = dated ? date_key(in.published_at) : "undated";
  const std::string key = base + "|" + date;
  last_saved_id_ = db_.scalar("article_id_by_dedupe_key", {key}, 0);
  if (last_saved_id_ != 0) return SaveOutcome::already_present;

  // Any other version of the same headline: an undated item is the same story; a dated one replaces
  // the date of an undated copy.
  std::int64_t other_id = 0;
  std::string other_key;
  db_.query("article_id_by_dedupe_prefix", {base + "|", base + "}"}, [&](const Row& r) {
    other_id = r.int64(0);
    other_key = r.text(1);
  });
  last_saved_id_ = other_id;
  if (other_id != 0 && !dated) return SaveOutcome::already_present;
  if (other_id != 0 && other_key.ends_with("|undated")) {
    db_.exec("article_set_date", {other_id, in.published_at, in.published_at, key});
    ChangeStore(db_).record(ChangeStore(db_).article_names(other_id), now);
    return SaveOutcome::updated;
  }

  const std::int64_t published_at = dated ? in.published_at : (undated_time > 0 ? undated_time : now);
  content::Section section = ensure_section(in.section.empty() ? "News" : in.section);
  std::string html = content::render_markdown(in.body_markdown);
  int words = content::count_words(in.standfirst) + content::count_words(in.body_markdown);
  const std::int64_t id =
      db_.scalar("article_insert",
                 {unique_slug(content::slugify(in.slug.empty() ? in.headline : in.slug), date_key(published_at)), key,
                  in.headline, in.standfirst, in.body_markdown, html, section.id, content::to_string(in.status),
                  published_at, published_at, in.source_url, std::int64_t{words}});
  if (id == 0) {
    // Another importer saved the same story a moment ago (PostgreSQL: ON CONFLICT DO NOTHING).
    last_saved_id_ = db_.scalar("article_id_by_dedupe_key", {key}, 0);
    if (last_saved_id_ != 0) return SaveOutcome::already_present;
    throw Error("the article's address was taken by another writer at the same moment: import it again");
  }
  last_saved_id_ = id;
  std::int64_t position = 0;
  for (const auto& name : in.authors) db_.exec("article_author_insert", {id, author_id(name), position++});
  for (const auto& name : in.tags) db_.exec("article_tag_insert", {id, tag_id(name)});
  for (const auto& [gss, mentions] : in.councils)
    if (std::int64_t council = db_.scalar("council_id_by_gss", {gss}, 0))
      db_.exec("article_council_insert", {id, council, std::int64_t{mentions}});
  // Indexes the article for search, with its filter words, once its links are all written.
  db_.exec("article_refresh_search_facets", {id});
  // Its related reading is computed after the write (a new article may also belong in the lists of
  // the articles it relates to: cascade).
  db_.exec("related_pending_add", {id, std::int64_t{2}, now});
  ChangeStore changes(db_);
  changes.record(changes.article_names(id), now);
  return SaveOutcome::added;
}

namespace {

Article article_row(const Row& r) {
  Article a;
  a.id = r.int64(0);
  a.slug = r.text(1);
  a.headline = r.text(2);
  a.standfirst = r.text(3);
  a.body_markdown = r.text(4);
  a.body_html = r.text(5);
  content::parse_status(r.text(6), a.status);
  a.published_at = r.int64(7);
  a.updated_at = r.int64(8);
  a.source_url = r.text(9);
  a.word_count = static_cast<int>(r.int64(10));
  a.section = {r.int64(11), r.text(12), r.text(13), r.text(14)};
  return a;
}

}  // namespace

void ContentStore::load_links(Article& a) {
  load_authors(db_, a);
  db_.query("article_editorial", {a.id}, [&](const Row& r) {
    a.version = r.int64(0);
    a.revised_at = r.int64(1);
    a.seo_title = r.text(2);
    a.seo_description = r.text(3);
    a.canonical_url = r.text(4);
    a.deleted_at = r.int64(5);
    a.created_by = r.int64(6);
    a.submitted_at = r.int64(7);
  });
  db_.query("article_tags", {a.id}, [&](const Row& r) {
    a.tags.push_back({r.int64(0), r.text(1), r.text(2), r.text(3)});
  });
}

void ContentStore::add_redirect(const std::string& old_path, std::int64_t article_id) {
  db_.exec("redirect_upsert", {old_path, article_id});
}

std::optional<ContentStore::RedirectTarget> ContentStore::redirect_target(const std::string& old_path,
                                                                          std::int64_t now) {
  std::optional<RedirectTarget> out;
  db_.query("redirect_target", {old_path, now}, [&](const Row& r) {
    out = RedirectTarget{r.text(0), r.text(1), r.int64(2)};
  });
  return out;
}

std::optional<Article> ContentStore::article_by_slug(const std::string& slug, std::int64_t now) {
  std::optional<Article> out;
  db_.query("article_by_slug", {slug, now}, [&](const Row& r) { out = article_row(r); });
  if (out) load_links(*out);
  return out;
}

std::optional<Article> ContentStore::article_by_id(std::int64_t id) {
  std::optional<Article> out;
  db_.query("article_by_id", {id}, [&](const Row& r) { out = article_row(r); });
  if (out) load_links(*out);
  return out;
}

bool ContentStore::update_article(std::int64_t id, const content::ArticleInput& in, std::int64_t now) {
  auto current = article_by_id(id);
  if (!current) return false;
  ChangeStore changes(db_);
  const std::vector<std::string> links_before = changes.article_links(id);
  content::Section section = ensure_section(in.section.empty() ? current->section.name : in.section);
  const std::int64_t published_at = in.published_at > 0 ? in.published_at : current->published_at;
  const int words = content::count_words(in.standfirst) + content::count_words(in.body_markdown);
  db_.exec("article_update",
           {id, in.headline, in.standfirst, in.body_markdown, content::render_markdown(in.body_markdown), section.id,
            content::to_string(in.status), published_at, now, std::int64_t{words},
            in.source_url.empty() ? current->source_url : in.source_url});
  db_.exec("article_authors_clear", {id});
  std::int64_t position = 0;
  for (const auto& name : in.authors) db_.exec("article_author_insert", {id, author_id(name), position++});
  db_.exec("article_tags_clear", {id});
  for (const auto& name : in.tags) db_.exec("article_tag_insert", {id, tag_id(name)});
  db_.exec("article_councils_clear", {id});
  for (const auto& [gss, mentions] : in.councils)
    if (std::int64_t council = db_.scalar("council_id_by_gss", {gss}, 0))
      db_.exec("article_council_insert", {id, council, std::int64_t{mentions}});
  db_.exec("article_refresh_search_facets", {id});
  db_.exec("related_pending_add", {id, std::int64_t{1}, now});
  // What the edit changed: the article wherever it is shown; the listings it joined; and, when it
  // moved in time or in or out of view, every listing it was or is in and the newest lists.
  std::vector<std::string> links_after = changes.article_links(id);
  std::vector<std::string> names{content::deps::article(id), content::deps::related(id),
                                 content::deps::sitemap_bucket_of(id)};
  const bool moved = published_at != current->published_at || in.status != current->status;
  auto has = [](const std::vector<std::string>& v, const std::string& n) {
    return std::find(v.begin(), v.end(), n) != v.end();
  };
  bool councils_changed = false;
  for (const auto& n : links_after)
    if (moved || !has(links_before, n)) {
      names.push_back(n);
      councils_changed |= n.starts_with('c');
    }
  for (const auto& n : links_before)
    if (moved)
      names.push_back(n);
    else if (n.starts_with('c') && !has(links_after, n))
      councils_changed = true;
  if (moved) names.emplace_back(content::deps::kLatest);
  if (moved || councils_changed) names.emplace_back(content::deps::kCouncils);
  changes.record(std::move(names), now);
  return true;
}

std::vector<Article> ContentStore::list(const ArticleFilter& f, std::int64_t now, int limit, int offset) {
  std::vector<Article> out;
  auto add = [&](const Row& r) { out.push_back(article_summary(r)); };
  std::int64_t lim = limit, off = offset;
  if (f.section_id)
    db_.query("articles_by_section", {now, lim, off, f.section_id}, add);
  else if (f.author_id)
    db_.query("articles_by_author", {now, lim, off, f.author_id}, add);
  else if (f.tag_id)
    db_.query("articles_by_tag", {now, lim, off, f.tag_id}, add);
  else if (f.council_id)
    db_.query("articles_by_council", {now, lim, off, f.council_id}, add);
  else if (f.exclude_section_id)
    db_.query("articles_other_sections", {now, lim, off, f.exclude_section_id}, add);
  else
    db_.query("articles_latest", {now, lim, off}, add);
  load_authors(db_, out);
  return out;
}

namespace {

// A LIKE pattern matching text anywhere, with the pattern's own characters escaped.
std::string contains_pattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "%";
}

}  // namespace

std::vector<Article> ContentStore::list_all(int limit, int offset, const std::string& headline_contains) {
  std::vector<Article> out;
  auto add = [&](const Row& r) { out.push_back(article_summary(r)); };
  if (headline_contains.empty())
    db_.query("newsroom_articles", {std::int64_t{limit}, std::int64_t{offset}}, add);
  else
    db_.query("newsroom_articles_matching",
              {contains_pattern(headline_contains), std::int64_t{limit}, std::int64_t{offset}}, add);
  load_authors(db_, out);
  return out;
}

std::int64_t ContentStore::count_all(const std::string& headline_contains) {
  if (headline_contains.empty()) return db_.scalar("newsroom_articles_count", {});
  return db_.scalar("newsroom_articles_matching_count", {contains_pattern(headline_contains)});
}

std::int64_t ContentStore::count(const ArticleFilter& f, std::int64_t now) {
  if (f.section_id) return db_.scalar("articles_by_section_count", {now, f.section_id});
  if (f.author_id) return db_.scalar("articles_by_author_count", {now, f.author_id});
  if (f.tag_id) return db_.scalar("articles_by_tag_count", {now, f.tag_id});
  if (f.council_id) return db_.scalar("articles_by_council_count", {now, f.council_id});
  return db_.scalar("articles_latest_count", {now});
}

std::vector<content::Section> ContentStore::sections() {
  std::vector<content::Section> out;
  db_.query("sections_all", {}, [&](const Row& r) { out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3)}); });
  return out;
}

std::optional<content::Section> ContentStore::section_by_slug(const std::string& slug) {
  std::optional<content::Section> out;
  db_.query("section_by_slug", {slug}, [&](const Row& r) {
    out = content::Section{r.int64(0), r.text(1), r.text(2), r.text(3)};
  });
  return out;
}

std::optional<content::Author> ContentStore::author_by_slug(const std::string& slug) {
  std::optional<content::Author> out;
  db_.query("author_by_slug", {slug}, [&](const Row& r) {
    out = content::Author{r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4)};
  });
  return out;
}

std::optional<content::Tag> ContentStore::tag_by_slug(const std::string& slug) {
  std::optional<content::Tag> out;
  db_.query("tag_by_slug", {slug}, [&](const Row& r) {
    out = content::Tag{r.int64(0), r.text(1), r.text(2), r.text(3)};
  });
  return out;
}

std::vector<SitemapEntry> ContentStore::sitemap(std::int64_t now, int limit, int offset) {
  std::vector<SitemapEntry> out;
  db_.query("sitemap_articles", {now, std::int64_t{limit}, std::int64_t{offset}}, [&](const Row& r) {
    out.push_back({r.text(0), r.text(1), r.int64(2), r.int64(3)});
  });
  return out;
}

std::int64_t ContentStore::next_scheduled(std::int64_t now) {
  return db_.scalar("next_scheduled_time", {now}, 0);
}

std::vector<std::int64_t> ContentStore::due_between(std::int64_t after, std::int64_t until) {
  std::vector<std::int64_t> out;
  db_.query("articles_due_between", {after, until}, [&](const Row& r) { out.push_back(r.int64(0)); });
  return out;
}

std::vector<SitemapEntry> ContentStore::sitemap_range(std::int64_t now, std::int64_t after_id, std::int64_t up_to_id) {
  std::vector<SitemapEntry> out;
  db_.query("sitemap_articles_in_range", {now, after_id, up_to_id}, [&](const Row& r) {
    out.push_back({r.text(0), r.text(1), r.int64(2), r.int64(3)});
  });
  return out;
}

std::int64_t ContentStore::max_id() {
  return db_.scalar("articles_max_id", {}, 0);
}

// --- editing (schema_015) ---------------------------------------------------------------------------

bool ContentStore::advance_version(std::int64_t id, std::int64_t expected_version, std::int64_t revised_at,
                                   const std::string& seo_title, const std::string& seo_description,
                                   const std::string& canonical_url) {
  return db_.exec("article_set_editorial",
                  {id, expected_version, revised_at, seo_title, seo_description, canonical_url}) == 1;
}

void ContentStore::set_seo(std::int64_t id, const std::string& seo_title, const std::string& seo_description,
                           const std::string& canonical_url) {
  db_.exec("article_set_seo", {id, seo_title, seo_description, canonical_url});
}

void ContentStore::add_revision(std::int64_t article_id, const content::Revision& r, std::int64_t user_id) {
  db_.exec("revision_insert",
           {article_id, r.version, r.saved_at, user_id > 0 ? Value{user_id} : Value{nullptr}, r.saved_by, r.headline,
            r.standfirst, r.body_markdown, r.section, r.byline, r.tags, r.status, r.published_at});
}

namespace {

content::Revision revision_row(const Row& r) {
  content::Revision v;
  v.id = r.int64(0);
  v.version = r.int64(1);
  v.saved_at = r.int64(2);
  v.saved_by = r.text(3);
  v.headline = r.text(4);
  v.standfirst = r.text(5);
  v.body_markdown = r.text(6);
  v.section = r.text(7);
  v.byline = r.text(8);
  v.tags = r.text(9);
  v.status = r.text(10);
  v.published_at = r.int64(11);
  return v;
}

}  // namespace

std::vector<content::Revision> ContentStore::revisions(std::int64_t article_id, int limit) {
  std::vector<content::Revision> out;
  db_.query("revisions_of", {article_id, std::int64_t{limit}}, [&](const Row& r) { out.push_back(revision_row(r)); });
  return out;
}

std::optional<content::Revision> ContentStore::revision(std::int64_t article_id, std::int64_t version) {
  std::optional<content::Revision> out;
  db_.query("revision_by_version", {article_id, version}, [&](const Row& r) { out = revision_row(r); });
  return out;
}

std::int64_t ContentStore::old_slug_owner(const std::string& slug) {
  return db_.scalar("article_id_by_old_slug", {slug}, 0);
}

std::int64_t ContentStore::slug_owner(const std::string& slug) {
  return db_.scalar("article_slug_owner", {slug}, 0);
}

void ContentStore::set_slug(std::int64_t id, const std::string& slug, std::int64_t now) {
  db_.exec("article_slug_remember", {id, slug});
  db_.exec("article_old_slug_forget", {slug});
  db_.exec("article_set_slug", {id, slug});
  ChangeStore changes(db_);
  changes.record(changes.article_names(id), now);
}

void ContentStore::set_created_by(std::int64_t id, std::int64_t user_id) {
  db_.exec("article_set_created_by", {id, user_id > 0 ? Value{user_id} : Value{nullptr}});
}

void ContentStore::set_submitted(std::int64_t id, std::int64_t at) {
  db_.exec("article_set_submitted", {id, at});
}

void ContentStore::set_deleted(std::int64_t id, std::int64_t at) {
  db_.exec("article_set_deleted", {id, at});
}

std::vector<Article> ContentStore::bin(int limit) {
  std::vector<Article> out;
  db_.query("articles_in_bin", {std::int64_t{limit}}, [&](const Row& r) {
    out.push_back(article_summary(r));
    out.back().deleted_at = r.int64(12);
  });
  load_authors(db_, out);
  return out;
}

std::vector<std::int64_t> ContentStore::bin_expired(std::int64_t cutoff) {
  std::vector<std::int64_t> out;
  db_.query("articles_bin_expired", {cutoff}, [&](const Row& r) { out.push_back(r.int64(0)); });
  return out;
}

void ContentStore::purge(std::int64_t id, std::int64_t now) {
  ChangeStore changes(db_);
  auto names = changes.article_names(id);
  db_.exec("article_delete", {id});
  changes.record(std::move(names), now);
}

std::vector<Article> ContentStore::list_newsroom(const NewsroomFilter& f, int limit, int offset) {
  std::vector<Article> out;
  const std::string like = f.headline_contains.empty() ? std::string() : contains_pattern(f.headline_contains);
  db_.query("newsroom_articles_filtered",
            {f.status, f.section_id, f.author_id, f.from, f.before, like, std::int64_t{limit}, std::int64_t{offset},
             f.created_by, std::int64_t{f.in_review}},
            [&](const Row& r) {
              out.push_back(article_summary(r));
              out.back().submitted_at = r.int64(12);
            });
  load_authors(db_, out);
  return out;
}

std::int64_t ContentStore::count_newsroom(const NewsroomFilter& f) {
  const std::string like = f.headline_contains.empty() ? std::string() : contains_pattern(f.headline_contains);
  return db_.scalar("newsroom_articles_filtered_count", {f.status, f.section_id, f.author_id, f.from, f.before, like,
                                                         f.created_by, std::int64_t{f.in_review}});
}

std::vector<content::Author> ContentStore::authors() {
  std::vector<content::Author> out;
  db_.query("authors_all", {}, [&](const Row& r) {
    out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4)});
  });
  return out;
}

std::string ContentStore::meta(const std::string& key) {
  std::string out;
  db_.query("meta_get", {key}, [&](const Row& r) { out = r.text(0); });
  return out;
}

void ContentStore::set_meta(const std::string& key, const std::string& value) {
  db_.exec("meta_set", {key, value});
}

bool ContentStore::set_section_description(std::int64_t id, const std::string& text, std::int64_t now) {
  if (db_.exec("section_update_description", {id, text}) != 1) return false;
  ChangeStore(db_).record({content::deps::section(id)}, now);
  return true;
}

bool ContentStore::set_author_profile(std::int64_t id, const std::string& role, const std::string& bio,
                                      std::int64_t now) {
  if (db_.exec("author_set_profile", {id, role, bio}) != 1) return false;
  ChangeStore(db_).record({content::deps::author(id)}, now);
  return true;
}

bool ContentStore::set_tag_description(std::int64_t id, const std::string& text, std::int64_t now) {
  if (db_.exec("tag_update_description", {id, text}) != 1) return false;
  ChangeStore(db_).record({content::deps::tag(id)}, now);
  return true;
}

std::vector<content::Tag> ContentStore::tags(int limit) {
  std::vector<content::Tag> out;
  db_.query("tags_all", {std::int64_t{limit}}, [&](const Row& r) {
    out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3)});
  });
  return out;
}

std::optional<content::Author> ContentStore::author_by_id(std::int64_t id) {
  std::optional<content::Author> out;
  db_.query("author_by_id", {id}, [&](const Row& r) {
    out = content::Author{r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4)};
  });
  return out;
}

}  // namespace gazette::store
