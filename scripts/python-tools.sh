#!/usr/bin/env bash
# Creates (once) a virtual environment with the Python packages the tests use as independent
# checkers — jsonschema for the status contract, prometheus_client's parser for /metrics — and
# aiohttp for bench/orders_load.py's load generator — and prints the path of its python.
# Idempotent and quiet when already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-tools
if [[ ! -x $venv/bin/python ]] || ! $venv/bin/python -c 'import jsonschema, prometheus_client, aiohttp' 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --disable-pip-version-check -q 'jsonschema==4.26.0' 'prometheus-client==0.21.1' 'aiohttp==3.12.15' >&2
fi
echo "$PWD/$venv/bin/python"
