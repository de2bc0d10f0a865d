#include "importers/job_table_importer.h"

#include <csv.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "content/html_sanitiser.h"
#include "content/text.h"
#include "strings/strings.h"

namespace gazette::importers {
namespace {

// "Job Title", "job_title", "JOB-TITLE" -> "jobtitle".
std::string header_key(std::string_view header) {
  std::string out;
  for (char c : header) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Header keys the importer knows, by field.
const std::map<std::string, std::string>& known_headers() {
  static const std::map<std::string, std::string> known = {
      {"title", "title"},
      {"jobtitle", "title"},
      {"vacancy", "title"},
      {"vacancytitle", "title"},
      {"position", "title"},
      {"role", "title"},
      {"employer", "employer"},
      {"company", "employer"},
      {"organisation", "employer"},
      {"organization", "employer"},
      {"council", "employer"},
      {"reference", "reference"},
      {"ref", "reference"},
      {"referencenumber", "reference"},
      {"jobreference", "reference"},
      {"vacancyreference", "reference"},
      {"id", "reference"},
      {"jobid", "reference"},
      {"location", "location"},
      {"city", "location"},
      {"town", "location"},
      {"region", "region"},
      {"state", "region"},
      {"county", "region"},
      {"salary", "salary"},
      {"pay", "salary"},
      {"salaryrange", "salary"},
      {"contract", "contract"},
      {"contracttype", "contract"},
      {"hours", "hours"},
      {"workinghours", "hours"},
      {"jobtype", "jobtype"},
      {"category", "category"},
      {"closingdate", "closing_date"},
      {"closes", "closing_date"},
      {"expirationdate", "closing_date"},
      {"expirydate", "closing_date"},
      {"posted", "posted"},
      {"posteddate", "posted"},
      {"date", "posted"},
      {"dateposted", "posted"},
      {"description", "description"},
      {"jobdescription", "description"},
      {"summary", "description"},
      {"url", "url"},
      {"applyurl", "url"},
      {"link", "url"},
      {"email", "email"},
      {"applyemail", "email"},
  };
  return known;
}

struct Table {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;  // the line each row ends on
  std::vector<std::string> current;
  std::string field;
  int line = 1;
};

void on_field(void* data, std::size_t len, void* table) {
  auto* t = static_cast<Table*>(table);
  t->current.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
}

void on_record(int, void* table) {
  auto* t = static_cast<Table*>(table);
  t->rows.push_back(std::move(t->current));
  t->lines.push_back(t->line);
  t->current.clear();
}

// DD/MM/YYYY (UK exports), YYYY-MM-DD, or an RFC 822 date -> Unix time; -1 when none of these.
std::int64_t parse_table_date(const std::string& s) {
  int d = 0, m = 0, y = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%d/%d/%d%c", &d, &m, &y, &tail) == 3) return content::unix_from_date(y, m, d);
  if (s.size() == 10 && s[4] == '-' && std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3)
    return content::unix_from_date(y, m, d);
  return -1;
}

std::string iso_day(std::int64_t t) {
  const auto p = content::date_parts(t);
  return p.year + "-" + p.month + "-" + p.day;
}

}  // namespace

const std::vector<std::string>& job_table_fields() {
  static const std::vector<std::string> fields = {"title",        "employer", "reference",   "location", "region",
                                                  "salary",       "contract", "hours",       "jobtype",  "category",
                                                  "closing_date", "posted",   "description", "url",      "email"};
  return fields;
}

std::optional<std::map<std::string, std::string>> parse_column_map(std::string_view spec, std::string& error) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start < spec.size()) {
    std::size_t end = spec.find(',', start);
    if (end == std::string_view::npos) end = spec.size();
    const std::string_view pair = strings::trim(spec.substr(start, end - start));
    start = end + 1;
    if (pair.empty()) continue;
    const std::size_t eq = pair.rfind('=');
    if (eq == std::string_view::npos) {
      error = "'" + std::string(pair) + "' is not HEADER=field";
      return std::nullopt;
    }
    const std::string header = header_key(strings::trim(pair.substr(0, eq)));
    const std::string field(strings::trim(pair.substr(eq + 1)));
    const auto& fields = job_table_fields();
    if (header.empty() || std::find(fields.begin(), fields.end(), field) == fields.end()) {
      std::string list;
      for (const auto& f : fields) list += (list.empty() ? "" : ", ") + f;
      error = "'" + std::string(pair) + "': the field must be one of " + list;
      return std::nullopt;
    }
    out[header] = field;
  }
  return out;
}

