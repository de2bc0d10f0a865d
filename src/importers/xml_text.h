// Small helpers the XML importers share (WordPress exports, RSS/Atom feeds, job feeds). Internal to
// src/importers/.
#pragma once

#include <pugixml.hpp>

#include <algorithm>
#include <cstddef>
#include <string>

#include "strings/strings.h"

namespace gazette::importers {

// The 1-based line of a byte offset in `text` (pugixml reports offsets); 0 for an unknown offset.
inline int line_of(const std::string& text, std::ptrdiff_t offset) {
  if (offset < 0) return 0;
  auto end = text.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(text.size()));
  return 1 + static_cast<int>(std::count(text.begin(), end, '\n'));
}

// The trimmed text of `node`'s first child element called `name` ("" when there is none).
inline std::string text_of(const pugi::xml_node& node, const char* name) {
  return std::string(strings::trim(node.child(name).text().get()));
}

}  // namespace gazette::importers
