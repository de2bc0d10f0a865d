// Article search as a service other modules call (the public /search page, later the API and the
// jobs board). Validates the reader's input and never throws for bad input: problems come back as a
// message to show. Not thread-safe per Connection; call with the calling thread's connection.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "search/query.h"
#include "store/connection.h"
#include "store/search_store.h"

namespace gazette::search {

struct SearchRequest {
  std::string q;
  std::string section;             // section slug, "" for any
  std::string author;              // author slug, or name as typed
  std::string council;             // council slug, or what a reader typed (councils::find_council)
  std::string from;                // YYYY-MM-DD, inclusive
  std::string to;                  // YYYY-MM-DD, inclusive
  std::string sort = "relevance";  // or "date"
  int page = 1;
  int page_size = 20;
};

struct SearchResponse {
  ParsedQuery query;
  std::vector<store::SearchHit> hits;
  std::int64_t total = 0;                 // matches: up to kCountCap by date, up to kRankWindow by relevance
  bool total_is_lower_bound = false;      // there are more than `total`
  std::int64_t pages = 0;                 // pages the reader can go through (relevance: within the ranking window)
  std::string message;                    // for the reader: why there are no results, or what was ignored
  std::string council_name, author_name;  // the council and author the filters resolved to
  // No words but one filter (a section, an author or a council): `hits` are its articles, newest
  // first, with plain headlines and standfirsts as their marked text.
  bool browsing = false;
};

// Past this many matches the page says "more than"; relevance ranks the newest kRankWindow matches,
// or the newest kPhraseRankWindow when the query holds a phrase: matching a phrase of common words
// checks word positions in every article holding them all, about three times the cost per match.
constexpr std::int64_t kCountCap = 10000;
constexpr int kRankWindow = 2000;
constexpr int kPhraseRankWindow = 1000;

// The ranking window for a parsed query.
int rank_window(const ParsedQuery& q);

// Runs the reader's search. With no words and no filters: nothing, and no message (a blank form).
// With no words and one filter: that listing, newest first (`browsing`). Never throws for bad input.
SearchResponse run_search(store::Connection& db, const SearchRequest& req, std::int64_t now);

// HTML for a marked fragment from SearchStore: text escaped, matches wrapped in <mark>, Markdown
// punctuation that would look like noise in a snippet removed.
std::string marked_to_html(const std::string& marked);

}  // namespace gazette::search
