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
# The web console's operations are typed from the committed schema: regenerated (a field the schema lost fails
# here), then type-checked with the console's code (a changed type fails there).
npx graphql-codegen --config apps/console/codegen.ts --errors-only
npx tsc -p apps/console/tsconfig.json --noEmit
say "linting (module boundaries included)…"
# The module-boundary rule reads Nx's project graph; on a fresh clone it must be computed first,
# or the rule silently skips itself.
npx nx show projects >/dev/null
npx eslint --max-warnings 0 apps libs plugins test
say "checking formatting (Prettier)…"
npx prettier --check . --log-level warn
say "building the web console and the API explorer (their browser tests load the builds)…"
npx vite build --config apps/console/vite.config.ts --logLevel warn
npx vite build --config apps/console/vite.explorer.config.ts --logLevel warn
# The browser tests drive the system's Chromium (CHROMIUM_PATH, else the first one found), installed when missing if we may.
if [ -z "${CHROMIUM_PATH:-}" ]; then
  for candidate in /usr/bin/chromium chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null; then CHROMIUM_PATH="$(command -v "$candidate")"; break; fi
  done
fi
if [ -z "${CHROMIUM_PATH:-}" ]; then
  if command -v apt-get >/dev/null && { [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; }; then
    say "installing Chromium for the web console's browser tests (apt-get install chromium)…"
    as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium >/dev/null
    CHROMIUM_PATH="$(command -v chromium)"
  else
    die "The web console's browser tests need Chromium: install it (Debian/Ubuntu: 'sudo apt-get install chromium'; macOS: 'brew install --cask chromium') or set CHROMIUM_PATH to a Chromium or Chrome binary, then run this again."
  fi
fi
export CHROMIUM_PATH
say "measuring the parsers' growth on hostile input (alone, while nothing else runs)…"
npx jest --ci --config jest.growth.config.js --passWithNoTests "$@"
say "running the tests…"
npx jest --ci "$@"
