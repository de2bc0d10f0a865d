"""Article search (/search), the councils register pages, council tagging on article pages, related
reading ("You may have missed"), near-duplicate re-listings and `gazette councils detect`.

Fixtures: tests/fixtures/search/stories.txt (News), best_practice.txt (a "Best Practice" page) and
relisted.txt (one story from stories.txt listed again with one headline word changed), imported
after the first two so the importer sees the original.
"""

import json
import os
import re
import subprocess
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

from gazette_server import SOURCE_DIR, ServerTestCase, base_env, import_listing, parse_html, require_binary

SEARCH_FIXTURES = os.path.join(SOURCE_DIR, "tests", "fixtures", "search")


def search_fixture(name):
    return os.path.join(SEARCH_FIXTURES, name)


# Article paths (section slug / date / headline slug) of the fixture stories.
POTHOLES_HEADLINE = "/news/2021/02/09/potholes-patch-repairs-swallow-a-third-of-southwark-lbc-highways-budget"
POTHOLES_SUMMARY = "/news/2022/06/22/stockport-mbc-signs-ten-year-resurfacing-deal"  # "potholes" in summary only
STOCKPORT_ONLINE = "/news/2022/08/03/stockport-mbc-moves-customer-service-counters-online"
ESSEX_LIBRARY = "/news/2022/05/17/essex-county-council-keeps-every-library-open-after-consultation"
BERKSHIRE_LIBRARIES = "/news/2022/11/30/west-berkshire-council-lends-laptops-through-its-libraries"
GLASGOW_LEVELLING_UP = "/news/2022/10/11/glasgow-bus-station-rebuild-gets-the-green-light"
BELFAST_LEVELLING = "/news/2023/04/14/flood-damaged-streets-need-levelling-before-resurfacing"
KINGSTON_CAFE = "/news/2023/03/05/market-hall-cafe-reopens-under-community-ownership"
YNYS_MON = "/news/2022/09/19/freeport-bid-wins-backing-on-ynys-mon"
ESSEX_WEATHER = "/news/2021/10/27/heavy-rain-brings-flooding-to-coastal-villages"
SOUTHWARK_HOMES = "/news/2022/12/08/southwark-lbc-approves-300-council-homes-on-former-bus-garage-site"
BP_POTHOLES = "/best-practice/2023/03/02/how-we-cut-pothole-complaints-by-half"
BP_LEGAL = "/best-practice/2023/02/14/making-the-most-of-shared-legal-services"

ALL_ARTICLES = [POTHOLES_HEADLINE, POTHOLES_SUMMARY, STOCKPORT_ONLINE, ESSEX_LIBRARY, BERKSHIRE_LIBRARIES,
                GLASGOW_LEVELLING_UP, BELFAST_LEVELLING, KINGSTON_CAFE, YNYS_MON, ESSEX_WEATHER, SOUTHWARK_HOMES,
                BP_POTHOLES, BP_LEGAL]

# Dates of the articles whose text contains "council" or "councils".
COUNCIL_WORD_DATES = {
    ESSEX_LIBRARY: "2022-05-17", BERKSHIRE_LIBRARIES: "2022-11-30", GLASGOW_LEVELLING_UP: "2022-10-11",
    BELFAST_LEVELLING: "2023-04-14", YNYS_MON: "2022-09-19", SOUTHWARK_HOMES: "2022-12-08",
    BP_POTHOLES: "2023-03-02", BP_LEGAL: "2023-02-14",
}

# Official names in the register, as /councils shows them.
SOUTHWARK = "London Borough of Southwark"
STOCKPORT = "Stockport Metropolitan Borough Council"
ESSEX = "Essex County Council"
WEST_BERKSHIRE = "West Berkshire Council"
KINGSTON = "Royal Borough of Kingston upon Thames"
ANGLESEY = "Isle of Anglesey County Council"
GLASGOW = "The Glasgow City Council"
BELFAST = "Belfast City Council"

HOSTILE_QUERIES = [
    '"', "AND OR NOT", "NEAR(a b)", "title:x", "*", "^", "(", "<script>alert(1)</script>", "a " * 600,
    '"unclosed phrase', 'potholes"*', '""', '"" ""', "'", "-potholes", "potholes -", "council's*", "{", "a:b:c",
    "\u2014", "\u2019", "\u00a0", "ą*", "x" * 600, "potholes OR libraries", "NOT potholes", "headline:potholes",
    "pothole* *", "** ^^ ((", "\u2014*", "ﬁ", "\U0001F600 potholes", "a\tb\nc", "%", "&amp;", "</mark><b>",
]


