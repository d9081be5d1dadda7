//! [`KeyringStore`] against a real Secret Service: a private D-Bus session
//! bus with GNOME Keyring on it ([`byline_testkit::Keyring`]).
//!
//! The `keyring` crate finds the bus through `DBUS_SESSION_BUS_ADDRESS` in
//! this process's environment, so this file is a test binary of its own
//! with one test: setting the variable here cannot reach another test.

use byline_accounts::{credential_key, session_key, CredentialError, CredentialStore, KeyringStore};
use byline_testkit::Keyring;

#[test]
fn keyring_store_keeps_and_forgets_passwords_then_says_when_there_is_no_keyring() {
    let Some(mut keyring) = Keyring::start_or_skip("keyring_store_keeps_and_forgets_passwords") else { return };
    for (name, value) in keyring.vars() {
        std::env::set_var(name, value);
    }
    let key = credential_key("greader", "alice", "https://rss.example.com/api/greader.php");
    let other = credential_key("fever", "alice", "https://rss.example.com/api/fever.php");

    assert_eq!(KeyringStore.get(&key), Err(CredentialError::NotFound(key.clone())));
    KeyringStore.set(&key, "first").unwrap();
    KeyringStore.set(&key, "päss wörd ✓").unwrap();
    KeyringStore.set(&other, "other").unwrap();
    KeyringStore.set(&session_key(&key), "alice/0123abcd").unwrap();
    assert_eq!(KeyringStore.get(&key).unwrap(), "päss wörd ✓", "set replaces");
    assert_eq!(KeyringStore.get(&other).unwrap(), "other");
    assert_eq!(KeyringStore.get(&session_key(&key)).unwrap(), "alice/0123abcd");

    KeyringStore.delete(&key).unwrap();
    KeyringStore.delete(&key).unwrap();
    assert_eq!(KeyringStore.get(&key), Err(CredentialError::NotFound(key.clone())));
    assert_eq!(KeyringStore.get(&other).unwrap(), "other", "only that key is forgotten");
    assert_eq!(KeyringStore.get(&session_key(&key)).unwrap(), "alice/0123abcd");

    // The keyring daemon goes, then the bus too: the clear error each
    // time, not a panic or a hang.
    keyring.stop_daemon();
    assert_no_keyring(&other);
    drop(keyring);
    assert_no_keyring(&other);
}

fn assert_no_keyring(key: &str) {
    for result in [KeyringStore.get(key), KeyringStore.set(key, "x").map(|_| String::new())] {
        match result {
            Err(err @ CredentialError::NoKeyring(_)) => {
                assert!(err.to_string().contains("BYLINE_ACCOUNT_PASSWORD"), "{err}")
            }
            other => panic!("expected NoKeyring, got {other:?}"),
        }
    }
}
