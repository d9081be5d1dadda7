//! Where a job title begins after a name printed with no mark between
//! them: "Jane Doe Metro Reporter", "Анна Петрова экономический
//! обозреватель", "Aysel Məmmədova Report-un müxbiri". A role word
//! ("Reporter") ends the title; the words before it that qualify the job
//! (a beat, a rank, an outlet's name in the genitive) belong to it, not to
//! the name.

use super::names::NAME_ONLY;
use super::not_people::is_desk_word;
use super::roles::{is_role_word, AZ_POSSESSIVE, ROLE_WORDS};
use super::BARE_ROLE_WORDS;
use crate::text::fold;

/// Words that qualify a job before its role word and are no part of a name
/// there ("Metro Reporter", "Contributing Editor", "Baş redaktor"): beats,
/// ranks and kinds of contributor, written folded. Surnames that are also
/// such words (White, Price, Art) are left out: a third name word is read
/// as a name's; so are the words that end an outlet's or a desk's name
/// ("Jewish Business News Correspondent", "Practical Horseman Editorial
/// Staff": [`super::not_people::PUBLICATION_WORDS`],
/// [`super::not_people::DESK_WORDS`]).
#[rustfmt::skip]
const JOB_QUALIFIERS: &[&str] = &[
    // Ranks and kinds of contributor.
    "contributing", "guest", "special", "visiting", "freelance", "independent", "regular", "veteran", "lead",
    "principal", "acting", "interim", "general", "executive", "technical", "creative", "night", "weekend",
    // Beats.
    "metro", "city", "local", "regional", "national", "international", "foreign", "global", "world", "political",
    "politics", "parliamentary", "diplomatic", "investigative", "breaking", "features", "feature", "opinion", "copy",
    "photo", "video", "audio", "digital", "multimedia", "data", "graphics", "social", "web", "online", "sports",
    "sport", "business", "economics", "economic", "economy", "finance", "financial", "markets", "tech", "technology",
    "science", "health", "medical", "education", "environment", "environmental", "climate", "energy", "legal",
    "courts", "crime", "security", "defence", "defense", "military", "culture", "cultural", "arts", "entertainment",
    "music", "film", "books", "food", "travel", "fashion", "lifestyle", "religion", "government", "transport",
    "transportation", "property", "consumer", "motoring", "gaming",
    // Azerbaijani and Russian ranks, capitalized at a title's start.
    "baş", "böyük", "xüsusi", "siyasi", "iqtisadi", "главный", "старший", "специальный", "собственный",
    "политический", "экономический",
];

/// Azerbaijani genitive endings after an outlet's name joined by a hyphen
/// or an apostrophe ("Report-un müxbiri", "APA-nın", "Trend'in"), folded.
const GENITIVE_ENDINGS: &[&str] = &["in", "un", "ün", "nin", "nun", "nün"];

/// Russian adjectives' endings ("экономический", "старший", "научная"):
/// a lower-case Cyrillic word ending so qualifies the job after it.
const RU_ADJECTIVE_ENDINGS: &[&str] = &["ый", "ий", "ой", "ая", "яя"];

/// Whether `word` may open or continue a job title before its role word:
/// one of [`JOB_QUALIFIERS`], an outlet in the genitive, or a Russian
/// adjective in lower case. Other lower-case words are not (a sentence,
/// "Jane Doe told a reporter", is no credit).
fn qualifies_job(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let folded = fold(word);
    let ru_adjective = word.starts_with(|c: char| c.is_lowercase() && is_cyrillic(c))
        && RU_ADJECTIVE_ENDINGS.iter().any(|end| word.ends_with(end));
    JOB_QUALIFIERS.contains(&folded.as_str()) || is_outlet_genitive(&folded) || ru_adjective
}

/// Whether `c` is a Cyrillic letter.
fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{4ff}')
}

