//! Who can be a person on this page: the name checks every source shares.

use byline_feeds::credit::{
    clean_role, has_role_word, is_agency, is_agency_site, is_desk, is_given_name, is_outlet_name, is_personal_name,
    is_plausible_person, name_case, strip_initials, strip_label, trim_separators, without_handle, without_nickname,
};
use byline_feeds::spelling::spells;
use url::Url;

use crate::model::Author;
use crate::text::{comparable, squash};

/// What a name is checked against: the site's own names.
pub(crate) struct Context {
    not_people: Vec<String>,
    /// The page's host, lower case, without `www.`.
    host: String,
    /// The page host's main label, lower case (`report` in `www.report.az`).
    pub(crate) host_label: String,
    /// The host's labels that can name the site (`lifestyle`, `msn`): see
    /// [`crate::host_name::labels`].
    host_labels: Vec<String>,
    /// The person whose site this is, by its name ("pixelmonkey.org -
    /// Andrew Montalenti's blog"): see [`site_owner`].
    pub(crate) site_owner: Option<String>,
    /// The person the site is named after, by one of its names ("Sam
    /// Curry" on samcurry.net): see [`Context::is_site_person`].
    pub(crate) site_person: Option<String>,
}

/// A host's first label that names the site: past a language's or a
/// device's subdomain (`trend` in `en.trend.az`, `folha` in
/// `www1.folha.uol.com.br`, `report` in `m.report.az`), when the host has a
/// label after it.
fn main_label(host: &str) -> Option<&str> {
    let labels: Vec<&str> = host.split('.').collect();
    let is_prefix = |l: &str| {
        l.chars().count() <= 2
            || matches!(l, "www" | "amp" | "mobile")
            || l.strip_prefix("www").is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    };
    let skip = labels.iter().take(labels.len().saturating_sub(2)).take_while(|l| is_prefix(l)).count();
    labels.get(skip).copied()
}

/// What a personal site calls itself after its owner's name and "'s".
const OWN_SITE_WORDS: &[&str] = &["blog", "weblog", "site", "website", "homepage", "home page", "journal", "notebook"];

/// Blogging services whose writers' sites are named "<writer> on
/// <service>" ("Dustin Curtis on Svbtle"), written folded.
const BLOG_SERVICES: &[&str] = &["svbtle", "medium", "substack", "tumblr", "blogger", "livejournal"];

/// The person a site's name says the site is of: "Andrew Montalenti's
/// blog", "pixelmonkey.org - Andrew Montalenti's Blog" (the part after a
/// separator), "Dustin Curtis on Svbtle" ([`BLOG_SERVICES`]); a name's
/// shape only, never "The Company's Blog" (checked as any byline by
/// [`Context::is_person`]).
fn site_owner(site_name: &str) -> Option<String> {
    let part = site_name.rsplit(['-', '–', '—', '|', ':']).next()?.trim();
    let name_shaped = |owner: &str| byline_feeds::credit::is_name_shaped(owner.trim());
    if let Some((owner, service)) = part.rsplit_once(" on ") {
        if BLOG_SERVICES.contains(&comparable(service).as_str()) && name_shaped(owner) {
            return Some(owner.trim().to_string());
        }
    }
    let (owner, kind) = part.split_once("'s ").or_else(|| part.split_once("’s "))?;
    let kind = kind.trim().to_lowercase();
    (OWN_SITE_WORDS.contains(&kind.as_str()) && name_shaped(owner)).then(|| owner.trim().to_string())
}

