"""Pictures: uploading to the newsroom's media library (checked from the bytes, limits, nothing kept
from a refused file), the variants served at /media/ with immutable caching, and an article's lead
image on its page (srcset, width and height, og:image, twitter:image, JSON-LD), on the home page and
in the feeds. Replacing a picture shows the new one on the pages of the articles using it.

Pictures are made here, as PNGs written with zlib (no picture files are read from anywhere).
"""

import json
import os
import re
import struct
import unittest
import uuid
import xml.etree.ElementTree as ET
import zlib

from gazette_server import connect_db, SOURCE_DIR, ServerTestCase, parse_html, run_cli, status_of
from test_newsroom import EDITOR, RECRUITER, STORIES, add_user, cookie_value, form

MEDIA_RSS = "{http://search.yahoo.com/mrss/}"
ATOM = "{http://www.w3.org/2005/Atom}"


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, shade=0):
    """An RGB PNG with a gradient; `shade` makes different pictures of the same size."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows += bytes(((x + shade) % 256, (y * 2) % 256, (x + y + shade * 7) % 256))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", zlib.compress(bytes(rows)))
            + png_chunk(b"IEND", b""))


def noisy_png(width, height):
    """An RGB PNG of random pixels: it barely compresses, so it is about width * height * 3 bytes."""
    rows = b"".join(b"\0" + os.urandom(width * 3) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", zlib.compress(rows, 1))
            + png_chunk(b"IEND", b""))


def png_bomb(width, height):
    """A valid PNG header claiming a huge picture, with a little compressed data: a decompression bomb's
    shape (the server must refuse it from the header, before decoding)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", zlib.compress(bytes(width * 3 + 1)))
            + png_chunk(b"IEND", b""))


def multipart(fields, files):
    """A multipart/form-data body: (content type, bytes). files: name -> (filename, content type, bytes)."""
    boundary = "gazette" + uuid.uuid4().hex
    out = bytearray()
    for name, value in fields.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (boundary, name)).encode()
        out += value.encode() + b"\r\n"
    for name, (filename, ctype, data) in files.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n"
                % (boundary, name, filename, ctype)).encode()
        out += data + b"\r\n"
    out += ("--%s--\r\n" % boundary).encode()
    return "multipart/form-data; boundary=" + boundary, bytes(out)


