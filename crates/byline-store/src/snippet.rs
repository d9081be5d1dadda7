//! Search snippets: a short piece of an article's text around the first
//! place it matches a search, with the matching words marked. Words match
//! the way full-text search matches them (folded, by prefix; see
//! [`crate::fold::SearchTerm`]), so `seher`
//! marks `Şəhərdə` and the UI needs no folding of its own.

use serde::{Deserialize, Serialize};

use crate::fold::search_terms;

/// Characters of text a snippet shows at most.
pub const SNIPPET_CHARS: usize = 180;
/// Characters kept before the first match, for context.
const LEAD_CHARS: usize = 50;

/// One run of a snippet's text: matching a search term or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SnippetPart {
    /// The text, as written in the article.
    pub text: String,
    /// Whether it is a word the search matched.
    pub hit: bool,
}

/// A word of `text`: its character range.
fn words(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, chars.len()));
    }
    out
}

/// `text` with its whitespace collapsed (`split_whitespace` joined by one
/// space), made only as far as it is read: a snippet reads up to its first
/// match and a window after it, not a whole article.
struct Collapsed<'a> {
    rest: std::str::Chars<'a>,
    chars: Vec<char>,
    /// Whitespace was skipped since the last character kept.
    space: bool,
}

impl<'a> Collapsed<'a> {
    fn new(text: &'a str) -> Self {
        Self { rest: text.chars(), chars: Vec::new(), space: false }
    }

    /// Makes at least `n` characters, or all there are.
    fn fill(&mut self, n: usize) {
        while self.chars.len() < n {
            match self.rest.next() {
                None => return,
                Some(c) if c.is_whitespace() => self.space = true,
                Some(c) => {
                    if self.space && !self.chars.is_empty() {
                        self.chars.push(' ');
                    }
                    self.space = false;
                    self.chars.push(c);
                }
            }
        }
    }

    /// Whether character `i` exists and is part of a word.
    fn is_word_char(&mut self, i: usize) -> bool {
        self.fill(i + 1);
        self.chars.get(i).is_some_and(|c| c.is_alphanumeric())
    }

    /// The first word starting at `from` or later: its character range.
    fn word_from(&mut self, from: usize) -> Option<(usize, usize)> {
        let mut i = from;
        while !self.is_word_char(i) {
            if i >= self.chars.len() {
                return None;
            }
            i += 1;
        }
        let start = i;
        while self.is_word_char(i) {
            i += 1;
        }
        Some((start, i))
    }
}

