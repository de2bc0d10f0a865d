"""The bulletin and job alerts against a real SMTP server (tests/http/smtp_sink.py, Debian's
python3-aiosmtpd) that keeps every message: sign-up, double opt-in, the messages' MIME structure and
headers, DKIM verified with python3-dkim, links followed against the running server (confirm,
preferences, one-click unsubscribe), bounces, hostile input, the newsroom's desk, and a sender killed
mid-edition that, run again, sends everyone exactly one copy."""

import email
import email.policy
import glob
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import urllib.parse

from gazette_server import (database, GazetteServer, base_env, demo_data, parse_html, require_binary, run_cli,
                            skip_or_fail)

HERE = os.path.dirname(os.path.abspath(__file__))
DEBIAN_PYTHON = "/usr/bin/python3"
SINK = os.path.join(HERE, "smtp_sink.py")
MAIL_FROM = "Gazette Bulletin <news@gazette.example>"
EDITOR = ("desk@example.org", "a long editor passphrase")
WRITER = ("pen@example.org", "a long writer passphrase")


def require_mail_tools():
    try:
        ok = subprocess.run([DEBIAN_PYTHON, "-c", "import aiosmtpd, dkim"], capture_output=True, timeout=30)
    except OSError:
        ok = None
    if ok is None or ok.returncode != 0:
        raise skip_or_fail("python3-aiosmtpd and python3-dkim are needed (scripts/install-deps)")
    if shutil.which("openssl") is None:
        raise skip_or_fail("openssl is needed to make a DKIM key")