def search_path(**params):
    return "/search?" + urllib.parse.urlencode(params)


def results(page):
    """Search results in order: list of (href, card node)."""
    out = []
    ol = page.find("ol", cls="search-results")
    if ol is None:
        return out
    for card in ol.find_all("article", cls="card"):
        out.append((card.find("h2").find("a").get("href"), card))
    return out


def hrefs(page):
    return [h for h, _ in results(page)]


def card_hrefs(page):
    """Article links of a listing page's cards (council pages)."""
    return [card.find("h2").find("a").get("href") for card in page.find_all("article", cls="card")]


def status_text(page, cls):
    node = page.find("p", cls=cls)
    return node.clean_text() if node else None


class SearchCouncilsTest(ServerTestCase):
    fixtures = []

    @classmethod
    def extra_listings(cls):
        return [search_fixture("stories.txt"), search_fixture("best_practice.txt")]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The re-listing goes in while the site runs, as an editor's later import would.
        try:
            cls.relisted_proc, cls.relisted_report = import_listing(cls.db, search_fixture("relisted.txt"))
            cls._councils_page = parse_html(cls.server.get("/councils").text)
        except BaseException:
            cls.tearDownClass()
            raise

    # --- helpers ---------------------------------------------------------------------------------

    def search(self, **params):
        path = search_path(**params)
        r = self.get_ok(path)
        page = parse_html(r.text)
        self.assertEqual(page.errors, [], "%s: badly nested HTML" % path)
        return page

    def council_href(self, name):
        """The link to the current council of that name (the register keeps abolished ones too)."""
        for li in self._councils_page.main().find_all("li"):
            a = li.find("a")
            if a is None or li.find("span", cls="abolished") is not None:
                continue
            if a.clean_text() == name and (a.get("href") or "").startswith("/councils/"):
                return a.get("href")
        self.fail("no link to %r on /councils" % name)

    def council_slug(self, name):
        return self.council_href(name)[len("/councils/"):]

    def related_links(self, path):
        aside = self.get_page(path).find("aside", cls="related")
        if aside is None:
            return []
        return [a.get("href") for a in aside.find_all("a")]

    # --- keyword search --------------------------------------------------------------------------

    def test_potholes_finds_the_pothole_stories_and_nothing_else(self):
        page = self.search(q="potholes")
        self.assertEqual(sorted(hrefs(page)), sorted([POTHOLES_HEADLINE, POTHOLES_SUMMARY, BP_POTHOLES]))
        self.assertEqual(status_text(page, "result-count"), "3 articles found")
        self.assertIsNone(page.find("p", cls="empty"), "a message beside real results")
        self.assertEqual(page.find("input", id="q").get("value"), "potholes", "the query is not kept in the box")
        one = self.search(q="Holyhead freeport")
        self.assertEqual(hrefs(one), [YNYS_MON])
        self.assertEqual(status_text(one, "result-count"), "1 article found")

    def test_matched_word_is_marked(self):
        page = self.search(q="potholes")
        self.assertEqual(len(results(page)), 3, hrefs(page))
        for href, card in results(page):
            marks = [m.clean_text().lower() for m in card.find_all("mark")]
            self.assertTrue(marks, "%s: nothing highlighted" % href)
            for m in marks:
                self.assertTrue(m.startswith("pothole"), "%s: highlighted %r" % (href, m))
        by_href = dict(results(page))
        # Summary-only match: the word is marked inside the snippet.
        snippet = by_href[POTHOLES_SUMMARY].find("p", cls="snippet")
        self.assertEqual([m.clean_text() for m in snippet.find_all("mark")], ["potholes"])
        # Headline match: marked in the headline, and the ampersand next to it is text, not markup.
        self.assertIn("<mark>Potholes</mark> &amp; patch repairs", page.source)
        self.assertEqual(by_href[POTHOLES_HEADLINE].find("h2").clean_text(),
                         "Potholes & patch repairs swallow a third of Southwark LBC highways budget")

    def test_headline_match_ranks_above_summary_only_match(self):
        # The headline match is the older story, so this is not date order in disguise.
        order = hrefs(self.search(q="potholes"))
        self.assertLess(order.index(POTHOLES_HEADLINE), order.index(POTHOLES_SUMMARY), order)

    def test_snippet_does_not_just_repeat_the_headline(self):
        # A reader scanning results should see what the story says, not the headline twice.
        page = self.search(q="potholes")
        self.assertEqual(len(results(page)), 3, hrefs(page))
        for href, card in results(page):
            with self.subTest(article=href):
                headline = card.find("h2").clean_text()
                snippet = card.find("p", cls="snippet").clean_text()
                self.assertNotEqual(snippet, headline, "%s: the snippet repeats the headline" % href)

    def test_phrase_search_matches_the_phrase_only(self):
        words = self.search(q="levelling up")
        self.assertEqual(sorted(hrefs(words)), sorted([GLASGOW_LEVELLING_UP, BELFAST_LEVELLING]),
                         "both words, anywhere")
        phrase = self.search(q='"levelling up"')
        self.assertEqual(hrefs(phrase), [GLASGOW_LEVELLING_UP], "the phrase, words adjacent and in order")
        self.assertEqual(status_text(phrase, "result-count"), "1 article found")
        self.assertEqual(phrase.find("input", id="q").get("value"), '"levelling up"')

    def test_prefix_search(self):
        page = self.search(q="librar*")
        self.assertEqual(sorted(hrefs(page)), sorted([ESSEX_LIBRARY, BERKSHIRE_LIBRARIES]))
        marked = {m.clean_text().lower() for _, card in results(page) for m in card.find_all("mark")}
        self.assertTrue({"library", "libraries"} <= marked, marked)
        # Without the star the fragment is not a word of any article.
        bare = self.search(q="librar")
        self.assertEqual(hrefs(bare), [])
        self.assertEqual(status_text(bare, "empty"), "No articles match your search.")

    def test_search_ignores_accents(self):
        for q in ("cafe", "café", "CAFE"):
            with self.subTest(q=q):
                page = self.search(q=q)
                self.assertEqual(hrefs(page), [KINGSTON_CAFE])
                self.assertIn("<mark>café</mark>", page.source)
        for q in ("Mon", "Môn", "ynys mon"):
            with self.subTest(q=q):
                page = self.search(q=q)
                self.assertEqual(hrefs(page), [YNYS_MON])
                self.assertIn("<mark>Môn</mark>", page.source)

    # --- sorting and filters ---------------------------------------------------------------------

    def test_sort_by_date_is_newest_first(self):
        relevance = self.search(q="council")
        self.assertEqual(sorted(hrefs(relevance)), sorted(COUNCIL_WORD_DATES))
        page = self.search(q="council", sort="date")
        self.assertIsNone(page.find("p", cls="empty"), "message instead of results: %r" % status_text(page, "empty"))
        got = hrefs(page)
        want = sorted(COUNCIL_WORD_DATES, key=lambda h: COUNCIL_WORD_DATES[h], reverse=True)
        self.assertEqual(got, want, "sort=date should list every match, newest first")
        times = [card.find("time").get("datetime") for _, card in results(page)]
        self.assertEqual(times, sorted(times, reverse=True))
        self.assertEqual(status_text(page, "result-count"), "8 articles found")
        selected = [o.get("value") for o in page.find("select", id="sort").find_all("option") if "selected" in o.attrs]
        self.assertEqual(selected, ["date"])

    def test_section_filter(self):
        options = [o.get("value") for o in self.search(q="potholes").find("select", id="section").find_all("option")]
        self.assertEqual(sorted(options), ["", "best-practice", "news"])
        news = self.search(q="potholes", section="news")
        self.assertEqual(sorted(hrefs(news)), sorted([POTHOLES_HEADLINE, POTHOLES_SUMMARY]))
        best = self.search(q="potholes", section="best-practice")
        self.assertEqual(hrefs(best), [BP_POTHOLES])
        selected = [o.get("value") for o in best.find("select", id="section").find_all("option") if "selected" in o.attrs]
        self.assertEqual(selected, ["best-practice"])

    def test_date_range_is_inclusive(self):
        page = self.search(q="council", **{"from": "2022-05-17", "to": "2022-12-08"})
        want = [h for h, d in COUNCIL_WORD_DATES.items() if "2022-05-17" <= d <= "2022-12-08"]
        self.assertEqual(sorted(hrefs(page)), sorted(want))
        self.assertIn(ESSEX_LIBRARY, hrefs(page), "an article on the 'from' day is in range")
        self.assertIn(SOUTHWARK_HOMES, hrefs(page), "an article on the 'to' day is in range")
        for _, card in results(page):
            self.assertTrue("2022-05-17" <= card.find("time").get("datetime")[:10] <= "2022-12-08")
        only_from = self.search(q="council", **{"from": "2023-01-01"})
        self.assertEqual(sorted(hrefs(only_from)), sorted([BELFAST_LEVELLING, BP_POTHOLES, BP_LEGAL]))
        bad = self.search(q="council", **{"from": "2022-13-45"})
        self.assertEqual(hrefs(bad), [])
        self.assertIn("must look like", status_text(bad, "empty"))

    def test_council_filter(self):
        stockport = self.council_slug(STOCKPORT)
        southwark = self.council_slug(SOUTHWARK)
        self.assertEqual(hrefs(self.search(q="potholes", council=stockport)), [POTHOLES_SUMMARY])
        self.assertEqual(hrefs(self.search(q="potholes", council=southwark)), [POTHOLES_HEADLINE])
        page = self.search(q="council", council=southwark)
        self.assertEqual(hrefs(page), [SOUTHWARK_HOMES])
        self.assertEqual(page.find("input", id="council").get("value"), SOUTHWARK,
                         "the box shows the council the filter was understood as")

    def test_council_filter_takes_what_readers_type(self):
        # An official name, a trade-press short form, the start of a name, a place in "... of <place>".
        for typed in (STOCKPORT, "Stockport MBC", "stockport", "Southwark", "Southwark LBC"):
            with self.subTest(council=typed):
                page = self.search(q="potholes", council=typed)
                want = [POTHOLES_SUMMARY] if "tockport" in typed else [POTHOLES_HEADLINE]
                self.assertEqual(hrefs(page), want)
                self.assertEqual(page.find("input", id="council").get("value"),
                                 STOCKPORT if "tockport" in typed else SOUTHWARK)
        page = self.search(q="potholes", council="North")
        self.assertIn("type more of the name", status_text(page, "empty"))
        self.assertEqual(hrefs(page), [])
        names = [o.get("value") for o in page.find("datalist", id="council-names").find_all("option")]
        self.assertIn(STOCKPORT, names)
        self.assertIn(SOUTHWARK, names)

    def test_unknown_council_or_section_is_a_clear_message(self):
        for params, message in (({"council": "no-such-council"}, 'There is no council called "no-such-council".'),
                                ({"section": "no-such-section"}, 'There is no section called "no-such-section".')):
            with self.subTest(**params):
                page = self.search(q="potholes", **params)
                self.assertEqual(status_text(page, "empty"), message)
                self.assertEqual(hrefs(page), [])
                self.assertIsNone(page.find("p", cls="result-count"))

    # --- hostile and odd input -------------------------------------------------------------------

    def test_hostile_queries_are_text(self):
        for q in HOSTILE_QUERIES:
            with self.subTest(q=q[:40]):
                r = self.get(search_path(q=q))
                self.assertEqual(r.status, 200, "q=%r -> %d %r" % (q[:60], r.status, r.body[:200]))
                self.assertNotIn(b"<script>alert", r.body)
                self.assertNotIn(b"</mark><b>", r.body)
                page = parse_html(r.text)
                self.assertEqual(page.errors, [], "q=%r: badly nested HTML" % q[:60])
                if not any(c in q for c in "\t\n"):  # HTML escaping may turn these into spaces
                    self.assertEqual(page.find("input", id="q").get("value"), q,
                                     "the query box should show what was typed")
                self.assertNotIn("could not be run", r.text, "q=%r: the search failed" % q[:60])
        r = self.get(search_path(q="<script>alert(1)</script>"))
        self.assertIn(b"&lt;script&gt;alert(1)&lt;/script&gt;", r.body)

    def test_hostile_filter_values_are_escaped(self):
        for name in ("council", "section", "author", "from", "to", "sort"):
            with self.subTest(param=name):
                r = self.get(search_path(q="potholes", **{name: '<script>alert(1)</script>"'}))
                self.assertEqual(r.status, 200)
                self.assertNotIn(b"<script>alert", r.body)
                self.assertEqual(parse_html(r.text).errors, [])

    def test_operators_are_words_not_syntax(self):
        # "OR" is not an operator: nothing contains all three words.
        self.assertEqual(hrefs(self.search(q="potholes OR libraries")), [])
        # A column filter is not honoured either: "headline:potholes" is the two words.
        self.assertEqual(hrefs(self.search(q="headline:potholes")), [])

    def test_long_query_is_cut_with_a_note(self):
        page = self.search(q="a " * 600)
        self.assertIn("Only the first part of a long query was used.", status_text(page, "empty") or "")

    def test_invalid_percent_encoding_is_400(self):
        for target in ("/search?q=%zz", "/search?q=%", "/search?q=pot%2"):
            with self.subTest(target=target):
                self.assertEqual(self.get(target).status, 400)

    def test_query_that_is_not_utf8_is_refused_or_cleaned(self):
        # Well-formed percent-encoding of bytes that are not UTF-8: a 400, or a page that is still
        # valid UTF-8 (the page says charset=utf-8; raw 0xFF bytes show as garbage).
        for target in ("/search?q=%FF%FE", "/search?q=caf%E9", "/search?q=potholes&council=%C0%AF"):
            with self.subTest(target=target):
                r = self.get(target)
                self.assertIn(r.status, (200, 400))
                if r.status == 200:
                    try:
                        text = r.body.decode("utf-8")
                    except UnicodeDecodeError as e:
                        self.fail("%s: the page is not valid UTF-8: %s" % (target, e))
                    self.assertEqual(hrefs(parse_html(text)), [])

    def test_page_number_must_be_a_whole_number(self):
        for bad in ("abc", "0", "-1", "1.5"):
            with self.subTest(page=bad):
                self.assertEqual(self.get(search_path(q="potholes", page=bad)).status, 400)

    def test_a_council_without_words_lists_its_articles_newest_first(self):
        slug = self.council_slug(STOCKPORT)
        listed = card_hrefs(self.get_page("/councils/" + slug))
        for council in (STOCKPORT, "Stockport", slug):
            with self.subTest(council=council):
                page = self.search(council=council)
                self.assertTrue(listed)
                self.assertEqual(hrefs(page), listed)  # the council page's order: newest first
                self.assertIn("newest first", status_text(page, "empty"))
                applied = page.find("div", cls="applied-filters")
                self.assertIsNotNone(applied, "the page says what it is limited to")
                self.assertIn(STOCKPORT, applied.clean_text())
                remove = [a.get("href") for a in applied.find_all("a") if a.clean_text().startswith("Remove")]
                self.assertEqual(remove, ["/search"])

    def test_several_filters_without_words_ask_for_words(self):
        page = self.search(council=STOCKPORT, **{"from": "2020-01-01"})
        self.assertEqual(hrefs(page), [])
        self.assertIn("Type a word or phrase", status_text(page, "empty"))
        applied = page.find("div", cls="applied-filters").clean_text()
        self.assertIn("From: 2020-01-01", applied)
        self.assertIn(STOCKPORT, applied)

    def test_empty_query_shows_the_form_only(self):
        for path in ("/search", "/search?q="):
            with self.subTest(path=path):
                page = self.get_page(path)
                self.assertEqual(page.h1_text(), "Search")
                form = page.find("form", cls="search-form")
                self.assertIsNotNone(form)
                self.assertIsNotNone(form.find("input", id="q"))
                self.assertNotIn("No articles", page.main().clean_text())
                self.assertIsNone(page.find("p", cls="empty"))
                self.assertIsNone(page.find("p", cls="result-count"))
                self.assertEqual(hrefs(page), [])

    # --- /councils -------------------------------------------------------------------------------

    def test_councils_page_groups_by_nation(self):
        page = self._councils_page
        sections = {}
        for section in page.main().find_all("section"):
            h2 = section.find("h2")
            if h2 is not None:
                sections[h2.clean_text()] = [a.clean_text() for a in section.find_all("a")]
        for nation in ("England", "Scotland", "Wales", "Northern Ireland"):
            self.assertIn(nation, sections)
        for nation, council in (("England", SOUTHWARK), ("England", KINGSTON), ("Scotland", GLASGOW),
                                ("Wales", ANGLESEY), ("Northern Ireland", BELFAST)):
            self.assertIn(council, sections[nation], "%s not listed under %s" % (council, nation))
        self.assertNotIn(GLASGOW, sections["England"])
        for council in (SOUTHWARK, GLASGOW, ANGLESEY, BELFAST):
            with self.subTest(council=council):
                href = self.council_href(council)
                self.assertEqual(self.get_page(href).h1_text(), council)

    def test_councils_page_shows_article_counts(self):
        counts = {}
        for li in self._councils_page.find_all("li"):
            a = li.find("a")
            meta = li.find("span", cls="meta")
            if a is not None and meta is not None:
                counts[a.clean_text()] = meta.clean_text()
        self.assertEqual(counts.get(SOUTHWARK), "(2)")
        self.assertEqual(counts.get(STOCKPORT), "(2)")
        self.assertEqual(counts.get(ESSEX), "(1)", "the Essex weather story must not count")

    def test_nation_sections_are_labelled_by_their_headings(self):
        # Screen readers name each nation's region from aria-labelledby; an id with a space in it
        # ("nation-Northern Ireland") is two references, neither of which exists.
        page = self._councils_page
        ids = {n.get("id") for n in page.root.iter() if n.get("id")}
        sections = page.main().find_all("section")
        self.assertGreaterEqual(len(sections), 4, "want a section per nation on /councils")
        for section in sections:
            label = section.get("aria-labelledby")
            with self.subTest(label=label):
                self.assertTrue(label, "a section without aria-labelledby")
                heading = section.find("h2")
                self.assertFalse(re.search(r"\s", heading.get("id") or ""), "id with whitespace: %r" % heading.get("id"))
                for ref in (label or "").split():
                    self.assertIn(ref, ids, "aria-labelledby refers to a missing id")

    def test_council_page_lists_only_its_articles(self):
        page = self.get_page(self.council_href(SOUTHWARK))
        self.assertEqual(page.h1_text(), SOUTHWARK)
        self.assertEqual(card_hrefs(page), [SOUTHWARK_HOMES, POTHOLES_HEADLINE], "Southwark's stories, newest first")
        self.assertIn("E09000028", page.main().clean_text())
        essex = self.get_page(self.council_href(ESSEX))
        self.assertEqual(card_hrefs(essex), [ESSEX_LIBRARY])

    def test_council_feed(self):
        href = self.council_href(SOUTHWARK)
        page = self.get_page(href)
        alternates = [l.get("href") for l in page.find_all("link")
                      if l.get("rel") == "alternate" and l.get("type") == "application/rss+xml"]
        self.assertEqual(alternates, [self.url(href + "/feed.xml")])
        visible = [a.get("href") for a in page.find_all("a") if a.clean_text() == "RSS feed"]
        self.assertEqual(visible, [href + "/feed.xml"])
        r = self.get_ok(href + "/feed.xml")
        self.assertTrue(r.header("Content-Type").startswith("application/rss+xml"), r.header("Content-Type"))
        rss = ET.fromstring(r.body)
        self.assertEqual(rss.tag, "rss")
        channel = rss.find("channel")
        self.assertIn(SOUTHWARK, channel.findtext("title"))
        links = [item.findtext("link") for item in channel.findall("item")]
        self.assertEqual(links, [self.url(SOUTHWARK_HOMES), self.url(POTHOLES_HEADLINE)])

    def test_unknown_council_is_404(self):
        for path in ("/councils/no-such-council", "/councils/no-such-council/feed.xml"):
            with self.subTest(path=path):
                self.assertEqual(self.get(path).status, 404)

    # --- article pages ---------------------------------------------------------------------------

    def test_article_shows_councils_in_the_story(self):
        cases = {
            POTHOLES_HEADLINE: [SOUTHWARK],
            POTHOLES_SUMMARY: [STOCKPORT],
            ESSEX_LIBRARY: [ESSEX],
            BERKSHIRE_LIBRARIES: [WEST_BERKSHIRE],
            KINGSTON_CAFE: [KINGSTON],
            YNYS_MON: [ANGLESEY],
            GLASGOW_LEVELLING_UP: [GLASGOW],
            BP_POTHOLES: [WEST_BERKSHIRE],
        }
        for path, names in cases.items():
            with self.subTest(article=path):
                section = self.get_page(path).find("section", cls="councils")
                self.assertIsNotNone(section, "no 'Councils in this story'")
                self.assertEqual(section.find("h2").clean_text(), "Councils in this story")
                links = [(a.clean_text(), a.get("href")) for a in section.find_all("a")]
                self.assertEqual(links, [(n, self.council_href(n)) for n in names])

    def test_article_naming_no_council_has_no_councils_box(self):
        # "Heavy rain swept across Essex": the county as a place, not Essex County Council.
        for path in (ESSEX_WEATHER, BP_LEGAL):
            with self.subTest(article=path):
                page = self.get_page(path)
                self.assertIsNone(page.find("section", cls="councils"))
                self.assertNotIn("Councils in this story", page.source)

    def test_you_may_have_missed_never_lists_the_article_itself(self):
        for path in ALL_ARTICLES:
            with self.subTest(article=path):
                links = self.related_links(path)
                self.assertTrue(links, "no 'You may have missed'")
                self.assertNotIn(path, links)
                self.assertEqual(len(links), len(set(links)), "an article listed twice")
                for link in links:
                    self.assertIn(link, ALL_ARTICLES)

    def test_you_may_have_missed_prefers_the_same_council(self):
        self.assertEqual(self.related_links(POTHOLES_SUMMARY)[:1], [STOCKPORT_ONLINE])
        self.assertEqual(self.related_links(STOCKPORT_ONLINE)[:1], [POTHOLES_SUMMARY])
        self.assertEqual(self.related_links(POTHOLES_HEADLINE)[:1], [SOUTHWARK_HOMES])

    # --- near-duplicate re-listing ---------------------------------------------------------------

    def test_relisting_is_reported_as_a_near_duplicate(self):
        self.assertEqual(self.relisted_proc.returncode, 0, self.relisted_proc.stderr)
        self.assertIsNotNone(self.relisted_report, self.relisted_proc.stdout)
        (report,) = self.relisted_report["files"]
        self.assertTrue(report["ok"])
        self.assertEqual(report["near_duplicates"], 1)
        self.assertEqual(report["added"], 0)
        self.assertEqual(self.relisted_report["added"], 0)

    def test_relisted_story_is_found_once(self):
        page = self.search(q="Southwark council homes bus garage")
        self.assertEqual(hrefs(page), [SOUTHWARK_HOMES])
        self.assertEqual(status_text(page, "result-count"), "1 article found")
        self.assertEqual(hrefs(self.search(q="garage")), [SOUTHWARK_HOMES])
        self.assertEqual(hrefs(self.search(q="approves")), [SOUTHWARK_HOMES], "the first listing's headline is kept")
        self.assertEqual(len(card_hrefs(self.get_page(self.council_href(SOUTHWARK)))), 2)

    # --- gazette councils detect -----------------------------------------------------------------

    def test_councils_detect_cli(self):
        text = "Après the café talks, Southwark LBC and Essex CC signed a £2m deal on Ynys Môn."
        proc = subprocess.run([require_binary(), "councils", "detect"], input=text.encode("utf-8"), capture_output=True,
                              env=base_env(), timeout=30)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        lines = proc.stdout.decode("utf-8").splitlines()
        self.assertEqual(len(lines), 2, lines)
        found = [json.loads(line) for line in lines]
        self.assertEqual([f["gss_code"] for f in found], ["E09000028", "E10000012"])
        self.assertEqual([f["matched_text"] for f in found], ["Southwark LBC", "Essex CC"])
        self.assertEqual([f["official_name"] for f in found], [SOUTHWARK, ESSEX])
        data = text.encode("utf-8")
        for f in found:
            m = f["matched_text"].encode("utf-8")
            self.assertEqual(data[f["offset"]:f["offset"] + len(m)], m, "offset %d is not a byte offset" % f["offset"])
        self.assertEqual(found[0]["offset"], data.index(b"Southwark"))
        # Nothing to find: no output, still success.
        quiet = subprocess.run([require_binary(), "councils", "detect"], input="Heavy rain swept across Essex.".encode("utf-8"),
                               capture_output=True, env=base_env(), timeout=30)
        self.assertEqual((quiet.returncode, quiet.stdout), (0, b""))


if __name__ == "__main__":
    unittest.main()
