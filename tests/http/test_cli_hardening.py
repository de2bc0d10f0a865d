"""The command line's hardening: `gazette backup`."""

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import threading
import unittest

from gazette_server import ServerTestCase, base_env, require_binary, run_cli


def count(db, sql):
    conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


ARTICLES = "SELECT count(*) FROM articles"
PUBLISHED = "SELECT count(*) FROM articles WHERE status <> 'draft'"
ADVERTS = "SELECT count(*) FROM jobs"


# --- backup ---------------------------------------------------------------------------------------


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
        importer = subprocess.Popen([require_binary(), "--db", self.db, "import", "listing", listing],
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


if __name__ == "__main__":
    unittest.main()
