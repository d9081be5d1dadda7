#!/usr/bin/env bash
# Writes src-tauri/code-order.txt, the order in which the release build's
# linker places the app's functions (src-tauri/build.rs): the functions a
# session runs, first those of the start and the idle window, then those
# only reading and syncing run.
#
# Why: a running program maps its code by pages, and the kernel maps up to
# 16 pages around each page a program touches when they are cached (fault
# around). The functions the app runs to its idle window were spread over
# the whole of `.text`, so nearly all of it ended up resident; placed
# together they take a few pages (the figures: BENCHMARKS.md, "App
# memory").
#
# How: the release build is made as `tauri build` makes it, with the
# linker's map (BYLINE_LINK_MAP); it runs two sessions of
# bench/app/memory.sh under valgrind's callgrind (the idle moment alone,
# then a whole session: 50 articles read, a sync of 10,000 items, 200 more
# feeds); bench/app/code_order.py maps the functions they ran to their
# symbols through the map. Run it again when the dependencies change (their
# symbols carry their versions); an outdated list costs memory, never
# correctness: names the build lacks are skipped.
#
# Usage: bench/app/code-order.sh
# Needs: valgrind, and what bench/app/memory.sh needs (a release build of
# byline-bench and byline-cli, Xvfb, xdotool, sqlite3); about 20 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."

target="${CARGO_TARGET_DIR:-target}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

BYLINE_LINK_MAP="$work/byline.map" npx --yes @tauri-apps/cli@2 build --no-bundle >&2
cp "$target/release/byline" "$work/byline"

profile() {  # name, memory.sh's options
  local name="$1"
  shift
  bench/app/memory.sh --runs 1 --settle 30 --app "$work/byline" "$@" \
    --wrap "valgrind --tool=callgrind --callgrind-out-file=$work/$name.callgrind --dump-instr=yes --compress-strings=no --compress-pos=no" >&2
}
profile idle --idle-only
profile session

python3 bench/app/code_order.py "$work/byline" "$work/byline.map" \
  "$work/idle.callgrind" "$work/session.callgrind" >src-tauri/code-order.txt
echo "code-order: $(wc -l <src-tauri/code-order.txt) functions in src-tauri/code-order.txt; rebuild the app to use them" >&2
