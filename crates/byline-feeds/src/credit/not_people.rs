//! What is not a person: the accounts, desks, publications, institutions,
//! companies and page furniture a credit may name instead of a writer
//! ("Admin", "AOL Staff", "Business Insider", "Department of Health",
//! "Acme Inc.", "View Bio"), and the checks that keep them out of the
//! people: [`is_plausible_person`], [`is_desk`], [`is_desk_credit`].

use std::sync::LazyLock;

use regex::Regex;

use super::agencies::{is_agency, is_agency_credit};
use super::names::is_phrase;
use super::roles::has_role_word;
use super::trim_separators;
use crate::text::{comparable, fold, squash};

/// Words that are never a person's name (compared lower-case).
const NOT_A_PERSON: &[&str] = &[
    "admin",
    "administrator",
    "site admin",
    // Joomla's account made at install, which signs what its owner posts.
    "super user",
    "webmaster",
    "root",
    "nobody",
    "администратор",
    "админ",
    "администрация",
    "administrasiya",
    "editor",
    "editors",
    "редактор",
    "redaktor",
    "staff",
    "staff writer",
    "newsroom",
    "news desk",
    "editorial team",
    "editorial board",
    "guest",
    "anonymous",
    "unknown",
    "author",
    "автор",
    "müəllif",
    "by",
    "follow",
    "informasiya",
    "xəbər",
    "news",
    "no author",
    "redaktion",
    "redacción",
    "rédaction",
    "newsdesk",
    // A page's last lines, in bold or italics like a signature.
    "all rights reserved",
    "continue reading",
    "read more",
    "staff report",
    "staff reports",
];

/// Last words that make a credit a desk or a team, not a person ("AOL
/// Staff", "BWW News Desk", "Smart Shopping Team"), written folded; see
/// [`is_desk_word`].
pub(super) const DESK_WORDS: &[&str] = &[
    "staff",
    "desk",
    "team",
    "newsroom",
    "redaktion",
    "editorial",
    "submissions",
    "committee",
    "редакция",
    "komandasi",
];

/// Whether `word` (folded) is the last word of a desk's or an agency's
/// credit: one of [`DESK_WORDS`], or a word ending in "agentur" ("SID
/// Nachrichtenagentur", "Presseagentur") or "agency" ("Xinhua News Agency").
pub(super) fn is_desk_word(word: &str) -> bool {
    DESK_WORDS.contains(&word) || word.ends_with("agentur") || word == "agency"
}

/// Last words of a publication's or its company's name, never of a
/// person's ("Business Insider", "India Post News Weekly", "Daily News",
/// "Northeast Ohio Media Group", "Gazeta Telegraf", "Новая газета"),
/// written folded: a site credited beside or instead of its writer.
pub(super) const PUBLICATION_WORDS: &[&str] = &[
    "news",
    "weekly",
    "daily",
    "insider",
    "magazine",
    "journal",
    "gazette",
    "tribune",
    "times",
    "chronicle",
    "media",
    "group",
    "gazeta",
    "газета",
    "gazete",
    "qəzeti",
    "qəzet",
    "zeitung",
    "telegraph",
    "telegraf",
    "herald",
];

/// Words of an institution's or department's name, never of a person's
/// ("PMJS - Coordenadoria de TI", "Assessoria de Imprensa", "Department of
/// Health"), written folded.
pub(super) const INSTITUTION_WORDS: &[&str] = &[
    "department",
    "departamento",
    "ministry",
    "ministerio",
    "ministério",
    "coordenadoria",
    "assessoria",
    "secretaria",
    "prefeitura",
    "university",
    "universidade",
    "universidad",
    "universität",
    "institute",
    "instituto",
    "ministère",
    "министерство",
    "nazirliyi",
    "republik",
    "republic",
    "république",
    "республика",
    "respublikasi",
    // A town or a municipality as publisher ("Stadt Stuttgart").
    "stadt",
    "landeshauptstadt",
    "gemeinde",
    // Azerbaijani and Russian bodies and places ("Milli Məclis", "Nazirlər
    // Kabineti", "Dövlət Statistika Komitəsi", "Bakı Şəhəri", "Москва Кремль").
    "məclis",
    "məclisi",
    "kabineti",
    "komitə",
    "komitəsi",
    "agentliyi",
    "xidməti",
    "idarəsi",
    "şurasi",
    "palatasi",
    "universiteti",
    "şəhəri",
    "rayonu",
    "комитет",
    "агентство",
    "служба",
    "управление",
    "департамент",
    "правительство",
    "парламент",
    "кремль",
    "госдума",
    // Parties and political currents ("Courant Communiste Révolutionnaire").
    "party",
    "parti",
    "partei",
    "партия",
    "partiyasi",
    "communist",
    "communiste",
    "revolutionnaire",
    "révolutionnaire",
];

