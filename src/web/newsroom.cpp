// The newsroom's handlers (web/newsroom.h).
#include <ctemplate/template.h>
#include <spdlog/spdlog.h>
#include <boost/url/url.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>

#include "accounts/accounts.h"
#include "councils/tagging.h"
#include "http/form.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "strings/strings.h"
#include "web/media_pages.h"
#include "web/newsroom.h"
#include "web/render.h"
#include "web/urls.h"

namespace gazette::web {

namespace {

constexpr const char* kSessionCookie = "gazette_session";
constexpr const char* kLoginCsrfCookie = "gazette_login_csrf";
constexpr int kNewsroomPageSize = 50;
http::Response redirect_see_other(const std::string& to) {
  return http::Response::redirect(303, to);
}

}  // namespace

std::string Newsroom::login_secret() {
  std::lock_guard lock(secret_mutex_);
  if (secret_.empty()) secret_ = accounts::site_secret(db());
  return secret_;
}

std::optional<accounts::Session> Newsroom::signed_in(const http::Request& req) {
  auto token = http::cookie(req, kSessionCookie);
  if (!token) return std::nullopt;
  return accounts::session_for(db(), *token, std::time(nullptr));
}

http::Response Newsroom::layout(const std::string& title, const std::string& body_html,
                                const accounts::Session* session, int status) {
  ctemplate::TemplateDictionary d("newsroom_layout");
  d.SetValue("PAGE_TITLE", title);
  d.SetValue("SITE_NAME", config_.site_name);
  d.SetValue("BODY", body_html);
  if (session) {
    auto* s = d.AddSectionDictionary("SIGNED_IN");
    s->SetValue("CSRF", session->csrf_token);
    s->SetValue("USER_NAME", session->user.name);
    s->SetValue("USER_ROLE", accounts::to_string(session->user.role));
  }
  http::Response r;
  r.status = status;
  r.body = theme_.render("newsroom_layout.tpl", d);
  return r;
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
  std::int64_t wait = account_throttle_.begin(account, now);
  if (wait == 0) {
    wait = address_throttle_.begin(req.remote_address, now);
    if (wait > 0) account_throttle_.release(account);
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
    account_throttle_.release(account);
    address_throttle_.release(req.remote_address);
    throw;
  }
  if (!token) {
    account_throttle_.failed(account, now);
    address_throttle_.failed(req.remote_address, now);
    // What was typed goes into the log: control characters become '?', so it cannot forge log lines.
    std::string shown = email.substr(0, 100);
    for (auto& c : shown)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    spdlog::warn("newsroom: failed sign-in for '{}' from {}", shown, req.remote_address);
    return login_form(req, 401, "That email and password do not match an account.", email);
  }
  account_throttle_.succeeded(account);
  address_throttle_.release(req.remote_address);
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

http::Response Newsroom::articles(const http::Request& req) {
  auto session = signed_in(req);
  if (!session) return redirect_see_other("/newsroom/login");
  auto page = page_number(req);
  if (!page) return notice(400, "Bad request", "The page must be a positive whole number.", &*session);
  std::string q(strings::trim(req.param("q").value_or("")));
  if (q.size() > 200) {  // cut at a character boundary: the box shows it again
    std::size_t end = 200;
    while (end > 0 && (static_cast<unsigned char>(q[end]) & 0xC0) == 0x80) --end;
    q.resize(end);
  }
  store::ContentStore content(db());
  const std::int64_t total = content.count_all(q);
  const std::int64_t pages = std::max<std::int64_t>(1, (total + kNewsroomPageSize - 1) / kNewsroomPageSize);
  if (*page > pages)
    return notice(404, "No such page", "There are only " + std::to_string(pages) + " pages.", &*session);
  ctemplate::TemplateDictionary d("articles");
  d.SetValue("TOTAL", std::to_string(total));
  d.SetValue("Q", q);
  if (!q.empty()) d.AddSectionDictionary("FILTERED")->SetValue("Q", q);
  if (session->user.can_edit_articles()) d.ShowSection("CAN_CREATE");
  auto rows = content.list_all(kNewsroomPageSize, (*page - 1) * kNewsroomPageSize, q);
  if (rows.empty())
    d.ShowSection(q.empty() ? "EMPTY" : "NO_MATCH");
  else
    d.ShowSection("HAS_ROWS");
  const std::int64_t now = std::time(nullptr);
  for (const auto& a : rows) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("HEADLINE", a.headline.empty() ? "(no headline)" : a.headline);
    row->SetValue("SECTION", a.section.name);
    row->SetValue("STATUS", content::to_string(a.status));
    row->SetValue("DATE", content::format_uk_date(a.published_at));
    row->SetValue("DATE_ISO", content::format_iso8601(a.published_at));
    if (session->user.can_edit_articles())
      row->AddSectionDictionary("CAN_EDIT")->SetValue("EDIT_URL", "/newsroom/articles/" + std::to_string(a.id));
    else
      row->ShowSection("READ_ONLY");
    if (a.status != content::Status::draft && a.published_at <= now)
      row->AddSectionDictionary("LIVE")->SetValue("VIEW_URL", article_path(a));
  }
  if (q.empty()) {
    fill_pagination(&d, "/newsroom", *page, total, kNewsroomPageSize);
  } else {
    fill_pagination(&d, *page, pages, [&](int n) {
      boost::urls::url u("/newsroom");
      u.params().append({"q", q});
      if (n > 1) u.params().append({"page", std::to_string(n)});
      return std::string(u.buffer());
    });
  }
  return layout("Articles", theme_.render("newsroom_articles.tpl", d), &*session, 200);
}

namespace {

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

}  // namespace

http::Response Newsroom::editor(const http::Request& req, const http::Params& p, int status, const std::string& error,
                                const content::ArticleForm* typed, bool check) {
  auto session = signed_in(req);
  if (!session) return redirect_see_other("/newsroom/login");
  if (!session->user.can_edit_articles())
    return notice(403, "Not allowed", "Recruiter accounts cannot edit articles.", &*session);
  const bool creating = p.find("id") == p.end();
  auto id = article_id_param(p);
  store::ContentStore content(db());
  std::optional<content::Article> article;
  if (!creating) {
    article = id ? content.article_by_id(*id) : std::nullopt;
    if (!article) return notice(404, "No such article", "There is no article with that number.", &*session);
  }
  const auto sections = content::section_choices(content.sections());

  content::ArticleForm v;
  if (typed) {
    v = *typed;
  } else if (article) {
    v = content::form_of(*article);
  } else {
    // A new article: the writer's own byline, the first section, and a draft until they choose.
    v.byline = session->user.name;
    v.section = sections.front();
    v.status = "draft";
  }
  ctemplate::TemplateDictionary d("edit");
  d.SetValue("HEADING", creating ? "New article" : "Edit article");
  d.SetValue("ACTION", creating ? "/newsroom/articles/new" : "/newsroom/articles/" + std::to_string(article->id));
  d.SetValue("SAVE_LABEL", creating ? "Create article" : "Save");
  d.SetValue("CSRF", session->csrf_token);
  d.SetValue("HEADLINE", v.headline);
  d.SetValue("STANDFIRST", v.standfirst);
  d.SetValue("BODY_MARKDOWN", v.body);
  d.SetValue("BYLINE", v.byline);
  d.SetValue("TAGS", v.tags);
  d.SetValue("PUBLISHED", v.published);
  for (const auto& s : sections) {
    auto* o = d.AddSectionDictionary("SECTION_OPTION");
    o->SetValue("NAME", s);
    if (s == v.section) o->ShowSection("SELECTED");
  }
  for (const char* st : {"published", "scheduled", "draft"}) {
    auto* o = d.AddSectionDictionary("STATUS_OPTION");
    o->SetValue("VALUE", st);
    o->SetValue("LABEL", std::string(st) == "published"   ? "Published"
                         : std::string(st) == "scheduled" ? "Scheduled"
                                                          : "Draft (hidden from readers)");
    if (v.status == st) o->ShowSection("SELECTED");
  }
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
  return layout(title, theme_.render("newsroom_edit.tpl", d), &*session, status);
}

http::Response Newsroom::save(const http::Request& req, const http::Params& p) {
  auto session = signed_in(req);
  auto form = http::parse_form(req.body);
  // What was typed, shown back when the save is refused before the editor can be shown, so it can be copied.
  auto kept = [&] {
    if (!form) return std::string();
    std::string t = http::field(*form, "headline") + "\n\n" + http::field(*form, "standfirst") + "\n\n" +
                    http::field(*form, "body");
    std::erase(t, '\r');
    return t.size() > 4 ? t : std::string();
  };
  if (!session)
    return notice(
        401, "Not saved: signed out",
        "Your session had ended, so the change was not saved. Copy your text below, sign in again and paste it back.",
        nullptr, kept());
  if (!session->user.can_edit_articles())
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
  if (!creating && !id) return notice(404, "No such article", "There is no article with that number.", &*session);
  const bool check = http::field(*form, "action") == "check";

  content::ArticleForm v{http::field(*form, "headline"), http::field(*form, "standfirst"),
                         http::field(*form, "body"),     http::field(*form, "byline"),
                         http::field(*form, "tags"),     http::field(*form, "section"),
                         http::field(*form, "status"),   http::field(*form, "published")};
  // Browsers send CRLF line ends in textareas; the archive stores LF.
  for (std::string* s : {&v.standfirst, &v.body}) std::erase(*s, '\r');
  if (check) return editor(req, p, 200, "", &v, true);  // nothing is saved
  const std::int64_t now = std::time(nullptr);
  content::ArticleInput in;
  const std::string error =
      content::check_article_form(v, content::section_choices(store::ContentStore(db()).sections()), now, in);
  if (!error.empty()) return editor(req, p, 422, error, &v);
  // Pictures (media/media.h): the lead image and the text's pictures are checked before anything is saved.
  media::LeadImage lead;
  if (auto lead_error = media::check_lead_image(db(), lead_image_form(*form), lead); !lead_error.empty())
    return editor(req, p, 422, lead_error, &v);
  if (auto body_error = media::check_body_images(db(), v.body); !body_error.empty())
    return editor(req, p, 422, body_error, &v);

  content::SaveResult saved;
  const auto write_started = std::chrono::steady_clock::now();
  try {
    saved = content::save_article(db(), id, std::move(in), now);
  } catch (const std::exception& ex) {
    spdlog::error("newsroom: saving article {} failed: {}", creating ? std::string("(new)") : std::to_string(*id),
                  ex.what());
    return editor(req, p, 503,
                  "The article could not be saved just now (the database said: " + std::string(ex.what()) +
                      "). Your text is below; try again.",
                  &v);
  }
  if (saved.status == content::SaveStatus::not_found)
    return notice(404, "No such article", "There is no article with that number.", &*session);
  if (saved.status == content::SaveStatus::duplicate)
    return editor(req, p, 422,
                  "An article with this headline was already published today. Change the headline, or edit that "
                  "article instead.",
                  &v);
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
}

}  // namespace gazette::web
