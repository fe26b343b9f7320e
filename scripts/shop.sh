#!/usr/bin/env bash
# Runs the whole shop (gateway, users, products, orders, payments, notifications) on this machine,
# on loopback only, as plain processes — the same wiring the journey tests use (static discovery,
# one database per service).
#
#   scripts/shop.sh start [options]   build the six products if needed, start them, wait until every
#                                     admin /health/ready answers 200, print the URLs
#   scripts/shop.sh stop              SIGTERM every service, wait for the drain, SIGKILL leftovers
#   scripts/shop.sh status            each service's pid, ports and readiness (exit 3 when not all ready)
#
# Options for start:
#   --release            release build (default: debug)
#   --postgres           PostgreSQL instead of SQLite: one database per service (shop_<service>) on the
#                        server scripts/postgres.sh installs/starts (127.0.0.1:55432 by default)
#   --relaxed-limits     run with a copy of the spec whose gateway rate limits are raised to
#                        quota 1000000 / burst 100000 (load tests)
#   --spec FILE          use another flotilla.yaml (default: the repository's)
#   --env NAME=VALUE     extra environment for every service (repeatable; wins over the defaults),
#                        e.g. --env LOG_LEVEL=warning --env PAYMENT_LIMIT_CENTS=1000000000000
#   --data-dir DIR       SQLite files (default: .flotilla/data)
#   --db-prefix PREFIX   PostgreSQL database names are PREFIX<service> (default: shop_)
#   --fresh              start from empty databases (deletes the SQLite files / drops the databases)
#   --no-build           use the binaries already built
# Environment:
#   SHOP_PORT_BASE       gateway port; the services use base+1 … base+5 and the admin ports base+1000 …
#                        base+1005 (default 8080: the spec's 8080–8085 and 9080–9085)
#   SCRATCH              swift build scratch path (default .build)
#   SHOP_DIR             state folder: pids, ports, logs, secrets (default .flotilla/shop)
#
# State: $SHOP_DIR/state (service pid http admin product per line), $SHOP_DIR/<service>.log,
# $SHOP_DIR/secrets/{jwt-signing-key,admin-token} (generated once, mode 600; handed over as
# JWT_SIGNING_KEY_FILE / FLOTILLA_ADMIN_TOKEN_FILE). .flotilla/ is git-ignored.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

