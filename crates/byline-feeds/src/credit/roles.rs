//! Job titles in a credit: the role words ("Editor", "müxbiri",
//! "Wirtschaftsredakteurin") that make a piece a role rather than a name,
//! the degrees ("MD", "PhD") kept out of a name, and a role as printed.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::text::{fold, squash};

/// Words that mark a job title rather than a name (folded, compared per
/// word and per part of a hyphenated word: "шеф-редактор", "Editor-in-Chief").
pub(super) const ROLE_WORDS: &[&str] = &[
    "editor",
    "correspondent",
    "reporter",
    "writer",
    "columnist",
    "contributor",
    "analyst",
    "producer",
    "photographer",
    "journalist",
    "director",
    "chief",
    "senior",
    "former",
    "staff",
    "associate",
    "deputy",
    "managing",
    "professor",
    "economist",
    "commentator",
    "critic",
    "expert",
    "обозреватель",
    "корреспондент",
    "фотокорреспондент",
    "спецкор",
    "публицист",
    "редактор",
    "журналист",
    "колумнист",
    "аналитик",
    "фотограф",
    "эксперт",
    "политолог",
    "экономист",
    "профессор",
    "директор",
    "müxbir",
    "müxbiri",
    "redaktor",
    "redaktoru",
    "jurnalist",
    "şərhçi",
    "ekspert",
    "politoloq",
    "iqtisadçi",
    "analitik",
    "fotoqraf",
    "deputat",
    "deputati",
    "müdir",
    "müdiri",
    "fotoqrafi",
    "şərhçisi",
    "professor",
    // Titles of the people a credit names beside a writer (experts, officials,
    // the desk's heads), in the languages of Byline's readers' sites.
    "president",
    "chairman",
    "chairwoman",
    "founder",
    "ceo",
    "lecturer",
    "researcher",
    "scientist",
    "minister",
    "ambassador",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "secretary",
    "lawyer",
    "attorney",
    "historian",
    "consultant",
    "adviser",
    "advisor",
    "strategist",
    "freelancer",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "reporterin",
    "journalistin",
    "доцент",
    "председатель",
    "руководитель",
    "заместитель",
    "министр",
    "посол",
    "депутат",
    "историк",
    "юрист",
    "адвокат",
    "сотрудник",
    "советник",
    "секретарь",
    "собкор",
    "социолог",
    "писатель",
    "президент",
    "основатель",
    "sədr",
    "rəhbər",
    "müavin",
    "direktor",
    "dosent",
    "rektor",
    "nazir",
    "səfir",
    "sözçü",
    "katib",
    "tarixçi",
    "hüquqşünas",
    "vəkil",
    "mütəxəssis",
    "yaziçi",
    // More of the newsroom's and the studio's jobs.
    "anchor",
    "presenter",
    "blogger",
    "intern",
    "manager",
    "officer",
    "assistant",
    "executive",
    "coordinator",
    "specialist",
    "designer",
    "illustrator",
    "cartoonist",
    "videographer",
    "meteorologist",
    "physician",
    "fotograf",
    "fotografin",
    "kolumnist",
    "kolumnistin",
    "volontär",
    "volontärin",
    "ведущий",
    "ведущая",
    "блогер",
    "продюсер",
    "журналистка",
    "корреспондентка",
    "aparici",
    "aparicisi",
    "reportyor",
    "bloger",
    // Spanish, Portuguese, French and Italian ("EDITORA-ADJUNTA DE
    // COTIDIANO", "Enviado especial", "rédactrice en chef").
    "periodista",
    "corresponsal",
    "redactor",
    "redactora",
    "columnista",
    "editora",
    "reportera",
    "cronista",
    "enviado",
    "enviada",
    "subdirector",
    "subdirectora",
    "directora",
    "fotógrafo",
    "fotógrafa",
    "repórter",
    "redator",
    "redatora",
    "colunista",
    "correspondente",
    "diretor",
    "diretora",
    "journaliste",
    "rédacteur",
    "rédactrice",
    "correspondant",
    "correspondante",
    "chroniqueur",
    "chroniqueuse",
    "envoyé",
    "envoyée",
    "directeur",
    "directrice",
    "éditorialiste",
    "photographe",
    "giornalista",
    "corrispondente",
    "inviato",
    "inviata",
    "redattore",
    "redattrice",
    "editorialista",
    "direttore",
    "direttrice",
    "fotografo",
];

