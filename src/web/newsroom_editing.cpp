// The newsroom's editing tools (web/newsroom.h): preview, revisions with their differences and
// restore, unpublish, the bin and the home page's lead story.
#include <ctemplate/template.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <ctime>

#include "content/article_service.h"
#include "content/diff.h"
#include "content/listings.h"
#include "content/site_time.h"
#include "content/text.h"
#include "councils/tagging.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "web/newsroom.h"
#include "web/newsroom_internal.h"
#include "web/urls.h"

namespace gazette::web {

namespace {

std::optional<std::int64_t> positive_param(const http::Params& p, const char* name) {
  auto it = p.find(name);
  if (it == p.end()) return std::nullopt;
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), n);
  if (ec != std::errc() || ptr != it->second.data() + it->second.size() || n < 1) return std::nullopt;
  return n;
}

content::ChangedBy changed_by(const accounts::Session& s) {
  return {s.user.id, s.user.name, s.user.email};
}

}  // namespace

http::Response Newsroom::preview_stored(const http::Request& req, const http::Params& p) {
  auto access = require(req, accounts::Action::write_article);
  if (access.refusal) return std::move(*access.refusal);
  std::optional<http::Response> refusal;
  auto article = editable_article(p, *access.session, refusal);
  if (!article) return std::move(*refusal);
  // The stored version exactly as readers see it (or will, once published).
  return ctx_.article_preview(*article, nullptr);
}

http::Response Newsroom::preview_typed(const accounts::Session& session, const content::ArticleForm& form,
                                       std::optional<std::int64_t> id) {
  // The typed text as readers would see it, saved nowhere: the article as the store would make it.
  store::ContentStore content(db());
  content::ArticleInput in;
  content::EditorialInput editorial;
  content::check_article_form(form, content::section_choices(content.sections()), std::time(nullptr), in, editorial);
  content::Article a;
  if (id)
    if (auto stored = content.article_by_id(*id)) a = *stored;
  a.headline = in.headline;
  a.standfirst = in.standfirst;
  a.body_markdown = in.body_markdown;
  a.body_html = content::render_markdown(in.body_markdown);
  a.word_count = content::count_words(in.standfirst) + content::count_words(in.body_markdown);
  a.status = in.status;
  if (in.published_at > 0) a.published_at = in.published_at;
  if (a.published_at == 0) a.published_at = std::time(nullptr);
  if (a.slug.empty() || !editorial.slug.empty())
    a.slug = editorial.slug.empty() ? content::slugify(in.headline) : editorial.slug;
  a.seo_title = editorial.seo_title;
  a.seo_description = editorial.seo_description;
  a.canonical_url = editorial.canonical_url;
  if (editorial.significant) a.revised_at = std::time(nullptr);
  a.section = {0, in.section, content::slugify(in.section), ""};
  for (const auto& s : content.sections())
    if (s.name == in.section) a.section = s;
  a.authors.clear();
  for (const auto& name : in.authors) {
    auto stored = content.author_by_slug(content::slugify(name));
    a.authors.push_back(stored ? *stored : content::Author{0, name, content::slugify(name), "", ""});
  }
  a.tags.clear();
  for (const auto& name : in.tags) a.tags.push_back({0, name, content::slugify(name), ""});
  std::vector<store::CouncilRow> councils;
  store::CouncilStore council_store(db());
  for (const auto& [gss, mentions] : councils::detect_mentions(in.headline, in.standfirst, in.body_markdown))
    if (auto c = council_store.council_by_gss(gss)) councils.push_back(*c);
  (void)session;
  return ctx_.article_preview(a, &councils);
}

