#include "content/text.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <utf8proc.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <mutex>

namespace gazette::content {
namespace {

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
constexpr const char* kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

struct Civil {
  int year;
  unsigned month, day, hour, minute, second, weekday;
};

Civil to_civil(std::int64_t t) {
  using namespace std::chrono;
  sys_seconds s{seconds{t}};
  auto days = floor<std::chrono::days>(s);
  year_month_day ymd{days};
  hh_mm_ss hms{s - days};
  return {int(ymd.year()),
          unsigned(ymd.month()),
          unsigned(ymd.day()),
          unsigned(hms.hours().count()),
          unsigned(hms.minutes().count()),
          unsigned(hms.seconds().count()),
          weekday{days}.c_encoding()};
}

std::string two(unsigned n) {
  return {char('0' + n / 10 % 10), char('0' + n % 10)};
}

}  // namespace

std::string slugify(std::string_view text, size_t max_len) {
  utf8proc_uint8_t* folded = nullptr;
  auto options = utf8proc_option_t(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_COMPAT);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &folded, options);
  std::string src = n >= 0 ? std::string(reinterpret_cast<char*>(folded), static_cast<size_t>(n)) : std::string(text);
  std::free(folded);
  std::string out;
  bool pending_hyphen = false;
  for (size_t i = 0; i < src.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(src[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    // Apostrophes (ASCII and U+2019) join words: "council's" -> "councils".
    if (c == '\'') continue;
    if (c == 0xE2 && i + 2 < src.size() && static_cast<unsigned char>(src[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(src[i + 2]) == 0x99 || static_cast<unsigned char>(src[i + 2]) == 0x98)) {
      i += 2;
      continue;
    }
    if (alnum) {
      if (pending_hyphen && !out.empty()) out.push_back('-');
      pending_hyphen = false;
      out.push_back(static_cast<char>(c));
    } else {
      pending_hyphen = true;
    }
  }
  if (out.size() > max_len) {
    size_t cut = out.rfind('-', max_len);
    out.resize(cut == std::string::npos || cut == 0 ? max_len : cut);
  }
  return out;
}

std::int64_t unix_from_date(int year, int month, int day) {
  using namespace std::chrono;
  year_month_day ymd{std::chrono::year{year}, std::chrono::month{unsigned(month)}, std::chrono::day{unsigned(day)}};
  if (!ymd.ok()) return -1;
  return sys_days{ymd}.time_since_epoch().count() * 86400LL;
}

std::string_view month_name(int month) {
  return month >= 1 && month <= 12 ? kMonths[month - 1] : std::string_view();
}

std::string format_uk_date(std::int64_t t) {
  Civil c = to_civil(t);
  return std::to_string(c.day) + " " + kMonths[c.month - 1] + " " + std::to_string(c.year);
}

std::string format_iso8601(std::int64_t t) {
  Civil c = to_civil(t);
  return std::to_string(c.year) + "-" + two(c.month) + "-" + two(c.day) + "T" + two(c.hour) + ":" + two(c.minute) +
         ":" + two(c.second) + "Z";
}

std::string format_rfc1123(std::int64_t t) {
  Civil c = to_civil(t);
  return std::string(kDays[c.weekday]) + ", " + two(c.day) + " " + std::string(kShortMonths[c.month - 1]) + " " +
         std::to_string(c.year) + " " + two(c.hour) + ":" + two(c.minute) + ":" + two(c.second) + " GMT";
}

DateParts date_parts(std::int64_t t) {
  Civil c = to_civil(t);
  return {std::to_string(c.year), two(c.month), two(c.day)};
}

std::string render_markdown(std::string_view markdown) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"})
    if (auto* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

std::vector<std::string_view> split_spaces(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

int count_words(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    bool part = std::isalnum(c) || c >= 0x80 || c == '\'';
    if (part && !in_word) ++words;
    in_word = part;
  }
  return words;
}

}  // namespace gazette::content
