//! Page metadata besides the byline: the site's names, the publication
//! date, the lead image and the language.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use dom_query::Document;
use url::Url;

use crate::cleanup::{is_ad_image, is_tracking_pixel};
use crate::dom::elements_named;
use crate::jsonld::ArticleLd;
use crate::printed_date::printed_date;
use crate::text::squash;

/// The page's `<meta>` tags, by lower-cased `name`, `property` or
/// `http-equiv`, and `itemprop` prefixed `itemprop:` (microdata, often a
/// CMS's user field: `<meta itemprop="author">` names the editor who
/// posted the page as often as its writer, so it is its own, weaker,
/// source), values in document order.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    values: HashMap<String, Vec<String>>,
}

/// The prefix of a microdata meta's key in [`Meta`].
pub(crate) const ITEMPROP: &str = "itemprop:";

impl Meta {
    /// Reads every `<meta>` with a non-empty `content`.
    pub(crate) fn read(doc: &Document) -> Self {
        let mut values: HashMap<String, Vec<String>> = HashMap::new();
        for node in elements_named(doc, &["meta"]).iter().filter(|m| m.has_attr("content")) {
            let content = squash(&node.attr("content").unwrap_or_default());
            if content.is_empty() {
                continue;
            }
            for attr in ["name", "property", "http-equiv"] {
                if let Some(key) = node.attr(attr) {
                    values.entry(key.trim().to_lowercase()).or_default().push(content.clone());
                }
            }
            if let Some(key) = node.attr("itemprop") {
                values.entry(format!("{ITEMPROP}{}", key.trim().to_lowercase())).or_default().push(content.clone());
            }
        }
        Self { values }
    }

    /// All values of `key`.
    pub(crate) fn all(&self, key: &str) -> &[String] {
        self.values.get(key).map_or(&[], Vec::as_slice)
    }

    /// The first value of the first of `keys` that has one.
    pub(crate) fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.all(k).first()).map(String::as_str)
    }
}

/// The names the site goes by: `og:site_name`, `application-name`, the
/// JSON-LD publisher and organizations, the microdata publisher. Used to
/// strip titles and to reject site names as bylines.
pub(crate) fn site_names(meta: &Meta, ld: &ArticleLd, doc: &Document) -> Vec<String> {
    let mut names: Vec<String> =
        ["og:site_name", "application-name", "twitter:site", "publisher", "itemprop:publisher"]
            .iter()
            .flat_map(|k| meta.all(k).iter().cloned())
            .map(|n| n.trim_start_matches('@').to_string())
            .collect();
    names.extend(ld.organizations.iter().cloned());
    names.extend(microdata_publishers(doc));
    names.extend(
        ["copyright", "dcterms.rights", "dc.rights", "rights"]
            .iter()
            .flat_map(|k| meta.all(k))
            .filter_map(|c| copyright_holder(c)),
    );
    names.retain(|n| !n.is_empty());
    names.dedup();
    names
}

/// The names of the organizations the page's microdata gives as its
/// publisher (`<span itemprop="publisher" itemtype="…/Organization"><span
/// itemprop="name">…`): a name there is the site's, even a person's
/// ("Cornelius Karow" as the publisher of a one-person site), never the
/// article's byline. A publisher typed as a `Person` is not read.
fn microdata_publishers(doc: &Document) -> Vec<String> {
    let mut names = Vec::new();
    // `[itemprop~="publisher"][itemtype]`, without matching a selector against every element.
    let publishers: Vec<_> = doc
        .root()
        .descendants_it()
        .filter(|d| {
            d.is_element()
                && d.has_attr("itemtype")
                && d.attr("itemprop").is_some_and(|p| p.split_ascii_whitespace().any(|w| w == "publisher"))
        })
        .collect();
    for publisher in &publishers {
        let organization = publisher.attr("itemtype").is_some_and(|t| {
            let t = t.to_lowercase();
            t.contains("organization") || t.contains("corporation")
        });
        if !organization {
            continue;
        }
        let name = publisher
            .descendants_it()
            .find(|d| d.is_element() && d.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|w| w == "name")));
        if let Some(name) = name {
            let text = squash(&name.text());
            let text = if text.is_empty() { squash(&name.attr("content").unwrap_or_default()) } else { text };
            if !text.is_empty() && !names.contains(&text) {
                names.push(text);
            }
        }
    }
    names
}