/// The shortest role word that ends a compound job title
/// ("Wirtschaftsredakteur", "photojournalist", "спецкорреспондент",
/// "copywriter"): shorter ones ("chief", "staff") end too many other words.
const COMPOUND_ROLE_MIN: usize = 6;

/// Azerbaijani possessive endings after a role word ("müxbir**i**", "Milli
/// Məclisin deputat**ı**", "iqtisadçı**sı**"; folded: `ı` is `i`): "X-in
/// müxbiri", "the correspondent of X", is how az credits print a role.
pub(super) const AZ_POSSESSIVE: &[&str] = &["si", "su", "sü", "i", "u", "ü"];

/// Academic degrees and honorifics kept out of a name ("Jane Doe, MD").
pub(super) const DEGREES: &[&str] = &["md", "m.d.", "phd", "ph.d.", "dr.", "dr", "mph", "rn", "jr.", "esq."];

/// Whether `piece` reads as a job title rather than a name: it starts in
/// lower case or carries a role word.
pub(super) fn is_role(piece: &str) -> bool {
    piece.chars().next().is_some_and(char::is_lowercase) || piece.split_whitespace().any(is_role_word)
}

/// Whether `text` names a job with a role word ("eHow Contributor",
/// "Senior Editor"), not merely by starting in lower case ("in Allgemeines").
pub fn has_role_word(text: &str) -> bool {
    text.split_whitespace().any(is_role_word)
}

/// Plural endings of a role word and what its singular ends with instead:
/// English ("Staff Writers"), Russian ("корреспонденты", "обозреватели")
/// and Azerbaijani ("müxbirlər", "jurnalistlər").
const PLURAL_ENDINGS: &[(&str, &str)] = &[("s", ""), ("ы", ""), ("и", "ь"), ("и", ""), ("lər", ""), ("lar", "")];

/// Whether `role` names several people: its last word is a role word in
/// the plural ("Staff Writers", "специальные корреспонденты",
/// "müxbirlər"), as a role printed once after a list of names is.
pub(super) fn is_plural_role(role: &str) -> bool {
    let Some(last) = role.split_whitespace().last() else { return false };
    let word = fold(last.trim_matches(|c: char| !c.is_alphanumeric()));
    !ROLE_WORDS.contains(&word.as_str())
        && PLURAL_ENDINGS.iter().any(|(plural, singular)| {
            word.strip_suffix(plural).is_some_and(|stem| ROLE_WORDS.contains(&format!("{stem}{singular}").as_str()))
        })
}

/// Whether `word` (punctuation around it ignored) is one of [`ROLE_WORDS`],
/// whole or in one of its hyphenated parts.
pub(super) fn is_role_word(word: &str) -> bool {
    let word = fold(word.trim_matches(|c: char| !c.is_alphanumeric()));
    // A word without a hyphen is its own one part.
    word.split('-').any(|part| {
        ROLE_WORD_SET.contains(part)
            // English plurals: "Editors", "Staff Writers".
            || part.strip_suffix('s').is_some_and(|one| ROLE_WORD_SET.contains(one))
            || AZ_POSSESSIVE.iter().any(|end| {
                part.strip_suffix(end).is_some_and(|stem| stem.chars().count() >= 4 && ROLE_WORD_SET.contains(stem))
            })
            || ends_with_role_word(part)
    })
}

/// [`ROLE_WORDS`] to look up: every word of every credit of every feed
/// item is looked up here, several times.
static ROLE_WORD_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| ROLE_WORDS.iter().copied().collect());

/// The role words long enough to end a compound ([`COMPOUND_ROLE_MIN`]).
static COMPOUND_ENDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ROLE_WORDS.iter().copied().filter(|w| w.chars().count() >= COMPOUND_ROLE_MIN).collect());

