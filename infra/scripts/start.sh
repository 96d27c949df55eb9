#!/usr/bin/env bash
# npm start: the platform with demo data, from a fresh clone.
source "$(dirname "$0")/lib.sh"

ensure_dependencies
ensure_services
load_env

prepare_database

# The API serves the web console from apps/console/dist: built when missing or older than its sources.
console_sources=(apps/console/src apps/console/index.html apps/console/vite.config.ts apps/console/codegen.ts apps/api/schema.graphql)
if [ ! -f apps/console/dist/index.html ] || [ -n "$(find "${console_sources[@]}" -newer apps/console/dist/index.html -print -quit)" ]; then
  say "building the web console…"
  npx graphql-codegen --config apps/console/codegen.ts --errors-only
  npx vite build --config apps/console/vite.config.ts --logLevel warn
fi
# The API explorer (GraphiQL at /graphql for browsers) from apps/console/explorer, built the same way.
explorer_sources=(apps/console/explorer/index.html apps/console/explorer/main.tsx apps/console/explorer/operations.ts apps/console/explorer/explorer.css apps/console/vite.explorer.config.ts)
if [ ! -f apps/console/explorer/dist/index.html ] || [ -n "$(find "${explorer_sources[@]}" -newer apps/console/explorer/dist/index.html -print -quit)" ]; then
  say "building the API explorer…"
  npx vite build --config apps/console/vite.explorer.config.ts --logLevel warn
fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# The demo network: a local stand-in answering like a Mastodon instance on loopback, never a real
# network. Only for the demo do the API and the worker let requests reach it (OUTBOUND_ALLOWED_RANGES).
export DEMO_NETWORK_URL="${DEMO_NETWORK_URL:-http://127.0.0.1:3100}"
export OUTBOUND_ALLOWED_RANGES="${OUTBOUND_ALLOWED_RANGES:-127.0.0.1/32}"

say "starting the worker, the API and the demo network…"
node -r @swc-node/register apps/worker/src/main.ts & pids+=($!)
node -r @swc-node/register apps/api/src/main.ts & pids+=($!)
node -r @swc-node/register apps/api/src/cli/demo/network-server.ts & pids+=($!)
wait_port 127.0.0.1 "${DEMO_NETWORK_URL##*:}" "the demo network"
wait_api_ready "${pids[1]}"
seed_demo

say "Web console: http://$HOST:$PORT/   (log in with a demo account from the README, or sign up)."
say "GraphQL API: http://$HOST:$PORT/graphql   (health: /health/ready, metrics: /metrics)."
say "Demo network (a local stand-in, never a real network): $DEMO_NETWORK_URL. Ctrl-C stops the three processes."
wait -n "${pids[@]}"
