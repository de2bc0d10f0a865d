"""The jobs board as a reader and a search engine see it: /jobs with filters, facets, sorting and
paging; job pages and their JobPosting JSON-LD; closed adverts; the XML feed, RSS, sitemap; employer
pages and the "Jobs at <council>" box on articles.

The database holds tests/fixtures/jobs/*.xml (imported with `gazette import jobs`) and
tests/fixtures/jobs/article_with_job_box.txt (an article about Kent County Council whose page carries a
box of two job adverts, imported with `gazette import listing`). Listing pages show 4 items.
"""

import glob
import gzip
import json
import os
import re
import shutil
import tempfile
import time
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

from gazette_server import SOURCE_DIR, GazetteServer, ServerTestCase, parse_html, run_cli

JOB_FIXTURES = os.path.join(SOURCE_DIR, "tests", "fixtures", "jobs")
FEEDS = sorted(glob.glob(os.path.join(JOB_FIXTURES, "*.xml")))
LISTING = os.path.join(JOB_FIXTURES, "article_with_job_box.txt")
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PAGE_SIZE = 4

# Live adverts, by title: (employer, category slug).
KENT = "Kent County Council"
LEEDS = "Leeds City Council"
LIVE = {
    "Senior Highways Engineer": (KENT, "highways-transport"),
    "Planning Enforcement Officer": (KENT, "planning"),
    "Traffic Signals Technician": (KENT, "highways-transport"),  # classified; salary "Competitive"
    "Principal Planning Officer": (LEEDS, "planning"),
    "Highways Maintenance Supervisor": (LEEDS, "highways-transport"),  # "Roads and streets": classified
    "Tree Officer": (LEEDS, "environment"),  # £15.20 an hour; no closing date
    "Housing Options Adviser": ("Marshfield Housing Trust", "housing"),
    # From the listing page's job box (no closing date).
    "Waste Collection Team Leader": (LEEDS, "waste"),
    "Transport Planner": ("Westbury Borough Council", "highways-transport"),  # salary "Competitive"
}
CLOSED = "Bridge Inspection Engineer"  # Kent; <expirationdate> 2021-03-15
HIGHWAYS = {t for t, (_, c) in LIVE.items() if c == "highways-transport"}
KENT_LIVE = {t for t, (e, _) in LIVE.items() if e == KENT}


def job_id(url):
    m = re.search(r"/jobs/(\d+)/", url)
    return int(m.group(1)) if m else None


