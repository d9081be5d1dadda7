//! `extract`: a saved article page's reading view, offline.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use serde_json::json;

use crate::output;

pub fn extract(
    file: &Path,
    url: &str,
    content_type: Option<&str>,
    feed_author: Option<&str>,
    json: bool,
) -> anyhow::Result<String> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let url = url::Url::parse(url).with_context(|| format!("not a URL: {url}"))?;
    let page = byline_extract::extract(&bytes, content_type, &url, feed_author)
        .with_context(|| format!("cannot extract {}", file.display()))?;
    if json {
        return Ok(output::json(&json!({
            "title": page.title,
            "byline": page.byline,
            "agency": page.agency,
            "published": page.published.map(|d| d.to_rfc3339()),
            "lead_image": page.lead_image,
            "language": page.language,
            "reading_minutes": page.reading_minutes,
            "content_html": page.content_html,
            "text": page.text,
        })));
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}", page.title);
    for author in &page.byline {
        match &author.role {
            Some(role) => writeln!(out, "{} — {role}", author.name),
            None => writeln!(out, "{}", author.name),
        }
        .ok();
    }
    if let Some(agency) = &page.agency {
        let _ = writeln!(out, "{agency} (agency)");
    }
    if let Some(date) = page.published {
        let _ = writeln!(out, "{}", date.to_rfc3339());
    }
    let _ = writeln!(out, "\n{}", page.text);
    Ok(out)
}
