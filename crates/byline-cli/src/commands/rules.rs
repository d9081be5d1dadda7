//! `rule add`, `rule list`, `rule remove`.

use byline_engine::store::{FeedId, NewRule, Rule, RuleAction, RuleField, RuleId};
use byline_engine::Engine;
use serde_json::json;

use crate::cli::{ActionArg, FieldArg, RuleCommand};
use crate::output::{self, Align};

pub async fn run(engine: &Engine, command: RuleCommand, json: bool) -> anyhow::Result<String> {
    let store = engine.store();
    match command {
        RuleCommand::Add { field, action, regex, feed, pattern } => {
            if let Some(feed) = feed {
                store.feed(FeedId(feed)).await?;
            }
            let rule = store
                .add_rule(&NewRule {
                    feed_id: feed.map(FeedId),
                    field: match field {
                        FieldArg::Title => RuleField::Title,
                        FieldArg::Author => RuleField::Author,
                        FieldArg::Text => RuleField::Text,
                        FieldArg::Any => RuleField::Any,
                    },
                    pattern,
                    is_regex: regex,
                    action: match action {
                        ActionArg::Mute => RuleAction::Mute,
                        ActionArg::MarkRead => RuleAction::MarkRead,
                    },
                })
                .await?;
            if json {
                return Ok(output::json(&serde_json::to_value(&rule)?));
            }
            Ok(format!("Added rule {}: {}\n", rule.id, describe(&rule)))
        }
        RuleCommand::List => {
            let rules = store.rules().await?;
            if json {
                return Ok(output::json(&serde_json::to_value(&rules)?));
            }
            if rules.is_empty() {
                return Ok("No rules.\n".into());
            }
            let mut rows = vec![["ID", "ACTION", "FIELD", "MATCH", "FEED", "PATTERN"].map(String::from).to_vec()];
            for rule in &rules {
                rows.push(vec![
                    rule.id.to_string(),
                    action_name(rule.action).into(),
                    field_name(rule.field).into(),
                    if rule.is_regex { "regex" } else { "keyword" }.into(),
                    rule.feed_id.map_or_else(|| "all".into(), |f| f.to_string()),
                    rule.pattern.clone(),
                ]);
            }
            Ok(output::table(&rows, &[Align::Right]))
        }
        RuleCommand::Remove { id } => {
            store.remove_rule(RuleId(id)).await?;
            if json {
                return Ok(output::json(&json!({ "removed": id })));
            }
            Ok(format!("Removed rule {id}.\n"))
        }
    }
}

fn describe(rule: &Rule) -> String {
    let scope = rule.feed_id.map_or_else(|| "any feed".to_string(), |f| format!("feed {f}"));
    let how = if rule.is_regex { "matches the regex" } else { "contains" };
    format!(
        "{} new articles of {scope} whose {} {how} \"{}\"",
        action_name(rule.action),
        field_name(rule.field),
        rule.pattern
    )
}

fn action_name(action: RuleAction) -> &'static str {
    match action {
        RuleAction::Mute => "mute",
        RuleAction::MarkRead => "mark-read",
    }
}

fn field_name(field: RuleField) -> &'static str {
    match field {
        RuleField::Title => "title",
        RuleField::Author => "author",
        RuleField::Text => "text",
        RuleField::Any => "any field",
    }
}
