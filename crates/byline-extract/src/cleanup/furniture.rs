//! Blocks of page furniture found by their marks, links or text: ad
//! blocks, share bars and lists, calls to action, an advertisement's label
//! and a picture's credit line, and the site's own footer.

use dom_query::NodeRef;

use super::images::declared_side;
use super::marks::{AD_PREFIXES, AD_WORDS, APPEAL_WORDS, SHARE_WORDS};
use super::{looks_like_content, ShortText, CONTENT_TEXT};
use crate::dom::{has_descendant, inside, tag, text_of};
use crate::text::comparable;

/// Link texts of share buttons, and of the networks a row of the site's
/// accounts names ("Instagram | Facebook | Telegram").
pub(crate) const SHARE_NAMES: &[&str] = &[
    "whatsapp",
    "messenger",
    "telegram",
    "vkontakte",
    "odnoklassniki",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "email",
    "e-mail",
    "pinterest",
    "reddit",
    "print",
    "вконтакте",
    "одноклассники",
    "viber",
    "copy link",
    "instagram",
    "youtube",
    "tiktok",
];
/// Hosts and paths of share endpoints.
const SHARE_URLS: &[&str] = &[
    "whatsapp.com/send",
    "wa.me/",
    "whatsapp://",
    "fb-messenger://",
    "t.me/share",
    "telegram.me/share",
    "vk.com/share",
    "connect.ok.ru/offer",
    "odnoklassniki.ru/dk",
    "facebook.com/sharer",
    "facebook.com/dialog/share",
    "twitter.com/intent",
    "twitter.com/share",
    "x.com/intent",
    "linkedin.com/sharearticle",
    "pinterest.com/pin/create",
    "reddit.com/submit",
    "addtoany.com",
    "viber://forward",
    "mailto:?",
];

/// Whole texts of an advertisement's label (compared lower-case, no colon).
const AD_LABELS: &[&str] =
    &["advertisement", "advert", "werbung", "реклама", "reklam", "anzeige", "publicidad", "publicité", "sponsored"];

/// How a picture's credit line starts (compared lower-case).
const CREDIT_STARTS: &[&str] = &["(credit:", "credit:", "photo credit", "image credit", "(photo:", "(фото:"];

/// The site's own footer: a `<footer>` (or `role=contentinfo`) outside
/// any `<article>` or `<main>`, where the legal lines, the sitemap and the
/// "follow us" links live (a disclaimer that a scorer may take for the
/// article when the article is one short paragraph). An article's own
/// `<footer>`, with its tags and author line, sits inside the article.
pub(super) fn is_site_footer(node: &NodeRef) -> bool {
    let footer = tag(node) == "footer" || node.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("contentinfo"));
    footer && !inside(node, &["article", "main"])
}

pub(super) fn is_ad_block(node: &NodeRef, tokens: &[&str], text: &ShortText) -> bool {
    let marked = tokens.iter().any(|t| AD_WORDS.contains(t) || AD_PREFIXES.iter().any(|p| t.starts_with(p)));
    marked && !looks_like_content(node, text)
}

pub(super) fn is_share_block(node: &NodeRef, tokens: &[&str], text: &ShortText) -> bool {
    if is_picture_to_share(node) {
        return false;
    }
    // "shareable": a picture (Metro's figures) or a quote a share button shows on, not the button.
    let share_mark = |t: &&str| {
        SHARE_WORDS.contains(t) || (t.starts_with("share") && !t.starts_with("shareable")) || t.starts_with("heateor")
    };
    if tokens.iter().any(share_mark) && !looks_like_content(node, text) {
        return true;
    }
    let name = tag(node);
    if !matches!(name.as_str(), "ul" | "ol" | "div" | "p" | "section") || text.within(CONTENT_TEXT).is_none() {
        return false;
    }
    // At least two links, every one of them to a share endpoint.
    let mut links = 0usize;
    let all_share = node.descendants_it().filter(|d| tag(d) == "a").all(|a| {
        links += 1;
        let href = a.attr("href").unwrap_or_default().to_lowercase();
        SHARE_URLS.iter().any(|s| href.contains(s))
    });
    if all_share && links >= 2 {
        return true;
    }
    if !matches!(name.as_str(), "ul" | "ol") {
        return false;
    }
    let items: Vec<String> = node.element_children().iter().map(|c| comparable(&text_of(c))).collect();
    items.len() >= 2 && items.iter().all(|t| SHARE_NAMES.contains(&t.as_str()))
}

/// A picture is this many pixels wide or high at least; a share button's icon is smaller.
const MIN_PICTURE_SIDE: u32 = 100;

/// An article's picture marked for sharing ("img-share": a share button
/// shows on it): an `<img>` declared at least [`MIN_PICTURE_SIDE`] pixels
/// on a side, the article's, not a share button's icon.
fn is_picture_to_share(node: &NodeRef) -> bool {
    let sides = [declared_side(node, "width"), declared_side(node, "height")];
    tag(node) == "img" && sides.into_iter().flatten().any(|s| s >= MIN_PICTURE_SIDE)
}

