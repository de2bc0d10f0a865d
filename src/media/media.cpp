#include "media/media.h"

#include <cmark-gfm.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <webp/mux.h>
#include <vips/vips8>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "content/dependencies.h"
#include "store/change_store.h"
#include "store/content_store.h"
#include "store/job_store.h"
#include "strings/strings.h"

namespace gazette::media {

namespace fs = std::filesystem;
using vips::VImage;

namespace {

void init_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("gazette")) throw std::runtime_error("libvips could not start: " + std::string(vips_error_buffer()));
    // Loaders that are not fuzzed for hostile input (ImageMagick, PDF, SVG, ...) are refused outright;
    // we also only accept the four formats below.
    vips_block_untrusted_set(TRUE);
    // Uploads are one-off: caching operations would keep decoded pictures in memory for nothing.
    vips_cache_set_max(0);
    // libvips' warnings (a damaged file's "error in tile ...") go to the log, not raw to stderr.
    g_log_set_handler(
        "VIPS", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO),
        [](const gchar*, GLogLevelFlags, const gchar* message, gpointer) { spdlog::debug("libvips: {}", message); },
        nullptr);
  });
}

// The format the bytes are, from libvips' sniffing of their content, or "" when it is none we take.
std::string sniff_format(std::string_view bytes) {
  const char* loader = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
  vips_error_clear();
  if (!loader) return {};
  std::string name(loader);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  // Type names such as "VipsForeignLoadJpegBuffer" (or nicknames such as "jpegload_buffer").
  for (const char* f : {"jpeg", "png", "webp", "gif"})
    if (name.find(f) != std::string::npos && name.find("magick") == std::string::npos) return f;
  return {};
}

std::string hash_hex(std::string_view bytes) {
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr, 0);
  char hex[sizeof out * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

// This libvips (8.14) writes an EXIF chunk into every WebP, even with `strip`: libwebp's own mux
// library takes the EXIF, XMP and ICC chunks out again.
std::string webp_without_metadata(const std::string& webp) {
  WebPData in{reinterpret_cast<const uint8_t*>(webp.data()), webp.size()};
  WebPMux* mux = WebPMuxCreate(&in, 0);
  if (!mux) throw std::runtime_error("WebP encoder output could not be read back");
  for (const char* chunk : {"EXIF", "XMP ", "ICCP"}) WebPMuxDeleteChunk(mux, chunk);
  WebPData out;
  WebPDataInit(&out);
  const WebPMuxError err = WebPMuxAssemble(mux, &out);
  WebPMuxDelete(mux);
  if (err != WEBP_MUX_OK) throw std::runtime_error("WebP metadata could not be removed");
  std::string clean(reinterpret_cast<const char*>(out.bytes), out.size);
  WebPDataClear(&out);
  return clean;
}

std::string save_buffer(const VImage& img, Format f) {
  VipsBlob* blob = f == Format::jpeg ? img.jpegsave_buffer(VImage::option()
                                                               ->set("Q", 82)
                                                               ->set("strip", true)
                                                               ->set("optimize_coding", true)
                                                               ->set("interlace", true))
                                     : img.webpsave_buffer(VImage::option()->set("Q", 80)->set("strip", true));
  size_t size = 0;
  const void* data = vips_blob_get(blob, &size);
  std::string out(static_cast<const char*>(data), size);
  vips_area_unref(VIPS_AREA(blob));
  if (f == Format::webp) out = webp_without_metadata(out);
  return out;
}

// A copy of `img` with no metadata at all (EXIF, XMP, IPTC, ICC, comments, PNG text): every saver
// then has nothing to write, whatever its own `strip` option does (this libvips's WebP saver kept
// EXIF and XMP with strip set).
VImage without_metadata(const VImage& img) {
  VImage clean = img.copy();
  gchar** fields = vips_image_get_fields(clean.get_image());
  for (gchar** f = fields; *f; ++f) vips_image_remove(clean.get_image(), *f);
  g_strfreev(fields);
  return clean;
}

// A PNG, GIF or WebP cut short: their decoders here only warn, so the container's own end is checked
// (PNG's IEND chunk, GIF's trailer byte, the RIFF size of WebP). JPEG's decoder reports it itself.
bool complete_container(const std::string& format, std::string_view b) {
  if (format == "png") {
    static constexpr unsigned char iend[] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82};
    return b.size() >= sizeof iend &&
           std::equal(std::begin(iend), std::end(iend), b.end() - sizeof iend,
                      [](unsigned char x, char y) { return x == static_cast<unsigned char>(y); });
  }
  if (format == "gif") return !b.empty() && b.back() == 0x3B;
  if (format == "webp") {
    if (b.size() < 12) return false;
    std::uint32_t riff = 0;
    for (int i = 3; i >= 0; --i) riff = (riff << 8) | static_cast<unsigned char>(b[4 + static_cast<std::size_t>(i)]);
    return std::uint64_t{riff} + 8 == b.size() || std::uint64_t{riff} + 9 == b.size();  // odd sizes are padded
  }
  return true;
}

