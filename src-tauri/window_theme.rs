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

#[cfg(test)]
mod tests {
    use super::*;

    /// The `--bg` the stylesheet gives the block that starts with `selector`.
    fn css_background(css: &str, selector: &str) -> String {
        let block = &css[css.find(&format!("{selector} {{")).expect(selector)..];
        let block = &block[..block.find('}').unwrap()];
        let value = block.split("--bg:").nth(1).expect("--bg").split(';').next().unwrap();
        value.trim().to_lowercase()
    }

    fn hex(color: Color) -> String {
        format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
    }

    /// The window's first colours are the page's own backgrounds, and the
    /// config's (before the app code runs) is the dark one, so a dark setup
    /// never flashes white.
    #[test]
    fn window_backgrounds_are_the_stylesheets() {
        let css = include_str!("../ui/src/styles/app.css");
        assert_eq!(hex(LIGHT_BACKGROUND), css_background(css, ":root"));
        assert_eq!(hex(DARK_BACKGROUND), css_background(css, ":root[data-theme=\"dark\"]"));
        let conf: serde_json::Value = serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        let configured = conf["app"]["windows"][0]["backgroundColor"].as_str().unwrap().to_lowercase();
        assert_eq!(configured, hex(DARK_BACKGROUND));
    }
}
