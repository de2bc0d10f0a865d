#include "jobs/advert_details.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "jobs/job.h"
#include "strings/strings.h"

namespace gazette::jobs {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Splits on the punctuation that separates short facts in a job box: . , ; | ( ) and a '£' that
// starts a figure glued to the words before it ("Full Time£31,931").
std::vector<std::string> segments(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    const std::string_view t = strings::trim(current);
    if (!t.empty()) out.emplace_back(t);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool decimal_point =
        c == '.' && i > 0 && i + 1 < text.size() && is_digit(text[i - 1]) && is_digit(text[i + 1]);
    if ((c == '.' && !decimal_point) || c == ',' || c == ';' || c == '|' || c == '(' || c == ')' || c == '\n') {
      flush();
    } else if (text.substr(i, 2) == "\xC2\xA3") {
      flush();
      current += "\xC2\xA3";
      ++i;
    } else {
      current += c;
    }
  }
  flush();
  return out;
}

// "18.5 hours", "37 hrs per week", "22.5 hours a week": the number of hours, or nothing.
std::optional<double> weekly_hours(std::string_view segment) {
  const auto w = words_of(segment);
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    const std::string unit = strings::lower_ascii(w[i + 1]);
    if (unit != "hours" && unit != "hrs" && unit != "hour" && unit != "hrs.") continue;
    const std::string_view n = w[i];
    if (n.empty() || n.size() > 5 || !is_digit(n[0])) continue;
    double value = 0, scale = 0;
    bool ok = true;
    for (char c : n) {
      if (c == '.' && scale == 0) {
        scale = 1;
      } else if (is_digit(c)) {
        if (scale == 0) {
          value = value * 10 + (c - '0');
        } else {
          scale /= 10;
          value += (c - '0') * scale;
        }
      } else {
        ok = false;
      }
    }
    // A week has at most 48 contracted hours; "100 hours" is something else.
    if (ok && value > 0 && value <= 48) return value;
  }
  return std::nullopt;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Explicit contract phrases that may stand inside a sentence.
std::string contract_in_prose(const std::string& lower) {
  if (contains(lower, "secondment")) return "secondment";
  if (contains(lower, "fixed term") || contains(lower, "fixed-term")) return "fixed-term";
  if (contains(lower, "interim ") && (contains(lower, "interim role") || contains(lower, "interim contract")))
    return "interim";
  if (contains(lower, "temporary contract") || contains(lower, "temporary role") || contains(lower, "temporary post"))
    return "temporary";
  if (contains(lower, "permanent contract") || contains(lower, "permanent role") || contains(lower, "permanent post") ||
      contains(lower, "permanent position"))
    return "permanent";
  return "";
}

// A segment made only of contract and hours words ("Permanent", "Fixed Term", "Full Time",
// "12 month fixed term contract", "18.5 hours per week"), so "Temporary accommodation" is not one.
bool is_terms_phrase(const std::string& segment) {
  static constexpr std::array<std::string_view, 34> kVocabulary = {
      "permanent", "perm",  "fixed",    "term",  "fixed-term", "temporary", "temp",      "contract", "secondment",
      "interim",   "locum", "full",     "part",  "time",       "full-time", "part-time", "fulltime", "parttime",
      "job",       "share", "flexible", "post",  "role",       "basis",     "a",         "on",       "months",
      "month",     "year",  "years",    "hours", "hrs",        "per",       "week"};
  const std::string lower = strings::lower_ascii(segment);  // the words below point into it
  const auto w = words_of(lower);
  if (w.empty() || w.size() > 6) return false;
  return std::all_of(w.begin(), w.end(), [](std::string_view word) {
    return is_digit(word[0]) || std::find(kVocabulary.begin(), kVocabulary.end(), word) != kVocabulary.end();
  });
}

bool joining_word(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kJoin = {"upon", "on", "under", "the", "and", "in", "le"};
  return std::find(kJoin.begin(), kJoin.end(), w) != kJoin.end();
}

}  // namespace

std::string trailing_location(std::string_view snippet) {
  std::string_view s = strings::trim(snippet);
  // The tail after the last sentence end ("." or an ellipsis).
  std::size_t cut = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '.' || s[i] == '!' || s[i] == '?') cut = i + 1;
  }
  if (const std::size_t e = s.rfind("\xE2\x80\xA6"); e != std::string_view::npos && e + 3 > cut) cut = e + 3;
  const std::string_view tail = strings::trim(s.substr(cut));
  if (tail.empty() || tail.size() > 60 || cut == 0) return "";
  if (std::count(tail.begin(), tail.end(), ',') > 1) return "";
  const auto w = words_of(tail);
  if (w.empty() || w.size() > 5) return "";
  for (std::size_t i = 0; i < w.size(); ++i) {
    std::string_view word = w[i];
    if (!word.empty() && word.back() == ',') word.remove_suffix(1);
    if (word.empty()) return "";
    if (joining_word(word) && i > 0 && i + 1 < w.size()) continue;
    if (!is_upper(word[0])) return "";
    for (char c : word) {
      if (is_digit(c) || c == '\xC2') return "";  // figures and '£' are not places
    }
  }
  // A contract or hours phrase standing last ("Full Time") is not a place.
  if (!normalise_contract(tail).empty() || !normalise_hours(tail).empty()) return "";
  static constexpr std::array<std::string_view, 6> kNotPlaces = {"Location",  "Apply now", "Read more",
                                                                 "Job Title", "Hybrid",    "Remote"};
  for (std::string_view n : kNotPlaces) {
    if (strings::iequals(tail, n)) return "";
  }
  return std::string(tail);
}

AdvertDetails read_advert_details(std::string_view salary_line, std::string_view snippet) {
  AdvertDetails d;
  d.location = trailing_location(snippet);
  for (std::string_view text : {salary_line, snippet}) {
    for (const std::string& seg : segments(text)) {
      const bool terms = is_terms_phrase(seg);
      if (d.contract.empty() && terms) d.contract = normalise_contract(seg);
      if (d.hours.empty() && terms) d.hours = normalise_hours(seg);
      if (!d.hours_per_week) d.hours_per_week = weekly_hours(seg);
    }
    const std::string lower = strings::lower_ascii(text);
    if (d.contract.empty()) d.contract = contract_in_prose(lower);
    // "part time" and "full time" say the same in a sentence as on their own.
    if (d.hours.empty() && (contains(lower, "part time") || contains(lower, "part-time"))) d.hours = "part-time";
    if (d.hours.empty() && (contains(lower, "full time") || contains(lower, "full-time"))) d.hours = "full-time";
  }
  if (d.hours.empty() && d.hours_per_week) d.hours = *d.hours_per_week >= 35 ? "full-time" : "part-time";
  return d;
}

}  // namespace gazette::jobs
