"""`gazette import listing` on page layouts beyond the bulleted one, and the "nothing imported" rule:
a file with text from which nothing is recognised is reported, "ok": false, exit status 3."""

import os
import shutil
import tempfile
import unittest

from gazette_server import connect_db, fixture, import_listing, require_binary, run_cli

LAYOUT_FIXTURES = {
    "stacked_bylines.txt": ("stacked", 3),
    "numeric_dates.txt": ("stacked", 4),
    "inline_dates.txt": ("inline", 4),
    "summary_bylines.txt": ("bulleted", 5),
    "caption_article.txt": ("article", 1),
}


class ImportLayoutsTest(unittest.TestCase):
    def setUp(self):
        require_binary()
        self.tmp = tempfile.mkdtemp(prefix="gazette-layouts-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.db = os.path.join(self.tmp, "gazette.db")

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_each_layout_imports_its_items(self):
        for name, (layout, count) in LAYOUT_FIXTURES.items():
            with self.subTest(name=name):
                proc, report = import_listing(self.db, fixture(name))
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertTrue(report["ok"])
                f = report["files"][0]
                self.assertEqual(f["layout"], layout)
                self.assertEqual(f["added"], count)
                self.assertNotIn("warning", f)

    def test_sections_from_upper_case_labels(self):
        proc, _ = import_listing(self.db, fixture("numeric_dates.txt"))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        with connect_db(self.db) as con:
            rows = con.execute("SELECT a.headline, s.name FROM articles a JOIN sections s ON s.id = a.section_id "
                               "ORDER BY a.headline").fetchall()
        self.assertIn(("Home care rates rise by nine per cent", "Social care"), rows)
        self.assertIn(("Library opening hours restored in three towns", "News"), rows)

    def test_truncated_job_box_and_details_reach_the_board(self):
        proc, report = import_listing(self.db, fixture("truncated_advert.txt"))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(report["adverts_new"], 2)
        with connect_db(self.db) as con:
            rows = dict((r[0], r[1:]) for r in con.execute("SELECT title, location, contract, hours FROM jobs"))
        self.assertEqual(rows["Tree Officer"], ("Harlow, Essex", "permanent", "full-time"))
        self.assertEqual(rows["Grounds Maintenance Supervisor"][1:], ("fixed-term", "part-time"))

    def test_nothing_recognised_is_a_warning_and_exit_3(self):
        furniture = fixture("furniture_only.txt")
        proc, report = import_listing(self.db, furniture)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertFalse(report["ok"])
        f = report["files"][0]
        self.assertFalse(f["ok"])
        self.assertIn("nothing imported", f["warning"])
        self.assertNotIn("error", f)
        self.assertEqual(f["added"], 0)
        # Text mode says so on stderr, with the same exit status.
        proc = run_cli("import", "listing", furniture, db=self.db)
        self.assertEqual(proc.returncode, 3)
        self.assertIn("warning: nothing imported", proc.stderr)
        # Prose in no layout the parser reads is the same case.
        prose = self.write("prose.txt", "Just a paragraph of text with no headline or date.\n")
        proc, report = import_listing(self.db, prose)
        self.assertEqual(proc.returncode, 3)

    def test_rejected_file_beats_empty_file_in_exit_status(self):
        proc, report = import_listing(self.db, fixture("furniture_only.txt"), fixture("invalid_utf8.txt"))
        self.assertEqual(proc.returncode, 1)
        self.assertEqual([f["ok"] for f in report["files"]], [False, False])

    def test_a_good_file_with_an_empty_one_still_imports(self):
        proc, report = import_listing(self.db, fixture("inline_dates.txt"), fixture("furniture_only.txt"))
        self.assertEqual(proc.returncode, 3)
        self.assertEqual(report["added"], 4)
        # A second import of the good file finds everything present: that is success, not "nothing".
        proc, report = import_listing(self.db, fixture("inline_dates.txt"))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(report["files"][0]["already_present"], 4)


if __name__ == "__main__":
    unittest.main()
