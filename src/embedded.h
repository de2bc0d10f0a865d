// Files compiled into the binary at build time (cmake/embed.cmake): SQL and the default theme.
// The table is immutable after start-up and safe to read from any thread.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette {

// Every embedded file as {path relative to the repo root, contents}, e.g. {"sql/sqlite/001_schema.sql", ...}.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();

// The contents of one embedded file, or nullopt when there is none at that path.
std::optional<std::string_view> embedded_file(std::string_view path);

}  // namespace gazette
