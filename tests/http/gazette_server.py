"""Helpers for Gazette's HTTP integration tests (Python standard library only).

Builds a database with the real `gazette` binary (`import listing`, `demo-data`), starts
`gazette serve` on a free loopback port, and offers small clients: http.client requests, raw
socket exchanges and a tolerant HTML tree builder for asserting on page structure.

Environment:
  GAZETTE_BIN         the binary (CTest sets it; default: the newest of build-test/, build/, build-asan/
                      and build-rel/ gazette under the repository root). No binary is a failure, never a skip.
  GAZETTE_SOURCE_DIR  the repository root (default: two directories above this file)
  GAZETTE_SHARED_DIR  the development material beside the repository (default: GAZETTE_SOURCE_DIR/../shared)
  CI                  "true" turns every skip for a missing optional tool or file into a failure
"""

import html.parser
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("GAZETTE_SOURCE_DIR") or os.path.dirname(os.path.dirname(HERE))
BUILD_DIRS = ("build-test", "build", "build-asan", "build-rel")
BIN_NOT_FOUND = "gazette binary not found: set GAZETTE_BIN or build with scripts/test"


def in_ci():
    """True under CI (CI=true), where a missing tool or file fails a test instead of skipping it."""
    return os.environ.get("CI", "").strip().lower() == "true"


def skip_or_fail(reason):
    """Raised where something optional is missing: a skip locally, a failure when CI=true."""
    if in_ci():
        return AssertionError("%s (CI=true: a missing prerequisite is a failure, not a skip)" % reason)
    return unittest.SkipTest(reason)


def is_executable(path):
    return os.path.isfile(path) and os.access(path, os.X_OK)


def find_binary():
    """GAZETTE_BIN when set (even if wrong: require_binary() then fails); otherwise the newest
    gazette in the repository's build directories; None when there is none."""
    explicit = os.environ.get("GAZETTE_BIN")
    if explicit:
        return explicit
    found = [os.path.join(SOURCE_DIR, d, "gazette") for d in BUILD_DIRS]
    found = [p for p in found if is_executable(p)]
    if not found:
        return None
    return max(found, key=os.path.getmtime)


BIN = find_binary()


def require_binary():
    """Fails (never skips) when there is no gazette binary to test."""
    if BIN is None:
        raise AssertionError("%s (looked for %s under %s)" % (BIN_NOT_FOUND, ", ".join(
            d + "/gazette" for d in BUILD_DIRS), SOURCE_DIR))
    if not is_executable(BIN):
        raise AssertionError("%s (GAZETTE_BIN=%s is not an executable file)" % (BIN_NOT_FOUND, BIN))
    return BIN


FIXTURES = os.path.join(SOURCE_DIR, "tests", "fixtures", "listing")
SHARED_DIR = os.path.normpath(os.environ.get("GAZETTE_SHARED_DIR") or os.path.join(SOURCE_DIR, "..", "shared"))
SEEDS = os.path.join(SHARED_DIR, "seeds")

# Every fixture that imports cleanly (invalid_utf8.txt is rejected on purpose).
VALID_FIXTURES = [
    "article_page.txt",
    "best_practice.txt",
    "bullets.txt",
    "crlf.txt",
    "truncated_headline.txt",
    "truncated_summary.txt",
    "whitespace.txt",
]

HOST = "127.0.0.1"
START_TIMEOUT = 10.0
STOP_TIMEOUT = 15.0  # the server's own grace period is 10 s


