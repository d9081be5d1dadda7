//! Byline's article extraction: turns a fetched news page into a clean
//! reading view. It performs no I/O.
//!
//! Most feeds carry a teaser; the app fetches the article page and hands its
//! bytes to [`extract`], which returns an [`Extracted`]: the headline once,
//! the bylines with their roles, the publication date, the lead image, the
//! language, the body as sanitized HTML and as text, and a reading time.
//!
//! * [`main_content`] finds the article body (the one swappable dependency).
//! * `cleanup` removes ads, share buttons, related news and tracking pixels
//!   on the DOM before the body is looked for.
//! * `ld_body` takes the page's JSON-LD `articleBody` instead when
//!   measured signals say the readability body missed most of it, and
//!   when they do not, `body_recall` puts back the paragraphs Readability
//!   left in other sections of the page (same tag and class as the kept
//!   ones) and `body_ld_trim` drops the blocks that the `articleBody`,
//!   when it is the article in full, does not have; `body_lead` puts back
//!   the lead the page shows above the body, and `body_tidy` drops picture
//!   credits, headings left with nothing under them and blocks repeated a
//!   line or two later (a picture's caption stays, under the picture);
//!   `body_asides` drops what speaks to the reader instead of telling the
//!   story: calls to follow or subscribe, ad-blocker notices, consent
//!   placeholders, lists of links to the site's other pages; and
//!   `body_widgets` drops what a page's widgets leave as text when their
//!   script does not run (a player's "enable JavaScript" notice, its clock,
//!   a slideshow's count) and the labels of its tools ("Text size",
//!   "Article continues below").
//! * `byline`, `title` and `metadata` read the rest from JSON-LD, meta tags
//!   and the page itself; the language is told from the text (`whatlang`)
//!   when the page declares none, or when a long text plainly reads as
//!   another language than the one declared.
//! * The body then goes through `byline_feeds::sanitize`, the one place
//!   remote HTML is made safe.
//!
//! ```
//! use url::Url;
//!
//! let page = r#"<html lang="az"><head><title>Yeni park açılıb – Gəncə Xəbər</title>
//!   <meta property="og:site_name" content="Gəncə Xəbər"></head><body>
//!   <h1>Yeni park açılıb</h1>
//!   <div class="post-share"><a href="https://api.whatsapp.com/send?text=x">whatsapp</a></div>
//!   <div class="entry-content">
//!     <p>Gəncə şəhərində yeni park istifadəyə verilib. Parkda üç min ağac əkilib, velosiped yolları
//!     və uşaq meydançaları salınıb. Sakinlər uzun illərdir belə bir istirahət yerini gözləyirdilər.</p>
//!     <p>Parkın ərazisində açıq səhnə, idman meydançası və kitab guşəsi də yaradılıb. İşıqlandırma
//!     günəş panelləri ilə təmin olunur, suvarma üçün isə təmizlənmiş texniki sudan istifadə edilir.</p>
//!     <p onclick="steal()">Şəhər rəhbərliyi gələn il daha iki yeni park salmağı planlaşdırır.</p>
//!     <p>Səbinə Kərimova – Milli Məclisin deputatı</p>
//!   </div></body></html>"#;
//! let url = Url::parse("https://gence.example.az/xeber/1.html").unwrap();
//! let article = byline_extract::extract(page.as_bytes(), Some("text/html"), &url, None).unwrap();
//! assert_eq!(article.title, "Yeni park açılıb");
//! assert_eq!(article.byline[0].name, "Səbinə Kərimova");
//! assert_eq!(article.byline[0].role.as_deref(), Some("Milli Məclisin deputatı"));
//! assert_eq!(article.language.as_deref(), Some("az"));
//! assert!(!article.text.contains("whatsapp") && !article.text.contains("Kərimova"));
//! assert!(!article.content_html.contains("onclick"));
//! ```
#![deny(missing_docs)]

mod body_asides;
mod body_ld_trim;
mod body_lead;
mod body_recall;
mod body_tidy;
mod body_widgets;
mod byline;
mod cleanup;
mod depth;
mod dom;
mod error;
mod headline_parts;
mod host_name;
mod jsonld;
mod ld_body;
pub mod main_content;
mod metadata;
mod model;
mod printed_date;
mod stamp_lines;
mod text;
mod title;

use byline_feeds::charset::decode_html;
use byline_feeds::sanitize::{html_to_text, sanitize_html};
use dom_query::Document;
use url::Url;

pub use error::ExtractError;
pub use model::{Author, Extracted};

/// Pages larger than this (in bytes, before decoding) are refused; the
/// fetcher caps bodies at the same size.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// Pages whose elements nest deeper than this (estimated from their tags)
/// are refused: parsing them would take quadratic time. Real pages nest
/// a few dozen levels.
pub const MAX_NESTING: usize = 2048;

