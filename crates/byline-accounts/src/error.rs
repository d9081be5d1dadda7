//! The one error type of the crate.

use crate::Protocol;

/// What went wrong while talking to a feed server.
///
/// The variants tell the caller what to do next: ask for the password again
/// ([`Error::Unauthorized`]), try later ([`Error::Unreachable`],
/// [`Error::ServerError`]), hide the action ([`Error::Unsupported`]), or show
/// the server's message ([`Error::Protocol`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The server address is not a valid absolute `https://` URL.
    #[error("invalid server address {url:?}: {reason}")]
    InvalidUrl {
        /// The address as given.
        url: String,
        /// Why it was refused.
        reason: String,
    },
    /// The server address uses plain `http://` on a host that is not a loopback
    /// address: the password would cross the network in clear text.
    #[error("refusing the insecure address {0:?}: use https:// (plain http is only allowed for 127.0.0.1, ::1 and localhost)")]
    InsecureUrl(String),
    /// The server refused the credentials (wrong user name, password or API
    /// key, or a session token that is no longer valid).
    #[error("the server refused the user name or password")]
    Unauthorized,
    /// The server could not be reached: connection refused or reset, DNS
    /// failure, TLS failure, or a timeout.
    #[error("could not reach the server: {0}")]
    Unreachable(String),
    /// The server failed: an HTTP 5xx answer, or a body that is not what the
    /// protocol promises (not JSON, missing fields, too large).
    #[error("the server failed: {0}")]
    ServerError(String),
    /// The protocol has no such operation (for example subscribing through
    /// the Fever API).
    #[error("the {protocol} API cannot {operation}")]
    Unsupported {
        /// The protocol of the account.
        protocol: Protocol,
        /// What was asked, in words ("subscribe to a feed").
        operation: &'static str,
    },
    /// The server understood the call and refused it, or answered with an
    /// error of the protocol (for example "Already subscribed", or an HTTP
    /// 4xx other than 401/403).
    #[error("the server refused the request: {0}")]
    Protocol(String),
}

/// `Result` with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// True for errors that a later retry may cure ([`Error::Unreachable`]
    /// and [`Error::ServerError`]).
    pub fn is_transient(&self) -> bool {
        matches!(self, Error::Unreachable(_) | Error::ServerError(_))
    }
}
