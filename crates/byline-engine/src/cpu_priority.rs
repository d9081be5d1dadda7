//! The priority of the engine's CPU work beside a window that must answer
//! at once. A sync parses and sanitizes on every core
//! ([`crate::Engine`]'s CPU slots); on two cores that left the web view's
//! process a third of the CPU, and a key press waited for it. With
//! [`crate::EngineConfig::background_cpu`] the threads that run that work
//! lower their own scheduling priority (a nice value of
//! [`BACKGROUND_NICE`]): they still take every idle cycle, but yield to
//! the window whenever it has work.

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
}
