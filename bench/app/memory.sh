#!/usr/bin/env bash
# Memory of the desktop app as a user runs it, beside Liferea in the same
# run: the release build, idle under Xvfb with 10,000 articles in its
# database and the article list showing; total PSS (from
# /proc/PID/smaps_rollup) of the app and every process it started (the
# WebKit web and network processes).
#
# Usage: bench/app/memory.sh [--runs N] [--settle SECONDS] [--app PATH]
# Needs: a release build (cargo build --release --bin byline, and
# byline-bench + byline-cli), Xvfb, liferea (apt-get install liferea).
set -euo pipefail
cd "$(dirname "$0")/../.."

settle=20
runs=3
target="${CARGO_TARGET_DIR:-target}"
app="$target/release/byline"
while [ $# -gt 0 ]; do
  case "$1" in
    --settle) settle="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --app) app="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--settle SECONDS] [--app PATH]" >&2; exit 2 ;;
  esac
done
bench="$target/release/byline-bench"
cli="$target/release/byline-cli"
for bin in "$app" "$bench" "$cli"; do
  [ -x "$bin" ] || { echo "memory: $bin is missing: cargo build --release --bin byline -p byline-bench -p byline-cli" >&2; exit 1; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The process group of `pid` (its children included), summed: PSS in KiB.
pss_of_group() {
  local total=0 pss
  for p in $(pgrep -g "$1"); do
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${pss:-0}))
  done
  echo "$total"
}
# One line per process of the group: name and PSS in MiB.
pss_lines() {
  for p in $(pgrep -g "$1"); do
    printf '%s=%s ' "$(cat "/proc/$p/comm")" "$(awk '/^Pss:/ {printf "%.0f", $2/1024}' "/proc/$p/smaps_rollup" 2>/dev/null)"
  done
}

# 200 feeds x 50 items, served on 127.0.0.1 while the app runs (so its sync
# at start gets 304s, as a user's would).
setsid "$bench" serve --urls "$work/urls.txt" --feeds 200 --items 50 >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/urls.txt" ] && break; sleep 0.1; done
{
  echo '<?xml version="1.0"?><opml version="2.0"><body>'
  while read -r url; do echo "<outline type=\"rss\" xmlUrl=\"$url\"/>"; done <"$work/urls.txt"
  echo '</body></opml>'
} >"$work/feeds.opml"

export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$XDG_DATA_HOME/az.byline.reader"
"$cli" --db "$XDG_DATA_HOME/az.byline.reader/byline.sqlite3" --extract never import "$work/feeds.opml" >/dev/null
articles=$(sqlite3 "$XDG_DATA_HOME/az.byline.reader/byline.sqlite3" 'SELECT COUNT(*) FROM articles' 2>/dev/null || echo "?")

Xvfb :77 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=:77
sleep 1

measure() {  # run, name, command...
  local run="$1" name="$2"; shift 2
  setsid "$@" >/dev/null 2>&1 &
  local pid=$!
  pids+=("$pid")
  sleep "$settle"
  printf '| %s | %s | %.0f | %s |\n' "$run" "$name" "$(echo "$(pss_of_group "$pid") / 1024" | bc -l)" "$(pss_lines "$pid")"
  kill -- "-$pid" 2>/dev/null || true
  sleep 1
}

echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- src-tauri ui crates 2>/dev/null || echo ' (with uncommitted changes)'); app binary built $(date -u -r "$app" '+%Y-%m-%d %H:%M UTC')"
echo "- Machine: $(nproc) cores, $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg) before"
echo "- Byline: the release build, its database holding $articles articles (200 feeds x 50 items, served on 127.0.0.1 while it runs), the article list showing; Liferea $(dpkg-query -W -f '${Version}' liferea 2>/dev/null || echo '?') (Debian's), empty, as it starts for a new user"
echo "- Each app alone under Xvfb 1600x1000, measured ${settle} s after start, $runs runs"
echo
echo "| Run | App | PSS MiB (all its processes) | Processes (PSS MiB) |"
echo "|--:|---|--:|---|"
for run in $(seq "$runs"); do
  measure "$run" byline "$app"
  if command -v liferea >/dev/null 2>&1; then
    lhome="$work/liferea-$run"; mkdir -p "$lhome"
    measure "$run" liferea env HOME="$lhome" XDG_DATA_HOME="$lhome/d" XDG_CONFIG_HOME="$lhome/c" XDG_CACHE_HOME="$lhome/k" liferea
  fi
done
