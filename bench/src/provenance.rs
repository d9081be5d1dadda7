//! Where and on what a benchmark ran (commit, machine, load, tool
//! versions), for the facts at the top of each BENCHMARKS.md section; shared
//! by both benchmarks (`bench/extract` includes this file by path).

use std::process::Command;

/// What `cmd args…` prints on stdout, trimmed, when it runs and succeeds.
pub fn output(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The 1, 5 and 15 minute load averages, space-separated.
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

/// The short commit in backticks, saying so when tracked files have
/// uncommitted changes.
pub fn commit() -> String {
    match output("git", &["rev-parse", "--short", "HEAD"]) {
        Some(c) => {
            let dirty =
                output("git", &["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
            if dirty {
                format!("`{c}` (with uncommitted changes)")
            } else {
                format!("`{c}`")
            }
        }
        None => "unknown".into(),
    }
}

/// The machine: "2 × `CPU model` (`nproc` = 2), Linux KERNEL".
pub fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')).map(|(_, v)| v.trim().to_string()))
        .unwrap_or_else(|| "unknown".into());
    let nproc = output("nproc", &[])
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.to_string()).unwrap_or_else(|_| "?".into()));
    let kernel =
        std::fs::read_to_string("/proc/sys/kernel/osrelease").map(|s| s.trim().to_string()).unwrap_or_default();
    format!("{nproc} × `{cpu}` (`nproc` = {nproc}), Linux {kernel}")
}
