#!/usr/bin/env bash
# Builds the web UI into ui/dist, which the app embeds. Only what changed is
# redone: `npm ci` when ui/package-lock.json is newer than ui/node_modules,
# the Vite build when a UI source is newer than ui/dist. Run by
# scripts/run.sh, and by the Tauri CLI before `tauri build` and `tauri dev`
# (tauri.conf.json's beforeBuildCommand and beforeDevCommand).
#
# Usage: scripts/build-ui.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Whether $1 exists and no file under the other paths is newer than it.
up_to_date() {
  local stamp=$1
  shift
  [[ -e "$stamp" ]] && [[ -z "$(find "$@" -type f -newer "$stamp" -print -quit 2>/dev/null)" ]]
}

if [[ -d ui/node_modules && ui/node_modules -nt ui/package-lock.json ]]; then
  echo "build-ui: ui/node_modules is up to date, skipping npm ci" >&2
else
  (cd ui && npm ci --no-audit --no-fund)
  touch ui/node_modules
fi
if up_to_date ui/dist/index.html ui/src ui/public ui/index.html ui/package.json ui/package-lock.json ui/vite.config.ts ui/tsconfig.json; then
  echo "build-ui: ui/dist is up to date, skipping the UI build" >&2
else
  (cd ui && npm run build)
fi
