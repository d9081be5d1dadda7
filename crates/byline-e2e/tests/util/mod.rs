//! The end-to-end harness: an X server, the fixture site, `tauri-driver`
//! over WebKitWebDriver, and a WebDriver session on the real `byline` app.
//!
//! Every process is started in its own process group and the whole group is
//! killed when its guard drops, so nothing outlives a test, even one that
//! panics. Tests take [`serial`] first: one app window at a time.

#![allow(dead_code)]

pub mod script_free;

use std::fs::{self, File};
use std::future::Future;
use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use byline_testkit::hostile::HostileSite;
use byline_testkit::{Fixture, FixtureServer};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// How long any one thing the user waits for may take.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// How long the app may take to start and show its UI.
const START_TIMEOUT: Duration = Duration::from_secs(60);
const POLL: Duration = Duration::from_millis(100);

/// The app's data directory name (its Tauri identifier).
pub const APP_ID: &str = "az.byline.reader";

// ---------------------------------------------------------------------------
// One test at a time
// ---------------------------------------------------------------------------

static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Held for a whole test: only one app window (and X server) at a time,
/// whatever `--test-threads` says. (An async mutex: each test has its own
/// runtime, and a panicking test just releases it.)
pub async fn serial() -> tokio::sync::MutexGuard<'static, ()> {
    SERIAL.lock().await
}

// ---------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------

/// The workspace root (this crate is `crates/byline-e2e`).
pub fn workspace_root() -> PathBuf {
    byline_testkit::workspace_root().canonicalize().expect("workspace root")
}

/// Where screenshots and logs go: `$BYLINE_E2E_ARTIFACTS`, or
/// `artifacts/e2e/` in the workspace (gitignored; CI keeps it).
pub fn artifacts_dir() -> PathBuf {
    let dir = match std::env::var_os("BYLINE_E2E_ARTIFACTS") {
        Some(dir) => PathBuf::from(dir),
        None => workspace_root().join("artifacts").join("e2e"),
    };
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("byline-e2e: cannot create {}: {e}", dir.display()));
    dir
}

/// The engine's test fixtures (`crates/byline-engine/tests/fixtures`).
pub fn engine_fixture(name: &str) -> String {
    let path = workspace_root().join("crates/byline-engine/tests/fixtures").join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("byline-e2e: read {}: {e}", path.display()))
}

/// One UI string, from `ui/src/i18n/<lang>.json` (so the tests follow the
/// translations instead of copying them).
pub fn ui_string(lang: &str, key: &str) -> String {
    let path = workspace_root().join("ui/src/i18n").join(format!("{lang}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("byline-e2e: read {}: {e}", path.display()));
    let dict: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("byline-e2e: {}: {e}", path.display()));
    dict[key].as_str().unwrap_or_else(|| panic!("byline-e2e: no key {key:?} in {}", path.display())).to_owned()
}

/// The debug `byline` binary under test.
///
/// `$BYLINE_APP_BIN` if set; otherwise `byline` in the profile directory this
/// test binary was built into (`<target>/debug/deps/e2e-… → <target>/debug/byline`),
/// then `$CARGO_TARGET_DIR/debug/byline`, then `target/debug/byline` in the
/// workspace. The tests never build it: `cargo build --bin byline` first.
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("BYLINE_APP_BIN") {
        let path = PathBuf::from(path);
        assert!(path.is_file(), "byline-e2e: BYLINE_APP_BIN={} does not exist", path.display());
        return path;
    }
    let mut candidates = Vec::new();
    if let Ok(exe) = std::env::current_exe() {
        // <target>/debug/deps/e2e-<hash>
        if let Some(profile_dir) = exe.parent().and_then(Path::parent) {
            candidates.push(profile_dir.join("byline"));
        }
    }
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        candidates.push(PathBuf::from(dir).join("debug/byline"));
    }
    candidates.push(workspace_root().join("target/debug/byline"));
    candidates.dedup();
    let found = candidates.iter().find(|p| p.is_file()).cloned().unwrap_or_else(|| {
        let looked: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
        panic!(
            "byline-e2e: the app binary is missing (looked at: {}).\n\
             Build it first with `cargo build --bin byline` (same CARGO_TARGET_DIR as the tests; \
             ui/dist must be built before), or point BYLINE_APP_BIN at it.",
            looked.join(", ")
        )
    });
    warn_if_stale(&found);
    found
}

/// The app embeds `ui/dist` at compile time: say so when the binary is older.
fn warn_if_stale(binary: &Path) {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    let ui = workspace_root().join("ui/dist/index.html");
    if let (Some(bin), Some(ui_time)) = (modified(binary), modified(&ui)) {
        if ui_time > bin {
            eprintln!(
                "byline-e2e: warning: {} is older than ui/dist; run `cargo build --bin byline` to test the current UI",
                binary.display()
            );
        }
    }
}

fn find_program(env_var: &str, name: &str, extra: &[PathBuf]) -> PathBuf {
    if let Some(path) = std::env::var_os(env_var) {
        return PathBuf::from(path);
    }
    let mut dirs: Vec<PathBuf> =
        std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
    dirs.extend(extra.iter().cloned());
    dirs.iter().map(|d| d.join(name)).find(|p| p.is_file()).unwrap_or_else(|| PathBuf::from(name))
}

fn tauri_driver() -> PathBuf {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|d| d.join("bin"));
    let path = find_program("TAURI_DRIVER", "tauri-driver", cargo_bin.as_slice());
    assert!(
        path.is_file(),
        "byline-e2e: tauri-driver not found; install it with `cargo install tauri-driver --locked --version ^2` \
         (or set TAURI_DRIVER)"
    );
    path
}

