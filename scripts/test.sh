#!/usr/bin/env bash
# Runs every test of Byline: the web UI's, every crate's, the app's command
# tests, the end-to-end tests in the real webview, and the install test of
# the .deb. Installs the Debian packages it needs first (idempotent).
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

# The benchmarks' own tools (the code order's profile reader).
PYTHONDONTWRITEBYTECODE=1 python3 -m unittest discover -s bench/app -p 'test_*.py'

# The web UI: its own tests, then the build the app embeds.
(cd ui && npm ci --no-audit --no-fund && npm test && npm run build)

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Unit and integration tests of every crate, and the app's command tests.
cargo build --locked --bin byline            # the app under test; embeds ui/dist
cargo test --workspace --locked --all-targets --exclude byline-e2e
cargo test --workspace --locked --doc

# End to end in the real webview: Xvfb + tauri-driver + WebKitWebDriver.
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  cargo install tauri-driver --locked --version ^2
fi
export PATH="$HOME/.cargo/bin:$PATH"
cargo test --locked -p byline-e2e --test e2e -- --test-threads=1

# Install the .deb like a user, run it, reinstall over a database, remove it.
# It installs a system package: set BYLINE_SKIP_INSTALL_TEST=1 to skip it.
if [ -z "${BYLINE_SKIP_INSTALL_TEST:-}" ]; then
  bash scripts/install-test.sh
  echo "install-test: 1 passed, 0 failed"
fi