def fixture(name):
    return os.path.join(FIXTURES, name)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def base_env(extra=None):
    """The environment for a gazette process: no GAZETTE_* leaking in from the caller."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAZETTE_")}
    env["GAZETTE_ACCESS_LOG"] = "false"
    if extra:
        env.update(extra)
    return env


# On PostgreSQL (GAZETTE_TEST_BACKEND=postgresql, tests/pg/run.sh) every SQLite path a test names is a
# database of its own on the server GAZETTE_TEST_PG: the same test files run on both backends.
PG_URL = os.environ.get("GAZETTE_TEST_PG") if os.environ.get("GAZETTE_TEST_BACKEND") == "postgresql" else None
_pg_databases = {}


def on_postgresql():
    return PG_URL is not None


def skip_on_postgresql(reason):
    """Marks a test (or class) that is about the SQLite file itself; reason says why."""
    return unittest.skipIf(on_postgresql(), "SQLite only: " + reason)


def pg_url_for(name):
    base, _, query = PG_URL.partition("?")
    return base[: base.rfind("/") + 1] + name + ("?" + query if query else "")


def _psql(sql):
    subprocess.run(["psql", PG_URL, "-qXc", sql], check=True, capture_output=True, text=True, timeout=60)


def _drop_pg_databases():
    for name in _pg_databases.values():
        try:
            _psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)
        except (subprocess.SubprocessError, OSError):
            pass


def database(db):
    """The address gazette is given for `db`: the path itself on SQLite; on PostgreSQL a new database
    for each path (made on first use, dropped when the tests end)."""
    if db is None or not on_postgresql() or "://" in db or "=" in db:
        return db
    path = os.path.abspath(db)
    if path not in _pg_databases:
        if not _pg_databases:
            import atexit
            atexit.register(_drop_pg_databases)
        import hashlib
        name = "gazette_http_%s_%d" % (hashlib.sha1(path.encode()).hexdigest()[:16], os.getpid())
        _psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)
        _psql("CREATE DATABASE %s" % name)
        _pg_databases[path] = name
    return pg_url_for(_pg_databases[path])


class _PgCursor:
    def __init__(self, rows, rowcount):
        self._rows = rows
        self.rowcount = rowcount
        self.connection = None

    def fetchone(self):
        return self._rows[0] if self._rows else None

    def fetchall(self):
        return list(self._rows)

    def __iter__(self):
        return iter(self._rows)


class _PgConnection:
    """What tests use of sqlite3's connection (execute with ? parameters, fetchone/fetchall, with-block,
    close), on a PostgreSQL database through psql: tests read the site's rows the same way on both."""

    _NULL = "\x01NULL\x01"

    def __init__(self, url):
        self.url = url

    @staticmethod
    def _literal(v):
        if v is None:
            return "NULL"
        if isinstance(v, bool):
            return "1" if v else "0"
        if isinstance(v, (int, float)):
            return repr(v)
        return "'" + str(v).replace("'", "''") + "'"

    @staticmethod
    def _value(text, kind):
        if text == _PgConnection._NULL:
            return None
        if kind in ("bigint", "integer", "smallint"):
            return int(text)
        if kind in ("double precision", "real", "numeric"):
            return float(text)
        if kind == "boolean":
            return 1 if text == "t" else 0
        return text

    def execute(self, sql, params=()):
        parts = sql.split("?")
        if len(parts) - 1 != len(params):
            raise ValueError("%d parameters for %d placeholders" % (len(params), len(parts) - 1))
        text = parts[0] + "".join(self._literal(v) + rest for v, rest in zip(params, parts[1:]))
        # The SQLite spellings tests use: group_concat(x[, sep]).
        text = re.sub(r"group_concat\(([^,()]+)\)", r"string_agg((\1)::text, ',')", text)
        text = re.sub(r"group_concat\(([^,()]+),\s*('[^']*')\)", r"string_agg((\1)::text, \2)", text)
        text = text.strip().rstrip(";")
        # The result's column types first (\gdesc), so numbers come back as numbers and text as text.
        script = "%s \\gdesc\n\\echo \x1d\n%s;\n" % (text, text)
        proc = subprocess.run(["psql", self.url, "-XAtq", "-v", "ON_ERROR_STOP=1", "-F", "\x1f", "-R", "\x1e",
                               "-P", "null=" + self._NULL], input=script, capture_output=True, text=True, timeout=60)
        if proc.returncode != 0:
            raise RuntimeError("psql: %s\n%s" % (proc.stderr, text))
        desc, _, out = proc.stdout.partition("\x1d\n")
        types = [r.split("\x1f")[1] for r in desc.strip("\n").split("\x1e") if "\x1f" in r]
        out = out.rstrip("\n")
        rows = []
        for r in (out.split("\x1e") if out else []):
            fields = r.split("\x1f")
            rows.append(tuple(self._value(f, types[i] if i < len(types) else "text") for i, f in enumerate(fields)))
        cur = _PgCursor(rows, len(rows))
        cur.connection = self
        return cur

    def commit(self):
        pass

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def connect_db(db, **kwargs):
    """sqlite3.connect(db) on SQLite; on PostgreSQL the same calls through psql (_PgConnection)."""
    if on_postgresql():
        return _PgConnection(database(db))
    import sqlite3
    return sqlite3.connect(db, **kwargs)


def media_env(db, env):
    """On PostgreSQL a site keeps its pictures in ./media unless told: put them beside the path the test
    named, where they are on SQLite (DATABASE.media)."""
    if not on_postgresql() or db is None or database(db) == db:
        return env
    out = {"GAZETTE_MEDIA_DIR": db + ".media"}
    out.update(env or {})
    return out


