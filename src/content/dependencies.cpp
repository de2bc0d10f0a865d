#include "content/dependencies.h"

namespace gazette::content::deps {

std::vector<std::string> split(std::string_view names) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < names.size()) {
    std::size_t end = names.find(' ', pos);
    if (end == std::string_view::npos) end = names.size();
    if (end > pos) out.emplace_back(names.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out.push_back(' ');
    out += n;
  }
  return out;
}

}  // namespace gazette::content::deps
