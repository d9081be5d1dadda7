//! The window's first colour: before the web view paints, the window shows
//! the background of the theme the user chose (or the system's), so a dark
//! setup never flashes white and a light one never flashes dark.

use tauri::window::Color;
use tauri::{AppHandle, Manager, Runtime};

use crate::settings::{self, Theme};

/// The light theme's page background (`--bg` in `ui/src/styles/app.css`).
const LIGHT_BACKGROUND: Color = Color(0xf7, 0xf6, 0xf2, 0xff);
/// The dark theme's page background (`--bg` under the dark theme).
const DARK_BACKGROUND: Color = Color(0x15, 0x18, 0x1c, 0xff);

/// Paints the main window in the chosen theme's background.
pub fn paint_background<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window("main") else { return };
    let theme = settings::load(app).map(|s| s.theme).unwrap_or_default();
    let dark = match theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::System => window.theme().is_ok_and(|t| t == tauri::Theme::Dark),
    };
    let color = if dark { DARK_BACKGROUND } else { LIGHT_BACKGROUND };
    let _ = window.set_background_color(Some(color));
}
