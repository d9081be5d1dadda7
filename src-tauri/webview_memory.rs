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
//! and the app's own process, on X11 with both switches above on, loads no
//! OpenGL at all: GTK's GLX probe (`GDK_GL=disable`) and WebKit's EGL
//! display in the UI process (libglvnd given no vendor before WebKit's first
//! EGL call) each loaded Mesa's software driver and its `libLLVM` (the app
//! process 93 → 70 MiB, 15 MiB less in all once the web process holds
//! Mesa's shared pages alone) for nothing: with compositing off the app
//! only copies the pages the web process drew in memory. The web process
//! keeps its EGL display (WebKit will not start one without it).
//!
//! The app itself keeps glibc's malloc to two arenas (`M_ARENA_MAX`)
//! instead of up to eight per core, one taken by each busy thread (the
//! database's connection threads, tokio's, WebKit's and GTK's), each keeping
//! its own freed memory; and it gives back to the system, a few seconds
//! after each sync, the database's page caches the sync filled
//! (`Engine::release_memory`) and the memory its allocator kept from the
//! sync (`malloc_trim`), once the threads that parsed the sync's feeds have
//! exited and handed their share of it back ([`async_runtime`]).
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

/// How long a blocking thread of the app's async runtime (the sync's
/// parsing, thumbnails) waits for more work before it exits; tokio's
/// default is 10 s. A thread keeps some of the memory it freed in its own
/// cache (glibc's tcache) until it exits, out of the arena the trim gives
/// back. With 10 s, the seven blocking threads of a sync of 10,000 items
/// were still alive at the trim 5 s after it, and a `malloc_trim` 20 s
/// after the sync, once they had exited, freed 4.1 MiB more; with 1 s the
/// app's private memory after that sync grew 4.5–8.6 MiB instead of
/// 9.9–11.6 (BENCHMARKS.md, "App memory"). Within a sync the threads get
/// work every few milliseconds and stay.
const BLOCKING_THREAD_KEEP_ALIVE: std::time::Duration = std::time::Duration::from_secs(1);

/// The app's async runtime, for `tauri::async_runtime::set` before the
/// app is built (and kept for its whole life): the multi-thread tokio
/// runtime Tauri makes by default, its idle blocking threads ending after
/// [`BLOCKING_THREAD_KEEP_ALIVE`].
pub fn async_runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread().enable_all().thread_keep_alive(BLOCKING_THREAD_KEEP_ALIVE).build()
}

/// How many malloc arenas the app's threads share (glibc's default is up
/// to eight per core). Two measured the same as the default idle and after
/// a sync of 10,000 items, and 2–8 MiB less after 20,000 (BENCHMARKS.md,
/// "App memory").
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const ARENA_MAX: std::ffi::c_int = 2;

/// Sets the environment WebKit starts with, and the app's own allocator
/// options. Call first thing in `main`, while the process has one thread
/// and before GTK and WebKit start.
pub fn prepare_environment() {
    #[cfg(target_os = "linux")]
    {
        for (name, value) in ENVIRONMENT {
            if std::env::var_os(name).is_none() {
                std::env::set_var(name, value);
            }
        }
        if !app_needs_gl(|name| std::env::var(name).ok()) {
            keep_gl_out_of_the_app();
        }
    }
    limit_arenas();
}

/// Whether the app's own process draws with OpenGL: unless it runs on X11
/// with WebKit's compositing and DMA-BUF renderer both off (Byline's
/// default, which a user can turn back on), in which case the web process
/// draws each page in memory and the app only copies it to the window.
/// Wayland is left as it is: not measured. `env` reads a variable.
#[cfg(target_os = "linux")]
fn app_needs_gl(env: impl Fn(&str) -> Option<String>) -> bool {
    let set = |name| env(name).is_some_and(|value| !value.is_empty());
    let on = |name| env(name).is_some_and(|value| value != "0");
    let x11 = match env("GDK_BACKEND").filter(|backend| !backend.is_empty()) {
        Some(backend) => backend.starts_with("x11"),
        None => set("DISPLAY") && !set("WAYLAND_DISPLAY"),
    };
    !(x11 && on("WEBKIT_DISABLE_COMPOSITING_MODE") && on("WEBKIT_DISABLE_DMABUF_RENDERER"))
}

/// libglvnd's list of EGL vendor files, read once per process at its first
/// EGL call.
#[cfg(target_os = "linux")]
const EGL_VENDOR_FILES: &str = "__EGL_VENDOR_LIBRARY_FILENAMES";