JobTableReport import_job_table_text(store::Connection& db, const std::string& text, char delimiter,
                                     const std::map<std::string, std::string>& mapping, const std::string& source) {
  JobTableReport report;
  report.feed.file = source;
  auto fail = [&](int line, const std::string& why) {
    report.feed.error = "line " + std::to_string(line) + ": " + why;
    return report;
  };
  if (const std::size_t valid = strings::valid_utf8_prefix(text); valid != text.size()) {
    return fail(1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(valid), '\n')),
                "invalid UTF-8; save the export as UTF-8 and retry");
  }
  // libcsv reads the fields; it is fed a line at a time so each record knows the line it ends on.
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    return fail(0, "cannot start the CSV reader");
  csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
  Table table;
  std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a byte-order mark
  bool parse_error = false;
  while (start < text.size() && !parse_error) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    if (csv_parse(&parser, text.data() + start, end - start, on_field, on_record, &table) != end - start)
      parse_error = true;
    else
      ++table.line;
    start = end;
  }
  // What csv_fini completes (a last line without a newline, an open quote) is on the last line.
  if (!parse_error) table.line = std::max(1, table.line - 1);
  if (!parse_error && csv_fini(&parser, on_field, on_record, &table) != 0) parse_error = true;
  const std::string why = parse_error ? csv_strerror(csv_error(&parser)) : "";
  csv_free(&parser);
  if (parse_error)
    return fail(table.line, "not a well-formed " + std::string(delimiter == '\t' ? "TSV" : "CSV") + " file: " + why);
  if (table.rows.empty()) return fail(1, "no header row");

  // Header -> field, the mapping first.
  const auto& header = table.rows.front();
  std::vector<std::string> field_of(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string key = header_key(header[c]);
    if (auto m = mapping.find(key); m != mapping.end())
      field_of[c] = m->second;
    else if (auto k = known_headers().find(key); k != known_headers().end())
      field_of[c] = k->second;
    else if (!key.empty())
      report.ignored_columns.push_back(header[c]);
  }
  for (const char* required : {"title", "employer"}) {
    if (std::find(field_of.begin(), field_of.end(), required) == field_of.end())
      return fail(table.lines.front(), std::string("the header has no column for ") + required +
                                           " (name it with --map \"HEADER=" + required + "\")");
  }
  std::vector<jobs::JobInput> inputs;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    const int line = table.lines[r];
    if (row.size() == 1 && strings::trim(row[0]).empty()) continue;  // a blank line
    if (row.size() != header.size())
      return fail(line, "the row has " + std::to_string(row.size()) + " fields; the header has " +
                            std::to_string(header.size()));
    jobs::JobInput in;
    std::string posted, closing;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string value(strings::trim(row[c]));
      const std::string& f = field_of[c];
      if (f == "title")
        in.title = value;
      else if (f == "employer")
        in.employer = value;
      else if (f == "reference")
        in.reference = value.empty() ? "" : "table:" + value;
      else if (f == "location")
        in.location = value;
      else if (f == "region")
        in.region = value;
      else if (f == "salary")
        in.salary_text = value;
      else if (f == "contract")
        in.contract = value;
      else if (f == "hours")
        in.hours = value;
      else if (f == "jobtype")
        in.contract = in.hours = value;
      else if (f == "category")
        in.category = value;
      else if (f == "closing_date")
        closing = value;
      else if (f == "posted")
        posted = value;
      else if (f == "url")
        in.apply_url = value;
      else if (f == "email")
        in.apply_email = value;
      else if (f == "description") {
        if (content::looks_like_html(value))
          in.description_html = value;
        else
          in.description_markdown = value;
      }
    }
    if (in.title.empty() || in.employer.empty()) return fail(line, "a row needs a title and an employer");
    if (!posted.empty()) {
      in.posted_at = parse_table_date(posted);
      if (in.posted_at < 0) return fail(line, "the posted date is not a date: '" + posted + "'");
    }
    if (!closing.empty()) {
      const std::int64_t t = parse_table_date(closing);
      if (t < 0) return fail(line, "the closing date is not a date: '" + closing + "' (use DD/MM/YYYY or YYYY-MM-DD)");
      in.closing_date = iso_day(t);
    }
    in.source = source;
    inputs.push_back(std::move(in));
  }
  report.feed = store_adverts(db, inputs, source);
  return report;
}

JobTableReport import_job_table_file(store::Connection& db, const std::string& path,
                                     const std::map<std::string, std::string>& mapping) {
  std::string error;
  auto text = strings::read_file(path, error, std::size_t(512) << 20);
  if (!text) {
    JobTableReport r;
    r.feed.file = path;
    r.feed.error = "cannot read file: " + error;
    return r;
  }
  const bool tsv = path.ends_with(".tsv") || path.ends_with(".tab");
  return import_job_table_text(db, *text, tsv ? '\t' : ',', mapping, path);
}

}  // namespace gazette::importers
