#include "store/media_store.h"

#include <algorithm>

#include "store/article_rows.h"

namespace gazette::store {

namespace {

// The columns every media query returns, in schema_017's order (see queries.sql).
MediaRecord media_row(const Row& r) {
  MediaRecord m;
  m.image.id = r.int64(0);
  m.image.hash = r.text(1);
  m.format = r.text(2);
  m.image.width = static_cast<int>(r.int64(3));
  m.image.height = static_cast<int>(r.int64(4));
  m.bytes = r.int64(5);
  m.image.widths = media::parse_widths(r.text(6));
  m.name = r.text(7);
  m.image.alt = r.text(8);
  m.image.credit = r.text(9);
  m.created_at = r.int64(10);
  m.updated_at = r.int64(11);
  return m;
}

}  // namespace

std::int64_t MediaStore::insert(const MediaFile& f, const std::string& name, const std::string& alt,
                                const std::string& credit, std::optional<std::int64_t> uploaded_by, std::int64_t now) {
  const std::string widths = media::join_widths(f.widths);
  Value by = uploaded_by ? Value{*uploaded_by} : Value{nullptr};
  std::int64_t id = 0;
  db_.query(
      "media_insert",
      {f.hash, f.format, std::int64_t{f.width}, std::int64_t{f.height}, f.bytes, widths, name, alt, credit, by, now},
      [&](const Row& r) { id = r.int64(0); });
  if (id == 0) throw Error("media_insert: no id returned");
  return id;
}

std::optional<MediaRecord> MediaStore::by_id(std::int64_t id) {
  std::optional<MediaRecord> out;
  db_.query("media_by_id", {id}, [&](const Row& r) { out = media_row(r); });
  return out;
}

std::optional<MediaRecord> MediaStore::by_hash(const std::string& hash) {
  std::optional<MediaRecord> out;
  db_.query("media_by_hash", {hash}, [&](const Row& r) { out = media_row(r); });
  return out;
}

std::vector<MediaRecord> MediaStore::find(const std::string& q, int limit, int offset) {
  std::vector<MediaRecord> out;
  db_.query("media_find", {q, std::int64_t{limit}, std::int64_t{offset}},
            [&](const Row& r) { out.push_back(media_row(r)); });
  return out;
}

std::int64_t MediaStore::count(const std::string& q) {
  return db_.scalar("media_count", {q});
}

bool MediaStore::replace_file(std::int64_t id, const MediaFile& f, std::int64_t now) {
  const std::string widths = media::join_widths(f.widths);
  return db_.exec("media_replace_file",
                  {id, f.hash, f.format, std::int64_t{f.width}, std::int64_t{f.height}, f.bytes, widths, now}) > 0;
}

bool MediaStore::set_details(std::int64_t id, const std::string& alt, const std::string& credit) {
  return db_.exec("media_set_details", {id, alt, credit}) > 0;
}

std::vector<MediaUse> MediaStore::usage(std::int64_t media_id) {
  std::vector<MediaUse> out;
  db_.query("media_usage", {media_id}, [&](const Row& r) {
    out.push_back({r.int64(0), r.text(1), r.text(2), r.int64(3), r.text(4)});
  });
  return out;
}

std::vector<std::int64_t> MediaStore::articles_using(std::int64_t media_id) {
  std::vector<std::int64_t> ids;
  for (const auto& u : usage(media_id))
    if (u.role == "lead" || u.role == "body") ids.push_back(u.id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

media::Image MediaStore::lead_image(std::int64_t article_id) {
  media::Image img;
  db_.query("article_lead_image", {article_id}, [&](const Row& r) {
    img = media_row(r).image;
    img.caption = r.text(12);
  });
  return img;
}

std::vector<std::pair<std::int64_t, media::Image>> MediaStore::lead_images(
    const std::vector<std::int64_t>& article_ids) {
  std::vector<std::pair<std::int64_t, media::Image>> out;
  if (article_ids.empty()) return out;
  const std::string ids = id_list(article_ids);
  db_.query("article_lead_images_of_many", {ids}, [&](const Row& r) {
    media::Image img = media_row(r).image;
    img.caption = r.text(12);
    out.emplace_back(r.int64(13), std::move(img));
  });
  return out;
}

void MediaStore::set_lead_image(std::int64_t article_id, std::int64_t media_id, const std::string& alt,
                                const std::string& caption, const std::string& credit) {
  db_.exec("article_lead_image_set", {article_id, media_id, alt, caption, credit});
}

void MediaStore::clear_lead_image(std::int64_t article_id) {
  db_.exec("article_lead_image_clear", {article_id});
}

void MediaStore::set_body_media(std::int64_t article_id, const std::vector<std::int64_t>& media_ids) {
  db_.exec("article_body_media_clear", {article_id});
  for (std::int64_t m : media_ids) db_.exec("article_body_media_add", {m, article_id});
}

media::Image MediaStore::author_photo(std::int64_t author_id) {
  media::Image img;
  db_.query("author_photo", {author_id}, [&](const Row& r) { img = media_row(r).image; });
  return img;
}

void MediaStore::set_author_photo(std::int64_t author_id, std::int64_t media_id) {
  if (media_id > 0)
    db_.exec("author_photo_set", {author_id, media_id});
  else
    db_.exec("author_photo_clear", {author_id});
}

media::Image MediaStore::employer_logo(std::int64_t employer_id) {
  media::Image img;
  db_.query("employer_logo", {employer_id}, [&](const Row& r) { img = media_row(r).image; });
  return img;
}

void MediaStore::set_employer_logo(std::int64_t employer_id, std::int64_t media_id) {
  if (media_id > 0)
    db_.exec("employer_logo_set", {employer_id, media_id});
  else
    db_.exec("employer_logo_clear", {employer_id});
}

std::vector<std::int64_t> MediaStore::employer_job_ids(std::int64_t employer_id) {
  std::vector<std::int64_t> ids;
  db_.query("employer_job_ids", {employer_id}, [&](const Row& r) { ids.push_back(r.int64(0)); });
  return ids;
}

}  // namespace gazette::store
