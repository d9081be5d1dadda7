//! Build script for the Byline desktop app.
//!
//! `tauri-build` reads `tauri.conf.json` and validates `capabilities/*.json`
//! at compile time, so a broken permission fails the build rather than the
//! app. The web UI in `ui/dist` is embedded in the binary, so a rebuilt UI
//! rebuilds the app.

fn main() {
    println!("cargo:rerun-if-changed=ui/dist");
    tauri_build::build();
}
