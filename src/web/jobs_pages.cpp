// The jobs board: /jobs (search with filters and facet counts), job pages with JobPosting JSON-LD,
// employer pages, the Indeed-style XML feed for aggregators, RSS per search, and job boxes.
#include <boost/json.hpp>
#include <boost/url/url.hpp>
#include <pugixml.hpp>

#include <cctype>
#include <charconv>
#include <cmath>
#include <ctime>
#include <map>
#include <sstream>

#include "content/dependencies.h"
#include "content/text.h"
#include "jobs/advert_checks.h"
#include "jobs/categories.h"
#include "search/query.h"
#include "store/council_store.h"
#include "store/job_store.h"
#include "store/media_store.h"
#include "web/jobs_pages.h"
#include "web/render.h"
#include "web/render_deps.h"

namespace gazette::web {
namespace {

namespace json = boost::json;

std::string money(double v) {
  // "£37,602" (pence only when there are any: "£25.16").
  long long whole = static_cast<long long>(std::floor(v));
  int pence = static_cast<int>(std::lround((v - static_cast<double>(whole)) * 100));
  std::string digits = std::to_string(whole), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  if (pence) out += "." + std::string(pence < 10 ? "0" : "") + std::to_string(pence);
  return "£" + out;
}

std::string label(const std::string& value) {
  if (value.empty()) return "Not stated";
  std::string out = value;
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  for (char& c : out)
    if (c == '-') c = ' ';
  return out;
}

int parse_int(const std::string& s, int fallback) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() ? v : fallback;
}

struct JobParams {
  std::string q, category, council, region, contract, hours, sort = "newest";
  int min_salary = 0, days = 0;
};

// Featured adverts first when browsing (publishers sell them so), the best match with keywords.
std::string default_sort(const JobParams& p) {
  return p.q.empty() ? "featured" : "relevance";
}

JobParams read_params(const http::Request& req) {
  JobParams p;
  p.q = req.param("q").value_or("");
  p.category = req.param("category").value_or("");
  p.council = req.param("council").value_or("");
  p.region = req.param("region").value_or("");
  p.contract = req.param("contract").value_or("");
  p.hours = req.param("hours").value_or("");
  p.sort = req.param("sort").value_or(default_sort(p));
  if (p.sort != "featured" && p.sort != "newest" && p.sort != "closing" && p.sort != "salary" && p.sort != "relevance")
    p.sort = default_sort(p);
  p.min_salary = std::max(0, parse_int(req.param("min_salary").value_or(""), 0));
  p.days = std::max(0, parse_int(req.param("days").value_or(""), 0));
  return p;
}

// The index query for the reader's filters (paging and sort are set by the caller).
search::JobQuery job_query(const JobParams& p) {
  search::JobQuery q;
  q.category = p.category;
  q.region = p.region;
  q.contract = p.contract;
  q.hours = p.hours;
  q.min_salary = p.min_salary;
  q.posted_within_days = p.days;
  return q;
}

std::string jobs_url(const JobParams& p, const std::string& base, const std::string& change_key = "",
                     const std::string& change_value = "", int page = 1) {
  boost::urls::url u(base);
  auto params = u.params();
  auto add = [&](const std::string& k, const std::string& v) {
    const std::string& value = k == change_key ? change_value : v;
    if (!value.empty()) params.append({k, value});
  };
  add("q", p.q);
  add("category", p.category);
  add("council", p.council);
  add("region", p.region);
  add("contract", p.contract);
  add("hours", p.hours);
  add("min_salary", p.min_salary ? std::to_string(p.min_salary) : "");
  add("days", p.days ? std::to_string(p.days) : "");
  const std::string sort = change_key == "sort" ? change_value : p.sort;
  if (!sort.empty() && sort != default_sort(p)) params.append({"sort", sort});
  if (page > 1) params.append({"page", std::to_string(page)});
  return std::string(u.buffer());
}

std::string job_posting_json_ld(const config::Config& cfg, const jobs::Job& j, std::int64_t now,
                                const std::string& logo_url = "") {
  json::object hiring{
      {"@type", "Organization"}, {"name", j.employer}, {"sameAs", cfg.base_url + "/jobs/employers/" + j.employer_slug}};
  if (!logo_url.empty()) hiring["logo"] = logo_url;
  json::object address{{"@type", "PostalAddress"}, {"addressCountry", "GB"}};
  if (!j.location.empty()) address["addressLocality"] = j.location;
  if (!j.region.empty()) address["addressRegion"] = j.region;
  json::object o{
      {"@context", "https://schema.org/"},
      {"@type", "JobPosting"},
      {"title", j.title},
      {"description", j.description_html.empty() ? j.title : j.description_html},
      {"datePosted", content::format_iso8601(j.posted_at)},
      {"hiringOrganization", hiring},
      {"jobLocation", {{"@type", "Place"}, {"address", address}}},
      {"identifier", {{"@type", "PropertyValue"}, {"name", cfg.site_name}, {"value", jobs::shown_reference(j)}}},
      {"url", cfg.base_url + job_path(j)}};
  if (j.closes_at) o["validThrough"] = content::format_iso8601(*j.closes_at - 1);
  // directApply: the application goes straight to the employer (the rule is jobs::direct_apply's).
  if (!j.apply_url.empty() || !j.apply_email.empty()) o["directApply"] = jobs::direct_apply(j);
  std::string type;
  if (j.hours == "full-time")
    type = "FULL_TIME";
  else if (j.hours == "part-time")
    type = "PART_TIME";
  if (j.contract == "temporary" || j.contract == "fixed-term" || j.contract == "interim")
    type = type.empty() ? "TEMPORARY" : type;
  if (!type.empty()) o["employmentType"] = type;
  if (j.salary_parsed && (j.salary_min || j.salary_max)) {
    static const std::map<std::string, std::string> units = {
        {"hour", "HOUR"}, {"day", "DAY"}, {"week", "WEEK"}, {"month", "MONTH"}, {"year", "YEAR"}};
    json::object value{{"@type", "QuantitativeValue"}};
    auto number = [](double v) -> json::value {
      return v == std::floor(v) ? json::value(static_cast<std::int64_t>(v)) : json::value(v);
    };
    if (j.salary_min) value["minValue"] = number(*j.salary_min);
    if (j.salary_max) value["maxValue"] = number(*j.salary_max);
    if (auto it = units.find(j.salary_period); it != units.end()) value["unitText"] = it->second;
    o["baseSalary"] = json::object{{"@type", "MonetaryAmount"}, {"currency", j.salary_currency}, {"value", value}};
  }
  (void)now;
  return script_safe_json(json::serialize(o));
}

}  // namespace

