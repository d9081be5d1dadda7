//! The full-text index's rows: keyed in list order, written and deleted in
//! one place, and rebuilt from the articles when a migration asks.
//!
//! A row's rowid is its article's place in the list, `sort_key · 2³¹ + id`
//! (see [`rowid_sql`]), not the article id: FTS5 then hands out matches
//! already newest first, so a search reads one page of matches and stops,
//! however common the word. The article id is the rowid's low 31 bits. For
//! the key to fit in 64 bits, sort keys stay within ±[`SORT_KEY_LIMIT`]
//! (the years 1834 to 2106; [`clamp_sort_key`]) and article ids below 2³¹.
//! Prefix indexes of 2 and 3 characters (migration `0010`) serve the short
//! prefixes ("və", "the") that would otherwise merge the lists of every
//! word they begin. The index keeps which columns hold a word, not where
//! (migration `0012`, `detail = column`): queries are single words
//! ([`crate::fold::fts_query`]).

use byline_feeds::sanitize::html_to_text;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::fold::fold;
use crate::{ArticleId, Result, StoreError};

/// The largest sort key (seconds since 1970, in either direction) a list
/// keeps apart from its neighbours: later dates sort as this one.
pub const SORT_KEY_LIMIT: i64 = (1 << 32) - 1;
/// Article ids stay below this (the rowid's low bits).
const ID_LIMIT: i64 = 1 << 31;
/// Rows per multi-row insert (4 values a row).
const ROWS_PER_INSERT: usize = 1000;

/// A sort key brought within ±[`SORT_KEY_LIMIT`].
pub(crate) fn clamp_sort_key(sort_key: i64) -> i64 {
    sort_key.clamp(-SORT_KEY_LIMIT, SORT_KEY_LIMIT)
}

/// SQL for the search rowid of the article with these sort key and id
/// columns (or bound values).
pub(crate) fn rowid_sql(sort_key: &str, id: &str) -> String {
    format!("({sort_key} * {ID_LIMIT} + {id})")
}

/// SQL for the article id of a search rowid column.
pub(crate) fn article_id_sql(rowid: &str) -> String {
    format!("({rowid} & {})", ID_LIMIT - 1)
}

/// The search rowid of an article (what [`rowid_sql`] computes).
pub(crate) fn rowid(sort_key: i64, id: ArticleId) -> Result<i64> {
    if !(0..ID_LIMIT).contains(&id.0) {
        return Err(StoreError::Invalid(format!("article id {id} is beyond the search index's range")));
    }
    Ok(clamp_sort_key(sort_key) * ID_LIMIT + id.0)
}

/// Folded copies of what the index holds for one article.
#[derive(Debug, Clone)]
pub(crate) struct SearchText {
    /// The title.
    pub title: String,
    /// The author line.
    pub author: String,
    /// The text.
    pub body: String,
}

impl SearchText {
    /// Folds an article's title, author line and plain text.
    pub fn new(title: &str, author: Option<&str>, text: &str) -> Self {
        Self { title: fold(title), author: fold(author.unwrap_or_default()), body: fold(text) }
    }
}

