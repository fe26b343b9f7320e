#!/usr/bin/env bash
# Times `flotilla validate` (release build) on generated specs of 10, 100 and 1000 services.
# Each service owns a database, calls the next two services, publishes an event its successor
# consumes, and the gateway routes to every service: the rules see real references and a real
# call graph. Prints `RESULT validate_<n>_ms <median> ms` per size (median of 15 runs).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product flotilla >/dev/null
flotilla=.build/release/flotilla

make_spec() {
  python3 - "$1" <<'PY'
import sys
n = int(sys.argv[1])
out = ["name: bench", "services:", "  gateway:", "    role: gateway", "    ports: { http: 2000, admin: 2001 }", "    routes:"]
out += [f"      - {{ prefix: /api/s{i}, service: s{i}, rewrite: /s{i}, rateLimit: {{ quota: 100, key: client }} }}" for i in range(n)]
for i in range(n):
    out += [f"  s{i}:", f"    ports: {{ http: {10000 + i}, admin: {30000 + i} }}", "    database: owned",
            "    resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { cpu: 500m, memory: 256Mi } }",
            f"    publishes: [s{i}.changed]"]
    calls = [f"      s{j}: {{ timeout: 2s, retry: {{ attempts: 3 }} }}" for j in (i + 1, i + 2) if j < n]
    if calls: out += ["    calls:"] + calls
    out += [f"    subscribes: [s{i - 1 if i else n - 1}.changed]"]
print("\n".join(out))
PY
}

median_ms() {
  local spec=$1 times=()
  for _ in $(seq 15); do
    local start end
    start=$(date +%s%N)
    "$flotilla" validate "$spec" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

for n in 10 100 1000; do
  make_spec "$n" >"$work/spec-$n.yaml"
  "$flotilla" validate "$work/spec-$n.yaml" >/dev/null || { echo "generated spec of $n services is invalid" >&2; exit 1; }
  echo "RESULT validate_${n}_ms $(median_ms "$work/spec-$n.yaml") ms"
done
