#include "embedded.h"

namespace gazette {

std::optional<std::string_view> embedded_file(std::string_view path) {
  for (const auto& [name, data] : embedded_files())
    if (name == path) return data;
  return std::nullopt;
}

}  // namespace gazette
