// The newsroom's handlers (web/newsroom.h).
#include <ctemplate/template.h>
#include <spdlog/spdlog.h>
#include <boost/url/url.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>

#include "accounts/accounts.h"
#include "content/article_service.h"
#include "content/diff.h"
#include "content/site_time.h"
#include "content/text.h"
#include "councils/tagging.h"
#include "http/form.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "strings/strings.h"
#include "web/media_pages.h"
#include "web/newsroom.h"
#include "web/newsroom_internal.h"
#include "web/render.h"
#include "web/urls.h"

namespace gazette::web {

void fill_newsroom_nav(ctemplate::TemplateDictionary* s, accounts::Role role) {
  if (accounts::allowed(role, accounts::Action::list_articles)) s->ShowSection("NAV_ARTICLES");
  if (accounts::allowed(role, accounts::Action::list_articles)) s->ShowSection("NAV_MEDIA");
  if (accounts::allowed(role, accounts::Action::publish)) s->ShowSection("NAV_BULLETIN");
  if (accounts::allowed(role, accounts::Action::delete_article)) s->ShowSection("NAV_BIN");
  if (accounts::allowed(role, accounts::Action::edit_any)) s->ShowSection("NAV_LISTINGS");
  if (accounts::allowed(role, accounts::Action::view_audit)) s->ShowSection("NAV_AUDIT");
  if (accounts::allowed(role, accounts::Action::manage_people)) s->ShowSection("NAV_PEOPLE");
  if (accounts::allowed(role, accounts::Action::post_adverts)) s->ShowSection("NAV_ADVERTS");
  if (accounts::allowed(role, accounts::Action::moderate_adverts)) s->ShowSection("NAV_ORGANISATIONS");
}

http::Response redirect_see_other(const std::string& to) {
  return http::Response::redirect(303, to);
}

std::string Newsroom::login_secret() {
  std::lock_guard lock(secret_mutex_);
  if (secret_.empty()) secret_ = accounts::site_secret(db());
  return secret_;
}

NewsroomAccess require_access(store::Connection& db, const http::Request& req, accounts::Action action,
                              const NoticeRenderer& notice) {
  NewsroomAccess a;
  if (auto token = http::cookie(req, kSessionCookie)) a.session = accounts::session_for(db, *token, std::time(nullptr));
  const bool post = req.method == "POST";
  if (!a.session) {
    a.refusal = post ? notice(401, "Not signed in",
                              "Your session had ended (or the account was disabled). Sign in "
                              "again; nothing was changed.",
                              nullptr)
                     : redirect_see_other("/newsroom/login");
    return a;
  }
  if (post) {
    a.form = http::parse_form(req.body);
    if (!a.form) {
      a.refusal =
          notice(400, "Not changed", "The form could not be read (it was not valid UTF-8 form data).", &*a.session);
      return a;
    }
  }
  if (!accounts::allowed(a.session->user.role, action)) {
    a.refusal = notice(403, "Not allowed",
                       std::string("A ") + accounts::to_string(a.session->user.role) +
                           " account cannot do this. Ask an editor or the site's owner.",
                       &*a.session);
    return a;
  }
  if (post && !accounts::tokens_equal(a.session->csrf_token, http::field(*a.form, "csrf")))
    a.refusal = notice(403, "Not changed",
                       "The form had expired, so nothing was changed. Reload the page and try again.", &*a.session);
  return a;
}

NewsroomAccess Newsroom::require(const http::Request& req, accounts::Action action) {
  return require_access(db(), req, action,
                        [this](int status, const std::string& title, const std::string& message,
                               const accounts::Session* session) { return notice(status, title, message, session); });
}

std::optional<accounts::Session> Newsroom::signed_in(const http::Request& req) {
  auto token = http::cookie(req, kSessionCookie);
  if (!token) return std::nullopt;
  return accounts::session_for(db(), *token, std::time(nullptr));
}

http::Response newsroom_page(const Theme& theme, const config::Config& config, const std::string& title,
                             const std::string& body_html, const accounts::Session* session, int status) {
  ctemplate::TemplateDictionary d("newsroom_layout");
  d.SetValue("PAGE_TITLE", title);
  d.SetValue("SITE_NAME", config.site_name);
  d.SetValue("BODY", body_html);
  if (session) {
    auto* s = d.AddSectionDictionary("SIGNED_IN");
    s->SetValue("CSRF", session->csrf_token);
    s->SetValue("USER_NAME", session->user.name);
    s->SetValue("USER_ROLE", accounts::to_string(session->user.role));
    fill_newsroom_nav(s, session->user.role);
  }
  http::Response r;
  r.status = status;
  r.body = theme.render("newsroom_layout.tpl", d);
  return r;
}

http::Response Newsroom::layout(const std::string& title, const std::string& body_html,
                                const accounts::Session* session, int status) {
  return newsroom_page(theme_, config_, title, body_html, session, status);
}

http::Response Newsroom::notice(int status, const std::string& title, const std::string& message,
                                const accounts::Session* session, const std::string& kept_text) {
  ctemplate::TemplateDictionary d("message");
  d.SetValue("TITLE", title);
  d.SetValue("MESSAGE", message);
  if (!kept_text.empty()) d.AddSectionDictionary("KEPT")->SetValue("TEXT", kept_text);
  return layout(title, theme_.render("newsroom_message.tpl", d), session, status);
}

http::Response Newsroom::login_form(const http::Request& req, int status, const std::string& error,
                                    const std::string& email) {
  if (status == 200 && signed_in(req)) return redirect_see_other("/newsroom");
  // Double-submit token: the same random value in a cookie and in the form. A page on another site can
  // make the browser send the cookie, but cannot read it to put it in the form.
  // The token is signed with the site's secret, so a value planted in the cookie (from a sibling
  // subdomain, say) and copied into a forged form does not pass.
  const std::string secret = login_secret();
  std::string csrf = http::cookie(req, kLoginCsrfCookie).value_or("");
  const bool fresh = !accounts::signed_token_valid(secret, csrf);
  if (fresh) csrf = accounts::signed_token(secret);
  ctemplate::TemplateDictionary d("login");
  d.SetValue("CSRF", csrf);
  d.SetValue("EMAIL", email);
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  http::Response r = layout("Sign in", theme_.render("newsroom_login.tpl", d), nullptr, status);
  if (fresh) r.headers.emplace_back("Set-Cookie", http::set_cookie(kLoginCsrfCookie, csrf, {.max_age = 3600}));
  return r;
}

http::Response Newsroom::login(const http::Request& req) {
  auto form = http::parse_form(req.body);
  if (!form) return login_form(req, 400, "The form could not be read. Please try again.", "");
  const std::string email = http::field(*form, "email");
  auto cookie_token = http::cookie(req, kLoginCsrfCookie);
  if (!cookie_token || !accounts::tokens_equal(*cookie_token, http::field(*form, "csrf")) ||
      !accounts::signed_token_valid(login_secret(), *cookie_token))
    return login_form(req, 403, "The sign-in form had expired. Please sign in again.", email);
  const std::int64_t now = std::time(nullptr);
  std::string account = email.substr(0, 254);
  account = strings::lower_ascii(account);
  // Both limits are checked and the attempt counted in one step each, so parallel tries cannot slip past.
  std::int64_t wait = account_throttle_.begin(db(), account, now);
  if (wait == 0) {
    wait = address_throttle_.begin(db(), req.remote_address, now);
    if (wait > 0) account_throttle_.release(db(), account);
  }
  if (wait > 0) {
    const std::int64_t minutes = (wait + 59) / 60;
    http::Response r = login_form(
        req, 429,
        "Too many failed sign-ins. Try again in " + std::to_string(minutes) + (minutes == 1 ? " minute." : " minutes."),
        email);
    r.set_header("Retry-After", std::to_string(wait));
    return r;
  }
  std::optional<std::string> token;
  try {
    token = accounts::sign_in(db(), email, http::field(*form, "password"), now);
  } catch (...) {
    account_throttle_.release(db(), account);
    address_throttle_.release(db(), req.remote_address);
    throw;
  }
  if (!token) {
    account_throttle_.failed(db(), account, now);
    address_throttle_.failed(db(), req.remote_address, now);
    // What was typed goes into the log: control characters become '?', so it cannot forge log lines.
    std::string shown = email.substr(0, 100);
    for (auto& c : shown)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    spdlog::warn("newsroom: failed sign-in for '{}' from {}", shown, req.remote_address);
    return login_form(req, 401, "That email and password do not match an account.", email);
  }
  account_throttle_.succeeded(db(), account);
  address_throttle_.release(db(), req.remote_address);
  http::Response r = redirect_see_other("/newsroom");
  r.headers.emplace_back("Set-Cookie", http::set_cookie(kSessionCookie, *token, {}));
  r.headers.emplace_back("Set-Cookie", http::set_cookie(kLoginCsrfCookie, "", {.max_age = 0}));
  return r;
}

http::Response Newsroom::logout(const http::Request& req) {
  auto session = signed_in(req);
  auto form = http::parse_form(req.body);
  if (session && form && accounts::tokens_equal(session->csrf_token, http::field(*form, "csrf")))
    accounts::sign_out(db(), http::cookie(req, kSessionCookie).value_or(""));
  else if (session)
    return notice(403, "Not signed out", "The form had expired. Reload the page and try again.", &*session);
  http::Response r = redirect_see_other("/newsroom/login");
  r.headers.emplace_back("Set-Cookie", http::set_cookie(kSessionCookie, "", {.max_age = 0}));
  return r;
}

namespace {

// "2025-03-04" as the start of that day (or of `days_after` days later) in the site's zone; nullopt
// for anything else.
std::optional<std::int64_t> local_day_start(const std::string& text, int days_after = 0) {
  int y = 0, m = 0, d = 0, used = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 ||
      static_cast<std::size_t>(used) != text.size())
    return std::nullopt;
  const std::int64_t day = content::unix_from_date(y, m, d);
  if (day < 0 || content::format_iso8601(day).substr(0, 10) != text) return std::nullopt;
  const auto next = content::date_parts(day + days_after * 86400LL);
  const int ny = std::stoi(next.year), nm = std::stoi(next.month), nd = std::stoi(next.day);
  auto t = content::from_local(ny, nm, nd, 0, 0, 0);
  return t ? t : content::from_local(ny, nm, nd, 1, 0, 0);  // zones whose clocks skip midnight
}

std::string cut_at_char(std::string s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
  return s;
}

}  // namespace