http::Response JobsPages::jobs_page(const http::Request& req) {
  auto page = page_number(req);
  if (!page) return http::Response::text(400, "Bad request: page must be a positive whole number\n");
  const std::int64_t now = std::time(nullptr);
  JobParams p = read_params(req);
  search::JobQuery q = job_query(p);
  q.sort = p.sort;
  q.page = *page;
  q.page_size = config_.page_size;
  auto found = search::find_jobs(db(), *jobs_.index(), q, p.q, p.council, now);
  auto& result = found.result;
  const std::string& message = found.message;
  if (*page > 1 && result.ids.empty()) return not_found_page(req);
  RenderDeps::add(content::deps::kJobs);

  ctemplate::TemplateDictionary d("jobs");
  d.SetValue("Q", p.q);
  // The council as it was understood ("maidstone" shows as Maidstone Borough Council), else as typed.
  d.SetValue("COUNCIL", found.council_name.empty() ? p.council : found.council_name);
  for (const auto& name : store::CouncilStore(db()).current_names())
    d.AddSectionDictionary("COUNCIL_NAME")->SetValue("NAME", name);
  d.SetValue("MIN_SALARY", p.min_salary ? std::to_string(p.min_salary) : "");
  d.SetValue("TOTAL", std::to_string(result.total));
  d.SetValue("NOUN", result.total == 1 ? "job" : "jobs");
  d.SetValue("RSS_URL", jobs_url(p, "/jobs/rss"));
  // What the list is limited to, each with a link that removes it.
  int applied = 0;
  auto applied_filter = [&](const std::string& key, const std::string& name, const std::string& value) {
    auto* a = d.AddSectionDictionary("APPLIED");
    a->SetValue("NAME", name);
    a->SetValue("VALUE", value);
    a->SetValue("REMOVE_URL", jobs_url(p, "/jobs", key, ""));
    ++applied;
  };
  if (!p.q.empty()) applied_filter("q", "Keywords", p.q);
  if (!p.category.empty())
    applied_filter("category", "Category",
                   jobs::category_name(p.category).empty() ? p.category : jobs::category_name(p.category));
  if (!p.council.empty())
    applied_filter("council", "Council",
                   found.council_name.empty() ? p.council + " (no such council)" : found.council_name);
  if (!p.region.empty()) applied_filter("region", "Region", label(p.region));
  if (!p.contract.empty()) applied_filter("contract", "Contract", label(p.contract));
  if (!p.hours.empty()) applied_filter("hours", "Hours", label(p.hours));
  if (p.min_salary) applied_filter("min_salary", "Salary from", money(p.min_salary) + " a year");
  if (p.days)
    applied_filter("days", "Posted",
                   p.days == 1 ? "in the last 24 hours" : "in the last " + std::to_string(p.days) + " days");
  if (applied) {
    d.ShowSection("HAS_APPLIED");
    d.SetValueAndShowSection("APPLIED_COUNT", std::to_string(applied), "HAS_APPLIED_COUNT");
  }
  for (const auto& c : jobs::categories()) {
    auto* o = d.AddSectionDictionary("CATEGORY_OPTIONS");
    o->SetValue("VALUE", c.slug);
    o->SetValue("NAME", c.name);
    if (c.slug == p.category) o->ShowSection("SELECTED");
  }
  for (const auto& [value, name] : std::vector<std::pair<std::string, std::string>>{{"featured", "Featured first"},
                                                                                    {"newest", "Newest"},
                                                                                    {"closing", "Closing soon"},
                                                                                    {"salary", "Highest salary"},
                                                                                    {"relevance", "Best match"}}) {
    auto* o = d.AddSectionDictionary("SORT_OPTIONS");
    o->SetValue("VALUE", value);
    o->SetValue("NAME", name);
    if (value == p.sort) o->ShowSection("SELECTED");
  }
  for (int days : {1, 7, 14, 30}) {
    auto* o = d.AddSectionDictionary("DAYS_OPTIONS");
    o->SetIntValue("VALUE", days);
    o->SetValue("NAME", days == 1 ? "Last 24 hours" : "Last " + std::to_string(days) + " days");
    if (days == p.days) o->ShowSection("SELECTED");
  }
  // Facets: each value links to the same search with that filter set (or cleared when already set).
  const std::vector<std::tuple<std::string, std::string, std::string>> facets = {{"category", "Category", p.category},
                                                                                 {"contract", "Contract", p.contract},
                                                                                 {"hours", "Hours", p.hours},
                                                                                 {"region", "Region", p.region}};
  for (const auto& [key, title, current] : facets) {
    const auto& counts = result.facets[key];
    if (counts.empty()) continue;
    auto* f = d.AddSectionDictionary("FACETS");
    f->SetValue("TITLE", title);
    for (const auto& fc : counts) {
      auto* v = f->AddSectionDictionary("VALUES");
      v->SetValue("NAME", key == "category" ? jobs::category_name(fc.value) : label(fc.value));
      v->SetIntValue("COUNT", fc.count);
      bool selected = fc.value == current;
      v->SetValue("URL", jobs_url(p, "/jobs", key, selected ? "" : fc.value));
      if (selected) v->ShowSection("SELECTED");
    }
  }
  store::JobStore store(db());
  for (const auto& j : store.by_ids(result.ids)) fill_job_card(d.AddSectionDictionary("JOBS"), j, now);
  if (result.ids.empty()) {
    d.SetValueAndShowSection(
        "MESSAGE", message.empty() ? "No live jobs match your search. Try removing a filter." : message, "HAS_MESSAGE");
  } else if (!message.empty()) {
    d.SetValueAndShowSection("MESSAGE", message, "HAS_MESSAGE");
  }
  const std::int64_t pages = (result.total + q.page_size - 1) / q.page_size;
  fill_pagination(&d, *page, pages, [&](int n) { return jobs_url(p, "/jobs", "", "", n); });
  PageMeta meta;
  meta.title = p.category.empty() ? "Jobs" : jobs::category_name(p.category) + " jobs";
  meta.description = "Jobs in local government: search by keyword, category, council, salary, contract and hours.";
  meta.canonical_path = "/jobs";
  meta.feed_path = jobs_url(p, "/jobs/rss");
  meta.feed_title = meta.title + " (RSS)";
  http::Response r;
  r.body = render_layout(theme_, config_, store::ContentStore(db()).sections(), meta, theme_.render("jobs.tpl", d));
  // Filtered views are cached too (compressed once, and bounded by the cache's memory), but only for a
  // minute: their key space is as large as readers make it.
  r.cacheable = true;
  if (!req.query.empty()) r.cache_ttl = 60;
  return r;
}

