// The newsroom's Adverts area and organisations (web/advert_desk.h).
#include "web/advert_desk.h"

#include <ctemplate/template.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>

#include "content/site_time.h"
#include "content/text.h"
#include "jobs/adverts.h"
#include "jobs/categories.h"
#include "store/advert_store.h"
#include "store/job_store.h"
#include "web/job_board.h"
#include "web/jobs_pages.h"
#include "web/newsroom_internal.h"

namespace gazette::web {
namespace {

constexpr int kListLimit = 200;

std::optional<std::int64_t> number_of(const std::string& text) {
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size() || n < 1) return std::nullopt;
  return n;
}

std::optional<std::int64_t> id_param(const http::Params& p) {
  auto it = p.find("id");
  return it == p.end() ? std::nullopt : number_of(it->second);
}

jobs::AdvertFields fields_of_form(const http::Fields& form) {
  jobs::AdvertFields f;
  f.title = http::field(form, "title");
  f.location = http::field(form, "location");
  f.region = http::field(form, "region");
  f.salary_text = http::field(form, "salary");
  f.contract = http::field(form, "contract");
  f.hours = http::field(form, "hours");
  f.category = http::field(form, "category");
  f.closing_date = http::field(form, "closing_date");
  f.description = http::field(form, "description");
  std::erase(f.description, '\r');  // browsers send CRLF line ends in textareas
  f.apply_url = http::field(form, "apply_url");
  f.apply_email = http::field(form, "apply_email");
  f.employer_reference = http::field(form, "employer_reference");
  return f;
}

// The form's problem sections are P_<FIELD> ("closing_date" -> P_CLOSING_DATE).
std::string problem_section(const std::string& field) {
  std::string out = "P_";
  for (char c : field) out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  return out;
}

void fill_options(ctemplate::TemplateDictionary* d, const char* section,
                  const std::vector<std::pair<std::string, std::string>>& options, const std::string& chosen) {
  for (const auto& [value, label] : options) {
    auto* o = d->AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (value == chosen) o->ShowSection("SELECTED");
  }
}

std::vector<std::pair<std::string, std::string>> category_options(const char* none) {
  std::vector<std::pair<std::string, std::string>> out{{"", none}};
  for (const auto& c : jobs::categories()) out.emplace_back(c.slug, c.name);
  return out;
}

std::string closing_label(const std::string& date) {
  auto closes = jobs::closing_time(date);
  return closes ? content::format_uk_date(*closes - 86400) : "none";
}

const char* done_message(const std::string& what) {
  if (what == "created") return "Saved.";
  if (what == "saved") return "Saved.";
  if (what == "close") return "The advert is closed: it has left the jobs board's searches.";
  if (what == "filled") return "The advert is marked as filled.";
  if (what == "approve") return "Approved: the advert is on the jobs board.";
  if (what == "reject") return "Rejected: the recruiter sees your reason.";
  if (what == "category") return "The category is set.";
  return "";
}

}  // namespace

AdvertDesk::Access AdvertDesk::require(const http::Request& req, accounts::Action action) {
  Access a{require_access(db(), req, action,
                          [this](int status, const std::string& title, const std::string& message,
                                 const accounts::Session* session) { return notice(status, title, message, session); }),
           0};
  if (!a.refusal) a.organisation = accounts::organisation_of(db(), a.session->user.id);
  return a;
}

http::Response AdvertDesk::notice(int status, const std::string& title, const std::string& message,
                                  const accounts::Session* session) {
  ctemplate::TemplateDictionary d("message");
  d.SetValue("TITLE", title);
  d.SetValue("MESSAGE", message);
  return newsroom_page(theme_, config_, title, theme_.render("newsroom_message.tpl", d), session, status);
}

http::Response AdvertDesk::not_found(const accounts::Session& session) {
  return notice(404, "No such advert", "There is no advert with that number among yours.", &session);
}

