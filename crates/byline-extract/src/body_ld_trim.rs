//! A precision pass over Readability's body, by the page's JSON-LD
//! `articleBody`. When the structured text is the same article in full
//! (about as long as the body, and nearly all of it in the body), the
//! blocks of the body that share not one run of words with it are not the
//! article's: teaser lists, consent boxes for embeds, "support
//! us" appeals, the author's box. They are dropped. The first block (a lead
//! the structured text often leaves out), headings, quotes (embedded posts)
//! and blocks with media stay whatever the structured text says.

use dom_query::{Document, NodeRef};

use crate::dom::{has_descendant, innermost_blocks, inside, text_of, MEDIA_OR_TABLE};
use crate::ld_body::{paragraphs, share, shingles};
use crate::text::word_count;

/// Words in the runs compared (short: the two texts differ in punctuation and markup).
const RUN_WORDS: usize = 3;
/// The structured text has at least this many words.
const MIN_LD_WORDS: usize = 100;
/// ...at least this share of the body's words...
const MIN_LENGTH_SHARE: f64 = 0.7;
/// ...and at least this share of its runs in the body: then it is the article in full.
const MIN_IN_BODY: f64 = 0.8;
/// Only blocks of at least this many words are judged (a short line is left to other rules).
const MIN_BLOCK_WORDS: usize = 5;
/// Blocks that stay whatever the structured text says: headings, quotes
/// (an embedded post is not in the structured text), tables and a
/// picture's caption (shown under the picture, never in the structured text).
const KEPT_BLOCKS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "figcaption"];

/// Drops from `content` (Readability's body) the blocks that share no run
/// of words with `article_body`, when that is the article in full; returns
/// how many were dropped.
pub(crate) fn drop_blocks_not_in(article_body: &str, content: &Document) -> usize {
    let ld_text = paragraphs(article_body).join("\n");
    let blocks = innermost_blocks(content);
    // Block by block: adjacent blocks' texts touch with no space between them.
    let body_text = blocks.iter().map(text_of).collect::<Vec<_>>().join("\n");
    let ld_words = word_count(&ld_text);
    if is_cut_short(&ld_text)
        || ld_words < MIN_LD_WORDS
        || (ld_words as f64) < MIN_LENGTH_SHARE * word_count(&body_text) as f64
    {
        return 0;
    }
    let ld_runs = shingles(&ld_text, RUN_WORDS);
    if share(&ld_runs, &shingles(&body_text, RUN_WORDS)) < MIN_IN_BODY {
        return 0;
    }
    // The first block with text is the lead: it stays.
    let judged = blocks.iter().skip_while(|b| text_of(b).is_empty()).skip(1);
    let mut dropped = 0;
    for block in judged.filter(|b| judged_by_words(b)) {
        let text = text_of(block);
        if word_count(&text) >= MIN_BLOCK_WORDS && shingles(&text, RUN_WORDS).is_disjoint(&ld_runs) {
            block.remove_from_parent();
            dropped += 1;
        }
    }
    dropped
}

/// A structured text that ends in an ellipsis is a teaser cut short (a
/// paywall's), not the article in full.
fn is_cut_short(ld_text: &str) -> bool {
    let end = ld_text.trim_end();
    end.ends_with('…') || end.ends_with("...")
}

/// Whether a block is judged by its words alone: not a heading, a quote
/// or a table cell, nor inside one, and without a picture, video or table.
fn judged_by_words(block: &NodeRef) -> bool {
    block.parent().is_some() && !inside(block, KEPT_BLOCKS) && !has_descendant(block, MEDIA_OR_TABLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph of words of its own (`tag` makes them unique to it).
    fn para(tag: &str) -> String {
        (0..12).map(|i| format!("{tag}{i}")).collect::<Vec<_>>().join(" ") + "."
    }

    fn body(blocks: &[String]) -> Document {
        Document::from(format!("<html><body><div>{}</div></body></html>", blocks.concat()))
    }

    #[test]
    fn blocks_the_structured_text_lacks_go_when_it_is_the_whole_article() {
        let article: Vec<String> = (0..20).map(|i| para(&format!("story{i}w"))).collect();
        let ld = article.join("\n");
        let mut blocks = vec![format!("<p>{}</p>", para("lead"))];
        blocks.extend(article.iter().take(10).map(|p| format!("<p>{p}</p>")));
        blocks.push(format!("<p>{}</p>", para("caption")));
        blocks.push(format!("<h2>{}</h2>", para("heading")));
        blocks.push(format!("<blockquote><p>{}</p></blockquote>", para("tweet")));
        blocks.extend(article.iter().skip(10).map(|p| format!("<p>{p}</p>")));
        blocks.push(format!("<ul><li>{}</li><li>{}</li></ul>", para("teaser one"), para("teaser two")));
        blocks.push("<p>Short line.</p>".into());
        let content = body(&blocks);
        assert_eq!(drop_blocks_not_in(&ld, &content), 3);
        let text = content.select("body").text().to_string();
        for gone in ["caption0", "teaser one0", "teaser two0"] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
        for kept in ["lead0", "story0w0", "story19w0", "heading0", "tweet0", "Short line."] {
            assert!(text.contains(kept), "{kept}: {text}");
        }
    }

    #[test]
    fn nothing_goes_when_the_structured_text_is_a_teaser_or_another_text() {
        let article: Vec<String> = (0..20).map(|i| para(&format!("story{i}w"))).collect();
        let blocks: Vec<String> = article.iter().map(|p| format!("<p>{p}</p>")).collect();
        // A teaser: the first two paragraphs only, or most of the article cut short.
        let content = body(&blocks);
        assert_eq!(drop_blocks_not_in(&article[..2].join("\n"), &content), 0);
        assert_eq!(drop_blocks_not_in(&format!("{} …", article[..19].join("\n")), &content), 0);
        // Another text, as long as the body.
        let other: Vec<String> = (0..20).map(|i| para(&format!("other{i}w"))).collect();
        assert_eq!(drop_blocks_not_in(&other.join("\n"), &content), 0);
        assert_eq!(content.select("p").length(), 20);
    }
}
