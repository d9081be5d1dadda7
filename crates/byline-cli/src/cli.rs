//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Byline's headless reader: subscribe, sync, list, search and read news
/// from a terminal or a script, on the same database as the desktop app.
#[derive(Debug, Parser)]
#[command(name = "byline-cli", version, about, max_term_width = 100)]
pub struct Cli {
    /// The database file [default: the desktop app's, e.g.
    /// ~/.local/share/az.byline.reader/byline.sqlite3 on Linux].
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Print machine-readable JSON on stdout instead of text.
    #[arg(long, global = true)]
    pub json: bool,

    /// When `sync` fetches the full article page behind new items, for feeds
    /// without their own choice.
    #[arg(long, global = true, value_enum, default_value_t = ExtractArg::WhenNoContent)]
    pub extract: ExtractArg,

    #[command(subcommand)]
    pub command: Command,
}

/// `--extract`: when to fetch full article pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractArg {
    /// For every new item.
    Always,
    /// Only when the feed carries no full content.
    WhenNoContent,
    /// Never.
    Never,
}

impl From<ExtractArg> for byline_engine::ExtractionPolicy {
    fn from(arg: ExtractArg) -> Self {
        match arg {
            ExtractArg::Always => Self::Always,
            ExtractArg::WhenNoContent => Self::WhenNoContent,
            ExtractArg::Never => Self::Never,
        }
    }
}

/// How long articles are kept: `None` keeps them forever.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention(pub Option<u32>);

impl Retention {
    /// The engine's default, [`byline_engine::DEFAULT_RETENTION_DAYS`].
    const DEFAULT: Self = Self(Some(byline_engine::DEFAULT_RETENTION_DAYS));
}

impl std::fmt::Display for Retention {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(days) => write!(f, "{days}"),
            None => f.write_str("off"),
        }
    }
}