http::Response Newsroom::articles(const http::Request& req) {
  auto session = signed_in(req);
  if (!session) return redirect_see_other("/newsroom/login");
  if (!accounts::allowed(session->user.role, accounts::Action::list_articles)) {
    // A recruiter signs in here too, and sees no article or draft.
    return notice(200, "Newsroom",
                  "Recruiter accounts have no article screens: your organisation's job adverts are under Adverts.",
                  &*session);
  }
  auto page = page_number(req);
  if (!page) return notice(400, "Bad request", "The page must be a positive whole number.", &*session);
  store::ContentStore content(db());
  // Filters: headline words, status, section, author (slugs) and a publication date range (site zone).
  store::ContentStore::NewsroomFilter f;
  const std::string q = cut_at_char(std::string(strings::trim(req.param("q").value_or(""))), 200);
  f.headline_contains = q;
  const std::string status = req.param("status").value_or("");
  content::Status parsed_status{};
  if (status == "review")
    f.in_review = true;  // drafts submitted for review
  else if (!status.empty() && !content::parse_status(status, parsed_status))
    return notice(400, "Bad request", "Choose a status: published, scheduled, draft or in review.", &*session);
  else
    f.status = status;
  const auto sections = content.sections();
  const std::string section = req.param("section").value_or("");
  if (!section.empty()) {
    auto it = std::find_if(sections.begin(), sections.end(), [&](const auto& x) { return x.slug == section; });
    if (it == sections.end()) return notice(400, "Bad request", "There is no such section.", &*session);
    f.section_id = it->id;
  }
  const std::string author = req.param("author").value_or("");
  if (!author.empty()) {
    auto a = content.author_by_slug(author);
    if (!a) return notice(400, "Bad request", "There is no such author.", &*session);
    f.author_id = a->id;
  }
  const std::string from = req.param("from").value_or(""), to = req.param("to").value_or("");
  if (!from.empty()) {
    auto t = local_day_start(from);
    if (!t) return notice(400, "Bad request", "The 'from' date must be a date such as 2025-03-04.", &*session);
    f.from = *t;
  }
  if (!to.empty()) {
    auto t = local_day_start(to, 1);  // through the end of that day
    if (!t) return notice(400, "Bad request", "The 'to' date must be a date such as 2025-03-04.", &*session);
    f.before = *t;
  }
  // A writer works on their own articles only.
  const bool own_only = !accounts::allowed(session->user.role, accounts::Action::edit_any);
  if (own_only) f.created_by = session->user.id;

  const std::int64_t total = content.count_newsroom(f);
  const std::int64_t pages = std::max<std::int64_t>(1, (total + kNewsroomPageSize - 1) / kNewsroomPageSize);
  if (*page > pages)
    return notice(404, "No such page", "There are only " + std::to_string(pages) + " pages.", &*session);
  ctemplate::TemplateDictionary d("articles");
  d.SetValue("TOTAL", std::to_string(total));
  d.SetValue("Q", q);
  d.SetValue("FROM", from);
  d.SetValue("TO", to);
  d.SetValue("ZONE", content::site_zone());
  if (own_only) d.ShowSection("OWN_ONLY");
  const bool filtered =
      !q.empty() || !status.empty() || !section.empty() || !author.empty() || !from.empty() || !to.empty();
  if (filtered) d.ShowSection("FILTERED");
  if (accounts::allowed(session->user.role, accounts::Action::write_article)) d.ShowSection("CAN_CREATE");
  for (const char* st : {"published", "scheduled", "draft", "review"}) {
    auto* o = d.AddSectionDictionary("STATUS_OPTION");
    o->SetValue("VALUE", st);
    o->SetValue("LABEL", std::string(st) == "review" ? "in review" : st);
    if (status == st) o->ShowSection("SELECTED");
  }
  for (const auto& sec : sections) {
    auto* o = d.AddSectionDictionary("SECTION_OPTION");
    o->SetValue("VALUE", sec.slug);
    o->SetValue("NAME", sec.name);
    if (section == sec.slug) o->ShowSection("SELECTED");
  }
  for (const auto& au : content.authors()) {
    auto* o = d.AddSectionDictionary("AUTHOR_OPTION");
    o->SetValue("VALUE", au.slug);
    o->SetValue("NAME", au.name);
    if (author == au.slug) o->ShowSection("SELECTED");
  }
  auto rows = content.list_newsroom(f, kNewsroomPageSize, (*page - 1) * kNewsroomPageSize);
  if (rows.empty())
    d.ShowSection(filtered ? "NO_MATCH" : "EMPTY");
  else
    d.ShowSection("HAS_ROWS");
  const std::int64_t now = std::time(nullptr);
  for (const auto& a : rows) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("HEADLINE", a.headline.empty() ? "(no headline)" : a.headline);
    row->SetValue("SECTION", a.section.name);
    row->SetValue("STATUS", content::to_string(a.status));
    if (a.status == content::Status::draft && a.submitted_at > 0) row->ShowSection("IN_REVIEW");
    row->SetValue("DATE", content::format_local_time(a.published_at));
    row->SetValue("DATE_ISO", content::format_iso8601(a.published_at));
    std::vector<std::string> names;
    for (const auto& au : a.authors) names.push_back(au.name);
    row->SetValue("BYLINE", content::join_names(names));
    row->AddSectionDictionary("CAN_EDIT")->SetValue("EDIT_URL", "/newsroom/articles/" + std::to_string(a.id));
    if (a.status != content::Status::draft && a.published_at <= now)
      row->AddSectionDictionary("LIVE")->SetValue("VIEW_URL", article_path(a));
  }
  // The pages keep the filters.
  fill_pagination(&d, *page, pages, [&](int n) {
    boost::urls::url u("/newsroom");
    for (const auto& [k, v] : {std::pair<std::string, std::string>{"q", q},
                               {"status", status},
                               {"section", section},
                               {"author", author},
                               {"from", from},
                               {"to", to}})
      if (!v.empty()) u.params().append({k, v});
    if (n > 1) u.params().append({"page", std::to_string(n)});
    return std::string(u.buffer());
  });
  return layout("Articles", theme_.render("newsroom_articles.tpl", d), &*session, 200);
}