std::string mb(std::int64_t bytes) {
  return std::to_string((bytes + 1024 * 1024 - 1) / (1024 * 1024)) + " MB";
}

}  // namespace

ProcessResult process_upload(std::string_view bytes, const Limits& limits) {
  init_vips();
  ProcessResult result;
  if (bytes.empty()) {
    result.error = "The file is empty.";
    return result;
  }
  if (static_cast<std::int64_t>(bytes.size()) > limits.max_bytes) {
    result.error = "The file is " + mb(static_cast<std::int64_t>(bytes.size())) + "; pictures may be at most " +
                   mb(limits.max_bytes) + ".";
    return result;
  }
  const std::string format = sniff_format(bytes);
  if (format.empty()) {
    result.error = "This file is not a JPEG, PNG, WebP or GIF picture (its content was checked, not its name).";
    return result;
  }
  if (!complete_container(format, bytes)) {
    result.error = "The picture could not be read: the file is damaged or incomplete.";
    return result;
  }
  Processed p;
  p.format = format;
  p.bytes = static_cast<std::int64_t>(bytes.size());
  try {
    // Opening reads only the header: the size is checked before a single pixel is decoded.
    VImage img =
        VImage::new_from_buffer(bytes.data(), bytes.size(), "",
                                VImage::option()
                                    ->set("access", VIPS_ACCESS_SEQUENTIAL)
                                    ->set("fail_on", format == "jpeg" ? VIPS_FAIL_ON_TRUNCATED : VIPS_FAIL_ON_WARNING));
    const std::int64_t w = img.width(), h = img.height();
    if (w > limits.max_side || h > limits.max_side || w * h > limits.max_pixels) {
      result.error = "The picture is " + std::to_string(w) + " x " + std::to_string(h) +
                     " pixels; pictures may be at most " + std::to_string(limits.max_pixels / 1'000'000) +
                     " megapixels and " + std::to_string(limits.max_side) + " pixels on a side.";
      return result;
    }
    // Decodes the whole picture now, in one pass: a truncated or corrupt file fails here, before
    // anything is kept.
    img = img.copy_memory();
    img = img.autorot();  // before the orientation tag goes with the rest of the metadata
    if (img.get_typeof(VIPS_META_ICC_NAME) != 0) {
      try {
        img = img.icc_transform("srgb", VImage::option()->set("embedded", true));
      } catch (const vips::VError&) {
        vips_error_clear();  // a broken profile: the colours are taken as they are
      }
    }
    if (img.interpretation() != VIPS_INTERPRETATION_sRGB) img = img.colourspace(VIPS_INTERPRETATION_sRGB);
    if (img.format() != VIPS_FORMAT_UCHAR) img = img.cast(VIPS_FORMAT_UCHAR);
    img = without_metadata(img);
    p.width = img.width();
    p.height = img.height();
    p.hash = hash_hex(bytes);
    const int largest = kVariantWidths[std::size(kVariantWidths) - 1];
    for (int vw : kVariantWidths)
      if (vw < p.width && vw < largest) p.widths.push_back(vw);
    p.widths.push_back(std::min(p.width, largest));
    VImage opaque =
        img.has_alpha() ? img.flatten(VImage::option()->set("background", std::vector<double>{255, 255, 255})) : img;
    for (int vw : p.widths) {
      const double scale = static_cast<double>(vw) / p.width;
      VImage sized = vw == p.width ? img : img.resize(scale);
      VImage sized_opaque = vw == p.width ? opaque : opaque.resize(scale);
      p.variants.push_back({vw, Format::webp, save_buffer(sized, Format::webp)});
      p.variants.push_back({vw, Format::jpeg, save_buffer(sized_opaque, Format::jpeg)});
    }
  } catch (const vips::VError& e) {
    std::string why = e.what();
    vips_error_clear();
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    spdlog::info("media: upload refused: {}", why);
    result.error = "The picture could not be read: the file is damaged or incomplete.";
    return result;
  }
  result.processed = std::move(p);
  return result;
}

