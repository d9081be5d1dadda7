#!/usr/bin/env bash
# Memory of the desktop app as a user runs it, beside Liferea in the same
# run: the release build under Xvfb with 10,000 articles in its database
# and the article list showing; total PSS (from /proc/PID/smaps_rollup) of
# the app and every process it started (the WebKit web and network
# processes), at three moments of one session:
#
#   - idle: `--settle` seconds after start;
#   - after reading: 50 articles opened one after another (the `j` key,
#     as a reader goes down the list, one every half second), then
#     `--settle` seconds;
#   - after a sync: its 200 feeds repointed to `byline-bench serve
#     --changing` (the same feeds, 50 new items each), the `r` key (sync
#     everything), the 10,000 new articles stored, then `--settle` seconds;
#   - after subscribing: 200 more feeds (50 items each, from a third
#     `byline-bench serve`) added to its database, `r` again, their 10,000
#     articles and 10,000 more new ones in the first 200 stored, then
#     `--settle` seconds. No target: the sidebar holds twice the feeds.
#
# Liferea, empty as a new user starts it, is measured idle in each run.
#
# `--breakdown` also prints, after the table, each of Byline's processes
# split by mapping at each moment (PSS MiB: `[heap]`, anonymous memory,
# each library and the binary; the largest first), from /proc/PID/smaps.
#
# `--js-heap` starts the app with JavaScriptCore's collector log on
# (`JSC_logGC=1`) and prints, after the table, the web page's JavaScript
# heap after the last full collection before each moment: what the page
# still references, garbage excluded.
#
# `--wrap CMD` runs the app under CMD (words split by the shell), e.g. a
# profiler: bench/app/code-order.sh runs sessions under callgrind. The
# figures of such a run measure the profiler, not the app.
#
# Usage: bench/app/memory.sh [--runs N] [--settle SECONDS] [--app PATH] [--idle-only] [--breakdown] [--js-heap] [--wrap CMD]
# Needs: the app's release build as `tauri build` makes it (`npx
# @tauri-apps/cli@2 build --no-bundle`; see common.sh), a release build
# of byline-bench and byline-cli (cargo build --release -p byline-bench
# -p byline-cli), Xvfb, xdotool, sqlite3, liferea (apt-get install liferea).
set -euo pipefail
cd "$(dirname "$0")/../.."

settle=20
runs=3
idle_only=0
breakdown=0
js_heap=0
wrap=""
target="${CARGO_TARGET_DIR:-target}"
app="$target/release/byline"
while [ $# -gt 0 ]; do
  case "$1" in
    --settle) settle="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --app) app="$2"; shift 2 ;;
    --idle-only) idle_only=1; shift ;;
    --breakdown) breakdown=1; shift ;;
    --js-heap) js_heap=1; shift ;;
    --wrap) wrap="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--settle SECONDS] [--app PATH] [--idle-only] [--breakdown] [--js-heap] [--wrap CMD]" >&2; exit 2 ;;
  esac
done
# The database, the served feeds, Xvfb, cleanup and the PSS helpers.
source bench/app/common.sh
db="$XDG_DATA_HOME/az.byline.reader/byline.sqlite3"
pristine="$work/pristine.sqlite3"
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM INTO '$pristine'" >/dev/null