// The article number in /newsroom/articles/{id}; nullopt for anything else ("new" is its own route).
std::optional<std::int64_t> article_id_param(const http::Params& p) {
  auto it = p.find("id");
  if (it == p.end()) return std::nullopt;
  const std::string& s = it->second;
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || ptr != s.data() + s.size() || id < 1) return std::nullopt;
  return id;
}

std::optional<content::Article> Newsroom::editable_article(const http::Params& p, const accounts::Session& session,
                                                           std::optional<http::Response>& refusal) {
  auto id = article_id_param(p);
  std::optional<content::Article> article;
  if (id) article = store::ContentStore(db()).article_by_id(*id);
  if (!article) {
    refusal = notice(404, "No such article", "There is no article with that number.", &session);
    return std::nullopt;
  }
  if (!accounts::may_edit_article(session.user, article->created_by, article->status == content::Status::draft)) {
    refusal = notice(403, "Not allowed",
                     "Writers can change only their own drafts. Ask an editor to change this article.", &session);
    return std::nullopt;
  }
  return article;
}

namespace {

// The diff of two versions of an article for a template: DIFF rows with KIND (same, removed, added).
void fill_diff(ctemplate::TemplateDictionary* d, const std::string& before, const std::string& after) {
  for (const auto& line : content::diff_lines(before, after)) {
    auto* row = d->AddSectionDictionary("DIFF");
    row->SetValue("KIND", line.kind == content::DiffLine::added     ? "added"
                          : line.kind == content::DiffLine::removed ? "removed"
                                                                    : "same");
    row->SetValue("SIGN", line.kind == content::DiffLine::added     ? "+"
                          : line.kind == content::DiffLine::removed ? "-"
                                                                    : " ");
    row->SetValue("TEXT", line.text);
  }
}

std::string comparable(const content::ArticleForm& f) {
  return content::comparable_text(f.headline, f.standfirst, f.section, f.byline, f.tags, f.body);
}

}  // namespace