/// Turns the bytes of an article page into its reading view.
///
/// `content_type` is the HTTP `Content-Type` header (its charset is
/// honoured), `url` the page's final URL (links and images are resolved
/// against it), `feed_author` the author the feed item named, used when the
/// page itself names nobody.
///
/// # Errors
/// [`ExtractError::BadUrl`] for a URL that is not http(s),
/// [`ExtractError::TooLarge`] past [`MAX_PAGE_BYTES`],
/// [`ExtractError::TooDeep`] past [`MAX_NESTING`],
/// [`ExtractError::NoContent`] when the page has no article body.
pub fn extract(
    bytes: &[u8],
    content_type: Option<&str>,
    url: &Url,
    feed_author: Option<&str>,
) -> Result<Extracted, ExtractError> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(ExtractError::BadUrl(url.to_string()));
    }
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(ExtractError::TooLarge { size: bytes.len(), limit: MAX_PAGE_BYTES });
    }
    let html = decode_html(bytes, content_type);
    let depth = depth::estimated_depth(&html);
    if depth > MAX_NESTING {
        return Err(ExtractError::TooDeep { depth, limit: MAX_NESTING });
    }
    let page = Document::from(html.as_ref());
    cleanup::flatten_deep(&page);

    // Everything read from <head> and structured data, before cleanup drops it.
    let ld = jsonld::read(&page);
    let descriptions = body_lead::descriptions(&page, ld.description.as_deref());
    let meta = metadata::Meta::read(&page);
    let site_names = metadata::site_names(&meta, &ld, &page);
    let title = title::pick_at(&page, &meta, &ld, &site_names, Some(url));
    let published = metadata::published(&meta, &ld, &page, &title);
    let declared_language = metadata::language(&page, &meta, &ld);
    let page_title = dom::elements_named(&page, &["title"]).first().map(dom::text_of);
    let people = byline::Context::new(&site_names, url).with_page_title(page_title.as_deref());
    let from_json_ld = byline::from_json_ld(&ld, &people);
    let from_meta = byline::from_meta(&meta, &page, page_title.as_deref(), &title, &people);

    // Before cleanup: sites put bylines in share bars and <nav>; blocks of
    // other articles and comments are skipped by the byline reader itself.
    let from_elements = byline::from_elements(&page, &title, &people);
    let from_feed = byline::from_feed(feed_author, &people);
    let page_roles =
        byline::roles_from_page(&page, &title, &[&from_json_ld, &from_meta, &from_elements, &from_feed], &people);
    cleanup::remove_noise(&page, url);
    cleanup::remove_meta_lines(&page);

    let main = main_content::extract_main_from(page.clone(), url);
    let content = match &main {
        Ok(m) => Document::from(m.html.as_str()),
        Err(_) => Document::from(""),
    };
    cleanup::remove_noise(&content, url);
    // The JSON-LD articleBody replaces Readability's body when measured
    // signals say Readability missed most of it (see `ld_body`).
    let readability_text = main.is_ok().then(|| content.select("body").text().to_string());
    let content = match ld_body::better_body(ld.article_body.as_deref(), readability_text.as_deref()) {
        Some(paragraphs) => Document::from(ld_body::to_html(&paragraphs).as_str()),
        None => {
            main?;
            // The article's paragraphs Readability left in other sections of the page.
            body_recall::recover_kin(&page, &content);
            // The blocks that are not the article's, when the JSON-LD articleBody is the article in full.
            if let Some(article_body) = ld.article_body.as_deref() {
                body_ld_trim::drop_blocks_not_in(article_body, &content);
            }
            content
        }
    };
    body_asides::drop_asides(&content, url);
    body_tidy::tidy(&content);
    body_widgets::drop_widget_text(&content);
    // The lead the page shows above the body, when the body left it out;
    // put before the body once the body's own first lines are tidied.
    let chosen_text = content.select("body").text();
    let lead = body_lead::missing_lead(&page, &descriptions, &chosen_text)
        .or_else(|| body_lead::deck(&page, &title, &chosen_text));
    title::drop_repeated_title(&content, &title);
    let trailing = byline::trailing_byline(&content, &people);
    let credits = byline::choose([from_json_ld, from_meta, from_elements, from_feed], trailing, &page_roles);
    let (byline, agency) = (credits.people, credits.agency);
    byline::drop_printed_byline(&content, &byline);
    byline::drop_source_line(&content, agency.as_deref());
    // A description that is the headline again is no lead.
    if let Some(lead) = lead.filter(|lead| text::comparable(lead) != text::comparable(&title)) {
        content.select("body").prepend_html(body_lead::to_html(&lead));
    }
    cleanup::remove_empty_blocks(&content);
    cleanup::drop_non_web_url_attributes(&content);
    let lead_image = metadata::lead_image(&meta, &ld, &content, url);

    let content_html = sanitize_html(&content.select("body").inner_html(), Some(url));
    let text = body_text(&content_html);
    if text.is_empty() {
        return Err(ExtractError::NoContent("the article body is empty".into()));
    }
    // The declared language, unless the text plainly reads as another.
    let language = metadata::page_language(declared_language, &text);
    let reading_minutes = text::reading_minutes(&text);
    Ok(Extracted { title, byline, agency, published, lead_image, language, content_html, text, reading_minutes })
}

/// The text of sanitized HTML, one non-empty block per line.
fn body_text(content_html: &str) -> String {
    html_to_text(content_html).lines().map(text::squash).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}
