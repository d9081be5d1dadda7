//! Text that the page's widgets leave in the chosen body when their script
//! does not run, as it never does in a reader, and the labels of the page's
//! tools, dropped once the body is chosen:
//!
//! * a player's or a slideshow's notice that it needs JavaScript or cannot
//!   play here ("To view this video please enable JavaScript, and consider
//!   upgrading to a web browser that supports HTML5 video", "Media playback
//!   is unsupported on your device", "This slideshow requires JavaScript.");
//! * a player's clock ("00:00 / 03:15") and a slideshow's count of
//!   pictures ("Slideshow ( 3 images )");
//! * the labels of the page's tools and of an ad slot inside the text
//!   ("Text size", "Order Reprints", "Article continues below", "Версия
//!   для печати"), a link on to the rest left alone ("Davamını oxu",
//!   "Читать далее") and a loader's word ("Загрузка...").
//!
//! Each is the whole text of its block: an article that speaks of
//! JavaScript or of a player keeps its sentences.

use std::sync::LazyLock;

use dom_query::Document;
use regex::Regex;

use crate::cleanup::remove_with_empty_wrappers;
use crate::dom::{has_descendant, innermost_blocks, inside, short_text, MEDIA_OR_TABLE};
use crate::text::comparable;

/// A widget's notice is a block of at most this many characters.
const NOTICE_TEXT: usize = 200;

/// How a notice of a widget that cannot run here starts, naming the
/// widget itself (compared lower-case, as [`comparable`] writes it).
const WIDGET_NOTICES: &[&str] = &[
    "to view this video",
    "to watch this video",
    "to play this video",
    "this video requires",
    "this video is not available",
    "this slideshow requires",
    "this gallery requires",
    "media playback is unsupported",
    "media playback is not supported",
    "для просмотра видео",
    "для воспроизведения видео",
];

/// How an ask to turn script on, or a word that the browser cannot,
/// starts (compared as [`WIDGET_NOTICES`]): a notice when the words after it
/// name a widget ([`WIDGET_WORDS`]) or there are none ("Please enable
/// JavaScript."); "Your browser does not support every codec, so…" is an
/// article's sentence.
const SCRIPT_ASKS: &[&str] = &[
    "please enable javascript",
    "please turn on javascript",
    "you need to enable javascript",
    "you must enable javascript",
    "enable javascript",
    "javascript is disabled",
    "javascript is required",
    "javascript must be enabled",
    "your browser does not support",
    "your browser doesnt support",
    "your device does not support",
    "sorry, your browser",
    "bitte aktivieren sie javascript",
    "ihr browser unterstützt",
    "включите javascript",
    "ваш браузер не поддерживает",
    "javascripti etkinleştirin",
    "veuillez activer javascript",
    "votre navigateur ne prend pas en charge",
    "habilite javascript",
    "activa javascript",
];

/// Widgets an ask of [`SCRIPT_ASKS`] names after it.
const WIDGET_WORDS: &[&str] = &[
    "video",
    "slideshow",
    "gallery",
    "player",
    "playback",
    "html5",
    "audio",
    "media",
    "comments",
    "видео",
    "плеер",
    "аудио",
    "медиа",
    "vidéo",
    "lecteur",
    "vídeo",
    "galería",
    "wiedergabe",
];

/// Whole texts of the labels of the page's tools and of an ad slot inside
/// the text (compared as [`comparable`] writes them, no colon; `ı` as `i`).
const TOOL_LABELS: &[&str] = &[
    "text size",
    "font size",
    "order reprints",
    "reprints",
    "print article",
    "print this article",
    "article continues below",
    "article continues below advertisement",
    "story continues below",
    "story continues below advertisement",
    "story continues below gallery",
    "continue reading below",
    "advertisement continue reading below",
    "content continues below",
    "schriftgröße",
    "размер шрифта",
    "şrift ölçüsü",
    "print",
    "print version",
    "версия для печати",
    "распечатать",
    "çap et",
    "çap versiyasi",
    // A link on to the rest, left alone on its line.
    "read more",
    "continue reading",
    "читать далее",
    "читать полностью",
    "подробнее",
    "davamini oxu",
    "ardini oxu",
    // A loader's word where its content never came.
    "loading",
    "загрузка",
    "yüklənir",
];

/// A player's clock that never ran: nothing played of the length
/// ("00:00 / 03:15"). Two times of another kind ("19:00 / 21:00") are a
/// schedule's.
static PLAYER_CLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:00?:)?00?:00\s*/\s*\d{1,2}:\d{2}(?::\d{2})?$").unwrap());

