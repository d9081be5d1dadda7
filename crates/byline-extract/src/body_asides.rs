//! Blocks inside the chosen body that speak to the reader instead of
//! telling the story, dropped once the body is chosen (so they never
//! change which block is chosen):
//!
//! * calls to follow, subscribe or join ("Follow us on Twitter",
//!   "Telegram kanalımıza abunə olun", "Подписывайтесь на наш канал"),
//!   newsletter sign-ups, lines giving the newsroom's or the writer's
//!   address for tips ("Have a tip? … may be reached at …@…") and calls
//!   to report a typo ("Нашли ошибку? … Ctrl+Enter"), and asks to support
//!   the site's work with a link to give ("Jetzt unterstützen");
//! * rows of share buttons left as text ("Whatsapp Facebook Pint Baixar"),
//!   a share bar's label alone ("Xəbəri paylaş:");
//! * the page's fields printed as a line (its tags, its count of views:
//!   "Теги: …", "Baxış sayı: 1234") and the notice that material taken
//!   from the site must link to it ("ссылка обязательна", "istinad
//!   mütləqdir");
//! * notices to readers with an ad blocker, and notices that the rest of
//!   the article is for subscribers ("La suite est réservée aux abonnés",
//!   "Только для подписчиков");
//! * placeholders of embeds held back until the reader consents
//!   ("Externen Inhalt anzeigen … Ich bin damit einverstanden"), with the
//!   small box around them;
//! * lists and lines of nothing but links to the site's other pages
//!   ("Photos: Europa, Mysterious Icy Moon of Jupiter", "China furious at
//!   Macron [INSIGHT]").

use std::sync::LazyLock;

use dom_query::{Document, NodeRef};
use regex::Regex;
use url::Url;

use crate::cleanup::{is_link_to_other_page, is_other_page, SHARE_NAMES};
use crate::dom::{has_descendant, innermost_blocks, short_text, tag, text_of, MEDIA_OR_TABLE};
use crate::text::comparable;

/// A call or a notice is a block of at most this many characters.
const ASIDE_TEXT: usize = 300;
/// A block of at most this many characters goes when its first sentence
/// is a whole call to follow a channel ([`opens_with_call`]).
const CALL_TEXT: usize = 700;
/// The box around a consent placeholder or a sign-up goes with it when
/// its text is at most this long…
const BOX_TEXT: usize = 700;
/// …and at most this share of the body's text.
const BOX_SHARE: usize = 3;
/// The box around a button asking for support goes with it when its text
/// is at most this long (and at most a [`BOX_SHARE`]th of the body's): an
/// appeal tells why the site needs the money at some length.
const SUPPORT_BOX_TEXT: usize = 1200;
/// A list of links' label line has at most this many characters.
const LABEL_TEXT: usize = 40;
/// Elements that can be the box around a placeholder or a sign-up.
const BOXES: &[&str] = &["div", "aside", "section"];

/// Words (lower case) asking the reader to follow, subscribe or join.
const CALL_WORDS: &[&str] = &[
    "follow us",
    "follow him",
    "follow her",
    "follow them",
    "follow me",
    "follow @",
    "subscribe to our",
    "subscribe to the",
    "subscribe to my",
    "join our",
    "join us on",
    "folgen sie uns",
    "folge uns",
    "suivez-nous",
    "suivez nous",
    "síguenos",
    "siga-nos",
    "seguici",
    "подписывайтесь",
    "подпишитесь",
    "присоединяйтесь",
    "читайте нас",
    "читайте",
    "следите за нами",
    "следите за новостями",
    "больше новостей",
    "все новости —",
    "все новости –",
    "главные новости —",
    "главные новости –",
    "izləyin",
    "oxuyun",
    "abunə olun",
    "qoşulun",
    "takip edin",
    "abone olun",
];
/// Where a call sends the reader (lower case, as substrings).
const CHANNEL_WORDS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "linkedin",
    "tiktok",
    "telegram",
    "телеграм",
    "threads",
    "bluesky",
    "mastodon",
    "whatsapp",
    "вконтакте",
    "vk.com",
    "дзен",
    "соцсет",
    "sosial şəbək",
    "канал",
    "kanal",
    "channel",
    "forum",
    "podcast",
    "magazine",
    "@",
];
/// "Follow Metro.co.uk on Twitter", "Follow AP's full coverage … at
/// https://…": a follow call naming the site, then where.
static FOLLOW_ON: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bfollow\b[^.!?]{1,60}\b(?:on|at)\b").unwrap());

/// An e-mail address.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+\.[\w.-]+").unwrap());
/// Words (lower case) of a line asking for tips or giving the writer's address.
const TIP_WORDS: &[&str] = &[
    "a tip",
    "news tip",
    "a story?",
    "may be reached",
    "can be reached",
    "get in touch",
    "email him",
    "email her",
    "email us",
    "e-mail us",
    "write to",
];

