"""The sitemap index and its children (pages, articles, authors, tags, councils, jobs), the Google News
sitemap of the last 48 hours, and robots.txt naming both. Everything is read with a real XML parser."""
import email.utils
import os
import time
import unittest
import urllib.parse
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape
from datetime import datetime, timedelta, timezone

from gazette_server import SOURCE_DIR, ServerTestCase, run_cli

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
JOB_FEED = os.path.join(SOURCE_DIR, "tests", "fixtures", "jobs", "council_vacancies.xml")
HOUR = 3600


def recent_feed(path, items):
    """An RSS file of (headline, hours ago) items, for `gazette import feed`."""
    now = time.time()
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Wire</title>'
                "<link>https://old.example.org/</link><description>d</description>\n")
        for i, (headline, hours) in enumerate(items):
            f.write("<item><title>%s</title><link>https://old.example.org/n/%d</link>"
                    "<guid>https://old.example.org/n/%d</guid><pubDate>%s</pubDate>"
                    "<description>Councillors met to discuss item %d on the agenda.</description></item>\n"
                    % (escape(headline), i, i, email.utils.formatdate(now - hours * HOUR, usegmt=True), i))
        f.write("</channel></rss>\n")


class SitemapTest(ServerTestCase):
    demo_articles = 60
    # Small files, so that paging shows with a small archive.
    server_env = {"GAZETTE_SITEMAP_ARTICLES_PER_FILE": "25"}
    RECENT = [("Budget & reserves: the week ahead", 1), ("Waste contract renewed", 30), ("Old planning row", 60)]

    fixtures = []

    @classmethod
    def prepare_db(cls):
        # After the demo archive, so its 60 articles hold ids 1-60.
        feed = os.path.join(cls.tmp, "recent.xml")
        recent_feed(feed, cls.RECENT)
        proc = run_cli("import", "feed", feed, db=cls.db)
        if proc.returncode != 0:
            raise RuntimeError("import feed failed: %s %s" % (proc.stdout, proc.stderr))
        proc = run_cli("import", "jobs", JOB_FEED, db=cls.db)
        if proc.returncode != 0:
            raise RuntimeError("import jobs failed: %s %s" % (proc.stdout, proc.stderr))

    def xml(self, path):
        r = self.get_ok(path)
        self.assertEqual(r.header("Content-Type"), "application/xml; charset=utf-8", path)
        return ET.fromstring(r.body)

    def local(self, url):
        self.assertTrue(url.startswith(self.server.base_url + "/"), url)
        return url[len(self.server.base_url):]

    def children(self):
        root = self.xml("/sitemap.xml")
        self.assertEqual(root.tag, SM + "sitemapindex")
        return [self.local(s.findtext(SM + "loc")) for s in root.findall(SM + "sitemap")]

    def urls(self, path):
        root = self.xml(path)
        self.assertEqual(root.tag, SM + "urlset", path)
        return [self.local(u.findtext(SM + "loc")) for u in root.findall(SM + "url")]

    def all_urls(self):
        out = {}
        for child in self.children():
            out[child] = self.urls(child)
        return out

    def test_index_lists_paged_children_each_within_the_limit(self):
        files = self.all_urls()
        names = list(files)
        self.assertEqual(names[0], "/sitemaps/pages.xml")
        for kind in ("authors", "tags", "councils", "jobs"):
            self.assertIn("/sitemaps/%s-1.xml" % kind, names)
        article_files = [n for n in names if n[len("/sitemaps/"):-4].isdigit()]
        # 63 articles in files of 25.
        self.assertEqual(article_files, ["/sitemaps/1.xml", "/sitemaps/2.xml", "/sitemaps/3.xml"])
        every = [u for urls in files.values() for u in urls]
        self.assertEqual(len(every), len(set(every)), "a URL is listed twice")
        for name, urls in files.items():
            self.assertGreater(len(urls), 0, name)
            self.assertLessEqual(len(urls), 25, name)
        articles = [u for u in every if u.count("/") == 5 and not u.startswith("/jobs/")]
        self.assertEqual(len(articles), 60 + len(self.RECENT))

    def test_children_list_authors_tags_councils_and_jobs_that_resolve(self):
        files = self.all_urls()
        every = [u for urls in files.values() for u in urls]
        for prefix in ("/authors/", "/tags/", "/councils/", "/jobs/"):
            listed = [u for u in every if u.startswith(prefix)]
            self.assertTrue(listed, prefix)
            for u in listed[:3] + listed[-2:]:
                self.get_ok(u)
        self.assertIn("/", files["/sitemaps/pages.xml"])
        self.assertIn("/jobs", files["/sitemaps/pages.xml"])
        # Every author file together lists every author page once.
        authors = [u for n, urls in files.items() if n.startswith("/sitemaps/authors-") for u in urls]
        self.assertTrue(all(u.startswith("/authors/") for u in authors))
        self.assertEqual(len(authors), len(set(authors)))

    def test_children_past_the_last_and_malformed_names_are_404(self):
        names = self.children()
        authors = [n for n in names if n.startswith("/sitemaps/authors-")]
        for path in ("/sitemaps/0.xml", "/sitemaps/4.xml", "/sitemaps/authors-0.xml",
                     "/sitemaps/authors-%d.xml" % (len(authors) + 1), "/sitemaps/people-1.xml",
                     "/sitemaps/jobs-x.xml", "/sitemaps/1.xml.gz", "/sitemaps/jobs-1-1.xml", "/sitemaps/-1.xml"):
            self.assertEqual(self.get(path).status, 404, path)

    def test_news_sitemap_has_the_last_48_hours(self):
        root = self.xml("/news-sitemap.xml")
        self.assertEqual(root.tag, SM + "urlset")
        urls = root.findall(SM + "url")
        titles = [u.find(NEWS + "news").findtext(NEWS + "title") for u in urls]
        # Of the imported items, the one 60 hours old is left out; newest first.
        self.assertIn("Budget & reserves: the week ahead", titles)
        self.assertIn("Waste contract renewed", titles)
        self.assertNotIn("Old planning row", titles)
        self.assertLess(titles.index("Budget & reserves: the week ahead"), titles.index("Waste contract renewed"))
        for u in urls:
            news = u.find(NEWS + "news")
            publication = news.find(NEWS + "publication")
            self.assertEqual(publication.findtext(NEWS + "name"), "Gazette")
            self.assertEqual(publication.findtext(NEWS + "language"), "en")
            date = news.findtext(NEWS + "publication_date")
            self.assertRegex(date, r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
            published = datetime.fromisoformat(date.replace("Z", "+00:00"))
            self.assertLess(datetime.now(timezone.utc) - published, timedelta(hours=48))
            self.get_ok(self.local(u.findtext(SM + "loc")))

    def test_robots_names_both_sitemaps(self):
        lines = self.get_ok("/robots.txt").text.splitlines()
        self.assertIn("Sitemap: " + self.server.base_url + "/sitemap.xml", lines)
        self.assertIn("Sitemap: " + self.server.base_url + "/news-sitemap.xml", lines)


if __name__ == "__main__":
    unittest.main()
