"""Who may do what in the newsroom: every route against every role (owner, editor, writer, recruiter),
signed out and with a disabled account, and the people an owner manages in the browser (invitations
by one-time link, roles, disabling, password resets, signing out everywhere) with the audit log.

The policy under test is accounts::allowed(): owners everything; editors everything editorial and the
moderation of adverts; writers their own drafts (no publishing, no adverts); recruiters no article at all,
only their organisation's adverts (tests/http/test_newsroom_adverts.py tests the organisations' walls).
"""

import re
import unittest

from gazette_server import connect_db, ServerTestCase, parse_html, run_cli
from test_newsroom import STORIES, add_user, cookie_value, form

PEOPLE = {
    "owner": ("owner@example.org", "a long owner passphrase"),
    "editor": ("editor@example.org", "a long editor passphrase"),
    "writer": ("writer@example.org", "a long writer passphrase"),
    "writer2": ("writer2@example.org", "another writer passphrase"),
    "recruiter": ("recruiter@example.org", "a long recruiter passphrase"),
    "disabled": ("gone@example.org", "a long disabled passphrase"),
}
ROLE_OF = {"owner": "owner", "editor": "editor", "writer": "writer", "writer2": "writer", "recruiter": "recruiter",
           "disabled": "editor"}
# What each kind of visitor gets for an allowed and a refused request.
REFUSED_GET = {"signed_out": 303, "disabled": 303}
REFUSED_POST = {"signed_out": 401, "disabled": 401}
# A valid advert (tests/http/test_newsroom_adverts.py has the checks).
ADVERT = dict(title="Matrix planner", location="Matrixton", salary="£30,000 a year", contract="permanent",
              hours="full-time", closing_date="2099-01-31", description="Plans things.",
              apply_url="https://jobs.example.org/apply")


