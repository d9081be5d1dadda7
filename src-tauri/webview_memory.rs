//! WebKit tuned for a reader, not a browser. Byline shows text, lists and a
//! few images, so on Linux the web view
//!
//! * renders without GPU compositing and without the DMA-BUF renderer: on
//!   machines without a GPU driver (and under Xvfb) both run through Mesa's
//!   software GL, whose layer buffers alone were ~90 MB in the web process;
//!   set through WebKitGTK's own switches before the first web view exists,
//!   so not even the first page is composited (a user who sets them keeps
//!   theirs: `WEBKIT_DISABLE_COMPOSITING_MODE=0` turns compositing back on);
//! * keeps the small caches of a document viewer (`CacheModel::DocumentViewer`)
//!   instead of a browser's back/forward and memory caches, which a
//!   single-page app never uses;
//! * runs the UI's JavaScript without JavaScriptCore's JIT compilers
//!   (`JSC_useJIT=0`): the UI is small and event-driven, and the JIT's code
//!   and profiling data were ~10 MB of the web process;
//! * lets glibc's malloc in the web and network processes keep its first
//!   mmap threshold (`MALLOC_MMAP_THRESHOLD_`) instead of raising it as big
//!   blocks are freed, so those blocks go back to the system when freed
//!   rather than staying in the heap;
//!
//! and the app itself keeps glibc's malloc to two arenas (`M_ARENA_MAX`)
//! instead of up to eight per core, one taken by each busy thread (the
//! database's connection threads, tokio's, WebKit's and GTK's), each keeping
//! its own freed memory; and it gives back to the system, a few seconds
//! after each sync, the database's page caches the sync filled
//! (`Engine::release_memory`) and the memory its allocator kept from the
//! sync (`malloc_trim`).
//!
//! Measured with `bench/app/memory.sh` (BENCHMARKS.md, "App memory").

use tauri::{AppHandle, Manager, Runtime};

use crate::events::SyncProgress;
use crate::state::AppState;

/// The environment Byline gives WebKit's processes (WebKitGTK's renderer
/// switches, JavaScriptCore's and glibc's options), and the value of each.
#[cfg(target_os = "linux")]
const ENVIRONMENT: [(&str, &str); 4] = [
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    ("JSC_useJIT", "0"),
    // glibc's default first threshold (128 KiB), made fixed by being set.
    ("MALLOC_MMAP_THRESHOLD_", "131072"),
];

/// How long after a sync ends the app trims its heap: the UI reloads its
/// lists and counts first, and their transient allocations are freed too.
const TRIM_DELAY: std::time::Duration = std::time::Duration::from_secs(5);

/// How many malloc arenas the app's threads share (glibc's default is up
/// to eight per core). Two measured the same as the default idle and after
/// a sync of 10,000 items, and 2–8 MiB less after 20,000 (BENCHMARKS.md,
/// "App memory").
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const ARENA_MAX: std::ffi::c_int = 2;

/// Sets the environment WebKit starts with, and the app's own allocator
/// options. Call first thing in `main`, while the process has one thread
/// and before WebKit starts.
pub fn prepare_environment() {
    #[cfg(target_os = "linux")]
    for (name, value) in ENVIRONMENT {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
    limit_arenas();
}

/// Caps the app's malloc arenas at `ARENA_MAX`, unless the user set
/// `MALLOC_ARENA_MAX` (glibc read it when the process started).
fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        extern "C" {
            fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
        }
        /// glibc's `M_ARENA_MAX` (malloc.h).
        const M_ARENA_MAX: std::ffi::c_int = -8;
        // SAFETY: mallopt has no preconditions; it takes the allocator's
        // own lock, and an option it refuses leaves malloc as it was.
        unsafe { mallopt(M_ARENA_MAX, ARENA_MAX) };
    }
}

/// Gives the main window's web view a document viewer's caches.
pub fn tune<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window("main") else { return };
    let _ = window.with_webview(|webview| {
        #[cfg(target_os = "linux")]
        {
            use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
            if let Some(context) = webview.inner().context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = webview;
    });
}

/// After each sync, gives back the memory the sync left held: the
/// database's page caches (the writer's fills up during a sync) and the
/// heap the app's allocator kept (freed but not returned: a sync of 10,000
/// items left ~14 MB). Call once the app's events are mounted; the engine
/// may be managed later.
pub fn trim_after_syncs<R: Runtime>(app: &AppHandle<R>) {
    use tauri_specta::Event;
    let handle = app.clone();
    SyncProgress::listen_any(app, move |event| {
        if !event.payload.running {
            release_later(handle.clone());
        }
    });
}

/// Releases the engine's caches and trims the heap `TRIM_DELAY` from now.
fn release_later<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(TRIM_DELAY).await;
        if let Some(state) = app.try_state::<AppState>() {
            // Only memory is at stake: a failure leaves the caches as they were.
            let _ = state.engine.release_memory().await;
        }
        trim_heap();
    });
}

/// Gives the heap's free memory back to the system.
fn trim_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: glibc's malloc_trim has no preconditions; it takes the
        // allocator's own locks.
        unsafe { malloc_trim(0) };
    }
}