namespace {

// Writes the files; returns those it created (not those already there). Throws after removing them.
std::vector<fs::path> write_new_files(const std::string& media_dir, const Processed& p) {
  std::vector<fs::path> created;
  try {
    fs::create_directories(media_dir);
    for (const auto& v : p.variants) {
      const fs::path target = fs::path(media_dir) / variant_file(p.hash, v.width, v.format);
      if (fs::exists(target)) continue;
      fs::path tmp = target;
      tmp += ".tmp" + std::to_string(randombytes_random());
      {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(v.bytes.data(), static_cast<std::streamsize>(v.bytes.size()));
        out.close();
        if (!out) {
          std::error_code ec;
          fs::remove(tmp, ec);
          throw std::runtime_error("could not write " + tmp.string());
        }
      }
      fs::rename(tmp, target);
      created.push_back(target);
    }
  } catch (const std::exception& e) {
    for (const auto& f : created) {
      std::error_code ec;
      fs::remove(f, ec);
    }
    throw std::runtime_error(std::string("media files: ") + e.what());
  }
  return created;
}

void remove_files(const std::vector<fs::path>& files) {
  for (const auto& f : files) {
    std::error_code ec;
    fs::remove(f, ec);
  }
}

store::MediaFile file_of(const Processed& p) {
  return {p.hash, p.format, p.width, p.height, p.bytes, p.widths};
}

}  // namespace

void write_files(const std::string& media_dir, const Processed& p) {
  write_new_files(media_dir, p);
}

UploadResult upload(store::Connection& db, const Settings& settings, std::string_view bytes, const std::string& name,
                    const std::string& alt, const std::string& credit, std::optional<std::int64_t> uploaded_by,
                    std::int64_t now) {
  UploadResult out;
  auto processed = process_upload(bytes, settings.limits);
  if (!processed.processed) {
    out.error = processed.error;
    return out;
  }
  const Processed& p = *processed.processed;
  const auto created = write_new_files(settings.media_dir, p);  // heals missing files of a known picture too
  try {
    store::MediaStore media(db);
    store::Transaction tx(db);
    if (auto known = media.by_hash(p.hash)) {
      out.id = known->image.id;
      out.existing = true;
      return out;
    }
    out.id = media.insert(file_of(p), name, alt, credit, uploaded_by, now);
    tx.commit();
  } catch (...) {
    remove_files(created);
    throw;
  }
  return out;
}

UploadResult replace(store::Connection& db, const Settings& settings, std::int64_t media_id, std::string_view bytes,
                     std::int64_t now) {
  UploadResult out;
  out.id = media_id;
  if (!store::MediaStore(db).by_id(media_id)) {
    out.error = "There is no picture with that number.";
    return out;
  }
  auto processed = process_upload(bytes, settings.limits);
  if (!processed.processed) {
    out.error = processed.error;
    return out;
  }
  const Processed& p = *processed.processed;
  const auto created = write_new_files(settings.media_dir, p);
  try {
    store::MediaStore media(db);
    store::Transaction tx(db);
    if (!media.replace_file(media_id, file_of(p), now)) {
      out.error = "There is no picture with that number.";
      remove_files(created);
      return out;
    }
    auto names = names_using(db, media_id);
    if (!names.empty()) store::ChangeStore(db).record(std::move(names), now);
    tx.commit();
  } catch (...) {
    remove_files(created);
    throw;
  }
  return out;
}

