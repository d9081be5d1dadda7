//! Build script for the Byline desktop app.
//!
//! `tauri-build` reads `tauri.conf.json` and validates `capabilities/*.json`
//! at compile time, so a broken permission fails the build rather than the app.

fn main() {
    tauri_build::build();
}
