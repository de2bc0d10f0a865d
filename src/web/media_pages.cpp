#include "web/media_pages.h"
#include "web/newsroom_internal.h"

#include <ctemplate/template.h>
#include <spdlog/spdlog.h>
#include <boost/url/url.hpp>

#include <charconv>
#include <ctime>
#include <filesystem>

#include "accounts/accounts.h"
#include "content/text.h"
#include "http/form.h"
#include "http/multipart.h"
#include "store/media_store.h"
#include "strings/strings.h"
#include "web/render.h"

namespace gazette::web {

namespace {

constexpr int kLibraryPageSize = 30;
constexpr const char* kSessionCookie = "gazette_session";

std::optional<accounts::Session> signed_in(store::Connection& db, const http::Request& req) {
  auto token = http::cookie(req, kSessionCookie);
  if (!token) return std::nullopt;
  return accounts::session_for(db, *token, std::time(nullptr));
}

std::optional<std::int64_t> id_param(const http::Params& p) {
  auto it = p.find("id");
  if (it == p.end()) return std::nullopt;
  std::int64_t id = 0;
  const std::string& s = it->second;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || ptr != s.data() + s.size() || id < 1) return std::nullopt;
  return id;
}

std::string size_text(std::int64_t bytes) {
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
  return std::to_string(bytes / (1024 * 1024)) + "." + std::to_string(bytes % (1024 * 1024) * 10 / (1024 * 1024)) +
         " MB";
}

// A file name shown and searched: the last path part a browser sent, at most 200 bytes.
std::string clean_name(const std::string& filename) {
  std::string name =
      filename.substr(filename.find_last_of("/\\") == std::string::npos ? 0 : filename.find_last_of("/\\") + 1);
  if (name.size() > 200) name.resize(200);
  if (!strings::valid_utf8(name)) name = "upload";
  return name;
}

void fill_thumbnail(ctemplate::TemplateDictionary* d, const media::Image& img) {
  const int w = img.width_upto(320);
  d->SetValue("THUMB_URL", media::variant_path(img.hash, w, media::Format::jpeg));
  d->SetIntValue("THUMB_WIDTH", w);
  d->SetIntValue("THUMB_HEIGHT", img.height_at(w));
}

}  // namespace

media::Settings media_settings(const config::Config& cfg) {
  media::Settings s;
  s.media_dir = cfg.media_dir;
  if (s.media_dir.empty()) {
    auto file = store::database_file(cfg.db);
    s.media_dir = file ? *file + ".media" : std::string("media");
  }
  s.limits.max_bytes = std::int64_t{cfg.media_max_upload_mb} * 1024 * 1024;
  s.limits.max_pixels = std::int64_t{cfg.media_max_megapixels} * 1'000'000;
  return s;
}

media::LeadImageForm lead_image_form(const http::Fields& form) {
  auto text = [&](std::string_view name) {
    std::string v(strings::trim(http::field(form, name)));
    std::erase(v, '\r');
    return v;
  };
  return {text("lead_media"), text("lead_alt"), text("lead_caption"), text("lead_credit")};
}

media::LeadImageForm lead_image_form(const media::Image& stored) {
  if (stored.empty()) return {};
  return {std::to_string(stored.id), stored.alt, stored.caption, stored.credit};
}

void fill_lead_image_fields(ctemplate::TemplateDictionary* d, const media::LeadImageForm& lead, store::Connection& db) {
  d->SetValue("LEAD_MEDIA", lead.media_id);
  d->SetValue("LEAD_ALT", lead.alt);
  d->SetValue("LEAD_CAPTION", lead.caption);
  d->SetValue("LEAD_CREDIT", lead.credit);
  // The newest pictures, to choose from by number without leaving the editor.
  for (const auto& m : store::MediaStore(db).find("", 6, 0)) {
    auto* recent = d->AddSectionDictionary("RECENT_MEDIA");
    fill_thumbnail(recent, m.image);
    recent->SetValue("ID", std::to_string(m.image.id));
    recent->SetValue("NAME", m.name);
    recent->SetValue("ALT", m.image.alt);
  }
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(lead.media_id.data(), lead.media_id.data() + lead.media_id.size(), id);
  if (ec != std::errc() || ptr != lead.media_id.data() + lead.media_id.size() || id < 1) return;
  auto m = store::MediaStore(db).by_id(id);
  if (!m) return;
  auto* preview = d->AddSectionDictionary("LEAD_PREVIEW");
  fill_thumbnail(preview, m->image);
  preview->SetValue("URL", "/newsroom/media/" + std::to_string(id));
  preview->SetValue("NAME", m->name);
}