std::vector<std::string> names_using(store::Connection& db, std::int64_t media_id) {
  store::MediaStore media(db);
  std::vector<std::string> names;
  for (const auto& use : media.usage(media_id)) {
    if (use.role == "author") {
      names.push_back(content::deps::author(use.id));
    } else if (use.role == "employer") {
      names.push_back(content::deps::employer(use.id));
      for (std::int64_t job : media.employer_job_ids(use.id)) names.push_back(content::deps::job(job));
    } else {
      names.push_back(content::deps::article(use.id));
    }
  }
  return names;
}

namespace {

std::string check_media(store::Connection& db, std::int64_t media_id) {
  if (media_id < 0 || (media_id > 0 && !store::MediaStore(db).by_id(media_id)))
    return "There is no picture with that number.";
  return "";
}

}  // namespace

std::string set_author_photo(store::Connection& db, const std::string& author_slug, std::int64_t media_id,
                             std::int64_t now) {
  if (auto error = check_media(db, media_id); !error.empty()) return error;
  auto author = store::ContentStore(db).author_by_slug(author_slug);
  if (!author) return "There is no author with the address name \"" + author_slug + "\".";
  store::Transaction tx(db);
  store::MediaStore(db).set_author_photo(author->id, media_id);
  store::ChangeStore(db).record({content::deps::author(author->id)}, now);
  tx.commit();
  return "";
}

std::string set_employer_logo(store::Connection& db, const std::string& employer_slug, std::int64_t media_id,
                              std::int64_t now) {
  if (auto error = check_media(db, media_id); !error.empty()) return error;
  auto employer = store::JobStore(db).employer_by_slug(employer_slug);
  if (!employer) return "There is no employer with the address name \"" + employer_slug + "\".";
  store::MediaStore media(db);
  store::Transaction tx(db);
  media.set_employer_logo(employer->id, media_id);
  std::vector<std::string> names{content::deps::employer(employer->id)};
  for (std::int64_t job : media.employer_job_ids(employer->id)) names.push_back(content::deps::job(job));
  store::ChangeStore(db).record(std::move(names), now);
  tx.commit();
  return "";
}

namespace {

// The body's library images, in order: id (0 when the URL is media: with no valid number) and alt text.
std::vector<std::pair<std::int64_t, std::string>> body_images(std::string_view markdown) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  cmark_node* doc = cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_IMAGE) continue;
    const char* url = cmark_node_get_url(node);
    std::string_view u = url ? url : "";
    if (!u.starts_with("media:")) continue;
    u.remove_prefix(6);
    std::int64_t id = 0;
    auto [ptr, ec] = std::from_chars(u.data(), u.data() + u.size(), id);
    if (ec != std::errc() || ptr != u.data() + u.size() || id < 1) id = 0;
    // The alt text is the image's inline content, as plain text.
    std::string alt;
    cmark_iter* inner = cmark_iter_new(node);
    for (cmark_event_type e; (e = cmark_iter_next(inner)) != CMARK_EVENT_DONE;) {
      cmark_node* n = cmark_iter_get_node(inner);
      if (e == CMARK_EVENT_ENTER && n != node && cmark_node_get_literal(n)) alt += cmark_node_get_literal(n);
    }
    cmark_iter_free(inner);
    out.emplace_back(id, std::string(strings::trim(alt)));
  }
  cmark_iter_free(it);
  cmark_node_free(doc);
  return out;
}

}  // namespace

std::string check_body_images(store::Connection& db, std::string_view markdown) {
  store::MediaStore media(db);
  for (const auto& [id, alt] : body_images(markdown)) {
    if (id == 0) return "A picture in the text has no valid number after media: (write ![alt text](media:12)).";
    if (!media.by_id(id))
      return "The text shows picture media:" + std::to_string(id) + ", which is not in the media library.";
    if (alt.empty())
      return "Picture media:" + std::to_string(id) +
             " in the text needs alt text: write a short description between the brackets, ![like this](media:" +
             std::to_string(id) + ").";
  }
  return "";
}

