//! Subscribing by URL: a feed URL is used as it is; a site URL is searched
//! for a feed (`<link rel="alternate">` first, then common paths such as
//! `/feed` and `/rss`).

use byline_feeds::charset::decode_html;
use byline_feeds::discover::{common_feed_paths, feed_links, looks_like_html};
use byline_feeds::{parse_feed, ParsedFeed};
use byline_store::{Feed, FetchValidators, FolderId};
use url::Url;

use crate::error::{EngineError, Result};
use crate::fetch::Fetched;
use crate::Engine;

/// A feed found at a URL, parsed.
struct Found {
    fetched: Fetched,
    feed: ParsedFeed,
}

impl Engine {
    /// Subscribes to the feed at `url`, or to the feed a site at `url`
    /// advertises, and stores its articles right away. Subscribing twice
    /// returns the existing feed.
    pub async fn add_source(&self, url: &str, folder: Option<FolderId>) -> Result<Feed> {
        let input = url;
        let url = normalize_input_url(input)?;
        if let Some(existing) = self.store.feed_by_url(url.as_str()).await? {
            return Ok(existing);
        }
        let found = match self.find_feed(&url).await {
            // Typed without a scheme: https first, then plain http.
            Err(EngineError::Fetch(_)) if !has_scheme(input) => {
                let mut http = url.clone();
                let _ = http.set_scheme("http");
                self.find_feed(&http).await?
            }
            found => found?,
        };
        let feed_url = found.fetched.moved_permanently_to.as_ref().unwrap_or(&found.fetched.final_url).to_string();
        if let Some(existing) = self.store.feed_by_url(&feed_url).await? {
            return Ok(existing);
        }
        let feed = self.store.add_feed(&feed_url, folder).await?;
        let body_hash = found.fetched.body.as_deref().map(|b| blake3::hash(b).to_hex().to_string());
        let validators = FetchValidators {
            etag: found.fetched.validators.etag.as_deref(),
            last_modified: found.fetched.validators.last_modified.as_deref(),
            content_hash: body_hash.as_deref(),
        };
        let rules = self.store.rule_set().await?;
        self.store.store_feed(feed.id, &found.feed, &validators, &rules).await?;
        Ok(self.store.feed(feed.id).await?)
    }

    async fn find_feed(&self, url: &Url) -> Result<Found> {
        let fetched = self.fetcher.get(url.as_str(), None).await?;
        let body = fetched.body.as_deref().unwrap_or_default();
        match parse_feed(body, fetched.content_type.as_deref(), Some(fetched.final_url.as_str())) {
            Ok(feed) => return Ok(Found { feed, fetched }),
            Err(err) if !looks_like_html(body) => return Err(err.into()),
            Err(_) => {}
        }
        let page = decode_html(body, fetched.content_type.as_deref());
        let advertised = feed_links(&page, &fetched.final_url).into_iter().map(|link| link.url);
        let candidates: Vec<Url> = advertised.chain(common_feed_paths(&fetched.final_url)).collect();
        for candidate in candidates {
            if let Ok(found) = self.try_feed(&candidate).await {
                return Ok(found);
            }
        }
        Err(EngineError::NoFeedFound(url.to_string()))
    }

    async fn try_feed(&self, url: &Url) -> Result<Found> {
        let fetched = self.fetcher.get(url.as_str(), None).await?;
        let body = fetched.body.as_deref().unwrap_or_default();
        let feed = parse_feed(body, fetched.content_type.as_deref(), Some(fetched.final_url.as_str()))?;
        Ok(Found { feed, fetched })
    }
}

/// Whether what was typed names its scheme (`http://…`, `https://…`).
fn has_scheme(input: &str) -> bool {
    input.contains("://")
}

/// The longest source address taken: longer ones are mistakes (a pasted
/// page), and the HTTP client would refuse them as "unreachable".
const MAX_URL_LEN: usize = 64 * 1024;

/// Accepts what people type: `example.az/rss` becomes `https://example.az/rss`
/// (and [`Engine::add_source`] falls back to `http://` when https fails).
pub(crate) fn normalize_input_url(input: &str) -> Result<Url> {
    let input = input.trim();
    if input.len() > MAX_URL_LEN {
        return Err(EngineError::Invalid(format!("a web address is at most {MAX_URL_LEN} bytes long")));
    }
    let with_scheme = if has_scheme(input) { input.to_string() } else { format!("https://{input}") };
    Url::parse(&with_scheme)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .ok_or_else(|| EngineError::Invalid(format!("not a web address: {input}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_urls_get_a_scheme_and_bad_ones_are_refused() {
        assert_eq!(normalize_input_url(" news.example.az/rss ").unwrap().as_str(), "https://news.example.az/rss");
        assert_eq!(normalize_input_url("http://x.example/").unwrap().as_str(), "http://x.example/");
        assert!(normalize_input_url("javascript:alert(1)").is_err());
        assert!(normalize_input_url("file:///etc/passwd").is_err());
        let huge = format!("https://x.example/{}", "a".repeat(MAX_URL_LEN));
        let err = normalize_input_url(&huge).unwrap_err();
        assert!(matches!(&err, EngineError::Invalid(m) if m.len() < 100), "{err}");
    }
}
