/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened, read or written.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// The schema could not be brought up to date.
    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// No row with that id.
    #[error("{0} not found")]
    NotFound(String),
    /// The caller asked for something that cannot be stored.
    #[error("invalid input: {0}")]
    Invalid(String),
}

/// Short for `Result<T, StoreError>`.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
