//! `add`, `import`, `export`, `feeds`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use byline_engine::store::Feed;
use byline_engine::{Engine, SyncOptions};
use serde_json::json;

use super::sync::{self as sync_cmd, render_report, sync_with_progress};
use crate::output::{self, plural, truncate, Align};

pub async fn add(engine: &Engine, url: &str, folder: Option<&str>, json: bool) -> anyhow::Result<String> {
    if folder.is_some_and(|name| name.trim().is_empty()) {
        anyhow::bail!("a folder needs a name");
    }
    // Subscribe first, so a URL that is refused leaves no new folder behind.
    let mut feed = engine.add_source(url, None).await.with_context(|| format!("cannot subscribe to {url}"))?;
    if let Some(name) = folder {
        let folder = engine.store().create_folder(name, None).await?;
        engine.move_feed(feed.id, Some(folder.id)).await?;
        feed = engine.store().feed(feed.id).await?;
    }
    if json {
        return Ok(output::json(&serde_json::to_value(&feed)?));
    }
    Ok(format!(
        "Subscribed to feed {}: {}\n  {}\n  {} unread\n",
        feed.id,
        display_title(&feed),
        feed.url,
        feed.unread_count
    ))
}

pub async fn import(engine: &Engine, file: &Path, json: bool) -> anyhow::Result<String> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let imported = engine.import_opml(&bytes).await?;
    let report = sync_with_progress(engine, &SyncOptions::default(), sync_cmd::show_progress(json)).await?;
    if json {
        return Ok(output::json(&json!({ "import": imported, "sync": report })));
    }
    let mut out = format!(
        "Imported {} from {}: {} new",
        plural(imported.feeds_in_file as u64, "feed", "feeds"),
        file.display(),
        imported.feeds_added
    );
    if !imported.rejected.is_empty() {
        let _ = write!(out, ", {} rejected", imported.rejected.len());
    }
    out.push('\n');
    for reason in &imported.rejected {
        let _ = writeln!(out, "  rejected: {reason}");
    }
    out.push_str(&render_report(&report));
    Ok(out)
}

pub async fn export(engine: &Engine, json: bool) -> anyhow::Result<String> {
    let opml = engine.export_opml().await?;
    if json {
        return Ok(output::json(&json!({ "opml": opml })));
    }
    Ok(if opml.ends_with('\n') { opml } else { opml + "\n" })
}

pub async fn list(engine: &Engine, json: bool) -> anyhow::Result<String> {
    let feeds = engine.store().feeds().await?;
    if json {
        return Ok(output::json(&serde_json::to_value(&feeds)?));
    }
    if feeds.is_empty() {
        return Ok("No feeds yet; subscribe with `byline-cli add URL`.\n".into());
    }
    let folders: HashMap<_, _> = engine.store().folders().await?.into_iter().map(|f| (f.id, f.name)).collect();
    let mut rows = vec![["ID", "TITLE", "FOLDER", "URL", "UNREAD", "ERRORS"].map(String::from).to_vec()];
    for feed in &feeds {
        let folder = feed.folder_id.and_then(|id| folders.get(&id)).map_or("-", String::as_str);
        let errors = match (&feed.last_error, feed.error_count) {
            (Some(error), count) => format!("{count}× {error}"),
            (None, 0) => "-".into(),
            (None, count) => format!("{count}×"),
        };
        rows.push(vec![
            feed.id.to_string(),
            truncate(display_title(feed), 32),
            truncate(folder, 14),
            truncate(&feed.url, 44),
            feed.unread_count.to_string(),
            errors,
        ]);
    }
    Ok(output::table(&rows, &[Align::Right, Align::Left, Align::Left, Align::Left, Align::Right]))
}

fn display_title(feed: &Feed) -> &str {
    if feed.title.trim().is_empty() {
        "(untitled)"
    } else {
        &feed.title
    }
}

pub async fn set_extraction(engine: &Engine, id: i64, policy: &str, json: bool) -> anyhow::Result<String> {
    use byline_engine::ExtractionPolicy;
    let parsed = match policy {
        "always" => Some(ExtractionPolicy::Always),
        "when-no-content" => Some(ExtractionPolicy::WhenNoContent),
        "never" => Some(ExtractionPolicy::Never),
        _ => None,
    };
    let feed = byline_engine::store::FeedId(id);
    engine.store().set_feed_extraction(feed, parsed).await?;
    if json {
        return Ok(output::json(&json!({ "feed_id": id, "extraction": parsed })));
    }
    Ok(format!("Feed {id}: full articles {policy}\n"))
}
