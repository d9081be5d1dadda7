//! The labels a credit opens with: "By", "Автор:", "Müəllif:" before its
//! authors, and "Photo:", "Edited by" before a contributor, with the role
//! that label gives them.

use std::sync::LazyLock;

use crate::text::fold;

/// Labels that may stand before author names (folded: `ı` written `i`).
const LABELS: &[&str] = &[
    "written by",
    "posted by",
    "reported by",
    "reporting by",
    "story by",
    "text by",
    "words by",
    // The interviewer of an interview, credited after it.
    "das gespräch führte",
    "das interview führte",
    "die fragen stellte",
    "interview by",
    "interviewed by",
    // The kind of piece before its writer ("Analysis by Chris Cillizza").
    "analysis by",
    "opinion by",
    "commentary by",
    "by",
    "автор материала",
    "автор статьи",
    "автор текста",
    "автор публикации",
    "авторы",
    "автор",
    // The writer who took the pictures too ("Текст и фото: Иван Иванов",
    // "Mətn və foto: Aysel Məmmədova"), before the label of the text alone.
    "текст и фото",
    "текст и фотографии",
    "mətn və foto",
    "mətn və fotolar",
    "text and photos",
    "text and photo",
    "text und fotos",
    "text und foto",
    "текст",
    "müəlliflər",
    "müəllif",
    // "Xəbəri hazırladı: …" ("the news was prepared by"), "Hazırlayan: …"
    // ("the one who prepared it"), Turkish "Yazan: …" ("the one who wrote it").
    "xəbəri hazirladi",
    "materiali hazirladi",
    "hazirladi",
    "hazirlayan",
    "yazan",
    "mətn",
    // The interviewer or the writer named by a verb: "Беседовала Анна
    // Петрова", "Материал подготовил Иван Петров", "Söhbətləşdi: Aysel
    // Məmmədova".
    "беседовала",
    "беседовал",
    "материал подготовила",
    "материал подготовил",
    "подготовила",
    "подготовил",
    "записала",
    "записал",
    "интервью взяла",
    "интервью взял",
    "söhbətləşdi",
    "söhbəti apardi",
    "müsahibəni apardi",
    "hazirlayib",
    "author",
    "authors",
    "yazar",
    // Other languages of Byline's readers' sites, and link texts that name
    // the author ("View all posts by Jane Doe").
    "geschrieben von",
    "text von",
    "verfasst von",
    "ein beitrag von",
    "von",
    "autorin",
    "autor",
    "autoren",
    "escrito por",
    "publicado por",
    "por",
    "écrit par",
    "publié par",
    "par",
    "auteur",
    "autore",
    "door",
    // Italian, Swedish and Norwegian, Danish: only before a full name
    // ([`FULL_NAME_LABELS`]).
    "di",
    "av",
    "af",
    "view all posts by",
    "all posts by",
    "more posts by",
    "posts by",
    "articles by",
    "more from",
    "mehr artikel von",
    "weitere artikel von",
    "alle artikel von",
    "alle beiträge von",
    "más artículos de",
    "все материалы автора",
    "все статьи автора",
    "müəllifin bütün yazilari",
    "müəllifin digər yazilari",
];

/// Labels that are also a name's first word or a common word ("Di Wang",
/// Swedish "av och till"): a label only before two words or more.
const FULL_NAME_LABELS: &[&str] = &["di", "av", "af"];

/// The most characters of any of [`LABELS`].
static LABEL_CHARS: LazyLock<usize> = LazyLock::new(|| LABELS.iter().map(|l| l.chars().count()).max().unwrap_or(0));

/// Labels that credit someone other than the author, and the role they give.
pub(super) const CONTRIBUTOR_LABELS: &[(&str, &str)] = &[
    ("edited by", "editor"),
    ("editing by", "editor"),
    ("photographs by", "photographer"),
    ("photography by", "photographer"),
    ("photos by", "photographer"),
    ("photo by", "photographer"),
    ("photos", "photographer"),
    ("photo", "photographer"),
    ("фото", "фотограф"),
    // German, Turkish, Polish and Czech write it too: the label is the role.
    ("foto", "foto"),
    ("редактор", "редактор"),
    ("redaktor", "redaktor"),
    ("fotoqraf", "fotoqraf"),
    ("перевод", "переводчик"),
    ("tərcümə etdi", "tərcüməçi"),
    ("tərcümə", "tərcüməçi"),
    ("translated by", "translator"),
    // A correspondent credited by the job's name and a colon: the article's
    // author when no one else is named ("Müxbir: Aysel Məmmədova").
    ("müxbir", "müxbir"),
    ("muhabir", "muhabir"),
];

/// "Photo: Name" → ("photographer", "Name").
pub(super) fn contributor_label(part: &str) -> Option<(&'static str, &str)> {
    let lower = fold(part);
    CONTRIBUTOR_LABELS.iter().find_map(|(label, role)| {
        let rest = lower.strip_prefix(label)?;
        if !(rest.starts_with([':', ' ', '\u{a0}']) || rest.is_empty()) {
            return None;
        }
        let skip = label.chars().count();
        let rest = part.char_indices().nth(skip).map_or("", |(i, _)| &part[i..]);
        let rest = rest.trim_start_matches([':', ' ', '\u{a0}', '-', '–', '—']).trim();
        (!rest.is_empty() && rest.chars().next().is_some_and(char::is_uppercase)).then_some((*role, rest))
    })
}

/// `text` without a leading "By", "Автор:", "Müəllif:"… label (twice
/// over: "By by Jane Doe" as split-up markup reads).
pub fn strip_label(text: &str) -> &str {
    let once = strip_one_label(text);
    if once.len() == text.len() {
        once
    } else {
        strip_one_label(once)
    }
}

fn strip_one_label(text: &str) -> &str {
    // Only the text's opening is compared: the longest label and the
    // character after it (`fold` maps one character to one, so the folded
    // opening is the opening of the folded text).
    let lower: String = match text.char_indices().nth(*LABEL_CHARS + 1) {
        Some((end, _)) => fold(&text[..end]),
        None => fold(text),
    };
    for label in LABELS {
        if let Some(rest) = lower.strip_prefix(label) {
            if rest.starts_with([':', ' ', '\u{a0}']) || rest.is_empty() {
                // `fold` keeps character positions, not byte positions.
                let skip = label.chars().count();
                let rest: &str = text.char_indices().nth(skip).map_or("", |(i, _)| &text[i..]);
                let rest = rest.trim_start_matches([':', ' ', '\u{a0}', '-', '–', '—']).trim();
                if FULL_NAME_LABELS.contains(label) && rest.split_whitespace().count() < 2 {
                    continue;
                }
                return rest;
            }
        }
    }
    text
}

/// Whether `text` starts with a credit label ("By", "Автор:"…).
pub fn has_label(text: &str) -> bool {
    strip_label(text).len() != text.len()
}
