//! The headline: from the page's `<h1>` (its headline part when a kicker
//! shares it, see `headline_parts`), `og:title`, the JSON-LD headline or
//! `<title>`, with the site name (" | Site", " - Site", "Site – ", a part
//! naming the host, see `host_name`) cut off; and the headline dropped
//! where the body repeats it at the top.

use dom_query::{Document, NodeRef};
use url::Url;

use crate::dom::{elements_named, tag, text_of};
use crate::jsonld::ArticleLd;
use crate::metadata::Meta;
use crate::text::{comparable, fold, squash};
use crate::{headline_parts, host_name};

/// Separators between a headline and a site name.
pub(crate) const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " » ", " « ", " :: ", " · ", " / ", " : "];

/// Picks the headline and strips the site name from it: the on-page
/// headline first, as the reader sees it (see [`on_page_headline`]); one
/// that no metadata confirms and that looks like no headline (a few words,
/// the site's slogan) gives way to a title two metadata sources agree on
/// ([`MetadataTitles::agreed`]); then `og:title`, the JSON-LD headline, the
/// first `<h1>`, `twitter:title` and `<title>`. A kicker the on-page
/// headline lacks ("Opinion | ", "BREAKING: ") is dropped. For tests and
/// reports that have no URL; [`pick_at`] is the one `extract` calls.
#[cfg(test)]
pub(crate) fn pick(doc: &Document, meta: &Meta, ld: &ArticleLd, site_names: &[String]) -> String {
    pick_at(doc, meta, ld, site_names, None)
}

/// The headline of a page at `url` (see `pick`): a title's part that names the host
/// ([`host_name`]) is cut off as well.
pub(crate) fn pick_at(doc: &Document, meta: &Meta, ld: &ArticleLd, site_names: &[String], url: Option<&Url>) -> String {
    let headline_h1s = headline_elements(doc);
    let h1 = first_headline(&headline_h1s);
    let labels = url.map(host_name::labels).unwrap_or_default();
    let strip = |c: &str| {
        let t = strip_site_name(&byline_feeds::sanitize::plain_text(c), site_names, h1.as_deref());
        host_name::strip(&t, &labels).unwrap_or(t)
    };
    let title_tag = elements_named(doc, &["title"]).first().map(text_of);
    let og = meta.first(&["og:title"]).map(String::from);
    let twitter = meta.first(&["twitter:title"]).map(String::from);
    let clean = |c: &Option<String>| c.as_deref().map(strip).filter(|c| !c.is_empty());
    let sources = MetadataTitles {
        og: clean(&og).or_else(|| clean(&twitter)),
        ld: clean(&ld.headline),
        title: clean(&title_tag),
    };
    let on_page = on_page_headline(doc, &headline_h1s, site_names, &sources);
    let first = match on_page {
        Some(OnPage { text, confirmed: false }) if is_weak(&text, site_names) => sources.agreed().or(Some(text)),
        other => other.map(|o| o.text),
    };
    let candidates = [first.clone(), og, ld.headline.clone(), h1.clone(), twitter, title_tag];
    let title = candidates.into_iter().flatten().map(|c| strip(&c)).find(|c| !c.is_empty()).unwrap_or_default();
    let title = without_writer(&title, doc);
    let title = match first.as_deref().or(h1.as_deref()) {
        Some(h) => strip_kicker(&title, h),
        None => title,
    };
    // A page without an `<h1>` of its own whose titles only name the site.
    if h1.is_none() && names_the_site(&title, site_names, url) {
        return section_heading(doc, site_names).unwrap_or(title);
    }
    title
}

/// Whether `title` is only the site's name, or its host ("carta.info",
/// "ICON Magazine"): what a page with no headline of its own gives.
fn names_the_site(title: &str, site_names: &[String], url: Option<&Url>) -> bool {
    let key = comparable(title);
    let host = url.and_then(Url::host_str).map(|h| comparable(h.trim_start_matches("www.")));
    key.is_empty() || site_names.iter().any(|s| comparable(s) == key) || host.is_some_and(|h| h == key)
}

