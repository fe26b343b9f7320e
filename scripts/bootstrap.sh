#!/usr/bin/env bash
# Installs the system packages the build and the test suite need, only those missing, so it is
# cheap to run every time. Runs as root (as on this project's machines) or through sudo.
set -euo pipefail

packages=(
  tmux          # real-terminal tests
  python3-venv  # the validators' virtual environment on machines whose python3 lacks venv
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# A python3 with a working venv module (pyenv's, say) needs no python3-venv package.
if python3 -c 'import venv, ensurepip' 2>/dev/null; then
  missing=("${missing[@]/python3-venv/}")
fi
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | grep -v '^$' || true)
((${#missing[@]})) || exit 0

sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
