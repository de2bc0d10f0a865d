"""`gazette db copy`: a whole site moved from SQLite to PostgreSQL and back, with its counts checked,
a non-empty target refused unless --into-non-empty, and the copies serving the same pages.

Needs a PostgreSQL server (GAZETTE_TEST_PG; scripts/test starts one); skipped without it.
"""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

from gazette_server import (SOURCE_DIR, GazetteServer, demo_data, import_listing, require_binary, run_cli,
                            skip_or_fail)

PG = os.environ.get("GAZETTE_TEST_PG")


def pg_database(name):
    subprocess.run(["psql", PG, "-qXc", "DROP DATABASE IF EXISTS %s WITH (FORCE)" % name], check=True,
                   capture_output=True)
    subprocess.run(["psql", PG, "-qXc", "CREATE DATABASE %s" % name], check=True, capture_output=True)
    base, _, query = PG.partition("?")
    return base[: base.rfind("/") + 1] + name + ("?" + query if query else "")


def drop(name):
    subprocess.run(["psql", PG, "-qXc", "DROP DATABASE IF EXISTS %s WITH (FORCE)" % name], capture_output=True)


def article_links(server, path):
    res = server.get(path)
    assert res.status == 200, (path, res.status)
    return re.findall(r'href="(/[a-z-]+/\d{4}/\d\d/\d\d/[a-z0-9-]+)"', res.text)


class DbCopyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not PG:
            raise skip_or_fail("no PostgreSQL server (GAZETTE_TEST_PG)")
        require_binary()
        cls.tmp = tempfile.mkdtemp(prefix="gazette-copy-")
        cls.source = os.path.join(cls.tmp, "site.db")
        demo_data(cls.source, 60)
        proc, _ = import_listing(cls.source, os.path.join(SOURCE_DIR, "tests", "fixtures", "search", "stories.txt"))
        assert proc.returncode == 0, proc.stderr
        cls.names = ["gazette_copy_%d_a" % os.getpid(), "gazette_copy_%d_b" % os.getpid()]
        cls.pg = pg_database(cls.names[0])

    @classmethod
    def tearDownClass(cls):
        for n in getattr(cls, "names", []):
            drop(n)
        shutil.rmtree(getattr(cls, "tmp", ""), ignore_errors=True)

    def copy(self, source, target, *extra):
        return subprocess.run([require_binary(), "db", "copy", "--from", source, "--to", target, *extra],
                              capture_output=True, text=True, timeout=300)

    def test_a_site_goes_to_postgresql_and_back_with_the_same_pages(self):
        there = self.copy(self.source, self.pg)
        self.assertEqual(there.returncode, 0, there.stderr)
        self.assertIn("counts checked", there.stdout)
        self.assertIn("db copy: articles", there.stderr, "progress per table on stderr")

        again = self.copy(self.source, self.pg)
        self.assertEqual(again.returncode, 1)
        self.assertIn("not empty", again.stderr)
        self.assertIn("articles", again.stderr)
        forced = self.copy(self.source, self.pg, "--into-non-empty")
        self.assertEqual(forced.returncode, 0, forced.stderr)

        back = os.path.join(self.tmp, "back.db")
        returned = self.copy(self.pg, back)
        self.assertEqual(returned.returncode, 0, returned.stderr)

        servers = [GazetteServer(db, self.tmp).start() for db in (self.source, self.pg, back)]
        try:
            for path in ("/", "/news", "/search?q=potholes", "/search?q=council&sort=date", "/jobs"):
                pages = [article_links(s, path) for s in servers]
                if path == "/search?q=potholes":
                    # Relevance is each backend's own (BM25 on SQLite, ts_rank on PostgreSQL): the same
                    # matches, perhaps in another order.
                    self.assertEqual(sorted(pages[0]), sorted(pages[1]), "the same matches on " + path)
                else:
                    self.assertEqual(pages[0], pages[1], "SQLite and PostgreSQL list the same articles on " + path)
                self.assertEqual(pages[0], pages[2], "the copy back lists the same articles on " + path)
            self.assertTrue(article_links(servers[1], "/search?q=potholes"), "PostgreSQL search finds the story")
        finally:
            for s in servers:
                s.stop()

    def test_help_and_bad_addresses(self):
        helped = run_cli("db", "copy", "--help")
        self.assertEqual(helped.returncode, 0)
        self.assertIn("--into-non-empty", helped.stdout)
        missing = self.copy(self.source, "postgresql://nobody@127.0.0.1:1/none")
        self.assertEqual(missing.returncode, 1)
        self.assertIn("cannot connect", missing.stderr)


if __name__ == "__main__":
    unittest.main()
