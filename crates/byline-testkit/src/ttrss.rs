//! [`TtRss`]: a real Tiny Tiny RSS (Debian 12's `tt-rss` 21, on PostgreSQL)
//! on 127.0.0.1, for the integration tests of the sync clients.
//!
//! Every instance is private: its own PostgreSQL cluster, its own copy of the
//! tt-rss tree with its own `config.php`, its own ports and directories, all
//! in one temporary directory. Nothing under `/etc` or `/var` is read or
//! written, so tests can run in parallel and CI stays clean.
//!
//! # Quirks of tt-rss 21 met here
//!
//! - **Install** (`scripts/install-deps.sh`): preseed
//!   `tt-rss tt-rss/dbconfig-install boolean false` so the package installs
//!   without asking for (or creating) a database, and install it with
//!   `--no-install-recommends` plus `php-cgi`, or apt pulls Apache in (which
//!   would want port 80, where the tests serve their feeds).
//! - **Config**: tt-rss 21 reads `config.php` (PHP `define`s, no environment
//!   variables) next to its scripts, and Debian's is a symlink to
//!   `/etc/tt-rss/config.php`. PHP resolves symlinks in `__FILE__`, so a tree
//!   of symlinks would still find Debian's: the tree is *copied* (8 MB,
//!   instant), its own relative symlinks (`lib/gettext` →
//!   `../../../php/…`) made absolute, and a private `config.php` written.
//! - **Schema**: the one dbconfig-common would load,
//!   `/usr/share/dbconfig-common/data/tt-rss/install/pgsql`. It creates
//!   `admin`/`password` (user 1); the test user [`TtRss::USER`] is added with
//!   a `MODE2` (salted SHA-256) hash computed by PostgreSQL, and the
//!   `ENABLE_API_ACCESS` preference set for it. Without that preference the
//!   API answers `API_DISABLED`.
//! - **Root**: PostgreSQL refuses to run as root, and `update.php` too
//!   ("Please don't run this script as root"). As root, every process
//!   (PostgreSQL, `php -S`, `update.php`) runs as `nobody`, which owns the
//!   directories it writes; as another user, as that user.
//! - **Updating**: `update.php --feeds` only updates feeds that are due, of
//!   users who logged in lately (`DAEMON_UPDATE_LOGIN_LIMIT`, set to 0 here)
//!   and have a `DEFAULT_UPDATE_INTERVAL` preference (tt-rss writes every
//!   default preference at a user's first login; the rig does it when it
//!   creates the user),
//!   keeps a 30-second cache of each feed's body under `cache/feeds`, and
//!   sends `If-Modified-Since` from the stored `Last-Modified`: a fixture
//!   changed within the same second would look unchanged.
//!   [`TtRss::update_feeds`] resets all three before it runs.
//! - **Feed addresses**: tt-rss refuses to fetch from `localhost`, `127.*`,
//!   `::1` or a port other than 80/443 (hard-coded in
//!   `classes/urlhelper.php`), so a test serves its fixture feeds on
//!   127.0.0.1:80 (root only) and subscribes to `http://0.0.0.0/…`, which
//!   Linux connects to the local host.
//! - **PHP 8.2**: tt-rss 21 was written for PHP 7 and prints many warnings;
//!   they are silenced (`error_reporting=E_ERROR|E_PARSE`).
//! - **API**: categories cannot be created through the API (only by the web
//!   UI): [`TtRss::subscribe`] writes the subscription and its category with
//!   SQL, as the web UI would.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use tokio::process::{Child, Command};

use crate::FixtureServer;

/// The Debian package's tt-rss tree.
const TTRSS_TREE: &str = "/usr/share/tt-rss/www";
/// The PostgreSQL schema dbconfig-common would load.
const TTRSS_SCHEMA: &str = "/usr/share/dbconfig-common/data/tt-rss/install/pgsql";
/// The salt of the test user's password hash.
const SALT: &str = "byline";
/// PHP settings for every tt-rss process: tt-rss 21 is noisy under PHP 8.
const PHP_QUIET: [&str; 2] = ["-d", "error_reporting=E_ERROR|E_PARSE"];