/// A slideshow's count of its pictures: "Slideshow ( 3 images )",
/// "Gallery (12 photos)".
static SLIDESHOW_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:slideshow|gallery|photo gallery|photos)\s*\(\s*\d+\s*(?:images?|photos?|pictures?)\s*\)$")
        .unwrap()
});

/// Drops the body's innermost blocks whose whole text a widget or a tool
/// of the page left ([`is_widget_text`]); a block with a picture, a video
/// or a table keeps them, and a table's cells are left whole.
pub(crate) fn drop_widget_text(doc: &Document) {
    for block in innermost_blocks(doc) {
        if block.parent().is_none() || inside(&block, &["table"]) {
            continue;
        }
        let Some(text) = short_text(&block, NOTICE_TEXT) else { continue };
        if is_widget_text(&text) && !has_descendant(&block, MEDIA_OR_TABLE) {
            remove_with_empty_wrappers(&block);
        }
    }
}

/// Whether `text` (a whole block's) is a widget's notice, a player's
/// clock, a slideshow's count or a tool's label.
fn is_widget_text(text: &str) -> bool {
    let plain = comparable(text);
    let label = plain.trim_end_matches([':', '.', ' ']);
    TOOL_LABELS.contains(&label)
        || PLAYER_CLOCK.is_match(text)
        || SLIDESHOW_COUNT.is_match(text)
        || WIDGET_NOTICES.iter().any(|n| plain.starts_with(n))
        || SCRIPT_ASKS.iter().filter_map(|a| plain.strip_prefix(a)).any(|rest| {
            let rest = rest.trim_matches(|c: char| !c.is_alphanumeric());
            rest.is_empty() || WIDGET_WORDS.iter().any(|w| rest.contains(w))
        })
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use super::*;

    #[test]
    fn the_tool_labels_are_written_as_they_are_compared() {
        crate::text::assert_written_as_compared(TOOL_LABELS);
    }

    fn tidied(body: &str) -> String {
        let doc = Document::from(format!("<html><body>{body}</body></html>").as_str());
        drop_widget_text(&doc);
        doc.select("body").inner_html().to_string()
    }

    #[test]
    fn notices_of_players_and_slideshows_that_need_script_go() {
        let out = tidied(
            r#"<p>The King opened Parliament on Wednesday.</p>
            <div><p class="vjs-no-js">To view this video please enable JavaScript, and consider upgrading to a web
            browser that <a href="https://videojs.com/html5-video-support/">supports HTML5 video</a></p></div>
            <figure><img src="a.jpg"><p>Media playback is unsupported on your device</p></figure>
            <p>This slideshow requires JavaScript.</p>
            <p>Для просмотра видео включите JavaScript</p>
            <p>Ваш браузер не поддерживает видео.</p>
            <p>Speaker said the bill would pass.</p>"#,
        );
        for gone in ["enable JavaScript", "Media playback", "slideshow", "Для просмотра", "Ваш браузер"]
        {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        assert!(out.contains("a.jpg") && out.contains("King opened") && out.contains("bill would pass"), "{out}");
    }

    #[test]
    fn a_player_s_clock_a_slideshow_s_count_and_tool_labels_go() {
        let out = tidied(
            r#"<p>Donald Trump bleibt vage.</p><div><p>00:00 / 03:15</p></div>
            <figcaption>Slideshow <span>( 3 images )</span></figcaption>
            <ul><li>Order Reprints</li><li>Print Article</li></ul><p><span>Text size</span></p>
            <div><p><span>Article continues below</span></p></div><h4>Story continues below gallery</h4>
            <p><a href="javascript:print()">Версия для печати</a></p><p><a href="/news/9">Davamını oxu</a></p>
            <div>Загрузка...</div><p>Er sagte es um 00:00 Uhr.</p><p>19:00 / 21:00</p>
            <table><tr><td>Text size</td><td>12 pt</td></tr></table>"#,
        );
        for gone in [
            "03:15",
            "Slideshow",
            "Reprints",
            "Print Article",
            "<span>Text size",
            "continues below",
            "печати",
            "Davamını",
            "Загрузка",
        ] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        for kept in ["bleibt vage", "um 00:00 Uhr", "19:00 / 21:00", "<td>Text size</td>"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }

    #[test]
    fn an_article_s_sentences_about_script_and_players_stay() {
        let out = tidied(
            r#"<p>Your browser does not support every codec, so the site sends a second file.</p>
            <p>Enable JavaScript source maps before you profile the page.</p>
            <p>JavaScript is required reading for every web developer, the author argues in a long chapter about the history of the language and its many quirks that have confused a generation.</p>
            <p>Text size matters.</p>"#,
        );
        for kept in ["every codec", "source maps", "required reading", "Text size matters"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }
}