class JobsBoardTest(ServerTestCase):
    fixtures = []
    server_env = {"GAZETTE_PAGE_SIZE": str(PAGE_SIZE)}

    @classmethod
    def extra_listings(cls):
        # Called by ServerTestCase.setUpClass once cls.db is chosen and before the server starts: the
        # job feeds go in first, then the listing with the article and its job box.
        assert len(FEEDS) >= 2, FEEDS
        proc = run_cli("import", "jobs", "--json", *FEEDS, db=cls.db)
        if proc.returncode != 0:
            raise RuntimeError("import jobs failed: %s %s" % (proc.stdout, proc.stderr))
        cls.jobs_report = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
        return [LISTING]

    # --- helpers -----------------------------------------------------------------------------------

    def cards(self, page):
        """(title, href, salary/meta text) of the job cards on a /jobs page, in order."""
        out = []
        for li in page.find_all("li", cls="job-card"):
            a = li.find("h3").find("a")
            meta = li.find("p", cls="meta")
            out.append((a.clean_text(), a.get("href"), meta.clean_text() if meta else ""))
        return out

    def total(self, page):
        heading = page.find(id="results-heading")
        self.assertIsNotNone(heading)
        m = re.match(r"^(\d+) jobs?$", heading.clean_text())
        self.assertIsNotNone(m, heading.clean_text())
        return int(m.group(1))

    def all_titles(self, path):
        """Titles over every page of a search, following rel=next; checks the total and page sizes."""
        titles, seen_paths = [], set()
        page = self.get_page(path)
        total = self.total(page)
        while True:
            cards = self.cards(page)
            self.assertLessEqual(len(cards), PAGE_SIZE)
            titles += [c[0] for c in cards]
            nxt = [a for a in page.find_all("a") if a.get("rel") == "next"]
            if not nxt:
                break
            href = nxt[0].get("href")
            self.assertNotIn(href, seen_paths)
            seen_paths.add(href)
            page = self.get_page(href)
        self.assertEqual(len(titles), total, path)
        self.assertEqual(len(titles), len(set(titles)), "an advert listed twice: %r" % titles)
        return titles

    def facets(self, page):
        """{facet title: {value name: (count, href, selected)}}."""
        out = {}
        for section in page.find_all("section", cls="facet"):
            values = {}
            for li in section.find_all("li"):
                a = li.find("a")
                count = li.find("span", cls="meta").clean_text()
                m = re.match(r"^\((\d+)\)$", count)
                self.assertIsNotNone(m, count)
                values[a.clean_text()] = (int(m.group(1)), a.get("href"), "selected" in a.classes())
            out[section.find("h3").clean_text()] = values
        return out

    def job_urls(self):
        """{title: canonical path} of every advert, closed ones included, found by id."""
        if getattr(type(self), "_job_urls", None) is None:
            urls = {}
            misses = 0
            for i in range(1, 60):
                r = self.get("/jobs/%d/x" % i)
                if r.status == 404:
                    misses += 1
                    if misses > 5:
                        break
                    continue
                self.assertEqual(r.status, 301, "/jobs/%d/x" % i)
                path = r.header("Location")
                page = self.get_page(path)
                urls[page.h1_text()] = path
            type(self)._job_urls = urls
        return type(self)._job_urls

    def json_ld_of(self, page):
        return [o for o in page.json_ld() if isinstance(o, dict)]

    # --- setup sanity --------------------------------------------------------------------------------

    def test_fixtures_imported(self):
        self.assertEqual([r["ok"] for r in self.jobs_report], [True] * len(FEEDS), self.jobs_report)
        self.assertEqual(sum(r["added"] for r in self.jobs_report), 8)
        self.assertEqual(self.import_report["adverts_new"], 2, self.import_report)
        self.assertEqual(set(self.job_urls()), set(LIVE) | {CLOSED})

    # --- /jobs ---------------------------------------------------------------------------------------

    def test_board_lists_every_live_advert_and_no_closed_one(self):
        titles = self.all_titles("/jobs")
        self.assertEqual(set(titles), set(LIVE))
        self.assertNotIn(CLOSED, titles)
        page = self.get_page("/jobs")
        self.assertEqual(self.total(page), len(LIVE))
        self.assertEqual(page.errors, [])

    def test_card_shows_salary_employer_and_links_to_the_advert(self):
        cards = {c[0]: c for c in self.cards(self.get_page("/jobs?category=highways-transport&sort=salary"))}
        title, href, meta = cards["Senior Highways Engineer"]
        self.assertEqual(href, self.job_urls()["Senior Highways Engineer"])
        self.assertIn("£45,000 - £52,000 per annum", meta)
        self.assertIn("Highways & transport", meta)
        self.assertIn("Closes 30 June 2035", meta)

    def test_pagination(self):
        p1 = self.get_page("/jobs")
        self.assertEqual(len(self.cards(p1)), PAGE_SIZE)
        self.assertIn("Page 1 of 3", p1.find("nav", cls="pagination").clean_text())
        p2 = self.get_page("/jobs?page=2")
        p3 = self.get_page("/jobs?page=3")
        self.assertEqual(len(self.cards(p2)), PAGE_SIZE)
        self.assertEqual(len(self.cards(p3)), len(LIVE) - 2 * PAGE_SIZE)
        self.assertEqual(self.total(p3), len(LIVE))
        t1, t2, t3 = ({c[0] for c in self.cards(p)} for p in (p1, p2, p3))
        self.assertFalse(t1 & t2 or t2 & t3 or t1 & t3)
        self.assertEqual(t1 | t2 | t3, set(LIVE))
        self.assertEqual([a for a in p3.find_all("a") if a.get("rel") == "next"], [])
        prev = [a for a in p3.find_all("a") if a.get("rel") == "prev"]
        self.assertEqual(prev[0].get("href"), "/jobs?page=2")
        self.assertEqual(self.get("/jobs?page=4").status, 404)

    def test_facet_links_narrow_results_and_show_counts(self):
        page = self.get_page("/jobs")
        facets = self.facets(page)
        self.assertEqual(set(facets), {"Category", "Contract", "Hours", "Region"})
        categories = facets["Category"]
        self.assertEqual(categories["Highways & transport"][0], len(HIGHWAYS))
        self.assertEqual(categories["Planning"][0], 2)
        self.assertEqual(categories["Environment"][0], 1)
        self.assertNotIn(True, [v[2] for v in categories.values()])
        # Every category count adds up to the live adverts (each is classified).
        self.assertEqual(sum(v[0] for v in categories.values()), len(LIVE))
        for name, (count, href, _) in categories.items():
            narrowed = self.get_page(href)
            self.assertEqual(self.total(narrowed), count, "%s: %s" % (name, href))
        # Following the highways link: only highways adverts, the facet marked selected, and other
        # categories' counts still shown, while other facets count highways adverts only.
        href = categories["Highways & transport"][1]
        narrowed = self.get_page(href)
        self.assertEqual({c[0] for c in self.cards(narrowed)} | set(self.all_titles(href)), HIGHWAYS)
        nf = self.facets(narrowed)
        self.assertTrue(nf["Category"]["Highways & transport"][2])
        self.assertEqual({k: v[0] for k, v in nf["Category"].items()}, {k: v[0] for k, v in categories.items()})
        # Hours of highways adverts (the Transport Planner states none, so it has no hours entry).
        self.assertEqual({k: v[0] for k, v in nf["Hours"].items()}, {"Full time": 2, "Part time": 1})
        self.assertEqual(nf["Contract"]["Temporary"][0], 1)  # Traffic Signals Technician
        self.assertEqual(nf["Contract"]["Permanent"][0], 2)  # Senior Highways Engineer, Maintenance Supervisor
        # The selected value's link clears the filter.
        self.assertEqual(self.total(self.get_page(nf["Category"]["Highways & transport"][1])), len(LIVE))
        # Combining: highways + part-time.
        both = self.get_page(nf["Hours"]["Part time"][1])
        self.assertEqual([c[0] for c in self.cards(both)], ["Traffic Signals Technician"])

    def test_category_filter_highways_and_transport(self):
        page = self.get_page("/jobs")
        options = {o.clean_text(): o.get("value") for o in page.find(id="jcategory").find_all("option")}
        slug = options["Highways & transport"]
        titles = self.all_titles("/jobs?" + urllib.parse.urlencode({"category": slug}))
        self.assertEqual(set(titles), HIGHWAYS)
        self.assertNotIn(CLOSED, titles)
        narrowed = self.get_page("/jobs?category=" + slug)
        self.assertEqual(narrowed.h1_text(), "Jobs")
        self.assertIn("Highways & transport jobs", narrowed.find("title").clean_text())

    def test_council_filter(self):
        kent_path = self.job_urls()["Senior Highways Engineer"]
        council_link = [a.get("href") for a in self.get_page(kent_path).find_all("a")
                        if (a.get("href") or "").startswith("/councils/")]
        self.assertTrue(council_link)
        slug = council_link[0].rsplit("/", 1)[1]
        self.assertEqual(set(self.all_titles("/jobs?council=" + slug)), KENT_LIVE)
        unknown = self.get_page("/jobs?council=no-such-council")
        self.assertIn("There is no council called", unknown.find("p", cls="empty").clean_text())
        self.assertEqual(self.all_titles("/jobs?council=no-such-council"), [], "never every job")
        # Names as readers type them, as /search takes them: the start of a name, or the whole of it.
        for typed in ("Kent", KENT, "kent county council"):
            with self.subTest(council=typed):
                self.assertEqual(set(self.all_titles("/jobs?council=" + urllib.parse.quote(typed))), KENT_LIVE)
                page = self.get_page("/jobs?council=" + urllib.parse.quote(typed))
                applied = page.find("div", cls="applied-filters")
                self.assertIn("Council: " + KENT, applied.clean_text())
                self.assertEqual(page.find("input", id="jcouncil").get("value"), KENT)
                remove = [a.get("href") for a in applied.find_all("a") if a.clean_text().startswith("Remove")]
                self.assertEqual(remove, ["/jobs"])
        label = [l.clean_text() for l in self.get_page("/jobs").find_all("label") if l.get("for") == "jcouncil"]
        self.assertEqual(label, ["Council"])

    def test_min_salary_excludes_lower_and_unparsed_salaries(self):
        self.assertEqual(set(self.all_titles("/jobs?min_salary=40000")),
                         {"Senior Highways Engineer", "Principal Planning Officer"})
        # 36,000 reaches 35,000; "Competitive" adverts are never included once a minimum is set.
        self.assertEqual(set(self.all_titles("/jobs?min_salary=35000")),
                         {"Senior Highways Engineer", "Principal Planning Officer", "Planning Enforcement Officer"})
        # The hourly Tree Officer (about £29,325 a year) counts at its annual figure.
        at_29k = set(self.all_titles("/jobs?min_salary=29000"))
        self.assertIn("Tree Officer", at_29k)
        self.assertIn("Waste Collection Team Leader", at_29k)
        self.assertNotIn("Housing Options Adviser", at_29k)
        self.assertNotIn("Traffic Signals Technician", at_29k)
        self.assertNotIn("Transport Planner", at_29k)
        # With the filter, the form keeps the value and facets count only matching adverts.
        page = self.get_page("/jobs?min_salary=40000")
        self.assertEqual(page.find(id="jsalary").get("value"), "40000")
        self.assertEqual(sum(v[0] for v in self.facets(page)["Category"].values()), 2)

    def test_keyword_search(self):
        self.assertEqual(self.all_titles("/jobs?q=arboriculture"), ["Tree Officer"])
        self.assertEqual(self.all_titles("/jobs?q=potholes"), ["Highways Maintenance Supervisor"])
        self.assertEqual(set(self.all_titles("/jobs?q=planning")) >= {"Planning Enforcement Officer",
                                                                     "Principal Planning Officer"}, True)
        # Keywords combine with filters; the closed advert never matches.
        self.assertEqual(self.all_titles("/jobs?q=planning&council=leeds-city-council"),
                         ["Principal Planning Officer"])
        self.assertEqual(self.all_titles("/jobs?q=bridges"), [])
        page = self.get_page("/jobs?q=bridges")
        self.assertIn("No live jobs match", page.find("p", cls="empty").clean_text())
        self.assertEqual(self.all_titles("/jobs?q=xylophonist"), [])

    def test_sort_by_salary(self):
        titles = self.all_titles("/jobs?sort=salary")
        self.assertEqual(titles[:7], ["Senior Highways Engineer", "Principal Planning Officer",
                                      "Planning Enforcement Officer", "Highways Maintenance Supervisor",
                                      "Tree Officer", "Waste Collection Team Leader", "Housing Options Adviser"])
        self.assertEqual(set(titles[7:]), {"Traffic Signals Technician", "Transport Planner"})
        # Sorting keeps its filter: highest-paid highways advert first.
        first = self.cards(self.get_page("/jobs?category=highways-transport&sort=salary"))[0][0]
        self.assertEqual(first, "Senior Highways Engineer")

    def test_sort_by_closing_date(self):
        titles = self.all_titles("/jobs?sort=closing")
        self.assertEqual(titles[:5], ["Housing Options Adviser", "Senior Highways Engineer",
                                      "Planning Enforcement Officer", "Highways Maintenance Supervisor",
                                      "Principal Planning Officer"])

    # --- a job page --------------------------------------------------------------------------------

    def test_job_page_and_job_posting_json_ld(self):
        path = self.job_urls()["Senior Highways Engineer"]
        r = self.get_ok(path)
        self.assertIsNone(r.header("X-Robots-Tag"))
        page = parse_html(r.text)
        self.assertEqual(page.errors, [])
        self.assertEqual(page.h1_text(), "Senior Highways Engineer")
        facts = page.find("dl", cls="job-facts").clean_text()
        self.assertIn("£45,000 - £52,000 per annum", facts)
        self.assertIn("30 June 2035", facts)
        self.assertIn("Full time", facts)
        self.assertIn("Permanent", facts)
        employer = [a for a in page.find_all("a") if a.clean_text() == KENT and
                    (a.get("href") or "").startswith("/jobs/employers/")]
        self.assertTrue(employer, "no employer link")
        self.assertEqual(self.get(employer[0].get("href")).status, 200)
        self.assertIn("carriageway resurfacing", page.find("div", cls="body").clean_text())
        self.assertNotIn("This vacancy has closed", r.text)
        self.assertEqual(page.canonical(), self.url(path))

        postings = [o for o in self.json_ld_of(page) if o.get("@type") == "JobPosting"]
        self.assertEqual(len(postings), 1)
        jp = postings[0]
        self.assertEqual(jp["title"], "Senior Highways Engineer")
        self.assertTrue(jp["datePosted"].startswith("2025-05-02"), jp["datePosted"])
        self.assertEqual(jp["hiringOrganization"]["name"], KENT)
        location = jp["jobLocation"]
        self.assertEqual(location["@type"], "Place")
        self.assertEqual(location["address"]["addressLocality"], "Maidstone")
        self.assertEqual(location["address"]["addressCountry"], "GB")
        value = jp["baseSalary"]["value"]
        self.assertEqual(jp["baseSalary"]["currency"], "GBP")
        for key, want in (("minValue", 45000), ("maxValue", 52000)):
            self.assertIsInstance(value[key], (int, float), key)
            self.assertNotIsInstance(value[key], bool)
            self.assertEqual(value[key], want)
        self.assertEqual(value.get("unitText"), "YEAR")
        self.assertTrue(jp["validThrough"].startswith("2035-06-30"), jp["validThrough"])
        self.assertEqual(jp["employmentType"], "FULL_TIME")
        self.assertEqual(jp["url"], self.url(path))

    def test_json_ld_without_closing_date_or_parsed_salary(self):
        tree = parse_html(self.get_ok(self.job_urls()["Tree Officer"]).text)
        jp = [o for o in self.json_ld_of(tree) if o.get("@type") == "JobPosting"][0]
        self.assertNotIn("validThrough", jp)
        self.assertEqual(jp["baseSalary"]["value"]["minValue"], 15.2)
        self.assertEqual(jp["baseSalary"]["value"]["unitText"], "HOUR")
        self.assertEqual(jp["employmentType"], "PART_TIME")
        tech = parse_html(self.get_ok(self.job_urls()["Traffic Signals Technician"]).text)
        jp = [o for o in self.json_ld_of(tech) if o.get("@type") == "JobPosting"][0]
        self.assertNotIn("baseSalary", jp)
        self.assertIn("Competitive", tech.find("dl", cls="job-facts").clean_text())

    def test_unknown_job_is_404_and_wrong_slug_redirects(self):
        for path in ("/jobs/999999/anything", "/jobs/0/x", "/jobs/abc/x", "/jobs/-1/x"):
            self.assertEqual(self.get(path).status, 404, path)
        canonical = self.job_urls()["Principal Planning Officer"]
        jid = job_id(canonical)
        r = self.get("/jobs/%d/principal-planning-officer" % jid)
        self.assertEqual(r.status, 301)
        self.assertEqual(r.header("Location"), canonical)
        self.assertEqual(self.get(canonical).status, 200)

    # --- a closed advert ---------------------------------------------------------------------------

    def test_closed_advert_page_is_readable_but_not_indexed(self):
        path = self.job_urls()[CLOSED]
        r = self.get_ok(path)
        page = parse_html(r.text)
        self.assertEqual(page.h1_text(), CLOSED)
        self.assertIn("This vacancy has closed", r.text)
        self.assertEqual([o for o in self.json_ld_of(page) if o.get("@type") == "JobPosting"], [])
        # Search engines must drop it: on the first request and on a repeat (a page-cache hit).
        for attempt in range(2):
            r = self.get_ok(path)
            self.assertIn("noindex", (r.header("X-Robots-Tag") or ""),
                          "request %d: closed advert lacks X-Robots-Tag: noindex" % (attempt + 1))

    def test_closed_advert_is_in_no_feed_or_sitemap(self):
        closed = self.job_urls()[CLOSED]
        live = self.job_urls()["Senior Highways Engineer"]
        feed = self.get_ok("/jobs/feed.xml").text
        self.assertNotIn(CLOSED, feed)
        self.assertNotIn(closed, feed)
        self.assertIn(live, feed)
        rss = self.get_ok("/jobs/rss").text
        self.assertNotIn(CLOSED, rss)
        locs = self.sitemap_locs()
        self.assertIn(self.url(live), locs)
        self.assertNotIn(self.url(closed), locs)
        self.assertEqual({l for l in locs if "/jobs/" in l}, {self.url(p) for t, p in self.job_urls().items()
                                                               if t != CLOSED})
        employer = self.get_page("/jobs/employers/kent-county-council")
        self.assertNotIn(CLOSED, employer.main().clean_text())

    def sitemap_locs(self):
        root = ET.fromstring(self.get_ok("/sitemap.xml").body)
        if root.tag == SM + "sitemapindex":
            locs = []
            for loc in root.iter(SM + "loc"):
                sub = ET.fromstring(self.get_ok(loc.text[len(self.server.base_url):]).body)
                locs += [l.text for l in sub.iter(SM + "loc")]
            return locs
        return [l.text for l in root.iter(SM + "loc")]

    # --- feeds ---------------------------------------------------------------------------------------

    def feed_jobs(self):
        r = self.get_ok("/jobs/feed.xml")
        self.assertTrue(r.header("Content-Type").startswith("application/xml"))
        root = ET.fromstring(r.body)
        self.assertEqual(root.tag, "source")
        return r.body, root.findall("job")

    def test_xml_feed_lists_live_adverts(self):
        _, jobs = self.feed_jobs()
        self.assertEqual({j.findtext("title") for j in jobs}, set(LIVE))
        by_title = {j.findtext("title"): j for j in jobs}
        j = by_title["Senior Highways Engineer"]
        self.assertEqual(j.findtext("company"), KENT)
        self.assertEqual(j.findtext("salary"), "£45,000 - £52,000 per annum")
        self.assertEqual(j.findtext("url"), self.url(self.job_urls()["Senior Highways Engineer"]))
        self.assertIn("30 Jun 2035", j.findtext("expirationdate"))
        self.assertEqual(len({j.findtext("referencenumber") for j in jobs}), len(LIVE))

    def test_feed_reference_is_the_one_the_job_page_shows(self):
        _, jobs = self.feed_jobs()
        self.assertTrue(jobs)
        for j in jobs:
            page = self.get_page(urllib.parse.urlsplit(j.findtext("url")).path)
            dts = [dt for dt in page.find_all("dt") if dt.clean_text() == "Reference"]
            self.assertEqual(len(dts), 1, j.findtext("title"))
            siblings = [c for c in dts[0].parent.children if not isinstance(c, str)]
            dd = siblings[siblings.index(dts[0]) + 1]
            self.assertEqual(dd.tag, "dd")
            self.assertEqual(dd.clean_text(), j.findtext("referencenumber"), j.findtext("title"))

    def test_feed_is_built_once_and_ignores_query_strings(self):
        first = self.get_ok("/jobs/feed.xml")
        etag = first.header("ETag")
        self.assertTrue(etag)
        for n in range(50):
            r = self.get_ok("/jobs/feed.xml?x=%d" % n)
            self.assertEqual(r.header("ETag"), etag)
            self.assertEqual(r.body, first.body)
        self.assertEqual(self.get("/jobs/feed.xml", {"If-None-Match": etag}).status, 304)
        gz = self.get_ok("/jobs/feed.xml", {"Accept-Encoding": "gzip, br"})
        self.assertEqual(gz.header("Content-Encoding"), "gzip")
        self.assertEqual(gzip.decompress(gz.body), first.body)

    def round_trip_db(self):
        body, _ = self.feed_jobs()
        tmp = tempfile.mkdtemp(prefix="gazette-jobs-rt-")
        self.addCleanup(shutil.rmtree, tmp, True)
        path = os.path.join(tmp, "feed.xml")
        with open(path, "wb") as f:
            f.write(body)
        db = os.path.join(tmp, "second.db")
        proc = run_cli("import", "jobs", "--json", path, db=db)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        return tmp, db, path, json.loads(proc.stdout)

    def test_xml_feed_round_trips_into_a_fresh_database(self):
        _, db, path, report = self.round_trip_db()
        self.assertTrue(report["ok"], report)
        self.assertEqual(report["jobs"], len(LIVE))
        self.assertEqual(report["added"], len(LIVE))
        again = json.loads(run_cli("import", "jobs", "--json", path, db=db).stdout)
        self.assertEqual((again["added"], again["already_present"]), (0, len(LIVE)))

    def test_xml_feed_round_trip_keeps_what_readers_see(self):
        # The second site, built from the first one's feed, shows the same adverts in the same
        # categories, with their descriptions and closing dates.
        tmp, db, _, _ = self.round_trip_db()
        second = GazetteServer(db, tmp, {"GAZETTE_PAGE_SIZE": "50"}).start()
        try:
            page = parse_html(second.get("/jobs").text)
            titles = {c[0] for c in self.cards(page)}
            self.assertEqual(titles, set(LIVE))
            ours = {k: v[0] for k, v in self.facets(self.get_page("/jobs"))["Category"].items()}
            theirs = {k: v[0] for k, v in self.facets(page)["Category"].items()}
            self.assertEqual(theirs, ours)
            href = {c[0]: c[1] for c in self.cards(page)}["Senior Highways Engineer"]
            job = parse_html(second.get(href).text)
            self.assertIn("30 June 2035", job.find("dl", cls="job-facts").clean_text())
            self.assertIn("carriageway resurfacing", job.find("div", cls="body").clean_text(),
                          "description lost in the feed round trip: %r" % job.find("div", cls="body").text())
        finally:
            second.stop()

    def test_rss_says_where_it_lives_when_it_changed_and_what_each_job_is(self):
        root = ET.fromstring(self.get_ok("/jobs/rss?category=planning").body)
        channel = root.find("channel")
        self_links = [l for l in channel.findall("{http://www.w3.org/2005/Atom}link") if l.get("rel") == "self"]
        self.assertEqual(len(self_links), 1)
        self.assertEqual(self_links[0].get("href"), self.server.base_url + "/jobs/rss?category=planning")
        self.assertRegex(channel.findtext("lastBuildDate") or "", r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} ")
        items = channel.findall("item")
        self.assertEqual(len(items), 2)
        for item in items:
            employer = item.findtext("title").split(" – ")[1]
            description = item.findtext("description")
            self.assertTrue(description.startswith(employer), description)
            self.assertIn("£", description, "the salary is in the description: %r" % description)

    def test_rss_for_a_category(self):
        r = self.get_ok("/jobs/rss?category=planning")
        self.assertTrue(r.header("Content-Type").startswith("application/rss+xml"))
        root = ET.fromstring(r.body)
        self.assertEqual(root.tag, "rss")
        items = root.find("channel").findall("item")
        titles = {i.findtext("title") for i in items}
        self.assertEqual(titles, {"Planning Enforcement Officer – Kent County Council",
                                  "Principal Planning Officer – Leeds City Council"})
        for i in items:
            self.assertEqual(i.findtext("guid"), i.findtext("link"))
            self.assertTrue(i.findtext("link").startswith(self.server.base_url + "/jobs/"))
        highways = ET.fromstring(self.get_ok("/jobs/rss?category=highways-transport").body)
        self.assertEqual({i.findtext("title").split(" – ")[0] for i in highways.iter("item")}, HIGHWAYS)
        # The board links to the RSS of the search on screen.
        page = self.get_page("/jobs?category=planning")
        rss_link = [a.get("href") for a in page.find_all("a") if a.clean_text() == "RSS feed of this search"]
        self.assertEqual(rss_link, ["/jobs/rss?category=planning"])

    # --- employer pages and job boxes --------------------------------------------------------------

    def test_employer_page_lists_its_live_jobs(self):
        page = self.get_page("/jobs/employers/kent-county-council")
        self.assertEqual(page.h1_text(), KENT)
        titles = {li.find("a").clean_text() for li in page.find_all("li", cls="job-card")}
        self.assertEqual(titles, KENT_LIVE)
        self.assertIn("%d live jobs" % len(KENT_LIVE), page.main().clean_text())
        council = [a for a in page.find_all("a") if (a.get("href") or "").startswith("/councils/")]
        self.assertTrue(council)
        other = self.get_page("/jobs/employers/marshfield-housing-trust")
        self.assertEqual({li.find("a").clean_text() for li in other.find_all("li", cls="job-card")},
                         {"Housing Options Adviser"})
        self.assertEqual(self.get("/jobs/employers/no-such-employer").status, 404)

    def article_path(self):
        for loc in self.sitemap_locs():
            if "pothole-backlog" in loc:
                return loc[len(self.server.base_url):]
        self.fail("article not in the sitemap")

    def test_article_about_a_council_shows_its_jobs(self):
        page = self.get_page(self.article_path())
        box = page.find("aside", cls="job-box")
        self.assertIsNotNone(box, "no job box on the article")
        self.assertEqual(box.find("h2").clean_text(), "Jobs at Kent County Council")
        titles = {li.find("a").clean_text() for li in box.find_all("li")}
        self.assertEqual(titles, KENT_LIVE)
        for li in box.find_all("li"):
            self.assertIn(li.find("a").get("href"), self.job_urls().values())

    # --- bad input -------------------------------------------------------------------------------------

    def test_bad_inputs_never_give_a_server_error(self):
        paths = [
            "/jobs?min_salary=abc", "/jobs?min_salary=-5", "/jobs?min_salary=99999999999999999999",
            "/jobs?page=0", "/jobs?page=-1", "/jobs?page=abc", "/jobs?page=99999999999",
            "/jobs?days=abc", "/jobs?days=-3", "/jobs?days=99999999999",
            "/jobs?sort=bogus", "/jobs?category=no-such-category", "/jobs?council=%00",
            "/jobs?region=%E2%80%8B", "/jobs?contract=%3Cscript%3E",
        ]
        for q in ['"AND (', 'NEAR(', '*', '"', "title:foo", "^", "-", "a OR", ")(", "\u00e9*", "x" * 600]:
            enc = urllib.parse.quote(q)
            paths += ["/jobs?q=" + enc, "/jobs/rss?q=" + enc, "/jobs?sort=relevance&q=" + enc]
        paths += ["/jobs/rss?min_salary=abc", "/jobs/rss?page=0", "/jobs/employers/kent-county-council?page=0",
                  "/jobs/employers/kent-county-council?page=99"]
        for path in paths:
            r = self.get(path)
            self.assertLess(r.status, 500, "%s -> %d %r" % (path, r.status, r.body[:200]))
        # Specific answers readers would see.
        self.assertEqual(self.get("/jobs?min_salary=abc").status, 200)
        self.assertEqual(self.total(self.get_page("/jobs?min_salary=abc")), len(LIVE))
        self.assertEqual(self.get("/jobs?page=0").status, 400)
        # FTS syntax is searched as plain words ("and"), not run as an expression or refused.
        weird = self.get_page("/jobs?q=" + urllib.parse.quote('"AND ('))
        self.assertNotIn("could not be run", weird.source)
        # OR is a word to match, not an operator: nothing mentions arboriculture, potholes and "or".
        self.assertEqual(self.all_titles("/jobs?q=" + urllib.parse.quote("arboriculture OR potholes")), [])
        self.assertEqual(self.all_titles("/jobs?q=" + urllib.parse.quote("arboriculture AND (")), ["Tree Officer"])
        self.assertEqual(self.all_titles("/jobs?q=" + urllib.parse.quote('"arboriculture" NEAR(')), [])
        # An unknown sort falls back to the default order.
        self.assertEqual(self.cards(self.get_page("/jobs?sort=bogus")), self.cards(self.get_page("/jobs")))