http::Response AdvertDesk::list(const http::Request& req) {
  auto access = require(req, accounts::Action::post_adverts);
  if (access.refusal) return std::move(*access.refusal);
  const accounts::Session& session = *access.session;
  const bool editor = accounts::allowed(session.user.role, accounts::Action::moderate_adverts);
  store::AdvertStore adverts(db());
  ctemplate::TemplateDictionary d("adverts");
  if (auto what = req.param("done"); what && *done_message(*what))
    d.SetValueAndShowSection("MESSAGE", done_message(*what), "DONE");
  std::vector<store::AdvertLine> lines;
  if (editor) {
    auto queue = adverts.pending(kListLimit);
    auto* q = d.AddSectionDictionary("QUEUE");
    q->SetIntValue("COUNT", static_cast<long>(queue.size()));
    if (queue.empty()) q->ShowSection("EMPTY");
    for (const auto& l : queue) {
      auto* row = q->AddSectionDictionary("ITEM");
      row->SetValue("TITLE", l.title);
      row->SetValue("EMPLOYER", l.employer);
      row->SetValue("EDIT_URL", "/newsroom/adverts/" + std::to_string(l.id));
      row->SetValue("CLOSING", closing_label(l.closing_date));
      row->SetValue("UPDATED", content::format_local_time(l.updated_at));
    }
    d.SetValue("LIST_HEADING", "Adverts posted in the newsroom");
    lines = adverts.from_newsroom(kListLimit, 0);
  } else if (access.organisation > 0) {
    auto org = adverts.organisation(access.organisation);
    auto* o = d.AddSectionDictionary("ORGANISATION");
    o->SetValue("NAME", org ? org->name : "");
    o->ShowSection(org && org->trusted ? "TRUSTED" : "NOT_TRUSTED");
    d.SetValue("LIST_HEADING", "Your organisation's adverts");
    lines = adverts.of_employer(access.organisation, kListLimit, 0);
  } else {
    d.ShowSection("NO_ORGANISATION");
    d.SetValue("LIST_HEADING", "Your organisation's adverts");
  }
  if (access.organisation > 0 || (editor && !adverts.organisations().empty())) d.ShowSection("CAN_POST");
  if (lines.empty()) d.ShowSection("NONE");
  for (const auto& l : lines) {
    auto* row = d.AddSectionDictionary("ADVERT");
    row->SetValue("TITLE", l.title);
    row->SetValue("EMPLOYER", l.employer);
    row->SetValue("STATUS", l.status);
    row->SetValue("EDIT_URL", "/newsroom/adverts/" + std::to_string(l.id));
    row->SetValue("CLOSING", closing_label(l.closing_date));
    row->SetValue("UPDATED", content::format_local_time(l.updated_at));
    if (l.status == "rejected") row->SetValueAndShowSection("REASON", l.rejection_reason, "REJECTED");
    if (l.status == "live" || l.status == "closed" || l.status == "filled")
      row->SetValueAndShowSection("VIEW_URL", "/jobs/" + std::to_string(l.id) + "/" + l.slug, "VIEW");
  }
  return newsroom_page(theme_, config_, "Adverts", theme_.render("newsroom_adverts.tpl", d), &session, 200);
}