/// Words (lower case) asking the reader for news, in the languages whose
/// sites send tips to a channel rather than an address ("Хотите сообщить
/// новость? Пишите в наш Telegram-бот", "Xəbəriniz var? Bizə WhatsApp-da
/// yazın"): a call when the block names a channel or an address.
const NEWS_TIP_CALLS: &[&str] = &[
    "сообщить новость",
    "есть новость",
    "прислать новость",
    "пишите нам",
    "xəbəriniz var",
    "bizə yazın",
    "bize yazın",
];

/// Words (lower case) asking the reader to report a typo ("Нашли ошибку?
/// Выделите текст и нажмите Ctrl+Enter", "Fehler gefunden? Jetzt melden.").
const TYPO_CALLS: &[&str] = &[
    "ctrl+enter",
    "ctrl + enter",
    "нашли ошибку",
    "нашли опечатку",
    "səhv tapdınız",
    "fehler gefunden",
    "found a typo",
    "spotted a typo",
    "found an error",
    "spotted an error",
];

/// A row of share buttons left as text has at most this many words.
const SHARE_ROW_WORDS: usize = 6;

/// Words (lower case) naming an ad blocker…
const AD_BLOCKER_WORDS: &[&str] = &[
    "ad blocker",
    "ad-blocker",
    "adblock",
    "werbeblocker",
    "bloqueur de pub",
    "блокировщик рекламы",
    "reklam engelleyici",
];
/// …and asking to turn it off, or saying what it breaks.
const AD_BLOCKER_ASKS: &[&str] = &[
    "disable",
    "turn off",
    "whitelist",
    "allowlist",
    "is enabled",
    "site features",
    "deaktivier",
    "ausschalten",
    "désactiv",
    "отключите",
    "devre dışı",
];

/// Words (lower case) of a notice that the article, or the rest of it, is
/// for subscribers: the page stops there, the notice is no part of it.
const PAYWALL_WORDS: &[&str] = &[
    "réservé aux abonnés",
    "réservée aux abonnés",
    "for subscribers only",
    "subscribers only",
    "subscriber-only",
    "only available to subscribers",
    "exclusive to subscribers",
    "exclusively for subscribers",
    "nur für abonnenten",
    "exklusiv für abonnenten",
    "только для подписчиков",
    "только подписчикам",
    "yalnız abunəçilər",
    "abunəçilər üçündür",
    "sadece abonelere",
];
/// Words (lower case) that tie a [`PAYWALL_WORDS`] notice to the article
/// itself ("Il vous reste 57% de cet article à lire", "Продолжение …"): a
/// story's sentence about a service "for subscribers only" has none…
const PAYWALL_SUBJECTS: &[&str] = &[
    "article",
    "la suite",
    "the rest",
    "continue reading",
    "keep reading",
    "read the full",
    "artikel",
    "weiterlesen",
    "стать",
    "продолжение",
    "материал",
    "xəbər",
    "məqalə",
    "haber",
];
/// …unless it is no longer than this: a label ("Subscribers only").
const PAYWALL_LABEL: usize = 40;

/// Words (lower case) of content from elsewhere that an embed would load…
const CONSENT_SUBJECTS: &[&str] = &[
    "externe inhalt",
    "externen inhalt",
    "externe server",
    "drittanbieter",
    "drittplattform",
    "external content",
    "third-party content",
    "third party content",
    "contenu externe",
    "contenido externo",
];
/// …and of the consent it waits for.
const CONSENT_ASKS: &[&str] =
    &["einverstanden", "zustimmung", "consent", "accept", "akzeptier", "cookie", "accepter", "aceptar", "datenschutz"];

/// Words (lower case) of a newsletter or an inbox: what a sign-up box is about.
const NEWSLETTER_WORDS: &[&str] = &["newsletter", "inbox", "infolettre", "рассылк"];
/// Words (lower case) of the call to sign up (or of how to leave again).
const SIGN_UP_WORDS: &[&str] = &[
    "sign up",
    "signup",
    "subscrib",
    "anmeld",
    "abmeld",
    "abonn",
    "inscri",
    "suscr",
    "подпис",
    "delivered",
    "zugestellt",
];

/// Words (lower case) asking the reader to support or pay for the site's
/// work, in a block with a link (to give): "would you consider supporting
/// our work? Just click here", "Jetzt unterstützen", "Поддержите редакцию".
const SUPPORT_ASKS: &[&str] = &[
    "support our work",
    "supporting our work",
    "support our journalism",
    "support independent journalism",
    "consider supporting",
    "become a supporter",
    "make a donation",
    "donate now",
    "jetzt unterstützen",
    "unterstützen sie uns",
    "unterstütze uns",
    "unsere arbeit unterstützen",
    "jetzt spenden",
    "soutenez-nous",
    "apóyanos",
    "поддержите нас",
    "поддержать нас",
    "поддержите редакцию",
    "поддержать редакцию",
    "bizi dəstəkləyin",
    "dəstək olun",
];

