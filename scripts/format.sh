#!/usr/bin/env bash
# Checks (default) or applies (--fix) the repository's .swift-format configuration to every
# Swift file of ours. Exit 0 when every file is formatted; 1 with the offending lines otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.swift' | grep -v '^\.build')
((${#files[@]})) || exit 0
if [[ "${1:-}" == "--fix" ]]; then
  swift format format --in-place --configuration .swift-format "${files[@]}"
else
  swift format lint --strict --configuration .swift-format "${files[@]}"
fi