http::Response AdvertDesk::form_page(const http::Request& req, const Access& access, std::optional<std::int64_t> id,
                                     int status, const jobs::AdvertFields* typed,
                                     const std::vector<jobs::AdvertProblem>& problems, const std::string& error) {
  const accounts::Session& session = *access.session;
  const bool editor = accounts::allowed(session.user.role, accounts::Action::moderate_adverts);
  store::AdvertStore adverts(db());
  std::optional<jobs::Job> job;
  std::optional<store::AdvertState> state;
  if (id) {
    job = store::JobStore(db()).by_id(*id);
    state = adverts.state(*id);
    if (!job || !state || !jobs::may_see(session.user, access.organisation, job->employer_id))
      return not_found(session);
  }
  const jobs::AdvertFields v = typed ? *typed : job ? jobs::fields_of(*job) : jobs::AdvertFields{};
  ctemplate::TemplateDictionary d("advert");
  d.SetValue("CSRF", session.csrf_token);
  d.SetValue("ACTION", id ? "/newsroom/adverts/" + std::to_string(*id) : "/newsroom/adverts/new");
  d.SetValue("HEADING", job ? "Advert: " + job->title : "Post an advert");
  d.SetValue("SAVE_LABEL", job ? "Save" : "Post the advert");
  if (auto what = req.param("done"); what && *done_message(*what) && error.empty())
    d.SetValueAndShowSection("MESSAGE", done_message(*what), "DONE");
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  d.SetValue("TITLE", v.title);
  d.SetValue("LOCATION", v.location);
  d.SetValue("REGION", v.region);
  d.SetValue("SALARY", v.salary_text);
  d.SetValue("CLOSING_DATE", v.closing_date);
  d.SetValue("DESCRIPTION", v.description);
  d.SetValue("APPLY_URL", v.apply_url);
  d.SetValue("APPLY_EMAIL", v.apply_email);
  d.SetValue("EMPLOYER_REFERENCE", v.employer_reference);
  fill_options(&d, "CONTRACT_OPTION",
               {{"", "Not stated"},
                {"permanent", "Permanent"},
                {"fixed-term", "Fixed term"},
                {"temporary", "Temporary"},
                {"secondment", "Secondment"},
                {"interim", "Interim"}},
               v.contract);
  fill_options(&d, "HOURS_OPTION",
               {{"", "Not stated"}, {"full-time", "Full time"}, {"part-time", "Part time"}, {"flexible", "Flexible"}},
               v.hours);
  fill_options(&d, "CATEGORY_OPTION", category_options("Choose for me from the text"), v.category);
  for (const auto& p : problems) {
    auto* s = d.AddSectionDictionary(problem_section(p.field));
    s->SetValue("MESSAGE", p.message);
    if (!p.blocking) s->ShowSection("ADVICE");
  }
  if (!job && editor) {
    // Editors post for any organisation; a recruiter always posts for their own.
    auto* c = d.AddSectionDictionary("CHOOSE_ORGANISATION");
    const std::string chosen = access.form ? http::field(*access.form, "organisation") : "";
    for (const auto& o : adverts.organisations()) {
      auto* opt = c->AddSectionDictionary("ORG_OPTION");
      opt->SetIntValue("ID", static_cast<long>(o.id));
      opt->SetValue("NAME", o.name);
      if (std::to_string(o.id) == chosen) opt->ShowSection("SELECTED");
    }
  }
  if (job) {
    const std::string st = jobs::advert_status(*job, *state);
    const std::string base = "/newsroom/adverts/" + std::to_string(job->id);
    auto* t = d.AddSectionDictionary("TOOLS");
    t->SetValue("BASE", base);
    t->SetValue("CSRF", session.csrf_token);
    t->SetValue("STATUS", st);
    t->SetValue("EMPLOYER", job->employer);
    t->SetValue("PREVIEW_URL", base + "/preview");
    if (st == "live" || st == "closed" || st == "filled") t->SetValueAndShowSection("VIEW_URL", job_path(*job), "VIEW");
    if (job->category_set_by == "editor") t->ShowSection("CATEGORY_BY_EDITOR");
    if (st == "rejected") t->SetValueAndShowSection("REASON", state->rejection_reason, "REJECTED");
    if (st == "pending") t->ShowSection("PENDING");
    if (st == "live") t->ShowSection("CAN_CLOSE");
    if (st == "live" || st == "closed") t->ShowSection("CAN_FILL");
    if (editor) {
      auto* m = t->AddSectionDictionary("MODERATE");
      if (st == "pending" || st == "rejected") m->ShowSection("CAN_APPROVE");
      if (st == "pending" || st == "live") m->ShowSection("CAN_REJECT");
      fill_options(m, "SET_CATEGORY_OPTION", category_options("(choose)"), job->category);
    }
  }
  const std::string title = job ? "Advert: " + job->title : "Post an advert";
  return newsroom_page(theme_, config_, title, theme_.render("newsroom_advert_edit.tpl", d), &session, status);
}

http::Response AdvertDesk::show(const http::Request& req, const http::Params& p) {
  auto access = require(req, accounts::Action::post_adverts);
  if (access.refusal) return std::move(*access.refusal);
  if (p.find("id") == p.end()) {  // a new advert
    if (access.organisation == 0 && !accounts::allowed(access.session->user.role, accounts::Action::moderate_adverts))
      return notice(403, "No organisation",
                    "This account belongs to no organisation yet, so it cannot post adverts. Ask an editor to add you "
                    "to your organisation.",
                    &*access.session);
    return form_page(req, access, std::nullopt, 200, nullptr, {}, "");
  }
  auto id = id_param(p);
  if (!id) return not_found(*access.session);
  return form_page(req, access, id, 200, nullptr, {}, "");
}