/// Drops the calls, notices, placeholders and link lists of the module's
/// description from the chosen body; `page_url` tells the site's own pages.
pub(crate) fn drop_asides(doc: &Document, page_url: &Url) {
    let Some(body) = doc.body() else { return };
    let body_chars = text_of(&body).chars().count();
    for block in innermost_blocks(doc) {
        if block.parent().is_none() || has_descendant(&block, MEDIA_OR_TABLE) {
            continue;
        }
        let Some(text) = short_text(&block, CALL_TEXT).map(|t| t.to_lowercase()) else { continue };
        if text.chars().count() > ASIDE_TEXT {
            if opens_with_call(&text) {
                block.remove_from_parent();
            }
            continue;
        }
        let has_link = has_descendant(&block, &["a"]);
        let paywall_notice = || {
            holds_any(&text, PAYWALL_WORDS)
                && (text.chars().count() <= PAYWALL_LABEL || holds_any(&text, PAYWALL_SUBJECTS))
        };
        if is_call(&text, has_link)
            || is_ad_blocker_notice(&text)
            || is_share_row(&text)
            || is_share_label(&text)
            || is_field_line(&text)
            || holds_any(&text, CITATION_NOTICES)
            || paywall_notice()
        {
            block.remove_from_parent();
        } else if is_consent_placeholder(&text) {
            box_around(&block, body_chars).remove_from_parent();
        }
    }
    drop_support_boxes(doc, body_chars);
    drop_boxes(doc, body_chars);
    drop_link_lists(doc, page_url);
}

/// Drops the boxes around a button (a link) that asks for support in its
/// whole text ("Jetzt unterstützen", "Donate now": [`SUPPORT_ASKS`]), the
/// appeal around it too long for the calls' rule ([`ASIDE_TEXT`]): the
/// widest box of at most [`SUPPORT_BOX_TEXT`] characters, from the
/// paragraph that the button ends ([`ends_with_button`]).
fn drop_support_boxes(doc: &Document, body_chars: usize) {
    let links: Vec<NodeRef> = doc.select("body a").nodes().to_vec();
    for link in &links {
        let asks = || {
            let text = text_of(link).trim().to_lowercase();
            SUPPORT_ASKS.contains(&text.trim_end_matches(['!', '.', '→', '›', '»', ' ']))
        };
        if link.parent().is_none() || !asks() {
            continue;
        }
        // The button may end the appeal's last paragraph; a link inside a sentence is no button.
        // (Bound first: the ancestors' walk borrows the tree until it ends.)
        let paragraph = link.ancestors_it(Some(2)).find(|a| tag(a) == "p");
        match paragraph {
            Some(p) if ends_with_button(&text_of(&p), &text_of(link)) => {
                box_within(&p, body_chars, SUPPORT_BOX_TEXT).remove_from_parent();
            }
            Some(_) => {}
            None => box_within(link, body_chars, SUPPORT_BOX_TEXT).remove_from_parent(),
        }
    }
}

/// Whether a paragraph whose text is `text` ends with a button whose text
/// is `button`: nothing after it, and nothing or a whole sentence before.
fn ends_with_button(text: &str, button: &str) -> bool {
    let Some(before) = text.trim_end().strip_suffix(button.trim()) else { return false };
    let before = before.trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '…'])
}

/// A call to follow, subscribe, join, write in or report a typo, `text`
/// lower-cased: [`CALL_WORDS`] or [`FOLLOW_ON`] with a [`CHANNEL_WORDS`],
/// or an address with [`TIP_WORDS`], or a channel or an address with
/// [`NEWS_TIP_CALLS`], the call in the block's first
/// sentence (a writer's note, "Lucas Nolan is a reporter for … Follow
/// him on Twitter", stays); [`TYPO_CALLS`]; or a newsletter sign-up,
/// `has_link` telling whether the block holds a link (a newsletter named
/// beside a link is one).
fn is_call(text: &str, has_link: bool) -> bool {
    let first = opening(text);
    let to_channel = holds_any(text, CHANNEL_WORDS) || text.contains("http");
    ((holds_any(first, CALL_WORDS) || FOLLOW_ON.is_match(first)) && to_channel)
        || (holds_any(first, TIP_WORDS) && EMAIL.is_match(text))
        || (holds_any(first, NEWS_TIP_CALLS) && (to_channel || EMAIL.is_match(text)))
        || holds_any(text, TYPO_CALLS)
        || is_sign_up(text, has_link)
        || (has_link && holds_any(text, SUPPORT_ASKS))
}

/// A newsletter sign-up, `text` lower-cased: about a newsletter, and with
/// a word of signing up or (`has_link`) a link.
fn is_sign_up(text: &str, has_link: bool) -> bool {
    holds_any(text, NEWSLETTER_WORDS) && (has_link || holds_any(text, SIGN_UP_WORDS))
}

