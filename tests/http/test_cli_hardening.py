"""The command line's hardening: `backup`, `serve` on a database it cannot write, imports of missing
files, unknown commands.

Read-only serving as root: file permissions do not bind root, so a chmod-ed database stays writable.
The read-only path is then tested through `serve --read-only` (the same code path: no migrations, the
database opened through a read-only address), and the unwritable-file case by running the server as
the user nobody (uid 65534, through setpriv) when that is possible."""

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import threading
import unittest

from gazette_server import (skip_on_postgresql, database, HOST, GazetteServer, ServerTestCase, base_env, fixture, free_port, import_listing,
                            require_binary, run_cli)

NOBODY = 65534


def count(db, sql):
    conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


ARTICLES = "SELECT count(*) FROM articles"
PUBLISHED = "SELECT count(*) FROM articles WHERE status <> 'draft'"
ADVERTS = "SELECT count(*) FROM jobs"


class ServerWithArgs(GazetteServer):
    """`gazette serve` with extra arguments, an optional command prefix (setpriv) and stderr kept apart."""

    def __init__(self, db, workdir, args=(), prefix=(), env=None):
        super().__init__(db, workdir, env)
        self.args = list(args)
        self.prefix = list(prefix)
        self.err_path = os.path.join(workdir, "server.err")

    def start(self):
        self.port = free_port()
        env = {"GAZETTE_BASE_URL": self.base_url}
        env.update(self.extra_env)
        with open(self.log_path, "ab") as out, open(self.err_path, "ab") as err:
            self.proc = subprocess.Popen(
                self.prefix + [require_binary(), "--db", database(self.db), "serve", "--listen", "%s:%d" % (HOST, self.port)]
                + self.args, stdout=out, stderr=err, env=base_env(env), cwd=self.workdir)
        try:
            self._wait_healthy()
        except RuntimeError as e:
            self.stop()
            raise RuntimeError("gazette serve did not start: %s\n%s\n%s" % (e, self.log(), self.stderr()))
        return self

    def stderr(self):
        with open(self.err_path, "rb") as f:
            return f.read().decode("utf-8", "replace")


# --- backup ---------------------------------------------------------------------------------------


@skip_on_postgresql("`gazette backup` copies an SQLite file (PostgreSQL: pg_dump)")
class BackupWhileServingTest(ServerTestCase):
    """`gazette backup` of the database a running server reads and writes."""

    demo_articles = 3000  # some MB, so the copy takes several steps

    def target(self, name):
        return os.path.join(self.tmp, name)

    def test_backup_while_serving_matches_the_original(self):
        stop = threading.Event()

        def readers():
            while not stop.is_set():
                self.server.get("/")
                self.server.get("/search?q=council")

        t = threading.Thread(target=readers)
        t.start()
        try:
            out = self.target("copy.db")
            proc = run_cli("backup", out, db=self.db)
        finally:
            stop.set()
            t.join()
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertFalse(os.path.exists(out + ".tmp"))
        self.assertEqual(count(out, ARTICLES), count(self.db, ARTICLES))
        self.assertEqual(count(out, ADVERTS), count(self.db, ADVERTS))
        self.assertEqual(count(out, "PRAGMA integrity_check"), "ok")
        self.assertEqual(count(out, "PRAGMA journal_mode"), "delete", "the copy is one self-contained file")
        m = re.search(r"(\d+) articles, (\d+) job adverts", proc.stdout)
        self.assertIsNotNone(m, proc.stdout)
        self.assertEqual(int(m.group(1)), count(out, PUBLISHED))
        self.assertEqual(int(m.group(2)), count(out, ADVERTS))
        self.assertRegex(proc.stdout, r"\d+\.\d (KB|MB)")
        # The server was not disturbed.
        self.assertEqual(self.server.get("/").status, 200)

    def test_backup_during_an_import_is_one_snapshot(self):
        before = count(self.db, ARTICLES)
        listing = os.path.join(self.tmp, "many.txt")
        with open(listing, "w", encoding="utf-8") as f:
            for i in range(400):
                f.write("\u2022 Snapshot story number %d about the harbour\n\n    11 May 2020\n\n"
                        "    Story %d: the harbour board met again and agreed nothing new.\n\n" % (i, i))
        importer = subprocess.Popen([require_binary(), "--db", database(self.db), "import", "listing", listing],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=base_env())
        out = self.target("during.db")
        proc = run_cli("backup", out, db=self.db)
        _, err = importer.communicate(timeout=120)
        self.assertEqual(importer.returncode, 0, err)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        after = count(self.db, ARTICLES)
        self.assertGreater(after, before)
        # The import is one transaction: the copy has all of it or none of it.
        self.assertIn(count(out, ARTICLES), (before, after))
        self.assertEqual(count(out, "PRAGMA integrity_check"), "ok")

    def test_refuses_to_overwrite_without_force(self):
        out = self.target("existing.db")
        with open(out, "w") as f:
            f.write("keep me\n")
        proc = run_cli("backup", out, db=self.db)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn(out, proc.stderr)
        self.assertIn("--force", proc.stderr)
        with open(out) as f:
            self.assertEqual(f.read(), "keep me\n")
        proc = run_cli("backup", "--force", out, db=self.db)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(count(out, ARTICLES), count(self.db, ARTICLES))

    def test_refuses_to_copy_onto_the_database(self):
        before = count(self.db, ARTICLES)
        proc = run_cli("backup", "--force", self.db, db=self.db)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("itself", proc.stderr)
        self.assertEqual(count(self.db, ARTICLES), before)