http::Response AdvertDesk::save(const http::Request& req, const http::Params& p) {
  auto access = require(req, accounts::Action::post_adverts);
  if (access.refusal) return std::move(*access.refusal);
  const accounts::Session& session = *access.session;
  const bool creating = p.find("id") == p.end();
  std::optional<std::int64_t> id;
  std::int64_t organisation = access.organisation;
  if (!creating) {
    id = id_param(p);
    auto job = id ? store::JobStore(db()).by_id(*id) : std::nullopt;
    if (!job || !jobs::may_see(session.user, access.organisation, job->employer_id)) return not_found(session);
    organisation = job->employer_id;
  } else if (accounts::allowed(session.user.role, accounts::Action::moderate_adverts)) {
    organisation = number_of(http::field(*access.form, "organisation")).value_or(0);
  }
  const jobs::AdvertFields fields = fields_of_form(*access.form);
  const std::string action = http::field(*access.form, "action");
  const std::int64_t now = std::time(nullptr);
  if (action == "check")  // the no-script way to see the problems: nothing is saved
    return form_page(req, access, id, 200, &fields, jobs::check_advert(fields, now), "");
  if (action == "preview") return preview(fields, organisation);
  const auto started = std::chrono::steady_clock::now();
  jobs::AdvertSave saved;
  try {
    saved = creating ? jobs::create_advert(db(), session.user, organisation, fields, now)
                     : jobs::edit_advert(db(), session.user, *id, fields, now);
  } catch (const std::exception& e) {
    spdlog::error("newsroom: saving advert failed: {}", e.what());
    return form_page(req, access, id, 503, &fields, {},
                     "The advert could not be saved just now (the database said: " + std::string(e.what()) +
                         "). Your text is below; try again.");
  }
  switch (saved.status) {
    case jobs::AdvertSave::Status::not_found:
      return not_found(session);
    case jobs::AdvertSave::Status::refused:
      return notice(409, "Not saved", saved.message, &session);
    case jobs::AdvertSave::Status::invalid:
      return form_page(req, access, id, 422, &fields, saved.problems,
                       "Not saved yet: correct the problems shown beside the fields.");
    case jobs::AdvertSave::Status::saved:
      break;
  }
  ctx_.content_written(0, started);
  spdlog::info("newsroom: {} {} advert {}", session.user.email, creating ? "posted" : "saved", saved.id);
  return redirect_see_other("/newsroom/adverts/" + std::to_string(saved.id) + "?done=saved");
}

http::Response AdvertDesk::preview(const jobs::AdvertFields& fields, std::int64_t organisation_id) {
  auto org = store::AdvertStore(db()).organisation(organisation_id);
  if (!org) org = store::Organisation{0, "Your organisation", "", false, 0};
  bool live = false;
  http::Response r;
  r.body = job_page_html(theme_, config_, db(), jobs::preview_job(fields, *org, std::time(nullptr)), std::time(nullptr),
                         live);
  r.set_header("X-Robots-Tag", "noindex");
  return r;
}

http::Response AdvertDesk::preview_stored(const http::Request& req, const http::Params& p) {
  auto access = require(req, accounts::Action::post_adverts);
  if (access.refusal) return std::move(*access.refusal);
  auto id = id_param(p);
  auto job = id ? store::JobStore(db()).by_id(*id) : std::nullopt;
  if (!job || !jobs::may_see(access.session->user, access.organisation, job->employer_id))
    return not_found(*access.session);
  // As it shows once live (or as it shows now, when it has closed or been filled).
  if (job->status == "draft") job->status = "live";
  bool live = false;
  http::Response r;
  r.body = job_page_html(theme_, config_, db(), *job, std::time(nullptr), live);
  r.set_header("X-Robots-Tag", "noindex");
  return r;
}

