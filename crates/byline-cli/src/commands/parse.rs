//! `parse`: a feed file, offline, normalized and sanitized, without a database.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use byline_engine::feeds::sanitize::html_to_text;
use byline_engine::feeds::{parse_feed, ParsedFeed};
use serde_json::json;

use crate::output;

pub fn parse(file: &Path, url: Option<&str>, content_type: Option<&str>, json: bool) -> anyhow::Result<String> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let feed = parse_feed(&bytes, content_type, url).with_context(|| format!("cannot parse {}", file.display()))?;
    if json {
        return Ok(output::json(&to_json(&feed)));
    }
    Ok(render(&feed))
}

fn to_json(feed: &ParsedFeed) -> serde_json::Value {
    let entries: Vec<_> = feed
        .entries
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "title": e.title,
                "link": e.link,
                "author": e.author_line(),
                "published": e.published.map(|d| d.to_rfc3339()),
                "summary_html": e.summary_html,
                "content_html": e.content_html,
            })
        })
        .collect();
    json!({ "title": feed.title, "link": feed.link, "entries": entries })
}

fn render(feed: &ParsedFeed) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", if feed.title.is_empty() { "(untitled feed)" } else { &feed.title });
    if let Some(link) = &feed.link {
        let _ = writeln!(out, "{link}");
    }
    let _ = writeln!(out, "{}", output::plural(feed.entries.len() as u64, "entry", "entries"));
    for (i, entry) in feed.entries.iter().enumerate() {
        let _ = writeln!(out, "\n[{}] {}", i + 1, if entry.title.is_empty() { "(untitled)" } else { &entry.title });
        if let Some(link) = &entry.link {
            let _ = writeln!(out, "    {link}");
        }
        let byline: Vec<String> =
            entry.author_line().into_iter().chain(entry.published.map(|d| output::date(Some(d)))).collect();
        if !byline.is_empty() {
            let _ = writeln!(out, "    {}", byline.join(" · "));
        }
        let html = entry.content_html.as_deref().filter(|h| !h.trim().is_empty()).or(entry.summary_html.as_deref());
        for line in html.map(html_to_text).unwrap_or_default().lines().filter(|l| !l.trim().is_empty()) {
            let _ = writeln!(out, "    {}", line.trim());
        }
    }
    out
}
