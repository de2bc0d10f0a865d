"""Adverts from recruiters (issue 10): a recruiter posts, previews, edits, closes and marks filled their
organisation's adverts; adverts of organisations that are not trusted wait for an editor, who approves,
rejects with a reason or sets the category; every advert needs a way to apply, shown as an Apply button and
in JobPosting; organisations, trust and a recruiter's organisation are managed in the newsroom. Every change
is in the audit log, invalidates the pages that show the advert, and shows typed markup as text.
"""

import json
import re
import unittest

from gazette_server import connect_db, ServerTestCase, parse_html, run_cli
from test_newsroom import add_user, cookie_value, form

PEOPLE = {
    "owner": ("owner@example.org", "a long owner passphrase", "owner"),
    "editor": ("editor@example.org", "a long editor passphrase", "editor"),
    "writer": ("writer@example.org", "a long writer passphrase", "writer"),
    "recruiter": ("recruiter@example.org", "a long recruiter passphrase", "recruiter"),
    "trusted": ("trusted@example.org", "a long trusted passphrase", "recruiter"),
    "loner": ("loner@example.org", "a long loner passphrase", "recruiter"),
    "joiner": ("joiner@example.org", "a long joiner passphrase", "recruiter"),
}
SCRIPT = "<script>alert('x')</script>"


def advert(**overrides):
    fields = dict(title="Senior planning officer", location="Barchester", region="South West",
                  salary="£38,000 - £42,000 a year", contract="permanent", hours="full-time", category="",
                  closing_date="2099-06-30", description="Lead the **local plan** team.",
                  apply_url="https://careers.example.org/apply/123", apply_email="", employer_reference="PL-1",
                  action="save")
    fields.update(overrides)
    return fields


