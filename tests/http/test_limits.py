"""Limits an outsider cannot push past: a port another server holds, bytes a client can make the server
hold (chunk extensions, trailers), and the number of open connections."""
import socket
import subprocess
import time
import unittest

from gazette_server import database, HOST, ServerTestCase, base_env, require_binary, status_of


class LimitsTest(ServerTestCase):
    demo_articles = 5
    server_env = {"GAZETTE_MAX_CONNECTIONS": "16", "GAZETTE_THREADS": "2"}

    def assert_still_serving(self):
        self.assertEqual(self.get("/healthz").status, 200)
        self.assertIsNone(self.server.proc.poll(), "the server exited")

    def test_a_second_server_on_the_same_port_refuses_to_start(self):
        proc = subprocess.run(
            [require_binary(), "--db", database(self.db), "serve", "--listen", "%s:%d" % (HOST, self.server.port)],
            capture_output=True, text=True, env=base_env({}), timeout=20)
        self.assertNotEqual(proc.returncode, 0, "a second server started on a port in use")
        self.assertIn("address in use", proc.stdout + proc.stderr)
        self.assert_still_serving()

    def test_an_endless_chunk_extension_is_refused_not_held(self):
        data = (b"POST /newsroom/login HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5;ext="
                + b"x" * 300_000 + b"\r\nhello\r\n0\r\n\r\n")
        reply = self.server.raw(data)
        self.assertEqual(status_of(reply), 413, reply[:120])
        self.assert_still_serving()

    def test_oversized_trailers_are_refused(self):
        data = (b"POST /newsroom/login HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n"
                + b"".join(b"X-T%d: %s\r\n" % (i, b"t" * 1000) for i in range(300)) + b"\r\n")
        reply = self.server.raw(data)
        self.assertIn(status_of(reply), (413, 431), reply[:120])
        self.assert_still_serving()

    def test_connections_past_the_limit_get_503_then_service_resumes(self):
        held = []
        try:
            # Sixteen open, idle connections fill the limit (each waits for its request).
            for _ in range(16):
                held.append(socket.create_connection((HOST, self.server.port), timeout=5))
            time.sleep(0.3)
            reply = self.server.raw(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n", timeout=5)
            self.assertEqual(status_of(reply), 503, reply[:120])
            self.assertIn(b"Retry-After: 1", reply)
        finally:
            for s in held:
                s.close()
        deadline = time.monotonic() + 5
        while self.get("/healthz").status != 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assert_still_serving()


if __name__ == "__main__":
    unittest.main()
