//! The one error type of this crate.

/// Why a page could not be turned into a reading view.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The page URL is not an absolute `http`/`https` URL, so links and
    /// images in the article could not be resolved.
    #[error("the page URL is not an absolute http(s) URL: {0}")]
    BadUrl(String),
    /// The page is larger than [`crate::MAX_PAGE_BYTES`].
    #[error("the page is too large to extract ({size} bytes, the limit is {limit})")]
    TooLarge {
        /// Size of the page in bytes.
        size: usize,
        /// The limit it went over.
        limit: usize,
    },
    /// The page nests its elements deeper than [`crate::MAX_NESTING`].
    #[error("the page nests elements too deeply ({depth} levels, the limit is {limit})")]
    TooDeep {
        /// Estimated depth of the page.
        depth: usize,
        /// The limit it went over.
        limit: usize,
    },
    /// No block of the page looks like an article body.
    #[error("no article body found in the page: {0}")]
    NoContent(String),
}