def run_cli(*args, db=None, env=None, timeout=120, cwd=None):
    """Runs `gazette [--db DB] ARGS...`; returns the CompletedProcess (text mode)."""
    cmd = [require_binary()]
    env = media_env(db, env)
    if db is not None:
        cmd += ["--db", database(db)]
    cmd += [str(a) for a in args]
    return subprocess.run(cmd, capture_output=True, text=True, env=base_env(env), timeout=timeout, cwd=cwd)


def import_listing(db, *files, env=None):
    """`gazette --db DB import listing --json FILES`; returns (CompletedProcess, parsed JSON or None)."""
    proc = run_cli("import", "listing", "--json", *files, db=db, env=env)
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        report = None
    return proc, report


def demo_data(db, articles, seed=1):
    proc = run_cli("demo-data", "--articles", articles, "--seed", seed, "--quiet", db=db)
    if proc.returncode != 0:
        raise RuntimeError("demo-data failed: %s %s" % (proc.stdout, proc.stderr))
    return proc


class Response:
    def __init__(self, status, reason, headers, body):
        self.status = status
        self.reason = reason
        self.headers = headers  # http.client.HTTPMessage: case-insensitive get()
        self.body = body

    def header(self, name, default=None):
        return self.headers.get(name, default)

    @property
    def text(self):
        return self.body.decode("utf-8")

    def __repr__(self):
        return "<Response %d %s, %d bytes>" % (self.status, self.reason, len(self.body))


