-- Pictures: the media library, an article's lead image and the images its body shows.
--
-- A media row is one picture as the newsroom knows it (its name, default alt text and credit). Its
-- files are variants resized once at upload, named by `hash` (BLAKE2b of the uploaded bytes) and
-- width: MEDIA_DIR/<hash>-<width>.jpg and .webp, with no metadata. Replacing a picture keeps the row
-- (so every article using it shows the new one) and changes hash, size and widths.
CREATE TABLE media (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'gif')),  -- as uploaded
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,                -- size of the upload
  widths TEXT NOT NULL,                  -- variant widths, space-separated, ascending
  name TEXT NOT NULL,                    -- file name as uploaded, for finding it again
  alt TEXT NOT NULL DEFAULT '',          -- suggested alt text
  credit TEXT NOT NULL DEFAULT '',       -- suggested credit
  uploaded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX media_by_hash ON media (hash);
CREATE INDEX media_by_update ON media (updated_at DESC, id DESC);

-- An article's lead image: alt text is required; caption and credit may be empty.
CREATE TABLE article_lead_images (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  media_id INTEGER NOT NULL REFERENCES media(id),
  alt TEXT NOT NULL CHECK (alt <> ''),
  caption TEXT NOT NULL DEFAULT '',
  credit TEXT NOT NULL DEFAULT ''
);
CREATE INDEX article_lead_images_by_media ON article_lead_images (media_id);

-- Pictures an article's body shows (Markdown `![alt](media:ID)`), kept in step on every save.
CREATE TABLE article_body_media (
  media_id INTEGER NOT NULL REFERENCES media(id),
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (media_id, article_id)
) WITHOUT ROWID;
CREATE INDEX article_body_media_by_article ON article_body_media (article_id);

-- An author's photo and an employer's logo: pictures from the library, at most one each.
CREATE TABLE author_photos (
  author_id INTEGER PRIMARY KEY REFERENCES authors(id) ON DELETE CASCADE,
  media_id INTEGER NOT NULL REFERENCES media(id)
);
CREATE INDEX author_photos_by_media ON author_photos (media_id);
CREATE TABLE employer_logos (
  employer_id INTEGER PRIMARY KEY REFERENCES employers(id) ON DELETE CASCADE,
  media_id INTEGER NOT NULL REFERENCES media(id)
);
CREATE INDEX employer_logos_by_media ON employer_logos (media_id);
