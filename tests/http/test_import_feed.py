"""`gazette import feed`: an existing site's RSS or Atom feed becomes articles, item by item, with the
same dedupe rules as the other importers, and old addresses answer 301."""

import json
import os
import shutil
import tempfile
import unittest

from gazette_server import connect_db, SOURCE_DIR, GazetteServer, require_binary, run_cli

FEEDS = os.path.join(SOURCE_DIR, "tests", "fixtures", "feeds")


def import_feed(db, *args):
    proc = run_cli("import", "feed", "--json", *args, db=db)
    return proc, [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


class ImportFeedTest(unittest.TestCase):
    def setUp(self):
        require_binary()
        self.tmp = tempfile.mkdtemp(prefix="gazette-feed-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.db = os.path.join(self.tmp, "site.db")

    def test_rss_and_atom_item_by_item(self):
        proc, reports = import_feed(self.db, os.path.join(FEEDS, "old_site_rss.xml"),
                                    os.path.join(FEEDS, "old_site_atom.xml"), "--section", "Comment")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual([(r["format"], r["added"]) for r in reports], [("rss", 2), ("atom", 1)])
        with connect_db(self.db) as con:
            rows = {r[0]: r[1:] for r in con.execute(
                "SELECT a.headline, a.published_at, a.standfirst, a.body_markdown, s.name, "
                "(SELECT group_concat(au.name) FROM article_authors x JOIN authors au ON au.id = x.author_id "
                " WHERE x.article_id = a.id) FROM articles a JOIN sections s ON s.id = a.section_id")}
        road = rows["Westshire CC approves road safety plan"]
        self.assertEqual(road[0], 1715065200)  # 08:00 at +0100
        self.assertEqual(road[1], "Twenty new crossings and lower limits near schools.")
        self.assertIn("*every*", road[2])
        self.assertNotIn("bad()", road[2])
        self.assertEqual((road[3], road[4]), ("Comment", "Imelda Fairbrook"))
        library = rows["Library hours extended in Kingsbridge"]
        self.assertEqual(library[1], "The main library will open on Sundays.")
        self.assertEqual(library[2], "Volunteers will staff the extra hours.")
        self.assertEqual(library[4], "Anwen Pryce")  # from "email (Name)"
        tax = rows["Council tax: what you will pay"]  # markup in the title is text
        self.assertEqual(tax[0], 1715155200)
        self.assertIn("- Band D: £1,817", tax[2])
        # Again: nothing new.
        proc, again = import_feed(self.db, os.path.join(FEEDS, "old_site_rss.xml"))
        self.assertEqual((again[0]["added"], again[0]["already_present"]), (0, 2))
        server = GazetteServer(self.db, self.tmp).start()
        self.addCleanup(server.stop)
        r = server.get("/news/library-hours/")
        self.assertEqual(r.status, 301)
        self.assertEqual(server.get(r.header("Location")).status, 200)

    def test_feed_fetched_from_a_url(self):
        # A Gazette site's own /feed.xml, served on the loopback address, brought into a new database.
        source_db = os.path.join(self.tmp, "source.db")
        proc = run_cli("import", "listing", os.path.join(SOURCE_DIR, "tests", "fixtures", "listing", "bullets.txt"),
                       db=source_db)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        server = GazetteServer(source_db, self.tmp).start()
        self.addCleanup(server.stop)
        proc, reports = import_feed(self.db, server.base_url + "/feed.xml")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual((reports[0]["format"], reports[0]["added"]), ("rss", 5))
        proc, reports = import_feed(self.db, server.base_url + "/no-such-feed.xml")
        self.assertEqual(proc.returncode, 1)
        self.assertIn("cannot fetch", reports[0]["error"])

    def test_bad_feeds_are_rejected_with_their_line(self):
        cases = {
            "broken.xml": ("<rss><channel>\n<item><title>x</title>\n</channel></rss>", "line"),
            "nodate.xml": ("<rss><channel>\n<item><title>A</title><pubDate>Mon, 06 May 2024 12:30:00 GMT</pubDate>"
                           "</item>\n<item><title>B</title></item></channel></rss>", "line 3"),
            "other.xml": ("<source><job/></source>", "RSS"),
        }
        for name, (text, expect) in cases.items():
            with self.subTest(name=name):
                path = os.path.join(self.tmp, name)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                proc, reports = import_feed(self.db, path)
                self.assertEqual(proc.returncode, 1)
                self.assertFalse(reports[0]["ok"])
                self.assertIn(expect, reports[0]["error"])
        with connect_db(self.db) as con:
            self.assertEqual(con.execute("SELECT count(*) FROM articles").fetchone()[0], 0)


if __name__ == "__main__":
    unittest.main()
