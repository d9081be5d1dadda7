//! The hidden `byline-sync` subcommand: what the benchmark measures for
//! Byline, run as its own process. Opens an [`Engine`] on the database,
//! subscribes to every URL (cold runs), syncs once, closes the store, prints
//! a JSON line with the [`byline_engine::SyncReport`] and the time of each
//! phase, and fails when the report is not what the scenario expects.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use byline_engine::store::NewSubscription;
use byline_engine::{Engine, EngineConfig, SyncOptions};
use serde::{Deserialize, Serialize};

/// Arguments of `byline-bench byline-sync`.
#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// The database file (created when missing).
    #[arg(long)]
    pub db: PathBuf,
    /// A file with one feed URL a line.
    #[arg(long)]
    pub urls: PathBuf,
    /// Subscribe to every URL before syncing (cold runs).
    #[arg(long)]
    pub add: bool,
    /// The number of new articles the sync must report.
    #[arg(long)]
    pub expect_new: usize,
}

/// Milliseconds spent in each phase, measured inside the child.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Phases {
    /// `Engine::open` (migrations included).
    pub open_ms: f64,
    /// `store().add_feeds` with every URL.
    pub add_ms: f64,
    /// `Engine::sync_feeds`.
    pub sync_ms: f64,
    /// `store().close()` (WAL checkpoint, `PRAGMA optimize`).
    pub close_ms: f64,
}

/// The JSON line the child prints.
#[derive(Debug, Serialize, Deserialize)]
pub struct ChildOutput {
    /// The sync's report.
    pub report: serde_json::Value,
    /// Time per phase.
    pub phases: Phases,
}

/// The URLs in a file of one URL a line (blank lines skipped).
pub fn read_urls(path: &Path) -> Result<Vec<String>> {
    Ok(std::fs::read_to_string(path)
        .with_context(|| format!("read {}", path.display()))?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

pub fn run(args: SyncArgs) -> Result<()> {
    let urls = read_urls(&args.urls)?;
    // The same runtime the app and the CLI use: multi-threaded, one worker a core.
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async move {
        let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
        let mut phases = Phases::default();

        let t = Instant::now();
        let engine = Engine::open(&args.db, EngineConfig::default()).await?;
        phases.open_ms = ms(t);

        let t = Instant::now();
        if args.add {
            let subscriptions: Vec<NewSubscription> =
                urls.iter().map(|url| NewSubscription { url, ..Default::default() }).collect();
            engine.store().add_feeds(&subscriptions).await?;
        }
        phases.add_ms = ms(t);

        let t = Instant::now();
        // Feeds only, like newsboat: article pages are the extraction benchmark's.
        let report = engine.sync_feeds(&SyncOptions::default(), None).await?;
        phases.sync_ms = ms(t);

        let t = Instant::now();
        engine.store().close().await;
        phases.close_ms = ms(t);

        let out = ChildOutput { report: serde_json::to_value(&report)?, phases };
        println!("{}", serde_json::to_string(&out)?);

        if report.failed != 0 {
            bail!("{} feeds failed: {:?}", report.failed, report.errors.iter().take(5).collect::<Vec<_>>());
        }
        if report.feeds != urls.len() || report.ok != urls.len() {
            bail!("synced {} feeds ({} ok), expected {}", report.feeds, report.ok, urls.len());
        }
        if report.new_articles != args.expect_new {
            bail!("{} new articles, expected {}", report.new_articles, args.expect_new);
        }
        if report.updated_articles != 0 {
            bail!("{} updated articles, expected 0", report.updated_articles);
        }
        Ok(())
    })
}
