#!/bin/sh
# Runs Gazette's browser tests (CTest's browser.reader). Installs playwright-core from
# package-lock.json first when node_modules is missing. Needs node, npm (for that install) and
# Chromium (CHROMIUM, default /usr/bin/chromium); GAZETTE_BIN names the binary under test.
set -eu
cd "$(dirname "$0")"
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund
fi
exec node --test reader.test.mjs
