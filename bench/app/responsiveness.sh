#!/usr/bin/env bash
# How the desktop app answers while it works: the release build under Xvfb
# with 10,000 articles in its database (bench/app/common.sh), its UI
# measuring itself in a bench-only mode (`BYLINE_BENCH_PROBE`, read by
# `src-tauri/bench_probe.rs`; the probe is `ui/src/lib/bench-probe.ts`;
# a user's run installs nothing). Two sessions:
#
#   - input during a sync: the 200 feeds are pointed at a
#     `byline-bench serve --changing`, whose feeds have 50 new items on
#     every request, so the app's sync at start (after its first list)
#     fetches and stores 10,000 new articles; from the sync's start on,
#     `xdotool` presses `j` (next article) every --every ms until the sync
#     has stored them, and the UI reports each press from its `keydown`'s
#     `event.timeStamp` to the next frame painted (a task queued from the
#     next requestAnimationFrame), and whether a sync was running; then,
#     --settle s after the sync, the same number of presses with no sync, for
#     comparison (and, from each press, the time until the reader showed
#     the article it selected); with --manual-sync S, the presses go during a second sync
#     instead, started with `r` (a manual refresh) S seconds after the one at
#     start stored its articles, so the page's own start-up work (which the
#     sync at start overlaps) is over, as it is for a user's later syncs;
#     each session's first press (the first article it opens) is also
#     reported apart;
#   - frames while scrolling: the same database, the feeds answering 304
#     (as common.sh serves them), the start sync over; F9 has the UI scroll
#     its list from the top to the last of the 10,000 articles, 300 px a
#     frame (pages of 100 loaded on the way, as a user's scroll loads them),
#     and report each frame's time (requestAnimationFrame to the next).
#
# Usage: bench/app/responsiveness.sh [--runs N] [--input-runs N] [--app PATH]
#        [--every MS] [--settle S] [--only input|scroll] [--manual-sync S]
# (--runs: scroll sessions, 3; --input-runs: input sessions, 10, as a sync
# lasts a few seconds and gives a few presses each)
# Needs: the app's release build as `tauri build` makes it (`npx
# @tauri-apps/cli@2 build --no-bundle`; see common.sh), a release build
# of byline-bench and byline-cli (cargo build --release -p byline-bench
# -p byline-cli), Xvfb, xdotool, sqlite3, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=3
input_runs=10
only=""
every=200
settle=5
manual_sync=""
target="${CARGO_TARGET_DIR:-target}"
app="$target/release/byline"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --app) app="$2"; shift 2 ;;
    --every) every="$2"; shift 2 ;;
    --settle) settle="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --input-runs) input_runs="$2"; shift 2 ;;
    --manual-sync) manual_sync="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--app PATH] [--every MS] [--settle S] [--only input|scroll] [--input-runs N] [--manual-sync S]" >&2; exit 2 ;;
  esac
done

# The database, the served feeds, Xvfb and cleanup.
source bench/app/common.sh

db="$XDG_DATA_HOME/az.byline.reader/byline.sqlite3"
pristine="$work/pristine.sqlite3"
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM INTO '$pristine'" >/dev/null

# The same 200 feeds, changing after every request, on another port.
setsid "$bench" serve --changing --urls "$work/urls-changing.txt" --feeds 200 --items 50 >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/urls-changing.txt" ] && break; sleep 0.1; done
# One request to each first: whichever build of byline-bench serves them,
# the next sync finds new items.
xargs -P 4 -n 1 curl -s -o /dev/null <"$work/urls-changing.txt"
sleep 0.5
origin() { sed -n '1s|^\(http://[^/]*/\).*|\1|p' "$1"; }
repoint="UPDATE feeds SET url = replace(url, '$(origin "$work/urls.txt")', '$(origin "$work/urls-changing.txt")');"

# p50 p95 worst count over-50 of the numbers on stdin (nearest rank).
summary() {
  sort -n | awk '{a[NR]=$1; if ($1 > 50) over++}
    function q(p,  r) { r = int(p * NR); if (r < p * NR) r++; if (r < 1) r = 1; return a[r] }
    END { if (NR == 0) { print "- - - 0 0" } else { printf "%.1f %.1f %.1f %d %d\n", q(0.5), q(0.95), a[NR], NR, over + 0 } }'
}
# The window of the app (the visible one; WebKitGTK makes others), focused.
focus() {
  local window
  window=$(xdotool search --onlyvisible --name Byline | head -n 1)
  xdotool windowfocus --sync "$window"
}
wait_for() {  # pattern, log, seconds
  for _ in $(seq $(($3 * 10))); do grep -q "$1" "$2" && return 0; sleep 0.1; done
  return 1
}
start_app() {  # probe, log; prints the pid
  cp "$pristine" "$db"; rm -f "$db-wal" "$db-shm"
  [ "$1" = input ] && sqlite3 "$db" "$repoint"
  BYLINE_BENCH_PROBE="$1" setsid "$app" >/dev/null 2>"$2" &
  echo $!
}
stop_app() {  # pid
  stop_group "$1"
  wait "$1" 2>/dev/null || true
  sleep 1
}
samples() {  # log: every press's ms, in the order they were handled
  sed -n "s/.*byline: bench input key=j ms=\([0-9.]*\) .*/\1/p" "$1"
}
# log, 1 (during a sync) or 0: the ms from each press to the frame after the
# reader showed the article it selected (builds from 2026-12-03 15:00 on;
# none from older ones).
article_samples() {
  sed -n "s/.*byline: bench article key=j ms=\([0-9.]*\) sync=$2.*/\1/p" "$1"
}