/// Endings of compound institution words, never of a person's name
/// ("Außenministerium", "Bundesministerium").
const INSTITUTION_ENDINGS: &[&str] = &["ministerium"];

/// Last words of a company's name, never of a person's ("Tableau
/// Software", "Acme Inc.", "Visiongain Ltd", "Heise Zeitschriften Verlag",
/// "Axel Springer AG"), written folded: a press
/// release's author meta is often the company.
pub(super) const COMPANY_WORDS: &[&str] = &[
    "software",
    "inc",
    "corp",
    "corporation",
    "company",
    "llc",
    "ltd",
    "plc",
    "gmbh",
    "technologies",
    "systems",
    "solutions",
    "labs",
    "holdings",
    "partners",
    "foundation",
    "association",
    "entertainment",
    "media",
    "group",
    "productions",
    "studios",
    "enterprises",
    "industries",
    "services",
    "consulting",
    "ventures",
    "networks",
    "publishing",
    "communications",
    "marketing",
    "mmc",
    "verlag",
    "ag",
    // A picture agency ("Getty Images", "AP Images"), credited under a picture.
    "images",
];

/// Words of the page's furniture, never of a person's name: a box's
/// label ("STORY HIGHLIGHTS"), a button ("View Bio", "Share"), a
/// section ("Related Videos"), compared folded.
pub(super) const FURNITURE_WORDS: &[&str] = &[
    "highlights",
    "bio",
    "share",
    "comments",
    "newsletter",
    "subscribe",
    "video",
    "videos",
    "photos",
    "gallery",
    "podcast",
    "trending",
    "advertisement",
    "sponsored",
    "login",
    "menu",
    "search",
    "stories",
    "storys",
    // The same in Azerbaijani and Russian ("Xəbər Lenti", "Son Xəbərlər",
    // "Ətraflı Oxu", "Читайте Также", "Последние Новости").
    "xəbərlər",
    "lenti",
    "ətrafli",
    "новости",
    "новостей",
    "читайте",
    "также",
    "подписывайтесь",
];

/// Whether `words` (folded, two or more) end in a [`PUBLICATION_WORDS`] word.
fn is_publication(words: &[&str]) -> bool {
    words.len() >= 2 && words.last().is_some_and(|w| PUBLICATION_WORDS.contains(w))
}

/// Quotation marks that open and close a title: «…», “…”, „…“, "…".
const OPENING_QUOTES: &[char] = &['«', '“', '„', '"'];
const CLOSING_QUOTES: &[char] = &['»', '”', '“', '"'];

/// How a note that the piece was written for an outlet opens (compared as
/// [`comparable`] writes it): "Xüsusi olaraq Oxu.az üçün", "Специально для
/// «Фонтанки»", "Special to The Washington Post".
const WRITTEN_FOR: &[&str] = &[
    "xüsusi olaraq",
    "специально для",
    "эксклюзивно для",
    "special to",
    "special for",
    "exclusively for",
    "exclusive to",
    "exclusive for",
    "speziell für",
    "exklusiv für",
    "özel olarak",
];

/// Whether `text`, printed where a role goes, names an outlet rather than
/// a job: a title in quotation marks alone ("«Фонтанка.ру»", "\"Xalq
/// qəzeti\""), a publication's name ("525-ci qəzet") or a note that the
/// piece was written for one ([`WRITTEN_FOR`]), without a role word
/// ("обозреватель «Новой»" is a job).
pub fn is_outlet_name(text: &str) -> bool {
    let text = text.trim();
    let quoted = text.starts_with(OPENING_QUOTES) && text.ends_with(CLOSING_QUOTES) && text.chars().count() > 2;
    let key = comparable(text);
    let words: Vec<&str> = key.split_whitespace().collect();
    let written_for = WRITTEN_FOR.iter().any(|w| key.starts_with(w));
    (quoted || written_for || is_publication(&words)) && !has_role_word(text)
}

/// Whether `credit` names a desk or a team, not a job ("PhillyVoice Staff",
/// "Staff", "BWW News Desk"): its last word is a desk word. "Staff Writer"
/// is a job.
pub fn is_desk(credit: &str) -> bool {
    let key = comparable(credit);
    key.split_whitespace().last().is_some_and(is_desk_word)
}

/// Words that make any credit an account, not a person ("Site Admin").
const ADMIN_WORDS: &[&str] = &["admin", "administrator", "администратор", "админ", "webmaster"];