std::vector<std::int64_t> body_media_ids(std::string_view markdown) {
  std::vector<std::int64_t> ids;
  for (const auto& [id, alt] : body_images(markdown))
    if (id > 0 && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  return ids;
}

std::string check_lead_image(store::Connection& db, const LeadImageForm& form, LeadImage& out) {
  out = {};
  if (form.media_id.empty()) {
    if (!form.alt.empty() || !form.caption.empty() || !form.credit.empty())
      return "Choose a lead image from the media library (its number), or clear its alt text, caption and credit.";
    return "";
  }
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(form.media_id.data(), form.media_id.data() + form.media_id.size(), id);
  if (ec != std::errc() || ptr != form.media_id.data() + form.media_id.size() || id < 1)
    return "The lead image must be a picture's number from the media library.";
  if (!store::MediaStore(db).by_id(id)) return "There is no picture number " + form.media_id + " in the media library.";
  if (form.alt.empty())
    return "The lead image needs alt text: a short description of the picture for readers who cannot see it.";
  if (form.alt.size() > 300) return "The lead image's alt text is too long (at most 300 characters).";
  if (form.caption.size() > 500 || form.credit.size() > 500)
    return "The lead image's caption and credit may be at most 500 characters each.";
  out = {id, form.alt, form.caption, form.credit};
  return "";
}

void set_article_images(store::Connection& db, std::int64_t article_id, const LeadImage& lead,
                        std::string_view body_markdown, std::int64_t now) {
  store::MediaStore media(db);
  std::vector<std::int64_t> known;
  for (std::int64_t id : body_media_ids(body_markdown))
    if (media.by_id(id)) known.push_back(id);
  store::Transaction tx(db);
  if (lead.media_id > 0)
    media.set_lead_image(article_id, lead.media_id, lead.alt, lead.caption, lead.credit);
  else
    media.clear_lead_image(article_id);
  media.set_body_media(article_id, known);
  store::ChangeStore(db).record({content::deps::article(article_id)}, now);
  tx.commit();
}

std::string link_body_images(std::string_view html, const std::function<std::optional<Image>(std::int64_t)>& lookup,
                             const std::string& url_prefix, int max_width) {
  static constexpr std::string_view kMarker = "<img src=\"media:";
  std::string out;
  out.reserve(html.size());
  std::size_t pos = 0;
  for (std::size_t at; (at = html.find(kMarker, pos)) != std::string_view::npos;) {
    out.append(html.substr(pos, at - pos));
    const std::size_t digits = at + kMarker.size();
    const std::size_t quote = html.find('"', digits);
    std::int64_t id = 0;
    auto [ptr, ec] =
        std::from_chars(html.data() + digits, html.data() + (quote == std::string_view::npos ? digits : quote), id);
    if (quote == std::string_view::npos || ec != std::errc() || ptr != html.data() + quote) {
      out.append(kMarker);
      pos = digits;
      continue;
    }
    const auto img = lookup(id);
    if (!img || img->empty()) {
      out += "<img src=\"\"";
    } else {
      const int w = img->width_upto(max_width);
      std::string set;
      for (int vw : img->widths) {
        if (!set.empty()) set += ", ";
        set += url_prefix + variant_path(img->hash, vw, Format::jpeg) + " " + std::to_string(vw) + "w";
      }
      out += "<img src=\"" + url_prefix + variant_path(img->hash, w, Format::jpeg) + "\" srcset=\"" + set +
             "\" sizes=\"(min-width: 48rem) 44rem, 100vw\" width=\"" + std::to_string(w) + "\" height=\"" +
             std::to_string(img->height_at(w)) + "\" loading=\"lazy\" decoding=\"async\"";
    }
    pos = quote + 1;
  }
  out.append(html.substr(pos));
  return out;
}

}  // namespace gazette::media
