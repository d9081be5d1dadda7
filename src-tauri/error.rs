//! The error type returned by every Byline Tauri command.
//!
//! Errors cross the IPC boundary as a small JSON object,
//! `{ "kind": "...", "message": "..." }`, so the UI can branch on `kind`
//! and show `message` to the user without parsing strings.

use serde::ser::{Serialize, SerializeStruct, Serializer};

/// Any failure a Byline command can report to the frontend.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The Tauri runtime failed, e.g. a platform directory could not be resolved.
    #[error(transparent)]
    Tauri(#[from] tauri::Error),
}

impl Error {
    /// A stable, machine-readable name for this error's category.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Tauri(_) => "tauri",
        }
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("Error", 2)?;
        state.serialize_field("kind", self.kind())?;
        state.serialize_field("message", &self.to_string())?;
        state.end()
    }
}

/// Shorthand for results returned by Byline commands.
pub type Result<T, E = Error> = std::result::Result<T, E>;
