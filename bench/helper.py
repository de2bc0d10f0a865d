#!/usr/bin/env python3
"""Helper for bench/run (Python 3 standard library only).

Subcommands (all talk to 127.0.0.1 only):
  freeport N                         print N free TCP ports on 127.0.0.1
  wrk-parse FILE                     parse wrk --latency output: rps p50_ms p99_ms non2xx socket_errors requests
  table FILE                         median table from the per-run TSV that bench/run writes
  first-article FILE                 first article path (/section/yyyy/mm/dd/slug) in an HTML file
  sitemap-urls PORT N                up to N article paths from /sitemap.xml (following a sitemap index)
  fetch-many PORT FILE               GET every path in FILE over one keep-alive connection; summary of statuses
  uncached PORT LOG PATH N MAXSECS   request PATH N times (bounded by MAXSECS), then read the server's access
                                     log lines for those requests and print median and p90 of "us"
  startup PORT RUNS -- CMD...        launch CMD RUNS times; ms from launch to the first 200 from /healthz
"""
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

ARTICLE_RE = re.compile(r'^/[a-z0-9-]+/\d{4}/\d{2}/\d{2}/[^"\s?#<>]+$')


def die(msg):
    print(f"helper.py: {msg}", file=sys.stderr)
    sys.exit(1)


def freeport(n):
    socks, ports = [], []
    for _ in range(int(n)):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(s.getsockname()[1])
    for s in socks:
        s.close()
    print(" ".join(map(str, ports)))


UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def to_ms(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not m:
        die(f"cannot parse wrk latency '{text}'")
    return float(m.group(1)) * UNIT_MS[m.group(2)]


def wrk_parse(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
    if not (rps and p50 and p99):
        die(f"unexpected wrk output in {path}:\n{text}")
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    reqs = re.search(r"(\d+) requests in", text)
    errors = sum(int(x) for x in sock.groups()) if sock else 0
    print(f"{float(rps.group(1)):.1f}\t{to_ms(p50.group(1)):.3f}\t{to_ms(p99.group(1)):.3f}\t"
          f"{int(non2xx.group(1)) if non2xx else 0}\t{errors}\t{reqs.group(1) if reqs else 0}")


def table(path):
    # TSV columns: key label server run rps p50 p99 non2xx errors requests; pairs are "gz:X" / "ng:X".
    rows = {}
    order = []
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 10:
            continue
        key, label = f[0], f[1]
        if key not in rows:
            rows[key] = {"label": label, "server": f[2], "rps": [], "p50": [], "p99": [], "non2xx": 0, "err": 0,
                         "reqs": 0}
            order.append(key)
        r = rows[key]
        r["rps"].append(float(f[4]))
        r["p50"].append(float(f[5]))
        r["p99"].append(float(f[6]))
        r["non2xx"] += int(f[7])
        r["err"] += int(f[8])
        r["reqs"] += int(f[9])
    med = {k: {m: statistics.median(rows[k][m]) for m in ("rps", "p50", "p99")} for k in order}
    hdr = f"{'page':<40} {'server':<8} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs nginx':>9}  runs (req/s)"
    print(hdr)
    print("-" * len(hdr))
    problems = []
    for k in order:
        r, m = rows[k], med[k]
        ratio = ""
        if k.startswith("gz:") and ("ng:" + k[3:]) in med:
            ratio = f"{m['rps'] / med['ng:' + k[3:]]['rps']:.2f}"
        runs = " ".join(f"{x:.0f}" for x in r["rps"])
        print(f"{r['label']:<40} {r['server']:<8} {m['rps']:>9.0f} {m['p50']:>8.2f} {m['p99']:>8.2f} {ratio:>9}  {runs}")
        if r["non2xx"] or r["err"]:
            problems.append(f"{r['label']} ({r['server']}): {r['non2xx']} non-2xx/3xx responses, {r['err']} socket "
                            f"errors out of {r['reqs']} requests")
    if "gz:article" in med and "ng:article" in med:
        ratio = med["gz:article"]["rps"] / med["ng:article"]["rps"]
        print(f"HEADLINE: article page, Gazette/nginx req/s = {ratio:.2f} "
              f"(target >= 0.80: {'met' if ratio >= 0.8 else 'NOT met'})")
    for p in problems:
        print("WARNING: " + p)
    if not problems:
        print("All wrk runs: 0 non-2xx/3xx responses, 0 socket errors.")


def first_article(path):
    html = open(path, encoding="utf-8", errors="replace").read()
    for href in re.findall(r'href="([^"]+)"', html):
        if ARTICLE_RE.match(href):
            print(href)
            return
    sys.exit(1)


def get(conn, path, headers=None):
    conn.request("GET", path, headers=headers or {})
    r = conn.getresponse()
    body = r.read()
    return r.status, body


def strip_base(loc):
    m = re.match(r"^https?://[^/]+(/.*)$", loc.strip())
    return m.group(1) if m else loc.strip()


def sitemap_urls(port, n):
    n = int(n)
    conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    todo, out, seen = ["/sitemap.xml"], [], set()
    while todo and len(out) < n:
        status, body = get(conn, todo.pop(0))
        if status != 200:
            die(f"sitemap fetch returned {status}")
        root = ET.fromstring(body)
        if root.tag == ns + "sitemapindex":
            todo.extend(strip_base(e.text) for e in root.iter(ns + "loc"))
            continue
        for e in root.iter(ns + "loc"):
            p = strip_base(e.text)
            if ARTICLE_RE.match(p) and p not in seen:
                seen.add(p)
                out.append(p)
                if len(out) >= n:
                    break
    print("\n".join(out))


def fetch_many(port, path_file):
    paths = [p.strip() for p in open(path_file) if p.strip()]
    conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
    statuses = {}
    t0 = time.monotonic()
    for p in paths:
        status, _ = get(conn, p)
        statuses[status] = statuses.get(status, 0) + 1
    secs = time.monotonic() - t0
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))
    print(f"{len(paths)} requests in {secs:.1f} s (status {summary})")
    if set(statuses) != {200}:
        sys.exit(3)


