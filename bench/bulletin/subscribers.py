"""Writes N subscribers with varied choices as CSV (the columns `gazette bulletin subscribers import`
reads). Categories, councils and regions come from the site's own database, so alerts match."""

import csv
import random
import sqlite3
import sys

count, db = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(7)
con = sqlite3.connect(db)
councils = [r[0] for r in con.execute("SELECT slug FROM councils ORDER BY id")]
categories = [r[0] for r in con.execute("SELECT DISTINCT category FROM jobs WHERE category <> ''")]
regions = [r[0].lower().replace(" ", "-") for r in con.execute("SELECT DISTINCT region FROM jobs WHERE region <> ''")]
sections = [r[0] for r in con.execute("SELECT slug FROM sections")]
words = ["manager", "officer", "senior", "planning", "finance", "social", "highways", "director", "housing"]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["email", "name", "status", "daily", "weekly", "job_alerts", "alert_categories", "alert_places",
              "alert_min_salary", "alert_keywords", "follow_councils", "follow_sections"])
for i in range(count):
    alerts = rnd.random() < 0.5
    out.writerow([
        "reader%06d@example.org" % i, "Reader %d" % i, "confirmed", "yes", "yes" if rnd.random() < 0.2 else "no",
        "yes" if alerts else "no",
        ";".join(rnd.sample(categories, k=min(len(categories), rnd.randint(0, 2)))) if alerts else "",
        ";".join(rnd.sample(councils + regions, k=rnd.randint(0, 2))) if alerts else "",
        rnd.choice([0, 0, 25000, 35000, 50000]) if alerts else 0,
        rnd.choice(["", "", "", rnd.choice(words)]) if alerts else "",
        ";".join(rnd.sample(councils, k=rnd.randint(0, 3))),
        ";".join(rnd.sample(sections, k=rnd.randint(0, min(2, len(sections))))),
    ])