fn parse_retention(input: &str) -> Result<Retention, String> {
    match input.trim().to_ascii_lowercase().as_str() {
        "off" | "never" | "0" => Ok(Retention(None)),
        days => days
            .parse::<u32>()
            .map(|d| Retention(Some(d)))
            .map_err(|_| format!("expected a number of days or `off`, got {input:?}")),
    }
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Subscribe to a feed URL, or to the feed a site URL advertises.
    Add {
        /// A feed URL or a site URL (`https://` is assumed when missing).
        url: String,
        /// Put the feed in this top-level folder (created when missing).
        #[arg(long, value_name = "NAME")]
        folder: Option<String>,
    },
    /// Subscribe to every feed of an OPML file, then sync.
    Import {
        /// The OPML file.
        file: PathBuf,
    },
    /// Print every subscription as OPML 2.0.
    Export,
    /// List the subscribed feeds with unread counts and errors.
    Feeds,
    /// Fetch every feed and store new articles, then sync every server
    /// account (send the read/saved changes made here, then fetch), then
    /// fetch full article pages (see --extract), then delete unsaved
    /// articles older than the retention period (as `prune` does).
    ///
    /// With `--json`: the report (`feeds`, `ok`, `failed`, `new_articles`,
    /// `errors`…, where each account counts as one source), `extraction`,
    /// `pruned` (`deleted`, `pages_freed`), and `accounts`, one object per
    /// account: `account_id`, `display_name`, `sent_changes`,
    /// `feeds_added`, `feeds_removed`, `new_articles`, `updated_articles`,
    /// and `error` (null, or why that account's sync stopped; its changes
    /// stay queued).
    Sync {
        /// Also fetch feeds that are backing off after errors or asked to be left alone.
        #[arg(long)]
        force: bool,
        /// Days to keep unsaved articles after the sync; `0` or `off` keeps
        /// everything, as in the app's settings.
        #[arg(long, value_name = "DAYS|off", value_parser = parse_retention, default_value_t = Retention::DEFAULT)]
        retention_days: Retention,
    },
    /// List articles, newest first.
    List(ListArgs),
    /// Search articles (case- and diacritic-insensitive: `seher` finds `Şəhər`).
    Search {
        /// Words to find; every word must match (prefixes match too).
        query: String,
        /// How many articles at most.
        #[arg(long, default_value_t = 50, value_name = "N")]
        limit: u32,
    },
    /// Show an article.
    Show {
        /// The article id.
        id: i64,
    },
    /// Save an article (kept forever, readable offline).
    Save {
        /// The article id.
        id: i64,
    },
    /// Unsave an article.
    Unsave {
        /// The article id.
        id: i64,
    },
    /// Mark an article read.
    Read {
        /// The article id.
        id: i64,
    },
    /// Mark an article unread.
    Unread {
        /// The article id.
        id: i64,
    },
    /// Manage mute and mark-read rules.
    #[command(subcommand)]
    Rule(RuleCommand),
    /// Manage feed-server accounts (Google Reader API, Fever API); `sync` syncs them.
    #[command(subcommand)]
    Account(AccountCommand),
    /// Set when one feed's full article pages are fetched (overrides --extract).
    FeedExtract {
        /// The feed's id.
        id: i64,
        /// always, when-no-content, never, or default (follow --extract / the app setting).
        #[arg(value_parser = ["always", "when-no-content", "never", "default"])]
        policy: String,
    },
    /// Delete unsaved articles stored longer ago than the retention period and reclaim space.
    Prune {
        /// The retention period in days; `0` or `off` keeps everything, as in
        /// the app's settings.
        #[arg(long, value_name = "DAYS|off", value_parser = parse_retention, default_value_t = Retention::DEFAULT)]
        days: Retention,
    },
    /// Parse a feed file offline and print it normalized and sanitized (no database).
    Parse {
        /// The feed file (RSS, Atom, RDF or JSON Feed).
        file: PathBuf,
        /// The URL the file came from, to resolve relative links.
        #[arg(long)]
        url: Option<String>,
        /// The HTTP Content-Type it came with (its charset is honoured).
        #[arg(long, value_name = "CT")]
        content_type: Option<String>,
    },
    /// Extract the reading view (title, bylines, date, lead image, clean
    /// body) from a saved article page, offline (no database).
    Extract {
        /// The HTML page.
        file: PathBuf,
        /// The URL the page came from, to resolve links and images.
        #[arg(long, default_value = "https://localhost/")]
        url: String,
        /// The HTTP Content-Type it came with (its charset is honoured).
        #[arg(long, value_name = "CT")]
        content_type: Option<String>,
        /// The author the feed named, used when the page names nobody.
        #[arg(long)]
        feed_author: Option<String>,
    },
    /// Print the link that shares an article to a messenger (no database).
    Share {
        /// Where to share: whatsapp, messenger, telegram, vk, ok or email.
        #[arg(long, value_parser = parse_share_target)]
        target: byline_share::ShareTarget,
        /// The article's URL (http or https).
        #[arg(long)]
        url: String,
        /// The article's title.
        #[arg(long, default_value = "")]
        title: String,
        /// The article's lead image (VKontakte and Odnoklassniki show it).
        #[arg(long)]
        image: Option<String>,
        /// The Facebook app id for Messenger's send dialog.
        #[arg(long, value_name = "ID")]
        messenger_app_id: Option<String>,
    },
}

fn parse_share_target(value: &str) -> Result<byline_share::ShareTarget, String> {
    value.parse().map_err(|e: byline_share::ShareError| e.to_string())
}

/// Filters of `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only unread articles.
    #[arg(long, conflicts_with = "saved")]
    pub unread: bool,
    /// Only saved articles.
    #[arg(long)]
    pub saved: bool,
    /// Only this feed.
    #[arg(long, value_name = "ID")]
    pub feed: Option<i64>,
    /// Only feeds in this folder (and its subfolders).
    #[arg(long, value_name = "ID")]
    pub folder: Option<i64>,
    /// How many articles at most (up to 500).
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: u32,
    /// Start after this point: the cursor a previous page printed, or the id
    /// of the last article it showed.
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<String>,
}

/// `rule …`
#[derive(Debug, Subcommand)]
pub enum RuleCommand {
    /// Add a rule; it applies to articles stored from now on.
    Add {
        /// Where to look.
        #[arg(long, value_enum)]
        field: FieldArg,
        /// What to do with a matching article.
        #[arg(long, value_enum)]
        action: ActionArg,
        /// PATTERN is a regular expression (case-insensitive) instead of a keyword.
        #[arg(long)]
        regex: bool,
        /// Only articles of this feed.
        #[arg(long, value_name = "ID")]
        feed: Option<i64>,
        /// A keyword (case- and diacritic-insensitive) or, with --regex, a regex.
        pattern: String,
    },
    /// List the rules.
    List,
    /// Delete a rule.
    Remove {
        /// The rule id.
        id: i64,
    },
}