/// The first `<h2>`, `<h3>` or `<h4>` of two or more words (in the
/// article or `<main>` when the page has one) that is no site name and no
/// masthead: the headline of a page whose `<h1>` and titles name the site.
fn section_heading(doc: &Document, site_names: &[String]) -> Option<String> {
    let sites: Vec<String> = site_names.iter().map(|s| comparable(s)).collect();
    let headings = elements_named(doc, &["h2", "h3", "h4"]);
    let main = |h: &NodeRef| h.ancestors_it(None).any(|a| matches!(tag(&a).as_str(), "article" | "main"));
    let scope: Vec<&NodeRef> = if headings.iter().any(main) {
        headings.iter().filter(|h| main(h)).collect()
    } else {
        headings.iter().collect()
    };
    scope
        .into_iter()
        .map(text_of)
        .find(|t| (2..=MAX_HEADLINE_WORDS).contains(&t.split_whitespace().count()) && !sites.contains(&comparable(t)))
}

/// `title` without the writer a `<title>` names after the headline ("Dear
/// Mark Zuckerberg by Dalton Caldwell"), when a heading of the page is the
/// headline alone (a blog whose `<h1>` is its own name and whose post's
/// title is an `<h2>`).
fn without_writer(title: &str, doc: &Document) -> String {
    let Some((head, writer)) = title.rsplit_once(" by ") else { return title.to_string() };
    let key = comparable(head);
    let heading = || elements_named(doc, &["h1", "h2", "h3"]).iter().any(|h| comparable(&text_of(h)) == key);
    if byline_feeds::credit::is_name_shaped(writer.trim()) && !key.is_empty() && heading() {
        head.trim().to_string()
    } else {
        title.to_string()
    }
}

/// The most words of an on-page headline that gives way to a title the
/// metadata agrees on when no metadata confirms it (a section label such
/// as "O Opinion", a subheading of the article).
const WEAK_HEADLINE_WORDS: usize = 3;

/// Whether an on-page headline the metadata does not confirm is likely no
/// headline at all: a few words only, or the site's slogan ("El Mostrador,
/// el primer diario digital de Chile.").
fn is_weak(headline: &str, site_names: &[String]) -> bool {
    let key = comparable(headline);
    headline.split_whitespace().count() <= WEAK_HEADLINE_WORDS
        || site_names.iter().map(|s| comparable(s)).any(|s| s.chars().count() >= 3 && key.starts_with(&s))
}

/// The titles a page's metadata gives, site names cut off: `og:title` (or
/// `twitter:title`, mostly a copy of it), the JSON-LD headline, `<title>`.
struct MetadataTitles {
    og: Option<String>,
    ld: Option<String>,
    title: Option<String>,
}

impl MetadataTitles {
    /// Every title given.
    fn all(&self) -> Vec<String> {
        [&self.og, &self.ld, &self.title].into_iter().flatten().cloned().collect()
    }

    /// The titles written as the article's headline (`og:title`, JSON-LD).
    fn headlines(&self) -> Vec<String> {
        [&self.og, &self.ld].into_iter().flatten().cloned().collect()
    }

    /// A title two of the three sources give alike: `og:title` when another
    /// source agrees with it, else the JSON-LD headline when `<title>` does.
    fn agreed(&self) -> Option<String> {
        let same = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => comparable(a) == comparable(b) && a.split_whitespace().count() >= 2,
            _ => false,
        };
        if same(&self.og, &self.ld) || same(&self.og, &self.title) {
            self.og.clone()
        } else if same(&self.ld, &self.title) {
            self.ld.clone()
        } else {
            None
        }
    }
}

/// The on-page headline, and whether the metadata confirms it.
struct OnPage {
    text: String,
    confirmed: bool,
}

/// The most words an on-page headline has (more is a paragraph in an `<h1>`).
const MAX_HEADLINE_WORDS: usize = 40;

