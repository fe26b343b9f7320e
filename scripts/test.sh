#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what it needs, checks formatting, builds with
# warnings as errors, runs every Swift test, then the independent validators on generated output.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "bootstrap: system packages"
scripts/bootstrap.sh

step "format: .swift-format"
scripts/format.sh

step "build: debug, tests included, warnings are errors"
swift build --build-tests

step "spec: flotilla.yaml is valid without warnings"
swift run --skip-build flotilla validate flotilla.yaml --strict

step "tests: swift test"
swift test --skip-build

if [[ -x scripts/validate-artifacts.sh ]]; then
  step "artifacts: independent validators"
  scripts/validate-artifacts.sh
fi
