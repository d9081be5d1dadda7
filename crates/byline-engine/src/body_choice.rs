//! Which text to read: the feed's own or the article page's.
//!
//! A feed that carries the whole article needs no page fetched, and a page
//! that extracts to less than the feed gave (a cookie wall, a teaser page,
//! a paywall) must never replace the feed's text. Both are decided here by
//! measuring the text: how much of it, and in how many paragraphs.

use byline_feeds::sanitize::html_to_text;

/// Feed text at least this long (characters) is the whole article.
const FULL_TEXT_CHARS: usize = 1200;
/// Feed text in at least this many paragraphs, and at least
/// [`FULL_TEXT_MIN_CHARS`] long, is the whole article too.
const FULL_TEXT_PARAGRAPHS: usize = 3;
/// The least text that counts as an article when it has enough paragraphs.
const FULL_TEXT_MIN_CHARS: usize = 300;
/// Endings that mark a teaser cut short ("Read more", "…").
const TEASER_ENDINGS: &[&str] = &[
    "…",
    "...",
    "[…]",
    "[...]",
    "read more",
    "continue reading",
    "davamı",
    "ətraflı",
    "подробнее",
    "читать далее",
    "читать полностью",
];

/// How much text a piece of sanitized HTML carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TextMeasure {
    /// Characters of text, whitespace runs counted once.
    pub chars: usize,
    /// Blocks of text (paragraphs, list items, quotes, headings).
    pub paragraphs: usize,
    /// Whether the text ends like a teaser ("…", "Read more").
    pub teaser_ending: bool,
}

impl TextMeasure {
    /// Measures sanitized HTML (or plain text).
    pub(crate) fn of(html: &str) -> Self {
        let text = html_to_text(html);
        let blocks: Vec<&str> = text.lines().map(str::trim).filter(|l| l.chars().count() >= 20).collect();
        let chars = text.split_whitespace().map(|w| w.chars().count() + 1).sum::<usize>().saturating_sub(1);
        let tail = text.trim_end().to_lowercase();
        let teaser_ending = TEASER_ENDINGS.iter().any(|e| tail.ends_with(e));
        Self { chars, paragraphs: blocks.len(), teaser_ending }
    }

    /// Whether this (feed) text is the whole article, so the page need not
    /// be fetched when the policy says "only when the feed has no full text".
    pub(crate) fn is_full_article(&self) -> bool {
        !self.teaser_ending
            && (self.chars >= FULL_TEXT_CHARS
                || (self.paragraphs >= FULL_TEXT_PARAGRAPHS && self.chars >= FULL_TEXT_MIN_CHARS))
    }

    /// Whether a page measured as `self` is a better read than the feed's
    /// text measured as `feed`: at least as long, and at least as many
    /// paragraphs unless it is much longer. A feed teaser always loses to a
    /// page that is longer.
    pub(crate) fn is_better_than(&self, feed: &TextMeasure) -> bool {
        if feed.chars == 0 {
            return self.chars > 0;
        }
        if self.chars < feed.chars {
            return false;
        }
        feed.teaser_ending || self.paragraphs >= feed.paragraphs || self.chars >= feed.chars * 3 / 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "Bakıda keçirilən festivalda yüzlərlə qonaq iştirak edib və proqramı izləyib. ";

    fn paragraphs(n: usize, each: usize) -> String {
        (0..n).map(|_| format!("<p>{}</p>", P.repeat(each))).collect()
    }

    #[test]
    fn four_short_paragraphs_are_a_full_article() {
        let feed = TextMeasure::of(&paragraphs(4, 2));
        assert_eq!(feed.paragraphs, 4);
        assert!(feed.chars < FULL_TEXT_CHARS);
        assert!(feed.is_full_article());
    }

    #[test]
    fn a_teaser_is_not_a_full_article() {
        assert!(!TextMeasure::of("<p>Prezident bu gün yeni layihəni təqdim edib.</p>").is_full_article());
        let cut = format!("{}<p>Davamı…</p>", paragraphs(3, 2));
        assert!(!TextMeasure::of(&cut).is_full_article());
        assert!(!TextMeasure::of("").is_full_article());
    }

    #[test]
    fn one_long_block_is_a_full_article() {
        assert!(TextMeasure::of(&format!("<p>{}</p>", P.repeat(20))).is_full_article());
    }

    #[test]
    fn a_shorter_page_never_replaces_the_feed_text() {
        let feed = TextMeasure::of(&paragraphs(4, 2));
        let one_sentence = TextMeasure::of("<p>Festival keçirilib və qonaqlar proqramı izləyib.</p>");
        assert!(!one_sentence.is_better_than(&feed));
        let fewer_paragraphs_same_length = TextMeasure::of(&paragraphs(2, 4));
        assert!(!fewer_paragraphs_same_length.is_better_than(&feed));
        let longer = TextMeasure::of(&paragraphs(6, 2));
        assert!(longer.is_better_than(&feed));
        let much_longer_in_one_block = TextMeasure::of(&format!("<p>{}</p>", P.repeat(16)));
        assert!(much_longer_in_one_block.is_better_than(&feed));
    }

    #[test]
    fn any_text_beats_no_feed_text_and_a_longer_page_beats_a_teaser() {
        let page = TextMeasure::of(&paragraphs(1, 1));
        assert!(page.is_better_than(&TextMeasure::default()));
        let teaser = TextMeasure::of(&format!("<p>{P}</p><p>Read more</p>"));
        assert!(teaser.teaser_ending);
        assert!(TextMeasure::of(&paragraphs(1, 3)).is_better_than(&teaser));
    }
}
