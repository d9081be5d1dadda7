//! Where account passwords live: never in the database or the settings, but
//! behind [`CredentialStore`].
//!
//! - [`KeyringStore`]: the OS keyring (the `keyring` crate: Secret Service
//!   over D-Bus on Linux, the Keychain on macOS, the Credential Manager on
//!   Windows). Where no keyring daemon runs (a server, a container, a bare
//!   window manager) it fails with [`CredentialError::NoKeyring`], whose
//!   message says what to do.
//! - [`EnvStore`]: the documented fallback for that case. The password is
//!   read from the environment variable [`PASSWORD_ENV`]
//!   (`BYLINE_ACCOUNT_PASSWORD`) for that session only and never written
//!   anywhere; storing is a no-op. [`system_store`] picks it whenever the
//!   variable is set.
//! - [`MemoryStore`]: in memory, for tests.
//!
//! Beside an account's password, a store may keep its server session (the
//! Google Reader API's `Auth` token) under [`session_key`], so a sync need
//! not log in again; [`EnvStore`] keeps none.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The environment variable that [`EnvStore`] reads the password from, the
/// fallback where no keyring daemon runs.
pub const PASSWORD_ENV: &str = "BYLINE_ACCOUNT_PASSWORD";

/// Where the app and the CLI keep passwords: [`EnvStore`] when
/// [`PASSWORD_ENV`] is set (where no keyring daemon runs), for every
/// account, for this session, storing none; otherwise the OS keyring.
pub fn system_store() -> Arc<dyn CredentialStore> {
    if EnvStore::is_set() {
        Arc::new(EnvStore)
    } else {
        Arc::new(KeyringStore)
    }
}

/// The keyring service name Byline's passwords are filed under.
pub const KEYRING_SERVICE: &str = "az.byline.reader";

/// What goes wrong with a password.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    /// No keyring can be reached (no Secret Service daemon, no D-Bus
    /// session, a locked or refused keyring).
    #[error(
        "no keyring is available to keep the password ({0}); start a keyring daemon that provides the Secret \
         Service (GNOME Keyring, KWallet, KeePassXC), or set BYLINE_ACCOUNT_PASSWORD to the account's password \
         for each session instead"
    )]
    NoKeyring(String),
    /// No password is stored for this account.
    #[error("no password is stored for {0}; add the account again, or set BYLINE_ACCOUNT_PASSWORD to its password")]
    NotFound(String),
    /// The keyring failed otherwise.
    #[error("the keyring failed: {0}")]
    Other(String),
}

/// Keeps account passwords. Keys are [`credential_key`]s. The calls may
/// block (D-Bus): async callers run them on a blocking thread.
pub trait CredentialStore: Send + Sync + std::fmt::Debug {
    /// Stores the password for `key`, replacing any.
    fn set(&self, key: &str, password: &str) -> Result<(), CredentialError>;
    /// The password for `key`.
    fn get(&self, key: &str) -> Result<String, CredentialError>;
    /// Forgets the password for `key` (no error when there was none).
    fn delete(&self, key: &str) -> Result<(), CredentialError>;
}

/// The key an account's password is filed under: its protocol, user and
/// server, e.g. `greader:alice@https://rss.example.com/api/greader.php`.
pub fn credential_key(kind: &str, username: &str, url: &str) -> String {
    format!("{kind}:{username}@{url}")
}

/// What a [`session_key`] adds to the account's [`credential_key`].
const SESSION_SUFFIX: &str = "#session";

/// The key an account's server session (a login token kept between syncs,
/// a secret like the password) is filed under, beside the password's
/// `credential_key`: `greader:alice@https://…/api/greader.php#session`.
pub fn session_key(credential_key: &str) -> String {
    format!("{credential_key}{SESSION_SUFFIX}")
}

/// The OS keyring (see the module documentation).
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyringStore;

impl KeyringStore {
    fn entry(key: &str) -> Result<keyring::Entry, CredentialError> {
        keyring::Entry::new(KEYRING_SERVICE, key).map_err(|e| keyring_error(e, key))
    }
}

fn keyring_error(error: keyring::Error, key: &str) -> CredentialError {
    match error {
        keyring::Error::NoEntry => CredentialError::NotFound(key.to_string()),
        keyring::Error::PlatformFailure(e) | keyring::Error::NoStorageAccess(e) => {
            CredentialError::NoKeyring(e.to_string())
        }
        other => CredentialError::Other(other.to_string()),
    }
}

