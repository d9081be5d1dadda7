//! `account add`, `account list`, `account remove`, and the accounts' part
//! of `sync`.
//!
//! Passwords go to the OS keyring. Where no keyring daemon runs, the
//! documented fallback is the environment variable `BYLINE_ACCOUNT_PASSWORD`:
//! when it is set, the CLI reads every account's password from it for that
//! session and stores none.

use std::fmt::Write as _;
use std::io::{BufRead as _, IsTerminal as _, Write as _};

use anyhow::Context as _;
use byline_engine::store::AccountId;
use byline_engine::{AccountSyncReport, Engine};

use crate::cli::AccountCommand;
use crate::output::{self, date, plural, Align};

pub async fn run(engine: &Engine, command: AccountCommand, json: bool) -> anyhow::Result<String> {
    match command {
        AccountCommand::Add { kind, url, user } => {
            let password = read_password()?;
            let account = engine
                .add_account(kind.into(), &url, &user, &password)
                .await
                .with_context(|| format!("cannot add the account {user} at {url}"))?;
            if json {
                return Ok(output::json(&serde_json::to_value(&account)?));
            }
            Ok(format!(
                "Added account {}: {} ({})\n  its feeds arrive with the next `byline-cli sync`\n",
                account.id, account.display_name, account.kind
            ))
        }
        AccountCommand::List => {
            let accounts = engine.store().accounts().await?;
            if json {
                return Ok(output::json(&serde_json::to_value(&accounts)?));
            }
            if accounts.is_empty() {
                return Ok("No accounts; add one with `byline-cli account add`.\n".into());
            }
            let mut rows = vec![["ID", "KIND", "ACCOUNT", "LAST SYNC", "URL / ERROR"].map(String::from).to_vec()];
            for a in &accounts {
                rows.push(vec![
                    a.id.to_string(),
                    a.kind.to_string(),
                    a.display_name.clone(),
                    a.last_sync_at.map_or_else(|| "never".into(), |t| date(Some(t))),
                    a.last_error.as_ref().map_or_else(|| a.url.clone(), |e| format!("failed: {e}")),
                ]);
            }
            Ok(output::table(&rows, &[Align::Right, Align::Left, Align::Left, Align::Left, Align::Left]))
        }
        AccountCommand::Remove { id } => {
            engine.remove_account(AccountId(id)).await.with_context(|| format!("cannot remove account {id}"))?;
            if json {
                return Ok(output::json(&serde_json::json!({ "removed": id })));
            }
            Ok(format!("Removed account {id}; its saved articles stay.\n"))
        }
    }
}

/// One line of stdin (a prompt on stderr when it is a terminal).
fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password: ");
        let _ = std::io::stderr().flush();
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line).context("cannot read the password from stdin")?;
    let password = line.trim_end_matches(['\n', '\r']);
    if password.is_empty() {
        anyhow::bail!(
            "no password: give it on stdin, one line (e.g. `printf '%s\\n' \"$PASS\" | byline-cli account add …`)"
        );
    }
    Ok(password.to_string())
}

/// One line per account.
pub fn render_reports(reports: &[AccountSyncReport]) -> String {
    let mut out = String::new();
    for r in reports {
        let _ = write!(out, "Account {} {}: ", r.account_id, r.display_name);
        match &r.error {
            Some(error) => {
                let _ = writeln!(out, "failed: {error} (changes made here stay queued for the next sync)");
            }
            None => {
                let _ = writeln!(
                    out,
                    "{}, {} updated; {} sent; {} added, {} removed",
                    plural(r.new_articles as u64, "new article", "new articles"),
                    r.updated_articles,
                    plural(r.sent_changes as u64, "change", "changes"),
                    plural(r.feeds_added as u64, "feed", "feeds"),
                    r.feeds_removed
                );
            }
        }
    }
    out
}