http::Response Newsroom::revisions(const http::Request& req, const http::Params& p) {
  auto access = require(req, accounts::Action::write_article);
  if (access.refusal) return std::move(*access.refusal);
  std::optional<http::Response> refusal;
  auto article = editable_article(p, *access.session, refusal);
  if (!article) return std::move(*refusal);
  store::ContentStore content(db());
  ctemplate::TemplateDictionary d("revisions");
  d.SetValue("HEADLINE", article->headline);
  const std::string base = "/newsroom/articles/" + std::to_string(article->id);
  d.SetValue("EDIT_URL", base);
  auto list = content.revisions(article->id, 200);
  if (list.empty()) d.ShowSection("NONE");
  for (const auto& r : list) {
    auto* row = d.AddSectionDictionary("REVISION");
    row->SetValue("VERSION", std::to_string(r.version));
    row->SetValue("URL", base + "/revisions/" + std::to_string(r.version));
    row->SetValue("SAVED_BY", r.saved_by);
    row->SetValue("SAVED_AT", content::format_local_time(r.saved_at));
    row->SetValue("SAVED_AT_ISO", content::format_iso8601(r.saved_at));
    row->SetValue("HEADLINE", r.headline);
    row->SetValue("STATUS", r.status);
    if (r.version == article->version) row->ShowSection("CURRENT");
  }
  return layout("Revisions: " + article->headline, theme_.render("newsroom_revisions.tpl", d), &*access.session, 200);
}

http::Response Newsroom::revision(const http::Request& req, const http::Params& p) {
  auto access = require(req, accounts::Action::write_article);
  if (access.refusal) return std::move(*access.refusal);
  std::optional<http::Response> refusal;
  auto article = editable_article(p, *access.session, refusal);
  if (!article) return std::move(*refusal);
  store::ContentStore content(db());
  auto version = positive_param(p, "version");
  auto rev = version ? content.revision(article->id, *version) : std::nullopt;
  if (!rev) return notice(404, "No such version", "This article has no version with that number.", &*access.session);
  // Compared with the version before it (or ?with=N).
  std::int64_t with = *version - 1;
  if (auto w = req.param("with")) {
    std::int64_t n = 0;
    auto [ptr, ec] = std::from_chars(w->data(), w->data() + w->size(), n);
    if (ec != std::errc() || ptr != w->data() + w->size() || n < 1)
      return notice(400, "Bad request", "'with' must be a version number.", &*access.session);
    with = n;
  }
  auto other = with > 0 ? content.revision(article->id, with) : std::nullopt;
  auto text = [](const content::Revision& r) {
    return content::comparable_text(r.headline, r.standfirst, r.section, r.byline, r.tags, r.body_markdown);
  };
  ctemplate::TemplateDictionary d("revision");
  const std::string base = "/newsroom/articles/" + std::to_string(article->id);
  d.SetValue("HEADLINE", article->headline);
  d.SetValue("VERSION", std::to_string(rev->version));
  d.SetValue("SAVED_BY", rev->saved_by);
  d.SetValue("SAVED_AT", content::format_local_time(rev->saved_at));
  d.SetValue("REVISIONS_URL", base + "/revisions");
  d.SetValue("EDIT_URL", base);
  d.SetValue("TEXT", text(*rev));
  if (other) {
    d.SetValueAndShowSection("WITH", std::to_string(other->version), "HAS_WITH");
  }
  for (const auto& line : content::diff_lines(other ? text(*other) : "", text(*rev))) {
    auto* row = d.AddSectionDictionary("DIFF");
    row->SetValue("KIND", line.kind == content::DiffLine::added     ? "added"
                          : line.kind == content::DiffLine::removed ? "removed"
                                                                    : "same");
    row->SetValue("SIGN", line.kind == content::DiffLine::added     ? "+"
                          : line.kind == content::DiffLine::removed ? "-"
                                                                    : " ");
    row->SetValue("TEXT", line.text);
  }
  if (rev->version != article->version) {
    auto* restore = d.AddSectionDictionary("CAN_RESTORE");
    restore->SetValue("ACTION", base + "/revisions/" + std::to_string(rev->version) + "/restore");
    restore->SetValue("CSRF", access.session->csrf_token);
    restore->SetValue("CURRENT_VERSION", std::to_string(article->version));
  }
  return layout("Version " + std::to_string(rev->version) + ": " + article->headline,
                theme_.render("newsroom_revision.tpl", d), &*access.session, 200);
}

