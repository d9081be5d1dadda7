//! What the page's own stylesheet hides: a class or id that an inline
//! `<style>` rule sets to `display:none` and no rule ever shows (Le
//! Monde's "one device at a time" notice, `.capping{…display:none}`,
//! which its script opens only when a second device reads). A reading
//! view has no script to open it, so its text is never shown.

use std::collections::HashSet;

use dom_query::{Document, NodeRef};

use crate::dom::{elements_named, has_descendant, tag};

/// Pictures and players, and the elements that hold them.
const MEDIA: &[&str] = &["img", "picture", "video", "audio", "figure"];

/// The class names (as `.name`) and ids (as `#name`) that the page's
/// inline stylesheets hide: a rule of that one selector, outside any
/// `@media` or other at-rule, sets `display:none`, and no rule anywhere
/// (a state class, a screen size, a parent's state) sets another `display`
/// for a selector naming it.
pub(super) fn hidden_by_page_css(doc: &Document) -> HashSet<String> {
    let css: String =
        elements_named(doc, &["style"]).iter().map(|s| s.text().to_string()).collect::<Vec<_>>().join("\n");
    if css.is_empty() {
        return HashSet::new();
    }
    let css = without_comments(&css);
    let rules = rules(&css);
    let mut hidden: HashSet<String> = HashSet::new();
    for rule in rules.iter().filter(|r| !r.in_at_rule && display(r.declarations).as_deref() == Some("none")) {
        hidden.extend(rule.selectors.split(',').map(str::trim).filter(|s| is_one_name(s)).map(str::to_string));
    }
    if hidden.is_empty() {
        return hidden;
    }
    for rule in &rules {
        if display(rule.declarations).is_some_and(|d| d != "none") {
            hidden.retain(|name| !names(rule.selectors, name));
        }
    }
    hidden
}

/// Whether `node` has a class or id of `hidden` ([`hidden_by_page_css`]).
/// Never a picture or what holds one: lazy-loading scripts hide pictures
/// (`.lazyload{display:none}`) until they fill in the file, which the
/// reading view does from `data-src`.
pub(super) fn is_hidden_by(node: &NodeRef, hidden: &HashSet<String>) -> bool {
    if hidden.is_empty() {
        return false;
    }
    let classes = node.attr("class").unwrap_or_default();
    let class_hidden = classes.split_whitespace().any(|c| hidden.contains(&format!(".{c}")));
    let named = class_hidden || node.attr("id").is_some_and(|id| hidden.contains(&format!("#{}", id.trim())));
    // The subtree is walked only for an element the sheet names: asked of every element, it would be quadratic.
    named && !MEDIA.contains(&tag(node).as_str()) && !has_descendant(node, MEDIA)
}

/// One style rule: its selector list and declarations, and whether it is
/// inside an at-rule (`@media`, `@supports`), so it holds only sometimes.
struct Rule<'a> {
    selectors: &'a str,
    declarations: &'a str,
    in_at_rule: bool,
}

/// The style rules of `css` (comments already out), read by their braces:
/// enough for the simple rules looked for, and never a panic on a broken sheet.
fn rules(css: &str) -> Vec<Rule<'_>> {
    // Open blocks: an at-rule's (None) or a style rule's selectors and where its declarations start.
    let mut open: Vec<Option<(&str, usize)>> = Vec::new();
    let mut rules = Vec::new();
    let mut start = 0;
    for (i, c) in css.char_indices() {
        match c {
            '{' => {
                let prelude = css[start..i].rsplit(';').next().unwrap_or_default().trim();
                open.push((!prelude.starts_with('@')).then_some((prelude, i + 1)));
                start = i + 1;
            }
            '}' => {
                if let Some(Some((selectors, from))) = open.pop() {
                    let in_at_rule = open.iter().any(Option::is_none);
                    rules.push(Rule { selectors, declarations: &css[from..i], in_at_rule });
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    rules
}

/// `css` without its `/* … */` comments.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        out.push_str(&rest[..at]);
        rest = rest[at + 2..].find("*/").map_or("", |end| &rest[at + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// The value of the last `display` declaration, lower-case, without `!important`.
fn display(declarations: &str) -> Option<String> {
    declarations
        .split(';')
        .filter_map(|d| d.split_once(':'))
        .rfind(|(p, _)| p.trim().eq_ignore_ascii_case("display"))
        .map(|(_, v)| v.to_ascii_lowercase().replace("!important", "").trim().to_string())
}

/// Whether `selector` is one class or one id and nothing else (`.capping`, `#popup`).
fn is_one_name(selector: &str) -> bool {
    let Some(name) = selector.strip_prefix(['.', '#']) else { return false };
    !name.is_empty() && name.chars().all(is_name_char)
}

/// Whether a selector of `selectors` names `name` (`.capping` in
/// `.capping.is-open`, `body.paywall .capping > div`), but not a longer
/// name that starts like it (`.capping__picture`).
fn names(selectors: &str, name: &str) -> bool {
    selectors.match_indices(name).any(|(at, _)| !selectors[at + name.len()..].starts_with(is_name_char))
}

/// A character of a CSS class or id name.
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden(css: &str) -> Vec<String> {
        let doc = Document::from(format!("<html><head><style>{css}</style></head><body></body></html>").as_str());
        let mut names: Vec<String> = hidden_by_page_css(&doc).into_iter().collect();
        names.sort();
        names
    }

    #[test]
    fn a_class_or_id_the_sheet_hides_and_never_shows_is_hidden() {
        let css = "@charset \"utf-8\";.capping{position:fixed;display:none}.capping__picture{display:block}\
                   /* .notice{display:none} */#popup, .x .y {display : none !important}";
        assert_eq!(hidden(css), ["#popup", ".capping"]);
    }

    #[test]
    fn a_class_some_rule_shows_is_not_hidden() {
        // A state class, a screen size or a parent's state shows it: the page shows it then too.
        for css in [
            ".tab{display:none}.tab.active{display:block}",
            ".menu{display:none}@media (min-width:800px){.menu{display:flex}}",
            ".box{display:none}body.ready .box{display:block}",
        ] {
            assert!(hidden(css).is_empty(), "{css}");
        }
        // Hidden only on some screens: not hidden.
        assert!(hidden("@media print{.ad{display:none}}").is_empty());
        assert!(hidden(".a{display:flex}").is_empty());
    }

    #[test]
    fn a_broken_sheet_gives_what_it_can_and_no_panic() {
        assert_eq!(hidden(".a{display:none}}}{{.b{display:none"), [".a"]);
        assert!(hidden("/* unclosed").is_empty());
        assert!(hidden("{}{;:}").is_empty());
    }

    #[test]
    fn elements_are_matched_by_whole_class_and_id() {
        let set: HashSet<String> = [".capping".to_string(), "#popup".to_string()].into();
        let doc = Document::from(
            r#"<body><section class="capping wide"></section><div class="capping__item"></div><div id="popup"></div>
            <img class="capping" src=a.jpg><div class="capping"><img src=b.jpg></div></body>"#,
        );
        let found: Vec<bool> = ["section", "div.capping__item", "#popup", "img", "div.capping"]
            .iter()
            .map(|s| is_hidden_by(&doc.select(s).nodes()[0], &set))
            .collect();
        assert_eq!(found, [true, false, true, false, false]);
    }
}
