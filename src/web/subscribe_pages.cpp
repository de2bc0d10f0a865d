// The bulletin's public pages (web/subscribe_pages.h).
#include "web/subscribe_pages.h"

#include <ctemplate/template.h>
#include <spdlog/spdlog.h>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <charconv>
#include <ctime>

#include "accounts/accounts.h"
#include "content/text.h"
#include "http/form.h"
#include "jobs/categories.h"
#include "mail/links.h"
#include "store/content_store.h"
#include "strings/strings.h"
#include "web/render.h"

namespace gazette::web {

namespace {

std::int64_t unix_now() {
  return static_cast<std::int64_t>(std::time(nullptr));
}

// Names typed with commas -> slugs ("Kent County Council, South East" -> kent-county-council,south-east).
// Markup or control characters make the whole field a problem rather than being quietly cleaned.
std::vector<std::string> typed_list(std::string_view text, std::string& problem) {
  std::vector<std::string> out;
  for (unsigned char c : text)
    if (c < 0x20 || c == '<' || c == '>' || c == '"' || c == '\\' || c == '{' || c == '}' || c == 0x7f) {
      problem = "Councils and places are names separated by commas, such as: Kent County Council, London.";
      return out;
    }
  if (text.size() > 1000) {
    problem = "Name at most 50 councils or places.";
    return out;
  }
  for (const auto& item : mail::split_list(text)) {
    std::string slug = content::slugify(item);
    if (!slug.empty() && std::find(out.begin(), out.end(), slug) == out.end()) out.push_back(slug);
  }
  return out;
}

std::string shown_list(const std::vector<std::string>& slugs) {
  std::string out;
  for (const auto& s : slugs) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

std::string token_param(const http::Request& req, const http::Fields* form) {
  if (form) {
    std::string t = http::field(*form, "t");
    if (!t.empty()) return t;
  }
  return req.param("t").value_or("");
}

}  // namespace

const std::string& SubscribePages::secret() {
  std::lock_guard lock(secret_mutex_);
  if (secret_.empty()) secret_ = accounts::site_secret(db());
  return secret_;
}

bool SubscribePages::same_origin(const http::Request& req) const {
  // A form posted from another site is refused (CSRF): browsers send Origin with every POST.
  const std::string_view origin = req.header("Origin");
  if (origin.empty() || origin == "null") return origin.empty();
  if (origin == config_.base_url) return true;
  const std::string_view host = req.header("Host");
  return !host.empty() && (origin == "http://" + std::string(host) || origin == "https://" + std::string(host));
}

mail::ChoicesForm SubscribePages::read_choices(const http::Fields& fields, std::string& problem) {
  mail::ChoicesForm f;
  f.name = std::string(strings::trim(http::field(fields, "name")));
  f.choices.daily = http::field(fields, "daily") == "1";
  f.choices.weekly = http::field(fields, "weekly") == "1";
  f.choices.job_alerts = http::field(fields, "job_alerts") == "1";
  f.choices.alert_instant = http::field(fields, "alert_frequency") == "instant";
  for (const auto& [k, v] : fields) {
    if (k == "alert_category") f.choices.alert_categories.push_back(v);
    if (k == "follow_section") f.choices.follow_sections.push_back(v);
  }
  f.choices.alert_places = typed_list(http::field(fields, "alert_places"), problem);
  f.choices.follow_councils = typed_list(http::field(fields, "follow_councils"), problem);
  f.choices.alert_keywords = std::string(strings::trim(http::field(fields, "alert_keywords")));
  std::string salary(strings::trim(http::field(fields, "alert_min_salary")));
  salary.erase(std::remove_if(salary.begin(), salary.end(), [](char c) { return c == ',' || c == ' ' || c == '.'; }),
               salary.end());
  if (!salary.empty() && salary[0] == '\xC2') salary.erase(0, 2);  // a typed "£"
  if (!salary.empty()) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(salary.data(), salary.data() + salary.size(), v);
    if (ec != std::errc() || p != salary.data() + salary.size())
      problem = "The minimum salary must be a whole number of pounds, such as 35000.";
    else
      f.choices.alert_min_salary = v;
  }
  return f;
}

http::Response SubscribePages::page(int status, const std::string& title, const std::string& body) {
  PageMeta meta;
  meta.title = title;
  meta.canonical_path = "/subscribe";
  meta.noindex = true;
  meta.signup_box = false;
  http::Response r;
  r.status = status;
  r.body = render_layout(theme_, config_, store::ContentStore(db()).sections(), meta, body);
  return r;
}

http::Response SubscribePages::button_page(const std::string& title, const std::string& text, const std::string& action,
                                           const std::string& token, const std::string& label) {
  ctemplate::TemplateDictionary d("subscribe_message");
  d.SetValue("TITLE", title);
  d.SetValue("MESSAGE", text);
  auto* b = d.AddSectionDictionary("BUTTON");
  b->SetValue("ACTION", action);
  b->SetValue("TOKEN", token);
  b->SetValue("LABEL", label);
  return page(200, title, theme_.render("subscribe_message.tpl", d));
}

http::Response SubscribePages::message(int status, const std::string& title, const std::string& text) {
  ctemplate::TemplateDictionary d("subscribe_message");
  d.SetValue("TITLE", title);
  d.SetValue("MESSAGE", text);
  return page(status, title, theme_.render("subscribe_message.tpl", d));
}

namespace {

void fill_choices(ctemplate::TemplateDictionary& d, const mail::ChoicesForm& f,
                  const std::vector<content::Section>& sections) {
  d.SetValue("NAME", f.name);
  if (f.choices.daily) d.ShowSection("DAILY");
  if (f.choices.weekly) d.ShowSection("WEEKLY");
  if (f.choices.job_alerts) d.ShowSection("JOB_ALERTS");
  d.ShowSection(f.choices.alert_instant ? "INSTANT" : "MORNING");
  for (const auto& c : jobs::categories()) {
    auto* row = d.AddSectionDictionary("CATEGORY");
    row->SetValue("SLUG", c.slug);
    row->SetValue("NAME", c.name);
    const auto& on = f.choices.alert_categories;
    if (std::find(on.begin(), on.end(), c.slug) != on.end()) row->ShowSection("ON");
  }
  for (const auto& s : sections) {
    auto* row = d.AddSectionDictionary("SECTION");
    row->SetValue("SLUG", s.slug);
    row->SetValue("NAME", s.name);
    const auto& on = f.choices.follow_sections;
    if (std::find(on.begin(), on.end(), s.slug) != on.end()) row->ShowSection("ON");
  }
  d.SetValue("PLACES", shown_list(f.choices.alert_places));
  d.SetValue("COUNCILS", shown_list(f.choices.follow_councils));
  d.SetValue("MIN_SALARY", f.choices.alert_min_salary > 0 ? std::to_string(f.choices.alert_min_salary) : "");
  d.SetValue("KEYWORDS", f.choices.alert_keywords);
}

}  // namespace

http::Response SubscribePages::form_page(int status, const FormValues& v, const std::string& error,
                                         const std::string& note) {
  ctemplate::TemplateDictionary d("subscribe");
  d.SetValue("HEADING", "Sign up for free email from " + config_.site_name);
  d.SetValue("INTRO",
             "The daily news bulletin each morning, a weekly digest and job alerts: choose what you would like. "
             "It is free, and you can change or stop it from any email.");
  d.SetValue("ACTION", "/subscribe");
  d.SetValue("TOKEN_NAME", "ft");
  d.SetValue("TOKEN", mail::make_form_token(secret(), unix_now()));
  d.SetValue("BUTTON", "Sign up");
  d.AddSectionDictionary("SIGNUP_FIELDS")->SetValue("EMAIL", v.email);
  d.ShowSection("PRIVACY");
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  if (!note.empty()) d.AddSectionDictionary("NOTE")->SetValue("MESSAGE", note);
  fill_choices(d, v.form, store::ContentStore(db()).sections());
  return page(status, "Sign up", theme_.render("subscribe.tpl", d));
}

http::Response SubscribePages::sign_up(const http::Request& req) {
  if (!same_origin(req)) return message(403, "Not signed up", "The form was sent from another site.");
  auto fields = http::parse_form(req.body);
  if (!fields) return form_page(400, {}, "The form could not be read. Please try again.", "");
  std::string problem;
  FormValues v;
  v.email = std::string(strings::trim(http::field(*fields, "email"))).substr(0, 254);
  v.form = read_choices(*fields, problem);
  if (!problem.empty()) return form_page(400, v, problem, "");
  // What can be told at once is told before the attempt counts against the client's limit.
  if (!mail::normalise_email(v.email)) return form_page(400, v, "That does not look like an email address.", "");
  if (auto p = mail::choices_problem(v.form)) return form_page(400, v, *p, "");
  const std::int64_t now = unix_now();
  if (!throttle_.allow(req.remote_address, now)) {
    http::Response r = message(429, "Too many sign-ups",
                               "Too many sign-ups came from your connection in the last hour. Please try again later.");
    r.set_header("Retry-After", "3600");
    return r;
  }
  const bool honeypot = !http::field(*fields, "website").empty();
  auto outcome = mail::sign_up(db(), secret(), v.email, v.form, http::field(*fields, "ft"), honeypot, now);
  switch (outcome.result) {
    case mail::SignUpResult::bad_email:
    case mail::SignUpResult::bad_choices:
      return form_page(400, v, outcome.problem, "");
    case mail::SignUpResult::form_expired:
      return form_page(200, v, "", "Please check your choices and press Sign up to confirm.");
    case mail::SignUpResult::too_many:
      return message(429, "Too many sign-ups", "Please try again later.");
    case mail::SignUpResult::accepted:
      break;
  }
  return message(200, "Check your inbox",
                 "If that address can receive our email, a message with a link to confirm your subscription is on its "
                 "way. Nothing else will be sent until you confirm. The link works for 7 days.");
}

http::Response SubscribePages::confirm_page(const http::Request& req) {
  const std::string token = token_param(req, nullptr);
  auto s = mail::subscriber_for_link(db(), secret(), token, mail::LinkPurpose::confirm, unix_now());
  if (!s)
    return message(
        404, "This link does not work",
        "The confirmation link has expired or was replaced by a newer one. Sign up again to get a new link.");
  if (s->status == mail::SubscriberStatus::confirmed)
    return message(200, "You are subscribed", "This address is already confirmed.");
  return button_page("Confirm your subscription",
                     "Press the button to start your email from " + config_.site_name + ".", "/subscribe/confirm",
                     token, "Confirm my subscription");
}

http::Response SubscribePages::confirm(const http::Request& req) {
  auto fields = http::parse_form(req.body);
  const std::int64_t now = unix_now();
  auto s = mail::confirm(db(), secret(), token_param(req, fields ? &*fields : nullptr), now);
  if (!s)
    return message(
        404, "This link does not work",
        "The confirmation link has expired or was replaced by a newer one. Sign up again to get a new link.");
  if (s->status != mail::SubscriberStatus::confirmed)
    return message(409, "Not confirmed", "Mail to this address was stopped after a delivery failure or a complaint.");
  ctemplate::TemplateDictionary d("subscribe_message");
  d.SetValue("TITLE", "You are subscribed");
  d.SetValue("MESSAGE", "Thank you: your first email comes with the next edition.");
  auto* l = d.AddSectionDictionary("LINK");
  l->SetValue("URL", "/subscribe/preferences?t=" +
                         mail::make_link_token(secret(), mail::LinkPurpose::preferences, s->id, s->link_version, now));
  l->SetValue("TEXT", "Choose what you receive");
  return page(200, "You are subscribed", theme_.render("subscribe_message.tpl", d));
}

http::Response SubscribePages::preferences_page(int status, const mail::Subscriber& s, const std::string& error,
                                                const std::string& note, const mail::ChoicesForm* typed) {
  const std::int64_t now = unix_now();
  const std::string prefs = mail::make_link_token(secret(), mail::LinkPurpose::preferences, s.id, s.link_version, now);
  ctemplate::TemplateDictionary d("subscribe");
  d.SetValue("HEADING", "Your email from " + config_.site_name);
  d.SetValue("INTRO", s.status == mail::SubscriberStatus::confirmed
                          ? "Change what you receive. Untick everything and save, or unsubscribe below, to stop."
                          : std::string("Mail to this address is stopped (") + mail::to_string(s.status) +
                                "). Sign up again on the sign-up page to start it.");
  d.SetValue("ACTION", "/subscribe/preferences");
  d.SetValue("TOKEN_NAME", "t");
  d.SetValue("TOKEN", prefs);
  d.SetValue("BUTTON", "Save my choices");
  d.AddSectionDictionary("SHOW_EMAIL")->SetValue("EMAIL", s.email);
  auto* manage = d.AddSectionDictionary("MANAGE");
  manage->SetValue("PREFS_TOKEN", prefs);
  manage->SetValue("UNSUB_TOKEN",
                   mail::make_link_token(secret(), mail::LinkPurpose::unsubscribe, s.id, s.link_version, now));
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  if (!note.empty()) d.AddSectionDictionary("NOTE")->SetValue("MESSAGE", note);
  mail::ChoicesForm current{s.name, s.choices};
  fill_choices(d, typed ? *typed : current, store::ContentStore(db()).sections());
  return page(status, "Your email", theme_.render("subscribe.tpl", d));
}

http::Response SubscribePages::preferences(const http::Request& req) {
  auto s =
      mail::subscriber_for_link(db(), secret(), token_param(req, nullptr), mail::LinkPurpose::preferences, unix_now());
  if (!s) return message(404, "This link does not work", "Use the link in your most recent email from us.");
  return preferences_page(200, *s, "", "");
}

http::Response SubscribePages::save_preferences(const http::Request& req) {
  auto fields = http::parse_form(req.body);
  if (!fields) return message(400, "Not saved", "The form could not be read. Please try again.");
  auto s =
      mail::subscriber_for_link(db(), secret(), token_param(req, &*fields), mail::LinkPurpose::preferences, unix_now());
  if (!s) return message(404, "This link does not work", "Use the link in your most recent email from us.");
  std::string problem;
  auto form = read_choices(*fields, problem);
  if (problem.empty())
    if (auto p = mail::choices_problem(form)) problem = *p;
  if (!problem.empty()) return preferences_page(400, *s, problem, "", &form);
  mail::save_choices(db(), s->id, form);
  s->name = form.name;
  s->choices = form.choices;
  return preferences_page(200, *s, "", "Your choices are saved.");
}

http::Response SubscribePages::unsubscribe_page(const http::Request& req) {
  const std::string token = token_param(req, nullptr);
  auto s = mail::subscriber_for_link(db(), secret(), token, mail::LinkPurpose::unsubscribe, unix_now());
  if (!s) return message(404, "This link does not work", "Use the link in your most recent email from us.");
  return button_page("Unsubscribe",
                     "Press the button to stop every email from " + config_.site_name + " to this address.",
                     "/subscribe/unsubscribe", token, "Unsubscribe");
}

http::Response SubscribePages::unsubscribe(const http::Request& req) {
  // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the URL of the header, token in
  // its query; the page's own button posts the token as a field. Either stops mail at once.
  auto fields = http::parse_form(req.body);
  const std::int64_t now = unix_now();
  auto s = mail::subscriber_for_link(db(), secret(), token_param(req, fields ? &*fields : nullptr),
                                     mail::LinkPurpose::unsubscribe, now);
  if (!s) return message(404, "This link does not work", "Use the link in your most recent email from us.");
  if (s->status == mail::SubscriberStatus::confirmed || s->status == mail::SubscriberStatus::pending)
    mail::unsubscribe(db(), s->id, now,
                      fields && http::field(*fields, "List-Unsubscribe") == "One-Click" ? "one-click" : "web page");
  return message(
      200, "You are unsubscribed",
      "No more email from " + config_.site_name + " will go to this address. Changed your mind? Sign up again.");
}

http::Response SubscribePages::data(const http::Request& req) {
  auto s =
      mail::subscriber_for_link(db(), secret(), token_param(req, nullptr), mail::LinkPurpose::preferences, unix_now());
  if (!s) return message(404, "This link does not work", "Use the link in your most recent email from us.");
  http::Response r = http::Response::text(200, mail::subscriber_json(*s) + "\n", "application/json");
  r.set_header("Content-Disposition", "attachment; filename=\"subscription.json\"");
  return r;
}

http::Response SubscribePages::remove(const http::Request& req) {
  auto fields = http::parse_form(req.body);
  auto s = mail::subscriber_for_link(db(), secret(), token_param(req, fields ? &*fields : nullptr),
                                     mail::LinkPurpose::preferences, unix_now());
  if (!s) return message(404, "This link does not work", "Use the link in your most recent email from us.");
  mail::forget(db(), s->id);
  return message(200, "Deleted", "Your subscription and everything we held about it are deleted.");
}

void SubscribePages::add_routes(http::Router& router) {
  using http::Params;
  using http::Request;
  router.get("/subscribe", [this](const Request&, const Params&) { return form_page(200, {{}, {}}, "", ""); });
  router.post("/subscribe", [this](const Request& r, const Params&) { return sign_up(r); });
  router.get("/subscribe/confirm", [this](const Request& r, const Params&) { return confirm_page(r); });
  router.post("/subscribe/confirm", [this](const Request& r, const Params&) { return confirm(r); });
  router.get("/subscribe/preferences", [this](const Request& r, const Params&) { return preferences(r); });
  router.post("/subscribe/preferences", [this](const Request& r, const Params&) { return save_preferences(r); });
  router.get("/subscribe/unsubscribe", [this](const Request& r, const Params&) { return unsubscribe_page(r); });
  router.post("/subscribe/unsubscribe", [this](const Request& r, const Params&) { return unsubscribe(r); });
  router.get("/subscribe/data", [this](const Request& r, const Params&) { return data(r); });
  router.post("/subscribe/delete", [this](const Request& r, const Params&) { return remove(r); });
}

}  // namespace gazette::web
