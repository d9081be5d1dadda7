//! The feeds phase of a sync: fetch (conditionally) → skip if unchanged →
//! parse → store, many feeds at once, each failure recorded on its own feed
//! while the rest goes on.
//!
//! Fetch tasks never write to the database. They send what they found (new
//! entries, "unchanged", a failure, a new address) to the one writer, which
//! records it all: every feed parsed while it was busy is stored in one
//! transaction, and the small writes (validators, failures, moves) follow
//! on the same task instead of waiting behind that transaction.

use std::collections::HashMap;
use std::sync::Arc;

use byline_store::{FeedFetchState, FetchValidators, PreparedFeed, RuleSet};
use chrono::{Duration, Utc};
use futures::stream::{self, StreamExt};
use tokio::sync::mpsc;

use crate::error::{EngineError, FetchError};
use crate::fetch::Validators;
use crate::sync::{FeedFailure, FeedNewArticles, Progress, SyncOptions, SyncReport};
use crate::Engine;

/// First wait after a failure; it doubles with each consecutive failure.
const BACKOFF_BASE_MINUTES: i64 = 5;
/// The longest wait after failures.
const BACKOFF_MAX_HOURS: i64 = 24;
/// Fetched feeds waiting for the writer; fetching and parsing pause when
/// this many are waiting, so memory stays bounded.
const PARSED_QUEUE: usize = 64;
/// The writer stores at most this many entries in one transaction.
const MAX_BATCH_ENTRIES: usize = 5000;

/// What syncing one feed did.
#[derive(Debug, Clone, Copy, Default)]
struct FeedOutcome {
    new: usize,
    updated: usize,
}

/// A feed, how its sync went, and, when it failed and that failure could not
/// be recorded, why not.
type FeedResult = (FeedFetchState, Result<FeedOutcome, EngineError>, Option<EngineError>);

/// The feeds a sync fetches, and how many it leaves alone (backing off).
pub(crate) struct FeedPlan {
    states: Vec<FeedFetchState>,
    skipped: usize,
}

impl FeedPlan {
    /// How many feeds will be fetched.
    pub(crate) fn len(&self) -> usize {
        self.states.len()
    }
}

/// What a fetch task found, for the writer to record.
enum Found {
    /// The feed changed: store its entries.
    Changed(PreparedFeed),
    /// The same as last time (304, or the same bytes): record the check.
    Unchanged { etag: Option<String>, last_modified: Option<String> },
    /// Fetching or parsing failed: record the failure and the backoff.
    Failed(EngineError),
}

/// One fetched feed on its way to the writer.
struct Fetched {
    state: FeedFetchState,
    /// The address the feed moved to for good (a 301 or 308), to keep.
    moved_to: Option<String>,
    found: Found,
}

impl Fetched {
    /// How much this adds to the writer's batch.
    fn weight(&self) -> usize {
        match &self.found {
            Found::Changed(prepared) => prepared.entry_count().max(1),
            _ => 1,
        }
    }
}

impl Engine {
    /// The feeds part of [`Engine::sync`] alone: fetch, parse and store
    /// every local feed (or the ones in `options`), without server
    /// accounts, article pages or retention (the report's `accounts`,
    /// `extraction` and `pruned` are empty). For benchmarks and tests; the
    /// app and the CLI run [`Engine::sync`].
    ///
    /// Fetching and parsing run many feeds at once; storing runs on the one
    /// writer, which takes every feed parsed while it was busy and stores
    /// them in one transaction. A full disk stops it, as [`Engine::sync`]
    /// says.
    pub async fn sync_feeds(
        &self,
        options: &SyncOptions,
        progress: Option<mpsc::UnboundedSender<crate::SyncEvent>>,
    ) -> Result<SyncReport, EngineError> {
        let plan = self.plan_feeds(options).await?;
        let progress = Progress::new(plan.len(), Vec::new(), progress);
        Ok(self.fetch_and_store(plan, &progress).await?.0)
    }

    /// The local feeds `options` asks for, less those backing off (unless
    /// forced). A server account's feeds come from its server
    /// (`remote_sync`), never from here.
    pub(crate) async fn plan_feeds(&self, options: &SyncOptions) -> Result<FeedPlan, EngineError> {
        let now = Utc::now();
        let mut states = self.store.local_fetch_states().await?;
        if !options.feeds.is_empty() || !options.accounts.is_empty() {
            states.retain(|s| options.feeds.contains(&s.id));
        }
        let total_known = states.len();
        if !options.force {
            states.retain(|s| s.next_attempt_at.is_none_or(|at| at <= now));
        }
        Ok(FeedPlan { skipped: total_known - states.len(), states })
    }