/// A Tiny Tiny RSS server on `127.0.0.1` with one user whose API access is
/// enabled; stopped (PostgreSQL and PHP) and deleted when dropped.
///
/// Needs the Debian packages `tt-rss`, `postgresql` and `php-pgsql`
/// (`scripts/install-deps.sh`). Starting takes a few seconds (`initdb`).
///
/// ```no_run
/// use byline_testkit::TtRss;
///
/// # async fn demo() {
/// let server = TtRss::start().await;
/// // fixture feeds must be served on 127.0.0.1:80 and subscribed as http://0.0.0.0/…
/// let feed_id = server.subscribe("http://0.0.0.0/rss.xml", Some("Fixtures")).await;
/// server.update_feeds().await;
/// // log in at server.api_url() as server.user() / server.password()
/// # let _ = feed_id;
/// # }
/// ```
#[derive(Debug)]
pub struct TtRss {
    dir: tempfile::TempDir,
    /// The PostgreSQL binaries (`initdb`, `pg_ctl`, `psql`).
    pg_bin: PathBuf,
    pg_port: u16,
    pg_running: bool,
    port: u16,
    api_url: String,
    /// `php -S`, while it runs.
    php: Option<Child>,
    /// The uid and gid every server process runs as (when started as root).
    run_as: Option<(u32, u32)>,
}

impl TtRss {
    /// The user created on every server.
    pub const USER: &'static str = "alice";
    /// The password of [`TtRss::USER`].
    pub const PASSWORD: &'static str = "apipass123";