def percentile(values, q):
    v = sorted(values)
    k = max(0, min(len(v) - 1, int(round(q * len(v) + 0.5)) - 1))  # nearest rank
    return v[k]


def uncached(port, log, path, n, maxsecs):
    n, maxsecs = int(n), float(maxsecs)
    conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
    for _ in range(5):  # warm-up: SQLite page cache, branch predictors; not counted
        get(conn, path)
    time.sleep(0.2)
    offset = os.path.getsize(log)
    sent, bad = 0, 0
    deadline = time.monotonic() + maxsecs
    while sent < n and time.monotonic() < deadline:
        status, _ = get(conn, path)
        sent += 1
        bad += status != 200
    conn.close()
    us = []
    for _ in range(50):  # the log is written after the response: give the last lines a moment to land
        us = []
        with open(log, encoding="utf-8", errors="replace") as f:
            f.seek(offset)
            for line in f:
                if not line.startswith("{"):
                    continue
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if rec.get("target") == path:
                    us.append(int(rec["us"]))
        if len(us) >= sent:
            break
        time.sleep(0.1)
    if not us:
        die(f"no access-log lines for {path} in {log}")
    print(f"{statistics.median(us):.0f}\t{percentile(us, 0.9):.0f}\t{len(us)}\t{bad}")


def healthz_ok(port):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        status, _ = get(c, "/healthz")
        c.close()
        return status == 200
    except (ConnectionError, OSError, http.client.HTTPException):
        return False


def startup(port, runs, cmd):
    port, runs = int(port), int(runs)
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not healthz_ok(port):
                if p.poll() is not None:
                    die(f"server exited with status {p.returncode} during start-up")
                if time.monotonic() - t0 > 120:
                    die("server not healthy after 120 s")
                time.sleep(0.002)
            times.append((time.monotonic() - t0) * 1000)
        finally:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
    print(f"{statistics.median(times):.0f}\t" + " ".join(f"{t:.0f}" for t in times))


def main():
    a = sys.argv[1:]
    if not a or a[0] in ("-h", "--help"):
        print(__doc__)
        return
    cmd, args = a[0], a[1:]
    if cmd == "freeport":
        freeport(*args)
    elif cmd == "wrk-parse":
        wrk_parse(*args)
    elif cmd == "table":
        table(*args)
    elif cmd == "first-article":
        first_article(*args)
    elif cmd == "sitemap-urls":
        sitemap_urls(*args)
    elif cmd == "fetch-many":
        fetch_many(*args)
    elif cmd == "uncached":
        uncached(*args)
    elif cmd == "startup":
        if "--" not in args:
            die("startup PORT RUNS -- CMD...")
        i = args.index("--")
        startup(*args[:i], args[i + 1:])
    else:
        die(f"unknown subcommand '{cmd}'")


if __name__ == "__main__":
    main()
