//! `sync` (the engine's whole sync, with a progress bar on a terminal) and
//! `prune`.

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::time::Duration;

use byline_engine::{Engine, EngineError, SyncEvent, SyncOptions, SyncReport};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use crate::cli::Retention;
use crate::output::{self, plural};

/// Whether to draw a progress bar: only for people, on a terminal.
pub fn show_progress(json: bool) -> bool {
    !json && std::io::stderr().is_terminal()
}

pub async fn sync(engine: &Engine, force: bool, retention: Retention, json: bool) -> anyhow::Result<String> {
    let options = SyncOptions { force, retention_days: retention.0, ..SyncOptions::default() };
    let report = sync_with_progress(engine, &options, show_progress(json)).await?;
    if json {
        return Ok(output::json(&serde_json::to_value(&report)?));
    }
    let mut out = render_report(&report);
    out.push_str(&super::account::render_reports(&report.accounts));
    if report.pruned.deleted > 0 {
        let _ = writeln!(
            out,
            "Deleted {} older than {}.",
            plural(report.pruned.deleted, "unsaved article", "unsaved articles"),
            plural(u64::from(retention.0.unwrap_or_default()), "day", "days")
        );
    }
    Ok(out)
}

/// Runs a sync, drawing its progress on stderr when `progress` is set.
pub async fn sync_with_progress(
    engine: &Engine,
    options: &SyncOptions,
    progress: bool,
) -> Result<SyncReport, EngineError> {
    if !progress {
        return engine.sync(options, None).await;
    }
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<SyncEvent>();
    // Hidden until the engine says how many feeds there are.
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
    bar.set_style(
        ProgressStyle::with_template("{spinner} Syncing [{bar:30}] {pos}/{len} sources · {msg} · {elapsed}")
            .map(|style| style.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let drawer = {
        let bar = bar.clone();
        tokio::spawn(async move {
            while let Some(event) = rx.recv().await {
                match event {
                    SyncEvent::Started { total, .. } => {
                        bar.set_length(total as u64);
                        bar.set_message("0 new articles");
                        bar.set_draw_target(ProgressDrawTarget::stderr());
                        bar.enable_steady_tick(Duration::from_millis(120));
                    }
                    SyncEvent::FeedDone { done, total, new_articles, .. }
                    | SyncEvent::AccountDone { done, total, new_articles, .. } => {
                        bar.set_length(total as u64);
                        bar.set_position(done as u64);
                        bar.set_message(plural(new_articles as u64, "new article", "new articles"));
                    }
                    SyncEvent::FeedsStored { new_articles, .. } => bar.set_message(format!(
                        "{}; fetching article pages",
                        plural(new_articles as u64, "new article", "new articles")
                    )),
                    SyncEvent::Extracted { .. } => bar.set_message("deleting old articles"),
                    SyncEvent::Pruned { .. } | SyncEvent::Finished => {}
                }
            }
        })
    };
    // The engine drops the sender when the sync ends, which ends the drawer.
    let report = engine.sync(options, Some(tx)).await;
    let _ = drawer.await;
    bar.finish_and_clear();
    report
}

/// One summary line, then one line per failed feed. Sources are feeds,
/// unless server accounts are among them.
pub fn render_report(report: &SyncReport) -> String {
    let mut out = String::new();
    if report.feeds == 0 && report.skipped == 0 {
        return "No feeds to sync; subscribe with `byline-cli add URL`.\n".into();
    }
    let sources = if report.accounts.is_empty() {
        plural(report.feeds as u64, "feed", "feeds")
    } else {
        plural(report.feeds as u64, "source", "sources")
    };
    let _ = write!(
        out,
        "Synced {}: {} ok, {} failed; {}, {} updated",
        sources,
        report.ok,
        report.failed,
        plural(report.new_articles as u64, "new article", "new articles"),
        report.updated_articles
    );
    if report.skipped > 0 {
        let _ = write!(out, "; {} backing off (use --force)", report.skipped);
    }
    out.push('\n');
    for failure in &report.errors {
        let _ = writeln!(out, "  failed: feed {} {}: {}", failure.feed_id, failure.url, failure.error);
    }
    if report.unrecorded_failures > 0 {
        let _ = writeln!(
            out,
            "  not recorded: {} (the database said: {})",
            plural(report.unrecorded_failures as u64, "failure", "failures"),
            report.unrecorded_failure_error.as_deref().unwrap_or("unknown error")
        );
    }
    out
}

pub async fn prune(engine: &Engine, days: Retention, json: bool) -> anyhow::Result<String> {
    let outcome = engine.apply_retention(days.0).await?;
    if !json && days == Retention(None) {
        return Ok("Retention is off; nothing deleted.\n".into());
    }
    if json {
        return Ok(output::json(&json!({ "deleted": outcome.deleted, "pages_freed": outcome.pages_freed })));
    }
    Ok(format!(
        "Deleted {}; freed {}.\n",
        plural(outcome.deleted, "article", "articles"),
        plural(outcome.pages_freed.max(0) as u64, "page", "pages")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_the_database_could_not_record_are_reported() {
        let mut report = SyncReport { feeds: 2, ok: 1, failed: 1, ..SyncReport::default() };
        assert!(!render_report(&report).contains("not recorded"));
        report.unrecorded_failures = 1;
        report.unrecorded_failure_error = Some("database error: disk I/O error".into());
        let out = render_report(&report);
        assert!(
            out.ends_with("  not recorded: 1 failure (the database said: database error: disk I/O error)\n"),
            "{out}"
        );
    }
}
