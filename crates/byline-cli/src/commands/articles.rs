//! `list`, `search`, `show`, `save`/`unsave`/`read`/`unread`.

use std::fmt::Write as _;

use anyhow::Context as _;
use byline_engine::feeds::sanitize::html_to_text;
use byline_engine::store::{ArticleId, Cursor, FeedId, FolderId, ListQuery, Page, Store, View};
use byline_engine::Engine;
use serde_json::json;

use crate::cli::ListArgs;
use crate::output::{self, truncate, Align};

pub async fn list(engine: &Engine, args: &ListArgs, json: bool) -> anyhow::Result<String> {
    let store = engine.store();
    let view = if args.saved {
        View::Saved
    } else if args.unread {
        View::Unread
    } else {
        View::All
    };
    if let Some(feed) = args.feed {
        store.feed(FeedId(feed)).await?;
    }
    if let Some(folder) = args.folder {
        if !store.folders().await?.iter().any(|f| f.id == FolderId(folder)) {
            anyhow::bail!("folder {folder} not found");
        }
    }
    let after = match &args.after {
        Some(cursor) => Some(parse_cursor(store, cursor).await?),
        None => None,
    };
    let query = ListQuery {
        view,
        feed: args.feed.map(FeedId),
        folder: args.folder.map(FolderId),
        search: None,
        after,
        limit: args.limit,
    };
    render_page(store.list(&query).await?, json)
}

pub async fn search(engine: &Engine, query: &str, limit: u32, json: bool) -> anyhow::Result<String> {
    let query = ListQuery { search: Some(query.to_string()), limit, ..ListQuery::default() };
    render_page(engine.store().list(&query).await?, json)
}

/// `SORTKEY:ID` as printed after a page, or the id of the last article seen.
async fn parse_cursor(store: &Store, text: &str) -> anyhow::Result<Cursor> {
    let invalid = || format!("invalid cursor {text:?}: expected SORTKEY:ID (as printed after a page) or an article id");
    let text = text.trim();
    if let Some((sort_key, id)) = text.split_once(':') {
        let sort_key = sort_key.trim().parse().ok().with_context(invalid)?;
        let id = id.trim().parse().ok().with_context(invalid)?;
        return Ok(Cursor { sort_key, id: ArticleId(id) });
    }
    let id = ArticleId(text.parse().ok().with_context(invalid)?);
    let article = store.article(id).await?;
    Ok(Cursor { sort_key: article.summary.sort_key, id })
}

fn render_page(page: Page, json: bool) -> anyhow::Result<String> {
    if json {
        return Ok(output::json(&serde_json::to_value(&page.items)?));
    }
    if page.items.is_empty() {
        return Ok("No articles.\n".into());
    }
    let mut rows = vec![["ID", "DATE", "", "", "FEED", "TITLE"].map(String::from).to_vec()];
    for item in &page.items {
        rows.push(vec![
            item.id.to_string(),
            output::date(item.published),
            if item.read { " " } else { "●" }.into(),
            if item.saved { "★" } else { " " }.into(),
            truncate(&item.feed_title, 18),
            if item.title.is_empty() { "(untitled)".into() } else { item.title.clone() },
        ]);
    }
    let mut out = output::table(&rows, &[Align::Right, Align::Left, Align::Left, Align::Left, Align::Left]);
    if let Some(next) = page.next {
        let _ = writeln!(out, "(more: --after {}:{})", next.sort_key, next.id);
    }
    Ok(out)
}

pub async fn show(engine: &Engine, id: i64, json: bool) -> anyhow::Result<String> {
    let article = engine.store().article(ArticleId(id)).await?;
    if json {
        return Ok(output::json(&serde_json::to_value(&article)?));
    }
    let summary = &article.summary;
    let mut out = String::new();
    let _ = writeln!(out, "{}", if summary.title.is_empty() { "(untitled)" } else { &summary.title });
    match summary.author.as_deref().filter(|a| !a.trim().is_empty()) {
        Some(author) => {
            let _ = writeln!(out, "By {author} · {}", summary.feed_title);
        }
        None => {
            let _ = writeln!(out, "{}", summary.feed_title);
        }
    }
    let mut marks = Vec::new();
    if !summary.read {
        marks.push("unread");
    }
    if summary.saved {
        marks.push("saved");
    }
    let marks = if marks.is_empty() { String::new() } else { format!("  [{}]", marks.join(", ")) };
    let _ = writeln!(out, "{}{marks}", output::date(summary.published));
    if let Some(url) = &summary.url {
        let _ = writeln!(out, "{url}");
    }
    let html = article.content_html.as_deref().filter(|h| !h.trim().is_empty()).or(article.summary_html.as_deref());
    let text = html.map(html_to_text).unwrap_or_default();
    out.push('\n');
    if text.is_empty() {
        out.push_str("(no text in the feed; open the link to read it)\n");
    } else {
        out.push_str(&text);
        out.push('\n');
    }
    Ok(out)
}

/// What `save`, `unsave`, `read` and `unread` set.
#[derive(Debug, Clone, Copy)]
pub enum Status {
    Saved(bool),
    Read(bool),
}

pub async fn set_status(engine: &Engine, id: i64, status: Status, json: bool) -> anyhow::Result<String> {
    let store = engine.store();
    let (field, value, done) = match status {
        Status::Saved(saved) => {
            store.set_saved(ArticleId(id), saved).await?;
            ("saved", saved, if saved { "saved" } else { "unsaved" })
        }
        Status::Read(read) => {
            store.set_read(ArticleId(id), read).await?;
            ("read", read, if read { "marked read" } else { "marked unread" })
        }
    };
    if json {
        return Ok(output::json(&json!({ "id": id, field: value })));
    }
    Ok(format!("Article {id} {done}.\n"))
}
