//! [`FreshRss`]: a real FreshRSS (Google Reader API + Fever API) on
//! 127.0.0.1, for the integration tests of the sync clients.
//!
//! It runs `servers/freshrss/freshrss.sh` (FreshRSS 1.24.3 from the vendored
//! tarball, PHP's built-in server, SQLite) in a temporary directory; see
//! `servers/freshrss/README.md` and `FRESHRSS.md` there.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Output, Stdio};

use tokio::process::Command;

/// A FreshRSS server on `127.0.0.1`, with one user, stopped (and its data
/// deleted) when dropped.
///
/// Every instance has its own directory, port and SQLite database, so tests
/// can run in parallel. Starting takes about a second when PHP is installed;
/// the script installs the Debian PHP packages when they are missing and it
/// runs as root.
///
/// FreshRSS fetches subscribed feeds itself, so serve fixture feeds from a
/// second server on 127.0.0.1 (a [`crate::FixtureServer`]), never from
/// FreshRSS's own port: `php -S` handles one request at a time.
///
/// ```no_run
/// use byline_testkit::{Fixture, FixtureServer, FreshRss};
///
/// # async fn demo() {
/// let feeds = FixtureServer::start().await;
/// feeds.route("/rss.xml", Fixture::body("application/rss+xml", "<rss version=\"2.0\">…</rss>"));
/// let server = FreshRss::start().await;
/// // log in at server.greader_url() or server.fever_url() as server.user() / server.password(),
/// // subscribe to feeds.url("/rss.xml"), change the fixture, then:
/// server.refresh().await;
/// # }
/// ```
#[derive(Debug)]
pub struct FreshRss {
    dir: tempfile::TempDir,
    port: u16,
    greader_url: String,
    fever_url: String,
    running: bool,
}

impl FreshRss {
    /// The user created on every server.
    pub const USER: &'static str = "alice";
    /// The password of [`FreshRss::USER`] (API password, web password and
    /// refresh token alike).
    pub const PASSWORD: &'static str = "apipass123";

    /// The vendored start script, `crates/byline-testkit/servers/freshrss/freshrss.sh`.
    pub fn script() -> PathBuf {
        crate::workspace_root().join("crates/byline-testkit/servers/freshrss/freshrss.sh")
    }

    /// Starts a fresh server on a free port of 127.0.0.1.
    ///
    /// # Panics
    /// When the server cannot be started (PHP missing and not installable,
    /// no free port…), with the script's error output.
    pub async fn start() -> FreshRss {
        match Self::try_start().await {
            Ok(server) => server,
            Err(e) => panic!("byline-testkit: cannot start FreshRSS: {e}"),
        }
    }

    /// Like [`FreshRss::start`], returning the failure as text.
    pub async fn try_start() -> Result<FreshRss, String> {
        let dir = tempfile::Builder::new()
            .prefix("byline-freshrss-")
            .tempdir()
            .map_err(|e| format!("cannot create a temporary directory: {e}"))?;
        let mut last_error = String::new();
        // A port found free can be taken before php binds it: try a few.
        for _ in 0..3 {
            let port = free_port().map_err(|e| format!("no free port on 127.0.0.1: {e}"))?;
            let output = Command::new("bash")
                .arg(Self::script())
                .arg("start")
                .arg(dir.path())
                .arg(port.to_string())
                .arg(Self::USER)
                .arg(Self::PASSWORD)
                .stdin(Stdio::null())
                .output()
                .await
                .map_err(|e| format!("cannot run {}: {e}", Self::script().display()))?;
            if output.status.success() {
                let stdout = String::from_utf8_lossy(&output.stdout);
                let field = |name: &str| {
                    stdout
                        .lines()
                        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix('=')))
                        .map(|v| v.trim().to_owned())
                        .ok_or_else(|| format!("freshrss.sh start printed no {name}: {stdout}"))
                };
                let greader_url = field("GREADER_URL")?;
                let fever_url = field("FEVER_URL")?;
                return Ok(FreshRss { dir, port, greader_url, fever_url, running: true });
            }
            last_error = describe(&output);
            if !last_error.contains("already in use") {
                break;
            }
        }
        Err(last_error)
    }

    /// The Google Reader API root, `http://127.0.0.1:PORT/api/greader.php`.
    pub fn greader_url(&self) -> &str {
        &self.greader_url
    }

    /// The Fever API endpoint, `http://127.0.0.1:PORT/api/fever.php`.
    pub fn fever_url(&self) -> &str {
        &self.fever_url
    }

    /// The user name ([`FreshRss::USER`]).
    pub fn user(&self) -> &str {
        Self::USER
    }

    /// The password ([`FreshRss::PASSWORD`]).
    pub fn password(&self) -> &str {
        Self::PASSWORD
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server's directory (its logs are in `server.log` and
    /// `freshrss/data/users/alice/log.txt`).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The requests the server has answered so far, oldest first, as
    /// `php -S` logged them in `server.log`: `"POST
    /// /api/greader.php/accounts/ClientLogin"`. `php -S` answers one request
    /// at a time and logs each once it has answered, so the last answer may
    /// be missing for a moment; every request before a later one is there.
    pub fn logged_requests(&self) -> Vec<String> {
        let log = std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default();
        // "[date] 127.0.0.1:PORT [200]: POST /api/greader.php/…"
        log.lines().filter_map(|l| l.split_once("]: ").map(|(_, request)| request.to_owned())).collect()
    }

    /// Makes FreshRSS fetch every subscribed feed now (ignoring its TTL and
    /// caches) and returns the script's summary line ("refreshed 2 feed(s) of
    /// alice, 1 new article(s)").
    ///
    /// # Panics
    /// When the refresh fails or a feed is in error.
    pub async fn refresh(&self) -> String {
        let output = Command::new("bash")
            .arg(Self::script())
            .arg("refresh")
            .arg(self.dir.path())
            .arg(Self::USER)
            .stdin(Stdio::null())
            .output()
            .await
            .expect("byline-testkit: run freshrss.sh refresh");
        if !output.status.success() {
            panic!("byline-testkit: FreshRSS refresh failed: {}", describe(&output));
        }
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    /// Stops the server now (its data stays until the value is dropped), so
    /// a test can see how a client handles a server that went away.
    pub async fn stop(&mut self) {
        if !self.running {
            return;
        }
        let output = Command::new("bash")
            .arg(Self::script())
            .arg("stop")
            .arg(self.dir.path())
            .stdin(Stdio::null())
            .output()
            .await
            .expect("byline-testkit: run freshrss.sh stop");
        assert!(output.status.success(), "byline-testkit: FreshRSS stop failed: {}", describe(&output));
        self.running = false;
    }
}

impl Drop for FreshRss {
    fn drop(&mut self) {
        if self.running {
            // Blocking, but short (SIGTERM, then SIGKILL after 5 s at worst).
            let _ = StdCommand::new("bash")
                .arg(Self::script())
                .arg("stop")
                .arg(self.dir.path())
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind(("127.0.0.1", 0))?.local_addr()?.port())
}

fn describe(output: &Output) -> String {
    format!(
        "exit {}; stderr:\n{}\nstdout:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr).trim(),
        String::from_utf8_lossy(&output.stdout).trim()
    )
}
