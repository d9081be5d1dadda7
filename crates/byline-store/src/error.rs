/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The disk (or the file system the database is on) is full: nothing of
    /// the write was kept, and what was stored before is intact. Writing
    /// works again once space is freed.
    #[error("the disk is full: the database could not be written (free some space, then try again): {0}")]
    DiskFull(String),
    /// The database could not be opened, read or written.
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    /// The schema could not be brought up to date.
    #[error("database migration failed: {0}")]
    Migration(#[source] sqlx::migrate::MigrateError),
    /// No row with that id.
    #[error("{0} not found")]
    NotFound(String),
    /// The caller asked for something that cannot be stored.
    #[error("invalid input: {0}")]
    Invalid(String),
}

impl StoreError {
    /// Whether the disk is full (see [`StoreError::DiskFull`]).
    pub fn is_disk_full(&self) -> bool {
        matches!(self, Self::DiskFull(_))
    }
}

/// SQLite's primary result code for "database or disk is full" (a write
/// failed with ENOSPC).
const SQLITE_FULL: i32 = 13;
/// SQLite's extended result code for a WAL index (`-shm`) that could not
/// grow: on a full disk, opening the database fails with this, as a
/// "disk I/O error".
const SQLITE_IOERR_SHMSIZE: i32 = 10 | (19 << 8);

/// Whether an SQLite (extended) result code means the disk is full.
fn full_code(code: i32) -> bool {
    // Extended result codes keep the primary code in the low byte.
    code & 0xff == SQLITE_FULL || code == SQLITE_IOERR_SHMSIZE
}

/// Whether a sqlx error is SQLite saying the disk is full, or the OS saying
/// so to sqlx itself.
fn disk_full(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Database(db) => db.code().and_then(|code| code.parse::<i32>().ok()).is_some_and(full_code),
        sqlx::Error::Io(io) => io.kind() == std::io::ErrorKind::StorageFull,
        _ => false,
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        if disk_full(&err) {
            return Self::DiskFull(err.to_string());
        }
        Self::Database(err)
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(err: sqlx::migrate::MigrateError) -> Self {
        use sqlx::migrate::MigrateError;
        match &err {
            MigrateError::Execute(inner) | MigrateError::ExecuteMigration(inner, _) if disk_full(inner) => {
                Self::DiskFull(err.to_string())
            }
            _ => Self::Migration(err),
        }
    }
}

/// Short for `Result<T, StoreError>`.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use sqlx::{Connection, SqliteConnection};

    use super::*;

    /// A database that may not grow past its size is SQLite's "disk full".
    #[tokio::test]
    async fn a_full_database_is_a_disk_full_error_that_says_so() {
        let mut conn = SqliteConnection::connect("sqlite::memory:").await.unwrap();
        sqlx::query("CREATE TABLE t (x BLOB)").execute(&mut conn).await.unwrap();
        let pages: i64 = sqlx::query_scalar("PRAGMA page_count").fetch_one(&mut conn).await.unwrap();
        sqlx::query(&format!("PRAGMA max_page_count = {pages}")).execute(&mut conn).await.unwrap();
        let err: StoreError =
            sqlx::query("INSERT INTO t VALUES (zeroblob(100000))").execute(&mut conn).await.unwrap_err().into();
        assert!(err.is_disk_full(), "{err:?}");
        assert!(err.to_string().starts_with("the disk is full"), "{err}");

        let other: StoreError =
            sqlx::query("INSERT INTO nowhere VALUES (1)").execute(&mut conn).await.unwrap_err().into();
        assert!(matches!(other, StoreError::Database(_)), "{other:?}");
        let io: StoreError = sqlx::Error::Io(std::io::Error::from(std::io::ErrorKind::StorageFull)).into();
        assert!(io.is_disk_full());
    }

    #[test]
    fn full_codes_are_sqlite_full_and_a_wal_index_that_cannot_grow() {
        assert!(full_code(13));
        assert!(full_code(4874), "SQLITE_IOERR_SHMSIZE, opening on a full disk");
        for other in [10, 778, 5, 19, 2067] {
            assert!(!full_code(other), "{other}");
        }
    }
}
