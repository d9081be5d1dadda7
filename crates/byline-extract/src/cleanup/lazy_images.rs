//! Pictures a lazy loader fills in: the page ships each `<img>` with a
//! placeholder (none, a `data:` image, `blank.gif`) and the real address in
//! another attribute (`data-src`, WordPress Rocket's `data-lazy-src`,
//! jQuery lazyload's `data-original`, lazysizes' `data-srcset`), which its
//! script copies into `src` as the picture scrolls into view. No script
//! runs in a reader, so the real address is put in `src` here, before the
//! main-content extractor and the sanitizer (which keeps `src` only) see
//! the picture.

use dom_query::{Document, NodeRef};

use crate::dom::{elements_named, tag};

/// Attributes that hold a lazy picture's address, the likeliest first.
const LAZY_SOURCES: &[&str] =
    &["data-src", "data-lazy-src", "data-original", "data-lazy", "data-hi-res-src", "data-full-src", "data-url"];

/// Attributes that hold a lazy picture's set of sizes, then the picture's
/// own (an `<img>` with a set and no `src`).
const LAZY_SOURCE_SETS: &[&str] = &["data-srcset", "data-lazy-srcset", "srcset"];

/// Words of a placeholder picture's file name (`blank.gif`,
/// `placeholder.png`, `lazy-loader.svg`), compared lower-case.
const PLACEHOLDER_WORDS: &[&str] =
    &["blank", "placeholder", "spacer", "transparent", "lazy", "loading", "loader", "pixel", "empty", "1x1"];

/// Puts each lazy picture's real address in its `src` (see the module's
/// doc); a picture whose `src` is real is left as it is.
pub(super) fn load_lazy_images(doc: &Document) {
    for img in elements_named(doc, &["img"]) {
        let src = img.attr("src");
        if src.as_deref().is_some_and(|s| !is_placeholder(s)) {
            continue;
        }
        if let Some(real) = lazy_source(&img) {
            img.set_attr("src", &real);
        }
    }
}

/// The address a lazy loader would put in `img`'s `src`: the first of
/// [`LAZY_SOURCES`] that holds one, else the widest picture of the first
/// of [`LAZY_SOURCE_SETS`].
fn lazy_source(img: &NodeRef) -> Option<String> {
    debug_assert_eq!(tag(img).as_str(), "img");
    let looks_like_address = |v: &str| !v.is_empty() && !v.contains(char::is_whitespace) && !v.starts_with("data:");
    LAZY_SOURCES
        .iter()
        .filter_map(|a| img.attr(a))
        .map(|v| v.trim().to_string())
        .find(|v| looks_like_address(v) && !is_placeholder(v))
        .or_else(|| LAZY_SOURCE_SETS.iter().filter_map(|a| img.attr(a)).find_map(|set| widest(&set)))
}

/// The widest picture of a `srcset` ("a.jpg 400w, b.jpg 800w": b.jpg;
/// "a.jpg 1x, b.jpg 2x": b.jpg; a candidate with no size counts as 1x).
fn widest(set: &str) -> Option<String> {
    set.split(',')
        .filter_map(|candidate| {
            let mut parts = candidate.split_whitespace();
            let url = parts.next()?;
            let size = parts.next().map_or(1.0, |d| d.trim_end_matches(['w', 'x']).parse::<f64>().unwrap_or(0.0));
            (!url.starts_with("data:") && !is_placeholder(url)).then(|| (url.to_string(), size))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(url, _)| url)
}

/// Whether `src` is a lazy loader's placeholder: empty, a `data:` image, or
/// a GIF, PNG or SVG file named as one ([`PLACEHOLDER_WORDS`]).
fn is_placeholder(src: &str) -> bool {
    let src = src.trim();
    if src.is_empty() || src.starts_with("data:") {
        return true;
    }
    let file = src.rsplit('/').next().unwrap_or(src).split(['?', '#']).next().unwrap_or_default().to_ascii_lowercase();
    [".gif", ".png", ".svg"].iter().any(|e| file.ends_with(e)) && PLACEHOLDER_WORDS.iter().any(|w| file.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn srcs(body: &str) -> Vec<String> {
        let doc = Document::from(format!("<html><body>{body}</body></html>").as_str());
        load_lazy_images(&doc);
        elements_named(&doc, &["img"])
            .iter()
            .map(|i| i.attr("src").map(|s| s.to_string()).unwrap_or_default())
            .collect()
    }

    #[test]
    fn a_lazy_picture_s_real_address_goes_in_its_src() {
        assert_eq!(
            srcs(
                r#"<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/uploads/a.jpg">
                <img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" data-lazy-src="https://cdn.example.az/c.jpg">
                <img class="lazy" src="/templates/img/blank.gif" data-original="/uploads/b.jpg">
                <img class="lazyload" src="/blank.gif" data-srcset="/d-400.jpg 400w, /d-800.jpg 800w">
                <img srcset="/e.jpg 1x, /e@2x.jpg 2x">"#
            ),
            ["/uploads/a.jpg", "https://cdn.example.az/c.jpg", "/uploads/b.jpg", "/d-800.jpg", "/e@2x.jpg"]
        );
    }

    #[test]
    fn a_real_src_stays() {
        assert_eq!(
            srcs(r#"<img src="/photo.jpg" data-src="/other.jpg"><img src="/icons/loading-bar.jpg" data-src="/x.jpg">"#),
            ["/photo.jpg", "/icons/loading-bar.jpg"]
        );
        assert_eq!(srcs(r#"<img src="/blank.gif">"#), ["/blank.gif"], "nothing better to put there");
    }
}
