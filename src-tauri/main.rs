//! Byline desktop app: the Tauri 2 shell.
//!
//! This binary stays thin. It wires up the plugins, a navigation guard that
//! keeps the webview on the bundled UI, and the IPC commands the UI calls.
//! Feed fetching, parsing and storage live in the `crates/` libraries.

// Hide the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod error;

use serde::Serialize;
use tauri::{plugin::TauriPlugin, AppHandle, Manager, Runtime, Url};

use crate::error::Result;

/// Basic facts about the running app, shown by the UI.
#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    /// Product name from `tauri.conf.json` ("Byline").
    pub name: String,
    /// App version (taken from `Cargo.toml`).
    pub version: String,
    /// Per-user directory where Byline keeps its data.
    pub data_dir: String,
}

/// Returns the app's name, version and data directory.
#[tauri::command]
fn app_info<R: Runtime>(app: AppHandle<R>) -> Result<AppInfo> {
    let data_dir = app.path().app_data_dir()?;
    let package = app.package_info();
    Ok(AppInfo {
        name: package.name.clone(),
        version: package.version.to_string(),
        data_dir: data_dir.to_string_lossy().into_owned(),
    })
}

/// Returns `true` if `url` points at the app's own bundled UI, or at the
/// configured dev server (debug builds only).
fn is_app_url(url: &Url, dev_url: Option<&Url>) -> bool {
    let own_origin = match (url.scheme(), url.host_str()) {
        // Linux and macOS serve the bundled UI from `tauri://localhost`.
        ("tauri", Some("localhost")) => true,
        // Windows and Android use `http(s)://tauri.localhost`.
        ("http" | "https", Some("tauri.localhost")) => true,
        _ => false,
    };
    own_origin
        || (cfg!(debug_assertions) && dev_url.is_some_and(|dev| dev.origin() == url.origin()))
}

/// A plugin whose only job is to refuse any navigation away from the app.
///
/// External links must be opened in the system browser through the opener
/// plugin instead, so untrusted pages never run inside the app's webview.
fn navigation_guard<R: Runtime>(dev_url: Option<Url>) -> TauriPlugin<R> {
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

fn main() {
    let context = tauri::generate_context!();
    let dev_url = context.config().build.dev_url.clone();

    tauri::Builder::default()
        .plugin(tauri_plugin_store::Builder::default().build())
        .plugin(tauri_plugin_opener::init())
        .plugin(navigation_guard(dev_url))
        .invoke_handler(tauri::generate_handler![app_info])
        .run(context)
        .expect("error while running the Byline app");
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
    }

    #[test]
    fn dev_server_only_matches_its_origin() {
        let dev = url("http://localhost:1420");
        assert_eq!(
            is_app_url(&url("http://localhost:1420/x"), Some(&dev)),
            cfg!(debug_assertions)
        );
        assert!(!is_app_url(&url("http://localhost:9999/"), Some(&dev)));
    }

    #[test]
    fn error_serializes_as_kind_and_message() {
        let err = error::Error::from(tauri::Error::UnknownPath);
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["kind"], "tauri");
        assert!(json["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}
