//! Lines of the page's furniture that a body keeps when the site writes
//! them as text of their own: the reading time ("Lesedauer: 4 Minuten",
//! "5 min read", "Время чтения: 3 мин") and a bare time stamp ("Stand:
//! 24.04.2024 22:58 Uhr", "UPDATED: Tue., Nov. 19, 2019", "06. 01. 2026,
//! 14:59 Uhr"). The reader shows the article's date and reading time in
//! its header; in the text they are clutter.

use regex::Regex;
use std::sync::LazyLock;

/// A stamp line is at most this many characters.
const STAMP_TEXT: usize = 60;

/// A reading time: a label and minutes, or minutes and "read".
const READING_TIME_PATTERN: &str = r"(?:
    (?:lesedauer|lesezeit|reading\ time|read\ time|time\ to\ read|tempo\ de\ leitura|tiempo\ de\ lectura
      |temps\ de\ lecture|время\ чтения|oxunma\ müddəti)\s*:?\s*(?:ca\.?\s*|about\s*|около\s*)?\d+\s*\p{L}*\.?
  | \d+\s*(?:min|mins|minutes?|minuten|мин|минут[аы]?|dəq|dəqiqə)\.?\s*(?:read|lesen|lesezeit|чтения|oxu\p{L}*)
)";

/// A reading time ending a block: its whole text when the match starts it,
/// or after its time stamp ("06. 01. 2026, 14:59 Uhr Lesedauer: 4
/// Minuten", "15.04.2026 - 15:48 UhrLesedauer: 2 Min.").
static READING_TIME: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("(?ix){READING_TIME_PATTERN}$")).unwrap());

/// The label a time stamp line may open with.
static STAMP_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:stand|updated|last\ updated|published|posted|aktualisiert(?:\ am)?|veröffentlicht(?:\ am)?|обновлено|опубликовано|yenilənib|dərc\ olunub)\s*:?\s*",
    )
    .unwrap()
});

/// The names of weekdays, whole and shortened, in en, de, ru and tr (lower
/// case, compared whole, a trailing dot aside): with the months'
/// ([`crate::printed_date::month_number`]), the words of a date besides its numbers.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    // Turkish, read beside az on our readers' sites.
    "pazartesi",
    "salı",
    "çarşamba",
    "perşembe",
    "cuma",
    "cumartesi",
    "pazar",
];

/// Words that say a stamp's second date is the update's, wherever they
/// stand in the line ("20 Nisan 2026 • Güncelleme: 20 Nisan 2026").
const UPDATE_WORDS: &[&str] = &["updated", "update", "aktualisiert", "обновлено", "yenilənib", "güncelleme"];

/// Whether `text` (a block's whole text) is a reading time or a bare time
/// stamp, and nothing else.
pub(crate) fn is_stamp_line(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > STAMP_TEXT {
        return false;
    }
    READING_TIME.find(text).is_some_and(|reading| reading.start() == 0)
        || AGE_OR_DURATION.is_match(text)
        || is_time_stamp(text)
        || is_stamp_and_reading_time(text)
}

/// A time stamp and then a reading time, in one block.
fn is_stamp_and_reading_time(text: &str) -> bool {
    READING_TIME.find(text).is_some_and(|reading| {
        let stamp = text[..reading.start()].trim_end_matches(|c: char| c.is_whitespace() || "|•·-–—,".contains(c));
        !stamp.is_empty() && is_time_stamp(stamp)
    })
}

/// A stamp's age, or a video's length, the block's whole text: "14 hours
/// ago", "vor 3 Stunden", "2 часа назад", "3 saat əvvəl", "Duration 1:30"
/// (a video's card in the text, the video itself gone). Right only the day
/// the page was read; the reader shows the article's own date.
static AGE_OR_DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago
          | vor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag|tagen|wochen?|monat|monaten|jahr|jahren)
          | \d+\s+(?:секунд\p{L}*|минут\p{L}*|час\p{L}*|дн\p{L}*|день|недел\p{L}*|месяц\p{L}*|год\p{L}*|лет)\s+назад
          | \d+\s+(?:saniyə|dəqiqə|saat|gün|həftə|ay|il|saniye|dakika|hafta|yıl)\s+(?:əvvəl|öncə|önce)
          | (?:duration|dauer|длительность|продолжительность|müddət)\s*:?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*min\.?)?
        )$",
    )
    .unwrap()
});

