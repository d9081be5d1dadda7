//! Preferences, kept with tauri-plugin-store in `settings.json` in the app
//! data dir (the database holds content, the store holds preferences).

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime};
use tauri_plugin_store::StoreExt;

pub use byline_engine::ExtractionPolicy;

use crate::error::{Error, ErrorKind, Result};

const STORE_FILE: &str = "settings.json";
const KEY: &str = "settings";

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

use byline_share::ShareTarget;

/// One thing the share bar can show: a share target, or copying the link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ShareBarEntry {
    /// Share to a target the backend opens.
    Target(ShareTarget),
    /// Copy the article's link.
    Copy(CopyLink),
}

/// The copy-link entry of the share bar (`"copy"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyLink {
    /// Copy the link.
    Copy,
}

impl ShareBarEntry {
    /// The name kept in settings.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Target(target) => target.as_str(),
            Self::Copy(CopyLink::Copy) => "copy",
        }
    }
}

/// What the share bar can show, in its default order: every share target
/// and copying the link. The one list: the UI gets it from the generated
/// bindings (`SHARE_BAR_ITEMS` in `ui/src/bindings.ts`).
pub const SHARE_BAR_ITEMS: [ShareBarEntry; 7] = {
    use ShareBarEntry::Target;
    [
        Target(ShareTarget::Whatsapp),
        Target(ShareTarget::Messenger),
        Target(ShareTarget::Telegram),
        Target(ShareTarget::Vk),
        Target(ShareTarget::Ok),
        ShareBarEntry::Copy(CopyLink::Copy),
        Target(ShareTarget::Email),
    ]
};

/// One place on the share bar: a target, shown or hidden.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ShareBarItem {
    /// One of [`SHARE_BAR_ITEMS`].
    pub id: String,
    /// Whether the bar shows it.
    pub on: bool,
}

/// Every preference, with defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct Settings {
    /// Colour theme.
    pub theme: Theme,
    /// Reader font family: "serif" or "sans".
    pub reader_font: String,
    /// Reader font size in pixels.
    pub reader_font_size: u32,
    /// Minutes between background syncs (0 turns them off).
    pub sync_interval_minutes: u32,
    /// Days to keep unsaved articles (0 keeps everything).
    pub retention_days: u32,
    /// Interface language: "system", "az", "ru" or "en".
    pub ui_language: String,
    /// When to fetch full articles.
    pub extraction_policy: ExtractionPolicy,
    /// Desktop notifications for feeds marked important.
    pub notifications: bool,
    /// Facebook app id for Messenger sharing; empty when none.
    pub messenger_app_id: String,
    /// The share bar's targets in order, each shown or hidden; empty means
    /// every target in the default order.
    pub share_bar: Vec<ShareBarItem>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: Theme::System,
            reader_font: "serif".into(),
            reader_font_size: 18,
            sync_interval_minutes: 30,
            retention_days: byline_engine::DEFAULT_RETENTION_DAYS,
            ui_language: "system".into(),
            extraction_policy: ExtractionPolicy::WhenNoContent,
            notifications: false,
            messenger_app_id: String::new(),
            share_bar: Vec::new(),
        }
    }
}

impl Settings {
    /// Rejects values no UI should send.
    pub fn validate(&self) -> Result<()> {
        let invalid = |m: &str| Err(Error::new(ErrorKind::Invalid, m));
        if !(12..=32).contains(&self.reader_font_size) {
            return invalid("font size must be between 12 and 32");
        }
        if !["serif", "sans"].contains(&self.reader_font.as_str()) {
            return invalid("reader font must be serif or sans");
        }
        if !["system", "az", "ru", "en"].contains(&self.ui_language.as_str()) {
            return invalid("language must be system, az, ru or en");
        }
        if self.sync_interval_minutes > 24 * 60 {
            return invalid("sync interval must be at most a day");
        }
        if !self.messenger_app_id.chars().all(|c| c.is_ascii_digit()) {
            return invalid("a Messenger app id is digits only");
        }
        for (i, item) in self.share_bar.iter().enumerate() {
            if !SHARE_BAR_ITEMS.iter().any(|entry| entry.as_str() == item.id) {
                return invalid("unknown share target");
            }
            if self.share_bar[..i].iter().any(|earlier| earlier.id == item.id) {
                return invalid("a share target is listed twice");
            }
        }
        if !self.share_bar.is_empty() && !self.share_bar.iter().any(|item| item.on) {
            return invalid("the share bar needs at least one target");
        }
        Ok(())
    }
}

/// The saved settings (defaults for anything missing or unreadable).
pub fn load<R: Runtime>(app: &AppHandle<R>) -> Result<Settings> {
    let store = app.store(STORE_FILE).map_err(|e| Error::new(ErrorKind::Io, e.to_string()))?;
    Ok(store.get(KEY).and_then(|value| serde_json::from_value(value).ok()).unwrap_or_default())
}

/// Validates and saves settings.
pub fn save<R: Runtime>(app: &AppHandle<R>, settings: &Settings) -> Result<()> {
    settings.validate()?;
    let store = app.store(STORE_FILE).map_err(|e| Error::new(ErrorKind::Io, e.to_string()))?;
    let value = serde_json::to_value(settings).map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))?;
    store.set(KEY, value);
    store.save().map_err(|e| Error::new(ErrorKind::Io, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_partial_json_fills_in() {
        Settings::default().validate().unwrap();
        let partial: Settings = serde_json::from_str(r#"{"theme":"dark","reader_font_size":20}"#).unwrap();
        assert_eq!((partial.theme, partial.reader_font_size, partial.sync_interval_minutes), (Theme::Dark, 20, 30));
    }

    #[test]
    fn bad_values_are_refused() {
        let bad = Settings { messenger_app_id: "12<script>".into(), ..Settings::default() };
        assert_eq!(bad.validate().unwrap_err().kind, ErrorKind::Invalid);
        let bad = Settings { reader_font_size: 200, ..Settings::default() };
        assert!(bad.validate().is_err());
    }

    #[test]
    fn the_share_bar_offers_every_target_and_copy_once() {
        for target in ShareTarget::ALL {
            assert_eq!(
                SHARE_BAR_ITEMS.iter().filter(|e| **e == ShareBarEntry::Target(target)).count(),
                1,
                "{target:?}"
            );
        }
        assert_eq!(SHARE_BAR_ITEMS.len(), ShareTarget::ALL.len() + 1);
        let names: Vec<String> =
            SHARE_BAR_ITEMS.iter().map(|e| serde_json::to_value(e).unwrap().as_str().unwrap().to_owned()).collect();
        assert_eq!(names, SHARE_BAR_ITEMS.map(|e| e.as_str()));
        // The default order of the bar (the UI reads this list from the bindings).
        assert_eq!(names, ["whatsapp", "messenger", "telegram", "vk", "ok", "copy", "email"]);
    }

    #[test]
    fn the_share_bar_lists_known_targets_once_with_one_shown() {
        let item = |id: &str, on: bool| ShareBarItem { id: id.into(), on };
        let ok = Settings { share_bar: vec![item("telegram", true), item("whatsapp", false)], ..Settings::default() };
        ok.validate().unwrap();
        for share_bar in [
            vec![item("myspace", true)],
            vec![item("vk", true), item("vk", false)],
            vec![item("vk", false), item("ok", false)],
        ] {
            let bad = Settings { share_bar, ..Settings::default() };
            assert_eq!(bad.validate().unwrap_err().kind, ErrorKind::Invalid, "{:?}", bad.share_bar);
        }
    }
}
