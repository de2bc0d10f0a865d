// Job advert types shared by importers, the store, the search index and the web layer. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::jobs {

// An advert as an importer (or later the newsroom) supplies it. Empty fields are unknown; the
// salary, category and closing date are derived when not given (see prepare_job in job.cpp).
struct JobInput {
  std::string reference;  // stable identity; derived from employer + title + salary when empty
  std::string title;
  std::string employer;
  std::string location;
  std::string region;
  std::string salary_text;
  std::string contract;      // permanent, fixed-term, temporary, secondment, interim, or empty
  std::string hours;         // full-time, part-time, flexible, or empty
  std::string category;      // category slug; classified from title and description when empty
  std::string closing_date;  // YYYY-MM-DD; read from the description's prose when empty
  std::int64_t posted_at = 0;
  std::string description_markdown;
  // HTML from outside (a feed's CDATA description): kept only through content::sanitise_html, with its
  // text as description_markdown when that is empty.
  std::string description_html;
  std::string apply_url;
  std::string apply_email;
  std::string employer_reference;
  std::string status = "live";
  bool featured = false;
  std::string source;
};

struct Job {
  std::int64_t id = 0;
  std::string reference, slug, title;
  std::int64_t employer_id = 0;
  std::string employer, employer_slug;
  std::int64_t council_id = 0;
  std::string council_slug, council_name;
  std::string location, region;
  std::string salary_text;
  bool salary_parsed = false;
  std::optional<double> salary_min, salary_max, annual_min, annual_max;
  std::string salary_currency = "GBP", salary_period;
  bool salary_pro_rata = false;
  std::string contract, hours, category, category_set_by;
  std::string closing_date;
  std::optional<std::int64_t> closes_at;
  std::int64_t posted_at = 0;
  std::string description_markdown, description_html;
  std::string apply_url, apply_email, employer_reference;
  std::string status;
  bool featured = false;
  std::string source;
  std::int64_t updated_at = 0;

  // Live: status "live" and not past the closing date at `now`.
  bool is_live(std::int64_t now) const { return status == "live" && (!closes_at || *closes_at > now); }
};

// The reference readers and aggregators see for an advert: its number on this site, unique and never
// reused (an employer's own reference, shown beside it, may repeat another employer's). The job page
// shows it and the job feed's <referencenumber> carries it.
inline std::string shown_reference(const Job& j) {
  return std::to_string(j.id);
}

// Normalises free-text contract and hours words ("Full Time", "Fixed Term Contract", "Perm") to the
// controlled values; returns "" when the text says nothing recognisable.
std::string normalise_contract(std::string_view text);
std::string normalise_hours(std::string_view text);

// Completes an advert: parses the salary, classifies the category when the advert gives none (or an
// unknown one), reads a closing date from the description's prose when none is given, renders the
// description (cmark-gfm, safe mode), and derives the slug and a stable reference. Pure.
Job prepare_job(const JobInput& in, std::int64_t now);

}  // namespace gazette::jobs
