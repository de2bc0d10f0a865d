"""The `gazette` command line: help, import, migrate, config."""

import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import unittest

from gazette_server import skip_on_postgresql, VALID_FIXTURES, fixture, import_listing, require_binary, run_cli

# The article on the line before the invalid byte in invalid_utf8.txt, written afresh here: if the
# rejected import had written anything, importing this would find it already present.
FERRY_LISTING = """\u2022 Ferry subsidy under review

    11 May 2020

    The island's ferry link costs more every year, and the council wants answers.
"""


class CliTest(unittest.TestCase):
    def setUp(self):
        require_binary()
        self.tmp = tempfile.mkdtemp(prefix="gazette-cli-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.db = os.path.join(self.tmp, "gazette.db")

    def write(self, name, text, mode="w"):
        path = os.path.join(self.tmp, name)
        with open(path, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as f:
            f.write(text)
        return path

    # --- help ----------------------------------------------------------------------------------

    def test_help(self):
        cases = {
            (): ["--config", "--db", "--version", "serve", "migrate", "import", "demo-data", "config"],
            ("serve",): ["--listen"],
            ("migrate",): ["migrate"],
            ("import",): ["listing"],
            ("import", "listing"): ["FILE", "--json", "Exit status"],
            ("import", "jobs"): ["FILE", "--map", "RSS", ".csv"],
            ("import", "wxr"): ["FILE", "--uploads", "--sections", "--pages-section", "301"],
            ("demo-data",): ["--articles", "--seed", "--quiet"],
            ("config",): ["--markdown"],
        }
        for args, words in cases.items():
            with self.subTest(command=" ".join(args)):
                proc = run_cli(*args, "--help")
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertIn("Usage:", proc.stdout)
                for w in words:
                    self.assertIn(w, proc.stdout)

    def test_version(self):
        proc = run_cli("--version")
        self.assertEqual(proc.returncode, 0)
        self.assertRegex(proc.stdout.strip(), r"^\d+\.\d+\.\d+")

    def test_usage_errors_exit_non_zero(self):
        for args in ((), ("import", "listing"), ("demo-data", "--articles", "0"), ("serve", "--no-such-flag")):
            with self.subTest(args=args):
                proc = run_cli(*args, db=self.db)
                self.assertNotEqual(proc.returncode, 0)
                self.assertTrue(proc.stderr.strip())

    # --- import --------------------------------------------------------------------------------

    def test_import_missing_file(self):
        missing = os.path.join(self.tmp, "no-such-dump.txt")
        proc = run_cli("import", "listing", missing, db=self.db)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn(missing, proc.stderr)
        proc, report = import_listing(self.db, missing)
        self.assertEqual(proc.returncode, 1)
        self.assertFalse(report["ok"])
        self.assertEqual(report["files"][0]["file"], missing)
        self.assertTrue(report["files"][0]["error"])

    def test_import_directory_is_rejected(self):
        proc = run_cli("import", "listing", self.tmp, db=self.db)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn(self.tmp, proc.stderr)

    def test_json_report_shape(self):
        proc, report = import_listing(self.db, fixture("article_page.txt"))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(len(proc.stdout.strip().splitlines()), 1, "one JSON object on one line")
        self.assertIsInstance(report, dict)
        for key in ("ok", "added", "already_present", "adverts_set_aside", "lines_skipped", "files"):
            self.assertIn(key, report)
        self.assertEqual(report["ok"], True)
        self.assertEqual(report["added"], 1)
        self.assertEqual(report["already_present"], 0)
        self.assertEqual(report["adverts_set_aside"], 3)
        self.assertEqual(report["lines_skipped"], 3)
        skipped = report["files"][0]["skipped"]
        self.assertEqual(len(skipped), 3)
        self.assertTrue(all(isinstance(s["line"], int) and s["reason"] for s in skipped))
        self.assertEqual(proc.stderr, "")

    def test_import_twice_adds_nothing(self):
        proc, first = import_listing(self.db, fixture("bullets.txt"))
        self.assertEqual(proc.returncode, 0)
        self.assertEqual((first["added"], first["already_present"]), (5, 0))
        proc, second = import_listing(self.db, fixture("bullets.txt"))
        self.assertEqual(proc.returncode, 0)
        self.assertEqual((second["added"], second["already_present"]), (0, 5))

    def test_import_all_fixtures_counts(self):
        proc, report = import_listing(self.db, *[fixture(f) for f in VALID_FIXTURES])
        self.assertEqual(proc.returncode, 0, proc.stderr)
        per_file = {os.path.basename(f["file"]): f["added"] for f in report["files"]}
        self.assertEqual(per_file, {"article_page.txt": 1, "best_practice.txt": 6, "bullets.txt": 5, "crlf.txt": 3,
                                    "truncated_headline.txt": 1, "truncated_summary.txt": 2, "whitespace.txt": 2})
        self.assertEqual(report["added"], 20)
        self.assertEqual(report["lines_skipped"], 4)
        self.assertEqual(report["adverts_set_aside"], 3)

    def test_text_report(self):
        proc = run_cli("import", "listing", fixture("truncated_headline.txt"), db=self.db)
        self.assertEqual(proc.returncode, 0)
        self.assertIn("1 added", proc.stdout)
        self.assertRegex(proc.stdout, r"line 7: skipped")

    def test_invalid_utf8_rejected_with_line_and_nothing_written(self):
        bad = fixture("invalid_utf8.txt")
        proc, report = import_listing(self.db, bad)
        self.assertEqual(proc.returncode, 1)
        self.assertFalse(report["ok"])
        self.assertEqual(report["added"], 0)
        self.assertRegex(report["files"][0]["error"], r"\bline 4\b")
        proc = run_cli("import", "listing", bad, db=self.db)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(bad, proc.stderr)
        self.assertIn("line 4", proc.stderr)
        # Nothing from the file was stored: its first article is new to a later import.
        proc, report = import_listing(self.db, self.write("ferry.txt", FERRY_LISTING))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual((report["added"], report["already_present"]), (1, 0))

    def test_one_bad_file_does_not_stop_the_others(self):
        proc, report = import_listing(self.db, fixture("bullets.txt"), fixture("invalid_utf8.txt"),
                                      fixture("crlf.txt"))
        self.assertEqual(proc.returncode, 1)
        self.assertFalse(report["ok"])
        self.assertEqual([f["ok"] for f in report["files"]], [True, False, True])
        self.assertEqual(report["added"], 8)
        proc, again = import_listing(self.db, fixture("bullets.txt"), fixture("crlf.txt"))
        self.assertEqual((again["added"], again["already_present"]), (0, 8))

    def test_empty_file_imports_nothing(self):
        proc, report = import_listing(self.db, self.write("empty.txt", ""))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(report["added"], 0)

    # --- migrate ------------------------------------------------------------------------------

    @skip_on_postgresql("checks the SQLite file is created")
    def test_migrate_new_database_and_again(self):
        proc = run_cli("migrate", db=self.db)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        m = re.search(r"from version 0 to (\d+)", proc.stdout)
        self.assertIsNotNone(m, proc.stdout)
        version = int(m.group(1))
        self.assertGreaterEqual(version, 1)
        self.assertTrue(os.path.exists(self.db))
        proc = run_cli("migrate", db=self.db)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("up to date (version %d)" % version, proc.stdout)
        # A migrated database still takes imports.
        proc, report = import_listing(self.db, fixture("crlf.txt"))
        self.assertEqual(report["added"], 3)
        self.assertIn("up to date (version %d)" % version, run_cli("migrate", db=self.db).stdout)

    @skip_on_postgresql("an SQLite file in a directory that does not exist")
    def test_migrate_unwritable_location_fails(self):
        proc = run_cli("migrate", db=os.path.join(self.tmp, "no", "such", "dir", "x.db"))
        self.assertNotEqual(proc.returncode, 0)
        self.assertTrue(proc.stderr.strip())

    @skip_on_postgresql("a file that is not an SQLite database")
    def test_migrate_rejects_a_file_that_is_not_a_database(self):
        path = self.write("notes.db", "these are not the tables you are looking for\n" * 50)
        proc = run_cli("migrate", db=path)
        self.assertNotEqual(proc.returncode, 0)
        self.assertTrue(proc.stderr.strip())

    # --- config -------------------------------------------------------------------------------

    def config(self, env=None, db=None):
        proc = run_cli("config", env=env, db=db)
        values = {}
        for line in proc.stdout.splitlines():
            key, _, value = line.partition(" = ")
            values[key] = value.strip('"')
        return proc, values

    def test_config_defaults(self):
        proc, values = self.config()
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(values["database"], "gazette.db")
        self.assertEqual(values["listen"], "127.0.0.1:8080")
        self.assertEqual(values["page_size"], "20")

    @skip_on_postgresql("echoes the file path given to --db")
    def test_config_environment_overrides(self):
        proc, values = self.config({"GAZETTE_DB": "/srv/news/site.db", "GAZETTE_LISTEN": "127.0.0.1:9911",
                                    "GAZETTE_PAGE_SIZE": "12", "GAZETTE_SITE_NAME": "Council Chronicle"})
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(values["database"], "/srv/news/site.db")
        self.assertEqual(values["listen"], "127.0.0.1:9911")
        self.assertEqual(values["page_size"], "12")
        self.assertEqual(values["site_name"], "Council Chronicle")
        # --db beats GAZETTE_DB.
        proc, values = self.config({"GAZETTE_DB": "/srv/news/site.db"}, db="/tmp/other.db")
        self.assertEqual(values["database"], "/tmp/other.db")

    def test_config_file_then_environment(self):
        path = self.write("gazette.toml", 'listen = "127.0.0.1:7001"\nsite_name = "From file"\n')
        proc = run_cli("--config", path, "config")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn('listen = "127.0.0.1:7001"', proc.stdout)
        proc = run_cli("--config", path, "config", env={"GAZETTE_LISTEN": "127.0.0.1:7002"})
        self.assertIn('listen = "127.0.0.1:7002"', proc.stdout)
        self.assertIn('site_name = "From file"', proc.stdout)

    def test_config_markdown_lists_every_variable(self):
        proc = run_cli("config", "--markdown")
        self.assertEqual(proc.returncode, 0)
        for var in ("GAZETTE_DB", "GAZETTE_LISTEN", "GAZETTE_BASE_URL", "GAZETTE_ACCESS_LOG", "GAZETTE_PAGE_SIZE"):
            self.assertIn("`%s`" % var, proc.stdout)

    def test_bad_listen_value_is_a_clear_error(self):
        for value in ("nonsense", "127.0.0.1", "127.0.0.1:http", "127.0.0.1:99999", ":8080"):
            for command in (("config",), ("serve",)):
                with self.subTest(value=value, command=command[0]):
                    proc = run_cli(*command, env={"GAZETTE_LISTEN": value}, db=self.db, timeout=10)
                    self.assertNotEqual(proc.returncode, 0)
                    self.assertEqual(proc.stdout, "")
                    self.assertIn("listen", proc.stderr)
                    self.assertEqual(len(proc.stderr.strip().splitlines()), 1, proc.stderr)

    def test_bad_listen_error_quotes_the_value(self):
        proc = run_cli("config", env={"GAZETTE_LISTEN": "nonsense"})
        self.assertIn("'nonsense'", proc.stderr)

    def test_bad_listen_error_names_the_environment_variable(self):
        # Other options say where a bad value came from ("environment GAZETTE_THREADS"); listen should too.
        proc = run_cli("config", env={"GAZETTE_THREADS": "many"})
        self.assertIn("GAZETTE_THREADS", proc.stderr)
        proc = run_cli("config", env={"GAZETTE_LISTEN": "nonsense"})
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("GAZETTE_LISTEN", proc.stderr)

    def test_serve_reports_a_port_in_use(self):
        # Hold a loopback port (without SO_REUSEPORT): the server cannot bind it and must say so.
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            s.listen()
            port = s.getsockname()[1]
            proc = run_cli("serve", "--listen", "127.0.0.1:%d" % port, db=self.db, timeout=10)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("127.0.0.1:%d" % port, proc.stderr)
        self.assertIn("in use", proc.stderr)

    def test_other_bad_values(self):
        for var, value in (("GAZETTE_THREADS", "many"), ("GAZETTE_PAGE_SIZE", "0"), ("GAZETTE_ACCESS_LOG", "perhaps"),
                           ("GAZETTE_BASE_URL", "ftp://example.org"), ("GAZETTE_LOG_LEVEL", "loud")):
            with self.subTest(var=var):
                proc = run_cli("config", env={var: value})
                self.assertNotEqual(proc.returncode, 0)
                self.assertTrue(proc.stderr.strip())


if __name__ == "__main__":
    unittest.main()