http::Response Newsroom::editor(const http::Request& req, const http::Params& p, int status, const std::string& error,
                                const content::ArticleForm* typed, bool check, const content::Article* conflict) {
  // GET: checked here. POST (a refused save shown again): save() has checked the session, role and token.
  auto who = signed_in(req);
  if (!who) return redirect_see_other("/newsroom/login");
  if (!accounts::allowed(who->user.role, accounts::Action::write_article))
    return notice(403, "Not allowed", "Recruiter accounts cannot edit articles.", &*who);
  const accounts::Session& session = *who;
  const bool creating = p.find("id") == p.end();
  std::optional<content::Article> article;
  if (!creating) {
    std::optional<http::Response> refusal;
    article = editable_article(p, session, refusal);
    if (!article) return std::move(*refusal);
  }
  store::ContentStore content(db());
  const auto sections = content::section_choices(content.sections());
  const auto role = session.user.role;
  const bool can_publish = accounts::allowed(role, accounts::Action::publish);

  content::ArticleForm v;
  if (typed) {
    v = *typed;
  } else if (article) {
    v = content::form_of(*article);
  } else {
    // A new article: the writer's own byline, the first section, and a draft until they choose.
    v.byline = session.user.name;
    v.section = sections.front();
    v.status = "draft";
  }
  ctemplate::TemplateDictionary d("edit");
  d.SetValue("HEADING", creating ? "New article" : "Edit article");
  d.SetValue("ACTION", creating ? "/newsroom/articles/new" : "/newsroom/articles/" + std::to_string(article->id));
  d.SetValue("SAVE_LABEL", creating ? "Create article" : "Save");
  d.SetValue("CSRF", session.csrf_token);
  d.SetValue("HEADLINE", v.headline);
  d.SetValue("STANDFIRST", v.standfirst);
  d.SetValue("BODY_MARKDOWN", v.body);
  d.SetValue("BYLINE", v.byline);
  d.SetValue("TAGS", v.tags);
  d.SetValue("PUBLISHED", v.published);
  d.SetValue("ZONE", content::site_zone());
  for (const auto& s : sections) {
    auto* o = d.AddSectionDictionary("SECTION_OPTION");
    o->SetValue("NAME", s);
    if (s == v.section) o->ShowSection("SELECTED");
  }
  if (can_publish) {
    auto* choose = d.AddSectionDictionary("CHOOSE_STATUS");
    for (const char* st : {"published", "scheduled", "draft"}) {
      auto* o = choose->AddSectionDictionary("STATUS_OPTION");
      o->SetValue("VALUE", st);
      o->SetValue("LABEL", std::string(st) == "published"   ? "Published"
                           : std::string(st) == "scheduled" ? "Scheduled"
                                                            : "Draft (hidden from readers)");
      if (v.status == st) o->ShowSection("SELECTED");
    }
  } else {
    d.ShowSection("WRITER_DRAFT");  // writers save drafts and submit them for review
  }
  // --- editing: version, significant update, address and search fields --------------------------------
  // After a refused save the form carries the newer version, so saving again replaces it knowingly.
  d.SetValue("VERSION", conflict ? std::to_string(conflict->version) : v.version);
  if (v.significant) d.ShowSection("SIGNIFICANT_CHECKED");
  if (!creating && can_publish) d.ShowSection("CAN_MARK_SIGNIFICANT");
  d.SetValue("SLUG", v.slug);
  d.SetValue("SEO_TITLE", v.seo_title);
  d.SetValue("SEO_DESCRIPTION", v.seo_description);
  d.SetValue("CANONICAL_URL", v.canonical_url);
  if (article) {
    auto* tools = d.AddSectionDictionary("ARTICLE_TOOLS");
    const std::string base = "/newsroom/articles/" + std::to_string(article->id);
    tools->SetValue("PREVIEW_URL", base + "/preview");
    tools->SetValue("REVISIONS_URL", base + "/revisions");
    tools->SetValue("BASE", base);
    tools->SetValue("CSRF", session.csrf_token);
    tools->SetValue("VERSION", std::to_string(article->version));
    if (article->revised_at > 0)
      tools->SetValueAndShowSection("UPDATED", content::format_local_time(article->revised_at), "HAS_UPDATED");
    if (can_publish && article->status != content::Status::draft) tools->ShowSection("CAN_UNPUBLISH");
    if (can_publish && article->status != content::Status::draft) tools->ShowSection("CAN_LEAD");
    if (accounts::allowed(role, accounts::Action::delete_article)) tools->ShowSection("CAN_BIN");
    if (!can_publish && article->status == content::Status::draft && article->submitted_at == 0)
      tools->ShowSection("CAN_SUBMIT");
    if (article->submitted_at > 0 && article->status == content::Status::draft)
      tools->SetValueAndShowSection("SUBMITTED", content::format_local_time(article->submitted_at), "IS_SUBMITTED");
    if (article->deleted_at > 0) tools->ShowSection("IN_BIN");
  }
  if (conflict) {
    auto* c = d.AddSectionDictionary("CONFLICT");
    const auto saved = content::form_of(*conflict);
    auto history = content.revisions(conflict->id, 1);
    c->SetValue("VERSION", std::to_string(conflict->version));
    c->SetValue("SAVED_BY", history.empty() ? "someone" : history.front().saved_by);
    c->SetValue("SAVED_AT",
                content::format_local_time(history.empty() ? conflict->updated_at : history.front().saved_at));
    c->SetValue("SAVED_TEXT", comparable(saved));
    fill_diff(c, comparable(saved), comparable(v));
  }
  // --- end editing
  // Pictures: the lead image fields (web/media_pages.h), as typed or as stored.
  if (auto posted = typed ? http::parse_form(req.body) : std::nullopt)
    fill_lead_image_fields(&d, lead_image_form(*posted), db());
  else
    fill_lead_image_fields(&d, article ? lead_image_form(article->lead_image) : media::LeadImageForm{}, db());
  if (req.param("saved") && error.empty()) d.ShowSection("SAVED");
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  if (article && article->status != content::Status::draft && article->published_at <= std::time(nullptr))
    d.AddSectionDictionary("LIVE")->SetValue("VIEW_URL", article_path(*article));
  if (check && typed) {
    // The councils this text would be tagged with, for an editor checking copy before saving.
    auto* found = d.AddSectionDictionary("CHECKED");
    const auto mentions =
        councils::default_detector().detect(typed->headline + "\n\n" + typed->standfirst + "\n\n" + typed->body);
    std::vector<std::string> seen;
    for (const auto& m : mentions) {
      if (std::find(seen.begin(), seen.end(), m.gss_code) != seen.end()) continue;
      seen.push_back(m.gss_code);
      auto* cd = found->AddSectionDictionary("FOUND");
      cd->SetValue("NAME", m.official_name);
      cd->SetValue("GSS", m.gss_code);
      cd->SetValue("MATCHED", m.matched_text);
    }
    if (seen.empty()) found->ShowSection("NONE_FOUND");
  }
  if (article) {
    auto* section = d.AddSectionDictionary("COUNCILS");
    auto councils = store::CouncilStore(db()).for_article(article->id);
    if (councils.empty()) section->ShowSection("NO_COUNCILS");
    for (const auto& c : councils) {
      auto* cd = section->AddSectionDictionary("COUNCIL");
      cd->SetValue("NAME", c.official_name);
      cd->SetValue("GSS", c.gss_code);
      cd->SetValue("URL", "/councils/" + c.slug);
    }
  }
  const std::string title = creating ? "New article" : "Edit: " + article->headline;
  return layout(title, theme_.render("newsroom_edit.tpl", d), &session, status);
}

