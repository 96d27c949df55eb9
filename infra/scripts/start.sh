#!/usr/bin/env bash
# npm start: the platform with demo data, from a fresh clone.
source "$(dirname "$0")/lib.sh"

ensure_dependencies
ensure_services
load_env

prepare_database

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

say "starting the worker and the API…"
node -r @swc-node/register apps/worker/src/main.ts & pids+=($!)
node -r @swc-node/register apps/api/src/main.ts & pids+=($!)
wait_api_ready "${pids[1]}"
seed_demo

say "GraphQL API: http://$HOST:$PORT/graphql   (health: /health/ready, metrics: /metrics). Ctrl-C stops both processes."
wait -n "${pids[@]}"
