//! Build script for the Byline desktop app.
//!
//! `tauri-build` reads `tauri.conf.json` and validates `capabilities/*.json`
//! at compile time, so a broken permission fails the build rather than the
//! app. The web UI in `ui/dist` is embedded in the binary, so a rebuilt UI
//! rebuilds the app.
//!
//! A release build linked by LLD (Rust's default linker for x86-64 Linux
//! with glibc since Rust 1.90) places the functions a session runs first,
//! in the order of `src-tauri/code-order.txt` (made by
//! `bench/app/code-order.sh`): the code a running app touches then sits in
//! a few pages, and the pages it never touches are never mapped
//! (BENCHMARKS.md, "App memory"). A name the build does not have is
//! skipped: an outdated list costs memory, never correctness.
//! `BYLINE_CODE_ORDER=0` links in the default order; `BYLINE_LINK_MAP=FILE`
//! writes the linker's map there (what `bench/app/code-order.sh` reads).

use std::path::Path;
use std::process::Command;

/// The list of functions, one symbol a line, relative to the package (the
/// repository's root).
const CODE_ORDER: &str = "src-tauri/code-order.txt";

/// The first Rust release whose x86-64 Linux (glibc) target links with LLD
/// by default.
const FIRST_RUST_MINOR_WITH_LLD: u32 = 90;

fn main() {
    println!("cargo:rerun-if-changed=ui/dist");
    println!("cargo:rerun-if-changed={CODE_ORDER}");
    println!("cargo:rerun-if-env-changed=BYLINE_CODE_ORDER");
    println!("cargo:rerun-if-env-changed=BYLINE_LINK_MAP");
    if links_with_lld() {
        let package = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
        let order = Path::new(&package).join(CODE_ORDER);
        let wanted = std::env::var("BYLINE_CODE_ORDER").map_or(true, |value| value != "0");
        if wanted && release() && order.is_file() {
            println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}", order.display());
            println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
        }
        if let Ok(map) = std::env::var("BYLINE_LINK_MAP") {
            println!("cargo:rustc-link-arg-bins=-Wl,-Map={map}");
        }
    }
    tauri_build::build();
}

/// Whether the final link is Rust's default LLD: x86-64 Linux with glibc,
/// a Rust that links with it by default, and no linker chosen in the
/// flags or the environment (GNU ld and mold reject LLD's options).
fn links_with_lld() -> bool {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let flags = var("CARGO_ENCODED_RUSTFLAGS");
    var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && rust_minor().is_some_and(|minor| minor >= FIRST_RUST_MINOR_WITH_LLD)
        && !flags.contains("fuse-ld")
        && !flags.contains("linker")
        && std::env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_none()
}

/// The minor version of the compiler building this crate (`rustc 1.95.0`:
/// 95).
fn rust_minor() -> Option<u32> {
    let rustc = std::env::var_os("RUSTC")?;
    let output = Command::new(rustc).arg("--version").output().ok()?;
    let version = String::from_utf8(output.stdout).ok()?;
    version.split_whitespace().nth(1)?.split('.').nth(1)?.parse().ok()
}

/// Whether this is an optimized build (no user runs a debug build, and its
/// layout is not what the list was made from).
fn release() -> bool {
    std::env::var("PROFILE").is_ok_and(|profile| profile == "release")
}
