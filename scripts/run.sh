#!/usr/bin/env bash
# Builds and starts the Byline desktop app. Its database is SQLite in the
# user's data directory (~/.local/share/az.byline.reader/byline.sqlite3):
# nothing else to set up, no server. Installs missing Debian packages first.
#
# Usage: scripts/run.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

# The UI only when something in it changed (scripts/build-ui.sh); cargo
# decides for itself (the UI is embedded in the binary, so a new ui/dist
# rebuilds it).
scripts/build-ui.sh
profile=()
if [[ "${1:-}" == "--release" ]]; then
  profile=(--release)
fi
exec cargo run --locked "${profile[@]}" --bin byline
