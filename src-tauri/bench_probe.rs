//! The UI's responsiveness probe, for `bench/app/responsiveness.sh` only.
//! Off unless the app starts with `BYLINE_BENCH_PROBE` set (`input`: how
//! long each key press takes to reach the screen; `scroll`: frame times
//! while the list scrolls from top to bottom); when off, the UI asks once
//! at start and installs nothing. What the probe measures comes back as
//! lines printed to stderr, beside the first-list line of `startup.rs`.

use serde::{Deserialize, Serialize};

use crate::error::Result;

/// The environment variable that turns the probe on.
const ENV: &str = "BYLINE_BENCH_PROBE";

/// What the probe measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum BenchProbe {
    /// From each `keydown` to the next frame painted.
    Input,
    /// Frame times while the list scrolls by a fixed step per frame.
    Scroll,
}

impl BenchProbe {
    /// The probe `value` names (`input` or `scroll`), if any.
    fn parse(value: &str) -> Option<BenchProbe> {
        match value.trim() {
            "input" => Some(BenchProbe::Input),
            "scroll" => Some(BenchProbe::Scroll),
            _ => None,
        }
    }
}

/// The probe this run asked for in [`ENV`], if any.
fn from_env() -> Option<BenchProbe> {
    std::env::var(ENV).ok().as_deref().and_then(BenchProbe::parse)
}

/// The probe the UI should install, or none (a user's run).
#[tauri::command]
#[specta::specta]
pub fn bench_probe() -> Result<Option<BenchProbe>> {
    Ok(from_env())
}

/// Prints one line of the probe's measures to stderr as
/// `byline: bench LINE`; nothing when the probe is off.
#[tauri::command]
#[specta::specta]
pub fn bench_probe_report(line: String) -> Result<()> {
    if from_env().is_some() {
        let line: String = line.chars().filter(|c| !c.is_control()).take(500).collect();
        eprintln!("byline: bench {line}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_named_probes_turn_it_on() {
        assert_eq!(BenchProbe::parse("input"), Some(BenchProbe::Input));
        assert_eq!(BenchProbe::parse(" scroll\n"), Some(BenchProbe::Scroll));
        assert_eq!(BenchProbe::parse(""), None);
        assert_eq!(BenchProbe::parse("1"), None);
    }
}
