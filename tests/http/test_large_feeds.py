"""Large machine-readable documents cost the same whatever the request: the job feed is built once per
change of the job index and served from one shared buffer, and made-up query strings on the feed and
the sitemaps make neither new documents nor memory."""
import threading
import time
import unittest
import xml.etree.ElementTree as ET

from gazette_server import ServerTestCase, run_cli

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class LargeFeedTest(ServerTestCase):
    fixtures = []
    demo_articles = 20
    JOBS = 1500
    server_env = {"GAZETTE_THREADS": "2"}

    @classmethod
    def prepare_db(cls):
        proc = run_cli("demo-data", "--articles", "0", "--jobs", cls.JOBS, "--seed", "3", "--quiet", db=cls.db,
                       timeout=600)
        if proc.returncode != 0:
            raise RuntimeError("demo-data --jobs failed: %s %s" % (proc.stdout, proc.stderr))

    def fetch_many(self, paths, headers=None):
        conn = self.server.connection(timeout=30)
        try:
            for p in paths:
                conn.request("GET", p, headers=headers or {})
                r = conn.getresponse()
                r.read()
                self.assertEqual(r.status, 200, p)
        finally:
            conn.close()

    def test_feed_lists_every_live_advert_once(self):
        root = ET.fromstring(self.get_ok("/jobs/feed.xml").body)
        refs = [j.findtext("referencenumber") for j in root.findall("job")]
        self.assertGreater(len(refs), self.JOBS // 2)
        self.assertEqual(len(refs), len(set(refs)))

    def test_made_up_query_strings_do_not_grow_memory(self):
        pid = self.server.proc.pid
        feed = self.get_ok("/jobs/feed.xml")
        self.assertGreater(len(feed.body), 500_000, "the feed is too small to show anything")
        # Warm up: the documents and the page cache's entries for the paths themselves.
        self.fetch_many(["/jobs/feed.xml?w=%d" % n for n in range(20)], {"Accept-Encoding": "gzip"})
        self.fetch_many(["/sitemap.xml?w=%d" % n for n in range(20)] + ["/sitemaps/jobs-1.xml?w=1"])
        before = rss_kb(pid)
        started = time.monotonic()
        # Two clients at once, 1,500 distinct made-up URLs each, both encodings.
        def client(k):
            self.fetch_many(["/jobs/feed.xml?x=%d-%d" % (k, n) for n in range(700)],
                            {"Accept-Encoding": "gzip" if k else "identity"})
            self.fetch_many(["/sitemap.xml?utm_source=%d-%d" % (k, n) for n in range(400)] +
                            ["/sitemaps/jobs-1.xml?p=%d-%d" % (k, n) for n in range(400)])
        threads = [threading.Thread(target=client, args=(k,)) for k in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        after = rss_kb(pid)
        # One copy of the feed is ~1 MB here; 1,400 copies would be over a gigabyte.
        self.assertLess(after - before, 30_000, "RSS grew from %d kB to %d kB" % (before, after))
        self.assertEqual(self.get_ok("/jobs/feed.xml").header("ETag"), feed.header("ETag"))
        # Answered from the shared buffer: far below the cost of building it each time.
        self.assertLess(elapsed, 120)


if __name__ == "__main__":
    unittest.main()
