//! Hardened: nothing lost. The real `byline-cli` syncs a large generated
//! corpus (served on 127.0.0.1) into one database and is killed with SIGKILL
//! again and again, at moments spread over a whole sync; after each kill the
//! database must open sound with every saved article and status the reader
//! had, and at the end a sync must finish cleanly. A second test fills the
//! disk under a sync.
//!
//! The kill moments come from a seeded generator: the seed is printed, and
//! `BYLINE_CRASH_SEED=N` replays the same moments (the child's own timing
//! still varies). `BYLINE_CRASH_KILLS=N` changes how many kills.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use byline_engine::store::{ArticleId, ExtractedArticle, FeedId, ListQuery, View};
use byline_engine::Store;
use byline_testkit::{generate_rss, Fixture, FixtureServer};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_byline-cli");

/// A small seeded generator (SplitMix64): the kill moments of a run are
/// replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| v.parse().unwrap_or_else(|_| panic!("{name}={v} is not a number")))
}

/// A generated corpus served on 127.0.0.1, one database, and the CLI.
struct Rig {
    dir: tempfile::TempDir,
    db: PathBuf,
    server: FixtureServer,
    feeds: usize,
    items: usize,
}

impl Rig {
    async fn new(db_dir: Option<&Path>, feeds: usize, items: usize) -> Rig {
        let dir = tempfile::tempdir().unwrap();
        let db = db_dir.unwrap_or(dir.path()).join("byline.sqlite3");
        let server = FixtureServer::start().await;
        Rig { dir, db, server, feeds, items }
    }

    fn path(feed: usize) -> String {
        format!("/feed-{feed}.xml")
    }

    /// Serves edition `edition` of these feeds: the same stories (their
    /// titles tagged with the edition, so each is rewritten) and one new
    /// story of that edition.
    fn serve_edition(&self, edition: usize, feeds: impl IntoIterator<Item = usize>) {
        let site = self.server.base_url();
        for feed in feeds {
            let doc = generate_rss(feed, self.items, &site);
            let extra = generate_rss(self.feeds * (edition + 1) + feed, 1, &site);
            let new_item = extra[extra.find("<item>").unwrap()..extra.rfind("</channel>").unwrap()]
                .replace("<title>", &format!("<title>{NEW} "));
            let doc = doc.replacen("</channel>", &format!("{new_item}</channel>"), 1);
            let doc = doc.replace("<title>", &format!("<title>[edition {edition}] "));
            self.server.route(&Self::path(feed), Fixture::body("application/rss+xml", doc));
        }
    }

    fn args(&self, args: &[&str]) -> Vec<String> {
        let base = ["--db".to_string(), self.db.display().to_string(), "--extract".into(), "never".into()];
        base.into_iter().chain(args.iter().map(|a| a.to_string())).collect()
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command
            .args(self.args(args))
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env_remove("RUST_BACKTRACE");
        command
    }

    /// Runs the CLI to the end (off the runtime, so the server keeps
    /// serving): exit code, stdout, stderr.
    async fn run(&self, args: &[&str]) -> (i32, String, String) {
        let mut command = self.command(args);
        let out = tokio::task::spawn_blocking(move || command.output().unwrap()).await.unwrap();
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
    }

    async fn json(&self, args: &[&str]) -> Value {
        let (code, stdout, stderr) = self.run(args).await;
        assert_eq!(code, 0, "byline-cli {args:?} failed: {stderr}");
        serde_json::from_str(&stdout).unwrap()
    }

    /// Subscribes to every feed (an OPML import, which syncs).
    async fn import(&self) -> Value {
        let opml: String = (0..self.feeds)
            .map(|f| format!("<outline type=\"rss\" xmlUrl=\"{}\"/>", self.server.url(&Self::path(f))))
            .collect();
        let opml_path = self.dir.path().join("feeds.opml");
        std::fs::write(&opml_path, format!("<opml version=\"2.0\"><body>{opml}</body></opml>")).unwrap();
        self.json(&["import", opml_path.to_str().unwrap(), "--json"]).await
    }

    /// The ids of every article of a feed, with their titles.
    async fn feed_articles(store: &Store, feed: FeedId) -> Vec<(ArticleId, String)> {
        let mut query = ListQuery { feed: Some(feed), view: View::All, limit: 500, ..Default::default() };
        let mut all = Vec::new();
        loop {
            let page = store.list(&query).await.unwrap();
            all.extend(page.items.into_iter().map(|a| (a.id, a.title)));
            match page.next {
                Some(next) => query.after = Some(next),
                None => return all,
            }
        }
    }
}