/// A date with or without its time, after an optional label: a month's
/// or weekday's name or a date in numbers ("24.04.2024", "2019-11-20") in
/// it, and every word a number, a month, a weekday, a clock's word or a
/// time zone. A clock time alone ("8:09") or a number alone is no stamp.
fn is_time_stamp(text: &str) -> bool {
    let stamp = STAMP_LABEL.find(text).map_or(text, |label| &text[label.end()..]);
    let words: Vec<&str> = stamp
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '–' | '|' | '•' | '/' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let is_number = |w: &str| w.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ':'));
    // Each word bare (a trailing dot or colon aside) and in lower case, once.
    let bare: Vec<String> = words.iter().map(|w| w.trim_end_matches(['.', ':']).to_lowercase()).collect();
    let is_date_word = |w: &str| WEEKDAYS.contains(&w) || crate::printed_date::month_number(w).is_some();
    let is_stamp_word = |w: &str| is_date_word(w) || CLOCK_WORDS.contains(&w) || UPDATE_WORDS.contains(&w);
    let has_date = NUMERIC_DATE.is_match(stamp) || bare.iter().any(|w| is_date_word(w));
    has_date && !bare.is_empty() && bare.iter().all(|w| is_number(w) || is_stamp_word(w))
}

/// A date written in numbers: "24.04.2024", "06. 01. 2026", "11/19/2019", "2019-11-20".
static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}|\d{4}-\d{2}-\d{2})\b").unwrap());

/// The words a time stamp writes beside its date: the clock's and time
/// zones (lower case, compared whole, a trailing dot aside).
const CLOCK_WORDS: &[&str] = &[
    "uhr", "am", "pm", "a.m", "p.m", "um", "at", "в", "г", "il", "saat", "utc", "gmt", "est", "edt", "cst", "cdt",
    "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "mez", "mesz", "msk", "azt",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_times_and_time_stamps_are_stamp_lines() {
        for line in [
            "Lesedauer: 4 Minuten",
            "Lesezeit: 2 min",
            "Tempo de leitura: 1 minuto",
            "5 min read",
            "Время чтения: 3 мин",
            "Stand: 24.04.2024 22:58 Uhr",
            "06. 01. 2026, 14:59 Uhr",
            "06. 01. 2026, 14:59 Uhr Lesedauer: 4 Minuten",
            "15.04.2026 - 15:48 UhrLesedauer: 2 Min.",
            "5 dekabr 2026 • 3 dəq oxunuş",
            "12.12.2025, 05:07 Uhr",
            "UPDATED: Tue., Nov. 19, 2019",
            "Nov. 20, 2019 6:02 AM EST",
            "21.04.2024",
            "20 Nisan 2026•Güncelleme: 20 Nisan 2026",
            "5 Aralık 2026 Cumartesi 14:30",
            "14 hours ago",
            "1 day ago",
            "vor 3 Stunden",
            "2 часа назад",
            "3 saat əvvəl",
            "Duration 1:30",
            "Duration 12:38",
        ] {
            assert!(is_stamp_line(line), "{line}");
        }
    }

    #[test]
    fn sentences_names_and_numbers_of_the_article_are_not() {
        for line in [
            "Stand: Die Regierung hat am 24.04.2024 entschieden.",
            "Marathon 2024",
            "In 2019, 5 people were hurt.",
            "Mai Thi Nguyen-Kim",
            "USA 2024",
            "Sunday Times",
            "The 5 minutes that changed everything",
            "Score: 2:1",
            "Berlin.",
            "8:09",
            "6817 387",
            "15:6",
            "Two days ago the minister resigned.",
            "Duration of the strike",
            "Er las 2026 Lesedauer: 4 Minuten",
        ] {
            assert!(!is_stamp_line(line), "{line}");
        }
    }
}
