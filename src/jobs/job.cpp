#include "jobs/job.h"

#include <string_view>

#include "strings/strings.h"

namespace gazette::jobs {
namespace {

bool has(const std::string& text, std::string_view word) {
  return text.find(word) != std::string::npos;
}

}  // namespace

std::string normalise_contract(std::string_view text) {
  std::string t = strings::lower_ascii(text);
  if (has(t, "secondment")) return "secondment";
  if (has(t, "interim")) return "interim";
  if (has(t, "fixed term") || has(t, "fixed-term") || has(t, "ftc")) return "fixed-term";
  if (has(t, "temporary") || has(t, "temp ") || t == "temp" || has(t, "locum")) return "temporary";
  if (has(t, "permanent") || t == "perm") return "permanent";
  return "";
}

std::string normalise_hours(std::string_view text) {
  std::string t = strings::lower_ascii(text);
  if (has(t, "part time") || has(t, "part-time") || has(t, "parttime")) return "part-time";
  if (has(t, "full time") || has(t, "full-time") || has(t, "fulltime")) return "full-time";
  if (has(t, "flexible") || has(t, "job share")) return "flexible";
  return "";
}

}  // namespace gazette::jobs

#include <chrono>

#include "content/html_sanitiser.h"
#include "content/text.h"
#include "jobs/categories.h"
#include "jobs/closing_date.h"
#include "jobs/salary.h"

namespace gazette::jobs {
namespace {

// Unix time of the end of a YYYY-MM-DD day (UTC), or nullopt when it is not a date.
std::optional<std::int64_t> end_of_day(const std::string& date) {
  if (date.size() != 10) return std::nullopt;
  try {
    int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
    std::int64_t t = content::unix_from_date(y, m, d);
    if (t < 0) return std::nullopt;
    return t + 86400;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string format_day(std::chrono::year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
  return buf;
}

}  // namespace

Job prepare_job(const JobInput& in, std::int64_t now) {
  Job j;
  j.title = in.title;
  j.employer = in.employer;
  j.location = in.location;
  j.region = in.region;
  j.posted_at = in.posted_at > 0 ? in.posted_at : now;
  j.updated_at = now;
  if (!in.description_html.empty()) {
    j.description_html = content::sanitise_html(in.description_html);
    j.description_markdown =
        in.description_markdown.empty() ? content::html_to_text(j.description_html) : in.description_markdown;
  } else {
    j.description_markdown = in.description_markdown;
    j.description_html = content::render_markdown(in.description_markdown);
  }
  j.apply_url = in.apply_url;
  j.apply_email = in.apply_email;
  j.employer_reference = in.employer_reference;
  j.status = in.status.empty() ? "live" : in.status;
  j.featured = in.featured;
  j.source = in.source;
  j.contract = normalise_contract(in.contract);
  j.hours = normalise_hours(in.hours);

  Salary s = parse_salary(in.salary_text);
  j.salary_text = s.text.empty() ? in.salary_text : s.text;
  j.salary_parsed = s.parsed;
  j.salary_currency = s.currency;
  if (s.parsed) {
    j.salary_min = s.min;
    j.salary_max = s.max;
    j.annual_min = s.annual_min;
    j.annual_max = s.annual_max;
    j.salary_period = s.period == Period::unknown ? "" : to_string(s.period);
    j.salary_pro_rata = s.pro_rata;
  }

  std::string given = in.category;
  // Feeds name categories ("Highways & transport") where Gazette stores slugs.
  for (const auto& c : categories())
    if (c.name == given) given = c.slug;
  if (!given.empty() && !category_name(given).empty()) {
    j.category = given;
    j.category_set_by = "advert";
  } else {
    j.category = classify_job(in.title, j.description_markdown).slug;
    j.category_set_by = "auto";
  }

  j.closing_date = in.closing_date;
  if (j.closing_date.empty()) {
    using namespace std::chrono;
    year_month_day posted{floor<days>(sys_seconds{seconds{j.posted_at}})};
    if (auto d = find_closing_date(j.description_markdown, posted)) j.closing_date = format_day(*d);
  }
  j.closes_at = end_of_day(j.closing_date);
  if (!j.closes_at) j.closing_date.clear();

  j.slug = content::slugify(in.title + " " + in.employer, 90);
  if (j.slug.empty()) j.slug = "job";
  j.reference =
      in.reference.empty() ? content::slugify(in.employer + " " + in.title + " " + in.salary_text, 200) : in.reference;
  return j;
}

}  // namespace gazette::jobs
