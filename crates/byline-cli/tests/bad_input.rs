//! Bad input for every subcommand (issue 11): unknown ids, huge strings,
//! non-web URLs, invalid UTF-8 and directory paths, and database files that
//! are not databases. Each run must print exactly one line on stderr
//! (`byline-cli: error: …`, exit 1) or be a clap usage error (exit 2), never
//! panic, and leave the database as it was.
//!
//! Limits: Linux refuses a single argument over 128 KiB, so the huge strings
//! are 100 KB, not 1 MB. The tests run as root, where `chmod 000` and a
//! read-only directory do not block anything: an unreadable database is a
//! directory, and a read-only path is a file on procfs.

use std::ffi::{OsStr, OsString};
use std::io::Write as _;
use std::os::unix::ffi::OsStrExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use byline_testkit::{fixtures_dir, FixtureServer};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_byline-cli");

/// Just under Linux's limit for one argument (`MAX_ARG_STRLEN`, 128 KiB).
const HUGE: usize = 100_000;

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `byline-cli ARGS…` with HOME and XDG directories inside `home`,
/// and a password on stdin (so `account add` reaches its checks instead of
/// stopping for a password).
fn run(home: &Path, args: &[OsString]) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("BYLINE_ACCOUNT_PASSWORD")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run byline-cli");
    // The binary may exit before reading it.
    let _ = child.stdin.take().unwrap().write_all(b"secret\n");
    let out = child.wait_with_output().expect("wait for byline-cli");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

/// A database's bytes once its write-ahead log is folded into the file
/// (what a command wrote, even where its closing left it in the log),
/// without the header's change counters (offsets 24..28 and 92..96), which
/// every open-and-close bumps.
async fn content(db: &Path) -> Vec<u8> {
    fold_wal(db).await;
    let mut bytes = std::fs::read(db).unwrap_or_else(|e| panic!("read {}: {e}", db.display()));
    for range in [24..28, 92..96] {
        if bytes.len() >= range.end {
            bytes[range].fill(0);
        }
    }
    bytes
}

/// Asserts a failed run: exit 1 with one clean line, or clap's exit 2.
fn assert_clean_failure(name: &str, out: &Run, usage: bool) {
    assert!(!out.stderr.contains("panicked") && !out.stderr.contains("backtrace"), "{name}: {out:?}");
    if usage {
        assert_eq!(out.code, 2, "{name}: {out:?}");
        return;
    }
    assert_eq!(out.code, 1, "{name}: {out:?}");
    assert!(out.stderr.starts_with("byline-cli: error: "), "{name}: {out:?}");
    assert_eq!(out.stderr.lines().count(), 1, "{name}: {out:?}");
    assert!(out.stderr.ends_with('\n'), "{name}: {out:?}");
    assert!(out.stdout.is_empty(), "{name}: {out:?}");
}

/// A temporary home with a database holding az-utf8.xml's feed and articles.
struct Env {
    dir: TempDir,
    db: PathBuf,
}

impl Env {
    async fn seeded() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("byline.sqlite3");
        let server = FixtureServer::serve_dir(fixtures_dir()).await;
        let args = os(&["--db", db.to_str().unwrap(), "add", &server.url("/az-utf8.xml")]);
        let home = dir.path().to_path_buf();
        let out = tokio::task::spawn_blocking(move || run(&home, &args)).await.unwrap();
        assert_eq!(out.code, 0, "seed: {out:?}");
        // The seed's writes may still sit in the write-ahead log: fold them
        // into the file, so the cases start from a settled one (a file whose
        // articles were all in the log was one page, an empty database, and
        // half of it still read as one).
        fold_wal(&db).await;
        let args = os(&["--db", db.to_str().unwrap(), "feeds"]);
        let home = dir.path().to_path_buf();
        let out = tokio::task::spawn_blocking(move || run(&home, &args)).await.unwrap();
        assert_eq!(out.code, 0, "settle: {out:?}");
        // What that command's closing wrote (the query planner's statistics)
        // may sit in the log as well.
        fold_wal(&db).await;
        Env { dir, db }
    }

    /// `--db <this db> --extract never ARGS…`
    fn args(&self, args: &[OsString]) -> Vec<OsString> {
        let mut all = vec![OsString::from("--db"), self.db.clone().into(), "--extract".into(), "never".into()];
        all.extend(args.iter().cloned());
        all
    }
}

/// Checkpoints the database at `db` into its file and empties its log;
/// the file then holds every page (more than the first).
async fn fold_wal(db: &Path) {
    use sqlx::{Connection as _, Executor as _};
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display())).await.unwrap();
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").await.unwrap();
    conn.close().await.unwrap();
    let pages = std::fs::metadata(db).unwrap().len() / 4096;
    assert!(pages > 1, "the seeded database is {pages} page(s) after its checkpoint");
}

