#include "content/dependencies.h"

#include "content/text.h"

namespace gazette::content::deps {

std::vector<std::string> split(std::string_view names) {
  std::vector<std::string> out;
  for (std::string_view name : split_spaces(names)) out.emplace_back(name);
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