class JobsImportWhileServingTest(ServerTestCase):
    """An advert imported while the site is running shows up on the board, its facets and search."""

    fixtures = []

    @classmethod
    def extra_listings(cls):
        proc = run_cli("import", "jobs", os.path.join(JOB_FIXTURES, "council_vacancies.xml"), db=cls.db)
        if proc.returncode != 0:
            raise RuntimeError("import jobs failed: %s %s" % (proc.stdout, proc.stderr))
        return []

    def test_new_advert_appears_without_restart(self):
        home = parse_html(self.get_ok("/").text).find("aside", cls="job-box")
        self.assertIsNotNone(home, "the home page has a jobs box")
        self.assertNotIn("Solicitor (Planning and Highways)", home.clean_text())
        before = parse_html(self.get_ok("/jobs?category=legal-governance").text)
        self.assertIn("No live jobs match", before.find("p", cls="empty").clean_text())
        feed = os.path.join(self.tmp, "new.xml")
        with open(feed, "w", encoding="utf-8") as f:
            f.write("<source><job><title>Solicitor (Planning and Highways)</title>"
                    "<referencenumber>WBC-LEG-5</referencenumber><company>Westbury Borough Council</company>"
                    "<category>legal-governance</category><salary>£48,000 - £53,000</salary>"
                    "<description>Advise the council on highway adoptions and planning agreements; "
                    "conveyancing experience welcome.</description></job></source>\n")
        proc = run_cli("import", "jobs", feed, db=self.db)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        deadline = time.monotonic() + 3
        while True:
            page = parse_html(self.get_ok("/jobs?category=legal-governance").text)
            titles = [li.find("a").clean_text() for li in page.find_all("li", cls="job-card")]
            if titles or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        self.assertEqual(titles, ["Solicitor (Planning and Highways)"])
        # The home page's "Latest jobs" box was cached before the advert: it is stale now, and shows it.
        deadline = time.monotonic() + 3
        while True:
            box = parse_html(self.get_ok("/").text).find("aside", cls="job-box")
            latest = [a.clean_text() for a in box.find_all("a")] if box else []
            if "Solicitor (Planning and Highways)" in latest or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        self.assertEqual(box.find("h2").clean_text(), "Latest jobs")
        self.assertIn("Solicitor (Planning and Highways)", latest)
        board = parse_html(self.get_ok("/jobs").text)
        self.assertIn("8 jobs", board.find(id="results-heading").clean_text())
        found = parse_html(self.get_ok("/jobs?q=conveyancing").text)
        self.assertEqual([li.find("a").clean_text() for li in found.find_all("li", cls="job-card")],
                         ["Solicitor (Planning and Highways)"])
        self.assertIn("Solicitor (Planning and Highways)", self.get_ok("/jobs/feed.xml").text)

    def test_xml_feed_carries_values_with_cdata_terminators_intact(self):
        # "]]>" ends a CDATA section: the feed must still parse and give the value back whole.
        feed = os.path.join(self.tmp, "cdata.xml")
        with open(feed, "w", encoding="utf-8") as f:
            f.write("<source><job><title>Data Officer (arrays]]&gt;lists)</title>"
                    "<referencenumber>WBC-CDATA-1</referencenumber><company>Westbury Borough Council</company>"
                    "<salary>£30,000</salary><description>Tidy the x]]&gt;y records.</description></job></source>\n")
        proc = run_cli("import", "jobs", feed, db=self.db)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        deadline = time.monotonic() + 3
        while True:
            text = self.get_ok("/jobs/feed.xml").text
            if "Data Officer (arrays" in text or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        jobs = {j.findtext("title"): j for j in ET.fromstring(text.encode()).iter("job")}
        self.assertIn("Data Officer (arrays]]>lists)", jobs)
        # The description is the page's HTML, where the '>' is escaped.
        self.assertEqual(jobs["Data Officer (arrays]]>lists)"].findtext("description").strip(),
                         "<p>Tidy the x]]&gt;y records.</p>")


if __name__ == "__main__":
    unittest.main()
