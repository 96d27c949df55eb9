#!/usr/bin/env bash
# Shared steps of the start and test commands: dependencies and services.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

say() { printf '\033[1m[socle]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[socle]\033[0m %s\n' "$*" >&2; exit 1; }

# Installs dependencies when node_modules is missing or older than the lock file.
ensure_dependencies() {
  command -v node >/dev/null || die "Node.js 20.11 or newer is required: install it from https://nodejs.org (or your package manager) and run this again."
  local major; major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js 20.11 or newer is required (found $(node --version))."
  if [ ! -f node_modules/.socle-installed ] || [ package-lock.json -nt node_modules/.socle-installed ]; then
    # npm install (not ci): it follows the lock file and tolerates its known gaps in
    # other platforms' optional binaries, which make `npm ci` refuse the lock.
    say "installing dependencies (npm install)…"
    npm install --no-audit --no-fund --loglevel=error
    touch node_modules/.socle-installed
  fi
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_port() {
  local host=$1 port=$2 name=$3
  for _ in $(seq 1 60); do port_open "$host" "$port" && return 0; sleep 1; done
  die "$name did not start listening on $host:$port within 60 s."
}

# Uses PostgreSQL and Redis when they answer; otherwise starts local installs,
# or infra/docker-compose.yml when a Docker engine runs; otherwise says what to install.
ensure_services() {
  local need_pg=0 need_redis=0
  port_open 127.0.0.1 5432 || need_pg=1
  port_open 127.0.0.1 6379 || need_redis=1
  [ $need_pg -eq 0 ] && [ $need_redis -eq 0 ] && return 0

  if [ $need_pg -eq 1 ] && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    local version; version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    say "starting the local PostgreSQL $version…"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_port 127.0.0.1 5432 PostgreSQL && need_pg=0
  fi
  if [ $need_redis -eq 1 ] && command -v redis-server >/dev/null; then
    say "starting the local Redis…"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
    wait_port 127.0.0.1 6379 Redis && need_redis=0
  fi
  if { [ $need_pg -eq 1 ] || [ $need_redis -eq 1 ]; } && command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    say "starting PostgreSQL and Redis with infra/docker-compose.yml…"
    docker compose -f infra/docker-compose.yml up -d --wait
    wait_port 127.0.0.1 5432 PostgreSQL
    wait_port 127.0.0.1 6379 Redis
    need_pg=0; need_redis=0
  fi
  if [ $need_pg -eq 1 ] || [ $need_redis -eq 1 ]; then
    local missing=()
    [ $need_pg -eq 1 ] && missing+=("PostgreSQL 15+ on 127.0.0.1:5432 (with a superuser 'postgres' reachable without a password, e.g. trust auth for local connections)")
    [ $need_redis -eq 1 ] && missing+=("Redis 7 on 127.0.0.1:6379")
    die "Nothing answers for: ${missing[*]}. Install them (Debian/Ubuntu: 'apt-get install postgresql redis-server'; macOS: 'brew install postgresql@15 redis') or start a Docker engine so infra/docker-compose.yml can run them, then run this again."
  fi
}

load_env() {
  set -a
  # shellcheck disable=SC1091
  . "$ROOT/infra/dev.env"
  [ -f "$ROOT/.env" ] && . "$ROOT/.env"
  set +a
}
