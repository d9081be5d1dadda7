//! Links to an author's page (`/author/jane-doe`, `/autoren/…`,
//! `/muellif/…`) whose text is a name: a byline's strongest sign, except
//! in a line that credits the pictures.

use byline_feeds::credit::{is_name_shaped, trim_separators};
use dom_query::NodeRef;

use super::lines::strip_label;
use super::spaced_text::short_spaced_text;
use crate::dom::{short_text, tag};
use crate::text::comparable;

/// Path parts of the pages sites keep per author.
const AUTHOR_PATHS: &[&str] = &[
    "/author/",
    "/authors/",
    "/autor/",
    "/autoren/",
    "/autores/",
    "/auteur/",
    "/auteurs/",
    "/autore/",
    "/autori/",
    "/avtor/",
    "/avtory/",
    "/journalist/",
    "/journalists/",
    "/journalisten/",
    "/redakteur/",
    "/writers/",
    "/contributor/",
    "/contributors/",
    "/muellif/",
    "/reporter/",
    "/reporters/",
    "/columnist/",
    "/columnists/",
    "/writer/",
    "/staff/",
    "/yazar/",
    "/yazarlar/",
    // The New York Times's writers. (The Guardian's `/profile/` is left
    // out: institutions list their people under it too.)
    "/by/",
];

/// Labels of a line that credits the pictures, not the article
/// ("(Image credits: <a href="/authors/a">A</a>; <a …>B</a>)"), folded.
const IMAGE_CREDIT_LABELS: &[&str] = &["image credit", "photo credit", "picture credit", "bildnachweis"];

/// The most characters of a line of picture credits.
const IMAGE_CREDIT_LINE_MAX: usize = 400;

/// Whether `n` sits in a line that credits the pictures ([`IMAGE_CREDIT_LABELS`]).
fn in_image_credit_line(n: &NodeRef) -> bool {
    n.parent().and_then(|p| short_spaced_text(&p, IMAGE_CREDIT_LINE_MAX)).is_some_and(|line| {
        let line = comparable(line.trim_start_matches(['(', '[']));
        IMAGE_CREDIT_LABELS.iter().any(|label| line.starts_with(label))
    })
}

/// Whether a link's address (lower case) asks for an author's page by a
/// query parameter ("/search?author=Jane+Doe", "/news.php?author=12").
fn names_author_in_query(href: &str) -> bool {
    href.split_once('?').is_some_and(|(_, query)| {
        query
            .split('&')
            .any(|pair| pair.split_once('=').is_some_and(|(key, value)| key == "author" && !value.is_empty()))
    })
}

/// A link to an author's page whose text has the shape of a name, not in
/// a line that credits the pictures.
pub(super) fn is_author_page_link(n: &NodeRef) -> bool {
    tag(n) == "a"
        && !in_image_credit_line(n)
        && n.attr("href").is_some_and(|h| {
            let h = h.to_lowercase();
            AUTHOR_PATHS.iter().any(|p| h.contains(p)) || names_author_in_query(&h)
        })
        // "Erin McCann,": a separator before the role after the link is no part of the name.
        && (short_text(n, 60).is_some_and(|t| is_name_shaped(trim_separators(strip_label(&t))))
            // `<a href="/autoren/…"><img …><span class="copyright">© Name</span>
            // <span itemprop="name">Name</span></a>`: the name is the marked part.
            || n.descendants_it().any(|d| {
                d.attr("itemprop").is_some_and(|p| p.as_ref() == "name")
                    && short_text(&d, 60).is_some_and(|t| is_name_shaped(&t))
            }))
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use super::*;

    fn is_link(html: &str) -> bool {
        let doc = Document::from(html);
        let nodes = doc.select("a").nodes().to_vec();
        nodes.first().is_some_and(is_author_page_link)
    }

    #[test]
    fn author_pages_by_path_or_by_query() {
        for href in [
            "/reporters/jane-doe",
            "/columnists/jane-doe",
            "/staff/jane-doe",
            "/yazar/jane-doe",
            "/search?author=Jane+Doe",
            "/news.php?id=3&author=12",
        ] {
            assert!(is_link(&format!(r#"<a href="{href}">Jane Doe</a>"#)), "{href}");
        }
        for href in ["/people/jane-doe", "/search?q=Jane+Doe", "/news.php?author=", "https://authors.example.com/jane"]
        {
            assert!(!is_link(&format!(r#"<a href="{href}">Jane Doe</a>"#)), "{href}");
        }
    }
}
