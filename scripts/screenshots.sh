#!/usr/bin/env bash
# Regenerates every screenshot the README shows, from the current app, in
# the fonts a Debian user has (fonts-noto-core, installed by
# install-deps.sh): runs the end-to-end suite in the real webview (its
# scenarios take the pictures, at 480, 900, 1100 and 1400 px, in az, ru and
# en, light and dark) and the install test, then copies the chosen ones into
# docs/screenshots/ under the names the README uses.
#
# Usage: scripts/screenshots.sh            # run the suites, then copy
#        scripts/screenshots.sh --copy DIR # only copy from DIR (an earlier
#                                          # run's artifacts/ folder)
set -euo pipefail
cd "$(dirname "$0")/.."

artifacts=artifacts
if [[ "${1:-}" == "--copy" ]]; then
  artifacts=${2:?usage: scripts/screenshots.sh --copy DIR}
else
  scripts/install-deps.sh
  (cd ui && npm ci --no-audit --no-fund && npm run build)
  cargo build --locked --bin byline
  export PATH="$HOME/.cargo/bin:$PATH"
  command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --version ^2
  cargo test --locked -p byline-e2e --test e2e -- --test-threads=1
  bash scripts/install-test.sh
fi

# README name <- the e2e (or install) screenshot it is copied from; a `*`
# stands for the shot's number within its scenario.
MAP=(
  "reader.png           e2e/layout-*-en-light-1400.png"
  "list.png             e2e/layout-*-az-dark-900.png"
  "dark.png             e2e/layout-*-az-dark-1400.png"
  "narrow.png           e2e/layout-*-ru-light-480.png"
  "medium.png           e2e/layout-*-ru-light-1100.png"
  "empty.png            e2e/first-run-*-empty.png"
  "offline.png          e2e/restart-2-*-offline-reader.png"
  "share.png            e2e/open-share-*-shared.png"
  "full-text.png        e2e/full-text-*-reader.png"
  "e2e/first-run-01-empty.png                 e2e/first-run-*-empty.png"
  "e2e/add-read-save-02-reader.png            e2e/add-read-save-*-reader.png"
  "e2e/search-az-01-search-seher.png          e2e/search-az-*-search-seher.png"
  "e2e/theme-02-dark.png                      e2e/theme-*-dark.png"
  "e2e/language-02-lang-ru.png                e2e/language-*-lang-ru.png"
  "e2e/feed-error-01-error.png                e2e/feed-error-*-error.png"
  "e2e/hostile-01-hostile-reader.png          e2e/hostile-*-hostile-reader.png"
  "e2e/restart-2-01-offline-reader.png        e2e/restart-2-*-offline-reader.png"
  "e2e/installed-first-run.png                install/first-run.png"
  "e2e/edit-unsubscribe-01-edit-feed.png      e2e/edit-unsubscribe-*-edit-feed.png"
  "e2e/edit-unsubscribe-02-unsubscribed-saved.png e2e/edit-unsubscribe-*-unsubscribed-saved.png"
  "e2e/open-share-01-shared.png               e2e/open-share-*-shared.png"
)

mkdir -p docs/screenshots/e2e
missing=0
for entry in "${MAP[@]}"; do
  read -r name pattern <<<"$entry"
  # shellcheck disable=SC2086 # the pattern is a glob on purpose
  found=$(ls $artifacts/$pattern 2>/dev/null | head -n 1 || true)
  if [[ -z "$found" ]]; then
    echo "screenshots: nothing matches $artifacts/$pattern (for $name)" >&2
    missing=1
    continue
  fi
  cp "$found" "docs/screenshots/$name"
  echo "screenshots: docs/screenshots/$name <- $found"
done
exit "$missing"
