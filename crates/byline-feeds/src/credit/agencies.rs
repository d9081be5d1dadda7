//! News agencies and wire services: knowing one when a credit names it
//! ("AFP", "Reuters", "Agencia EFE") and cutting one printed after a
//! writer's name ("Narayana Kocherlakota Bloomberg").

use crate::spelling::{spells, spells_within};
use crate::text::{comparable, fold, squash};

/// News agencies and wire services, credited beside or instead of people
/// (compared lower-case, as one whole name). Any one-word credit in capitals
/// of up to five letters ("AP", "TNN", "TIME") counts as one too.
const AGENCIES: &[&str] = &[
    "ap",
    "afp",
    "reuters",
    "dpa",
    "efe",
    "ansa",
    "tass",
    "тасс",
    "риа новости",
    "интерфакс",
    "interfax",
    "apa",
    "trend",
    "azərtac",
    "azertac",
    "report",
    "report.az",
    "turan",
    "xinhua",
    "kyodo",
    "jiji",
    "pti",
    "ians",
    "upi",
    "associated press",
    "the associated press",
    "agencies",
    "bloomberg",
    "dow jones",
    "business wire",
    "pr newswire",
    "globenewswire",
    "globe newswire",
    "accesswire",
    "anadolu",
    "anadolu ajansi",
    "ukrinform",
    "укринформ",
    "belta",
    "белта",
    "kazinform",
    "казинформ",
    "armenpress",
    "арменпресс",
    "sputnik",
];

/// Whether `name` is a news agency or wire service ("AFP", "Reuters",
/// "AzərTac") rather than a person.
pub fn is_agency(name: &str) -> bool {
    let name = squash(name);
    let key = comparable(&name);
    AGENCIES.contains(&key.as_str())
        || (!name.contains(' ')
            && (2..=5).contains(&name.chars().count())
            && name.chars().all(|c| c.is_uppercase() || c == '.'))
}

/// Whether `name` is a news agency known by its name ("Reuters", "AFP",
/// "Agencia EFE"); unlike [`is_agency`], not any short word in capitals,
/// which is as often the site's own abbreviation ("LN").
pub fn is_named_agency(name: &str) -> bool {
    AGENCIES.contains(&comparable(&squash(name)).as_str()) || is_agency_credit(name)
}

/// The agency a credit names, as it writes it: the whole credit when it is
/// an agency's name ("Reuters", "Agencia EFE", "Sputnik Azərbaycan"), else
/// a known agency's acronym in capitals among its words ("AP" in "ROBERT
/// BURNS, AP National Security Writer", "EFE" in "EFE Madrid"); `None`
/// when it names none.
pub fn agency_named_in(credit: &str) -> Option<String> {
    // Up to a date after the name ("Agencia EFE 04.05.2022").
    let credit = squash(credit);
    let credit = credit
        .split_whitespace()
        .take_while(|w| !w.contains(|c: char| c.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ");
    let agency_words = credit.split_whitespace().count() <= AGENCY_NAME_WORDS;
    if AGENCIES.contains(&comparable(&credit).as_str())
        || (agency_words
            && credit.split_whitespace().next().is_some_and(|w| AGENCY_FIRST_WORDS.contains(&fold(w).as_str())))
    {
        return Some(credit);
    }
    credit
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '(' | ')'))
        .map(|w| w.trim_matches(['.', ':', '-', '–', '—']))
        .find(|w| w.chars().count() >= 2 && w.chars().all(char::is_uppercase) && AGENCIES.contains(&fold(w).as_str()))
        .map(str::to_string)
}

/// The agency a feed's credit names among its parts ("Иван Петров, ТАСС"
/// gives "ТАСС", "AFP" gives "AFP"), unless it is the feed's own site
/// (`site`, its web address: "Report.az" on report.az, "AP" on
/// apnews.com); `None` when it names none.
pub fn agency_in_credit(credit: &str, site: Option<&url::Url>) -> Option<String> {
    let mut agencies = credit_parts(credit).filter_map(agency_named_in).peekable();
    // Most credits name no agency: the site's host is read only for one that does.
    agencies.peek()?;
    let host = site.and_then(|s| s.host_str()).unwrap_or_default();
    agencies.find(|agency| !is_agency_site(agency, host))
}