class GazetteServer:
    """One `gazette serve` process on a free loopback port."""

    def __init__(self, db, workdir, env=None):
        self.db = db
        self.workdir = workdir
        self.extra_env = dict(env or {})
        self.proc = None
        self.port = None
        self.log_path = os.path.join(workdir, "server.log")

    @property
    def base_url(self):
        return "http://%s:%d" % (HOST, self.port)

    def start(self):
        last_error = None
        for _attempt in range(3):  # the free port could be taken between probing and binding
            self.port = free_port()
            env = {"GAZETTE_BASE_URL": self.base_url}
            env.update(media_env(self.db, self.extra_env))
            log = open(self.log_path, "ab")
            self.proc = subprocess.Popen(
                [require_binary(), "--db", database(self.db), "serve", "--listen", "%s:%d" % (HOST, self.port)],
                stdout=log, stderr=subprocess.STDOUT, env=base_env(env), cwd=self.workdir)
            log.close()
            try:
                self._wait_healthy()
                return self
            except RuntimeError as e:
                last_error = e
                if self.proc.poll() is None:
                    self.proc.kill()
                    self.proc.wait()
        raise RuntimeError("gazette serve did not start: %s\n%s" % (last_error, self.log()))

    def _wait_healthy(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("exited with %s" % self.proc.returncode)
            try:
                if self.request("GET", "/healthz", timeout=1).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("no 200 from /healthz within %.0f s" % START_TIMEOUT)

    def log(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")[-4000:]
        except OSError:
            return ""

    def stop(self, timeout=STOP_TIMEOUT):
        """SIGTERM and wait; returns the exit code (None if it had to be killed)."""
        if self.proc is None:
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return None
        return self.proc.returncode

    # --- clients -------------------------------------------------------------------------------

    def connection(self, timeout=10):
        return http.client.HTTPConnection(HOST, self.port, timeout=timeout)

    def request(self, method, path, headers=None, body=None, timeout=10):
        conn = self.connection(timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return Response(r.status, r.reason, r.headers, r.read())
        finally:
            conn.close()

    def get(self, path, headers=None):
        return self.request("GET", path, headers)

    def head(self, path, headers=None):
        return self.request("HEAD", path, headers)

    def raw(self, data, timeout=10, shutdown_write=False):
        """Sends raw bytes, then reads until the server closes the connection (or timeout)."""
        with socket.create_connection((HOST, self.port), timeout=timeout) as s:
            try:
                s.sendall(data)
                if shutdown_write:
                    s.shutdown(socket.SHUT_WR)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return read_until_closed(s)


def read_until_closed(sock):
    chunks = []
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    except ConnectionResetError:
        pass
    return b"".join(chunks)


def status_of(raw_response):
    """The status code of the first response in raw bytes, or None."""
    line = raw_response.split(b"\r\n", 1)[0]
    parts = line.split(b" ")
    if len(parts) >= 2 and parts[0].startswith(b"HTTP/1.") and parts[1].isdigit():
        return int(parts[1])
    return None


class ServerTestCase(unittest.TestCase):
    """Starts one server per test class over a database built in setUpClass.

    Subclasses set `fixtures` (listing files to import), `demo_articles` and may override
    `extra_listings()` to write more listing files into cls.tmp before the import.
    """

    fixtures = VALID_FIXTURES
    demo_articles = 0
    server_env = None

    @classmethod
    def extra_listings(cls):
        return []

    @classmethod
    def prepare_db(cls):
        """Runs after the imports, before the server starts (more CLI commands on cls.db)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        require_binary()
        cls.tmp = tempfile.mkdtemp(prefix="gazette-http-")
        cls.db = os.path.join(cls.tmp, "gazette.db")
        try:
            files = [fixture(f) for f in cls.fixtures] + list(cls.extra_listings())
            if files:
                proc, report = import_listing(cls.db, *files)
                if proc.returncode != 0:
                    raise RuntimeError("import failed: %s %s" % (proc.stdout, proc.stderr))
                cls.import_report = report
            if cls.demo_articles:
                demo_data(cls.db, cls.demo_articles)
            cls.prepare_db()
            cls.server = GazetteServer(cls.db, cls.tmp, cls.server_env).start()
        except BaseException:
            shutil.rmtree(cls.tmp, ignore_errors=True)
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            code = cls.server.stop()
            log = cls.server.log()
        finally:
            shutil.rmtree(cls.tmp, ignore_errors=True)
        super().tearDownClass()
        if code != 0:
            raise AssertionError("gazette serve exited with %r after SIGTERM (want 0)\n%s" % (code, log))

    # Conveniences for tests.
    def get(self, path, headers=None):
        return self.server.get(path, headers)

    def get_ok(self, path, headers=None):
        r = self.server.get(path, headers)
        self.assertEqual(r.status, 200, "GET %s -> %d: %r" % (path, r.status, r.body[:300]))
        return r

    def get_page(self, path):
        r = self.get_ok(path)
        return parse_html(r.text)

    def url(self, path):
        return self.server.base_url + path


# --- HTML -----------------------------------------------------------------------------------------

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                 "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []  # Node or str

    def get(self, name, default=None):
        return self.attrs.get(name, default)

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def text(self):
        out = []
        for c in self.children:
            out.append(c if isinstance(c, str) else c.text())
        return "".join(out)

    def clean_text(self):
        return " ".join(self.text().split())

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        result = []
        for n in self.iter():
            if tag is not None and n.tag != tag:
                continue
            if cls is not None and cls not in n.classes():
                continue
            if any(n.attrs.get(k.rstrip("_").replace("_", "-")) != v for k, v in attrs.items()):
                continue
            result.append(n)
        return result

    def find(self, tag=None, cls=None, **attrs):
        found = self.find_all(tag, cls, **attrs)
        return found[0] if found else None

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent

    def __repr__(self):
        return "<%s %r>" % (self.tag, self.attrs)


class TreeBuilder(html.parser.HTMLParser):
    """A small, tolerant DOM: enough to count elements, read text and check nesting."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.errors = []  # mismatched or unclosed tags
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID_ELEMENTS:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        n = self.current
        while n is not None and n.tag != tag:
            n = n.parent
        if n is None:
            self.errors.append("stray </%s>" % tag)
            return
        if n is not self.current:
            self.errors.append("</%s> closes unclosed <%s>" % (tag, self.current.tag))
        self.current = n.parent

    def handle_data(self, data):
        self.current.children.append(data)

    def close(self):
        super().close()
        if self.current is not self.root:
            self.errors.append("unclosed <%s> at end of document" % self.current.tag)


class Page:
    def __init__(self, source):
        builder = TreeBuilder()
        builder.feed(source)
        builder.close()
        self.source = source
        self.root = builder.root
        self.errors = builder.errors
        self.doctype = builder.doctype

    def find_all(self, *a, **k):
        return self.root.find_all(*a, **k)

    def find(self, *a, **k):
        return self.root.find(*a, **k)

    def headings(self):
        return [(int(n.tag[1]), n.clean_text()) for n in self.root.iter()
                if len(n.tag) == 2 and n.tag[0] == "h" and n.tag[1] in "123456"]

    def h1_text(self):
        h1s = self.find_all("h1")
        return h1s[0].clean_text() if h1s else None

    def meta_property(self, prop):
        m = self.find("meta", property=prop)
        return m.get("content") if m else None

    def canonical(self):
        link = [n for n in self.find_all("link") if n.get("rel") == "canonical"]
        return link[0].get("href") if link else None

    def json_ld(self):
        scripts = self.find_all("script", type="application/ld+json")
        return [json.loads(s.text()) for s in scripts]

    def main(self):
        return self.find("main")


def parse_html(text):
    return Page(text)
