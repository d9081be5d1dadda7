use std::time::Duration;

use chrono::{DateTime, Utc};

/// Why fetching a URL failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// Only absolute http(s) URLs are fetched.
    #[error("not an http(s) URL: {0}")]
    InvalidUrl(String),
    /// No connection within the connect timeout, or the request took longer
    /// than the whole-request timeout.
    #[error("timed out after {0:?}")]
    Timeout(Duration),
    /// The connection could not be made or broke.
    #[error("network error: {0}")]
    Network(String),
    /// More redirects than allowed.
    #[error("too many redirects (more than {0})")]
    TooManyRedirects(usize),
    /// A redirect led back to a URL already visited.
    #[error("redirect loop at {0}")]
    RedirectLoop(String),
    /// The decoded body grew past the limit.
    #[error("response larger than {limit} bytes")]
    BodyTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The server asked us to come back later (429 or 503).
    #[error("rate limited by the server (HTTP {status}){}", retry_after.map(|t| format!(", retry after {}", t.to_rfc3339())).unwrap_or_default())]
    RateLimited {
        /// 429 or 503.
        status: u16,
        /// When the server said to come back.
        retry_after: Option<DateTime<Utc>>,
    },
    /// Any other non-success status.
    #[error("HTTP {0}")]
    Status(u16),
}

/// Everything that can go wrong in the engine.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] byline_store::StoreError),
    /// A download failed.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// A document could not be read as a feed or OPML.
    #[error(transparent)]
    Feed(#[from] byline_feeds::FeedError),
    /// A site was searched for a feed and none was found.
    #[error("no feed found at {0}")]
    NoFeedFound(String),
    /// The caller asked for something impossible.
    #[error("{0}")]
    Invalid(String),
    /// Something inside the engine failed (a worker that panicked or was
    /// cancelled): not the caller's mistake.
    #[error("{0}")]
    Internal(String),
    /// Reading or writing a local file failed.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
}

impl EngineError {
    /// What kind of failure this is for a feed, so it can be told to people
    /// in their language.
    pub fn feed_problem(&self) -> byline_store::FeedProblem {
        use byline_store::FeedProblem;
        match self {
            Self::Fetch(FetchError::Timeout(_) | FetchError::Network(_)) => FeedProblem::Unreachable,
            Self::Fetch(FetchError::RateLimited { .. }) => FeedProblem::RateLimited,
            Self::Fetch(FetchError::BodyTooLarge { .. }) | Self::Feed(byline_feeds::FeedError::TooManyItems { .. }) => {
                FeedProblem::TooLarge
            }
            Self::Fetch(_) => FeedProblem::ServerError,
            Self::Feed(_) | Self::NoFeedFound(_) => FeedProblem::NotAFeed,
            Self::Store(_) | Self::Invalid(_) | Self::Internal(_) | Self::Io { .. } => FeedProblem::Other,
        }
    }
}

/// Short for `Result<T, EngineError>`.
pub type Result<T, E = EngineError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_with_too_many_items_is_too_large_not_a_non_feed() {
        let err = EngineError::Feed(byline_feeds::FeedError::TooManyItems { limit: 50_000 });
        assert_eq!(err.feed_problem(), byline_store::FeedProblem::TooLarge);
    }
}