/// `--field`
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FieldArg {
    /// The title.
    Title,
    /// The author names.
    Author,
    /// The summary and content text.
    Text,
    /// Any of them.
    Any,
}

/// `--action`
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ActionArg {
    /// Hide matching articles from lists and counts.
    Mute,
    /// Store matching articles as already read.
    MarkRead,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn retention_takes_days_or_off() {
        assert_eq!(parse_retention("30"), Ok(Retention(Some(30))));
        assert_eq!(parse_retention("off"), Ok(Retention(None)));
        assert_eq!(parse_retention("0"), Ok(Retention(None)));
        assert!(parse_retention("soon").is_err());
        for retention in [Retention(Some(30)), Retention(None), Retention::DEFAULT] {
            assert_eq!(parse_retention(&retention.to_string()), Ok(retention), "{retention}");
        }
    }

    #[test]
    fn sync_and_prune_keep_the_engine_default() {
        let sync = Cli::try_parse_from(["byline-cli", "sync"]).unwrap();
        assert!(matches!(sync.command, Command::Sync { retention_days, .. } if retention_days == Retention::DEFAULT));
        let prune = Cli::try_parse_from(["byline-cli", "prune"]).unwrap();
        assert!(matches!(prune.command, Command::Prune { days } if days == Retention::DEFAULT));
        let off = Cli::try_parse_from(["byline-cli", "sync", "--retention-days", "0"]).unwrap();
        assert!(matches!(off.command, Command::Sync { retention_days: Retention(None), .. }));
    }

    #[test]
    fn account_add_takes_every_kind_by_its_store_name() {
        use byline_engine::store::AccountKind;
        for kind in AccountKind::ALL {
            let args = ["byline-cli", "account", "add", "--kind", kind.as_str(), "--url", "https://h/", "--user", "a"];
            let cli = Cli::try_parse_from(args).unwrap();
            let Command::Account(AccountCommand::Add { kind: parsed, .. }) = cli.command else { panic!("{cli:?}") };
            assert_eq!(AccountKind::from(parsed), kind);
        }
        let args = ["byline-cli", "account", "add", "--kind", "tt-rss", "--url", "https://h/", "--user", "a"];
        assert!(Cli::try_parse_from(args).is_err());
    }
}

/// `account …`: feed-server accounts.
#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Add an account: logs in, keeps the password in the OS keyring, and
    /// adds the account; its feeds arrive with the next `sync`. The password
    /// is read from stdin (one line). Where no keyring runs, set
    /// BYLINE_ACCOUNT_PASSWORD to the password for every session instead.
    Add {
        /// The protocol the server speaks.
        #[arg(long, value_enum)]
        kind: AccountKindArg,
        /// The API address (FreshRSS: https://HOST/api/greader.php or
        /// https://HOST/api/fever.php; Tiny Tiny RSS: https://HOST/tt-rss/api/).
        #[arg(long, value_name = "URL")]
        url: String,
        /// The user name on the server.
        #[arg(long, value_name = "USER")]
        user: String,
    },
    /// List the accounts with their last sync.
    List,
    /// Remove an account: its feeds and unsaved articles go; saved articles stay.
    Remove {
        /// The account's id.
        id: i64,
    },
}

/// `--kind` of `account add`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AccountKindArg {
    /// The Google Reader API (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux).
    Greader,
    /// The Fever API.
    Fever,
    /// Tiny Tiny RSS's own API (turn on "Enable API" in its preferences).
    #[value(name = "ttrss")]
    TtRss,
}

impl From<AccountKindArg> for byline_engine::store::AccountKind {
    fn from(arg: AccountKindArg) -> Self {
        match arg {
            AccountKindArg::Greader => Self::Greader,
            AccountKindArg::Fever => Self::Fever,
            AccountKindArg::TtRss => Self::TtRss,
        }
    }
}
