// Parser for listing dumps: the text of trade-press listing and article pages as saved from a browser.
// Pure function of its input: no I/O, no database; safe to call from any thread.
//
// The page's layout is judged from all of its lines first (ParsedListing::layout), then each line
// is read in that light. It recognises:
//   - '•' items: headline, a date line ("19 May 2022", "14/03/2024"), a summary paragraph;
//   - items without bullets: a headline line, then a "By Author | June 12, 2019" or date line, then
//     the summary;
//   - headline and summary run together on one line with the date at its end;
//   - upper-case section labels ("FINANCE") over items; other upper-case block titles ("MOST READ")
//     and CMS furniture ("Edit this post", "Home · News" trails) never become articles;
//   - "You may have missed" blocks of headline + summary (no date);
//   - a single article page: "Author 21 January 2015" line, headline, an optional image caption (not
//     the standfirst), body paragraphs, then site furniture ("SIGN UP", "Linkedin Banner", job-advert
//     boxes) which never becomes articles;
//   - job adverts (title, employer, salary line, snippet, "Recuriter:"/"Recruiter:" line), set aside;
//     a box cut off at the end of the page keeps its title, employer and salary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::importers {

struct ListingItem {
  std::string headline;
  std::string summary;               // standfirst; may be empty for a truncated last item
  std::string body;                  // body paragraphs (single article pages), joined with "\n\n"
  std::string section;               // from page context ("Best practice"), empty when unknown
  std::vector<std::string> authors;  // from a "By ..." line, an author/date line or clear summary phrasing
  int year = 0, month = 0, day = 0;  // 0 when the item has no date ("You may have missed")
  bool from_related_block = false;   // came from a "You may have missed" block
  int line = 0;                      // 1-based line of the headline in the input
};

struct JobAdvert {
  std::string title;
  std::string employer;
  std::string salary;  // the salary line as written
  std::string snippet;
  std::string recruiter;         // the "Recuriter:" line's value
  std::string category_heading;  // e.g. "Highways jobs" when the box had one
  bool truncated = false;        // the page ended inside the box (no recruiter line)
  int line = 0;
};

struct SkippedLine {
  int line = 0;
  std::string reason;  // e.g. "site furniture: SIGN UP", "truncated item: no summary"
};

struct ParsedListing {
  // How the page sets out its items, judged from the page as a whole: "bulleted" ('•' items),
  // "stacked" (headline over a date or "By" line), "inline" (headline, summary and date on one line),
  // "article" (a single article page), or "none" (nothing that introduces dated items).
  std::string layout;
  std::vector<ListingItem> articles;
  std::vector<JobAdvert> adverts;
  std::vector<SkippedLine> skipped;
};

// Parses one dump. Input may contain CRLF, stray whitespace and non-breaking spaces; it must already be
// valid UTF-8 (see first_invalid_utf8_line). Never throws on odd input: what it cannot place is reported in skipped.
ParsedListing parse_listing(std::string_view text);

// Extracts the author named by clear summary phrasing ("..., says Athina Agrafioti.", "Michael Burton
// reports", "writes Heather Jameson", "Cllr Roy Perry outlines ..."). Returns the names found (without
// titles such as "Cllr"), or nothing when the phrasing is not clear: no byline beats a wrong one.
std::vector<std::string> extract_bylines(std::string_view summary);

// Returns 0 when the text is valid UTF-8, otherwise the 1-based line number of the first invalid byte.
int first_invalid_utf8_line(std::string_view text);

}  // namespace gazette::importers
