#include "importers/listing_importer.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/article_service.h"
#include "content/text.h"
#include "importers/job_writer.h"
#include "jobs/advert_details.h"
#include "search/related.h"
#include "store/content_store.h"
#include "strings/strings.h"

namespace gazette::importers {

namespace {

// A story first imported from a listing (headline and summary only) whose article page arrives later:
// the stored article takes the page's body, and the standfirst and byline when it had none. This is an
// edit, so the councils are detected again on the fuller text (content::ArticleService::edit). Anything
// else about a re-listed story is left as first stored.
bool complete_listed_article(store::Connection& db, std::int64_t id, const content::ArticleInput& page,
                             std::int64_t now) {
  if (page.body_markdown.empty()) return false;
  auto stored = store::ContentStore(db).article_by_id(id);
  if (!stored || !stored->body_markdown.empty()) return false;
  content::ArticleInput edit;
  edit.headline = stored->headline;
  edit.standfirst = stored->standfirst.empty() ? page.standfirst : stored->standfirst;
  edit.body_markdown = page.body_markdown;
  edit.section = stored->section.name;
  for (const auto& a : stored->authors) edit.authors.push_back(a.name);
  if (edit.authors.empty()) edit.authors = page.authors;
  for (const auto& t : stored->tags) edit.tags.push_back(t.name);
  edit.published_at = stored->published_at;
  edit.status = stored->status;
  edit.source_url = page.source_url.empty() ? stored->source_url : page.source_url;
  content::EditOptions opt;
  opt.keep_revision = false;  // still the imported text, completed
  return content::ArticleService(db).edit(id, std::move(edit), content::ChangedBy{}, opt, now).status ==
         content::WriteStatus::saved;
}

}  // namespace

ImportReport import_listing_text(store::Connection& db, const std::string& text, const std::string& source) {
  ImportReport report;
  report.file = source;
  if (int line = first_invalid_utf8_line(text)) {
    report.error = "invalid UTF-8 on line " + std::to_string(line) + "; convert the file to UTF-8 and retry";
    return report;
  }
  if (text.size() > kMaxListingFileBytes) {
    report.error = "the text is larger than 32 MB: a listing page dump is a few hundred KB; split the file";
    return report;
  }
  int line = 1;
  for (std::size_t start = 0; start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end - start > kMaxListingLineBytes) {
      report.error = "line " + std::to_string(line) +
                     " is longer than 64 KB: this is not a page dump (its longest "
                     "paragraph would be a few KB)";
      return report;
    }
    start = end + 1;
  }
  ParsedListing parsed = parse_listing(text);
  report.skipped = parsed.skipped;
  report.layout = parsed.layout;
  if (parsed.articles.empty() && parsed.adverts.empty() && !strings::trim(text).empty()) {
    // A page that has text but yields nothing is not a success: say so rather than report "0 added".
    report.warning = "nothing imported: no article or job advert was recognised in " +
                     std::to_string(std::count(text.begin(), text.end(), '\n') + (text.back() == '\n' ? 0 : 1)) +
                     " lines of text (see the skipped lines); the page may be in a layout Gazette does not read";
    return report;
  }
  const std::int64_t now = std::time(nullptr);
  try {
    store::Transaction tx(db);
    store::ContentStore content(db);
    content::ArticleService articles(db);
    // Undated items ("You may have missed") are older than the page that lists them: give them the
    // page's earliest date rather than today's. A later dated listing of the same story corrects it.
    std::int64_t undated_time = 0;
    for (const auto& item : parsed.articles) {
      std::int64_t t = item.year > 0 ? content::unix_from_date(item.year, item.month, item.day) : -1;
      if (t > 0 && (undated_time == 0 || t < undated_time)) undated_time = t;
    }
    for (const auto& item : parsed.articles) {
      content::ArticleInput in;
      in.headline = item.headline;
      in.standfirst = item.summary;
      in.body_markdown = item.body;
      // A single article page has no marked standfirst: its first paragraph serves as one.
      if (in.standfirst.empty() && !in.body_markdown.empty()) {
        auto end = in.body_markdown.find("\n\n");
        in.standfirst = in.body_markdown.substr(0, end);
        in.body_markdown = end == std::string::npos ? "" : in.body_markdown.substr(end + 2);
      }
      in.section = item.section.empty() ? "News" : item.section;
      in.authors = item.authors;
      if (item.year > 0) in.published_at = content::unix_from_date(item.year, item.month, item.day);
      if (in.published_at < 0) in.published_at = 0;
      const bool undated = in.published_at == 0;
      // The same story re-listed with small edits (a corrected headline, a trimmed summary) is kept once.
      if (!content.exists(in) && search::near_duplicate_of(db, in.headline, in.standfirst) != 0) {
        ++report.near_duplicates;
        continue;
      }
      const auto written = articles.create(in, now, undated ? undated_time : 0);
      switch (written.status) {
        case content::WriteStatus::already_present:
          if (complete_listed_article(db, written.id, in, now))
            ++report.updated;
          else
            ++report.already_present;
          continue;
        case content::WriteStatus::updated_date:
          ++report.updated;
          break;
        default:
          ++report.added;
          break;
      }
    }
    // Job adverts from the page's job boxes go to the jobs board. The box heading ("Highways jobs")
    // is not trusted as the advert's category: the advert is classified from its own words.
    for (const auto& ad : parsed.adverts) {
      jobs::JobInput job;
      job.title = ad.title;
      job.employer = ad.employer.empty() ? ad.recruiter : ad.employer;
      job.salary_text = ad.salary;
      job.description_markdown = ad.snippet;
      const jobs::AdvertDetails details = jobs::read_advert_details(ad.salary, ad.snippet);
      job.location = details.location;
      job.contract = details.contract;
      job.hours = details.hours;
      job.source = source;
      ++report.adverts_set_aside;
      if (save_job(db, job, now) == store::SaveOutcome::added) ++report.adverts_new;
    }
    tx.commit();
    report.ok = true;
  } catch (const std::exception& e) {
    report = ImportReport{};
    report.file = source;
    report.error = std::string("nothing imported: ") + e.what();
  }
  return report;
}

ImportReport import_listing_file(store::Connection& db, const std::string& path) {
  std::string error;
  auto text = strings::read_file(path, error, kMaxListingFileBytes);
  if (!text) {
    ImportReport r;
    r.file = path;
    r.error = "cannot read file: " + error;
    return r;
  }
  return import_listing_text(db, *text, path);
}

}  // namespace gazette::importers