MediaPages::MediaPages(PageContext& ctx) : PageModule(ctx), settings_(media_settings(ctx.config())) {}

http::Response MediaPages::file(const http::Request& req, const http::Params& p) {
  auto it = p.find("file");
  if (it == p.end() || !media::is_variant_file(it->second)) return not_found_page(req);
  const std::string& name = it->second;
  std::string error;
  auto data = strings::read_file(settings_.media_dir + "/" + name, error, 64 * 1024 * 1024);
  if (!data) return not_found_page(req);
  http::Response r;
  r.content_type = name.ends_with(".webp") ? "image/webp" : "image/jpeg";
  r.body = std::move(*data);
  // The name is the content's hash: the same URL never shows another picture.
  r.set_header("Cache-Control", "public, max-age=31536000, immutable");
  return r;
}

http::Response MediaPages::layout(const std::string& title, const std::string& body_html,
                                  const accounts::Session& session, int status) {
  return newsroom_page(theme_, config_, title, body_html, &session, status);
}

http::Response MediaPages::notice(int status, const std::string& title, const std::string& message,
                                  const accounts::Session* session) {
  ctemplate::TemplateDictionary d("message");
  d.SetValue("TITLE", title);
  d.SetValue("MESSAGE", message);
  const std::string body = theme_.render("newsroom_message.tpl", d);
  if (session) return layout(title, body, *session, status);
  return http::Response::text(status, title + ": " + message + "\n");
}

http::Response MediaPages::library(const http::Request& req, int status, const std::string& error,
                                   const accounts::Session* known) {
  std::optional<accounts::Session> session;
  if (known)
    session = *known;
  else
    session = signed_in(db(), req);
  if (!session) return http::Response::redirect(303, "/newsroom/login");
  if (!session->user.can_edit_articles())
    return notice(403, "Not allowed", "Recruiter accounts cannot use the media library.", &*session);
  auto page = page_number(req);
  if (!page) return notice(400, "Bad request", "The page must be a positive whole number.", &*session);
  std::string q(strings::trim(req.param("q").value_or("")));
  if (q.size() > 200) q.resize(200);
  if (!strings::valid_utf8(q)) q.clear();
  store::MediaStore media(db());
  const std::int64_t total = media.count(q);
  ctemplate::TemplateDictionary d("media");
  d.SetValue("CSRF", session->csrf_token);
  d.SetValue("Q", q);
  d.SetValue("TOTAL", std::to_string(total));
  d.SetIntValue("MAX_MB", static_cast<int>(settings_.limits.max_bytes / (1024 * 1024)));
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  if (!q.empty()) d.AddSectionDictionary("FILTERED")->SetValue("Q", q);
  auto rows = media.find(q, kLibraryPageSize, (*page - 1) * kLibraryPageSize);
  if (rows.empty()) d.ShowSection(q.empty() ? "EMPTY" : "NO_MATCH");
  for (const auto& m : rows) {
    auto* row = d.AddSectionDictionary("ITEM");
    row->SetValue("URL", "/newsroom/media/" + std::to_string(m.image.id));
    row->SetValue("ID", std::to_string(m.image.id));
    row->SetValue("NAME", m.name);
    row->SetValue("ALT", m.image.alt);
    row->SetIntValue("WIDTH", m.image.width);
    row->SetIntValue("HEIGHT", m.image.height);
    row->SetValue("SIZE", size_text(m.bytes));
    const auto uses = media.usage(m.image.id).size();
    row->SetValue("USES", uses == 0 ? "not used" : uses == 1 ? "used once" : "used " + std::to_string(uses) + " times");
    fill_thumbnail(row, m.image);
  }
  fill_pagination(&d, *page, (total + kLibraryPageSize - 1) / kLibraryPageSize, [&](int n) {
    boost::urls::url u("/newsroom/media");
    if (!q.empty()) u.params().append({"q", q});
    if (n > 1) u.params().append({"page", std::to_string(n)});
    return std::string(u.buffer());
  });
  return layout("Media library", theme_.render("newsroom_media.tpl", d), *session, status);
}

