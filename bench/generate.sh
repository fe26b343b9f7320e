#!/usr/bin/env bash
# bench/generate.sh — how long `flotilla generate` takes (release build, every artifact) for
# systems of 10, 100 and 1000 services. Each size runs REPEAT times (default 7) after a warm-up;
# the median wall time of regenerating the tree in place is printed as
# `RESULT generate_<n>_ms <value> ms`, with the CPU time (user + system, independent of other
# load on a shared machine) and a fresh-tree run (every file created) beside it, and the
# per-service cost so linear growth is visible. Target: 1000 services under 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."
# Environment: REPEAT; PACKAGE (package to build, default the repository) and SCRATCH (its build
# folder); FLOTILLA_BIN (an already built binary: nothing is built, e.g. to time an older one).
REPEAT="${REPEAT:-7}"
PACKAGE="${PACKAGE:-.}"
SCRATCH="${SCRATCH:-.build-generator}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/flotilla-bench-generate.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if [[ -n "${FLOTILLA_BIN:-}" ]]; then
  BIN="$FLOTILLA_BIN"
else
  swift build -c release --package-path "$PACKAGE" --scratch-path "$SCRATCH" --product flotilla >&2
  BIN="$SCRATCH/release/flotilla"
fi

# A system of N services: a gateway routing to every service, each service calling the next two,
# every fifth one publishing an event that the next service subscribes to, each with a database.
make_spec() {
  local n="$1" file="$2"
  python3 - "$n" >"$file" <<'PY'
import sys
n = int(sys.argv[1])
out = ["version: 1", "name: bench", "namespace: bench", "image:", "  registry: ghcr.io/example", "services:",
       "  gateway:", "    role: gateway", "    ports: { http: 8000, admin: 9000 }",
       "    autoscale: { min: 2, max: 10, cpu: 70 }", "    routes:"]
for i in range(1, n):
    out.append("      - { prefix: /s%d, service: s%d }" % (i, i))
for i in range(1, n):
    out += ["  s%d:" % i, "    ports: { http: %d, admin: %d }" % (10000 + i, 30000 + i), "    database: owned"]
    deps = [j for j in (i + 1, i + 2) if j < n]
    if deps:
        out.append("    calls:")
        out += ["      s%d: { timeout: 1s }" % j for j in deps]
    if i % 5 == 1 and i + 1 < n:
        out.append("    publishes: [e%d.done]" % i)
    if i % 5 == 2:
        out.append("    subscribes: [e%d.done]" % (i - 1))
    if i % 3 == 0:
        out.append("    replicas: 2")
print("\n".join(out))
PY
}

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }

# run DIR: one `flotilla generate` of DIR/flotilla.yaml; prints "wall_ms cpu_ms".
run() {
  /usr/bin/time -f '%e %U %S' -o "$WORK/time" "$BIN" generate "$1/flotilla.yaml" >/dev/null
  awk '{printf "%.1f %.1f\n", $1 * 1000, ($2 + $3) * 1000}' "$WORK/time"
}

for n in 10 100 1000; do
  dir="$WORK/n$n"
  mkdir -p "$dir"
  make_spec "$n" "$dir/flotilla.yaml"
  "$BIN" validate "$dir/flotilla.yaml" >/dev/null
  "$BIN" generate "$dir/flotilla.yaml" >/dev/null   # warm-up and first write
  regen_wall=(); regen_cpu=(); fresh_wall=()
  for _ in $(seq "$REPEAT"); do
    # In place: what `flotilla generate` does after a spec edit, and what --check costs: every
    # artifact generated in memory, compared with the files on disk, changed ones written.
    read -r wall cpu < <(run "$dir"); regen_wall+=("$wall"); regen_cpu+=("$cpu")
    # Fresh: into an empty folder, every file created (dominated by the file system here).
    rm -rf "$dir/manifests" "$dir/.github"
    read -r wall _ < <(run "$dir"); fresh_wall+=("$wall")
  done
  files=$(find "$dir/manifests" "$dir/.github" -type f | wc -l)
  w=$(printf '%s\n' "${regen_wall[@]}" | median)
  c=$(printf '%s\n' "${regen_cpu[@]}" | median)
  f=$(printf '%s\n' "${fresh_wall[@]}" | median)
  echo "generate $n services ($files files), median of $REPEAT: in place ${w} ms wall, ${c} ms CPU; fresh tree ${f} ms wall; $(awk -v m="$w" -v n="$n" 'BEGIN{printf "%.2f", m/n}') ms/service" >&2
  echo "RESULT generate_${n}_ms $w ms"
  echo "RESULT generate_${n}_cpu_ms $c ms"
  echo "RESULT generate_${n}_fresh_ms $f ms"
done
