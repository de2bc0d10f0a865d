// Pictures: checking an upload, resizing it once into the variants pages use, keeping the files, and
// the media library's writes (upload, replace, an article's lead and body images). The handlers parse
// forms and call these; the rules live here.
//
// Thread-safety: process_upload may run on several threads at once (libvips is thread-safe); the
// functions taking a Connection use it from the calling thread only, like every store.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "media/image.h"
#include "store/connection.h"
#include "store/media_store.h"

namespace gazette::media {

// What an upload may be. Checked from the bytes, before any pixel is decoded.
struct Limits {
  std::int64_t max_bytes = 20 * 1024 * 1024;  // size of the uploaded file
  std::int64_t max_pixels = 50'000'000;       // width x height, so a small file cannot unpack into gigabytes
  int max_side = 16000;                       // either dimension
};

// Where the files go and what an upload may be (from config: media_dir, media_max_upload_mb,
// media_max_megapixels).
struct Settings {
  std::string media_dir;
  Limits limits;
};

struct Variant {
  int width = 0;
  Format format = Format::jpeg;
  std::string bytes;  // encoded, metadata stripped
};

// An upload checked and resized, not yet written anywhere.
struct Processed {
  std::string hash;    // BLAKE2b-128 of the uploaded bytes, 32 hex digits
  std::string format;  // "jpeg", "png", "webp" or "gif": what the bytes are, whatever the name said
  int width = 0;       // after EXIF orientation is applied
  int height = 0;
  std::int64_t bytes = 0;
  std::vector<int> widths;  // ascending
  std::vector<Variant> variants;
};

struct ProcessResult {
  std::optional<Processed> processed;
  std::string error;  // for the person uploading, when processed is empty
};

// Checks `bytes` (a JPEG, PNG, WebP or GIF, by its content; within `limits`; decodes completely: a
// truncated or corrupt file is refused) and makes the variants: for each of kVariantWidths narrower
// than the picture, and the picture's own width up to the largest, a JPEG and a WebP with no metadata
// (EXIF, XMP, ICC and comments dropped; the orientation applied first). Animated GIFs keep their first
// frame. Never throws for bad input; the error says what was wrong.
ProcessResult process_upload(std::string_view bytes, const Limits& limits);

// Writes the variants into `media_dir` (created if missing) as <hash>-<width>.<ext>, each through a
// temporary file renamed into place, so a reader never sees half a file. Files already there (the
// same picture uploaded before) are kept. On failure removes what it wrote and throws
// std::runtime_error.
void write_files(const std::string& media_dir, const Processed& p);

struct UploadResult {
  std::int64_t id = 0;
  bool existing = false;  // the same bytes were in the library already; that picture is returned
  std::string error;      // nothing was stored when set
};

// Adds an upload to the library: process_upload, write_files, then the media row, in one transaction.
// An upload identical to a picture in the library returns that picture instead of a second copy.
UploadResult upload(store::Connection& db, const Settings& settings, std::string_view bytes, const std::string& name,
                    const std::string& alt, const std::string& credit, std::optional<std::int64_t> uploaded_by,
                    std::int64_t now);

// Replaces picture `media_id`'s files with an upload, everywhere it is used: in the same transaction as
// the row changes, the change log names every page showing it (names_using: articles, with their
// cards and feeds; author pages; employer pages and adverts). The old files stay on disk, so pages and feeds already
// served keep working.
UploadResult replace(store::Connection& db, const Settings& settings, std::int64_t media_id, std::string_view bytes,
                     std::int64_t now);

// The media ids an article's Markdown shows as images (`![alt](media:12)`), each once, in order of
// first use. Read with cmark-gfm, so an image inside code is not one.
std::vector<std::int64_t> body_media_ids(std::string_view markdown);

// The lead image fields of the article editor, as typed.
struct LeadImageForm {
  std::string media_id;  // "" for none
  std::string alt;
  std::string caption;
  std::string credit;
};

struct LeadImage {
  std::int64_t media_id = 0;  // 0: no lead image
  std::string alt, caption, credit;
};

// Checks the lead image fields: a picture that exists, with alt text (required, at most 300
// characters), caption and credit at most 500. Returns "" and fills `out`, or the error to show.
std::string check_lead_image(store::Connection& db, const LeadImageForm& form, LeadImage& out);

// Checks the pictures an article's Markdown shows from the library (`![alt](media:ID)`): each must be
// in the library and have alt text. Returns "" or the error to show, naming the first bad one.
std::string check_body_images(store::Connection& db, std::string_view markdown);

// Stores the article's lead image and the pictures its body shows (so the library can say where each
// is used, and a replacement names the article), and names the article in the change log, in one
// transaction. Unknown media ids in the body are left out.
void set_article_images(store::Connection& db, std::int64_t article_id, const LeadImage& lead,
                        std::string_view body_markdown, std::int64_t now);

// The dependency names (content::deps) of every page showing picture `media_id`: the articles using
// it, the pages of authors whose photo it is, and the pages and adverts of employers whose logo it is.
std::vector<std::string> names_using(store::Connection& db, std::int64_t media_id);

// Makes picture `media_id` the photo of the author with this slug (or an employer's logo), or removes
// it when media_id is 0, naming the pages that show it, in one transaction. Returns "" or the error
// to show (no such author, employer or picture).
std::string set_author_photo(store::Connection& db, const std::string& author_slug, std::int64_t media_id,
                             std::int64_t now);
std::string set_employer_logo(store::Connection& db, const std::string& employer_slug, std::int64_t media_id,
                              std::int64_t now);

// The article body's images, as cmark-gfm rendered them (`<img src="media:12" alt="..." />`), pointed
// at their variants: src is the JPEG at most `max_width` wide, srcset lists every JPEG width (a WebP
// choice would need <picture>, markup cmark does not make), with width, height and lazy loading. An id
// `lookup` does not know gets an empty src. Only the exact form cmark writes is touched: a quote in
// text is written as &quot;, so text cannot be mistaken for an image. `url_prefix` goes before each
// path ("" on pages, the base URL in feeds).
std::string link_body_images(std::string_view html, const std::function<std::optional<Image>(std::int64_t)>& lookup,
                             const std::string& url_prefix, int max_width = 1024);

}  // namespace gazette::media
