//! Links to another page of the page's own site (counted across its
//! country domains), and an item that is one such link, perhaps after a
//! short label ("Read also:").

use dom_query::NodeRef;
use url::Url;

use crate::dom::{tag, text_of};
use crate::host_name::same_site;

/// Whether `item`, whose text is `text`, is one link to another page of
/// the site, perhaps after a short label ([`is_label_and_link`]).
pub(crate) fn is_link_to_other_page(item: &NodeRef, text: &str, page_url: &Url) -> bool {
    let links: Vec<NodeRef> = item.descendants_it().filter(|d| d.is_element() && tag(d) == "a").collect();
    let [link] = links.as_slice() else { return false };
    is_label_and_link(text, &text_of(link)) && link.attr("href").is_some_and(|href| is_other_page(&href, page_url))
}

/// Whether `href` leads to another page of `page_url`'s site (not its home
/// page, not this page). A site that names its pages by a number in the
/// query (WordPress's plain links, `/?p=36843`) has them all at the path `/`.
pub(crate) fn is_other_page(href: &str, page_url: &Url) -> bool {
    page_url.join(href).is_ok_and(|to| {
        let post = page_number(&to);
        same_site(&to, page_url)
            && (to.path().len() > 1 || post.is_some())
            && (to.path() != page_url.path() || to.host() != page_url.host() || post != page_number(page_url))
    })
}

/// Query keys that name one page of a site by its number (WordPress's `p`
/// and `page_id`).
const PAGE_NUMBER_KEYS: &[&str] = &["p", "page_id"];

/// The number a [`PAGE_NUMBER_KEYS`] query key gives `url`'s page.
fn page_number(url: &Url) -> Option<String> {
    url.query_pairs()
        .find(|(key, value)| PAGE_NUMBER_KEYS.contains(&key.as_ref()) && value.chars().all(|c| c.is_ascii_digit()))
        .map(|(_, value)| value.into_owned())
        .filter(|value| !value.is_empty())
}

/// Whether `text` is `link_text`, or a short label (a few words, no
/// sentence end) followed by it.
fn is_label_and_link(text: &str, link_text: &str) -> bool {
    let Some(label) = text.strip_suffix(link_text) else { return false };
    let label = label.trim();
    label.is_empty()
        || (label.chars().count() <= 40
            && label.split_whitespace().count() <= 5
            && !label.contains('.')
            && label.ends_with([':', '»', '>', '|', '-', '–', '—']))
}

#[cfg(test)]
mod tests {
    use url::Url;

    use super::is_other_page;
    use crate::cleanup::tests::clean;

    #[test]
    fn a_page_named_by_its_number_in_the_query_is_another_page_and_the_home_page_is_not() {
        let page = Url::parse("https://dailynews.example.tz/?p=36800").unwrap();
        assert!(is_other_page("/?p=36843", &page));
        assert!(is_other_page("https://dailynews.example.tz/?page_id=12", &page));
        assert!(!is_other_page("/?p=36800", &page), "this page");
        assert!(!is_other_page("/?utm_source=x", &page), "the home page");
        assert!(!is_other_page("/?p=", &page), "no number");
        let out = clean(
            r#"<body><article><h1>T</h1><p>First paragraph of the article with enough words to read.</p>
               <p>ALSO READ:<strong><a href="https://site.example.az/?p=36843"> Solar firm to boost clean energy uptake&nbsp;</a></strong></p>
               <p>Second paragraph of the article, which goes on.</p></article></body>"#,
        );
        assert!(!out.contains("Solar firm") && out.contains("Second paragraph"), "{out}");
    }

    #[test]
    fn two_links_to_other_pages_of_the_site_go_across_its_country_domains_and_longer_lists_stay() {
        let out = clean(
            r#"<body><article><h1>T</h1><p>First paragraph of the article with enough words to read.</p>
               <ul><li><a href="/a/1.html">Spring comes at last, and then a little summer</a></li>
               <li><a href="https://www.site.example.co.uk/a/3.html">The marathon from the city to Paris</a></li></ul>
               <ul><li><a href="/b/1.html">The first part of the series on the city</a></li>
               <li><a href="/b/2.html">The second part of the series on the city</a></li>
               <li><a href="/b/3.html">The third part of the series on the city</a></li></ul>
               <ul><li>A point of the article with <a href="/a/4.html">a link</a> in it</li>
               <li><a href="/a/5.html">A whole link</a></li><li>Another point</li></ul>
               </article></body>"#,
        );
        for gone in ["Spring comes", "marathon"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        for kept in ["First paragraph", "third part", "A point of the article", "A whole link", "Another point"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }
}
