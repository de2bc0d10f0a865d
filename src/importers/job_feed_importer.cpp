#include "importers/job_feed_importer.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/html_sanitiser.h"
#include "content/text.h"
#include "importers/job_writer.h"
#include "importers/xml_text.h"
#include "jobs/job.h"
#include "strings/strings.h"

namespace gazette::importers {
namespace {

std::string child_text(const pugi::xml_node& job, const char* name) {
  std::string v = job.child(name).text().get();
  auto b = v.find_first_not_of(" \t\r\n");
  auto e = v.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : v.substr(b, e - b + 1);
}

const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Reads "2024-05-19", "2024-05-19T10:00:00Z" or RFC 822 "Sun, 19 May 2024 10:00:00 GMT" (day precision
// is all the board uses). Returns -1 when it is none of these.
std::int64_t parse_feed_date(const std::string& s) {
  int y = 0, m = 0, d = 0;
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3)
    return content::unix_from_date(y, m, d);
  char mon[4] = {};
  const char* p = s.c_str();
  if (const char* comma = std::strchr(p, ',')) p = comma + 1;
  if (std::sscanf(p, "%d %3s %d", &d, mon, &y) == 3)
    for (int i = 0; i < 12; ++i)
      if (std::string(mon) == kMonths[i]) return content::unix_from_date(y, i + 1, d);
  return -1;
}

// pugixml reads a '&' that starts no entity reference as text; XML says the document is not
// well-formed. Returns the offset of the first such '&' outside CDATA sections, comments and
// processing instructions, or npos. Not a parser: the document has already parsed; this is the one
// well-formedness rule pugixml leaves unchecked that feeds break in practice (an unescaped "R&D").
std::size_t first_bare_ampersand(const std::string& xml) {
  auto is_name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (std::size_t i = 0; i < xml.size(); ++i) {
    const char c = xml[i];
    if (c == '<') {
      const char* close = nullptr;
      if (xml.compare(i, 9, "<![CDATA[") == 0)
        close = "]]>";
      else if (xml.compare(i, 4, "<!--") == 0)
        close = "-->";
      else if (xml.compare(i, 2, "<?") == 0)
        close = "?>";
      if (close != nullptr) {
        const std::size_t end = xml.find(close, i);
        if (end == std::string::npos) return std::string::npos;  // pugixml would have refused it
        i = end;
      }
      continue;
    }
    if (c != '&') continue;
    std::size_t j = i + 1;
    if (j < xml.size() && xml[j] == '#') {
      ++j;
      const bool hex = j < xml.size() && xml[j] == 'x';
      if (hex) ++j;
      const std::size_t digits = j;
      while (j < xml.size() && (hex ? std::isxdigit(static_cast<unsigned char>(xml[j]))
                                    : std::isdigit(static_cast<unsigned char>(xml[j]))))
        ++j;
      if (j == digits) return i;
    } else {
      const std::size_t name = j;
      while (j < xml.size() && is_name_char(xml[j])) ++j;
      if (j == name || std::isdigit(static_cast<unsigned char>(xml[name]))) return i;
    }
    if (j >= xml.size() || xml[j] != ';') return i;
  }
  return std::string::npos;
}

std::string iso_day(std::int64_t t) {
  auto p = content::date_parts(t);
  return p.year + "-" + p.month + "-" + p.day;
}

// The text of the first child element whose local name (the part after any "prefix:") is one of
// `names`, in that order of preference: extension elements come with whatever prefix a feed chose.
std::string child_local(const pugi::xml_node& node, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    for (pugi::xml_node c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view n = c.name();
      if (const auto colon = n.find(':'); colon != std::string_view::npos) n.remove_prefix(colon + 1);
      if (n == name) {
        std::string v = c.text().get();
        const auto b = v.find_first_not_of(" \t\r\n");
        if (b == std::string::npos) continue;
        return v.substr(b, v.find_last_not_of(" \t\r\n") - b + 1);
      }
    }
  }
  return {};
}

void set_description(jobs::JobInput& in, std::string description) {
  // Descriptions usually come as HTML in CDATA: kept as sanitised HTML (content::sanitise_html via
  // prepare_job), never raw and never dropped. Plain text or Markdown is read as Markdown.
  if (content::looks_like_html(description))
    in.description_html = std::move(description);
  else
    in.description_markdown = std::move(description);
}

// Reads the optional dates of an advert; false (with `error` set) when one is not a date.
bool read_dates(jobs::JobInput& in, const std::string& posted, const std::string& closing, std::string& error) {
  for (const auto& [tag, value] :
       {std::pair<const char*, const std::string*>{"date", &posted}, {"expirationdate", &closing}}) {
    if (value->empty()) continue;
    const std::int64_t t = parse_feed_date(*value);
    if (t < 0) {
      error = std::string("<") + tag + "> is not a date: '" + *value + "'";
      return false;
    }
    if (std::string_view(tag) == "date")
      in.posted_at = t;
    else
      in.closing_date = iso_day(t);
  }
  return true;
}

// Indeed-style <source><job>.
bool read_indeed(const pugi::xml_node& root, const std::string& xml, const std::string& source,
                 std::vector<jobs::JobInput>& inputs, std::string& error) {
  for (pugi::xml_node job : root.children("job")) {
    // Line numbers are worked out only for an error: counting from the start for every advert would
    // make a large feed quadratic.
    const auto line_at = [&] { return "line " + std::to_string(line_of(xml, job.offset_debug())) + ": "; };
    jobs::JobInput in;
    in.title = child_text(job, "title");
    in.reference = child_text(job, "referencenumber");
    in.employer = child_text(job, "company");
    if (in.title.empty() || in.reference.empty() || in.employer.empty()) {
      error = line_at() + "a <job> needs <title>, <referencenumber> and <company>";
      return false;
    }
    // Feed references are only unique within their feed; a reference that already names its source
    // (as Gazette's own feed does after one import) is kept as it is.
    if (in.reference.find(':') == std::string::npos) in.reference = "feed:" + in.reference;
    in.apply_url = child_text(job, "url");
    in.location = child_text(job, "city");
    if (in.location.empty()) in.location = child_text(job, "location");
    in.region = child_text(job, "state");
    in.salary_text = child_text(job, "salary");
    set_description(in, child_text(job, "description"));
    in.category = child_text(job, "category");
    std::string type = child_text(job, "jobtype");
    in.contract = type;
    in.hours = type;
    if (!read_dates(in, child_text(job, "date"), child_text(job, "expirationdate"), error)) {
      error = line_at() + error;
      return false;
    }
    in.source = source;
    inputs.push_back(std::move(in));
  }
  return true;
}

// RSS <item>s and Atom <entry>s that are job adverts. The employer comes from a <company> or
// <employer> extension element, else the item's author (dc:creator, <author>, Atom's author name);
// an item naming none is refused, since the board cannot show an advert without one.
bool read_syndication(const pugi::xml_node& root, bool atom, const std::string& xml, const std::string& source,
                      std::vector<jobs::JobInput>& inputs, std::string& error) {
  const pugi::xml_node container = atom ? root : root.child("channel");
  const char* item_name = atom ? "entry" : "item";
  for (pugi::xml_node item : container.children(item_name)) {
    const auto line_at = [&] { return "line " + std::to_string(line_of(xml, item.offset_debug())) + ": "; };
    jobs::JobInput in;
    in.title = child_text(item, "title");
    in.employer = child_local(item, {"company", "employer", "hiringOrganization", "creator"});
    if (in.employer.empty()) in.employer = atom ? child_text(item.child("author"), "name") : child_text(item, "author");
    std::string link = child_text(item, "link");
    if (atom) link = item.child("link").attribute("href").value();
    std::string id = child_text(item, atom ? "id" : "guid");
    if (id.empty()) id = link;
    if (in.title.empty() || in.employer.empty()) {
      error = line_at() + "a job <" + item_name + "> needs a <title> and an employer (<company>, <dc:creator> or " +
              (atom ? "<author><name>" : "<author>") + ")";
      return false;
    }
    if (!id.empty()) in.reference = "feed:" + id;
    in.apply_url = link;
    in.location = child_local(item, {"location", "city"});
    in.region = child_local(item, {"region", "state"});
    in.salary_text = child_local(item, {"salary"});
    in.category = child_local(item, {"jobcategory"});
    const std::string type = child_local(item, {"jobtype", "contract"});
    in.contract = type;
    in.hours = type;
    std::string description = atom ? child_text(item, "content") : child_text(item, "description");
    if (description.empty()) description = child_text(item, atom ? "summary" : "encoded");
    set_description(in, std::move(description));
    const std::string posted =
        atom ? child_text(item, "published").empty() ? child_text(item, "updated") : child_text(item, "published")
             : child_text(item, "pubDate");
    if (!read_dates(in, posted, child_local(item, {"expirationdate", "closingdate", "validThrough"}), error)) {
      error = line_at() + error;
      return false;
    }
    in.source = source;
    inputs.push_back(std::move(in));
  }
  if (inputs.empty()) {
    error = std::string("line 1: the ") + (atom ? "Atom" : "RSS") + " feed has no <" + item_name +
            ">: a job feed is <source><job>... (Indeed style) or RSS/Atom with one advert per item";
    return false;
  }
  return true;
}

}  // namespace

