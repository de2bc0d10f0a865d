// Line differences between two texts, for the newsroom's revision history and the page a refused save
// shows. Pure functions; safe from any thread.
#pragma once

#include <string>
#include <vector>

namespace gazette::content {

struct DiffLine {
  enum Kind { same, removed, added } kind = same;
  std::string text;
};

// The lines of `before` and `after` as kept, removed and added, in order (a longest common
// subsequence of lines). Texts whose differing middle part exceeds kMaxDiffCells line pairs are shown
// as that part removed and then added, rather than spending more memory than a save is worth.
inline constexpr std::size_t kMaxDiffCells = 4'000'000;
std::vector<DiffLine> diff_lines(const std::string& before, const std::string& after);

// An article's fields as one text to compare: headline, standfirst, section, byline, tags, then the body.
std::string comparable_text(const std::string& headline, const std::string& standfirst, const std::string& section,
                            const std::string& byline, const std::string& tags, const std::string& body);

}  // namespace gazette::content