fn webkit_webdriver() -> PathBuf {
    let path = std::env::var_os("WEBKIT_WEBDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/WebKitWebDriver"));
    assert!(
        path.is_file(),
        "byline-e2e: {} not found; install the Debian package webkit2gtk-driver (scripts/install-deps.sh does)",
        path.display()
    );
    path
}

// ---------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------

/// A child process leading its own process group; dropping it ends the
/// whole group (SIGTERM, then SIGKILL after a grace period).
pub struct Proc {
    child: Child,
    name: &'static str,
}

impl Proc {
    /// Spawns `cmd` as the leader of a new process group.
    pub fn spawn(mut cmd: Command, name: &'static str) -> Proc {
        cmd.process_group(0);
        let child = cmd.spawn().unwrap_or_else(|e| panic!("byline-e2e: cannot start {name}: {e}"));
        Proc { child, name }
    }

    /// The exit status, if it has exited already.
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    fn pgid(&self) -> libc::pid_t {
        self.child.id() as libc::pid_t
    }

    /// Ends the process group now (what `drop` does).
    pub fn stop(&mut self) {
        let pgid = self.pgid();
        // SAFETY: plain syscalls on a process group we created.
        unsafe { libc::kill(-pgid, libc::SIGTERM) };
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if self.exited().is_some() && !group_alive(pgid) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("byline-e2e: {} did not stop on SIGTERM; killing its process group", self.name);
        unsafe { libc::kill(-pgid, libc::SIGKILL) };
        let _ = self.child.wait();
    }
}