/// "report-un", "apa-nin": a name, a hyphen or an apostrophe, a genitive ending.
fn is_outlet_genitive(folded: &str) -> bool {
    folded.rsplit_once(['-', '\'', '’']).is_some_and(|(head, end)| !head.is_empty() && GENITIVE_ENDINGS.contains(&end))
}

/// Where the job title begins in `words` (a name, then a title that holds
/// a role word): the first word after a name of two to four capitalized
/// words from which every word up to the first role word qualifies the job
/// ("Jane Doe | Metro Reporter"); at that role word when none before it
/// does ("Mary Ann Smith | Reporter"). `None` without a role word after a
/// name.
pub(super) fn title_start(words: &[&str]) -> Option<usize> {
    let role_at = words.iter().position(|w| is_role_word(w))?;
    // "Zərdab Rayon Təhsil Sektorunun müdiri" after a name; alone ("Milli
    // Məclisin deputatı") it names no one.
    if is_az_institution_title(&words[..=role_at]) {
        return (role_at >= 3 && NAME_ONLY.is_match(&words[..2].join(" "))).then_some(2);
    }
    // Qualifiers open the title only before a job of a few words, never a
    // desk's ("Sports Staff"): a longer run is a list of people and roles.
    let may_qualify = words.len() - role_at < BARE_ROLE_WORDS && !is_desk_word(&fold(words[role_at]));
    let first = if may_qualify { 2 } else { role_at };
    (first.max(2)..=role_at)
        .find(|&at| words[at..role_at].iter().all(|w| qualifies_job(w)) && NAME_ONLY.is_match(&words[..at].join(" ")))
}

/// Whether `title` is an Azerbaijani job at an institution: the
/// institution's name ending in the genitive, then a role word with a
/// possessive ending ("Zərdab Rayon Təhsil Sektorunun müdiri", "Milli
/// Məclisin deputatı"). The institution's words are capitalized as a
/// name's are, so the name before it is taken as two words, as az names
/// are written (a patronymic, "oğlu", is in lower case).
fn is_az_institution_title(title: &[&str]) -> bool {
    let [.., genitive, role] = title else { return false };
    let role = fold(role.trim_matches(|c: char| !c.is_alphanumeric()));
    let possessive =
        AZ_POSSESSIVE.iter().any(|end| role.strip_suffix(end).is_some_and(|stem| ROLE_WORDS.contains(&stem)));
    let genitive = fold(genitive);
    possessive && genitive.chars().count() > 4 && GENITIVE_ENDINGS.iter().any(|end| genitive.ends_with(end))
}

/// `name` without the job qualifiers that end it, and those qualifiers:
/// "Jane Doe Health" (before "and Science Correspondent") is Jane Doe and
/// "Health". `None` when no such word ends a name of two words or more.
pub(super) fn trailing_qualifiers(name: &str) -> Option<(String, String)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let at = (2..words.len())
        .find(|&at| words[at..].iter().all(|w| qualifies_job(w)) && NAME_ONLY.is_match(&words[..at].join(" ")))?;
    Some((words[..at].join(" "), words[at..].join(" ")))
}