std::string job_page_html(const Theme& theme, const config::Config& config, store::Connection& db, const jobs::Job& j,
                          std::int64_t now, bool& live) {
  ctemplate::TemplateDictionary d("job");
  fill_job_card(&d, j, now);
  d.SetValue("DESCRIPTION_HTML", j.description_html);
  d.SetValue("CONTRACT", label(j.contract));
  d.SetValue("HOURS", label(j.hours));
  if (!j.council_slug.empty()) {
    auto* c = d.AddSectionDictionary("HAS_COUNCIL");
    c->SetValue("COUNCIL_NAME", j.council_name);
    c->SetValue("COUNCIL_URL", "/councils/" + j.council_slug);
  }
  if (j.salary_parsed && (j.annual_min || j.annual_max)) {
    std::string range = j.annual_min && j.annual_max && *j.annual_min != *j.annual_max
                            ? money(*j.annual_min) + " – " + money(*j.annual_max)
                            : money(j.annual_max ? *j.annual_max : *j.annual_min);
    d.SetValueAndShowSection("ANNUAL", range, "HAS_ANNUAL");
  }
  if (!j.apply_url.empty())
    d.SetValueAndShowSection("APPLY_URL", j.apply_url, "HAS_APPLY_URL");
  else if (!j.apply_email.empty())
    d.SetValueAndShowSection("APPLY_EMAIL", j.apply_email, "HAS_APPLY_EMAIL");
  d.SetValue("REFERENCE", jobs::shown_reference(j));
  if (!j.employer_reference.empty()) d.SetValueAndShowSection("EMPLOYER_REF", j.employer_reference, "HAS_EMPLOYER_REF");
  // The employer's logo (media library), on the page and as JobPosting hiringOrganization.logo.
  std::string logo_url;
  if (auto logo = store::MediaStore(db).employer_logo(j.employer_id); !logo.empty()) {
    logo.alt = j.employer + " logo";
    d.ShowSection("HAS_LOGO");
    fill_picture(&d, "LOGO", logo, "10rem", 320, false);
    logo_url = config.base_url + media::variant_path(logo.hash, logo.width_upto(640), media::Format::jpeg);
  }
  PageMeta meta;
  meta.title = j.title + " – " + j.employer;
  meta.description = j.title + " at " + j.employer + (j.salary_text.empty() ? "" : ", " + j.salary_text) + ".";
  meta.canonical_path = job_path(j);
  live = j.is_live(now);
  if (live) meta.json_ld = job_posting_json_ld(config, j, now, logo_url);
  return render_layout(theme, config, store::ContentStore(db).sections(), meta, theme.render("job.tpl", d));
}

