// The newsroom's bulletin desk (web/bulletin_desk.h).
#include "web/bulletin_desk.h"
#include "web/newsroom_internal.h"

#include <ctemplate/template.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <ctime>

#include "content/text.h"
#include "http/form.h"
#include "mail/bulletin.h"
#include "store/mail_store.h"
#include "web/email_render.h"
#include "web/urls.h"

namespace gazette::web {

namespace {

std::int64_t unix_now() {
  return static_cast<std::int64_t>(std::time(nullptr));
}

mail::MailingKind kind_of(const http::Request& req) {
  // Instant alerts have no edition to shape: they go every few minutes as adverts come in.
  auto k = mail::parse_mailing_kind(req.param("kind").value_or("daily"));
  return k && *k != mail::MailingKind::instant ? *k : mail::MailingKind::daily;
}

const char* kind_label(mail::MailingKind k) {
  switch (k) {
    case mail::MailingKind::daily:
      return "Daily bulletin";
    case mail::MailingKind::weekly:
      return "Weekly digest";
    case mail::MailingKind::alerts:
      return "Job alerts";
    case mail::MailingKind::instant:
      return "Instant job alerts";
  }
  return "";
}

std::string time_text(const std::string& zone, std::int64_t t) {
  const auto local = mail::local_time(zone, t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", local.minutes / 60, local.minutes % 60);
  return local.date + " " + buf;
}

}  // namespace

std::optional<accounts::Session> BulletinDesk::editor_session(const http::Request& req) {
  auto token = http::cookie(req, "gazette_session");
  if (!token) return std::nullopt;
  return accounts::session_for(db(), *token, unix_now());
}

http::Response BulletinDesk::layout(const std::string& title, const std::string& body, const accounts::Session& s,
                                    int status) {
  return newsroom_page(theme_, config_, title, body, &s, status);
}

http::Response BulletinDesk::refuse(const http::Request& req) {
  if (!editor_session(req)) return http::Response::redirect(303, "/newsroom/login");
  return http::Response::text(403, "Only editors and owners run the bulletin.\n");
}

http::Response BulletinDesk::desk(const http::Request& req, const std::string& flash) {
  auto session = editor_session(req);
  if (!session || !accounts::allowed(session->user.role, accounts::Action::publish)) return refuse(req);
  const std::int64_t now = unix_now();
  const mail::MailingKind kind = kind_of(req);
  const auto local = mail::local_time(config_.timezone, now);
  mail::Mailing m = mail::prepare_mailing(db(), kind, local.date, config_.site_name, now);
  const mail::Edition e = mail::load_edition(db(), m, now);
  store::MailStore mail_store(db());

  ctemplate::TemplateDictionary d("newsroom_bulletin");
  d.SetValue("HEADING", kind_label(kind));
  if (!flash.empty()) d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", flash);
  for (auto k : {mail::MailingKind::daily, mail::MailingKind::weekly, mail::MailingKind::alerts}) {
    auto* row = d.AddSectionDictionary("KIND");
    row->SetValue("VALUE", mail::to_string(k));
    row->SetValue("LABEL", kind_label(k));
    if (k == kind) row->ShowSection("CURRENT");
  }
  d.SetValue("EDITION", m.edition);
  d.SetValue("STATE", mail::to_string(m.state));
  d.SetValue("WINDOW", "It holds what was published from " + time_text(config_.timezone, m.since) + " (" +
                           config_.timezone + ").");
  if (config_.smtp_url.empty()) d.ShowSection("NO_RELAY");
  auto counts = mail_store.subscriber_counts();
  if (counts.empty()) d.ShowSection("NO_SUBSCRIBERS");
  for (const auto& [status, n] : counts) {
    auto* c = d.AddSectionDictionary("COUNT");
    c->SetValue("STATUS", status);
    c->SetValue("N", std::to_string(n));
  }
  const bool editable = m.state == mail::MailingState::draft || m.state == mail::MailingState::held;
  if (editable) {
    auto* ed = d.AddSectionDictionary("EDITABLE");
    ed->SetValue("ID", std::to_string(m.id));
    ed->SetValue("CSRF", session->csrf_token);
    ed->SetValue("SEND_TIME", config_.bulletin_time);
    ed->ShowSection(m.state == mail::MailingState::draft ? "CAN_HOLD" : "CAN_RELEASE");
    if (mail::is_alert(kind)) ed->ShowSection("IS_ALERTS");
    ed->ShowSection(e.articles.empty() ? "NO_ITEMS" : "HAS_ITEMS");
    for (std::size_t i = 0; i < e.articles.size(); ++i) {
      const auto& a = e.articles[i];
      auto* item = ed->AddSectionDictionary("ITEM");
      item->SetValue("HEADLINE", a.headline);
      item->SetValue("URL", article_path(a));
      item->SetValue("SECTION", a.section.name);
      if (i == 0) item->ShowSection("LEAD");
      auto action = [&](const char* value, const char* label) {
        auto* act = item->AddSectionDictionary("ACTION");
        act->SetValue("ID", std::to_string(m.id));
        act->SetValue("CSRF", session->csrf_token);
        act->SetValue("ARTICLE", std::to_string(a.id));
        act->SetValue("VALUE", value);
        act->SetValue("LABEL", label);
      };
      if (i > 0) action("lead", "Make lead");
      if (i > 1) action("up", "Up");
      if (i > 0 && i + 1 < e.articles.size()) action("down", "Down");
      action("drop", "Leave out");
    }
    if (!e.left_out.empty()) ed->ShowSection("HAS_LEFT_OUT");
    for (const auto& a : e.left_out) {
      auto* row = ed->AddSectionDictionary("LEFT_OUT");
      row->SetValue("HEADLINE", a.headline);
      row->SetValue("URL", article_path(a));
      row->SetValue("ID", std::to_string(m.id));
      row->SetValue("CSRF", session->csrf_token);
      row->SetValue("ARTICLE", std::to_string(a.id));
    }
  }
  auto recent = mail_store.recent_mailings(20);
  d.ShowSection(recent.empty() ? "NO_RECENT" : "HAS_RECENT");
  for (const auto& r : recent) {
    auto* row = d.AddSectionDictionary("RECENT");
    const auto c = mail_store.outbox_counts(r.id);
    row->SetValue("EDITION", r.edition);
    row->SetValue("KIND", kind_label(r.kind));
    row->SetValue("STATE", mail::to_string(r.state));
    row->SetValue("SENT", std::to_string(c.sent));
    row->SetValue("WAITING", std::to_string(c.pending + c.sending));
    row->SetValue("FAILED", std::to_string(c.failed));
    row->SetValue("DROPPED", std::to_string(c.dropped));
  }
  return layout(kind_label(kind), theme_.render("newsroom_bulletin.tpl", d), *session, 200);
}

http::Response BulletinDesk::preview(const http::Request& req, const http::Params& p) {
  auto session = editor_session(req);
  if (!session || !accounts::allowed(session->user.role, accounts::Action::publish)) return refuse(req);
  std::int64_t id = 0;
  const std::string& text = p.at("id");
  if (std::from_chars(text.data(), text.data() + text.size(), id).ec != std::errc()) return not_found_page(req);
  auto m = store::MailStore(db()).mailing_by_id(id);
  if (!m) return not_found_page(req);
  const std::int64_t now = unix_now();
  const mail::Edition e = mail::load_edition(db(), *m, now);
  mail::Subscriber reader;
  reader.name = "Preview";
  reader.email = "preview@example.invalid";
  std::vector<const mail::AlertJob*> jobs;
  for (auto job_id :
       mail::match_jobs(reader, e.jobs, m->kind, mail::is_alert(m->kind) ? mail::kAlertJobs : mail::kBulletinJobs))
    jobs.push_back(e.job(job_id));
  EmailRenderer renderer(theme_, config_);
  const mail::SubscriberLinks links{config_.base_url + "/subscribe/preferences", config_.base_url + "/subscribe"};
  auto rendered = renderer.edition(e, reader, jobs, links);
  http::Response r;
  r.body = rendered.html;
  // The email's own inline styles, and nothing else, may apply.
  r.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'");
  return r;
}

http::Response BulletinDesk::act(const http::Request& req, const http::Params& p) {
  auto session = editor_session(req);
  if (!session || !accounts::allowed(session->user.role, accounts::Action::publish)) return refuse(req);
  auto form = http::parse_form(req.body);
  if (!form || !accounts::tokens_equal(session->csrf_token, http::field(*form, "csrf")))
    return http::Response::text(403, "The form had expired. Reload the page and try again.\n");
  std::int64_t id = 0, article = 0;
  const std::string& text = p.at("id");
  if (std::from_chars(text.data(), text.data() + text.size(), id).ec != std::errc()) return not_found_page(req);
  const std::string article_text = http::field(*form, "article");
  std::from_chars(article_text.data(), article_text.data() + article_text.size(), article);
  store::MailStore mail_store(db());
  auto m = mail_store.mailing_by_id(id);
  if (!m) return not_found_page(req);
  const std::string action = http::field(*form, "action");
  const std::int64_t now = unix_now();
  const std::string back = "/newsroom/bulletin?kind=" + std::string(mail::to_string(m->kind));
  if (m->state != mail::MailingState::draft && m->state != mail::MailingState::held)
    return http::Response::redirect(303, back);
  std::string flash;
  if (action == "send") {
    auto result = mail::queue_mailing(db(), id, now, true);
    flash = result.queued ? "Queued for " + std::to_string(result.messages) + " subscribers." +
                                (config_.smtp_url.empty() ? " No relay is set, so nothing goes yet." : "")
            : result.empty ? "Nothing to send: the edition is empty, and was cancelled."
                           : "It was not a draft any more.";
    spdlog::info("bulletin: {} sent edition {} now ({} messages)", session->user.email, id, result.messages);
  } else if (action == "hold" || action == "release") {
    mail::hold_mailing(db(), id, action == "hold", now);
  } else {
    // Reorder, pin or drop against the edition as the editor saw it.
    const mail::Edition e = mail::load_edition(db(), *m, now);
    std::vector<std::int64_t> order;
    for (const auto& a : e.articles) order.push_back(a.id);
    auto at = std::find(order.begin(), order.end(), article);
    if (action == "restore") {
      m->dropped.erase(std::remove(m->dropped.begin(), m->dropped.end(), article), m->dropped.end());
    } else if (at == order.end()) {
      return http::Response::redirect(303, back);
    } else if (action == "lead") {
      m->lead_article_id = article;
      std::rotate(order.begin(), at, at + 1);
    } else if (action == "up" && at != order.begin()) {
      std::iter_swap(at, at - 1);
    } else if (action == "down" && at + 1 != order.end()) {
      std::iter_swap(at, at + 1);
    } else if (action == "drop") {
      m->dropped.push_back(article);
      if (m->lead_article_id == article) m->lead_article_id = 0;
      order.erase(at);
    }
    if (!order.empty() && m->lead_article_id != 0 && order.front() != m->lead_article_id)
      m->lead_article_id = order.front();
    m->order = order;
    store::Transaction tx(db());
    mail_store.edit_mailing(*m);
    tx.commit();
  }
  if (!flash.empty()) {
    http::Request again = req;
    again.query = {{"kind", mail::to_string(m->kind)}};
    return desk(again, flash);
  }
  return http::Response::redirect(303, back);
}

void BulletinDesk::add_routes(http::Router& router) {
  using http::Params;
  using http::Request;
  router.get("/newsroom/bulletin", [this](const Request& r, const Params&) { return desk(r); }, {"kind"});
  router.get("/newsroom/bulletin/{id}/preview", [this](const Request& r, const Params& p) { return preview(r, p); });
  router.post("/newsroom/bulletin/{id}", [this](const Request& r, const Params& p) { return act(r, p); });
}

}  // namespace gazette::web