/// `piece` with a space put back where markup ran a name into its job
/// title ("Jane DoeSenior Reporter"): inside a word, before a capital that
/// follows a small letter and opens a role word or a job qualifier
/// ("McDonald", "DeShawn" stay whole).
pub(super) fn with_title_spaced(piece: &str) -> Option<String> {
    let split = piece.split_whitespace().find_map(|word| {
        let mut chars = word.char_indices().peekable();
        while let Some((_, c)) = chars.next() {
            let &(at, next) = chars.peek()?;
            if c.is_lowercase() && next.is_uppercase() && at >= 2 {
                let tail = &word[at..];
                if is_role_word(tail) || JOB_QUALIFIERS.contains(&fold(tail).as_str()) {
                    return Some((word, at));
                }
            }
        }
        None
    })?;
    let (word, at) = split;
    let start = word.as_ptr() as usize - piece.as_ptr() as usize + at;
    Some(format!("{} {}", &piece[..start], &piece[start..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Option<(String, String)> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let at = title_start(&words)?;
        Some((words[..at].join(" "), words[at..].join(" ")))
    }

    fn pair(name: &str, role: &str) -> Option<(String, String)> {
        Some((name.to_string(), role.to_string()))
    }

    #[test]
    fn a_beat_or_a_rank_before_the_role_word_is_the_title_s() {
        assert_eq!(split("Jane Doe Metro Reporter"), pair("Jane Doe", "Metro Reporter"));
        assert_eq!(split("Jane Doe Contributing Editor"), pair("Jane Doe", "Contributing Editor"));
        assert_eq!(split("Jane Doe Political Editor"), pair("Jane Doe", "Political Editor"));
        assert_eq!(split("Jane Doe Guest Columnist"), pair("Jane Doe", "Guest Columnist"));
        assert_eq!(
            split("Анна Петрова экономический обозреватель"),
            pair("Анна Петрова", "экономический обозреватель")
        );
        assert_eq!(split("Aysel Məmmədova Report-un müxbiri"), pair("Aysel Məmmədova", "Report-un müxbiri"));
        assert_eq!(split("Aysel Məmmədova Baş redaktor"), pair("Aysel Məmmədova", "Baş redaktor"));
        assert_eq!(
            split("Gülağa İsgəndərov Zərdab Rayon Təhsil Sektorunun müdiri"),
            pair("Gülağa İsgəndərov", "Zərdab Rayon Təhsil Sektorunun müdiri")
        );
        assert_eq!(split("Leyla Əliyeva Milli Məclisin deputatı"), pair("Leyla Əliyeva", "Milli Məclisin deputatı"));
        assert_eq!(split("Milli Məclisin deputatı"), None, "an institution's job alone names no one");
    }

    #[test]
    fn a_third_name_word_stays_the_name_s() {
        assert_eq!(split("Mary Ann Smith Reporter"), pair("Mary Ann Smith", "Reporter"));
        assert_eq!(split("Ludwig van Beethoven Reporter"), None, "a particle: not name-shaped, left as it was");
        assert_eq!(split("Jane Doe told a reporter"), None, "a sentence");
        assert_eq!(split("Иван Петров старший научный сотрудник"), pair("Иван Петров", "старший научный сотрудник"));
        assert_eq!(split("Jane Doe"), None);
        // An outlet's or a desk's credit: the qualifier is the outlet's.
        assert_eq!(split("Jewish Business News Correspondent"), pair("Jewish Business News", "Correspondent"));
        assert_eq!(split("Practical Horseman Sports Staff"), pair("Practical Horseman Sports", "Staff"));
        assert_eq!(split("Reporter"), None);
    }

    #[test]
    fn qualifiers_ending_a_name_before_and() {
        assert_eq!(trailing_qualifiers("Jane Doe Health"), pair("Jane Doe", "Health"));
        assert_eq!(trailing_qualifiers("Jane Doe"), None);
        assert_eq!(trailing_qualifiers("Mary Ann Smith"), None);
    }

    #[test]
    fn a_title_run_into_the_name_is_spaced() {
        assert_eq!(with_title_spaced("Jane DoeSenior Reporter").as_deref(), Some("Jane Doe Senior Reporter"));
        assert_eq!(with_title_spaced("Jane DoeMetro Reporter").as_deref(), Some("Jane Doe Metro Reporter"));
        assert_eq!(with_title_spaced("Ronald McDonald"), None);
        assert_eq!(with_title_spaced("DeShawn Jones"), None);
    }

    #[test]
    fn the_qualifiers_are_written_folded() {
        for word in JOB_QUALIFIERS.iter().chain(GENITIVE_ENDINGS) {
            assert_eq!(fold(word), *word, "compared folded, so written folded");
        }
    }
}
