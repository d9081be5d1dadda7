//! Byline's image cache.
//!
//! * Lists show small thumbnails, never full-size images: each lead image is
//!   downloaded once through the engine's polite [`Fetcher`] (timeouts, a
//!   size cap, per-host limits), checked to really be an image, scaled down
//!   once, and kept on disk as a small JPEG. Later asks are a file read.
//! * Article images are served to the reader from the cache too
//!   ([`MediaCache::image`], [`localize_images`]): the webview never talks to
//!   image hosts itself, a saved article's images are downloaded when it is
//!   saved ([`MediaCache::prefetch`]), and so it reads completely offline.
//!
//! ```no_run
//! # async fn demo(fetcher: byline_engine::Fetcher) -> Result<(), byline_media::MediaError> {
//! let cache = byline_media::MediaCache::new("/tmp/byline-cache".into(), fetcher);
//! let jpeg: Vec<u8> = cache.thumbnail("https://news.example.az/lead.jpg", 160).await?;
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

use std::io::Cursor;
use std::path::PathBuf;

use byline_engine::{FetchError, Fetcher};
use image::{ImageFormat, ImageReader};

/// Largest image downloaded for a thumbnail, in bytes.
const MAX_IMAGE_BYTES: usize = 12 * 1024 * 1024;
/// Largest decoded image accepted, in pixels per side (decompression bombs).
const MAX_DIMENSION: u32 = 12_000;
/// JPEG quality of thumbnails.
const THUMBNAIL_QUALITY: u8 = 80;

/// Why an image could not be had.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    /// Downloading failed.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The response is not an image we can read.
    #[error("not an image: {0}")]
    NotAnImage(String),
    /// The cache directory could not be written.
    #[error("image cache: {0}")]
    Io(#[from] std::io::Error),
}

/// The on-disk image cache.
#[derive(Debug, Clone)]
pub struct MediaCache {
    dir: PathBuf,
    fetcher: Fetcher,
}

impl MediaCache {
    /// A cache in `dir` (created when first written), downloading with `fetcher`.
    pub fn new(dir: PathBuf, fetcher: Fetcher) -> Self {
        Self { dir, fetcher }
    }

    /// A JPEG of the image at `url`, at most `max_side` pixels wide and high,
    /// made once and then read from disk.
    pub async fn thumbnail(&self, url: &str, max_side: u32) -> Result<Vec<u8>, MediaError> {
        let path = self.dir.join("thumbs").join(format!("{}-{max_side}.jpg", key(url)));
        if let Ok(bytes) = tokio::fs::read(&path).await {
            return Ok(bytes);
        }
        let original = self.download_image(url).await?;
        let jpeg = tokio::task::spawn_blocking(move || make_thumbnail(&original, max_side))
            .await
            .map_err(|e| MediaError::NotAnImage(e.to_string()))??;
        write_atomically(&path, &jpeg).await?;
        Ok(jpeg)
    }

    /// The image at `url` and its MIME type, from the cache, or downloaded
    /// (size-capped, its format sniffed from the bytes) and kept.
    pub async fn image(&self, url: &str) -> Result<(Vec<u8>, &'static str), MediaError> {
        let path = self.dir.join("originals").join(key(url));
        let bytes = match tokio::fs::read(&path).await {
            Ok(bytes) => bytes,
            Err(_) => {
                let bytes = self.download_image(url).await?;
                image_mime(&bytes)?;
                write_atomically(&path, &bytes).await?;
                bytes
            }
        };
        let mime = image_mime(&bytes)?;
        Ok((bytes, mime))
    }

    /// Downloads every image `html` shows (at most [`MAX_PREFETCH`]), so the
    /// article reads offline; returns how many are now cached.
    pub async fn prefetch(&self, html: &str) -> usize {
        let mut cached = 0;
        for url in image_urls(html).into_iter().take(MAX_PREFETCH) {
            if self.image(&url).await.is_ok() {
                cached += 1;
            }
        }
        cached
    }

    async fn download_image(&self, url: &str) -> Result<Vec<u8>, MediaError> {
        let fetched = self.fetcher.get(url, None).await?;
        let body = fetched.body.unwrap_or_default();
        if body.len() > MAX_IMAGE_BYTES {
            return Err(FetchError::BodyTooLarge { limit: MAX_IMAGE_BYTES }.into());
        }
        let declared = fetched.content_type.as_deref().unwrap_or("");
        if !declared.is_empty() && !declared.starts_with("image/") && !declared.starts_with("application/octet-stream")
        {
            return Err(MediaError::NotAnImage(format!("{url} is {declared}")));
        }
        Ok(body)
    }
}

