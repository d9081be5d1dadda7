//! The `thumb:` URI scheme: `thumb://localhost/<article id>` (on Windows
//! `http://thumb.localhost/<article id>`) answers with a small JPEG of the
//! article's lead image, made once in Rust and cached on disk, so lists never
//! load full-size images.

use byline_engine::store::ArticleId;
use byline_media::MediaCache;
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

/// The scheme's name.
pub const SCHEME: &str = "thumb";
/// Longest side of a list thumbnail, in pixels (2× for sharp HiDPI rows).
const THUMBNAIL_SIDE: u32 = 192;

/// Answers one `thumb:` request, off the main thread.
pub fn handle<R: Runtime>(ctx: UriSchemeContext<'_, R>, request: Request<Vec<u8>>, responder: UriSchemeResponder) {
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

async fn thumbnail<R: Runtime>(app: &tauri::AppHandle<R>, id: ArticleId) -> Option<Response<Vec<u8>>> {
    let state = app.try_state::<AppState>()?;
    let cache = app.try_state::<MediaCache>()?;
    let article = state.engine.store().article(id).await.ok()?;
    let image_url = article.summary.lead_image?;
    let jpeg = cache.thumbnail(&image_url, THUMBNAIL_SIDE).await.ok()?;
    Response::builder()
        .header(header::CONTENT_TYPE, "image/jpeg")
        .header(header::CACHE_CONTROL, "max-age=86400")
        .body(jpeg)
        .ok()
}

fn not_found() -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}