/// A snippet of `text` around the first word matching `query`, at most
/// [`SNIPPET_CHARS`] long, cut at word boundaries, with "…" where it was
/// cut. When no word matches (the title did), the text's beginning.
/// Empty when `text` is.
pub fn snippet(text: &str, query: &str) -> Vec<SnippetPart> {
    let mut text = Collapsed::new(text);
    text.fill(1);
    if text.chars.is_empty() {
        return Vec::new();
    }
    let terms = search_terms(query);
    let is_hit = |chars: &[char], &(s, e): &(usize, usize)| terms.iter().any(|t| t.matches(&chars[s..e]));
    // The words up to the first match (all of them when none matches).
    let mut seen = Vec::new();
    let mut at = 0;
    let mut first = None;
    while let Some(word) = text.word_from(at) {
        seen.push(word.0);
        at = word.1;
        if is_hit(&text.chars, &word) {
            first = Some(word.0);
            break;
        }
    }
    let first = first.unwrap_or(0);
    // Start at a word boundary some way before the first match.
    let start =
        if first <= LEAD_CHARS { 0 } else { seen.iter().copied().find(|&s| s >= first - LEAD_CHARS).unwrap_or(first) };
    // One character past the window tells whether the text goes on, and
    // whether a word ends at its edge.
    text.fill(start + SNIPPET_CHARS + 1);
    let chars = &text.chars;
    // `start` begins a word (or the text), so the words from it are the
    // text's own.
    let words: Vec<(usize, usize)> = words(&chars[start..]).into_iter().map(|(s, e)| (s + start, e + start)).collect();
    let mut end = (start + SNIPPET_CHARS).min(chars.len());
    if end < chars.len() {
        end = words.iter().filter(|w| w.1 <= end && w.0 > start).map(|w| w.1).next_back().unwrap_or(end);
    }
    let mut parts: Vec<SnippetPart> = Vec::new();
    let mut push = |text: String, hit: bool| match parts.last_mut() {
        Some(last) if last.hit == hit => last.text.push_str(&text),
        _ => parts.push(SnippetPart { text, hit }),
    };
    if start > 0 {
        push("…".into(), false);
    }
    let mut at = start;
    for w in words.iter().filter(|w| w.1 <= end) {
        if is_hit(chars, w) {
            push(chars[at..w.0].iter().collect(), false);
            push(chars[w.0..w.1].iter().collect(), true);
            at = w.1;
        }
    }
    push(chars[at..end].iter().collect(), false);
    if end < chars.len() {
        push("…".into(), false);
    }
    parts.retain(|p| !p.text.is_empty());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The snippet as it was made before [`Collapsed`]: the whole text
    /// collapsed and split first. [`snippet`] must give the same.
    fn reference(text: &str, query: &str) -> Vec<SnippetPart> {
        let chars: Vec<char> = text.split_whitespace().collect::<Vec<_>>().join(" ").chars().collect();
        if chars.is_empty() {
            return Vec::new();
        }
        let terms = search_terms(query);
        let words = words(&chars);
        let is_hit = |&(s, e): &(usize, usize)| terms.iter().any(|t| t.matches(&chars[s..e]));
        let first = words.iter().find(|w| is_hit(w)).map_or(0, |w| w.0);
        // Start at a word boundary some way before the first match.
        let start = if first <= LEAD_CHARS {
            0
        } else {
            words.iter().map(|w| w.0).find(|&s| s >= first - LEAD_CHARS).unwrap_or(first)
        };
        let mut end = (start + SNIPPET_CHARS).min(chars.len());
        if end < chars.len() {
            end = words.iter().filter(|w| w.1 <= end && w.0 > start).map(|w| w.1).next_back().unwrap_or(end);
        }
        let mut parts: Vec<SnippetPart> = Vec::new();
        let mut push = |text: String, hit: bool| match parts.last_mut() {
            Some(last) if last.hit == hit => last.text.push_str(&text),
            _ => parts.push(SnippetPart { text, hit }),
        };
        if start > 0 {
            push("…".into(), false);
        }
        let mut at = start;
        for w in words.iter().filter(|w| w.0 >= start && w.1 <= end) {
            if is_hit(w) {
                push(chars[at..w.0].iter().collect(), false);
                push(chars[w.0..w.1].iter().collect(), true);
                at = w.1;
            }
        }
        push(chars[at..end].iter().collect(), false);
        if end < chars.len() {
            push("…".into(), false);
        }
        parts.retain(|p| !p.text.is_empty());
        parts
    }

    #[test]
    fn made_as_far_as_read_it_is_the_whole_text_snippet() {
        let words = ["Şəhərdə", "və", "söz", "Москва", "и", "the", "oil,", "O'Brien", "ə", "123", "—", "\u{a0}", "x"];
        let mut texts = vec![String::new(), "   ".into(), "  şəhər  ".into(), "və".into()];
        for seed in 0..300u64 {
            let n = (seed * 7 % 120) as usize;
            let mut text = String::new();
            for i in 0..n {
                let w = words[((seed * 31 + i as u64 * 17) ^ (i as u64 >> 2)) as usize % words.len()];
                text.push_str(w);
                text.push_str(["  ", " ", "\n", "\t "][(i + seed as usize) % 4]);
            }
            texts.push(text);
        }
        for text in &texts {
            for query in ["seher", "ve", "и", "москва", "brien", "x", "zzz", "ə 123", "the oil"] {
                assert_eq!(snippet(text, query), reference(text, query), "{query:?} in {text:?}");
            }
        }
    }

    fn render(parts: &[SnippetPart]) -> String {
        parts.iter().map(|p| if p.hit { format!("[{}]", p.text) } else { p.text.clone() }).collect()
    }

    #[test]
    fn marks_folded_prefix_matches_in_the_original_spelling() {
        let text = "Bu gün Şəhərdə yeni məktəb açıldı. Şəhər sakinləri sevinir.";
        assert_eq!(render(&snippet(text, "seher")), "Bu gün [Şəhərdə] yeni məktəb açıldı. [Şəhər] sakinləri sevinir.");
        assert_eq!(render(&snippet("Ёлка в центре Москвы", "елка")), "[Ёлка] в центре Москвы");
        assert_eq!(render(&snippet("İlham Əliyev çıxış edib", "ilham")), "[İlham] Əliyev çıxış edib");
    }

    #[test]
    fn a_long_text_is_cut_around_the_first_match_at_word_boundaries() {
        let before = "söz ".repeat(100);
        let after = " başqa".repeat(100);
        let text = format!("{before}Tapılacaq xəbər burada{after}");
        let parts = snippet(&text, "tapilacaq");
        let shown = render(&parts);
        assert!(shown.starts_with("…söz "), "{shown}");
        assert!(shown.ends_with("başqa…"), "{shown}");
        assert!(shown.contains("[Tapılacaq] xəbər burada"), "{shown}");
        assert!(shown.chars().count() <= SNIPPET_CHARS + 4, "{shown}");
    }

    #[test]
    fn no_match_in_the_text_shows_its_beginning_and_empty_text_nothing() {
        assert_eq!(render(&snippet("Only the title matched this.", "zebra")), "Only the title matched this.");
        assert!(snippet("   ", "x").is_empty());
    }
}
