#!/usr/bin/env bash
# Install the Debian/Ubuntu packages needed to build, run and test Byline.
#
# Idempotent: packages that are already installed are skipped, and
# `apt-get update` only runs when something actually has to be installed.
# Uses sudo when not running as root.
#
# Usage: scripts/install-deps.sh
set -euo pipefail

PACKAGES=(
  # Tauri 2 / WebKitGTK build dependencies
  libwebkit2gtk-4.1-dev
  libsoup-3.0-dev
  libgtk-3-dev
  librsvg2-dev
  libayatana-appindicator3-dev
  build-essential
  pkg-config
  libssl-dev
  # Account passwords in the OS keyring (keyring crate, Secret Service over libdbus)
  libdbus-1-dev
  # Keyring tests (crates/byline-testkit/src/keyring.rs): a private session
  # bus with a real GNOME Keyring serving the Secret Service on it
  dbus
  gnome-keyring
  curl
  file
  # Headless UI testing and screenshots
  xvfb
  xauth
  imagemagick
  webkit2gtk-driver
  # Debian's default fonts: the e2e tests and screenshots see what users see
  fonts-noto-core
  # Install test (scripts/install-test.sh): find the window, check the desktop entry
  xdotool
  x11-utils
  desktop-file-utils
  jq
  # Sync tests (crates/byline-accounts): a real FreshRSS under PHP's built-in
  # server, from crates/byline-testkit/servers/freshrss/
  php-cli
  php-sqlite3
  php-curl
  php-xml
  php-mbstring
  php-intl
  php-zip
  php-gmp
  # The benchmarks' own tools and their tests (bench/app/code_order.py)
  python3
)

# Sync tests (crates/byline-accounts): a real Tiny Tiny RSS 21 on a private
# PostgreSQL (crates/byline-testkit/src/ttrss.rs). Installed without
# recommends, or apt pulls in Apache (which wants port 80, where the tests
# serve their feeds); php-cgi satisfies tt-rss's web-server PHP dependency.
# Debconf is preseeded so tt-rss does not ask for, or create, a database.
NO_RECOMMENDS_PACKAGES=(
  tt-rss
  php-cgi
  php-pgsql
  postgresql
)
DEBCONF_SELECTIONS='tt-rss tt-rss/dbconfig-install boolean false'

log() { printf 'install-deps: %s\n' "$*" >&2; }

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  log "this script supports Debian/Ubuntu (dpkg + apt-get) only."
  log "install the equivalents of: ${PACKAGES[*]}"
  exit 1
fi

# `dpkg -s` also succeeds for removed-but-not-purged packages, so check the status.
is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! is_installed "$pkg"; then
    missing+=("$pkg")
  fi
done
missing_no_recommends=()
for pkg in "${NO_RECOMMENDS_PACKAGES[@]}"; do
  if ! is_installed "$pkg"; then
    missing_no_recommends+=("$pkg")
  fi
done

total=$((${#PACKAGES[@]} + ${#NO_RECOMMENDS_PACKAGES[@]}))
if ((${#missing[@]} + ${#missing_no_recommends[@]} == 0)); then
  log "all $total system packages are already installed."
else
  SUDO=()
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1; then
      SUDO=(sudo)
    else
      log "need root to install: ${missing[*]} ${missing_no_recommends[*]} (and sudo is not available)."
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update
  if ((${#missing[@]} > 0)); then
    log "installing: ${missing[*]}"
    "${SUDO[@]}" apt-get install -y "${missing[@]}"
  fi
  if ((${#missing_no_recommends[@]} > 0)); then
    log "installing without recommends: ${missing_no_recommends[*]}"
    printf '%s\n' "$DEBCONF_SELECTIONS" | "${SUDO[@]}" debconf-set-selections
    "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing_no_recommends[@]}"
  fi
fi

if command -v cargo >/dev/null 2>&1; then
  log "found $(cargo --version)."
else
  log "cargo was not found on PATH."
  log "install the Rust toolchain with rustup (https://rustup.rs), then open a new"
  log "shell or run: source \"\$HOME/.cargo/env\""
  exit 1
fi
