//! The class and attribute words that mark an author element: microdata
//! and its RDFa forms, `.author` words of other languages, Drupal's
//! `.submitted` line, a theme's `.by` line, and the classes that mark a
//! name.

use dom_query::NodeRef;

/// Class words of author elements in other languages (`.autor`,
/// `.artikel-autorin`, `.avtor`), compared whole.
const AUTHOR_CLASS_WORDS: &[&str] = &[
    "autor",
    "autorin",
    "autoren",
    "autores",
    "autore",
    "autori",
    "auteur",
    "auteurs",
    "avtor",
    "avtory",
    "muellif",
    "müəllif",
    "verfasser",
    "writer",
    "contributor",
    "contributors",
    "journalist",
    "reporter",
    "columnist",
    "kolumnist",
    "redakteur",
    "redakteurin",
];

/// Whether a class or id of `n` is, or ends in, an author word of another
/// language (`autor`, `artikel-autor`, `news__avtor`); never a taxonomy
/// class that only starts with one (`autor-erb-elke` on a teaser).
pub(super) fn has_author_class_word(n: &NodeRef) -> bool {
    ["class", "id"].iter().filter_map(|a| n.attr(a)).any(|v| {
        v.to_lowercase()
            .split_whitespace()
            .any(|c| c.rsplit(['-', '_']).next().is_some_and(|w| AUTHOR_CLASS_WORDS.contains(&w)))
    })
}

/// Drupal's byline line: `<div class="submitted">`, `.node__submitted`,
/// `.field-name-submitted` ("Submitted by <span class="username">Jane
/// Doe</span> on …").
pub(super) fn is_submitted_line(n: &NodeRef) -> bool {
    n.attr("class")
        .is_some_and(|v| v.to_lowercase().split_whitespace().any(|c| c.rsplit(['-', '_']).next() == Some("submitted")))
}

/// Whether a class of `n` is, or ends in, the word "by" (`.by`,
/// `.posted-by`, `.entry_by`): themes' name for the byline line.
pub(super) fn has_by_class(n: &NodeRef) -> bool {
    n.attr("class")
        .is_some_and(|v| v.to_lowercase().split_whitespace().any(|c| c.rsplit(['-', '_']).next() == Some("by")))
}

/// `itemprop=author`, or its RDFa forms: `property="author"`
/// (`schema:author`) and Drupal's `rel="sioc:has_creator"`.
pub(super) fn is_microdata_author(n: &NodeRef) -> bool {
    n.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|w| w == "author" || w == "creator"))
        || n.attr("property").is_some_and(|p| {
            p.split_whitespace()
                .any(|w| matches!(w.rsplit(':').next(), Some("author" | "creator")) && !w.contains("article:"))
        })
        || n.attr("rel").is_some_and(|r| r.split_whitespace().any(|w| w == "sioc:has_creator"))
}

/// Whether class and id words `marks` mark a name (`.author-name`,
/// `.name`); never Drupal's field markers (`field--name-field-autorenbild`,
/// `field-name-body`), which name the field, not a person.
pub(super) fn has_name_class(marks: &str) -> bool {
    marks
        .split_whitespace()
        .any(|c| c.contains("name") && !c.starts_with("field--name-") && !c.starts_with("field-name-"))
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use crate::byline::elements::from_elements;
    use crate::byline::elements::tests::names;
    use crate::byline::names::test_context;
    use crate::byline::Evidence;

    #[test]
    fn a_contributor_class_names_the_author() {
        let doc = Document::from(
            r#"<body><h1>Rivers rise in spring</h1><div class="article-contributor"><span>Maria Lopez</span></div>
               <p>Text.</p></body>"#,
        );
        let found = from_elements(&doc, "Rivers rise in spring", &test_context());
        assert_eq!(names(&found.authors), [("Maria Lopez", None)]);
        assert_eq!(found.evidence, Evidence::AuthorClass);
    }

    #[test]
    fn drupal_field_markers_and_css_utilities_are_neither_name_nor_role() {
        let doc = Document::from(
            r#"<body><h1>Forest roads closed</h1><span><a href="/autoren/kathrin-fuehres-1">
               <span itemprop="image"><div class="field field--name-field-autorenbild"><div class="position-relative">
               <img alt="Kathrin Führes"><span class="teaser-copyright">© Kathrin Führes</span></div></div></span>
               <div class="profil-nowrap"><span itemprop="name"> Kathrin
               Führes </span></div></a></span><p>Text.</p></body>"#,
        );
        assert_eq!(
            names(&from_elements(&doc, "Forest roads closed", &test_context()).authors),
            [("Kathrin Führes", None)]
        );
    }
}