# CPU time (user + system, ms) of the app's web process so far; the clock
# in ms beside it. "0 0" when the process is not found.
web_cpu() {  # app pid
  local p ticks
  ticks=$(getconf CLK_TCK)
  for p in $(pgrep -g "$1"); do
    if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = WebKitWebProces ]; then
      awk -v t="$ticks" -v now="$(now_ms)" '{sub(/^.*\) /, ""); print now, int(($12 + $13) * 1000 / t)}' "/proc/$p/stat"
      return
    fi
  done
  echo "0 0"
}
now_ms() { date +%s%3N; }
# The web process's CPU share between two `web_cpu` readings, in percent of a core.
cpu_share() {  # "ms cpu" "ms cpu"
  awk -v a="$1" -v b="$2" 'BEGIN {split(a, x, " "); split(b, y, " "); d = y[1] - x[1]; print (d > 0 ? int(100 * (y[2] - x[2]) / d) : "-")}'
}

stored() {  # log: how many syncs have stored their articles
  grep -c "byline: bench sync stored" "$1" || true
}

input_run() {  # run
  local log="$work/input-$1.log" pid presses=0 new syncs=1
  pid=$(start_app input "$log")
  pids+=("$pid")
  wait_for "first article list painted" "$log" 60 || { echo "${0##*/}: no first list:" >&2; cat "$log" >&2; exit 1; }
  wait_for "byline: bench sync started" "$log" 60 || { echo "${0##*/}: no sync:" >&2; cat "$log" >&2; exit 1; }
  focus
  if [ -n "$manual_sync" ]; then
    # The sync at start, then the page at rest; then a manual refresh.
    wait_for "byline: bench sync stored" "$log" 60 || { echo "${0##*/}: the sync did not end:" >&2; exit 1; }
    sleep "$manual_sync"
    syncs=2
    xdotool key r
    for _ in $(seq 100); do [ "$(grep -c "byline: bench sync started" "$log")" -ge 2 ] && break; sleep 0.1; done
  fi
  local cpu0 cpu1 cpu2 cpu3
  cpu0=$(web_cpu "$pid")
  while [ "$(stored "$log")" -lt "$syncs" ]; do
    xdotool key j
    presses=$((presses + 1))
    sleep "$(awk -v ms="$every" 'BEGIN {print ms / 1000}')"
    ((presses < 300000 / every)) || break
  done
  cpu1=$(web_cpu "$pid")
  sleep "$settle"
  cpu2=$(web_cpu "$pid")
  for _ in $(seq "$presses"); do xdotool key j; sleep "$(awk -v ms="$every" 'BEGIN {print ms / 1000}')"; done
  cpu3=$(web_cpu "$pid")
  sleep 1
  stop_app "$pid"
  new=$(sed -n 's/.*byline: bench sync stored new=\([0-9]*\).*/\1/p' "$log" | tail -n 1)
  # The presses sent before the sync's end was seen, whenever the busy page
  # got to them, then the others.
  samples "$log" | head -n "$presses" >"$work/during"
  samples "$log" | tail -n +"$((presses + 1))" >"$work/after"
  cat "$work/during" >>"$work/input.during"
  # The session's first press: the first article the page opens (the
  # reader's fonts and code used for the first time, unless rehearsed).
  head -n 1 "$work/during" >>"$work/input.first"
  read -r p50 p95 worst n over < <(summary <"$work/during")
  read -r ip50 ip95 iworst in _ < <(summary <"$work/after")
  article_samples "$log" 1 >>"$work/article.during"
  read -r ap50 ap95 _ _ _ < <(article_samples "$log" 1 | summary)
  read -r aip50 aip95 _ _ _ < <(article_samples "$log" 0 | summary)
  echo "| $1 | ${new:-?} | $n | $p50 | $p95 | $worst | $over | $(head -n 1 "$work/during") | $(cpu_share "$cpu0" "$cpu1") | $in | $ip50 | $ip95 | $iworst | $(cpu_share "$cpu2" "$cpu3") | $ap50 / $ap95 | $aip50 / $aip95 |"
}

