#!/usr/bin/env bash
# npm start: the platform with demo data, from a fresh clone.
source "$(dirname "$0")/lib.sh"

ensure_dependencies
ensure_services
load_env

say "preparing the database '$SOCLE_DATABASE' (roles, schema, migrations)…"
node -r @swc-node/register apps/api/src/cli/database.ts provision "$SOCLE_DATABASE"
node -r @swc-node/register apps/api/src/cli/database.ts migrate

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

say "starting the worker and the API…"
node -r @swc-node/register apps/worker/src/main.ts & pids+=($!)
node -r @swc-node/register apps/api/src/main.ts & pids+=($!)
ready=0
for _ in $(seq 1 90); do
  if node -e "fetch('http://$HOST:$PORT/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then ready=1; break; fi
  kill -0 "${pids[1]}" 2>/dev/null || die "the API stopped during start-up (see its log above)."
  sleep 1
done
[ $ready -eq 1 ] || die "the API did not become ready within 90 s."

say "loading the demo data (idempotent)…"
SOCLE_API_URL="http://$HOST:$PORT/graphql" node -r @swc-node/register apps/api/src/cli/seed-demo.ts

say "GraphQL API: http://$HOST:$PORT/graphql   (health: /health/ready, metrics: /metrics). Ctrl-C stops both processes."
wait -n "${pids[@]}"
