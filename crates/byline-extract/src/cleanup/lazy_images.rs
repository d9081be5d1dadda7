//! Pictures a lazy loader fills in (see `byline_feeds::lazy_images`): the
//! real address goes in each `<img>`'s `src` before the main-content
//! extractor and the sanitizer see the picture.

use byline_feeds::lazy_images::real_source;
use dom_query::Document;

use crate::dom::elements_named;

/// Puts each lazy picture's real address in its `src`; a picture whose
/// `src` is real is left as it is.
pub(super) fn load_lazy_images(doc: &Document) {
    for img in elements_named(doc, &["img"]) {
        let src = img.attr("src");
        if let Some(real) = real_source(src.as_deref(), |name| img.attr(name).map(|v| v.to_string())) {
            img.set_attr("src", &real);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lazy_picture_s_real_address_goes_in_its_src() {
        let doc = Document::from(
            r#"<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/uploads/a.jpg">
            <img class="lazyload" src="/blank.gif" data-srcset="/d-400.jpg 400w, /d-800.jpg 800w">
            <img src="/photo.jpg" data-src="/other.jpg"></body></html>"#,
        );
        load_lazy_images(&doc);
        let srcs: Vec<String> = elements_named(&doc, &["img"])
            .iter()
            .map(|i| i.attr("src").map(|s| s.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(srcs, ["/uploads/a.jpg", "/d-800.jpg", "/photo.jpg"]);
    }
}
