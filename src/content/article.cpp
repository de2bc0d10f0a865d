#include "content/article.h"

namespace gazette::content {

const char* to_string(Status s) {
  switch (s) {
    case Status::draft:
      return "draft";
    case Status::scheduled:
      return "scheduled";
    case Status::published:
      return "published";
  }
  return "draft";
}

bool parse_status(const std::string& word, Status& out) {
  if (word == "draft")
    out = Status::draft;
  else if (word == "scheduled")
    out = Status::scheduled;
  else if (word == "published")
    out = Status::published;
  else
    return false;
  return true;
}

}  // namespace gazette::content