/// The parts of a feed's credit that each may name a writer or an agency
/// ("Иван Петров, ТАСС", "Jane Doe / AP"), trimmed, none empty.
pub fn credit_parts(credit: &str) -> impl Iterator<Item = &str> {
    credit.split([',', ';', '/']).map(str::trim).filter(|part| !part.is_empty())
}

/// Whether `agency` is the site at `host` itself, so never its source: the
/// host spells its name ("Report.az" on report.az, "Reuters" on
/// reuters.com, "APA" on apa.az, "ТАСС" on tass.ru: see
/// [`crate::spelling`]), or the agency's site is known by another name
/// ([`AGENCY_SITES`]: "AzərTac" on azertag.az, "AP" on apnews.com).
pub fn is_agency_site(agency: &str, host: &str) -> bool {
    let host = host.trim_start_matches("www.").to_lowercase();
    let letters: String = comparable(agency).chars().filter(|c| c.is_alphanumeric()).collect();
    if letters.is_empty() {
        return false;
    }
    let host_letters: String = host.chars().filter(|c| c.is_alphanumeric()).collect();
    let first_label = host.split('.').next().unwrap_or_default();
    let spelled =
        spells(&letters, first_label) || (letters.chars().count() >= 3 && spells_within(&letters, &host_letters));
    let key = comparable(&squash(agency));
    spelled || AGENCY_SITES.iter().any(|(name, label)| *name == key && host.split('.').any(|l| l == *label))
}

/// Agencies whose own site's host does not spell the name they are
/// credited by, even in Latin letters ([`crate::spelling`]), compared as
/// [`AGENCIES`] are, with a label of that host: on those sites' feeds the
/// agency is the site itself ("AzərTac" on azertag.az, "РИА Новости" on
/// ria.ru, "AP" on apnews.com).
const AGENCY_SITES: &[(&str, &str)] = &[
    ("azərtac", "azertag"),
    ("azertac", "azertag"),
    ("риа новости", "ria"),
    ("ap", "apnews"),
    ("associated press", "apnews"),
    ("the associated press", "apnews"),
    ("anadolu", "aa"),
    ("anadolu ajansi", "aa"),
    ("казинформ", "inform"),
];

/// An agency's name opened by one of [`AGENCY_FIRST_WORDS`] has at most
/// this many words ("Agence France-Presse", "РИА Новости Крым"); a longer
/// credit is a sentence, never the name.
const AGENCY_NAME_WORDS: usize = 5;

/// Words that open the name of an agency ("Agencia EFE", "Agence
/// France-Presse"), or of an agency's edition for a country ("Sputnik
/// Azərbaycan", "Sputnik Грузия", "РИА Новости Крым").
const AGENCY_FIRST_WORDS: &[&str] =
    &["agencia", "agence", "agentur", "agenzia", "agency", "agência", "агентство", "sputnik", "спутник", "риа"];

/// Whether a credit of several words names an agency: it opens with
/// "Agencia"/"Agence"… or holds a known agency's acronym in capitals
/// ("Agencia EFE", "EFE Madrid").
pub(super) fn is_agency_credit(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2
        && (words.first().is_some_and(|w| AGENCY_FIRST_WORDS.contains(&fold(w).as_str()))
            || words.iter().any(|w| {
                w.chars().count() >= 2 && w.chars().all(char::is_uppercase) && AGENCIES.contains(&fold(w).as_str())
            }))
}

