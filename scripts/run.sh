#!/usr/bin/env bash
# Builds and starts the Byline desktop app. Its database is SQLite in the
# user's data directory (~/.local/share/az.byline.reader/byline.sqlite3):
# nothing else to set up, no server. Installs missing Debian packages first.
#
# Usage: scripts/run.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

# Whether $1 exists and no file under the other paths is newer than it.
up_to_date() {
  local stamp=$1
  shift
  [[ -e "$stamp" ]] && [[ -z "$(find "$@" -type f -newer "$stamp" -print -quit 2>/dev/null)" ]]
}

# Only what changed is redone: `npm ci` when the lock file is newer than
# node_modules, the UI build when a source is newer than ui/dist; cargo
# decides for itself (the UI is embedded in the binary, so a new ui/dist
# rebuilds it).
if [[ -d ui/node_modules && ui/node_modules -nt ui/package-lock.json ]]; then
  echo "run.sh: ui/node_modules is up to date, skipping npm ci" >&2
else
  (cd ui && npm ci --no-audit --no-fund)
  touch ui/node_modules
fi
if up_to_date ui/dist/index.html ui/src ui/public ui/index.html ui/package.json ui/package-lock.json ui/vite.config.ts ui/tsconfig.json; then
  echo "run.sh: ui/dist is up to date, skipping the UI build" >&2
else
  (cd ui && npm run build)
fi
profile=()
if [[ "${1:-}" == "--release" ]]; then
  profile=(--release)
fi
exec cargo run --locked "${profile[@]}" --bin byline
