#include "jobs/advert_checks.h"

#include <boost/url/parse.hpp>

#include <chrono>
#include <cstdio>

#include "content/text.h"
#include "jobs/categories.h"
#include "jobs/closing_date.h"
#include "jobs/salary.h"
#include "strings/strings.h"

namespace gazette::jobs {
namespace {

constexpr std::size_t kMaxLine = 300;
constexpr std::size_t kMaxDescription = 50000;

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// `phrase` in `text` (both lower case) as whole words.
bool has_words(const std::string& text, std::string_view phrase) {
  for (std::size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
    const bool start = at == 0 || !is_word_char(text[at - 1]);
    const std::size_t end = at + phrase.size();
    if (start && (end >= text.size() || !is_word_char(text[end]))) return true;
  }
  return false;
}

// "35k", "£30,000", "per annum": pay written in the title.
bool salary_in(const std::string& lower) {
  if (lower.find("\xc2\xa3") != std::string::npos) return true;  // £
  for (std::string_view w : {"per annum", "pro rata", "p.a.", "per hour", "salary"})
    if (has_words(lower, w)) return true;
  for (std::size_t i = 1; i < lower.size(); ++i)
    if (lower[i] == 'k' && lower[i - 1] >= '0' && lower[i - 1] <= '9' &&
        (i + 1 == lower.size() || !is_word_char(lower[i + 1])))
      return true;
  return parse_salary(lower).parsed;
}

// "Permanent", "Fixed term", "Part-time": what the contract and hours fields say.
bool contract_in(const std::string& lower) {
  for (std::string_view w : {"permanent", "perm", "fixed term", "fixed-term", "ftc", "temporary", "temp", "full time",
                             "full-time", "part time", "part-time", "maternity cover"})
    if (has_words(lower, w)) return true;
  return false;
}

std::string uk_day(std::int64_t closes_at) {
  return content::format_uk_date(closes_at - 86400);
}

}  // namespace

std::optional<std::int64_t> closing_time(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (date[i] < '0' || date[i] > '9') return std::nullopt;
  y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  m = (date[5] - '0') * 10 + (date[6] - '0');
  d = (date[8] - '0') * 10 + (date[9] - '0');
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < 1970) return std::nullopt;
  return content::unix_from_date(y, m, d) + 86400;
}

bool is_web_address(std::string_view url) {
  if (url.empty() || url.size() > 2000) return false;
  for (unsigned char c : url)
    if (c <= 0x20 || c == 0x7f) return false;
  auto u = boost::urls::parse_absolute_uri(url);
  if (!u) return false;
  const std::string scheme = strings::lower_ascii(u->scheme());
  return (scheme == "http" || scheme == "https") && u->has_authority() && !u->encoded_host().empty() &&
         !u->has_userinfo();
}

bool is_email_address(std::string_view email) {
  const auto at = email.find('@');
  if (email.size() > 254 || at == std::string_view::npos || at == 0 || at + 1 >= email.size() ||
      email.find('@', at + 1) != std::string_view::npos || email.find('.', at) == std::string_view::npos)
    return false;
  for (unsigned char c : email)
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '?' || c == '&' || c == '/' || c == '\\' ||
        c == ',' || c == ';' || c == ':')
      return false;
  return true;
}

bool direct_apply(const Job& j) {
  return j.reference.starts_with(kNewsroomReferencePrefix) && (!j.apply_url.empty() || !j.apply_email.empty());
}

bool blocks(const std::vector<AdvertProblem>& problems) {
  for (const auto& p : problems)
    if (p.blocking) return true;
  return false;
}

std::vector<AdvertProblem> check_advert(const AdvertFields& f, std::int64_t now) {
  std::vector<AdvertProblem> out;
  auto add = [&](const char* field, std::string message, bool blocking = true) {
    out.push_back({field, std::move(message), blocking});
  };
  const std::string title(strings::trim(f.title));
  const std::string lower_title = strings::lower_ascii(title);
  if (title.empty())
    add("title", "Give the advert a title: the job's name, such as \"Senior planning officer\".");
  else if (title.size() > kMaxLine)
    add("title", "The title is too long: keep it under " + std::to_string(kMaxLine) + " characters.");
  if (!title.empty() && salary_in(lower_title))
    add("title", "The title seems to give the salary: put pay in the Salary field and keep the title to the job.");
  if (!title.empty() && contract_in(lower_title))
    add("title",
        "The title seems to give the contract or hours: choose them in the Contract and Hours fields and keep the "
        "title to the job.");

  if (strings::trim(f.location).empty())
    add("location", "Say where the job is based: a town, a council's area, or \"Remote\".");
  else if (f.location.size() > kMaxLine || f.region.size() > kMaxLine)
    add("location", "The location is too long.");

  const std::string salary(strings::trim(f.salary_text));
  if (salary.size() > kMaxLine)
    add("salary", "The salary is too long.");
  else if (!salary.empty() && !parse_salary(salary).parsed)
    add("salary",
        "The salary cannot be read as figures, so the advert will be left out of salary searches. Write it like "
        "\"\xc2\xa3"
        "32,000 - \xc2\xa3"
        "36,000 a year\" or \"\xc2\xa3"
        "18.50 an hour\".",
        false);
  else if (salary.empty())
    add("salary", "No salary given: adverts without one are left out of salary searches.", false);

  if (!f.contract.empty() && normalise_contract(f.contract) != f.contract)
    add("contract", "Choose a contract from the list.");
  if (!f.hours.empty() && normalise_hours(f.hours) != f.hours) add("hours", "Choose the hours from the list.");
  if (!f.category.empty() && category_name(f.category).empty()) add("category", "Choose a category from the list.");

  const std::string date(strings::trim(f.closing_date));
  if (!date.empty()) {
    auto closes = closing_time(date);
    if (!closes)
      add("closing_date", "Write the closing date as a date, YYYY-MM-DD (for example 2027-03-31).");
    else if (*closes <= now)
      add("closing_date", "The closing date, " + uk_day(*closes) + ", has passed: choose a later one.");
  } else {
    using namespace std::chrono;
    const year_month_day today{floor<days>(sys_seconds{seconds{now}})};
    if (auto found = find_closing_date(f.description, today)) {
      const std::int64_t closes =
          content::unix_from_date(int(found->year()), int(unsigned(found->month())), int(unsigned(found->day()))) +
          86400;
      if (closes <= now)
        add("closing_date", "The description gives a closing date, " + uk_day(closes) +
                                ", that has passed: give a later closing date here or correct the text.");
    }
  }

  if (strings::trim(f.description).empty())
    add("description", "Describe the job: what it involves, who it suits and how to apply.");
  else if (f.description.size() > kMaxDescription)
    add("description", "The description is too long: keep it under 50,000 characters.");

  const std::string url(strings::trim(f.apply_url)), email(strings::trim(f.apply_email));
  if (url.empty() && email.empty())
    add("apply_url",
        "Give a way to apply: the web address of the application form, or an email address. An advert without one "
        "cannot be published.");
  if (!url.empty() && !is_web_address(url))
    add("apply_url", "The application address must be a web address starting with http:// or https://.");
  if (!email.empty() && !is_email_address(email)) add("apply_email", "The application email is not an email address.");
  if (f.employer_reference.size() > kMaxLine) add("employer_reference", "The reference is too long.");
  return out;
}

}  // namespace gazette::jobs
