#include "strings/csv.h"

namespace gazette::strings {

std::optional<CsvError> read_csv(std::string_view text, char delimiter,
                                 const std::function<bool(const std::vector<std::string>&, std::size_t)>& on_record) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a spreadsheet's byte-order mark
  std::vector<std::string> fields;
  std::string field;
  std::size_t line = 1, record_line = 1;
  std::size_t i = 0;
  bool any = false;  // the record has a character (a lone line break is a blank line)
  auto end_record = [&]() -> bool {
    fields.push_back(std::move(field));
    field.clear();
    bool go_on = true;
    if (any) go_on = on_record(fields, record_line);
    fields.clear();
    any = false;
    return go_on;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && field.empty()) {
      // A quoted field: up to the closing quote, "" standing for one quote.
      any = true;
      const std::size_t opened = line;
      ++i;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (text[i] == '\n') ++line;
        field.push_back(text[i++]);
      }
      if (!closed) return CsvError{opened, "a quoted field is not closed"};
      if (i < text.size() && text[i] != delimiter && text[i] != '\n' && text[i] != '\r')
        return CsvError{line, "text after the closing quote of a field"};
      if (field.empty()) field = std::string();  // "" is an empty field, still a field
      continue;
    }
    if (c == delimiter) {
      any = true;
      fields.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      if (!end_record()) return std::nullopt;
      ++line;
      record_line = line;
    } else {
      any = true;
      field.push_back(c);
      ++i;
    }
  }
  if (any || !field.empty()) end_record();
  return std::nullopt;
}

std::string csv_field(std::string_view value, char delimiter) {
  std::string v(value);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(v.begin(), '\'');
  if (v.find_first_of(std::string{'"', '\n', '\r', delimiter}) == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace gazette::strings