/// The headline as the page shows it: an `<h1>` the metadata confirms
/// (the title of a post under a blog's name, an `<h1>` a metadata title
/// contains, the headline part of an `<h1>` with a kicker), else, not
/// confirmed, the first `<h1>` inside the article (`<article>`, schema.org
/// `Article` microdata, `<main>`) or the page's only `<h1>`; of two or more
/// words, and not a site name in a logo.
fn on_page_headline(
    doc: &Document,
    headline_h1s: &[NodeRef],
    site_names: &[String],
    sources: &MetadataTitles,
) -> Option<OnPage> {
    let confirmed = |text: String| Some(OnPage { text, confirmed: true });
    let sites: Vec<String> = site_names.iter().map(|s| comparable(s)).collect();
    let usable = |t: &String| {
        let words = t.split_whitespace().count();
        (2..=MAX_HEADLINE_WORDS).contains(&words) && !sites.contains(&comparable(t))
    };
    // An <h1> the page's <title>, og:title or JSON-LD headline repeats is the headline.
    // `title, meta[property="og:title"]`.
    let seo: Vec<String> = elements_named(doc, &["title", "meta"])
        .iter()
        .filter(|n| tag(n) == "title" || n.attr("property").is_some_and(|p| p.as_ref() == "og:title"))
        .map(|n| comparable(&byline_feeds::sanitize::plain_text(&text_or_content(n))))
        .chain(sources.ld.iter().map(|t| comparable(t)))
        .filter(|t| !t.is_empty())
        .collect();
    // `article h1, [itemtype*="Article"] h1, main h1, [role="main"] h1`.
    let in_main = |h: &NodeRef| {
        h.ancestors_it(None).any(|a| {
            matches!(tag(&a).as_str(), "article" | "main")
                || a.attr("itemtype").is_some_and(|t| t.contains("Article"))
                || a.attr("role").is_some_and(|r| r.as_ref() == "main")
        })
    };
    // A masthead's `<h1>` too: a blog's name, the post's title under it.
    let h1s = elements_named(doc, &["h1"]);
    let headings: Vec<String> = headline_h1s.iter().map(text_of).collect();
    // An `<h1>` that `og:title` or the JSON-LD headline is, word for word, is the headline.
    let named_headline: Vec<String> = sources.headlines().iter().map(|t| comparable(t)).collect();
    // A blog's name in the `<h1>` and the post's title in an `<h2>`/`<h3>`,
    // the `<title>` being "Blog: Post": the `<h2>`/`<h3>` is the headline.
    // Not when the `<h1>` is the article's and the other heading is not (the
    // blog's name in a sidebar after the article). Read only when a title
    // holds an `<h1>` and more.
    let read_subheads: std::cell::OnceCell<Vec<(NodeRef, String)>> = std::cell::OnceCell::new();
    let subheads = || {
        read_subheads
            .get_or_init(|| elements_named(doc, &["h1", "h2", "h3"]).into_iter().map(|n| (n, text_of(&n))).collect())
    };
    for h1 in &h1s {
        let h = comparable(&text_of(h1));
        if h.is_empty() || named_headline.contains(&h) {
            continue;
        }
        for title in &seo {
            let rest = if let Some(rest) = title.strip_prefix(h.as_str()) {
                rest
            } else if let Some(rest) = title.strip_suffix(h.as_str()) {
                rest
            } else {
                continue;
            };
            let rest = rest.trim_matches(|c: char| c.is_whitespace() || ":|-–—·/»«".contains(c));
            if rest.is_empty() {
                continue;
            }
            let post =
                subheads().iter().find(|(n, t)| usable(t) && comparable(t) == rest && (in_main(n) || !in_main(h1)));
            if let Some((_, text)) = post {
                return confirmed(text.clone());
            }
        }
    }
    if let Some(whole) = headings.iter().find(|t| usable(t) && seo.iter().any(|s| s.contains(&comparable(t)))) {
        return confirmed(whole.clone());
    }
    let (titles, headlines) = (sources.all(), sources.headlines());
    if let Some(part) = headline_h1s.iter().find_map(|h| headline_parts::headline_in(h, &titles, &headlines)) {
        return confirmed(part);
    }
    let inside = headline_h1s.iter().filter(|h| in_main(h)).map(text_of).find(|t| usable(t));
    inside
        .or_else(|| {
            let all: Vec<&String> = headings.iter().filter(|t| !t.is_empty()).collect();
            match all.as_slice() {
                [only] if usable(only) => Some((*only).clone()),
                _ => None,
            }
        })
        .map(|text| OnPage { text, confirmed: false })
}

fn text_or_content(node: &NodeRef) -> String {
    if crate::dom::tag(node) == "meta" {
        node.attr("content").map(|c| c.to_string()).unwrap_or_default()
    } else {
        text_of(node)
    }
}

/// Kickers sites put before a headline in their SEO titles.
const KICKERS: &[&str] = &[
    "opinion",
    "analysis",
    "perspective",
    "breaking",
    "breaking news",
    "exclusive",
    "watch",
    "update",
    "updated",
    "live",
    "video",
    "photos",
    "review",
    "editorial",
    "commentary",
    "fact check",
];

