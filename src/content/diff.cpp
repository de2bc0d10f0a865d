#include "content/diff.h"

#include <algorithm>
#include <cstdint>

namespace gazette::content {

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto nl = text.find('\n', start);
    if (nl == std::string::npos) {
      if (start < text.size()) out.push_back(text.substr(start));
      break;
    }
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

}  // namespace

std::vector<DiffLine> diff_lines(const std::string& before, const std::string& after) {
  const auto a = split_lines(before), b = split_lines(after);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::vector<DiffLine> out;
  for (std::size_t i = 0; i < head; ++i) out.push_back({DiffLine::same, a[i]});
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;
  if (n * m > kMaxDiffCells) {
    for (std::size_t i = 0; i < n; ++i) out.push_back({DiffLine::removed, a[head + i]});
    for (std::size_t j = 0; j < m; ++j) out.push_back({DiffLine::added, b[head + j]});
  } else {
    // lcs[i][j]: the longest common subsequence of a[head+i..] and b[head+j..].
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        out.push_back({DiffLine::same, a[head + i]});
        ++i;
        ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        out.push_back({DiffLine::removed, a[head + i]});
        ++i;
      } else {
        out.push_back({DiffLine::added, b[head + j]});
        ++j;
      }
    }
  }
  for (std::size_t k = a.size() - tail; k < a.size(); ++k) out.push_back({DiffLine::same, a[k]});
  return out;
}

std::string comparable_text(const std::string& headline, const std::string& standfirst, const std::string& section,
                            const std::string& byline, const std::string& tags, const std::string& body) {
  return "Headline: " + headline + "\nSection: " + section + "\nByline: " + byline + "\nTags: " + tags +
         "\nStandfirst: " + standfirst + "\n\n" + body;
}

}  // namespace gazette::content
