//! Images that are not the article's: tracking pixels and counters, and
//! advertising banners (an ad word in the file's path or host, a standard
//! banner size linking to another site).

use std::sync::LazyLock;

use dom_query::NodeRef;
use url::Url;

use super::marks::AD_PREFIXES;
use crate::dom::tag;

/// Hosts and paths of tracking pixels and counters.
const TRACKERS: &[&str] = &[
    "mc.yandex.",
    "top-fwz1.mail.ru",
    "top.mail.ru/counter",
    "counter.yadro.ru",
    "liveinternet.ru",
    "facebook.com/tr",
    "google-analytics.com",
    "googletagmanager.com",
    "doubleclick.net",
    "scorecardresearch.com",
    "/pixel",
    "pixel.",
    "/counter",
    "hit?",
    "/beacon",
    "quantserve.com",
];
/// Standard banner sizes (IAB), as (width, height).
const BANNER_SIZES: &[(u32, u32)] = &[
    (728, 90),
    (970, 90),
    (970, 250),
    (810, 90),
    (468, 60),
    (300, 250),
    (336, 280),
    (240, 400),
    (300, 600),
    (160, 600),
    (120, 600),
    (320, 50),
    (320, 100),
    (1000, 120),
    (600, 90),
    (234, 60),
];

/// A 1×1 (or hidden, or counter-hosted) image.
pub(crate) fn is_tracking_pixel(img: &NodeRef) -> bool {
    let (w, h) = (declared_side(img, "width"), declared_side(img, "height"));
    let tiny = |d: Option<u32>| d.is_some_and(|d| d <= 2);
    if (tiny(w) && (tiny(h) || h.is_none())) || (tiny(h) && w.is_none()) {
        return true;
    }
    let style = img.attr("style").unwrap_or_default().to_lowercase().replace(' ', "");
    if style.contains("display:none")
        || style.contains("visibility:hidden")
        || (style.contains("width:1px") && style.contains("height:1px"))
        || style.contains("left:-9999px")
    {
        return true;
    }
    let src = img.attr("src").unwrap_or_default().to_lowercase();
    TRACKERS.iter().any(|t| src.contains(t))
}

/// An image's `width` or `height` attribute in pixels ("634", "634px").
pub(super) fn declared_side(img: &NodeRef, attribute: &str) -> Option<u32> {
    img.attr(attribute).and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
}

/// An advertising banner: an ad word in the image's file path or host, or
/// a standard banner size linking to another site.
pub(crate) fn is_ad_image(img: &NodeRef, page_url: &Url) -> bool {
    let src = img.attr("src").unwrap_or_default().to_lowercase();
    let Ok(url) = page_url.join(src.trim()) else { return false };
    let mut words = url.path().split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).collect::<Vec<_>>();
    let host = url.host_str().unwrap_or_default().to_string();
    words.extend(host.split('.'));
    let alt = img.attr("alt").unwrap_or_default().to_lowercase();
    words.extend(alt.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()));
    if words.iter().any(|t| matches!(*t, "ads" | "advert" | "adv") || AD_PREFIXES.iter().any(|p| t.starts_with(p))) {
        return true;
    }
    banner_sized(img, &src) && links_elsewhere(img, page_url)
}

fn banner_sized(img: &NodeRef, src: &str) -> bool {
    let dim = |name: &str| img.attr(name).and_then(|v| v.trim().parse::<u32>().ok());
    if let (Some(w), Some(h)) = (dim("width"), dim("height")) {
        return BANNER_SIZES.contains(&(w, h));
    }
    BANNER_SIZE_NAMES.iter().any(|size| src.contains(size.as_str()))
}

/// [`BANNER_SIZES`] as file names write them ("728x90").
static BANNER_SIZE_NAMES: LazyLock<Vec<String>> =
    LazyLock::new(|| BANNER_SIZES.iter().map(|(w, h)| format!("{w}x{h}")).collect());

fn links_elsewhere(img: &NodeRef, page_url: &Url) -> bool {
    let Some(a) = img.ancestors_it(Some(3)).find(|a| tag(a) == "a") else { return false };
    let href = a.attr("href").unwrap_or_default();
    page_url.join(&href).is_ok_and(|u| u.host_str() != page_url.host_str())
}

#[cfg(test)]
mod tests {
    use crate::cleanup::tests::clean;

    #[test]
    fn ad_banners_by_file_name_and_size_go_with_their_links() {
        let out = clean(
            r#"<body><div class="hdr"><a href="https://qanunla.az"><img src="/up/image-media-qanunla-reklam-49z.gif"></a></div>
            <p>Text <a href="https://x.example.com"><img src="/u/pic.jpg" width="728" height="90"></a></p>
            <p><img src="/wp-content/uploads/2026/photo.jpg"></p></body>"#,
        );
        assert!(!out.contains("reklam") && !out.contains("qanunla") && !out.contains("hdr"), "{out}");
        assert!(!out.contains("pic.jpg") && out.contains("Text"), "{out}");
        assert!(out.contains("photo.jpg"), "uploads is not an ad word: {out}");
    }

    #[test]
    fn tracking_pixels_are_removed() {
        let out = clean(
            r#"<body><p>a<img src="/t.gif" width="1" height="1"></p><img src="https://mc.yandex.ru/watch/1">
            <img src="/x.gif" style="width:1px; height:1px"><img src="/real.jpg" width="600"></body>"#,
        );
        assert!(!out.contains("t.gif") && !out.contains("yandex") && !out.contains("x.gif"), "{out}");
        assert!(out.contains("real.jpg"), "{out}");
    }
}
