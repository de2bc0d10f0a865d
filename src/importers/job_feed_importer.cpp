#include "importers/job_feed_importer.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/text.h"
#include "importers/job_writer.h"
#include "jobs/job.h"
#include "strings/strings.h"

namespace gazette::importers {
namespace {

int line_of(const std::string& text, std::ptrdiff_t offset) {
  if (offset < 0) return 0;
  auto end = text.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(text.size()));
  return 1 + static_cast<int>(std::count(text.begin(), end, '\n'));
}

std::string child_text(const pugi::xml_node& job, const char* name) {
  std::string v = job.child(name).text().get();
  auto b = v.find_first_not_of(" \t\r\n");
  auto e = v.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : v.substr(b, e - b + 1);
}

const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Reads "2024-05-19", "2024-05-19T10:00:00Z" or RFC 822 "Sun, 19 May 2024 10:00:00 GMT" (day precision
// is all the board uses). Returns -1 when it is none of these.
std::int64_t parse_feed_date(const std::string& s) {
  int y = 0, m = 0, d = 0;
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3)
    return content::unix_from_date(y, m, d);
  char mon[4] = {};
  const char* p = s.c_str();
  if (const char* comma = std::strchr(p, ',')) p = comma + 1;
  if (std::sscanf(p, "%d %3s %d", &d, mon, &y) == 3)
    for (int i = 0; i < 12; ++i)
      if (std::string(mon) == kMonths[i]) return content::unix_from_date(y, i + 1, d);
  return -1;
}

std::string iso_day(std::int64_t t) {
  auto p = content::date_parts(t);
  return p.year + "-" + p.month + "-" + p.day;
}

}  // namespace

JobFeedReport import_job_feed_text(store::Connection& db, const std::string& xml, const std::string& source) {
  JobFeedReport report;
  report.file = source;
  pugi::xml_document doc;
  auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_cdata);
  if (!parsed) {
    report.error =
        "line " + std::to_string(line_of(xml, parsed.offset)) + ": not well-formed XML: " + parsed.description();
    return report;
  }
  pugi::xml_node root = doc.child("source");
  if (!root) {
    report.error = "line 1: expected a <source> element containing <job> elements";
    return report;
  }
  const std::int64_t now = std::time(nullptr);
  std::vector<jobs::JobInput> inputs;
  for (pugi::xml_node job : root.children("job")) {
    // Line numbers are worked out only for an error: counting from the start for every advert would
    // make a large feed quadratic.
    const auto line_at = [&] { return line_of(xml, job.offset_debug()); };
    jobs::JobInput in;
    in.title = child_text(job, "title");
    in.reference = child_text(job, "referencenumber");
    in.employer = child_text(job, "company");
    if (in.title.empty() || in.reference.empty() || in.employer.empty()) {
      report.error = "line " + std::to_string(line_at()) + ": a <job> needs <title>, <referencenumber> and <company>";
      return report;
    }
    // Feed references are only unique within their feed; a reference that already names its source
    // (as Gazette's own feed does after one import) is kept as it is.
    if (in.reference.find(':') == std::string::npos) in.reference = "feed:" + in.reference;
    in.apply_url = child_text(job, "url");
    in.location = child_text(job, "city");
    in.region = child_text(job, "state");
    in.salary_text = child_text(job, "salary");
    in.description_markdown = child_text(job, "description");
    in.category = child_text(job, "category");
    std::string type = child_text(job, "jobtype");
    in.contract = type;
    in.hours = type;
    for (const char* tag : {"date", "expirationdate"}) {
      std::string value = child_text(job, tag);
      if (value.empty()) continue;
      std::int64_t t = parse_feed_date(value);
      if (t < 0) {
        report.error = "line " + std::to_string(line_at()) + ": <" + tag + "> is not a date: '" + value + "'";
        return report;
      }
      if (std::string(tag) == "date")
        in.posted_at = t;
      else
        in.closing_date = iso_day(t);
    }
    in.source = source;
    inputs.push_back(std::move(in));
  }
  try {
    store::Transaction tx(db);
    for (const auto& in : inputs) {
      ++report.jobs;
      if (save_job(db, in, now) == store::SaveOutcome::added)
        ++report.added;
      else
        ++report.already_present;
    }
    tx.commit();
    report.ok = true;
  } catch (const std::exception& e) {
    report = JobFeedReport{};
    report.file = source;
    report.error = std::string("nothing imported: ") + e.what();
  }
  return report;
}

JobFeedReport import_job_feed_file(store::Connection& db, const std::string& path) {
  std::string error;
  // The feed of 100k adverts Gazette itself writes is ~60 MB; pugixml holds about three times a file.
  auto text = strings::read_file(path, error, std::size_t(512) << 20);
  if (!text) {
    JobFeedReport r;
    r.file = path;
    r.error = "cannot read file: " + error;
    return r;
  }
  return import_job_feed_text(db, *text, path);
}

}  // namespace gazette::importers
