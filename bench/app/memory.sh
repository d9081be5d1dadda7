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
# The database, the served feeds, Xvfb, cleanup and the PSS helpers.
source bench/app/common.sh

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

provenance
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
