//! Finds the article body in a page. This is the one place that knows which
//! extraction library is used (dom_smoothie, a port of Mozilla's
//! Readability); swap it here.

use dom_query::Document;
use dom_smoothie::{Config, Readability, ReadabilityError};
use url::Url;

use crate::ExtractError;

/// More elements than this and the page is not scored (a runaway page).
const MAX_ELEMENTS: usize = 200_000;

/// The article body the extractor found.
#[derive(Debug, Clone)]
pub struct MainContent {
    /// The body as HTML (not yet sanitized).
    pub html: String,
}

/// Finds the main content of `html`, a whole page fetched from `url`.
///
/// # Errors
/// [`ExtractError::NoContent`] when no block looks like an article body,
/// [`ExtractError::BadUrl`] when `url` is not absolute.
pub fn extract_main(html: &str, url: &Url) -> Result<MainContent, ExtractError> {
    extract_main_from(Document::from(html), url)
}

/// [`extract_main`] of a page already parsed (and perhaps cleaned): saves
/// writing it out and parsing it again. Adjacent text nodes left by earlier
/// removals are merged first, as a fresh parse would have them.
///
/// # Errors
/// As [`extract_main`].
pub fn extract_main_from(page: Document, url: &Url) -> Result<MainContent, ExtractError> {
    page.normalize();
    let config = Config { disable_json_ld: true, max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    let mut readability =
        Readability::with_document(page, Some(url.as_str()), Some(config)).map_err(|e| map_error(e, url))?;
    let article = readability.parse().map_err(|e| map_error(e, url))?;
    Ok(MainContent { html: article.content.to_string() })
}

fn map_error(error: ReadabilityError, url: &Url) -> ExtractError {
    match error {
        ReadabilityError::BadDocumentURL => ExtractError::BadUrl(url.to_string()),
        other => ExtractError::NoContent(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_paragraphs_and_not_the_menu() {
        let para =
            "<p>Bu, məqalənin əsas mətnidir və kifayət qədər uzundur ki, oxunaqlı hesab olunsun. ".repeat(3) + "</p>";
        let html = format!(
            r#"<html><body><ul class="menu"><li><a href="/a">Menyu</a></li></ul><div class="post">{}</div></body></html>"#,
            para.repeat(4)
        );
        let main = extract_main(&html, &Url::parse("https://x.example.az/").unwrap()).unwrap();
        assert!(main.html.contains("əsas mətnidir"));
        assert!(!main.html.contains("Menyu"));
    }

    #[test]
    fn empty_page_is_no_content() {
        let err = extract_main("", &Url::parse("https://x.example.az/").unwrap());
        assert!(err.is_err() || err.is_ok_and(|m| !m.html.contains("<p>")));
    }
}
