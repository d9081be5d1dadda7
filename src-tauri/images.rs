//! Images for the webview, always from Byline's cache, never straight from
//! their hosts:
//!
//! * `thumb://localhost/<article id>` (Windows: `http://thumb.localhost/…`)
//!   answers with a small JPEG of the article's lead image, made once in
//!   Rust, so lists never load full-size images;
//! * `media://localhost/<hex of the image URL>` answers with an article
//!   image from the cache (downloading it the first time), so saved
//!   articles, whose images are fetched when they are saved, read offline;
//!   an image that cannot be had comes back as a small, faint placeholder
//!   ([`byline_media::placeholder_png`]).

use byline_engine::store::ArticleId;
use byline_media::{remote_image_url, MediaCache};
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{AppHandle, Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

/// The thumbnail scheme's name.
pub const THUMB_SCHEME: &str = "thumb";
/// The URL of an article's list thumbnail (`thumb://localhost/<id>`, see
/// [`byline_media::scheme_url`]), handed to the UI with each list item.
pub fn thumbnail_url(id: ArticleId) -> String {
    byline_media::scheme_url(THUMB_SCHEME, &id.0.to_string())
}

/// Longest side of a list thumbnail, in pixels (2× for sharp HiDPI rows).
const THUMBNAIL_SIDE: u32 = 192;

/// Answers one `thumb:` request, off the main thread.
pub fn handle_thumb<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let id = request.uri().path().trim_matches('/').parse::<i64>().ok().map(ArticleId);
    tauri::async_runtime::spawn(async move {
        let response = match id {
            Some(id) => thumbnail(&app, id).await,
            None => None,
        };
        responder.respond(response.unwrap_or_else(not_found));
    });
}

/// Answers one `media:` request, off the main thread.
pub fn handle_media<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let url = remote_image_url(request.uri().path());
    tauri::async_runtime::spawn(async move {
        let response = match (url, app.try_state::<MediaCache>()) {
            (Some(url), Some(cache)) => {
                cache.image(&url).await.ok().and_then(|(bytes, mime)| image_response(bytes, mime))
            }
            _ => None,
        };
        responder.respond(response.unwrap_or_else(placeholder));
    });
}

/// Downloads a saved article's images (and its lead image) in the
/// background, so it reads completely offline.
pub fn prefetch_article<R: Runtime>(app: &AppHandle<R>, id: ArticleId) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let (Some(state), Some(cache)) = (app.try_state::<AppState>(), app.try_state::<MediaCache>()) else { return };
        let Ok(article) = state.engine.store().article(id).await else { return };
        let body = article.full_html.or(article.content_html).or(article.summary_html).unwrap_or_default();
        cache.prefetch(&body).await;
        if let Some(lead) = article.summary.lead_image {
            let _ = cache.image(&lead).await;
            let _ = cache.thumbnail(&lead, THUMBNAIL_SIDE).await;
        }
    });
}

async fn thumbnail<R: Runtime>(app: &AppHandle<R>, id: ArticleId) -> Option<Response<Vec<u8>>> {
    let state = app.try_state::<AppState>()?;
    let cache = app.try_state::<MediaCache>()?;
    let article = state.engine.store().article(id).await.ok()?;
    let image_url = article.summary.lead_image?;
    let jpeg = cache.thumbnail(&image_url, THUMBNAIL_SIDE).await.ok()?;
    image_response(jpeg, "image/jpeg")
}

fn image_response(bytes: Vec<u8>, mime: &str) -> Option<Response<Vec<u8>>> {
    Response::builder()
        .header(header::CONTENT_TYPE, mime)
        .header(header::CACHE_CONTROL, "max-age=86400")
        .header("X-Content-Type-Options", "nosniff")
        .body(bytes)
        .ok()
}

/// An article image that cannot be had shows as a small faint box, not a
/// broken image; not cached, so it is tried again next time.
fn placeholder() -> Response<Vec<u8>> {
    let mut response = image_response(byline_media::placeholder_png().to_vec(), "image/png").unwrap_or_else(not_found);
    response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    response
}

fn not_found() -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}
