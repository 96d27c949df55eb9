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

SECRETS_FILE="$ROOT/.env.secrets"

# The installation's own secrets, generated once and kept in .env.secrets (git-ignored,
# readable by its owner only), then reused at every start: the credentials the demo
# database holds were sealed with these keys and must stay readable. None is ever
# committed: every process refuses a value that was (and one too weak), by name.
ensure_secrets() {
  local created=0
  if [ ! -f "$SECRETS_FILE" ]; then
    ( umask 077
      printf '# Secrets of this installation, generated on %s (npm start, npm run migrate|schema|seed).\n# Never commit this file; keep it to decrypt the credentials stored in the demo database.\n' \
        "$(date -u +%Y-%m-%dT%H:%MZ)" > "$SECRETS_FILE.tmp"
      mv "$SECRETS_FILE.tmp" "$SECRETS_FILE" )
    created=1
  fi
  if [ -n "$(find "$SECRETS_FILE" -perm /077 2>/dev/null)" ]; then
    say "$SECRETS_FILE was readable by others: restricting it to its owner (chmod 600)."
    chmod 600 "$SECRETS_FILE"
  fi
  # Any variable missing from the file (a new one, or a file written by hand) is appended, never replaced.
  local missing=()
  for name in JWT_SECRET API_KEY_PEPPER ENCRYPTION_KEYS; do
    grep -q "^$name=" "$SECRETS_FILE" || missing+=("$name")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  node -e '
    const { randomBytes } = require("node:crypto");
    const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, "")}`;
    const lines = { JWT_SECRET: [`JWT_SECRET=${randomBytes(48).toString("base64url")}`],
      API_KEY_PEPPER: [`API_KEY_PEPPER=${randomBytes(48).toString("base64url")}`],
      ENCRYPTION_KEYS: [`ENCRYPTION_KEYS=${id}:${randomBytes(32).toString("base64")}`, `ENCRYPTION_ACTIVE_KEY=${id}`] };
    process.stdout.write(process.argv.slice(1).flatMap((name) => lines[name]).join("\n") + "\n");
  ' "${missing[@]}" >> "$SECRETS_FILE"
  if [ $created -eq 1 ]; then
    say "generated this installation's secrets in .env.secrets (git-ignored, mode 600): keep the file, the demo database's encrypted credentials need it."
  else
    say "added ${missing[*]} to .env.secrets."
  fi
}

# dev.env (committed, no secret), then .env.secrets, then .env (local overrides).
load_env() {
  ensure_secrets
  set -a
  # shellcheck disable=SC1091
  . "$ROOT/infra/dev.env"
  # shellcheck disable=SC1090
  . "$SECRETS_FILE"
  [ -f "$ROOT/.env" ] && . "$ROOT/.env"
  set +a
}

# Creates the roles and the database if missing, then applies pending migrations (idempotent).
prepare_database() {
  say "preparing the database '$SOCLE_DATABASE' (roles, schema, migrations)…"
  node -r @swc-node/register apps/api/src/cli/database.ts provision "$SOCLE_DATABASE"
  node -r @swc-node/register apps/api/src/cli/database.ts migrate
}

api_ready() {
  node -e "fetch('http://$HOST:$PORT/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
}

# Waits up to 90 s for the API started as process $1 to answer /health/ready.
wait_api_ready() {
  local pid=$1
  for _ in $(seq 1 90); do
    api_ready && return 0
    kill -0 "$pid" 2>/dev/null || die "the API stopped during start-up (see its log above)."
    sleep 1
  done
  die "the API did not become ready within 90 s."
}

# The demo data, through the public API of the server on $HOST:$PORT (idempotent).
seed_demo() {
  say "loading the demo data (idempotent)…"
  SOCLE_API_URL="http://$HOST:$PORT/graphql" node -r @swc-node/register apps/api/src/cli/seed-demo.ts
}