/// First words of a publisher-as-author credit ("Редакция сайта", "Redaksiya").
const PUBLISHER_WORDS: &[&str] = &[
    "редакция",
    "редакции",
    "redaksiya",
    "redaksiyasi",
    "editorial",
    "newsroom",
    "staff",
    "пресс-служба",
    "redaktion",
    "redacción",
    "rédaction",
];

/// A domain name ("Report.az").
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\.[a-z]{2,6}$").expect("valid regex"));

/// Whether `name` credits a desk or the site's staff, not a person: no
/// person's name, and a desk's last word or a job in it ("AOL Staff",
/// "Jewish Business News Correspondent", "Editors, USA TODAY").
pub fn is_desk_credit(name: &str) -> bool {
    let name = squash(trim_separators(name));
    !name.is_empty()
        && !is_plausible_person(&name)
        && (has_role_word(&name) || name.split_whitespace().last().is_some_and(|w| is_desk_word(&fold(w))))
}

/// Whether `name` can be a person's name at all: not an account ("Admin"),
/// not the publisher ("Редакция", "Editorial team"), not a date, a URL, a
/// domain, an e-mail address, a labelled field ("Location: Sunnyvale") or
/// a title with "?" or "!". Sites add their
/// own names on top of this.
pub fn is_plausible_person(name: &str) -> bool {
    let name = squash(trim_separators(name));
    let key = comparable(&name);
    let words: Vec<&str> = key.split_whitespace().collect();
    if key.is_empty() || name.chars().count() > 80 || words.len() > 6 || !name.chars().any(char::is_alphabetic) {
        return false;
    }
    // "WTF? What's The Future?": a question or an exclamation is a title;
    // "Location: Sunnyvale" a field with its label, which no name has.
    if name.chars().any(|c| c.is_ascii_digit() || matches!(c, '@' | '|' | '/' | '<' | '>' | '©' | '?' | '!' | ':'))
        || DOMAIN.is_match(&name)
        || key.starts_with("www.")
        // "Gese - La Estrella de Panamá": a spaced dash joins a name to
        // what it is or where it writes; never inside one person's name.
        || [" - ", " – ", " — "].iter().any(|dash| name.contains(dash))
    {
        return false;
    }
    !(NOT_A_PERSON.contains(&key.as_str())
        || words.first().is_some_and(|w| PUBLISHER_WORDS.contains(w))
        // "The Local", "The Editors": an article opens a title, never a name;
        // "Our Foreign Staff", "Our Correspondent": a possessive opens a desk's credit.
        || (words.len() >= 2 && words.first().is_some_and(|w| TITLE_OPENERS.contains(w)))
        || (words.len() >= 2 && words.last().is_some_and(|w| is_desk_word(w)))
        || is_publication(&words)
        || (words.len() >= 2
            && words.last().is_some_and(|w| COMPANY_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))))
        || words.iter().any(|w| INSTITUTION_WORDS.contains(w) || INSTITUTION_ENDINGS.iter().any(|e| w.ends_with(e)))
        || words.iter().any(|w| ADMIN_WORDS.contains(w))
        || words.iter().any(|w| FURNITURE_WORDS.contains(w))
        // "Barack's Flip Flop Show": a possessive makes a title, not a name.
        || name.split_whitespace().any(|w| w.ends_with("'s") || w.ends_with("’s"))
        // "Jewish Business News Correspondent", "Editors, USA TODAY": a job
        // in the credit makes it a person with a role (split by
        // `parse_credit`) or a desk, never a name on its own.
        || has_role_word(&name)
        || is_agency(&name)
        || is_agency_credit(&name)
        || (name.chars().any(char::is_lowercase) && !name.chars().any(char::is_uppercase))
        || is_phrase(&name))
}