http::Response JobsPages::job_page(const http::Request& req, const http::Params& p) {
  std::int64_t id = parse_int(p.at("id"), 0);
  auto job = id > 0 ? store::JobStore(db()).by_id(id) : std::nullopt;
  if (!job || job->status == "draft") return not_found_page(req);
  RenderDeps::add(content::deps::job(job->id));
  if (p.at("slug") != job->slug) {
    http::Response r = http::Response::redirect(301, job_path(*job));
    return r;
  }
  const std::int64_t now = std::time(nullptr);
  bool live = false;
  http::Response r;
  r.body = job_page_html(theme_, config_, db(), *job, now, live);
  // A closed advert stays readable but leaves search engines' indexes.
  if (!live) r.set_header("X-Robots-Tag", "noindex");
  r.cacheable = true;
  return r;
}

http::Response JobsPages::employer_page(const http::Request& req, const http::Params& p) {
  store::JobStore store(db());
  auto employer = store.employer_by_slug(p.at("employer"));
  auto page = page_number(req);
  if (!employer) return not_found_page(req);
  if (!page) return http::Response::text(400, "Bad request: page must be a positive whole number\n");
  const std::int64_t now = std::time(nullptr);
  search::JobQuery q;
  q.employer_id = employer->id;
  RenderDeps::add(content::deps::employer(employer->id));
  q.page = *page;
  q.page_size = config_.page_size;
  auto result = jobs_.index()->search(q, nullptr, now);
  if (*page > 1 && result.ids.empty()) return not_found_page(req);
  ctemplate::TemplateDictionary d("employer");
  d.SetValue("NAME", employer->name);
  if (auto logo = store::MediaStore(db()).employer_logo(employer->id); !logo.empty()) {
    logo.alt = employer->name + " logo";
    d.ShowSection("HAS_LOGO");
    fill_picture(&d, "LOGO", logo, "10rem", 320, false);
  }
  if (!employer->council_slug.empty()) {
    auto* c = d.AddSectionDictionary("HAS_COUNCIL");
    c->SetValue("COUNCIL_NAME", employer->council_name);
    c->SetValue("COUNCIL_URL", "/councils/" + employer->council_slug);
  }
  d.SetValue("TOTAL", std::to_string(result.total));
  d.SetValue("NOUN", result.total == 1 ? "live job" : "live jobs");
  for (std::int64_t id : result.ids)
    if (auto j = store.by_id(id)) fill_job_card(d.AddSectionDictionary("JOBS"), *j, now);
  if (result.ids.empty()) d.ShowSection("EMPTY");
  fill_pagination(&d, "/jobs/employers/" + employer->slug, *page, result.total, config_.page_size);
  PageMeta meta;
  meta.title = employer->name + " jobs";
  meta.canonical_path = "/jobs/employers/" + employer->slug;
  http::Response r;
  r.body = render_layout(theme_, config_, store::ContentStore(db()).sections(), meta, theme_.render("employer.tpl", d));
  r.cacheable = true;
  return r;
}