    /// Fetches the planned feeds and stores them through the one writer;
    /// the report, and the new articles per feed (feeds with none left out).
    pub(crate) async fn fetch_and_store(
        &self,
        plan: FeedPlan,
        progress: &Progress,
    ) -> Result<(SyncReport, Vec<FeedNewArticles>), EngineError> {
        let FeedPlan { states, skipped } = plan;
        let feeds = states.len();
        let rules = Arc::new(self.store.rule_set().await?);

        let (found_tx, mut found_rx) = mpsc::channel::<Fetched>(PARSED_QUEUE);
        let fetch_all = async {
            let process = |state: FeedFetchState| {
                let (rules, found_tx) = (&rules, &found_tx);
                async move {
                    if progress.stopped() {
                        return None;
                    }
                    let fetched = self.fetch_feed(state, rules).await;
                    // The writer records it and reports it done.
                    match found_tx.send(fetched).await {
                        Ok(()) => None,
                        Err(unsent) => {
                            let stopped = EngineError::Invalid("the sync stopped storing".into());
                            progress.feed_done(unsent.0.state.id, 0, Some(stopped.to_string()));
                            Some((unsent.0.state, Err(stopped), None))
                        }
                    }
                }
            };
            // Each host's feeds queue on their own, as many at once as the
            // host allows, and many hosts run side by side: feeds waiting
            // for a slow host never hold places other hosts could use.
            let config = self.fetcher.config();
            let (per_host, hosts_at_once) = (config.max_per_host.max(1), config.max_concurrent.max(1));
            let unsent: Vec<FeedResult> = stream::iter(group_by_host(states))
                .map(|feeds| stream::iter(feeds).map(process).buffer_unordered(per_host))
                .flatten_unordered(hosts_at_once)
                .filter_map(std::future::ready)
                .collect()
                .await;
            drop(found_tx);
            unsent
        };
        let write_all = async {
            let mut written: Vec<FeedResult> = Vec::new();
            while let Some(first) = found_rx.recv().await {
                if progress.stopped() {
                    continue; // drained, so no fetch waits on a full queue
                }
                let mut weight = first.weight();
                let mut batch = vec![first];
                while weight < MAX_BATCH_ENTRIES {
                    let Ok(next) = found_rx.try_recv() else { break };
                    weight += next.weight();
                    batch.push(next);
                }
                written.extend(self.write_batch(batch, progress).await);
            }
            written
        };
        let (unsent, written) = futures::join!(fetch_all, write_all);
        if let Some(message) = progress.disk_full() {
            return Err(byline_store::StoreError::DiskFull(message).into());
        }

        let mut report = SyncReport { feeds, skipped, ..SyncReport::default() };
        let mut new_by_feed = Vec::new();
        for (state, result, unrecorded) in unsent.into_iter().chain(written) {
            report.count_unrecorded(unrecorded);
            match result {
                Ok(outcome) => {
                    report.ok += 1;
                    report.new_articles += outcome.new;
                    report.updated_articles += outcome.updated;
                    if outcome.new > 0 {
                        new_by_feed.push(FeedNewArticles { feed_id: state.id, new_articles: outcome.new });
                    }
                }
                Err(err) => {
                    report.failed += 1;
                    report.errors.push(FeedFailure { feed_id: state.id, url: state.url, error: err.to_string() });
                }
            }
        }
        report.errors.sort_by_key(|e| e.feed_id);
        new_by_feed.sort_by_key(|n| n.feed_id);
        Ok((report, new_by_feed))
    }

    /// Fetches a feed and, when it changed, parses and prepares it on a
    /// blocking thread. Writes nothing: the writer records what was found.
    async fn fetch_feed(&self, state: FeedFetchState, rules: &Arc<RuleSet>) -> Fetched {
        let validators = Validators { etag: state.etag.clone(), last_modified: state.last_modified.clone() };
        let fetched = match self.fetcher.get(&state.url, Some(&validators)).await {
            Ok(fetched) => fetched,
            Err(err) => return Fetched { state, moved_to: None, found: Found::Failed(err.into()) },
        };
        let moved_to = fetched.moved_permanently_to.as_ref().map(ToString::to_string);
        let hash = fetched.body.as_deref().map(|body| blake3::hash(body).to_hex().to_string());
        let unchanged = match &hash {
            None => true, // 304 Not Modified
            Some(hash) => state.content_hash.as_deref() == Some(hash.as_str()),
        };
        if unchanged {
            let found = Found::Unchanged {
                etag: fetched.validators.etag.clone(),
                last_modified: fetched.validators.last_modified.clone(),
            };
            return Fetched { state, moved_to, found };
        }
        let feed_id = state.id;
        let url = fetched.final_url.to_string();
        let rules = Arc::clone(rules);
        let prepared = self
            .run_cpu(move || {
                let parsed = byline_feeds::parse_feed(
                    fetched.body.as_deref().unwrap_or_default(),
                    fetched.content_type.as_deref(),
                    Some(&url),
                )?;
                let validators = FetchValidators {
                    etag: fetched.validators.etag.as_deref(),
                    last_modified: fetched.validators.last_modified.as_deref(),
                    content_hash: hash.as_deref(),
                };
                Ok::<_, EngineError>(PreparedFeed::new(feed_id, parsed, &validators, &rules))
            })
            .await;
        let found = match prepared {
            Ok(Ok(prepared)) => Found::Changed(prepared),
            Ok(Err(err)) | Err(err) => Found::Failed(err),
        };
        Fetched { state, moved_to, found }
    }

