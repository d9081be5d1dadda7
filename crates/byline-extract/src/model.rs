//! What an extraction produces.

use chrono::{DateTime, Utc};
use serde::Serialize;

pub use byline_feeds::Author;

/// The reading view of one article page.
#[derive(Debug, Clone, Serialize)]
pub struct Extracted {
    /// The headline, once, without the site name.
    pub title: String,
    /// The people who wrote the article, in the order the page gives them;
    /// empty when the page names no person (site names, "Admin" and
    /// "Редакция" are never bylines).
    pub byline: Vec<Author>,
    /// The news agency the page credits for the story ("AFP", "Reuters",
    /// "APA"), as it writes it, apart from the people: a wire story under
    /// the agency's name alone, or an agency credited beside its writers;
    /// never the site itself ("Reuters" on reuters.com).
    pub agency: Option<String>,
    /// When the article was first published, if the page says.
    pub published: Option<DateTime<Utc>>,
    /// The article's main picture as an absolute http(s) URL.
    pub lead_image: Option<String>,
    /// The primary language subtag of the page (`az`, `ru`, `en`…).
    pub language: Option<String>,
    /// The article body as sanitized HTML: paragraphs, headings, lists,
    /// images, figures and captions; no ads, share buttons or related links.
    pub content_html: String,
    /// The body as plain text, one block per line.
    pub text: String,
    /// Reading time at about 200 words a minute (0 for an empty body).
    pub reading_minutes: u32,
}
