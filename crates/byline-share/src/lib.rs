//! The one place Byline builds share links.
//!
//! Every component is percent-encoded (RFC 3986: everything but
//! `A–Z a–z 0–9 - . _ ~`), so a title with `&`, `#`, quotes, `<`, newlines,
//! emoji, Azerbaijani or Cyrillic letters reaches the messenger intact and
//! cannot add or change a parameter. Only http(s) article URLs can be shared,
//! and every link built is checked against [`is_allowed_share_url`] before it
//! is handed out.
//!
//! ```
//! use byline_share::{share_action, ShareAction, ShareRequest, ShareTarget};
//! let request = ShareRequest::new("https://news.example.az/x?id=1", "Şəhər & kənd");
//! let ShareAction::Open(url) = share_action(ShareTarget::Telegram, &request).unwrap() else { unreachable!() };
//! assert_eq!(url, "https://t.me/share/url?url=https%3A%2F%2Fnews.example.az%2Fx%3Fid%3D1&text=%C5%9E%C9%99h%C9%99r%20%26%20k%C9%99nd");
//! ```
#![deny(missing_docs)]

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::{Deserialize, Serialize};
use url::Url;

/// Characters left as they are: RFC 3986 "unreserved".
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Where people open Messenger when there is no Facebook app id.
pub const MESSENGER_WEB: &str = "https://www.messenger.com/";

/// Hosts a share link may point at.
const ALLOWED_HOSTS: &[&str] = &["wa.me", "t.me", "vk.com", "connect.ok.ru", "www.facebook.com", "www.messenger.com"];

/// A place an article can be shared to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ShareTarget {
    /// WhatsApp (`wa.me`).
    Whatsapp,
    /// Facebook Messenger.
    Messenger,
    /// Telegram (`t.me`).
    Telegram,
    /// VKontakte (`vk.com`).
    Vk,
    /// Odnoklassniki (`ok.ru`).
    Ok,
    /// An email (`mailto:`).
    Email,
}

impl ShareTarget {
    /// Every target, in the default order of the share bar.
    pub const ALL: [ShareTarget; 6] =
        [Self::Whatsapp, Self::Messenger, Self::Telegram, Self::Vk, Self::Ok, Self::Email];

    /// The name used on the command line and in settings.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Whatsapp => "whatsapp",
            Self::Messenger => "messenger",
            Self::Telegram => "telegram",
            Self::Vk => "vk",
            Self::Ok => "ok",
            Self::Email => "email",
        }
    }
}

impl std::str::FromStr for ShareTarget {
    type Err = ShareError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ShareError::UnknownTarget(s.to_string()))
    }
}

/// What is being shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareRequest<'a> {
    /// The article's canonical URL (http or https).
    pub url: &'a str,
    /// Its title, as shown to people.
    pub title: &'a str,
    /// Its lead image, for the targets that show one.
    pub image: Option<&'a str>,
    /// The Facebook app id for Messenger's send dialog, from settings.
    pub messenger_app_id: Option<&'a str>,
}

impl<'a> ShareRequest<'a> {
    /// A request with no image and no Messenger app id.
    pub fn new(url: &'a str, title: &'a str) -> Self {
        Self { url, title, image: None, messenger_app_id: None }
    }
}

/// What the app should do to share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ShareAction {
    /// Open this URL in the system browser (or mail client).
    Open(String),
    /// Copy `text` to the clipboard, then open `url` and tell the user the
    /// link is ready to paste (Messenger without an app id).
    CopyThenOpen {
        /// What to copy.
        text: String,
        /// What to open.
        url: String,
    },
}

/// Why a share link could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// Only http(s) articles can be shared.
    #[error("only web articles (http or https) can be shared, not {0:?}")]
    NotShareable(String),
    /// No such share target.
    #[error("unknown share target {0:?} (expected whatsapp, messenger, telegram, vk, ok or email)")]
    UnknownTarget(String),
    /// The link built does not point at an allowed host (a bug, refused).
    #[error("refusing to open {0}: not an allowed share host")]
    HostNotAllowed(String),
}

