// The newsroom: signing in and out, the list of articles and the article editor. Never cached; every
// response says Cache-Control: no-store. Every POST carries a CSRF token: the session's own once signed
// in, and a double-submit cookie on the sign-in form (which has no session yet).
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
#include "search/related.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "web/render.h"
#include "web/site.h"
#include "web/urls.h"

namespace gazette::web {

namespace {

constexpr const char* kSessionCookie = "gazette_session";
constexpr const char* kLoginCsrfCookie = "gazette_login_csrf";
constexpr int kNewsroomPageSize = 50;
// Limits on what the editor accepts. The body's keeps a form inside the server's 1 MB request limit
// even when percent-encoding triples every byte (the longest trade-press features are ~40,000 bytes).
constexpr std::size_t kMaxHeadline = 300, kMaxStandfirst = 2000, kMaxBody = 300'000, kMaxListField = 1000;

http::Response redirect_see_other(const std::string& to) {
  return http::Response::redirect(303, to);
}

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> split_names(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    auto b = part.find_first_not_of(" \t\r\n"), e = part.find_last_not_of(" \t\r\n");
    if (b != std::string::npos) {
      part = part.substr(b, e - b + 1);
      bool seen = false;
      for (const auto& o : out) seen = seen || o == part;
      if (!seen) out.push_back(part);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::optional<accounts::Session> Site::newsroom_session(const http::Request& req) {
  auto token = http::cookie(req, kSessionCookie);
  if (!token) return std::nullopt;
  return accounts::session_for(db(), *token, std::time(nullptr));
}

http::Response Site::newsroom_page(const std::string& title, const std::string& body_html,
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

http::Response Site::newsroom_message(int status, const std::string& title, const std::string& message,
                                      const accounts::Session* session, const std::string& kept_text) {
  ctemplate::TemplateDictionary d("message");
  d.SetValue("TITLE", title);
  d.SetValue("MESSAGE", message);
  if (!kept_text.empty()) d.AddSectionDictionary("KEPT")->SetValue("TEXT", kept_text);
  return newsroom_page(title, theme_.render("newsroom_message.tpl", d), session, status);
}

http::Response Site::newsroom_login_form(const http::Request& req, int status, const std::string& error,
                                         const std::string& email) {
  if (status == 200 && newsroom_session(req)) return redirect_see_other("/newsroom");
  // Double-submit token: the same random value in a cookie and in the form. A page on another site can
  // make the browser send the cookie, but cannot read it to put it in the form.
  std::string csrf = http::cookie(req, kLoginCsrfCookie).value_or("");
  const bool fresh = csrf.size() != 43;
  if (fresh) csrf = accounts::random_token();
  ctemplate::TemplateDictionary d("login");
  d.SetValue("CSRF", csrf);
  d.SetValue("EMAIL", email);
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  http::Response r = newsroom_page("Sign in", theme_.render("newsroom_login.tpl", d), nullptr, status);
  if (fresh) r.headers.emplace_back("Set-Cookie", http::set_cookie(kLoginCsrfCookie, csrf, {.max_age = 3600}));
  return r;
}

http::Response Site::newsroom_login(const http::Request& req) {
  auto form = http::parse_form(req.body);
  if (!form) return newsroom_login_form(req, 400, "The form could not be read. Please try again.", "");
  const std::string email = http::field(*form, "email");
  auto cookie_token = http::cookie(req, kLoginCsrfCookie);
  if (!cookie_token || !accounts::tokens_equal(*cookie_token, http::field(*form, "csrf")))
    return newsroom_login_form(req, 403, "The sign-in form had expired. Please sign in again.", email);
  const std::int64_t now = std::time(nullptr);
  std::string account = email.substr(0, 254);
  for (auto& c : account) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  const std::int64_t wait =
      std::max(account_throttle_.wait_seconds(account, now), address_throttle_.wait_seconds(req.remote_address, now));
  if (wait > 0) {
    const std::int64_t minutes = (wait + 59) / 60;
    http::Response r = newsroom_login_form(
        req, 429,
        "Too many failed sign-ins. Try again in " + std::to_string(minutes) + (minutes == 1 ? " minute." : " minutes."),
        email);
    r.set_header("Retry-After", std::to_string(wait));
    return r;
  }
  auto token = accounts::sign_in(db(), email, http::field(*form, "password"), now);
  if (!token) {
    account_throttle_.failed(account, now);
    address_throttle_.failed(req.remote_address, now);
    // What was typed goes into the log: control characters become '?', so it cannot forge log lines.
    std::string shown = email.substr(0, 100);
    for (auto& c : shown)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    spdlog::warn("newsroom: failed sign-in for '{}' from {}", shown, req.remote_address);
    return newsroom_login_form(req, 401, "That email and password do not match an account.", email);
  }
  account_throttle_.succeeded(account);
  http::Response r = redirect_see_other("/newsroom");
  r.headers.emplace_back("Set-Cookie", http::set_cookie(kSessionCookie, *token, {}));
  r.headers.emplace_back("Set-Cookie", http::set_cookie(kLoginCsrfCookie, "", {.max_age = 0}));
  return r;
}

http::Response Site::newsroom_logout(const http::Request& req) {
  auto session = newsroom_session(req);
  auto form = http::parse_form(req.body);
  if (session && form && accounts::tokens_equal(session->csrf_token, http::field(*form, "csrf")))
    accounts::sign_out(db(), http::cookie(req, kSessionCookie).value_or(""));
  else if (session)
    return newsroom_message(403, "Not signed out", "The form had expired. Reload the page and try again.", &*session);
  http::Response r = redirect_see_other("/newsroom/login");
  r.headers.emplace_back("Set-Cookie", http::set_cookie(kSessionCookie, "", {.max_age = 0}));
  return r;
}

http::Response Site::newsroom_articles(const http::Request& req) {
  auto session = newsroom_session(req);
  if (!session) return redirect_see_other("/newsroom/login");
  auto page = page_number(req);
  if (!page) return newsroom_message(400, "Bad request", "The page must be a positive whole number.", &*session);
  std::string q = trimmed(req.param("q").value_or(""));
  if (q.size() > 200) {  // cut at a character boundary: the box shows it again
    std::size_t end = 200;
    while (end > 0 && (static_cast<unsigned char>(q[end]) & 0xC0) == 0x80) --end;
    q.resize(end);
  }
  store::ContentStore content(db());
  const std::int64_t total = content.count_all(q);
  const std::int64_t pages = std::max<std::int64_t>(1, (total + kNewsroomPageSize - 1) / kNewsroomPageSize);
  if (*page > pages)
    return newsroom_message(404, "No such page", "There are only " + std::to_string(pages) + " pages.", &*session);
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
  return newsroom_page("Articles", theme_.render("newsroom_articles.tpl", d), &*session, 200);
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

// The sections an article may be put in: the site's, or the usual four while it has none yet (the
// first save creates the one chosen).
std::vector<std::string> section_names(const std::vector<content::Section>& sections) {
  std::vector<std::string> out;
  for (const auto& s : sections) out.push_back(s.name);
  if (out.empty()) out = {"News", "Comment", "Features", "Best practice"};
  return out;
}

// "2025-03-04T09:30" (seconds allowed) as Unix seconds, UTC; nullopt when it is not such a time.
std::optional<std::int64_t> parse_datetime_local(const std::string& s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  char t = 0;
  int used = 0;
  const int n = std::sscanf(s.c_str(), "%4d-%2d-%2d%c%2d:%2d%n:%2d%n", &y, &mo, &d, &t, &h, &mi, &used, &sec, &used);
  if (n < 6 || (t != 'T' && t != ' ') || static_cast<std::size_t>(used) != s.size()) return std::nullopt;
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 ||
      sec > 59)
    return std::nullopt;
  const std::int64_t day = content::unix_from_date(y, mo, d);
  if (day < 0 || content::format_iso8601(day).substr(0, 10) != s.substr(0, 10)) return std::nullopt;  // 31 February
  return day + h * 3600 + mi * 60 + sec;
}

std::string datetime_local(std::int64_t t) {
  return content::format_iso8601(t).substr(0, 16);
}

// The form's values as an article, or the first reason to refuse them. A blank publication time
// means now for a new article and unchanged for an edit (in.published_at stays 0).
std::string check_form(const EditFormValues& v, const std::vector<std::string>& sections, std::int64_t now,
                       content::ArticleInput& in) {
  in.headline = trimmed(v.headline);
  in.standfirst = v.standfirst;
  in.body_markdown = v.body;
  in.authors = split_names(v.byline);
  in.tags = split_names(v.tags);
  in.section = v.section;
  if (in.headline.empty()) return "The headline cannot be empty.";
  const auto characters = std::count_if(in.headline.begin(), in.headline.end(),
                                        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  if (static_cast<std::size_t>(characters) > kMaxHeadline) return "The headline is longer than 300 characters.";
  if (in.headline.find('\n') != std::string::npos) return "The headline must be one line.";
  if (in.standfirst.size() > kMaxStandfirst) return "The standfirst is longer than 2,000 characters.";
  if (in.body_markdown.size() > kMaxBody) return "The body is longer than 300,000 bytes.";
  if (v.byline.size() > kMaxListField || v.tags.size() > kMaxListField)
    return "The byline or tags are longer than 1,000 characters.";
  if (!content::parse_status(v.status, in.status)) return "Choose a status: published, scheduled or draft.";
  if (std::find(sections.begin(), sections.end(), in.section) == sections.end())
    return "Choose one of the sections listed.";
  if (!trimmed(v.published).empty()) {
    auto t = parse_datetime_local(trimmed(v.published));
    if (!t) return "The publication time must be a date and time such as 2025-03-04T09:30.";
    in.published_at = *t;
  }
  if (in.status == content::Status::scheduled && in.published_at <= now)
    return "A scheduled article needs a publication time in the future.";
  return {};
}

}  // namespace

http::Response Site::newsroom_editor(const http::Request& req, const http::Params& p, int status,
                                     const std::string& error, const EditFormValues* typed, bool check) {
  auto session = newsroom_session(req);
  if (!session) return redirect_see_other("/newsroom/login");
  if (!session->user.can_edit_articles())
    return newsroom_message(403, "Not allowed", "Recruiter accounts cannot edit articles.", &*session);
  const bool creating = p.find("id") == p.end();
  auto id = article_id_param(p);
  store::ContentStore content(db());
  std::optional<content::Article> article;
  if (!creating) {
    article = id ? content.article_by_id(*id) : std::nullopt;
    if (!article) return newsroom_message(404, "No such article", "There is no article with that number.", &*session);
  }
  const auto sections = section_names(content.sections());

  EditFormValues v;
  if (typed) {
    v = *typed;
  } else if (article) {
    v.headline = article->headline;
    v.standfirst = article->standfirst;
    v.body = article->body_markdown;
    std::vector<std::string> names;
    for (const auto& a : article->authors) names.push_back(a.name);
    v.byline = join_names(names);
    names.clear();
    for (const auto& t : article->tags) names.push_back(t.name);
    v.tags = join_names(names);
    v.section = article->section.name;
    v.status = content::to_string(article->status);
    v.published = datetime_local(article->published_at);
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
  return newsroom_page(title, theme_.render("newsroom_edit.tpl", d), &*session, status);
}

http::Response Site::newsroom_save(const http::Request& req, const http::Params& p) {
  auto session = newsroom_session(req);
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
    return newsroom_message(
        401, "Not saved: signed out",
        "Your session had ended, so the change was not saved. Copy your text below, sign in again and paste it back.",
        nullptr, kept());
  if (!session->user.can_edit_articles())
    return newsroom_message(403, "Not allowed", "Recruiter accounts cannot edit articles.", &*session);
  if (!form)
    return newsroom_message(400, "Not saved", "The form could not be read (it was not valid UTF-8 form data).",
                            &*session);
  if (!accounts::tokens_equal(session->csrf_token, http::field(*form, "csrf")))
    return newsroom_message(
        403, "Not saved",
        "The form had expired, so the change was not saved. Copy your text below, reload the editor and paste it back.",
        &*session, kept());
  const bool creating = p.find("id") == p.end();
  auto id = article_id_param(p);
  if (!creating && !id)
    return newsroom_message(404, "No such article", "There is no article with that number.", &*session);
  const bool check = http::field(*form, "action") == "check";

  EditFormValues v{http::field(*form, "headline"), http::field(*form, "standfirst"), http::field(*form, "body"),
                   http::field(*form, "byline"),   http::field(*form, "tags"),       http::field(*form, "section"),
                   http::field(*form, "status"),   http::field(*form, "published")};
  // Browsers send CRLF line ends in textareas; the archive stores LF.
  for (std::string* s : {&v.standfirst, &v.body}) std::erase(*s, '\r');
  store::ContentStore content(db());
  const std::int64_t now = std::time(nullptr);
  content::ArticleInput in;
  std::string error = check_form(v, section_names(content.sections()), now, in);
  if (check) return newsroom_editor(req, p, 200, "", &v, true);  // nothing is saved
  if (!error.empty()) return newsroom_editor(req, p, 422, error, &v);

  try {
    store::Transaction tx(db());
    if (creating) {
      if (in.published_at == 0) in.published_at = now;
      in.councils = councils::detect_mentions(in.headline, in.standfirst, in.body_markdown);
      if (content.save_article(in, now) != store::SaveOutcome::added)
        return newsroom_editor(req, p, 422,
                               "An article with this headline was already published today. Change the headline, or "
                               "edit that article instead.",
                               &v);
      id = content.last_saved_id();
    } else {
      auto stored = content.article_by_id(*id);
      if (!stored) return newsroom_message(404, "No such article", "There is no article with that number.", &*session);
      // Publishing a draft dates it now, unless this save also set its publication time: a story
      // drafted last week and published today is today's news.
      if (stored->status == content::Status::draft && in.status == content::Status::published &&
          (in.published_at == 0 || in.published_at == stored->published_at - stored->published_at % 60))
        in.published_at = now;
      councils::update_article(db(), *id, in, now);
    }
    tx.commit();
  } catch (const std::exception& ex) {
    spdlog::error("newsroom: saving article {} failed: {}", creating ? std::string("(new)") : std::to_string(*id),
                  ex.what());
    return newsroom_editor(req, p, 503,
                           "The article could not be saved just now (the database said: " + std::string(ex.what()) +
                               "). Your text is below; try again.",
                           &v);
  }
  // The article's related reading now (new and edited articles wait first in line), then the change
  // log applied with the pages it made stale rendered again, and the article's own page rendered, so
  // neither the editor nor the first reader waits on a render.
  try {
    search::refresh_related(db(), 1, 1);
  } catch (const std::exception& ex) {
    spdlog::warn("newsroom: related reading for article {}: {}", *id, ex.what());
  }
  apply_changes(true);
  prerender_article(*id);
  spdlog::info("newsroom: {} {} article {}", session->user.email, creating ? "created" : "saved", *id);
  return redirect_see_other("/newsroom/articles/" + std::to_string(*id) + "?saved=1");
}

}  // namespace gazette::web