JobFeedReport store_adverts(store::Connection& db, const std::vector<jobs::JobInput>& inputs,
                            const std::string& source) {
  JobFeedReport report;
  report.file = source;
  const std::int64_t now = std::time(nullptr);
  try {
    store::Transaction tx(db);
    for (const auto& in : inputs) {
      ++report.jobs;
      if (save_job(db, in, now) == store::SaveOutcome::added)
        ++report.added;
      else
        ++report.already_present;
    }
    tx.commit();
    report.ok = true;
  } catch (const std::exception& e) {
    report = JobFeedReport{};
    report.file = source;
    report.error = std::string("nothing imported: ") + e.what();
  }
  return report;
}

JobFeedReport import_job_feed_text(store::Connection& db, const std::string& xml, const std::string& source) {
  JobFeedReport report;
  report.file = source;
  pugi::xml_document doc;
  auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_cdata);
  if (!parsed) {
    report.error =
        "line " + std::to_string(line_of(xml, parsed.offset)) + ": not well-formed XML: " + parsed.description();
    return report;
  }
  if (const std::size_t amp = first_bare_ampersand(xml); amp != std::string::npos) {
    report.error = "line " + std::to_string(line_of(xml, static_cast<std::ptrdiff_t>(amp))) +
                   ": not well-formed XML: '&' starts no entity reference (write &amp; for a literal '&')";
    return report;
  }
  std::vector<jobs::JobInput> inputs;
  bool read = false;
  if (pugi::xml_node root = doc.child("source")) {
    read = read_indeed(root, xml, source, inputs, report.error);
  } else if (pugi::xml_node rss = doc.child("rss")) {
    read = read_syndication(rss, false, xml, source, inputs, report.error);
  } else if (pugi::xml_node feed = doc.child("feed")) {
    read = read_syndication(feed, true, xml, source, inputs, report.error);
  } else {
    report.error = "line 1: expected a <source> element containing <job> elements, or an RSS or Atom feed";
  }
  if (!read) return report;
  return store_adverts(db, inputs, source);
}

JobFeedReport import_job_feed_file(store::Connection& db, const std::string& path) {
  std::string error;
  // The feed of 100k adverts Gazette itself writes is ~60 MB; pugixml holds about three times a file.
  auto text = strings::read_file(path, error, std::size_t(512) << 20);
  if (!text) {
    JobFeedReport r;
    r.file = path;
    r.error = "cannot read file: " + error;
    return r;
  }
  return import_job_feed_text(db, *text, path);
}

}  // namespace gazette::importers
