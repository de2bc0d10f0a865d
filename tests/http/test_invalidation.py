"""Precise invalidation and stale-while-revalidate, on the real server: a change makes stale only the
pages that depend on it; a stale page is served while it re-renders, never past the bound; a failed
re-render keeps the old page and is logged."""

import os
import re
import time
import unittest

from gazette_server import connect_db, ServerTestCase, import_listing, run_cli

PARISH = "/news/2022/05/19/parish-precepts-under-the-microscope"
GRITTING = "/news/2022/03/08/why-the-gritting-rota-needs-a-rethink"

FRESH_HEADLINE = "Lighthouse cottages restored as visitor rooms"
FRESH_LISTING = """\u2022 %s

    4 March 2025

    The harbour trust has turned four empty cottages into bookable rooms for walkers, writes Ottoline Brackenbury.
""" % FRESH_HEADLINE


class InvalidationServer(ServerTestCase):
    """The listing fixtures, 40 demo adverts, and related reading computed up front so the server's
    background work does not make pages stale during a test."""

    @classmethod
    def prepare_db(cls):
        for args in (("demo-data", "--articles", "0", "--jobs", "40", "--seed", "3", "--quiet"), ("related", "refresh")):
            proc = run_cli(*args, db=cls.db)
            assert proc.returncode == 0, proc.stderr

    def warm(self, path):
        """Requests a page until it is served from the cache, fresh."""
        deadline = time.monotonic() + 5
        while True:
            r = self.get(path)
            self.assertEqual(r.status, 200, path)
            if r.header("X-Cache") == "HIT" or time.monotonic() > deadline:
                return r
            time.sleep(0.05)

    def wait_for(self, path, predicate, seconds=3.0):
        deadline = time.monotonic() + seconds
        while True:
            r = self.get(path)
            if predicate(r) or time.monotonic() > deadline:
                return r
            time.sleep(0.02)


class PreciseInvalidationTest(InvalidationServer):

    def test_new_article_makes_home_and_feed_stale_but_not_other_articles(self):
        for path in ("/", "/feed.xml", PARISH, GRITTING):
            self.assertEqual(self.warm(path).header("X-Cache"), "HIT", path)
        proc, report = import_listing(self.db, self._write(FRESH_LISTING))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        home = self.wait_for("/", lambda r: FRESH_HEADLINE in r.text)
        self.assertIn(FRESH_HEADLINE, home.text)
        self.assertIn(FRESH_HEADLINE, self.wait_for("/feed.xml", lambda r: FRESH_HEADLINE in r.text).text)
        # The archive's article pages were not built from anything the new article changed.
        for path in (PARISH, GRITTING):
            r = self.get(path)
            self.assertEqual(r.header("X-Cache"), "HIT", path)

    def test_advert_closing_touches_the_jobs_board_not_the_news(self):
        board = self.warm("/jobs")
        article = self.warm(PARISH)
        shown_beside_article = set(article.header("Surrogate-Key").split())
        ids = [int(m) for m in re.findall(r'href="/jobs/(\d+)/', board.text)]
        candidates = [i for i in ids if "j%d" % i not in shown_beside_article]
        self.assertTrue(candidates, "no advert on the board that the article's box does not show")
        job = candidates[0]
        job_page = "/jobs/%d/" % job
        self.assertIn(job_page, board.text)
        proc = run_cli("jobs", "close", str(job), db=self.db)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        after = self.wait_for("/jobs", lambda r: job_page not in r.text)
        self.assertNotIn(job_page, after.text, "the closed advert is still on the board")
        self.assertEqual(self.get(PARISH).header("X-Cache"), "HIT")
        # Closing it again is refused with a clear message and exit status 3.
        again = run_cli("jobs", "close", str(job), db=self.db)
        self.assertEqual(again.returncode, 3)
        self.assertIn("no live advert", again.stderr)

    def test_pages_name_their_dependencies_for_a_cdn(self):
        r = self.warm(PARISH)
        keys = r.header("Surrogate-Key").split()
        self.assertTrue(any(re.fullmatch(r"a\d+", k) for k in keys), keys)
        self.assertIn("nav", keys)
        self.assertEqual(r.header("Cache-Tag").split(","), keys)
        self.assertIn("stale-while-revalidate=", r.header("Cache-Control"))
        home = self.warm("/")
        self.assertIn("latest", home.header("Surrogate-Key").split())

    def test_search_and_filtered_jobs_are_cached_and_compressed(self):
        for path in ("/search?q=council", "/jobs?q=officer"):
            first = self.server.request("GET", path, {"Accept-Encoding": "br"})
            self.assertEqual(first.status, 200)
            self.assertEqual(first.header("Content-Encoding"), "br", path)
            again = self.server.request("GET", path, {"Accept-Encoding": "br"})
            self.assertEqual(again.header("X-Cache"), "HIT", path)

    def _write(self, text):
        path = os.path.join(self.tmp, "fresh-%d.txt" % time.monotonic_ns())
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path


class StaleBoundTest(InvalidationServer):
    server_env = {"GAZETTE_CACHE_STALE_SECONDS": "2"}

    def test_failed_rerender_keeps_the_old_page_within_the_bound_then_recovers(self):
        old = self.warm("/")
        db = connect_db(self.db, timeout=10)
        try:
            # Break the page's query, then name a change the home page depends on.
            db.execute("ALTER TABLE sections RENAME TO sections_gone")
            db.execute("INSERT INTO changes (at, names) VALUES (0, 'latest')")
            db.commit()
            stale = self.wait_for("/", lambda r: r.header("X-Cache") == "STALE")
            self.assertEqual(stale.status, 200)
            self.assertEqual(stale.header("X-Cache"), "STALE")
            self.assertEqual(stale.body, old.body)
            log_deadline = time.monotonic() + 3
            while "re-rendering / failed" not in self.server.log() and time.monotonic() < log_deadline:
                self.get("/")
                time.sleep(0.05)
            self.assertIn("re-rendering / failed", self.server.log())
            # Past the bound the old page is no longer served: the reader gets the render's answer.
            time.sleep(2.2)
            late = self.get("/")
            self.assertEqual(late.status, 500)
            db.execute("ALTER TABLE sections_gone RENAME TO sections")
            db.execute("INSERT INTO changes (at, names) VALUES (0, 'latest')")
            db.commit()
        finally:
            db.close()
        recovered = self.wait_for("/", lambda r: r.status == 200)
        self.assertEqual(recovered.status, 200)
        self.assertEqual(recovered.body, old.body)


if __name__ == "__main__":
    unittest.main()