fn group_alive(pgid: libc::pid_t) -> bool {
    // SAFETY: signal 0 only checks that the group exists.
    unsafe { libc::kill(-pgid, 0) == 0 }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A free TCP port on 127.0.0.1 (bound then released; the small race is
/// fine for tests that run one at a time).
pub fn free_port() -> u16 {
    free_ports::<1>()[0]
}

/// `N` distinct free TCP ports on 127.0.0.1: all bound at once, so two
/// calls in a row cannot hand out the same port, then released.
pub fn free_ports<const N: usize>() -> [u16; N] {
    let listeners: [TcpListener; N] =
        std::array::from_fn(|_| TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0"));
    listeners.map(|l| l.local_addr().expect("local address").port())
}

/// How many times the drivers are started on new ports before a test fails.
const DRIVER_ATTEMPTS: u32 = 3;

/// Waits until something listens on each of `ports`, while `driver` runs:
/// tauri-driver listens on its port at once, but forwards to WebKitWebDriver
/// on the native port, which needs a moment more (before it, a new-session
/// request fails with "connection refused").
fn wait_listening(driver: &mut Proc, ports: &[u16]) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    for &port in ports {
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = driver.exited() {
                return Err(format!("tauri-driver exited ({status})"));
            }
            if Instant::now() >= deadline {
                return Err(format!("tauri-driver/WebKitWebDriver did not listen on {port}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// The X display
// ---------------------------------------------------------------------------

/// The X display the app runs on: our own Xvfb, or one given.
pub struct Display {
    pub name: String,
    xvfb: Option<Proc>,
}

impl Display {
    /// `$BYLINE_E2E_DISPLAY` if set; else `$DISPLAY` if set (e.g. under
    /// `xvfb-run`, or to watch the tests on a desktop), unless
    /// `BYLINE_E2E_XVFB=1`; else a new `Xvfb` on a free display number
    /// (Xvfb picks it and reports it through `-displayfd`).
    pub fn start() -> Display {
        if let Ok(name) = std::env::var("BYLINE_E2E_DISPLAY") {
            return Display { name, xvfb: None };
        }
        let force_xvfb = std::env::var("BYLINE_E2E_XVFB").is_ok_and(|v| v == "1");
        if let (Ok(name), false) = (std::env::var("DISPLAY"), force_xvfb) {
            if !name.is_empty() {
                return Display { name, xvfb: None };
            }
        }
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: pipe2 fills two fresh descriptors, both close-on-exec.
        assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0, "pipe2");
        // SAFETY: we own both descriptors from here on.
        let (read_end, write_end) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
        let write_fd = fds[1];
        let mut cmd = Command::new("Xvfb");
        cmd.args(["-displayfd", &write_fd.to_string(), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: only async-signal-safe fcntl between fork and exec: let
        // Xvfb (and nothing else) inherit the write end.
        unsafe {
            cmd.pre_exec(move || {
                if libc::fcntl(write_fd, libc::F_SETFD, 0) == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut xvfb = Proc::spawn(cmd, "Xvfb");
        drop(write_end);
        let mut text = String::new();
        let mut pipe = File::from(read_end);
        let mut byte = [0u8; 1];
        // Xvfb writes "N\n" once it accepts connections; EOF means it died.
        while pipe.read(&mut byte).map(|n| n == 1).unwrap_or(false) && byte[0] != b'\n' {
            text.push(byte[0] as char);
        }
        let number: u32 = text.trim().parse().unwrap_or_else(|_| {
            panic!("byline-e2e: Xvfb did not start (exit: {:?}); is the xvfb package installed?", xvfb.exited())
        });
        Display { name: format!(":{number}"), xvfb: Some(xvfb) }
    }

    /// Whether this is the test's own Xvfb.
    pub fn is_own(&self) -> bool {
        self.xvfb.is_some()
    }

    /// A screenshot of the whole screen with ImageMagick's `import`.
    /// `crop` is an ImageMagick geometry (`WxH+X+Y`), e.g. the app window's.
    pub fn screenshot(&self, path: &Path, crop: Option<&str>) -> bool {
        let mut cmd = Command::new("import");
        cmd.args(["-display", &self.name, "-window", "root"]);
        if let Some(geometry) = crop {
            cmd.args(["-crop", geometry, "+repage"]);
        }
        cmd.arg(path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }
}

// ---------------------------------------------------------------------------
// The user's home
// ---------------------------------------------------------------------------

/// A fresh, temporary `HOME` for the app (its database, settings, window
/// state and caches all live under it), with a fake `xdg-open` that records
/// what the app asks the desktop to open. Deleted when dropped.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        let dir = tempfile::Builder::new().prefix("byline-e2e-home-").tempdir().expect("temp HOME");
        let home = Home { dir };
        for sub in [".local/share", ".config", ".cache", "bin"] {
            fs::create_dir_all(home.path().join(sub)).unwrap();
        }
        let runtime = home.runtime_dir();
        fs::create_dir_all(&runtime).unwrap();
        fs::set_permissions(&runtime, fs::Permissions::from_mode(0o700)).unwrap();
        home.install_url_recorder();
        home
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn data_home(&self) -> PathBuf {
        self.path().join(".local/share")
    }

    pub fn config_home(&self) -> PathBuf {
        self.path().join(".config")
    }

    pub fn cache_home(&self) -> PathBuf {
        self.path().join(".cache")
    }

    pub fn runtime_dir(&self) -> PathBuf {
        self.path().join("runtime")
    }

    /// `bin/`, put first on the app's `PATH`.
    pub fn bin_dir(&self) -> PathBuf {
        self.path().join("bin")
    }

    /// The app's database: `$XDG_DATA_HOME/az.byline.reader/byline.sqlite3`.
    pub fn db_path(&self) -> PathBuf {
        self.data_home().join(APP_ID).join("byline.sqlite3")
    }

    /// Where the fake `xdg-open` appends each URL it is given.
    pub fn opened_log(&self) -> PathBuf {
        self.path().join("opened-urls.txt")
    }

    /// Points the desktop URL handler at a recording script: on Linux the
    /// opener plugin runs `xdg-open URL` (first on `PATH`), and this one
    /// only appends `URL` to [`Home::opened_log`].
    fn install_url_recorder(&self) {
        let script = self.bin_dir().join("xdg-open");
        let log = self.opened_log();
        let body = format!(
            "#!/bin/sh\n# byline-e2e: records what the app asks the desktop to open.\nprintf '%s\\n' \"$*\" >> '{}'\n",
            log.display()
        );
        fs::write(&script, body).unwrap();
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    }

    /// Every URL the app handed to `xdg-open` so far.
    pub fn opened_urls(&self) -> Vec<String> {
        fs::read_to_string(self.opened_log()).map(|t| t.lines().map(str::to_owned).collect()).unwrap_or_default()
    }

    /// Waits until the app has opened `n` URLs (xdg-open runs detached).
    pub async fn wait_opened(&self, n: usize) -> Vec<String> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let urls = self.opened_urls();
            if urls.len() >= n {
                return urls;
            }
            assert!(Instant::now() < deadline, "byline-e2e: expected {n} URL(s) opened through xdg-open, got {urls:?}");
            tokio::time::sleep(POLL).await;
        }
    }
}

// ---------------------------------------------------------------------------
// The fixture site
// ---------------------------------------------------------------------------

/// The pages and feeds the app reads, all on 127.0.0.1.
///
/// - `/` — the Harbour City Chronicle's home page (`not-a-feed.html`),
///   which advertises `/rss2.xml` (add by site URL);
/// - `/rss2.xml` — its feed (`rss2.xml`), links pointing back here;
/// - the five article pages the feed links to;
/// - `/az.xml` — Azerbaijani news in UTF-8 (`az-utf8.xml`);
/// - `/hostile.xml` — `hostile.xml`, every `alert(` also setting `window.__pwned`;
/// - `/flaky.xml` — a small feed that [`Site::break_flaky`] turns into a 500.
pub struct Site {
    pub server: FixtureServer,
}

/// The Chronicle's canonical origin in the fixtures, replaced by the server's.
const CHRONICLE: &str = "https://chronicle.example.com";

impl Site {
    pub async fn start() -> Site {
        let server = FixtureServer::start().await;
        let site = Site { server };
        let base = site.server.base_url();
        let home = engine_fixture("not-a-feed.html").replace(CHRONICLE, &base);
        site.server.route("/", Fixture::body("text/html; charset=utf-8", home));
        let feed = engine_fixture("rss2.xml").replace(CHRONICLE, &base);
        for link in xml_values(&feed, "link") {
            if let Some(path) = link.strip_prefix(&base).filter(|p| p.len() > 1) {
                let page = format!(
                    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{path}</title></head>\
                     <body><article><h1>{path}</h1><p>The full story, on the Chronicle's own site.</p></article></body></html>"
                );
                site.server.route(path, Fixture::body("text/html; charset=utf-8", page));
            }
        }
        site.server.route("/rss2.xml", Fixture::body("application/rss+xml", feed));
        site.server.route("/az.xml", Fixture::body("application/rss+xml", engine_fixture("az-utf8.xml")));
        site.server.route("/hostile.xml", Fixture::body("application/rss+xml", hostile_feed()));
        site.server.route("/flaky.xml", Fixture::body("application/rss+xml", flaky_feed(&base)));
        site
    }

    pub fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    /// From now on `/rss2.xml` credits its first story to `credit` (its
    /// `dc:creator`), as a wire story's feed does ("Priya Raman, Reuters").
    pub fn credit_first_story(&self, credit: &str) {
        let feed = engine_fixture("rss2.xml").replace(CHRONICLE, &self.server.base_url()).replacen(
            "<dc:creator>Priya Raman</dc:creator>",
            &format!("<dc:creator>{credit}</dc:creator>"),
            1,
        );
        self.server.route("/rss2.xml", Fixture::body("application/rss+xml", feed));
    }

    /// Also serves the hostile site (`/hostile/…`: the XSS corpus in three
    /// feeds, their pages and an OPML file) on this server.
    pub fn serve_hostile(&self) -> HostileSite {
        HostileSite::serve(&self.server)
    }

    /// From now on `/flaky.xml` answers `500 Internal Server Error`.
    pub fn break_flaky(&self) {
        self.server.route(
            "/flaky.xml",
            Fixture::body("text/plain; charset=utf-8", "the feed is down for maintenance\n").status(500),
        );
    }

    /// `/flaky.xml` works again.
    pub fn fix_flaky(&self) {
        self.server.route("/flaky.xml", Fixture::body("application/rss+xml", flaky_feed(&self.server.base_url())));
    }

    /// Stops the server and waits until its port is closed (the app is offline).
    pub async fn shutdown(self) {
        self.server.shutdown().await;
    }
}

/// The text of every `<tag>…</tag>` in `xml` (enough for the fixtures).
fn xml_values(xml: &str, tag: &str) -> Vec<String> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find(&close) else { break };
        out.push(after[..end].trim().to_owned());
        rest = &after[end + close.len()..];
    }
    out
}

/// `hostile.xml`, with every `alert(` turned into `(window.__pwned=1,alert)(`
/// so that any script that runs leaves a mark the test can read. (No
/// spaces: one of them sits in an unquoted attribute.)
pub fn hostile_feed() -> String {
    engine_fixture("hostile.xml").replace("alert(", "(window.__pwned=1,alert)(")
}

/// A small feed with recent dates (so retention keeps it after a sync).
pub fn flaky_feed(base: &str) -> String {
    let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs();
    let items: String = (1..=2)
        .map(|i| {
            format!(
                "<item><title>Flaky story {i}</title><link>{base}/flaky/{i}</link>\
                 <guid isPermaLink=\"false\">flaky-{i}</guid><pubDate>{}</pubDate>\
                 <description>&lt;p&gt;Story {i} from a feed that sometimes fails.&lt;/p&gt;</description></item>",
                rfc2822(now - i * 3600)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Flaky Feed</title>\
         <link>{base}/</link><description>Sometimes down</description>{items}</channel></rss>\n"
    )
}

/// `Tue, 03 Mar 2026 08:30:00 GMT` for a Unix time (no chrono needed).
pub fn rfc2822(unix: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let days = (unix / 86_400) as i64;
    let secs = unix % 86_400;
    // Civil-from-days (Howard Hinnant).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{}, {d:02} {} {y} {:02}:{:02}:{:02} GMT",
        DAYS[(days.rem_euclid(7)) as usize],
        MONTHS[(m - 1) as usize],
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

// ---------------------------------------------------------------------------
// The app, driven through WebDriver
// ---------------------------------------------------------------------------

/// CSS for `[data-testid="id"]`.
pub fn tid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// The running app: an X display, `tauri-driver` (which started
/// WebKitWebDriver, which started `byline`), and a WebDriver session.
///
/// Dropping it ends them all (fields drop in order: the session, then the
/// driver's process group with the app in it, then the X server); when the
/// test is panicking it first saves a screenshot of the screen.
pub struct App {
    pub client: Client,
    name: String,
    shots: usize,
    log: PathBuf,
    driver: Proc,
    display: Display,
}

impl App {
    /// Starts the app with `home` as its `HOME` and waits for its UI.
    /// `name` prefixes its screenshots and log in the artifacts directory.
    pub async fn launch(home: &Home, name: &str) -> App {
        Self::launch_with_env(home, name, &[]).await
    }

    /// Like [`App::launch`], with `env` added to the app's environment
    /// (e.g. `BYLINE_ACCOUNT_PASSWORD`: there is no keyring without a
    /// session bus).
    pub async fn launch_with_env(home: &Home, name: &str, env: &[(&str, &str)]) -> App {
        let binary = app_binary();
        let driver_bin = tauri_driver();
        let native = webkit_webdriver();
        let display = Display::start();
        let artifacts = artifacts_dir();
        clear_artifacts(&artifacts, name);
        let log = artifacts.join(format!("{name}.log"));
        let log_file = File::create(&log).expect("e2e log file");
        let driver_command = |port: u16, native_port: u16| {
            let path = std::env::var_os("PATH").unwrap_or_default();
            let mut paths = vec![home.bin_dir()];
            paths.extend(std::env::split_paths(&path));
            let mut cmd = Command::new(&driver_bin);
            cmd.arg("--port")
                .arg(port.to_string())
                .arg("--native-port")
                .arg(native_port.to_string())
                .arg("--native-driver")
                .arg(&native)
                // tauri-driver starts WebKitWebDriver, which starts the app: they
                // all inherit this environment.
                .env("DISPLAY", &display.name)
                .env("HOME", home.path())
                .env("XDG_DATA_HOME", home.data_home())
                .env("XDG_CONFIG_HOME", home.config_home())
                .env("XDG_CACHE_HOME", home.cache_home())
                .env("XDG_RUNTIME_DIR", home.runtime_dir())
                .env("PATH", std::env::join_paths(paths).expect("PATH"))
                // No session bus: the single-instance plugin then launches
                // normally instead of handing over to a Byline already running.
                .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/byline-e2e-no-bus")
                .env("NO_AT_BRIDGE", "1")
                .env("LANG", "C.UTF-8")
                .env("NO_PROXY", "127.0.0.1,localhost")
                .env("no_proxy", "127.0.0.1,localhost")
                .env_remove("LANGUAGE")
                .env_remove("LC_ALL")
                .env_remove("WAYLAND_DISPLAY")
                .stdin(Stdio::null())
                .stdout(log_file.try_clone().expect("e2e log file"))
                .stderr(log_file.try_clone().expect("e2e log file"));
            for (key, value) in [("WEBKIT_DISABLE_DMABUF_RENDERER", "1"), ("WEBKIT_DISABLE_COMPOSITING_MODE", "1")] {
                if std::env::var_os(key).is_none() {
                    cmd.env(key, value);
                }
            }
            if display.is_own() {
                cmd.env_remove("XAUTHORITY");
            }
            for (key, value) in env {
                cmd.env(key, value);
            }
            cmd
        };
        // The ports are free when chosen but may be taken before the drivers
        // bind them (WebKitWebDriver then says "Unable to listen for HTTP
        // server"): start again on new ports.
        let mut attempt = 1;
        let (driver, port) = loop {
            let [port, native_port] = free_ports::<2>();
            let mut driver = Proc::spawn(driver_command(port, native_port), "tauri-driver");
            match wait_listening(&mut driver, &[port, native_port]) {
                Ok(()) => break (driver, port),
                Err(why) if attempt < DRIVER_ATTEMPTS => {
                    eprintln!("byline-e2e: {why}; starting the drivers again on new ports");
                    driver.stop();
                    attempt += 1;
                }
                Err(why) => panic!("byline-e2e: {why}; see {}", log.display()),
            }
        };

        let caps = json!({
            "browserName": "wry",
            "tauri:options": { "application": binary },
        });
        let serde_json::Value::Object(caps) = caps else { unreachable!() };
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + START_TIMEOUT;
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            let attempt = tokio::time::timeout(
                START_TIMEOUT,
                ClientBuilder::new(connector).capabilities(caps.clone()).connect(&url),
            )
            .await;
            match attempt {
                Ok(Ok(client)) => break client,
                Ok(Err(err)) if Instant::now() < deadline => {
                    eprintln!("byline-e2e: new WebDriver session failed ({err}); trying again");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Ok(Err(err)) => panic!("byline-e2e: WebDriver session failed: {err}; see {}", log.display()),
                Err(_) => panic!("byline-e2e: no WebDriver session within {START_TIMEOUT:?}; see {}", log.display()),
            }
        };

        let app = App { client, name: name.to_owned(), shots: 0, log, driver, display };
        // The UI is up once the app root has rendered and left its loading state.
        app.wait_js(
            "const app = document.querySelector('[data-testid=app]'); \
             return !!app && !document.querySelector('[data-testid=sidebar-loading]');",
            "the app's UI to render",
            START_TIMEOUT,
        )
        .await;
        // Keep every error toast the app shows (they vanish after a few
        // seconds): `quit` fails the test if there was any.
        app.js("if (!window.__bylineE2eErrors) { \
               window.__bylineE2eErrors = []; const seen = new WeakSet(); \
               const grab = () => document.querySelectorAll('[data-testid=toast-error]').forEach(e => { \
                 if (!seen.has(e)) { seen.add(e); window.__bylineE2eErrors.push(e.innerText.trim()); } }); \
               grab(); new MutationObserver(grab).observe(document.body, { childList: true, subtree: true }); } \
             return true;")
            .await;
        app
    }

    /// Every error toast shown since the app started (when the harness
    /// began watching, right after the UI rendered).
    pub async fn error_toasts(&self) -> Vec<String> {
        serde_json::from_value(self.js("return window.__bylineE2eErrors || [];").await).unwrap_or_default()
    }

    /// What the app and the drivers printed so far.
    pub fn log_text(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Sends one command to the backend from the page, as the UI does,
    /// and returns its answer (JSON), e.g. `import_opml` with the path a
    /// file dialog would have given (WebDriver cannot drive a GTK file
    /// chooser; everything after the dialog is real).
    pub async fn invoke(&self, cmd: &str, args: Value) -> Value {
        let script = "const [cmd, args] = arguments; \
                      return window.__TAURI_INTERNALS__.invoke(cmd, args).then(r => JSON.stringify(r), e => 'error: ' + JSON.stringify(e));";
        let answer = self.js_with(script, vec![json!(cmd), args]).await;
        let text = answer.as_str().unwrap_or_default();
        assert!(!text.starts_with("error:"), "byline-e2e: {cmd} failed: {text}");
        serde_json::from_str(text).unwrap_or(Value::Null)
    }

    /// The reader frame's `srcdoc` (the document the article is shown in).
    pub async fn reader_srcdoc(&self) -> String {
        let frame = self.find_tid("reader-body").await;
        frame.attr("srcdoc").await.ok().flatten().unwrap_or_default()
    }

    /// The X display the app runs on.
    pub fn display(&self) -> &str {
        &self.display.name
    }

    /// Checks that the app showed no error toast, ends the WebDriver session
    /// (WebKitWebDriver closes the app), then stops everything else.
    pub async fn quit(self) {
        let errors = self.error_toasts().await;
        assert!(errors.is_empty(), "byline-e2e: the app showed error toasts: {errors:?}");
        self.quit_with_errors().await;
    }

    /// Like [`App::quit`] for a test that expects error toasts: returns them.
    pub async fn quit_with_errors(self) -> Vec<String> {
        let errors = self.error_toasts().await;
        let _ = tokio::time::timeout(Duration::from_secs(10), self.client.clone().close()).await;
        drop(self);
        errors
    }

    /// Saves a screenshot of the app window as
    /// `<artifacts>/<test name>-<NN>-<step>.png`, as the X screen shows it
    /// (with `import`): what the user sees. Not WebKitWebDriver's own
    /// screenshot, which can wedge the whole session (every later command
    /// hangs) after a resize, and on a reader whose image is the small
    /// missing-image placeholder.
    pub async fn shot(&mut self, step: &str) -> PathBuf {
        self.shots += 1;
        let path = artifacts_dir().join(format!("{}-{:02}-{step}.png", self.name, self.shots));
        let crop = self.client.get_window_rect().await.ok().map(|(x, y, w, h)| format!("{w}x{h}+{x}+{y}"));
        assert!(self.display.screenshot(&path, crop.as_deref()), "byline-e2e: screenshot {} failed", path.display());
        path
    }

    // ----- finding things -----

    /// Waits for the first element matching `css`.
    pub async fn find(&self, css: &str) -> Element {
        self.find_by(Locator::Css(css), css).await
    }

    /// Polls for an element. Any error counts as "not yet" until the
    /// deadline (fantoccini's own wait gives up on anything but "no such
    /// element", and WebKitWebDriver answers a busy page with an empty error).
    async fn find_by(&self, locator: Locator<'_>, what: &str) -> Element {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let last = match self.client.find(locator).await {
                Ok(el) => return el,
                Err(err) => err,
            };
            if Instant::now() > deadline {
                panic!("byline-e2e: no element {what} within {TIMEOUT:?}: {last}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits for the element with this `data-testid`.
    pub async fn find_tid(&self, id: &str) -> Element {
        self.find(&tid(id)).await
    }

    /// Every element matching `css` now (no waiting).
    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client.find_all(Locator::Css(css)).await.unwrap_or_default()
    }

    /// Waits for the first element matching an XPath expression.
    pub async fn find_xpath(&self, xpath: &str) -> Element {
        self.find_by(Locator::XPath(xpath), xpath).await
    }

    /// Clicks the element with this `data-testid` (waiting for it).
    pub async fn click_tid(&self, id: &str) {
        let el = self.find_tid(id).await;
        el.click().await.unwrap_or_else(|e| panic!("byline-e2e: click {id}: {e}"));
    }

    /// Clicks the first element matching `css` (waiting for it).
    pub async fn click_css(&self, css: &str) {
        let el = self.find(css).await;
        el.click().await.unwrap_or_else(|e| panic!("byline-e2e: click {css}: {e}"));
    }

    /// What the user reads in the first element matching `css` (its
    /// `innerText`), or `None` when there is none.
    ///
    /// Not WebDriver's Get Element Text: WebKitWebDriver's visibility atom
    /// calls any element with `overflow: hidden` + `text-overflow: ellipsis`
    /// (the sidebar labels, list titles, the reader title) "not displayed"
    /// and returns "" for it, although it is plainly on screen.
    pub async fn text(&self, css: &str) -> Option<String> {
        let script = format!("const e = document.querySelector({}); return e ? e.innerText : null;", js_str(css));
        self.js(&script).await.as_str().map(str::to_owned)
    }

    /// What the user reads in the element with this `data-testid` (waiting for it).
    pub async fn text_tid(&self, id: &str) -> String {
        self.find_tid(id).await;
        self.text(&tid(id)).await.unwrap_or_default()
    }

    /// Waits until the text of the first element matching `css`
    /// satisfies `ok`; returns it.
    pub async fn wait_text(&self, css: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        let mut last = None;
        loop {
            if let Some(text) = self.text(css).await {
                if ok(&text) {
                    return text;
                }
                last = Some(text);
            }
            if Instant::now() > deadline {
                panic!("byline-e2e: waited {TIMEOUT:?} for {what} ({css}); last text: {last:?}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the element with this `data-testid` shows exactly `expected`.
    pub async fn wait_tid_text(&self, id: &str, expected: &str) -> String {
        self.wait_text(&tid(id), &format!("{id} to read {expected:?}"), |t| t.trim() == expected).await
    }

    /// Waits until no element matches `css`.
    pub async fn wait_gone(&self, css: &str, what: &str) {
        let script = format!("return document.querySelector({}) === null;", js_str(css));
        self.wait_js(&script, what, TIMEOUT).await;
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> usize {
        let script = format!("return document.querySelectorAll({}).length;", js_str(css));
        self.js(&script).await.as_u64().unwrap_or(0) as usize
    }

    /// Waits until exactly `n` elements match `css`.
    pub async fn wait_count(&self, css: &str, n: usize) {
        self.wait_count_within(css, n, TIMEOUT).await;
    }

    /// Waits until exactly `n` elements match `css`, `timeout` at most.
    pub async fn wait_count_within(&self, css: &str, n: usize, timeout: Duration) {
        let script = format!("return document.querySelectorAll({}).length === {n};", js_str(css));
        self.wait_js(&script, &format!("{n} × {css}"), timeout).await;
    }

    // ----- scripts -----

    /// Runs `script` (a function body; `return` a value) in the page.
    pub async fn js(&self, script: &str) -> Value {
        self.js_with(script, vec![]).await
    }

    /// Runs `script` with arguments (`arguments[0]`, …; elements allowed).
    /// Tries three times: WebKitWebDriver sometimes answers a busy page with
    /// an empty error. (So scripts here must be idempotent.)
    pub async fn js_with(&self, script: &str, args: Vec<Value>) -> Value {
        let mut attempt = 0;
        loop {
            match self.client.execute(script, args.clone()).await {
                Ok(value) => return value,
                Err(err) if attempt == 2 => panic!("byline-e2e: script failed: {err}\n{script}"),
                Err(_) => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
            }
        }
    }

    /// Polls `script` until it returns something truthy; returns that.
    pub async fn wait_js(&self, script: &str, what: &str, timeout: Duration) -> Value {
        let deadline = Instant::now() + timeout;
        let mut last: String;
        loop {
            match self.client.execute(script, vec![]).await {
                Ok(value) if truthy(&value) => return value,
                Ok(value) => last = value.to_string(),
                Err(err) => last = err.to_string(),
            }
            if Instant::now() > deadline {
                panic!("byline-e2e: waited {timeout:?} for {what}; last result: {last}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    // ----- the user's steps -----

    /// Types `text` into the element: WebDriver key events, or (for text
    /// the keyboard layout cannot type, e.g. `ə` under a US layout) the
    /// value set as the input method would, with an `input` event.
    pub async fn type_into(&self, el: &Element, text: &str) {
        el.click().await.ok();
        let typed = el.send_keys(text).await.is_ok() && el.prop("value").await.ok().flatten().as_deref() == Some(text);
        if !typed {
            eprintln!("byline-e2e: note: WebDriver could not type {text:?}; setting the value with an input event");
            let script = "const [el, value] = arguments; el.focus(); \
                          const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; \
                          set.call(el, value); \
                          el.dispatchEvent(new InputEvent('input', { bubbles: true, data: value, inputType: 'insertText' }));";
            let el_json = serde_json::to_value(el).unwrap();
            self.js_with(script, vec![el_json, json!(text)]).await;
        }
    }

    /// Picks `value` in the `<select>` with this `data-testid` (clicks its option).
    pub async fn select_tid(&self, id: &str, value: &str) {
        let select = self.find_tid(id).await;
        let clicked = select.select_by_value(value).await.is_ok();
        let now = select.prop("value").await.ok().flatten();
        if !clicked || now.as_deref() != Some(value) {
            // WebKitWebDriver cannot always click into a native popup menu:
            // choose the option the way the UI reads it.
            eprintln!("byline-e2e: note: WebDriver could not pick {value:?} in {id}; setting it with a change event");
            let script = "const [el, value] = arguments; el.value = value; \
                          el.dispatchEvent(new Event('input', { bubbles: true })); \
                          el.dispatchEvent(new Event('change', { bubbles: true }));";
            self.js_with(script, vec![serde_json::to_value(&select).unwrap(), json!(value)]).await;
        }
    }

    /// Adds a source through the "Add a source" dialog, and waits for its
    /// row in the sidebar; returns the feed's `data-feed-id`.
    pub async fn add_source(&self, url: &str) -> String {
        let before = self.count(&tid("feed-row")).await;
        if self.count(&tid("welcome-add")).await > 0 {
            self.click_tid("welcome-add").await;
        } else {
            self.click_tid("add-source-button").await;
        }
        let input = self.find_tid("add-source-input").await;
        self.type_into(&input, url).await;
        // WebKitWebDriver may answer the click with an empty error while the
        // page is busy with what the click started: the dialog closing says
        // whether it went through.
        let submit = self.find_tid("add-source-submit").await;
        if let Err(err) = submit.click().await {
            eprintln!("byline-e2e: note: clicking add-source-submit answered {err:?}; waiting for the dialog to close");
        }
        self.wait_gone(&tid("add-source-dialog"), "the add-source dialog to close").await;
        self.wait_js(
            &format!("return document.querySelectorAll('[data-testid=feed-row]').length === {};", before + 1),
            &format!("a new feed row for {url}"),
            TIMEOUT,
        )
        .await;
        let id = self
            .js("const cur = document.querySelector('[data-testid=feed-row][aria-current=page]'); \
                 return cur ? cur.getAttribute('data-feed-id') : null;")
            .await;
        id.as_str().map(str::to_owned).unwrap_or_default()
    }

    /// CSS for something inside the sidebar row of feed `feed_id`.
    pub fn in_feed(feed_id: &str, inner: &str) -> String {
        format!("[data-testid=\"feed-{feed_id}\"] {inner}")
    }

    /// The unread count shown on feed `feed_id`'s row ("" when none).
    pub async fn feed_unread(&self, feed_id: &str) -> String {
        let css = Self::in_feed(feed_id, &tid("feed-unread-count"));
        self.find(&css).await;
        self.text(&css).await.unwrap_or_default().trim().to_owned()
    }

    /// Waits until feed `feed_id`'s row shows `expected` unread.
    pub async fn wait_feed_unread(&self, feed_id: &str, expected: &str) {
        let css = Self::in_feed(feed_id, &tid("feed-unread-count"));
        self.wait_text(&css, &format!("feed {feed_id} to show {expected:?} unread"), |t| t.trim() == expected).await;
    }

    /// Titles of the article rows, in list order.
    pub async fn article_titles(&self) -> Vec<String> {
        let value = self
            .js("return [...document.querySelectorAll('[data-testid=article-row] [data-testid=article-title]')] \
                 .map(e => e.innerText.trim());")
            .await;
        serde_json::from_value(value).unwrap_or_default()
    }

    /// Clicks the article row whose title contains `needle`.
    pub async fn open_article(&self, needle: &str) {
        let xpath = format!(
            "//*[@data-testid='article-row'][.//*[@data-testid='article-title'][contains(., {})]]",
            xpath_str(needle)
        );
        let row = self.find_xpath(&xpath).await;
        row.click().await.unwrap_or_else(|e| panic!("byline-e2e: click article {needle:?}: {e}"));
        self.wait_text(&tid("reader-title"), &format!("the reader to show {needle:?}"), |t| t.contains(needle)).await;
    }

    /// Saves the article open in the reader and waits for its save button
    /// to show it pressed.
    pub async fn save_open_article(&self) {
        self.click_tid("save-button").await;
        self.wait_js(
            "return document.querySelector('[data-testid=save-button]').getAttribute('aria-pressed') === 'true';",
            "the save button to be pressed",
            TIMEOUT,
        )
        .await;
    }

    /// Reads the text of the article body inside the reader's sandboxed
    /// iframe (switching into the frame and back).
    pub async fn reader_body_text(&self) -> String {
        let frame = self.find_tid("reader-body").await;
        frame.clone().enter_frame().await.unwrap_or_else(|e| panic!("byline-e2e: enter the reader frame: {e}"));
        let body = self.find("body").await;
        let text = body.text().await.unwrap_or_default();
        self.client.enter_parent_frame().await.unwrap_or_else(|e| panic!("byline-e2e: leave the reader frame: {e}"));
        text
    }

    /// The rendered size (CSS px) of every image in the reader frame, once
    /// each has loaded (or given up): read from the parent window, which
    /// the frame's `allow-same-origin` lets see its document.
    pub async fn reader_image_sizes(&self) -> Vec<(f64, f64)> {
        let script = "const d = document.querySelector('[data-testid=reader-body]').contentDocument;\
                      const imgs = d ? [...d.images] : [];\
                      if (!d || imgs.some(i => !i.complete)) return null;\
                      return imgs.map(i => { const r = i.getBoundingClientRect(); return [r.width, r.height]; });";
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(sizes) = self.js(script).await.as_array() {
                return sizes.iter().map(|s| (s[0].as_f64().unwrap_or(-1.0), s[1].as_f64().unwrap_or(-1.0))).collect();
            }
            assert!(Instant::now() < deadline, "byline-e2e: the reader's images never finished loading");
            tokio::time::sleep(POLL).await;
        }
    }

    /// Clicks the article's first paragraph inside the reader frame (the
    /// keyboard focus goes into the frame), then presses `key` as a user
    /// would, on whatever has the focus by then.
    pub async fn press_key_after_clicking_the_article(&self, key: char) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let frame = self.find_tid("reader-body").await;
        frame.clone().enter_frame().await.unwrap_or_else(|e| panic!("byline-e2e: enter the reader frame: {e}"));
        self.find("p").await.click().await.unwrap_or_else(|e| panic!("byline-e2e: click the article text: {e}"));
        self.client.enter_parent_frame().await.unwrap_or_else(|e| panic!("byline-e2e: leave the reader frame: {e}"));
        tokio::time::sleep(Duration::from_millis(600)).await;
        let keys =
            KeyActions::new("keyboard".into()).then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
        self.client.perform_actions(keys).await.unwrap_or_else(|e| panic!("byline-e2e: press {key:?}: {e}"));
    }

    /// Waits until the reader frame's body text contains `needle`.
    pub async fn wait_reader_body(&self, needle: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let text = self.reader_body_text().await;
            if text.contains(needle) {
                return text;
            }
            assert!(Instant::now() < deadline, "byline-e2e: reader body never showed {needle:?}; it shows: {text:?}");
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let path = artifacts_dir().join(format!("{}-FAILED.png", self.name));
            if self.display.screenshot(&path, None) {
                eprintln!("byline-e2e: screen at failure: {}", path.display());
            }
            eprintln!("byline-e2e: app and driver log: {}", self.log.display());
            // Is the app still there? (A black screen with no app process
            // means it crashed or something outside the test killed it.)
            let ps = Command::new("ps")
                .args(["-o", "pid,stat,etime,args", "-g", &self.driver.pgid().to_string()])
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
                .unwrap_or_default();
            eprintln!("byline-e2e: processes of the test's tauri-driver group:\n{ps}");
        }
        // Then the fields drop: client, driver (process group), display.
    }
}

/// Removes what an earlier run of test `name` left in the artifacts directory.
fn clear_artifacts(dir: &Path, name: &str) {
    let prefix = format!("{name}-");
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&prefix) && file.ends_with(".png") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// A JavaScript string literal.
pub fn js_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// An XPath 1.0 string literal (XPath has no escapes: use concat for quotes).
pub fn xpath_str(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// Runs `f` until it returns `Some`, for at most [`TIMEOUT`].
pub async fn poll<T, F, Fut>(what: &str, mut f: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Some(v) = f().await {
            return v;
        }
        assert!(Instant::now() < deadline, "byline-e2e: waited {TIMEOUT:?} for {what}");
        tokio::time::sleep(POLL).await;
    }
}
