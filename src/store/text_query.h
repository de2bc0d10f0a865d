// What a reader searches for, in no database's syntax: terms that must all match (or, for related
// reading, any of them). Built by search::parse_query (domain); each backend's store turns it into its
// own syntax, so no query text of one database leaves src/store/. Plain values; copy freely.
#pragma once

#include <string>
#include <vector>

namespace gazette::store {

struct TextTerm {
  std::string text;     // one word, or a phrase's words separated by single spaces
  bool prefix = false;  // the word's beginning ("hous" for "housing", "houses")
  bool phrase() const { return text.find(' ') != std::string::npos; }
};

struct TextQuery {
  std::vector<TextTerm> terms;
  bool any = false;            // a match needs any one term (OR) instead of all of them (AND)
  bool headline_only = false;  // terms match in headlines only
  bool empty() const { return terms.empty(); }
};

}  // namespace gazette::store
