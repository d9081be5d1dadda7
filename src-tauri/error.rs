//! The error every Byline command returns.
//!
//! Errors cross the IPC boundary as `{ "kind": "...", "message": "..." }`, so
//! the UI can branch on `kind` and show `message` without parsing strings.

use byline_engine::store::StoreError;
use byline_engine::{EngineError, FetchError};
use serde::Serialize;

/// What kind of failure it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The thing asked for does not exist.
    NotFound,
    /// The request cannot be carried out as given (bad URL, empty name…).
    Invalid,
    /// A site could not be reached (offline, refused, timed out).
    Unreachable,
    /// A site answered with an error (404, 500, rate limited, too large).
    ServerError,
    /// No program could open a link; it was copied to the clipboard instead.
    NoBrowser,
    /// A document is not a feed or OPML file we can read.
    Feed,
    /// The database failed.
    Database,
    /// A local file could not be read or written.
    Io,
    /// Something inside the app failed.
    Internal,
}

/// A failed command: its kind and a message for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// What went wrong, in words.
    pub message: String,
}

impl Error {
    /// An error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into() }
    }
}

impl From<EngineError> for Error {
    fn from(err: EngineError) -> Self {
        let kind = match &err {
            EngineError::Store(StoreError::NotFound(_)) => ErrorKind::NotFound,
            EngineError::Store(StoreError::Invalid(_)) | EngineError::Invalid(_) => ErrorKind::Invalid,
            EngineError::Store(_) => ErrorKind::Database,
            EngineError::Fetch(FetchError::InvalidUrl(_)) => ErrorKind::Invalid,
            EngineError::Fetch(FetchError::Timeout(_) | FetchError::Network(_)) => ErrorKind::Unreachable,
            EngineError::Fetch(_) => ErrorKind::ServerError,
            EngineError::Feed(_) | EngineError::NoFeedFound(_) => ErrorKind::Feed,
            EngineError::Io { .. } => ErrorKind::Io,
        };
        Self::new(kind, err.to_string())
    }
}

impl From<StoreError> for Error {
    fn from(err: StoreError) -> Self {
        EngineError::from(err).into()
    }
}

impl From<tauri::Error> for Error {
    fn from(err: tauri::Error) -> Self {
        Self::new(ErrorKind::Internal, err.to_string())
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Self::new(ErrorKind::Io, err.to_string())
    }
}

/// Short for `Result<T, Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_kind_and_message() {
        let err: Error = StoreError::NotFound("article 7".into()).into();
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({"kind": "not_found", "message": "article 7 not found"})
        );
        let err: Error = EngineError::Fetch(FetchError::Status(503)).into();
        assert_eq!(err.kind, ErrorKind::ServerError);
        let err: Error = EngineError::Fetch(FetchError::Network("Connection refused (os error 111)".into())).into();
        assert_eq!(err.kind, ErrorKind::Unreachable);
    }
}