    /// The writer's work for one batch: new addresses, unchanged feeds,
    /// then every changed feed in one transaction, then failures; each feed
    /// reported done.
    async fn write_batch(&self, batch: Vec<Fetched>, progress: &Progress) -> Vec<FeedResult> {
        let mut results: Vec<(FeedFetchState, Result<FeedOutcome, EngineError>)> = Vec::with_capacity(batch.len());
        let mut changed: Vec<(FeedFetchState, PreparedFeed)> = Vec::new();
        for Fetched { state, moved_to, found } in batch {
            if let Some(url) = &moved_to {
                if let Err(err) = self.store.set_feed_url(state.id, url).await {
                    results.push((state, Err(err.into())));
                    continue;
                }
            }
            match found {
                Found::Changed(prepared) => changed.push((state, prepared)),
                Found::Unchanged { etag, last_modified } => {
                    let validators = FetchValidators {
                        etag: etag.as_deref(),
                        last_modified: last_modified.as_deref(),
                        content_hash: None,
                    };
                    let recorded = self.store.record_unchanged(state.id, &validators).await;
                    results.push((state, recorded.map(|()| FeedOutcome::default()).map_err(Into::into)));
                }
                Found::Failed(err) => results.push((state, Err(err))),
            }
        }
        if !changed.is_empty() {
            let (states, prepared): (Vec<_>, Vec<_>) = changed.into_iter().unzip();
            let outcomes = self.store.store_feeds(&prepared).await;
            for (state, outcome) in states.into_iter().zip(outcomes) {
                let result = outcome.map(|o| FeedOutcome { new: o.new, updated: o.updated }).map_err(Into::into);
                results.push((state, result));
            }
        }
        let mut done = Vec::with_capacity(results.len());
        for (state, result) in results {
            done.push(self.finish_feed(state, result, progress).await);
        }
        done
    }

    /// Records a feed's failure (if it failed, and not for a full disk) and
    /// reports it done. Only the writer calls this.
    async fn finish_feed(
        &self,
        state: FeedFetchState,
        result: Result<FeedOutcome, EngineError>,
        progress: &Progress,
    ) -> FeedResult {
        let unrecorded = match &result {
            Err(err) if progress.note_disk_full(err) => None,
            Err(err) => {
                let unrecorded = self.record_failure(&state, err).await.err();
                if let Some(db_err) = &unrecorded {
                    progress.note_disk_full(db_err);
                }
                unrecorded
            }
            Ok(_) => None,
        };
        if let Some(db_err) = &unrecorded {
            eprintln!("byline: could not record the failure of feed {} ({}): {db_err}", state.id, state.url);
        }
        let new = result.as_ref().map_or(0, |o| o.new);
        progress.feed_done(state.id, new, result.as_ref().err().map(ToString::to_string));
        (state, result, unrecorded)
    }

    async fn record_failure(&self, state: &FeedFetchState, err: &EngineError) -> Result<(), EngineError> {
        let failures = state.error_count + 1;
        let backoff = Duration::minutes(BACKOFF_BASE_MINUTES * 2_i64.pow((failures - 1).clamp(0, 16) as u32))
            .min(Duration::hours(BACKOFF_MAX_HOURS));
        let next = match err {
            EngineError::Fetch(FetchError::RateLimited { retry_after: Some(at), .. }) => *at,
            _ => Utc::now() + backoff,
        };
        self.store.record_failure(state.id, err.feed_problem(), &err.to_string(), Some(next)).await?;
        Ok(())
    }
}

/// Feeds grouped by the host the fetcher limits them by, in their order.
fn group_by_host(states: Vec<FeedFetchState>) -> Vec<Vec<FeedFetchState>> {
    let mut groups: Vec<Vec<FeedFetchState>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for state in states {
        let key = url::Url::parse(state.url.trim()).map(|u| crate::fetch::host_key(&u)).unwrap_or_default();
        let at = *index.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[at].push(state);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_store::FeedId;

    #[test]
    fn feeds_are_grouped_by_host_and_port_in_order() {
        let state = |id: i64, url: &str| FeedFetchState {
            id: FeedId(id),
            url: url.into(),
            etag: None,
            last_modified: None,
            content_hash: None,
            error_count: 0,
            next_attempt_at: None,
        };
        let groups = group_by_host(vec![
            state(1, "http://a.example/1"),
            state(2, "http://b.example/1"),
            state(3, "http://a.example:80/2"),
            state(4, "http://a.example:8080/3"),
            state(5, "not a url"),
        ]);
        let ids: Vec<Vec<i64>> = groups.iter().map(|g| g.iter().map(|s| s.id.0).collect()).collect();
        assert_eq!(ids, vec![vec![1, 3], vec![2], vec![4], vec![5]]);
    }
}
