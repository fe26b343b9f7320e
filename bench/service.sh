#!/usr/bin/env bash
# Measures the service runtime kit with the sample service (release build), on loopback:
#   RESULT ready_ms                  exec → /health/ready answers 200 (median of 9 starts)
#   RESULT idle_rss_mb               resident memory of an idle instance with its database open
#   RESULT middleware_overhead_us    per-request cost of the kit (request id, metrics, tracing,
#                                    problems, deadline, faults, body limit; JSON logs on) over a
#                                    bare Hummingbird handler, both serving /hello in the same run:
#                                    1/rps_kit − 1/rps_bare with one connection (median of 5 pairs)
# Also prints the raw figures (bare and kit requests/s). Installs wrk if missing; cleans up.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null; }
done
swift build -c release --product flotilla-kit-sample >/dev/null
binary=.build/release/flotilla-kit-sample
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

start_kit() { # http admin → pid
  HTTP_PORT=$1 ADMIN_PORT=$2 FLOTILLA_BIND=127.0.0.1 LOG_LEVEL=warning FLOTILLA_DATA_DIR="$work/data" \
    "$binary" >"$work/kit-$1.log" 2>&1 &
  echo $!
}
wait_ready() { until curl -fs "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1; do sleep 0.002; done; }

# --- ready_ms -------------------------------------------------------------------------------
for _ in $(seq 9); do
  http=$(free_port); admin=$(free_port)
  t0=$(now_ns); pid=$(start_kit "$http" "$admin"); pids+=("$pid")
  wait_ready "$admin"; t1=$(now_ns)
  echo $(((t1 - t0) / 1000)) >>"$work/ready"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
done
echo "RESULT ready_ms $(median <"$work/ready" | awk '{printf "%.1f", $1/1000}') ms"

# --- idle_rss_mb ----------------------------------------------------------------------------
http=$(free_port); admin=$(free_port)
pid=$(start_kit "$http" "$admin"); pids+=("$pid"); wait_ready "$admin"
curl -fs "http://127.0.0.1:$http/hello" >/dev/null
sleep 2
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "RESULT idle_rss_mb $(awk -v k="$rss_kb" 'BEGIN {printf "%.1f", k/1024}') MB"

# --- middleware_overhead_us -----------------------------------------------------------------
bare_port=$(free_port)
HTTP_PORT=$bare_port "$binary" --bare >"$work/bare.log" 2>&1 &
pids+=("$!")
until curl -fs "http://127.0.0.1:$bare_port/hello" >/dev/null 2>&1; do sleep 0.01; done
rps() { wrk -t1 -c1 -d4s "http://127.0.0.1:$1/hello" | awk '/Requests\/sec/ {print $2}'; }
rps "$bare_port" >/dev/null; rps "$http" >/dev/null  # warm up
for _ in $(seq 5); do
  bare=$(rps "$bare_port"); kit=$(rps "$http")
  echo "$bare" >>"$work/bare"; echo "$kit" >>"$work/kit"
  awk -v b="$bare" -v k="$kit" 'BEGIN {printf "%.2f\n", (1/k - 1/b) * 1e6}' >>"$work/overhead"
done
echo "RESULT bare_hummingbird_rps_1conn $(median <"$work/bare") req/s"
echo "RESULT kit_rps_1conn $(median <"$work/kit") req/s"
echo "RESULT middleware_overhead_us $(median <"$work/overhead") us"
