#include "content/editing.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>

#include "content/text.h"
#include "councils/tagging.h"
#include "search/related.h"
#include "store/content_store.h"
#include "strings/strings.h"

namespace gazette::content {

ArticleForm form_of(const Article& a) {
  ArticleForm f;
  f.headline = a.headline;
  f.standfirst = a.standfirst;
  f.body = a.body_markdown;
  std::vector<std::string> names;
  for (const auto& au : a.authors) names.push_back(au.name);
  f.byline = join_names(names);
  names.clear();
  for (const auto& t : a.tags) names.push_back(t.name);
  f.tags = join_names(names);
  f.section = a.section.name;
  f.status = to_string(a.status);
  f.published = form_time(a.published_at);
  return f;
}

std::vector<std::string> section_choices(const std::vector<Section>& sections) {
  std::vector<std::string> out;
  for (const auto& s : sections) out.push_back(s.name);
  if (out.empty()) out = {"News", "Comment", "Features", "Best practice"};
  return out;
}

std::optional<std::int64_t> parse_form_time(const std::string& s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  char t = 0;
  int used = 0;
  const int n = std::sscanf(s.c_str(), "%4d-%2d-%2d%c%2d:%2d%n:%2d%n", &y, &mo, &d, &t, &h, &mi, &used, &sec, &used);
  if (n < 6 || (t != 'T' && t != ' ') || static_cast<std::size_t>(used) != s.size()) return std::nullopt;
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 ||
      sec > 59)
    return std::nullopt;
  const std::int64_t day = unix_from_date(y, mo, d);
  if (day < 0 || format_iso8601(day).substr(0, 10) != s.substr(0, 10)) return std::nullopt;  // 31 February
  return day + h * 3600 + mi * 60 + sec;
}

std::string form_time(std::int64_t t) {
  return format_iso8601(t).substr(0, 16);
}

std::vector<std::string> split_names(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto comma = list.find(',', start);
    std::string part(strings::trim(
        std::string_view(list).substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    if (!part.empty() && std::find(out.begin(), out.end(), part) == out.end()) out.push_back(std::move(part));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string check_article_form(const ArticleForm& v, const std::vector<std::string>& sections, std::int64_t now,
                               ArticleInput& in) {
  in.headline = std::string(strings::trim(v.headline));
  in.standfirst = v.standfirst;
  in.body_markdown = v.body;
  in.authors = split_names(v.byline);
  in.tags = split_names(v.tags);
  in.section = v.section;
  if (in.headline.empty()) return "The headline cannot be empty.";
  if (strings::utf8_length(in.headline) > kMaxHeadlineChars) return "The headline is longer than 300 characters.";
  if (in.headline.find('\n') != std::string::npos) return "The headline must be one line.";
  if (in.standfirst.size() > kMaxStandfirstBytes) return "The standfirst is longer than 2,000 characters.";
  if (in.body_markdown.size() > kMaxBodyBytes) return "The body is longer than 300,000 bytes.";
  if (v.byline.size() > kMaxListFieldBytes || v.tags.size() > kMaxListFieldBytes)
    return "The byline or tags are longer than 1,000 characters.";
  if (!parse_status(v.status, in.status)) return "Choose a status: published, scheduled or draft.";
  if (std::find(sections.begin(), sections.end(), in.section) == sections.end())
    return "Choose one of the sections listed.";
  if (const std::string typed(strings::trim(v.published)); !typed.empty()) {
    auto t = parse_form_time(typed);
    if (!t) return "The publication time must be a date and time such as 2025-03-04T09:30.";
    in.published_at = *t;
  }
  if (in.status == Status::scheduled && in.published_at <= now)
    return "A scheduled article needs a publication time in the future.";
  return {};
}

std::int64_t publication_time_on_save(const Article& stored, const ArticleInput& in, std::int64_t now) {
  // The form shows minutes, so a time sent back unchanged has lost the stored seconds.
  const bool time_unchanged = in.published_at == 0 || in.published_at == stored.published_at - stored.published_at % 60;
  if (stored.status == Status::draft && in.status == Status::published && time_unchanged) return now;
  return in.published_at;
}

SaveResult save_article(store::Connection& db, std::optional<std::int64_t> id, ArticleInput in, std::int64_t now) {
  SaveResult result;
  store::ContentStore content(db);
  {
    store::Transaction tx(db);
    if (!id) {
      if (in.published_at == 0) in.published_at = now;
      in.councils = councils::detect_mentions(in.headline, in.standfirst, in.body_markdown);
      if (content.save_article(in, now) != store::SaveOutcome::added) return {SaveStatus::duplicate, 0};
      result.id = content.last_saved_id();
    } else {
      auto stored = content.article_by_id(*id);
      if (!stored) return {SaveStatus::not_found, *id};
      in.published_at = publication_time_on_save(*stored, in, now);
      councils::update_article(db, *id, in, now);
      result.id = *id;
    }
    tx.commit();
  }
  // New and edited articles wait first in the related-reading queue (priority 1 and up).
  try {
    search::refresh_related(db, 1, 1);
  } catch (const std::exception& ex) {
    spdlog::warn("related reading for article {}: {}", result.id, ex.what());
  }
  return result;
}

}  // namespace gazette::content
