//! Keeps the webview on the bundled UI: any navigation elsewhere is refused
//! (links open in the system browser through `open_external` instead).

use tauri::plugin::TauriPlugin;
use tauri::{Runtime, Url};

/// Returns `true` if `url` points at the app's own bundled UI, or at the
/// configured dev server (debug builds only).
fn is_app_url(url: &Url, dev_url: Option<&Url>) -> bool {
    // The reader's sandboxed iframe loads its document from `srcdoc`.
    if matches!(url.as_str(), "about:srcdoc" | "about:blank") {
        return true;
    }
    let own_origin = match (url.scheme(), url.host_str()) {
        // Linux and macOS serve the bundled UI from `tauri://localhost`.
        ("tauri", Some("localhost")) => true,
        // Windows and Android use `http(s)://tauri.localhost`.
        ("http" | "https", Some("tauri.localhost")) => true,
        _ => false,
    };
    own_origin || (cfg!(debug_assertions) && dev_url.is_some_and(|dev| dev.origin() == url.origin()))
}

/// A plugin whose only job is to refuse any navigation away from the app.
///
/// External links must be opened in the system browser through the opener
/// plugin instead, so untrusted pages never run inside the app's webview.
pub fn navigation_guard<R: Runtime>(dev_url: Option<Url>) -> TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(move |_webview, url| {
            let allowed = is_app_url(url, dev_url.as_ref());
            if !allowed {
                eprintln!("byline: blocked navigation to {url}");
            }
            allowed
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        s.parse().unwrap()
    }

    #[test]
    fn allows_only_app_origins() {
        assert!(is_app_url(&url("tauri://localhost/index.html"), None));
        assert!(is_app_url(&url("http://tauri.localhost/"), None));
        assert!(!is_app_url(&url("https://example.com/"), None));
        assert!(!is_app_url(&url("tauri://evil.example/"), None));
        assert!(!is_app_url(&url("file:///etc/passwd"), None));
        assert!(is_app_url(&url("about:srcdoc"), None));
        assert!(!is_app_url(&url("about:config"), None));
    }

    #[test]
    fn dev_server_only_matches_its_origin() {
        let dev = url("http://localhost:1420");
        assert_eq!(is_app_url(&url("http://localhost:1420/x"), Some(&dev)), cfg!(debug_assertions));
        assert!(!is_app_url(&url("http://localhost:9999/"), Some(&dev)));
    }
}