http::Response AdvertDesk::act(const http::Request& req, const http::Params& p, const std::string& what) {
  const bool moderation = what == "approve" || what == "reject";
  auto access = require(req, moderation ? accounts::Action::moderate_adverts : accounts::Action::post_adverts);
  if (access.refusal) return std::move(*access.refusal);
  const accounts::Session& session = *access.session;
  auto id = id_param(p);
  auto job = id ? store::JobStore(db()).by_id(*id) : std::nullopt;
  if (!job || !jobs::may_see(session.user, access.organisation, job->employer_id)) return not_found(session);
  const auto started = std::chrono::steady_clock::now();
  const std::string problem =
      jobs::change_advert(db(), session.user, *id, what, http::field(*access.form, "reason"), std::time(nullptr));
  if (problem == "no such advert") return not_found(session);
  if (!problem.empty()) return form_page(req, access, id, 409, nullptr, {}, problem);
  ctx_.content_written(0, started);
  spdlog::info("newsroom: {} did '{}' to advert {}", session.user.email, what, *id);
  return redirect_see_other("/newsroom/adverts/" + std::to_string(*id) + "?done=" + what);
}

http::Response AdvertDesk::set_category(const http::Request& req, const http::Params& p) {
  auto access = require(req, accounts::Action::moderate_adverts);
  if (access.refusal) return std::move(*access.refusal);
  auto id = id_param(p);
  auto job = id ? store::JobStore(db()).by_id(*id) : std::nullopt;
  if (!job) return not_found(*access.session);
  const auto started = std::chrono::steady_clock::now();
  const std::string problem = jobs::set_advert_category(db(), access.session->user, *id,
                                                        http::field(*access.form, "category"), std::time(nullptr));
  if (problem == "no such advert") return not_found(*access.session);
  if (!problem.empty()) return form_page(req, access, id, 422, nullptr, {}, problem);
  ctx_.content_written(0, started);
  return redirect_see_other("/newsroom/adverts/" + std::to_string(*id) + "?done=category");
}

http::Response AdvertDesk::check(const http::Request& req) {
  auto access = require(req, accounts::Action::post_adverts);
  if (access.refusal) {
    http::Response r = http::Response::text(access.refusal->status, "{\"problems\":[]}", "application/json");
    return r;
  }
  boost::json::array out;
  for (const auto& p : jobs::check_advert(fields_of_form(*access.form), std::time(nullptr)))
    out.push_back(boost::json::object{{"field", p.field}, {"message", p.message}, {"blocking", p.blocking}});
  return http::Response::text(200, boost::json::serialize(boost::json::object{{"problems", out}}), "application/json");
}

http::Response AdvertDesk::organisations(const http::Request& req, const std::string& error, int status) {
  auto access = require(req, accounts::Action::moderate_adverts);
  if (access.refusal) return std::move(*access.refusal);
  const accounts::Session& session = *access.session;
  store::AdvertStore adverts(db());
  const auto orgs = adverts.organisations();
  ctemplate::TemplateDictionary d("organisations");
  d.SetValue("CSRF", session.csrf_token);
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  if (error.empty() && req.param("done")) d.ShowSection("DONE");
  for (const auto& o : orgs) {
    auto* row = d.AddSectionDictionary("ORG");
    row->SetIntValue("ID", static_cast<long>(o.id));
    row->SetValue("NAME", o.name);
    row->SetValue("SLUG", o.slug);
    row->SetIntValue("RECRUITERS", static_cast<long>(o.recruiters));
    row->SetValue("CSRF", session.csrf_token);
    row->ShowSection(o.trusted ? "TRUSTED" : "NOT_TRUSTED");
  }
  const auto memberships = adverts.user_organisations();
  bool any = false;
  for (const auto& u : accounts::all_users(db())) {
    if (u.role != accounts::Role::recruiter) continue;
    any = true;
    std::int64_t mine = 0;
    for (const auto& [user, org] : memberships)
      if (user == u.id) mine = org;
    auto* row = d.AddSectionDictionary("RECRUITER");
    row->SetValue("NAME", u.name);
    row->SetValue("EMAIL", u.email);
    row->SetIntValue("USER_ID", static_cast<long>(u.id));
    row->SetValue("CSRF", session.csrf_token);
    for (const auto& o : orgs) {
      auto* opt = row->AddSectionDictionary("OPTION");
      opt->SetIntValue("ID", static_cast<long>(o.id));
      opt->SetValue("NAME", o.name);
      if (o.id == mine) opt->ShowSection("SELECTED");
    }
  }
  if (!any) d.ShowSection("NO_RECRUITERS");
  return newsroom_page(theme_, config_, "Organisations", theme_.render("newsroom_organisations.tpl", d), &session,
                       status);
}

