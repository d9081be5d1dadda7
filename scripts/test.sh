#!/usr/bin/env bash
# Runs every test of Byline: engine crates, CLI, and the desktop app crate.
# Installs the Debian packages it needs first (idempotent).
#
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
if ! command -v cargo >/dev/null 2>&1; then
  echo "test: cargo not found; install Rust (https://rustup.rs) first" >&2
  exit 1
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "test: npm not found; install Node.js 20 or newer first" >&2
  exit 1
fi

# The web UI: its own tests, then the build the app embeds.
(cd ui && npm ci --no-audit --no-fund && npm test && npm run build)

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
cargo test --workspace --locked --all-targets
cargo test --workspace --locked --doc
