//! Videos a page or a feed embeds from a video site (`<iframe
//! src="https://www.youtube.com/embed/…">`), and Telegram channels' posts
//! it embeds (`<script src="https://telegram.org/js/telegram-widget.js"
//! data-telegram-post="channel/123">`, or the frame that widget makes) and
//! Facebook's posts and videos (its plugin frames, its SDK's `fb-post` and
//! `fb-video` elements). An
//! embed never plays in Byline (no frame or script runs in the reader), so
//! each is shown as a link to the video's or the post's own page, with the
//! video's picture where the site makes one from the video's id alone; an
//! embed from any other site is dropped as before.

use std::sync::LazyLock;

use regex::Regex;
use url::Url;

use crate::sanitize::escape_attribute;

/// A video's own page, and its picture when the site has one at a URL made
/// from the video's id.
#[derive(Debug, Clone, PartialEq, Eq)]
struct VideoLink {
    /// The page that plays the video (`https://www.youtube.com/watch?v=…`).
    page: Url,
    /// The video's picture (YouTube's `hqdefault.jpg`), if there is one.
    picture: Option<Url>,
}

/// A video's id: letters, digits, `_` and `-`, as every site here writes
/// them (nothing that could leave an attribute or a path).
static VIDEO_ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Za-z0-9_-]{4,64}$").unwrap());

/// The video an embed's `src` plays, when it is one of a known video site's
/// players: YouTube (and its `youtube-nocookie.com`), Vimeo, Dailymotion,
/// Rutube and VK Video.
fn embedded_video(src: &str) -> Option<VideoLink> {
    let src = src.trim();
    let url = Url::parse(src).or_else(|_| Url::parse(&format!("https:{src}"))).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.trim_start_matches("www.").trim_start_matches("m.");
    let segments: Vec<&str> = url.path_segments().map(|s| s.filter(|s| !s.is_empty()).collect()).unwrap_or_default();
    let id = |s: &&str| VIDEO_ID.is_match(s);
    let (page, picture) = match (host, segments.as_slice()) {
        // A playlist's player ("embed/videoseries?list=…") plays no one video.
        ("youtube.com" | "youtube-nocookie.com", ["embed", video]) if id(video) && *video != "videoseries" => (
            format!("https://www.youtube.com/watch?v={video}"),
            Some(format!("https://i.ytimg.com/vi/{video}/hqdefault.jpg")),
        ),
        ("player.vimeo.com", ["video", video]) if id(video) => (format!("https://vimeo.com/{video}"), None),
        ("dailymotion.com", ["embed", "video", video]) if id(video) => {
            (format!("https://www.dailymotion.com/video/{video}"), None)
        }
        ("rutube.ru", ["play", "embed", video]) if id(video) => (format!("https://rutube.ru/video/{video}/"), None),
        ("vk.com" | "vkvideo.ru", ["video_ext.php"]) => {
            let query = |key: &str| url.query_pairs().find(|(k, _)| k == key).map(|(_, v)| v.into_owned());
            let (owner, video) = (query("oid")?, query("id")?);
            let number = |s: &str| !s.is_empty() && s.trim_start_matches('-').chars().all(|c| c.is_ascii_digit());
            if !number(&owner) || !number(&video) {
                return None;
            }
            (format!("https://vk.com/video{owner}_{video}"), None)
        }
        _ => return None,
    };
    Some(VideoLink { page: Url::parse(&page).ok()?, picture: picture.and_then(|p| Url::parse(&p).ok()) })
}

/// A Telegram channel's name: a letter, then letters, digits and `_`, 5 to
/// 32 characters as Telegram allows (4 for a few old ones).
static TELEGRAM_CHANNEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Za-z][A-Za-z0-9_]{3,31}$").unwrap());

/// A post's number in its channel.
static TELEGRAM_POST_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{1,12}$").unwrap());