http::Response MediaPages::upload(const http::Request& req) {
  auto session = signed_in(db(), req);
  if (!session)
    return notice(401, "Not uploaded", "Your session had ended. Sign in again and upload it again.", nullptr);
  if (!session->user.can_edit_articles())
    return notice(403, "Not allowed", "Recruiter accounts cannot use the media library.", &*session);
  auto parts = http::parse_multipart(req.header("Content-Type"), req.body);
  if (!parts) return library(req, 400, "The upload could not be read (it was not a file upload form).", &*session);
  const auto* csrf = http::find_part(*parts, "csrf");
  if (!csrf || !accounts::tokens_equal(session->csrf_token, csrf->data))
    return library(req, 403, "The form had expired, so nothing was uploaded. Try again.", &*session);
  const auto* file = http::find_part(*parts, "file");
  if (!file || file->data.empty()) return library(req, 422, "Choose a picture file to upload.", &*session);
  const auto* alt = http::find_part(*parts, "alt");
  const auto* credit = http::find_part(*parts, "credit");
  std::string alt_text = alt ? std::string(strings::trim(alt->data)) : "";
  std::string credit_text = credit ? std::string(strings::trim(credit->data)) : "";
  if (!strings::valid_utf8(alt_text) || !strings::valid_utf8(credit_text) || alt_text.size() > 300 ||
      credit_text.size() > 500)
    return library(req, 422, "The alt text (at most 300 characters) or credit (at most 500) could not be used.",
                   &*session);
  media::UploadResult result;
  try {
    result = media::upload(db(), settings_, file->data, clean_name(file->filename), alt_text, credit_text,
                           session->user.id, std::time(nullptr));
  } catch (const std::exception& e) {
    spdlog::error("media: upload failed: {}", e.what());
    return library(req, 503, "The picture could not be stored just now. Try again.", &*session);
  }
  if (!result.error.empty()) return library(req, 422, "Not uploaded: " + result.error, &*session);
  spdlog::info("media: {} uploaded picture {}{}", session->user.email, result.id, result.existing ? " (known)" : "");
  return http::Response::redirect(
      303, "/newsroom/media/" + std::to_string(result.id) + (result.existing ? "?existing=1" : "?uploaded=1"));
}

