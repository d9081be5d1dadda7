//! The normalized feed model every format is turned into.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A feed after parsing and sanitizing, whatever its original format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedFeed {
    /// Plain-text title of the feed.
    pub title: String,
    /// The site the feed belongs to.
    pub link: Option<String>,
    /// Plain-text description.
    pub description: Option<String>,
    /// Language tag, as the feed declares it (`az`, `ru-RU`…).
    pub language: Option<String>,
    /// Entries in document order.
    pub entries: Vec<ParsedEntry>,
}

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedEntry {
    /// Stable identity within its feed: the GUID, else the URL, else a hash
    /// of title and date. Never empty.
    pub id: String,
    /// Plain-text title (may be empty when the feed gives none).
    pub title: String,
    /// Absolute http(s) URL of the article.
    pub link: Option<String>,
    /// The people it credits, in order, with their roles when the feed
    /// gives them ("By Jane Doe, Science Editor").
    pub authors: Vec<crate::Author>,
    /// The news agency it credits apart from the people ("AFP", "ТАСС" in
    /// "Иван Петров, ТАСС"), never the feed's own site.
    pub agency: Option<String>,
    /// When it was first published.
    pub published: Option<DateTime<Utc>>,
    /// When it last changed.
    pub updated: Option<DateTime<Utc>>,
    /// Sanitized HTML summary.
    pub summary_html: Option<String>,
    /// Sanitized HTML content.
    pub content_html: Option<String>,
    /// Attached media (podcasts, images).
    pub enclosures: Vec<Enclosure>,
    /// Lead image URL (http(s)).
    pub image: Option<String>,
    /// Language of the entry, falling back to the feed's.
    pub language: Option<String>,
}

/// A media file attached to an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Enclosure {
    /// Absolute http(s) URL.
    pub url: String,
    /// MIME type, when given.
    pub mime_type: Option<String>,
    /// Size in bytes, when given.
    pub length: Option<u64>,
}

impl ParsedEntry {
    /// The authors joined for display: "A, B".
    pub fn author_line(&self) -> Option<String> {
        (!self.authors.is_empty()).then(|| self.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", "))
    }

    /// A hash of everything a reader sees, to tell an updated entry from an
    /// unchanged one without comparing every field.
    pub fn content_hash(&self) -> String {
        let mut hasher = blake3::Hasher::new();
        for part in [
            Some(self.title.as_str()),
            self.link.as_deref(),
            self.summary_html.as_deref(),
            self.content_html.as_deref(),
            self.image.as_deref(),
        ] {
            hasher.update(part.unwrap_or("").as_bytes());
            hasher.update(&[0]);
        }
        for author in &self.authors {
            hasher.update(author.name.as_bytes());
            hasher.update(&[0]);
            hasher.update(author.role.as_deref().unwrap_or("").as_bytes());
            hasher.update(&[0]);
        }
        if let Some(agency) = &self.agency {
            hasher.update(agency.as_bytes());
            hasher.update(&[0]);
        }
        if let Some(updated) = self.updated {
            hasher.update(&updated.timestamp().to_le_bytes());
        }
        hasher.finalize().to_hex()[..32].to_string()
    }
}