/// The page of the Telegram post an embed shows (`https://t.me/channel/123`):
/// from the widget script's `data-telegram-post` ("channel/123") or from the
/// frame's `src` (`https://t.me/channel/123?embed=1`). A channel's name and
/// a post's number are checked; nothing else of the embed is kept.
fn telegram_post(reference: &str) -> Option<Url> {
    let reference = reference.trim();
    let path = if reference.contains("://") || reference.starts_with("//") {
        let url = Url::parse(reference).or_else(|_| Url::parse(&format!("https:{reference}"))).ok()?;
        let host = url.host_str()?;
        if !matches!(url.scheme(), "http" | "https") || !matches!(host, "t.me" | "telegram.me" | "www.t.me") {
            return None;
        }
        url.path().trim_matches('/').to_string()
    } else {
        reference.to_string()
    };
    let (channel, number) = path.split_once('/')?;
    (TELEGRAM_CHANNEL.is_match(channel) && TELEGRAM_POST_NUMBER.is_match(number))
        .then(|| Url::parse(&format!("https://t.me/{channel}/{number}")).ok())
        .flatten()
}

/// A segment of a Facebook page's path: letters, digits, `.`, `_`, `-`
/// (a page's name, `videos`, a post's number or `pfbid…` id).
static FACEBOOK_SEGMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Za-z0-9._-]{1,100}$").unwrap());

/// The most segments a Facebook post's or video's path has
/// (`/OxuAz/videos/1234567890/`, `/groups/x/posts/123/`).
const FACEBOOK_SEGMENTS: usize = 5;

/// The Facebook post or video an embed shows, and whether it is a video:
/// from the plugin frame's `src` (`https://www.facebook.com/plugins/
/// video.php?href=…`, `post.php?href=…`) or from the SDK's `<div
/// class="fb-post" data-href="…">` (`fb-video`). Only a path of plain
/// segments is kept (`https://www.facebook.com/OxuAz/videos/123/`); a
/// link with a query (`permalink.php?story_fbid=…`) is no embed here.
fn facebook_embed(reference: &str) -> Option<(Url, bool)> {
    let url = Url::parse(reference.trim()).or_else(|_| Url::parse(&format!("https:{}", reference.trim()))).ok()?;
    let facebook = |u: &Url| {
        matches!(u.scheme(), "http" | "https")
            && matches!(u.host_str(), Some("facebook.com" | "www.facebook.com" | "m.facebook.com" | "web.facebook.com"))
    };
    if !facebook(&url) {
        return None;
    }
    let target = if url.path().starts_with("/plugins/") {
        let href = url.query_pairs().find(|(k, _)| k == "href").map(|(_, v)| v.into_owned())?;
        Url::parse(&href).ok().filter(facebook)?
    } else {
        url
    };
    let segments: Vec<&str> = target.path().split('/').filter(|s| !s.is_empty()).collect();
    if segments.is_empty()
        || segments.len() > FACEBOOK_SEGMENTS
        || target.query().is_some()
        || !segments.iter().all(|s| FACEBOOK_SEGMENT.is_match(s))
    {
        return None;
    }
    let video = segments.iter().any(|s| matches!(*s, "videos" | "reel" | "watch"));
    Some((Url::parse(&format!("https://www.facebook.com/{}", segments.join("/"))).ok()?, video))
}

/// The HTML that stands for an embedded post (Telegram's, Facebook's): a
/// line with its page's address, linking to it; "✈" for Telegram, "↗" for
/// any other site.
fn post_html(page: &Url) -> String {
    let shown = page.as_str().trim_start_matches("https://").trim_start_matches("www.");
    let mark = if page.host_str() == Some("t.me") { "✈" } else { "↗" };
    format!(
        r#"<figure {VIDEO_MARK}=""><figcaption><a href="{}">{mark} {}</a></figcaption></figure>"#,
        escape_attribute(page.as_str()),
        escape_attribute(shown)
    )
}

/// The HTML that stands for a Facebook embed ([`facebook_embed`]): a
/// video's as [`video_html`] writes it (no picture), a post's as
/// [`post_html`].
fn facebook_html((page, video): &(Url, bool)) -> String {
    if *video {
        video_html(&VideoLink { page: page.clone(), picture: None })
    } else {
        post_html(page)
    }
}