pub(super) fn is_appeal_block(node: &NodeRef, tokens: &[&str], marks: &str, text: &ShortText) -> bool {
    (tokens.iter().any(|t| APPEAL_WORDS.contains(t)) || marks.contains("letters-cta"))
        && !looks_like_content(node, text)
}

/// "Advertisement:" above an ad slot, "(Credit: Name / Agency)" under a picture.
pub(super) fn is_label_line(node: &NodeRef, text: &ShortText) -> bool {
    if !matches!(tag(node).as_str(), "span" | "div" | "p" | "em" | "small" | "i") {
        return false;
    }
    // The bounded text first: the media check walks the whole subtree.
    let Some(text) = text.within(100) else { return false };
    if has_descendant(node, &["img", "picture", "video", "figure"]) {
        return false;
    }
    let text = text.to_lowercase();
    AD_LABELS.contains(&text.trim_end_matches([':', ' '])) || CREDIT_STARTS.iter().any(|c| text.starts_with(c))
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use crate::cleanup::remove_noise;
    use crate::cleanup::tests::{clean, url};

    #[test]
    fn calls_to_action_ad_labels_credits_and_teasers_go() {
        let out = clean(
            r#"<body><article><h1>T</h1><p>First paragraph of the article with enough words to read.</p>
               <ul><li><a href="/xeber/2.html"><strong>The latest news about the outbreak in Sweden</strong></a></li></ul>
               <p><a href="https://site.example.az/xeber/3.html">Read our other story about the city budget today</a></p>
               <div id="auto_video"><span class="proper-caption">Advertisement:</span></div>
               <p>Advert</p><div>Werbung</div>
               <p><img src="/chart.png"><br><em>(Credit: Clayton Aldern / Grist)</em></p>
               <section class="c-letters-cta"><p>We want to hear what you think about this article. <a href="/letters">Submit a letter</a></p></section>
               <div class="whatsapp-group"><p>Get the latest news to your phone</p><p>Join us on WhatsApp</p></div>
               <p>A sentence with <a href="/xeber/4.html">a link inside it</a> stays, and so does this one.</p>
               <ul><li><a href="https://ministry.gov.example/report">The full report from the ministry</a></li></ul>
               </article></body>"#,
        );
        for gone in ["latest news", "other story", "Advert", "Werbung", "Credit:", "hear what you think", "WhatsApp"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        for kept in ["First paragraph", "a link inside it", "chart.png", "full report from the ministry"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }

    #[test]
    fn the_site_footer_goes_and_the_article_s_own_footer_stays() {
        let doc = Document::from(
            r#"<html><body><div class="wrapper"><article><h1>Kwanzaa at the library</h1><p>Children read stories.</p>
            <footer>Tags: library</footer></article></div><footer id="footer"><div id="disclaimer"><p>Registration on or
            use of this site constitutes acceptance of our User Agreement.</p><p>© 2015 Media Group. All rights
            reserved.</p></div></footer><div role="contentinfo">Sitemap</div></body></html>"#,
        );
        remove_noise(&doc, &url());
        let html = doc.select("body").inner_html().to_string();
        assert!(!html.contains("User Agreement") && !html.contains("Sitemap"), "{html}");
        assert!(html.contains("Tags: library") && html.contains("Children read stories."), "{html}");
    }

    #[test]
    fn share_lists_by_class_by_links_and_by_names() {
        let out = clean(
            r#"<body><div class="post-share"><a href="/x">f</a></div>
            <ul><li><a href="https://api.whatsapp.com/send?text=u">W</a></li><li><a href="https://t.me/share/url?url=u">T</a></li></ul>
            <ul><li>whatsapp</li><li>telegram</li><li>vkontakte</li></ul><p>keep</p></body>"#,
        );
        assert!(!out.contains("post-share") && !out.contains("whatsapp") && !out.contains("t.me"), "{out}");
        assert!(out.contains("keep"));
    }

    #[test]
    fn content_with_a_share_class_on_its_wrapper_is_kept() {
        let body = "Söz ".repeat(200);
        let out = clean(&format!(r#"<body><div class="social-news"><p>{body}</p></div></body>"#));
        assert!(out.contains("Söz"), "{out}");
    }

    #[test]
    fn a_picture_marked_for_sharing_is_kept_and_a_share_icon_goes() {
        let out = clean(
            r#"<body><p>Text.</p><div><img class="blkBorder img-share" src="a.jpg" width="634" height="722"></div>
            <p><img class="share-icon" src="fb.png" width="24" height="24"></p>
            <figure class="img-container shareable-item"><img src="m.jpg"><figcaption>Fans.</figcaption></figure></body>"#,
        );
        assert!(out.contains("a.jpg") && out.contains("m.jpg") && !out.contains("fb.png"), "{out}");
    }
}
