"""`gazette import wxr`: a WordPress export becomes articles, every item is accounted for, old addresses
answer 301, and the site renders every imported post. Runs on tests/fixtures/wxr/small_site.xml (ours)
and on GAZETTE_SHARED_DIR/data/wxr/*.xml when present (a failure under CI=true when missing)."""

import glob
import html
import json
import os
import re
import shutil
import tempfile
import time
import urllib.parse
import unittest

from gazette_server import connect_db, SHARED_DIR, SOURCE_DIR, GazetteServer, require_binary, run_cli, skip_or_fail

SMALL = os.path.join(SOURCE_DIR, "tests", "fixtures", "wxr", "small_site.xml")
SHARED_WXR = sorted(glob.glob(os.path.join(SHARED_DIR, "data", "wxr", "*.xml")))


def import_wxr(db, path, *extra):
    proc = run_cli("import", "wxr", "--json", path, *extra, db=db)
    try:
        return proc, json.loads(proc.stdout)
    except ValueError:
        return proc, None


def accounted(report):
    return report["posts"] + report["pages"] + report["attachments"] + len(report["skipped"])


class WxrImportTest(unittest.TestCase):
    def setUp(self):
        require_binary()
        self.tmp = tempfile.mkdtemp(prefix="gazette-wxr-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.db = os.path.join(self.tmp, "site.db")

    def serve(self):
        server = GazetteServer(self.db, self.tmp).start()
        self.addCleanup(server.stop)
        return server

    def check_renders_through_redirects(self, server):
        """Every imported article readers may see renders at its Gazette address (200, its headline),
        and its old address answers 301 there, unless the old address is itself a Gazette page now
        (a WordPress page at /news and a section called News)."""
        with connect_db(self.db) as con:
            rows = con.execute("SELECT r.old_path, a.headline, a.status, s.slug, a.slug, a.published_at "
                               "FROM redirects r JOIN articles a ON a.id = r.article_id "
                               "JOIN sections s ON s.id = a.section_id").fetchall()
        self.assertTrue(rows)
        for old, headline, status, section, slug, published in rows:
            when = time.gmtime(published)
            new = "/%s/%04d/%02d/%02d/%s" % (section, when.tm_year, when.tm_mon, when.tm_mday, slug)
            page = server.get(new)
            if status != "published":  # drafts, and scheduled posts before their time
                self.assertEqual(page.status, 404, new)
                continue
            self.assertEqual(page.status, 200, new)
            h1 = re.search(r"<h1>(.*?)</h1>", page.text, re.S)
            self.assertIsNotNone(h1, new)
            self.assertEqual(html.unescape(h1.group(1)), headline)
            self.assertNotIn("<script>alert", page.text)
            r = server.get(urllib.parse.quote(old))
            if r.status != 200:
                self.assertEqual(r.status, 301, old)
                self.assertEqual(r.header("Location"), new)
        return len(rows)

    def test_small_export_item_by_item(self):
        uploads = os.path.join(self.tmp, "uploads", "2019", "06")
        os.makedirs(uploads)
        open(os.path.join(uploads, "budget-meeting.jpg"), "wb").close()
        proc, report = import_wxr(self.db, SMALL, "--uploads", os.path.join(self.tmp, "uploads"),
                                  "--sections", "finance-news=Finance")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(report["ok"])
        self.assertEqual(report["items"], 8)
        self.assertEqual(accounted(report), 8)
        self.assertEqual((report["posts"], report["pages"], report["added"]), (3, 1, 4))
        self.assertEqual((report["attachments"], report["attachments_found"]), (1, 1))
        self.assertEqual(report["featured_images"], 1)
        reasons = {s["title"]: s["reason"] for s in report["skipped"]}
        self.assertIn("trash", reasons["Deleted story"])
        self.assertIn("password", reasons["Members only briefing"])
        self.assertIn("nav_menu_item", reasons["Home"])
        with connect_db(self.db) as con:
            rows = {r[0]: r[1:] for r in con.execute(
                "SELECT a.slug, a.status, s.name, a.standfirst, a.body_markdown FROM articles a "
                "JOIN sections s ON s.id = a.section_id")}
            authors = dict(con.execute("SELECT a.slug, au.name FROM articles a JOIN article_authors x ON "
                                       "x.article_id = a.id JOIN authors au ON au.id = x.author_id"))
            tags = sorted(t for (t,) in con.execute("SELECT name FROM tags"))
        self.assertEqual(rows["shared-budget-timetable"][:2], ("published", "Finance"))
        self.assertEqual(rows["waste-depot-inquiry"][1], "News")  # Uncategorized
        self.assertEqual(rows["about"][1], "Pages")
        self.assertEqual(rows["unfinished-piece-on-parking"][0], "draft")
        self.assertEqual(rows["waste-depot-inquiry"][2], "An inquiry will decide the future of the depot.")
        body = rows["waste-depot-inquiry"][3]
        self.assertIn("**four-day**", body)
        self.assertIn("- Objections: 412", body)
        self.assertIn("[officer report](<https://old.example.org/docs/depot.pdf>)", body)
        self.assertNotIn("alert", body)
        self.assertEqual(authors["shared-budget-timetable"], "Matilda Drake")
        self.assertEqual(authors["waste-depot-inquiry"], "Osei Kwame")
        self.assertEqual(tags, ["Budgets", "Council tax"])
        # Again: nothing new.
        proc, again = import_wxr(self.db, SMALL, "--sections", "finance-news=Finance")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual((again["added"], again["already_present"]), (0, 4))
        # Old addresses answer 301, with or without their trailing slash; the new page renders.
        server = self.serve()
        r = server.get("/2019/07/02/waste-depot-inquiry/")
        self.assertEqual(r.status, 301)
        page = server.get(r.header("Location"))
        self.assertEqual(page.status, 200)
        self.assertIn("<strong>four-day</strong>", page.text)
        self.assertIn("Waste depot plan goes to inquiry", page.text)
        self.assertEqual(server.get("/no/such/old/address").status, 404)
        self.assertEqual(self.check_renders_through_redirects(server), 3)

    def test_pictures_under_uploads_join_the_library_and_featured_images_lead(self):
        import struct
        import zlib

        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

        width, height = 200, 120
        rows = b"".join(b"\0" + b"".join(bytes((x % 256, y % 256, (x + y) % 256)) for x in range(width))
                        for y in range(height))
        picture = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
                   chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
        uploads = os.path.join(self.tmp, "pics", "2019", "06")
        os.makedirs(uploads)
        with open(os.path.join(uploads, "budget-meeting.jpg"), "wb") as f:  # a PNG: the type comes from the bytes
            f.write(picture)
        proc, report = import_wxr(self.db, SMALL, "--uploads", os.path.join(self.tmp, "pics"))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual((report["attachments_imported"], report["lead_images_set"]), (1, 1), report)
        self.assertEqual(report["attachments_refused"], [])
        with connect_db(self.db) as con:
            self.assertEqual(con.execute("SELECT count(*) FROM media").fetchone()[0], 1)
        again, second = import_wxr(self.db, SMALL, "--uploads", os.path.join(self.tmp, "pics"))
        self.assertEqual(again.returncode, 0, again.stderr)
        with connect_db(self.db) as con:
            self.assertEqual(con.execute("SELECT count(*) FROM media").fetchone()[0], 1, "the same picture once")
        server = self.serve()
        page = server.get("/2019/06/12/shared-budget-timetable/")
        if page.status == 301:
            page = server.get(page.header("Location"))
        self.assertEqual(page.status, 200)
        self.assertIn('property="og:image"', page.text)
        self.assertIn('alt="Budget meeting photo"', page.text)
        # Not a picture: refused with a reason, the import still succeeds.
        with open(os.path.join(uploads, "budget-meeting.jpg"), "wb") as f:
            f.write(b"not a picture at all")
        db2 = os.path.join(self.tmp, "second.db")
        proc, report = import_wxr(db2, SMALL, "--uploads", os.path.join(self.tmp, "pics"))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(report["attachments_imported"], 0)
        self.assertEqual(len(report["attachments_refused"]), 1)
        self.assertIn("budget-meeting.jpg", report["attachments_refused"][0])

    def test_not_a_wordpress_export_is_rejected(self):
        path = os.path.join(self.tmp, "other.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("<rss><channel><item><title>x</title></item></channel></rss>")
        proc, report = import_wxr(self.db, path)
        self.assertEqual(proc.returncode, 1)
        self.assertFalse(report["ok"])
        self.assertIn("WordPress", report["error"])
        broken = os.path.join(self.tmp, "broken.xml")
        with open(broken, "w", encoding="utf-8") as f:
            f.write("<rss>\n<channel>\n<item>\n</channel></rss>")
        proc, report = import_wxr(self.db, broken)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("line", report["error"])

    def test_shared_wordpress_exports(self):
        if not SHARED_WXR:
            raise skip_or_fail("no WXR files under %s/data/wxr" % SHARED_DIR)
        for path in SHARED_WXR:
            with self.subTest(path=os.path.basename(path)):
                proc, report = import_wxr(self.db, path)
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertTrue(report["ok"], report)
                self.assertEqual(accounted(report), report["items"])
                self.assertGreater(report["added"], 0)
                self.assertTrue(all(s["reason"] for s in report["skipped"]))
                proc, again = import_wxr(self.db, path)
                self.assertEqual(again["added"], 0)
        server = self.serve()
        self.assertGreater(self.check_renders_through_redirects(server), 50)


if __name__ == "__main__":
    unittest.main()
