#!/usr/bin/env bash
# Installs Byline's .deb the way a user does, and checks the installed app:
#
#   1. builds the .deb (`tauri build --bundles deb`, a release build: several
#      minutes, then scripts/compress-deb.sh as the release does) unless one
#      is given, and checks the package itself: the
#      binary, the desktop entry (categories Network;News;Feed;), the icons,
#      the version from Cargo.toml, the dependencies;
#   2. `apt-get install`s it and starts the INSTALLED /usr/bin/byline under
#      Xvfb with a fresh temporary HOME; waits for its window and its
#      database, and takes a screenshot (artifacts/install/);
#   3. seeds a saved article into that HOME's database with byline-cli (from a
#      local fixture server), then installs the same .deb again
#      (`apt-get install --reinstall`, what an upgrade does to the files),
#      starts the app again on the same HOME, and checks the saved article is
#      still there (`byline-cli list --saved --json`);
#   4. `apt-get remove`s it and checks /usr/bin/byline is gone (the user's
#      data in HOME stays).
#
# Exits non-zero with a message on the first failure. Needs root (or sudo),
# Debian/Ubuntu, cargo, node/npx (only to build the .deb), Xvfb, xdotool,
# ImageMagick (scripts/install-deps.sh installs them). It installs and
# removes the system package `byline`: run it on a CI or test machine.
#
# Usage: scripts/install-test.sh [path/to/Byline_VERSION_ARCH.deb]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ARTIFACTS=$ROOT/artifacts/install
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export DEBIAN_FRONTEND=noninteractive

log() { printf 'install-test: %s\n' "$*" >&2; }
fail() {
  printf 'install-test: FAIL: %s\n' "$*" >&2
  exit 1
}

SUDO=()
if ((EUID != 0)); then
  command -v sudo >/dev/null 2>&1 || fail "needs root or sudo (it runs apt-get install/remove)"
  SUDO=(sudo)
fi
for tool in apt-get dpkg dpkg-deb Xvfb xdotool xprop import convert jq cargo; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool not found (scripts/install-deps.sh installs what is missing)"
done