/// Whether `part` (folded) is a compound ending in a role word of at least
/// [`COMPOUND_ROLE_MIN`] letters with more letters before it: German and
/// Russian write their job titles as one word ("Politikredakteurin",
/// "фотокорреспондент"), English some ("photojournalist", "speechwriter").
fn ends_with_role_word(part: &str) -> bool {
    // The compound itself, or its German feminine or English plural.
    let bases = [Some(part), part.strip_suffix("in"), part.strip_suffix('s')];
    bases.into_iter().flatten().any(|base| {
        // Each split after a head of three letters or more, while the head
        // is letters only: is the rest a role word?
        for (head_letters, (at, c)) in base.char_indices().enumerate() {
            if head_letters >= 3 && COMPOUND_ENDS.contains(&base[at..]) {
                return true;
            }
            if !c.is_alphabetic() {
                return false;
            }
        }
        false
    })
}

pub(super) fn is_degree(piece: &str) -> bool {
    DEGREES.contains(&fold(piece).as_str())
}

/// `piece` without trailing degrees ("Jane Doe MD" → "Jane Doe").
pub(super) fn strip_degrees(piece: &str) -> &str {
    let mut piece = piece;
    while let Some((head, last)) = piece.rsplit_once(' ') {
        if !is_degree(last) {
            break;
        }
        piece = head.trim_end();
    }
    piece
}

/// A role as printed, without surrounding spaces or trailing punctuation.
pub fn clean_role(role: &str) -> String {
    let role = squash(role);
    let trimmed = role.trim_end_matches(['.', ',', ';']).trim();
    // "Reporter, Inc.": an abbreviation's full stop is part of the role.
    let abbreviated = role.trim_end().strip_suffix('.').is_some_and(|r| {
        r.rsplit(|c: char| !c.is_alphanumeric()).next().is_some_and(|w| ROLE_ABBREVIATIONS.contains(&w))
    });
    let role = if abbreviated { role.trim_end() } else { trimmed };
    // "Jane Doe (Staff Writer)": the brackets around the whole role go.
    let unwrapped = role.strip_prefix('(').and_then(|r| r.strip_suffix(')')).filter(|r| !r.contains(['(', ')']));
    unwrapped.unwrap_or(role).trim().to_string()
}

/// Abbreviations a role may end with, whose full stop stays ("Reporter,
/// Inc.", "Editor, Acme Corp.").
const ROLE_ABBREVIATIONS: &[&str] = &["Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Sr"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_abbreviation_keeps_its_full_stop() {
        assert_eq!(clean_role("Reporter, Inc."), "Reporter, Inc.");
        assert_eq!(clean_role("Staff Writer."), "Staff Writer");
        assert_eq!(clean_role("(Staff Writer)"), "Staff Writer");
    }

    #[test]
    fn a_role_word_names_a_job() {
        assert!(has_role_word("eHow Contributor"));
        assert!(has_role_word("senior editor"));
        assert!(!has_role_word("in Allgemeines"));
        assert!(!has_role_word("fboës - Der Blog"));
    }

    /// What the lookup by sets decides, checked against a scan of every
    /// role word, as the rule is written.
    #[test]
    fn a_compound_ends_in_a_long_role_word_after_three_letters() {
        let by_scan = |part: &str| {
            [Some(part), part.strip_suffix("in"), part.strip_suffix('s')].into_iter().flatten().any(|base| {
                ROLE_WORDS.iter().filter(|w| w.chars().count() >= COMPOUND_ROLE_MIN).any(|w| {
                    base.strip_suffix(w)
                        .is_some_and(|head| head.chars().count() >= 3 && head.chars().all(char::is_alphabetic))
                })
            })
        };
        let words = [
            "politikredakteurin",
            "wirtschaftsredakteur",
            "фотокорреспондент",
            "спецкорреспондент",
            "photojournalists",
            "speechwriter",
            "abcorrespondent",
            "abccorrespondent",
            "a1bcorrespondent",
            "correspondent",
            "editor",
            "xyzeditor",
            "müxbir",
            "baş",
            "",
            "jane",
        ];
        for word in words {
            assert_eq!(ends_with_role_word(word), by_scan(word), "{word:?}");
        }
        assert!(ends_with_role_word("politikredakteurin") && ends_with_role_word("фотокорреспондент"));
        assert!(!ends_with_role_word("abcorrespondent") && !ends_with_role_word("a1bcorrespondent"));
        assert!(is_role_word("Politikredakteurin,") && is_role_word("Editors") && is_role_word("müxbiri"));
    }
}
