//! The types the store hands out and takes in.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, sqlx::Type)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(transparent)]
        #[sqlx(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// Identifies a feed.
    FeedId
);
id_type!(
    /// Identifies an article.
    ArticleId
);
id_type!(
    /// Identifies a folder.
    FolderId
);
id_type!(
    /// Identifies a mute/mark-read rule.
    RuleId
);

/// A subscribed feed, with its health and unread count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Feed {
    /// Its id.
    pub id: FeedId,
    /// Where the feed is fetched from.
    pub url: String,
    /// Its title (from the feed, or given by the user).
    pub title: String,
    /// The site it belongs to.
    pub site_url: Option<String>,
    /// The folder it is in.
    pub folder_id: Option<FolderId>,
    /// When it was last fetched.
    pub last_checked_at: Option<DateTime<Utc>>,
    /// When it was last fetched without error.
    pub last_success_at: Option<DateTime<Utc>>,
    /// The last error, when the last fetch failed (technical detail).
    pub last_error: Option<String>,
    /// What kind of failure that was, for a sentence in the UI's language.
    pub last_error_kind: Option<FeedProblem>,
    /// Consecutive failed fetches.
    pub error_count: i64,
    /// Not fetched again before this time (server's Retry-After or backoff).
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// Unread, unmuted articles.
    pub unread_count: i64,
    /// New articles from it raise a desktop notification.
    pub important: bool,
    /// When its full article pages are fetched, or `None` to follow the
    /// default.
    pub extraction: Option<crate::ExtractionPolicy>,
    /// The server account it belongs to, or `None` for a feed of the local
    /// account. An account's feeds are kept by the server (each sync brings
    /// its names, folders and subscriptions back): they are renamed, moved
    /// and unsubscribed on the server first (the engine's `subscriptions`).
    #[serde(default)]
    pub account_id: Option<crate::AccountId>,
}

/// What kind of failure a feed's last fetch was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum FeedProblem {
    /// No connection: offline, the name does not resolve, refused, timed out.
    Unreachable,
    /// The server answered with an error (404, 500…) or redirected in circles.
    ServerError,
    /// The server asked us to come back later (429, 503).
    RateLimited,
    /// What came back is not a feed we can read.
    NotAFeed,
    /// What came back is larger than Byline accepts.
    TooLarge,
    /// Anything else.
    Other,
}

/// What sync needs to fetch a feed politely.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FeedFetchState {
    /// Its id.
    pub id: FeedId,
    /// Where it is fetched from.
    pub url: String,
    /// The ETag of the last response.
    pub etag: Option<String>,
    /// The Last-Modified of the last response.
    pub last_modified: Option<String>,
    /// Hash of the last body parsed.
    pub content_hash: Option<String>,
    /// Consecutive failures so far.
    pub error_count: i64,
    /// Not before this time.
    pub next_attempt_at: Option<DateTime<Utc>>,
}

/// A folder of feeds; folders nest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Folder {
    /// Its id.
    pub id: FolderId,
    /// Its name.
    pub name: String,
    /// The folder it is in, if any.
    pub parent_id: Option<FolderId>,
    /// The server account it belongs to, or `None` for a folder of the
    /// local account. An account's top folder (named after it, no parent)
    /// holds the account's folders and feeds.
    #[serde(default)]
    pub account_id: Option<crate::AccountId>,
}

/// An article as a list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ArticleSummary {
    /// Its id.
    pub id: ArticleId,
    /// The feed it came from.
    pub feed_id: FeedId,
    /// That feed's title.
    pub feed_title: String,
    /// Plain-text title.
    pub title: String,
    /// Link to the article page.
    pub url: Option<String>,
    /// Author names, comma-separated.
    pub author: Option<String>,
    /// The news agency it credits for the story ("AFP", "APA"), apart
    /// from the people, from its feed or its page, when it names one.
    pub agency: Option<String>,
    /// When it was published.
    pub published: Option<DateTime<Utc>>,
    /// Lead image URL.
    pub lead_image: Option<String>,
    /// Whether it has been read.
    pub read: bool,
    /// Whether it is saved (kept forever, readable offline).
    pub saved: bool,
    /// In search results: the text around the first match, matches marked.
    #[sqlx(skip)]
    pub snippet: Option<Vec<crate::SnippetPart>>,
    /// The URL of its list thumbnail, when it has a lead image: filled in by
    /// the app that serves thumbnails (the store leaves it empty).
    #[sqlx(skip)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<String>,
    /// Position in the list, for paging.
    #[serde(skip)]
    pub sort_key: i64,
}

