// Pictures: every image here is made by libvips in the test itself; no picture files are read.
#include <gtest/gtest.h>
#include <vips/vips8>

#include <filesystem>

#include "content/dependencies.h"
#include "http/multipart.h"
#include "media/image.h"
#include "media/media.h"
#include "store/change_store.h"
#include "store/content_store.h"
#include "store/media_store.h"
#include "test_support.h"

namespace gazette::media {
namespace {

using gazette::testing::TempDb;
using vips::VImage;
using namespace std::string_literals;

// A picture with some detail (a gradient), so encoders have something to encode.
VImage picture(int width, int height, int bands = 3) {
  VImage xy = VImage::xyz(width, height);
  std::vector<VImage> channels{((xy[0] + xy[1]) % 256).cast(VIPS_FORMAT_UCHAR), (xy[0] % 256).cast(VIPS_FORMAT_UCHAR),
                               (xy[1] % 256).cast(VIPS_FORMAT_UCHAR),
                               (VImage::black(width, height) + 200).cast(VIPS_FORMAT_UCHAR)};
  channels.resize(static_cast<std::size_t>(bands));
  VImage img = bands == 1 ? channels[0] : VImage::bandjoin(channels);
  return img.copy(
      VImage::option()->set("interpretation", bands >= 3 ? VIPS_INTERPRETATION_sRGB : VIPS_INTERPRETATION_B_W));
}

std::string encode(const VImage& img, const char* suffix) {
  void* buf = nullptr;
  size_t size = 0;
  img.write_to_buffer(suffix, &buf, &size);
  std::string out(static_cast<const char*>(buf), size);
  g_free(buf);
  return out;
}

// A JPEG as a camera writes it: EXIF (orientation 6: rotate 90 degrees to show) and XMP with a name.
std::string camera_jpeg(int width, int height) {
  VImage img = picture(width, height).copy();
  img.set(VIPS_META_ORIENTATION, 6);
  const std::string xmp = "<x:xmpmeta xmlns:x='adobe:ns:meta/'>photographer's home address</x:xmpmeta>";
  img.set(VIPS_META_XMP_NAME, nullptr, const_cast<char*>(xmp.data()), xmp.size());
  return encode(img, ".jpg");
}

VImage decode(const std::string& bytes) {
  return VImage::new_from_buffer(bytes.data(), bytes.size(), "");
}

const Variant* find_variant(const Processed& p, int width, Format f) {
  for (const auto& v : p.variants)
    if (v.width == width && v.format == f) return &v;
  return nullptr;
}

TEST(MediaImage, NamesVariantsAndChecksFileNames) {
  const std::string hash = "0123456789abcdef0123456789abcdef";
  EXPECT_EQ(variant_path(hash, 640, Format::webp), "/media/" + hash + "-640.webp");
  EXPECT_TRUE(is_variant_file(hash + "-640.webp"));
  EXPECT_TRUE(is_variant_file(hash + "-1600.jpg"));
  EXPECT_FALSE(is_variant_file(hash + "-640.png"));
  EXPECT_FALSE(is_variant_file("../" + hash + ".jpg"));
  EXPECT_FALSE(is_variant_file("0123456789ABCDEF0123456789abcdef-640.jpg"));
  EXPECT_FALSE(is_variant_file(hash + "-.jpg"));
  EXPECT_FALSE(is_variant_file(hash + "-12345.jpg"));
  Image img;
  img.id = 1;
  img.hash = hash;
  img.width = 2000;
  img.height = 1000;
  img.widths = parse_widths("320 640 1024 1600");
  EXPECT_EQ(img.width_upto(700), 640);
  EXPECT_EQ(img.width_upto(100), 320);
  EXPECT_EQ(img.height_at(640), 320);
  EXPECT_EQ(srcset(img, Format::jpeg).find("/media/" + hash + "-320.jpg 320w, "), 0u);
}

TEST(MediaProcess, StripsMetadataAppliesOrientationAndMakesEveryWidth) {
  const std::string jpeg = camera_jpeg(2400, 1200);
  ASSERT_NE(decode(jpeg).get_typeof(VIPS_META_EXIF_NAME), 0u);  // the input really has EXIF
  ASSERT_NE(decode(jpeg).get_typeof(VIPS_META_XMP_NAME), 0u);
  auto r = process_upload(jpeg, Limits{});
  ASSERT_TRUE(r.processed) << r.error;
  const Processed& p = *r.processed;
  EXPECT_EQ(p.format, "jpeg");
  EXPECT_EQ(p.width, 1200);  // turned upright
  EXPECT_EQ(p.height, 2400);
  EXPECT_EQ(p.widths, (std::vector<int>{320, 640, 1024, 1200}));
  EXPECT_EQ(p.variants.size(), 8u);
  EXPECT_EQ(p.hash.size(), 32u);
  for (const auto& v : p.variants) {
    VImage out = decode(v.bytes);
    EXPECT_EQ(out.width(), v.width);
    EXPECT_EQ(out.get_typeof(VIPS_META_EXIF_NAME), 0u) << v.width << extension(v.format);
    EXPECT_EQ(out.get_typeof(VIPS_META_XMP_NAME), 0u) << v.width;
    EXPECT_EQ(v.bytes.find("home address"), std::string::npos);
    const std::string loader = vips_foreign_find_load_buffer(v.bytes.data(), v.bytes.size());
    EXPECT_NE(loader.find(v.format == Format::webp ? "Webp" : "Jpeg"), std::string::npos) << loader;
  }
  EXPECT_EQ(decode(find_variant(p, 640, Format::jpeg)->bytes).height(), 1280);
}

TEST(MediaProcess, TakesPngWebpAndGifAndKeepsSmallPicturesAtTheirOwnWidth) {
  auto png = process_upload(encode(picture(500, 250, 4), ".png"), Limits{});
  ASSERT_TRUE(png.processed) << png.error;
  EXPECT_EQ(png.processed->format, "png");
  EXPECT_EQ(png.processed->widths, (std::vector<int>{320, 500}));
  EXPECT_EQ(decode(find_variant(*png.processed, 500, Format::jpeg)->bytes).bands(), 3);  // alpha flattened
  EXPECT_EQ(decode(find_variant(*png.processed, 500, Format::webp)->bytes).bands(), 4);  // alpha kept

  auto webp = process_upload(encode(picture(200, 100), ".webp"), Limits{});
  ASSERT_TRUE(webp.processed) << webp.error;
  EXPECT_EQ(webp.processed->format, "webp");
  EXPECT_EQ(webp.processed->widths, (std::vector<int>{200}));

  std::string gif;
  try {
    gif = encode(picture(300, 200), ".gif");
  } catch (const vips::VError&) {
    GTEST_SKIP() << "this libvips cannot write GIF";
  }
  auto g = process_upload(gif, Limits{});
  ASSERT_TRUE(g.processed) << g.error;
  EXPECT_EQ(g.processed->format, "gif");
}

TEST(MediaProcess, RefusesWrongTypesTruncatedFilesAndOversizedPictures) {
  EXPECT_NE(process_upload("", Limits{}).error, "");
  auto text = process_upload("<html><body>not a picture</body></html>", Limits{});
  EXPECT_FALSE(text.processed);
  EXPECT_NE(text.error.find("not a JPEG, PNG, WebP or GIF"), std::string::npos);
  // SVG is a picture, but a script-capable one, and not one we take.
  auto svg = process_upload("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>", Limits{});
  EXPECT_FALSE(svg.processed);
  EXPECT_NE(svg.error.find("not a JPEG"), std::string::npos);

  const std::string jpeg = encode(picture(1200, 800), ".jpg");
  auto truncated = process_upload(std::string_view(jpeg).substr(0, jpeg.size() / 2), Limits{});
  EXPECT_FALSE(truncated.processed);
  EXPECT_NE(truncated.error.find("damaged or incomplete"), std::string::npos);
  const std::string png = encode(picture(1200, 800), ".png");
  EXPECT_FALSE(process_upload(std::string_view(png).substr(0, png.size() - 40), Limits{}).processed);

  Limits small;
  small.max_pixels = 500'000;  // 1200 x 800 is 960,000
  auto big = process_upload(jpeg, small);
  EXPECT_FALSE(big.processed);
  EXPECT_NE(big.error.find("1200 x 800 pixels"), std::string::npos);
  Limits narrow;
  narrow.max_side = 1000;
  EXPECT_FALSE(process_upload(jpeg, narrow).processed);
  Limits tiny;
  tiny.max_bytes = 1000;
  auto heavy = process_upload(jpeg, tiny);
  EXPECT_FALSE(heavy.processed);
  EXPECT_NE(heavy.error.find("at most"), std::string::npos);
}

TEST(MediaProcess, ABombIsRefusedFromItsHeader) {
  // 12,000 x 12,000 pixels of one colour compress to a PNG of a few hundred KB that would take
  // hundreds of MB to decode.
  const std::string bomb = encode(VImage::black(12000, 12000).cast(VIPS_FORMAT_UCHAR), ".png");
  ASSERT_LT(bomb.size(), 1'000'000u);
  Limits limits;  // 50 megapixels, 16,000 a side: the pixel count is what refuses it
  auto r = process_upload(bomb, limits);
  EXPECT_FALSE(r.processed);
  EXPECT_NE(r.error.find("megapixels"), std::string::npos);
}

std::int64_t add_article(store::Connection& db, const std::string& headline, const std::string& body = "Text.") {
  content::ArticleInput in;
  in.headline = headline;
  in.standfirst = "Standfirst.";
  in.body_markdown = body;
  in.section = "News";
  in.published_at = 1'700'000'000;
  store::ContentStore s(db);
  s.save_article(in, 1'700'000'000);
  return s.last_saved_id();
}

std::size_t files_in(const std::filesystem::path& dir) {
  if (!std::filesystem::exists(dir)) return 0;
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

TEST(MediaLibrary, UploadStoresFilesAndRowOnceAndRefusalStoresNothing) {
  TempDb t;
  Settings s;
  s.media_dir = (t.dir() / "media").string();
  const std::string jpeg = encode(picture(800, 600), ".jpg");
  auto first = upload(t.db(), s, jpeg, "town-hall.jpg", "The town hall", "Photo: A. Snapper", std::nullopt, 100);
  ASSERT_EQ(first.error, "");
  EXPECT_FALSE(first.existing);
  EXPECT_EQ(files_in(s.media_dir), 6u);  // 320, 640, 800 in JPEG and WebP
  auto again = upload(t.db(), s, jpeg, "copy.jpg", "", "", std::nullopt, 200);
  EXPECT_TRUE(again.existing);
  EXPECT_EQ(again.id, first.id);
  store::MediaStore media(t.db());
  EXPECT_EQ(media.count(""), 1);
  EXPECT_EQ(media.count("HALL"), 1);  // name or alt, any case
  EXPECT_EQ(media.count("snapper"), 0);
  auto row = media.by_id(first.id);
  ASSERT_TRUE(row);
  for (int w : row->image.widths)
    EXPECT_TRUE(
        std::filesystem::exists(std::filesystem::path(s.media_dir) / variant_file(row->image.hash, w, Format::webp)));

  auto bad = upload(t.db(), s, std::string_view(jpeg).substr(0, 300), "half.jpg", "", "", std::nullopt, 300);
  EXPECT_NE(bad.error, "");
  EXPECT_EQ(media.count(""), 1);
  EXPECT_EQ(files_in(s.media_dir), 6u);
}

TEST(MediaLibrary, ArticleImagesAreRecordedAndReplacingNamesTheArticlesUsingThem) {
  TempDb t;
  Settings s;
  s.media_dir = (t.dir() / "media").string();
  auto pic = upload(t.db(), s, encode(picture(700, 400), ".png"), "p.png", "", "", std::nullopt, 100);
  ASSERT_EQ(pic.error, "");
  auto other = upload(t.db(), s, encode(picture(300, 300), ".jpg"), "q.jpg", "", "", std::nullopt, 100);
  const auto lead_article = add_article(t.db(), "Lead picture story");
  const auto body_article = add_article(t.db(), "Body picture story");
  const auto unrelated = add_article(t.db(), "No picture story");

  LeadImage lead;
  EXPECT_NE(check_lead_image(t.db(), {std::to_string(pic.id), "", "", ""}, lead), "");  // alt required
  EXPECT_NE(check_lead_image(t.db(), {"999", "Alt", "", ""}, lead), "");                // no such picture
  EXPECT_NE(check_lead_image(t.db(), {"", "Alt", "", ""}, lead), "");                   // alt without picture
  EXPECT_EQ(check_lead_image(t.db(), {"", "", "", ""}, lead), "");
  EXPECT_EQ(lead.media_id, 0);
  ASSERT_EQ(check_lead_image(t.db(), {std::to_string(pic.id), "Council chamber", "The vote", "Photo: Ed"}, lead), "");
  set_article_images(t.db(), lead_article, lead, "No pictures here.", 200);
  const std::string body = "Before.\n\n![Chart](media:" + std::to_string(pic.id) +
                           ")\n\n`![not](media:" + std::to_string(other.id) + ")`\n\n![Gone](media:9999)";
  set_article_images(t.db(), body_article, {}, body, 200);

  store::MediaStore media(t.db());
  auto stored = media.lead_image(lead_article);
  EXPECT_EQ(stored.id, pic.id);
  EXPECT_EQ(stored.alt, "Council chamber");
  EXPECT_EQ(stored.caption, "The vote");
  EXPECT_EQ(media.usage(pic.id).size(), 2u);
  EXPECT_TRUE(media.usage(other.id).empty());  // code is not an image
  auto loaded = store::ContentStore(t.db()).article_by_id(lead_article);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->lead_image.id, pic.id);  // every article loader brings the lead image

  store::ChangeStore changes(t.db());
  const auto before = changes.last_seq();
  const auto old_hash = media.by_id(pic.id)->image.hash;
  auto replaced = replace(t.db(), s, pic.id, encode(picture(900, 500), ".jpg"), 300);
  ASSERT_EQ(replaced.error, "");
  EXPECT_NE(media.by_id(pic.id)->image.hash, old_hash);
  auto after = changes.since(before, 10);
  ASSERT_EQ(after.size(), 1u);
  std::vector<std::string> expected{content::deps::article(lead_article), content::deps::article(body_article)};
  std::sort(expected.begin(), expected.end());
  auto names = after[0].names;
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, expected);
  EXPECT_EQ(std::find(names.begin(), names.end(), content::deps::article(unrelated)), names.end());

  // A bad replacement changes nothing and names nothing.
  const auto hash = media.by_id(pic.id)->image.hash;
  EXPECT_NE(replace(t.db(), s, pic.id, "not a picture", 400).error, "");
  EXPECT_EQ(media.by_id(pic.id)->image.hash, hash);
  EXPECT_EQ(changes.since(before, 10).size(), 1u);
}

TEST(MediaLibrary, AuthorPhotosAndEmployerLogosNameTheirPages) {
  TempDb t;
  Settings s;
  s.media_dir = (t.dir() / "media").string();
  auto pic = upload(t.db(), s, encode(picture(200, 200), ".png"), "p.png", "", "", std::nullopt, 100);
  ASSERT_EQ(pic.error, "");
  content::ArticleInput in;
  in.headline = "Bylined";
  in.section = "News";
  in.authors = {"Jo Example"};
  in.published_at = 1'700'000'000;
  store::ContentStore(t.db()).save_article(in, 1'700'000'000);
  auto author = store::ContentStore(t.db()).author_by_slug("jo-example");
  ASSERT_TRUE(author);
  EXPECT_NE(set_author_photo(t.db(), "nobody", pic.id, 200), "");
  EXPECT_NE(set_author_photo(t.db(), "jo-example", 999, 200), "");
  store::ChangeStore changes(t.db());
  const auto before = changes.last_seq();
  ASSERT_EQ(set_author_photo(t.db(), "jo-example", pic.id, 200), "");
  ASSERT_EQ(changes.since(before, 10).size(), 1u);
  EXPECT_EQ(changes.since(before, 10)[0].names, std::vector<std::string>{content::deps::author(author->id)});
  EXPECT_EQ(store::MediaStore(t.db()).author_photo(author->id).id, pic.id);
  EXPECT_EQ(names_using(t.db(), pic.id), std::vector<std::string>{content::deps::author(author->id)});
  ASSERT_EQ(set_author_photo(t.db(), "jo-example", 0, 300), "");
  EXPECT_TRUE(store::MediaStore(t.db()).author_photo(author->id).empty());
  EXPECT_TRUE(names_using(t.db(), pic.id).empty());
}

TEST(MediaBody, TextPicturesMustBeInTheLibraryAndHaveAltText) {
  TempDb t;
  Settings s;
  s.media_dir = (t.dir() / "media").string();
  auto pic = upload(t.db(), s, encode(picture(100, 100), ".png"), "p.png", "", "", std::nullopt, 100);
  const std::string id = std::to_string(pic.id);
  EXPECT_EQ(check_body_images(t.db(), "No pictures. ![a web one](https://example.org/x.png)"), "");
  EXPECT_EQ(check_body_images(t.db(), "![A *chart* of `costs`](media:" + id + ")"), "");
  EXPECT_NE(check_body_images(t.db(), "![](media:" + id + ")").find("needs alt text"), std::string::npos);
  EXPECT_NE(check_body_images(t.db(), "![  ](media:" + id + ")").find("needs alt text"), std::string::npos);
  EXPECT_NE(check_body_images(t.db(), "![Chart](media:404)").find("not in the media library"), std::string::npos);
  EXPECT_NE(check_body_images(t.db(), "![Chart](media:x1)").find("no valid number"), std::string::npos);
  EXPECT_EQ(check_body_images(t.db(), "`![](media:404)` is how to write one"), "");  // code, not a picture
}

TEST(MediaBody, FindsImagesWithCmarkAndLinksTheRenderedOnes) {
  EXPECT_EQ(body_media_ids(
                "![a](media:3) and ![b](media:4 \"t\")\n\n    ![c](media:5)\n\n![d](media:3) ![e](https://x/y.jpg)"),
            (std::vector<std::int64_t>{3, 4}));
  Image img;
  img.id = 3;
  img.hash = "0123456789abcdef0123456789abcdef";
  img.width = 2000;
  img.height = 1000;
  img.widths = {320, 640, 1024, 1600};
  auto lookup = [&](std::int64_t id) -> std::optional<Image> {
    if (id == 3) return img;
    return std::nullopt;
  };
  const std::string html =
      "<p><img src=\"media:3\" alt=\"Chart\" /> <img src=\"media:8\" alt=\"x\" /> "
      "src=&quot;media:3&quot; <img src=\"media:3x\" alt=\"\" /></p>";
  const std::string out = link_body_images(html, lookup, "");
  EXPECT_NE(out.find("<img src=\"/media/" + img.hash + "-1024.jpg\" srcset=\"/media/" + img.hash + "-320.jpg 320w"),
            std::string::npos);
  EXPECT_NE(out.find("width=\"1024\" height=\"512\" loading=\"lazy\""), std::string::npos);
  EXPECT_NE(out.find("<img src=\"\" alt=\"x\""), std::string::npos);
  EXPECT_NE(out.find("src=&quot;media:3&quot;"), std::string::npos);
  EXPECT_NE(out.find("<img src=\"media:3x\""), std::string::npos);
}

TEST(Multipart, ReadsFieldsAndBinaryFilesWithGmime) {
  std::string file = encode(picture(40, 30), ".png");
  file += "\r\n--boundary-like\r\n\0binary"s;
  const std::string boundary = "----gazetteTestBoundary7MA4YWxk";
  std::string body = "--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken-123\r\n"
                     "--" +
                     boundary +
                     "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"h\xc3\xa9.png\"\r\n"
                     "Content-Type: image/png\r\n\r\n" +
                     file + "\r\n--" + boundary + "--\r\n";
  auto parts = http::parse_multipart("multipart/form-data; boundary=" + boundary, body);
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ(http::find_part(*parts, "csrf")->data, "token-123");
  const auto* f = http::find_part(*parts, "file");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->filename, "h\xc3\xa9.png");
  EXPECT_EQ(f->content_type, "image/png");
  EXPECT_EQ(f->data, file);
  EXPECT_FALSE(http::parse_multipart("application/x-www-form-urlencoded", "a=b"));
  EXPECT_FALSE(http::parse_multipart("multipart/form-data", body));  // no boundary
}

}  // namespace
}  // namespace gazette::media