class MediaTest(ServerTestCase):
    fixtures = []

    @classmethod
    def extra_listings(cls):
        return [STORIES]

    @classmethod
    def prepare_db(cls):
        jobs = os.path.join(SOURCE_DIR, "tests", "fixtures", "jobs", "council_vacancies.xml")
        proc = run_cli("import", "jobs", jobs, db=cls.db)
        if proc.returncode != 0:
            raise RuntimeError("import jobs failed: %s" % proc.stderr)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            for (email, password), role in ((EDITOR, "editor"), (RECRUITER, "recruiter")):
                proc = add_user(cls.db, email, password, role)
                if proc.returncode != 0:
                    raise RuntimeError("users add failed: %s" % proc.stderr)
        except BaseException:
            cls.tearDownClass()
            raise

    # --- helpers ---------------------------------------------------------------------------------

    def post(self, path, body, cookie=None, content_type="application/x-www-form-urlencoded"):
        headers = {"Content-Type": content_type}
        if cookie:
            headers["Cookie"] = cookie
        return self.server.request("POST", path, headers=headers, body=body, timeout=60)

    def sign_in(self, who=EDITOR):
        r = self.get_ok("/newsroom/login")
        token = cookie_value(r, "gazette_login_csrf")
        r = self.post("/newsroom/login", form(csrf=token, email=who[0], password=who[1]),
                      cookie="gazette_login_csrf=" + token)
        self.assertEqual(r.status, 303, r.body[:300])
        return "gazette_session=" + cookie_value(r, "gazette_session")

    def csrf(self, cookie):
        r = self.server.get("/newsroom/media", {"Cookie": cookie})
        self.assertEqual(r.status, 200, r.body[:300])
        return parse_html(r.text).find("form", action="/newsroom/media").find("input", name="csrf").get("value")

    def upload(self, cookie, data, filename="picture.png", alt="", csrf=None, path="/newsroom/media"):
        ctype, body = multipart({"csrf": self.csrf(cookie) if csrf is None else csrf, "alt": alt},
                                {"file": (filename, "image/png", data)})
        return self.post(path, body, cookie=cookie, content_type=ctype)

    def upload_ok(self, cookie, data, **kw):
        r = self.upload(cookie, data, **kw)
        self.assertEqual(r.status, 303, r.body[:500])
        m = re.match(r"^/newsroom/media/(\d+)\?(uploaded|existing)=1$", r.header("Location"))
        self.assertTrue(m, r.header("Location"))
        return int(m.group(1))

    def media_rows(self):
        with connect_db(self.db) as c:
            return c.execute("SELECT count(*) FROM media").fetchone()[0]

    def media_files(self):
        d = self.db + ".media"
        return sorted(os.listdir(d)) if os.path.isdir(d) else []

    def variant_paths(self, media_id):
        with connect_db(self.db) as c:
            h, widths = c.execute("SELECT hash, widths FROM media WHERE id = ?", (media_id,)).fetchone()
        return h, [int(w) for w in widths.split()]

    def editor_values(self, cookie, url):
        r = self.server.get(url, {"Cookie": cookie})
        self.assertEqual(r.status, 200)
        f = parse_html(r.text).find("form", cls="newsroom-form")
        values = {i.get("name"): i.get("value") or "" for i in f.find_all("input") if i.get("name")}
        for t in f.find_all("textarea"):
            values[t.get("name")] = t.text()
        for s in f.find_all("select"):
            chosen = [o for o in s.find_all("option") if "selected" in o.attrs]
            values[s.get("name")] = chosen[0].get("value") if chosen else ""
        return values

    # --- uploads ---------------------------------------------------------------------------------

    def test_an_upload_is_resized_into_variants_served_with_immutable_caching(self):
        cookie = self.sign_in()
        media_id = self.upload_ok(cookie, png(900, 600, shade=1), filename="Town hall.png", alt="The town hall")
        page = parse_html(self.server.get("/newsroom/media/%d" % media_id, {"Cookie": cookie}).text)
        self.assertIn("Town hall.png", page.h1_text())
        digest, widths = self.variant_paths(media_id)
        self.assertEqual(widths, [320, 640, 900])
        for w in widths:
            for ext, ctype, magic in (("jpg", "image/jpeg", b"\xff\xd8\xff"), ("webp", "image/webp", b"RIFF")):
                with self.subTest(width=w, ext=ext):
                    r = self.get_ok("/media/%s-%d.%s" % (digest, w, ext))
                    self.assertEqual(r.header("Content-Type"), ctype)
                    self.assertEqual(r.header("Cache-Control"), "public, max-age=31536000, immutable")
                    self.assertEqual(r.header("X-Content-Type-Options"), "nosniff")
                    self.assertTrue(r.body.startswith(magic))
        self.assertIn("%s-640.webp" % digest, self.media_files())
        # The library finds it by name or alt text, and says it is not used yet.
        listing = self.server.get("/newsroom/media?q=TOWN+HALL", {"Cookie": cookie}).text
        self.assertIn("Town hall.png", listing)
        self.assertIn("not used", listing)
        self.assertNotIn("Town hall.png", self.server.get("/newsroom/media?q=harbour", {"Cookie": cookie}).text)
        # The same bytes again are the same picture, not a second copy.
        rows = self.media_rows()
        r = self.upload(cookie, png(900, 600, shade=1))
        self.assertEqual(r.header("Location"), "/newsroom/media/%d?existing=1" % media_id)
        self.assertEqual(self.media_rows(), rows)

    def test_bad_files_are_refused_with_a_reason_and_nothing_is_stored(self):
        cookie = self.sign_in()
        good = png(400, 300, shade=2)
        cases = (
            ("text", b"<html><script>alert(1)</script></html>", "not a JPEG, PNG, WebP or GIF"),
            ("svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>', "not a JPEG, PNG, WebP or GIF"),
            ("truncated", good[: len(good) // 2], "damaged or incomplete"),
            ("bomb", png_bomb(30000, 30000), "megapixels"),
            ("empty", b"", "Choose a picture file"),
        )
        rows, files = self.media_rows(), self.media_files()
        for name, data, reason in cases:
            with self.subTest(name):
                r = self.upload(cookie, data, filename="looks-fine.png")
                self.assertEqual(r.status, 422, r.body[:300])
                self.assertIn(reason, parse_html(r.text).find("p", cls="form-error").clean_text())
        self.assertEqual(self.media_rows(), rows)
        self.assertEqual(self.media_files(), files)

    def test_uploads_need_a_session_the_forms_token_and_a_role_that_writes(self):
        data = png(100, 80, shade=3)
        rows = self.media_rows()
        r = self.upload(None, data, csrf="x")
        self.assertEqual(r.status, 401)
        cookie = self.sign_in()
        self.assertEqual(self.upload(cookie, data, csrf="not-the-token").status, 403)
        recruiter = self.sign_in(RECRUITER)
        self.assertEqual(self.server.get("/newsroom/media", {"Cookie": recruiter}).status, 403)
        self.assertEqual(self.upload(recruiter, data, csrf="x").status, 403)
        self.assertEqual(self.media_rows(), rows)
        # Not a multipart body at all.
        self.assertEqual(self.post("/newsroom/media", form(csrf="x"), cookie=cookie).status, 400)

    def test_uploads_may_be_larger_than_other_requests_up_to_the_setting(self):
        cookie = self.sign_in()
        big = noisy_png(800, 700)  # about 1.7 MB, over the 1 MB every other request may send
        self.assertGreater(len(big), 1_100_000)
        media_id = self.upload_ok(cookie, big)
        self.assertEqual(self.variant_paths(media_id)[1], [320, 640, 800])
        # Declared sizes are refused from the header: over 1 MB elsewhere, over the setting (20 MB) here.
        for path, length in (("/newsroom/login", 2_000_000), ("/newsroom/media", 30 * 1024 * 1024)):
            with self.subTest(path=path):
                reply = self.server.raw(("POST %s HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; "
                                         "boundary=x\r\nContent-Length: %d\r\n\r\n" % (path, length)).encode())
                self.assertEqual(status_of(reply), 413, reply[:120])

    def test_markup_in_a_name_or_alt_text_shows_as_text(self):
        cookie = self.sign_in()
        media_id = self.upload_ok(cookie, png(150, 100, shade=10), filename="<b>bold</b>.png",
                                  alt="<script>alert(1)</script> & more")
        for path in ("/newsroom/media", "/newsroom/media/%d" % media_id):
            with self.subTest(path=path):
                text = self.server.get(path, {"Cookie": cookie}).text
                self.assertNotIn("<script>alert(1)</script>", text)
                self.assertNotIn("<b>bold</b>", text)
                self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", text)

    def test_only_variant_names_are_served_from_the_media_directory(self):
        for path in ("/media/nothing.jpg", "/media/" + "a" * 32 + "-640.jpg", "/media/gazette.db",
                     "/media/" + "a" * 32 + "-640.png"):
            with self.subTest(path):
                self.assertEqual(self.get(path).status, 404)

    # --- an article's pictures -------------------------------------------------------------------

    def test_a_lead_image_shows_on_the_article_home_feeds_and_link_previews_and_follows_a_replacement(self):
        cookie = self.sign_in()
        media_id = self.upload_ok(cookie, png(1200, 800, shade=4), alt="Suggested alt")
        body_pic = self.upload_ok(cookie, png(500, 400, shade=5))
        values = self.editor_values(cookie, "/newsroom/articles/new")
        values.update(headline="Harbour council unveils its new ferry terminal", standfirst="Work starts in May.",
                      body="The terminal opens next year.\n\n![A plan of the terminal](media:%d)" % body_pic,
                      section="News", status="published", lead_media=str(media_id), lead_alt="",
                      lead_caption="The design, as shown to councillors", lead_credit="Photo: Harbour Council")
        # Alt text is required: nothing is saved without it, and what was typed is shown again.
        r = self.post("/newsroom/articles/new", form(**values), cookie=cookie)
        self.assertEqual(r.status, 422)
        self.assertIn("alt text", parse_html(r.text).find("p", cls="form-error").clean_text())
        self.assertIn("The design, as shown to councillors", r.text)
        values["lead_alt"] = "Drawing of a glass ferry terminal"
        r = self.post("/newsroom/articles/new", form(**values), cookie=cookie)
        self.assertEqual(r.status, 303, r.body[:500])
        edit_url = r.header("Location")
        self.assertEqual(self.editor_values(cookie, edit_url)["lead_alt"], "Drawing of a glass ferry terminal")

        digest, widths = self.variant_paths(media_id)
        home = parse_html(self.get_ok("/").text)
        lead = home.find("article", cls="lead")
        self.assertIn("Harbour council unveils", lead.clean_text())
        img = lead.find("img")
        self.assertIsNotNone(img, "the home page's lead story shows its picture")
        self.assertIn(digest, img.get("src"))
        self.assertIsNone(img.get("loading"), "the top of the home page is not lazy")

        # On the section's listing the first cards are at the top of the page: not lazy.
        card = [c for c in parse_html(self.get_ok("/news").text).find_all("article", cls="card")
                if "Harbour council unveils" in c.clean_text()][0]
        self.assertIn(digest, card.find("img").get("src"))
        self.assertIsNone(card.find("img").get("loading"))

        url = lead.find("h2").find("a").get("href")
        page_r = self.get_ok(url)
        page = parse_html(page_r.text)
        figure = page.find("figure", cls="lead-image")
        img = figure.find("img")
        self.assertEqual(img.get("alt"), "Drawing of a glass ferry terminal")
        self.assertEqual((img.get("width"), img.get("height")), ("1024", "683"))
        self.assertEqual(img.get("src"), "/media/%s-1024.jpg" % digest)
        self.assertIn("/media/%s-320.jpg 320w" % digest, img.get("srcset"))
        self.assertTrue(img.get("sizes"))
        source = figure.find("source")
        self.assertEqual(source.get("type"), "image/webp")
        self.assertIn("/media/%s-1200.webp 1200w" % digest, source.get("srcset"))
        self.assertIn("Photo: Harbour Council", figure.find("figcaption").clean_text())
        body_img = page.find("div", cls="body").find("img")
        self.assertEqual(body_img.get("loading"), "lazy")
        self.assertEqual(body_img.get("alt"), "A plan of the terminal")
        self.assertRegex(body_img.get("src"), r"^/media/[0-9a-f]{32}-500\.jpg$")
        self.assertEqual((body_img.get("width"), body_img.get("height")), ("500", "400"))
        self.assertEqual(self.get(body_img.get("src")).status, 200)

        image_url = self.url("/media/%s-1200.jpg" % digest)
        meta = {m.get("property") or m.get("name"): m.get("content") for m in page.find_all("meta")}
        self.assertEqual(meta["og:image"], image_url)
        self.assertEqual(meta["twitter:image"], image_url)
        self.assertEqual(meta["twitter:card"], "summary_large_image")
        self.assertEqual(meta["og:image:alt"], "Drawing of a glass ferry terminal")
        ld = json.loads(page.find("script", type="application/ld+json").text())
        self.assertEqual(ld["image"][0]["url"], image_url)
        self.assertEqual((ld["image"][0]["width"], ld["image"][0]["height"]), (1200, 800))

        rss = ET.fromstring(self.get_ok("/feed.xml").body)
        item = [i for i in rss.iter("item") if i.findtext("title").startswith("Harbour council")][0]
        content = item.find(MEDIA_RSS + "content")
        self.assertEqual(content.get("url"), self.url("/media/%s-1024.jpg" % digest))
        self.assertEqual((content.get("medium"), content.get("width"), content.get("height")), ("image", "1024", "683"))
        self.assertEqual(content.findtext(MEDIA_RSS + "description"), "Drawing of a glass ferry terminal")
        atom = ET.fromstring(self.get_ok("/atom.xml").body)
        entry = [e for e in atom.iter(ATOM + "entry") if e.findtext(ATOM + "title").startswith("Harbour council")][0]
        enclosure = [l for l in entry.findall(ATOM + "link") if l.get("rel") == "enclosure"][0]
        self.assertEqual(enclosure.get("href"), self.url("/media/%s-1024.jpg" % digest))

        # The library says where each picture is used.
        item_page = self.server.get("/newsroom/media/%d" % media_id, {"Cookie": cookie}).text
        self.assertIn("Harbour council unveils its new ferry terminal", item_page)
        self.assertIn("lead image", item_page)
        self.assertIn("in the text", self.server.get("/newsroom/media/%d" % body_pic, {"Cookie": cookie}).text)

        # Replacing the picture shows the new one on the article (its cached page was named) and home.
        self.get_ok(url)  # cached now
        item = parse_html(item_page)
        token = item.find("form", action="/newsroom/media/%d/replace" % media_id).find("input", name="csrf").get("value")
        r = self.upload(cookie, png(800, 500, shade=6), csrf=token, path="/newsroom/media/%d/replace" % media_id)
        self.assertEqual(r.status, 303, r.body[:500])
        self.assertEqual(r.header("Location"), "/newsroom/media/%d?replaced=1" % media_id)
        new_digest, new_widths = self.variant_paths(media_id)
        self.assertNotEqual(new_digest, digest)
        self.assertEqual(new_widths, [320, 640, 800])
        page = parse_html(self.get_ok(url).text)
        meta = {m.get("property") or m.get("name"): m.get("content") for m in page.find_all("meta")}
        self.assertEqual(meta["og:image"], self.url("/media/%s-800.jpg" % new_digest))
        self.assertIn(new_digest, parse_html(self.get_ok("/").text).find("article", cls="lead").find("img").get("src"))
        # A refused replacement changes nothing.
        r = self.upload(cookie, b"GIF89a but not really", csrf=token, path="/newsroom/media/%d/replace" % media_id)
        self.assertEqual(r.status, 422)
        self.assertEqual(self.variant_paths(media_id)[0], new_digest)

    def test_a_lead_image_that_is_not_in_the_library_is_refused(self):
        cookie = self.sign_in()
        values = self.editor_values(cookie, "/newsroom/articles/new")
        values.update(headline="A story with a picture that does not exist", lead_media="987654",
                      lead_alt="Something", status="draft")
        r = self.post("/newsroom/articles/new", form(**values), cookie=cookie)
        self.assertEqual(r.status, 422)
        self.assertIn("no picture number 987654", r.text)
        # Pictures in the text: in the library, with alt text.
        pic = self.upload_ok(cookie, png(120, 90, shade=9))
        for body, reason in (("![](media:%d)" % pic, "needs alt text"), ("![A map](media:987654)", "not in the media library")):
            with self.subTest(body=body):
                values.update(lead_media="", lead_alt="", body=body)
                r = self.post("/newsroom/articles/new", form(**values), cookie=cookie)
                self.assertEqual(r.status, 422)
                self.assertIn(reason, parse_html(r.text).find("p", cls="form-error").clean_text())
        with connect_db(self.db) as c:
            self.assertEqual(c.execute("SELECT count(*) FROM articles WHERE headline LIKE 'A story with a picture%'")
                             .fetchone()[0], 0)


    # --- authors' photos and employers' logos ----------------------------------------------------

    def meta_of(self, page):
        return {m.get("property") or m.get("name"): m.get("content") for m in page.find_all("meta")}

    def job_posting(self, page):
        for script in page.find_all("script", type="application/ld+json"):
            data = json.loads(script.text())
            if data.get("@type") == "JobPosting":
                return data
        self.fail("no JobPosting JSON-LD")

    def test_a_picture_is_an_authors_photo_and_an_employers_logo_and_follows_a_replacement(self):
        cookie = self.sign_in()
        pic = self.upload_ok(cookie, png(400, 400, shade=7))
        values = self.editor_values(cookie, "/newsroom/articles/new")
        values.update(headline="Planning officers report a record year", byline="Priya Example", status="published")
        self.assertEqual(self.post("/newsroom/articles/new", form(**values), cookie=cookie).status, 303)
        item = parse_html(self.server.get("/newsroom/media/%d" % pic, {"Cookie": cookie}).text)
        token = item.find("form", action="/newsroom/media/%d/author" % pic).find("input", name="csrf").get("value")
        r = self.post("/newsroom/media/%d/author" % pic, form(csrf=token, slug="nobody-by-that-name"), cookie=cookie)
        self.assertEqual(r.status, 422)
        self.assertIn("no author", r.text)
        self.get_ok("/authors/priya-example")  # cached without a photo
        r = self.post("/newsroom/media/%d/author" % pic, form(csrf=token, slug="/authors/priya-example"), cookie=cookie)
        self.assertEqual(r.status, 303, r.body[:300])
        r = self.post("/newsroom/media/%d/employer" % pic, form(csrf=token, slug="kent-county-council"), cookie=cookie)
        self.assertEqual(r.status, 303, r.body[:300])
        self.assertEqual(self.post("/newsroom/media/%d/employer" % pic, form(csrf="wrong", slug="kent-county-council"),
                                   cookie=cookie).status, 403)

        digest, _ = self.variant_paths(pic)
        author = parse_html(self.get_ok("/authors/priya-example").text)
        photo = author.find("div", cls="author-photo").find("img")
        self.assertEqual(photo.get("alt"), "Priya Example")
        self.assertIn(digest, photo.get("src"))
        self.assertIn(digest, self.meta_of(author)["og:image"])

        employer = parse_html(self.get_ok("/jobs/employers/kent-county-council").text)
        self.assertIn(digest, employer.find("div", cls="employer-logo").find("img").get("src"))
        job_url = [a.get("href") for a in employer.find_all("a") if re.match(r"^/jobs/\d+/", a.get("href") or "")][0]
        job = parse_html(self.get_ok(job_url).text)
        self.assertEqual(job.find("div", cls="employer-logo").find("img").get("alt"), "Kent County Council logo")
        self.assertEqual(self.job_posting(job)["hiringOrganization"]["logo"], self.url("/media/%s-400.jpg" % digest))

        listed = self.server.get("/newsroom/media/%d" % pic, {"Cookie": cookie}).text
        self.assertIn("author's photo", listed)
        self.assertIn("employer's logo", listed)

        # A replacement reaches the author's page and the employer's adverts, cached before it.
        r = self.upload(cookie, png(300, 300, shade=8), csrf=token, path="/newsroom/media/%d/replace" % pic)
        self.assertEqual(r.status, 303, r.body[:300])
        new_digest, _ = self.variant_paths(pic)
        self.assertIn(new_digest, self.meta_of(parse_html(self.get_ok("/authors/priya-example").text))["og:image"])
        self.assertEqual(self.job_posting(parse_html(self.get_ok(job_url).text))["hiringOrganization"]["logo"],
                         self.url("/media/%s-300.jpg" % new_digest))

        # Removing the photo takes it off the author's page.
        r = self.post("/newsroom/media/%d/author" % pic, form(csrf=token, slug="priya-example", remove="1"),
                      cookie=cookie)
        self.assertEqual(r.status, 303)
        self.assertIsNone(parse_html(self.get_ok("/authors/priya-example").text).find("div", cls="author-photo"))


if __name__ == "__main__":
    unittest.main()
