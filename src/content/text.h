// Text helpers for content: slugs, dates in house style, Markdown rendering, word counts.
// Pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::content {

// A URL slug: accents stripped, lowercase ASCII letters and digits joined by single hyphens, at most
// `max_len` characters, cut at a word boundary. Apostrophes vanish ("We're" -> "were"). May be empty.
std::string slugify(std::string_view text, size_t max_len = 80);

// Unix seconds for a calendar date at 00:00 UTC; -1 when the date does not exist.
std::int64_t unix_from_date(int year, int month, int day);

// "January" for 1 ... "December" for 12; empty for any other number.
std::string_view month_name(int month);

// "19 May 2022" (UTC).
std::string format_uk_date(std::int64_t unix_seconds);
// "2022-05-19T08:30:00Z".
std::string format_iso8601(std::int64_t unix_seconds);
// "Thu, 19 May 2022 08:30:00 GMT" (RSS pubDate and HTTP dates).
std::string format_rfc1123(std::int64_t unix_seconds);
// {"2022", "05", "19"} for URLs.
struct DateParts {
  std::string year, month, day;
};
DateParts date_parts(std::int64_t unix_seconds);

// Renders GitHub-flavoured Markdown to HTML with cmark-gfm in safe mode: raw HTML is dropped and
// javascript:/data: links are emptied, so the output is safe to embed unescaped.
std::string render_markdown(std::string_view markdown);

// Words in plain or Markdown text (runs of letters/digits).
int count_words(std::string_view text);

// The runs of `text` between single spaces, empty runs skipped ("a  b" -> {"a", "b"}). Views into `text`.
std::vector<std::string_view> split_spaces(std::string_view text);

}  // namespace gazette::content
