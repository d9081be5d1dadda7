//! A date as a page prints it for its readers, not for machines:
//! "December 16, 2016, 4:19 PM", "Updated: Dec 15, 2016", "16. Dezember
//! 2016", "5 декабря 2026", "5 dekabr 2026", "5 Aralık 2026", "05.12.2026".
//! The last source of an article's date, when no metadata gives one.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// The months' names, whole and shortened, in en, de, ru (as a date writes
/// them: "5 декабря"), az and tr, lower case, each with its number: a
/// name shared by two languages ("may", "mart") is written once.
const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("jän", 1),
    ("mär", 3),
    ("okt", 10),
    ("dez", 12),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("янв", 1),
    ("фев", 2),
    ("апр", 4),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сен", 9),
    ("окт", 10),
    ("ноя", 11),
    ("дек", 12),
    ("yanvar", 1),
    ("fevral", 2),
    ("mart", 3),
    ("aprel", 4),
    ("iyun", 6),
    ("iyul", 7),
    ("avqust", 8),
    ("sentyabr", 9),
    ("oktyabr", 10),
    ("noyabr", 11),
    ("dekabr", 12),
    // Turkish, read beside az on our readers' sites.
    ("ocak", 1),
    ("şubat", 2),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
];

/// The number of the month `word` names (lower case, compared whole, a
/// trailing dot aside): "dec" and "декабря" are 12.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTH_NAMES.iter().find(|(name, _)| *name == word).map(|(_, n)| *n)
}

/// A date in numbers: "05.12.2026", "2026-12-05".
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})|(\d{4})-(\d{2})-(\d{2}))\b").unwrap());

/// The first date `text` prints: a month's name with a day and a year
/// ("December 16, 2016", "16. Dezember 2016", "5 декабря 2026"), or a date
/// in numbers (day first, as in Europe: "05.12.2026"; or "2026-12-05").
pub(crate) fn printed_date(text: &str) -> Option<NaiveDate> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '/' | '|' | '•' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit()).then(|| w.parse::<u32>().ok()).flatten();
    // "2026-cı il", "2026'da": a year with its Azerbaijani or Turkish ending.
    let year = |w: &str| {
        let digits = w.split(['-', '\'', '’']).next().unwrap_or(w);
        number(digits).filter(|y| digits.len() == 4 && (1990..=2100).contains(y))
    };
    let day = |w: &str| number(w).filter(|d| w.len() <= 2 && (1..=31).contains(d));
    let month = |w: &str| month_number(w);
    let from_words = words.windows(3).find_map(|w| {
        let (d, m, y) = match (day(&w[0]), month(&w[0])) {
            // "16 Dezember 2016"
            (Some(d), _) => (d, month(&w[1])?, year(&w[2])?),
            // "December 16 2016"
            (_, Some(m)) => (day(&w[1])?, m, year(&w[2])?),
            _ => return None,
        };
        NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
    });
    from_words.or_else(|| {
        let c = NUMERIC.captures(text)?;
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        match (n(1), n(2), n(3)) {
            (Some(d), Some(m), Some(y)) => NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d),
            _ => NaiveDate::from_ymd_opt(i32::try_from(n(4)?).ok()?, n(5)?, n(6)?),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_as_pages_print_them() {
        for (text, want) in [
            ("December 16, 2016, 4:19 PM", date(2016, 12, 16)),
            ("Updated: Dec 15, 2016 2:57 PM UTC", date(2016, 12, 15)),
            ("Published Aug 28, 2024 • Last updated 1 hour ago", date(2024, 8, 28)),
            ("16. Dezember 2016, 14:59 Uhr", date(2016, 12, 16)),
            ("5 декабря 2026, 10:15", date(2026, 12, 5)),
            ("5 dekabr 2026 | 14:30", date(2026, 12, 5)),
            ("20 Nisan 2026 Pazartesi", date(2026, 4, 20)),
            ("12 iyul 2025", date(2025, 7, 12)),
            ("5 dekabr 2026-cı il", date(2026, 12, 5)),
            ("05 dekabr 2026-ci il, 14:20", date(2026, 12, 5)),
            ("Stand: 24.04.2024 22:58 Uhr", date(2024, 4, 24)),
            ("2019-11-20", date(2019, 11, 20)),
        ] {
            assert_eq!(printed_date(text), want, "{text}");
        }
    }

    #[test]
    fn words_and_numbers_that_are_no_date_give_none() {
        for text in
            ["Marathon 2024", "The 5 minutes that changed 2019", "Score: 2:1", "31 February 2020", "May 2016", "8:09"]
        {
            assert_eq!(printed_date(text), None, "{text}");
        }
    }
}
