//! The person a `twitter:creator` handle spells, as the page prints the
//! name: "@JaneDoe" (or "@jdoe", the initial and the surname) among the
//! meta tags and "Jane Doe" on the page. A
//! handle alone is no name (its spaces and case are gone, and many are
//! nicknames), and a handle that spells the site ("@NewYorker" on
//! newyorker.com, the same as `twitter:site`) is the site's account.

use dom_query::Document;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

use super::Context;
use crate::dom::tag;
use crate::metadata::Meta;
use crate::model::Author;
use crate::text::folded_key;

/// Fewest letters a handle has to be looked for: a shorter one ("@ap",
/// "@jdoe") spells too many things.
const MIN_HANDLE: usize = 6;
/// The most words a printed name has.
const MAX_WORDS: usize = 4;
/// Elements whose text is never shown.
const UNSHOWN: &[&str] = &["script", "style", "noscript", "template", "textarea", "title"];

/// The person the page's `twitter:creator` handle spells, printed on the
/// page as two to four capitalized words; nobody when the handle is the
/// site's (`twitter:site`, the host, the site's name) or the words are a
/// site's or no person's name.
pub(super) fn handle_person(meta: &Meta, page: &Document, ctx: &Context) -> Vec<Author> {
    let Some(handle) = meta.first(&["twitter:creator"]).map(key) else { return Vec::new() };
    let site_handle = meta.first(&["twitter:site"]).map(key);
    if handle.chars().count() < MIN_HANDLE
        || site_handle.as_deref() == Some(handle.as_str())
        || ctx.spells_site(&handle)
    {
        return Vec::new();
    }
    let words = shown_words(page);
    let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
    let person = |start: usize, end: usize| {
        let name = words[start..=end].join(" ");
        let capitalized = words[start..=end].iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if capitalized && !ctx.shares_site_word(&name) {
            ctx.keep_people(vec![Author::new(name, None)])
        } else {
            Vec::new()
        }
    };
    for start in 0..words.len() {
        let mut spelled = String::new();
        for (end, word_key) in keys.iter().enumerate().take(start + MAX_WORDS).skip(start) {
            spelled.push_str(word_key);
            if !handle.starts_with(&spelled) || word_key.is_empty() {
                break;
            }
            if spelled.len() == handle.len() && end > start {
                let people = person(start, end);
                if !people.is_empty() {
                    return people;
                }
                break;
            }
        }
    }
    // "@dcurtis" and "Dustin Curtis": the first name's initial and the
    // surname, a full first name printed.
    for start in 0..words.len().saturating_sub(1) {
        let (first, surname) = (&keys[start], &keys[start + 1]);
        if first.chars().count() >= 2
            && handle.strip_prefix(first.chars().next().unwrap_or_default()) == Some(surname.as_str())
        {
            let people = person(start, start + 1);
            if !people.is_empty() {
                return people;
            }
        }
    }
    Vec::new()
}

/// A handle or a word as compared: folded letters and digits, without
/// accents ("@José_R" → "joser"), as handles are written.
fn key(text: &str) -> String {
    let bare: String = text.nfd().filter(|c| !is_combining_mark(*c)).collect();
    folded_key(&bare)
}

/// The words of the page's shown text, in order, without the punctuation
/// around them ("(Jane", "Doe)," → "Jane", "Doe").
fn shown_words(page: &Document) -> Vec<String> {
    let Some(body) = page.body() else { return Vec::new() };
    let mut words = Vec::new();
    for node in body.descendants_it().filter(|n| n.is_text()) {
        if node.parent().is_some_and(|p| UNSHOWN.contains(&tag(&p).as_str())) {
            continue;
        }
        let text = node.text();
        for word in text.split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if !word.is_empty() {
                words.push(word.to_string());
            }
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::super::names::test_context;
    use super::*;

    fn person(head: &str, body: &str) -> Vec<Author> {
        let page = Document::from(format!("<html><head>{head}</head><body>{body}</body></html>").as_str());
        handle_person(&Meta::read(&page), &page, &test_context())
    }

    #[test]
    fn a_handle_spelled_out_on_the_page_names_its_person() {
        let head =
            r#"<meta name="twitter:creator" content="@JaneRoeWrites"><meta name="twitter:site" content="@example">"#;
        assert_eq!(
            person(head, "<p>Story by <b>Jane</b> Roe Writes, (more)</p>"),
            [Author::new("Jane Roe Writes", None)]
        );
        let head = r#"<meta name="twitter:creator" content="@JoseRamirez">"#;
        assert_eq!(person(head, "<span>José Ramírez</span>"), [Author::new("José Ramírez", None)]);
        let head = r#"<meta name="twitter:creator" content="@dcurtis">"#;
        assert_eq!(person(head, "<h2><a href=\"/\">Dustin Curtis</a></h2>"), [Author::new("Dustin Curtis", None)]);
    }

    #[test]
    fn a_handle_alone_lower_case_words_or_the_sites_own_handle_name_nobody() {
        let creator = r#"<meta name="twitter:creator" content="@JaneRoe">"#;
        assert!(person(creator, "<p>Nothing here names her.</p>").is_empty());
        assert!(person(creator, "<p>a jane roe moment</p>").is_empty());
        assert!(person(creator, "<script>var x = 'Jane Roe';</script>").is_empty());
        let same =
            r#"<meta name="twitter:creator" content="@DailyNews"><meta name="twitter:site" content="@DailyNews">"#;
        assert!(person(same, "<p>Daily News</p>").is_empty());
        let short = r#"<meta name="twitter:creator" content="@JoDo">"#;
        assert!(person(short, "<p>Jo Do</p>").is_empty());
        // The initial's form needs the name capitalized, and the site's
        // words are no person's.
        let initial = r#"<meta name="twitter:creator" content="@dcurtis">"#;
        assert!(person(initial, "<p>a dustin curtis moment</p>").is_empty());
    }
}