/// Keeps Mesa (and its `libLLVM`) out of the app's process: GTK skips its
/// GLX probe, and libglvnd's first EGL call here finds no vendor, so
/// WebKit's EGL display in this process is never made. The variable is
/// removed again at once: the web process WebKit starts later needs its
/// EGL. A user's own `GDK_GL` or vendor list is kept, and so is GL then.
#[cfg(target_os = "linux")]
fn keep_gl_out_of_the_app() {
    if std::env::var_os("GDK_GL").is_none() {
        std::env::set_var("GDK_GL", "disable");
    }
    if std::env::var_os(EGL_VENDOR_FILES).is_some() {
        return;
    }
    // `/dev/null` is not a directory: no vendor file can be found there.
    std::env::set_var(EGL_VENDOR_FILES, "/dev/null/byline-no-egl-vendor.json");
    call_egl_get_display();
    std::env::remove_var(EGL_VENDOR_FILES);
}

/// Calls `eglGetDisplay(EGL_DEFAULT_DISPLAY)` through libglvnd's
/// `libEGL.so.1` (WebKitGTK links it already; nothing happens without it).
/// The library stays loaded, with the vendor list it read.
#[cfg(target_os = "linux")]
fn call_egl_get_display() {
    use std::ffi::{c_char, c_int, c_void};
    extern "C" {
        fn dlopen(file: *const c_char, mode: c_int) -> *mut c_void;
        fn dlsym(handle: *mut c_void, name: *const c_char) -> *mut c_void;
    }
    /// `dlfcn.h`'s `RTLD_NOW`.
    const RTLD_NOW: c_int = 2;
    // SAFETY: dlopen and dlsym take NUL-terminated names and return null on
    // failure, which is checked; the symbol found is libglvnd's
    // `EGLDisplay eglGetDisplay(EGLNativeDisplayType)`, both pointer-sized,
    // called with `EGL_DEFAULT_DISPLAY` (null) while this is the process's
    // only thread.
    unsafe {
        let library = dlopen(c"libEGL.so.1".as_ptr(), RTLD_NOW);
        if library.is_null() {
            return;
        }
        let symbol = dlsym(library, c"eglGetDisplay".as_ptr());
        if symbol.is_null() {
            return;
        }
        let get_display: extern "C" fn(*mut c_void) -> *mut c_void = std::mem::transmute(symbol);
        get_display(std::ptr::null_mut());
    }
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

#[cfg(test)]
mod runtime_tests {
    use std::cell::RefCell;
    use std::sync::mpsc::{channel, Sender};

    use super::{async_runtime, BLOCKING_THREAD_KEEP_ALIVE};

    /// Sends on its channel when dropped: with the thread that holds it.
    struct SignalOnExit(Sender<()>);

    impl Drop for SignalOnExit {
        fn drop(&mut self) {
            let _ = self.0.send(());
        }
    }

    thread_local! {
        /// The signal a blocking thread holds until it exits.
        static ON_EXIT: RefCell<Option<SignalOnExit>> = const { RefCell::new(None) };
    }

    #[test]
    fn an_idle_blocking_thread_exits_soon_after_its_last_task() {
        let runtime = async_runtime().unwrap();
        let (signal, exited) = channel();
        let task = runtime.spawn_blocking(move || ON_EXIT.with(|slot| *slot.borrow_mut() = Some(SignalOnExit(signal))));
        runtime.block_on(task).unwrap();
        assert!(
            exited.recv_timeout(BLOCKING_THREAD_KEEP_ALIVE * 4).is_ok(),
            "the blocking thread was still alive, with its cached memory"
        );
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::app_needs_gl;

    fn needs_gl(vars: &[(&str, &str)]) -> bool {
        app_needs_gl(|name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
    }

    const SOFTWARE: [(&str, &str); 2] =
        [("WEBKIT_DISABLE_COMPOSITING_MODE", "1"), ("WEBKIT_DISABLE_DMABUF_RENDERER", "1")];

    #[test]
    fn the_app_needs_no_gl_on_x11_when_webkit_draws_in_memory() {
        assert!(!needs_gl(&[("DISPLAY", ":0"), SOFTWARE[0], SOFTWARE[1]]));
        assert!(!needs_gl(&[("GDK_BACKEND", "x11"), ("WAYLAND_DISPLAY", "wayland-0"), SOFTWARE[0], SOFTWARE[1]]));
    }

    #[test]
    fn gl_stays_on_wayland_and_when_the_user_turns_compositing_back_on() {
        assert!(needs_gl(&[("DISPLAY", ":0"), ("WAYLAND_DISPLAY", "wayland-0"), SOFTWARE[0], SOFTWARE[1]]));
        assert!(needs_gl(&[("GDK_BACKEND", "wayland"), ("DISPLAY", ":0"), SOFTWARE[0], SOFTWARE[1]]));
        assert!(needs_gl(&[("DISPLAY", ":0"), ("WEBKIT_DISABLE_COMPOSITING_MODE", "0"), SOFTWARE[1]]));
        assert!(needs_gl(&[("DISPLAY", ":0"), SOFTWARE[0]]));
        assert!(needs_gl(&[SOFTWARE[0], SOFTWARE[1]]));
    }
}
