//! End-to-end tests of the Byline desktop app, in its real webview.
//!
//! This crate has no library code: the tests live in `tests/e2e.rs` and the
//! harness in `tests/util/mod.rs`. Each test starts, and tears down again
//! (even when it panics):
//!
//! - an X server: `Xvfb` on a free display (chosen with `-displayfd`), unless
//!   `BYLINE_E2E_DISPLAY` or `DISPLAY` names one to use (`BYLINE_E2E_XVFB=1`
//!   starts Xvfb even when `DISPLAY` is set);
//! - the fixture server (`byline-testkit`) on 127.0.0.1, with feeds, a site
//!   page that advertises its feed, article pages and a feed that fails;
//! - `tauri-driver` on free ports, over `/usr/bin/WebKitWebDriver`, which
//!   starts the debug `byline` binary with a fresh temporary `HOME` (and
//!   `XDG_*` dirs under it), a fake `xdg-open` first on its `PATH` that
//!   records the URLs the app asks the desktop to open, and no D-Bus session
//!   bus (so a Byline the developer is running cannot swallow the test app
//!   through the single-instance plugin);
//! - a WebDriver session (fantoccini) that drives the UI through its
//!   `data-testid`s.
//!
//! Run them (one app window at a time):
//!
//! ```sh
//! cargo build --bin byline          # the app under test (embeds ui/dist)
//! cargo install tauri-driver --locked --version ^2   # once
//! cargo test -p byline-e2e -- --test-threads=1
//! ```
//!
//! The tests also serialize themselves with a global lock, so a plain
//! `cargo test --workspace` cannot start two windows at once.
//!
//! Environment: `BYLINE_APP_BIN` (the app binary; default: `byline` next to
//! the test's own target dir), `TAURI_DRIVER` (default: `tauri-driver` on
//! `PATH` or in `~/.cargo/bin`), `WEBKIT_WEBDRIVER` (default
//! `/usr/bin/WebKitWebDriver`), `BYLINE_E2E_DISPLAY`, `BYLINE_E2E_XVFB`
//! (see above), `BYLINE_E2E_ARTIFACTS` (default
//! `artifacts/e2e` in the workspace; screenshots of every scenario, and of
//! the screen when a test fails, plus the app's log).