http::Response Newsroom::restore_revision(const http::Request& req, const http::Params& p) {
  auto access = require(req, accounts::Action::write_article);
  if (access.refusal) return std::move(*access.refusal);
  std::optional<http::Response> refusal;
  auto article = editable_article(p, *access.session, refusal);
  if (!article) return std::move(*refusal);
  auto version = positive_param(p, "version");
  std::int64_t expected = 0;
  const std::string typed = http::field(*access.form, "version");
  auto [ptr, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), expected);
  if (!version || ec != std::errc() || ptr != typed.data() + typed.size() || expected < 1)
    return notice(400, "Not restored", "The form was incomplete; reload the page.", &*access.session);
  const std::int64_t now = std::time(nullptr);
  const auto started = std::chrono::steady_clock::now();
  content::WriteResult result;
  {
    store::Transaction tx(db());
    result = content::ArticleService(db()).restore_revision(article->id, *version, expected,
                                                            changed_by(*access.session), now);
    if (result.status == content::WriteStatus::saved) tx.commit();
  }
  if (result.status == content::WriteStatus::not_found)
    return notice(404, "No such version", "This article has no version with that number.", &*access.session);
  if (result.status == content::WriteStatus::conflict)
    return notice(409, "Not restored",
                  "Someone saved this article after you opened the page, so nothing was restored. Look at the newest "
                  "version, then restore again if you still want to.",
                  &*access.session);
  ctx_.content_written(article->id, started);
  return redirect_see_other("/newsroom/articles/" + std::to_string(article->id) + "?saved=1");
}

http::Response Newsroom::article_action(const http::Request& req, const http::Params& p, const std::string& what) {
  using accounts::Action;
  const Action needed = what == "unpublish" || what == "lead" ? Action::publish
                        : what == "submit"                    ? Action::write_article
                                                              : Action::delete_article;
  auto access = require(req, needed);
  if (access.refusal) return std::move(*access.refusal);
  const accounts::Session& session = *access.session;
  std::optional<http::Response> refusal;
  auto article = editable_article(p, session, refusal);
  if (!article) return std::move(*refusal);
  const std::int64_t now = std::time(nullptr);
  const auto started = std::chrono::steady_clock::now();
  const auto by = changed_by(session);
  content::ArticleService service(db());
  std::string done;
  {
    store::Transaction tx(db());
    if (what == "unpublish") {
      if (article->status == content::Status::draft)
        return notice(409, "Already a draft", "This article is not on the site.", &session);
      service.unpublish(article->id, by, now);
      done = "unpublished";
    } else if (what == "lead") {
      if (article->status == content::Status::draft)
        return notice(409, "Not published", "A draft cannot lead the home page; publish it first.", &session);
      service.choose_lead(article->id, by, now);
      done = "lead";
    } else if (what == "submit") {
      service.set_submitted(article->id, now, by, now);
      done = "submitted";
    } else if (what == "bin") {
      service.purge_expired(now);
      service.bin(article->id, by, now);
      done = "binned";
    } else {  // restore
      if (service.restore_from_bin(article->id, by, now).status != content::WriteStatus::saved)
        return notice(409, "Not in the bin", "This article is not in the bin.", &session);
      done = "restored";
    }
    tx.commit();
  }
  ctx_.content_written(article->id, started);
  spdlog::info("newsroom: {} {} article {}", session.user.email, done, article->id);
  if (what == "bin") return redirect_see_other("/newsroom/bin?binned=" + std::to_string(article->id));
  return redirect_see_other("/newsroom/articles/" + std::to_string(article->id) + "?saved=1");
}