shop_dir=${SHOP_DIR:-$root/.flotilla/shop}
[[ $shop_dir == /* ]] || shop_dir=$root/$shop_dir
state=$shop_dir/state
base=${SHOP_PORT_BASE:-8080}
scratch=${SCRATCH:-.build}

# Service, product and port offset, in start order (upstreams before the gateway).
services=(users products payments notifications orders gateway)
declare -A product=([gateway]=Gateway [users]=UsersService [products]=ProductsService [orders]=OrdersService
  [payments]=PaymentsService [notifications]=NotificationsService)
declare -A offset=([gateway]=0 [users]=1 [products]=2 [orders]=3 [payments]=4 [notifications]=5)

say() { printf 'shop.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# HTTP status of GET http://127.0.0.1:<port><path>, without curl (bash's /dev/tcp); empty when refused.
http_status() {
  local port=$1 path=$2 line=""
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3 2>/dev/null || true
  IFS= read -r -t 3 line <&3 || true
  exec 3<&- 3>&-
  line=${line#* }
  printf '%s' "${line%% *}"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when pid runs the given product (guards against a recycled pid).
alive() {
  local pid=$1 name=$2
  [[ -n $pid && -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "/$name\b"
}

# Lines of the state file: service pid http admin product.
read_state() { [[ -f $state ]] && cat "$state" || true; }

running_services() {
  local service pid http admin name
  while read -r service pid http admin name; do
    alive "$pid" "$name" && echo "$service"
  done < <(read_state)
  return 0
}

secret() { # name → path of a secret generated once
  local file=$shop_dir/secrets/$1
  if [[ ! -s $file ]]; then
    mkdir -p "$shop_dir/secrets"
    chmod 700 "$shop_dir/secrets"
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file")
  fi
  printf '%s' "$file"
}

postgres_urls() { # prefix fresh → lines "service url"; creates the databases
  local prefix=$1 fresh=$2 export_line url server bin port service name
  export_line=$(scripts/postgres.sh start) || die "scripts/postgres.sh start failed"
  url=$(sed -E "s/^export [A-Z_]+='(.*)'$/\1/" <<<"$export_line")
  [[ $url == postgres://* ]] || die "unexpected output from scripts/postgres.sh: $export_line"
  server=${url%%\?*}          # postgres://user:pass@host:port/db
  port=$(sed -E 's#.*:([0-9]+)/[^/]*$#\1#' <<<"$server")
  local credentials=${server#postgres://}
  credentials=${credentials%%@*}
  bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)
  [[ -x $bin/psql ]] || die "psql not found under /usr/lib/postgresql/*/bin"
  psql_run() { PGPASSWORD=${credentials#*:} PGCONNECT_TIMEOUT=30 PGOPTIONS='-c client_min_messages=warning' "$bin/psql" -X -q -tA -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$port" -U "${credentials%%:*}" -d "${server##*/}" "$@"; }
  for service in "${services[@]}"; do
    [[ $service == gateway ]] && continue # the gateway keeps no data
    name=$prefix$service
    [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || die "invalid database name '$name' (use lowercase letters, digits, _)"
    # Right after a busy run autovacuum may still be working in the database, and a role that is
    # not a superuser cannot end it: wait for it (up to 10 s) rather than keep the old data.
    local attempt error
    for ((attempt = 1; fresh == 1; attempt++)); do
      error=$(psql_run -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" 2>&1 >/dev/null) && break
      ((attempt < 20)) || die "cannot drop database $name: $error"
      sleep 0.5
    done
    if [[ -z $(psql_run -c "SELECT 1 FROM pg_database WHERE datname = '$name'") ]]; then
      psql_run -c "CREATE DATABASE $name" >/dev/null
    fi
    echo "$service ${server%/*}/$name?${url#*\?}"
  done
}

start() {
  local config=debug use_postgres=0 relaxed=0 spec=$root/flotilla.yaml data_dir=$root/.flotilla/data
  local prefix=shop_ fresh=0 build=1 extra=()
  while (($#)); do
    case $1 in
      --release) config=release ;;
      --debug) config=debug ;;
      --postgres) use_postgres=1 ;;
      --relaxed-limits) relaxed=1 ;;
      --spec) spec=${2:?--spec needs a file}; shift ;;
      --env) [[ ${2:-} == [A-Za-z_]*=* ]] || die "--env needs NAME=VALUE"; extra+=("$2"); shift ;;
      --data-dir) data_dir=${2:?--data-dir needs a folder}; shift ;;
      --db-prefix) prefix=${2:?--db-prefix needs a prefix}; shift ;;
      --fresh) fresh=1 ;;
      --no-build) build=0 ;;
      *) die "unknown option '$1' (see the header of $0)" ;;
    esac
    shift
  done
  [[ $spec == /* ]] || spec=$root/$spec
  [[ $data_dir == /* ]] || data_dir=$root/$data_dir
  [[ -f $spec ]] || die "no spec at $spec"
  [[ $base =~ ^[0-9]+$ ]] && ((base >= 1 && base + 1005 <= 65535)) || die "SHOP_PORT_BASE '$base' is not a usable port"

  local already
  already=$(running_services)
  [[ -z $already ]] || die "the shop is already running ($(tr '\n' ' ' <<<"$already")); run scripts/shop.sh stop first"
  for service in "${services[@]}"; do
    for port in $((base + offset[$service])) $((base + 1000 + offset[$service])); do
      port_in_use "$port" && die "port $port on 127.0.0.1 is taken; stop that program or set SHOP_PORT_BASE"
    done
  done
  mkdir -p "$shop_dir" "$data_dir"

  if ((build)); then
    say "building ($config, scratch $scratch): ${services[*]}"
    for service in "${services[@]}"; do
      swift build -c "$config" --scratch-path "$scratch" --product "${product[$service]}" >"$shop_dir/build.log" 2>&1 || {
        tail -n 40 "$shop_dir/build.log" >&2
        die "building ${product[$service]} failed; see $shop_dir/build.log"
      }
    done
  fi
  local bin_dir
  bin_dir=$(swift build -c "$config" --scratch-path "$scratch" --show-bin-path)
  for service in "${services[@]}"; do
    [[ -x $bin_dir/${product[$service]} ]] || die "$bin_dir/${product[$service]} is not built (drop --no-build)"
  done

  if ((relaxed)); then
    sed -E 's/quota: [0-9]+/quota: 1000000/g; s/burst: [0-9]+/burst: 100000/g' "$spec" >"$shop_dir/flotilla.relaxed.yaml"
    spec=$shop_dir/flotilla.relaxed.yaml
  fi

  declare -A database=()
  local backend=sqlite
  if ((use_postgres)); then
    backend=postgres
    local urls
    urls=$(postgres_urls "$prefix" "$fresh") || die "could not prepare the PostgreSQL databases"
    while read -r service url; do database[$service]=$url; done <<<"$urls"
  elif ((fresh)); then
    for service in "${services[@]}"; do rm -f "$data_dir/$service".sqlite*; done
  fi

  local jwt_key admin_token upstreams=()
  jwt_key=$(secret jwt-signing-key)
  admin_token=$(secret admin-token)
  for service in "${services[@]}"; do
    upstreams+=("FLOTILLA_UPSTREAM_${service^^}=http://127.0.0.1:$((base + offset[$service]))")
  done

  : >"$state"
  for service in "${services[@]}"; do
    local http=$((base + offset[$service])) admin=$((base + 1000 + offset[$service])) env_vars
    env_vars=(
      SERVICE_NAME="$service" FLOTILLA_SPEC="$spec" HTTP_PORT="$http" ADMIN_PORT="$admin"
      FLOTILLA_BIND=127.0.0.1 FLOTILLA_ENVIRONMENT=local FLOTILLA_DATA_DIR="$data_dir"
      FLOTILLA_DISCOVERY=static JWT_SIGNING_KEY_FILE="$jwt_key" FLOTILLA_ADMIN_TOKEN_FILE="$admin_token"
      LOG_LEVEL=info "${upstreams[@]}"
    )
    [[ -n ${database[$service]:-} ]] && env_vars+=(DATABASE_URL="${database[$service]}")
    env_vars+=("${extra[@]}")
    # setsid: the services outlive this script and ignore the terminal's Ctrl-C.
    setsid env "${env_vars[@]}" "$bin_dir/${product[$service]}" >"$shop_dir/$service.log" 2>&1 </dev/null &
    echo "$service $! $http $admin ${product[$service]}" >>"$state"
  done

  local deadline=$((SECONDS + ${SHOP_READY_TIMEOUT:-120})) pending=("${services[@]}") waiting pid
  while ((${#pending[@]})); do
    waiting=()
    for service in "${pending[@]}"; do
      pid=$(awk -v s="$service" '$1 == s {print $2}' "$state")
      if ! alive "$pid" "${product[$service]}"; then
        tail -n 30 "$shop_dir/$service.log" >&2
        stop >/dev/null 2>&1 || true
        die "$service exited during start-up; see $shop_dir/$service.log"
      fi
      [[ $(http_status $((base + 1000 + offset[$service])) /health/ready) == 200 ]] || waiting+=("$service")
    done
    pending=("${waiting[@]}")
    ((${#pending[@]})) || break
    if ((SECONDS > deadline)); then
      stop >/dev/null 2>&1 || true
      die "not ready after ${SHOP_READY_TIMEOUT:-120} s: ${pending[*]} (logs in $shop_dir)"
    fi
    sleep 0.2
  done

  echo "shop running ($backend, $config build; logs and pids in ${shop_dir#"$root"/})"
  echo "  gateway  http://127.0.0.1:$base"
  for service in "${services[@]}"; do
    printf '  %-14s admin http://127.0.0.1:%s\n' "$service" $((base + 1000 + offset[$service]))
  done
  echo "  admin token: ${admin_token#"$root"/}"
}

stop() {
  local service pid http admin name pids=() names=()
  while read -r service pid http admin name; do
    if alive "$pid" "$name"; then kill -TERM "$pid" 2>/dev/null || true; pids+=("$pid"); names+=("$name"); fi
  done < <(read_state)
  if ((${#pids[@]} == 0)); then
    say "not running"
    rm -f "$state"
    return 0
  fi
  local deadline=$((SECONDS + ${SHOP_STOP_TIMEOUT:-20})) left i
  while :; do
    left=0
    for i in "${!pids[@]}"; do alive "${pids[$i]}" "${names[$i]}" && left=$((left + 1)); done
    ((left == 0)) && break
    if ((SECONDS > deadline)); then
      for i in "${!pids[@]}"; do
        alive "${pids[$i]}" "${names[$i]}" && { say "${names[$i]} ignored SIGTERM; SIGKILL"; kill -KILL "${pids[$i]}" 2>/dev/null || true; }
      done
      sleep 0.2
      break
    fi
    sleep 0.1
  done
  rm -f "$state"
  say "stopped ${#pids[@]} services"
}

status() {
  local service pid http admin name ready all=0 any=0
  [[ -f $state ]] || { say "not running"; return 3; }
  printf '%-14s %-8s %-6s %-6s %s\n' service pid http admin state
  while read -r service pid http admin name; do
    if alive "$pid" "$name"; then
      any=1
      ready=$(http_status "$admin" /health/ready)
      [[ $ready == 200 ]] && ready=ready || { ready="not ready (${ready:-no answer})"; all=1; }
    else
      ready=exited
      all=1
    fi
    printf '%-14s %-8s %-6s %-6s %s\n' "$service" "$pid" "$http" "$admin" "$ready"
  done < <(read_state)
  ((any)) || { say "not running"; return 3; }
  ((all == 0)) || return 3
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start [--release] [--postgres] [--relaxed-limits] [--spec FILE] [--env NAME=VALUE]… | stop | status" >&2
    exit 2
    ;;
esac
