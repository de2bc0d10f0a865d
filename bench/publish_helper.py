#!/usr/bin/env python3
"""Helper for bench/publish (Python 3 standard library only; talks to 127.0.0.1 only).

Subcommands:
  collect PORT N OUTDIR
      Write OUTDIR/articles.txt (the N newest article paths in /sitemap.xml by lastmod, following a
      sitemap index) and OUTDIR/fronts.txt (the home page, then the section pages listed in the sitemap).
  fetch-all PORT FILE
      GET every path in FILE, one at a time on one keep-alive connection; prints the count, seconds,
      ms per request and the statuses (tab-separated); exits 3 if any status was not 200.
  writer --port P --db DB --bin BIN --duration S [--publish-every S] [--edit-every S] [--close-every S]
         --email E --password-file F --ready FILE --go FILE --out FILE.json [--seed N] [--label L]
      The newsroom writer. Signs in and reads what it needs, touches READY, waits for GO to appear, then
      for DURATION seconds publishes a new article every --publish-every seconds (0: never), edits one of
      the newest live articles every --edit-every seconds, and closes one live advert every --close-every
      seconds with `BIN --db DB jobs close ID`. Right after each publish it fetches the new article once on
      a fresh connection (the first reader) and once more on that connection (a reader of the cached page),
      timing both on the client. Writes what happened to OUT as JSON.
  uncached PORT LOG OUTDIR N MAXSECS OUT.tsv LABEL
      With a server running with the page cache off and the access log going to LOG: for each page type,
      request up to N URLs (after 3 warm-up requests, at most MAXSECS seconds), one at a time on one
      keep-alive connection, and append the server-side "us" percentiles of those requests to OUT.tsv.
  report ROWS.tsv UNCACHED.tsv LABELS
      Print the summary tables, one per binary (LABELS: comma-separated, in order), from the files
      bench/publish writes.
"""
import argparse
import html
import html.parser
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET

ARTICLE_RE = re.compile(r'^/[a-z0-9-]+/\d{4}/\d{2}/\d{2}/[^"\s?#<>]+$')
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HOST = "127.0.0.1"


def die(msg, code=1):
    print(f"publish_helper.py: {msg}", file=sys.stderr)
    sys.exit(code)


def strip_base(loc):
    m = re.match(r"^https?://[^/]+(/.*)?$", loc.strip())
    if m:
        return m.group(1) or "/"
    return loc.strip()


def percentile(values, q):
    """Nearest-rank percentile of a non-empty list."""
    v = sorted(values)
    k = max(0, min(len(v) - 1, int(round(q * len(v) + 0.5)) - 1))
    return v[k]


# ----------------------------------------------------------------------------------------- HTTP client
class Client:
    """One keep-alive connection that reconnects when the server closes it, and keeps cookies."""

    def __init__(self, port, timeout=30):
        self.port = int(port)
        self.timeout = timeout
        self.conn = None
        self.cookies = {}

    def close(self):
        if self.conn:
            self.conn.close()
            self.conn = None

    def request(self, method, path, body=None, headers=None):
        hdrs = dict(headers or {})
        if self.cookies:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            hdrs.setdefault("Content-Type", "application/x-www-form-urlencoded")
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=hdrs)
                r = self.conn.getresponse()
                data = r.read()
            except (ConnectionError, http.client.HTTPException, OSError):
                self.close()
                if attempt == 1:
                    raise
                continue
            for name, value in r.getheaders():
                if name.lower() == "set-cookie":
                    pair = value.split(";", 1)[0]
                    if "=" in pair:
                        k, v = pair.split("=", 1)
                        k = k.strip()
                        if v == "" or re.search(r"(?i)max-age=0\b", value):
                            self.cookies.pop(k, None)
                        else:
                            self.cookies[k] = v
            if (r.getheader("Connection") or "").lower() == "close":
                self.close()
            return r.status, r.getheader("Location"), data
        raise RuntimeError("unreachable")

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, body=urllib.parse.urlencode([(k, v) for k, v in fields]).encode())