http::Response Newsroom::save(const http::Request& req, const http::Params& p) {
  auto form = http::parse_form(req.body);
  // What was typed, shown back when the save is refused before the editor can be shown, so it can be copied.
  auto kept = [&] {
    if (!form) return std::string();
    std::string t = http::field(*form, "headline") + "\n\n" + http::field(*form, "standfirst") + "\n\n" +
                    http::field(*form, "body");
    std::erase(t, '\r');
    return t.size() > 4 ? t : std::string();
  };
  auto session = signed_in(req);
  if (!session)
    return notice(
        401, "Not saved: signed out",
        "Your session had ended, so the change was not saved. Copy your text below, sign in again and paste it back.",
        nullptr, kept());
  if (!accounts::allowed(session->user.role, accounts::Action::write_article))
    return notice(403, "Not allowed", "Recruiter accounts cannot edit articles.", &*session);
  if (!form)
    return notice(400, "Not saved", "The form could not be read (it was not valid UTF-8 form data).", &*session);
  if (!accounts::tokens_equal(session->csrf_token, http::field(*form, "csrf")))
    return notice(
        403, "Not saved",
        "The form had expired, so the change was not saved. Copy your text below, reload the editor and paste it back.",
        &*session, kept());
  const bool creating = p.find("id") == p.end();
  auto id = article_id_param(p);
  std::optional<content::Article> stored;
  if (!creating) {
    std::optional<http::Response> refusal;
    stored = editable_article(p, *session, refusal);
    if (!stored) return std::move(*refusal);
  }
  const std::string action = http::field(*form, "action");
  const bool can_publish = accounts::allowed(session->user.role, accounts::Action::publish);

  content::ArticleForm v;
  v.headline = http::field(*form, "headline");
  v.standfirst = http::field(*form, "standfirst");
  v.body = http::field(*form, "body");
  v.byline = http::field(*form, "byline");
  v.tags = http::field(*form, "tags");
  v.section = http::field(*form, "section");
  v.status = http::field(*form, "status");
  v.published = http::field(*form, "published");
  v.version = http::field(*form, "version");
  v.significant = http::field(*form, "significant") == "1";
  v.slug = http::field(*form, "slug");
  v.seo_title = http::field(*form, "seo_title");
  v.seo_description = http::field(*form, "seo_description");
  v.canonical_url = http::field(*form, "canonical_url");
  // Browsers send CRLF line ends in textareas; the archive stores LF.
  for (std::string* s : {&v.standfirst, &v.body}) std::erase(*s, '\r');
  if (!can_publish) {
    // Writers save drafts: a status or publication time they could not choose is refused, not ignored.
    if (!v.status.empty() && v.status != "draft")
      return notice(403, "Not allowed", "Writers cannot publish; submit the draft for review instead.", &*session,
                    kept());
    v.status = "draft";
  }
  if (action == "check") return editor(req, p, 200, "", &v, true);  // nothing is saved
  const std::int64_t now = std::time(nullptr);
  content::ArticleInput in;
  content::EditorialInput editorial;
  const std::string error = content::check_article_form(
      v, content::section_choices(store::ContentStore(db()).sections()), now, in, editorial);
  if (!error.empty()) return editor(req, p, 422, error, &v);
  if (action == "preview") return preview_typed(*session, v, id);  // nothing is saved
  // Pictures (media/media.h): the lead image and the text's pictures are checked before anything is saved.
  media::LeadImage lead;
  if (auto lead_error = media::check_lead_image(db(), lead_image_form(*form), lead); !lead_error.empty())
    return editor(req, p, 422, lead_error, &v);
  if (auto body_error = media::check_body_images(db(), v.body); !body_error.empty())
    return editor(req, p, 422, body_error, &v);

  content::ChangedBy by{session->user.id, session->user.name, session->user.email};
  content::EditOptions opt;
  opt.expected_version = creating ? 0 : (editorial.version > 0 ? editorial.version : stored->version);
  opt.significant = editorial.significant && can_publish;
  opt.slug = editorial.slug;
  opt.seo_title = editorial.seo_title;
  opt.seo_description = editorial.seo_description;
  opt.canonical_url = editorial.canonical_url;
  content::SaveResult saved;
  const auto write_started = std::chrono::steady_clock::now();
  try {
    saved = content::save_article(db(), id, std::move(in), by, opt, now);
    if (saved.status == content::SaveStatus::saved && action == "submit") {
      store::Transaction tx(db());
      content::ArticleService(db()).set_submitted(saved.id, now, by, now);
      tx.commit();
    }
  } catch (const std::exception& ex) {
    spdlog::error("newsroom: saving article {} failed: {}", creating ? std::string("(new)") : std::to_string(*id),
                  ex.what());
    return editor(req, p, 503,
                  "The article could not be saved just now (the database said: " + std::string(ex.what()) +
                      "). Your text is below; try again.",
                  &v);
  }
  switch (saved.status) {
    case content::SaveStatus::not_found:
      return notice(404, "No such article", "There is no article with that number.", &*session);
    case content::SaveStatus::duplicate:
      return editor(req, p, 422,
                    "An article with this headline was already published today. Change the headline, or edit that "
                    "article instead.",
                    &v);
    case content::SaveStatus::slug_taken:
      return editor(req, p, 422, "Another article already has the address '" + editorial.slug + "'. Choose another.",
                    &v);
    case content::SaveStatus::conflict:
      // Someone saved a newer version since this editor opened it: nothing is written; both texts are
      // shown, and the form now names the newer version, so saving again replaces it knowingly.
      return editor(req, p, 409,
                    "Not saved: someone else saved this article (version " +
                        std::to_string(saved.current ? saved.current->version : 0) +
                        ") after you opened it. Your text is still in the form; their version and the differences "
                        "are below. Merge what you need and save again to replace theirs.",
                    &v, false, saved.current ? &*saved.current : nullptr);
    case content::SaveStatus::saved:
      break;
  }
  // Pictures: the lead image and the pictures the body shows, so the media library knows where each is used.
  try {
    media::set_article_images(db(), saved.id, lead, v.body, now);
  } catch (const std::exception& ex) {
    spdlog::error("newsroom: article {} saved, its pictures not: {}", saved.id, ex.what());
    return editor(
        req, p, 503,
        "The text was saved but its pictures were not (the database said: " + std::string(ex.what()) + "). Save again.",
        &v);
  }
  ctx_.content_written(saved.id, write_started);
  spdlog::info("newsroom: {} {} article {}", session->user.email, creating ? "created" : "saved", saved.id);
  return redirect_see_other("/newsroom/articles/" + std::to_string(saved.id) + "?saved=1");
}