/// First words (folded) that open a title or a desk's credit, never a
/// person's name: articles and demonstratives ("The Local", "Die
/// Redaktion", "This Issue") and possessives
/// ("Our Foreign Staff", "Notre correspondant", "Наш корреспондент").
const TITLE_OPENERS: &[&str] = &[
    "the", "this", "these", "that", "a", "an", "your", "my", "die", "der", "das", "le", "la", "el", "our", "unser",
    "unsere", "notre", "nuestro", "nuestra", "наш",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outlet_in_quotes_or_by_its_kind_is_no_job() {
        for outlet in [
            "«Фонтанка.ру»",
            "\"Xalq qəzeti\"",
            "«Комсомольская правда»",
            "525-ci qəzet",
            "“The Herald”",
            "Xüsusi olaraq Oxu.az üçün",
            "Специально для «Фонтанки»",
            "Special to The Washington Post",
        ] {
            assert!(is_outlet_name(outlet), "{outlet}");
        }
        for job in ["обозреватель «Новой»", "Senior Editor", "müxbir", "\"", "Bakı", "Special correspondent"]
        {
            assert!(!is_outlet_name(job), "{job}");
        }
    }

    #[test]
    fn agencies_desks_and_lowercase_tags_are_not_people() {
        for bad in [
            "AFP",
            "Reuters",
            "AzərTac",
            "Report.az",
            "TIME",
            "TNN",
            "AOL Staff",
            "TMZ STAFF",
            "BWW News Desk",
            "Smart Shopping Team",
            "Practical Horseman Editorial",
            "Newsdesk",
            "Redaktion",
            "No Author",
            "sofia vergara",
            "The Event Listings Committee",
            "Agencia EFE",
            "Agence France-Presse",
            "EFE Madrid",
            "The Local",
            "The Editors",
            "Our Foreign Staff",
            "Our Correspondent",
            "WTF? What's The Future?",
            "Peter Amende und Fuchsy designed",
            "L-MAG – Das Magazin für Lesben",
            "Bund der Energieverbraucher e.V.",
            "und Netzphilosophin Leena Simon",
            "Location: Sunnyvale",
        ] {
            assert!(!is_plausible_person(bad), "{bad}");
        }
        for good in [
            "Jane Staffordshire",
            "Desk Jones",
            "Li Na",
            "Team Smith Jr",
            "Alexa von Heyden",
            "Verónica De Vita",
            "Ludwig van der Rohe",
            "John v. Berenberg-Consbruch",
            "Əli Həsən oğlu",
            "Valéry d'Estaing",
        ] {
            assert!(is_plausible_person(good), "{good}");
        }
    }

    #[test]
    fn a_box_s_label_or_a_button_is_not_a_person() {
        for bad in [
            "STORY HIGHLIGHTS",
            "Story Highlights",
            "View Bio",
            "Related Videos",
            "Share This",
            "Alle Storys",
            "Barack's Flip Flop Show",
        ] {
            assert!(!is_plausible_person(bad), "{bad}");
        }
        assert!(is_plausible_person("Louise Story"));
        for company in [
            "Tableau Software",
            "Acme Inc.",
            "Visiongain Ltd",
            "Bill & Melinda Gates Foundation",
            "Vortex Cannon Entertainment",
            "Ziggo Media Group",
            "Baku Media",
            "Azercell Telecom MMC",
            "Milli Məclis",
            "Nazirlər Kabineti",
            "Dövlət Statistika Komitəsi",
            "Bakı Şəhəri",
            "Москва Кремль",
            "Xəbər Lenti",
            "Son Xəbərlər",
            "Ətraflı Oxu",
            "Читайте Также",
            "Последние Новости",
            "Heise Zeitschriften Verlag",
            "Axel Springer AG",
            "Getty Images",
        ] {
            assert!(!is_plausible_person(company), "{company}");
        }
    }

    #[test]
    fn an_institution_or_a_department_is_not_a_person() {
        for bad in [
            "PMJS - Coordenadoria de TI",
            "Assessoria de Imprensa",
            "Department of Health",
            "Ministry of Defence",
            "Außenministerium der Republik Österreich",
            "Xarici İşlər Nazirliyi",
            "Courant Communiste Revolutionnaire",
            "Labour Party",
        ] {
            assert!(!is_plausible_person(bad), "{bad}");
        }
    }

    #[test]
    fn desks_are_not_jobs() {
        for desk in ["PhillyVoice Staff", "Staff", "BWW News Desk", "Smart Shopping Team", "Report.az Komandası"] {
            assert!(is_desk(desk), "{desk}");
        }
        for job in ["Staff Writer", "Senior Editor", "müxbir", ""] {
            assert!(!is_desk(job), "{job}");
        }
    }

    #[test]
    fn plausible_people() {
        for good in ["Gülağa İsgəndərov", "Ирина Волкова", "Jane Doe", "Jean-Paul O'Brien"] {
            assert!(is_plausible_person(good), "{good}");
        }
        for bad in [
            "Admin",
            "Редакция сайта",
            "Report.az",
            "20.11.2026 | 14:35",
            "https://x.az/a",
            "",
            "Müəllif",
            "Gese - La Estrella de Panamá",
            "Super User",
            "Stadt Stuttgart",
        ] {
            assert!(!is_plausible_person(bad), "{bad}");
        }
    }
}
