// CSV as RFC 4180 writes it (and as spreadsheets export it): fields separated by a delimiter, quoted
// with double quotes when they hold the delimiter, a quote or a line break ("" inside quotes is one
// quote), records ended by CRLF or LF. Used by the subscriber import and export.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::strings {

struct CsvError {
  std::size_t line = 0;  // 1-based line where the bad record starts
  std::string message;
};

// Calls on_record(fields, line) for each record; a blank line is skipped. Returns the first
// structural error (an unclosed quote, text after a closing quote), or nullopt when the whole text was
// read. on_record may return false to stop early.
std::optional<CsvError> read_csv(std::string_view text, char delimiter,
                                 const std::function<bool(const std::vector<std::string>&, std::size_t)>& on_record);

// One field as CSV: quoted when needed; a field starting with = + - @ is prefixed with ' so a
// spreadsheet does not run it as a formula.
std::string csv_field(std::string_view value, char delimiter = ',');

}  // namespace gazette::strings
