"""HTTP behaviour: conditional requests, compression, headers, cache invalidation, keep-alive,
malformed requests, methods and graceful shutdown."""

import gzip
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import unittest

from gazette_server import (HOST, GazetteServer, ServerTestCase, fixture, import_listing, parse_html,
                            read_until_closed, require_binary, status_of)

PARISH = "/news/2022/05/19/parish-precepts-under-the-microscope"
CACHED_PATHS = ("/", "/news", PARISH, "/authors/marguerite-oyelaran-pike", "/feed.xml", "/atom.xml",
                "/sitemap.xml", "/robots.txt", "/static/style.css")

FRESH_HEADLINE = "Harbour authority trials electric pilot boats"
FRESH_LISTING = """\u2022 %s

    3 March 2025

    Two launches on the estuary now run on batteries, and the crews say they will not go back, writes Ottoline Brackenbury.
""" % FRESH_HEADLINE


class CacheAndProtocolTest(ServerTestCase):
    """Over the fixtures alone: the newest is from 2022, so a 2025 item imported later leads the home page."""

    # --- conditional requests ------------------------------------------------------------------------

    def test_etag_and_if_none_match_gives_304(self):
        for path in ("/", "/news", PARISH, "/feed.xml"):
            with self.subTest(path=path):
                r = self.get_ok(path)
                etag = r.header("ETag")
                self.assertRegex(etag, r'^(W/)?"[^"]+"$')
                again = self.get(path, {"If-None-Match": etag})
                self.assertEqual(again.status, 304)
                self.assertEqual(again.body, b"")
                self.assertEqual(again.header("ETag"), etag)
                # A list containing the tag, and the weak form, also match.
                self.assertEqual(self.get(path, {"If-None-Match": '"other", ' + etag}).status, 304)
                self.assertEqual(self.get(path, {"If-None-Match": "W/" + etag}).status, 304)
                # A different tag gets the full page.
                other = self.get(path, {"If-None-Match": '"not-the-etag"'})
                self.assertEqual(other.status, 200)
                self.assertEqual(other.body, r.body)

    def test_304_has_no_body_on_the_wire(self):
        etag = self.get_ok("/").header("ETag")
        with socket.create_connection((HOST, self.server.port), timeout=10) as s:
            s.sendall(("GET / HTTP/1.1\r\nHost: t\r\nIf-None-Match: %s\r\n\r\n"
                       "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n" % etag).encode())
            data = read_until_closed(s)
        head, _, rest = data.partition(b"\r\n\r\n")
        self.assertEqual(status_of(head), 304)
        self.assertTrue(rest.startswith(b"HTTP/1.1 200"), "bytes after the 304 headers: %r" % rest[:80])

    def test_if_modified_since(self):
        r = self.get_ok("/news")
        lm = r.header("Last-Modified")
        self.assertRegex(lm, r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$")
        again = self.get("/news", {"If-Modified-Since": lm})
        self.assertEqual(again.status, 304)
        self.assertEqual(again.body, b"")
        older = self.get("/news", {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
        self.assertEqual(older.status, 200)
        self.assertEqual(older.body, r.body)

    def test_if_none_match_wins_over_if_modified_since(self):
        r = self.get_ok("/")
        mixed = self.get("/", {"If-None-Match": '"stale"', "If-Modified-Since": r.header("Last-Modified")})
        self.assertEqual(mixed.status, 200)

    def test_cache_headers(self):
        for path in CACHED_PATHS:
            with self.subTest(path=path):
                r = self.get_ok(path)
                self.assertTrue(r.header("ETag"))
                self.assertTrue(r.header("Last-Modified"))
                self.assertEqual(r.header("Cache-Control"), "public, max-age=60, stale-while-revalidate=60")
                vary = [v.strip().lower() for v in (r.header("Vary") or "").split(",")]
                self.assertIn("accept-encoding", vary)

    def test_error_and_redirect_responses_are_not_marked_cacheable(self):
        for path, status in (("/no-such-page", 404), ("/news?page=abc", 400),
                             ("/comment/2022/05/19/parish-precepts-under-the-microscope", 301)):
            with self.subTest(path=path):
                r = self.get(path)
                self.assertEqual(r.status, status)
                self.assertNotIn("public", r.header("Cache-Control") or "")

    def test_date_header(self):
        # RFC 9110 section 6.6.1: an origin server with a clock sends Date on 2xx, 3xx and 4xx responses.
        for path in ("/", "/healthz", "/no-such-page"):
            with self.subTest(path=path):
                self.assertIsNotNone(self.get(path).header("Date"), "no Date header on %s" % path)

    # --- compression -------------------------------------------------------------------------------

    def test_gzip(self):
        for path in ("/", PARISH, "/feed.xml", "/static/style.css"):
            with self.subTest(path=path):
                plain = self.get_ok(path)
                self.assertIsNone(plain.header("Content-Encoding"))
                z = self.get_ok(path, {"Accept-Encoding": "gzip"})
                self.assertEqual(z.header("Content-Encoding"), "gzip")
                self.assertEqual(z.header("Content-Length"), str(len(z.body)))
                self.assertLess(len(z.body), len(plain.body))
                self.assertEqual(gzip.decompress(z.body), plain.body)
                self.assertEqual(z.header("ETag"), plain.header("ETag"))

    def test_brotli(self):
        plain = self.get_ok("/")
        br = self.get_ok("/", {"Accept-Encoding": "gzip, deflate, br"})
        self.assertEqual(br.header("Content-Encoding"), "br")
        self.assertTrue(br.body)
        self.assertLess(len(br.body), len(plain.body))
        self.assertNotEqual(br.body, plain.body)

    def test_accept_encoding_negotiation(self):
        cases = {
            "br;q=0, gzip": "gzip",
            "GZIP": "gzip",
            "gzip;q=0": None,
            "identity": None,
            "deflate": None,
            "br": "br",
            "*;q=0, gzip": "gzip",
        }
        for value, expected in cases.items():
            with self.subTest(accept_encoding=value):
                r = self.get_ok("/news", {"Accept-Encoding": value})
                self.assertEqual(r.header("Content-Encoding"), expected)

    def test_compressed_304(self):
        z = self.get_ok("/", {"Accept-Encoding": "gzip"})
        again = self.get("/", {"Accept-Encoding": "gzip", "If-None-Match": z.header("ETag")})
        self.assertEqual(again.status, 304)

    # --- headers -----------------------------------------------------------------------------------

    def test_security_headers(self):
        for method, path in (("GET", "/"), ("GET", PARISH), ("GET", "/feed.xml"), ("GET", "/no-such-page"),
                             ("GET", "/news?page=abc"), ("GET", "/healthz"),
                             ("GET", "/comment/2022/05/19/parish-precepts-under-the-microscope"), ("POST", "/")):
            with self.subTest(method=method, path=path):
                r = self.server.request(method, path)
                csp = r.header("Content-Security-Policy") or ""
                self.assertIn("default-src 'self'", csp)
                self.assertIn("frame-ancestors 'none'", csp)
                self.assertIn("object-src 'none'", csp)
                self.assertEqual(r.header("X-Content-Type-Options"), "nosniff")
                self.assertIn(r.header("X-Frame-Options"), ("DENY", "SAMEORIGIN"))
                self.assertTrue(r.header("Referrer-Policy"))

    def test_content_types(self):
        expected = {"/": "text/html; charset=utf-8", "/feed.xml": "application/rss+xml; charset=utf-8",
                    "/atom.xml": "application/atom+xml; charset=utf-8",
                    "/sitemap.xml": "application/xml; charset=utf-8", "/robots.txt": "text/plain; charset=utf-8",
                    "/static/style.css": "text/css; charset=utf-8"}
        for path, ctype in expected.items():
            with self.subTest(path=path):
                self.assertEqual(self.get_ok(path).header("Content-Type"), ctype)

    def test_static_assets_cannot_escape_the_theme(self):
        for path in ("/static/..%2F..%2F..%2Fetc%2Fpasswd", "/static/%2E%2E", "/static/nope.css",
                     "/static/..%2Fhome.tpl"):
            with self.subTest(path=path):
                r = self.get(path)
                self.assertIn(r.status, (400, 404))
                self.assertNotIn(b"root:", r.body)
                self.assertNotIn(b"AUTOESCAPE", r.body)

    def test_parameters_a_page_does_not_read_make_no_new_pages(self):
        # Tracking tags and made-up parameters share the page's one cache entry instead of filling memory.
        self.get_ok("/news?page=1&utm_source=first")
        for i in range(5):
            r = self.get("/news?page=1&utm_source=n%d&x=%d" % (i, i))
            self.assertEqual(r.status, 200)
            self.assertEqual(r.header("X-Cache"), "HIT", "utm_source=n%d made a new page" % i)
        # The job feed is built once per job-index version and kept outside the page cache (see
        # test_large_feeds): a made-up parameter gets the same document.
        feed = self.get_ok("/jobs/feed.xml")
        r = self.get("/jobs/feed.xml?x=12345")
        self.assertEqual(r.header("ETag"), feed.header("ETag"))
        # A parameter the page reads still makes its own page.
        self.assertNotEqual(self.get_ok("/search?q=council").text, self.get_ok("/search?q=budget").text)

    def test_one_form_of_each_path_before_any_rule(self):
        # Doubled or encoded slashes reach the newsroom as /newsroom, with its never-cache rule.
        for path in ("//newsroom/login", "/%2Fnewsroom/login", "/newsroom//login"):
            with self.subTest(path=path):
                r = self.get(path)
                self.assertEqual(r.status, 200)
                self.assertEqual(r.header("Cache-Control"), "no-store")
                self.assertIsNone(r.header("X-Cache"))
        self.assertEqual(self.get("/news/").status, 200)
        self.assertEqual(self.get("/news/.././newsroom").status, 400)

    # --- invalidation ------------------------------------------------------------------------------

    def poll_for(self, path, text, seconds=2.0):
        deadline = time.monotonic() + seconds
        while True:
            body = self.get_ok(path).text
            if text in body or time.monotonic() > deadline:
                return body
            time.sleep(0.02)

    def test_import_while_serving_updates_pages(self):
        before = self.get_ok("/")
        etag_before = before.header("ETag")
        self.assertNotIn(FRESH_HEADLINE, before.text)
        self.assertEqual(self.get("/", {"If-None-Match": etag_before}).status, 304)
        listing = os.path.join(self.tmp, "fresh.txt")
        with open(listing, "w", encoding="utf-8") as f:
            f.write(FRESH_LISTING)
        proc, report = import_listing(self.db, listing)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(report["added"], 1)
        deadline = time.monotonic() + 2.0
        while True:
            r = self.get_ok("/")
            if FRESH_HEADLINE in r.text or time.monotonic() > deadline:
                break
            time.sleep(0.02)
        self.assertIn(FRESH_HEADLINE, r.text, "the new article did not appear within 2 s")
        self.assertNotEqual(r.header("ETag"), etag_before)
        # The old validator no longer matches.
        stale = self.get("/", {"If-None-Match": etag_before})
        self.assertEqual(stale.status, 200)
        self.assertIn(FRESH_HEADLINE, stale.text)
        # Other cached pages follow: the feed (served stale once while it re-renders, then fresh) and
        # the new article itself, whose first reader gets it at once.
        self.assertIn(FRESH_HEADLINE, self.poll_for("/feed.xml", FRESH_HEADLINE))
        page = self.get_page("/news/2025/03/03/harbour-authority-trials-electric-pilot-boats")
        self.assertEqual(page.h1_text(), FRESH_HEADLINE)

    # --- connections -------------------------------------------------------------------------------

    def test_keep_alive(self):
        conn = self.server.connection()
        try:
            sock = None
            for method, path, status in (("GET", "/", 200), ("GET", "/news", 200), ("HEAD", PARISH, 200),
                                         ("GET", "/no-such-page", 404), ("GET", "/feed.xml", 200),
                                         ("GET", "/comment/2022/05/19/parish-precepts-under-the-microscope", 301),
                                         ("GET", "/healthz", 200)):
                conn.request(method, path)
                r = conn.getresponse()
                r.read()
                self.assertEqual(r.status, status, path)
                self.assertFalse(r.will_close, "%s %s closed the connection" % (method, path))
                if sock is None:
                    sock = conn.sock
                self.assertIs(conn.sock, sock, "a new connection was opened for %s" % path)
        finally:
            conn.close()

    def test_pipelined_requests_answered_in_order(self):
        with socket.create_connection((HOST, self.server.port), timeout=10) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"
                      b"GET /no-such-page HTTP/1.1\r\nHost: t\r\n\r\n"
                      b"GET /robots.txt HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            data = read_until_closed(s)
        starts = [i for i in range(len(data)) if data.startswith(b"HTTP/1.1 ", i)]
        self.assertEqual([status_of(data[i:]) for i in starts], [200, 404, 200])

    def test_concurrent_clients_get_consistent_pages(self):
        paths = ("/", "/news", PARISH, "/feed.xml", "/sitemap.xml", "/no-such-page", "/static/style.css")
        encodings = ("", "gzip", "br")
        expected = {}
        for path in paths:
            for enc in encodings:
                r = self.get(path, {"Accept-Encoding": enc} if enc else {})
                expected[(path, enc)] = (r.status, r.body)
        failures = []

        def client(n):
            conn = self.server.connection()
            try:
                for i in range(30):
                    path, enc = paths[(n + i) % len(paths)], encodings[i % len(encodings)]
                    conn.request("GET", path, headers={"Accept-Encoding": enc} if enc else {})
                    r = conn.getresponse()
                    got = (r.status, r.read())
                    if got != expected[(path, enc)]:
                        failures.append((path, enc, got[0]))
            except Exception as e:  # reported below
                failures.append(("exception", repr(e)))
            finally:
                conn.close()

        threads = [threading.Thread(target=client, args=(n,)) for n in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        self.assertEqual(failures, [])
        self.assert_still_serving()

    def test_http_1_0(self):
        data = self.server.raw(b"GET /healthz HTTP/1.0\r\n\r\n")
        self.assertTrue(data.startswith(b"HTTP/1.0 200"), data[:50])
        self.assertTrue(data.endswith(b"\r\n\r\nok\n"))

    # --- malformed requests --------------------------------------------------------------------------

    def assert_still_serving(self):
        r = self.get("/healthz")
        self.assertEqual(r.status, 200)
        self.assertIsNone(self.server.proc.poll(), "the server exited")

    def test_malformed_requests_get_400(self):
        cases = {
            "garbage bytes": b"\x00\x01\x02\xff\xfe garbage \x7f\r\n\r\n",
            "bad request line": b"HELLO\r\n\r\n",
            "unknown version": b"GET / HTTP/7.2\r\nHost: t\r\n\r\n",
            "space in target": b"GET /a b HTTP/1.1\r\nHost: t\r\n\r\n",
            "invalid percent-encoding": b"GET /%zz HTTP/1.1\r\nHost: t\r\n\r\n",
            "invalid percent-encoding in query": b"GET /news?page=%zz HTTP/1.1\r\nHost: t\r\n\r\n",
            "encoded NUL": b"GET /news%00 HTTP/1.1\r\nHost: t\r\n\r\n",
            "header without colon": b"GET / HTTP/1.1\r\nHost: t\r\nThis line has no colon\r\n\r\n",
            "bad content-length": b"POST / HTTP/1.1\r\nHost: t\r\nContent-Length: lots\r\n\r\n",
            "conflicting content-length": b"POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
            "bad chunk size": b"POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n",
        }
        for name, data in cases.items():
            with self.subTest(case=name):
                reply = self.server.raw(data, shutdown_write=True)
                self.assertEqual(status_of(reply), 400, "%s: %r" % (name, reply[:120]))
                self.assert_still_serving()

    def test_oversized_headers_get_431(self):
        data = b"GET / HTTP/1.1\r\nHost: t\r\nX-Padding: " + b"p" * 20 * 1024 + b"\r\n\r\n"
        reply = self.server.raw(data)
        self.assertEqual(status_of(reply), 431, reply[:120])
        self.assert_still_serving()
        many = b"GET / HTTP/1.1\r\nHost: t\r\n" + b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 100) for i in range(200)) + b"\r\n"
        self.assertEqual(status_of(self.server.raw(many)), 431)
        self.assert_still_serving()

    def test_long_url_within_limits_is_served(self):
        r = self.get("/" + "a" * 8000)
        self.assertEqual(r.status, 404)
        self.assert_still_serving()

    def test_oversized_body_is_refused(self):
        size = 2 * 1024 * 1024
        with socket.create_connection((HOST, self.server.port), timeout=10) as s:
            s.sendall(b"POST / HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % size)
            try:
                s.sendall(b"x" * size)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server may close early: allowed
            reply = read_until_closed(s)
        if reply:
            self.assertEqual(status_of(reply), 413, reply[:120])
        self.assert_still_serving()

    def test_slow_partial_request_does_not_block_others(self):
        with socket.create_connection((HOST, self.server.port), timeout=10) as s:
            s.sendall(b"GET / HTTP/1.1\r\nHost: t\r\n")  # never finished
            for _ in range(5):
                self.assert_still_serving()

    # --- methods -----------------------------------------------------------------------------------

    def test_other_methods_get_405(self):
        for method, path in (("POST", "/"), ("PUT", "/news"), ("DELETE", PARISH), ("PATCH", "/feed.xml"),
                             ("OPTIONS", "/")):
            with self.subTest(method=method, path=path):
                r = self.server.request(method, path, body=b"a=1" if method in ("POST", "PUT", "PATCH") else None)
                self.assertEqual(r.status, 405)
                allow = {m.strip() for m in (r.header("Allow") or "").split(",")}
                self.assertEqual(allow, {"GET", "HEAD"})

    def test_connection_survives_405(self):
        conn = self.server.connection()
        try:
            conn.request("POST", "/", body=b"name=value", headers={"Content-Type": "application/x-www-form-urlencoded"})
            r = conn.getresponse()
            r.read()
            self.assertEqual(r.status, 405)
            sock = conn.sock
            conn.request("GET", "/healthz")
            r = conn.getresponse()
            self.assertEqual((r.status, r.read()), (200, b"ok\n"))
            self.assertIs(conn.sock, sock)
        finally:
            conn.close()


class ShutdownTest(unittest.TestCase):
    """SIGTERM stops a server cleanly and promptly, also with connections open.

    The server's grace period for in-flight work is 10 s; an idle connection must not use it up.
    Shutdown races are timing-dependent, so each scenario is repeated on fresh servers."""

    PROMPT = 3.0  # seconds: "within a few seconds"

    @classmethod
    def setUpClass(cls):
        require_binary()
        cls.tmp = tempfile.mkdtemp(prefix="gazette-shutdown-")
        cls.db = os.path.join(cls.tmp, "gazette.db")
        proc, _ = import_listing(cls.db, fixture("bullets.txt"))
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def start(self):
        server = GazetteServer(self.db, self.tmp).start()
        self.addCleanup(server.stop, 2)
        return server

    def terminate_and_wait(self, server):
        start = time.monotonic()
        server.proc.terminate()
        try:
            code = server.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.fail("no exit 15 s after SIGTERM")
        return code, time.monotonic() - start

    def read_response(self, s):
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            self.assertTrue(chunk, "connection closed before the response")
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = int([l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")][0].split(b":")[1])
        while len(body) < length:
            body += s.recv(65536)
        return status_of(head)

    def test_sigterm_with_idle_keep_alive_connection(self):
        for attempt in range(10):
            server = self.start()
            with socket.create_connection((HOST, server.port), timeout=20) as s:
                s.sendall(b"GET /news HTTP/1.1\r\nHost: t\r\n\r\n")
                self.assertEqual(self.read_response(s), 200)
                # The response is complete and the connection idle: SIGTERM now.
                code, took = self.terminate_and_wait(server)
                self.assertEqual(code, 0, server.log())
                self.assertLess(took, self.PROMPT,
                                "attempt %d: exit took %.1f s after SIGTERM with an idle keep-alive connection"
                                % (attempt + 1, took))
                self.assertEqual(read_until_closed(s), b"", "the idle connection should just be closed")

    def test_sigterm_with_request_half_sent(self):
        for attempt in range(5):
            server = self.start()
            with socket.create_connection((HOST, server.port), timeout=20) as s:
                s.sendall(b"GET /news HTTP/1.1\r\nHost: t\r\n")
                code, took = self.terminate_and_wait(server)
                self.assertEqual(code, 0, server.log())
                self.assertLess(took, self.PROMPT,
                                "attempt %d: exit took %.1f s after SIGTERM with a half-sent request"
                                % (attempt + 1, took))

    def test_sigterm_stops_accepting(self):
        server = self.start()
        self.assertEqual(server.get("/healthz").status, 200)
        code, took = self.terminate_and_wait(server)
        self.assertEqual(code, 0)
        self.assertLess(took, self.PROMPT)
        with self.assertRaises(OSError):
            server.get("/healthz")
        self.assertIn("stopped", server.log())


if __name__ == "__main__":
    unittest.main()
