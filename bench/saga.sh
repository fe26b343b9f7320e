#!/usr/bin/env bash
# End-to-end order placement through the gateway (JWT check, rate limiter, orders → place-order
# saga: products.reserve → payments.charge → products.commit → orders.confirm, outbox to
# notifications), with SQLite and with PostgreSQL behind every service:
#   RESULT orders_per_s_<db>   confirmed orders per second at saturation: closed loop, wrk with
#                              SAGA_CONNECTIONS connections (default 32), 50 shoppers' tokens in
#                              rotation, one product restocked to a huge stock; only 201 answers
#                              whose body says "status":"confirmed" count (median of 3 × 10 s)
#   RESULT saga_p50_ms_<db>    p50 / p99 of POST /api/orders at a fixed arrival rate of half that
#   RESULT saga_p99_ms_<db>    throughput (open loop, bench/orders_load.py; measured from each
#                              request's scheduled start; median of 3 × 15 s)
# The shop runs through scripts/shop.sh (release build, a spec copy with relaxed rate limits, a
# spending limit nobody reaches, warning-level logs) on ports from SAGA_PORT_BASE (default 28080).
# Also prints, as comment lines, the machine load and each process's CPU share during the
# throughput runs. Installs wrk if missing; PostgreSQL comes from scripts/postgres.sh.
# Settings: SCRATCH (build scratch path, default .build), SAGA_BACKENDS ("sqlite postgres"),
# SAGA_CONNECTIONS, SAGA_RUNS (3), SAGA_SECONDS (10), SAGA_LATENCY_SECONDS (15).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export SCRATCH=${SCRATCH:-.build}
backends=${SAGA_BACKENDS:-sqlite postgres}
connections=${SAGA_CONNECTIONS:-32}
runs=${SAGA_RUNS:-3}
seconds=${SAGA_SECONDS:-10}
latency_seconds=${SAGA_LATENCY_SECONDS:-15}
export SHOP_PORT_BASE=${SAGA_PORT_BASE:-28080}
gateway=http://127.0.0.1:$SHOP_PORT_BASE
products_url=http://127.0.0.1:$((SHOP_PORT_BASE + 2))

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
python=$(scripts/python-tools.sh)

for product in UsersService ProductsService PaymentsService NotificationsService OrdersService Gateway; do
  swift build -c release --scratch-path "$SCRATCH" --product "$product" >/tmp/saga-build.$$.log 2>&1 || {
    tail -n 40 /tmp/saga-build.$$.log >&2; rm -f /tmp/saga-build.$$.log; exit 1
  }
done
rm -f /tmp/saga-build.$$.log

work=$(mktemp -d)
export SHOP_DIR=$work/shop
postgres_was_running=1
cleanup() {
  scripts/shop.sh stop >/dev/null 2>&1 || true
  if [[ $postgres_was_running == 0 ]]; then scripts/postgres.sh stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# wrk script: rotates the shoppers' tokens, posts the fixed order body, and counts 201 answers
# whose body says the order is confirmed (per thread; summed in done()).
cat >"$work/orders.lua" <<'EOF'
local tokens, body, threads = {}, nil, {}
local dir = os.getenv("SAGA_DIR")
for line in io.lines(dir .. "/tokens") do if #line > 0 then tokens[#tokens + 1] = line end end
local f = io.open(dir .. "/body"); body = f:read("*a"); f:close()
function setup(thread) thread:set("id", #threads); threads[#threads + 1] = thread end
function init(args) n = id; confirmed = 0; created = 0; other = 0 end
function request()
  n = n + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1]}, body)
end
function response(status, headers, resp)
  if status == 201 then
    created = created + 1
    if resp:find('"status":"confirmed"', 1, true) then confirmed = confirmed + 1 end
  else
    other = other + 1
  end