class NewsroomAdvertsTest(ServerTestCase):
    fixtures = []

    @classmethod
    def prepare_db(cls):
        for key, (email, password, role) in PEOPLE.items():
            proc = add_user(cls.db, email, password, role, name=key.capitalize() + " Person")
            if proc.returncode != 0:
                raise RuntimeError("users add failed: %s" % proc.stderr)
        # Two organisations: Barchester (moderated) for "recruiter", Ambridge (trusted) for "trusted".
        with connect_db(cls.db) as db:
            db.execute("INSERT INTO employers (name, slug, organisation, trusted) "
                       "VALUES ('Barchester District Council', 'barchester-district-council', 1, 0)")
            db.execute("INSERT INTO employers (name, slug, organisation, trusted) "
                       "VALUES ('Ambridge Housing Trust', 'ambridge-housing-trust', 1, 1)")
            db.execute("UPDATE users SET employer_id = (SELECT id FROM employers WHERE slug = "
                       "'barchester-district-council') WHERE email = 'recruiter@example.org'")
            db.execute("UPDATE users SET employer_id = (SELECT id FROM employers WHERE slug = "
                       "'ambridge-housing-trust') WHERE email = 'trusted@example.org'")

    # --- helpers ---------------------------------------------------------------------------------

    def post(self, path, body, cookie=None):
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if cookie:
            headers["Cookie"] = cookie
        return self.server.request("POST", path, headers=headers, body=body)

    def sign_in(self, who):
        email, password, _ = PEOPLE[who]
        r = self.get_ok("/newsroom/login")
        token = cookie_value(r, "gazette_login_csrf")
        r = self.post("/newsroom/login", form(csrf=token, email=email, password=password),
                      cookie="gazette_login_csrf=" + token)
        self.assertEqual(r.status, 303, r.body[:300])
        cookie = "gazette_session=" + cookie_value(r, "gazette_session")
        page = self.server.get("/newsroom/adverts" if PEOPLE[who][2] != "writer" else "/newsroom", {"Cookie": cookie})
        csrf = parse_html(page.text).find("form", cls="sign-out").find("input", name="csrf").get("value")
        return cookie, csrf

    def post_advert(self, who, **fields):
        cookie, csrf = self.sign_in(who) if isinstance(who, str) else who
        r = self.post("/newsroom/adverts/new", form(csrf=csrf, **advert(**fields)), cookie=cookie)
        self.assertEqual(r.status, 303, r.body[:600])
        return int(re.search(r"/newsroom/adverts/(\d+)", r.header("Location")).group(1))

    def row(self, job_id):
        with connect_db(self.db) as db:
            return db.execute("SELECT status, moderation, rejection_reason, category, category_set_by, slug, title "
                              "FROM jobs WHERE id = ?", (job_id,)).fetchone()

    def audit_actions(self):
        with connect_db(self.db) as db:
            return [r[0] for r in db.execute("SELECT action FROM audit_log ORDER BY id")]

    # --- tests -----------------------------------------------------------------------------------

    def test_an_advert_waits_for_an_editor_then_goes_live_with_an_apply_button(self):
        recruiter = self.sign_in("recruiter")
        job = self.post_advert(recruiter, title="Principal planner " + SCRIPT, location="Barchester <b>town</b>",
                               description="Apply now " + SCRIPT)
        status, moderation, _, _, _, slug, _ = self.row(job)
        self.assertEqual((status, moderation), ("draft", "pending"))
        public = "/jobs/%d/%s" % (job, slug)
        self.assertEqual(self.get(public).status, 404, "a pending advert is not public")
        page = self.server.get("/newsroom/adverts", {"Cookie": recruiter[0]}).text
        self.assertIn("pending", page)
        self.assertNotIn(SCRIPT, page)
        self.assertIn("&lt;script&gt;", page, "markup typed in the title shows as text")
        form_page = self.server.get("/newsroom/adverts/%d" % job, {"Cookie": recruiter[0]}).text
        self.assertNotIn(SCRIPT, form_page)
        self.assertNotIn("<b>town</b>", form_page)

        editor = self.sign_in("editor")
        queue = self.server.get("/newsroom/adverts", {"Cookie": editor[0]})
        self.assertEqual(queue.status, 200)
        self.assertIn("/newsroom/adverts/%d" % job, queue.text)
        self.assertIn("Waiting for approval", queue.text)
        jobs_before = self.get_ok("/jobs").text  # cached now: approval must invalidate it
        self.assertNotIn("Principal planner", jobs_before)
        r = self.post("/newsroom/adverts/%d/approve" % job, form(csrf=editor[1]), cookie=editor[0])
        self.assertEqual(r.status, 303, r.body[:300])
        self.assertEqual(self.row(job)[:2], ("live", ""))
        page = self.get_ok(public)
        self.assertNotIn(SCRIPT, page.text)
        doc = parse_html(page.text)
        apply = doc.find("a", cls="apply-button")
        self.assertIsNotNone(apply, "the job page has an Apply button")
        self.assertEqual(apply.get("href"), "https://careers.example.org/apply/123")
        ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.text, re.S).group(1)
        posting = json.loads(ld)
        self.assertEqual(posting["@type"], "JobPosting")
        self.assertIs(posting["directApply"], True)
        self.assertIn("Principal planner", self.get_ok("/jobs").text, "the board's cached list was invalidated")
        actions = self.audit_actions()
        self.assertIn("advert.create", actions)
        self.assertIn("advert.approve", actions)

    def test_a_trusted_organisation_goes_live_at_once_then_closes_and_is_filled(self):
        trusted = self.sign_in("trusted")
        job = self.post_advert(trusted, title="Housing officer", apply_url="", apply_email="jobs@ambridge.example.org")
        status, moderation, _, _, _, slug, _ = self.row(job)
        self.assertEqual((status, moderation), ("live", ""))
        public = "/jobs/%d/%s" % (job, slug)
        page = self.get_ok(public)
        apply = parse_html(page.text).find("a", cls="apply-button")
        self.assertEqual(apply.get("href"), "mailto:jobs@ambridge.example.org")
        r = self.post("/newsroom/adverts/%d/close" % job, form(csrf=trusted[1]), cookie=trusted[0])
        self.assertEqual(r.status, 303, r.body[:300])
        self.assertEqual(self.row(job)[0], "closed")
        self.assertIn("This vacancy has closed", self.get_ok(public).text, "the cached page was invalidated")
        self.assertEqual(self.post("/newsroom/adverts/%d/close" % job, form(csrf=trusted[1]), cookie=trusted[0]).status,
                         409, "a closed advert cannot close again")
        r = self.post("/newsroom/adverts/%d/filled" % job, form(csrf=trusted[1]), cookie=trusted[0])
        self.assertEqual(r.status, 303)
        self.assertEqual(self.row(job)[0], "filled")
        r = self.post("/newsroom/adverts/%d" % job, form(csrf=trusted[1], **advert()), cookie=trusted[0])
        self.assertEqual(r.status, 409, "a filled advert is not edited")
        for action in ("advert.close", "advert.filled"):
            self.assertIn(action, self.audit_actions())

    def test_checks_refuse_a_bad_advert_and_keep_what_was_typed(self):
        recruiter = self.sign_in("recruiter")
        with connect_db(self.db) as db:
            before = db.execute("SELECT count(*) FROM jobs").fetchone()[0]
        bad = advert(title="Permanent planner £35k", location="", salary="Competitive", closing_date="2001-01-31",
                     apply_url="javascript:alert(1)", apply_email="")
        r = self.post("/newsroom/adverts/new", form(csrf=recruiter[1], **bad), cookie=recruiter[0])
        self.assertEqual(r.status, 422, r.body[:300])
        text = r.text
        for words in ("put pay in the Salary field", "contract or hours", "Say where the job is based",
                      "cannot be read as figures", "has passed", "must be a web address"):
            self.assertIn(words, text)
        self.assertIn('value="Permanent planner £35k"', text, "what was typed is kept")
        with connect_db(self.db) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM jobs").fetchone()[0], before, "nothing was saved")
        # No way to apply: cannot be published.
        r = self.post("/newsroom/adverts/new", form(csrf=recruiter[1], **advert(apply_url="", apply_email="")),
                      cookie=recruiter[0])
        self.assertEqual(r.status, 422)
        self.assertIn("cannot be published", r.text)
        # The as-you-type endpoint gives the same problems as JSON.
        r = self.post("/newsroom/adverts/check", form(csrf=recruiter[1], **bad), cookie=recruiter[0])
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("Content-Type").startswith("application/json"))
        fields = {p["field"] for p in json.loads(r.text)["problems"]}
        self.assertTrue({"title", "location", "salary", "closing_date", "apply_url"} <= fields, fields)
        self.assertEqual(self.post("/newsroom/adverts/check", form(**bad), cookie=recruiter[0]).status, 403)
        # The Check button (no script) shows the problems without saving.
        r = self.post("/newsroom/adverts/new", form(csrf=recruiter[1], **dict(bad, action="check")),
                      cookie=recruiter[0])
        self.assertEqual(r.status, 200)
        self.assertIn("Say where the job is based", r.text)

    def test_preview_is_the_job_page(self):
        recruiter = self.sign_in("recruiter")
        r = self.post("/newsroom/adverts/new", form(csrf=recruiter[1], **advert(title="Preview planner " + SCRIPT,
                                                                                 action="preview")),
                      cookie=recruiter[0])
        self.assertEqual(r.status, 200, r.body[:300])
        self.assertNotIn(SCRIPT, r.text)
        doc = parse_html(r.text)
        self.assertEqual(doc.find("a", cls="apply-button").get("href"), "https://careers.example.org/apply/123")
        self.assertIn("Barchester District Council", r.text)
        self.assertEqual(r.header("X-Robots-Tag"), "noindex")
        with connect_db(self.db) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM jobs WHERE title LIKE 'Preview planner%'").fetchone()[0],
                             0, "a preview saves nothing")
        job = self.post_advert(recruiter, title="Stored preview planner")
        r = self.server.get("/newsroom/adverts/%d/preview" % job, {"Cookie": recruiter[0]})
        self.assertEqual(r.status, 200)
        self.assertIn("Stored preview planner", r.text)
        self.assertIsNotNone(parse_html(r.text).find("a", cls="apply-button"))

    def test_rejection_reason_reaches_the_recruiter_and_an_edit_asks_again(self):
        recruiter = self.sign_in("recruiter")
        job = self.post_advert(recruiter, title="Refuse collection manager")
        editor = self.sign_in("editor")
        r = self.post("/newsroom/adverts/%d/reject" % job, form(csrf=editor[1], reason=""), cookie=editor[0])
        self.assertEqual(r.status, 409, "a reason is required")
        r = self.post("/newsroom/adverts/%d/reject" % job, form(csrf=editor[1], reason="Say the grade <b>please</b>"),
                      cookie=editor[0])
        self.assertEqual(r.status, 303)
        self.assertEqual(self.row(job)[:3], ("draft", "rejected", "Say the grade <b>please</b>"))
        page = self.server.get("/newsroom/adverts/%d" % job, {"Cookie": recruiter[0]}).text
        self.assertIn("Say the grade &lt;b&gt;please&lt;/b&gt;", page)
        listing = self.server.get("/newsroom/adverts", {"Cookie": recruiter[0]}).text
        self.assertIn("rejected", listing)
        r = self.post("/newsroom/adverts/%d" % job, form(csrf=recruiter[1], **advert(title="Refuse collection manager",
                                                                                     salary="Grade 9, £40,000 a year")),
                      cookie=recruiter[0])
        self.assertEqual(r.status, 303, r.body[:500])
        self.assertEqual(self.row(job)[:3], ("draft", "pending", ""), "an edit sends it back to the queue")
        self.assertIn("advert.reject", self.audit_actions())
        self.assertIn("advert.edit", self.audit_actions())

    def test_an_editors_category_stands(self):
        trusted = self.sign_in("trusted")
        job = self.post_advert(trusted, title="Tenancy sustainment officer")
        editor = self.sign_in("editor")
        r = self.post("/newsroom/adverts/%d/category" % job, form(csrf=editor[1], category="nonsense"),
                      cookie=editor[0])
        self.assertEqual(r.status, 422)
        r = self.post("/newsroom/adverts/%d/category" % job, form(csrf=editor[1], category="finance"),
                      cookie=editor[0])
        self.assertEqual(r.status, 303, r.body[:300])
        self.assertEqual(self.row(job)[3:5], ("finance", "editor"))
        # The recruiter edits the text (and even picks another category): the editor's choice stands.
        r = self.post("/newsroom/adverts/%d" % job,
                      form(csrf=trusted[1], **advert(title="Tenancy sustainment officer",
                                                     description="Housing support for tenants.", category="housing")),
                      cookie=trusted[0])
        self.assertEqual(r.status, 303, r.body[:500])
        self.assertEqual(self.row(job)[3:5], ("finance", "editor"))
        self.assertIn("advert.category", self.audit_actions())
        self.assertEqual(self.post("/newsroom/adverts/%d/category" % job, form(csrf=trusted[1], category="housing"),
                                   cookie=trusted[0]).status, 403, "recruiters do not moderate")

    def test_recruiters_see_only_their_organisations_adverts(self):
        theirs = self.post_advert("trusted", title="Estate caretaker")
        recruiter = self.sign_in("recruiter")
        mine = self.post_advert(recruiter, title="Building control surveyor")
        for path in ("/newsroom/adverts/%d" % theirs, "/newsroom/adverts/%d/preview" % theirs):
            self.assertEqual(self.server.get(path, {"Cookie": recruiter[0]}).status, 404, path)
        for path in ("/newsroom/adverts/%d" % theirs, "/newsroom/adverts/%d/close" % theirs,
                     "/newsroom/adverts/%d/filled" % theirs):
            r = self.post(path, form(csrf=recruiter[1], **advert(title="Hijacked")), cookie=recruiter[0])
            self.assertEqual(r.status, 404, path)
        self.assertEqual(self.row(theirs)[0], "live")
        self.assertEqual(self.row(theirs)[6], "Estate caretaker")
        listing = self.server.get("/newsroom/adverts", {"Cookie": recruiter[0]}).text
        self.assertIn("Building control surveyor", listing)
        self.assertNotIn("Estate caretaker", listing)
        self.assertNotIn("/newsroom/articles/", listing)
        # A recruiter with no organisation can post nothing.
        loner = self.sign_in("loner")
        self.assertIn("belongs to no organisation", self.server.get("/newsroom/adverts", {"Cookie": loner[0]}).text)
        self.assertEqual(self.server.get("/newsroom/adverts/new", {"Cookie": loner[0]}).status, 403)
        r = self.post("/newsroom/adverts/new", form(csrf=loner[1], **advert()), cookie=loner[0])
        self.assertEqual(r.status, 409)
        self.assertEqual(self.server.get("/newsroom/adverts/%d" % mine, {"Cookie": loner[0]}).status, 404)
        # Writers have no adverts and moderate nothing.
        writer = self.sign_in("writer")
        self.assertEqual(self.server.get("/newsroom/adverts", {"Cookie": writer[0]}).status, 403)
        self.assertEqual(self.post("/newsroom/adverts/%d/approve" % mine, form(csrf=writer[1]),
                                   cookie=writer[0]).status, 403)
        self.assertEqual(self.post("/newsroom/adverts/%d/approve" % mine, form(csrf=recruiter[1]),
                                   cookie=recruiter[0]).status, 403, "a recruiter cannot approve their own")
        self.assertEqual(self.row(mine)[1], "pending")

    def test_organisations_trust_and_membership(self):
        editor = self.sign_in("editor")
        r = self.post("/newsroom/organisations", form(csrf=editor[1], name="Borsetshire County Council <i>x</i>"),
                      cookie=editor[0])
        self.assertEqual(r.status, 303, r.body[:300])
        page = self.server.get("/newsroom/organisations", {"Cookie": editor[0]}).text
        self.assertIn("Borsetshire County Council &lt;i&gt;x&lt;/i&gt;", page)
        with connect_db(self.db) as db:
            org = db.execute("SELECT id, trusted FROM employers WHERE name LIKE 'Borsetshire%'").fetchone()
            joiner = db.execute("SELECT id FROM users WHERE email = 'joiner@example.org'").fetchone()[0]
            writer = db.execute("SELECT id FROM users WHERE email = 'writer@example.org'").fetchone()[0]
        self.assertEqual(org[1], 0)
        r = self.post("/newsroom/organisations/%d/trust" % org[0], form(csrf=editor[1], trusted="1"), cookie=editor[0])
        self.assertEqual(r.status, 303)
        r = self.post("/newsroom/organisations/assign", form(csrf=editor[1], user=str(writer), organisation=str(org[0])),
                      cookie=editor[0])
        self.assertEqual(r.status, 409, "only recruiters belong to organisations")
        r = self.post("/newsroom/organisations/assign", form(csrf=editor[1], user=str(joiner), organisation=str(org[0])),
                      cookie=editor[0])
        self.assertEqual(r.status, 303)
        with connect_db(self.db) as db:
            self.assertEqual(db.execute("SELECT trusted FROM employers WHERE id = ?", (org[0],)).fetchone()[0], 1)
            self.assertEqual(db.execute("SELECT employer_id FROM users WHERE id = ?", (joiner,)).fetchone()[0], org[0])
        job = self.post_advert("joiner", title="Trading standards officer")
        self.assertEqual(self.row(job)[0], "live", "a trusted organisation's advert goes live at once")
        for action in ("organisation.add", "organisation.trust", "person.organisation"):
            self.assertIn(action, self.audit_actions())
        # Writers and recruiters cannot manage organisations.
        writer_session = self.sign_in("writer")
        self.assertEqual(self.server.get("/newsroom/organisations", {"Cookie": writer_session[0]}).status, 403)
        recruiter = self.sign_in("recruiter")
        self.assertEqual(self.post("/newsroom/organisations/%d/trust" % org[0], form(csrf=recruiter[1], trusted="0"),
                                   cookie=recruiter[0]).status, 403)
        # An owner invites a recruiter straight into an organisation.
        owner = self.sign_in("owner")
        r = self.post("/newsroom/people/invite", form(csrf=owner[1], email="new.recruiter@example.org",
                                                      name="New Recruiter", role="recruiter",
                                                      organisation=str(org[0])), cookie=owner[0])
        self.assertEqual(r.status, 200, r.body[:300])
        link = parse_html(r.text).find("input", **{"aria-label": "One-time link"}).get("value")
        path = "/newsroom/join/" + link.rsplit("/", 1)[1]
        token = cookie_value(self.get_ok(path), "gazette_login_csrf")
        r = self.post(path, form(csrf=token, password="a fine new password", password_again="a fine new password"),
                      cookie="gazette_login_csrf=" + token)
        self.assertEqual(r.status, 303)
        with connect_db(self.db) as db:
            self.assertEqual(db.execute("SELECT employer_id FROM users WHERE email = 'new.recruiter@example.org'")
                             .fetchone()[0], org[0])
        self.assertIn("Recruiter for Borsetshire", self.server.get("/newsroom/people", {"Cookie": owner[0]}).text)

    def test_signed_out_disabled_and_tokenless_requests_change_nothing(self):
        job = self.post_advert("recruiter", title="Tokenless check officer")
        recruiter = self.sign_in("recruiter")
        editor = self.sign_in("editor")
        for path, cookie in (("/newsroom/adverts/new", recruiter), ("/newsroom/adverts/%d" % job, recruiter),
                             ("/newsroom/adverts/%d/close" % job, recruiter),
                             ("/newsroom/adverts/%d/approve" % job, editor),
                             ("/newsroom/adverts/%d/reject" % job, editor),
                             ("/newsroom/adverts/%d/category" % job, editor), ("/newsroom/organisations", editor)):
            with self.subTest(path=path):
                body = advert(reason="r", category="finance", name="Tokenless org")
                self.assertEqual(self.post(path, form(csrf="not-the-token", **body), cookie=cookie[0]).status, 403)
                self.assertEqual(self.post(path, form(**body), cookie=cookie[0]).status, 403)
                self.assertEqual(self.post(path, form(csrf=cookie[1], **body)).status, 401, "signed out")
        self.assertEqual(self.get("/newsroom/adverts").status, 303)
        self.assertEqual(self.get("/newsroom/adverts").header("Location"), "/newsroom/login")
        self.assertEqual(self.row(job)[:2], ("draft", "pending"))
        proc = run_cli("users", "disable", PEOPLE["recruiter"][0], db=self.db)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        try:
            self.assertEqual(self.server.get("/newsroom/adverts", {"Cookie": recruiter[0]}).status, 303)
            r = self.post("/newsroom/adverts/new", form(csrf=recruiter[1], **advert()), cookie=recruiter[0])
            self.assertEqual(r.status, 401)
        finally:
            run_cli("users", "enable", PEOPLE["recruiter"][0], db=self.db)


if __name__ == "__main__":
    unittest.main()
