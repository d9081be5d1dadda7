//! The site's name as its address spells it: a title's first or last part
//! ("Gregory Szorc's Digital Home | …" on gregoryszorc.com, "… – ARSnova"
//! on arsnova.thm.de) that names the host is the site, not the headline.

use url::Url;

use crate::text::folded_key;

/// Second-level labels under a country code (`co.uk`, `com.au`): not names.
const GENERIC_LABELS: &[&str] = &["www", "com", "co", "org", "net", "gov", "ac", "edu", "news", "blog", "m"];

/// Shortest host label a title part may contain (rather than equal) to name it.
const MIN_CONTAINED: usize = 5;

/// The labels of `url`'s host that can name the site: without the
/// top-level domain, `www` and generic labels, of three letters or more.
pub(crate) fn labels(url: &Url) -> Vec<String> {
    let Some(host) = url.host_str() else { return Vec::new() };
    let parts: Vec<&str> = host.split('.').collect();
    let Some((_, named)) = parts.split_last() else { return Vec::new() };
    named
        .iter()
        .map(|l| folded_key(l))
        .filter(|l| l.chars().count() >= 3 && !GENERIC_LABELS.contains(&l.as_str()))
        .collect()
}

/// `title` without a first or last part that names the host (parts joined
/// by " | ", " - ", " – ", " — "), when another part remains.
pub(crate) fn strip(title: &str, labels: &[String]) -> Option<String> {
    if labels.is_empty() {
        return None;
    }
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some((site, rest)) = title.split_once(sep) {
            if names_host(site, labels) && !names_host(rest, labels) && !rest.trim().is_empty() {
                return Some(rest.trim().to_string());
            }
        }
        if let Some((rest, site)) = title.rsplit_once(sep) {
            if names_host(site, labels) && !names_host(rest, labels) && !rest.trim().is_empty() {
                return Some(rest.trim().to_string());
            }
        }
    }
    None
}

/// Whether `a` and `b` are pages of one site: the same host, or hosts that
/// share the name before their public suffix (`www.bbc.com` and
/// `www.bbc.co.uk`, `news.example.com` and `example.com`).
pub(crate) fn same_site(a: &Url, b: &Url) -> bool {
    if a.host_str() == b.host_str() {
        return true;
    }
    matches!((labels(a).last(), labels(b).last()), (Some(x), Some(y)) if x == y)
}

/// Whether `part` is the host's name: equal to a label, or containing a
/// long one ("Gregory Szorc's Digital Home" and `gregoryszorc`).
fn names_host(part: &str, labels: &[String]) -> bool {
    let k = folded_key(part);
    labels.iter().any(|l| k == *l || (l.chars().count() >= MIN_CONTAINED && k.contains(l.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels_of(url: &str) -> Vec<String> {
        labels(&Url::parse(url).unwrap())
    }

    #[test]
    fn the_hosts_own_labels_name_the_site() {
        assert_eq!(labels_of("https://www.gregoryszorc.com/blog/x"), ["gregoryszorc"]);
        assert_eq!(labels_of("https://arsnova.thm.de/blog/"), ["arsnova", "thm"]);
        assert_eq!(labels_of("https://news.bbc.co.uk/a"), ["bbc"]);
    }

    #[test]
    fn pages_under_one_name_are_one_site() {
        let url = |u: &str| Url::parse(u).unwrap();
        assert!(same_site(&url("https://www.bbc.com/news/a"), &url("https://www.bbc.co.uk/news/b")));
        assert!(same_site(&url("https://news.example.com/a"), &url("https://example.com/b")));
        assert!(!same_site(&url("https://www.bbc.com/news/a"), &url("https://www.cnn.com/b")));
        assert!(!same_site(&url("https://www.bbc.com/news/a"), &url("file:///b")));
    }

    #[test]
    fn a_title_part_naming_the_host_is_cut() {
        let szorc = labels_of("https://gregoryszorc.com/blog/x");
        assert_eq!(
            strip("Gregory Szorc's Digital Home | Mercurial's Journey to Python 3", &szorc).as_deref(),
            Some("Mercurial's Journey to Python 3")
        );
        let ars = labels_of("https://arsnova.thm.de/blog/");
        assert_eq!(strip("»frag.jetzt« – ARSnova", &ars).as_deref(), Some("»frag.jetzt«"));
    }

    #[test]
    fn a_title_without_the_hosts_name_is_left_alone() {
        let ars = labels_of("https://arsnova.thm.de/blog/");
        assert_eq!(strip("Azərbaycan - Qazaxıstan əlaqələri", &ars), None);
        assert_eq!(strip("ARSnova", &ars), None);
        assert_eq!(strip("Arsnova - Arsnova", &ars), None);
    }
}
