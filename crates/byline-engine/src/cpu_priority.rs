//! The priority of the engine's CPU work beside a window that must answer
//! at once. A sync parses and sanitizes on every core
//! ([`crate::Engine`]'s CPU slots); on two cores that left the web view's
//! process a third of the CPU, and a key press waited for it. With
//! [`crate::EngineConfig::background_cpu`] the threads that run that work
//! lower their own scheduling priority (a nice value of
//! [`BACKGROUND_NICE`]): they still take every idle cycle, but yield to
//! the window whenever it has work. The store's writer thread is lowered
//! the same way when the engine opens ([`byline_store::Store::run_on_writer_thread`]):
//! a sync's inserts and search indexing, nearly half of its CPU time, ran
//! there at the window's priority. The user's own writes (a read mark) go
//! through it too; they are small, and the window does not wait for them
//! to paint.

/// The nice value of a background worker thread (0 is normal, 19 lowest).
#[cfg(target_os = "linux")]
const BACKGROUND_NICE: i32 = 10;

/// Lowers the calling thread's scheduling priority, once per thread (a
/// thread cannot raise it again, and the pool's threads only run
/// background work). Best effort: where it is refused nothing changes.
pub(crate) fn lower_this_thread() {
    #[cfg(target_os = "linux")]
    {
        use std::cell::Cell;
        thread_local!(static LOWERED: Cell<bool> = const { Cell::new(false) });
        if LOWERED.replace(true) {
            return;
        }
        // SAFETY: setpriority has no memory effects; on Linux, who = 0 with
        // PRIO_PROCESS names the calling thread only.
        unsafe {
            libc::setpriority(libc::PRIO_PROCESS, 0, BACKGROUND_NICE);
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// This thread's nice value.
    fn nice() -> i32 {
        // SAFETY: getpriority only reads the scheduler's value for this thread.
        unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) }
    }

    #[test]
    fn only_the_calling_thread_is_lowered() {
        let before = nice();
        let lowered = std::thread::spawn(|| {
            lower_this_thread();
            lower_this_thread();
            nice()
        })
        .join()
        .unwrap();
        assert_eq!(lowered, BACKGROUND_NICE.max(before), "the worker yields to the window");
        assert_eq!(nice(), before, "other threads keep theirs");
    }

    #[tokio::test]
    async fn the_writer_thread_is_lowered_when_the_engine_opens_with_background_cpu() {
        let dir = tempfile::tempdir().unwrap();
        for (background_cpu, db) in [(false, "plain.sqlite3"), (true, "background.sqlite3")] {
            let config = crate::EngineConfig { background_cpu, ..Default::default() };
            let engine = crate::Engine::open(&dir.path().join(db), config).await.unwrap();
            let (tx, rx) = std::sync::mpsc::channel();
            engine.store().run_on_writer_thread(move || tx.send(nice()).unwrap()).await.unwrap();
            let writer = rx.try_recv().unwrap();
            if background_cpu {
                assert_eq!(writer, BACKGROUND_NICE.max(nice()), "a sync's writes yield to the window");
            } else {
                assert_eq!(writer, nice(), "left as it was");
            }
            engine.store().close().await;
        }
    }
}
