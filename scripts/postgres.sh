#!/usr/bin/env bash
# A throw-away PostgreSQL server for the storage tests, in a project-local folder, on loopback only.
#
#   scripts/postgres.sh start    install Debian's postgresql if missing, create the cluster on first use,
#                                start it, create the test role and database, wait until ready, and print
#                                  export FLOTILLA_TEST_POSTGRES_URL=postgres://…
#                                on stdout (progress goes to stderr), so: eval "$(scripts/postgres.sh start)"
#   scripts/postgres.sh stop     stop it (the data folder stays; delete .flotilla/test-postgres to reset)
#   scripts/postgres.sh status   say whether it runs, and print the export line if it does
#
# Idempotent: a second `start` finds the server running and only prints the export line again.
# Settings (environment): FLOTILLA_TEST_POSTGRES_PORT (default 55432),
# FLOTILLA_TEST_POSTGRES_DIR (default <repo>/.flotilla/test-postgres, or a folder under /tmp when
# the repository sits inside a folder the postgres user cannot enter).
# As root the server runs as the `postgres` system user (PostgreSQL refuses root); otherwise as the caller.
set -euo pipefail

cd "$(dirname "$0")/.."
root_dir=$(pwd)
port=${FLOTILLA_TEST_POSTGRES_PORT:-55432}
# The server runs as the `postgres` user when we are root, so its folder must be reachable by
# others. A clone inside a private folder (mktemp -d makes them 700, as CI does) is not: then the
# cluster lives under /tmp, in a folder named after the clone so two clones never share one.
world_searchable() {
  local dir=$1
  while [[ $dir != / ]]; do
    [[ $(stat -c %A "$dir") == *x ]] || return 1
    dir=$(dirname "$dir")
  done
}
if [[ -n ${FLOTILLA_TEST_POSTGRES_DIR:-} ]]; then
  base=$FLOTILLA_TEST_POSTGRES_DIR
elif [[ $(id -u) -ne 0 ]] || world_searchable "$root_dir"; then
  base=$root_dir/.flotilla/test-postgres
else
  base=/tmp/flotilla-test-postgres-$(printf '%s' "$root_dir" | sha256sum | cut -c1-12)
fi
data="$base/data"
socket_dir="$base/run"
log_file="$base/server.log"
role=flotilla
password=flotilla
database=flotilla_test
# A generous login timeout: the test suite runs many tests at once on two cores, and a login that
# is merely slow there must not read as an unreachable server.
url="postgres://$role:$password@127.0.0.1:$port/$database?sslmode=disable&connect_timeout=30"

say() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

is_root() { [[ $(id -u) -eq 0 ]]; }

# Runs a command as the server's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if is_root; then
    # From /, which postgres can always enter (the caller's folder may be private).
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# The newest installed server's bin folder (never /usr/local/bin, which may point anywhere).
find_bin() {
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]] && printf '%s\n' "$dir"
  return 0
}

install_postgres() {
  local sudo=""
  is_root || sudo="sudo"
  say "installing Debian's postgresql (server not found under /usr/lib/postgresql/*/bin)"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

bin_dir() {
  local dir
  dir=$(find_bin)
  if [[ -z $dir ]]; then
    install_postgres
    dir=$(find_bin)
    [[ -n $dir ]] || die "postgresql installed but no server binaries under /usr/lib/postgresql/*/bin"
  fi
  printf '%s\n' "$dir"
}

is_running() {
  local bin=$1
  [[ -f $data/PG_VERSION ]] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

init_cluster() {
  local bin=$1
  say "creating cluster in $data"
  mkdir -p "$base"
  if is_root; then
    chown postgres:postgres "$base"
    # The owner must be able to reach the folder: every parent needs search permission for others.
    as_owner test -x "$base" || die "user postgres cannot reach $base; set FLOTILLA_TEST_POSTGRES_DIR to a reachable folder"
  fi
  rm -rf "$data"
  as_owner mkdir -p "$data" "$socket_dir"
  as_owner "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$base/initdb.log" 2>&1 || {
    cat "$base/initdb.log" >&2
    die "initdb failed"
  }
  as_owner tee -a "$data/postgresql.conf" >/dev/null <<EOF

# scripts/postgres.sh: a loopback-only test server
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket_dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

psql_admin() {
  local bin=$1
  shift
  as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$socket_dir" -p "$port" -U postgres -d postgres "$@"
}

ensure_role_and_database() {
  local bin=$1
  psql_admin "$bin" <<EOF
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN PASSWORD '$password' CREATEDB;
  END IF;
END \$\$;
EOF
  if [[ -z $(psql_admin "$bin" -tA -c "SELECT 1 FROM pg_database WHERE datname = '$database'") ]]; then
    psql_admin "$bin" -c "CREATE DATABASE $database OWNER $role"
  fi
}

wait_ready() {
  local bin=$1
  for _ in $(seq 1 60); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then return 0; fi
    sleep 0.5
  done
  die "server did not become ready on 127.0.0.1:$port within 30 s; see $log_file"
}

start() {
  local bin
  bin=$(bin_dir)
  if ! is_running "$bin"; then
    [[ -f $data/PG_VERSION ]] || init_cluster "$bin"
    if port_in_use; then
      die "port $port on 127.0.0.1 is taken by another program; set FLOTILLA_TEST_POSTGRES_PORT to a free port"
    fi
    say "starting PostgreSQL ($("$bin/postgres" --version)) on 127.0.0.1:$port"
    as_owner mkdir -p "$socket_dir"
    if is_root; then
      touch "$log_file"
      chown postgres:postgres "$base" "$log_file"
    fi
    as_owner "$bin/pg_ctl" -D "$data" -l "$log_file" -w -t 60 start >/dev/null || {
      tail -n 20 "$log_file" >&2 || true
      die "pg_ctl start failed; see $log_file"
    }
  else
    say "already running on 127.0.0.1:$port"
  fi
  wait_ready "$bin"
  ensure_role_and_database "$bin"
  printf "export FLOTILLA_TEST_POSTGRES_URL='%s'\n" "$url"
}

stop() {
  local bin
  bin=$(find_bin)
  if [[ -n $bin ]] && is_running "$bin"; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

status() {
  local bin
  bin=$(find_bin)
  if [[ -n $bin ]] && is_running "$bin"; then
    say "running on 127.0.0.1:$port (data $data)"
    printf "export FLOTILLA_TEST_POSTGRES_URL='%s'\n" "$url"
  else
    say "not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
