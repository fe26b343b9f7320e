#!/usr/bin/env bash
# Benchmarks the resilience kit (FlotillaResilience) with ordo-one/package-benchmark.
#
# Builds the separate Benchmarks/ package in release mode, runs every resilience benchmark
# (200 samples of 1 000 calls each; figures are per call), and prints one figure per line:
#   RESULT <name> <value> <unit>
# Values are medians (p50 over the samples). `_contended` variants split the calls over 4 tasks
# sharing one policy object on the machine's cores. No network, no servers: nothing to clean up
# beyond the benchmark process itself, which exits on its own.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/.work"
mkdir -p "$work"
out="$work/resilience.txt"

# Benchmarks/Package.swift reaches the main package through this link, so the dependency's
# identity is "flotilla" whatever this checkout's folder is called (see that manifest).
mkdir -p "$root/Benchmarks/.root"
ln -sfn ../.. "$root/Benchmarks/.root/flotilla"

cd "$root/Benchmarks"
swift package benchmark --target ResilienceBenchmarks --no-progress >"$out" 2>&1 || {
    tail -40 "$out" >&2
    echo "resilience.sh: benchmark run failed (full log: $out)" >&2
    exit 1
}

# Parse the text tables: a line holding only a benchmark name starts a block; take the p50 column
# (4th value) of its wall-clock and malloc rows.
results="$(awk '
    /^[a-z_]+$/ { name = $1; next }
    /Time \(wall clock\) \(ns\)/ { split($0, cells, "│"); gsub(/ /, "", cells[5]); time[name] = cells[5] }
    /Malloc \(total\)/ { split($0, cells, "│"); gsub(/ /, "", cells[5]); malloc[name] = cells[5] }
    END {
        for (n in time) printf "RESULT %s_ns %s ns\n", n, time[n]
        single = 0; contended = 0
        split("breaker_closed limiter_acquire retry_no_retry pipeline pipeline_task_local", names, " ")
        for (i in names) {
            if (malloc[names[i]] + 0 > single) single = malloc[names[i]] + 0
            if (malloc[names[i] "_contended"] + 0 > contended) contended = malloc[names[i] "_contended"] + 0
        }
        printf "RESULT success_path_allocs %d allocs\n", single
        printf "RESULT success_path_allocs_contended %d allocs\n", contended
        printf "RESULT pipeline_race_timeout_allocs %d allocs\n", malloc["pipeline_race_timeout"]
    }' "$out" | sort)"

for required in breaker_closed_ns limiter_acquire_ns retry_no_retry_ns pipeline_ns; do
    if ! grep -q "RESULT $required " <<<"$results"; then
        echo "resilience.sh: no figure for $required (log: $out)" >&2
        exit 1
    fi
done
echo "$results"