@skip_on_postgresql("`gazette backup` copies an SQLite file (PostgreSQL: pg_dump)")
class BackupErrorsTest(unittest.TestCase):
    def setUp(self):
        require_binary()
        self.tmp = tempfile.mkdtemp(prefix="gazette-backup-")
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def test_missing_database_creates_nothing(self):
        db = os.path.join(self.tmp, "none.db")
        out = os.path.join(self.tmp, "copy.db")
        proc = run_cli("backup", out, db=db)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn(db, proc.stderr)
        self.assertEqual(sorted(os.listdir(self.tmp)), [])

    def test_not_a_database_file_leaves_no_copy(self):
        db = os.path.join(self.tmp, "notes.db")
        with open(db, "w") as f:
            f.write("not a database\n" * 100)
        out = os.path.join(self.tmp, "copy.db")
        proc = run_cli("backup", out, db=db)
        self.assertNotEqual(proc.returncode, 0)
        self.assertTrue(proc.stderr.strip())
        self.assertEqual(sorted(os.listdir(self.tmp)), ["notes.db"])

    def test_in_memory_database_is_refused(self):
        proc = run_cli("backup", os.path.join(self.tmp, "copy.db"), db=":memory:")
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("file", proc.stderr)
        self.assertEqual(os.listdir(self.tmp), [])

    def test_help_says_how_to_restore(self):
        proc = run_cli("backup", "--help")
        self.assertEqual(proc.returncode, 0)
        for word in ("FILE", "--force", "restore", "-wal", "-shm", "stop the server"):
            self.assertIn(word, proc.stdout)


# --- serve on a database it cannot write ----------------------------------------------------------


@skip_on_postgresql("serving a read-only database file (file permissions, SQLite's read-only open)")
class ReadOnlyServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require_binary()
        cls.source = tempfile.mkdtemp(prefix="gazette-ro-src-")
        cls.source_db = os.path.join(cls.source, "gazette.db")
        proc, _ = import_listing(cls.source_db, fixture("bullets.txt"), fixture("crlf.txt"))
        if proc.returncode != 0:
            raise RuntimeError("import failed: %s" % proc.stderr)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.source, True)

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="gazette-ro-")
        os.chmod(self.tmp, 0o755)
        self.addCleanup(self.cleanup)
        self.dir = os.path.join(self.tmp, "site")
        os.mkdir(self.dir)
        self.db = os.path.join(self.dir, "gazette.db")
        shutil.copy(self.source_db, self.db)
        self.server = None

    def cleanup(self):
        if self.server is not None:
            self.server.stop()
        os.chmod(self.dir, 0o755)
        shutil.rmtree(self.tmp, True)

    def make_read_only(self):
        os.chmod(self.db, 0o444)
        os.chmod(self.dir, 0o555)

    def serve(self, args=(), prefix=()):
        self.server = ServerWithArgs(self.db, self.tmp, args, prefix).start()
        return self.server

    def check_serves_readers(self, warning):
        before = digest(self.db)
        r = self.server.get("/")
        self.assertEqual(r.status, 200, r.body[:300])
        self.assertEqual(self.server.get("/search?q=council").status, 200)
        self.assertEqual(self.server.stop(), 0, self.server.stderr())
        err = self.server.stderr()
        self.assertIn("warning", err)
        self.assertRegex(err, warning)
        self.assertIn("newsroom", err)
        self.assertEqual(digest(self.db), before, "the database was written")
        self.assertFalse(os.path.exists(self.db + ".hot"))

    def test_read_only_flag_serves_readers_with_a_warning(self):
        """--read-only: the read-only path on a file this process could write (root too)."""
        self.make_read_only()
        self.serve(["--read-only"])
        self.check_serves_readers(r"read-only \(--read-only\)")

    def test_unwritable_database_serves_readers_with_a_warning(self):
        """No flag: a 0444 file in a 0555 directory, served by a user the permissions bind."""
        self.make_read_only()
        prefix = []
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            if not setpriv:
                self.skipTest("running as root without setpriv: permissions cannot make the file unwritable "
                              "(test_read_only_flag_serves_readers_with_a_warning covers the code path)")
            binary = require_binary()
            probe = subprocess.run([setpriv, "--reuid=%d" % NOBODY, "--regid=%d" % NOBODY, "--clear-groups",
                                    binary, "--version"], capture_output=True)
            if probe.returncode != 0:
                self.skipTest("running as root and the user nobody cannot run %s" % binary)
            prefix = [setpriv, "--reuid=%d" % NOBODY, "--regid=%d" % NOBODY, "--clear-groups"]
        self.serve(prefix=prefix)
        self.check_serves_readers(r"cannot be written")

    def test_old_schema_on_a_read_only_database_is_a_clear_error(self):
        os.remove(self.db)
        sqlite3.connect(self.db).execute("CREATE TABLE notes (x)").connection.close()
        self.make_read_only()
        proc = subprocess.run([require_binary(), "--db", database(self.db), "serve", "--read-only", "--listen",
                               "%s:%d" % (HOST, free_port())], capture_output=True, text=True, env=base_env(),
                              timeout=30)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("schema", proc.stderr)
        self.assertIn("gazette migrate", proc.stderr)

    def test_missing_database_with_read_only_flag_is_an_error(self):
        os.remove(self.db)
        proc = subprocess.run([require_binary(), "--db", database(self.db), "serve", "--read-only", "--listen",
                               "%s:%d" % (HOST, free_port())], capture_output=True, text=True, env=base_env(),
                              timeout=30)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(self.db, proc.stderr)
        self.assertFalse(os.path.exists(self.db))


