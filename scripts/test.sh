#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what it needs (Debian packages, PyPI tools, a
# PostgreSQL on a loopback port), checks formatting, builds with warnings as errors, runs every
# Swift test, then the independent validators on generated and documented artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "bootstrap: system packages and Python checkers"
scripts/bootstrap.sh
scripts/python-tools.sh >/dev/null

step "postgres: a real server on loopback for the storage tests (CI fails if it cannot start)"
postgres_env=$(scripts/postgres.sh start)  # a failure stops the suite here (set -e)
eval "$postgres_env"
trap 'scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
export FLOTILLA_REQUIRE_POSTGRES=1

step "format: .swift-format"
scripts/format.sh

step "build: debug, tests included, warnings are errors"
swift build --build-tests

step "spec: flotilla.yaml is valid without warnings"
swift run --skip-build flotilla validate flotilla.yaml --strict

# One test at a time: two cores are too few for hundreds of tests with real servers and timing
# bounds to run at once without starving each other (a wait that should take milliseconds then
# takes seconds and a timeout fires). Serial costs a few minutes and makes failures mean something.
step "tests: unit, in-process and single-service process tests"
swift test --skip-build --no-parallel --skip ShopJourneyTests

# The whole shop as real processes (journeys, SIGKILL crash tests): six services per test on two
# cores, so they run after the rest instead of starving its timing-sensitive tests.
step "tests: the shop end to end, real processes on loopback"
swift test --skip-build --no-parallel --filter ShopJourneyTests

step "artifacts: independent validators on manifests/, workflows and golden trees"
scripts/validate-artifacts.sh

step "contracts: the JSON Schemas we publish accept what we produce"
schema=$(mktemp)
swift run --skip-build flotilla schema >"$schema"
.venv-validators/bin/check-jsonschema --schemafile "$schema" flotilla.yaml
rm -f "$schema"
.venv-tools/bin/python scripts/checks/json_schema.py docs/status.schema.json \
  <Tests/FlotillaContractsTests/Golden/status-sample.json
echo "status sample matches docs/status.schema.json"