/// The person a site is named after, by the last part of its `<title>`
/// ("Kein Cyberterrorismus (diesmal) « Dr. Phillip W. Brunst" on
/// pbrunst.de): a full name, without a title such as "Dr.", whose surname
/// (four letters or more) the host's main label spells, and whose first
/// name none of the host's labels spells ("… - MSN Lifestyle" on
/// lifestyle.msn.com is a brand).
fn owner_by_title(page_title: &str, host_label: &str, host_labels: &[String]) -> Option<String> {
    let part = crate::title::SEPARATORS
        .iter()
        .filter_map(|s| page_title.rsplit_once(s).map(|(_, after)| after))
        .min_by_key(|after| after.len())?;
    let name = squash(without_title(part));
    let surname = comparable(name.split_whitespace().last()?);
    let first = comparable(name.split_whitespace().next()?);
    // A host that spells every word is a brand's ("Gelbe Liste" on gelbe-liste.de).
    let spelled = surname.chars().count() >= 4
        && surname.chars().all(char::is_alphabetic)
        && host_label.contains(&surname)
        && !host_labels.iter().any(|l| l.contains(first.trim_end_matches('.')));
    (spelled && is_owner_shaped(&name, host_label) && byline_feeds::credit::is_name_shaped(&name)).then_some(name)
}

/// Whether `name`, two words or more, reads as the name of the person a
/// site with main label `host_label` belongs to: its first word a given
/// name, or the host spelling its surname after the first word or that
/// word's initial (`pbrunst`, `samcurry`). Never a place's or a body's
/// name that the host spells a word of ("Stadt Stuttgart" on
/// stuttgart.de, "Tierheim Berlin" on tierschutz-berlin.de).
pub(crate) fn is_owner_shaped(name: &str, host_label: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(comparable).collect();
    let [first, .., surname] = words.as_slice() else { return false };
    let initial: String = first.chars().take(1).collect();
    let host = letters_of(host_label);
    let surname = letters_of(surname);
    is_given_name(first) || host == format!("{initial}{surname}") || host == format!("{}{surname}", letters_of(first))
}

impl Context {
    /// The context with the site's owner read from the page's `<title>`
    /// too ([`owner_by_title`]), when its name gives none.
    pub(crate) fn with_page_title(mut self, page_title: Option<&str>) -> Self {
        if self.site_owner.is_none() {
            self.site_owner = page_title.and_then(|t| owner_by_title(t, &self.host_label, &self.host_labels));
        }
        self
    }

    /// `site_names` are the site's and publisher's names; the page host's
    /// main label (`report` in `www.report.az`) is added.
    pub(crate) fn new(site_names: &[String], url: &Url) -> Self {
        let mut not_people: Vec<String> = site_names.iter().map(|s| comparable(s)).collect();
        let mut host_label = String::new();
        let host = url.host_str().map(|h| h.trim_start_matches("www.").to_lowercase()).unwrap_or_default();
        if !host.is_empty() {
            not_people.push(host.clone());
            if let Some(label) = main_label(&host) {
                host_label = label.to_string();
                not_people.push(host_label.clone());
            }
        }
        let site_owner = site_names.iter().find_map(|s| site_owner(s));
        let host_labels = crate::host_name::labels(url);
        let mut ctx = Self { not_people, host, host_label, host_labels, site_owner, site_person: None };
        ctx.site_person =
            site_names.iter().find(|s| ctx.is_site_person(s)).map(|s| name_case(&squash(cleaned_name(s))));
        ctx
    }

