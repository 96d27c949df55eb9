#!/usr/bin/env bash
# npm run migrate | schema | seed: the database and demo-data steps of `npm start`, one at a
# time, with the same configuration (infra/dev.env, .env.secrets, .env) and services.
# npm run organization:export -- <organization id> <file> | organization:import -- <file> <agency id>:
# moves a client organisation (passphrase from SOCLE_ARCHIVE_PASSPHRASE or standard input).
source "$(dirname "$0")/lib.sh"

command="${1:-}"
case "$command" in
  migrate|schema|seed|organization:export|organization:import) ;;
  *) die "usage: infra/scripts/cli.sh migrate | schema | seed | organization:export <organization id> <file> | organization:import <file> <agency id>" ;;
esac
shift

ensure_dependencies
ensure_services
load_env

case "$command" in
  migrate)
    # Creates the roles and the database first when missing, so it also works on a fresh machine.
    prepare_database
    ;;
  schema)
    # The API builds its schema at start and connects to the database and Redis doing so:
    # the demo database is prepared first.
    prepare_database
    say "writing apps/api/schema.graphql from the code…"
    node -r @swc-node/register apps/api/src/cli/print-schema.ts
    ;;
  seed)
    # The demo data goes through the public API: a running one (`npm start`) is used, or one is
    # started for the time of the seed.
    if api_ready; then
      seed_demo
    else
      prepare_database
      say "starting the API for the time of the seed…"
      node -r @swc-node/register apps/api/src/main.ts & api_pid=$!
      trap 'kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true' EXIT INT TERM
      wait_api_ready "$api_pid"
      seed_demo
    fi
    say "demo data loaded."
    ;;
  organization:export|organization:import)
    node -r @swc-node/register apps/api/src/cli/organization.ts "${command#organization:}" "$@"
    ;;
esac
