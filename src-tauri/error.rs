//! The error every Byline command returns.
//!
//! Errors cross the IPC boundary as `{ "kind": "...", "message": "..." }`, so
//! the UI can branch on `kind` and show `message` without parsing strings.

use byline_engine::accounts::CredentialError;
use byline_engine::store::StoreError;
use byline_engine::{AccountError, EngineError, FetchError};
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
    /// The disk is full: nothing more could be stored, and what was stored
    /// before is kept. Freeing space and trying again finishes the work.
    DiskFull,
    /// The database failed.
    Database,
    /// A local file could not be read or written.
    Io,
    /// A feed server refused the user name or password.
    Unauthorized,
    /// No keyring can keep an account's password (no Secret Service
    /// running); the message says what to do.
    Keyring,
    /// A feed server's protocol cannot make this change (renaming a feed
    /// through the Fever API…); nothing was changed.
    Unsupported,
    /// A feed server did not make a change to a subscription (unreachable,
    /// failing or refusing); nothing was changed here either.
    NotChanged,
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
            EngineError::Internal(_) => ErrorKind::Internal,
            EngineError::Store(StoreError::Invalid(_)) | EngineError::Invalid(_) => ErrorKind::Invalid,
            EngineError::Store(StoreError::DiskFull(_)) => ErrorKind::DiskFull,
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

impl From<AccountError> for Error {
    fn from(err: AccountError) -> Self {
        use byline_engine::accounts::Error as Server;
        match err {
            AccountError::Server(e) => {
                let kind = match &e {
                    Server::Unauthorized => ErrorKind::Unauthorized,
                    Server::Unreachable(_) => ErrorKind::Unreachable,
                    Server::InvalidUrl { .. } | Server::InsecureUrl(_) => ErrorKind::Invalid,
                    Server::Unsupported { .. } => ErrorKind::Unsupported,
                    Server::ServerError(_) | Server::Protocol(_) => ErrorKind::ServerError,
                };
                Self::new(kind, e.to_string())
            }
            AccountError::NotChanged(e) => {
                let kind = match &e {
                    Server::Unsupported { .. } => ErrorKind::Unsupported,
                    Server::Unauthorized => ErrorKind::Unauthorized,
                    _ => ErrorKind::NotChanged,
                };
                Self::new(kind, AccountError::NotChanged(e).to_string())
            }
            AccountError::OtherAccount => Self::new(ErrorKind::Invalid, err.to_string()),
            AccountError::Credentials(e) => {
                let kind = match &e {
                    CredentialError::NotFound(_) => ErrorKind::NotFound,
                    CredentialError::NoKeyring(_) | CredentialError::Other(_) => ErrorKind::Keyring,
                };
                Self::new(kind, e.to_string())
            }
            AccountError::Store(e) => e.into(),
            AccountError::Engine(e) => e.into(),
        }
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

    #[test]
    fn a_crashed_worker_is_internal_not_invalid() {
        let err: Error = EngineError::Internal("a worker crashed: task 7 panicked".into()).into();
        assert_eq!(err.kind, ErrorKind::Internal);
        let err: Error = EngineError::Internal("the keyring call crashed: task 3 panicked".into()).into();
        assert_eq!(err.kind, ErrorKind::Internal);
        let err: Error = EngineError::Io { path: "x.opml".into(), message: "No such file".into() }.into();
        assert_eq!(err.kind, ErrorKind::Io);
        let err: Error = EngineError::Invalid("a folder needs a name".into()).into();
        assert_eq!(err.kind, ErrorKind::Invalid);
    }

    #[test]
    fn a_full_disk_is_its_own_kind() {
        let err: Error = StoreError::DiskFull("database or disk is full".into()).into();
        assert_eq!(err.kind, ErrorKind::DiskFull);
        assert_eq!(serde_json::to_value(err.kind).unwrap(), serde_json::json!("disk_full"));
        let err: Error = AccountError::Store(StoreError::DiskFull("database or disk is full".into())).into();
        assert_eq!(err.kind, ErrorKind::DiskFull);
    }

    #[test]
    fn account_errors_have_their_own_kinds() {
        use byline_engine::accounts::Error as Server;
        let err: Error = AccountError::Server(Server::Unauthorized).into();
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({"kind": "unauthorized", "message": "the server refused the user name or password"})
        );
        let err: Error = AccountError::Server(Server::Unreachable("connection refused".into())).into();
        assert_eq!(err.kind, ErrorKind::Unreachable);
        let err: Error = AccountError::Server(Server::InsecureUrl("http://rss.example.com".into())).into();
        assert_eq!(err.kind, ErrorKind::Invalid);
        let err: Error = AccountError::Credentials(CredentialError::NoKeyring("no D-Bus session".into())).into();
        assert_eq!(err.kind, ErrorKind::Keyring);
        assert!(err.message.contains("BYLINE_ACCOUNT_PASSWORD"), "{}", err.message);
        let err: Error = AccountError::Store(StoreError::NotFound("account 3".into())).into();
        assert_eq!(err.kind, ErrorKind::NotFound);
    }

    #[test]
    fn a_change_the_server_did_not_make_says_so() {
        use byline_engine::accounts::{Error as Server, Protocol, SubscriptionChange};
        let err: Error = AccountError::NotChanged(SubscriptionChange::RenameFeed.unsupported(Protocol::Fever)).into();
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({"kind": "unsupported", "message": "the Fever API cannot rename a feed (nothing was changed)"})
        );
        let err: Error = AccountError::NotChanged(Server::Unreachable("connection refused".into())).into();
        assert_eq!(err.kind, ErrorKind::NotChanged);
        assert!(err.message.ends_with("(nothing was changed)"), "{}", err.message);
        let err: Error = AccountError::NotChanged(Server::Protocol("Already subscribed".into())).into();
        assert_eq!(err.kind, ErrorKind::NotChanged);
        let err: Error = AccountError::NotChanged(Server::Unauthorized).into();
        assert_eq!(err.kind, ErrorKind::Unauthorized);
        let err: Error = AccountError::OtherAccount.into();
        assert_eq!(err.kind, ErrorKind::Invalid);
    }
}
