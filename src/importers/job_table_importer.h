// Imports job adverts from CSV or TSV exports (an applicant-tracking system's "export vacancies"),
// one advert a row under a header row that names the columns.
//
// Columns are matched to advert fields by their header (case, spaces, '_' and '-' ignored): title
// ("Job title", "Vacancy"), employer ("Company", "Organisation"), reference, location ("City",
// "Town"), region, salary, contract, hours, job type, category, closing date, posted date,
// description (HTML is kept sanitised), url, email. A header the importer does not know is mapped with
// --map "Header name=field"; other unknown columns are reported and ignored.
//
// All or nothing, like the XML feeds: a file with no title or employer column, a row with a different
// number of fields from the header, a row without title or employer, or a date that cannot be read is
// rejected with its line, and nothing from the file is written. Rows already imported (same
// reference, or the same employer, title and salary) are left as they are.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/job_feed_importer.h"
#include "store/connection.h"

namespace gazette::importers {

// Header name (as written) -> field name, from "Vacancy Title=title,Org=employer". Refuses a field
// that is not one of job_table_fields(); `error` then says which.
std::optional<std::map<std::string, std::string>> parse_column_map(std::string_view spec, std::string& error);

// The field names a column can be mapped to.
const std::vector<std::string>& job_table_fields();

struct JobTableReport {
  JobFeedReport feed;                        // the counts, or the error
  std::vector<std::string> ignored_columns;  // headers matched to no field
};

// `delimiter` is ',' for CSV, '\t' for TSV.
JobTableReport import_job_table_text(store::Connection& db, const std::string& text, char delimiter,
                                     const std::map<std::string, std::string>& mapping, const std::string& source);

// Reads `path` (CSV unless it ends in .tsv or .tab) and imports it.
JobTableReport import_job_table_file(store::Connection& db, const std::string& path,
                                     const std::map<std::string, std::string>& mapping);

}  // namespace gazette::importers