# Each process of the group split by mapping, appended to $work/breakdown.md
# under the moment's name: PSS MiB of `[heap]`, anonymous mappings, and each
# file (a library's version suffix dropped), the largest first, the rest summed.
mappings() {  # pid, moment
  ((breakdown)) || return 0
  local p
  for p in $(pgrep -g "$1"); do
    awk -v name="$(cat "/proc/$p/comm")" -v moment="$2" '
      /^[0-9a-f]+-[0-9a-f]+ / { what = $6; sub(/.*\//, "", what); sub(/\.so[.0-9]*$/, ".so", what); if (what == "") what = "anonymous"; next }
      /^Pss:/ { kib[what] += $2; total += $2 }
      END {
        n = 0; for (w in kib) order[++n] = w
        for (i = 2; i <= n; i++) for (j = i; j > 1 && kib[order[j]] > kib[order[j - 1]]; j--) { t = order[j]; order[j] = order[j - 1]; order[j - 1] = t }
        line = ""; rest = 0
        for (i = 1; i <= n; i++) if (i <= 12) line = line sprintf("%s %.1f, ", order[i], kib[order[i]] / 1024); else rest += kib[order[i]]
        printf "- %s, %s (%.0f MiB): %sthe rest %.1f\n", moment, name, total / 1024, line, rest / 1024
      }' "/proc/$p/smaps" 2>/dev/null >>"$work/breakdown.md" || true
  done
}

# The JavaScript heap (KB) after the last full collection logged so far in
# the app's stderr (JSC_logGC's "START ... => FullCollection" and its
# "=> Nkb, p=... END" line), appended to $work/js-heap-RUN.txt as "moment=KB".
js_heap_now() {  # run, moment
  ((js_heap)) || return 0
  awk -v moment="$2" '
    /START/ { full = ($0 ~ /=> FullCollection/) }
    /END\]/ && full { if (match($0, /=> [0-9]+kb, p=/)) kb = substr($0, RSTART + 3, RLENGTH - 9) }
    END { printf "%s=%s ", moment, (kb == "" ? "?" : kb) }' "$work/byline-$1.log" >>"$work/js-heap-$1.txt"
}

mib() { echo "$(( ($1 + 512) / 1024 ))"; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%+.0f%%", (b - a) * 100 / a}'; }

# The same 200 feeds, with 50 new items on every request, for the sync of
# 10,000 new items; one request to each first, so the app's first request
# finds new items.
setsid "$bench" serve --changing --urls "$work/urls-changing.txt" --feeds 200 --items 50 >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/urls-changing.txt" ] && break; sleep 0.1; done
xargs -P 4 -n 1 curl -s -o /dev/null <"$work/urls-changing.txt"
origin() { sed -n '1s|^\(http://[^/]*/\).*|\1|p' "$1"; }
repoint="UPDATE feeds SET url = replace(url, '$(origin "$work/urls.txt")', '$(origin "$work/urls-changing.txt")');"

# 200 more feeds, for the subscription.
setsid "$bench" serve --urls "$work/urls-new.txt" --feeds 200 --items 50 >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/urls-new.txt" ] && break; sleep 0.1; done
now=$(date +%s)
{
  echo "BEGIN;"
  while read -r url; do echo "INSERT INTO feeds (url, title, created_at) VALUES ('$url', '', $now);"; done <"$work/urls-new.txt"
  echo "COMMIT;"
} >"$work/subscribe-new.sql"

# Sends keys to the app's window (the visible one; WebKitGTK makes others).
keys() {  # key, count, pause
  local window
  window=$(xdotool search --onlyvisible --name Byline | head -n 1)
  xdotool windowfocus --sync "$window"
  for _ in $(seq "$2"); do xdotool key "$1"; sleep "$3"; done
}

# Presses `r` (sync everything) and waits for the database to hold $1 articles.
sync_to() {
  keys r 1 0
  for _ in $(seq 600); do
    [ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM articles')" -ge "$1" ] && break
    sleep 0.5
  done
}

byline_run() {  # run
  local run="$1" pid idle read synced subscribed idle_p read_p synced_p subscribed_p
  cp "$pristine" "$db"; rm -f "$db-wal" "$db-shm"
  # shellcheck disable=SC2086 # the wrapper's words, split on purpose
  if ((js_heap)); then
    setsid env JSC_logGC=1 $wrap "$app" >/dev/null 2>"$work/byline-$run.log" &
  else
    setsid $wrap "$app" >/dev/null 2>"$work/byline-$run.log" &
  fi
  pid=$!
  pids+=("$pid")
  sleep "$settle"
  idle=$(pss_of_group "$pid"); idle_p=$(pss_lines "$pid"); mappings "$pid" "run $run idle"; js_heap_now "$run" idle
  if [ "$idle" -eq 0 ]; then echo "${0##*/}: byline is not running:" >&2; cat "$work/byline-$run.log" >&2; exit 1; fi
  if ((idle_only)); then
    printf '| %s | byline | %s | – | – | – | %s |\n' "$run" "$(mib "$idle")" "$idle_p"
  else
    keys j 50 0.5
    sleep "$settle"
    read=$(pss_of_group "$pid"); read_p=$(pss_lines "$pid"); mappings "$pid" "run $run read"; js_heap_now "$run" read
    sqlite3 "$db" ".timeout 10000" "$repoint"
    sync_to $((articles + 10000))
    sleep "$settle"
    synced=$(pss_of_group "$pid"); synced_p=$(pss_lines "$pid"); mappings "$pid" "run $run synced"; js_heap_now "$run" synced
    sqlite3 "$db" ".timeout 10000" ".read $work/subscribe-new.sql"
    sync_to $((articles + 30000))
    sleep "$settle"
    subscribed=$(pss_of_group "$pid"); subscribed_p=$(pss_lines "$pid"); mappings "$pid" "run $run subscribed"; js_heap_now "$run" subscribed
    printf '| %s | byline | %s | %s (%s) | %s (%s) | %s (%s) | idle: %s; read: %s; synced: %s; subscribed (%s articles): %s |\n' "$run" \
      "$(mib "$idle")" "$(mib "$read")" "$(percent "$idle" "$read")" "$(mib "$synced")" "$(percent "$idle" "$synced")" \
      "$(mib "$subscribed")" "$(percent "$idle" "$subscribed")" \
      "$idle_p" "$read_p" "$synced_p" "$(sqlite3 "$db" 'SELECT COUNT(*) FROM articles')" "$subscribed_p"
  fi
  stop_group "$pid"
  sleep 1
}

liferea_run() {  # run
  local run="$1" pid lhome="$work/liferea-$1"
  mkdir -p "$lhome"
  setsid env HOME="$lhome" XDG_DATA_HOME="$lhome/d" XDG_CONFIG_HOME="$lhome/c" XDG_CACHE_HOME="$lhome/k" liferea >/dev/null 2>&1 &
  pid=$!
  pids+=("$pid")
  sleep "$settle"
  printf '| %s | liferea | %s | – | – | – | %s |\n' "$run" "$(mib "$(pss_of_group "$pid")")" "$(pss_lines "$pid")"
  stop_group "$pid"
  sleep 1
}

provenance
echo "- Each app alone under Xvfb 1600x1000, $runs runs; each figure taken ${settle} s after the moment it names; Byline starts each run from the same database"
echo
echo "| Run | App | Idle PSS MiB (all its processes) | After 50 articles opened | After a sync of 10,000 new items | After 200 more feeds subscribed and synced | Processes (PSS MiB) |"
echo "|--:|---|--:|--:|--:|--:|---|"
for run in $(seq "$runs"); do
  byline_run "$run"
  if command -v liferea >/dev/null 2>&1; then liferea_run "$run"; fi
done
if ((js_heap)); then
  echo
  echo "JavaScript heap after the last full collection before each moment (KB, from JSC_logGC):"
  echo
  for run in $(seq "$runs"); do echo "- run $run: $(cat "$work/js-heap-$run.txt" 2>/dev/null)"; done
fi
if ((breakdown)) && [ -s "$work/breakdown.md" ]; then
  echo
  echo "Byline's processes by mapping (PSS MiB):"
  echo
  cat "$work/breakdown.md"
fi
