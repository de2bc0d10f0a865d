#include "content/article_service.h"

#include <boost/json.hpp>

#include "content/dependencies.h"

#include "content/editing.h"
#include "content/text.h"
#include "councils/tagging.h"
#include "store/audit_store.h"
#include "store/change_store.h"

namespace gazette::content {

ArticleInput ArticleService::input_of(const Article& a) {
  ArticleInput in;
  in.headline = a.headline;
  in.standfirst = a.standfirst;
  in.body_markdown = a.body_markdown;
  in.section = a.section.name;
  for (const auto& au : a.authors) in.authors.push_back(au.name);
  for (const auto& t : a.tags) in.tags.push_back(t.name);
  in.published_at = a.published_at;
  in.status = a.status;
  in.source_url = a.source_url;
  return in;
}

Revision ArticleService::revision_of(const Article& a, std::int64_t saved_at, const std::string& by) {
  Revision r;
  r.version = a.version;
  r.saved_at = saved_at;
  r.saved_by = by;
  r.headline = a.headline;
  r.standfirst = a.standfirst;
  r.body_markdown = a.body_markdown;
  r.section = a.section.name;
  std::vector<std::string> names;
  for (const auto& au : a.authors) names.push_back(au.name);
  r.byline = join_names(names);
  names.clear();
  for (const auto& t : a.tags) names.push_back(t.name);
  r.tags = join_names(names);
  r.status = to_string(a.status);
  r.published_at = a.published_at;
  return r;
}

WriteResult ArticleService::create(ArticleInput in, std::int64_t now, std::int64_t undated_time,
                                   const ChangedBy* revision) {
  // Detected before the insert, so a new article is inserted, linked and indexed once.
  in.councils = councils::detect_mentions(in.headline, in.standfirst, in.body_markdown);
  WriteResult result;
  switch (content_.save_article(in, now, undated_time)) {
    case store::SaveOutcome::added:
      result.status = WriteStatus::saved;
      break;
    case store::SaveOutcome::already_present:
      result.status = WriteStatus::already_present;
      break;
    case store::SaveOutcome::updated:
      result.status = WriteStatus::updated_date;
      break;
  }
  result.id = content_.last_saved_id();
  if (result.status == WriteStatus::saved && revision) {
    content_.set_created_by(result.id, revision->user_id);
    if (auto stored = content_.article_by_id(result.id)) {
      content_.add_revision(result.id, revision_of(*stored, now, revision->name), revision->user_id);
      audit(*revision, "article.create", result.id, std::nullopt, stored, now);
    }
  }
  return result;
}

WriteResult ArticleService::create_edited(ArticleInput in, const ChangedBy& by, const EditOptions& opt,
                                          std::int64_t now) {
  if (opt.slug && !opt.slug->empty() && content_.slug_owner(*opt.slug) != 0) return {WriteStatus::slug_taken, 0, {}};
  auto written = create(std::move(in), now, 0, &by);
  if (written.status != WriteStatus::saved) return written;
  if (opt.slug && !opt.slug->empty()) content_.set_slug(written.id, *opt.slug, now);
  content_.set_seo(written.id, opt.seo_title.value_or(""), opt.seo_description.value_or(""),
                   opt.canonical_url.value_or(""));
  return written;
}

WriteResult ArticleService::edit(std::int64_t id, ArticleInput in, const ChangedBy& by, const EditOptions& opt,
                                 std::int64_t now) {
  auto stored = content_.article_by_id(id);
  if (!stored) return {WriteStatus::not_found, id, std::nullopt};
  if (opt.expected_version != 0 && stored->version != opt.expected_version)
    return {WriteStatus::conflict, id, std::move(stored)};
  const bool new_slug = opt.slug && !opt.slug->empty() && *opt.slug != stored->slug;
  if (new_slug && content_.slug_owner(*opt.slug) != 0) return {WriteStatus::slug_taken, id, std::nullopt};
  // Text stored before revisions were kept (an import) becomes the revision this edit replaces.
  if (opt.keep_revision) content_.add_revision(id, revision_of(*stored, stored->updated_at, "import"), 0);
  in.councils = councils::detect_mentions(in.headline, in.standfirst, in.body_markdown);
  const Status in_status = in.status;
  if (!content_.update_article(id, in, now)) return {WriteStatus::not_found, id, std::nullopt};
  if (!content_.advance_version(
          id, stored->version, opt.significant ? now : stored->revised_at, opt.seo_title.value_or(stored->seo_title),
          opt.seo_description.value_or(stored->seo_description), opt.canonical_url.value_or(stored->canonical_url)))
    return {WriteStatus::conflict, id, content_.article_by_id(id)};
  if (new_slug) content_.set_slug(id, *opt.slug, now);
  if (stored->submitted_at > 0 && in_status != Status::draft) content_.set_submitted(id, 0);  // reviewed
  auto saved = content_.article_by_id(id);
  if (opt.keep_revision && saved) content_.add_revision(id, revision_of(*saved, now, by.name), by.user_id);
  audit(by, "article.save", id, stored, saved, now);
  return {WriteStatus::saved, id, std::nullopt};
}

void ArticleService::audit(const ChangedBy& by, const std::string& action, std::int64_t id,
                           const std::optional<Article>& before, const std::optional<Article>& after,
                           std::int64_t now) {
  if (by.user_id == 0) return;
  auto state = [](const std::optional<Article>& a) -> std::string {
    if (!a) return "";
    boost::json::object o{{"headline", a->headline},    {"status", to_string(a->status)},
                          {"section", a->section.name}, {"published_at", format_iso8601(a->published_at)},
                          {"version", a->version},      {"slug", a->slug},
                          {"words", a->word_count}};
    if (a->deleted_at > 0) o["in_bin_since"] = format_iso8601(a->deleted_at);
    if (a->revised_at > 0) o["updated_at"] = format_iso8601(a->revised_at);
    return boost::json::serialize(o);
  };
  store::AuditStore(db_).record(
      {0, now, by.user_id, by.email, action, "article " + std::to_string(id), state(before), state(after)});
}

bool ArticleService::set_submitted(std::int64_t id, std::int64_t at, const ChangedBy& by, std::int64_t now) {
  auto before = content_.article_by_id(id);
  if (!before) return false;
  content_.set_submitted(id, at);
  audit(by, at > 0 ? "article.submit" : "article.review_done", id, before, content_.article_by_id(id), now);
  return true;
}

WriteResult ArticleService::unpublish(std::int64_t id, const ChangedBy& by, std::int64_t now) {
  auto stored = content_.article_by_id(id);
  if (!stored) return {WriteStatus::not_found, id, std::nullopt};
  ArticleInput in = input_of(*stored);
  in.status = Status::draft;
  EditOptions opt;
  opt.expected_version = stored->version;
  return edit(id, std::move(in), by, opt, now);
}

WriteResult ArticleService::bin(std::int64_t id, const ChangedBy& by, std::int64_t now) {
  auto stored = content_.article_by_id(id);
  if (!stored) return {WriteStatus::not_found, id, std::nullopt};
  if (stored->status != Status::draft) {
    auto r = unpublish(id, by, now);
    if (r.status != WriteStatus::saved) return r;
  }
  content_.set_deleted(id, now);
  store::ChangeStore(db_).record({deps::article(id)}, now);
  audit(by, "article.bin", id, stored, content_.article_by_id(id), now);
  return {WriteStatus::saved, id, std::nullopt};
}

WriteResult ArticleService::restore_from_bin(std::int64_t id, const ChangedBy& by, std::int64_t now) {
  auto stored = content_.article_by_id(id);
  if (!stored || stored->deleted_at == 0) return {WriteStatus::not_found, id, std::nullopt};
  content_.set_deleted(id, 0);
  audit(by, "article.restore", id, stored, content_.article_by_id(id), now);
  return {WriteStatus::saved, id, std::nullopt};
}

int ArticleService::purge_expired(std::int64_t now) {
  int n = 0;
  for (std::int64_t id : content_.bin_expired(now - kBinSeconds)) {
    content_.purge(id, now);
    ++n;
  }
  return n;
}

WriteResult ArticleService::restore_revision(std::int64_t id, std::int64_t version, std::int64_t expected_version,
                                             const ChangedBy& by, std::int64_t now) {
  auto stored = content_.article_by_id(id);
  auto rev = content_.revision(id, version);
  if (!stored || !rev) return {WriteStatus::not_found, id, std::nullopt};
  ArticleInput in = input_of(*stored);
  in.headline = rev->headline;
  in.standfirst = rev->standfirst;
  in.body_markdown = rev->body_markdown;
  in.section = rev->section;
  in.authors = split_names(rev->byline);
  in.tags = split_names(rev->tags);
  EditOptions opt;
  opt.expected_version = expected_version;
  return edit(id, std::move(in), by, opt, now);
}

void ArticleService::choose_lead(std::int64_t id, const ChangedBy& by, std::int64_t now) {
  const std::string before = content_.meta("home_lead");
  content_.set_meta("home_lead", id > 0 ? std::to_string(id) : "");
  // The home page (named by `latest`) shows the lead.
  store::ChangeStore(db_).record({std::string(deps::kLatest)}, now);
  if (by.user_id != 0)
    store::AuditStore(db_).record({0, now, by.user_id, by.email, "home.lead", "home page",
                                   before.empty() ? "" : "article " + before,
                                   id > 0 ? "article " + std::to_string(id) : ""});
}

}  // namespace gazette::content
