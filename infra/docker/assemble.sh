#!/usr/bin/env bash
# The production image's file tree, assembled from a repository whose dependencies are installed (dev ones included)
# and whose web console and API explorer are built (apps/console/dist, apps/console/explorer/dist):
#   <dest>/apps, libs, plugins   the processes compiled to JavaScript (infra/docker/compile.js), no spec, test helper or demo
#   <dest>/apps/console/dist, apps/console/explorer/dist   the console and the explorer the API serves
#   <dest>/package.json          the root's production dependencies only (no workspaces, no devDependencies, no scripts)
#   <dest>/node_modules          `npm ci --omit=dev` from the repository's lock file, type packages removed, and a link per
#                                workspace package (node_modules/@socle/<name>) as npm workspaces make them; CONNECTORS
#                                loads the plugins by these names
# The Dockerfile runs it; test/tooling/production-image.e2e-spec.ts runs it too, so the two cannot drift.
#
# usage: infra/docker/assemble.sh <repository> <dest>   (extra npm flags in NPM_CI_FLAGS, e.g. --prefer-offline)
set -euo pipefail

die() { printf 'assemble: %s\n' "$*" >&2; exit 1; }
[ $# -eq 2 ] || die "usage: infra/docker/assemble.sh <repository> <dest>"
repo="$(cd "$1" && pwd)"
mkdir -p "$2"
dest="$(cd "$2" && pwd)"
[ -z "$(ls -A "$dest")" ] || die "$dest is not empty"
for build in apps/console/dist apps/console/explorer/dist; do
  [ -f "$repo/$build/index.html" ] || die "$build/index.html is missing: build the console first (vite build --config apps/console/vite.config.ts and vite.explorer.config.ts)"
done

node "$repo/infra/docker/compile.js" "$repo" "$dest" > "$dest/.compiled-packages"

mkdir -p "$dest/apps/console/explorer"
cp -R "$repo/apps/console/dist" "$dest/apps/console/dist"
cp -R "$repo/apps/console/explorer/dist" "$dest/apps/console/explorer/dist"

# The production manifest: what the root declares as dependencies, nothing else. npm ci installs exactly their
# closure at the versions of the lock file.
node -e '
  const root = require(process.argv[1]);
  const manifest = { name: root.name, version: root.version, private: true, license: root.license, engines: root.engines, dependencies: root.dependencies };
  process.stdout.write(JSON.stringify(manifest, null, 2) + "\n");
' "$repo/package.json" > "$dest/package.json"
cp "$repo/package-lock.json" "$dest/package-lock.json"
# --ignore-scripts: no production dependency needs an install script (package.json allowScripts lists dev tools only).
# shellcheck disable=SC2086
(cd "$dest" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error ${NPM_CI_FLAGS:-})
# Type declarations some production packages depend on (@types/jsonwebtoken and @types/node) never run.
rm -rf "$dest/node_modules/@types"

mkdir -p "$dest/node_modules/@socle"
while read -r name dir; do
  ln -s "../../$dir" "$dest/node_modules/$name"
done < <(tail -n +2 "$dest/.compiled-packages")
rm "$dest/.compiled-packages"
printf 'assembled the production tree in %s\n' "$dest"
