#!/bin/sh
# Runs a test command on PostgreSQL: GAZETTE_TEST_PG (a libpq URL of a database whose user may create
# databases; scripts/test starts a throwaway cluster and sets it) and GAZETTE_TEST_BACKEND=postgresql,
# which the unit tests' TempDb and the HTTP tests' gazette_server.py read. Exits 77 (skipped) when no
# server is given, and 1 then when CI=true.
if [ -z "$GAZETTE_TEST_PG" ]; then
  echo "no PostgreSQL server: set GAZETTE_TEST_PG (scripts/test starts one with scripts/pg-cluster)" >&2
  [ "$CI" = true ] && exit 1
  exit 77
fi
GAZETTE_TEST_BACKEND=postgresql
export GAZETTE_TEST_BACKEND
exec "$@"
