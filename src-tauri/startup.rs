//! How long the app takes to show its first article list: the clock starts
//! when `main` starts, and the UI reports the moment its first list (or
//! its empty state) is painted. The figure is printed once to stderr,
//! where `bench/app/start.sh` reads it.

use std::sync::OnceLock;
use std::time::Instant;

use crate::error::Result;

/// When `main` started.
static PROCESS_START: OnceLock<Instant> = OnceLock::new();
/// Milliseconds from `main` to the first list, once reported.
static FIRST_LIST: OnceLock<u64> = OnceLock::new();

/// Starts the clock; the first thing `main` does.
pub fn start_clock() {
    PROCESS_START.get_or_init(Instant::now);
}

/// The UI painted its first article list, `page_ms` milliseconds after its
/// page started loading (`performance.now()`). Returns the milliseconds
/// since `main` started, the same on every call: only the first report
/// counts, and only it is printed.
#[tauri::command]
#[specta::specta]
pub fn first_list_painted(page_ms: f64) -> Result<u64> {
    let start = *PROCESS_START.get_or_init(Instant::now);
    let mut first = false;
    let ms = *FIRST_LIST.get_or_init(|| {
        first = true;
        u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX)
    });
    if first {
        eprintln!(
            "byline: first article list painted {ms} ms after start ({page_ms:.0} ms after the page began loading)"
        );
    }
    Ok(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_report_counts() {
        start_clock();
        let first = first_list_painted(12.0).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert_eq!(first_list_painted(40.0).unwrap(), first);
    }
}
