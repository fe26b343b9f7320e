#!/usr/bin/env bash
# Measures the API gateway (release build) against nginx as a reverse proxy, on loopback:
# both forward GET requests to the same nginx static backend (a small JSON file), under the same
# wrk load (-t2 -c64 -d10s, a warm-up first, 3 interleaved repetitions, medians).
#   RESULT gateway_rps / gateway_p50_ms / gateway_p99_ms   the gateway with JWT verification, a
#          rate limit (high enough never to refuse), circuit breaker, bulkhead, retry, tracing,
#          metrics and JSON logs on — everything a real route has
#   RESULT nginx_rps / nginx_p50_ms / nginx_p99_ms         nginx `proxy_pass` with upstream keepalive
#   RESULT gateway_vs_nginx_ratio                          gateway_rps / nginx_rps
#   RESULT idle_rss_mb_gateway                             resident memory of the idle gateway
# Installs nginx and wrk if missing; cleans up every process it started. BENCH_SCRATCH_PATH picks
# another SwiftPM scratch path (default .build); WRK_DURATION / WRK_CONNECTIONS / REPETITIONS
# change the load.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
scratch=${BENCH_SCRATCH_PATH:-.build}
duration=${WRK_DURATION:-10s}
connections=${WRK_CONNECTIONS:-64}
repetitions=${REPETITIONS:-3}
swift build -c release --scratch-path "$scratch" --product Gateway >/dev/null
binary="$scratch/release/Gateway"

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pidfile in "$work"/nginx-*.pid; do [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true; done
  sleep 0.2
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wait_http() { for _ in $(seq 500); do curl -fs -o /dev/null "$1" && return 0; sleep 0.02; done; echo "not answering: $1" >&2; cat "$work/gateway.log" >&2 2>/dev/null; exit 1; }

backend_port=$(free_port); proxy_port=$(free_port); gateway_port=$(free_port); admin_port=$(free_port)

# --- nginx: static backend and reverse proxy ------------------------------------------------
mkdir -p "$work/www/data" "$work/nginx-temp"
printf '{"id":42,"name":"Flotilla","tags":["swift","gateway","bench"],"price_cents":1999,"in_stock":true}\n' \
  >"$work/www/data/item.json"
# nginx workers run as an unprivileged user: let them read the files and write their temp folder.
chmod 755 "$work"; chmod -R a+rX "$work/www"; chmod 1777 "$work/nginx-temp"
nginx_conf() { # name body → config file
  cat >"$work/nginx-$1.conf" <<CONF
worker_processes auto;
pid $work/nginx-$1.pid;
error_log $work/nginx-$1-error.log warn;
daemon on;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx-temp/body-$1;
  proxy_temp_path $work/nginx-temp/proxy-$1;
  fastcgi_temp_path $work/nginx-temp/fastcgi-$1;
  uwsgi_temp_path $work/nginx-temp/uwsgi-$1;
  scgi_temp_path $work/nginx-temp/scgi-$1;
  keepalive_requests 100000;
  $2
}
CONF
  "$nginx_bin" -c "$work/nginx-$1.conf" -p "$work"
}
nginx_conf backend "server { listen 127.0.0.1:$backend_port; root $work/www; default_type application/json; }"
nginx_conf proxy "upstream backend { server 127.0.0.1:$backend_port; keepalive 128; }
  server { listen 127.0.0.1:$proxy_port;
    location /api/data/ { proxy_pass http://backend/data/; proxy_http_version 1.1; proxy_set_header Connection \"\"; } }"
wait_http "http://127.0.0.1:$backend_port/data/item.json"
wait_http "http://127.0.0.1:$proxy_port/api/data/item.json"

# --- the gateway ------------------------------------------------------------------------------
cat >"$work/flotilla.yaml" <<YAML
name: bench
services:
  gateway:
    role: gateway
    ports: { http: $gateway_port, admin: $admin_port }
    calls:
      backend: { timeout: 2s, bulkhead: { maxConcurrent: 512, maxQueue: 512 } }
    routes:
      - { prefix: /api/data, service: backend, rewrite: /data,
          rateLimit: { quota: 10000000, window: 1m, burst: 100000, key: user } }
  backend:
    ports: { http: $backend_port }
YAML
signing_key=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
token=$(python3 - "$signing_key" <<'PY'
import base64, hashlib, hmac, json, sys, time
def b64(data): return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
now = int(time.time())
header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
claims = b64(json.dumps({"sub": "bench-user", "iss": "flotilla-shop", "aud": ["shop-api"], "iat": now, "nbf": now,
                         "exp": now + 3600}).encode())
signature = b64(hmac.new(sys.argv[1].encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest())
print(f"{header}.{claims}.{signature}")
PY
)
FLOTILLA_SPEC="$work/flotilla.yaml" SERVICE_NAME=gateway FLOTILLA_BIND=127.0.0.1 LOG_LEVEL=warning \
  JWT_SIGNING_KEY="$signing_key" FLOTILLA_UPSTREAM_BACKEND="http://127.0.0.1:$backend_port" \
  FLOTILLA_DATA_DIR="$work/data" "$binary" >"$work/gateway.log" 2>&1 &
gateway_pid=$!
pids+=("$gateway_pid")
wait_http "http://127.0.0.1:$admin_port/health/ready"
curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$gateway_port/api/data/item.json" \
  || { echo "the gateway does not proxy:" >&2; cat "$work/gateway.log" >&2; exit 1; }

# --- idle_rss_mb_gateway ----------------------------------------------------------------------
sleep 2
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$gateway_pid/status")

# --- throughput and latency ---------------------------------------------------------------------
cat >"$work/bench.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
done = function(summary, latency, requests)
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("BENCH %.1f %.3f %.3f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed, summary.requests))
end
LUA
run_wrk() { # url seconds → "rps p50 p99"
  local line
  line=$(wrk -t2 -c"$connections" -d"$2" --latency -s "$work/bench.lua" "$1" | awk '/^BENCH/ {print $2, $3, $4, $5, $6}')
  read -r rps p50 p99 failed total <<<"$line"
  if [ "$failed" -gt $((total / 100)) ]; then echo "too many failed requests ($failed of $total) at $1" >&2; exit 1; fi
  echo "$rps $p50 $p99"
}
gateway_url="http://127.0.0.1:$gateway_port/api/data/item.json"
nginx_url="http://127.0.0.1:$proxy_port/api/data/item.json"
run_wrk "$gateway_url" 3s >/dev/null
run_wrk "$nginx_url" 3s >/dev/null
for _ in $(seq "$repetitions"); do
  run_wrk "$gateway_url" "$duration" >>"$work/gateway"
  run_wrk "$nginx_url" "$duration" >>"$work/nginx"
done
column() { awk -v c="$2" '{print $c}' "$work/$1" | median; }
gateway_rps=$(column gateway 1); nginx_rps=$(column nginx 1)
echo "RESULT gateway_rps $gateway_rps req/s"
echo "RESULT gateway_p50_ms $(column gateway 2) ms"
echo "RESULT gateway_p99_ms $(column gateway 3) ms"
echo "RESULT nginx_rps $nginx_rps req/s"
echo "RESULT nginx_p50_ms $(column nginx 2) ms"
echo "RESULT nginx_p99_ms $(column nginx 3) ms"
echo "RESULT gateway_vs_nginx_ratio $(awk -v g="$gateway_rps" -v n="$nginx_rps" 'BEGIN {printf "%.2f", g / n}') x"
echo "RESULT idle_rss_mb_gateway $(awk -v k="$rss_kb" 'BEGIN {printf "%.1f", k/1024}') MB"