mkdir -p "$ARTIFACTS"
rm -f "$ARTIFACTS"/*.png "$ARTIFACTS"/*.log
WORK=$(mktemp -d -t byline-install-test.XXXXXX)
XVFB_PID="" APP_PID="" FIXTURE_PID=""
INSTALLED_BY_US=0

cleanup() {
  local status=$?
  [ -n "$APP_PID" ] && kill -TERM -- "-$APP_PID" 2>/dev/null || true
  [ -n "$FIXTURE_PID" ] && kill -TERM "$FIXTURE_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill -TERM "$XVFB_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  if ((status != 0 && INSTALLED_BY_US)) && [ -z "${KEEP_INSTALLED:-}" ] && dpkg-query -W -f='${Status}' byline 2>/dev/null | grep -q 'install ok installed'; then
    log "removing the package after the failure (set KEEP_INSTALLED=1 to keep it)"
    "${SUDO[@]}" apt-get remove -y byline >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  if ((status == 0)); then log "PASS"; else log "artifacts and logs: $ARTIFACTS"; fi
}
trap cleanup EXIT

# --------------------------------------------------------------------------
# 1. The package
# --------------------------------------------------------------------------
DEB=${1:-}
if [ -z "$DEB" ]; then
  command -v npx >/dev/null 2>&1 || fail "npx not found: Node.js is needed to run the Tauri CLI"
  log "building the .deb (release build, several minutes)"
  start=$(date +%s)
  npx --yes @tauri-apps/cli@2 build --bundles deb 2>&1 | tee "$ARTIFACTS/build.log" >&2 \
    || fail "tauri build failed (see $ARTIFACTS/build.log)"
  log "built in $(($(date +%s) - start))s"
  # Named after productName: Byline_VERSION_ARCH.deb (the package inside is `byline`).
  DEB=$(ls -t "$TARGET"/release/bundle/deb/[Bb]yline_*.deb 2>/dev/null | head -n 1 || true)
  [ -n "$DEB" ] || fail "no Byline_*.deb under $TARGET/release/bundle/deb/"
  # As the release ships it: its files compressed with xz.
  bash scripts/compress-deb.sh "$DEB" || fail "compressing $DEB with xz failed"
fi
[ -f "$DEB" ] || fail "no such file: $DEB"
DEB=$(readlink -f "$DEB")
log "package: $DEB ($(stat -c %s "$DEB") bytes)"

version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -n 1)
[ "$(dpkg-deb -f "$DEB" Package)" = byline ] || fail "the package is not called byline: $(dpkg-deb -f "$DEB" Package)"
[ "$(dpkg-deb -f "$DEB" Version)" = "$version" ] || fail "package version $(dpkg-deb -f "$DEB" Version) is not Cargo.toml's $version"
depends=$(dpkg-deb -f "$DEB" Depends)
for dep in libwebkit2gtk-4.1-0 libgtk-3-0; do
  grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
mkdir -p "$WORK/deb"
dpkg-deb -x "$DEB" "$WORK/deb"
[ -x "$WORK/deb/usr/bin/byline" ] || fail "the package has no executable usr/bin/byline"
desktop=$(find "$WORK/deb/usr/share/applications" -name '*.desktop' 2>/dev/null | head -n 1)
[ -n "$desktop" ] || fail "the package has no desktop entry in usr/share/applications"
cp "$desktop" "$ARTIFACTS/"
grep -qx 'Categories=Network;News;Feed;' "$desktop" || fail "desktop entry categories: $(grep Categories "$desktop" || echo none)"
grep -qx 'Exec=byline' "$desktop" || fail "desktop entry Exec: $(grep Exec= "$desktop" || echo none)"
grep -qx 'Icon=byline' "$desktop" || fail "desktop entry Icon: $(grep Icon= "$desktop" || echo none)"
grep -qx 'Name=Byline' "$desktop" || fail "desktop entry Name: $(grep Name= "$desktop" || echo none)"
if grep -q '{{' "$desktop"; then fail "unexpanded template placeholders in $desktop"; fi
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $(basename "$desktop")"
fi
for size in 32x32 128x128; do
  [ -f "$WORK/deb/usr/share/icons/hicolor/$size/apps/byline.png" ] || fail "no $size icon in the package"
done
log "package checks passed (byline $version; Depends: $depends)"

# Tools the test uses next: the CLI (to seed and read the database) and the
# fixture server (a feed on 127.0.0.1; no internet).
log "building byline-cli and byline-fixture-server"
cargo build --locked --quiet -p byline-cli -p byline-testkit --bins || fail "cargo build of the test tools failed"
CLI=$TARGET/debug/byline-cli
FIXTURE_SERVER=$TARGET/debug/byline-fixture-server

# --------------------------------------------------------------------------
# 2. Install, start the installed app
# --------------------------------------------------------------------------
if dpkg-query -W -f='${Status}' byline 2>/dev/null | grep -q 'install ok installed'; then
  log "byline is installed already; removing it first for a fresh install"
  "${SUDO[@]}" apt-get remove -y byline >/dev/null || fail "apt-get remove of the old byline failed"
fi
log "apt-get install $DEB"
INSTALLED_BY_US=1
"${SUDO[@]}" apt-get install -y "$DEB" >"$ARTIFACTS/apt-install.log" 2>&1 \
  || fail "apt-get install failed (see $ARTIFACTS/apt-install.log)"
[ -x /usr/bin/byline ] || fail "/usr/bin/byline is missing after install"
dpkg-query -W -f='${Status}' byline | grep -q 'install ok installed' || fail "dpkg does not list byline as installed"
[ -f "/usr/share/applications/$(basename "$desktop")" ] || fail "the desktop entry was not installed"

# An X server on a free display (Xvfb picks it and writes it to fd 3).
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$WORK/display" >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
[ -s "$WORK/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(tr -d '[:space:]' <"$WORK/display")"
log "Xvfb on $DISPLAY"

USER_HOME=$WORK/home
mkdir -p "$USER_HOME"/{.local/share,.config,.cache,runtime}
chmod 700 "$USER_HOME/runtime"
DB=$USER_HOME/.local/share/az.byline.reader/byline.sqlite3

# Starts /usr/bin/byline as a user with HOME=$USER_HOME, in its own process group.
start_app() {
  local name=$1
  setsid env -i \
    PATH=/usr/local/bin:/usr/bin:/bin DISPLAY="$DISPLAY" LANG=C.UTF-8 \
    HOME="$USER_HOME" XDG_DATA_HOME="$USER_HOME/.local/share" XDG_CONFIG_HOME="$USER_HOME/.config" \
    XDG_CACHE_HOME="$USER_HOME/.cache" XDG_RUNTIME_DIR="$USER_HOME/runtime" \
    DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/byline-install-test NO_AT_BRIDGE=1 \
    WEBKIT_DISABLE_DMABUF_RENDERER=1 WEBKIT_DISABLE_COMPOSITING_MODE=1 \
    /usr/bin/byline >"$ARTIFACTS/$name.log" 2>&1 &
  APP_PID=$!
  local window=""
  for _ in $(seq 600); do
    kill -0 "$APP_PID" 2>/dev/null || fail "the installed app exited at start (see $ARTIFACTS/$name.log)"
    window=$(xdotool search --onlyvisible --name '^Byline$' 2>/dev/null | head -n 1 || true)
    [ -n "$window" ] && [ -f "$DB" ] && break
    sleep 0.1
  done
  [ -n "$window" ] || fail "no window named Byline within 60s (see $ARTIFACTS/$name.log)"
  [ -f "$DB" ] || fail "the app did not create its database at $DB"
  # The window maps before the webview has painted the UI: wait until the
  # screenshot shows more than a blank window.
  local shot=$ARTIFACTS/$name.png colors=0
  for _ in $(seq 40); do
    import -display "$DISPLAY" -window "$window" "$shot" 2>/dev/null || true
    colors=$(convert "$shot" -format '%k' info: 2>/dev/null || echo 0)
    ((colors > 64)) && break
    sleep 0.5
  done
  ((colors > 64)) || fail "the window stays blank ($colors colours in $shot)"
  # Docks match windows to the desktop entry by StartupWMClass.
  local wm_class
  wm_class=$(xprop -id "$window" WM_CLASS 2>/dev/null || true)
  grep -q "\"$(sed -n 's/^StartupWMClass=//p' "$desktop")\"" <<<"$wm_class" \
    || fail "the window's $wm_class does not match the desktop entry's StartupWMClass"
  log "$name: window $window is up and rendered ($colors colours): $shot"
}

stop_app() {
  [ -n "$APP_PID" ] || return 0
  kill -TERM -- "-$APP_PID" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

start_app first-run
stop_app

# --------------------------------------------------------------------------
# 3. Seed a saved article, install again, check it is still there
# --------------------------------------------------------------------------
"$FIXTURE_SERVER" crates/byline-engine/tests/fixtures >"$WORK/fixture-url" 2>"$ARTIFACTS/fixture-server.log" &
FIXTURE_PID=$!
for _ in $(seq 100); do [ -s "$WORK/fixture-url" ] && break; sleep 0.1; done
BASE=$(head -n 1 "$WORK/fixture-url")
[ -n "$BASE" ] || fail "the fixture server did not start"

cli() { "$CLI" --db "$DB" --extract never "$@"; }
cli add "$BASE/az-utf8.xml" >"$ARTIFACTS/cli-add.log" 2>&1 || fail "byline-cli add failed (see $ARTIFACTS/cli-add.log)"
TITLE="Şəhərdə yeni məktəb açıldı"
id=$(cli --json search "şəhər" | jq -r --arg t "$TITLE" '.[] | select(.title == $t) | .id' | head -n 1)
[ -n "$id" ] || fail "the seeded feed has no article \"$TITLE\""
cli save "$id" >/dev/null || fail "byline-cli save $id failed"
saved_titles() { cli --json list --saved | jq -r '.[].title'; }
grep -qxF "$TITLE" <<<"$(saved_titles)" || fail "the article was not saved"
log "seeded saved article $id: $TITLE"

log "apt-get install --reinstall $DEB"
"${SUDO[@]}" apt-get install -y --reinstall "$DEB" >"$ARTIFACTS/apt-reinstall.log" 2>&1 \
  || fail "apt-get install --reinstall failed (see $ARTIFACTS/apt-reinstall.log)"
[ -x /usr/bin/byline ] || fail "/usr/bin/byline is missing after the reinstall"
grep -qxF "$TITLE" <<<"$(saved_titles)" || fail "the saved article is gone after the reinstall"

# The reinstalled app opens the same database (and syncs it) without losing it.
start_app after-reinstall
stop_app
grep -qxF "$TITLE" <<<"$(saved_titles)" || fail "the saved article is gone after running the reinstalled app"
log "the saved article survived the reinstall and a run of the reinstalled app"

# --------------------------------------------------------------------------
# 4. Remove
# --------------------------------------------------------------------------
log "apt-get remove byline"
"${SUDO[@]}" apt-get remove -y byline >"$ARTIFACTS/apt-remove.log" 2>&1 \
  || fail "apt-get remove failed (see $ARTIFACTS/apt-remove.log)"
INSTALLED_BY_US=0
[ ! -e /usr/bin/byline ] || fail "/usr/bin/byline is still there after apt-get remove"
[ ! -e "/usr/share/applications/$(basename "$desktop")" ] || fail "the desktop entry is still there after remove"
if dpkg-query -W -f='${Status}' byline 2>/dev/null | grep -q 'install ok installed'; then
  fail "dpkg still lists byline as installed"
fi
[ -f "$DB" ] || fail "removing the package deleted the user's database"
log "removed; /usr/bin/byline is gone and the user's data stays in their HOME"