/// The HTML that stands for an embed, by its element's tag name and its
/// attributes (`attribute` reads one by name): a frame (`src`, `data-src`)
/// that plays a video site's video or shows a Telegram or Facebook post or
/// video, Telegram's widget script (`data-telegram-post`), or an element
/// of Facebook's SDK (class `fb-post` or `fb-video`, `data-href`). `None`
/// for any other element. Pages (on the DOM) and feeds (on the HTML text)
/// both ask this.
pub fn embed_html(tag: &str, attribute: impl Fn(&str) -> Option<String>) -> Option<String> {
    let first = |names: &[&str], stand_in: &dyn Fn(&str) -> Option<String>| {
        names.iter().filter_map(|name| attribute(name)).find_map(|value| stand_in(&value))
    };
    let video = |s: &str| embedded_video(s).map(|v| video_html(&v));
    let telegram = |s: &str| telegram_post(s).map(|p| post_html(&p));
    let facebook = |s: &str| facebook_embed(s).map(|f| facebook_html(&f));
    match tag {
        "iframe" => {
            let frame = ["src", "data-src"];
            first(&frame, &video).or_else(|| first(&frame, &telegram)).or_else(|| first(&frame, &facebook))
        }
        "script" => first(&["data-telegram-post"], &telegram),
        _ if attribute("class").is_some_and(|c| {
            c.split_whitespace().any(|w| w.eq_ignore_ascii_case("fb-post") || w.eq_ignore_ascii_case("fb-video"))
        }) =>
        {
            first(&["data-href"], &facebook)
        }
        _ => None,
    }
}

/// The attribute that marks [`embed_html`]'s stand-ins while a page is read
/// (the sanitizer drops it with every other `data-` attribute): rules that
/// drop blocks of links leave a video or a post
/// in the text alone.
pub const VIDEO_MARK: &str = "data-byline-video";