http::Response MediaPages::item(const http::Request& req, const http::Params& p, int status, const std::string& error) {
  auto session = signed_in(db(), req);
  if (!session) return http::Response::redirect(303, "/newsroom/login");
  if (!session->user.can_edit_articles())
    return notice(403, "Not allowed", "Recruiter accounts cannot use the media library.", &*session);
  auto id = id_param(p);
  store::MediaStore media(db());
  auto m = id ? media.by_id(*id) : std::nullopt;
  if (!m) return notice(404, "No such picture", "There is no picture with that number.", &*session);
  ctemplate::TemplateDictionary d("media_item");
  d.SetValue("CSRF", session->csrf_token);
  d.SetValue("ID", std::to_string(m->image.id));
  d.SetValue("ACTION", "/newsroom/media/" + std::to_string(m->image.id));
  d.SetValue("NAME", m->name);
  d.SetValue("ALT", m->image.alt);
  d.SetValue("CREDIT", m->image.credit);
  d.SetValue("FORMAT", m->format);
  d.SetIntValue("WIDTH", m->image.width);
  d.SetIntValue("HEIGHT", m->image.height);
  d.SetValue("SIZE", size_text(m->bytes));
  d.SetValue("UPLOADED", content::format_uk_date(m->created_at));
  d.SetValue("MARKDOWN", "![" + (m->image.alt.empty() ? std::string("Describe the picture") : m->image.alt) +
                             "](media:" + std::to_string(m->image.id) + ")");
  d.SetValue("WIDTHS", media::join_widths(m->image.widths));
  d.SetIntValue("MAX_MB", static_cast<int>(settings_.limits.max_bytes / (1024 * 1024)));
  const int w = m->image.width_upto(1024);
  d.SetValue("PREVIEW_URL", media::variant_path(m->image.hash, w, media::Format::jpeg));
  d.SetIntValue("PREVIEW_WIDTH", w);
  d.SetIntValue("PREVIEW_HEIGHT", m->image.height_at(w));
  if (req.param("uploaded")) d.ShowSection("UPLOADED_NOTE");
  if (req.param("existing")) d.ShowSection("EXISTING_NOTE");
  if (req.param("replaced")) d.ShowSection("REPLACED_NOTE");
  if (req.param("saved")) d.ShowSection("SAVED_NOTE");
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  const auto uses = media.usage(m->image.id);
  if (uses.empty()) d.ShowSection("UNUSED");
  for (const auto& u : uses) {
    auto* row = d.AddSectionDictionary("USE");
    row->SetValue("TITLE", u.title.empty() ? "(no headline)" : u.title);
    if (u.role == "author" || u.role == "employer") {
      row->SetValue("URL", (u.role == "author" ? "/authors/" : "/jobs/employers/") + u.detail);
      row->SetValue("ROLE", u.role == "author" ? "author's photo" : "employer's logo");
      auto* remove = row->AddSectionDictionary("REMOVABLE");
      remove->SetValue("KIND", u.role);
      remove->SetValue("SLUG", u.detail);
    } else {
      row->SetValue("URL", "/newsroom/articles/" + std::to_string(u.id));
      row->SetValue("ROLE", u.role == "lead" ? "lead image" : "in the text");
      row->AddSectionDictionary("ARTICLE")->SetValue("DETAIL",
                                                     u.detail + ", " + content::format_uk_date(u.published_at));
    }
  }
  return layout("Picture " + std::to_string(m->image.id), theme_.render("newsroom_media_item.tpl", d), *session,
                status);
}

http::Response MediaPages::replace(const http::Request& req, const http::Params& p) {
  auto session = signed_in(db(), req);
  if (!session) return notice(401, "Not replaced", "Your session had ended. Sign in again and try again.", nullptr);
  if (!session->user.can_edit_articles())
    return notice(403, "Not allowed", "Recruiter accounts cannot use the media library.", &*session);
  auto id = id_param(p);
  if (!id) return notice(404, "No such picture", "There is no picture with that number.", &*session);
  auto parts = http::parse_multipart(req.header("Content-Type"), req.body);
  if (!parts) return item(req, p, 400, "The upload could not be read (it was not a file upload form).");
  const auto* csrf = http::find_part(*parts, "csrf");
  if (!csrf || !accounts::tokens_equal(session->csrf_token, csrf->data))
    return item(req, p, 403, "The form had expired, so nothing was replaced. Try again.");
  const auto* file = http::find_part(*parts, "file");
  if (!file || file->data.empty()) return item(req, p, 422, "Choose the new picture file.");
  media::UploadResult result;
  const auto write_started = std::chrono::steady_clock::now();
  try {
    result = media::replace(db(), settings_, *id, file->data, std::time(nullptr));
  } catch (const std::exception& e) {
    spdlog::error("media: replacing {} failed: {}", *id, e.what());
    return item(req, p, 503, "The picture could not be replaced just now. Try again.");
  }
  if (!result.error.empty()) return item(req, p, 422, "Not replaced: " + result.error);
  // The pages showing it were named in the change log; bring them (and the articles' own pages) up to
  // date now, so neither the editor nor the next reader sees the old picture.
  const auto articles = store::MediaStore(db()).articles_using(*id);
  if (articles.empty()) ctx_.content_written(0, write_started);
  for (std::int64_t article : articles) ctx_.content_written(article, write_started);
  spdlog::info("media: {} replaced picture {}", session->user.email, *id);
  return http::Response::redirect(303, "/newsroom/media/" + std::to_string(*id) + "?replaced=1");
}

