//! Full articles: fetching the page behind each new item (as the feed's or
//! the default policy says), extracting a clean reading view with bylines,
//! and storing it. Pages go through the same polite fetcher as feeds.

use byline_store::{ExtractedArticle, ExtractionPolicy, PendingExtraction};
use futures::stream::{self, StreamExt};
use serde::Serialize;
use url::Url;

use crate::body_choice::TextMeasure;
use crate::error::{EngineError, Result};
use crate::Engine;

/// What a pass of extraction did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ExtractReport {
    /// Pages extracted and stored.
    pub extracted: usize,
    /// Pages that could not be fetched or read.
    pub failed: usize,
    /// Articles left as the feed gave them (policy, or full content already).
    pub skipped: usize,
}

impl Engine {
    /// Fetches and extracts the pages of articles not tried yet (at most
    /// `limit`, newest first); `default_policy` applies to feeds without
    /// their own.
    pub async fn extract_pending(&self, limit: u32, default_policy: ExtractionPolicy) -> Result<ExtractReport> {
        let pending = self.store.pending_extractions(limit).await?;
        let mut report = ExtractReport::default();
        let mut wanted = Vec::new();
        for item in pending {
            let policy = item.feed_policy.unwrap_or(default_policy);
            let skip = match policy {
                ExtractionPolicy::Never => true,
                ExtractionPolicy::WhenNoContent => TextMeasure::of(&item.feed_html).is_full_article(),
                ExtractionPolicy::Always => false,
            };
            if skip {
                self.store.skip_extraction(item.id).await?;
                report.skipped += 1;
            } else {
                wanted.push(item);
            }
        }
        let results: Vec<(PendingExtraction, Result<ExtractedArticle>)> = stream::iter(wanted)
            .map(|item| async move {
                let result = self.extract_page(&item).await;
                (item, result)
            })
            .buffer_unordered(self.fetcher.config().max_concurrent.max(1))
            .collect()
            .await;
        for (item, result) in results {
            match result {
                Ok(mut extracted) => {
                    weigh_against_feed(&mut extracted, &item);
                    self.store.save_extraction(item.id, &extracted).await?;
                    report.extracted += 1;
                }
                Err(err) => {
                    self.store.fail_extraction(item.id, &err.to_string()).await?;
                    report.failed += 1;
                }
            }
        }
        Ok(report)
    }

    async fn extract_page(&self, item: &PendingExtraction) -> Result<ExtractedArticle> {
        let fetched = self.fetcher.get(&item.url, None).await?;
        let body = fetched.body.unwrap_or_default();
        let content_type = fetched.content_type;
        let url = fetched.final_url;
        let feed_author = item.feed_author.clone();
        self.run_cpu(move || extract_bytes(&body, content_type.as_deref(), &url, feed_author.as_deref())).await?
    }
}

/// Decides whether the page or the feed's text is the better read (the
/// feed's stays shown when the page is shorter or poorer), and keeps the
/// feed's credits where the page has none, or fills in roles the page lacks.
fn weigh_against_feed(extracted: &mut ExtractedArticle, item: &PendingExtraction) {
    let page = TextMeasure::of(&extracted.content_html);
    let feed = TextMeasure::of(&item.feed_html);
    extracted.prefer_feed_text = !page.is_better_than(&feed);
    if extracted.prefer_feed_text {
        extracted.text = byline_feeds::sanitize::html_to_text(&item.feed_html);
    }
    if extracted.bylines.is_empty() {
        extracted.bylines = item.feed_bylines.clone();
    }
    for person in &mut extracted.bylines {
        if person.role.is_none() {
            let same = |a: &&byline_store::Author| {
                byline_feeds::text::comparable(&a.name) == byline_feeds::text::comparable(&person.name)
            };
            person.role = item.feed_bylines.iter().find(same).and_then(|a| a.role.clone());
        }
    }
}

/// Extracts a page's reading view, in the shape the store keeps.
pub fn extract_bytes(
    bytes: &[u8],
    content_type: Option<&str>,
    url: &Url,
    feed_author: Option<&str>,
) -> Result<ExtractedArticle> {
    let page = byline_extract::extract(bytes, content_type, url, feed_author)
        .map_err(|e| EngineError::Invalid(format!("cannot extract {url}: {e}")))?;
    Ok(ExtractedArticle {
        content_html: page.content_html,
        text: page.text,
        bylines: page.byline,
        agency: page.agency,
        reading_minutes: page.reading_minutes,
        lead_image: page.lead_image,
        published: page.published,
        language: page.language,
        prefer_feed_text: false,
    })
}
