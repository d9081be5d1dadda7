//! Code run on the writer connection's own thread. sqlx runs each SQLite
//! connection on a worker thread of its own (`sqlx-sqlite-worker-N`), and
//! every write does its CPU work there: a sync's inserts and their search
//! indexing are most of a sync's CPU time beside the parsing. A caller that
//! wants that thread treated differently (the engine lowers its scheduling
//! priority beside the app's window) hands the store a function to run on
//! it, through [`Store::run_on_writer_thread`].

use crate::{Result, Store};

impl Store {
    /// Runs `on_thread` once on the thread of the writer connection, the
    /// thread every write of this store runs on (the store keeps its one
    /// writer connection open for its whole life; sqlx opens a new one, on
    /// a new thread, only after that one broke).
    ///
    /// The function runs inside a trivial statement (SQLite's progress
    /// handler, called from the statement's first steps), so it must not
    /// use the store.
    pub async fn run_on_writer_thread(&self, on_thread: impl FnOnce() + Send + 'static) -> Result<()> {
        let mut conn = self.writer.acquire().await?;
        let mut once = Some(on_thread);
        conn.lock_handle().await?.set_progress_handler(1, move || {
            if let Some(on_thread) = once.take() {
                on_thread();
            }
            true
        });
        let ran = sqlx::query("SELECT 1").execute(&mut *conn).await;
        conn.lock_handle().await?.remove_progress_handler();
        ran?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::thread::ThreadId;

    use super::*;

    /// The thread `store`'s writer runs on, as `run_on_writer_thread` sees it.
    async fn writer_thread(store: &Store) -> ThreadId {
        let (tx, rx) = mpsc::channel();
        store.run_on_writer_thread(move || tx.send(std::thread::current().id()).unwrap()).await.unwrap();
        rx.try_recv().expect("it ran before the call returned")
    }

    #[tokio::test]
    async fn runs_once_on_the_writer_connections_thread_and_writes_go_on() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("byline.sqlite3")).await.unwrap();
        let first = writer_thread(&store).await;
        assert_ne!(first, std::thread::current().id(), "not the caller's thread");
        store.add_feed("https://news.example.az/rss", None).await.unwrap();
        assert_eq!(writer_thread(&store).await, first, "the same thread every time");
        store.add_feed("https://other.example.ru/rss", None).await.unwrap();
        assert_eq!(store.feeds().await.unwrap().len(), 2, "writes still work, the handler removed");
        store.close().await;
    }
}
