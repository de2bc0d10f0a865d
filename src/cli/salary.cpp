// `gazette salary parse`: runs the jobs-board salary parser over lines of text, for checking how
// advert salaries will be read (and for bulk checks of importer output).
#include <boost/json.hpp>

#include <charconv>
#include <iostream>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "jobs/salary.h"

namespace gazette::cli {

namespace {

// Shortest round-trip decimal ("25.16", "46142", "0.9"). Boost.JSON's serializer writes doubles in
// exponent form ("2.516E1"), which is valid JSON but unfriendly to people and shell tools.
std::string number(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string("null");
}

std::string number_or_null(const std::optional<double>& v) {
  return v ? number(*v) : "null";
}

// A JSON string literal; Boost.JSON does the escaping (the parser has already made the text valid UTF-8).
std::string json_string(std::string_view s) {
  return boost::json::serialize(boost::json::string_view(s.data(), s.size()));
}

// One line of output, keys in a fixed order.
std::string salary_json(const jobs::Salary& s) {
  std::string qualifiers = "[";
  for (std::size_t i = 0; i < s.qualifiers.size(); ++i) qualifiers += (i ? "," : "") + json_string(s.qualifiers[i]);
  qualifiers += "]";
  std::string period = s.period == jobs::Period::unknown ? "null" : json_string(jobs::to_string(s.period));
  return "{\"text\":" + json_string(s.text) + ",\"parsed\":" + (s.parsed ? "true" : "false") +
         ",\"min\":" + number_or_null(s.min) + ",\"max\":" + number_or_null(s.max) +
         ",\"currency\":" + json_string(s.currency) + ",\"period\":" + period +
         ",\"pro_rata\":" + (s.pro_rata ? "true" : "false") + ",\"qualifiers\":" + qualifiers +
         ",\"confidence\":" + number(s.confidence) + ",\"annual_min\":" + number_or_null(s.annual_min) +
         ",\"annual_max\":" + number_or_null(s.annual_max) + "}";
}

}  // namespace

void register_salary(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("salary", "Salary text tools for the jobs board");
  cmd->require_subcommand(1);
  auto* parse =
      cmd->add_subcommand("parse", "Parse salary strings, one per line on stdin; print one JSON object per line");
  parse->footer(
      "Each input line gives exactly one output line, so output lines up with input (blank lines give an\n"
      "unparsed object with empty text). CRLF line ends are accepted; invalid UTF-8 is replaced by U+FFFD.\n"
      "Fields: text, parsed, min, max, currency, period (hour|day|week|month|year|null), pro_rata,\n"
      "qualifiers, confidence (0..1), annual_min, annual_max. Figures the parser cannot read with\n"
      "confidence >= 0.5 are null and parsed is false. Exit status: 0, or 1 on a read/write error.");
  parse->callback([&g] {
    std::ios::sync_with_stdio(false);
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::cout << salary_json(jobs::parse_salary(line)) << '\n';
    }
    std::cout.flush();
    if (std::cin.bad() || !std::cout) {
      std::cerr << "gazette salary parse: read or write error\n";
      g.exit_code = 1;
    }
  });
}

}  // namespace gazette::cli
