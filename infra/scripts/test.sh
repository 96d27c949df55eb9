#!/usr/bin/env bash
# npm test: every test (types, lint, unit, integration against the real
# PostgreSQL and Redis, end-to-end), from a fresh clone. Creates and drops its own database.
source "$(dirname "$0")/lib.sh"

ensure_dependencies
ensure_services
export SOCLE_PG_ADMIN_URL="${SOCLE_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export NX_DAEMON=false NX_NO_CLOUD=true

say "type-checking…"
npx tsc -p tsconfig.json --noEmit
say "linting (module boundaries included)…"
# The module-boundary rule reads Nx's project graph; on a fresh clone it must be computed first,
# or the rule silently skips itself.
npx nx show projects >/dev/null
npx eslint --max-warnings 0 apps libs plugins test
say "checking formatting (Prettier)…"
npx prettier --check . --log-level warn
say "running the tests…"
npx jest --ci "$@"
