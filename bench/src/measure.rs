//! Runs one contender as a child process and measures it alone: wall time
//! from spawn to reap, and the child's own user+sys CPU time and peak RSS as
//! reported by `wait4(2)`.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// What one child process cost.
#[derive(Debug, Clone, Copy)]
pub struct Usage {
    /// From just before `spawn` to just after `wait4` returned.
    pub wall: Duration,
    /// `ru_utime + ru_stime` of the child.
    pub cpu: Duration,
    /// `ru_maxrss` of the child, in bytes (Linux reports KiB).
    pub peak_rss: u64,
}

/// Spawns `cmd` with stdin closed and stdout/stderr written to the given
/// files, waits for it with `wait4`, and fails when it does not exit with 0.
pub fn run(cmd: &mut Command, stdout: &Path, stderr: &Path) -> Result<Usage> {
    cmd.stdin(Stdio::null())
        .stdout(File::create(stdout).with_context(|| format!("create {}", stdout.display()))?)
        .stderr(File::create(stderr).with_context(|| format!("create {}", stderr.display()))?);
    let start = Instant::now();
    let child = cmd.spawn().with_context(|| format!("spawn {cmd:?}"))?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 only writes into it.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our own child, which nothing else reaps; the
        // pointers are to live locals.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
        if r == pid {
            break;
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(err).context("wait4");
        }
    }
    let wall = start.elapsed();
    // The child is reaped; dropping the handle neither waits nor kills.
    drop(child);
    let tv = |t: libc::timeval| Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64);
    let usage = Usage { wall, cpu: tv(ru.ru_utime) + tv(ru.ru_stime), peak_rss: ru.ru_maxrss as u64 * 1024 };
    if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        let tail = std::fs::read_to_string(stderr).unwrap_or_default();
        let tail: String =
            tail.lines().rev().take(20).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n");
        let how = if libc::WIFEXITED(status) {
            format!("exit code {}", libc::WEXITSTATUS(status))
        } else {
            format!("signal {}", libc::WTERMSIG(status))
        };
        bail!("{cmd:?} failed ({how}); stderr ends with:\n{tail}");
    }
    Ok(usage)
}
