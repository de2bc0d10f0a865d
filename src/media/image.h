// A picture as pages show it: its content hash, size, the widths it was resized to, and the words that
// go with it (alt text, caption, credit). Variant files and their public paths are named from these.
// Plain values and pure functions: no I/O; safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::media {

// The widths every upload is resized to (those narrower than the upload; the upload's own width, at
// most the largest of these, is always one).
inline constexpr int kVariantWidths[] = {320, 640, 1024, 1600};
// Public paths of variant files: /media/<hash>-<width>.<jpg|webp>.
inline constexpr std::string_view kPublicPrefix = "/media/";

enum class Format { jpeg, webp };
std::string_view extension(Format f);  // "jpg", "webp"

struct Image {
  std::int64_t id = 0;  // media row; 0 when there is no image
  std::string hash;     // 32 hex digits
  int width = 0;        // of the largest variant's source (the upload, after orientation)
  int height = 0;
  std::vector<int> widths;  // variant widths, ascending
  std::string alt;
  std::string caption;
  std::string credit;

  bool empty() const { return id == 0 || widths.empty(); }
  // Height of the variant `w` pixels wide, keeping the aspect ratio (at least 1).
  int height_at(int w) const;
  // The largest variant at most `max_width` wide (the smallest when none is).
  int width_upto(int max_width) const;
};

// The variant's file name ("<hash>-640.webp") and public path ("/media/<hash>-640.webp").
std::string variant_file(std::string_view hash, int width, Format f);
std::string variant_path(std::string_view hash, int width, Format f);
// "…-320.webp 320w, …-640.webp 640w" for srcset.
std::string srcset(const Image& img, Format f);

// "320 640 1024" <-> {320, 640, 1024}; parse skips anything that is not a positive number.
std::string join_widths(const std::vector<int>& widths);
std::vector<int> parse_widths(std::string_view text);

// True when `name` is a variant file name as variant_file makes them (32 lowercase hex digits, '-',
// 1-4 digits, ".jpg" or ".webp"), so it is safe to open under the media directory.
bool is_variant_file(std::string_view name);

}  // namespace gazette::media
