#!/usr/bin/env bash
# Extraction benchmark: byline-extract, dom_smoothie alone, rs-trafilatura and
# Mozilla Readability on the fixture pages of crates/byline-extract and on
# its real-world corpus (tests/fixtures/real); writes the "Extraction:
# fixture pages" and "Extraction: real-world corpus" sections of
# BENCHMARKS.md (--real-heading names the second one another way, e.g. for
# a run before tuning). --out FILE writes the sections into FILE instead of
# BENCHMARKS.md (FILE is created when missing; other sections kept).
#
#   bench/extract/run.sh [--runs N] [--min-ms MS] [--real-heading TEXT] [--out FILE] [--no-write]
#
# Needs cargo and node (20+) with npm; installs the node packages from
# package-lock.json on first use (npm ci). CARGO_TARGET_DIR is honoured.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs=3
min_ms=2000
write=1
out_file="$root/BENCHMARKS.md"
real_heading="Extraction: real-world corpus"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --min-ms) min_ms="$2"; shift 2 ;;
    --real-heading) real_heading="$2"; shift 2 ;;
    --out) out_file="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --no-write) write=0; shift ;;
    *) echo "usage: $0 [--runs N] [--min-ms MS] [--real-heading TEXT] [--out FILE] [--no-write]" >&2; exit 2 ;;
  esac
done

# The command as it is recorded in BENCHMARKS.md.
command="bench/extract/run.sh"
[ "$runs" != 3 ] && command+=" --runs $runs"
[ "$min_ms" != 2000 ] && command+=" --min-ms $min_ms"
[ "$real_heading" != "Extraction: real-world corpus" ] && command+=" --real-heading '$real_heading'"
[ -n "${CARGO_TARGET_DIR:-}" ] && command="CARGO_TARGET_DIR=$CARGO_TARGET_DIR $command"

if [ ! -d "$here/node_modules/@mozilla/readability" ] || [ ! -d "$here/node_modules/jsdom" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

echo "== building bench/extract (release)" >&2
cargo build --release --manifest-path "$here/Cargo.toml" >&2
target_dir="${CARGO_TARGET_DIR:-$here/target}"
bin="$target_dir/release/byline-bench-extract"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "== Mozilla Readability (node $(node --version))" >&2
node "$here/readability.mjs" --runs "$runs" --min-ms "$min_ms" > "$tmp/readability.json"
# One timed pass only on the real corpus: a pass over its pages takes minutes.
node "$here/readability.mjs" --pages "$root/crates/byline-extract/tests/fixtures/real" --runs 1 --min-ms 1 > "$tmp/readability-real.json"

echo "== byline-extract, dom_smoothie, rs-trafilatura" >&2
out=()
[ "$write" = 1 ] && { [ -e "$out_file" ] || : > "$out_file"; out=(--out "$out_file"); }
cd "$root"
"$bin" --readability "$tmp/readability.json" --real-readability "$tmp/readability-real.json" --real-heading "$real_heading" --runs "$runs" --min-ms "$min_ms" --command "$command" "${out[@]}"
