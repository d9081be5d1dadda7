#!/usr/bin/env bash
# Packs a .deb that `tauri build` made again, its files compressed with xz
# as Debian's own packages are (dpkg-deb's default), where Tauri's bundler
# uses gzip and has no setting for it (tauri-apps/tauri#9846). The same
# files, control fields and owners; the download shrinks by about 30%
# (BENCHMARKS.md "Size"). Replaces the file in place.
#
# Usage: scripts/compress-deb.sh path/to/Byline_VERSION_ARCH.deb
# Needs: dpkg-deb (Debian/Ubuntu).
set -euo pipefail

deb=${1:?usage: scripts/compress-deb.sh path/to/package.deb}
[ -f "$deb" ] || { echo "compress-deb: no such file: $deb" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

before=$(stat -c %s "$deb")
dpkg-deb --raw-extract "$deb" "$work/root"
dpkg-deb --root-owner-group -Zxz -z9 --build "$work/root" "$work/package.deb" >/dev/null
mv "$work/package.deb" "$deb"
echo "compress-deb: $deb: $before -> $(stat -c %s "$deb") bytes" >&2