    /// Whether a word of `name` is one of the site's names' words or its
    /// host label ("Axios Media", "Lacrux Medien GmbH"): a company named
    /// after the site.
    pub(crate) fn shares_site_word(&self, name: &str) -> bool {
        comparable(name).split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 2).any(|w| {
            w == self.host_label
                || self.not_people.iter().any(|s| s.split(|c: char| !c.is_alphanumeric()).any(|x| x == w))
        })
    }

    /// Whether the site is named after `name`, a person: it is one of the
    /// site's names, whole ("Moxie Marlinspike" on moxie.org), and the
    /// host's main label spells it, all its words or one of them with four
    /// letters or more. A brand spelled so ("Gelbe Liste" on
    /// gelbe-liste.de) passes too: the caller asks for more (a copyright
    /// line naming the same person).
    pub(crate) fn is_named_after(&self, name: &str) -> bool {
        self.named_after(name, false)
    }

    /// [`Context::is_named_after`], and with `in_latin` the host may also
    /// spell the whole name in Latin letters ([`spells`]: "Aysel
    /// Məmmədova" on ayselmammadova.az).
    fn named_after(&self, name: &str, in_latin: bool) -> bool {
        let key = comparable(&squash(name));
        let host = letters_of(&self.host_label);
        self.not_people.contains(&key)
            && (host == letters_of(&key)
                || (in_latin && spells(&key, &host))
                || key.split_whitespace().any(|w| w.chars().count() >= 4 && letters_of(w) == host))
    }

    /// Whether the site is a person's own, named after `name`
    /// ([`Context::is_named_after`]), a person's given name and surname
    /// ([`is_personal_name`]: "Sam Curry" on samcurry.net; never "Times
    /// Union" on timesunion.com). The host may spell the whole name in
    /// Latin letters ("Aysel Məmmədova" on ayselmammadova.az): only here,
    /// where a given name vouches for a person, not for any name a site is
    /// named after (a brand's, such as "Ärzte Zeitung").
    pub(crate) fn is_site_person(&self, name: &str) -> bool {
        let name = cleaned_name(name);
        is_personal_name(name) && self.is_named_after_person(name, true)
    }

    /// Whether the site is named after `name` ([`Context::named_after`],
    /// with `in_latin` as there) and `name` has a person's shape here, a
    /// brand's name spelled as a person's included ("Gelbe Liste"): the
    /// callers ask for more.
    fn is_named_after_person(&self, name: &str, in_latin: bool) -> bool {
        self.named_after(name, in_latin) && self.is_person_shaped(name)
    }

    /// Those of `authors` who are people ([`Context::is_person`]) or the
    /// person the site is named after ([`Context::is_site_person`]), in the
    /// order given, as [`Context::keep_people`] keeps a name: a feed's
    /// credit on a person's own site names the owner beside a guest ("Sam
    /// Curry, Jane Guest" on samcurry.net).
    pub(crate) fn keep_people_or_site_person(&self, authors: Vec<Author>) -> Vec<Author> {
        self.keep(authors, |ctx, name| ctx.is_person(name) || ctx.is_site_person(name))
    }

    /// The person a site is named after ([`Context::is_named_after`]) as
    /// [`Context::keep_people`] keeps a name, though the name is the site's.
    pub(crate) fn keep_site_person(&self, name: &str) -> Vec<Author> {
        let name = cleaned_name(name);
        if self.is_named_after_person(name, false) {
            vec![Author::new(name_case(&squash(name)), None)]
        } else {
            Vec::new()
        }
    }

    /// Whether `letters` (a handle's letters and digits, folded) spell the
    /// site: its host's main label or one of its names, or, for five
    /// letters or more, one holds the other (`whitehouse` on
    /// obamawhitehouse.archives.gov, `madamefigaro` on madame.lefigaro.fr).
    pub(crate) fn spells_site(&self, letters: &str) -> bool {
        let spelled = |site: &str| {
            let site = letters_of(site);
            site == letters || (site.chars().count() >= 5 && (site.contains(letters) || letters.contains(&site)))
        };
        spelled(&self.host_label) || self.not_people.iter().any(|s| spelled(s))
    }

    /// Whether `name` is the site itself, by its name or its host
    /// ("Reuters" on reuters.com, "Report.az" on report.az), or an agency
    /// whose site this is ([`is_agency_site`]: "AzərTac" on azertag.az).
    pub(crate) fn is_site_itself(&self, name: &str) -> bool {
        let key = comparable(&squash(name));
        self.not_people.contains(&key) || self.spells_site(&letters_of(&key)) || is_agency_site(name, &self.host)
    }

    /// Whether `name` is a site account named after the site: one of the
    /// site's own words and initials, nothing else ("Ilanga D" on Ilanga
    /// News, "Report A."), as a publishing system's account signs.
    fn is_site_account(&self, name: &str) -> bool {
        let words: Vec<String> = comparable(name)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect();
        // The site's word first, then initials only: "Boris T. Kaiser" and
        // "T. V. Raman" are people whatever the site's words.
        let initial = |w: &String| w.chars().count() == 1;
        words.len() >= 2 && !initial(&words[0]) && self.shares_site_word(&words[0]) && words[1..].iter().all(initial)
    }

    /// Whether `name` has a person's shape on this site: a plausible full
    /// name, no group's, no site account's; whether it is the site's own
    /// name aside.
    fn is_person_shaped(&self, name: &str) -> bool {
        is_plausible_person(name)
            && is_full_name(name)
            && !is_group_name(name)
            && !self.is_site_account(name)
            && !self.is_site_brand(name)
    }

    /// Whether `name` opens with the site's brand in capitals, one of its
    /// host's labels, and goes on in ordinary case: a section or service of
    /// the site ("More From MSN Money" on lifestyle.msn.com, "BBC Sport" on
    /// www.bbc.co.uk), never a person ("MOXIE MARLINSPIKE" is all capitals).
    fn is_site_brand(&self, name: &str) -> bool {
        let in_capitals =
            |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
        let mut words = name.split_whitespace();
        let Some(first) = words.next() else { return false };
        let rest: Vec<&str> = words.collect();
        in_capitals(first)
            && !rest.is_empty()
            && !rest.iter().all(|w| in_capitals(w))
            && self.host_labels.contains(&crate::text::folded_key(first))
    }

    /// Whether `name` can be a person's name on this site.
    pub(crate) fn is_person(&self, name: &str) -> bool {
        if !self.is_person_shaped(name) {
            return false;
        }
        let key = comparable(&squash(name));
        !self.not_people.iter().any(|s| *s == key || s.trim_start_matches("the ") == key.trim_start_matches("the "))
            && !self.spells_site_name(name)
    }

    /// Whether `name` is the site's own name or brand by its host: its
    /// letters are the host's main label's, written with other spaces or
    /// hyphens ("Tour Magazin" on tour-magazin.de, "Deutsche
    /// Wirtschaftsnachrichten" on deutsche-wirtschafts-nachrichten.de), or
    /// a word of it before its last is that label ("Handball Schweiz" on
    /// handball.ch). Never when the name is a person's given name and
    /// surname or the host's labels spell it word by word, a person's own
    /// site ("Sam Curry" on samcurry.net, "Anisse Astier" at
    /// anisse.astier.eu). A site's handle is not asked: a person's own site
    /// has theirs ("@mattiasgeniar").
    fn spells_site_name(&self, name: &str) -> bool {
        let key = comparable(name);
        let host = letters_of(&self.host_label);
        let words: Vec<&str> = key.split_whitespace().collect();
        let brand_word = words
            .split_last()
            .is_some_and(|(_, before)| before.iter().any(|w| w.chars().count() >= 4 && letters_of(w) == host));
        (letters_of(&key) == host || brand_word) && !is_personal_name(cleaned_name(name)) && !self.is_hosted_as(&key)
    }

    /// Whether the host's labels before its last spell `key` (a name,
    /// compared) word by word, one label a word: a person's own address
    /// ("Anisse Astier" at anisse.astier.eu).
    fn is_hosted_as(&self, key: &str) -> bool {
        let labels: Vec<&str> = self.host.split('.').collect();
        let words: Vec<String> = key.split_whitespace().map(letters_of).collect();
        labels.len() > words.len() && words.len() >= 2 && labels[..words.len()].iter().zip(&words).all(|(l, w)| l == w)
    }

    /// The people among `authors`, each once, names squashed (without a
    /// title such as "Dr." before them, initials in brackets after them
    /// or a dangling separator: "Elena Oberholzer (obe)", "MND Staff -";
    /// out of capitals: "ROBERT BURNS" is "Robert Burns") and roles cleaned.
    pub(crate) fn keep_people(&self, authors: Vec<Author>) -> Vec<Author> {
        self.keep(authors, Self::is_person)
    }

    /// Those of `authors` whose cleaned name `kept` accepts, each once,
    /// names squashed and out of capitals, roles cleaned.
    fn keep(&self, authors: Vec<Author>, kept: fn(&Self, &str) -> bool) -> Vec<Author> {
        let mut out: Vec<Author> = Vec::new();
        for a in authors {
            let name = without_nickname(cleaned_name(&a.name));
            if kept(self, &name) && !out.iter().any(|o| comparable(&o.name) == comparable(&name)) {
                let role = a.role.and_then(|r| job(&r));
                out.push(Author::new(name_case(&squash(&name)), role));
            }
        }
        out
    }
}

