//! The HTTP layer shared by both clients: URL policy, timeouts, body cap and
//! the mapping of transport failures and status codes to [`Error`].

use std::time::Duration;

use reqwest::{RequestBuilder, StatusCode};
use url::{Host, Url};

use crate::{Error, Result};

/// Limits for the HTTP client of an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpOptions {
    /// Time allowed to open the TCP (and TLS) connection. Default 10 s.
    pub connect_timeout: Duration,
    /// Time allowed for a whole request, from sending to the last byte of the
    /// body. Default 60 s.
    pub timeout: Duration,
    /// The largest response body read; a larger one fails with
    /// [`Error::ServerError`]. Default 32 MiB.
    pub max_body_bytes: usize,
    /// The `User-Agent` header. Default `Byline/<version>`.
    pub user_agent: String,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            max_body_bytes: 32 * 1024 * 1024,
            user_agent: concat!("Byline/", env!("CARGO_PKG_VERSION")).to_owned(),
        }
    }
}

/// True when `url`'s host is a loopback address: 127.0.0.0/8, `::1` or
/// `localhost`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// Parses a server address and applies the transport policy: `https://`
/// always, `http://` only for a loopback host ([`is_loopback`]).
///
/// A trailing `/` is removed from the path, so endpoints can be appended.
pub fn check_server_url(address: &str) -> Result<Url> {
    let trimmed = address.trim();
    let mut url =
        Url::parse(trimmed).map_err(|e| Error::InvalidUrl { url: address.to_owned(), reason: e.to_string() })?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => return Err(Error::InsecureUrl(address.to_owned())),
        other => {
            return Err(Error::InvalidUrl { url: address.to_owned(), reason: format!("unsupported scheme {other:?}") })
        }
    }
    if url.host().is_none() {
        return Err(Error::InvalidUrl { url: address.to_owned(), reason: "no host".to_owned() });
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::InvalidUrl {
            url: address.to_owned(),
            reason: "credentials belong in the login fields, not in the address".to_owned(),
        });
    }
    url.set_fragment(None);
    url.set_query(None);
    let path = url.path().trim_end_matches('/').to_owned();
    url.set_path(&path);
    Ok(url)
}

/// A reqwest client with the options applied, and the body cap.
#[derive(Debug, Clone)]
pub(crate) struct Http {
    client: reqwest::Client,
    max_body: usize,
}

/// A response whose body has been read (within the cap).
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: StatusCode,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as text (lossy), for messages and line-based answers.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The start of the body, for error messages.
    pub fn snippet(&self) -> String {
        let text = self.text();
        let text = text.trim();
        match text.char_indices().nth(200) {
            Some((i, _)) => format!("{}…", &text[..i]),
            None => text.to_owned(),
        }
    }

    /// Parses the body as JSON into `T`; a body that does not parse is a
    /// [`Error::ServerError`].
    pub fn json<T: serde::de::DeserializeOwned>(&self, what: &str) -> Result<T> {
        serde_json::from_slice(&self.body)
            .map_err(|e| Error::ServerError(format!("unexpected answer to {what} ({e}): {}", self.snippet())))
    }

    /// Maps a non-2xx status to an error: 401/403 → [`Error::Unauthorized`],
    /// 5xx → [`Error::ServerError`], anything else → [`Error::Protocol`].
    pub fn check_status(self, what: &str) -> Result<Reply> {
        let s = self.status;
        if s.is_success() {
            Ok(self)
        } else if is_refused(s) {
            Err(Error::Unauthorized)
        } else if s.is_server_error() {
            Err(Error::ServerError(format!("{what}: HTTP {s}: {}", self.snippet())))
        } else {
            Err(Error::Protocol(format!("{what}: HTTP {s}: {}", self.snippet())))
        }
    }
}

/// Whether the server refused the credentials (`401` or `403`):
/// [`Error::Unauthorized`].
pub(crate) fn is_refused(status: StatusCode) -> bool {
    status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN
}

impl Http {
    /// A client for the server at `base` (already checked by
    /// [`check_server_url`]). Loopback servers are reached without any proxy
    /// from the environment. Redirects: at most 5, never to plain http on a
    /// host that is not loopback.
    pub fn new(options: &HttpOptions, base: &Url) -> Result<Http> {
        let policy = reqwest::redirect::Policy::custom(|attempt| {
            if attempt.previous().len() >= 5 {
                attempt.error("too many redirects")
            } else if attempt.url().scheme() != "https" && !is_loopback(attempt.url()) {
                attempt.error("redirect to an insecure address refused")
            } else {
                attempt.follow()
            }
        });
        let mut builder = reqwest::Client::builder()
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            .user_agent(options.user_agent.clone())
            .redirect(policy);
        if is_loopback(base) {
            builder = builder.no_proxy();
        }
        let client = builder.build().map_err(|e| Error::Unreachable(format!("cannot build the HTTP client: {e}")))?;
        Ok(Http { client, max_body: options.max_body_bytes })
    }

    /// The underlying client, to build requests.
    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// Sends the request and reads the body, at most `max_body_bytes` of it.
    pub async fn send(&self, request: RequestBuilder) -> Result<Reply> {
        let mut response = request.send().await.map_err(transport_error)?;
        let status = response.status();
        if let Some(len) = response.content_length() {
            if len > self.max_body as u64 {
                return Err(too_large(self.max_body));
            }
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
            if body.len() + chunk.len() > self.max_body {
                return Err(too_large(self.max_body));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Reply { status, body })
    }
}

fn too_large(max: usize) -> Error {
    Error::ServerError(format!("the answer is larger than {max} bytes"))
}

/// A reqwest error, with its chain of causes, as [`Error::Unreachable`] (or
/// [`Error::Protocol`] for a refused redirect, [`Error::ServerError`] for a
/// body that cannot be decoded).
fn transport_error(e: reqwest::Error) -> Error {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    if e.is_redirect() {
        Error::Protocol(message)
    } else if e.is_decode() {
        Error::ServerError(message)
    } else {
        Error::Unreachable(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_is_accepted_and_trailing_slash_removed() {
        let url = check_server_url("https://rss.example.com/api/greader.php/").unwrap();
        assert_eq!(url.as_str(), "https://rss.example.com/api/greader.php");
    }

    #[test]
    fn http_only_on_loopback() {
        for ok in
            ["http://127.0.0.1:8080/api/fever.php", "http://127.1.2.3/", "http://[::1]:80/x", "http://localhost:9/"]
        {
            check_server_url(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        for bad in ["http://example.com/api", "http://192.168.1.2/", "http://[::2]/", "http://localhost.example.com/"] {
            assert!(matches!(check_server_url(bad), Err(Error::InsecureUrl(_))), "{bad}");
        }
    }

    #[test]
    fn other_addresses_are_invalid() {
        for bad in ["ftp://example.com/", "example.com", "", "https://user:pw@example.com/"] {
            assert!(matches!(check_server_url(bad), Err(Error::InvalidUrl { .. })), "{bad}");
        }
    }
}
