#!/usr/bin/env bash
# Start time of the desktop app as a user starts it, beside Liferea in the
# same run: the release build under Xvfb with 10,000 articles in its
# database (bench/app/common.sh). Two figures for each start:
#
#   - window: from the spawn of the process to its window being mapped,
#     looked for every 10 ms (`xdotool search --sync` looks every 500 ms,
#     which read 508-514 ms for any start under that), the same for both
#     apps;
#   - list (Byline only): to its first article list painted, as the app
#     itself reports on stderr (the UI tells it two frames after the list
#     is rendered; `src-tauri/startup.rs`), and as this script sees the
#     line arrive; and the part of it from the moment the web view began
#     loading the page (the app's own step, the least sensitive to load).
#
# Usage: bench/app/start.sh [--runs N] [--app PATH]
# Needs: the app's release build as `tauri build` makes it (`npx
# @tauri-apps/cli@2 build --no-bundle`; see common.sh), a release build
# of byline-bench and byline-cli (cargo build --release -p byline-bench
# -p byline-cli), Xvfb, xdotool, liferea (apt-get install liferea).
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=5
target="${CARGO_TARGET_DIR:-target}"
app="$target/release/byline"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --app) app="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--app PATH]" >&2; exit 2 ;;
  esac
done

# The database, the served feeds, Xvfb and cleanup.
source bench/app/common.sh

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts `name` (the command after it), prints "window_ms list_ms app_ms
# page_ms" (all but window are "-" for a program that does not report its
# list).
start_once() {  # name, window name, command...
  local name="$1" title="$2"; shift 2
  local log="$work/$name.log" t0 pid window list="-" reported="-" page="-"
  : >"$log"
  t0=$(now_ms)
  setsid "$@" >/dev/null 2>"$log" &
  pid=$!
  pids+=("$pid")
  window="-"
  for _ in $(seq 3000); do
    if xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; then
      window=$(( $(now_ms) - t0 ))
      break
    fi
    sleep 0.01
  done
  if [ "$name" = byline ]; then
    for _ in $(seq 600); do
      if grep -q "first article list painted" "$log"; then
        list=$(( $(now_ms) - t0 ))
        reported=$(sed -n 's/.*first article list painted \([0-9]*\) ms.*/\1/p' "$log" | head -n 1)
        page=$(sed -n 's/.*first article list painted .*(\([0-9]*\) ms after the page began loading.*/\1/p' "$log" | head -n 1)
        break
      fi
      sleep 0.01
    done
  fi
  stop_group "$pid"
  wait "$pid" 2>/dev/null || true
  sleep 1
  echo "$window $list $reported ${page:--}"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "-"} else if (NR%2) {print a[(NR+1)/2]} else {print int((a[NR/2]+a[NR/2+1])/2)}}'; }

provenance
echo "- Each app alone under Xvfb 1600x1000, started $runs times, alternating; the first start of each is a warm-up, not counted (files in the page cache, as on a user's second start)"
echo
echo "| Run | App | Window mapped ms | First list painted ms (seen here) | First list ms (reported by the app, from main) | of which from the page's start ms |"
echo "|--:|---|--:|--:|--:|--:|"
start_once byline Byline "$app" >/dev/null
lhome="$work/liferea"; mkdir -p "$lhome"
liferea_cmd=(env HOME="$lhome" XDG_DATA_HOME="$lhome/d" XDG_CONFIG_HOME="$lhome/c" XDG_CACHE_HOME="$lhome/k" liferea)
have_liferea=0
if command -v liferea >/dev/null 2>&1; then have_liferea=1; start_once liferea Liferea "${liferea_cmd[@]}" >/dev/null; fi
: >"$work/byline.times"; : >"$work/liferea.times"
for run in $(seq "$runs"); do
  read -r w l r p < <(start_once byline Byline "$app")
  echo "$w $l $r $p" >>"$work/byline.times"
  echo "| $run | byline | $w | $l | $r | $p |"
  if ((have_liferea)); then
    read -r w _ _ _ < <(start_once liferea Liferea "${liferea_cmd[@]}")
    echo "$w" >>"$work/liferea.times"
    echo "| $run | liferea | $w | – | – | – |"
  fi
done
echo
echo "| Median of $runs | Window mapped ms | First list painted ms (seen here) | First list ms (reported) | of which from the page's start ms |"
echo "|---|--:|--:|--:|--:|"
echo "| byline | $(cut -d' ' -f1 "$work/byline.times" | median) | $(cut -d' ' -f2 "$work/byline.times" | grep -v - | median) | $(cut -d' ' -f3 "$work/byline.times" | grep -v - | median) | $(cut -d' ' -f4 "$work/byline.times" | grep -v - | median) |"
((have_liferea)) && echo "| liferea | $(median <"$work/liferea.times") | – | – | – |"
exit 0