/// The HTML that stands for an embedded video: its picture, if it has one,
/// and a line with its page's address, both linking to the page.
fn video_html(video: &VideoLink) -> String {
    let page = escape_attribute(video.page.as_str());
    let shown = video.page.as_str().trim_start_matches("https://").trim_start_matches("www.");
    let picture = video
        .picture
        .as_ref()
        .map(|p| format!(r#"<a href="{page}"><img src="{}" alt=""></a>"#, escape_attribute(p.as_str())))
        .unwrap_or_default();
    format!(
        r#"<figure {VIDEO_MARK}="">{picture}<figcaption><a href="{page}">▶ {}</a></figcaption></figure>"#,
        escape_attribute(shown)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(src: &str) -> Option<String> {
        embedded_video(src).map(|v| v.page.to_string())
    }

    #[test]
    fn known_players_give_their_video_s_page() {
        assert_eq!(
            page("https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0").unwrap(),
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        );
        assert_eq!(
            page("//www.youtube-nocookie.com/embed/dQw4w9WgXcQ").unwrap(),
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        );
        assert_eq!(page("https://player.vimeo.com/video/76979871?h=8272103f6e").unwrap(), "https://vimeo.com/76979871");
        assert_eq!(
            page("https://www.dailymotion.com/embed/video/x8abc12").unwrap(),
            "https://www.dailymotion.com/video/x8abc12"
        );
        assert_eq!(
            page("https://rutube.ru/play/embed/6fd81c1c212c002673280850a1c56415").unwrap(),
            "https://rutube.ru/video/6fd81c1c212c002673280850a1c56415/"
        );
        assert_eq!(
            page("https://vk.com/video_ext.php?oid=-22822305&id=456242221&hd=2").unwrap(),
            "https://vk.com/video-22822305_456242221"
        );
        let youtube = embedded_video("https://www.youtube.com/embed/dQw4w9WgXcQ").unwrap();
        assert_eq!(youtube.picture.unwrap().as_str(), "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg");
    }

    #[test]
    fn other_frames_and_odd_ids_are_no_video() {
        for src in [
            "https://evil.example/embed/dQw4w9WgXcQ",
            "javascript:alert(1)",
            "https://www.youtube.com/embed/a\"b",
            "https://www.youtube.com/embed/",
            "https://www.youtube.com/embed/videoseries?list=PL1",
            "https://vk.com/video_ext.php?oid=1&id=x\"",
            "https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ",
            "data:text/html,hi",
        ] {
            assert_eq!(page(src), None, "{src}");
        }
    }

    #[test]
    fn the_stand_in_links_the_picture_and_the_address() {
        let html = video_html(&embedded_video("https://www.youtube.com/embed/dQw4w9WgXcQ").unwrap());
        assert_eq!(
            html,
            r#"<figure data-byline-video=""><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><img src="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg" alt=""></a><figcaption><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">▶ youtube.com/watch?v=dQw4w9WgXcQ</a></figcaption></figure>"#
        );
    }

    #[test]
    fn a_telegram_widget_or_frame_gives_its_post_s_page() {
        let post = |r: &str| telegram_post(r).map(|u| u.to_string());
        assert_eq!(post("oxuaz/12345").unwrap(), "https://t.me/oxuaz/12345");
        assert_eq!(post("https://t.me/oxuaz/12345?embed=1&userpic=true").unwrap(), "https://t.me/oxuaz/12345");
        assert_eq!(post("//t.me/Report_az/987").unwrap(), "https://t.me/Report_az/987");
        for reference in [
            "oxuaz",
            "oxuaz/abc",
            "ox/1",
            "oxuaz/1/2",
            "oxu\"az/1",
            "oxuaz/1\"><script>",
            "https://evil.example/oxuaz/1",
            "https://t.me.evil.example/oxuaz/1",
            "javascript:alert(1)//t.me/oxuaz/1",
        ] {
            assert_eq!(post(reference), None, "{reference}");
        }
        assert_eq!(
            post_html(&telegram_post("oxuaz/12345").unwrap()),
            r#"<figure data-byline-video=""><figcaption><a href="https://t.me/oxuaz/12345">✈ t.me/oxuaz/12345</a></figcaption></figure>"#
        );
    }

    #[test]
    fn a_facebook_plugin_frame_or_sdk_element_gives_the_post_s_or_video_s_page() {
        let embed = |r: &str| facebook_embed(r).map(|(u, video)| (u.to_string(), video));
        assert_eq!(
            embed("https://www.facebook.com/plugins/video.php?height=314&href=https%3A%2F%2Fwww.facebook.com%2FOxuAz%2Fvideos%2F1234567890%2F&show_text=false").unwrap(),
            ("https://www.facebook.com/OxuAz/videos/1234567890".to_string(), true)
        );
        assert_eq!(
            embed("https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fapa.az%2Fposts%2Fpfbid02abcDEF&width=500").unwrap(),
            ("https://www.facebook.com/apa.az/posts/pfbid02abcDEF".to_string(), false)
        );
        assert!(!embed("https://www.facebook.com/ReportAz/posts/987654321/").unwrap().1);
        for reference in [
            "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fevil.example%2Fx",
            "https://www.facebook.com/permalink.php?story_fbid=1&id=2",
            "https://www.facebook.com/plugins/post.php",
            "https://evil.example/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fx%2Fposts%2F1",
            "https://www.facebook.com.evil.example/x/posts/1",
            "https://www.facebook.com/x/posts/1%22onmouseover=alert(1)",
            "javascript:alert(1)",
            "https://www.facebook.com/",
        ] {
            assert_eq!(embed(reference), None, "{reference}");
        }
        let post = facebook_embed("https://www.facebook.com/ReportAz/posts/987654321/").unwrap();
        assert_eq!(
            facebook_html(&post),
            r#"<figure data-byline-video=""><figcaption><a href="https://www.facebook.com/ReportAz/posts/987654321">↗ facebook.com/ReportAz/posts/987654321</a></figcaption></figure>"#
        );
    }
}
