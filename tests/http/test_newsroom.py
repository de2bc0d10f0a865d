"""The newsroom: signing in (argon2id passwords, session cookies, CSRF), the article list and the
article editor, whose saves re-detect the councils an article mentions and show at once on the site.

Accounts are made with `gazette users add`, as an administrator would. The articles come from
tests/fixtures/search/stories.txt.
"""

import concurrent.futures
import os
import re
import subprocess
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

from gazette_server import database, connect_db, SOURCE_DIR, ServerTestCase, base_env, parse_html, require_binary

STORIES = os.path.join(SOURCE_DIR, "tests", "fixtures", "search", "stories.txt")
EDITOR = ("ed@example.org", "a long editor passphrase")
RECRUITER = ("rec@example.org", "a long recruiter passphrase")
LOCKED = ("locked@example.org", "a long passphrase to guess")
PARALLEL = ("parallel@example.org", "another long passphrase")
STOCKPORT_ONLINE = "Stockport MBC moves customer service counters online"
STOCKPORT = "/councils/stockport-metropolitan-borough-council"
SOUTHWARK = "/councils/london-borough-of-southwark"


def add_user(db, email, password, role, name="Test Person"):
    return subprocess.run([require_binary(), "--db", database(db), "users", "add", email, "--name", name, "--role", role],
                          input=password + "\n", capture_output=True, text=True, env=base_env(), timeout=60)


def form(**fields):
    return urllib.parse.urlencode(fields).encode()


def set_cookies(response):
    return [v for k, v in response.headers.items() if k.lower() == "set-cookie"]


def cookie_value(response, name):
    for c in set_cookies(response):
        m = re.match(r"%s=([^;]*)" % re.escape(name), c)
        if m:
            return m.group(1)
    return None