/// What the reader did before the kills: each article saved with its full
/// text, or marked read.
#[derive(Default)]
struct Kept {
    saved: HashMap<ArticleId, String>,
    read: Vec<ArticleId>,
}

impl Kept {
    /// Saves one article in 25 of each of these feeds with a full text of
    /// its own, and marks another read.
    async fn keep(store: &Store, feeds: &[FeedId]) -> Kept {
        let mut kept = Kept::default();
        for (f, feed) in feeds.iter().enumerate() {
            for (i, (id, title)) in Rig::feed_articles(store, *feed).await.into_iter().enumerate() {
                if i % 25 == f % 25 {
                    let full = format!("<p>The whole story of “{title}”, kept by the reader: Şəhər, Qarabağ.</p>");
                    let extracted = ExtractedArticle {
                        content_html: full.clone(),
                        text: format!("The whole story of {title}"),
                        bylines: vec![],
                        agency: None,
                        reading_minutes: 3,
                        lead_image: None,
                        published: None,
                        language: None,
                        prefer_feed_text: false,
                    };
                    store.save_extraction(id, &extracted).await.unwrap();
                    store.set_saved(id, true).await.unwrap();
                    kept.saved.insert(id, full);
                }
                if i % 25 == 7 {
                    store.set_read(id, true).await.unwrap();
                    kept.read.push(id);
                }
            }
        }
        kept
    }

    /// Everything kept is there: saved, with its full text, and read.
    async fn check(&self, store: &Store, when: &str) {
        for (id, full) in &self.saved {
            let article = store.article(*id).await.unwrap_or_else(|e| panic!("{when}: saved article {id}: {e}"));
            assert!(article.summary.saved, "{when}: article {id} is no longer saved");
            assert_eq!(article.full_html.as_deref(), Some(full.as_str()), "{when}: article {id} lost its text");
        }
        for id in &self.read {
            assert!(store.article(*id).await.unwrap().summary.read, "{when}: article {id} is unread again");
        }
        assert_eq!(store.counts().await.unwrap().saved, self.saved.len() as i64, "{when}");
    }
}

/// The title tag of an edition's new story.
const NEW: &str = "[new]";

/// The edition a title was stored from.
fn edition_of(title: &str) -> Option<&str> {
    title.strip_prefix("[edition ")?.split(']').next()
}

