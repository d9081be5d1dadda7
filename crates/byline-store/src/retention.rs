//! Retention: old articles go, saved ones stay, and the space comes back.

use chrono::{DateTime, Utc};

use crate::{PruneOutcome, Result, Store};

/// How many pages one incremental vacuum step frees at most.
const VACUUM_STEP_PAGES: i64 = 4096;

impl Store {
    /// Deletes unsaved articles stored before `cutoff`, then hands the freed
    /// pages back to the file system (incremental vacuum), so the file does
    /// not grow without bound. Saved articles are never deleted. Deleted
    /// articles are remembered, so a feed that still lists them does not
    /// bring them back. Unsubscribed feeds left without articles go too.
    pub async fn prune(&self, cutoff: DateTime<Utc>) -> Result<PruneOutcome> {
        let mut tx = self.writer.begin().await?;
        let doomed = "SELECT a.id FROM articles a JOIN article_status s ON s.article_id = a.id
                      WHERE s.saved = 0 AND a.fetched_at < ?";
        sqlx::query(&format!(
            "INSERT OR REPLACE INTO pruned_articles (feed_id, guid, pruned_at)
             SELECT feed_id, guid, ? FROM articles WHERE id IN ({doomed})"
        ))
        .bind(crate::now())
        .bind(cutoff.timestamp())
        .execute(&mut *tx)
        .await?;
        sqlx::query(&crate::search_index::delete_sql(doomed)).bind(cutoff.timestamp()).execute(&mut *tx).await?;
        let deleted = sqlx::query(&format!("DELETE FROM articles WHERE id IN ({doomed})"))
            .bind(cutoff.timestamp())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        crate::feeds::delete_empty_unsubscribed(&mut tx).await?;
        tx.commit().await?;
        let mut pages_freed = 0;
        loop {
            let free: i64 = sqlx::query_scalar("PRAGMA freelist_count").fetch_one(&self.writer).await?;
            if free == 0 {
                break;
            }
            sqlx::query(&format!("PRAGMA incremental_vacuum({VACUUM_STEP_PAGES})")).execute(&self.writer).await?;
            let left: i64 = sqlx::query_scalar("PRAGMA freelist_count").fetch_one(&self.writer).await?;
            pages_freed += free - left;
            if left >= free {
                break;
            }
        }
        Ok(PruneOutcome { deleted, pages_freed })
    }

    /// Size of the database in bytes (pages in use and free).
    pub async fn size_bytes(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
            .fetch_one(&self.reader)
            .await?)
    }
}
