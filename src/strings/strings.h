// The one home of small text and file helpers every layer uses (http, the domain, web, cli): ASCII
// case and whitespace, UTF-8 checks, the accent folding of council names, and reading a whole file.
// Content-specific text (slugs, dates in house style, Markdown, word counts) is in content/text.h.
// Pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::strings {

// `s` without leading and trailing ASCII whitespace (space, tab, CR, LF, FF, VT). A view into `s`.
std::string_view trim(std::string_view s);

// ASCII letters lowercased; every other byte (UTF-8 included) kept as it is.
std::string lower_ascii(std::string_view s);
inline char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
// Equal ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);

// The length of the longest prefix of `s` that is well-formed UTF-8 (no overlong forms, surrogates or
// code points past U+10FFFF): s.size() when all of it is.
std::size_t valid_utf8_prefix(std::string_view s);
inline bool valid_utf8(std::string_view s) {
  return valid_utf8_prefix(s) == s.size();
}
// Code points in valid UTF-8 (continuation bytes are not counted).
std::size_t utf8_length(std::string_view s);

// The ASCII letter an accented Latin letter folds to ('a' for U+00E2 â, 'w' for Welsh ŵ and ẃ, 'y'
// for ŷ and ỳ), lowercased; '\0' for any other code point. Covers the letters of UK council names.
char fold_latin(char32_t cp);

// A whole file's bytes, refusing files over `max_bytes`. nullopt with `error` set ("no such file",
// "is a directory", "larger than 200 MB", "read error: ...") when it cannot be read.
std::optional<std::string> read_file(const std::string& path, std::string& error,
                                     std::size_t max_bytes = std::size_t(1) << 32);

}  // namespace gazette::strings
