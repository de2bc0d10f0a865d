"""The shared seed dumps (GAZETTE_SHARED_DIR/seeds, by default GAZETTE_SOURCE_DIR/../shared/seeds):
import counts and a known article.

Skipped locally when the seeds are not there; a failure under CI (CI=true), where they must be."""

import glob
import os
import shutil
import tempfile
import unittest

from gazette_server import SEEDS, GazetteServer, import_listing, parse_html, require_binary, skip_or_fail

# Per-file expectations, in import order: (prefix, added, already_present, adverts_set_aside, lines_skipped)
EXPECTED = [
    ("000_", 20, 0, 0, 0),
    ("001_", 10, 0, 0, 0),
    ("002_", 19, 1, 0, 0),
    ("003_", 20, 0, 0, 0),
    ("004_", 1, 0, 5, 3),
]
ARTICLE = "/news/2022/05/19/the-private-sector-is-essential-to-levelling-up"
HEADLINE = "The private sector is essential to levelling up"


class SeedsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require_binary()
        if not os.path.isdir(SEEDS):
            raise skip_or_fail("no seeds at %s (set GAZETTE_SHARED_DIR to the directory holding seeds/)" % SEEDS)
        cls.files = sorted(glob.glob(os.path.join(SEEDS, "*.txt")))
        if not cls.files:
            raise AssertionError("no *.txt seed files in %s" % SEEDS)
        cls.tmp = tempfile.mkdtemp(prefix="gazette-seeds-")
        cls.db = os.path.join(cls.tmp, "gazette.db")
        cls.reports = []
        for path in cls.files:
            proc, report = import_listing(cls.db, path)
            cls.reports.append((os.path.basename(path), proc.returncode, report, proc.stderr))
        try:
            cls.server = GazetteServer(cls.db, cls.tmp).start()
        except BaseException:
            shutil.rmtree(cls.tmp, ignore_errors=True)
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            code = cls.server.stop()
        finally:
            shutil.rmtree(cls.tmp, ignore_errors=True)
        if code != 0:
            raise AssertionError("gazette serve exited with %r after SIGTERM" % code)

    def test_five_seed_files(self):
        self.assertEqual([prefix for prefix, *_ in EXPECTED], [name[:4] for name, *_ in self.reports])

    def test_per_file_counts(self):
        self.assertEqual(len(self.reports), len(EXPECTED), [name for name, *_ in self.reports])
        for (prefix, added, present, adverts, skipped), (name, code, report, stderr) in zip(EXPECTED, self.reports):
            with self.subTest(file=name):
                self.assertEqual(code, 0, stderr)
                self.assertTrue(report["ok"])
                got = (report["added"], report["already_present"], report["adverts_set_aside"], report["lines_skipped"])
                self.assertEqual(got, (added, present, adverts, skipped))

    def test_reimport_adds_nothing(self):
        proc, report = import_listing(self.db, *self.files)
        self.assertEqual(proc.returncode, 0)
        self.assertEqual(report["added"], 0)
        self.assertEqual(report["already_present"], sum(e[1] + e[2] for e in EXPECTED))

    def test_known_article_and_byline(self):
        r = self.server.get(ARTICLE)
        self.assertEqual(r.status, 200)
        page = parse_html(r.text)
        self.assertEqual(page.h1_text(), HEADLINE)
        authors = page.find("article", cls="article").find("p", cls="meta").find_all("a", rel="author")
        self.assertEqual([a.clean_text() for a in authors], ["Athina Agrafioti"])
        self.assertEqual(authors[0].get("href"), "/authors/athina-agrafioti")
        self.assertEqual(page.find("p", cls="meta").find("time").clean_text(), "19 May 2022")
        author_page = parse_html(self.server.get("/authors/athina-agrafioti").text)
        self.assertIn(ARTICLE, [a.get("href") for a in author_page.find("main").find_all("a")])

    def test_every_seed_article_resolves(self):
        import xml.etree.ElementTree as ET
        sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
        index = ET.fromstring(self.server.get("/sitemap.xml").body)
        paths = []
        for child in index.iter(sm + "loc"):
            root = ET.fromstring(self.server.get(child.text[len(self.server.base_url):]).body)
            paths += [u.findtext(sm + "loc")[len(self.server.base_url):] for u in root.findall(sm + "url")]
        articles = [p for p in paths if p.count("/") == 5]
        self.assertEqual(len(articles), sum(e[1] for e in EXPECTED))
        self.assertIn(ARTICLE, articles)
        conn = self.server.connection()
        try:
            for p in articles:
                conn.request("GET", p)
                resp = conn.getresponse()
                body = resp.read()
                self.assertEqual(resp.status, 200, p)
                page = parse_html(body.decode("utf-8"))
                self.assertEqual(len(page.find_all("h1")), 1, p)
                self.assertEqual(page.errors, [], p)
        finally:
            conn.close()


if __name__ == "__main__":
    unittest.main()