scroll_run() {  # run
  local log="$work/scroll-$1.log" pid line
  pid=$(start_app scroll "$log")
  pids+=("$pid")
  wait_for "first article list painted" "$log" 60 || { echo "${0##*/}: no first list:" >&2; cat "$log" >&2; exit 1; }
  wait_for "byline: bench sync stored" "$log" 60 || true
  sleep 2
  focus
  xdotool key F9
  wait_for "byline: bench scroll" "$log" 400 || { echo "${0##*/}: the scroll did not end:" >&2; cat "$log" >&2; exit 1; }
  stop_app "$pid"
  line=$(sed -n 's/.*byline: bench scroll //p' "$log" | head -n 1)
  field() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
  echo "| $1 | $(field rows) | $(field count) | $(field ms) | $(field median) | $(field p95) | $(field worst) | $(field over) | $(field dropped) |"
  echo "$(field median) $(field p95) $(field worst) $(field over) $(field dropped)" >>"$work/scroll.runs"
  echo "$1 $(field drops)" >>"$work/scroll.drops"
}

provenance
echo "- Byline alone under Xvfb 1600x1000, each session from the same database: $input_runs of input during a sync (\`j\` every $every ms${manual_sync:+; the sync a manual refresh (\`r\`) ${manual_sync} s after the one at start stored its articles}), $runs of scrolling"
echo
if [ "$only" != scroll ]; then
  echo "### Input during a sync of 200 feeds (10,000 new articles)"
  echo
  echo "From each \`keydown\` of \`j\` to the next frame painted, ms. \"During\": the presses sent while the sync ran (from its start to its articles stored, as the page reported them); \"after\": as many presses ${settle} s after it."
  echo
  echo "\"Web CPU\": the web process's CPU time over the presses' span, in % of one core (from \`/proc/PID/stat\`; less moved by other work on the machine than the delays are)."
  echo
  echo "\"Article shown\": from the press to the frame after the reader showed the article it selected, p50 / p95 ms (a press superseded by the next before its article came is not counted; \"- -\" for builds without this probe)."
  echo
  echo "\"First\": the session's first press (its first article opened), ms; in \"all\", the median of the sessions'."
  echo
  echo "| Run | New articles stored | Presses during | p50 | p95 | Worst | Over 50 ms | First | Web CPU % during | Presses after | p50 after | p95 after | Worst after | Web CPU % after | Article shown during | Article shown after |"
  echo "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  : >"$work/input.during"
  : >"$work/input.first"
  : >"$work/article.during"
  for run in $(seq "$input_runs"); do input_run "$run"; done
  read -r p50 p95 worst n over < <(summary <"$work/input.during")
  read -r ap50 ap95 _ _ _ < <(summary <"$work/article.during")
  read -r fp50 _ _ _ _ < <(summary <"$work/input.first")
  echo "| all | | $n | $p50 | $p95 | $worst | $over | $fp50 | | | | | | | $ap50 / $ap95 | |"
  echo
fi
if [ "$only" != input ]; then
  echo "### Frames while the list scrolls from the first article to the last"
  echo
  echo "Frame times (requestAnimationFrame to the next), ms; \"dropped\": frames over 25 ms (one and a half frames at 60 Hz, a refresh missed for certain; WebKit gives frame times in whole milliseconds, so a steady 60 Hz reads 16 and 17 ms and about a third of the frames count as over 16.7 ms)."
  echo
  echo "| Run | Rows at the end | Frames | Scroll ms | Frame median ms | p95 | Worst | Frames over 16.7 ms | Frames dropped (over 25 ms) |"
  echo "|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  : >"$work/scroll.runs"
  : >"$work/scroll.drops"
  for run in $(seq "$runs"); do scroll_run "$run"; done
  echo
fi
worst_of() { sort -n | tail -n 1; }
if [ "$only" != scroll ]; then
  echo "- Input during the syncs, all $input_runs runs' presses together: p95 $p95 ms, worst $worst ms ($n presses, $over over 50 ms)"
fi
if [ "$only" != input ]; then
  echo "- Scroll, worst median / p95 of the runs: $(cut -d' ' -f1 "$work/scroll.runs" | worst_of) / $(cut -d' ' -f2 "$work/scroll.runs" | worst_of) ms; frames dropped: $(cut -d' ' -f5 "$work/scroll.runs" | tr '\n' ' ')"
  # Where the dropped frames fell: the rows loaded when each came, and its ms.
  while read -r run drops; do
    echo "- Run $run, each dropped frame as rows loaded:ms: ${drops:--}"
  done <"$work/scroll.drops"
fi
exit 0