    /// The fixture server on 127.0.0.1:80 that feeds for tt-rss are served
    /// from (one per test process, on a runtime of its own so it outlives
    /// every test's), or why there is none. tt-rss only fetches feeds from
    /// port 80 (or 443) of a host that is not `localhost` or `127.*`, so
    /// they are subscribed as `http://0.0.0.0/…`. Binding it needs root; CI
    /// runs as root. It serves routes only.
    pub fn feed_server() -> Result<&'static FixtureServer, &'static str> {
        static SERVER: OnceLock<Result<FixtureServer, String>> = OnceLock::new();
        let server = SERVER.get_or_init(|| {
            let (sent, received) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                runtime.block_on(async move {
                    // Routes only: the directory does not exist, so nothing else is served.
                    let bound = FixtureServer::serve_dir_on_port("/nonexistent/byline-ttrss-feeds", 80).await;
                    let _ = sent.send(bound.map_err(|e| e.to_string()));
                    std::future::pending::<()>().await
                })
            });
            received.recv().unwrap_or_else(|_| Err("the fixture server thread died".to_owned()))
        });
        server.as_ref().map_err(String::as_str)
    }

    /// Starts a fresh server on free ports of 127.0.0.1.
    ///
    /// # Panics
    /// When the server cannot be started (packages missing, no free port…),
    /// with the reason.
    pub async fn start() -> TtRss {
        match Self::try_start().await {
            Ok(server) => server,
            Err(e) => panic!("byline-testkit: cannot start Tiny Tiny RSS: {e}"),
        }
    }

    /// Like [`TtRss::start`], returning the failure as text.
    pub async fn try_start() -> Result<TtRss, String> {
        for needed in [TTRSS_TREE, TTRSS_SCHEMA, "/usr/bin/php"] {
            if !Path::new(needed).exists() {
                return Err(format!(
                    "{needed} is missing: run scripts/install-deps.sh (tt-rss, postgresql, php-pgsql)"
                ));
            }
        }
        let pg_bin = postgres_bin()?;
        let run_as = if effective_uid()? == 0 { Some(nobody()?) } else { None };
        let dir = tempfile::Builder::new()
            .prefix("byline-ttrss-")
            .tempdir()
            .map_err(|e| format!("cannot create a temporary directory: {e}"))?;
        let mut server =
            TtRss { dir, pg_bin, pg_port: 0, pg_running: false, port: 0, api_url: String::new(), php: None, run_as };
        server.prepare_dirs()?;
        server.start_postgres().await?;
        server.load_schema().await?;
        copy_tree(Path::new(TTRSS_TREE), &server.www())?;
        server.start_php().await?;
        Ok(server)
    }

    /// The API endpoint, `http://127.0.0.1:PORT/api/`.
    pub fn api_url(&self) -> &str {
        &self.api_url
    }

    /// The user name ([`TtRss::USER`]).
    pub fn user(&self) -> &str {
        Self::USER
    }

    /// The password ([`TtRss::PASSWORD`]).
    pub fn password(&self) -> &str {
        Self::PASSWORD
    }

    /// The port the web server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server's directory: `www/` (the tt-rss copy), `pg/` (the cluster
    /// and `pg/log`), `var/` (locks, caches), `php.log`, `update.log`.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Runs SQL in the server's database (as its owner) and returns the
    /// rows, unaligned (`|` between columns, one row a line), trimmed. A
    /// back door for tests: to look at what the API does not show, or to
    /// change what it cannot.
    ///
    /// # Panics
    /// When the statement fails.
    pub async fn sql(&self, sql: &str) -> String {
        self.psql(&["-d", "ttrss", "-c", sql])
            .await
            .unwrap_or_else(|e| panic!("byline-testkit: tt-rss SQL failed: {e}"))
    }

    /// Subscribes the user to the feed at `url`, in the category named
    /// `category` (created when missing) or uncategorized, and returns the
    /// feed's id. tt-rss fetches it at the next [`TtRss::update_feeds`].
    ///
    /// tt-rss will only fetch `http://0.0.0.0/…` (port 80) or a public
    /// address; see the module documentation.
    pub async fn subscribe(&self, url: &str, category: Option<&str>) -> i64 {
        let uid = format!("(SELECT id FROM ttrss_users WHERE login = {})", quote(Self::USER));
        let cat_id = match category {
            Some(title) => {
                let t = quote(title);
                self.sql(&format!(
                    "INSERT INTO ttrss_feed_categories (owner_uid, title) SELECT {uid}, {t} \
                     WHERE NOT EXISTS (SELECT 1 FROM ttrss_feed_categories WHERE title = {t} AND owner_uid = {uid})"
                ))
                .await;
                format!("(SELECT id FROM ttrss_feed_categories WHERE title = {t} AND owner_uid = {uid})")
            }
            None => "NULL".to_owned(),
        };
        let id = self
            .sql(&format!(
                "INSERT INTO ttrss_feeds (owner_uid, feed_url, title, cat_id, update_method) \
                 VALUES ({uid}, {}, '[Unknown]', {cat_id}, 0) RETURNING id",
                quote(url)
            ))
            .await;
        id.lines().next().and_then(|l| l.trim().parse().ok()).unwrap_or_else(|| panic!("no feed id: {id:?}"))
    }

    /// Makes tt-rss fetch every subscribed feed now (`php update.php
    /// --feeds`, ignoring its schedule, cache and `Last-Modified`) and
    /// returns a summary ("updated 2 feed(s), 1 new article(s)").
    ///
    /// # Panics
    /// When the update fails or a feed reports an error.
    pub async fn update_feeds(&self) -> String {
        self.sql(
            "UPDATE ttrss_feeds SET last_updated = '1970-01-01', last_update_started = '1970-01-01', \
             last_modified = ''",
        )
        .await;
        let cache = self.dir().join("var/cache/feeds");
        if let Ok(entries) = std::fs::read_dir(&cache) {
            for entry in entries.flatten() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        let before = self.count_articles().await;
        let log = std::fs::File::create(self.dir().join("update.log")).expect("create update.log");
        let mut update = Command::new("/usr/bin/php");
        update
            .args(PHP_QUIET)
            .args(["update.php", "--feeds"])
            .current_dir(self.www())
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("dup update.log"))
            .stderr(log)
            .kill_on_drop(true);
        self.as_server_user(&mut update);
        let status = update.status().await.expect("byline-testkit: run tt-rss update.php");
        let log = std::fs::read_to_string(self.dir().join("update.log")).unwrap_or_default();
        assert!(status.success(), "byline-testkit: tt-rss update.php failed ({status}):\n{log}");
        let errors = self.sql("SELECT feed_url || ': ' || last_error FROM ttrss_feeds WHERE last_error <> ''").await;
        assert!(errors.is_empty(), "byline-testkit: tt-rss could not update a feed: {errors}\n{log}");
        let stale = self.sql("SELECT feed_url FROM ttrss_feeds WHERE last_updated < '1970-01-02'").await;
        assert!(stale.is_empty(), "byline-testkit: tt-rss did not update {stale}:\n{log}");
        let feeds = self.sql("SELECT count(*) FROM ttrss_feeds").await;
        format!("updated {feeds} feed(s), {} new article(s)", self.count_articles().await - before)
    }

    /// Deletes every session, as when they expire: the next API call with an
    /// old session id is answered `NOT_LOGGED_IN`.
    pub async fn expire_sessions(&self) {
        self.sql("DELETE FROM ttrss_sessions").await;
    }

    /// Turns the user's API access on or off (off: the API answers
    /// `API_DISABLED`).
    pub async fn set_api_access(&self, enabled: bool) {
        let uid = format!("(SELECT id FROM ttrss_users WHERE login = {})", quote(Self::USER));
        self.sql(&format!(
            "DELETE FROM ttrss_user_prefs WHERE owner_uid = {uid} AND pref_name = 'ENABLE_API_ACCESS'; \
             INSERT INTO ttrss_user_prefs (owner_uid, pref_name, value) VALUES ({uid}, 'ENABLE_API_ACCESS', '{enabled}')"
        ))
        .await;
    }

    /// Stops the web server now (the database and its sessions stay), so a
    /// test can see how a client handles a server that went away.
    pub async fn stop(&mut self) {
        if let Some(mut php) = self.php.take() {
            let _ = php.kill().await;
        }
    }

    /// Starts the web server again on the same port after [`TtRss::stop`];
    /// sessions opened before still work.
    ///
    /// # Panics
    /// When it cannot start.
    pub async fn restart(&mut self) {
        if self.php.is_none() {
            self.start_php().await.unwrap_or_else(|e| panic!("byline-testkit: cannot restart tt-rss: {e}"));
        }
    }

    // ------------------------------------------------------------ internals

    fn www(&self) -> PathBuf {
        self.dir().join("www")
    }

    fn pg_data(&self) -> PathBuf {
        self.dir().join("pg/data")
    }

    fn as_server_user(&self, command: &mut Command) {
        if let Some((uid, gid)) = self.run_as {
            command.uid(uid).gid(gid);
        }
    }

    /// `pg/` and `var/…`, owned by the user the servers run as.
    fn prepare_dirs(&self) -> Result<(), String> {
        let root = self.dir();
        let mut owned = vec![root.join("pg"), root.join("var"), root.join("var/cache")];
        for sub in ["lock", "feed-icons", "cache/images", "cache/upload", "cache/export", "cache/feeds", "cache/js"] {
            owned.push(root.join("var").join(sub));
        }
        for d in &owned {
            std::fs::create_dir_all(d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
        }
        if let Some((uid, gid)) = self.run_as {
            use std::os::unix::fs::PermissionsExt;
            // `nobody` must reach its directories inside ours (0700 by default).
            std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755))
                .map_err(|e| format!("cannot open up {}: {e}", root.display()))?;
            for d in &owned {
                std::os::unix::fs::chown(d, Some(uid), Some(gid))
                    .map_err(|e| format!("cannot hand {} to uid {uid}: {e}", d.display()))?;
            }
        }
        Ok(())
    }

    async fn start_postgres(&mut self) -> Result<(), String> {
        let mut initdb = Command::new(self.pg_bin.join("initdb"));
        initdb
            .arg("-D")
            .arg(self.pg_data())
            .args(["-U", "ttrss", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
            .stdin(Stdio::null());
        self.as_server_user(&mut initdb);
        run(&mut initdb, "initdb").await?;
        let mut last_error = String::new();
        // A port found free can be taken before PostgreSQL binds it: try a few.
        for _ in 0..3 {
            let port = free_port()?;
            let options = format!(
                "-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} \
                 -c fsync=off -c full_page_writes=off -c synchronous_commit=off",
                self.dir().join("pg").display()
            );
            let mut pg_ctl = Command::new(self.pg_bin.join("pg_ctl"));
            pg_ctl
                .arg("-D")
                .arg(self.pg_data())
                .arg("-l")
                .arg(self.dir().join("pg/log"))
                .args(["-w", "-t", "60", "-o", &options, "start"])
                .stdin(Stdio::null());
            self.as_server_user(&mut pg_ctl);
            match run(&mut pg_ctl, "pg_ctl start").await {
                Ok(_) => {
                    self.pg_port = port;
                    self.pg_running = true;
                    return Ok(());
                }
                Err(e) => {
                    let log = std::fs::read_to_string(self.dir().join("pg/log")).unwrap_or_default();
                    last_error = format!("{e}\n{log}");
                    if !log.contains("already in use") {
                        break;
                    }
                }
            }
        }
        Err(last_error)
    }

    async fn psql(&self, args: &[&str]) -> Result<String, String> {
        let mut psql = Command::new(self.pg_bin.join("psql"));
        psql.args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "ttrss"])
            .arg("-p")
            .arg(self.pg_port.to_string())
            .args(args)
            .env("PGOPTIONS", "-c client_min_messages=warning")
            .stdin(Stdio::null());
        Ok(run(&mut psql, "psql").await?.trim().to_owned())
    }

    async fn load_schema(&self) -> Result<(), String> {
        self.psql(&["-d", "postgres", "-c", "CREATE DATABASE ttrss"]).await?;
        self.psql(&["-d", "ttrss", "-f", TTRSS_SCHEMA]).await?;
        let (user, password, salt) = (quote(Self::USER), Self::PASSWORD, SALT);
        self.psql(&[
            "-d",
            "ttrss",
            "-c",
            &format!(
                "INSERT INTO ttrss_users (login, pwd_hash, salt, access_level, created) VALUES ({user}, \
                 'MODE2:' || encode(sha256(convert_to({}, 'UTF8')), 'hex'), {}, 0, NOW())",
                quote(&format!("{salt}{password}")),
                quote(salt)
            ),
        ])
        .await?;
        // What tt-rss does at a user's first login; update.php skips the
        // feeds of a user without DEFAULT_UPDATE_INTERVAL.
        self.psql(&[
            "-d",
            "ttrss",
            "-c",
            &format!(
                "INSERT INTO ttrss_user_prefs (owner_uid, pref_name, value) \
                 SELECT u.id, p.pref_name, p.def_value FROM ttrss_prefs p, ttrss_users u WHERE u.login = {user}"
            ),
        ])
        .await?;
        self.set_api_access(true).await;
        Ok(())
    }

    fn write_config(&self) -> Result<(), String> {
        let var = self.dir().join("var");
        let config = format!(
            "<?php\n\
             // Written by byline-testkit for one test server.\n\
             define('DB_TYPE', 'pgsql');\n\
             define('DB_HOST', '127.0.0.1');\n\
             define('DB_PORT', '{pg_port}');\n\
             define('DB_USER', 'ttrss');\n\
             define('DB_NAME', 'ttrss');\n\
             define('DB_PASS', '');\n\
             define('MYSQL_CHARSET', 'UTF8');\n\
             define('SELF_URL_PATH', 'http://127.0.0.1:{port}/');\n\
             define('SINGLE_USER_MODE', false);\n\
             define('SIMPLE_UPDATE_MODE', false);\n\
             define('PHP_EXECUTABLE', '/usr/bin/php');\n\
             define('LOCK_DIRECTORY', '{var}/lock');\n\
             define('CACHE_DIR', '{var}/cache');\n\
             define('ICONS_DIR', '{var}/feed-icons');\n\
             define('ICONS_URL', 'feed-icons');\n\
             define('AUTH_AUTO_CREATE', false);\n\
             define('AUTH_AUTO_LOGIN', false);\n\
             define('FORCE_ARTICLE_PURGE', 0);\n\
             define('DAEMON_UPDATE_LOGIN_LIMIT', 0);\n\
             define('ENABLE_REGISTRATION', false);\n\
             define('REG_NOTIFY_ADDRESS', 'nobody@example.invalid');\n\
             define('REG_MAX_USERS', 10);\n\
             define('SESSION_COOKIE_LIFETIME', 86400);\n\
             define('SMTP_FROM_NAME', 'Tiny Tiny RSS');\n\
             define('SMTP_FROM_ADDRESS', 'nobody@example.invalid');\n\
             define('DIGEST_SUBJECT', '[tt-rss] New headlines');\n\
             define('CHECK_FOR_UPDATES', false);\n\
             define('ENABLE_GZIP_OUTPUT', false);\n\
             define('PLUGINS', 'auth_internal');\n\
             define('LOG_DESTINATION', '');\n\
             define('CONFIG_VERSION', 26);\n",
            pg_port = self.pg_port,
            port = self.port,
            var = var.display(),
        );
        let path = self.www().join("config.php");
        std::fs::write(&path, config).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    async fn start_php(&mut self) -> Result<(), String> {
        let mut last_error = String::new();
        for _ in 0..3 {
            if self.port == 0 || !last_error.is_empty() {
                self.port = free_port()?;
            }
            self.write_config()?;
            let log = std::fs::File::create(self.dir().join("php.log")).map_err(|e| format!("php.log: {e}"))?;
            let mut php = Command::new("/usr/bin/php");
            php.args(PHP_QUIET)
                .arg("-S")
                .arg(format!("127.0.0.1:{}", self.port))
                .arg("-t")
                .arg(self.www())
                .current_dir(self.www())
                .stdin(Stdio::null())
                .stdout(log.try_clone().map_err(|e| format!("php.log: {e}"))?)
                .stderr(log)
                .kill_on_drop(true);
            self.as_server_user(&mut php);
            let mut child = php.spawn().map_err(|e| format!("cannot run php -S: {e}"))?;
            // Wait until it accepts connections, or exits (port taken).
            let mut up = false;
            for _ in 0..200 {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                    up = true;
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            if up {
                self.api_url = format!("http://127.0.0.1:{}/api/", self.port);
                self.php = Some(child);
                return Ok(());
            }
            let _ = child.kill().await;
            last_error = std::fs::read_to_string(self.dir().join("php.log")).unwrap_or_default();
            if last_error.is_empty() {
                last_error = "php -S did not start listening".to_owned();
            }
        }
        Err(format!("php -S failed: {last_error}"))
    }

    async fn count_articles(&self) -> i64 {
        self.sql("SELECT count(*) FROM ttrss_user_entries").await.parse().unwrap_or(0)
    }
}

impl Drop for TtRss {
    fn drop(&mut self) {
        if let Some(php) = self.php.as_mut() {
            let _ = php.start_kill();
        }
        if self.pg_running {
            let mut stop = StdCommand::new(self.pg_bin.join("pg_ctl"));
            stop.arg("-D")
                .arg(self.pg_data())
                .args(["-m", "immediate", "-w", "stop"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            if let Some((uid, gid)) = self.run_as {
                use std::os::unix::process::CommandExt;
                stop.uid(uid).gid(gid);
            }
            let _ = stop.status();
        }
    }
}

// ------------------------------------------------------------------ helpers

/// A SQL string literal.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

async fn run(command: &mut Command, what: &str) -> Result<String, String> {
    let output = command.output().await.map_err(|e| format!("cannot run {what}: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!(
            "{what} failed ({}): {}{}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim(),
            String::from_utf8_lossy(&output.stdout).trim()
        ))
    }
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port on 127.0.0.1: {e}"))
}

/// The newest `/usr/lib/postgresql/<version>/bin` that has `initdb`.
fn postgres_bin() -> Result<PathBuf, String> {
    let missing = || "PostgreSQL's initdb is missing: run scripts/install-deps.sh (postgresql)".to_owned();
    let entries = std::fs::read_dir("/usr/lib/postgresql").map_err(|_| missing())?;
    entries
        .flatten()
        .filter_map(|e| Some((e.file_name().to_str()?.parse::<u32>().ok()?, e.path().join("bin"))))
        .filter(|(_, bin)| bin.join("initdb").exists())
        .max_by_key(|(version, _)| *version)
        .map(|(_, bin)| bin)
        .ok_or_else(missing)
}

/// The effective uid of this process (from `/proc/self/status`).
fn effective_uid() -> Result<u32, String> {
    let status = std::fs::read_to_string("/proc/self/status").map_err(|e| format!("/proc/self/status: {e}"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().nth(1))
        .and_then(|euid| euid.parse().ok())
        .ok_or_else(|| "no Uid line in /proc/self/status".to_owned())
}

/// The uid and gid of `nobody` (from `/etc/passwd`).
fn nobody() -> Result<(u32, u32), String> {
    let passwd = std::fs::read_to_string("/etc/passwd").map_err(|e| format!("/etc/passwd: {e}"))?;
    passwd
        .lines()
        .find_map(|l| {
            let fields: Vec<&str> = l.split(':').collect();
            (fields.first() == Some(&"nobody") && fields.len() > 3)
                .then(|| Some((fields[2].parse().ok()?, fields[3].parse().ok()?)))
                .flatten()
        })
        .ok_or_else(|| "no user nobody in /etc/passwd".to_owned())
}

/// Copies the tt-rss tree: files are copied (PHP resolves symlinked scripts
/// to their real directory, where Debian's `config.php` is), symlinks made
/// absolute, and Debian's `config.php` and `feed-icons` links left out.
fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    let fail = |p: &Path, e: std::io::Error| format!("cannot copy {}: {e}", p.display());
    std::fs::create_dir_all(to).map_err(|e| fail(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| fail(from, e))? {
        let entry = entry.map_err(|e| fail(from, e))?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        let kind = entry.file_type().map_err(|e| fail(&source, e))?;
        if kind.is_symlink() {
            if from == Path::new(TTRSS_TREE) && matches!(entry.file_name().to_str(), Some("config.php" | "feed-icons"))
            {
                continue;
            }
            // A dangling link (an optional package missing) is left out.
            if let Ok(real) = std::fs::canonicalize(&source) {
                std::os::unix::fs::symlink(real, &target).map_err(|e| fail(&source, e))?;
            }
        } else if kind.is_dir() {
            copy_tree(&source, &target)?;
        } else {
            std::fs::copy(&source, &target).map_err(|e| fail(&source, e))?;
        }
    }
    Ok(())
}
