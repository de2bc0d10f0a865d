// The media library's rows (schema_017): pictures, the lead image of each article and the pictures its
// body shows. Bound to one Connection, so to one thread. Writers call these inside the caller's
// Transaction (media::upload, media::replace, media::set_article_images); reads need none.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "media/image.h"
#include "store/connection.h"

namespace gazette::store {

// A media row: the picture and what the newsroom knows of it. `image.alt` and `image.credit` are the
// library's suggestions; an article's lead image carries its own.
struct MediaRecord {
  media::Image image;
  std::string format;  // as uploaded: jpeg, png, webp, gif
  std::int64_t bytes = 0;
  std::string name;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// The picture's file fields, as a new upload or a replacement sets them.
struct MediaFile {
  std::string hash;
  std::string format;
  int width = 0;
  int height = 0;
  std::int64_t bytes = 0;
  std::vector<int> widths;
};

// One use of a picture: by an article (role "lead" or "body"), an author ("author", their photo) or an
// employer ("employer", their logo).
struct MediaUse {
  std::int64_t id = 0;            // the article, author or employer
  std::string title;              // headline or name
  std::string detail;             // an article's status; an author's or employer's slug
  std::int64_t published_at = 0;  // articles only
  std::string role;
};

class MediaStore {
 public:
  explicit MediaStore(Connection& db) : db_(db) {}

  std::int64_t insert(const MediaFile& f, const std::string& name, const std::string& alt, const std::string& credit,
                      std::optional<std::int64_t> uploaded_by, std::int64_t now);
  std::optional<MediaRecord> by_id(std::int64_t id);
  std::optional<MediaRecord> by_hash(const std::string& hash);
  // Newest first; `q` empty lists all, otherwise pictures whose name or alt text contains it.
  std::vector<MediaRecord> find(const std::string& q, int limit, int offset);
  std::int64_t count(const std::string& q);
  // Points the row at new files; returns false when there is no such row.
  bool replace_file(std::int64_t id, const MediaFile& f, std::int64_t now);
  bool set_details(std::int64_t id, const std::string& alt, const std::string& credit);

  // Where the picture is used: articles (lead or body) newest first, then authors and employers.
  std::vector<MediaUse> usage(std::int64_t media_id);
  // The articles using it, each once.
  std::vector<std::int64_t> articles_using(std::int64_t media_id);

  // The article's lead image with its own alt text, caption and credit (empty when it has none).
  media::Image lead_image(std::int64_t article_id);
  // The lead images of many articles in one query: {article id, image} for those that have one.
  std::vector<std::pair<std::int64_t, media::Image>> lead_images(const std::vector<std::int64_t>& article_ids);
  void set_lead_image(std::int64_t article_id, std::int64_t media_id, const std::string& alt,
                      const std::string& caption, const std::string& credit);
  void clear_lead_image(std::int64_t article_id);
  // Replaces the set of pictures the article's body shows.
  void set_body_media(std::int64_t article_id, const std::vector<std::int64_t>& media_ids);

  // An author's photo and an employer's logo (empty when none); media_id 0 clears.
  media::Image author_photo(std::int64_t author_id);
  void set_author_photo(std::int64_t author_id, std::int64_t media_id);
  media::Image employer_logo(std::int64_t employer_id);
  void set_employer_logo(std::int64_t employer_id, std::int64_t media_id);
  // The adverts of an employer, any status (their pages show its logo).
  std::vector<std::int64_t> employer_job_ids(std::int64_t employer_id);

 private:
  Connection& db_;
};

}  // namespace gazette::store