/// Whether `text` holds one of `words`.
fn holds_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// `text`'s first sentence ([`first_sentence`]), and the next one too when
/// the first asks a question ("Are protests breaking out in your area? Get
/// in touch at …").
fn opening(text: &str) -> &str {
    let first = first_sentence(text);
    if first.ends_with('?') {
        &text[..first.len() + first_sentence(&text[first.len()..]).len()]
    } else {
        first
    }
}

/// A longer block that opens with a call to follow or join a channel,
/// `text` lower-cased ("Follow @BGRDeals on Twitter to keep up with the
/// latest deals. Quantities may be limited…"): its first sentence (after
/// a question, the next: [`opening`]) starts with a [`CALL_WORDS`] and
/// names the channel itself. A story telling that someone urged people
/// to follow him on Twitter does not start so.
fn opens_with_call(text: &str) -> bool {
    let first = opening(text);
    let call = first.rsplit_once("? ").map_or(first, |(_, after)| after).trim_start_matches(['"', '“', '«', ' ']);
    CALL_WORDS.iter().any(|w| call.starts_with(w)) && holds_any(call, CHANNEL_WORDS)
}

/// `text` up to the end of its first sentence (". ", "? " or "! "), the
/// mark kept.
fn first_sentence(text: &str) -> &str {
    text.match_indices(['.', '?', '!']).find(|(i, _)| text[i + 1..].starts_with(' ')).map_or(text, |(i, _)| &text[..=i])
}

/// A row of share buttons left as text ("Whatsapp Facebook Pint Baixar",
/// "Share: Facebook, X, Email"): at most [`SHARE_ROW_WORDS`] words, two of
/// them or more, and half of them or more, the networks' names, and no
/// sentence's end.
fn is_share_row(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(comparable).filter(|w| !w.is_empty()).collect();
    let names = words.iter().filter(|w| SHARE_NAMES.contains(&w.trim_end_matches(','))).count();
    words.len() <= SHARE_ROW_WORDS
        && names >= 2
        && names * 2 >= words.len()
        && !text.trim_end().ends_with(['.', '?', '!'])
}

/// A share bar's label left alone on its line, its buttons being icons
/// ("Xəbəri paylaş:", "Поделиться:", "Share this:"), compared folded
/// (`ı` written `i`) without the colon.
const SHARE_LABELS: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "поделиться",
    "поделитесь",
    "поделиться новостью",
    "paylaş",
    "paylaşin",
    "xəbəri paylaş",
    "teilen",
    "partager",
    "compartir",
    "condividi",
];

/// Whether `text` is a share bar's label alone ([`SHARE_LABELS`]).
fn is_share_label(text: &str) -> bool {
    SHARE_LABELS.contains(&comparable(text.trim().trim_end_matches([':', '.'])).as_str())
}

/// Labels of the page's fields printed as a line of the body, before a
/// colon: its tags and its count of views ("Теги: бюджет, город",
/// "Teqlər: büdcə", "Просмотров: 1234", "Baxış sayı: 1234"), compared
/// folded (`ı` written `i`).
const FIELD_LABELS: &[&str] = &[
    "tags",
    "tag",
    "schlagwörter",
    "теги",
    "метки",
    "ключевые слова",
    "teqlər",
    "teqler",
    "etiketlər",
    "açar sözlər",
    "etiketler",
    "anahtar kelimeler",
    "schlagworte",
    "mots-clés",
    "étiquettes",
    "etiquetas",
    "palavras-chave",
    "tagi",
    "štítky",
    "views",
    "просмотров",
    "просмотры",
    "baxiş sayi",
    "baxiş",
    "baxilib",
    "oxunub",
    "oxunma sayi",
];

/// A field's line has at most this many words.
const FIELD_LINE_WORDS: usize = 12;

/// Whether `text` is one of the page's fields ([`FIELD_LABELS`]) and its
/// short value.
fn is_field_line(text: &str) -> bool {
    let Some((label, value)) = text.split_once(':') else { return false };
    text.split_whitespace().count() <= FIELD_LINE_WORDS
        && !value.trim().is_empty()
        && FIELD_LABELS.contains(&comparable(label).as_str())
}

/// Words of the notice that material taken from the site must link to it
/// ("При использовании материалов ссылка обязательна", "Məlumatdan
/// istifadə zamanı istinad mütləqdir"), lower case.
const CITATION_NOTICES: &[&str] = &[
    "ссылка обязательна",
    "ссылка на сайт обязательна",
    "ссылка на источник обязательна",
    "гиперссылка обязательна",
    "istinad mütləqdir",
    "istinad olunmalıdır",
    "istinad edilməlidir",
    "istinad zəruridir",
];

/// A notice to readers with an ad blocker, `text` lower-cased.
fn is_ad_blocker_notice(text: &str) -> bool {
    holds_any(text, AD_BLOCKER_WORDS) && holds_any(text, AD_BLOCKER_ASKS)
}

