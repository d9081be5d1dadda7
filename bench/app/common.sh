# Shared by the app benchmarks (memory.sh, start.sh); sourced, not run.
#
# Sets up what a user's machine would have: the release build's database
# holding 10,000 articles (200 feeds x 50 items from `byline-bench serve`,
# imported with byline-cli), the feeds still served on 127.0.0.1 while the
# app runs (so its sync at start gets 304s, as a user's would), a private
# HOME and an Xvfb display. Everything started is stopped on exit.
#
# Before sourcing: `target` (the cargo target dir) and `app` (the binary).
# After: `work` (a temporary dir), `articles` (rows in the database),
# DISPLAY and HOME/XDG_* exported, `pids` (what cleanup stops),
# `stop_group PID`, and `pss_of_group PID` / `pss_lines PID`.

bench="$target/release/byline-bench"
cli="$target/release/byline-cli"
# The app is measured as it ships: built by `tauri build`, whose features
# give its functions the names src-tauri/code-order.txt lists. A plain
# `cargo build --release -p byline` links them unordered: on 2026-12-06 it
# read 220 MiB idle against 215 (the binary 15.1 MiB PSS against 10.8).
build_app="npx @tauri-apps/cli@2 build --no-bundle"
[ -x "$app" ] || { echo "${0##*/}: $app is missing: $build_app" >&2; exit 1; }
for bin in "$bench" "$cli"; do
  [ -x "$bin" ] || { echo "${0##*/}: $bin is missing: cargo build --release -p byline-bench -p byline-cli" >&2; exit 1; }
done

work=$(mktemp -d)
pids=()
# Whether the process `pid`, or a process of the group it leads, is still
# running (not a zombie).
group_alive() {
  local p
  for p in "$1" $(pgrep -g "$1"); do
    [ -e "/proc/$p/stat" ] && [ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != Z ] && return 0
  done
  return 1
}
# Stops the process group that `pid` leads (started with setsid), or the
# process alone (Xvfb): SIGTERM, then SIGKILL for what is still running 5 s
# later (Liferea sometimes hangs on exit, which stalled a run).
stop_group() {
  kill -- "-$1" 2>/dev/null || kill "$1" 2>/dev/null || true
  for _ in $(seq 50); do
    group_alive "$1" || return 0
    sleep 0.1
  done
  echo "${0##*/}: process (group) $1 still running 5 s after SIGTERM; killed" >&2
  kill -KILL -- "-$1" 2>/dev/null || kill -KILL "$1" 2>/dev/null || true
}
cleanup() {
  for pid in "${pids[@]}"; do stop_group "$pid"; done
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

# Display :77, or the next free one when another benchmark holds it.
display=77
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=":$display"
sleep 1

# The read-ahead of the disk holding / (KiB, "?" when unknown): how much of
# a library's file enters the page cache around each page a process touches,
# which moves every process's PSS (BENCHMARKS.md, "App memory").
read_ahead_kib() {
  local dev parent
  dev=$(basename "$(findmnt -no SOURCE / 2>/dev/null)")
  parent=$(lsblk -no pkname "/dev/$dev" 2>/dev/null | head -1)
  cat "/sys/block/${parent:-$dev}/queue/read_ahead_kb" 2>/dev/null || echo "?"
}

# The provenance lines every app benchmark prints first.
provenance() {
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- src-tauri ui crates 2>/dev/null || echo ' (with uncommitted changes)'); app binary built $(date -u -r "$app" '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) cores, $(uname -sr), disk read-ahead $(read_ahead_kib) KiB; load average $(cut -d' ' -f1-3 /proc/loadavg) before"
  echo "- Byline: the release build, its database holding $articles articles (200 feeds x 50 items, served on 127.0.0.1 while it runs); Liferea $(dpkg-query -W -f '${Version}' liferea 2>/dev/null || echo '?') (Debian's), empty, as it starts for a new user"
}