/// Adds index rows, given as (sort key, article id, text), many rows a
/// statement, in rowid order: FTS5 keeps a transaction's rows in memory
/// only while their rowids ascend, and writes a segment whenever they do
/// not.
pub(crate) async fn insert(conn: &mut SqliteConnection, rows: &[(i64, ArticleId, &SearchText)]) -> Result<()> {
    let mut keyed = Vec::with_capacity(rows.len());
    for (sort_key, id, text) in rows.iter() {
        keyed.push((rowid(*sort_key, *id)?, *text));
    }
    keyed.sort_by_key(|(rowid, _)| *rowid);
    for chunk in keyed.chunks(ROWS_PER_INSERT) {
        let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new("INSERT INTO articles_fts (rowid, title, author, body) ");
        sql.push_values(chunk, |mut row, (rowid, text)| {
            row.push_bind(*rowid)
                .push_bind(text.title.as_str())
                .push_bind(text.author.as_str())
                .push_bind(text.body.as_str());
        });
        sql.build().persistent(false).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Replaces one article's index row.
pub(crate) async fn replace(conn: &mut SqliteConnection, id: ArticleId, text: &SearchText) -> Result<()> {
    let sort_key: i64 =
        sqlx::query_scalar("SELECT sort_key FROM articles WHERE id = ?").bind(id).fetch_one(&mut *conn).await?;
    sqlx::query("DELETE FROM articles_fts WHERE rowid = ?").bind(rowid(sort_key, id)?).execute(&mut *conn).await?;
    insert(conn, &[(sort_key, id, text)]).await
}

/// Deletes the index rows of the articles `articles_sql` selects (a query
/// of `articles` rows as `a`, with its own binds, `?1` on), before those
/// articles are deleted.
pub(crate) fn delete_sql(articles_sql: &str) -> String {
    format!(
        "DELETE FROM articles_fts WHERE rowid IN (SELECT {} FROM articles a WHERE a.id IN ({articles_sql}))",
        rowid_sql("a.sort_key", "a.id")
    )
}

/// The text an article's index row holds, from its stored columns, as the
/// store wrote it: an extracted page's text (or, when the feed's reads
/// better, the feed's longer text, as extraction chose it), else the feed's
/// summary and content.
const TEXT_COLUMNS: &str = "a.id, a.sort_key, a.title, a.author,
    CASE WHEN a.extraction_state = 1 AND a.full_html IS NOT NULL THEN
      CASE WHEN a.prefer_feed_text = 0 THEN a.full_html
           WHEN LENGTH(COALESCE(a.summary_html, '')) > LENGTH(COALESCE(a.content_html, '')) THEN a.summary_html
           ELSE COALESCE(a.content_html, '') END
    END AS page_html,
    a.summary_html, a.content_html";

#[derive(sqlx::FromRow)]
struct TextRow {
    id: ArticleId,
    sort_key: i64,
    title: String,
    author: Option<String>,
    page_html: Option<String>,
    summary_html: Option<String>,
    content_html: Option<String>,
}

/// Bytes of new terms the index buffers in memory before it writes them out
/// as a segment (FTS5's `hashsize`; its default is 1 MB). A cold sync of
/// full-content feeds (3–4 KB of text an article) filled 1 MB every few
/// hundred articles, and FTS5 then merged those small segments again and
/// again: a quarter of the index's cost on that corpus (see "Profile:
/// full-content sync per byte" in BENCHMARKS.md). The buffer exists only
/// while a write transaction adds rows; the index's contents are the same.
const PENDING_TERM_BYTES: i64 = 8 << 20;

/// Gives the index its settings when the file does not have them yet (FTS5
/// keeps them in the file, in `articles_fts_config`).
async fn configure(conn: &mut SqliteConnection) -> Result<()> {
    let hashsize: Option<i64> =
        sqlx::query_scalar("SELECT v FROM articles_fts_config WHERE k = 'hashsize'").fetch_optional(&mut *conn).await?;
    if hashsize != Some(PENDING_TERM_BYTES) {
        sqlx::query("INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', ?)")
            .bind(PENDING_TERM_BYTES)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Articles read a statement while rebuilding.
const REBUILD_BATCH: i64 = 500;

/// Run once the store is open: gives the index its settings
/// ([`configure`]), then rebuilds the whole index from the articles when a
/// migration asked for it (a row in `search_reindex`), in one transaction
/// with clearing the request: a crash leaves the request, and the next open
/// starts over.
pub(crate) async fn rebuild_if_asked(conn: &mut SqliteConnection) -> Result<()> {
    configure(conn).await?;
    let asked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM search_reindex").fetch_one(&mut *conn).await?;
    if asked == 0 {
        return Ok(());
    }
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    sqlx::query("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')").execute(&mut *tx).await?;
    let mut after: Option<(i64, ArticleId)> = None;
    loop {
        let rows: Vec<TextRow> = sqlx::query_as(&format!(
            "SELECT {TEXT_COLUMNS} FROM articles a WHERE ? IS NULL OR (a.sort_key, a.id) > (?, ?)
             ORDER BY a.sort_key, a.id LIMIT ?"
        ))
        .bind(after.map(|a| a.0))
        .bind(after.map(|a| a.0))
        .bind(after.map(|a| a.1))
        .bind(REBUILD_BATCH)
        .fetch_all(&mut *tx)
        .await?;
        let Some(last) = rows.last() else { break };
        after = Some((last.sort_key, last.id));
        let texts: Vec<SearchText> =
            rows.iter().map(|r| SearchText::new(&r.title, r.author.as_deref(), &text_of(r))).collect();
        let keyed: Vec<(i64, ArticleId, &SearchText)> =
            rows.iter().zip(&texts).map(|(r, t)| (r.sort_key, r.id, t)).collect();
        insert(&mut tx, &keyed).await?;
    }
    sqlx::query("DELETE FROM search_reindex").execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

/// The plain text of one article's row (see [`TEXT_COLUMNS`]).
fn text_of(row: &TextRow) -> String {
    match &row.page_html {
        Some(html) => html_to_text(html),
        None => crate::ingest::feed_text(row.summary_html.as_deref(), row.content_html.as_deref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rowids_follow_the_list_order_and_give_back_the_id() {
        let rows = [
            (-SORT_KEY_LIMIT, 1),
            (-5, 9),
            (0, 1),
            (0, 2),
            (1_700_000_000, 7),
            (1_700_000_000, 8),
            (SORT_KEY_LIMIT, ID_LIMIT - 1),
        ];
        let keys: Vec<i64> = rows.iter().map(|&(s, id)| rowid(s, ArticleId(id)).unwrap()).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        for (key, (_, id)) in keys.iter().zip(rows) {
            assert_eq!(key & (ID_LIMIT - 1), id);
        }
        assert_eq!(rowid(i64::MAX, ArticleId(3)).unwrap(), rowid(SORT_KEY_LIMIT, ArticleId(3)).unwrap());
        assert!(rowid(0, ArticleId(ID_LIMIT)).is_err());
    }

    #[tokio::test]
    async fn an_opened_store_buffers_more_terms_than_fts5s_default() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("byline.sqlite3");
        for _ in 0..2 {
            let store = crate::Store::open(&path).await.unwrap();
            let hashsize: i64 = sqlx::query_scalar("SELECT v FROM articles_fts_config WHERE k = 'hashsize'")
                .fetch_one(&store.writer)
                .await
                .unwrap();
            assert_eq!(hashsize, PENDING_TERM_BYTES);
            store.close().await;
        }
    }
}
