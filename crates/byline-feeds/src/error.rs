/// Everything that can go wrong while reading a feed, an OPML file or a page.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    /// The bytes are not a feed in any format we know (for example an HTML page).
    #[error("not a feed: {0}")]
    NotAFeed(String),
    /// The document looked like a feed but could not be parsed.
    #[error("malformed feed: {0}")]
    Malformed(String),
    /// The feed has more items than Byline reads from one document
    /// ([`MAX_ENTRIES`](crate::parse::MAX_ENTRIES)): each parsed item costs
    /// memory, and no real feed has that many.
    #[error("the feed has more than {limit} items")]
    TooManyItems {
        /// The limit.
        limit: usize,
    },
    /// An OPML document could not be read.
    #[error("invalid OPML: {0}")]
    InvalidOpml(String),
}
