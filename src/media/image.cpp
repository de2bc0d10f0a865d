#include "media/image.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace gazette::media {

std::string_view extension(Format f) {
  return f == Format::webp ? "webp" : "jpg";
}

int Image::height_at(int w) const {
  if (width <= 0) return 0;
  const double h = std::round(static_cast<double>(height) * w / width);
  return std::max(1, static_cast<int>(h));
}

int Image::width_upto(int max_width) const {
  if (widths.empty()) return 0;
  int best = widths.front();
  for (int w : widths)
    if (w <= max_width) best = w;
  return best;
}

std::string variant_file(std::string_view hash, int width, Format f) {
  std::string s(hash);
  s += '-';
  s += std::to_string(width);
  s += '.';
  s += extension(f);
  return s;
}

std::string variant_path(std::string_view hash, int width, Format f) {
  return std::string(kPublicPrefix) + variant_file(hash, width, f);
}

std::string srcset(const Image& img, Format f) {
  std::string out;
  for (int w : img.widths) {
    if (!out.empty()) out += ", ";
    out += variant_path(img.hash, w, f);
    out += ' ';
    out += std::to_string(w);
    out += 'w';
  }
  return out;
}

std::string join_widths(const std::vector<int>& widths) {
  std::string out;
  for (int w : widths) {
    if (!out.empty()) out += ' ';
    out += std::to_string(w);
  }
  return out;
}

std::vector<int> parse_widths(std::string_view text) {
  std::vector<int> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    int w = 0;
    auto [ptr, ec] = std::from_chars(text.data() + i, text.data() + j, w);
    if (ec == std::errc() && ptr == text.data() + j && w > 0) out.push_back(w);
    i = j + 1;
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool is_variant_file(std::string_view name) {
  const auto dash = name.find('-');
  if (dash != 32) return false;
  for (std::size_t i = 0; i < 32; ++i) {
    const char c = name[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  const auto dot = name.find('.', dash);
  if (dot == std::string_view::npos || dot == dash + 1 || dot - dash - 1 > 4) return false;
  for (std::size_t i = dash + 1; i < dot; ++i)
    if (name[i] < '0' || name[i] > '9') return false;
  const auto ext = name.substr(dot + 1);
  return ext == "jpg" || ext == "webp";
}

}  // namespace gazette::media
