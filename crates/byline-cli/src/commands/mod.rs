//! One module per group of subcommands. Each command renders what it prints
//! on stdout into a `String`.

mod account;
mod articles;
mod extract;
mod feeds;
mod parse;
mod rules;
mod share;
mod sync;

use anyhow::Context as _;
use byline_engine::{Engine, EngineConfig};

use crate::cli::{Cli, Command};

/// Runs the command line's subcommand; returns what goes to stdout.
pub async fn run(cli: Cli) -> anyhow::Result<String> {
    let json = cli.json;
    // `parse` works offline on a file and never touches the database.
    if let Command::Parse { file, url, content_type } = &cli.command {
        return parse::parse(file, url.as_deref(), content_type.as_deref(), json);
    }
    // `extract` reads a page file offline.
    if let Command::Extract { file, url, content_type, feed_author } = &cli.command {
        return extract::extract(file, url, content_type.as_deref(), feed_author.as_deref(), json);
    }
    // `share` only builds a link.
    if let Command::Share { target, url, title, image, messenger_app_id } = &cli.command {
        return share::share(*target, url, title, image.as_deref(), messenger_app_id.as_deref(), json);
    }
    let path = match cli.db {
        Some(path) => path,
        None => byline_engine::default_db_path()
            .context("cannot find the data directory for the default database; pass --db PATH")?,
    };
    let config = EngineConfig { extraction: cli.extract.into(), ..EngineConfig::default() };
    let engine =
        Engine::open(&path, config).await.with_context(|| format!("cannot open the database {}", path.display()))?;
    // A command runs once: it finishes a search-index rebuild an update
    // asked for first (the desktop app does that behind its window).
    engine.store().rebuild_search_index().await.context("cannot rebuild the search index")?;
    let result = dispatch(&engine, cli.command, json).await;
    engine.store().close().await;
    result
}

async fn dispatch(engine: &Engine, command: Command, json: bool) -> anyhow::Result<String> {
    match command {
        Command::Add { url, folder } => feeds::add(engine, &url, folder.as_deref(), json).await,
        Command::Import { file } => feeds::import(engine, &file, json).await,
        Command::Export => feeds::export(engine, json).await,
        Command::Feeds => feeds::list(engine, json).await,
        Command::Sync { force, retention_days } => sync::sync(engine, force, retention_days, json).await,
        Command::List(args) => articles::list(engine, &args, json).await,
        Command::Search { query, limit } => articles::search(engine, &query, limit, json).await,
        Command::Show { id } => articles::show(engine, id, json).await,
        Command::Save { id } => articles::set_status(engine, id, articles::Status::Saved(true), json).await,
        Command::Unsave { id } => articles::set_status(engine, id, articles::Status::Saved(false), json).await,
        Command::Read { id } => articles::set_status(engine, id, articles::Status::Read(true), json).await,
        Command::Unread { id } => articles::set_status(engine, id, articles::Status::Read(false), json).await,
        Command::Rule(rule) => rules::run(engine, rule, json).await,
        Command::Account(command) => account::run(engine, command, json).await,
        Command::FeedExtract { id, policy } => feeds::set_extraction(engine, id, &policy, json).await,
        Command::Prune { days } => sync::prune(engine, days, json).await,
        Command::Parse { file, url, content_type } => {
            parse::parse(&file, url.as_deref(), content_type.as_deref(), json)
        }
        Command::Extract { file, url, content_type, feed_author } => {
            extract::extract(&file, &url, content_type.as_deref(), feed_author.as_deref(), json)
        }
        Command::Share { target, url, title, image, messenger_app_id } => {
            share::share(target, &url, &title, image.as_deref(), messenger_app_id.as_deref(), json)
        }
    }
}