void Newsroom::add_routes(http::Router& router) {
  using http::Params;
  using http::Request;
  router.get("/newsroom", [this](const Request& r, const Params&) { return articles(r); });
  router.get("/newsroom/login", [this](const Request& r, const Params&) { return login_form(r, 200, "", ""); });
  router.post("/newsroom/login", [this](const Request& r, const Params&) { return login(r); });
  router.post("/newsroom/logout", [this](const Request& r, const Params&) { return logout(r); });
  router.get("/newsroom/articles/new",
             [this](const Request& r, const Params& p) { return editor(r, p, 200, "", nullptr); });
  router.post("/newsroom/articles/new", [this](const Request& r, const Params& p) { return save(r, p); });
  router.get("/newsroom/articles/{id}",
             [this](const Request& r, const Params& p) { return editor(r, p, 200, "", nullptr); });
  router.post("/newsroom/articles/{id}", [this](const Request& r, const Params& p) { return save(r, p); });
  // --- editing
  router.get("/newsroom/articles/{id}/preview",
             [this](const Request& r, const Params& p) { return preview_stored(r, p); });
  router.get("/newsroom/articles/{id}/revisions",
             [this](const Request& r, const Params& p) { return revisions(r, p); });
  router.get("/newsroom/articles/{id}/revisions/{version}",
             [this](const Request& r, const Params& p) { return revision(r, p); });
  router.post("/newsroom/articles/{id}/revisions/{version}/restore",
              [this](const Request& r, const Params& p) { return restore_revision(r, p); });
  for (const char* what : {"unpublish", "bin", "restore", "lead", "submit"})
    router.post(std::string("/newsroom/articles/{id}/") + what,
                [this, what](const Request& r, const Params& p) { return article_action(r, p, what); });
  router.get("/newsroom/bin", [this](const Request& r, const Params&) { return bin_page(r); });
  router.get("/newsroom/listings", [this](const Request& r, const Params&) { return listings_page(r); });
  for (const char* kind : {"sections", "authors", "tags"})
    router.post(std::string("/newsroom/") + kind + "/{id}",
                [this, kind](const Request& r, const Params& p) { return describe(r, p, kind); });
  // --- people and audit
  router.get("/newsroom/people", [this](const Request& r, const Params&) { return people(r); });
  router.post("/newsroom/people/invite", [this](const Request& r, const Params&) { return invite(r); });
  for (const char* what : {"role", "disable", "enable", "reset", "signout"})
    router.post(std::string("/newsroom/people/{id}/") + what,
                [this, what](const Request& r, const Params& p) { return person_action(r, p, what); });
  router.get("/newsroom/audit", [this](const Request& r, const Params&) { return audit_log(r); });
  router.get("/newsroom/join/{token}", [this](const Request& r, const Params& p) { return join_form(r, p, 200, ""); });
  router.post("/newsroom/join/{token}", [this](const Request& r, const Params& p) { return join(r, p); });
}

}  // namespace gazette::web
