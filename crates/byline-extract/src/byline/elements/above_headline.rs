//! An author card printed over the headline: the person the links to an
//! author's page just above it name, read when the page's byline marks
//! name nobody.

use dom_query::NodeRef;

use super::read::read_author_element;
use crate::byline::author_links::is_author_page_link;
use crate::byline::names::{same_person, Context};
use crate::byline::regions::in_other_block;
use crate::model::Author;

/// How many elements before the headline an author card over it may start.
const ABOVE_HEADLINE_WINDOW: usize = 20;

/// The person that the links to an author's page just above the headline
/// name, when they all name one ([`is_author_page_link`], outside blocks
/// of other articles): an author card printed over the title (`<div
/// class="title"><a href="/news/author/46811">Erin McCann,</a> Associate
/// Editor</div>…<h1>`), read when the page's byline marks name nobody.
pub(super) fn linked_above_headline(all: &[NodeRef], headline: Option<usize>, ctx: &Context) -> Vec<Author> {
    let Some(h) = headline else { return Vec::new() };
    let mut found: Option<Author> = None;
    for node in &all[h.saturating_sub(ABOVE_HEADLINE_WINDOW)..h] {
        if !is_author_page_link(node) || in_other_block(node, Some(&all[h]), true) {
            continue;
        }
        match ctx.keep_people(read_author_element(node)).as_slice() {
            [] => {}
            [one] if found.as_ref().is_none_or(|f| same_person(&f.name, &one.name)) => {
                found.get_or_insert_with(|| one.clone());
            }
            // Links to several people's pages: a list of authors or of other stories.
            _ => return Vec::new(),
        }
    }
    found.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use crate::byline::elements::from_elements;
    use crate::byline::elements::tests::names;
    use crate::byline::names::test_context;
    use crate::byline::Evidence;

    #[test]
    fn an_author_card_over_the_headline_names_the_author() {
        let page = |card: &str| {
            let doc = Document::from(
                format!(r#"<body><div class="card">{card}</div><h1>Kansas data exchange</h1><p>Text.</p></body>"#)
                    .as_str(),
            );
            from_elements(&doc, "Kansas data exchange", &test_context())
        };
        let found = page(
            r#"<div class="avatar"><a href="/news/author/46811"><img src="a.jpg"></a></div>
               <div class="title"><a href="/news/author/46811"><span>Erin McCann,</span></a> Associate Editor</div>"#,
        );
        assert_eq!(names(&found.authors), [("Erin McCann", Some("Associate Editor"))]);
        assert_eq!(found.evidence, Evidence::AuthorPageLink);
        // Links to several people's pages are a list, not the byline.
        assert!(page(r#"<a href="/authors/jd">Jane Doe</a> <a href="/authors/tr">Tom Ray</a>"#).is_empty());
    }
}