/// The explanation of an embed held back until the reader consents,
/// `text` lower-cased.
fn is_consent_placeholder(text: &str) -> bool {
    holds_any(text, CONSENT_SUBJECTS) && holds_any(text, CONSENT_ASKS)
}

/// The widest box around `block` (of [`BOXES`]) short enough to be only
/// the placeholder or the sign-up: at most [`BOX_TEXT`] characters and a
/// [`BOX_SHARE`]th of the body's; `block` itself when there is none.
fn box_around<'a>(block: &NodeRef<'a>, body_chars: usize) -> NodeRef<'a> {
    box_within(block, body_chars, BOX_TEXT)
}

/// The widest box around `block` (of [`BOXES`], with no media or table)
/// of at most `max_text` characters and a [`BOX_SHARE`]th of the body's;
/// `block` itself when there is none.
fn box_within<'a>(block: &NodeRef<'a>, body_chars: usize, max_text: usize) -> NodeRef<'a> {
    let mut widest = *block;
    for parent in block.ancestors_it(None) {
        if !BOXES.contains(&tag(&parent).as_str()) || has_descendant(&parent, MEDIA_OR_TABLE) {
            break;
        }
        match short_text(&parent, max_text) {
            Some(text) if text.chars().count() * BOX_SHARE <= body_chars => widest = parent,
            _ => break,
        }
    }
    widest
}

/// Drops small boxes (of [`BOXES`], with two blocks or more) whose text as
/// a whole is a newsletter sign-up or a consent placeholder, where no
/// single block of them says it all ("Newsletter: Sport inside", "Jeden
/// Montag die Topstorys…", "Sie können sich jederzeit wieder abmelden").
fn drop_boxes(doc: &Document, body_chars: usize) {
    let Some(body) = doc.body() else { return };
    let boxes: Vec<NodeRef> = body
        .descendants_it()
        .filter(|d| d.is_element() && BOXES.contains(&tag(d).as_str()) && d.element_children().len() >= 2)
        .collect();
    // Innermost first: a box is judged before the boxes around it.
    for b in boxes.iter().rev() {
        if b.parent().is_none() || has_descendant(b, MEDIA_OR_TABLE) {
            continue;
        }
        let Some(text) = short_text(b, BOX_TEXT).map(|t| t.to_lowercase()) else { continue };
        if text.chars().count() * BOX_SHARE > body_chars {
            continue;
        }
        if is_sign_up(&text, false) || is_consent_placeholder(&text) {
            b.remove_from_parent();
        }
    }
}

/// Drops lists of two items or more, and paragraphs of two links or
/// more, that hold nothing but links to other pages of the site (the
/// site's "more on this", tags and section links), with the label line
/// right before them. A list of links to other sites (the sources of the
/// story) and a table of contents stay.
fn drop_link_lists(doc: &Document, page_url: &Url) {
    let Some(body) = doc.body() else { return };
    let candidates: Vec<NodeRef> =
        body.descendants_it().filter(|d| d.is_element() && matches!(tag(d).as_str(), "ul" | "ol" | "p")).collect();
    for node in candidates {
        if node.parent().is_none() || has_descendant(&node, MEDIA_OR_TABLE) {
            continue;
        }
        let own_links = if tag(&node) == "p" {
            is_line_of_links(&node, page_url)
        } else {
            is_list_of_links(&node, page_url) || is_field_list(&node)
        };
        if own_links {
            if let Some(label) = node.prev_element_sibling().filter(is_label_line) {
                label.remove_from_parent();
            }
            node.remove_from_parent();
        }
    }
}

/// A label line ("DON'T MISS", "Read more:"): at most [`LABEL_TEXT`]
/// characters, no link, no media, and either ending in a colon or with no
/// small letter.
fn is_label_line(line: &NodeRef) -> bool {
    if has_descendant(line, &["a"]) || has_descendant(line, MEDIA_OR_TABLE) {
        return false;
    }
    short_text(line, LABEL_TEXT)
        .is_some_and(|t| !t.is_empty() && (t.ends_with(':') || !t.chars().any(char::is_lowercase)))
}

/// A list whose items, two or more, are each one link to another page of
/// the site, perhaps after a short label.
fn is_list_of_links(list: &NodeRef, page_url: &Url) -> bool {
    let items = list.element_children();
    items.len() >= 2
        && items.iter().all(|item| tag(item) == "li" && is_link_to_other_page(item, &text_of(item), page_url))
}

/// An item of a field's list ([`is_field_list`]) has at most this many words.
const FIELD_ITEM_WORDS: usize = 4;