http::Response MediaPages::details(const http::Request& req, const http::Params& p) {
  auto session = signed_in(db(), req);
  if (!session) return notice(401, "Not saved", "Your session had ended. Sign in again and try again.", nullptr);
  if (!session->user.can_edit_articles())
    return notice(403, "Not allowed", "Recruiter accounts cannot use the media library.", &*session);
  auto id = id_param(p);
  if (!id) return notice(404, "No such picture", "There is no picture with that number.", &*session);
  auto form = http::parse_form(req.body);
  if (!form) return item(req, p, 400, "The form could not be read.");
  if (!accounts::tokens_equal(session->csrf_token, http::field(*form, "csrf")))
    return item(req, p, 403, "The form had expired, so nothing was saved. Try again.");
  const std::string alt(strings::trim(http::field(*form, "alt")));
  const std::string credit(strings::trim(http::field(*form, "credit")));
  if (alt.size() > 300 || credit.size() > 500)
    return item(req, p, 422, "The alt text may be at most 300 characters and the credit 500.");
  if (!store::MediaStore(db()).set_details(*id, alt, credit))
    return notice(404, "No such picture", "There is no picture with that number.", &*session);
  return http::Response::redirect(303, "/newsroom/media/" + std::to_string(*id) + "?saved=1");
}

http::Response MediaPages::assign(const http::Request& req, const http::Params& p, bool author) {
  auto session = signed_in(db(), req);
  if (!session) return notice(401, "Not saved", "Your session had ended. Sign in again and try again.", nullptr);
  if (!session->user.can_edit_articles())
    return notice(403, "Not allowed", "Recruiter accounts cannot use the media library.", &*session);
  auto id = id_param(p);
  if (!id) return notice(404, "No such picture", "There is no picture with that number.", &*session);
  auto form = http::parse_form(req.body);
  if (!form) return item(req, p, 400, "The form could not be read.");
  if (!accounts::tokens_equal(session->csrf_token, http::field(*form, "csrf")))
    return item(req, p, 403, "The form had expired, so nothing was saved. Try again.");
  // The address name, as typed or pasted with its path ("/authors/jo-bloggs").
  std::string slug(strings::trim(http::field(*form, "slug")));
  if (auto slash = slug.find_last_of('/'); slash != std::string::npos) slug.erase(0, slash + 1);
  if (slug.empty())
    return item(req, p, 422, author ? "Type the author's address name." : "Type the employer's address name.");
  const std::int64_t media_id = http::field(*form, "remove") == "1" ? 0 : *id;
  const std::int64_t now = std::time(nullptr);
  const auto write_started = std::chrono::steady_clock::now();
  const std::string error =
      author ? media::set_author_photo(db(), slug, media_id, now) : media::set_employer_logo(db(), slug, media_id, now);
  if (!error.empty()) return item(req, p, 422, error);
  ctx_.content_written(0, write_started);  // the author's or employer's pages, re-rendered before answering
  return http::Response::redirect(303, "/newsroom/media/" + std::to_string(*id) + "?saved=1");
}

void MediaPages::add_routes(http::Router& router) {
  using http::Params;
  using http::Request;
  router.get("/media/{file}", [this](const Request& r, const Params& p) { return file(r, p); });
  router.get("/newsroom/media", [this](const Request& r, const Params&) { return library(r, 200, ""); }, {"q", "page"});
  router.post("/newsroom/media", [this](const Request& r, const Params&) { return upload(r); });
  router.get("/newsroom/media/{id}", [this](const Request& r, const Params& p) { return item(r, p, 200, ""); });
  router.post("/newsroom/media/{id}", [this](const Request& r, const Params& p) { return details(r, p); });
  router.post("/newsroom/media/{id}/replace", [this](const Request& r, const Params& p) { return replace(r, p); });
  router.post("/newsroom/media/{id}/author", [this](const Request& r, const Params& p) { return assign(r, p, true); });
  router.post("/newsroom/media/{id}/employer",
              [this](const Request& r, const Params& p) { return assign(r, p, false); });
}

}  // namespace gazette::web
