//! Clients for feed servers, for syncing a Byline account with them.
//!
//! Three protocols, behind one async trait, [`RemoteAccount`]:
//!
//! - [`greader`]: the Google Reader API ([`GReader`]), spoken by FreshRSS,
//!   Miniflux, Inoreader, The Old Reader and BazQux. It can read, sync
//!   states, subscribe, unsubscribe, rename and move feeds.
//! - [`fever`]: the Fever API ([`Fever`]), spoken by FreshRSS, Miniflux and
//!   others. It can read and sync states, but not manage subscriptions:
//!   those calls fail with [`Error::Unsupported`], and
//!   [`RemoteAccount::capabilities`] says so beforehand (as does
//!   [`Protocol::capabilities`], without a login: the one place these facts
//!   are written).
//! - [`ttrss`]: Tiny Tiny RSS's own JSON API ([`TtRss`]). It can read, sync
//!   states, subscribe and unsubscribe, but not rename or move feeds.
//!
//! What they return is plain serde data ([`RemoteFeed`], [`RemoteFolder`],
//! [`RemoteItem`], [`SyncCursor`]) that knows nothing of the store; item
//! content is unsanitized HTML. This crate never touches the database.
//!
//! Passwords are kept behind [`CredentialStore`] ([`credentials`]): the OS
//! keyring, or the `BYLINE_ACCOUNT_PASSWORD` fallback where none runs.
//!
//! Transport rules ([`HttpOptions`]): `https://` only, except for loopback
//! addresses (`127.0.0.0/8`, `::1`, `localhost`) which may use `http://`
//! (tests); a connect timeout, a timeout for the whole request, and a cap on
//! the size of every answer. One [`Error`] type tells a wrong password
//! ([`Error::Unauthorized`]) from an unreachable server
//! ([`Error::Unreachable`]), a failing one ([`Error::ServerError`]), an
//! operation the protocol lacks ([`Error::Unsupported`]) and a refusal
//! ([`Error::Protocol`]).
//!
//! ```no_run
//! use byline_accounts::{ChangeSet, GReader, RemoteAccount, SyncCursor};
//!
//! # async fn demo() -> byline_accounts::Result<()> {
//! let account: Box<dyn RemoteAccount> =
//!     Box::new(GReader::login("https://rss.example.com/api/greader.php", "alice", "secret").await?);
//! let folders = account.folders().await?;
//! let feeds = account.feeds().await?;
//! let first = account.fetch_items(SyncCursor::Start).await?;
//! // later: only what is new, and the local changes sent back
//! let next = account.fetch_items(first.cursor).await?;
//! account.apply_changes(&ChangeSet { read: vec![next.items[0].remote_id.clone()], ..Default::default() }).await?;
//! # let _ = (folders, feeds);
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]

mod account;
pub mod credentials;
mod de;
mod error;
pub mod fever;
pub mod greader;
mod http;
mod model;
pub mod ttrss;

pub use account::RemoteAccount;
pub use credentials::{
    credential_key, session_key, system_store, CredentialError, CredentialStore, EnvStore, KeyringStore, MemoryStore,
    PASSWORD_ENV,
};
pub use error::{Error, Result};
pub use fever::Fever;
pub use greader::GReader;
pub use http::{check_server_url, is_loopback, HttpOptions};
pub use model::{
    Capabilities, ChangeSet, FetchedItems, Protocol, RemoteFeed, RemoteFolder, RemoteItem, SubscriptionChange,
    SyncCursor,
};
pub use ttrss::TtRss;
