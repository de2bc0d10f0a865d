#include "content/editing.h"

#include <spdlog/spdlog.h>

#include <boost/url/parse.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "content/site_time.h"
#include "content/text.h"
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
  f.version = std::to_string(a.version);
  f.slug = a.slug;
  f.seo_title = a.seo_title;
  f.seo_description = a.seo_description;
  f.canonical_url = a.canonical_url;
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
  return from_local(y, mo, d, h, mi, sec);  // nullopt for 31 February or an hour the clocks skip
}

std::string form_time(std::int64_t t) {
  const LocalTime l = to_local(t);
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d", l.year, l.month, l.day, l.hour, l.minute);
  return out;
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
    if (!t)
      return "The publication time must be a date and time such as 2025-03-04T09:30 that exists in " + site_zone() +
             " (the hour the clocks go forward does not).";
    in.published_at = *t;
  }
  if (in.status == Status::scheduled && in.published_at <= now)
    return "A scheduled article needs a publication time in the future.";
  return {};
}

std::string check_article_form(const ArticleForm& v, const std::vector<std::string>& sections, std::int64_t now,
                               ArticleInput& in, EditorialInput& e) {
  if (auto error = check_article_form(v, sections, now, in); !error.empty()) return error;
  e = {};
  e.significant = v.significant;
  if (const std::string version(strings::trim(v.version)); !version.empty()) {
    auto [ptr, ec] = std::from_chars(version.data(), version.data() + version.size(), e.version);
    if (ec != std::errc() || ptr != version.data() + version.size() || e.version < 1)
      return "The form's version number was damaged; reload the editor.";
  }
  e.slug = std::string(strings::trim(v.slug));
  if (!e.slug.empty() && (e.slug.size() > 80 || slugify(e.slug, 80) != e.slug))
    return "The address (slug) must be lowercase letters, digits and hyphens, at most 80 characters, such as "
           "council-tax-rises.";
  e.seo_title = std::string(strings::trim(v.seo_title));
  if (strings::utf8_length(e.seo_title) > 200 || e.seo_title.find('\n') != std::string::npos)
    return "The search title must be one line of at most 200 characters.";
  e.seo_description = std::string(strings::trim(v.seo_description));
  if (strings::utf8_length(e.seo_description) > 400) return "The search description is longer than 400 characters.";
  e.canonical_url = std::string(strings::trim(v.canonical_url));
  if (!e.canonical_url.empty()) {
    auto url = boost::urls::parse_absolute_uri(e.canonical_url);
    if (!url || (url->scheme() != "https" && url->scheme() != "http") || url->host().empty() ||
        e.canonical_url.size() > 2000)
      return "The canonical URL must be a full web address starting with https:// (or empty).";
  }
  return {};
}

std::int64_t publication_time_on_save(const Article& stored, const ArticleInput& in, std::int64_t now) {
  // The form shows minutes, so a time sent back unchanged has lost the stored seconds.
  // Sent back unchanged, the stored time is kept to the second.
  const bool time_unchanged = in.published_at == 0 || in.published_at == stored.published_at - stored.published_at % 60;
  if (stored.status == Status::draft && in.status == Status::published && time_unchanged) return now;
  return time_unchanged ? stored.published_at : in.published_at;
}

SaveResult save_article(store::Connection& db, std::optional<std::int64_t> id, ArticleInput in, const ChangedBy& by,
                        const EditOptions& opt, std::int64_t now) {
  SaveResult result;
  ArticleService service(db);
  {
    store::Transaction tx(db);
    if (!id) {
      if (in.published_at == 0) in.published_at = now;
      auto written = service.create_edited(std::move(in), by, opt, now);
      if (written.status == WriteStatus::slug_taken) return {SaveStatus::slug_taken, 0, std::nullopt};
      if (written.status != WriteStatus::saved) return {SaveStatus::duplicate, 0, std::nullopt};
      result.id = written.id;
    } else {
      auto stored = store::ContentStore(db).article_by_id(*id);
      if (!stored) return {SaveStatus::not_found, *id, std::nullopt};
      in.published_at = publication_time_on_save(*stored, in, now);
      auto written = service.edit(*id, std::move(in), by, opt, now);
      if (written.status == WriteStatus::not_found) return {SaveStatus::not_found, *id, std::nullopt};
      if (written.status == WriteStatus::conflict) return {SaveStatus::conflict, *id, std::move(written.current)};
      if (written.status == WriteStatus::slug_taken) return {SaveStatus::slug_taken, *id, std::nullopt};
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
