//! Byline's image cache.
//!
//! Lists show small thumbnails, never full-size images: each lead image is
//! downloaded once through the engine's polite [`Fetcher`] (timeouts, a size
//! cap, per-host limits), checked to really be an image, scaled down once,
//! and kept on disk as a small JPEG. Later asks are a file read.
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
}