/// `piece` up to a news agency after a name of two words or more, with
/// the date stamp after it ("Narayana Kocherlakota Bloomberg Fri." →
/// "Narayana Kocherlakota"): the agency is the story's source, not part of
/// the name.
pub(super) fn without_agency_tail(piece: &str) -> &str {
    // Each word with its byte offset in `piece` (a word is a slice of it).
    let words: Vec<(usize, &str)> =
        piece.split_whitespace().map(|w| (w.as_ptr() as usize - piece.as_ptr() as usize, w)).collect();
    let agency_at = (2..words.len()).find(|&i| {
        let one = words[i].1.trim_end_matches(['.', ',']);
        let two = words.get(i + 1).map(|(_, next)| format!("{one} {}", next.trim_end_matches(['.', ','])));
        // Only a stamp may follow the agency ("Fri.", "Aug. 23,", "2019"):
        // a name after it is another person's.
        let stamp_after = |from: usize| {
            words[from..].iter().all(|(_, w)| w.ends_with(['.', ',']) || w.contains(|c: char| c.is_ascii_digit()))
        };
        (is_named_agency(one) && stamp_after(i + 1))
            || two.is_some_and(|two| is_named_agency(&two) && stamp_after(i + 2))
    });
    match agency_at {
        Some(i) => piece[..words[i].0].trim_end(),
        None => piece,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_agencies_are_not_any_short_word_in_capitals() {
        for agency in
            ["Reuters", "AFP", "The Associated Press", "Agencia EFE", "Sputnik Azərbaycan", "РИА Новости Крым"]
        {
            assert!(is_named_agency(agency), "{agency}");
        }
        assert!(is_agency("LN") && !is_named_agency("LN"));
        assert!(!is_named_agency("Jane Doe"));
    }

    #[test]
    fn the_agency_a_credit_names_is_the_agency_alone() {
        let named = |credit: &str| agency_named_in(credit);
        assert_eq!(named("Reuters").as_deref(), Some("Reuters"));
        assert_eq!(named(" Agencia  EFE ").as_deref(), Some("Agencia EFE"));
        assert_eq!(named("Sputnik Azərbaycan").as_deref(), Some("Sputnik Azərbaycan"));
        assert_eq!(named("ROBERT BURNS, AP National Security Writer").as_deref(), Some("AP"));
        assert_eq!(named("EFE Madrid").as_deref(), Some("EFE"));
        assert_eq!(named("Agencia EFE 04.05.2022").as_deref(), Some("Agencia EFE"));
        let long = format!("Agency {}", "word ".repeat(1000));
        assert_eq!(named(&long), None, "a sentence is no agency's name");
        assert_eq!(named("Jane Doe"), None);
        assert_eq!(named("LN"), None, "a short word in capitals is not enough");
        assert_eq!(named("Trend setter Jane Doe"), None, "an agency's name as an ordinary word is not one");
    }

    #[test]
    fn an_agency_site_is_known_by_its_host() {
        assert!(is_agency_site("AzərTac", "azertag.az"));
        assert!(is_agency_site("ТАСС", "www.TASS.ru"));
        assert!(is_agency_site("Report.az", "report.az"));
        assert!(is_agency_site("Reuters", "www.reuters.com"));
        assert!(!is_agency_site("Reuters", "www.bbc.co.uk"));
        assert!(!is_agency_site("AzərTac", ""), "no host, no site");
        assert!(!is_agency_site("", "report.az"), "no name, no site");
    }

    #[test]
    fn an_agency_is_never_its_own_sites_source() {
        let on = |credit: &str, site: &str| agency_in_credit(credit, Some(&url::Url::parse(site).unwrap()));
        assert_eq!(on("AzərTac", "https://azertag.az/xeber/1"), None, "spelled with a g in its host");
        assert_eq!(on("AZƏRTAC", "https://azertag.az/"), None);
        assert_eq!(on("ТАСС", "https://tass.ru/"), None);
        assert_eq!(on("Иван Петров, ТАСС", "https://tass.ru/"), None);
        assert_eq!(on("AP", "https://apnews.com/article/1"), None);
        assert_eq!(on("Anadolu Ajansı", "https://www.aa.com.tr/"), None);
        assert_eq!(on("Report.az", "https://report.az/"), None);
        // Their hosts spell them in Latin letters.
        for (agency, site) in [
            ("Интерфакс", "https://www.interfax.ru/"),
            ("Укринформ", "https://www.ukrinform.ua/"),
            ("БелТА", "https://www.belta.by/"),
            ("Арменпресс", "https://armenpress.am/"),
        ] {
            assert_eq!(on(agency, site), None, "{agency}");
            assert_eq!(on(agency, "https://news.example.az/").as_deref(), Some(agency), "{agency}");
        }
        // Elsewhere they are the story's source.
        assert_eq!(on("AzərTac", "https://news.example.az/").as_deref(), Some("AzərTac"));
        assert_eq!(on("Иван Петров, ТАСС", "https://ria.ru/").as_deref(), Some("ТАСС"));
        assert_eq!(on("AP", "https://www.bbc.com/").as_deref(), Some("AP"));
        // The list is written as it is compared, and names known agencies.
        for (name, _) in AGENCY_SITES {
            assert_eq!(comparable(name), *name);
            assert!(AGENCIES.contains(name) || AGENCIES.contains(&fold(name).as_str()), "{name}");
        }
    }
}