http::Response Newsroom::bin_page(const http::Request& req) {
  auto access = require(req, accounts::Action::delete_article);
  if (access.refusal) return std::move(*access.refusal);
  store::ContentStore content(db());
  ctemplate::TemplateDictionary d("bin");
  const std::int64_t now = std::time(nullptr);
  auto rows = content.bin(500);
  if (rows.empty()) d.ShowSection("EMPTY");
  if (req.param("binned")) d.ShowSection("BINNED");
  for (const auto& a : rows) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("HEADLINE", a.headline);
    row->SetValue("SECTION", a.section.name);
    row->SetValue("BINNED_AT", content::format_local_time(a.deleted_at));
    row->SetValue("PURGE_AT", content::format_local_date(a.deleted_at + content::kBinSeconds));
    row->SetValue("RESTORE_URL", "/newsroom/articles/" + std::to_string(a.id) + "/restore");
    row->SetValue("CSRF", access.session->csrf_token);
    row->ShowSection(a.deleted_at + content::kBinSeconds <= now ? "DUE" : "KEPT");
  }
  return layout("Bin", theme_.render("newsroom_bin.tpl", d), &*access.session, 200);
}

http::Response Newsroom::listings_page(const http::Request& req, const std::string& error, int status) {
  auto access = require(req, accounts::Action::edit_any);
  if (access.refusal) return std::move(*access.refusal);  // a POST shown again passed the same checks
  store::ContentStore content(db());
  ctemplate::TemplateDictionary d("listings");
  const std::string& csrf = access.session->csrf_token;
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  if (req.param("saved") && error.empty()) d.ShowSection("SAVED");
  for (const auto& sec : content.sections()) {
    auto* row = d.AddSectionDictionary("SECTION");
    row->SetValue("NAME", sec.name);
    row->SetValue("URL", section_path(sec));
    row->SetValue("DESCRIPTION", sec.description);
    row->SetValue("ACTION", "/newsroom/sections/" + std::to_string(sec.id));
    row->SetValue("CSRF", csrf);
  }
  for (const auto& au : content.authors()) {
    auto* row = d.AddSectionDictionary("AUTHOR");
    row->SetValue("NAME", au.name);
    row->SetValue("URL", author_path(au));
    row->SetValue("ROLE", au.role);
    row->SetValue("BIO", au.bio);
    row->SetValue("ACTION", "/newsroom/authors/" + std::to_string(au.id));
    row->SetValue("CSRF", csrf);
  }
  for (const auto& t : content.tags(500)) {
    auto* row = d.AddSectionDictionary("TAG");
    row->SetValue("NAME", t.name);
    row->SetValue("URL", tag_path(t));
    row->SetValue("DESCRIPTION", t.description);
    row->SetValue("ACTION", "/newsroom/tags/" + std::to_string(t.id));
    row->SetValue("CSRF", csrf);
  }
  return layout("Sections, authors and tags", theme_.render("newsroom_listings.tpl", d), &*access.session, status);
}

http::Response Newsroom::describe(const http::Request& req, const http::Params& p, const std::string& kind) {
  auto access = require(req, accounts::Action::edit_any);
  if (access.refusal) return std::move(*access.refusal);
  auto id = positive_param(p, "id");
  if (!id)
    return notice(404, "Not found", "There is no such " + kind.substr(0, kind.size() - 1) + ".", &*access.session);
  const auto& form = *access.form;
  const std::int64_t now = std::time(nullptr);
  std::string error;
  auto text = [&](const char* name) {
    std::string v = http::field(form, name);
    std::erase(v, '\r');
    return v;
  };
  if (kind == "sections")
    error = content::describe_section(db(), changed_by(*access.session), *id, text("description"), now);
  else if (kind == "tags")
    error = content::describe_tag(db(), changed_by(*access.session), *id, text("description"), now);
  else
    error = content::describe_author(db(), changed_by(*access.session), *id, text("role"), text("bio"), now);
  if (error.starts_with("There is no such")) return notice(404, "Not found", error, &*access.session);
  if (!error.empty()) return listings_page(req, error, 422);
  ctx_.content_written(0, std::chrono::steady_clock::now());
  return redirect_see_other("/newsroom/listings?saved=1");
}

}  // namespace gazette::web