/// Builds what sharing `request` to `target` takes.
pub fn share_action(target: ShareTarget, request: &ShareRequest<'_>) -> Result<ShareAction, ShareError> {
    let url = web_url(request.url)?;
    let url = url.as_str();
    let title = request.title;
    let image = request.image.and_then(|i| web_url(i).ok());
    let enc = |s: &str| utf8_percent_encode(s, COMPONENT).to_string();
    let link = match target {
        ShareTarget::Whatsapp => {
            let text = if title.trim().is_empty() { url.to_string() } else { format!("{title} {url}") };
            format!("https://wa.me/?text={}", enc(&text))
        }
        ShareTarget::Telegram => format!("https://t.me/share/url?url={}&text={}", enc(url), enc(title)),
        ShareTarget::Vk => {
            let mut link = format!("https://vk.com/share.php?url={}&title={}", enc(url), enc(title));
            if let Some(image) = &image {
                link.push_str(&format!("&image={}", enc(image.as_str())));
            }
            link
        }
        ShareTarget::Ok => {
            let mut link = format!("https://connect.ok.ru/offer?url={}&title={}", enc(url), enc(title));
            if let Some(image) = &image {
                link.push_str(&format!("&imageUrl={}", enc(image.as_str())));
            }
            link
        }
        ShareTarget::Email => format!("mailto:?subject={}&body={}", enc(title), enc(url)),
        ShareTarget::Messenger => match request.messenger_app_id.map(str::trim).filter(|id| !id.is_empty()) {
            Some(app_id) if app_id.chars().all(|c| c.is_ascii_digit()) => format!(
                "https://www.facebook.com/dialog/send?app_id={}&link={}&redirect_uri={}",
                enc(app_id),
                enc(url),
                enc(url)
            ),
            _ => {
                return Ok(ShareAction::CopyThenOpen {
                    text: url.to_string(),
                    url: checked(MESSENGER_WEB.to_string())?,
                })
            }
        },
    };
    Ok(ShareAction::Open(checked(link)?))
}

/// Whether `link` is something Byline may open for sharing: `mailto:`, or
/// https on one of the share hosts.
pub fn is_allowed_share_url(link: &str) -> bool {
    match Url::parse(link) {
        Ok(url) if url.scheme() == "mailto" => true,
        Ok(url) => url.scheme() == "https" && url.host_str().is_some_and(|h| ALLOWED_HOSTS.contains(&h)),
        Err(_) => false,
    }
}

fn checked(link: String) -> Result<String, ShareError> {
    if is_allowed_share_url(&link) {
        Ok(link)
    } else {
        Err(ShareError::HostNotAllowed(link))
    }
}