/// `title` without a leading kicker ("Opinion | ", "BREAKING: ") that the
/// on-page headline `h1` does not have.
pub(crate) fn strip_kicker(title: &str, h1: &str) -> String {
    for sep in [" | ", ": ", " — ", " – ", " - "] {
        if let Some((head, rest)) = title.split_once(sep) {
            let kicker = fold(head.trim());
            if KICKERS.contains(&kicker.as_str()) && !fold(h1).starts_with(&kicker) && !rest.trim().is_empty() {
                return rest.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The first `<h1>` of two or more words that is not a site name in a logo.
fn first_headline(headline_h1s: &[NodeRef]) -> Option<String> {
    headline_h1s.iter().map(text_of).find(|t| t.split_whitespace().count() >= 2)
}

/// The page's `<h1>` elements but the masthead: an `<h1>` whose text is
/// all a link to the site's home page ("Hi, I'm Nicolas." on a blog) names
/// the site on every page, never the article.
fn headline_elements(doc: &Document) -> Vec<NodeRef<'_>> {
    let home = |a: &NodeRef| {
        a.attr("href").is_some_and(|href| {
            let href = href.trim();
            matches!(href, "/" | "./")
                || Url::parse(href).is_ok_and(|u| u.path() == "/" && u.query().is_none() && u.fragment().is_none())
        })
    };
    let masthead = |h: &NodeRef| {
        let links: Vec<NodeRef> = h.descendants_it().filter(|d| tag(d) == "a").collect();
        !links.is_empty()
            && links.iter().all(home)
            && comparable(&text_of(h)) == links.iter().map(|a| comparable(&text_of(a))).collect::<Vec<_>>().join(" ")
    };
    elements_named(doc, &["h1"]).into_iter().filter(|h| !masthead(h)).collect()
}

/// `title` without a leading or trailing site name.
pub(crate) fn strip_site_name(title: &str, site_names: &[String], h1: Option<&str>) -> String {
    let title = squash(title);
    let lower = fold(&title);
    for site in site_names.iter().map(|s| fold(&squash(s))).filter(|s| !s.is_empty()) {
        for sep in SEPARATORS {
            if let Some(head) = lower.strip_suffix(&format!("{sep}{site}")) {
                return cut_chars(&title, 0, head.chars().count());
            }
            if let Some(tail) = lower.strip_prefix(&format!("{site}{sep}")) {
                let total = lower.chars().count();
                return cut_chars(&title, total - tail.chars().count(), total);
            }
        }
    }
    if let Some(head) = cut_at_site_part(&title, site_names) {
        return head;
    }
    if let Some(h1) = h1.map(squash) {
        let rest = lower.strip_prefix(&fold(&h1));
        if rest.is_some_and(|r| SEPARATORS.iter().any(|s| r.starts_with(s))) {
            return h1;
        }
    }
    // "Headline | Site" with an unknown site name: cut a short last part.
    if let Some((head, tail)) = title.rsplit_once(" | ") {
        if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
            return head.trim().to_string();
        }
    }
    title
}

/// The most words of a section's name after the site's in a title.
const SECTION_WORDS: usize = 4;

/// `title` up to a part that is the site's name when the parts after it
/// name sections ("Commodore reaktiviert den C64 - SPIEGEL ONLINE -
/// Nachrichten - Netzwelt"), or up to the chain of sections that ends in
/// the site's name ("How To Pack Everything: The GQ Eye: GQ on Style: GQ").
/// Only with three parts or more: two are the suffix rule's.
fn cut_at_site_part(title: &str, site_names: &[String]) -> Option<String> {
    let sites: Vec<String> = site_names.iter().map(|s| fold(&squash(s))).filter(|s| !s.is_empty()).collect();
    let short = |p: &str| p.split_whitespace().count() <= SECTION_WORDS;
    for sep in SEPARATORS {
        let parts: Vec<&str> = title.split(sep).collect();
        let is_site = |i: usize| sites.contains(&fold(parts[i].trim())) && parts[i + 1..].iter().all(|p| short(p));
        if let Some(i) = (1..parts.len()).filter(|_| parts.len() >= 3).find(|&i| is_site(i)) {
            return Some(parts[..i].join(sep).trim().to_string());
        }
    }
    let parts: Vec<&str> = title.split(": ").collect();
    let last = fold(parts.last()?.trim());
    if parts.len() < 3 || !sites.contains(&last) {
        return None;
    }
    let names_site = |p: &str| format!(" {} ", fold(&squash(p))).contains(&format!(" {last} "));
    let mut cut = parts.len() - 1;
    while cut > 1 && short(parts[cut - 1]) && names_site(parts[cut - 1]) {
        cut -= 1;
    }
    Some(parts[..cut].join(": ").trim().to_string())
}

/// The characters `from..to` of `s` (positions counted in characters, as
/// [`fold`] keeps them).
fn cut_chars(s: &str, from: usize, to: usize) -> String {
    s.chars().skip(from).take(to - from).collect::<String>().trim().to_string()
}

/// Removes the headline where the body repeats it in one of its first
/// blocks (as `<h1>`, `<h2>` or `<p><strong>`).
pub(crate) fn drop_repeated_title(content: &Document, title: &str) {
    let want = comparable(title);
    if want.is_empty() {
        return;
    }
    // The first three are found before any goes, so a removal moves none.
    let blocks: Vec<NodeRef> = elements_named(content, &["h1", "h2", "h3", "h4", "p", "div"])
        .iter()
        .filter(|n| is_leaf_block(n) && !text_of(n).is_empty())
        .take(3)
        .cloned()
        .collect();
    for block in &blocks {
        if comparable(&text_of(block)) == want {
            block.remove_from_parent();
        }
    }
}

fn is_leaf_block(node: &NodeRef) -> bool {
    !node.descendants_it().any(|d| {
        matches!(
            crate::dom::tag(&d).as_str(),
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "ul" | "ol" | "table" | "figure"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sites() -> Vec<String> {
        vec!["Zərdab Xəbər".into(), "Bakı Gündəm".into()]
    }

    #[test]
    fn the_writer_after_the_headline_in_the_title_is_cut_when_a_heading_is_the_headline() {
        let page = |heading: &str| {
            Document::from(
                format!(
                    r#"<html><head><title>Dear Mark Zuckerberg by Dalton Caldwell</title></head><body><h1>dalton</h1>
                    <article><h2><a href="/x">{heading}</a></h2><p>Mark, on June 13 I attended a meeting.</p></article></body></html>"#
                )
                .as_str(),
            )
        };
        let title = |doc: &Document| pick(doc, &Meta::read(doc), &ArticleLd::default(), &[]);
        assert_eq!(title(&page("Dear Mark Zuckerberg")), "Dear Mark Zuckerberg");
        // Without a heading that is the headline alone, "by …" may be the headline's.
        assert_eq!(title(&page("Another post")), "Dear Mark Zuckerberg by Dalton Caldwell");
    }

    #[test]
    fn site_name_is_cut_from_either_end() {
        assert_eq!(strip_site_name("Başlıq burada – Zərdab Xəbər", &sites(), None), "Başlıq burada");
        assert_eq!(strip_site_name("İqtisadi xəbər | BAKI GÜNDƏM", &sites(), None), "İqtisadi xəbər");
        assert_eq!(strip_site_name("Bakı Gündəm - Manat sabit qalacaq", &sites(), None), "Manat sabit qalacaq");
        assert_eq!(
            strip_site_name("Library opens late - The Gazette", &[], Some("Library opens late")),
            "Library opens late"
        );
        assert_eq!(
            strip_site_name("Survey finds glaciers lost a fifth | Northline", &[], None),
            "Survey finds glaciers lost a fifth"
        );
        assert_eq!(
            strip_site_name("Azərbaycan - Qazaxıstan əlaqələri", &[], None),
            "Azərbaycan - Qazaxıstan əlaqələri"
        );
    }

    #[test]
    fn title_order_og_then_jsonld_then_h1() {
        let doc = Document::from(
            r#"<html><head><title>T - Zərdab Xəbər</title><meta property="og:title" content="OG başlıq – Zərdab Xəbər"></head>
               <body><h1>Logo</h1><h1>H1 başlıq burada</h1></body></html>"#,
        );
        assert_eq!(pick(&doc, &Meta::read(&doc), &ArticleLd::default(), &sites()), "OG başlıq");
        let doc = Document::from(
            "<html><head><title>Only Title Here | Site</title></head><body><h1>Real headline here</h1></body></html>",
        );
        assert_eq!(pick(&doc, &Meta::read(&doc), &ArticleLd::default(), &[]), "Real headline here");
    }

    #[test]
    fn a_blogs_name_in_the_h1_is_not_the_headline() {
        let doc = Document::from(
            "<html><head><title>EMACSPEAK The Complete Audio Desktop: Meta-Programming In Emacs</title></head><body>\
             <h1>EMACSPEAK The Complete Audio Desktop</h1><div class=\"post\"><h3>Meta-Programming In Emacs</h3><p>Text.</p></div></body></html>",
        );
        let meta = Meta::read(&doc);
        assert_eq!(pick(&doc, &meta, &ArticleLd::default(), &[]), "Meta-Programming In Emacs");
    }

    fn picked(html: &str, sites: &[String]) -> String {
        let doc = Document::from(html);
        pick(&doc, &Meta::read(&doc), &crate::jsonld::read(&doc), sites)
    }

    #[test]
    fn a_label_or_slogan_h1_gives_way_to_the_title_the_metadata_agrees_on() {
        let head = r#"<head><title>Pour la retraite, un archaïsme | AOC media</title>
            <meta property="og:title" content="Pour la retraite, un archaïsme | AOC media"></head>"#;
        let sites = vec!["AOC media".to_string()];
        let label = format!("<html>{head}<body><article><h1>O Opinion</h1><p>Texte.</p></article></body></html>");
        assert_eq!(picked(&label, &sites), "Pour la retraite, un archaïsme");
        let slogan = format!("<html>{head}<body><h1>AOC media, le quotidien des idées</h1></body></html>");
        assert_eq!(picked(&slogan, &sites), "Pour la retraite, un archaïsme");
        // A headline of its own, longer than what the metadata says, stays.
        let own = format!("<html>{head}<body><h1>Pour la retraite, un archaïsme du siècle passé</h1></body></html>");
        assert_eq!(picked(&own, &sites), "Pour la retraite, un archaïsme du siècle passé");
    }

    #[test]
    fn the_json_ld_headline_confirms_one_of_several_h1s() {
        let html = r#"<html><head><title>ICJ ends hearings</title><meta property="og:title" content="ICJ ends hearings">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Legal opinion expected after ICJ ends hearings"}</script>
            </head><body><h1>Ramaphosa resets ties with Washington</h1><h1>Legal opinion expected after ICJ ends hearings</h1></body></html>"#;
        assert_eq!(picked(html, &[]), "Legal opinion expected after ICJ ends hearings");
    }

    #[test]
    fn a_kicker_sharing_the_h1_is_left_out() {
        let html = r#"<html><head><meta property="og:title" content="Liverpool verliert bei Everton | sportschau.de"></head>
            <body><h1><span class="topline">Premier League</span> <span>Liverpool verliert bei Everton</span></h1></body></html>"#;
        assert_eq!(picked(html, &["sportschau.de".into()]), "Liverpool verliert bei Everton");
    }

    #[test]
    fn a_blogs_name_in_the_first_h1_and_the_post_in_the_second() {
        let html = "<html><head><title>Kleine Schafskunde | Mäscot das Schaf – Webcomic</title></head><body>\
                    <h1>Mäscot das Schaf – Webcomic</h1><article><h1>Kleine Schafskunde</h1><p>Text.</p></article></body></html>";
        assert_eq!(picked(html, &[]), "Kleine Schafskunde");
    }

    #[test]
    fn an_h1_the_metadata_names_is_the_headline_beside_a_site_or_writer_heading() {
        // The <title>'s other part is the site's name or the writer's, printed
        // in a heading too: the <h1> stays the headline.
        let html = r#"<html><head><title>United States to Lift Sudan Sanctions - The New York Times</title>
            <meta property="og:title" content="United States to Lift Sudan Sanctions"></head><body>
            <h2>The New York Times</h2><h1>United States to Lift Sudan Sanctions</h1><p>Text.</p></body></html>"#;
        assert_eq!(picked(html, &[]), "United States to Lift Sudan Sanctions");
        let html = r#"<html><head><meta property="og:title" content="Samantha and The Great Big Lie">
            <script type="application/ld+json">{"@type":"Article","headline":"Samantha and The Great Big Lie - John C. Welch - Medium"}</script>
            </head><body><h1>Samantha and The Great Big Lie</h1><h2>John C. Welch</h2><p>Text.</p></body></html>"#;
        assert_eq!(picked(html, &["Medium".to_string()]), "Samantha and The Great Big Lie");
    }

    #[test]
    fn sections_after_the_site_s_name_go_with_it() {
        let spiegel = vec!["SPIEGEL ONLINE".to_string()];
        let title = "Retro-PC: Commodore reaktiviert den C64 - SPIEGEL ONLINE - Nachrichten - Netzwelt";
        assert_eq!(strip_site_name(title, &spiegel, None), "Retro-PC: Commodore reaktiviert den C64");
        let gq = vec!["GQ".to_string()];
        let title = "How To Pack Everything for Your 3-Day Weekend Trip: The GQ Eye: GQ on Style: GQ";
        assert_eq!(strip_site_name(title, &gq, None), "How To Pack Everything for Your 3-Day Weekend Trip");
        // A headline's own parts stay.
        let title = "Apple vs. GQ: the lawsuit, explained: what comes next";
        assert_eq!(strip_site_name(title, &gq, None), title);
    }

    #[test]
    fn a_page_whose_titles_name_the_site_gets_its_first_heading() {
        let html = r#"<html><head><title>carta.info</title></head><body><h1><a href="http://carta.info/"><img alt="carta.info"></a></h1>
            <main><h2>Der neue Trend: Muss- statt Wunschkoalition</h2><p>Text.</p><h4>#10JahreCARTA</h4></main></body></html>"#;
        let doc = Document::from(html);
        let url = Url::parse("http://carta.info/der-neue-trend/").unwrap();
        let picked = pick_at(&doc, &Meta::read(&doc), &ArticleLd::default(), &[], Some(&url));
        assert_eq!(picked, "Der neue Trend: Muss- statt Wunschkoalition");
    }

    #[test]
    fn a_blog_s_name_after_the_article_is_not_its_headline() {
        let html = r##"<html><head><title>Linux Engineer's random thoughts - awk driven IoT</title></head><body>
            <article><h1>awk driven IoT</h1><p>Text.</p></article>
            <aside><h2><a href="#">Linux Engineer's random thoughts</a></h2></aside></body></html>"##;
        assert_eq!(picked(html, &[]), "awk driven IoT");
    }

    #[test]
    fn an_h1_linking_to_the_home_page_is_the_masthead() {
        let html = r#"<html><head><title>Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault</title></head>
            <body><h1><a href="/">Hi, I'm <strong>Nicolas.</strong></a></h1>
            <h2><a href="/code/2013/covered/">Get your Frontend JavaScript Code Covered</a></h2><p>Text.</p></body></html>"#;
        assert!(picked(html, &[]).starts_with("Get your Frontend JavaScript Code Covered"), "{}", picked(html, &[]));
        // A headline linking to the article itself is the headline.
        let html = r#"<html><head><title>Site</title></head><body><h1><a href="/2013/covered/">Get your code covered</a></h1></body></html>"#;
        assert_eq!(picked(html, &[]), "Get your code covered");
    }

    #[test]
    fn a_title_part_naming_the_host_is_cut() {
        let doc = Document::from(
            "<html><head><title>Gregory Szorc's Digital Home | Mercurial's Journey to Python 3</title></head><body><p>x</p></body></html>",
        );
        let url = Url::parse("https://gregoryszorc.com/blog/2020/01/13/mercurial").unwrap();
        let title = pick_at(&doc, &Meta::read(&doc), &ArticleLd::default(), &[], Some(&url));
        assert_eq!(title, "Mercurial's Journey to Python 3");
    }

    #[test]
    fn kickers_are_dropped_only_when_the_headline_lacks_them() {
        assert_eq!(strip_kicker("Opinion | Enough platitudes", "Enough platitudes"), "Enough platitudes");
        assert_eq!(strip_kicker("BREAKING: Hunt ends in Milan", "Berlin suspect shot dead"), "Hunt ends in Milan");
        assert_eq!(strip_kicker("Opinion: It is wrong", "Opinion: It is wrong"), "Opinion: It is wrong");
        assert_eq!(strip_kicker("Corona: Report from the border", "Report"), "Corona: Report from the border");
    }

    #[test]
    fn repeated_headline_at_the_top_of_the_body_is_dropped_once() {
        let doc = Document::from("<div><p><strong>Xalqlarımızı birləşdirir</strong></p><p>Body.</p><p>Xalqlarımızı birləşdirir later</p></div>");
        drop_repeated_title(&doc, "Xalqlarımızı birləşdirir");
        let html = doc.html();
        assert!(!html.contains("<strong>"), "{html}");
        assert!(html.contains("later"));
    }
}