class NewsroomTest(ServerTestCase):
    fixtures = []

    @classmethod
    def extra_listings(cls):
        return [STORIES]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            for (email, password), role in ((EDITOR, "editor"), (RECRUITER, "recruiter"), (LOCKED, "writer"),
                                           (PARALLEL, "writer")):
                proc = add_user(cls.db, email, password, role)
                if proc.returncode != 0:
                    raise RuntimeError("users add failed: %s" % proc.stderr)
        except BaseException:
            cls.tearDownClass()
            raise

    # --- helpers ---------------------------------------------------------------------------------

    def post(self, path, body, cookie=None):
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if cookie:
            headers["Cookie"] = cookie
        return self.server.request("POST", path, headers=headers, body=body)

    def login_csrf(self):
        r = self.get_ok("/newsroom/login")
        token = cookie_value(r, "gazette_login_csrf")
        self.assertTrue(token, "the sign-in form sets its CSRF cookie")
        field = parse_html(r.text).find("input", name="csrf").get("value")
        self.assertEqual(field, token)
        return token

    def sign_in(self, who=EDITOR):
        token = self.login_csrf()
        r = self.post("/newsroom/login", form(csrf=token, email=who[0], password=who[1]),
                      cookie="gazette_login_csrf=" + token)
        self.assertEqual(r.status, 303, r.body[:500])
        self.assertEqual(r.header("Location"), "/newsroom")
        session = cookie_value(r, "gazette_session")
        self.assertTrue(session)
        return "gazette_session=" + session

    def get_as(self, cookie, path):
        return self.server.get(path, {"Cookie": cookie})

    def edit_url(self, cookie, headline):
        page = parse_html(self.get_as(cookie, "/newsroom").text)
        for a in page.find("table", cls="newsroom-table").find_all("a"):
            if a.clean_text() == headline:
                return a.get("href")
        self.fail("no edit link for %r in the newsroom list" % headline)

    def editor_form(self, cookie, url):
        r = self.get_as(cookie, url)
        self.assertEqual(r.status, 200)
        page = parse_html(r.text)
        f = page.find("form", cls="newsroom-form")
        values = {i.get("name"): i.get("value") for i in f.find_all("input")
                  if i.get("name") and (i.get("type") != "checkbox" or "checked" in i.attrs)}
        for t in f.find_all("textarea"):
            values[t.get("name")] = t.text()
        for s in f.find_all("select"):
            chosen = [o for o in s.find_all("option") if "selected" in o.attrs]
            values[s.get("name")] = chosen[0].get("value") if chosen else None
        return page, values

    def council_articles(self, council_path):
        page = parse_html(self.get_ok(council_path).text)
        return [a.clean_text() for card in page.find_all("article", cls="card") for a in [card.find("h2")]]

    # --- signing in ------------------------------------------------------------------------------

    def test_signed_out_visitors_are_sent_to_sign_in(self):
        for path in ("/newsroom", "/newsroom/articles/1"):
            r = self.get(path)
            self.assertEqual(r.status, 303, path)
            self.assertEqual(r.header("Location"), "/newsroom/login")
        page = parse_html(self.get_ok("/newsroom/login").text)
        self.assertEqual(page.h1_text(), "Sign in to the newsroom")

    def test_session_cookie_is_secure_httponly_samesite_and_pages_are_not_stored(self):
        token = self.login_csrf()
        r = self.post("/newsroom/login", form(csrf=token, email=EDITOR[0], password=EDITOR[1]),
                      cookie="gazette_login_csrf=" + token)
        session = [c for c in set_cookies(r) if c.startswith("gazette_session=")][0]
        for attribute in ("HttpOnly", "Secure", "SameSite=Strict", "Path=/"):
            self.assertIn(attribute, session)
        cookie = session.split(";")[0]
        listing = self.get_as(cookie, "/newsroom")
        self.assertEqual(listing.status, 200)
        self.assertEqual(listing.header("Cache-Control"), "no-store")
        self.assertIsNone(listing.header("ETag"))
        self.assertIn("Essex County Council keeps every library open after consultation", listing.text)
        self.assertIn("DENY", listing.header("X-Frame-Options"))

    def test_wrong_password_and_unknown_email_get_the_same_answer(self):
        answers = []
        for email, password in ((EDITOR[0], "not the right passphrase"), ("nobody@example.org", EDITOR[1])):
            token = self.login_csrf()
            r = self.post("/newsroom/login", form(csrf=token, email=email, password=password),
                          cookie="gazette_login_csrf=" + token)
            self.assertEqual(r.status, 401)
            self.assertIsNone(cookie_value(r, "gazette_session"))
            page = parse_html(r.text)
            answers.append(page.find("p", cls="form-error").clean_text())
            self.assertEqual(page.find("input", name="email").get("value"), email, "the email typed is kept")
        self.assertEqual(answers[0], answers[1])

    def test_sign_in_without_the_forms_token_is_refused(self):
        token = self.login_csrf()
        for body, cookie in ((form(email=EDITOR[0], password=EDITOR[1]), "gazette_login_csrf=" + token),
                             (form(csrf=token, email=EDITOR[0], password=EDITOR[1]), None),
                             (form(csrf="x" * 43, email=EDITOR[0], password=EDITOR[1]), "gazette_login_csrf=" + token)):
            r = self.post("/newsroom/login", body, cookie=cookie)
            self.assertEqual(r.status, 403)
            self.assertIsNone(cookie_value(r, "gazette_session"))

    def test_a_planted_cookie_and_field_pair_is_not_a_sign_in_token(self):
        # A value an attacker can set in the cookie and copy into a forged form: only tokens the site
        # signed pass, so both the made-up pair and an unsigned 43-character token are refused.
        for planted in ("a", "A" * 43, self.login_csrf().split(".")[0]):
            with self.subTest(planted=planted[:10]):
                r = self.post("/newsroom/login", form(csrf=planted, email=EDITOR[0], password=EDITOR[1]),
                              cookie="gazette_login_csrf=" + planted)
                self.assertEqual(r.status, 403)
                self.assertIsNone(cookie_value(r, "gazette_session"))

    def test_parallel_wrong_passwords_get_no_more_tries_than_the_limit(self):
        # Ten wrong guesses at once for one account: at most five are checked, the rest wait (429).
        tokens = [self.login_csrf() for _ in range(10)]

        def attempt(token):
            return self.post("/newsroom/login", form(csrf=token, email=PARALLEL[0], password="a wrong guess here"),
                             cookie="gazette_login_csrf=" + token).status

        with concurrent.futures.ThreadPoolExecutor(10) as pool:
            statuses = list(pool.map(attempt, tokens))
        self.assertEqual(len(statuses), 10)
        self.assertLessEqual(statuses.count(401), 5, statuses)
        self.assertEqual(statuses.count(401) + statuses.count(429), 10, statuses)

    def test_repeated_failures_lock_the_account_for_a_while(self):
        for _ in range(5):
            token = self.login_csrf()
            r = self.post("/newsroom/login", form(csrf=token, email=LOCKED[0], password="a wrong guess here"),
                          cookie="gazette_login_csrf=" + token)
            self.assertEqual(r.status, 401)
        token = self.login_csrf()
        r = self.post("/newsroom/login", form(csrf=token, email=LOCKED[0].upper(), password=LOCKED[1]),
                      cookie="gazette_login_csrf=" + token)
        self.assertEqual(r.status, 429, "even the right password waits once the account is locked")
        self.assertIsNone(cookie_value(r, "gazette_session"))
        self.assertGreater(int(r.header("Retry-After")), 800)
        self.assertIn("Too many failed sign-ins", parse_html(r.text).find("p", cls="form-error").clean_text())
        self.sign_in(EDITOR)  # other accounts are not affected

    def test_a_forged_or_old_session_cookie_is_not_signed_in(self):
        for cookie in ("gazette_session=" + "A" * 43, "gazette_session=", "gazette_session=" + "x" * 5000):
            r = self.get_as(cookie, "/newsroom")
            self.assertEqual(r.status, 303, cookie[:40])

    def test_sign_out_ends_the_session(self):
        cookie = self.sign_in()
        page = parse_html(self.get_as(cookie, "/newsroom").text)
        csrf = page.find("form", cls="sign-out").find("input", name="csrf").get("value")
        r = self.post("/newsroom/logout", form(csrf=csrf), cookie=cookie)
        self.assertEqual(r.status, 303)
        self.assertIn("Max-Age=0", [c for c in set_cookies(r) if c.startswith("gazette_session=")][0])
        self.assertEqual(self.get_as(cookie, "/newsroom").status, 303, "the old cookie no longer signs in")

    def test_sign_out_without_token_does_not_end_the_session(self):
        cookie = self.sign_in()
        r = self.post("/newsroom/logout", form(csrf="wrong"), cookie=cookie)
        self.assertEqual(r.status, 403)
        self.assertEqual(self.get_as(cookie, "/newsroom").status, 200)

    # --- editing ---------------------------------------------------------------------------------

    def test_editing_an_article_retags_its_councils_and_shows_on_the_site(self):
        cookie = self.sign_in()
        url = self.edit_url(cookie, STOCKPORT_ONLINE)
        page, values = self.editor_form(cookie, url)
        councils = [a.clean_text() for a in page.find("ul", cls="council-list").find_all("a")]
        self.assertEqual(councils, ["Stockport Metropolitan Borough Council"])
        self.assertIn(STOCKPORT_ONLINE, self.council_articles(STOCKPORT))
        self.assertNotIn(STOCKPORT_ONLINE, self.council_articles(SOUTHWARK))

        values["headline"] = "Counter services move online in south London"
        values["standfirst"] = "Southwark LBC follows a northern borough in closing its reception desks."
        values["body"] = "Residents will book appointments through a portal.\r\n\r\nThe borough expects to save money."
        r = self.post(url, form(**values), cookie=cookie)
        self.assertEqual(r.status, 303, r.body[:500])
        self.assertEqual(r.header("Location"), url + "?saved=1")

        page, after = self.editor_form(cookie, url + "?saved=1")
        self.assertIsNotNone(page.find("p", cls="form-saved"))
        self.assertEqual(after["body"], "Residents will book appointments through a portal.\n\nThe borough expects to save money.",
                         "paragraph breaks survive the round trip")
        councils = [a.clean_text() for a in page.find("ul", cls="council-list").find_all("a")]
        self.assertEqual(councils, ["London Borough of Southwark"])
        # The public pages change at once: council pages, search with a council filter, the article.
        self.assertIn("Counter services move online in south London", self.council_articles(SOUTHWARK))
        self.assertNotIn("Counter services move online in south London", self.council_articles(STOCKPORT))
        self.assertNotIn(STOCKPORT_ONLINE, self.council_articles(STOCKPORT))
        found = self.get_ok("/search?" + urllib.parse.urlencode({"q": "portal", "council": "london-borough-of-southwark"}))
        self.assertIn("Counter services move online in south London", found.text)
        live = [a.get("href") for a in page.find_all("a") if a.clean_text() == "View on the site"][0]
        article = self.get_ok(live)
        self.assertIn("The borough expects to save money.", article.text)
        self.assertNotIn(STOCKPORT_ONLINE, article.text)

    def test_check_councils_lists_them_without_saving(self):
        cookie = self.sign_in()
        url = self.edit_url(cookie, "Essex County Council keeps every library open after consultation")
        _, values = self.editor_form(cookie, url)
        typed = dict(values, action="check", body="Stockport MBC and Kent CC will share a library van. Rain fell in Essex.")
        r = self.post(url, form(**typed), cookie=cookie)
        self.assertEqual(r.status, 200)
        page = parse_html(r.text)
        found = [li.clean_text() for li in page.find("section", cls="checked-councils").find_all("li")]
        self.assertEqual(len(found), 3, found)  # Essex CC from the headline, Stockport, Kent; not "in Essex"
        self.assertTrue(any(f.startswith("Stockport Metropolitan Borough Council E08000007") for f in found), found)
        self.assertTrue(any("Kent County Council" in f and "Kent CC" in f for f in found), found)
        self.assertEqual(page.find("textarea", name="body").text(), typed["body"], "the typed text stays in the form")
        _, now = self.editor_form(cookie, url)
        self.assertEqual(now["body"], values["body"], "checking saves nothing")
        # Checking is a form post like any other: it needs the session's token.
        self.assertEqual(self.post(url, form(**dict(typed, csrf="nope")), cookie=cookie).status, 403)

    def test_a_refused_save_keeps_what_was_typed_and_changes_nothing(self):
        cookie = self.sign_in()
        url = self.edit_url(cookie, "Stockport MBC signs ten-year resurfacing deal")
        _, values = self.editor_form(cookie, url)
        original = dict(values)
        for change, status, message in (({"headline": "   "}, 422, "headline cannot be empty"),
                                        ({"status": "archived"}, 422, "Choose a status"),
                                        ({"section": "No such section"}, 422, "Choose one of the sections"),
                                        ({"headline": "x" * 301}, 422, "longer than 300")):
            typed = dict(values, body="A paragraph the writer must not lose.", **change)
            r = self.post(url, form(**typed), cookie=cookie)
            self.assertEqual(r.status, status, change)
            page = parse_html(r.text)
            self.assertIn(message, page.find("p", cls="form-error").clean_text())
            self.assertEqual(page.find("textarea", name="body").text(), "A paragraph the writer must not lose.")
        too_long = dict(values, body="x" * 300001)
        r = self.post(url, form(**too_long), cookie=cookie)
        self.assertEqual(r.status, 422)
        self.assertIn("longer than 300,000", parse_html(r.text).find("p", cls="form-error").clean_text())
        _, now = self.editor_form(cookie, url)
        self.assertEqual(now, original)

    def test_a_save_without_the_sessions_token_changes_nothing(self):
        cookie = self.sign_in()
        url = self.edit_url(cookie, "Stockport MBC signs ten-year resurfacing deal")
        _, values = self.editor_form(cookie, url)
        for token in (None, "", "A" * 43):
            forged = dict(values, headline="Forged headline")
            if token is None:
                del forged["csrf"]
            else:
                forged["csrf"] = token
            r = self.post(url, form(**forged), cookie=cookie)
            self.assertEqual(r.status, 403)
            self.assertIn("Forged headline", parse_html(r.text).find("textarea", id="kept").text(),
                          "the refused text is shown so it can be copied")
        _, now = self.editor_form(cookie, url)
        self.assertEqual(now["headline"], values["headline"])
        # Signed out: refused as well, with the text kept.
        r = self.post(url, form(**dict(values, headline="Forged headline")))
        self.assertEqual(r.status, 401)

    def test_malformed_requests_get_clear_errors(self):
        cookie = self.sign_in()
        url = self.edit_url(cookie, "Stockport MBC signs ten-year resurfacing deal")
        self.assertEqual(self.post(url, b"headline=%ZZ&csrf=1", cookie=cookie).status, 400)
        self.assertEqual(self.post(url, b"headline=%FF%FE", cookie=cookie).status, 400)
        self.assertEqual(self.post("/newsroom/login", b"%%%").status, 400)
        for path in ("/newsroom/articles/999999", "/newsroom/articles/abc", "/newsroom/articles/-1"):
            self.assertEqual(self.get_as(cookie, path).status, 404, path)
        self.assertEqual(self.get_as(cookie, "/newsroom?page=0").status, 400)
        self.assertEqual(self.get_as(cookie, "/newsroom?page=99").status, 404)
        refused = self.server.request("DELETE", url, headers={"Cookie": cookie})
        self.assertEqual(refused.status, 405)
        self.assertEqual(refused.header("Allow"), "GET, HEAD, POST")
        logout = self.get_as(cookie, "/newsroom/logout")
        self.assertEqual((logout.status, logout.header("Allow")), (405, "POST"), "signing out is a POST only")

    def test_the_list_finds_articles_by_headline(self):
        cookie = self.sign_in()
        page = parse_html(self.get_as(cookie, "/newsroom?q=TEN-year").text)
        rows = [a.clean_text() for a in page.find("table", cls="newsroom-table").find_all("a")
                if a.get("href", "").startswith("/newsroom/articles/")]
        self.assertEqual(rows, ["Stockport MBC signs ten-year resurfacing deal"])
        self.assertEqual(page.find("input", id="nq").get("value"), "TEN-year")
        long_q = "é" * 150  # 300 bytes: cut to 200 at a character boundary
        page = parse_html(self.get_as(cookie, "/newsroom?" + urllib.parse.urlencode({"q": long_q})).text)
        self.assertEqual(page.find("input", id="nq").get("value"), "é" * 100)
        for q in ("%", "_", "no headline has this", "\\"):
            with self.subTest(q=q):
                r = self.get_as(cookie, "/newsroom?" + urllib.parse.urlencode({"q": q}))
                self.assertEqual(r.status, 200)
                page = parse_html(r.text)
                self.assertIsNone(page.find("table", cls="newsroom-table"), "LIKE wildcards are plain text")
                self.assertIn("No article matches", page.find("p", cls="empty").clean_text())

    def new_article(self, cookie, **changes):
        page, values = self.editor_form(cookie, "/newsroom/articles/new")
        values.update(changes)
        return page, values, self.post("/newsroom/articles/new", form(**values), cookie=cookie)

    def test_feeds_show_markup_typed_in_a_standfirst_as_text(self):
        # RSS readers render <description> as HTML, so the standfirst is escaped for HTML and then for
        # XML; Atom's <summary> is text, escaped once. Either way a reader sees the characters typed.
        cookie = self.sign_in()
        typed = "Costs rose <b>sharply</b> & the <script>x</script> budget gap widened"
        _, _, r = self.new_article(cookie, headline="Markup in a standfirst stays text", standfirst=typed,
                                   body="Body.", section="News", status="published")
        self.assertEqual(r.status, 303)
        rss = ET.fromstring(self.get_ok("/feed.xml").body)
        item = [i for i in rss.iter("item") if i.findtext("title") == "Markup in a standfirst stays text"]
        self.assertEqual(len(item), 1)
        self.assertEqual(item[0].findtext("description"),
                         "Costs rose &lt;b&gt;sharply&lt;/b&gt; &amp; the &lt;script&gt;x&lt;/script&gt; budget gap widened")
        atom = ET.fromstring(self.get_ok("/atom.xml").body)
        ns = {"a": "http://www.w3.org/2005/Atom"}
        entry = [e for e in atom.findall("a:entry", ns) if e.findtext("a:title", namespaces=ns) ==
                 "Markup in a standfirst stays text"]
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry[0].findtext("a:summary", namespaces=ns), typed)

    def test_a_new_article_is_tagged_with_its_councils_and_published(self):
        cookie = self.sign_in()
        listing = parse_html(self.get_as(cookie, "/newsroom").text)
        self.assertIsNotNone(listing.find("a", href="/newsroom/articles/new"))
        page, values, r = self.new_article(
            cookie, headline="Essex County Council opens two new recycling centres",
            standfirst="The sites replace an ageing depot.", body="Essex CC says the centres open on Saturdays.",
            tags="Waste, Recycling", section="News", status="published")
        self.assertEqual(page.h1_text(), "New article")
        self.assertEqual(values["byline"], "Test Person", "the writer's own name is the default byline")
        self.assertEqual(r.status, 303, r.body[:500])
        url = r.header("Location")
        self.assertRegex(url, r"^/newsroom/articles/\d+\?saved=1$")
        page, _ = self.editor_form(cookie, url)
        councils = [a.clean_text() for a in page.find("ul", cls="council-list").find_all("a")]
        self.assertEqual(councils, ["Essex County Council"])
        self.assertIn("Essex County Council opens two new recycling centres",
                      self.council_articles("/councils/essex-county-council"))
        self.assertIn("Essex County Council opens two new recycling centres", self.get_ok("/").text)
        found = parse_html(self.get_ok("/search?q=recycling+centres").text)
        self.assertIn("Essex County Council opens two new recycling centres",
                      [h.clean_text() for h in found.find_all("h2")])
        # The same headline again on the same day is refused, with the text kept.
        _, _, again = self.new_article(cookie, headline="Essex County Council opens two new recycling centres",
                                       body="Another go.", status="published")
        self.assertEqual(again.status, 422)
        self.assertIn("already published today", parse_html(again.text).find("p", cls="form-error").clean_text())
        self.assertEqual(parse_html(again.text).find("textarea", name="body").text(), "Another go.")

    def test_drafts_and_scheduled_articles_stay_off_the_site(self):
        cookie = self.sign_in()
        _, _, r = self.new_article(cookie, headline="Unannounced budget gap at Wigan Council", body="Draft text.",
                                   status="draft")
        self.assertEqual(r.status, 303)
        self.assertNotIn("Unannounced budget gap", self.get_ok("/search?q=budget+gap").text)
        self.assertIn("Unannounced budget gap", self.get_as(cookie, "/newsroom").text, "the newsroom lists drafts")
        # Published later, the draft takes the day it is published, unless its time is set in the same save.
        draft_url = r.header("Location").split("?")[0]
        _, values = self.editor_form(cookie, draft_url)
        # Back-date the draft to 2020 (as if drafted long ago), so the change of date shows.
        with connect_db(self.db) as conn:
            conn.execute("UPDATE articles SET published_at = 1577869200 WHERE headline = ?",
                         ("Unannounced budget gap at Wigan Council",))
        _, values = self.editor_form(cookie, draft_url)
        self.assertTrue(values["published"].startswith("2020-01-01"), values["published"])
        r = self.post(draft_url, form(**dict(values, status="published")), cookie=cookie)
        self.assertEqual(r.status, 303)
        _, after = self.editor_form(cookie, draft_url)
        self.assertFalse(after["published"].startswith("2020"), after["published"])
        found = parse_html(self.get_ok("/search?q=budget+gap").text)
        self.assertIn("Unannounced budget gap at Wigan Council", [h.clean_text() for h in found.find_all("h2")])
        _, _, r = self.new_article(cookie, headline="Embargoed: new mayor named", body="Scheduled text.",
                                   status="scheduled")
        self.assertEqual(r.status, 422, "scheduling needs a time in the future")
        self.assertIn("publication time in the future", parse_html(r.text).find("p", cls="form-error").clean_text())
        _, _, r = self.new_article(cookie, headline="Embargoed: new mayor named", body="Scheduled text.",
                                   status="scheduled", published="2099-01-02T09:30")
        self.assertEqual(r.status, 303, r.body[:400])
        page, values = self.editor_form(cookie, r.header("Location"))
        self.assertEqual(values["published"], "2099-01-02T09:30")
        self.assertEqual(values["status"], "scheduled")
        self.assertNotIn("Embargoed", self.get_ok("/news").text)
        self.assertNotIn("Embargoed", self.get_ok("/search?q=embargoed+mayor").text)
        for bad in ("2025-02-30T10:00", "tomorrow", "2025-13-01T10:00"):
            _, _, r = self.new_article(cookie, headline="Time check " + bad, body="x", status="published", published=bad)
            self.assertEqual(r.status, 422, bad)

    def test_recruiters_cannot_edit_articles(self):
        cookie = self.sign_in(RECRUITER)
        listing = self.get_as(cookie, "/newsroom")
        self.assertEqual(listing.status, 200)
        self.assertNotIn("/newsroom/articles/", listing.text)
        editor = self.sign_in()
        url = self.edit_url(editor, "Stockport MBC signs ten-year resurfacing deal")
        _, values = self.editor_form(editor, url)
        self.assertEqual(self.get_as(cookie, url).status, 403)
        self.assertEqual(self.get_as(cookie, "/newsroom/articles/new").status, 403)
        page = parse_html(listing.text)
        csrf = page.find("form", cls="sign-out").find("input", name="csrf").get("value")
        r = self.post(url, form(**dict(values, csrf=csrf, headline="Recruiter was here")), cookie=cookie)
        self.assertEqual(r.status, 403)
        _, now = self.editor_form(editor, url)
        self.assertEqual(now["headline"], values["headline"])