class FormParser(html.parser.HTMLParser):
    """The fields a browser would submit for each <form>: inputs, textareas and selected options.
    Submit buttons are left out (the editor's "Check councils" button must not be sent)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []  # {"action": ..., "fields": [(name, value)], "options": {select: [values]}}
        self.form = None
        self.textarea = None
        self.select = None
        self.select_first = None
        self.select_chosen = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.form = {"action": a.get("action", ""), "method": (a.get("method") or "get").lower(),
                         "fields": [], "options": {}}
            self.forms.append(self.form)
        if self.form is None:
            return
        if tag == "input":
            t = (a.get("type") or "text").lower()
            if t in ("submit", "button", "image", "reset", "file") or not a.get("name"):
                return
            if t in ("checkbox", "radio") and "checked" not in a:
                return
            self.form["fields"].append([a["name"], a.get("value") or ""])
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.form["fields"].append(self.textarea)
        elif tag == "select" and a.get("name"):
            self.select = a["name"]
            self.select_first = None
            self.select_chosen = None
            self.form["options"][self.select] = []
        elif tag == "option" and self.select:
            v = a.get("value") or ""
            self.form["options"][self.select].append(v)
            if self.select_first is None:
                self.select_first = v
            if "selected" in a:
                self.select_chosen = v

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select and self.form is not None:
            chosen = self.select_chosen if self.select_chosen is not None else self.select_first
            if chosen is not None:
                self.form["fields"].append([self.select, chosen])
            self.select = None
        elif tag == "form":
            self.form = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


def forms_in(body):
    p = FormParser()
    p.feed(body.decode("utf-8", errors="replace"))
    p.close()
    return p.forms


def form_with_action(body, action_prefix):
    for f in forms_in(body):
        if f["method"] == "post" and f["action"].startswith(action_prefix):
            return f
    return None


def field(form, name, default=""):
    for k, v in form["fields"]:
        if k == name:
            return v
    return default


def set_field(form, name, value):
    for f in form["fields"]:
        if f[0] == name:
            f[1] = value
            return
    form["fields"].append([name, value])


# -------------------------------------------------------------------------------------------- collect
def sitemap_paths(client, limit=None):
    """(articles, others) in sitemap order; follows an index (the jobs part is skipped)."""
    todo, articles, others, seen = ["/sitemap.xml"], [], [], set()
    while todo:
        path = todo.pop(0)
        status, _, body = client.get(path)
        if status != 200:
            die(f"GET {path} returned {status}")
        root = ET.fromstring(body)
        if root.tag == SITEMAP_NS + "sitemapindex":
            todo.extend(p for p in (strip_base(e.text) for e in root.iter(SITEMAP_NS + "loc")) if "jobs" not in p)
            continue
        for url in root.iter(SITEMAP_NS + "url"):
            p = strip_base(url.findtext(SITEMAP_NS + "loc") or "")
            if p in seen:
                continue
            seen.add(p)
            if ARTICLE_RE.match(p):
                articles.append((url.findtext(SITEMAP_NS + "lastmod") or "", p))
            elif not p.startswith("/jobs/"):
                others.append(p)
    # The newest by date (lastmod), whatever order the sitemap lists them in: readers read recent news.
    articles.sort(key=lambda a: a[0], reverse=True)
    articles = [p for _, p in articles]
    return (articles[:limit] if limit is not None else articles), others


def cmd_collect(port, n, outdir):
    n = int(n)
    client = Client(port, timeout=120)
    articles, others = sitemap_paths(client, n)
    if not articles:
        die("no article URLs in /sitemap.xml")
    fronts = ["/"] + [p for p in others if re.fullmatch(r"/[a-z0-9-]+", p)]
    with open(os.path.join(outdir, "articles.txt"), "w") as f:
        f.write("\n".join(articles) + "\n")
    with open(os.path.join(outdir, "fronts.txt"), "w") as f:
        f.write("\n".join(fronts) + "\n")
    print(f"{len(articles)}\t{len(fronts) - 1}")


def cmd_fetch_all(port, path_file):
    paths = [p.strip() for p in open(path_file) if p.strip()]
    client = Client(port, timeout=120)
    statuses = {}
    t0 = time.monotonic()
    for p in paths:
        status, _, _ = client.get(p)
        statuses[status] = statuses.get(status, 0) + 1
    secs = time.monotonic() - t0
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))
    print(f"{len(paths)}\t{secs:.3f}\t{secs * 1000 / max(1, len(paths)):.2f}\t{summary}")
    if set(statuses) != {200}:
        sys.exit(3)


# --------------------------------------------------------------------------------------------- writer
COUNCILS = ["Leeds City Council", "Kent County Council", "Bristol City Council", "Cornwall Council",
            "Manchester City Council", "Norfolk County Council", "Birmingham City Council", "Fife Council"]
TOPICS = ["temporary accommodation", "adult social care", "road repairs", "school transport", "council tax",
          "library opening hours", "bus subsidies", "planning enforcement", "flood defences", "recycling"]


def article_text(i, tag, rnd):
    council = COUNCILS[i % len(COUNCILS)]
    topic = TOPICS[(i * 7 + 3) % len(TOPICS)]
    headline = f"{council} sets out {topic} plan ({tag} #{i})"
    standfirst = (f"{council} has published proposals on {topic}, saying the changes are needed to "
                  f"keep services running within next year's budget.")
    paras = []
    for k in range(6):
        m = rnd.randint(2, 40)
        paras.append(
            f"Officers at {council} told councillors that spending on {topic} had risen by {m}% over three "
            f"years, and that the authority would need to find savings elsewhere if the trend continued. "
            f"The report sets out {m // 2 + 1} options, from sharing services with neighbouring authorities "
            f"to asking residents which services matter most to them.")
    paras.insert(3, "## What happens next")
    paras.insert(4, f"- A consultation opens next month\n- The cabinet decides in the spring\n"
                    f"- Any changes to {topic} would start in April")
    return headline, standfirst, "\n\n".join(paras)


class Writer:
    def __init__(self, a):
        self.a = a
        self.client = Client(a.port, timeout=30)
        self.rnd = random.Random(a.seed)
        self.result = {"label": a.label, "duration": a.duration, "publish_every": a.publish_every,
                       "edit_every": a.edit_every, "close_every": a.close_every,
                       "publishes": [], "edits": [], "closes": [], "errors": [], "late": 0}
        self.sections = []
        self.edit_targets = []
        self.live_jobs = []
        self.published = 0

    def error(self, what):
        self.result["errors"].append(what)
        print(f"publish_helper.py writer: {what}", file=sys.stderr)

    def sign_in(self):
        password = open(self.a.password_file, encoding="utf-8").read().strip()
        status, _, body = self.client.get("/newsroom/login")
        if status != 200:
            die(f"GET /newsroom/login returned {status}")
        form = form_with_action(body, "/newsroom/login")
        if not form or "gazette_login_csrf" not in self.client.cookies:
            die("the sign-in page has no form with a csrf field, or set no gazette_login_csrf cookie")
        set_field(form, "email", self.a.email)
        set_field(form, "password", password)
        status, loc, body = self.client.post("/newsroom/login", form["fields"])
        if status not in (302, 303) or not any(k for k in self.client.cookies if k != "gazette_login_csrf"):
            die(f"signing in as {self.a.email} failed: status {status}, location {loc}")

    def prepare(self):
        self.sign_in()
        # Sections the editor offers.
        status, _, body = self.client.get("/newsroom/articles/new")
        form = form_with_action(body, "/newsroom/articles/new") if status == 200 else None
        if not form:
            die(f"GET /newsroom/articles/new returned {status} without the editor form")
        self.sections = [s for s in form["options"].get("section", []) if s] or [field(form, "section")]
        # Edits cycle through the newest live articles on the newsroom's first page: the most requested
        # URLs in the reader model, so every edit replaces a page readers want.
        if self.a.edit_every > 0:
            # A reused archive may hold earlier runs' articles at the top: look a few pages down.
            for page in range(1, 6):
                status, _, body = self.client.get("/newsroom" + ("?page=%d" % page if page > 1 else ""))
                if status != 200:
                    die(f"GET /newsroom returned {status}")
                text = body.decode("utf-8", errors="replace")
                for row in re.findall(r"<tr>(.*?)</tr>", text, re.S):
                    edit = re.search(r'href="(/newsroom/articles/\d+)"', row)
                    live = re.search(r'<a href="([^"]+)">View</a>', row)
                    if edit and live and "status-published" in row and "bench" not in row.lower():
                        self.edit_targets.append((edit.group(1), html.unescape(live.group(1))))
                if len(self.edit_targets) >= 10:
                    break
            self.edit_targets = self.edit_targets[:10]
            if not self.edit_targets:
                die("no live article to edit on /newsroom")
        # Live adverts, in a shuffled order, to close.
        if self.a.close_every > 0:
            status, _, body = self.client.get("/sitemaps/jobs.xml")
            ids = sorted({int(x) for x in re.findall(rb"/jobs/(\d+)/", body)}) if status == 200 else []
            self.rnd.shuffle(ids)
            self.live_jobs = ids
            if not ids:
                self.error("no live adverts found in /sitemaps/jobs.xml: advert closing skipped")

    # --- the three kinds of write
    def publish(self):
        self.published += 1
        i = self.published
        headline, standfirst, body = article_text(i, f"bench {self.a.label} {int(time.time())}", self.rnd)
        status, _, page = self.client.get("/newsroom/articles/new")
        form = form_with_action(page, "/newsroom/articles/new") if status == 200 else None
        if not form:
            self.error(f"publish {i}: GET /newsroom/articles/new returned {status}")
            return
        for k, v in (("headline", headline), ("standfirst", standfirst), ("body", body),
                     ("byline", "Bench Writer"), ("tags", "Bench, Local finance"),
                     ("section", self.sections[(i - 1) % len(self.sections)]), ("status", "published"),
                     ("published", "")):
            set_field(form, k, v)
        t0 = time.monotonic()
        status, loc, page = self.client.post("/newsroom/articles/new", form["fields"])
        post_ms = (time.monotonic() - t0) * 1000
        m = re.match(r"^(?:https?://[^/]+)?(/newsroom/articles/\d+)", loc or "")
        if status not in (302, 303) or not m:
            msg = re.search(rb'class="form-error"[^>]*>([^<]*)<', page or b"")
            self.error(f"publish {i}: POST returned {status}" + (f": {msg.group(1).decode()}" if msg else ""))
            return
        # The public URL is the editor's "View on the site" link.
        status, _, page = self.client.get(m.group(1) + "?saved=1")
        view = re.search(rb'<a href="([^"]+)">View on the site</a>', page or b"")
        if status != 200 or not view:
            self.error(f"publish {i}: the editor after saving ({status}) shows no 'View on the site' link")
            return
        url = html.unescape(view.group(1).decode())
        first_ms, first_status, second_ms, second_status = self.first_reader(url)
        self.result["publishes"].append({"url": url, "post_ms": post_ms, "first_ms": first_ms,
                                         "first_status": first_status, "second_ms": second_ms,
                                         "second_status": second_status})
        if first_status != 200:
            self.error(f"publish {i}: the first reader of {url} got {first_status}")

    def first_reader(self, url):
        """Client wall time of the first GET of a just-published article on a new connection (connect,
        request, whole body), then of a second GET on the same connection (normally a cache hit)."""
        conn = http.client.HTTPConnection(HOST, self.a.port, timeout=30)
        out = []
        try:
            for _ in range(2):
                t0 = time.monotonic()
                conn.request("GET", url)
                r = conn.getresponse()
                r.read()
                out += [(time.monotonic() - t0) * 1000, r.status]
        except (ConnectionError, http.client.HTTPException, OSError) as e:
            self.error(f"first reader of {url}: {e}")
            out += [None, 0] * (2 - len(out) // 2)
        finally:
            conn.close()
        return out[0], out[1], out[2], out[3]

    def edit(self, n):
        path, view = self.edit_targets[(n - 1) % len(self.edit_targets)]
        status, _, page = self.client.get(path)
        form = form_with_action(page, path) if status == 200 else None
        if not form:
            self.error(f"edit {n}: GET {path} returned {status} without the editor form")
            return
        standfirst = re.sub(r" \(updated [^)]*\)$", "", field(form, "standfirst").rstrip())
        set_field(form, "standfirst", f"{standfirst} (updated {time.strftime('%H:%M:%S')}, edit {n})")
        t0 = time.monotonic()
        status, loc, page = self.client.post(path, form["fields"])
        ms = (time.monotonic() - t0) * 1000
        if status not in (302, 303):
            msg = re.search(rb'class="form-error"[^>]*>([^<]*)<', page or b"")
            self.error(f"edit {n} of {path}: POST returned {status}" + (f": {msg.group(1).decode()}" if msg else ""))
            return
        self.result["edits"].append({"article": path, "url": view, "post_ms": ms})

    def close_advert(self, n):
        if not self.live_jobs:
            return
        job = self.live_jobs.pop()
        cmd = [self.a.bin, "--db", self.a.db, "jobs", "close", str(job)]
        t0 = time.monotonic()
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
            rc, out = p.returncode, (p.stdout + p.stderr).strip()
        except subprocess.TimeoutExpired:
            rc, out = -1, "timed out after 30 s"
        ms = (time.monotonic() - t0) * 1000
        self.result["closes"].append({"job": job, "rc": rc, "ms": ms, "output": out[-300:]})
        if rc != 0:
            self.error(f"`jobs close {job}` exited {rc}: {out[-300:]}")

    def run(self):
        a = self.a
        # The schedule: staggered so the writes rarely coincide; nothing starts in the last 0.5 s.
        events = []
        for every, offset, kind in ((a.publish_every, 0.5, "publish"), (a.edit_every, 1.5, "edit"),
                                    (a.close_every, 2.0, "close")):
            if every > 0:
                t = offset
                while t <= a.duration - 0.5:
                    events.append((t, kind))
                    t += every
        events.sort()
        open(a.ready, "w").close()
        deadline = time.monotonic() + 600
        while not os.path.exists(a.go):
            if time.monotonic() > deadline:
                die("no go signal within 600 s")
            time.sleep(0.005)
        t0 = time.monotonic()
        counts = {"edit": 0, "close": 0}
        for t, kind in events:
            now = time.monotonic() - t0
            if now > a.duration - 0.25:  # the run is over: a slow write pushed the rest out
                self.result["late"] += 1
                continue
            if t > now:
                time.sleep(t - now)
            try:
                if kind == "publish":
                    self.publish()
                elif kind == "edit":
                    counts["edit"] += 1
                    self.edit(counts["edit"])
                else:
                    counts["close"] += 1
                    self.close_advert(counts["close"])
            except (ConnectionError, http.client.HTTPException, OSError) as e:
                self.error(f"{kind} at {t:.1f} s: {e}")
        self.result["elapsed"] = time.monotonic() - t0


def cmd_writer(argv):
    p = argparse.ArgumentParser(prog="publish_helper.py writer")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--bin", required=True)
    p.add_argument("--duration", type=float, required=True)
    p.add_argument("--publish-every", type=float, default=0)
    p.add_argument("--edit-every", type=float, default=0)
    p.add_argument("--close-every", type=float, default=0)
    p.add_argument("--email", required=True)
    p.add_argument("--password-file", required=True)
    p.add_argument("--ready", required=True)
    p.add_argument("--go", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--label", default="run")
    a = p.parse_args(argv)
    w = Writer(a)
    w.prepare()
    w.run()
    with open(a.out, "w") as f:
        json.dump(w.result, f, indent=1)


# ------------------------------------------------------------------------------------------- uncached
SEARCH_WORDS = ["housing", "flood", "budget", "council tax", "social care", "recycling", "planning",
                "devolution", "potholes", "schools", "homelessness", "audit", "net zero", "buses",
                "libraries", "pensions", "regeneration", "fostering", "elections", "parking",
                "leisure centres", "broadband", "cemeteries", "licensing", "waste", "tenants",
                "transport", "health", "procurement", "reorganisation"]
JOB_WORDS = ["officer", "social worker", "manager", "housing", "planning", "finance", "teacher",
             "engineer", "assistant", "director", "environmental health", "lawyer", "surveyor",
             "coordinator", "analyst", "librarian", "apprentice", "team leader", "care", "it"]


def spread(items, n, rnd):
    """n items chosen across the whole list (shuffled sample; repeats only when the list is shorter)."""
    if not items:
        return []
    if len(items) >= n:
        return rnd.sample(items, n)
    out = list(items)
    while len(out) < n:
        out.append(items[len(out) % len(items)])
    return out


def hrefs(body, pattern):
    rx = re.compile(pattern)
    return [html.unescape(h) for h in re.findall(r'href="([^"]+)"', body.decode("utf-8", "replace")) if rx.match(html.unescape(h))]


def uncached_url_sets(client, outdir, n):
    rnd = random.Random(7)
    articles = [l.strip() for l in open(os.path.join(outdir, "articles.txt")) if l.strip()]
    fronts = [l.strip() for l in open(os.path.join(outdir, "fronts.txt")) if l.strip()]
    sections = [f for f in fronts if f != "/"]
    sets = []
    sets.append(("article", spread(articles, n, rnd)))
    sets.append(("home /", ["/"] * n))
    sets.append(("section page 1", [sections[i % len(sections)] for i in range(n)]))
    # Section pages 2..last, spread over every section's whole range.
    later = []
    for s in sections:
        status, _, body = client.get(s)
        m = re.search(rb"Page 1 of (\d+)", body or b"")
        pages = int(m.group(1)) if status == 200 and m else 1
        later += [f"{s}?page={k}" for k in range(2, pages + 1)]
    sets.append(("section page 2+", spread(later, n, rnd)))
    # Authors and tags, from listing pages and a sample of articles.
    authors, tags = set(), set()
    for p in ["/"] + sections + spread(articles, 40, rnd):
        status, _, body = client.get(p)
        if status == 200:
            authors.update(hrefs(body, r"^/authors/[^/?#]+$"))
            tags.update(hrefs(body, r"^/tags/[^/?#]+$"))
    sets.append(("author page", spread(sorted(authors), n, rnd)))
    sets.append(("tag page", spread(sorted(tags), n, rnd)))
    status, _, body = client.get("/councils")
    councils = sorted(set(hrefs(body, r"^/councils/[^/?#]+$"))) if status == 200 else []
    sets.append(("council page", spread(councils, n, rnd)))
    q = urllib.parse.quote_plus
    sets.append(("search ?q=", [f"/search?q={q(SEARCH_WORDS[i % len(SEARCH_WORDS)])}" for i in range(n)]))
    sets.append(("jobs list ?q=", [f"/jobs?q={q(JOB_WORDS[i % len(JOB_WORDS)])}" for i in range(n)]))
    sets.append(("/feed.xml", ["/feed.xml"] * n))
    status, _, body = client.get("/sitemap.xml")
    parts = []
    if status == 200 and b"<sitemapindex" in body:
        parts = [p for p in (strip_base(x.decode()) for x in re.findall(rb"<loc>([^<]+)</loc>", body))
                 if re.fullmatch(r"/sitemaps/\d+\.xml", p)]
    parts = parts or ["/sitemaps/1.xml"]
    sets.append(("sitemap part", [parts[i % len(parts)] for i in range(n)]))
    return sets


def read_log_records(log, offset):
    recs = []
    with open(log, encoding="utf-8", errors="replace") as f:
        f.seek(offset)
        for line in f:
            if not line.startswith("{"):
                continue
            try:
                recs.append(json.loads(line))
            except ValueError:
                continue
    return recs


def cmd_uncached(port, log, outdir, n, maxsecs, out_tsv, label):
    n, maxsecs = int(n), float(maxsecs)
    client = Client(port, timeout=120)
    sets = uncached_url_sets(client, outdir, n)
    with open(out_tsv, "a") as out:
        for name, urls in sets:
            if not urls:
                print(f"   {name:<16} no URLs found, not measured", flush=True)
                out.write(f"{label}\t{name}\t0\t0\t0\t0\t0\t0\t0\n")
                continue
            for u in urls[:3]:  # warm-up, not counted
                client.get(u)
            time.sleep(0.2)
            offset = os.path.getsize(log)
            sent, bad = 0, 0
            deadline = time.monotonic() + maxsecs
            for u in urls:
                if time.monotonic() > deadline:
                    break
                status, _, _ = client.get(u)
                sent += 1
                bad += status != 200
            recs = []
            for _ in range(50):  # the log line is written after the response
                recs = read_log_records(log, offset)
                if len(recs) >= sent:
                    break
                time.sleep(0.1)
            us = [int(r["us"]) for r in recs if "us" in r]
            if not us:
                die(f"no access-log lines for {name} in {log}")
            size = statistics.mean(int(r.get("bytes", 0)) for r in recs)
            distinct = len(set(urls[:sent]))
            out.write(f"{label}\t{name}\t{len(us)}\t{statistics.median(us):.0f}\t{percentile(us, 0.95):.0f}\t"
                      f"{max(us)}\t{bad}\t{size:.0f}\t{distinct}\n")
            print(f"   {name:<16} {len(us):4d} requests ({distinct} distinct URLs)  p50 {statistics.median(us) / 1000:7.2f} ms"
                  f"  p95 {percentile(us, 0.95) / 1000:7.2f} ms  non-200 {bad}", flush=True)


# --------------------------------------------------------------------------------------------- report
ROW_LABELS = {
    "none": "none",
    "slow": "one publish every 10 s",
    "busy": "one publish every 2 s (+ edits + advert closes)",
    "nocache": "page cache off",
}


def cmd_report(rows_tsv, uncached_tsv, labels_arg):
    labels = [l for l in labels_arg.split(",") if l]
    rows = {}
    for line in open(rows_tsv, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 10:
            continue
        label, key, run = f[0], f[1], f[2]
        rps, p50, p99, non2xx, err, reqs = float(f[3]), float(f[4]), float(f[5]), int(f[6]), int(f[7]), int(f[8])
        wjson = f[9]
        r = rows.setdefault((label, key), {"rps": [], "p50": [], "p99": [], "non2xx": 0, "err": 0, "reqs": 0,
                                           "writers": [], "note": ""})
        r["rps"].append(rps)
        r["p50"].append(p50)
        r["p99"].append(p99)
        r["non2xx"] += non2xx
        r["err"] += err
        r["reqs"] += reqs
        if len(f) > 10:
            r["note"] = f[10]
        if wjson != "-" and os.path.exists(wjson):
            r["writers"].append(json.load(open(wjson)))
    unc = {}
    if uncached_tsv and os.path.exists(uncached_tsv):
        for line in open(uncached_tsv, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 9:
                unc.setdefault(f[0], []).append(f[1:])

    warnings = []
    for label in labels:
        print(f"### {label}")
        print()
        print("| writes | req/s | p99 | ratio vs no writes | p50 | runs (req/s) |")
        print("|---|---:|---:|---:|---:|---|")
        base = rows.get((label, "none"))
        base_rps = statistics.median(base["rps"]) if base else None
        for key in ("none", "slow", "busy", "nocache"):
            r = rows.get((label, key))
            if not r:
                continue
            rps, p99, p50 = statistics.median(r["rps"]), statistics.median(r["p99"]), statistics.median(r["p50"])
            ratio = f"{rps / base_rps:.2f}" if base_rps else "-"
            name = ROW_LABELS[key] + (f" [{r['note']}]" if r["note"] else "")
            runs = " ".join(f"{x:.0f}" for x in r["rps"])
            print(f"| {name} | {rps:.0f} | {p99:.2f} ms | {ratio} | {p50:.2f} ms | {runs} |")
            if r["non2xx"] or r["err"]:
                warnings.append(f"{label}, {ROW_LABELS[key]}: {r['non2xx']} non-2xx/3xx responses and {r['err']} "
                                f"socket errors out of {r['reqs']} requests")
        print()
        # Writes and the first reader.
        for key in ("slow", "busy"):
            r = rows.get((label, key))
            if not r or not r["writers"]:
                continue
            pubs = [p for w in r["writers"] for p in w["publishes"]]
            edits = [e for w in r["writers"] for e in w["edits"]]
            closes = [c for w in r["writers"] for c in w["closes"]]
            errors = [e for w in r["writers"] for e in w["errors"]]
            late = sum(w.get("late", 0) for w in r["writers"])
            first = [p["first_ms"] for p in pubs if p["first_ms"] is not None and p["first_status"] == 200]
            second = [p["second_ms"] for p in pubs if p["second_ms"] is not None and p["second_status"] == 200]
            post = [p["post_ms"] for p in pubs]
            line = f"{ROW_LABELS[key]}: {len(pubs)} published"
            if post:
                line += f" (save median {statistics.median(post):.1f} ms, max {max(post):.1f} ms)"
            if edits or key == "busy":
                em = [e["post_ms"] for e in edits]
                line += f", {len(edits)} edits" + (f" (median {statistics.median(em):.1f} ms)" if em else "")
            ok_closes = [c for c in closes if c["rc"] == 0]
            if key == "busy":
                line += f", {len(ok_closes)} adverts closed" + (
                    f" (command median {statistics.median([c['ms'] for c in ok_closes]):.0f} ms)" if ok_closes else "")
            if late:
                line += f", {late} writes skipped (the run ended first)"
            print(line + ".")
            if first:
                verdict = "met" if max(first) < 5 else ("met by the median, not the max" if statistics.median(first) < 5
                                                        else "NOT met")
                print(f"  first reader of a just-published article (client wall time, new connection, under load): "
                      f"median {statistics.median(first):.2f} ms, max {max(first):.2f} ms over {len(first)} "
                      f"(target < 5 ms: {verdict})")
            if second:
                print(f"  the same reader's second request (cached page, same load): median "
                      f"{statistics.median(second):.2f} ms, max {max(second):.2f} ms")
            for e in errors:
                warnings.append(f"{label}, {ROW_LABELS[key]}: writer: {e}")
        # Targets.
        busy, none = rows.get((label, "busy")), rows.get((label, "none"))
        if busy and none:
            ratio = statistics.median(busy["rps"]) / statistics.median(none["rps"])
            print(f"TARGET throughput with writes >= 0.9x without: {ratio:.2f}x ({'met' if ratio >= 0.9 else 'NOT met'})")
        p99s = [(k, statistics.median(rows[(label, k)]["p99"])) for k in ("none", "slow", "busy") if (label, k) in rows]
        if p99s:
            worst = max(p99s, key=lambda x: x[1])
            print(f"TARGET p99 < 10 ms with the page cache on: worst {worst[1]:.2f} ms ({ROW_LABELS[worst[0]]}; "
                  f"{'met' if worst[1] < 10 else 'NOT met'})")
        print()
        if label in unc:
            print(f"Uncached render time per page type ({label}; page cache off, one request at a time, server-side "
                  f"\"us\" from the access log):")
            print()
            print("| page type | requests | distinct URLs | p50 | p95 | max | avg size | non-200 |")
            print("|---|---:|---:|---:|---:|---:|---:|---:|")
            for name, cnt, p50, p95, mx, bad, size, distinct in unc[label]:
                if cnt == "0":
                    print(f"| {name} | 0 | - | - | - | - | - | - |")
                    continue
                print(f"| {name} | {cnt} | {distinct} | {int(p50) / 1000:.2f} ms | {int(p95) / 1000:.2f} ms | "
                      f"{int(mx) / 1000:.2f} ms | {int(size) / 1024:.1f} KB | {bad} |")
                if int(bad):
                    warnings.append(f"{label}, uncached {name}: {bad} non-200 responses")
            print()
    for w in warnings:
        print("WARNING: " + w)
    if not warnings:
        print("No warnings: every wrk run had 0 non-2xx/3xx responses and 0 socket errors, and every write succeeded.")


def main():
    a = sys.argv[1:]
    if not a or a[0] in ("-h", "--help"):
        print(__doc__)
        return
    cmd, args = a[0], a[1:]
    if cmd == "collect":
        cmd_collect(*args)
    elif cmd == "fetch-all":
        cmd_fetch_all(*args)
    elif cmd == "writer":
        cmd_writer(args)
    elif cmd == "uncached":
        cmd_uncached(*args)
    elif cmd == "report":
        cmd_report(*args)
    else:
        die(f"unknown subcommand '{cmd}'")


if __name__ == "__main__":
    main()