/// Most images downloaded for one saved article.
pub const MAX_PREFETCH: usize = 40;

/// The scheme article images are served on.
pub const IMAGE_SCHEME: &str = "media";

/// The MIME type of an image we serve, from its bytes (never SVG: it can
/// carry script).
fn image_mime(bytes: &[u8]) -> Result<&'static str, MediaError> {
    match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => Ok("image/jpeg"),
        Ok(ImageFormat::Png) => Ok("image/png"),
        Ok(ImageFormat::Gif) => Ok("image/gif"),
        Ok(ImageFormat::WebP) => Ok("image/webp"),
        Ok(ImageFormat::Avif) => Ok("image/avif"),
        Ok(other) => Err(MediaError::NotAnImage(format!("{other:?} is not served"))),
        Err(e) => Err(MediaError::NotAnImage(e.to_string())),
    }
}

/// The URL the webview loads `path` from on the app's custom `scheme`:
/// `<scheme>://localhost/<path>` (`http://<scheme>.localhost/<path>` on
/// Windows, where webviews reach custom schemes that way). The one place
/// such URLs are built; the UI is handed them finished.
pub fn scheme_url(scheme: &str, path: &str) -> String {
    if cfg!(windows) {
        format!("http://{scheme}.localhost/{path}")
    } else {
        format!("{scheme}://localhost/{path}")
    }
}

/// The local URL the reader loads an image from: `media://localhost/<hex>`
/// (see [`scheme_url`]).
pub fn local_image_url(url: &str) -> String {
    let hex: String = url.bytes().map(|b| format!("{b:02x}")).collect();
    scheme_url(IMAGE_SCHEME, &hex)
}

/// The remote URL a [`local_image_url`] path stands for, if it is one.
pub fn remote_image_url(path: &str) -> Option<String> {
    let hex = path.trim_matches('/');
    if hex.is_empty() || hex.len() % 2 != 0 || hex.len() > 16_384 {
        return None;
    }
    let bytes: Option<Vec<u8>> =
        (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok()).collect();
    let url = String::from_utf8(bytes?).ok()?;
    (url.starts_with("http://") || url.starts_with("https://")).then_some(url)
}

/// The http(s) `src` of every `<img>` in sanitized HTML, in order, once each.
pub fn image_urls(html: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<img ") {
        let tag_end = rest[start..].find('>').map_or(rest.len(), |e| start + e);
        if let Some(src) = src_value(&rest[start..tag_end]) {
            let src = src.replace("&amp;", "&");
            if (src.starts_with("http://") || src.starts_with("https://")) && !urls.contains(&src) {
                urls.push(src);
            }
        }
        rest = &rest[tag_end..];
    }
    urls
}

/// Points every `<img src>` of sanitized HTML at the local image scheme, so
/// the reader gets images from the cache (offline for saved articles), never
/// from the image's host.
pub fn localize_images(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<img ") {
        let tag_end = rest[start..].find('>').map_or(rest.len(), |e| start + e);
        out.push_str(&rest[..start]);
        let tag = &rest[start..tag_end];
        match src_value(tag) {
            Some(src) if src.starts_with("http://") || src.starts_with("https://") => {
                let local = local_image_url(&src.replace("&amp;", "&"));
                let tag = tag.replacen(&format!(" src=\"{src}\""), &format!(" src=\"{local}\""), 1);
                out.push_str(&without_box_size(&tag));
            }
            _ => out.push_str(tag),
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

/// Widest `width` attribute an image keeps: small inline images (icons,
/// symbols in the text) stay the size the page gave them.
const MAX_KEPT_WIDTH: u32 = 64;

/// One `<img …` tag without the `width`/`height` a page gave a big image.
/// The reader sizes images by their own pixels (`max-width: 100%`), so an
/// image that cannot be had shows the small [`placeholder_png`] instead of
/// a box as big as the picture that is missing.
fn without_box_size(tag: &str) -> String {
    let width = attribute_value(tag, "width").and_then(|w| w.trim().parse::<u32>().ok());
    if width.is_some_and(|w| w <= MAX_KEPT_WIDTH) {
        return tag.to_string();
    }
    let mut tag = tag.to_string();
    for name in ["width", "height"] {
        if let Some(value) = attribute_value(&tag, name) {
            tag = tag.replacen(&format!(" {name}=\"{value}\""), "", 1);
        }
    }
    tag
}

/// The value of attribute `name` in one tag as the sanitizer writes it
/// (` name="value"`).
fn attribute_value<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// The `src="…"` value of one `<img …` tag as the sanitizer writes it.
fn src_value(tag: &str) -> Option<&str> {
    attribute_value(tag, "src")
}

/// Decodes `bytes` (sniffing the format, never trusting the header alone)
/// and scales it to fit `max_side`, as JPEG.
pub fn make_thumbnail(bytes: &[u8], max_side: u32) -> Result<Vec<u8>, MediaError> {
    let format = image::guess_format(bytes).map_err(|e| MediaError::NotAnImage(e.to_string()))?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::Gif | ImageFormat::WebP) {
        return Err(MediaError::NotAnImage(format!("{format:?} is not supported")));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| MediaError::NotAnImage(e.to_string()))?;
    let small = image.thumbnail(max_side, max_side).into_rgb8();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, THUMBNAIL_QUALITY)
        .encode_image(&small)
        .map_err(|e| MediaError::NotAnImage(e.to_string()))?;
    Ok(out)
}