end
function done(summary, latency, requests)
  local c, k, o = 0, 0, 0
  for _, t in ipairs(threads) do c = c + t:get("confirmed"); k = k + t:get("created"); o = o + t:get("other") end
  io.write(string.format("SAGA confirmed=%d created=%d other=%d seconds=%.3f errors=%d p50_ms=%.1f p99_ms=%.1f\n",
    c, k, o, summary.duration / 1e6, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
EOF
export SAGA_DIR=$work/setup

# CPU ticks (user + system) of the shop's processes and of all PostgreSQL server processes (the
# server is shared with anything else using scripts/postgres.sh).
cpu_snapshot() {
  local service pid http admin name
  while read -r service pid http admin name; do
    echo "$service $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)"
  done <"$SHOP_DIR/state"
  cat /proc/[0-9]*/stat 2>/dev/null | awk '$2 == "(postgres)" {p += $14 + $15} END {print "postgres", p + 0}'
}
hz=$(getconf CLK_TCK)

# Where the time goes, from every service's /metrics (mean ms per request by route, since start)
# and the orders service's saga section of /_flotilla/status.
diagnose() { # backend
  "$python" - "$1" "$SHOP_DIR/state" <<'PY'
import json, re, sys, urllib.request
backend, state = sys.argv[1], sys.argv[2]
line = re.compile(r'^(\w+)\{(.*)\} (\S+)$')
for service, pid, http, admin, name in (row.split() for row in open(state)):
    text = urllib.request.urlopen(f"http://127.0.0.1:{admin}/metrics", timeout=10).read().decode()
    sums, counts = {}, {}
    for match in filter(None, map(line.match, text.splitlines())):
        metric, labels, value = match.groups()
        labels = dict(re.findall(r'(\w+)="([^"]*)"', labels))
        if metric.startswith("http_server_request_duration_seconds_"):
            key = f'{labels.get("method")} {labels.get("route")}'
        elif metric.startswith("flotilla_saga_step_duration_seconds_") and labels.get("kind") == "action":
            key = f'step {labels.get("step")}'
        else:
            continue
        if metric.endswith("_sum"): sums[key] = sums.get(key, 0) + float(value)
        if metric.endswith("_count"): counts[key] = counts.get(key, 0) + float(value)
    busy = sorted((k for k in counts if counts[k] >= 50), key=lambda k: -counts[k])
    means = ", ".join(f"{k}={sums[k] / counts[k] * 1000:.1f}ms" for k in busy[:6])
    print(f"# {backend} {service} mean latency by route (count >= 50): {means or '-'}")
status = json.load(urllib.request.urlopen(f"http://127.0.0.1:{[r.split() for r in open(state) if r.startswith('orders ')][0][3]}/_flotilla/status", timeout=10))
sagas = status.get("sagas", {})
print(f"# {backend} orders sagas: " + json.dumps({k: v for k, v in sagas.items() if k != "inFlight"}))
PY
}

measure() { # backend → RESULT lines
  local backend=$1 start_options=(--release --no-build --relaxed-limits --fresh --data-dir "$work/data-$backend")
  [[ $backend == postgres ]] && start_options+=(--postgres --db-prefix bench_saga_)
  if [[ $backend == postgres ]] && ! scripts/postgres.sh status >/dev/null 2>&1; then postgres_was_running=0; fi
  scripts/shop.sh start "${start_options[@]}" \
    --env LOG_LEVEL=warning --env PAYMENT_LIMIT_CENTS=1000000000000 --env PASSWORD_SCRYPT_LOG_N=14 \
    --env JWT_TTL_SECONDS=86400 >/dev/null
  rm -rf "$SAGA_DIR"
  "$python" bench/orders_load.py setup --gateway "$gateway" --products "$products_url" --users 50 --out "$SAGA_DIR" >/dev/null
  echo "# $backend: sample of 20 sequential orders: $("$python" bench/orders_load.py sample --gateway "$gateway" --dir "$SAGA_DIR" --count 20)"

  # Warm-up, then the closed-loop throughput runs.
  wrk -t1 -c"$connections" -d5s --timeout 10s -s "$work/orders.lua" "$gateway/api/orders" >/dev/null
  sleep 1
  local run line before after rates=() t
  cpu_snapshot >"$work/cpu-before"
  t=$(date +%s%N)
  for run in $(seq "$runs"); do
    line=$(wrk -t1 -c"$connections" -d"${seconds}s" --timeout 10s -s "$work/orders.lua" "$gateway/api/orders" | grep '^SAGA ')
    echo "# $backend throughput run $run (c=$connections): ${line#SAGA }"
    rates+=("$(awk '{for (i = 2; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]} printf "%.1f\n", v["confirmed"] / v["seconds"]}' <<<"$line")")
  done
  cpu_snapshot >"$work/cpu-after"
  t=$((($(date +%s%N) - t) / 1000000))
  echo "# $backend CPU during the throughput runs, % of one core: $(join -j 1 <(sort "$work/cpu-before") <(sort "$work/cpu-after") \
    | awk -v hz="$hz" -v ms="$t" '{printf "%s=%.0f ", $1, ($3 - $2) / hz * 100000 / ms}')"
  local throughput
  throughput=$(printf '%s\n' "${rates[@]}" | median)
  echo "RESULT orders_per_s_$backend $throughput orders/s"

  # Open loop at half the throughput.
  local rate p50s=() p99s=() result
  rate=$(awk -v t="$throughput" 'BEGIN {r = t / 2; if (r < 1) r = 1; printf "%.1f", r}')
  sleep 2
  for run in $(seq "$runs"); do
    result=$("$python" bench/orders_load.py load --gateway "$gateway" --dir "$SAGA_DIR" --rate "$rate" \
      --duration "$latency_seconds" --warmup 3)
    echo "# $backend latency run $run at $rate orders/s: $result"
    p50s+=("$("$python" -c 'import json, sys; print(json.loads(sys.argv[1])["p50_ms"])' "$result")")
    p99s+=("$("$python" -c 'import json, sys; print(json.loads(sys.argv[1])["p99_ms"])' "$result")")
  done
  echo "RESULT saga_p50_ms_$backend $(printf '%s\n' "${p50s[@]}" | median) ms"
  echo "RESULT saga_p99_ms_$backend $(printf '%s\n' "${p99s[@]}" | median) ms"
  diagnose "$backend" || true
  scripts/shop.sh stop >/dev/null 2>&1
}

echo "# load before: $(uptime)"
for backend in $backends; do
  measure "$backend"
  echo "# load after $backend: $(uptime)"
done
