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
//!   single-page app never uses.
//!
//! Measured with `bench/app/memory.sh` (BENCHMARKS.md, "App memory").

use tauri::{AppHandle, Manager, Runtime};

/// WebKitGTK's switches for the renderer, and the value Byline gives them.
#[cfg(target_os = "linux")]
const RENDERER_SWITCHES: [(&str, &str); 2] =
    [("WEBKIT_DISABLE_COMPOSITING_MODE", "1"), ("WEBKIT_DISABLE_DMABUF_RENDERER", "1")];

/// Sets the renderer switches. Call first thing in `main`, while the
/// process has one thread and before WebKit starts.
pub fn prepare_environment() {
    #[cfg(target_os = "linux")]
    for (name, value) in RENDERER_SWITCHES {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
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