fn web_url(url: &str) -> Result<Url, ShareError> {
    Url::parse(url.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .ok_or_else(|| ShareError::NotShareable(url.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use percent_encoding::percent_decode_str;

    const HOSTILE_TITLES: &[&str] = &[
        "Şəhərdə yeni məktəb açıldı — İlham Əliyev, ğ ş ç ö ü ı",
        "Погода в Азербайджане: «ожидается дождь» ё",
        "Tom & Jerry #1 \"quoted\" 'single' <script>alert(1)</script>",
        "line one\nline two\r\n\ttabbed",
        "emoji 📰🇦🇿 and %20 and + plus and = equals ? query",
        "&url=https://evil.example&title=x#frag",
        "",
    ];
    const ARTICLE: &str = "https://news.example.az/xeber/2026/11/25/mekteb?id=5&lang=az#top";

    /// A target, the start of its link, and its decoded parameters.
    type Expectation<'a> = (ShareTarget, &'a str, Vec<(&'a str, String)>);

    /// The query parameters of a link, decoded.
    fn params(link: &str) -> Vec<(String, String)> {
        let query = link.split_once('?').map_or("", |(_, q)| q);
        query
            .split('&')
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap();
                (k.to_string(), percent_decode_str(v).decode_utf8().unwrap().into_owned())
            })
            .collect()
    }

    fn open(target: ShareTarget, request: &ShareRequest<'_>) -> String {
        match share_action(target, request).unwrap() {
            ShareAction::Open(link) => link,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_target_round_trips_hostile_titles_and_injects_nothing() {
        for title in HOSTILE_TITLES {
            let request = ShareRequest {
                url: ARTICLE,
                title,
                image: Some("https://news.example.az/img/a b.jpg"),
                messenger_app_id: Some("123456"),
            };
            let expectations: [Expectation; 6] = [
                (
                    ShareTarget::Whatsapp,
                    "https://wa.me/?",
                    vec![(
                        "text",
                        if title.trim().is_empty() { ARTICLE.to_string() } else { format!("{title} {ARTICLE}") },
                    )],
                ),
                (
                    ShareTarget::Telegram,
                    "https://t.me/share/url?",
                    vec![("url", ARTICLE.into()), ("text", title.to_string())],
                ),
                (
                    ShareTarget::Vk,
                    "https://vk.com/share.php?",
                    vec![
                        ("url", ARTICLE.into()),
                        ("title", title.to_string()),
                        ("image", "https://news.example.az/img/a%20b.jpg".into()),
                    ],
                ),
                (
                    ShareTarget::Ok,
                    "https://connect.ok.ru/offer?",
                    vec![
                        ("url", ARTICLE.into()),
                        ("title", title.to_string()),
                        ("imageUrl", "https://news.example.az/img/a%20b.jpg".into()),
                    ],
                ),
                (
                    ShareTarget::Messenger,
                    "https://www.facebook.com/dialog/send?",
                    vec![("app_id", "123456".into()), ("link", ARTICLE.into()), ("redirect_uri", ARTICLE.into())],
                ),
                (ShareTarget::Email, "mailto:?", vec![("subject", title.to_string()), ("body", ARTICLE.into())]),
            ];
            for (target, prefix, expected) in expectations {
                let link = open(target, &request);
                assert!(link.starts_with(prefix), "{link}");
                assert!(!link.contains(['#', ' ', '\n', '"', '<', '\'']), "unencoded character in {link}");
                let got = params(&link);
                let expected: Vec<(String, String)> = expected.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                assert_eq!(got, expected, "{target:?} with {title:?}");
                assert!(is_allowed_share_url(&link));
            }
        }
    }

    #[test]
    fn exact_links_for_a_plain_article() {
        let request = ShareRequest::new("https://a.az/x", "Salam dünya");
        assert_eq!(
            open(ShareTarget::Whatsapp, &request),
            "https://wa.me/?text=Salam%20d%C3%BCnya%20https%3A%2F%2Fa.az%2Fx"
        );
        assert_eq!(
            open(ShareTarget::Telegram, &request),
            "https://t.me/share/url?url=https%3A%2F%2Fa.az%2Fx&text=Salam%20d%C3%BCnya"
        );
        assert_eq!(
            open(ShareTarget::Vk, &request),
            "https://vk.com/share.php?url=https%3A%2F%2Fa.az%2Fx&title=Salam%20d%C3%BCnya"
        );
        assert_eq!(
            open(ShareTarget::Ok, &request),
            "https://connect.ok.ru/offer?url=https%3A%2F%2Fa.az%2Fx&title=Salam%20d%C3%BCnya"
        );
        assert_eq!(
            open(ShareTarget::Email, &request),
            "mailto:?subject=Salam%20d%C3%BCnya&body=https%3A%2F%2Fa.az%2Fx"
        );
    }

    #[test]
    fn messenger_without_an_app_id_copies_the_link_and_opens_messenger() {
        for app_id in [None, Some(""), Some("  "), Some("12&x=1")] {
            let request = ShareRequest { messenger_app_id: app_id, ..ShareRequest::new("https://a.az/x", "t") };
            assert_eq!(
                share_action(ShareTarget::Messenger, &request).unwrap(),
                ShareAction::CopyThenOpen { text: "https://a.az/x".into(), url: MESSENGER_WEB.into() }
            );
        }
    }

    #[test]
    fn non_web_articles_are_refused() {
        for url in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "mailto:a@b.c",
            "ftp://x/y",
            "",
            "/relative",
            "http://",
        ] {
            for target in ShareTarget::ALL {
                let err = share_action(target, &ShareRequest::new(url, "t")).unwrap_err();
                assert!(matches!(err, ShareError::NotShareable(_)), "{url} {target:?}: {err}");
                assert!(err.to_string().contains("only web articles"));
            }
        }
    }

    #[test]
    fn non_web_images_are_left_out() {
        let request = ShareRequest { image: Some("javascript:alert(1)"), ..ShareRequest::new("https://a.az/x", "t") };
        assert!(!open(ShareTarget::Vk, &request).contains("image="));
    }

    #[test]
    fn allowlist_accepts_only_share_hosts() {
        assert!(is_allowed_share_url("https://wa.me/?text=x"));
        assert!(is_allowed_share_url("mailto:?subject=x"));
        for bad in [
            "http://wa.me/?x",
            "https://wa.me.evil.example/",
            "https://evil.example/?https://t.me",
            "javascript:alert(1)",
            "file:///x",
        ] {
            assert!(!is_allowed_share_url(bad), "{bad}");
        }
    }

    #[test]
    fn targets_parse_from_their_names() {
        assert_eq!("VK".parse::<ShareTarget>().unwrap(), ShareTarget::Vk);
        assert!("myspace".parse::<ShareTarget>().is_err());
    }
}