class Sink:
    """One smtp_sink.py process and the messages it kept."""

    def __init__(self, workdir, name, reject=(), tempfail=(), delay=0.0):
        self.dir = os.path.join(workdir, name)
        os.makedirs(self.dir)
        args = [DEBIAN_PYTHON, SINK, self.dir, "--delay", str(delay)]
        for a in reject:
            args += ["--reject", a]
        for a in tempfail:
            args += ["--tempfail", a]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        if not line.strip().isdigit():
            raise RuntimeError("the SMTP sink did not start")
        self.port = int(line)
        self.url = "smtp://127.0.0.1:%d" % self.port

    def stop(self):
        self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()

    def messages(self, to=None):
        """[(envelope recipients, raw bytes without the sink's line, parsed message)] in arrival order."""
        out = []
        for path in sorted(glob.glob(os.path.join(self.dir, "*.eml"))):
            with open(path, "rb") as f:
                raw = f.read()
            first, rest = raw.split(b"\r\n", 1)
            rcpts = first.decode().split(":", 1)[1].strip().split(",")
            if to is None or to in rcpts:
                out.append((rcpts, rest, email.message_from_bytes(rest, policy=email.policy.default)))
        return out

    def wait_for(self, to, count, timeout=20.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.messages(to)
            if len(found) >= count:
                return found
            time.sleep(0.1)
        raise AssertionError("%d messages to %s did not arrive within %.0f s (got %d)" %
                             (count, to, timeout, len(self.messages(to))))


def parts(message):
    return {p.get_content_type(): p for p in message.walk() if not p.is_multipart()}


def links(text, path):
    return re.findall(r"https?://[^\s\"<>]+%s\?t=[A-Za-z0-9._-]+" % re.escape(path), text)


def form(**fields):
    return urllib.parse.urlencode(fields, doseq=True).encode()


def csv_import(db, text, workdir):
    path = os.path.join(workdir, "subs-%d.csv" % time.monotonic_ns())
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return run_cli("bulletin", "subscribers", "import", path, db=db)


def status_counts(db):
    out = run_cli("bulletin", "status", db=db).stdout.splitlines()[0]
    words = out.split(":", 1)[1].split()
    return {words[i]: int(words[i + 1]) for i in range(0, len(words) - 1, 2)}


class BulletinTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require_mail_tools()
        cls.workdir = tempfile.mkdtemp(prefix="gazette-bulletin-")
        try:
            cls.db = os.path.join(cls.workdir, "site.db")
            demo_data(cls.db, 40)
            cls.key = os.path.join(cls.workdir, "dkim.pem")
            subprocess.run(["openssl", "genrsa", "-out", cls.key, "2048"], check=True, capture_output=True)
            der = subprocess.run(["openssl", "rsa", "-in", cls.key, "-pubout", "-outform", "DER"], check=True,
                                 capture_output=True).stdout
            import base64
            cls.public_key = base64.b64encode(der).decode()
            for (address, password), role in ((EDITOR, "editor"), (WRITER, "writer")):
                proc = subprocess.run([require_binary(), "--db", database(cls.db), "users", "add", address, "--name", "Desk",
                                       "--role", role], input=password + "\n", capture_output=True, text=True,
                                      env=base_env(), timeout=60)
                assert proc.returncode == 0, proc.stderr
            cls.sink = Sink(cls.workdir, "sink", reject=["gone@example.org"])
            cls.env = {"GAZETTE_SMTP_URL": cls.sink.url, "GAZETTE_MAIL_FROM": MAIL_FROM,
                       "GAZETTE_DKIM_KEY_FILE": cls.key, "GAZETTE_DKIM_DOMAIN": "gazette.example",
                       "GAZETTE_DKIM_SELECTOR": "mail", "GAZETTE_BULLETIN_TIME": "off",
                       "GAZETTE_MAIL_RATE": "200"}
            cls.server = GazetteServer(cls.db, cls.workdir, env=cls.env).start()
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        for name in ("server",):
            if getattr(cls, name, None):
                getattr(cls, name).stop()
        if getattr(cls, "sink", None):
            cls.sink.stop()
        shutil.rmtree(cls.workdir, ignore_errors=True)

    # --- helpers -------------------------------------------------------------------------------

    def post(self, path, body, headers=None):
        h = {"Content-Type": "application/x-www-form-urlencoded", "Origin": self.server.base_url}
        h.update(headers or {})
        return self.server.request("POST", path, headers=h, body=body)

    def fresh_token(self):
        page = self.server.get("/subscribe")
        self.assertEqual(page.status, 200)
        self.assertEqual(page.header("Cache-Control"), "no-store")
        return parse_html(page.text).find("input", name="ft").get("value")

    def sign_up(self, address, token=None, wait=True, **fields):
        token = token or self.fresh_token()
        if wait:
            time.sleep(2.1)  # a person takes longer than 2 s: faster is treated as a bot
        data = {"ft": token, "email": address, "daily": "1"}
        data.update(fields)
        return self.post("/subscribe", form(**data))

    def path_of(self, url):
        parsed = urllib.parse.urlsplit(url)
        return parsed.path + ("?" + parsed.query if parsed.query else "")

    def dkim_valid(self, raw):
        script = ("import dkim, sys\n"
                  "msg = sys.stdin.buffer.read()\n"
                  "key = %r\n"
                  "ok = dkim.verify(msg, dnsfunc=lambda name, timeout=5: ('v=DKIM1; k=rsa; p=' + key).encode())\n"
                  "print('valid' if ok else 'invalid')\n") % self.public_key
        out = subprocess.run([DEBIAN_PYTHON, "-c", script], input=raw, capture_output=True, timeout=60)
        return out.stdout.strip() == b"valid"

    def sign_in(self, who):
        r = self.server.get("/newsroom/login")
        token = re.search(r"gazette_login_csrf=([^;]+)", r.header("Set-Cookie")).group(1)
        r = self.post("/newsroom/login", form(csrf=token, email=who[0], password=who[1]),
                      {"Cookie": "gazette_login_csrf=" + token})
        self.assertEqual(r.status, 303)
        return "gazette_session=" + re.search(r"gazette_session=([^;]+)", r.header("Set-Cookie")).group(1)

    # --- the journey ---------------------------------------------------------------------------

    def test_1_sign_up_confirm_receive_and_unsubscribe_in_one_click(self):
        reader = "reader.one@example.org"
        home = self.server.get("/")
        box = parse_html(home.text).find("form", action="/subscribe")
        self.assertIsNotNone(box, "every public page has the sign-up box")
        r = self.sign_up(reader, name="Reader Ünal", job_alerts="1")
        self.assertEqual(r.status, 200, r.text[:400])
        self.assertIn("Check your inbox", r.text)
        self.assertEqual(r.header("Cache-Control"), "no-store")

        # The confirmation: the only mail an unconfirmed address gets; no list headers; the address
        # is never in a link.
        (_, raw, msg), = self.sink.wait_for(reader, 1)
        self.assertIn("Confirm", msg["Subject"])
        self.assertIsNone(msg["List-Unsubscribe"])
        self.assertTrue(msg["Message-ID"] and msg["Date"])
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        text = parts(msg)["text/plain"].get_content()
        confirm, = set(links(text, "/subscribe/confirm"))
        self.assertNotIn("reader.one", confirm)
        self.assertIn(confirm, parts(msg)["text/html"].get_content())
        self.assertTrue(self.dkim_valid(raw))

        page = self.server.get(self.path_of(confirm))
        self.assertEqual(page.status, 200)
        button = parse_html(page.text).find("form", action="/subscribe/confirm")
        self.assertIsNotNone(button, "following the link shows a confirm button (link scanners do not confirm)")
        token = urllib.parse.parse_qs(urllib.parse.urlsplit(confirm).query)["t"][0]
        done = self.post("/subscribe/confirm", form(t=token))
        self.assertEqual(done.status, 200)
        self.assertIn("You are subscribed", done.text)

        # The bulletin, queued by hand and sent by the running server.
        queued = run_cli("bulletin", "send", "--queue-only", db=self.db)
        self.assertEqual(queued.returncode, 0, queued.stderr)
        self.assertIn("queued for", queued.stdout)
        _, raw, msg = self.sink.wait_for(reader, 2)[1]
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        kinds = parts(msg)
        self.assertEqual(set(kinds), {"text/plain", "text/html"})
        for p in kinds.values():
            self.assertEqual(p.get_content_charset(), "utf-8")
        self.assertEqual(msg["To"].addresses[0].display_name, "Reader Ünal")
        self.assertTrue(msg["List-Id"])
        self.assertEqual(msg["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        unsubscribe = re.match(r"<([^>]+)>", msg["List-Unsubscribe"]).group(1)
        self.assertTrue(unsubscribe.startswith(self.server.base_url + "/subscribe/unsubscribe?t="))
        self.assertTrue(msg["Message-ID"].endswith("@gazette.example>"))
        self.assertTrue(self.dkim_valid(raw), "the DKIM signature verifies")
        html_part = kinds["text/html"].get_content()
        self.assertNotRegex(html_part, r"<(img|link|script)\b", "no remote assets or scripts")
        self.assertIn("<table", html_part)
        article_links = re.findall(r'href="(%s/[a-z-]+/\d{4}/\d\d/\d\d/[^"]+)"' % re.escape(self.server.base_url),
                                   html_part)
        self.assertTrue(article_links, "the edition links to its articles")
        self.assertEqual(self.server.get(self.path_of(article_links[0])).status, 200)
        for url in re.findall(r"https?://\S+", kinds["text/plain"].get_content()):
            self.assertNotIn("reader.one", url)

        # RFC 8058: a POST of List-Unsubscribe=One-Click to the header's URL stops mail at once.
        r = self.post(self.path_of(unsubscribe), b"List-Unsubscribe=One-Click", {"Origin": ""})
        self.assertEqual(r.status, 200)
        self.assertIn("unsubscribed", r.text)
        prefs, = set(links(kinds["text/plain"].get_content(), "/subscribe/preferences"))
        page = self.server.get(self.path_of(prefs))
        self.assertIn("unsubscribed", page.text)

    def test_2_a_known_address_gets_the_same_answer_and_no_mail(self):
        known = "known@example.org"
        imported = csv_import(self.db, "email,status\n%s,confirmed\n" % known, self.workdir)
        self.assertEqual(imported.returncode, 0, imported.stderr)
        first = self.sign_up("brand.new@example.org")
        again = self.sign_up(known)
        self.assertEqual(first.status, again.status)
        self.assertEqual(parse_html(first.text).main().clean_text(), parse_html(again.text).main().clean_text())
        self.sink.wait_for("brand.new@example.org", 1)
        time.sleep(2.5)  # the sender runs every 2 s
        self.assertEqual(self.sink.messages(known), [], "a confirmed address gets no second confirmation")

    def test_3_hostile_input_gets_a_clear_message_and_stores_nothing(self):
        before = status_counts(self.db)
        token = self.fresh_token()
        time.sleep(2.1)
        cases = [
            {"email": "not an address"},
            {"email": "a@b.example\r\nBcc: victim@example.org"},
            {"email": "' OR 1=1 --"},
            {"email": "x" * 300 + "@example.org"},
            {"email": "h1@example.org", "name": "<script>alert(1)</script>"},
            {"email": "h2@example.org", "name": "n" * 500},
            {"email": "h3@example.org", "alert_keywords": "<img src=x onerror=alert(1)>"},
            {"email": "h4@example.org", "alert_min_salary": "lots"},
            {"email": "h5@example.org", "alert_min_salary": "99999999"},
            {"email": "h6@example.org", "follow_councils": "<b>bold</b>"},
            {"email": "h7@example.org", "daily": "0"},
        ]
        for fields in cases:
            data = {"ft": token, "daily": "1"}
            data.update(fields)
            r = self.post("/subscribe", form(**data))
            self.assertEqual(r.status, 400, (fields, r.text[:300]))
            alert = parse_html(r.text).find(cls="form-error")
            self.assertIsNotNone(alert, fields)
            self.assertTrue(alert.clean_text(), fields)
            self.assertNotIn("<script>alert", r.text)
        r = self.post("/subscribe", b"%ff%fe=%zz")
        self.assertEqual(r.status, 400)
        # Bots: a filled honeypot, or a form sent at once, look accepted and store nothing.
        honeypot = self.post("/subscribe", form(ft=token, email="bot1@example.org", daily="1", website="spam"))
        self.assertIn("Check your inbox", honeypot.text)
        fast = self.post("/subscribe", form(ft=self.fresh_token(), email="bot2@example.org", daily="1"))
        self.assertIn("Check your inbox", fast.text)
        # No token, or a forged one: the form again, nothing stored.
        forged = self.post("/subscribe", form(ft="f-1.forged", email="bot3@example.org", daily="1"))
        self.assertEqual(forged.status, 200)
        self.assertIsNotNone(parse_html(forged.text).find("input", name="ft"))
        # Another site's form.
        cross = self.post("/subscribe", form(ft=token, email="bot4@example.org", daily="1"),
                          {"Origin": "https://attacker.example"})
        self.assertEqual(cross.status, 403)
        self.assertEqual(status_counts(self.db), before)

    def test_4_a_refused_recipient_is_stopped_and_the_weekly_digest_goes_to_the_rest(self):
        imported = csv_import(self.db, "email,status,weekly,daily\ngone@example.org,confirmed,yes,no\n"
                              "weekly.reader@example.org,confirmed,yes,no\n", self.workdir)
        self.assertEqual(imported.returncode, 0, imported.stderr)
        queued = run_cli("bulletin", "send", "--kind", "weekly", "--queue-only", db=self.db)
        self.assertEqual(queued.returncode, 0, queued.stderr)
        (_, _, msg), = self.sink.wait_for("weekly.reader@example.org", 1)
        self.assertIn("weekly digest", msg["Subject"])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and status_counts(self.db).get("bounced", 0) < 1:
            time.sleep(0.2)
        self.assertEqual(status_counts(self.db).get("bounced"), 1, "a 550 at RCPT stops mail to the address")

    def test_5_preferences_change_choices_show_data_and_delete_everything(self):
        (_, _, msg), = self.sink.messages("weekly.reader@example.org") or [self.skipTest("needs test_4")]
        prefs, = set(links(parts(msg)["text/plain"].get_content(), "/subscribe/preferences"))
        token = urllib.parse.parse_qs(urllib.parse.urlsplit(prefs).query)["t"][0]
        page = self.server.get(self.path_of(prefs))
        self.assertEqual(page.status, 200)
        self.assertIn("weekly.reader@example.org", page.text)
        saved = self.post("/subscribe/preferences",
                          form(t=token, name="Wendy", weekly="1", job_alerts="1", alert_frequency="instant",
                               alert_category=["finance"],
                               alert_places="Kent County Council, South East", alert_min_salary="£40,000"))
        self.assertEqual(saved.status, 200, saved.text[:300])
        self.assertIn("saved", saved.text)
        data = self.server.get("/subscribe/data?t=" + token)
        self.assertEqual(data.status, 200)
        import json
        held = json.loads(data.body)
        self.assertEqual(held["email"], "weekly.reader@example.org")
        self.assertEqual(held["alert_places"], ["kent-county-council", "south-east"])
        self.assertEqual(held["alert_min_salary"], 40000)
        self.assertEqual(held["alert_categories"], ["finance"])
        self.assertTrue(held["job_alerts_as_published"])
        bad = self.post("/subscribe/preferences", form(t=token, weekly="1", name="<x>"))
        self.assertEqual(bad.status, 400)
        gone = self.post("/subscribe/delete", form(t=token))
        self.assertIn("deleted", gone.text.lower())
        self.assertEqual(self.server.get("/subscribe/data?t=" + token).status, 404)
        self.assertEqual(self.post("/subscribe/preferences", form(t="p-1-1-9999999999.bad")).status, 404)

    def test_6_editors_run_the_desk_writers_cannot(self):
        editor = self.sign_in(EDITOR)
        page = self.server.get("/newsroom/bulletin?kind=daily", {"Cookie": editor})
        self.assertEqual(page.status, 200)
        self.assertEqual(page.header("Cache-Control"), "no-store")
        # Today's daily went in test_1: the alerts edition is still a draft.
        page = self.server.get("/newsroom/bulletin?kind=alerts", {"Cookie": editor})
        self.assertEqual(page.status, 200)
        action = parse_html(page.text).find("form", cls="form-actions")
        self.assertIsNotNone(action, page.text[:2000])
        url = action.get("action")
        csrf = action.find("input", name="csrf").get("value")
        self.assertEqual(self.post(url, form(action="hold"), {"Cookie": editor}).status, 403)
        held = self.post(url, form(action="hold", csrf=csrf), {"Cookie": editor})
        self.assertEqual(held.status, 303)
        page = self.server.get("/newsroom/bulletin?kind=alerts", {"Cookie": editor})
        self.assertIn("held", page.text)
        writer = self.sign_in(WRITER)
        self.assertEqual(self.server.get("/newsroom/bulletin", {"Cookie": writer}).status, 403)
        self.assertEqual(self.post(url, form(action="send", csrf=csrf), {"Cookie": writer}).status, 403)
        self.assertEqual(self.server.get("/newsroom/bulletin").status, 303)
        weekly = self.server.get("/newsroom/bulletin?kind=daily", {"Cookie": editor})
        preview_link = re.search(r'href="(/newsroom/bulletin/\d+/preview)"', weekly.text)
        if preview_link:
            preview = self.server.get(preview_link.group(1), {"Cookie": editor})
            self.assertEqual(preview.status, 200)
            self.assertIn("<table", preview.text)


class CommandTest(unittest.TestCase):
    """`gazette bulletin` without a server: bounces, CSV import and export, help and errors."""

    def setUp(self):
        self.workdir = tempfile.mkdtemp(prefix="gazette-bulletin-cli-")
        self.db = os.path.join(self.workdir, "site.db")

    def tearDown(self):
        shutil.rmtree(self.workdir, ignore_errors=True)

    def test_bounce_reports_stop_the_addresses_they_name(self):
        imported = csv_import(self.db, "email,status\nleft.the.council@example.org,confirmed\n"
                              "marked.spam@example.org,confirmed\nbusy.inbox@example.org,confirmed\n", self.workdir)
        self.assertEqual(imported.returncode, 0, imported.stderr)
        mbox = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "mail", "bounces.mbox")
        with open(mbox, "rb") as f:
            proc = subprocess.run([require_binary(), "--db", database(self.db), "bulletin", "bounces"], stdin=f,
                                  capture_output=True, text=True, env=base_env(), timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("3 messages", proc.stdout)
        self.assertIn("2 subscribers stopped", proc.stdout)
        self.assertEqual(status_counts(self.db), {"bounced": 1, "complained": 1, "confirmed": 1})

    def test_a_bad_csv_row_stores_nothing_and_is_reported_by_line(self):
        bad = csv_import(self.db, "email,name\ngood@example.org,Good\nnot an address,Bad\n", self.workdir)
        self.assertEqual(bad.returncode, 3)
        self.assertIn("line 3", bad.stderr)
        self.assertIn("nothing stored", bad.stderr)
        good = csv_import(self.db, "email,name,status\ngood@example.org,\"Good, Person\",confirmed\n", self.workdir)
        self.assertEqual(good.returncode, 0, good.stderr)
        exported = run_cli("bulletin", "subscribers", "export", db=self.db)
        self.assertEqual(exported.returncode, 0)
        self.assertIn('good@example.org,"Good, Person",confirmed', exported.stdout)
        for args in (("bulletin", "--help"), ("bulletin", "send", "--help"), ("bulletin", "bounces", "--help")):
            self.assertEqual(run_cli(*args, db=self.db).returncode, 0, args)
        wrong = run_cli("bulletin", "preview", "--kind", "hourly", db=self.db)
        self.assertNotEqual(wrong.returncode, 0)
        self.assertIn("daily, weekly or alerts", wrong.stderr)
        no_relay = run_cli("bulletin", "send", db=self.db)
        self.assertEqual(no_relay.returncode, 1)
        self.assertIn("smtp_url", no_relay.stderr)


class CrashTest(unittest.TestCase):
    """A sender killed in the middle of an edition, run again: everyone gets exactly one copy."""

    def setUp(self):
        require_mail_tools()
        self.workdir = tempfile.mkdtemp(prefix="gazette-bulletin-crash-")
        self.db = os.path.join(self.workdir, "site.db")
        demo_data(self.db, 20)
        rows = "".join("reader%02d@example.org,confirmed\n" % i for i in range(40))
        imported = csv_import(self.db, "email,status\n" + rows, self.workdir)
        self.assertEqual(imported.returncode, 0, imported.stderr)
        self.sink = Sink(self.workdir, "sink", delay=0.05)

    def tearDown(self):
        self.sink.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def test_kill_mid_edition_then_restart_sends_the_rest_once(self):
        env = {"GAZETTE_SMTP_URL": self.sink.url, "GAZETTE_MAIL_RATE": "1000", "GAZETTE_MAIL_CONCURRENCY": "2"}
        sender = subprocess.Popen([require_binary(), "--db", database(self.db), "bulletin", "send"], env=base_env(env),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(self.sink.messages()) < 8:
            time.sleep(0.02)
        sender.send_signal(signal.SIGKILL)
        sender.wait()
        got = len(self.sink.messages())
        self.assertGreaterEqual(got, 8)
        self.assertLess(got, 40, "the sender was killed before it finished")
        again = run_cli("bulletin", "send", db=self.db, env=env, timeout=120)
        self.assertEqual(again.returncode, 0, again.stderr)
        per_reader = {}
        for rcpts, _, _ in self.sink.messages():
            for r in rcpts:
                per_reader[r] = per_reader.get(r, 0) + 1
        self.assertEqual(sorted(per_reader), ["reader%02d@example.org" % i for i in range(40)])
        self.assertEqual(set(per_reader.values()), {1}, per_reader)


if __name__ == "__main__":
    unittest.main()