class UsersCommandTest(unittest.TestCase):
    def setUp(self):
        import tempfile
        self.tmp = tempfile.mkdtemp(prefix="gazette-users-")
        self.db = os.path.join(self.tmp, "gazette.db")

    def tearDown(self):
        import shutil
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_cli(self, *args, stdin=""):
        return subprocess.run([require_binary(), "--db", database(self.db), *args], input=stdin, capture_output=True, text=True,
                              env=base_env(), timeout=60)

    def test_add_list_disable(self):
        short = add_user(self.db, "a@example.org", "too short", "editor")
        self.assertEqual(short.returncode, 1)
        self.assertIn("at least 12 characters", short.stderr)
        self.assertEqual(add_user(self.db, "not-an-email", "long enough password", "editor").returncode, 1)
        bad_role = add_user(self.db, "a@example.org", "long enough password", "admin")
        self.assertNotEqual(bad_role.returncode, 0)
        self.assertEqual(add_user(self.db, "a@example.org", "long enough password", "writer", name="Al Writer").returncode, 0)
        again = add_user(self.db, "A@example.org", "long enough password", "writer")
        self.assertEqual(again.returncode, 1)
        self.assertIn("already exists", again.stderr)
        listed = self.run_cli("users", "list")
        self.assertEqual(listed.stdout.strip().splitlines(), ["a@example.org\twriter\tAl Writer"])
        self.assertEqual(self.run_cli("users", "disable", "a@example.org").returncode, 0)
        self.assertIn("disabled", self.run_cli("users", "list").stdout)
        self.assertEqual(self.run_cli("users", "disable", "b@example.org").returncode, 1)
        self.assertEqual(self.run_cli("users", "passwd", "a@example.org", stdin="short\n").returncode, 1)
        self.assertEqual(self.run_cli("users", "passwd", "a@example.org", stdin="another long password\n").returncode, 0)
        # The stored form is an argon2id string, never the password.
        with connect_db(self.db) as conn:
            (stored,) = conn.execute("SELECT password_hash FROM users").fetchone()
        self.assertTrue(stored.startswith("$argon2id$"), stored)
        self.assertNotIn("another long password", stored)
        help_text = self.run_cli("users", "add", "--help").stdout
        self.assertIn("--role", help_text)


if __name__ == "__main__":
    unittest.main()
