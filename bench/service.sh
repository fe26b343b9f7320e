#!/usr/bin/env bash
# Measures the service runtime kit with the sample service, built as the generated Dockerfile
# builds a service (static Swift runtime, lld with packed relative relocations, no exported
# symbols, jemalloc; see docs/generate.md), on loopback:
#   RESULT ready_ms                  exec → /health/ready answers 200 (median of 9 starts)
#   RESULT idle_rss_mb               resident memory of an idle instance with its database open
#                                    (median of 3 instances); idle_rss_mb_dynamic is the same for
#                                    a plain `swift build -c release` (dynamic runtime, gold)
#   RESULT middleware_overhead_us    per-request cost of the kit (request id, metrics, tracing,
#                                    problems, deadline, faults, body limit; JSON logs on) over a
#                                    bare Hummingbird handler, both serving /hello in the same run:
#                                    server CPU µs per request, kit − bare (median of 5 pairs)
# Also prints the raw per-request CPU figures. Installs wrk and curl if missing; cleans up.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null; }
done
dpkg -s libjemalloc-dev >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq libjemalloc-dev >/dev/null; }
# The build flags are read from the Dockerfile template's `swift build` command, so the two cannot
# drift; a scratch path of their own, because -Xswiftc changes every module's build.
read -ra shipping_flags < <(sed -n '/swift build -c release --product {{product}}/,/&&/p' templates/Dockerfile.mustache |
  paste -sd ' ' | tr -d '\\' | sed -E 's/.*--product \{\{product\}\}(.*)&&.*/\1/')
[[ " ${shipping_flags[*]} " == *" --static-swift-stdlib "* ]] || { echo "no build flags in templates/Dockerfile.mustache" >&2; exit 1; }
swift build -c release --product flotilla-kit-sample --scratch-path .build-static "${shipping_flags[@]}" >/dev/null
binary=.build-static/release/flotilla-kit-sample
swift build -c release --product flotilla-kit-sample >/dev/null
dynamic_binary=.build/release/flotilla-kit-sample
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

start_kit() { # http admin [binary] → pid
  HTTP_PORT=$1 ADMIN_PORT=$2 FLOTILLA_BIND=127.0.0.1 LOG_LEVEL=warning FLOTILLA_DATA_DIR="$work/data-$1" \
    "${3:-$binary}" >"$work/kit-$1.log" 2>&1 &
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
idle_rss_mb() { # binary → MB resident 2 s after one request, median of 3 fresh instances
  local http admin pid
  : >"$work/rss"
  for _ in 1 2 3; do
    http=$(free_port); admin=$(free_port)
    pid=$(start_kit "$http" "$admin" "$1"); pids+=("$pid"); wait_ready "$admin"
    curl -fs "http://127.0.0.1:$http/hello" >/dev/null
    sleep 2
    awk '/VmRSS/ {printf "%.1f\n", $2 / 1024}' "/proc/$pid/status" >>"$work/rss"
    kill -TERM "$pid"
  done
  median <"$work/rss"
}
echo "RESULT idle_rss_mb $(idle_rss_mb "$binary") MB"
echo "RESULT idle_rss_mb_dynamic $(idle_rss_mb "$dynamic_binary") MB"
http=$(free_port); admin=$(free_port)
pid=$(start_kit "$http" "$admin"); pids+=("$pid"); wait_ready "$admin"

# --- middleware_overhead_us -----------------------------------------------------------------
# Server CPU time per request (user + system, from /proc), bare vs kit, each under the same wrk
# load (2 connections, 5 s), interleaved 5 times; the overhead is the median difference. CPU time
# per request is what the middleware costs; latency on this shared machine is mostly scheduling.
bare_port=$(free_port)
HTTP_PORT=$bare_port "$binary" --bare >"$work/bare.log" 2>&1 &
bare_pid=$!
pids+=("$bare_pid")
until curl -fs "http://127.0.0.1:$bare_port/hello" >/dev/null 2>&1; do sleep 0.01; done
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
cpu_us_per_request() { # pid port → µs of server CPU per request
  local before after requests
  before=$(cpu_ticks "$1")
  requests=$(wrk -t1 -c2 -d5s "http://127.0.0.1:$2/hello" | awk '/requests in/ {print $1}')
  after=$(cpu_ticks "$1")
  awk -v b="$before" -v a="$after" -v n="$requests" -v hz="$ticks_per_second" 'BEGIN {printf "%.2f\n", (a - b) / hz * 1e6 / n}'
}
wrk -t1 -c2 -d2s "http://127.0.0.1:$bare_port/hello" >/dev/null; wrk -t1 -c2 -d2s "http://127.0.0.1:$http/hello" >/dev/null
for _ in $(seq 5); do
  bare=$(cpu_us_per_request "$bare_pid" "$bare_port"); kit=$(cpu_us_per_request "$pid" "$http")
  echo "$bare" >>"$work/bare"; echo "$kit" >>"$work/kit"
  awk -v b="$bare" -v k="$kit" 'BEGIN {printf "%.2f\n", k - b}' >>"$work/overhead"
done
echo "RESULT bare_hummingbird_cpu_us_per_request $(median <"$work/bare") us"
echo "RESULT kit_cpu_us_per_request $(median <"$work/kit") us"
echo "RESULT middleware_overhead_us $(median <"$work/overhead") us"