/// The letters and digits of `text`, nothing else (`samcurry` of "Sam
/// Curry", of `sam-curry`).
fn letters_of(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// `name` without a title such as "Dr." before it, initials in brackets
/// or a social handle after it ([`without_handle`]) or a dangling
/// separator.
fn cleaned_name(name: &str) -> &str {
    strip_initials(without_handle(trim_separators(without_title(name))))
}

/// The most words a role has: a longer one is a sentence that followed
/// the name ("Senior Contributor Opinions expressed by … are their own").
const ROLE_MAX_WORDS: usize = 10;

/// A role as kept: cleaned, without a social handle after it ("News
/// reporter @TomGillespie1"); never an agency ("David Hutzler, dpa": the
/// source), a desk ("Adam Aaronson, PhillyVoice Staff"), a label left
/// alone ("Author"), another credit ("with reporting by Herb Lash") or a
/// sentence; a sentence after the role is cut off ("Senior Contributor
/// Opinions expressed by … are their own").
fn job(role: &str) -> Option<String> {
    let all: Vec<&str> = role.split_whitespace().take_while(|w| !w.starts_with('@')).collect();
    let words = if is_sentence(&all) { role_before_sentence(&all).unwrap_or(&all) } else { &all };
    let role = clean_role(&words.join(" "));
    let useless = role.is_empty()
        || is_sentence(words)
        || is_agency(&role)
        || is_desk(&role)
        || strip_label(&role).is_empty()
        || is_outlet_note(&role)
        || is_outlet_name(&role);
    (!useless).then_some(role)
}

/// Openings of a note on the outlet a piece was written for, printed where
/// a role goes ("Special to The Post", "For the Daily News", "From
/// Tuesday's Globe and Mail", "PARA LA NACION", "Специально для «Известий»"):
/// no job. Compared folded, whole words.
const OUTLET_NOTE_OPENERS: &[&str] = &[
    "special to",
    "special for",
    "exclusive to",
    "exclusive for",
    "for",
    "from",
    "para",
    "especial para",
    "exclusivo para",
    "pour",
    "für",
    "специально для",
    "эксклюзивно для",
    "для",
];

/// Whether `role` is a note on the outlet a piece was written for
/// ([`OUTLET_NOTE_OPENERS`]), not a job.
fn is_outlet_note(role: &str) -> bool {
    let key = comparable(role);
    OUTLET_NOTE_OPENERS.iter().any(|opener| key.strip_prefix(opener).is_some_and(|rest| rest.starts_with(' ')))
}

/// Whether a role's `words` are a sentence or another credit rather than a
/// job: more than [`ROLE_MAX_WORDS`], or "by" and a name ("with reporting
/// by Herb Lash").
fn is_sentence(words: &[&str]) -> bool {
    let credits_another = words.windows(2).any(|pair| {
        matches!(comparable(pair[0]).as_str(), "by" | "von" | "par" | "por")
            && pair[1].chars().next().is_some_and(char::is_uppercase)
    });
    words.len() > ROLE_MAX_WORDS || credits_another
}

/// How many words may come before the role word of a role that a sentence
/// follows ("Senior Contributor").
const ROLE_WORD_WITHIN: usize = 4;

/// The role that opens `words` when a new sentence follows it ("Senior
/// Contributor Opinions expressed by Forbes Contributors are their own"):
/// the words through the first run of role words, when that starts among
/// the first [`ROLE_WORD_WITHIN`] and the next word opens with a capital.
fn role_before_sentence<'a>(words: &'a [&'a str]) -> Option<&'a [&'a str]> {
    let first = words.iter().take(ROLE_WORD_WITHIN).position(|w| has_role_word(w))?;
    let run = words[first..].iter().take_while(|w| has_role_word(w)).count();
    let end = first + run - 1;
    let next_opens = words.get(end + 1).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
    next_opens.then(|| &words[..=end])
}

/// Whether `name` has the shape of a person's full name as bylines print
/// it: two words or more ("Jane Doe", "T.C. Sottek"), or one word in a
/// script written without spaces (Chinese, Japanese, Korean, Thai). A lone
/// word is a desk, a site or a user name far more often than a person
/// ("Redaktion", "Pressestelle", "Newsroom", "jdoe"): no byline of the real
/// corpus is one.
fn is_full_name(name: &str) -> bool {
    let unspaced = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{0e00}'..='\u{0e7f}');
    name.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() >= 2 || name.chars().any(unspaced)
}

/// Titles printed before a name ("Dr. Tim Loppe", "Prof. Dr. Jane Roe"),
/// compared lower-case without the dot: not part of the name.
const TITLES: &[&str] = &["dr", "prof", "mr", "mrs", "ms", "mag", "dipl.-ing", "priv.-doz"];

/// `name` without the titles before it, when a name of two words or more
/// is left.
fn without_title(name: &str) -> &str {
    let mut rest = name.trim();
    while let Some((first, after)) = rest.split_once(char::is_whitespace) {
        let is_title = TITLES.contains(&first.trim_end_matches('.').to_lowercase().as_str());
        if !is_title || after.split_whitespace().count() < 2 {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// Articles that open the name of a group, never a person's first name
/// ("Les Amis de la Terre", "Die Grünen im Landtag", "The Friends of …").
const GROUP_ARTICLES: &[&str] = &["the", "les", "los", "las", "die", "der", "das", "gli"];

/// Whether `name` is a group's name: it opens with an article and has three
/// words or more, one of them in lower case ("Les Amis de la Terre"); a
/// person's name never opens with an article ("Les Moonves" has two words).
fn is_group_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 3
        && words.first().is_some_and(|w| GROUP_ARTICLES.contains(&comparable(w).as_str()))
        && words[1..].iter().any(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// Name suffixes left out when two sources' names are compared: one source
/// prints "Perry Bacon Jr.", another "Perry Bacon".
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md"];

/// Whether `fuller` names every person of `fewer` and more besides: the
/// fuller byline of two that agree ("A" against "A, B and C").
pub(crate) fn names_them_and_more(fuller: &[Author], fewer: &[Author]) -> bool {
    fuller.len() > fewer.len() && fewer.iter().all(|f| fuller.iter().any(|p| same_person(&p.name, &f.name)))
}

/// Gives each of `authors` without a role the role of the first of
/// `known` that is the same person and states one.
pub(crate) fn fill_roles<'a>(authors: &mut [Author], known: impl Iterator<Item = &'a Author> + Clone) {
    for author in authors.iter_mut().filter(|a| a.role.is_none()) {
        author.role = known.clone().filter(|k| same_person(&k.name, &author.name)).find_map(|k| k.role.clone());
    }
}

/// Whether two names are the same person's, compared folded and without
/// punctuation or a suffix ("Jr.", "PhD").
pub(crate) fn same_person(a: &str, b: &str) -> bool {
    let key = |name: &str| -> Vec<String> {
        let folded = comparable(name);
        let mut words: Vec<String> =
            folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(String::from).collect();
        while words.len() > 2 && words.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
            words.pop();
        }
        words
    };
    key(a) == key(b)
}

/// The context the unit tests of the byline modules share: an Azerbaijani
/// news site, `report.az`.
#[cfg(test)]
pub(crate) fn test_context() -> Context {
    Context::new(&["Xəzər Xəbər".to_string(), "Report.az".to_string()], &Url::parse("https://www.report.az/x").unwrap())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_label_is_past_a_language_s_or_device_s_subdomain() {
        assert_eq!(main_label("report.az"), Some("report"));
        assert_eq!(main_label("en.trend.az"), Some("trend"));
        assert_eq!(main_label("m.report.az"), Some("report"));
        assert_eq!(main_label("www1.folha.uol.com.br"), Some("folha"));
        assert_eq!(main_label("lifestyle.msn.com"), Some("lifestyle"));
        assert_eq!(main_label("ru.ge"), Some("ru"), "the site's own name, however short");
    }

    #[test]
    fn a_site_named_after_its_owner_s_blog_names_the_owner() {
        assert_eq!(site_owner("pixelmonkey.org - Andrew Montalenti's blog").as_deref(), Some("Andrew Montalenti"));
        assert_eq!(site_owner("Jane Roe’s Weblog").as_deref(), Some("Jane Roe"));
        assert_eq!(site_owner("Dustin Curtis on Svbtle").as_deref(), Some("Dustin Curtis"));
        assert_eq!(site_owner("Aysel Məmmədova on Medium").as_deref(), Some("Aysel Məmmədova"));
        assert_eq!(site_owner("Notes on Medium"), None, "not a name");
        assert_eq!(site_owner("Jane Roe on Politics"), None, "not a blogging service");
        assert_eq!(site_owner("Andrew Montalenti's Blog | Notes").as_deref(), None, "the owner's part comes last");
        assert_eq!(site_owner("the company's blog"), None);
        let by_title = |title: &str, host: &str| owner_by_title(title, host, &[host.to_string()]);
        assert_eq!(
            by_title("Kein Cyberterrorismus (diesmal) « Dr. Phillip W. Brunst", "pbrunst").as_deref(),
            Some("Phillip W. Brunst")
        );
        assert_eq!(by_title("Einmal zahlen – Henry Steinhau", "steinhau").as_deref(), Some("Henry Steinhau"));
        assert_eq!(by_title("A story - John Smith", "nytimes"), None, "the host does not spell the name");
        assert_eq!(by_title("A story - Daring Fireball", "daringfireball"), None, "not a person's name");
        assert_eq!(by_title("Chininum – Gelbe Liste", "gelbe-liste"), None, "the host spells the whole name: a brand");
        assert_eq!(by_title("Phillip Brunst", "pbrunst"), None, "no separator: the title is the headline");
        assert_eq!(by_title("Bohnenviertel - Stadt Stuttgart", "stuttgart"), None, "a town's site: no given name");
        for (name, host) in [("Phillip W. Brunst", "pbrunst"), ("Sam Curry", "samcurry"), ("Jan Doest", "jdoest")] {
            assert!(is_owner_shaped(name, host), "{name} on {host}");
        }
        for (name, host) in
            [("Tierheim Berlin", "tierschutz-verein"), ("Stadt Stuttgart", "stuttgart"), ("Tour", "tour")]
        {
            assert!(!is_owner_shaped(name, host), "{name} on {host}");
        }
        assert_eq!(
            by_title("Tierschutzverein ruft zu Böllerverzicht auf – Tierheim Berlin", "tierschutz-berlin"),
            None,
            "a body's site: no given name"
        );
        assert_eq!(
            owner_by_title(
                "How to Save Money on Groceries - MSN Lifestyle",
                "lifestyle",
                &["lifestyle".to_string(), "msn".to_string()]
            ),
            None,
            "the host spells every word, the first in another label: a brand"
        );
        assert_eq!(site_owner("Jane Roe's cats"), None);
    }

    #[test]
    fn people_versus_sites_dates_and_admins() {
        let c = test_context();
        for good in
            ["Gülağa İsgəndərov", "Ирина Волкова", "Jane Doe", "Jean-Paul O'Brien", "T.C. Sottek", "王小明", "김민수"]
        {
            assert!(c.is_person(good), "{good}");
        }
        for bad in [
            "Admin",
            "admin",
            "Редакция",
            "Redaksiya",
            "Редакция сайта",
            "Xəzər Xəbər",
            "xəzər xəbər",
            "Report.az",
            "report",
            "20.11.2026 | 14:35",
            "https://facebook.com/x",
            "",
            "Müəllif",
            "Pressestelle",
            "Newsroom",
            "jdoe",
        ] {
            assert!(!c.is_person(bad), "{bad}");
        }
    }

    #[test]
    fn an_account_named_after_the_site_is_not_a_person() {
        let c = Context::new(&["Ilanga News".to_string()], &Url::parse("https://ilanganews.co.za/x").unwrap());
        assert!(!c.is_person("Ilanga D"));
        assert!(!c.is_person("Ilanga N. D."));
        assert!(c.is_person("Ilanga Dlamini"), "a whole word beside the site's is a person's");
        assert!(c.is_person("Thabo D. Mokoena"));
        assert!(c.is_person("Ilanga T. Dube"), "two whole words are a name's");
        assert!(!test_context().is_person("Report A."));
        let blog = Context::new(
            &["Emacspeak - T. V. Raman".to_string()],
            &Url::parse("https://emacspeak.blogspot.com/x").unwrap(),
        );
        assert!(blog.is_person("T. V. Raman"), "initials first: a person's name on their own blog");
    }

    #[test]
    fn a_group_named_with_an_article_is_not_a_person() {
        let c = test_context();
        assert!(!c.is_person("Les Amis de la Terre"));
        assert!(!c.is_person("Die Grünen im Landtag"));
        assert!(c.is_person("Les Moonves"));
        assert!(c.is_person("Daniel de la Cruz"));
    }

    #[test]
    fn an_agency_beside_a_name_is_not_its_role() {
        let c = test_context();
        let kept = c.keep_people(vec![
            Author::new("David Hutzler", Some("dpa".into())),
            Author::new("Jane Roe", Some("Senior Editor".into())),
        ]);
        assert_eq!(kept[0].role, None);
        assert_eq!(kept[1].role.as_deref(), Some("Senior Editor"));
        // The newspaper a signature names after the comma is no job either.
        for outlet in ["«Фонтанка.ру»", "\"Xalq qəzeti\"", "525-ci qəzet"] {
            assert_eq!(c.keep_people(vec![Author::new("Jane Roe", Some(outlet.into()))])[0].role, None, "{outlet}");
        }
    }

    #[test]
    fn desks_handles_labels_other_credits_and_sentences_are_not_roles() {
        let c = test_context();
        let role = |r: &str| c.keep_people(vec![Author::new("Jane Roe", Some(r.into()))])[0].role.clone();
        assert_eq!(role("News reporter @TomGillespie1").as_deref(), Some("News reporter"));
        assert_eq!(role("Staff Writer").as_deref(), Some("Staff Writer"));
        assert_eq!(role("AP National Security Writer").as_deref(), Some("AP National Security Writer"));
        assert_eq!(role("Director for Europe").as_deref(), Some("Director for Europe"));
        assert_eq!(role("Former Contributor").as_deref(), Some("Former Contributor"));
        let sentence_after = "Senior Contributor Opinions expressed by Forbes Contributors are their own";
        assert_eq!(role(sentence_after).as_deref(), Some("Senior Contributor"), "the sentence after the role goes");
        for not_one in [
            "PhillyVoice Staff",
            "Staff",
            "Author",
            "Автор",
            "with reporting by Herb Lash",
            "editing by Martin Howell",
            "@janeroe",
            "Special to The Post",
            "For the Daily News",
            "From Tuesday's Globe and Mail",
            "PARA LA NACION",
            "Специально для «Известий»",
        ] {
            assert_eq!(role(not_one), None, "{not_one}");
        }
    }

    #[test]
    fn a_title_before_the_name_is_not_part_of_it() {
        let c = test_context();
        let kept = c.keep_people(vec![
            Author::new("Dr. Tim Loppe", None),
            Author::new("Prof. Dr. Jane Roe", Some("Editor".into())),
            Author::new("Dr. Who", None),
        ]);
        let names: Vec<&str> = kept.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Tim Loppe", "Jane Roe", "Dr. Who"]);
        assert_eq!(without_title("Ms Marvel"), "Ms Marvel");
    }

    #[test]
    fn initials_after_the_name_and_a_dangling_dash_go() {
        let c = test_context();
        let kept = c.keep_people(vec![
            Author::new("Elena Oberholzer (obe)", None),
            Author::new("Corina Gall (cog.)", None),
            Author::new("MND Staff -", None),
        ]);
        let names: Vec<&str> = kept.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Elena Oberholzer", "Corina Gall"]);
    }

    #[test]
    fn the_same_person_with_or_without_a_suffix() {
        assert!(same_person("Perry Bacon Jr.", "perry bacon"));
        assert!(same_person("T.C. Sottek", "T. C. Sottek"));
        assert!(!same_person("Jane Doe", "Jane Roe"));
        assert!(!same_person("Jr Smith", "Smith"));
    }
}
