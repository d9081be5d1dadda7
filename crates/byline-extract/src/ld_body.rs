//! The page's JSON-LD `articleBody` as a second body candidate. Readability
//! sometimes keeps only part of an article (a body split by ads into
//! several blocks, a lazy-loaded rest) or a wrong block; many sites also
//! give the whole text in their structured data. The structured text is
//! chosen only by measured signals:
//!
//! * length: it is at least [`MIN_LD_CHARS`] letters and clearly longer
//!   than Readability's body (× [`LONGER_BY`]), or Readability found none;
//! * overlap: Readability's body misses at least a fifth of its word
//!   5-grams (so it is not the same text with more decoration);
//! * same article: most of Readability's body is in it, or Readability's
//!   body is short (then it was the wrong block anyway);
//! * paragraphs: it keeps its own line breaks; one long run of text is
//!   cut into paragraphs of a few sentences.

use std::collections::HashSet;

use byline_feeds::sanitize::plain_text;

use crate::text::letters_and_digits;

/// The shortest `articleBody` (characters other than spaces) considered.
const MIN_LD_CHARS: usize = 400;
/// How much longer than Readability's body it must be.
const LONGER_BY: f64 = 1.3;
/// Readability's body must miss more than this share of its 5-grams.
const MAX_COVERED: f64 = 0.8;
/// ...and, unless short, have at least this share of its own in it.
const MIN_SAME: f64 = 0.5;
/// A Readability body shorter than this is not an article.
const SHORT_BODY: usize = 300;
/// Words in the shingles that tell whether two texts overlap.
const SHINGLE_WORDS: usize = 5;

/// The `articleBody` as paragraphs of plain text, when it should replace
/// Readability's body (`readability_text`, `None` when none was found).
pub(crate) fn better_body(article_body: Option<&str>, readability_text: Option<&str>) -> Option<Vec<String>> {
    let paragraphs = paragraphs(article_body?);
    let ld_text = paragraphs.join("\n");
    let ld_len = letters(&ld_text);
    if ld_len < MIN_LD_CHARS {
        return None;
    }
    let Some(rd_text) = readability_text.filter(|t| letters(t) > 0) else { return Some(paragraphs) };
    let rd_len = letters(rd_text);
    if (ld_len as f64) < LONGER_BY * rd_len as f64 {
        return None;
    }
    let (ld, rd) = (shingles(&ld_text, SHINGLE_WORDS), shingles(rd_text, SHINGLE_WORDS));
    let covered = share(&ld, &rd);
    let same = rd_len < SHORT_BODY || share(&rd, &ld) >= MIN_SAME;
    (covered <= MAX_COVERED && same).then_some(paragraphs)
}

/// The paragraphs as HTML, text escaped.
pub(crate) fn to_html(paragraphs: &[String]) -> String {
    let mut html = String::from("<html><body><div>");
    for p in paragraphs {
        html.push_str("<p>");
        html.push_str(&p.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;"));
        html.push_str("</p>");
    }
    html.push_str("</div></body></html>");
    html
}

/// The paragraphs of an `articleBody` as plain text: its own line breaks
/// (block ends when it holds HTML), or one long run cut every few sentences.
pub(crate) fn paragraphs(raw: &str) -> Vec<String> {
    // HTML in the field: block ends are paragraph ends.
    let raw = if raw.contains('<') { block_ends_as_breaks(raw) } else { raw.to_string() };
    let mut out: Vec<String> =
        raw.split('\n').map(plain_text).map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    if out.len() == 1 && out[0].chars().count() > 1200 {
        out = split_sentences(&out[0], 3);
    }
    out
}

/// `</p>`, `<br>` and `</div>` become line breaks.
fn block_ends_as_breaks(html: &str) -> String {
    let mut s = html.to_string();
    for tag in ["</p>", "</P>", "<br>", "<br/>", "<br />", "</div>", "</li>", "</h2>", "</h3>"] {
        s = s.replace(tag, &format!("{tag}\n"));
    }
    s
}

/// `text` cut after every `n`th sentence end (". ", "! ", "? " before a capital).
fn split_sentences(text: &str, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut count = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(3) {
        let ((_, a), (_, b), (i, c)) = (w[0], w[1], w[2]);
        if matches!(a, '.' | '!' | '?') && b == ' ' && c.is_uppercase() {
            count += 1;
            if count % n == 0 {
                out.push(text[start..i].trim().to_string());
                start = i;
            }
        }
    }
    out.push(text[start..].trim().to_string());
    out.retain(|p| !p.is_empty());
    out
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Hashes of every run of `size` words of `text` (letters and digits, lower case).
pub(crate) fn shingles(text: &str, size: usize) -> HashSet<u64> {
    let words: Vec<String> = text.split_whitespace().map(letters_and_digits).filter(|w| !w.is_empty()).collect();
    words
        .windows(size)
        .map(|w| {
            // FNV-1a of the words.
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in w.join(" ").bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            h
        })
        .collect()
}

/// The share of `a`'s shingles that are in `b` (1 for an empty `a`).
pub(crate) fn share(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    if a.is_empty() {
        return 1.0;
    }
    a.intersection(b).count() as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(n: usize, tag: &str) -> String {
        // Every word unique to its sentence and tag, as different texts are.
        (0..n)
            .map(|i| format!("Words {tag}{i}a {tag}{i}b {tag}{i}c {tag}{i}d {tag}{i}e {tag}{i}f {tag}{i}g. "))
            .collect()
    }

    #[test]
    fn chosen_only_when_much_longer_and_missed() {
        let full = format!("{}\n{}\n{}", sentences(6, "first"), sentences(6, "second"), sentences(6, "third"));
        // Readability kept only the first part: the full text wins.
        let part = sentences(6, "first");
        assert_eq!(better_body(Some(&full), Some(&part)).map(|p| p.len()), Some(3));
        // Readability has it all: keep Readability's (it has the figures and links).
        assert!(better_body(Some(&full), Some(&full)).is_none());
        // A teaser-length articleBody is never chosen.
        assert!(better_body(Some(&sentences(2, "first")), Some("")).is_none());
        // A long articleBody of another text than a long Readability body: not the same article.
        let other = sentences(12, "other");
        assert!(better_body(Some(&full), Some(&other[..other.len() / 2])).is_none());
        // Readability found nothing: the structured text is the body.
        assert!(better_body(Some(&full), None).is_some());
    }

    #[test]
    fn one_long_run_is_cut_into_paragraphs_and_html_is_escaped() {
        let run = sentences(30, "only");
        assert_eq!(paragraphs(&run).len(), 10);
        assert_eq!(paragraphs("<p>One &amp; two.</p><p>Three.</p>"), ["One & two.", "Three."]);
        assert_eq!(to_html(&["a < b".into()]), "<html><body><div><p>a &lt; b</p></div></body></html>");
    }
}