/// A list of one of the page's fields, a value an item, after an item
/// that is the field's label alone (`<li>Etiketler :</li><li>Spor</li>`,
/// [`FIELD_LABELS`]); each value a few words, linked or not.
fn is_field_list(list: &NodeRef) -> bool {
    let items = list.element_children();
    let Some((first, values)) = items.split_first() else { return false };
    let label = text_of(first);
    let Some(label) = label.trim().strip_suffix(':') else { return false };
    !values.is_empty()
        && FIELD_LABELS.contains(&comparable(label).as_str())
        && values.iter().all(|v| tag(v) == "li" && text_of(v).split_whitespace().count() <= FIELD_ITEM_WORDS)
}

/// A paragraph of two links or more, each to another page of the site,
/// with no small letter outside them (only separators and labels such as
/// "[INSIGHT] |").
fn is_line_of_links(line: &NodeRef, page_url: &Url) -> bool {
    let links = links_in(line);
    if links.len() < 2 || !links.iter().all(|l| l.attr("href").is_some_and(|href| is_other_page(&href, page_url))) {
        return false;
    }
    let mut outside = text_of(line);
    for link in &links {
        outside = outside.replacen(&text_of(link), "", 1);
    }
    !outside.chars().any(char::is_lowercase)
}

/// The `<a>` elements inside `node`.
fn links_in<'a>(node: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    node.descendants_it().filter(|d| d.is_element() && tag(d) == "a").collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_share_and_field_labels_are_written_as_they_are_compared() {
        crate::text::assert_written_as_compared(SHARE_LABELS.iter().chain(FIELD_LABELS));
    }

    fn without_asides(html: &str) -> String {
        let doc = Document::from(html);
        drop_asides(&doc, &Url::parse("https://news.example/world/2024/story.html").unwrap());
        doc.select("body").text().to_string()
    }

    const STORY: &str = "<p>The council met on Monday and passed the budget for next year after a long debate \
        that lasted well into the night, with the opposition voting against every line of it.</p>\
        <p>The mayor said the budget would pay for new schools, two parks and the repair of the old bridge \
        over the river, which has been closed to lorries since the spring floods.</p>";

    #[test]
    fn calls_to_follow_subscribe_or_join_go() {
        let out = without_asides(&format!(
            "<body>{STORY}<p><em>Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik. \
             Follow us on Twitter @Spacedotcom and on Facebook.</em></p>\
             <p>Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.</p>\
             <p>Follow AP's full coverage of Brexit and British politics at https://www.apnews.com/Brexit</p>\
             <p>Ən son xəbərləri Telegram kanalımızda izləyin.</p>\
             <p>Подписывайтесь на наш канал в Telegram.</p>\
             <p>Следите за новостями в нашем Telegram-канале.</p>\
             <p>Читайте «Фонтанку» в Telegram</p><p>Все новости — в Telegram-канале @site</p>\
             <p>Xəbərləri Telegram kanalımızda oxuyun</p>\
             <p>Хотите сообщить новость? Пишите в наш Telegram-бот</p><p>Xəbəriniz var? Bizə WhatsApp-da yazın</p>\
             <p>Join our Space Forums to keep talking space on the latest missions!</p>\
             <p>Follow @BGRDeals on Twitter to keep up with the latest and greatest deals from around the web. \
             Quantities may be limited. Prices are subject to change without notice and coupons may expire at any \
             time, so act fast; every deal is checked by our editors before it is posted, and we may earn a small \
             commission when you buy through our links, which helps pay for the work that goes into finding them.</p>\
             <p>Need more space? Subscribe to our sister title Space Magazine for the latest news.</p></body>"
        ));
        assert!(out.contains("council met") && out.contains("old bridge"), "{out}");
        for gone in [
            "Tariq",
            "Newsbeat",
            "Brexit",
            "Telegram",
            "Следите",
            "Forums",
            "BGRDeals",
            "sister title",
            "Фонтанку",
            "Все новости",
            "oxuyun",
            "сообщить",
            "Xəbəriniz",
        ] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
    }

    #[test]
    fn asks_to_support_the_site_with_a_link_to_give_go() {
        let out = without_asides(&format!(
            r#"<body>{STORY}<p>If you enjoyed reading this post – would you consider supporting our work? Just click <a href="https://steadyhq.com/x">here</a>.</p>
            <p><a href="/abo">Jetzt unterstützen</a></p><p><a href="/donate">Поддержите редакцию</a></p>
            <p>"Support our work," the nurses' union said on Monday, asking the city for more staff.</p></body>"#
        ));
        assert!(
            !out.contains("enjoyed reading") && !out.contains("unterstützen") && !out.contains("Поддержите"),
            "{out}"
        );
        assert!(out.contains("nurses' union") && out.contains("council met"), "{out}");
    }

    #[test]
    fn the_appeal_around_a_button_asking_for_support_goes_however_long_it_tells_why() {
        let why = "Gerade jetzt, wo der Rechtsextremismus weiter erstarkt, braucht es Zusammenhalt und Solidarität. "
            .repeat(6);
        let out = without_asides(&format!(
            r#"<body>{STORY}{STORY}{STORY}{STORY}{STORY}{STORY}<div class="bottom"><h3>Links lesen, Rechts bekämpfen</h3>
            <p>{why} <a class="button" href="/abo">Jetzt unterstützen</a></p></div>
            <div><p>Редакция работает на пожертвования читателей, и без них мы не сможем продолжать.</p>
            <a href="/donate">Поддержите редакцию!</a></div>
            <p>The charity's chief asked people to <a href="/give">donate now</a>, before the winter comes, and
            said the city had promised to match every gift made before December. Last year the appeal raised more
            than it ever had, and the shelters stayed open through the coldest weeks; this year the need is greater
            still, she said, because the rents have gone up again.</p></body>"#
        ));
        for gone in ["Links lesen", "Rechtsextremismus", "unterstützen", "пожертвования", "Поддержите"]
        {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        assert!(out.contains("council met") && out.contains("charity's chief"), "{out}");
    }

    #[test]
    fn the_story_telling_of_follows_and_channels_stays() {
        let text = [
            "<p>Police asked drivers to follow the diversion signs on the A40 while the bridge is repaired.</p>",
            "<p>The minister, who has 2 million followers on Twitter, said she would follow the advice of the board.</p>",
            "<p>Следите за руками, сказал фокусник на канале «Россия», и публика засмеялась.</p>",
            "<p>Все новости канала «Россия» в тот вечер были о наводнении.</p>",
            "<p>At the rally he urged his supporters to follow him on Twitter, where he posts several times a day, \
             and to bring their friends to the next one. The crowd, which the police put at about four thousand, \
             cheered and waved flags for most of the hour he spoke, and many of them stayed long after he had left \
             to talk to the candidates for the council, who had set up their stalls along the square.</p>",
        ]
        .concat();
        let out = without_asides(&format!("<body>{STORY}{text}</body>"));
        assert!(out.contains("diversion") && out.contains("2 million followers") && out.contains("фокусник"), "{out}");
        assert!(out.contains("о наводнении"), "{out}");
        assert!(out.contains("urged his supporters"), "{out}");
        // A writer's note that ends with where to follow them.
        let note = "<p>Lucas Nolan is a reporter covering free speech. Follow him on Twitter @LucasNolan_.</p>";
        let out = without_asides(&format!("<body>{STORY}{note}</body>"));
        assert!(out.contains("Lucas Nolan"), "{out}");
    }

    #[test]
    fn lines_asking_for_tips_or_typos_and_newsletter_sign_ups_go() {
        let out = without_asides(&format!(
            "<body>{STORY}<p>Have a tip? Amy Kuperinsky may be reached at akuperinsky@njadvancemedia.com.</p>\
             <p>Got a story? Get in touch with our news team by emailing us at webnews@metro.co.uk.</p>\
             <p>Write to Al Root at allen.root@dowjones.com</p>\
             <p>Если вы нашли ошибку, выделите фрагмент текста и нажмите Ctrl+Enter.</p>\
             <p>Fehler gefunden? Jetzt melden.</p>\
             <p>Get the day's top headlines delivered to your inbox every morning by subscribing to our newsletter.</p>\
             <div><p>\"Hier ist Bayern\": Der Newsletter informiert Sie. <a href=\"/nl\">Hier entlang</a></p></div>\
             <div><h2>Newsletter: Sport inside</h2><p>Jeden Montag die Topstorys der Woche</p>\
             <p>Sie können sich jederzeit wieder abmelden.</p></div>\
             <p>The newsletter of the opposition party, sent to members in May, called the plan a mistake.</p>\
             <p>Readers wrote to the paper at letters@paper.example about the bridge.</p></body>"
        ));
        for gone in
            ["Kuperinsky", "Got a story", "Al Root", "headlines", "Bayern", "Sport inside", "Topstorys", "abmelden"]
        {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        assert!(out.contains("opposition party") && out.contains("Readers wrote"), "{out}");
    }

    #[test]
    fn rows_of_share_buttons_left_as_text_go() {
        let out = without_asides(&format!(
            "<body>{STORY}<p>Whatsapp Facebook Pint Baixar</p><div>Поделиться: ВКонтакте, Telegram</div>\
             <p>Xəbəri paylaş:</p><div>Share this:</div>\
             <p>Facebook and WhatsApp were down for six hours.</p><h3>Facebook, Twitter.</h3></body>"
        ));
        assert!(!out.contains("Pint") && !out.contains("Поделиться"), "{out}");
        assert!(!out.contains("paylaş") && !out.contains("Share this"), "a share bar's label alone: {out}");
        assert!(out.contains("were down") && out.contains("Facebook, Twitter."), "{out}");
    }

    #[test]
    fn field_lines_and_citation_notices_go() {
        let out = without_asides(&format!(
            "<body>{STORY}<div>Теги: <a href=\"/tags/a\">бюджет</a>, <a href=\"/tags/b\">город</a></div>\
             <div>Teqlər: <a href=\"/tag/a\">büdcə</a></div><div><span>Baxış sayı: 1234</span></div><p>Просмотров: 1 234</p>\
             <p>При использовании материалов ссылка на сайт обязательна</p>\
             <p>Məlumatdan istifadə zamanı istinad mütləqdir.</p>\
             <p>Instagram | Facebook | Telegram</p>\
             <p>Tags: the council published its budget for the year, line by line, with every department's share.</p></body>"
        ));
        for gone in ["Теги", "Teqlər", "Baxış", "Просмотров", "обязательна", "mütləqdir", "Instagram"]
        {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        assert!(out.contains("line by line"), "a sentence after a label is text: {out}");
    }

    #[test]
    fn a_list_of_tags_after_its_label_item_goes() {
        // ntv.com.tr: the label is the list's first item, the tags linked or not.
        let out = without_asides(&format!(
            "<body>{STORY}<ul><li>Etiketler : </li><li><a href=\"/\">Haberler - </a></li><li><span>Spor</span></li>\
             <li><a href=\"/futbol\">Futbol</a></li></ul>\
             <ul><li>Steps:</li><li>Mix the flour</li><li>Bake it</li></ul></body>"
        ));
        assert!(!out.contains("Etiketler") && !out.contains("Futbol") && !out.contains("Spor"), "{out}");
        assert!(out.contains("Mix the flour"), "a list under another label stays: {out}");
    }

    #[test]
    fn ad_blocker_notices_go_and_stories_about_ad_blockers_stay() {
        let out = without_asides(&format!(
            "<body>{STORY}<p><strong>Ad block users:</strong> Some site features may not work correctly while \
             an ad blocker is enabled. Please disable your ad blocker.</p>\
             <p>About a third of readers now use an ad blocker, the survey found.</p></body>"
        ));
        assert!(!out.contains("Ad block users"), "{out}");
        assert!(out.contains("a third of readers"), "{out}");
    }

    #[test]
    fn notices_that_the_rest_is_for_subscribers_go() {
        let out = without_asides(&format!(
            "<body>{STORY}<p><strong>Il vous reste 57.09% de cet article à lire. La suite est réservée aux \
             abonnés.</strong></p><p>Продолжение доступно только подписчикам.</p>\
             <p>The paper now has more subscribers than ever, its owner said.</p>\
             <p>It analyzes the data of its users. This will be available to premium subscribers only.</p></body>"
        ));
        assert!(out.contains("premium subscribers only"), "a story's sentence about a service: {out}");
        assert!(!out.contains("Il vous reste") && !out.contains("подписчикам"), "{out}");
        assert!(out.contains("more subscribers than ever"), "{out}");
    }

    #[test]
    fn consent_placeholders_go_with_their_box() {
        let out = without_asides(&format!(
            "<body>{STORY}<div><p>Empfohlener redaktioneller Inhalt</p><p>An dieser Stelle finden Sie einen \
             externen Inhalt.</p><p>Externen Inhalt anzeigen</p><p>Ich bin damit einverstanden, dass mir der \
             externe Inhalt angezeigt wird. Mehr dazu in den Datenschutz-Einstellungen.</p></div>\
             <p>Die Stadt prüft externe Gutachten, bevor sie zustimmt.</p>{STORY}</body>"
        ));
        assert!(!out.contains("Empfohlener") && !out.contains("anzeigen"), "{out}");
        assert!(out.contains("externe Gutachten") && out.matches("council met").count() == 2, "{out}");
    }

    #[test]
    fn lists_and_lines_of_links_to_the_sites_other_pages_go() {
        let out = without_asides(&format!(
            "<body>{STORY}<ul><li><a href=\"/science/europa-life.html\">NASA Europa Mission Could Spot Life</a></li>\
             <li><a href=\"https://news.example/photos/europa\">Photos: Europa, Icy Moon of Jupiter</a></li></ul>\
             <p><strong>DON'T MISS</strong></p><p><a href=\"/world/1\">China furious at Macron</a>&nbsp;[<strong>INSIGHT]|<br>\
             </strong><a href=\"/sport/2\">NBA make final decision</a>&nbsp;[<strong>VIDEO]</strong></p>\
             <ul><li><a href=\"https://www.dw.com/a\">Deutsche Welle: the report</a></li>\
             <li><a href=\"https://other.example/b\">The ministry's statement</a></li></ul>\
             <ol><li><a href=\"#part1\">Part one</a></li><li><a href=\"#part2\">Part two</a></li></ol>\
             <p>See <a href=\"/world/3\">the first story</a> and <a href=\"/world/4\">the second</a>.</p></body>"
        ));
        assert!(!out.contains("Europa") && !out.contains("Macron") && !out.contains("NBA"), "{out}");
        assert!(!out.contains("DON'T MISS"), "{out}");
        assert!(out.contains("Deutsche Welle") && out.contains("Part one") && out.contains("the first story"), "{out}");
    }
}
