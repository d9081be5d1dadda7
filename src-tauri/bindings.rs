//! The command and event registry, and the TypeScript bindings generated
//! from it (`ui/src/bindings.ts`). A test fails when the checked-in file is
//! stale; `BYLINE_WRITE_BINDINGS=1 cargo test -p byline bindings` rewrites it.

use tauri_specta::{collect_events, Builder};

use crate::commands::*;
use crate::events::{ArticlesChanged, SyncProgress};

/// Where the generated bindings live, relative to the workspace root.
#[cfg(test)]
pub const BINDINGS_PATH: &str = "ui/src/bindings.ts";

/// Every command the UI may use, for the runtime `$r` (the real one, or
/// the mock runtime in tests).
macro_rules! byline_commands {
    ($r:ty) => {
        tauri_specta::collect_commands![
            app_info::<$r>,
            list_feeds,
            list_folders,
            add_source::<$r>,
            remove_feed,
            rename_feed,
            move_feed,
            set_feed_important,
            set_feed_extraction,
            create_folder,
            rename_folder,
            delete_folder,
            import_opml::<$r>,
            export_opml,
            sync_now::<$r>,
            list_accounts,
            add_account::<$r>,
            test_account,
            remove_account::<$r>,
            list_articles,
            get_article,
            set_read,
            set_saved::<$r>,
            mark_all_read,
            set_read_many,
            article_counts,
            quit_app::<$r>,
            list_rules,
            add_rule,
            remove_rule,
            get_settings::<$r>,
            set_settings::<$r>,
            open_external::<$r>,
            share_article::<$r>,
            copy_article_link::<$r>,
            crate::startup::first_list_painted,
            crate::bench_probe::bench_probe,
            crate::bench_probe::bench_probe_report,
        ]
    };
}
#[cfg(test)]
pub(crate) use byline_commands;

/// Every command and event the UI may use, for the real runtime.
pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .dangerously_cast_bigints_to_number()
        .commands(byline_commands!(tauri::Wry))
        .events(collect_events![SyncProgress, ArticlesChanged])
        .constant("SHARE_BAR_ITEMS", crate::settings::SHARE_BAR_ITEMS)
        .constant("DEFAULT_SETTINGS", crate::settings::Settings::default())
}

/// Writes the TypeScript bindings to `path`.
#[cfg(test)]
pub fn export(path: &std::path::Path) -> Result<(), String> {
    let header = "// Generated from the Rust types by src-tauri/bindings.rs. Do not edit.\n// Regenerate: BYLINE_WRITE_BINDINGS=1 cargo test -p byline bindings\n";
    builder().export(specta_typescript::Typescript::default().header(header), path).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {

    #[test]
    fn bindings_are_up_to_date() {
        let checked_in = byline_testkit::workspace_root().join(super::BINDINGS_PATH);
        if std::env::var_os("BYLINE_WRITE_BINDINGS").is_some() {
            super::export(&checked_in).unwrap();
        }
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("bindings.ts");
        super::export(&fresh).unwrap();
        let fresh = std::fs::read_to_string(fresh).unwrap();
        let current = std::fs::read_to_string(&checked_in).unwrap_or_default();
        assert!(
            fresh == current,
            "{} is stale: run `BYLINE_WRITE_BINDINGS=1 cargo test -p byline bindings` and commit it",
            super::BINDINGS_PATH
        );
    }
}
