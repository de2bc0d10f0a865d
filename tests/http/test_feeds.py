"""Machine-readable output: RSS, Atom, sitemaps, robots.txt and JSON-LD."""

import email.utils
import re
import unittest
import urllib.parse
import xml.etree.ElementTree as ET
from datetime import datetime

from gazette_server import ServerTestCase, parse_html

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    r"\d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$")
ISO8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

PARISH = "/news/2022/05/19/parish-precepts-under-the-microscope"
PROCUREMENT = "/news/2022/04/13/a-fresh-look-at-shared-procurement"


def parse_iso(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class FeedsTest(ServerTestCase):
    demo_articles = 80

    def xml(self, path, content_type):
        r = self.get_ok(path)
        self.assertEqual(r.header("Content-Type"), content_type, path)
        self.assertTrue(r.body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>'), path)
        return ET.fromstring(r.body)

    def rss(self, path):
        return self.xml(path, "application/rss+xml; charset=utf-8")

    def atom(self, path):
        return self.xml(path, "application/atom+xml; charset=utf-8")

    def local(self, url):
        """The path of an absolute URL on this server."""
        self.assertTrue(url.startswith(self.server.base_url + "/"), url)
        return url[len(self.server.base_url):]

    def check_rss_items(self, channel):
        items = channel.findall("item")
        self.assertTrue(items, "feed has no items")
        self.assertLessEqual(len(items), 20)
        dates = []
        for item in items:
            for name in ("title", "link", "guid", "pubDate"):
                self.assertTrue((item.findtext(name) or "").strip(), "item without %s" % name)
            self.assertEqual(item.findtext("guid"), item.findtext("link"))
            self.assertEqual(item.find("guid").get("isPermaLink"), "true")
            pub = item.findtext("pubDate")
            self.assertRegex(pub, RFC822)
            dates.append(email.utils.parsedate_to_datetime(pub))
        self.assertEqual(dates, sorted(dates, reverse=True), "items are not newest first")
        return items

    # --- RSS -------------------------------------------------------------------------------------

    def test_site_rss(self):
        root = self.rss("/feed.xml")
        self.assertEqual(root.tag, "rss")
        self.assertEqual(root.get("version"), "2.0")
        channel = root.find("channel")
        self.assertEqual(channel.findtext("title"), "Gazette")
        self.assertEqual(channel.findtext("link"), self.url("/"))
        self.assertTrue(channel.findtext("description"))
        self.assertEqual(channel.findtext("language"), "en-gb")
        self_links = [l for l in channel.findall(ATOM + "link") if l.get("rel") == "self"]
        self.assertEqual(len(self_links), 1)
        self.assertEqual(self_links[0].get("href"), self.url("/feed.xml"))
        self.assertEqual(self_links[0].get("type"), "application/rss+xml")
        self.assertRegex(channel.findtext("lastBuildDate"), RFC822)
        items = self.check_rss_items(channel)
        self.assertEqual(len(items), 20, "the site feed carries the 20 newest items")
        # Each item's link is its article page, whose h1 is the item title.
        for item in items[:5]:
            page = self.get_page(self.local(item.findtext("link")))
            self.assertEqual(page.h1_text(), item.findtext("title"))
            self.assertEqual(page.canonical(), item.findtext("link"))

    def test_section_rss_only_has_that_section(self):
        for slug, name in (("news", "News"), ("best-practice", "Best practice"), ("comment", "Comment")):
            with self.subTest(section=slug):
                channel = self.rss("/%s/feed.xml" % slug).find("channel")
                self.assertEqual(channel.findtext("title"), "Gazette: " + name)
                self.assertEqual(channel.findtext("link"), self.url("/" + slug))
                for item in self.check_rss_items(channel):
                    self.assertTrue(self.local(item.findtext("link")).startswith("/%s/" % slug), item.findtext("link"))
                    self.assertEqual(item.findtext("category"), name)

    def test_author_rss_only_has_that_author(self):
        channel = self.rss("/authors/owen-tregarthen/feed.xml").find("channel")
        self.assertEqual(channel.findtext("title"), "Gazette: Owen Tregarthen")
        items = self.check_rss_items(channel)
        self.assertEqual([self.local(i.findtext("link")) for i in items], [PROCUREMENT])
        self.assertEqual([c.text for c in items[0].findall(DC + "creator")], ["Priya Ramaswamy-Holt", "Owen Tregarthen"])
        # A demo author with several articles.
        author = self.demo_author()
        channel = self.rss(author + "/feed.xml").find("channel")
        items = self.check_rss_items(channel)
        name = channel.findtext("title").split(": ", 1)[1]
        for item in items:
            self.assertIn(name, [c.text for c in item.findall(DC + "creator")])

    def test_tag_rss_only_has_that_tag(self):
        tag = self.demo_tag()
        channel = self.rss(tag + "/feed.xml").find("channel")
        items = self.check_rss_items(channel)
        for item in items[:6]:
            page = self.get_page(self.local(item.findtext("link")))
            self.assertIn(tag, [a.get("href") for a in page.find_all("a", rel="tag")])

    def test_unknown_feed_owner_is_404(self):
        for path in ("/no-such-section/feed.xml", "/no-such-section/atom.xml", "/authors/nobody/feed.xml",
                     "/authors/nobody/atom.xml", "/tags/nothing/feed.xml"):
            with self.subTest(path=path):
                self.assertEqual(self.get(path).status, 404)

    # --- Atom ------------------------------------------------------------------------------------

    def check_atom(self, path, title):
        feed = self.atom(path)
        self.assertEqual(feed.tag, ATOM + "feed")
        self.assertEqual(feed.findtext(ATOM + "title"), title)
        self.assertTrue(feed.findtext(ATOM + "id"))
        self.assertRegex(feed.findtext(ATOM + "updated"), ISO8601)
        self_links = [l.get("href") for l in feed.findall(ATOM + "link") if l.get("rel") == "self"]
        self.assertEqual(self_links, [self.url(path)])
        entries = feed.findall(ATOM + "entry")
        self.assertTrue(entries)
        ids = []
        newest = None
        for e in entries:
            for name in ("id", "title", "updated"):
                self.assertTrue((e.findtext(ATOM + name) or "").strip(), "entry without %s" % name)
            self.assertRegex(e.findtext(ATOM + "updated"), ISO8601)
            self.assertRegex(e.findtext(ATOM + "published"), ISO8601)
            authors = e.findall(ATOM + "author")
            self.assertTrue(authors, "entry without author")
            for a in authors:
                self.assertTrue(a.findtext(ATOM + "name"))
            alt = [l.get("href") for l in e.findall(ATOM + "link") if l.get("rel") == "alternate"]
            self.assertEqual(alt, [e.findtext(ATOM + "id")])
            ids.append(e.findtext(ATOM + "id"))
            published = parse_iso(e.findtext(ATOM + "published"))
            newest = published if newest is None else max(newest, published)
        self.assertEqual(len(ids), len(set(ids)), "duplicate entry ids")
        self.assertGreaterEqual(parse_iso(feed.findtext(ATOM + "updated")), newest)
        return feed, entries

    def test_site_atom(self):
        feed, entries = self.check_atom("/atom.xml", "Gazette")
        self.assertEqual(len(entries), 20)
        first = entries[0]
        page = self.get_page(self.local(first.findtext(ATOM + "id")))
        self.assertEqual(page.h1_text(), first.findtext(ATOM + "title"))

    def test_section_atom_only_has_that_section(self):
        feed, entries = self.check_atom("/best-practice/atom.xml", "Gazette: Best practice")
        for e in entries:
            self.assertTrue(self.local(e.findtext(ATOM + "id")).startswith("/best-practice/"))
            self.assertEqual(e.find(ATOM + "category").get("term"), "Best practice")

    def test_author_atom_only_has_that_author(self):
        feed, entries = self.check_atom("/authors/marguerite-oyelaran-pike/atom.xml", "Gazette: Marguerite Oyelaran-Pike")
        self.assertEqual([self.local(e.findtext(ATOM + "id")) for e in entries], [PARISH])
        author = entries[0].find(ATOM + "author")
        self.assertEqual(author.findtext(ATOM + "name"), "Marguerite Oyelaran-Pike")
        self.assertEqual(author.findtext(ATOM + "uri"), self.url("/authors/marguerite-oyelaran-pike"))

    # --- sitemap and robots -------------------------------------------------------------------------

    def sitemap_urls(self):
        """Every <url> of every file the sitemap index names."""
        index = self.xml("/sitemap.xml", "application/xml; charset=utf-8")
        self.assertEqual(index.tag, SM + "sitemapindex")
        urls = []
        for loc in index.iter(SM + "loc"):
            child = self.xml(self.local(loc.text), "application/xml; charset=utf-8")
            self.assertEqual(child.tag, SM + "urlset")
            urls += child.findall(SM + "url")
        return urls

    def test_sitemap_lists_every_article_and_they_resolve(self):
        urls = self.sitemap_urls()
        locs = [u.findtext(SM + "loc") for u in urls]
        self.assertEqual(len(locs), len(set(locs)), "duplicate URLs in the sitemap")
        paths = [self.local(l) for l in locs]
        self.assertIn("/", paths)
        self.assertIn("/news", paths)
        self.assertIn("/best-practice", paths)
        self.assertIn(PARISH, paths)
        articles = [u for u in urls if self.local(u.findtext(SM + "loc")).count("/") == 5]
        # 20 fixture articles plus the demo archive.
        self.assertEqual(len(articles), 20 + self.demo_articles)
        conn = self.server.connection()
        try:
            for u in articles:
                path = self.local(u.findtext(SM + "loc"))
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                self.assertEqual(r.status, 200, path)
                self.assertRegex(u.findtext(SM + "lastmod"), ISO8601)
        finally:
            conn.close()

    def test_sitemap_index_with_one_article_file(self):
        index = self.xml("/sitemap.xml", "application/xml; charset=utf-8")
        names = [self.local(l.text) for l in index.iter(SM + "loc")]
        self.assertEqual(names[:2], ["/sitemaps/pages.xml", "/sitemaps/1.xml"])
        self.assertEqual(self.get("/sitemaps/2.xml").status, 404)
        self.assertEqual(self.get("/sitemaps/0.xml").status, 404)
        self.assertEqual(self.get("/sitemaps/one.xml").status, 404)

    def test_robots_names_the_sitemap(self):
        r = self.get_ok("/robots.txt")
        self.assertTrue(r.header("Content-Type").startswith("text/plain"))
        lines = r.text.splitlines()
        self.assertIn("User-agent: *", lines)
        self.assertIn("Sitemap: " + self.url("/sitemap.xml"), lines)
        self.assertNotIn("Disallow: /", lines)

    # --- JSON-LD ---------------------------------------------------------------------------------

    def check_json_ld(self, path):
        page = self.get_page(path)
        blocks = page.json_ld()
        self.assertEqual(len(blocks), 1, path)
        ld = blocks[0]
        self.assertEqual(ld["@context"], "https://schema.org")
        self.assertEqual(ld["@type"], "NewsArticle")
        self.assertEqual(ld["headline"], page.h1_text())
        self.assertEqual(ld["description"], page.find("p", cls="standfirst").clean_text())
        self.assertRegex(ld["datePublished"], ISO8601)
        self.assertEqual(ld["datePublished"], page.find("p", cls="meta").find("time").get("datetime"))
        self.assertRegex(ld["dateModified"], ISO8601)
        self.assertGreaterEqual(parse_iso(ld["dateModified"]), parse_iso(ld["datePublished"]))
        self.assertEqual(ld["url"], page.canonical())
        self.assertEqual(ld["url"], self.url(path))
        byline = [(a.clean_text(), a.get("href")) for a in page.find("p", cls="meta").find_all("a", rel="author")]
        authors = [(a["name"], self.local(a["url"])) for a in ld.get("author", [])]
        self.assertEqual(authors, byline)
        for a in ld.get("author", []):
            self.assertEqual(a["@type"], "Person")
        self.assertEqual(ld["publisher"]["@type"], "Organization")
        self.assertEqual(ld["publisher"]["name"], "Gazette")
        tags = [a.clean_text() for a in page.find_all("a", rel="tag")]
        self.assertEqual(ld.get("keywords", []), tags)
        return ld

    def test_json_ld_on_fixture_articles(self):
        ld = self.check_json_ld(PARISH)
        self.assertEqual(ld["headline"], "Parish precepts under the microscope")
        self.assertEqual(ld["datePublished"], "2022-05-19T00:00:00Z")
        self.assertEqual([a["name"] for a in ld["author"]], ["Marguerite Oyelaran-Pike"])
        self.assertEqual(ld["articleSection"], "News")
        ld = self.check_json_ld(PROCUREMENT)
        self.assertEqual([a["name"] for a in ld["author"]], ["Priya Ramaswamy-Holt", "Owen Tregarthen"])

    def test_json_ld_on_demo_articles(self):
        channel = self.rss("/feed.xml").find("channel")
        items = channel.findall("item")[:5]
        self.assertEqual(len(items), 5, "the site feed has fewer than 5 items")
        for item in items:
            self.check_json_ld(self.local(item.findtext("link")))

    def test_home_json_ld_is_website(self):
        ld = self.get_page("/").json_ld()
        self.assertEqual(len(ld), 1)
        self.assertEqual(ld[0]["@type"], "WebSite")
        self.assertEqual(ld[0]["url"], self.url("/"))

    # --- helpers ---------------------------------------------------------------------------------

    def demo_author(self):
        page = self.get_page("/comment")
        for a in page.find("main").find_all("a"):
            if a.get("href", "").startswith("/authors/"):
                return a.get("href")
        self.fail("no author link on /comment")

    def demo_tag(self):
        channel = self.rss("/feed.xml").find("channel")
        for item in channel.findall("item"):
            page = self.get_page(self.local(item.findtext("link")))
            tags = page.find_all("a", rel="tag")
            if tags:
                return tags[0].get("href")
        self.fail("no tagged article in the feed")


class FixtureFeedsTest(ServerTestCase):
    """Feeds over the fixtures alone, so old items are among the newest 20."""

    def test_atom_entry_without_byline_names_the_publication(self):
        feed = ET.fromstring(self.get_ok("/news/atom.xml").body)
        entries = {e.findtext(ATOM + "title"): e for e in feed.findall(ATOM + "entry")}
        entry = entries["Night-time economy champions appointed"]
        self.assertEqual([a.findtext(ATOM + "name") for a in entry.findall(ATOM + "author")], ["Gazette"])
        self.assertEqual(entry.findtext(ATOM + "published"), "2022-03-08T00:00:00Z")

    def test_rss_item_without_byline_has_no_creator(self):
        channel = ET.fromstring(self.get_ok("/feed.xml").body).find("channel")
        items = {i.findtext("title"): i for i in channel.findall("item")}
        self.assertEqual(items["Night-time economy champions appointed"].findall(DC + "creator"), [])
        self.assertEqual(items["Night-time economy champions appointed"].findtext("pubDate"),
                         "Tue, 08 Mar 2022 00:00:00 GMT")
        self.assertEqual([c.text for c in items["Parish precepts under the microscope"].findall(DC + "creator")],
                         ["Marguerite Oyelaran-Pike"])

    def test_site_feeds_list_every_fixture_article_newest_first(self):
        channel = ET.fromstring(self.get_ok("/feed.xml").body).find("channel")
        titles = [i.findtext("title") for i in channel.findall("item")]
        self.assertEqual(len(titles), 20)
        self.assertIn("Districts asked to review their scrutiny arrangements", titles)
        self.assertEqual(titles[-1], "Districts asked to review their scrutiny arrangements", "the 2015 article is the oldest")


class SitemapIndexTest(ServerTestCase):
    """Past the articles-per-file limit /sitemap.xml becomes an index of numbered sitemaps. The limit
    (49,900 by default) is set to 200 here so the test needs 250 articles, not 49,950."""

    fixtures = []
    demo_articles = 250
    server_env = {"GAZETTE_SITEMAP_ARTICLES_PER_FILE": "200"}

    def test_sitemap_index(self):
        r = self.get_ok("/sitemap.xml")
        root = ET.fromstring(r.body)
        self.assertEqual(root.tag, SM + "sitemapindex")
        locs = [s.findtext(SM + "loc") for s in root.findall(SM + "sitemap")]
        self.assertEqual([l for l in locs if l[len(self.url("/sitemaps/")):-4].isdigit()],
                         [self.url("/sitemaps/1.xml"), self.url("/sitemaps/2.xml")])
        self.assertEqual(locs[0], self.url("/sitemaps/pages.xml"))
        first = ET.fromstring(self.get_ok("/sitemaps/1.xml").body)
        second = ET.fromstring(self.get_ok("/sitemaps/2.xml").body)
        self.assertEqual(first.tag, SM + "urlset")
        first_locs = [u.findtext(SM + "loc") for u in first.findall(SM + "url")]
        second_locs = [u.findtext(SM + "loc") for u in second.findall(SM + "url")]
        self.assertLessEqual(len(first_locs), 50_000)
        first_articles = [l for l in first_locs if urllib.parse.urlsplit(l).path.count("/") == 5]
        self.assertEqual(len(first_articles), 200)
        self.assertEqual(len(second_locs), 50, "the second file holds the rest")
        self.assertFalse(set(first_locs) & set(second_locs))
        self.assertEqual(self.get("/sitemaps/3.xml").status, 404)
        for loc in (second_locs[0], second_locs[-1], first_articles[0]):
            self.get_ok(urllib.parse.urlsplit(loc).path)


if __name__ == "__main__":
    unittest.main()