impl CredentialStore for KeyringStore {
    fn set(&self, key: &str, password: &str) -> Result<(), CredentialError> {
        Self::entry(key)?.set_password(password).map_err(|e| keyring_error(e, key))
    }

    fn get(&self, key: &str) -> Result<String, CredentialError> {
        Self::entry(key)?.get_password().map_err(|e| keyring_error(e, key))
    }

    fn delete(&self, key: &str) -> Result<(), CredentialError> {
        match Self::entry(key)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keyring_error(e, key)),
        }
    }
}

/// The fallback where no keyring runs: the password comes from
/// [`PASSWORD_ENV`] for this session, for every account, and is never
/// stored ([`CredentialStore::set`] does nothing). It keeps no session
/// either: a [`session_key`] is never found.
#[derive(Debug, Clone, Copy, Default)]
pub struct EnvStore;

impl EnvStore {
    /// Whether [`PASSWORD_ENV`] is set (to something non-empty).
    pub fn is_set() -> bool {
        std::env::var(PASSWORD_ENV).is_ok_and(|v| !v.is_empty())
    }
}

impl CredentialStore for EnvStore {
    fn set(&self, _key: &str, _password: &str) -> Result<(), CredentialError> {
        Ok(())
    }

    fn get(&self, key: &str) -> Result<String, CredentialError> {
        std::env::var(PASSWORD_ENV)
            .ok()
            .filter(|_| !key.ends_with(SESSION_SUFFIX))
            .filter(|v| !v.is_empty())
            .ok_or_else(|| CredentialError::NotFound(key.to_string()))
    }

    fn delete(&self, _key: &str) -> Result<(), CredentialError> {
        Ok(())
    }
}

/// Passwords in memory, for tests.
#[derive(Debug, Default)]
pub struct MemoryStore {
    passwords: Mutex<HashMap<String, String>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }
}

impl CredentialStore for MemoryStore {
    fn set(&self, key: &str, password: &str) -> Result<(), CredentialError> {
        self.passwords.lock().unwrap_or_else(|e| e.into_inner()).insert(key.into(), password.into());
        Ok(())
    }

    fn get(&self, key: &str) -> Result<String, CredentialError> {
        let passwords = self.passwords.lock().unwrap_or_else(|e| e.into_inner());
        passwords.get(key).cloned().ok_or_else(|| CredentialError::NotFound(key.to_string()))
    }

    fn delete(&self, key: &str) -> Result<(), CredentialError> {
        self.passwords.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_store_keeps_and_forgets() {
        let store = MemoryStore::new();
        let key = credential_key("greader", "alice", "https://rss.example.com/api/greader.php");
        assert_eq!(store.get(&key), Err(CredentialError::NotFound(key.clone())));
        store.set(&key, "secret").unwrap();
        assert_eq!(store.get(&key).unwrap(), "secret");
        store.delete(&key).unwrap();
        store.delete(&key).unwrap();
        assert!(store.get(&key).is_err());
    }

    #[test]
    fn env_store_keeps_no_session() {
        // Whatever the environment holds, a session is never the password.
        let key = session_key(&credential_key("greader", "alice", "https://rss.example.com/api/greader.php"));
        assert_eq!(EnvStore.get(&key), Err(CredentialError::NotFound(key.clone())));
        assert!(key.starts_with("greader:alice@") && key != session_key("greader:alice@other"));
    }

    #[test]
    fn no_keyring_says_what_to_do() {
        let message = CredentialError::NoKeyring("no D-Bus session".into()).to_string();
        assert!(message.contains("BYLINE_ACCOUNT_PASSWORD") && message.contains("Secret Service"), "{message}");
    }

    #[test]
    fn keyring_works_or_says_there_is_none() {
        let key = credential_key("greader", "byline-test", "https://127.0.0.1/keyring-check");
        match KeyringStore.set(&key, "secret") {
            Ok(()) => {
                assert_eq!(KeyringStore.get(&key).unwrap(), "secret");
                KeyringStore.delete(&key).unwrap();
            }
            Err(err) => assert!(matches!(err, CredentialError::NoKeyring(_)), "{err:?}"),
        }
    }
}
