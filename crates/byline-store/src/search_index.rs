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

use byline_feeds::sanitize::{html_to_text, push_html_text};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::fold::fold;
use crate::{ArticleId, Result, Store, StoreError};

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
    /// The author line, then the agency the story is credited to.
    pub author: String,
    /// The text.
    pub body: String,
}

impl SearchText {
    /// Folds an article's title, author line, agency and plain text: a
    /// wire story is found by its agency ("Reuters", "APA") as by its people.
    pub fn new(title: &str, author: Option<&str>, agency: Option<&str>, text: &str) -> Self {
        let credit = match (author, agency) {
            (Some(author), Some(agency)) => fold(&format!("{author} {agency}")),
            (author, agency) => fold(author.or(agency).unwrap_or_default()),
        };
        Self { title: fold(title), author: credit, body: fold(text) }
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
    rewrite_row(conn, sort_key, id, text).await
}

/// Deletes the index row of the article `id` (placed by `sort_key`) and
/// writes `text` in its place.
async fn rewrite_row(conn: &mut SqliteConnection, sort_key: i64, id: ArticleId, text: &SearchText) -> Result<()> {
    sqlx::query("DELETE FROM articles_fts WHERE rowid = ?").bind(rowid(sort_key, id)?).execute(&mut *conn).await?;
    insert(conn, &[(sort_key, id, text)]).await
}

/// Rewrites one article's index row from its stored columns, as a rebuild
/// writes it: the extracted page's text and credits where it has them.
pub(crate) async fn reindex(conn: &mut SqliteConnection, id: ArticleId) -> Result<()> {
    let row: TextRow = sqlx::query_as(&format!("SELECT {TEXT_COLUMNS} FROM articles a WHERE a.id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("article {id}")))?;
    let text = SearchText::new(&row.title, row.author.as_deref(), row.agency.as_deref(), &text_of(&row));
    rewrite_row(conn, row.sort_key, id, &text).await
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
const TEXT_COLUMNS: &str = "a.id, a.sort_key, a.title, a.author, a.agency,
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
    agency: Option<String>,
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

/// Articles indexed in one step of a rebuild: one write transaction of a
/// few tens of milliseconds, so that a sync's or a click's writes wait no
/// longer than that.
const REBUILD_BATCH: i64 = 250;

/// Run when the store opens: gives the index its settings ([`configure`]),
/// and drops a rebuild request when there is nothing to rebuild (a new
/// file, whose migrations ask for one). A request over existing articles is
/// left to [`Store::rebuild_search_index`], which the app runs after its
/// window is up: opening never waits for it.
pub(crate) async fn prepare(conn: &mut SqliteConnection) -> Result<()> {
    configure(conn).await?;
    sqlx::query("DELETE FROM search_reindex WHERE NOT EXISTS (SELECT 1 FROM articles)").execute(&mut *conn).await?;
    Ok(())
}

/// Where a rebuild stands.
enum Rebuild {
    /// Nothing asked for.
    Done,
    /// Asked for, not started (or asked again since): start over.
    Asked,
    /// Started: the articles before this (sort key, id), in list order, are
    /// still to be indexed.
    Before(i64, ArticleId),
}

async fn rebuild_state(conn: &mut SqliteConnection) -> Result<Rebuild> {
    let rows: Vec<(Option<i64>, Option<ArticleId>)> =
        sqlx::query_as("SELECT before_sort_key, before_id FROM search_reindex").fetch_all(&mut *conn).await?;
    Ok(match rows.as_slice() {
        [] => Rebuild::Done,
        [(Some(sort_key), Some(id))] => Rebuild::Before(*sort_key, *id),
        _ => Rebuild::Asked,
    })
}

/// One step of a rebuild, in one transaction: on a new request, empties the
/// index; then indexes the next [`REBUILD_BATCH`] articles, newest first
/// (so that recent articles are found first), and records how far it got,
/// or clears the request when it reached the oldest. Each article's row is
/// deleted before it is written, so an article the sync indexed meanwhile
/// is not indexed twice. A crash loses at most the step. Returns whether
/// the index is whole.
async fn rebuild_step(conn: &mut SqliteConnection) -> Result<bool> {
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    let (sort_key, id) = match rebuild_state(&mut tx).await? {
        Rebuild::Done => return Ok(true),
        Rebuild::Before(sort_key, id) => (sort_key, id),
        Rebuild::Asked => {
            sqlx::query("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')").execute(&mut *tx).await?;
            (i64::MAX, ArticleId(i64::MAX))
        }
    };
    let rows: Vec<TextRow> = sqlx::query_as(&format!(
        "SELECT {TEXT_COLUMNS} FROM articles a WHERE (a.sort_key, a.id) < (?, ?)
         ORDER BY a.sort_key DESC, a.id DESC LIMIT ?"
    ))
    .bind(sort_key)
    .bind(id)
    .bind(REBUILD_BATCH)
    .fetch_all(&mut *tx)
    .await?;
    let texts: Vec<SearchText> =
        rows.iter().map(|r| SearchText::new(&r.title, r.author.as_deref(), r.agency.as_deref(), &text_of(r))).collect();
    let keyed: Vec<(i64, ArticleId, &SearchText)> =
        rows.iter().zip(&texts).map(|(r, t)| (r.sort_key, r.id, t)).collect();
    let mut delete: QueryBuilder<Sqlite> = QueryBuilder::new("DELETE FROM articles_fts WHERE rowid IN (");
    let mut ids = delete.separated(", ");
    for (sort_key, id, _) in &keyed {
        ids.push_bind(rowid(*sort_key, *id)?);
    }
    ids.push_unseparated(")");
    if !keyed.is_empty() {
        delete.build().persistent(false).execute(&mut *tx).await?;
        insert(&mut tx, &keyed).await?;
    }
    sqlx::query("DELETE FROM search_reindex").execute(&mut *tx).await?;
    let done = (rows.len() as i64) < REBUILD_BATCH;
    if let (false, Some(last)) = (done, rows.last()) {
        sqlx::query("INSERT INTO search_reindex (asked_at, before_sort_key, before_id) VALUES (unixepoch(), ?, ?)")
            .bind(last.sort_key)
            .bind(last.id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(done)
}

impl Store {
    /// Whether the search index is being rebuilt (after an update changed
    /// its form): until [`Store::rebuild_search_index`] is done, a search
    /// finds only the articles indexed so far, newest first.
    pub async fn search_index_pending(&self) -> Result<bool> {
        Ok(sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM search_reindex)").fetch_one(&self.writer).await?)
    }

    /// Rebuilds the search index when a migration asked for it, in short
    /// steps on the writer (see `rebuild_step`), so that the app stays
    /// usable and a sync's writes go on meanwhile; resumes where a killed
    /// process left it. Returns at once when nothing is asked.
    pub async fn rebuild_search_index(&self) -> Result<()> {
        // Each step takes the writer anew: writes waiting for it go first.
        while !self.rebuild_search_index_step().await? {}
        Ok(())
    }

    /// One step of [`Store::rebuild_search_index`] (one transaction of at
    /// most a few hundred articles). Returns whether the index is whole.
    pub async fn rebuild_search_index_step(&self) -> Result<bool> {
        rebuild_step(&mut *self.writer.acquire().await?).await
    }
}

/// The plain text of one article's row (see [`TEXT_COLUMNS`]).
fn text_of(row: &TextRow) -> String {
    match &row.page_html {
        Some(html) => html_to_text(html),
        None => feed_text(row.summary_html.as_deref(), row.content_html.as_deref()),
    }
}

/// Plain text of an article's feed summary and content, each part on
/// lines of its own: what the index holds of an article whose page was not
/// read, and what rules are matched against.
pub(crate) fn feed_text(summary_html: Option<&str>, content_html: Option<&str>) -> String {
    let parts = [summary_html, content_html];
    let mut text = String::with_capacity(parts.iter().flatten().map(|html| html.len() + 1).sum());
    for html in parts.into_iter().flatten() {
        push_html_text(&mut text, html);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_text_is_each_part_as_text_on_its_own_line() {
        let summary = "<p><strong>Bakı</strong> şəhərində &amp; Парк</p>";
        let content = "<p><strong>Bakı</strong> şəhərində &amp; Парк</p><figure><img src=\"https://x.az/a.jpg\">\
                       <figcaption>Foto</figcaption></figure><h2>Alt</h2><p> son </p>";
        for (s, c) in [(None, None), (Some(summary), None), (None, Some(content)), (Some(summary), Some(content))] {
            let expected: String = [s, c].into_iter().flatten().map(|html| html_to_text(html) + "\n").collect();
            assert_eq!(feed_text(s, c), expected);
        }
        assert_eq!(feed_text(Some("  "), Some("<p>x</p>")), "\nx\n");
    }

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