/// Whether the title is one of the stories every edition rewrites.
fn is_story(title: &str) -> bool {
    !title.contains(NEW)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sync_killed_at_random_moments_loses_nothing_and_the_next_one_finishes() {
    const FEEDS: usize = 200;
    const ITEMS: usize = 20;
    /// Feeds with a new edition at each sync (the others answer the same
    /// bytes as before, as most feeds do): every sync fetches all, parses
    /// and stores these, and records the rest as unchanged.
    const CHANGED: usize = 20;
    let kills = env_number("BYLINE_CRASH_KILLS").unwrap_or(100) as usize;
    let seed = env_number("BYLINE_CRASH_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
    });
    println!("crash rig: seed {seed} (replay with BYLINE_CRASH_SEED={seed}), {kills} kills");
    let mut rng = Rng(seed);
    let rig = Rig::new(None, FEEDS, ITEMS).await;
    // The edition each feed serves. Each sync finds `CHANGED` new editions
    // waiting: the ones a killed sync did not store, and new editions of the
    // feeds after the last ones changed.
    let mut served = vec![0; FEEDS];
    let mut cursor = 0;
    let mut next_edition = |edition: usize, waiting: &HashSet<usize>, served: &mut Vec<usize>| {
        let mut feeds = Vec::new();
        while feeds.len() + waiting.len() < CHANGED {
            if !waiting.contains(&cursor) {
                feeds.push(cursor);
                served[cursor] = edition;
            }
            cursor = (cursor + 1) % FEEDS;
        }
        rig.serve_edition(edition, feeds.iter().copied());
        feeds
    };

    rig.serve_edition(0, 0..FEEDS);
    let imported = rig.import().await;
    assert_eq!(imported["sync"]["new_articles"], FEEDS * (ITEMS + 1), "{imported}");

    // The reader saves and reads some articles.
    let store = Store::open(&rig.db).await.unwrap();
    // Feed `i` of the generator is `feed_ids[i]`.
    let mut feed_ids = Vec::new();
    for feed in 0..FEEDS {
        feed_ids.push(store.feed_by_url(&rig.server.url(&Rig::path(feed))).await.unwrap().unwrap().id);
    }
    let kept = Kept::keep(&store, &feed_ids[..20]).await;
    store.close().await;
    assert!(kept.saved.len() >= 20 && kept.read.len() >= 20);

    // One whole sync, timed: the kills fall within it.
    next_edition(1, &HashSet::new(), &mut served);
    let started = Instant::now();
    let report = rig.json(&["sync", "--json"]).await;
    let sync_time = started.elapsed();
    assert_eq!(report["failed"], 0, "{report}");
    println!("crash rig: one sync takes {sync_time:?}");

    // How far each killed sync got: which of the new editions waiting were
    // stored (a feed's stored content hash changes).
    let hashes = |store: Store| async move {
        let states = store.fetch_states().await.unwrap();
        states.into_iter().map(|s| (s.id, s.content_hash)).collect::<HashMap<_, _>>()
    };
    let store = Store::open(&rig.db).await.unwrap();
    let mut stored_before = hashes(store.clone()).await;
    store.close().await;
    // Feeds (by generator index) with a new edition the database lacks.
    let mut waiting: HashSet<usize> = HashSet::new();
    let (mut finished, mut none, mut partway, mut all) = (0, 0, 0, 0);
    let kills_started = Instant::now();
    for kill in 0..kills {
        let fresh = next_edition(kill + 2, &waiting, &mut served);
        waiting.extend(fresh);
        let delay = Duration::from_micros(rng.below(sync_time.as_micros() as u64));
        let mut child = rig.command(&["sync", "--json"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        tokio::time::sleep(delay).await;
        if child.try_wait().unwrap().is_some() {
            finished += 1;
        }
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();

        let when = format!("after kill {kill} at {delay:?}");
        let store = Store::open(&rig.db).await.unwrap_or_else(|e| panic!("{when}: cannot open: {e}"));
        assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new(), "{when}");
        kept.check(&store, &when).await;
        let stored_now = hashes(store.clone()).await;
        let before = waiting.len();
        waiting.retain(|f| stored_before.get(&feed_ids[*f]) == stored_now.get(&feed_ids[*f]));
        match (before - waiting.len(), waiting.len()) {
            (0, _) => none += 1,
            (_, 0) => all += 1,
            _ => partway += 1,
        }
        stored_before = stored_now;
        // A feed's edition is stored whole or not at all.
        for _ in 0..3 {
            let feed = feed_ids[rng.below(FEEDS as u64) as usize];
            let articles = Rig::feed_articles(&store, feed).await;
            let stories: Vec<&str> =
                articles.iter().filter(|(_, t)| is_story(t)).filter_map(|(_, t)| edition_of(t)).collect();
            assert_eq!(stories.len(), ITEMS, "{when}: feed {feed}");
            assert!(stories.windows(2).all(|w| w[0] == w[1]), "{when}: feed {feed} is half stored: {stories:?}");
        }
        store.close().await;
    }
    println!(
        "crash rig: {kills} kills in {:?}: {none} before the sync stored a new edition, {partway} when it had \
         stored some, {all} when it had stored all ({finished} after it had ended)",
        kills_started.elapsed()
    );

    // The next sync finishes the job: every feed, every story of the edition
    // it serves, nothing twice.
    let report = rig.json(&["sync", "--json"]).await;
    assert_eq!((report["ok"].as_u64(), report["failed"].as_u64()), (Some(FEEDS as u64), Some(0)), "{report}");
    let store = Store::open(&rig.db).await.unwrap();
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
    kept.check(&store, "at the end").await;
    for (feed, edition) in feed_ids.iter().zip(&served) {
        let articles = Rig::feed_articles(&store, *feed).await;
        let edition = edition.to_string();
        let current = articles.iter().filter(|(_, t)| edition_of(t) == Some(edition.as_str())).count();
        assert_eq!(current, ITEMS + 1, "feed {feed}: every story of edition {edition}");
        let mut titles: Vec<&str> = articles.iter().map(|(_, t)| t.as_str()).collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), articles.len(), "feed {feed}: an article stored twice");
    }
    store.close().await;
}

