#include "strings/strings.h"

#include <utf8proc.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace gazette::strings {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  return true;
}

std::size_t valid_utf8_prefix(std::string_view s) {
  const auto* start = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto* p = start;
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    if (*p < 0x80) {  // ASCII without a call
      ++p;
      --left;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) break;
    p += n;
    left -= n;
  }
  return static_cast<std::size_t>(p - start);
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

char fold_latin(char32_t cp) {
  // U+00C0..U+00FF; '\0' for the multiplication and division signs. The explicit length matters:
  // the table contains NULs.
  static constexpr std::string_view kLatin1(
      "aaaaaaaceeeeiiii"
      "dnooooo\0ouuuuyts"
      "aaaaaaaceeeeiiii"
      "dnooooo\0ouuuuyty",
      64);
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp == 0x174 || cp == 0x175 || (cp >= 0x1E80 && cp <= 0x1E85)) return 'w';  // Welsh ŵ, ẁ ẃ ẅ
  if (cp == 0x176 || cp == 0x177 || cp == 0x1EF2 || cp == 0x1EF3) return 'y';    // Welsh ŷ, ỳ
  return '\0';
}

std::optional<std::string> read_file(const std::string& path, std::string& error, std::size_t max_bytes) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    error = "no such file";
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    error = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    error = std::string("cannot open: ") + std::strerror(errno);
    return std::nullopt;
  }
  std::string out;
  if (std::filesystem::is_regular_file(status)) {
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > max_bytes) {
      error = "larger than " + std::to_string(max_bytes >> 20) + " MB";
      return std::nullopt;
    }
    if (!ec) out.reserve(static_cast<std::size_t>(size));
  }
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out.append(buf, static_cast<std::size_t>(in.gcount()));
    if (out.size() > max_bytes) {
      error = "larger than " + std::to_string(max_bytes >> 20) + " MB";
      return std::nullopt;
    }
  }
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return out;
}

}  // namespace gazette::strings
