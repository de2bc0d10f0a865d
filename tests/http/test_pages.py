"""Reader-facing HTML pages: home, sections, articles, authors, tags, 404, HEAD, structure."""

import os
import re
import socket
import unittest
from datetime import datetime, timezone

from gazette_server import database, HOST, ServerTestCase, parse_html, read_until_closed

# A listing item whose headline and standfirst carry markup and ampersands: they must reach the
# reader as text, never as HTML.
HOSTILE_HEADLINE = '<script>alert("gotcha")</script> & the budget gap'
HOSTILE_STANDFIRST = "Finance directors say the shortfall is <b>bigger</b> than reported & growing, writes Lysander Quiggley."
HOSTILE_LISTING = """\u2022 %s

    14 June 2021

    %s
""" % (HOSTILE_HEADLINE, HOSTILE_STANDFIRST)
HOSTILE_PATH = "/news/2021/06/14/script-alert-gotcha-script-the-budget-gap"

PARISH = "/news/2022/05/19/parish-precepts-under-the-microscope"
PARISH_HEADLINE = "Parish precepts under the microscope"
PARISH_STANDFIRST = ("Town and parish councils face tougher questions about how they set their precepts, "
                     "says Marguerite Oyelaran-Pike.")
PROCUREMENT = "/news/2022/04/13/a-fresh-look-at-shared-procurement"
NIGHT_TIME = "/news/2022/03/08/night-time-economy-champions-appointed"
LIGHTS = "/best-practice/2019/06/12/keeping-the-lights-on-in-the-town-hall"


def iso(ts):
    return datetime.strptime(ts, "%Y-%m-%dT%H:%M:%SZ")


def card_links(page):
    """Article links of a listing page, in order: (href, headline)."""
    out = []
    for card in page.find_all("article", cls="card"):
        heading = card.find("h2") or card.find("h3")
        a = heading.find("a")
        out.append((a.get("href"), a.clean_text()))
    return out


def card_times(page):
    return [iso(card.find("time").get("datetime")) for card in page.find_all("article", cls="card")]