/// A tmpfs of its own, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    /// Mounts a tmpfs of `size` (as `mount` writes it, e.g. `8m`) in `dir`;
    /// the reason, when that is not possible here (not root).
    fn mount(dir: &Path, size: &str) -> Result<Tmpfs, String> {
        let uid = Command::new("id").arg("-u").output().map_err(|e| format!("id -u: {e}"))?;
        if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
            return Err("not root".into());
        }
        std::fs::create_dir_all(dir).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .output()
            .map_err(|e| format!("mount: {e}"))?;
        if !out.status.success() {
            return Err(format!("mount failed: {}", String::from_utf8_lossy(&out.stderr).trim()));
        }
        Ok(Tmpfs(dir.to_path_buf()))
    }

    /// Fills the file system up with `ballast`.
    fn fill(&self, ballast: &Path) {
        use std::io::Write as _;
        let mut file = std::fs::File::create(ballast).unwrap();
        let chunk = vec![0xA5u8; 64 * 1024];
        loop {
            match file.write(&chunk) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if e.raw_os_error() == Some(28) => break, // ENOSPC
                Err(e) => panic!("filling {}: {e}", ballast.display()),
            }
        }
    }

    /// Frees `bytes` of `ballast`.
    fn free(&self, ballast: &Path, bytes: u64) {
        let file = std::fs::OpenOptions::new().write(true).open(ballast).unwrap();
        let len = file.metadata().unwrap().len();
        file.set_len(len.saturating_sub(bytes)).unwrap();
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// A sync fails as a whole, in one line that says the disk is full.
async fn sync_fails_on_a_full_disk(rig: &Rig, when: &str) {
    let (code, stdout, stderr) = rig.run(&["sync", "--json"]).await;
    assert_eq!(code, 1, "{when}: the sync fails as a whole: {stdout} {stderr}");
    assert!(stderr.contains("the disk is full"), "{when}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{when}: {stderr}");
    println!("{when}: {}", stderr.trim());
}

/// The file is sound, the reader's articles and statuses are all there, and
/// no feed was blamed for the full disk.
async fn nothing_lost(rig: &Rig, kept: &Kept, when: &str) {
    let store = Store::open(&rig.db).await.unwrap_or_else(|e| panic!("{when}: {e}"));
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new(), "{when}");
    kept.check(&store, when).await;
    for feed in store.feeds().await.unwrap() {
        assert_eq!(feed.error_count, 0, "{when}: a full disk is not the feed's fault: {feed:?}");
    }
    store.close().await;
}

/// A real full file system (a tmpfs of 16 MB), not SQLite's
/// `PRAGMA max_page_count`: that is a cap SQLite checks itself (the store's
/// unit test uses it for the error), while a full disk makes the OS refuse
/// any write: the WAL, its index (so even opening fails), a checkpoint.
/// Mounting needs root; elsewhere the test prints SKIP.
#[tokio::test(flavor = "multi_thread")]
async fn a_sync_into_a_full_disk_says_so_loses_nothing_and_the_next_one_finishes() {
    const FEEDS: usize = 20;
    const ITEMS: usize = 40;
    let home = tempfile::tempdir().unwrap();
    let mount_dir = home.path().join("small-disk");
    let disk = match Tmpfs::mount(&mount_dir, "16m") {
        Ok(disk) => disk,
        Err(why) => {
            println!("SKIP a_sync_into_a_full_disk…: needs a tmpfs of its own ({why}); CI runs it as root");
            return;
        }
    };
    let rig = Rig::new(Some(&mount_dir), FEEDS, ITEMS).await;
    rig.serve_edition(0, 0..FEEDS);
    let imported = rig.import().await;
    assert_eq!(imported["sync"]["failed"], 0, "{imported}");
    let store = Store::open(&rig.db).await.unwrap();
    let mut feed_ids = Vec::new();
    for feed in 0..FEEDS {
        feed_ids.push(store.feed_by_url(&rig.server.url(&Rig::path(feed))).await.unwrap().unwrap().id);
    }
    let kept = Kept::keep(&store, &feed_ids).await;
    store.close().await;

    // Another program fills the disk up: the database cannot even be opened
    // for writing. Then a little space comes back (opening needs some, for
    // the WAL index), not enough for the next edition of every feed: the
    // sync stops partway.
    let ballast = mount_dir.join("ballast");
    disk.fill(&ballast);
    rig.serve_edition(1, 0..FEEDS);
    sync_fails_on_a_full_disk(&rig, "full disk").await;
    disk.free(&ballast, 256 * 1024);
    nothing_lost(&rig, &kept, "after a sync on a full disk").await;
    sync_fails_on_a_full_disk(&rig, "nearly full disk").await;
    nothing_lost(&rig, &kept, "after a sync on a nearly full disk").await;

    // Space is freed: the next sync (not forced) stores every feed's edition.
    std::fs::remove_file(&ballast).unwrap();
    let report = rig.json(&["sync", "--json"]).await;
    assert_eq!((report["ok"].as_u64(), report["failed"].as_u64()), (Some(FEEDS as u64), Some(0)), "{report}");
    let store = Store::open(&rig.db).await.unwrap();
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
    kept.check(&store, "after space was freed").await;
    for feed in &feed_ids {
        let articles = Rig::feed_articles(&store, *feed).await;
        let current = articles.iter().filter(|(_, t)| edition_of(t) == Some("1")).count();
        assert_eq!(current, ITEMS + 1, "feed {feed}");
    }
    store.close().await;
    drop(rig);
    drop(disk);
}
