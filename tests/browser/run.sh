#!/bin/sh
# Runs Gazette's browser tests (CTest's browser.reader). Installs playwright-core, axe-core and
# html-validate from package-lock.json first when node_modules lacks one of them. Needs node, npm (for that install) and
# Chromium (CHROMIUM, default /usr/bin/chromium); GAZETTE_BIN names the binary under test
# (default: the newest of build-test/, build/, build-asan/, build-rel/ gazette in the repository).
#
# A missing node, npm or Chromium is never a silent pass: it exits 77 (CTest's SKIP_RETURN_CODE,
# so the test shows as skipped) locally, and 1 (a failure) when CI=true. No binary always fails.
set -eu
cd "$(dirname "$0")"
repo=$(cd ../.. && pwd)

missing() {
  echo "browser.reader: $*; install it with scripts/install-deps --browser" >&2
  if [ "${CI:-}" = true ]; then
    echo "browser.reader: FAILED: CI=true, so a missing prerequisite is a failure, not a skip" >&2
    exit 1
  fi
  echo "browser.reader: SKIPPED (a failure when CI=true)" >&2
  exit 77
}

command -v node >/dev/null 2>&1 || missing "node not found on PATH"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
case $CHROMIUM in *-NOTFOUND) CHROMIUM=/usr/bin/chromium ;; esac
[ -x "$CHROMIUM" ] || missing "chromium not found at $CHROMIUM (set CHROMIUM)"
export CHROMIUM

if [ -z "${GAZETTE_BIN:-}" ]; then
  GAZETTE_BIN=$(ls -t "$repo/build-test/gazette" "$repo/build/gazette" "$repo/build-asan/gazette" \
                      "$repo/build-rel/gazette" 2>/dev/null | head -n 1 || true)
fi
if [ -z "$GAZETTE_BIN" ] || [ ! -x "$GAZETTE_BIN" ]; then
  echo "browser.reader: gazette binary not found: set GAZETTE_BIN or build with scripts/test" \
       "(GAZETTE_BIN=${GAZETTE_BIN:-unset})" >&2
  exit 1
fi
export GAZETTE_BIN

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/html-validate ]; then
  command -v npm >/dev/null 2>&1 || missing "npm not found and tests/browser/node_modules is incomplete"
  npm ci --no-audit --no-fund
fi
exec node --test --test-concurrency=1 reader.test.mjs newsroom.test.mjs pages.test.mjs adverts.test.mjs