http::Response JobsPages::jobs_rss(const http::Request& req) {
  const std::int64_t now = std::time(nullptr);
  JobParams p = read_params(req);
  search::JobQuery q = job_query(p);
  q.page_size = 50;
  const auto result = search::find_jobs(db(), *jobs_.index(), q, p.q, p.council, now).result;
  store::JobStore store(db());
  RenderDeps::add(content::deps::kJobs);
  pugi::xml_document doc;
  auto rss = doc.append_child("rss");
  rss.append_attribute("version") = "2.0";
  auto channel = rss.append_child("channel");
  channel.append_child("title").text().set((config_.site_name + " jobs").c_str());
  channel.append_child("link").text().set((config_.base_url + jobs_url(p, "/jobs")).c_str());
  channel.append_child("description").text().set("Live jobs matching a search");
  // Where this feed lives (atom:link rel="self", as feed validators expect) and when it last changed.
  rss.append_attribute("xmlns:atom") = "http://www.w3.org/2005/Atom";
  auto self = channel.append_child("atom:link");
  self.append_attribute("href") = (config_.base_url + jobs_url(p, "/jobs/rss")).c_str();
  self.append_attribute("rel") = "self";
  self.append_attribute("type") = "application/rss+xml";
  std::int64_t newest = 0;
  for (std::int64_t id : result.ids) {
    auto j = store.by_id(id);
    if (!j) continue;
    auto item = channel.append_child("item");
    const std::string url = config_.base_url + job_path(*j);
    item.append_child("title").text().set((j->title + " – " + j->employer).c_str());
    item.append_child("link").text().set(url.c_str());
    auto guid = item.append_child("guid");
    guid.append_attribute("isPermaLink") = "true";
    guid.text().set(url.c_str());
    item.append_child("pubDate").text().set(content::format_rfc1123(j->posted_at).c_str());
    // What a reader scanning the feed decides on: employer, place, pay, closing date (HTML, escaped).
    std::string summary = j->employer;
    if (!j->location.empty()) summary += " – " + j->location;
    if (!j->salary_text.empty()) summary += " – " + j->salary_text;
    if (!j->closing_date.empty() && j->closes_at)
      summary += " – closes " + content::format_uk_date(*j->closes_at - 86400);
    item.append_child("description").text().set(html_text(summary).c_str());
    newest = std::max(newest, j->posted_at);
  }
  if (newest > 0) channel.insert_child_after("lastBuildDate", self).text().set(content::format_rfc1123(newest).c_str());
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default | pugi::format_no_declaration);
  http::Response r = http::Response::text(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.str(),
                                          "application/rss+xml; charset=utf-8");
  r.cacheable = true;
  if (!req.query.empty()) r.cache_ttl = 60;
  return r;
}

void JobsPages::add_routes(http::Router& router) {
  using http::Params;
  using http::Request;
  const std::vector<std::string> filters = {"q",     "category",   "council", "region", "contract",
                                            "hours", "min_salary", "days",    "sort"};
  std::vector<std::string> paged = filters;
  paged.push_back("page");
  router.get(
      "/jobs", [this](const Request& r, const Params&) { return jobs_page(r); }, paged);
  // /jobs/feed.xml (the Indeed-style feed) is served by Feeds.
  router.get(
      "/jobs/rss", [this](const Request& r, const Params&) { return jobs_rss(r); }, filters);
  router.get("/jobs/employers/{employer}", [this](const Request& r, const Params& p) { return employer_page(r, p); },
             {"page"});
  router.get("/jobs/{id}/{slug}", [this](const Request& r, const Params& p) { return job_page(r, p); });
}

}  // namespace gazette::web