class NewsroomRolesTest(ServerTestCase):
    fixtures = []

    @classmethod
    def extra_listings(cls):
        return [STORIES]

    @classmethod
    def prepare_db(cls):
        for key, (email, password) in PEOPLE.items():
            proc = add_user(cls.db, email, password, ROLE_OF[key], name=key.capitalize() + " Person")
            if proc.returncode != 0:
                raise RuntimeError("users add failed: %s" % proc.stderr)
        # The recruiter belongs to an organisation that is not trusted: their adverts wait for an editor.
        with connect_db(cls.db) as db:
            db.execute("INSERT INTO employers (name, slug, organisation) VALUES ('Matrix Council', 'matrix-council', 1)")
            db.execute("UPDATE users SET employer_id = (SELECT id FROM employers WHERE slug = 'matrix-council') "
                       "WHERE email = ?", (PEOPLE["recruiter"][0],))

    # --- helpers ---------------------------------------------------------------------------------

    def post(self, path, body, cookie=None):
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if cookie:
            headers["Cookie"] = cookie
        return self.server.request("POST", path, headers=headers, body=body)

    def sign_in(self, who):
        email, password = PEOPLE[who] if isinstance(who, str) else who
        r = self.get_ok("/newsroom/login")
        token = cookie_value(r, "gazette_login_csrf")
        r = self.post("/newsroom/login", form(csrf=token, email=email, password=password),
                      cookie="gazette_login_csrf=" + token)
        self.assertEqual(r.status, 303, r.body[:300])
        return "gazette_session=" + cookie_value(r, "gazette_session")

    def csrf_of(self, cookie):
        r = self.server.get("/newsroom", {"Cookie": cookie})
        return parse_html(r.text).find("form", cls="sign-out").find("input", name="csrf").get("value")

    def new_article(self, cookie, headline, status="published"):
        csrf = self.csrf_of(cookie)
        r = self.post("/newsroom/articles/new",
                      form(csrf=csrf, headline=headline, standfirst="S.", body="Body text.", byline="A Person", tags="",
                           section="News", status=status, published=""), cookie=cookie)
        self.assertEqual(r.status, 303, r.body[:400])
        return int(re.search(r"/newsroom/articles/(\d+)", r.header("Location")).group(1))

    def new_advert(self, cookie, title):
        page = self.server.get("/newsroom/adverts", {"Cookie": cookie})
        csrf = parse_html(page.text).find("form", cls="sign-out").find("input", name="csrf").get("value")
        r = self.post("/newsroom/adverts/new", form(csrf=csrf, **dict(ADVERT, title=title)), cookie=cookie)
        self.assertEqual(r.status, 303, r.body[:400])
        return int(re.search(r"/newsroom/adverts/(\d+)", r.header("Location")).group(1))

    def article_row(self, article_id):
        with connect_db(self.db) as db:
            return db.execute("SELECT headline, status, deleted_at, version FROM articles WHERE id = ?",
                              (article_id,)).fetchone()

    # --- the matrix ------------------------------------------------------------------------------

    def test_every_route_against_every_role(self):
        sessions = {who: self.sign_in(who) for who in PEOPLE}
        editor = sessions["editor"]
        # The disabled account signed in before it was disabled: its session must stop working.
        proc = run_cli("users", "disable", PEOPLE["disabled"][0], db=self.db)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        sessions["signed_out"] = None
        writer_draft = self.new_article(sessions["writer"], "Writer's own draft for the matrix", status="draft")
        imported = self.new_article(editor, "Published story for the matrix")

        def fresh():
            return self.new_article(editor, "Fresh story %d" % fresh.n)
        fresh.n = 0

        recruiter = sessions["recruiter"]
        own_advert = self.new_advert(recruiter, "Recruiter's own advert for the matrix")
        with connect_db(self.db) as db:
            matrix_org = db.execute("SELECT id FROM employers WHERE slug = 'matrix-council'").fetchone()[0]

        def pending_advert():
            return self.new_advert(recruiter, "Pending advert %d" % fresh.n)

        def live_advert():
            job = pending_advert()
            r = self.post("/newsroom/adverts/%d/approve" % job, form(csrf=self.csrf_of(editor)), cookie=editor)
            self.assertEqual(r.status, 303, r.body[:300])
            return job

        # (name, method, path or function giving one, roles allowed, status when allowed)
        routes = [
            ("article list", "GET", "/newsroom", {"owner", "editor", "writer", "writer2", "recruiter"}, 200),
            ("new article form", "GET", "/newsroom/articles/new", {"owner", "editor", "writer", "writer2"}, 200),
            ("edit a published article", "GET", lambda: "/newsroom/articles/%d" % imported, {"owner", "editor"}, 200),
            ("edit own draft", "GET", lambda: "/newsroom/articles/%d" % writer_draft, {"owner", "editor", "writer"}, 200),
            ("preview", "GET", lambda: "/newsroom/articles/%d/preview" % imported, {"owner", "editor"}, 200),
            ("preview own draft", "GET", lambda: "/newsroom/articles/%d/preview" % writer_draft,
             {"owner", "editor", "writer"}, 200),
            ("revisions", "GET", lambda: "/newsroom/articles/%d/revisions" % imported, {"owner", "editor"}, 200),
            ("a revision", "GET", lambda: "/newsroom/articles/%d/revisions/1" % imported, {"owner", "editor"}, 200),
            ("bin", "GET", "/newsroom/bin", {"owner", "editor"}, 200),
            ("audit log", "GET", "/newsroom/audit", {"owner", "editor"}, 200),
            ("people", "GET", "/newsroom/people", {"owner"}, 200),
            ("bulletin desk", "GET", "/newsroom/bulletin", {"owner", "editor"}, 200),
            ("sections, authors, tags", "GET", "/newsroom/listings", {"owner", "editor"}, 200),
            ("describe a section", "POST", "/newsroom/sections/1", {"owner", "editor"}, 303),
            ("create", "POST", "/newsroom/articles/new", {"owner", "editor", "writer", "writer2"}, 303),
            ("save a published article", "POST", lambda: "/newsroom/articles/%d" % fresh(), {"owner", "editor"}, 303),
            ("unpublish", "POST", lambda: "/newsroom/articles/%d/unpublish" % fresh(), {"owner", "editor"}, 303),
            ("make lead", "POST", lambda: "/newsroom/articles/%d/lead" % fresh(), {"owner", "editor"}, 303),
            ("bin an article", "POST", lambda: "/newsroom/articles/%d/bin" % fresh(), {"owner", "editor"}, 303),
            ("restore a revision", "POST", lambda: "/newsroom/articles/%d/revisions/1/restore" % fresh(),
             {"owner", "editor"}, 303),
            ("invite", "POST", "/newsroom/people/invite", {"owner"}, 200),
            # --- adverts from recruiters
            ("adverts", "GET", "/newsroom/adverts", {"owner", "editor", "recruiter"}, 200),
            ("new advert form", "GET", "/newsroom/adverts/new", {"owner", "editor", "recruiter"}, 200),
            ("an advert", "GET", lambda: "/newsroom/adverts/%d" % own_advert, {"owner", "editor", "recruiter"}, 200),
            ("advert preview", "GET", lambda: "/newsroom/adverts/%d/preview" % own_advert,
             {"owner", "editor", "recruiter"}, 200),
            ("organisations", "GET", "/newsroom/organisations", {"owner", "editor"}, 200),
            ("post an advert", "POST", "/newsroom/adverts/new", {"owner", "editor", "recruiter"}, 303),
            ("check an advert", "POST", "/newsroom/adverts/check", {"owner", "editor", "recruiter"}, 200),
            ("edit an advert", "POST", lambda: "/newsroom/adverts/%d" % pending_advert(),
             {"owner", "editor", "recruiter"}, 303),
            ("close an advert", "POST", lambda: "/newsroom/adverts/%d/close" % live_advert(),
             {"owner", "editor", "recruiter"}, 303),
            ("mark an advert filled", "POST", lambda: "/newsroom/adverts/%d/filled" % live_advert(),
             {"owner", "editor", "recruiter"}, 303),
            ("approve an advert", "POST", lambda: "/newsroom/adverts/%d/approve" % pending_advert(),
             {"owner", "editor"}, 303),
            ("reject an advert", "POST", lambda: "/newsroom/adverts/%d/reject" % pending_advert(),
             {"owner", "editor"}, 303),
            ("set an advert's category", "POST", lambda: "/newsroom/adverts/%d/category" % pending_advert(),
             {"owner", "editor"}, 303),
            ("add an organisation", "POST", "/newsroom/organisations", {"owner", "editor"}, 303),
            ("trust an organisation", "POST", lambda: "/newsroom/organisations/%d/trust" % matrix_org,
             {"owner", "editor"}, 303),
        ]
        for name, method, path, allowed, ok_status in routes:
            for who, cookie in sessions.items():
                fresh.n += 1
                target = path() if callable(path) else path
                with self.subTest(route=name, who=who):
                    if method == "GET":
                        r = self.server.get(target, {"Cookie": cookie} if cookie else {})
                    else:
                        csrf = self.csrf_of(cookie) if who in ("owner", "editor", "writer", "writer2", "recruiter") else "x"
                        fields = dict(csrf=csrf, headline="Matrix %s %s" % (name, who), standfirst="S.", body="B.",
                                      byline="", tags="", section="News", status="draft", published="", version="1",
                                      email="invited-%s@example.org" % who, name="Invited", role="writer")
                        fields.update(ADVERT, title="Matrix advert %s %s" % (name, who), organisation=str(matrix_org),
                                      reason="Not for this board.", category="finance", trusted="0")
                        r = self.post(target, form(**fields), cookie=cookie)
                    if who in REFUSED_GET:
                        want = REFUSED_GET[who] if method == "GET" else REFUSED_POST[who]
                        self.assertEqual(r.status, want, r.body[:200])
                        if method == "GET":
                            self.assertEqual(r.header("Location"), "/newsroom/login")
                    elif who in allowed:
                        self.assertEqual(r.status, ok_status, r.body[:300])
                    else:
                        self.assertEqual(r.status, 403, r.body[:300])
                    if who == "recruiter" and target == "/newsroom":
                        self.assertNotIn("/newsroom/articles/", r.text, "a recruiter sees no article")
                    if r.status == 403 and target.startswith("/newsroom/articles/") and method == "POST":
                        m = re.match(r"/newsroom/articles/(\d+)", target)
                        if m:
                            row = self.article_row(int(m.group(1)))
                            self.assertEqual(row[1], "published", "a refused change leaves the article as it was")
                            self.assertEqual(row[2], 0)

    def test_posts_without_the_sessions_token_change_nothing(self):
        owner = self.sign_in("owner")
        article = self.new_article(owner, "Token check story")
        for path in ("/newsroom/articles/%d/unpublish" % article, "/newsroom/articles/%d/bin" % article,
                     "/newsroom/articles/%d/lead" % article, "/newsroom/people/invite"):
            with self.subTest(path=path):
                r = self.post(path, form(csrf="not-the-token", email="x@example.org", name="X", role="writer"),
                              cookie=owner)
                self.assertEqual(r.status, 403)
                r = self.post(path, form(email="x@example.org", name="X", role="writer"), cookie=owner)
                self.assertEqual(r.status, 403)
        self.assertEqual(self.article_row(article)[1:3], ("published", 0))
        advert = self.new_advert(self.sign_in("recruiter"), "Token check advert")
        for path in ("/newsroom/adverts/%d" % advert, "/newsroom/adverts/%d/approve" % advert,
                     "/newsroom/adverts/%d/reject" % advert, "/newsroom/adverts/%d/category" % advert,
                     "/newsroom/adverts/new", "/newsroom/organisations", "/newsroom/organisations/assign"):
            with self.subTest(path=path):
                body = dict(ADVERT, title="Changed", reason="r", category="finance", name="Token org", user="1",
                            organisation="0")
                self.assertEqual(self.post(path, form(csrf="not-the-token", **body), cookie=owner).status, 403)
                self.assertEqual(self.post(path, form(**body), cookie=owner).status, 403)
        with connect_db(self.db) as db:
            self.assertEqual(db.execute("SELECT title, moderation FROM jobs WHERE id = ?", (advert,)).fetchone(),
                             ("Token check advert", "pending"))

    def test_writers_save_drafts_and_submit_them_but_cannot_publish(self):
        writer = self.sign_in("writer")
        draft = self.new_article(writer, "A writer's story awaiting review", status="draft")
        csrf = self.csrf_of(writer)
        fields = dict(csrf=csrf, headline="A writer's story awaiting review", standfirst="S.", body="B.", byline="W",
                      tags="", section="News", status="published", published="", version="1")
        r = self.post("/newsroom/articles/%d" % draft, form(**fields), cookie=writer)
        self.assertEqual(r.status, 403, "a writer cannot publish")
        self.assertEqual(self.article_row(draft)[1], "draft")
        r = self.post("/newsroom/articles/new", form(**dict(fields, headline="Writer tries to publish")), cookie=writer)
        self.assertEqual(r.status, 403)
        fields.update(status="draft", action="submit")
        r = self.post("/newsroom/articles/%d" % draft, form(**fields), cookie=writer)
        self.assertEqual(r.status, 303, r.body[:300])
        with connect_db(self.db) as db:
            self.assertGreater(db.execute("SELECT submitted_at FROM articles WHERE id = ?", (draft,)).fetchone()[0], 0)
        # The writer's list holds only their own articles.
        listing = self.server.get("/newsroom", {"Cookie": writer}).text
        self.assertIn("awaiting review", listing)
        self.assertNotIn("Stockport", listing)
        # Another writer cannot open it.
        other = self.sign_in("writer2")
        self.assertEqual(self.server.get("/newsroom/articles/%d" % draft, {"Cookie": other}).status, 403)
        # Editors find it among the drafts in review.
        editor = self.sign_in("editor")
        review = self.server.get("/newsroom?status=review", {"Cookie": editor}).text
        self.assertIn("A writer&#39;s story awaiting review", review)
        self.assertIn("in review", review)
        fields.update(csrf=self.csrf_of(editor), status="published", version="2")
        del fields["action"]
        r = self.post("/newsroom/articles/%d" % draft, form(**fields), cookie=editor)
        self.assertEqual(r.status, 303, r.body[:300])
        self.assertEqual(self.article_row(draft)[1], "published")
        # Now published, the writer can no longer change it.
        self.assertEqual(self.server.get("/newsroom/articles/%d" % draft, {"Cookie": writer}).status, 403)

    def test_owner_invites_changes_role_resets_disables_and_signs_out_a_person(self):
        owner = self.sign_in("owner")
        csrf = self.csrf_of(owner)
        r = self.post("/newsroom/people/invite",
                      form(csrf=csrf, email="new.person@example.org", name="<b>New</b> Person", role="editor"),
                      cookie=owner)
        self.assertEqual(r.status, 200, r.body[:300])
        self.assertNotIn("<b>New</b>", r.text, "names show as text")
        link = parse_html(r.text).find("input", **{"aria-label": "One-time link"}).get("value")
        path = "/newsroom/join/" + link.rsplit("/", 1)[1]
        join = self.get_ok(path)
        token = cookie_value(join, "gazette_login_csrf")
        self.assertIn("New", join.text)
        # Without the form's token, or with two different passwords, nothing happens.
        self.assertEqual(self.post(path, form(csrf="x", password="a fine new password", password_again="a fine new password"),
                                   cookie="gazette_login_csrf=" + token).status, 403)
        self.assertEqual(self.post(path, form(csrf=token, password="a fine new password", password_again="different one!"),
                                   cookie="gazette_login_csrf=" + token).status, 422)
        r = self.post(path, form(csrf=token, password="a fine new password", password_again="a fine new password"),
                      cookie="gazette_login_csrf=" + token)
        self.assertEqual(r.status, 303)
        self.assertEqual(self.get(path).status, 404, "the link works once")
        newcomer = self.sign_in(("new.person@example.org", "a fine new password"))
        self.assertEqual(self.server.get("/newsroom/audit", {"Cookie": newcomer}).status, 200, "an editor")

        with connect_db(self.db) as db:
            person = db.execute("SELECT id FROM users WHERE email = 'new.person@example.org'").fetchone()[0]
            me = db.execute("SELECT id FROM users WHERE email = ?", (PEOPLE["owner"][0],)).fetchone()[0]
        base = "/newsroom/people/%d" % person
        self.assertEqual(self.post(base + "/role", form(csrf=csrf, role="writer"), cookie=owner).status, 303)
        self.assertEqual(self.server.get("/newsroom/audit", {"Cookie": newcomer}).status, 303,
                         "a new role ends the person's sessions")
        newcomer = self.sign_in(("new.person@example.org", "a fine new password"))
        self.assertEqual(self.server.get("/newsroom/audit", {"Cookie": newcomer}).status, 403, "now a writer")
        self.assertEqual(self.post(base + "/signout", form(csrf=csrf), cookie=owner).status, 303)
        self.assertEqual(self.server.get("/newsroom", {"Cookie": newcomer}).status, 303, "signed out everywhere")
        r = self.post(base + "/reset", form(csrf=csrf), cookie=owner)
        self.assertEqual(r.status, 200)
        self.assertIn("/newsroom/join/", r.text)
        self.assertEqual(self.post(base + "/disable", form(csrf=csrf), cookie=owner).status, 303)
        r = self.get_ok("/newsroom/login")
        token = cookie_value(r, "gazette_login_csrf")
        r = self.post("/newsroom/login", form(csrf=token, email="new.person@example.org", password="a fine new password"),
                      cookie="gazette_login_csrf=" + token)
        self.assertEqual(r.status, 401, "a disabled person cannot sign in")
        # The only owner cannot demote or disable themselves.
        self.assertEqual(self.post("/newsroom/people/%d/role" % me, form(csrf=csrf, role="editor"), cookie=owner).status,
                         409)
        self.assertEqual(self.post("/newsroom/people/%d/disable" % me, form(csrf=csrf), cookie=owner).status, 409)
        # Every change is in the audit log, with who, what and before/after.
        log = self.server.get("/newsroom/audit", {"Cookie": owner}).text
        for action in ("person.invite", "person.join", "person.role", "person.sign_out_everywhere",
                       "person.reset_password", "person.disable"):
            self.assertIn(action, log)
        with connect_db(self.db) as db:
            before, after = db.execute("SELECT before, after FROM audit_log WHERE action = 'person.role'").fetchone()
        self.assertIn('"role":"editor"', before)
        self.assertIn('"role":"writer"', after)


if __name__ == "__main__":
    unittest.main()
