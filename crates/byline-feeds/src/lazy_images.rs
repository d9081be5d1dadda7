//! Pictures a lazy loader fills in: a page or a feed ships each `<img>`
//! with a placeholder (none, a `data:` image, `blank.gif`) and the real
//! address in another attribute (`data-src`, WordPress Rocket's
//! `data-lazy-src`, jQuery lazyload's `data-original`, lazysizes'
//! `data-srcset`), which its script copies into `src` as the picture
//! scrolls into view. No script runs in a reader, so the real address is
//! put in `src` before the sanitizer (which keeps `src` only) sees the
//! picture: by the sanitizer itself for feeds, by byline-extract's cleanup
//! for pages.

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

/// The address to put in the `src` of an `<img>` whose `src` is `src` and
/// whose attributes `attribute` reads: the first of [`LAZY_SOURCES`] that
/// holds one, else the widest picture of the first of [`LAZY_SOURCE_SETS`];
/// `None` when `src` is a real picture's, or nothing better is there.
pub fn real_source(src: Option<&str>, attribute: impl Fn(&str) -> Option<String>) -> Option<String> {
    if src.is_some_and(|s| !is_placeholder(s)) {
        return None;
    }
    let looks_like_address = |v: &str| !v.is_empty() && !v.contains(char::is_whitespace) && !is_placeholder(v);
    LAZY_SOURCES
        .iter()
        .filter_map(|a| attribute(a))
        .map(|v| v.trim().to_string())
        .find(|v| looks_like_address(v))
        .or_else(|| LAZY_SOURCE_SETS.iter().filter_map(|a| attribute(a)).find_map(|set| widest(&set)))
}

/// The widest picture of a `srcset` ("a.jpg 400w, b.jpg 800w": b.jpg;
/// "a.jpg 1x, b.jpg 2x": b.jpg; a candidate with no size counts as 1x).
fn widest(set: &str) -> Option<String> {
    set.split(',')
        .filter_map(|candidate| {
            let mut parts = candidate.split_whitespace();
            let url = parts.next()?;
            let size = parts.next().map_or(1.0, |d| d.trim_end_matches(['w', 'x']).parse::<f64>().unwrap_or(0.0));
            (!is_placeholder(url)).then(|| (url.to_string(), size))
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

    fn real(src: Option<&str>, attributes: &[(&str, &str)]) -> Option<String> {
        real_source(src, |name| attributes.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn a_lazy_picture_s_real_address() {
        let gif = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
        assert_eq!(real(Some(gif), &[("data-src", "/uploads/a.jpg")]).as_deref(), Some("/uploads/a.jpg"));
        assert_eq!(
            real(Some("data:image/svg+xml,%3Csvg%3E%3C/svg%3E"), &[("data-lazy-src", "https://cdn.example.az/c.jpg")])
                .as_deref(),
            Some("https://cdn.example.az/c.jpg")
        );
        assert_eq!(
            real(Some("/templates/img/blank.gif"), &[("data-original", "/uploads/b.jpg")]).as_deref(),
            Some("/uploads/b.jpg")
        );
        assert_eq!(
            real(Some("/blank.gif"), &[("data-srcset", "/d-400.jpg 400w, /d-800.jpg 800w")]).as_deref(),
            Some("/d-800.jpg")
        );
        assert_eq!(real(None, &[("srcset", "/e.jpg 1x, /e@2x.jpg 2x")]).as_deref(), Some("/e@2x.jpg"));
    }

    #[test]
    fn a_real_src_stays() {
        assert_eq!(real(Some("/photo.jpg"), &[("data-src", "/other.jpg")]), None);
        assert_eq!(real(Some("/icons/loading-bar.jpg"), &[("data-src", "/x.jpg")]), None, "a JPEG is a picture");
        assert_eq!(real(Some("/blank.gif"), &[]), None, "nothing better to put there");
        assert_eq!(real(Some("/blank.gif"), &[("data-src", "data:image/png;base64,x")]), None);
    }
}