/// Size of [`placeholder_png`], in pixels.
pub const PLACEHOLDER_SIZE: (u32, u32) = (40, 28);

/// What the reader shows where an article image cannot be had (offline,
/// never cached, gone from its host): a small, faint outlined box the size
/// of an inline symbol ([`PLACEHOLDER_SIZE`]), instead of a broken-image
/// icon or a box as big as the missing picture (the reader drops a big
/// image's `width`/`height`, see [`localize_images`]). Translucent grey, so
/// it reads on light and dark pages.
pub fn placeholder_png() -> &'static [u8] {
    static PNG: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
        let (width, height) = PLACEHOLDER_SIZE;
        let edge = image::Rgba([128, 128, 128, 110]);
        let fill = image::Rgba([128, 128, 128, 36]);
        let clear = image::Rgba([0, 0, 0, 0]);
        let picture = image::RgbaImage::from_fn(width, height, |x, y| {
            let (x, y, w, h) = (x as i64, y as i64, width as i64, height as i64);
            let corner = (x == 0 || x == w - 1) && (y == 0 || y == h - 1);
            let border = x == 0 || y == 0 || x == w - 1 || y == h - 1;
            // The usual "picture" sign inside the frame: a sun and a hill.
            let sun = (x - w / 4).pow(2) + (y - h / 3).pow(2) <= 9;
            let hill = y >= h / 3 + (x - 3 * w / 5).abs() * 2 / 3 + 2;
            match () {
                _ if corner => clear,
                _ if border || sun || hill => edge,
                _ => fill,
            }
        });
        let mut out = Vec::new();
        picture.write_to(&mut Cursor::new(&mut out), ImageFormat::Png).expect("a small PNG always encodes");
        out
    });
    &PNG
}

fn key(url: &str) -> String {
    blake3::hash(url.as_bytes()).to_hex()[..32].to_string()
}

async fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        tokio::fs::create_dir_all(dir).await?;
    }
    let temp = path.with_extension("partial");
    tokio::fs::write(&temp, bytes).await?;
    tokio::fs::rename(&temp, path).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_engine::FetchConfig;
    use byline_testkit::{Fixture, FixtureServer};

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 128]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
        out
    }

    #[test]
    fn thumbnails_fit_the_box_and_keep_the_aspect() {
        let jpeg = make_thumbnail(&png(1200, 600), 160).unwrap();
        let thumb = image::load_from_memory(&jpeg).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (160, 80));
    }

    #[test]
    fn the_placeholder_is_a_small_faint_png() {
        let bytes = placeholder_png();
        assert_eq!(image::guess_format(bytes).unwrap(), ImageFormat::Png);
        let picture = image::load_from_memory(bytes).unwrap().into_rgba8();
        assert_eq!((picture.width(), picture.height()), PLACEHOLDER_SIZE);
        assert!(picture.pixels().all(|p| p.0[3] < 128), "translucent, for light and dark pages");
    }

    #[test]
    fn big_images_lose_their_box_size_and_small_ones_keep_it() {
        let html = r#"<p><img src="https://x.az/big.jpg" alt="Big" width="800" height="533"></p><p>Text <img src="https://x.az/icon.png" width="16" height="16"> more <img src="https://x.az/tall.jpg" height="900"></p>"#;
        let local = localize_images(html);
        let tags: Vec<&str> = local.split("<img").skip(1).collect();
        assert!(
            !tags[0].contains("width") && !tags[0].contains("height") && tags[0].contains(r#"alt="Big""#),
            "{local}"
        );
        assert!(tags[1].contains(r#" width="16" height="16""#), "{local}");
        assert!(!tags[2].contains("height"), "{local}");
        assert!(local.contains("<p>Text ") && local.contains(" more "), "{local}");
    }

    #[test]
    fn images_are_pointed_at_the_local_scheme_and_back() {
        let html = r#"<p>a</p><img src="https://x.az/a.jpg?w=1&amp;h=2" alt="A"><img src="https://x.az/a.jpg?w=1&amp;h=2"><img src="data:x">"#;
        assert_eq!(image_urls(html), vec!["https://x.az/a.jpg?w=1&h=2".to_string()]);
        let local = localize_images(html);
        assert!(!local.contains("https://x.az"), "{local}");
        let src = local.split("src=\"").nth(1).unwrap().split('"').next().unwrap();
        let path = src.rsplit_once("localhost/").unwrap().1;
        assert_eq!(remote_image_url(path).as_deref(), Some("https://x.az/a.jpg?w=1&h=2"));
        assert!(local.contains(r#"alt="A""#) && local.starts_with("<p>a</p>"));
        assert_eq!(remote_image_url("zz"), None);
        assert_eq!(remote_image_url("6a6176617363726970743a"), None, "javascript: is not served");
    }

    #[test]
    fn scheme_urls_are_built_for_the_platform() {
        let expected = if cfg!(windows) { "http://thumb.localhost/42" } else { "thumb://localhost/42" };
        assert_eq!(scheme_url("thumb", "42"), expected);
        assert!(local_image_url("https://x.az/a.jpg").starts_with(&scheme_url(IMAGE_SCHEME, "")));
    }

    #[test]
    fn non_images_are_refused() {
        assert!(matches!(make_thumbnail(b"<html>not an image</html>", 160), Err(MediaError::NotAnImage(_))));
        assert!(make_thumbnail(&png(10, 10)[..40], 160).is_err(), "truncated image");
    }

    #[tokio::test]
    async fn thumbnails_are_made_once_then_read_from_disk() {
        let server = FixtureServer::start().await;
        server.route("/lead.png", Fixture::body("image/png", png(800, 800)));
        server.route("/page.html", Fixture::body("text/html", "<html></html>"));
        let dir = tempfile::tempdir().unwrap();
        let cache = MediaCache::new(dir.path().to_path_buf(), Fetcher::new(FetchConfig::default()).unwrap());
        let first = cache.thumbnail(&server.url("/lead.png"), 120).await.unwrap();
        let second = cache.thumbnail(&server.url("/lead.png"), 120).await.unwrap();
        assert_eq!(first, second);
        assert_eq!(server.hits("/lead.png"), 1, "downloaded once");
        assert!(first.len() < 20_000, "small: {} bytes", first.len());
        let err = cache.thumbnail(&server.url("/page.html"), 120).await.unwrap_err();
        assert!(err.to_string().contains("not an image"), "{err}");
    }

    #[tokio::test]
    async fn a_saved_article_s_images_are_kept_for_offline_reading() {
        let server = FixtureServer::start().await;
        server.route("/a.png", Fixture::body("image/png", png(40, 30)));
        server.route("/fake.png", Fixture::body("image/png", "<svg onload=alert(1)>"));
        let dir = tempfile::tempdir().unwrap();
        let cache = MediaCache::new(dir.path().to_path_buf(), Fetcher::new(FetchConfig::default()).unwrap());
        let html = format!(r#"<img src="{}"><img src="{}">"#, server.url("/a.png"), server.url("/fake.png"));
        assert_eq!(cache.prefetch(&html).await, 1, "only the real image");
        let url = server.url("/a.png");
        drop(server);
        let (bytes, mime) = cache.image(&url).await.unwrap();
        assert_eq!(mime, "image/png");
        assert_eq!(bytes, png(40, 30), "served from disk with the server gone");
    }
}