/// An article with everything needed to read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Article {
    /// The list fields.
    #[serde(flatten)]
    pub summary: ArticleSummary,
    /// When it last changed.
    pub updated: Option<DateTime<Utc>>,
    /// Sanitized summary HTML.
    pub summary_html: Option<String>,
    /// Sanitized content HTML, as the feed gave it.
    pub content_html: Option<String>,
    /// Sanitized body extracted from the article's page, when it was.
    pub full_html: Option<String>,
    /// Where the article's page stands, and whether it or the feed's text
    /// is the better read.
    pub page: PageStatus,
    /// Bylines with roles, from the page (empty when not extracted).
    pub bylines: Vec<crate::Author>,
    /// Minutes to read, when the page was extracted.
    pub reading_minutes: Option<u32>,
    /// Language tag.
    pub language: Option<String>,
    /// Attached media.
    pub enclosures: Vec<byline_feeds::Enclosure>,
    /// When it was first stored.
    pub fetched_at: DateTime<Utc>,
}

/// Where an article's web page stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum PageStatus {
    /// Not fetched yet (it will be, unless the policy says the feed's text
    /// is enough).
    Pending,
    /// Extracted, and a better read than the feed's text: shown.
    Shown,
    /// Extracted, but the feed's text is longer or richer: the feed's is
    /// shown, the page is there to switch to.
    FeedTextBetter,
    /// Fetching or reading the page failed.
    Failed,
    /// Not fetched: the feed's text is the whole article, the policy says
    /// never, or there is no web link.
    NotWanted,
}

impl PageStatus {
    /// From the stored `extraction_state` and `prefer_feed_text` columns.
    pub(crate) fn from_columns(extraction_state: i64, prefer_feed_text: bool) -> Self {
        match extraction_state {
            0 => Self::Pending,
            1 if prefer_feed_text => Self::FeedTextBetter,
            1 => Self::Shown,
            2 => Self::Failed,
            _ => Self::NotWanted,
        }
    }
}

/// How many articles the top views hold, for the sidebar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Counts {
    /// Every article "All" lists (not muted).
    pub all: i64,
    /// Unread, unmuted articles.
    pub unread: i64,
    /// Saved articles.
    pub saved: i64,
}

/// Which articles a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum View {
    /// Every article that is not muted.
    #[default]
    All,
    /// Unread, unmuted articles.
    Unread,
    /// Saved articles.
    Saved,
}

/// Where a page of a list starts: after this article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Cursor {
    /// The sort key of the last article shown.
    pub sort_key: i64,
    /// Its id (ties on sort key).
    pub id: ArticleId,
}

/// A request for one page of articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListQuery {
    /// All, unread or saved.
    pub view: View,
    /// Only this feed.
    pub feed: Option<FeedId>,
    /// Only feeds in this folder or its subfolders.
    pub folder: Option<FolderId>,
    /// Full-text search terms.
    pub search: Option<String>,
    /// Start after this article.
    pub after: Option<Cursor>,
    /// Page size (capped at 500).
    pub limit: u32,
}

impl Default for ListQuery {
    fn default() -> Self {
        Self { view: View::All, feed: None, folder: None, search: None, after: None, limit: 50 }
    }
}

/// One page of articles and where the next one starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Page {
    /// The articles, newest first.
    pub items: Vec<ArticleSummary>,
    /// Pass this as `after` for the next page; `None` at the end.
    pub next: Option<Cursor>,
}

/// What a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum RuleField {
    /// The title.
    Title,
    /// The author names.
    Author,
    /// The summary and content text.
    Text,
    /// Any of them.
    Any,
}

/// What a rule does to a matching article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum RuleAction {
    /// Hide it from lists and counts.
    Mute,
    /// Store it as already read.
    MarkRead,
}

/// A rule applied to every new article when it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Rule {
    /// Its id.
    pub id: RuleId,
    /// Only articles of this feed; every feed when `None`.
    pub feed_id: Option<FeedId>,
    /// Where to look.
    pub field: RuleField,
    /// A keyword (case- and diacritic-insensitive) or a regex.
    pub pattern: String,
    /// Whether `pattern` is a regular expression.
    pub is_regex: bool,
    /// What to do on a match.
    pub action: RuleAction,
}

/// A rule to add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewRule {
    /// Only articles of this feed; every feed when `None`.
    pub feed_id: Option<FeedId>,
    /// Where to look.
    pub field: RuleField,
    /// A keyword or a regex.
    pub pattern: String,
    /// Whether `pattern` is a regular expression.
    pub is_regex: bool,
    /// What to do on a match.
    pub action: RuleAction,
}

/// What storing a feed's entries did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StoreOutcome {
    /// Articles seen for the first time.
    pub new: usize,
    /// Articles whose content changed.
    pub updated: usize,
    /// New articles a rule muted or marked read.
    pub filtered: usize,
}

/// What a retention pass removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PruneOutcome {
    /// Articles deleted.
    pub deleted: u64,
    /// Database pages given back to the file system.
    pub pages_freed: i64,
}
