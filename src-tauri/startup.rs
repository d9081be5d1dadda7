//! How long the app takes to show its first article list, and what waits
//! for it. The clock starts when `main` starts, a few steps on the way are
//! marked ([`Step`]), and the UI reports the moment its first list (or its
//! empty state) is painted. The figure and the steps are printed once to
//! stderr, where `bench/app/start.sh` reads them.
//!
//! The start-up sync waits for that moment ([`first_list_painted`]): on two
//! cores, 200 feeds fetched and stored while WebKit starts and lays out the
//! page held the first list back by about a third.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use tokio::sync::Notify;

use crate::error::Result;

/// When `main` started.
static PROCESS_START: OnceLock<Instant> = OnceLock::new();
/// Milliseconds from `main` to the first list, once reported.
static FIRST_LIST: OnceLock<u64> = OnceLock::new();
/// Wakes what waits for the first list ([`first_list_painted`]).
static FIRST_LIST_PAINTED: Notify = Notify::const_new();
/// Milliseconds from `main` to each [`Step`], once reached.
static STEPS: [OnceLock<u64>; Step::ALL.len()] = [const { OnceLock::new() }; Step::ALL.len()];

/// A step of the start, marked on the way to the first list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The window and its web view exist (Tauri's setup begins).
    Window,
    /// The database is open and migrated.
    Database,
    /// The web view began loading the UI.
    Page,
}

impl Step {
    /// Every step, in the order a start reaches them.
    const ALL: [Step; 3] = [Step::Window, Step::Database, Step::Page];

    /// How the report names it.
    fn name(self) -> &'static str {
        match self {
            Step::Window => "window",
            Step::Database => "database",
            Step::Page => "page",
        }
    }
}

/// Starts the clock; the first thing `main` does.
pub fn start_clock() {
    PROCESS_START.get_or_init(Instant::now);
}

/// Milliseconds since `main` started.
fn elapsed_ms() -> u64 {
    let start = *PROCESS_START.get_or_init(Instant::now);
    u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// Marks `step` as reached now; only its first mark counts.
pub fn mark(step: Step) {
    STEPS[step as usize].get_or_init(elapsed_ms);
}

/// The steps reached so far, as the report prints them: `window 380 ms, …`.
fn steps_line() -> String {
    let reached =
        Step::ALL.iter().filter_map(|step| Some(format!("{} {} ms", step.name(), STEPS[*step as usize].get()?)));
    reached.collect::<Vec<_>>().join(", ")
}

/// The UI painted its first article list, `page_ms` milliseconds after its
/// page started loading (`performance.now()`). Returns the milliseconds
/// since `main` started, the same on every call: only the first report
/// counts, and only it is printed, with the steps before it; it also lets
/// the start-up sync begin.
#[tauri::command]
#[specta::specta]
pub fn first_list_painted(page_ms: f64) -> Result<u64> {
    let mut first = false;
    let ms = *FIRST_LIST.get_or_init(|| {
        first = true;
        elapsed_ms()
    });
    if first {
        eprintln!(
            "byline: first article list painted {ms} ms after start ({page_ms:.0} ms after the page began loading; {})",
            steps_line()
        );
        FIRST_LIST_PAINTED.notify_waiters();
    }
    Ok(ms)
}

/// Returns once the UI has reported its first list painted, or after
/// `at_most` (a page that never reports still gets what waits on it).
pub async fn first_list_shown(at_most: Duration) {
    let painted = FIRST_LIST_PAINTED.notified();
    tokio::pin!(painted);
    // Registered before the check, so a report between the two still wakes it.
    painted.as_mut().enable();
    if FIRST_LIST.get().is_some() {
        return;
    }
    let _ = tokio::time::timeout(at_most, painted).await;
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

    #[test]
    fn a_step_keeps_its_first_mark() {
        mark(Step::Database);
        let first = STEPS[Step::Database as usize].get().copied();
        std::thread::sleep(std::time::Duration::from_millis(5));
        mark(Step::Database);
        assert_eq!(STEPS[Step::Database as usize].get().copied(), first);
        assert!(steps_line().contains("database "));
    }

    #[tokio::test]
    async fn waiting_for_the_first_list_ends_once_it_is_painted() {
        // Whichever test reports first, the wait ends without its timeout.
        let waiter = tokio::spawn(first_list_shown(Duration::from_secs(3600)));
        first_list_painted(1.0).unwrap();
        tokio::time::timeout(Duration::from_secs(10), waiter).await.unwrap().unwrap();
        tokio::time::timeout(Duration::from_secs(10), first_list_shown(Duration::from_secs(3600))).await.unwrap();
    }
}