/// The holder named in a copyright notice ("Copyright (c) Condé Nast 2022",
/// "© 2026 Xəzər Xəbər. All rights reserved"): the publisher, never an author.
fn copyright_holder(notice: &str) -> Option<String> {
    let notice = notice.split(['.', '|', ';']).find(|p| !p.trim().is_empty()).unwrap_or(notice);
    let words = holder_words(notice);
    (!words.is_empty() && words.len() <= 6).then(|| words.join(" "))
}

/// The words of a copyright line's part that name its holder: without
/// "Copyright", "(c)", "©", "by" and years.
pub(crate) fn holder_words(part: &str) -> Vec<&str> {
    part.split_whitespace()
        .filter(|w| {
            let l = w.to_lowercase();
            !(l == "copyright"
                || l == "(c)"
                || l == "©"
                || l == "by"
                || l.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '–' || c == ','))
        })
        .map(|w| w.trim_start_matches('©'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// When the article was published: JSON-LD `datePublished`, then
/// `article:published_time` and similar meta tags, then the first
/// `<time datetime>`, then a date printed in a short line near the
/// headline `title` ([`printed_near_headline`]).
pub(crate) fn published(meta: &Meta, ld: &ArticleLd, doc: &Document, title: &str) -> Option<DateTime<Utc>> {
    let from_meta = meta.first(&[
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "itemprop:datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "date",
        "dc.date.issued",
        "dc.date",
    ]);
    let from_time = || {
        doc.select("time[datetime]").nodes().iter().find_map(|t| parse_date(&t.attr("datetime").unwrap_or_default()))
    };
    let printed = |text: &str| printed_date(text).and_then(midnight_utc);
    // A moment before a day: a day as printed ("December 1, 2016") only when no source gives the time.
    ld.date_published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| from_meta.and_then(parse_date))
        .or_else(from_time)
        .or_else(|| ld.date_published.as_deref().and_then(printed))
        .or_else(|| from_meta.and_then(printed))
        .or_else(|| printed_near_headline(doc, title))
}

/// A line printing a date has at most this many characters ("By Jane Doe
/// | December 14, 2016, 2:24 pm"); a longer text is a sentence that may
/// name any day.
const DATE_LINE: usize = 80;
/// How many elements after the headline a date line may be…
const AFTER_HEADLINE: usize = 40;
/// …and before it (a date over the headline).
const BEFORE_HEADLINE: usize = 10;

/// The date a short line near the headline prints ("December 16, 2016,
/// 4:19 PM", "5 декабря 2026"): the nearest after it, else before it.
/// The headline is the `<h1>` whose text is `title`, else the first `<h1>`.
fn printed_near_headline(doc: &Document, title: &str) -> Option<DateTime<Utc>> {
    let all = crate::dom::body_elements(doc);
    let key = crate::text::comparable(title);
    let is_h1 = |n: &dom_query::NodeRef| crate::dom::tag(n) == "h1";
    let at = all
        .iter()
        .position(|n| is_h1(n) && crate::text::comparable(&crate::dom::text_of(n)) == key)
        .or_else(|| all.iter().position(is_h1))?;
    let date_line = |n: &dom_query::NodeRef| printed_date(&crate::dom::short_text(n, DATE_LINE)?);
    let after = all.iter().skip(at + 1).take(AFTER_HEADLINE).find_map(date_line);
    let before = || all[at.saturating_sub(BEFORE_HEADLINE)..at].iter().rev().find_map(date_line);
    after.or_else(before).and_then(midnight_utc)
}

/// The start of `day` in UTC: a day without its time.
fn midnight_utc(day: NaiveDate) -> Option<DateTime<Utc>> {
    day.and_hms_opt(0, 0, 0).map(|d| d.and_utc())
}

/// Parses the date forms news sites write: RFC 3339 (with or without the
/// colon in the offset), RFC 2822, and offset-less forms (taken as UTC).
pub(crate) fn parse_date(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(text) {
        return Some(d.with_timezone(&Utc));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(text) {
        return Some(d.with_timezone(&Utc));
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M:%S%z"] {
        if let Ok(d) = DateTime::parse_from_str(text, fmt) {
            return Some(d.with_timezone(&Utc));
        }
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(text, fmt) {
            return Some(d.and_utc());
        }
    }
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok().and_then(midnight_utc)
}

/// The primary language subtag: `<html lang>`, then `og:locale`, then
/// `Content-Language`, then JSON-LD `inLanguage` (`az-AZ` → `az`).
pub(crate) fn language(doc: &Document, meta: &Meta, ld: &ArticleLd) -> Option<String> {
    let html_lang = elements_named(doc, &["html"]).first().and_then(|h| h.attr("lang")).map(|l| l.to_string());
    [
        html_lang,
        meta.first(&["og:locale"]).map(String::from),
        meta.first(&["content-language", "language"]).map(String::from),
        ld.in_language.clone(),
    ]
    .into_iter()
    .flatten()
    .find_map(|l| primary_subtag(&l))
}

/// The language of `text` (the extracted body) by `whatlang`, for pages
/// that declare none: its ISO 639-1 code where there is one (`az`, `ru`,
/// `uk`), else 639-3. Only a reliable guess on at least 40 letters is
/// kept; whatlang tells az from tr and ru from uk and bg by their letters
/// and trigrams even on one sentence.
pub(crate) fn detected_language(text: &str) -> Option<String> {
    guess(text, DETECT_MIN_LETTERS).map(|g| g.language)
}

/// The fewest letters of text a language is told from.
const DETECT_MIN_LETTERS: usize = 40;

/// The page's language: the declared one, unless its text plainly reads
/// as another (a reliable guess on at least [`OVERRIDE_MIN_LETTERS`]
/// letters, and not a language such a guess mistakes for the declared
/// one, [`CONFUSABLE`]): a blog declaring `de` for an English article, an
/// az site's template declaring `az` above a Russian one. A page that
/// declares none: its text's ([`detected_language`]).
pub(crate) fn page_language(declared: Option<String>, text: &str) -> Option<String> {
    let Some(declared) = declared else { return detected_language(text) };
    if let Some(own) = by_own_letters(&declared, text) {
        return Some(own.to_string());
    }
    let confusable = |a: &str, b: &str| CONFUSABLE.iter().any(|group| group.contains(&a) && group.contains(&b));
    match guess(text, OVERRIDE_MIN_LETTERS) {
        Some(g) if g.reliable && g.language != declared && !confusable(&g.language, &declared) => Some(g.language),
        _ => Some(declared),
    }
}

/// Letters only one language of a pair the guess confuses writes: `ə` is
/// Azerbaijani's, never Turkish's; `ы` and `э` are Russian's, never
/// Ukrainian's; `і`, `ї` and `є` Ukrainian's, never Russian's.
const OWN_LETTERS: &[(&str, &[char])] =
    &[("az", &['ə', 'Ə']), ("ru", &['ы', 'э', 'Ы', 'Э']), ("uk", &['і', 'ї', 'є', 'І', 'Ї', 'Є'])];

/// The fewest of a language's own letters that overrule the declared
/// language, and the share of all letters they must make (one in this many).
const OWN_LETTERS_MIN: usize = 5;
const OWN_LETTERS_SHARE: usize = 200;

/// The language the text's own letters ([`OWN_LETTERS`]) say it is
/// written in, when the page declares its neighbour and the text has none
/// of the declared language's own letters: an Azerbaijani article on a
/// page declared `tr`, a Ukrainian one declared `ru`. Read on the first
/// 3,000 characters.
fn by_own_letters(declared: &str, text: &str) -> Option<&'static str> {
    // Most pages declare a language with no neighbour here: their text is not read.
    let neighbours = CONFUSABLE.iter().find(|group| group.contains(&declared))?;
    let mut candidates =
        OWN_LETTERS.iter().filter(|(lang, _)| *lang != declared && neighbours.contains(lang)).peekable();
    candidates.peek()?;
    let sample: Vec<char> = text.chars().take(3000).collect();
    let count = |own: &[char]| sample.iter().filter(|c| own.contains(c)).count();
    if OWN_LETTERS.iter().any(|(lang, own)| *lang == declared && count(own) > 0) {
        return None;
    }
    let letters = sample.iter().filter(|c| c.is_alphabetic()).count();
    candidates
        .find(|(_, own)| {
            let n = count(own);
            n >= OWN_LETTERS_MIN && n * OWN_LETTERS_SHARE >= letters
        })
        .map(|(lang, _)| *lang)
}

/// The fewest letters of text on which a guess overrules the page's
/// declared language.
const OVERRIDE_MIN_LETTERS: usize = 400;

/// Languages a guess on letters and trigrams mistakes for one another.
const CONFUSABLE: &[&[&str]] = &[
    &["az", "tr"],
    &["ru", "uk", "be", "bg", "mk", "sr"],
    &["es", "pt", "gl", "ca"],
    &["da", "nb", "nn", "no", "sv"],
    &["hr", "sr", "bs", "sl"],
    &["cs", "sk"],
    &["id", "ms"],
];

/// What `whatlang` makes of a text's first 1,200 characters.
struct Guess {
    /// ISO 639-1 where there is one, else 639-3.
    language: String,
    reliable: bool,
}

/// [`Guess`] of `text`, when its sample has at least `min_letters` letters
/// (the guess is not made otherwise) and the guess is reliable or at least
/// half sure.
fn guess(text: &str, min_letters: usize) -> Option<Guess> {
    // A thousand characters or so are plenty and keep this cheap.
    let end = text.char_indices().nth(1200).map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    if letters < min_letters {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    let code = info.lang().code();
    Some(Guess { language: iso_639_1(code).unwrap_or(code).to_string(), reliable: info.is_reliable() })
}

/// ISO 639-3 → 639-1 for the languages whatlang knows that have one.
fn iso_639_1(code: &str) -> Option<&'static str> {
    const PAIRS: &[(&str, &str)] = &[
        ("aze", "az"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("bel", "be"),
        ("bul", "bg"),
        ("tur", "tr"),
        ("eng", "en"),
        ("deu", "de"),
        ("fra", "fr"),
        ("spa", "es"),
        ("por", "pt"),
        ("ita", "it"),
        ("nld", "nl"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "nb"),
        ("fin", "fi"),
        ("pol", "pl"),
        ("ces", "cs"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("hrv", "hr"),
        ("srp", "sr"),
        ("mkd", "mk"),
        ("ron", "ro"),
        ("hun", "hu"),
        ("ell", "el"),
        ("lit", "lt"),
        ("lav", "lv"),
        ("est", "et"),
        ("kat", "ka"),
        ("hye", "hy"),
        ("kaz", "kk"),
        ("uzb", "uz"),
        ("tuk", "tk"),
        ("ara", "ar"),
        ("heb", "he"),
        ("pes", "fa"),
        ("urd", "ur"),
        ("hin", "hi"),
        ("ben", "bn"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("vie", "vi"),
        ("tha", "th"),
        ("ind", "id"),
        ("tgl", "tl"),
        ("epo", "eo"),
        ("lat", "la"),
        ("afr", "af"),
        ("cat", "ca"),
        ("yid", "yi"),
        ("mar", "mr"),
        ("tam", "ta"),
        ("tel", "te"),
        ("kan", "kn"),
        ("mal", "ml"),
        ("guj", "gu"),
        ("pan", "pa"),
        ("ori", "or"),
        ("nep", "ne"),
        ("sin", "si"),
        ("khm", "km"),
        ("mya", "my"),
        ("amh", "am"),
        ("jav", "jv"),
        ("aka", "ak"),
        ("zul", "zu"),
        ("sna", "sn"),
    ];
    PAIRS.iter().find(|(three, _)| *three == code).map(|(_, two)| *two)
}

fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_', ',', ' ']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

/// The article's main picture: `og:image`, then `twitter:image`, then the
/// JSON-LD image, then the first real image of the extracted body.
pub(crate) fn lead_image(meta: &Meta, ld: &ArticleLd, content: &Document, url: &Url) -> Option<String> {
    let resolve = |s: &str| byline_feeds::sanitize::resolve_web_url(s, Some(url));
    meta.all("og:image")
        .iter()
        .chain(meta.all("og:image:url"))
        .chain(meta.all("og:image:secure_url"))
        .chain(meta.all("twitter:image"))
        .chain(meta.all("twitter:image:src"))
        .chain(ld.image.iter())
        .find_map(|s| resolve(s))
        .or_else(|| {
            content
                .select("img[src]")
                .nodes()
                .iter()
                .filter(|img| !is_tracking_pixel(img) && !is_ad_image(img, url))
                .find_map(|img| resolve(&img.attr("src").unwrap_or_default()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_microdata_publisher_organization_is_a_site_name() {
        let doc = Document::from(
            r#"<body><span itemprop="publisher" itemscope itemtype="https://schema.org/Organization">
               <span itemprop="name">Cornelius Karow</span></span>
               <span itemprop="publisher" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Jane Roe</span></span></body>"#,
        );
        let names = site_names(&Meta::default(), &ArticleLd::default(), &doc);
        assert_eq!(names, ["Cornelius Karow"]);
    }

    #[test]
    fn copyright_holders_are_site_names() {
        assert_eq!(copyright_holder("Copyright (c) Condé Nast 2022").as_deref(), Some("Condé Nast"));
        assert_eq!(copyright_holder("© 2026 Xəzər Xəbər. All rights reserved").as_deref(), Some("Xəzər Xəbər"));
        assert_eq!(copyright_holder("2026").as_deref(), None);
    }

    #[test]
    fn a_date_printed_near_the_headline_is_the_last_source() {
        let doc = Document::from(
            r#"<html><body><p>Posted in 2015</p><h1>Son of slain officer given teddy bears</h1>
            <div class="meta"><span>By Jane Doe</span><div>December 16, 2016, 4:19 PM</div></div>
            <p>A long paragraph of the story that mentions 3 March 2011 in passing, long enough to be no date line at all.</p></body></html>"#,
        );
        let date = published(&Meta::default(), &ArticleLd::default(), &doc, "Son of slain officer given teddy bears");
        assert_eq!(date.unwrap().to_rfc3339(), "2016-12-16T00:00:00+00:00");
        // `<meta name="publish-date" content="December 1, 2016">` gives its day, when nothing gives the moment.
        let doc = Document::from(r#"<html><head><meta name="publish-date" content="December 1, 2016"></head></html>"#);
        let meta = Meta::read(&doc);
        assert_eq!(
            published(&meta, &ArticleLd::default(), &doc, "").unwrap().to_rfc3339(),
            "2016-12-01T00:00:00+00:00"
        );
        let doc = Document::from(
            r#"<html><head><meta name="publish-date" content="December 1, 2016"></head><body><time datetime="2016-12-01T18:01:00Z">Dec 1</time></body></html>"#,
        );
        let meta = Meta::read(&doc);
        assert_eq!(
            published(&meta, &ArticleLd::default(), &doc, "").unwrap().to_rfc3339(),
            "2016-12-01T18:01:00+00:00"
        );
        let doc =
            Document::from("<html><body><h1>Headline</h1><p>No date in this text at all, none.</p></body></html>");
        assert_eq!(published(&Meta::default(), &ArticleLd::default(), &doc, "Headline"), None);
    }

    #[test]
    fn dates_in_the_forms_sites_use() {
        let want = "2026-11-20T05:30:12Z";
        for s in [
            "2026-11-20T09:30:12+04:00",
            "2026-11-20T09:30:12+0400",
            "Fri, 20 Nov 2026 09:30:12 +0400",
            " 2026-11-20T05:30:12Z ",
        ] {
            assert_eq!(parse_date(s).unwrap().to_rfc3339_opts(chrono::SecondsFormat::Secs, true), want, "{s}");
        }
        assert_eq!(parse_date("2026-11-20").unwrap().to_rfc3339(), "2026-11-20T00:00:00+00:00");
        assert_eq!(parse_date("2026-11-20 12:45").unwrap().to_rfc3339(), "2026-11-20T12:45:00+00:00");
        assert!(parse_date("20 Noyabr 2026").is_none(), "a printed date is published's last resort");
        assert!(parse_date("").is_none());
        assert!(parse_date("2026-1").is_none());
    }

    #[test]
    fn language_order_and_normalization() {
        let doc =
            Document::from(r#"<html lang="az-AZ"><head><meta property="og:locale" content="ru_RU"></head></html>"#);
        assert_eq!(language(&doc, &Meta::read(&doc), &ArticleLd::default()).as_deref(), Some("az"));
        let doc = Document::from(r#"<html><head><meta property="og:locale" content="ru_RU"></head></html>"#);
        assert_eq!(language(&doc, &Meta::read(&doc), &ArticleLd::default()).as_deref(), Some("ru"));
        let doc =
            Document::from(r#"<html lang=""><head><meta http-equiv="Content-Language" content="az"></head></html>"#);
        assert_eq!(language(&doc, &Meta::read(&doc), &ArticleLd::default()).as_deref(), Some("az"));
    }

    #[test]
    fn language_from_the_text_tells_az_from_tr_and_ru_from_uk_and_bg() {
        for (want, text) in [
            (
                "az",
                "Gəncə şəhərində yeni park istifadəyə verilib. Parkda üç min ağac əkilib, velosiped yolları salınıb.",
            ),
            ("tr", "Gence şehrinde yeni park hizmete açıldı. Parkta üç bin ağaç dikildi, bisiklet yolları yapıldı."),
            ("ru", "В Гяндже открылся новый парк. В парке посажено три тысячи деревьев, проложены дорожки."),
            ("uk", "У Гянджі відкрився новий парк. У парку посаджено три тисячі дерев, прокладено доріжки."),
            ("bg", "В Гянджа беше открит нов парк. В парка са засадени три хиляди дървета, изградени са алеи."),
            ("en", "A new park opened in the city on Monday, with three thousand trees and new cycle paths."),
        ] {
            assert_eq!(detected_language(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(detected_language("Bakı, 2026"), None, "too short to tell");
    }

    #[test]
    fn a_long_text_plainly_in_another_language_overrules_the_declared_one() {
        let times = |s: &str, n: usize| vec![s; n].join(" ");
        let english =
            times("A new park opened in the city on Monday, with three thousand trees and new cycle paths.", 6);
        let russian =
            times("В Гяндже открылся новый парк. В парке посажено три тысячи деревьев, проложены дорожки.", 6);
        let turkish =
            times("Gence şehrinde yeni park hizmete açıldı. Parkta üç bin ağaç dikildi, bisiklet yolları yapıldı.", 6);
        let ukrainian =
            times("У Гянджі відкрився новий парк. У парку посаджено три тисячі дерев, прокладено доріжки.", 6);
        let declared = |l: &str| Some(l.to_string());
        assert_eq!(page_language(declared("de"), &english).as_deref(), Some("en"), "a German blog's English article");
        assert_eq!(page_language(declared("az"), &russian).as_deref(), Some("ru"), "an az site's Russian article");
        // A guess that mistakes one language for its neighbour never overrules;
        // the letters only the neighbour writes do.
        assert_eq!(page_language(declared("az"), &turkish).as_deref(), Some("az"));
        assert_eq!(page_language(declared("ru"), &ukrainian).as_deref(), Some("uk"), "і, ї, є and no ы, э");
        let azerbaijani = times(
            "Gəncə şəhərində yeni park istifadəyə verilib. Parkda üç min ağac əkilib, velosiped yolları salınıb.",
            2,
        );
        assert_eq!(page_language(declared("tr"), &azerbaijani).as_deref(), Some("az"), "ə is never Turkish");
        let quoting = format!("{russian} Он сказал: «Ми відкрили парк, і це є наша гордість».");
        assert_eq!(page_language(declared("ru"), &quoting).as_deref(), Some("ru"), "a quotation in Ukrainian");
        // Too little text to overrule the page.
        let short = "A new park opened in the city on Monday, with three thousand trees.";
        assert_eq!(page_language(declared("de"), short).as_deref(), Some("de"));
        assert_eq!(page_language(None, short).as_deref(), Some("en"), "nothing declared: the text's");
    }

    #[test]
    fn lead_image_falls_back_to_first_real_body_image() {
        let url = Url::parse("https://x.example.az/a/b.html").unwrap();
        let empty = Document::from("");
        let doc = Document::from(r#"<head><meta property="og:image" content="/og.jpg?utm_source=x"></head>"#);
        assert_eq!(
            lead_image(&Meta::read(&doc), &ArticleLd::default(), &empty, &url).as_deref(),
            Some("https://x.example.az/og.jpg")
        );
        let body = Document::from(
            r#"<p><img src="/p.gif" width="1" height="1"><img src="data:image/png;base64,xx"><img src="pic.jpg"></p>"#,
        );
        assert_eq!(
            lead_image(&Meta::default(), &ArticleLd::default(), &body, &url).as_deref(),
            Some("https://x.example.az/a/pic.jpg")
        );
    }
}