# --- imports of missing files ---------------------------------------------------------------------


class ImportMissingFileTest(unittest.TestCase):
    def setUp(self):
        require_binary()
        self.tmp = tempfile.mkdtemp(prefix="gazette-import-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.db = os.path.join(self.tmp, "gazette.db")
        self.missing = os.path.join(self.tmp, "no-such-file.txt")

    def assert_no_database(self):
        self.assertEqual([f for f in os.listdir(self.tmp) if f.startswith("gazette.db")], [])

    def test_listing(self):
        proc = run_cli("import", "listing", self.missing, db=self.db)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(self.missing, proc.stderr)
        self.assertIn("No such file", proc.stderr)
        self.assert_no_database()

    def test_listing_with_a_good_file_imports_nothing(self):
        proc, report = import_listing(self.db, fixture("bullets.txt"), self.missing)
        self.assertEqual(proc.returncode, 1)
        self.assertFalse(report["ok"])
        self.assertEqual(report["added"], 0)
        self.assertEqual([f["file"] for f in report["files"]], [self.missing])
        self.assert_no_database()

    def test_jobs(self):
        proc = run_cli("import", "jobs", self.missing, db=self.db)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(self.missing, proc.stderr)
        self.assert_no_database()
        proc = run_cli("import", "jobs", "--json", self.missing, db=self.db)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(self.missing, proc.stdout)
        self.assert_no_database()

    def test_directory(self):
        proc = run_cli("import", "listing", self.tmp, db=self.db)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("directory", proc.stderr)
        self.assert_no_database()


# --- unknown commands -----------------------------------------------------------------------------


class UnknownCommandTest(unittest.TestCase):
    def setUp(self):
        require_binary()
        self.tmp = tempfile.mkdtemp(prefix="gazette-cmd-")
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def test_unknown_command(self):
        db = os.path.join(self.tmp, "gazette.db")
        proc = run_cli("frobnicate", db=db)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("unknown command 'frobnicate'", proc.stderr)
        self.assertNotIn("A subcommand is required", proc.stderr)
        for name in ("serve", "migrate", "import", "backup", "users"):
            self.assertIn(name, proc.stderr)
        self.assertIn("--help", proc.stderr)
        self.assertFalse(os.path.exists(db))

    def test_unknown_nested_command(self):
        proc = run_cli("import", "frobnicate")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("gazette import: unknown command 'frobnicate'", proc.stderr)
        self.assertIn("listing, wxr, feed, jobs", proc.stderr)

    def test_no_command_still_asks_for_one(self):
        proc = run_cli()
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("subcommand", proc.stderr)
        self.assertNotIn("unknown command", proc.stderr)

    def test_unknown_option_is_not_an_unknown_command(self):
        proc = run_cli("--frobnicate")
        self.assertNotEqual(proc.returncode, 0)
        self.assertNotIn("unknown command", proc.stderr)


if __name__ == "__main__":
    unittest.main()
