#!/usr/bin/env python3
"""Checks that every #include "..." in src/ points down the layers (docs/architecture.md):

    cli -> web -> domain -> store -> model -> base;  web -> http -> base

A file may include its own layer and any layer below it. The web layer may read through the store's
classes directly (store is below domain). Exits 1 and lists every include that points up or sideways.
The layer of a file follows CMakeLists.txt's libraries."""
import pathlib
import re
import sys

SRC = pathlib.Path(__file__).resolve().parent.parent / "src"
MODEL = {"content/article", "content/text", "content/dependencies", "content/site_time", "content/html_sanitiser",
         "jobs/job", "jobs/categories", "jobs/closing_date", "jobs/salary", "mail/subscriber", "media/image"}
BELOW = {
    "base": set(),
    "http": {"base"},
    "model": {"base"},
    "store": {"model", "base"},
    "domain": {"store", "model", "base"},
    "web": {"domain", "store", "model", "http", "base"},
    "cli": {"web", "domain", "store", "model", "http", "base"},
    "main": {"cli", "web", "domain", "store", "model", "http", "base"},
}
FOLDERS = {"strings": "base", "config": "base", "http": "http", "store": "store", "content": "domain",
           "jobs": "domain", "councils": "domain", "search": "domain", "importers": "domain",
           "accounts": "domain", "demo": "domain", "mail": "domain", "media": "domain", "web": "web", "cli": "cli"}


def layer_of(rel: str) -> str:
    """The layer of a path relative to src/, with or without its extension."""
    stem = rel.rsplit(".", 1)[0]
    if stem in MODEL:
        return "model"
    if stem == "embedded":
        return "base"
    if stem == "main":
        return "main"
    folder = rel.split("/", 1)[0]
    if folder not in FOLDERS:
        raise SystemExit(f"layers.py: {rel} is in no layer: add its folder to FOLDERS and to CMakeLists.txt")
    return FOLDERS[folder]


def main() -> int:
    include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
    wrong, files = [], 0
    for path in sorted(SRC.rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        files += 1
        rel = path.relative_to(SRC).as_posix()
        mine = layer_of(rel)
        for target in include.findall(path.read_text(encoding="utf-8")):
            theirs = layer_of(target)
            if theirs != mine and theirs not in BELOW[mine]:
                wrong.append(f"{rel} ({mine}) includes {target} ({theirs})")
    if files < 50:
        print(f"layers.py: only {files} source files found under {SRC}", file=sys.stderr)
        return 1
    for w in wrong:
        print(w, file=sys.stderr)
    print(f"{files} files checked, {len(wrong)} includes point the wrong way")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