class PagesTest(ServerTestCase):
    demo_articles = 150

    @classmethod
    def extra_listings(cls):
        path = os.path.join(cls.tmp, "hostile.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(HOSTILE_LISTING)
        return [path]

    # --- helpers ---------------------------------------------------------------------------------

    def assert_page_structure(self, path, r=None):
        r = r or self.get(path)
        self.assertIn(r.header("Content-Type"), ("text/html; charset=utf-8",), path)
        page = parse_html(r.text)
        with self.subTest(path=path):
            self.assertEqual(page.errors, [], "%s: badly nested HTML" % path)
            self.assertIsNotNone(page.doctype, "%s: no <!DOCTYPE html>" % path)
            html = page.find("html")
            self.assertEqual(html.get("lang"), "en-GB", path)
            self.assertTrue(page.find("title").clean_text(), "%s: empty <title>" % path)
            self.assertEqual(len(page.find_all("h1")), 1, "%s: want exactly one <h1>, got %r" % (path, page.headings()))
            self.assertTrue(page.h1_text(), "%s: empty <h1>" % path)
            links = page.find("body").find_all("a")
            self.assertTrue(links, path)
            self.assertEqual(links[0].get("href"), "#main", "%s: the first link should skip to #main" % path)
            mains = page.find_all("main")
            self.assertEqual(len(mains), 1, path)
            self.assertEqual(mains[0].get("id"), "main", path)
            self.assertGreaterEqual(len(page.find_all("nav")), 1, "%s: no <nav>" % path)
            headings = page.headings()
            self.assertEqual(headings[0][0], 1, "%s: first heading should be the h1: %r" % (path, headings))
            for (prev, prev_text), (level, text) in zip(headings, headings[1:]):
                self.assertLessEqual(level, prev + 1,
                                     "%s: heading level skips from h%d (%r) to h%d (%r)" % (path, prev, prev_text, level, text))
        return page

    def pages_of(self, section_path):
        """Every page of a section listing: list of parsed pages."""
        pages = [self.get_page(section_path)]
        while True:
            nxt = [a for a in pages[-1].find_all("a") if a.get("rel") == "next"]
            if not nxt:
                return pages
            self.assertLess(len(pages), 50, "pagination does not end")
            pages.append(self.get_page(nxt[0].get("href")))

    def demo_article_with_tags(self):
        for href, _ in card_links(self.get_page("/comment")) + card_links(self.get_page("/analysis")):
            page = self.get_page(href)
            if page.find("section", cls="tags"):
                return href, page
        self.fail("no demo article with tags found")

    # --- home ------------------------------------------------------------------------------------

    def test_home_shows_lead_story_and_sections(self):
        page = self.assert_page_structure("/")
        lead = page.find("article", cls="lead")
        self.assertIsNotNone(lead, "home page has no lead story")
        lead_link = lead.find("h2").find("a")
        lead_time = iso(lead.find("time").get("datetime"))
        latest = page.find("section", cls="latest")
        latest_times = [iso(t.get("datetime")) for t in latest.find_all("time")]
        self.assertTrue(latest_times, "no Latest list")
        self.assertTrue(all(lead_time >= t for t in latest_times), "lead story is not the newest")
        self.assertEqual(latest_times, sorted(latest_times, reverse=True), "Latest is not newest first")
        # The lead links to its article, whose h1 is the same headline.
        article = self.get_page(lead_link.get("href"))
        self.assertEqual(article.h1_text(), lead_link.clean_text())
        # Section blocks: a heading linking to the section and cards from that section only.
        blocks = page.find_all("section", cls="home-section")
        names = [b.find("h2").clean_text() for b in blocks]
        for expected in ("News", "Best practice", "Comment"):
            self.assertIn(expected, names)
        for block in blocks:
            section_url = block.find("h2").find("a").get("href")
            cards = block.find_all("article", cls="card")
            self.assertTrue(1 <= len(cards) <= 4, section_url)
            for card in cards:
                self.assertTrue(card.find("a").get("href").startswith(section_url + "/"),
                                "%s card in the %s block" % (card.find("a").get("href"), section_url))
        # The navigation lists the sections.
        nav_links = [a.get("href") for a in page.find("nav").find_all("a")]
        self.assertIn("/news", nav_links)
        self.assertIn("/best-practice", nav_links)

    # --- sections --------------------------------------------------------------------------------

    def test_section_lists_newest_first_across_pages(self):
        pages = self.pages_of("/news")
        self.assertGreaterEqual(len(pages), 2, "want a paginated News section for this test")
        times, hrefs = [], []
        for p in pages:
            times += card_times(p)
            hrefs += [h for h, _ in card_links(p)]
        self.assertEqual(times, sorted(times, reverse=True), "News is not newest first across pages")
        self.assertEqual(len(hrefs), len(set(hrefs)), "an article appears on two pages")
        for h in hrefs:
            self.assertTrue(h.startswith("/news/"), h)
        for p in pages[:-1]:
            self.assertEqual(len(card_links(p)), 20, "every page but the last has 20 articles")
        self.assertIn(PARISH, hrefs)
        self.assertIn(HOSTILE_PATH, hrefs)

    def test_section_pagination_links(self):
        first = self.assert_page_structure("/news")
        text = first.find("nav", cls="pagination").clean_text()
        m = re.search(r"Page 1 of (\d+)", text)
        self.assertIsNotNone(m, text)
        last = int(m.group(1))
        self.assertGreaterEqual(last, 2)
        rels = {a.get("rel"): a.get("href") for a in first.find_all("a") if a.get("rel") in ("next", "prev")}
        self.assertEqual(rels, {"next": "/news?page=2"})
        second = self.assert_page_structure("/news?page=2")
        rels = {a.get("rel"): a.get("href") for a in second.find_all("a") if a.get("rel") in ("next", "prev")}
        self.assertEqual(rels.get("prev"), "/news", "page 2 links back to the first page's canonical URL")
        self.assertEqual(second.canonical(), self.url("/news?page=2"))
        final = self.get_page("/news?page=%d" % last)
        rels = {a.get("rel"): a.get("href") for a in final.find_all("a") if a.get("rel") in ("next", "prev")}
        self.assertNotIn("next", rels, "the last page has no next link")
        self.assertIn("prev", rels)
        self.assertIn("Page %d of %d" % (last, last), final.find("nav", cls="pagination").clean_text())

    def test_section_page_past_the_end_is_404(self):
        first = self.get_page("/news")
        last = int(re.search(r"of (\d+)", first.find("nav", cls="pagination").clean_text()).group(1))
        r = self.get("/news?page=%d" % (last + 1))
        self.assertEqual(r.status, 404)
        self.assertIn("text/html", r.header("Content-Type"))
        self.assertEqual(self.get("/news?page=999999").status, 404)

    def test_section_page_number_must_be_a_positive_whole_number(self):
        for bad in ("abc", "0", "-1", "1.5", "", "2x", "99999999999999999999"):
            with self.subTest(page=bad):
                self.assertEqual(self.get("/news?page=" + bad).status, 400)

    def test_section_marks_current_navigation_item(self):
        page = self.get_page("/best-practice")
        current = page.find("nav").find_all("a", aria_current="page")
        self.assertEqual([a.get("href") for a in current], ["/best-practice"])
        self.assertEqual(page.h1_text(), "Best practice")
        self.assertIn(LIGHTS, [h for h, _ in card_links(page)])

    def test_unknown_section_is_404(self):
        self.assertEqual(self.get("/no-such-section").status, 404)

    # --- articles --------------------------------------------------------------------------------

    def test_article_page_from_fixture(self):
        page = self.assert_page_structure(PARISH)
        self.assertEqual(page.h1_text(), PARISH_HEADLINE)
        self.assertEqual(page.find("p", cls="standfirst").clean_text(), PARISH_STANDFIRST)
        byline = page.find("article", cls="article").find("p", cls="meta")
        authors = byline.find_all("a", rel="author")
        self.assertEqual([(a.get("href"), a.clean_text()) for a in authors],
                         [("/authors/marguerite-oyelaran-pike", "Marguerite Oyelaran-Pike")])
        t = byline.find("time")
        self.assertEqual(t.clean_text(), "19 May 2022")
        self.assertEqual(t.get("datetime"), "2022-05-19T00:00:00Z")
        self.assertEqual(page.find("title").clean_text(), PARISH_HEADLINE + " | Gazette")
        kicker = page.find("p", cls="kicker").find("a")
        self.assertEqual((kicker.get("href"), kicker.clean_text()), ("/news", "News"))

    def test_article_byline_with_two_authors(self):
        page = self.get_page(PROCUREMENT)
        authors = page.find("article", cls="article").find_all("a", rel="author")
        self.assertEqual([a.clean_text() for a in authors], ["Priya Ramaswamy-Holt", "Owen Tregarthen"])
        self.assertIn("By Priya Ramaswamy-Holt and Owen Tregarthen", page.find("p", cls="meta").clean_text())
        for a in authors:
            self.get_ok(a.get("href"))

    def test_uk_date_without_leading_zero(self):
        page = self.get_page(NIGHT_TIME)
        self.assertEqual(page.find("p", cls="meta").find("time").clean_text(), "8 March 2022")
        page = self.get_page(LIGHTS)
        self.assertEqual(page.find("p", cls="meta").find("time").clean_text(), "12 June 2019")

    def test_imported_article_not_marked_updated(self):
        # The fixture was imported once and never edited: the page should not claim an update
        # (the import time is not an editorial change).
        page = self.get_page(PARISH)
        meta = page.find("article", cls="article").find("p", cls="meta").clean_text()
        self.assertNotIn("Updated", meta, "an untouched imported article is shown as updated: %r" % meta)

    def test_article_tags_link_to_tag_pages(self):
        href, page = self.demo_article_with_tags()
        tags = page.find("section", cls="tags").find_all("a", rel="tag")
        self.assertTrue(tags)
        headline = page.h1_text()
        for a in tags:
            self.assertTrue(a.get("href").startswith("/tags/"))
            tag_page = self.assert_page_structure(a.get("href"))
            self.assertEqual(tag_page.h1_text(), a.clean_text())
            listed = [t for _, t in card_links(tag_page)]
            pages = [tag_page]
            while headline not in listed:
                nxt = [x for x in pages[-1].find_all("a") if x.get("rel") == "next"]
                if not nxt:
                    break
                pages.append(self.get_page(nxt[0].get("href")))
                listed += [t for _, t in card_links(pages[-1])]
            self.assertIn(headline, listed, "tag page %s does not list %s" % (a.get("href"), href))
        # og:article:tag carries the same tags.
        og_tags = [m.get("content") for m in page.find_all("meta", property="article:tag")]
        self.assertEqual(og_tags, [a.clean_text() for a in tags])

    def test_you_may_have_missed(self):
        page = self.get_page(PARISH)
        aside = page.find("aside", cls="related")
        self.assertIsNotNone(aside, "no 'You may have missed' block")
        self.assertEqual(aside.find("h2").clean_text(), "You may have missed")
        links = [a for a in aside.find_all("a")]
        self.assertTrue(1 <= len(links) <= 4, len(links))
        for a in links:
            href = a.get("href")
            self.assertFalse(href.startswith("/news/"), "%s: related reading should come from other sections" % href)
            self.assertEqual(self.get_page(href).h1_text(), a.clean_text())

    def test_wrong_section_or_date_redirects_to_canonical(self):
        for wrong in ("/comment/2022/05/19/parish-precepts-under-the-microscope",
                      "/news/2021/01/01/parish-precepts-under-the-microscope",
                      "/news/2022/05/20/parish-precepts-under-the-microscope"):
            with self.subTest(url=wrong):
                r = self.get(wrong)
                self.assertEqual(r.status, 301)
                location = r.header("Location")
                self.assertIn(location, (PARISH, self.url(PARISH)))

    def test_unknown_article_is_404(self):
        self.assertEqual(self.get("/news/2022/05/19/no-such-story").status, 404)

    def test_canonical_and_open_graph(self):
        page = self.get_page(PARISH)
        self.assertEqual(page.canonical(), self.url(PARISH))
        self.assertEqual(page.meta_property("og:url"), self.url(PARISH))
        self.assertEqual(page.meta_property("og:type"), "article")
        self.assertEqual(page.meta_property("og:title"), PARISH_HEADLINE)
        self.assertEqual(page.meta_property("og:description"), PARISH_STANDFIRST)
        self.assertEqual(page.meta_property("og:site_name"), "Gazette")
        self.assertEqual(page.meta_property("og:locale"), "en_GB")
        self.assertEqual(page.meta_property("article:published_time"), "2022-05-19T00:00:00Z")
        self.assertEqual(page.meta_property("article:section"), "News")
        desc = page.find("meta", name="description")
        self.assertEqual(desc.get("content"), PARISH_STANDFIRST)
        home = self.get_page("/")
        self.assertEqual(home.canonical(), self.url("/"))
        self.assertEqual(home.meta_property("og:type"), "website")
        self.assertEqual(self.get_page("/news").canonical(), self.url("/news"))
        # A Best practice article names its own URL as canonical.
        self.assertEqual(self.get_page(LIGHTS).canonical(), self.url(LIGHTS))

    # --- authors and tags --------------------------------------------------------------------------

    def test_author_page(self):
        page = self.assert_page_structure("/authors/marguerite-oyelaran-pike")
        self.assertEqual(page.h1_text(), "Marguerite Oyelaran-Pike")
        cards = page.find_all("article", cls="card")
        self.assertEqual(card_links(page), [(PARISH, PARISH_HEADLINE)])
        for card in cards:
            self.assertIn("/authors/marguerite-oyelaran-pike", [a.get("href") for a in card.find_all("a")])
        feed = [a.get("href") for a in page.find_all("a") if a.clean_text() == "RSS feed"]
        self.assertEqual(feed, ["/authors/marguerite-oyelaran-pike/feed.xml"])
        self.assertEqual(self.get("/authors/nobody-of-that-name").status, 404)

    def test_demo_author_page_lists_only_their_articles(self):
        href, page = self.demo_article_with_tags()
        author = page.find("article", cls="article").find("a", rel="author")
        self.assertIsNotNone(author)
        listing = self.assert_page_structure(author.get("href"))
        self.assertEqual(listing.h1_text(), author.clean_text())
        self.assertIn(href, [h for h, _ in card_links(listing)])
        for card in listing.find_all("article", cls="card"):
            self.assertIn(author.get("href"), [a.get("href") for a in card.find_all("a")])

    def test_unknown_tag_is_404(self):
        self.assertEqual(self.get("/tags/no-such-topic").status, 404)

    # --- 404 -------------------------------------------------------------------------------------

    def test_not_found_page(self):
        r = self.get("/this/page/does/not-exist/here/at-all")
        self.assertEqual(r.status, 404)
        self.assertEqual(r.header("Content-Type"), "text/html; charset=utf-8")
        page = self.assert_page_structure("/this/page/does/not-exist/here/at-all", r)
        self.assertEqual(page.h1_text(), "Page not found")
        self.assertIn("/", [a.get("href") for a in page.find("main").find_all("a")], "no link home")

    def test_not_found_page_escapes_the_path(self):
        r = self.get("/%3Cb%3Ebold%3C/b%3E%22x")
        self.assertEqual(r.status, 404)
        self.assertNotIn("<b>bold", r.text)
        page = parse_html(r.text)
        self.assertEqual(page.find("main").find("code").text(), '/<b>bold</b>"x')

    # --- HEAD ------------------------------------------------------------------------------------

    def test_head_matches_get(self):
        for path in ("/", "/news", PARISH, "/authors/marguerite-oyelaran-pike", "/feed.xml", "/static/style.css",
                     "/no-such-page", "/news?page=abc"):
            with self.subTest(path=path):
                g = self.get(path)
                h = self.server.head(path)
                self.assertEqual(h.status, g.status)
                self.assertEqual(h.body, b"")
                self.assertEqual(h.header("Content-Length"), str(len(g.body)))
                for name in ("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Vary"):
                    self.assertEqual(h.header(name), g.header(name), name)

    def test_head_sends_no_body_on_the_wire(self):
        # HEAD then GET on one connection: the GET's status line must follow the HEAD's headers at once.
        with socket.create_connection((HOST, self.server.port), timeout=10) as s:
            s.sendall(b"HEAD /news HTTP/1.1\r\nHost: t\r\n\r\n"
                      b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            data = read_until_closed(s)
        head, _, rest = data.partition(b"\r\n\r\n")
        self.assertTrue(head.startswith(b"HTTP/1.1 200"), head[:100])
        self.assertTrue(rest.startswith(b"HTTP/1.1 200"), "bytes after HEAD headers: %r" % rest[:100])
        self.assertTrue(rest.endswith(b"\r\n\r\nok\n"), rest[-50:])

    # --- structure of every kind of page -----------------------------------------------------------

    def test_every_template_page_is_well_structured(self):
        href, _ = self.demo_article_with_tags()
        for path in ("/", "/news", "/news?page=2", "/best-practice", "/comment", PARISH, PROCUREMENT,
                     "/news/2015/01/21/districts-asked-to-review-their-scrutiny-arrangements", href,
                     "/authors/marguerite-oyelaran-pike", "/no-such-section"):
            self.assert_page_structure(path)

    def test_demo_article_bodies_keep_heading_order(self):
        # Demo bodies contain sub-headings: they must sit under the h1 without skipping a level.
        links = card_links(self.get_page("/features"))[:8]
        self.assertTrue(links, "no article cards on /features")
        for href, _ in links:
            self.assert_page_structure(href)

    def test_footer_year_is_this_year(self):
        year = datetime.now(timezone.utc).year
        footer = self.get_page("/").find("footer").clean_text()
        self.assertIn("\u00a9 %d Gazette" % year, footer)

    # --- escaping ----------------------------------------------------------------------------------

    def test_markup_in_headline_is_escaped(self):
        listing = None
        for n, p in enumerate(self.pages_of("/news"), start=1):
            if HOSTILE_PATH in [h for h, _ in card_links(p)]:
                listing = "/news?page=%d" % n if n > 1 else "/news"
        self.assertIsNotNone(listing, "the item is not listed in News")
        for path in (listing, HOSTILE_PATH, "/authors/lysander-quiggley"):
            with self.subTest(path=path):
                r = self.get(path)
                self.assertEqual(r.status, 200)
                self.assertNotIn('<script>alert("gotcha")', r.text)
                self.assertNotIn("<b>bigger</b>", r.text)
                self.assertIn("&lt;script&gt;", r.text)
                self.assertIn("&amp; the budget gap", r.text)
        page = self.get_page(HOSTILE_PATH)
        self.assertEqual(page.h1_text(), HOSTILE_HEADLINE)
        self.assertEqual(page.find("p", cls="standfirst").clean_text(), HOSTILE_STANDFIRST)
        self.assertEqual(page.find("title").clean_text(), HOSTILE_HEADLINE + " | Gazette")
        self.assertEqual(page.meta_property("og:title"), HOSTILE_HEADLINE)
        # Only the JSON-LD script element exists; its text must not end the element early.
        scripts = page.find_all("script")
        self.assertEqual([s.get("type") for s in scripts], ["application/ld+json"])
        self.assertNotIn("</script", scripts[0].text())
        self.assertEqual(page.json_ld()[0]["headline"], HOSTILE_HEADLINE)


class SiteAddressTest(unittest.TestCase):
    """With no base_url set, links name the address `serve --listen` answers on; sharing tags and search
    pages' robots meta are there on every page."""

    def test_links_follow_the_listening_port_when_no_base_url_is_set(self):
        import shutil
        import subprocess
        import tempfile
        import time
        import urllib.request

        from gazette_server import base_env, demo_data, free_port, require_binary

        work = tempfile.mkdtemp(prefix="gazette-address-")
        db = os.path.join(work, "site.db")
        demo_data(db, 20)
        port = free_port()
        proc = subprocess.Popen([require_binary(), "--db", database(db), "serve", "--listen", "%s:%d" % (HOST, port)],
                                env=base_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = "http://%s:%d" % (HOST, port)
            deadline = time.monotonic() + 15
            while True:
                try:
                    home = urllib.request.urlopen(base + "/", timeout=2).read().decode()
                    break
                except OSError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise
                    time.sleep(0.1)
            page = parse_html(home)
            self.assertEqual(page.canonical(), "http://localhost:%d/" % port)
            feed = urllib.request.urlopen(base + "/feed.xml", timeout=5).read().decode()
            self.assertIn("http://localhost:%d/" % port, feed)
            self.assertNotIn("localhost:8080", feed)
            self.assertIn('name="twitter:card"', home)
            self.assertIn('name="twitter:title"', home)
            search = urllib.request.urlopen(base + "/search?q=council", timeout=5).read().decode()
            self.assertIn('<meta name="robots" content="noindex">', search)
            self.assertNotIn('<meta name="robots" content="noindex">', home)
            # A favicon, and every search landmark named (two on the search and jobs pages).
            self.assertIn('rel="icon" href="/static/favicon.svg"', home)
            icon = urllib.request.urlopen(base + "/static/favicon.svg", timeout=5)
            self.assertEqual(icon.headers.get("Content-Type"), "image/svg+xml")
            self.assertTrue(icon.read().startswith(b"<svg"))
            jobs = urllib.request.urlopen(base + "/jobs", timeout=5).read().decode()
            for text in (search, jobs):
                forms = re.findall(r"<form[^>]*role=\"search\"[^>]*>", text)
                self.assertEqual(len(forms), 2, forms)
                labels = [re.search(r'aria-label="([^"]+)"', f) for f in forms]
                self.assertTrue(all(labels), forms)
                self.assertEqual(len({m.group(1) for m in labels}), 2, "each landmark has its own name")
            self.assertNotIn('role="status"', re.search(r"<h2[^>]*results-heading[^>]*>", jobs).group(0))
        finally:
            proc.terminate()
            proc.wait(15)
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
