//! Mute and mark-read rules: stored in the database, compiled once per sync
//! into a [`RuleSet`], applied to each new article as it is stored, so unread
//! counts stay plain indexed queries however many rules there are.

use regex::{Regex, RegexBuilder};

use crate::fold::fold;
use crate::{now, FeedId, NewRule, Result, Rule, RuleAction, RuleField, RuleId, Store, StoreError};

/// The text of an article a rule can look at.
#[derive(Debug, Clone, Copy)]
pub struct RuleSubject<'a> {
    /// The feed it came from.
    pub feed_id: FeedId,
    /// Plain-text title.
    pub title: &'a str,
    /// Author names.
    pub author: &'a str,
    /// Plain text of summary and content.
    pub text: &'a str,
}

#[derive(Debug)]
enum Matcher {
    /// A folded keyword.
    Keyword(String),
    Regex(Regex),
}

#[derive(Debug)]
struct CompiledRule {
    feed_id: Option<FeedId>,
    field: RuleField,
    matcher: Matcher,
    action: RuleAction,
}

/// Rules compiled for matching.
#[derive(Debug, Default)]
pub struct RuleSet {
    rules: Vec<CompiledRule>,
}

impl RuleSet {
    /// Compiles rules; a rule whose regex does not compile is an error.
    pub fn compile(rules: &[Rule]) -> Result<Self> {
        let rules = rules
            .iter()
            .map(|rule| {
                Ok(CompiledRule {
                    feed_id: rule.feed_id,
                    field: rule.field,
                    matcher: compile_matcher(&rule.pattern, rule.is_regex)?,
                    action: rule.action,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Self { rules })
    }

    /// Whether there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The action for an article: mute wins over mark-read; `None` when no
    /// rule matches.
    pub fn evaluate(&self, subject: &RuleSubject<'_>) -> Option<RuleAction> {
        let mut folded: Option<[String; 3]> = None;
        let mut result = None;
        for rule in &self.rules {
            if rule.feed_id.is_some_and(|f| f != subject.feed_id) || result == Some(RuleAction::Mute) {
                continue;
            }
            let raw = [subject.title, subject.author, subject.text];
            let fields: &[usize] = match rule.field {
                RuleField::Title => &[0],
                RuleField::Author => &[1],
                RuleField::Text => &[2],
                RuleField::Any => &[0, 1, 2],
            };
            let hit = match &rule.matcher {
                Matcher::Regex(re) => fields.iter().any(|&i| re.is_match(raw[i])),
                Matcher::Keyword(word) => {
                    let folded = folded.get_or_insert_with(|| raw.map(fold));
                    fields.iter().any(|&i| folded[i].contains(word.as_str()))
                }
            };
            if hit {
                result = Some(rule.action);
            }
        }
        result
    }
}

fn compile_matcher(pattern: &str, is_regex: bool) -> Result<Matcher> {
    if pattern.trim().is_empty() {
        return Err(StoreError::Invalid("a rule needs a pattern".into()));
    }
    if is_regex {
        let re = RegexBuilder::new(pattern)
            .case_insensitive(true)
            .size_limit(1 << 20)
            .build()
            .map_err(|e| StoreError::Invalid(format!("bad regex {pattern:?}: {e}")))?;
        Ok(Matcher::Regex(re))
    } else {
        Ok(Matcher::Keyword(fold(pattern.trim())))
    }
}

fn field_name(field: RuleField) -> &'static str {
    match field {
        RuleField::Title => "title",
        RuleField::Author => "author",
        RuleField::Text => "text",
        RuleField::Any => "any",
    }
}

fn action_name(action: RuleAction) -> &'static str {
    match action {
        RuleAction::Mute => "mute",
        RuleAction::MarkRead => "mark_read",
    }
}

#[derive(sqlx::FromRow)]
struct RuleRow {
    id: RuleId,
    feed_id: Option<FeedId>,
    field: String,
    pattern: String,
    is_regex: bool,
    action: String,
}

impl RuleRow {
    fn into_rule(self) -> Rule {
        let field = match self.field.as_str() {
            "title" => RuleField::Title,
            "author" => RuleField::Author,
            "text" => RuleField::Text,
            _ => RuleField::Any,
        };
        let action = if self.action == "mute" { RuleAction::Mute } else { RuleAction::MarkRead };
        Rule { id: self.id, feed_id: self.feed_id, field, pattern: self.pattern, is_regex: self.is_regex, action }
    }
}

impl Store {
    /// Adds a rule after checking that it compiles. It applies to articles
    /// stored from now on.
    pub async fn add_rule(&self, rule: &NewRule) -> Result<Rule> {
        compile_matcher(&rule.pattern, rule.is_regex)?;
        let id: RuleId = sqlx::query_scalar(
            "INSERT INTO rules (feed_id, field, pattern, is_regex, action, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(rule.feed_id)
        .bind(field_name(rule.field))
        .bind(&rule.pattern)
        .bind(rule.is_regex)
        .bind(action_name(rule.action))
        .bind(now())
        .fetch_one(&self.writer)
        .await?;
        Ok(Rule {
            id,
            feed_id: rule.feed_id,
            field: rule.field,
            pattern: rule.pattern.clone(),
            is_regex: rule.is_regex,
            action: rule.action,
        })
    }

    /// Every rule, oldest first.
    pub async fn rules(&self) -> Result<Vec<Rule>> {
        let rows: Vec<RuleRow> =
            sqlx::query_as("SELECT id, feed_id, field, pattern, is_regex, action FROM rules ORDER BY id")
                .fetch_all(&self.reader)
                .await?;
        Ok(rows.into_iter().map(RuleRow::into_rule).collect())
    }

    /// Deletes a rule.
    pub async fn remove_rule(&self, id: RuleId) -> Result<()> {
        let done = sqlx::query("DELETE FROM rules WHERE id = ?").bind(id).execute(&self.writer).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("rule {id}")));
        }
        Ok(())
    }

    /// The current rules, compiled.
    pub async fn rule_set(&self) -> Result<RuleSet> {
        RuleSet::compile(&self.rules().await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(field: RuleField, pattern: &str, is_regex: bool, action: RuleAction, feed: Option<i64>) -> Rule {
        Rule { id: RuleId(0), feed_id: feed.map(FeedId), field, pattern: pattern.into(), is_regex, action }
    }

    fn subject<'a>(feed: i64, title: &'a str, author: &'a str, text: &'a str) -> RuleSubject<'a> {
        RuleSubject { feed_id: FeedId(feed), title, author, text }
    }

    #[test]
    fn keywords_fold_case_and_diacritics() {
        let set = RuleSet::compile(&[rule(RuleField::Title, "FUTBOL", false, RuleAction::Mute, None)]).unwrap();
        assert_eq!(set.evaluate(&subject(1, "Futbol: Qarabağ qalib gəldi", "", "")), Some(RuleAction::Mute));
        let set = RuleSet::compile(&[rule(RuleField::Any, "qarabag", false, RuleAction::MarkRead, None)]).unwrap();
        assert_eq!(set.evaluate(&subject(1, "x", "", "QARABAĞ")), Some(RuleAction::MarkRead));
        assert_eq!(set.evaluate(&subject(1, "x", "", "y")), None);
    }

    #[test]
    fn regex_and_feed_scope() {
        let set = RuleSet::compile(&[
            rule(RuleField::Author, r"^реклама$", true, RuleAction::Mute, Some(2)),
            rule(RuleField::Title, r"\bpromo\b", true, RuleAction::MarkRead, None),
        ])
        .unwrap();
        assert_eq!(set.evaluate(&subject(1, "t", "Реклама", "")), None);
        assert_eq!(set.evaluate(&subject(2, "t", "Реклама", "")), Some(RuleAction::Mute));
        assert_eq!(set.evaluate(&subject(1, "Big PROMO today", "", "")), Some(RuleAction::MarkRead));
    }

    #[test]
    fn mute_wins_over_mark_read() {
        let set = RuleSet::compile(&[
            rule(RuleField::Title, "a", false, RuleAction::MarkRead, None),
            rule(RuleField::Title, "a", false, RuleAction::Mute, None),
        ])
        .unwrap();
        assert_eq!(set.evaluate(&subject(1, "a", "", "")), Some(RuleAction::Mute));
    }

    #[test]
    fn bad_regex_is_a_clear_error() {
        let err = RuleSet::compile(&[rule(RuleField::Title, "(", true, RuleAction::Mute, None)]).unwrap_err();
        assert!(err.to_string().contains("bad regex"), "{err}");
    }
}