http::Response AdvertDesk::add_organisation(const http::Request& req) {
  auto access = require(req, accounts::Action::moderate_adverts);
  if (access.refusal) return std::move(*access.refusal);
  try {
    store::Transaction tx(db());
    accounts::add_organisation(db(), access.session->user, http::field(*access.form, "name"), std::time(nullptr));
    tx.commit();
  } catch (const std::invalid_argument& e) {
    return organisations(req, std::string("Not added: ") + e.what() + ".", 422);
  }
  return redirect_see_other("/newsroom/organisations?done=1");
}

http::Response AdvertDesk::trust(const http::Request& req, const http::Params& p) {
  auto access = require(req, accounts::Action::moderate_adverts);
  if (access.refusal) return std::move(*access.refusal);
  auto id = id_param(p);
  std::string problem = "no such organisation";
  if (id) {
    store::Transaction tx(db());
    problem = accounts::set_trusted(db(), access.session->user, *id, http::field(*access.form, "trusted") == "1",
                                    std::time(nullptr));
    if (problem.empty()) tx.commit();
  }
  if (!problem.empty())
    return notice(404, "No such organisation", "There is no organisation with that number.", &*access.session);
  return redirect_see_other("/newsroom/organisations?done=1");
}

http::Response AdvertDesk::assign(const http::Request& req) {
  auto access = require(req, accounts::Action::moderate_adverts);
  if (access.refusal) return std::move(*access.refusal);
  auto user = number_of(http::field(*access.form, "user"));
  const std::string org_text = http::field(*access.form, "organisation");
  const std::int64_t org = org_text == "0" ? 0 : number_of(org_text).value_or(-1);
  if (!user) return notice(404, "No such person", "There is no person with that number.", &*access.session);
  if (org < 0) return organisations(req, "Choose an organisation from the list.", 422);
  std::string problem;
  {
    store::Transaction tx(db());
    problem = accounts::set_organisation(db(), access.session->user, *user, org, std::time(nullptr));
    if (problem.empty()) tx.commit();
  }
  if (problem == "no such person")
    return notice(404, "No such person", "There is no person with that number.", &*access.session);
  if (!problem.empty()) return organisations(req, problem, 409);
  return redirect_see_other("/newsroom/organisations?done=1");
}

void AdvertDesk::add_routes(http::Router& router) {
  using http::Params;
  using http::Request;
  router.get("/newsroom/adverts", [this](const Request& r, const Params&) { return list(r); }, {"done"});
  router.get("/newsroom/adverts/new", [this](const Request& r, const Params& p) { return show(r, p); });
  router.post("/newsroom/adverts/new", [this](const Request& r, const Params& p) { return save(r, p); });
  router.post("/newsroom/adverts/check", [this](const Request& r, const Params&) { return check(r); });
  router.get("/newsroom/adverts/{id}", [this](const Request& r, const Params& p) { return show(r, p); }, {"done"});
  router.post("/newsroom/adverts/{id}", [this](const Request& r, const Params& p) { return save(r, p); });
  router.get("/newsroom/adverts/{id}/preview",
             [this](const Request& r, const Params& p) { return preview_stored(r, p); });
  for (const char* what : {"close", "filled", "approve", "reject"})
    router.post(std::string("/newsroom/adverts/{id}/") + what,
                [this, what](const Request& r, const Params& p) { return act(r, p, what); });
  router.post("/newsroom/adverts/{id}/category",
              [this](const Request& r, const Params& p) { return set_category(r, p); });
  router.get("/newsroom/organisations", [this](const Request& r, const Params&) { return organisations(r); }, {"done"});
  router.post("/newsroom/organisations", [this](const Request& r, const Params&) { return add_organisation(r); });
  router.post("/newsroom/organisations/assign", [this](const Request& r, const Params&) { return assign(r); });
  router.post("/newsroom/organisations/{id}/trust", [this](const Request& r, const Params& p) { return trust(r, p); });
}

}  // namespace gazette::web