/// A path whose last part is not UTF-8, in a directory that does not exist.
fn non_utf8(dir: &Path, tail: &str) -> OsString {
    let mut bytes = dir.as_os_str().as_bytes().to_vec();
    bytes.extend_from_slice(b"/\xff\xfe-missing/");
    bytes.extend_from_slice(tail.as_bytes());
    OsStr::from_bytes(&bytes).to_os_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_subcommand_refuses_bad_input_in_one_line_and_leaves_the_database_alone() {
    let env = Env::seeded().await;
    let home = env.dir.path();
    let huge = "x".repeat(HUGE);
    let huge_url = format!("https://example.invalid/{huge}");
    let huge_cursor = "9".repeat(HUGE);
    let paren_huge = format!("({huge}");
    let dir = home.to_str().unwrap();
    let bad_path = non_utf8(home, "subs.opml");

    // (name, arguments after `--db DB`, is a clap usage error)
    let mut cases: Vec<(String, Vec<OsString>, bool)> = Vec::new();
    let mut case = |name: &str, args: Vec<OsString>, usage: bool| cases.push((name.to_string(), args, usage));

    // Unknown ids.
    for sub in ["show", "save", "unsave", "read", "unread"] {
        case(&format!("{sub} unknown id"), os(&[sub, "424242"]), false);
        case(&format!("{sub} id not a number"), os(&[sub, "abc"]), true);
        case(&format!("{sub} id overflows"), os(&[sub, "99999999999999999999999"]), true);
        case(&format!("{sub} huge id"), os(&[sub, &huge_cursor]), true);
    }
    case("rule remove unknown id", os(&["rule", "remove", "77"]), false);
    case("account remove unknown id", os(&["account", "remove", "77"]), false);
    case("feed-extract unknown feed", os(&["feed-extract", "99", "always"]), false);
    case("feed-extract bad policy", os(&["feed-extract", "1", "sometimes"]), true);
    case("list unknown feed", os(&["list", "--feed", "99"]), false);
    case("list unknown folder", os(&["list", "--folder", "99"]), false);
    case("list bad cursor", os(&["list", "--after", "zzzz"]), false);
    case("list huge cursor", os(&["list", "--after", &huge_cursor]), false);
    case("list negative limit", os(&["list", "--limit", "-1"]), true);
    case(
        "rule add unknown feed",
        os(&["rule", "add", "--field", "title", "--action", "mute", "--feed", "99", "x"]),
        false,
    );
    case(
        "rule add huge bad regex",
        os(&["rule", "add", "--field", "any", "--action", "mute", "--regex", &paren_huge]),
        false,
    );
    case("rule add missing pattern", os(&["rule", "add", "--field", "any", "--action", "mute"]), true);
    case("search missing query", os(&["search"]), true);
    case("sync bad retention", os(&["sync", "--retention-days", "soon"]), true);
    case("prune bad days", os(&["prune", "--days", &huge]), true);
    case("unknown subcommand", os(&["frobnicate"]), true);

    // URLs that are not web addresses, and huge ones.
    for url in ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<script>x</script>", &huge_url] {
        let short: String = url.chars().take(20).collect();
        case(&format!("add {short}"), os(&["add", url]), false);
        case(&format!("add {short} into a huge folder"), os(&["add", url, "--folder", &huge]), false);
        case(
            &format!("account add {short}"),
            os(&["account", "add", "--kind", "greader", "--url", url, "--user", "a"]),
            false,
        );
        if !url.starts_with("https:") {
            case(
                &format!("share {short}"),
                os(&["share", "--target", "telegram", "--url", url, "--title", &huge]),
                false,
            );
        }
    }
    case("share unknown target", os(&["share", "--target", "myspace", "--url", "https://h/a"]), true);
    case(
        "account add huge user",
        os(&["account", "add", "--kind", "fever", "--url", "ftp://h/", "--user", &huge]),
        false,
    );

    // File arguments: missing, not UTF-8, a directory.
    for sub in ["import", "parse", "extract"] {
        case(&format!("{sub} missing file"), vec![sub.into(), home.join("missing.xml").into()], false);
        case(&format!("{sub} non-UTF-8 path"), vec![sub.into(), bad_path.clone()], false);
        case(&format!("{sub} directory"), os(&[sub, dir]), false);
    }
    case("parse directory javascript: base", os(&["parse", dir, "--url", "javascript:x"]), false);

    // A non-web lead image is left out of the link, not an error.
    let image = run(home, &os(&["share", "--target", "vk", "--url", "https://h/a", "--image", "javascript:x"]));
    assert_eq!(image.code, 0, "{image:?}");
    assert!(!image.stdout.contains("javascript"), "{image:?}");

    let before = content(&env.db).await;
    let total = cases.len();
    for (name, args, usage) in cases {
        let all = env.args(&args);
        let home = home.to_path_buf();
        let out = tokio::task::spawn_blocking(move || run(&home, &all)).await.unwrap();
        assert_clean_failure(&name, &out, usage);
        let after = content(&env.db).await;
        let changed: Vec<usize> =
            (0..before.len().max(after.len())).filter(|&i| before.get(i) != after.get(i)).take(8).collect();
        assert!(
            changed.is_empty(),
            "{name}: the database changed at bytes {changed:?} ({} -> {} bytes)",
            before.len(),
            after.len()
        );
    }
    assert!(total > 60, "{total} cases");
    // The database still opens and holds what it did.
    let feeds = run(home, &env.args(&os(&["feeds", "--json"])));
    assert_eq!(feeds.code, 0, "{feeds:?}");
    assert!(feeds.stdout.contains("az-utf8.xml"), "{feeds:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_that_cannot_be_opened_is_one_line_and_left_untouched() {
    let env = Env::seeded().await;
    let home = env.dir.path();
    let seeded = std::fs::read(&env.db).unwrap();

    let random = home.join("random.sqlite3");
    let mut noise = Vec::with_capacity(64 * 1024);
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    while noise.len() < 64 * 1024 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        noise.extend_from_slice(&x.to_le_bytes());
    }
    std::fs::write(&random, &noise).unwrap();
    let truncated = home.join("truncated.sqlite3");
    std::fs::write(&truncated, &seeded[..seeded.len() / 2]).unwrap();
    let header_only = home.join("header-only.sqlite3");
    std::fs::write(&header_only, &seeded[..100]).unwrap();
    let text = home.join("notes.txt");
    std::fs::write(&text, "not a database\n".repeat(1000)).unwrap();

    let commands: Vec<Vec<&str>> = vec![
        vec!["feeds"],
        vec!["export"],
        vec!["list"],
        vec!["search", "x"],
        vec!["show", "1"],
        vec!["save", "1"],
        vec!["read", "1"],
        vec!["rule", "list"],
        vec!["rule", "add", "--field", "title", "--action", "mute", "x"],
        vec!["account", "list"],
        vec!["feed-extract", "1", "never"],
        vec!["prune", "--days", "1"],
        vec!["sync"],
        vec!["add", "https://127.0.0.1:9/feed.xml"],
    ];
    let mut runs = 0;
    for file in [&random, &truncated, &header_only, &text] {
        let original = std::fs::read(file).unwrap();
        for command in &commands {
            let mut args = vec![OsString::from("--db"), file.clone().into(), "--extract".into(), "never".into()];
            args.extend(command.iter().map(OsString::from));
            let name = format!("{} {command:?}", file.file_name().unwrap().to_string_lossy());
            let out = run(home, &args);
            // A truncated file may still answer a query that only reads its
            // first pages; it must never be written to.
            if out.code != 0 {
                assert_clean_failure(&name, &out, false);
            }
            let now = std::fs::read(file).unwrap();
            let changed: Vec<usize> =
                (0..now.len().max(original.len())).filter(|&i| now.get(i) != original.get(i)).take(8).collect();
            assert!(
                changed.is_empty(),
                "{name}: the file was changed at {changed:?} ({} -> {} bytes): {out:?}",
                original.len(),
                now.len()
            );
            runs += 1;
        }
    }

    // Not a file, a file in a directory that does not exist, a name that is
    // not UTF-8, and a read-only path (procfs).
    // (A missing directory is not an error: the database is created there.)
    let mut not_utf8 = home.as_os_str().as_bytes().to_vec();
    not_utf8.extend_from_slice(b"/\xff\xfe.sqlite3");
    let not_utf8 = OsStr::from_bytes(&not_utf8).to_os_string();
    std::fs::write(&not_utf8, &noise).unwrap();
    let places: Vec<(&str, OsString)> = vec![
        ("a directory", home.as_os_str().to_os_string()),
        ("a non-UTF-8 name of a file that is not a database", not_utf8),
        ("a read-only path", "/proc/version".into()),
        ("under a read-only path", "/proc/self/byline.sqlite3".into()),
    ];
    for (what, db) in places {
        for command in [&["feeds"][..], &["save", "1"], &["add", "javascript:x"]] {
            let mut args = vec![OsString::from("--db"), db.clone()];
            args.extend(command.iter().map(OsString::from));
            let out = run(home, &args);
            assert_clean_failure(&format!("{what} {command:?}"), &out, false);
            runs += 1;
        }
    }
    assert!(std::fs::read(&env.db).unwrap() == seeded, "the seeded database was touched");
    assert!(runs >= 60, "{runs} runs");
}
