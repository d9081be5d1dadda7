//! Reads schema.org JSON-LD (`<script type="application/ld+json">`) for the
//! article node: headline, authors with their `jobTitle`, publisher, date,
//! image and language. Handles top-level arrays, `@graph` and authors given
//! only by `@id` (as WordPress SEO plugins write them), an article nested
//! in a page's `mainEntity`, types written as schema.org URLs, names given
//! as `givenName` + `familyName`; `creator` when there is no `author`, and
//! when the first article node names nobody, the next article node's
//! author or the `WebPage` node's.

use std::collections::HashMap;

use dom_query::Document;
use serde_json::Value;

/// Schema.org types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "TechArticle",
    "ScholarlyArticle",
    "SatiricalArticle",
    "AskPublicNewsArticle",
];

/// Schema.org types of organizations (never a person's byline).
const ORGANIZATION_TYPES: &[&str] =
    &["Organization", "NewsMediaOrganization", "Corporation", "EducationalOrganization", "GovernmentOrganization"];

/// An author as JSON-LD gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LdAuthor {
    /// `name`.
    pub name: String,
    /// `jobTitle`, if any.
    pub job_title: Option<String>,
    /// Whether the author is typed as an organization.
    pub is_organization: bool,
}

/// What the article node of a page's JSON-LD says.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArticleLd {
    /// `headline` (or `name`).
    pub headline: Option<String>,
    /// `author`, in order.
    pub authors: Vec<LdAuthor>,
    /// Names of the publisher and of every organization in the data.
    pub organizations: Vec<String>,
    /// `datePublished` as written.
    pub date_published: Option<String>,
    /// `image` URL as written (possibly relative).
    pub image: Option<String>,
    /// `inLanguage`.
    pub in_language: Option<String>,
    /// `articleBody` (or `text`) as written: plain text, sometimes HTML.
    pub article_body: Option<String>,
    /// `description`: often the lead the page shows under the headline.
    pub description: Option<String>,
}

/// Reads every JSON-LD block of `doc`; blocks that do not parse are skipped.
pub(crate) fn read(doc: &Document) -> ArticleLd {
    let mut nodes = Vec::new();
    for script in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
        let raw = script.text();
        let raw = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim().trim_end_matches(';');
        if let Some(value) = parse_lenient(raw) {
            flatten(value, &mut nodes, 0);
        }
    }
    from_nodes(&nodes)
}

/// Parses a JSON-LD block; when it does not parse, tries again with raw
/// control characters (line breaks and tabs that sites leave inside
/// strings, e.g. an `articleBody`) turned into spaces, which is valid JSON
/// outside strings and inside them.
fn parse_lenient(raw: &str) -> Option<Value> {
    serde_json::from_str::<Value>(raw).ok().or_else(|| {
        let spaced: String = raw.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str::<Value>(&spaced).ok()
    })
}

/// Builds the summary from flattened JSON-LD nodes.
fn from_nodes(nodes: &[Value]) -> ArticleLd {
    let by_id: HashMap<&str, &Value> = nodes.iter().filter_map(|n| Some((n.get("@id")?.as_str()?, n))).collect();
    let mut ld = ArticleLd {
        organizations: nodes
            .iter()
            .filter(|n| has_type(n, ORGANIZATION_TYPES))
            .filter_map(|n| string(n.get("name")?))
            .collect(),
        ..ArticleLd::default()
    };
    let authors_of = |node: &Value| -> Vec<LdAuthor> {
        node.get("author")
            .or_else(|| node.get("creator"))
            .map(|a| as_list(a).into_iter().filter_map(|one| ld_author(one, &by_id)).collect())
            .unwrap_or_default()
    };
    // Yoast and others put the author on the `WebPage` when there is no
    // article node, or when the article node names nobody.
    let page_authors = || {
        nodes
            .iter()
            .filter(|n| has_type(n, &["WebPage", "ItemPage"]))
            .map(authors_of)
            .find(|a| !a.is_empty())
            .unwrap_or_default()
    };
    let Some(article) = nodes.iter().find(|n| has_type(n, ARTICLE_TYPES)) else {
        ld.authors = page_authors();
        return ld;
    };
    ld.headline = article.get("headline").or_else(|| article.get("name")).and_then(string);
    ld.date_published = article.get("datePublished").and_then(string);
    ld.in_language = article.get("inLanguage").and_then(string);
    ld.article_body = article.get("articleBody").or_else(|| article.get("text")).and_then(string);
    ld.description = article.get("description").and_then(string);
    ld.image = article.get("image").and_then(|v| image_url(v, &by_id));
    if let Some(publisher) = article.get("publisher") {
        let publisher = resolve(publisher, &by_id);
        if let Some(name) = publisher.get("name").and_then(string) {
            ld.organizations.push(name);
        }
    }
    ld.authors = authors_of(article);
    // A one-person site whose publisher is its author, typed a `Person`
    // ("publisher":{"@type":"Organization","name":"Matthieu Cneude"},
    // "author":{"@type":"Person","name":"Matthieu Cneude"}): that name is
    // the author's, not only the site's.
    let people: Vec<String> = article
        .get("author")
        .map(as_list)
        .unwrap_or_default()
        .into_iter()
        .filter(|a| has_type(a, &["Person"]) || has_type(resolve(a, &by_id), &["Person"]))
        .filter_map(|a| ld_author(a, &by_id))
        .map(|a| a.name.to_lowercase())
        .collect();
    ld.organizations.retain(|o| !people.contains(&o.trim().to_lowercase()));
    if ld.authors.is_empty() {
        // A second article node of the same page (one per plugin) may name the author.
        ld.authors = nodes
            .iter()
            .filter(|n| has_type(n, ARTICLE_TYPES))
            .map(authors_of)
            .find(|a| !a.is_empty())
            .unwrap_or_else(page_authors);
    }
    ld
}

/// Puts every object of `value` (arrays, `@graph`) into `out`.
fn flatten(value: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            // `{"@type":"WebPage","mainEntity":{"@type":"NewsArticle",…}}`: the article inside the page.
            if map.get("mainEntity").is_some_and(Value::is_object) {
                if let Some(main) = map.remove("mainEntity") {
                    flatten(main, out, depth + 1);
                }
            }
            if !map.is_empty() {
                out.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

fn ld_author(value: &Value, by_id: &HashMap<&str, &Value>) -> Option<LdAuthor> {
    if let Some(name) = value.as_str() {
        return Some(LdAuthor { name: name.trim().to_string(), job_title: None, is_organization: false });
    }
    let full = resolve(value, by_id);
    let name = value.get("name").or_else(|| full.get("name")).and_then(first_string).or_else(|| {
        // `{"givenName":"Jane","familyName":"Doe"}` without a `name`.
        let part = |key: &str| value.get(key).or_else(|| full.get(key)).and_then(string);
        Some(format!("{} {}", part("givenName")?, part("familyName")?))
    })?;
    let job_title = value.get("jobTitle").or_else(|| full.get("jobTitle")).and_then(job_title);
    let is_organization = has_type(value, ORGANIZATION_TYPES) || has_type(full, ORGANIZATION_TYPES);
    Some(LdAuthor { name, job_title, is_organization })
}

/// The node an `{"@id": …}` reference points to, or the value itself.
fn resolve<'a>(value: &'a Value, by_id: &HashMap<&str, &'a Value>) -> &'a Value {
    value.get("@id").and_then(Value::as_str).and_then(|id| by_id.get(id).copied()).unwrap_or(value)
}

fn job_title(value: &Value) -> Option<String> {
    match value {
        Value::Array(items) => items.iter().find_map(job_title),
        Value::Object(_) => value.get("name").and_then(string),
        _ => string(value),
    }
}

fn image_url(value: &Value, by_id: &HashMap<&str, &Value>) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(|v| image_url(v, by_id)),
        Value::Object(_) => {
            let full = resolve(value, by_id);
            ["url", "contentUrl"].iter().find_map(|k| full.get(*k).or_else(|| value.get(*k)).and_then(string))
        }
        _ => None,
    }
}

fn as_list(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

/// Whether `value`'s `@type` is one of `types`, written bare or as a
/// schema.org URL (`"http://schema.org/NewsArticle"`, `"schema:Article"`).
fn has_type(value: &Value, types: &[&str]) -> bool {
    let is = |t: &str| {
        let bare = t.rsplit(['/', ':']).next().unwrap_or(t);
        types.contains(&bare)
    };
    match value.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

/// A string value, or the first of a list of them (`"name":["Jane Roe"]`).
fn first_string(value: &Value) -> Option<String> {
    as_list(value).into_iter().find_map(string)
}

/// A non-empty trimmed string value, its HTML character references
/// decoded: some publishing systems write JSON-LD's text as HTML
/// ("Lindsey O&#039;Donnell", "Tom &amp; Jerry").
fn string(value: &Value) -> Option<String> {
    let s = value.as_str()?.trim();
    let s = if s.contains('&') && !s.contains('<') {
        Document::fragment(s).root().text().trim().to_string()
    } else {
        s.to_string()
    };
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> ArticleLd {
        read(&Document::from(format!(
            r#"<html><head><script type="application/ld+json">{json}</script></head></html>"#
        )))
    }

    #[test]
    fn author_object_with_job_title() {
        let ld = parse(
            r#"{"@type":"NewsArticle","headline":"Başlıq","author":{"@type":"Person","name":"Leyla Quliyeva","jobTitle":"Şərhçi"},
               "publisher":{"@type":"Organization","name":"Bakı Gündəm"},"datePublished":"2026-11-19T16:05:00+04:00",
               "image":{"@type":"ImageObject","url":"https://x.az/a.jpg"}}"#,
        );
        assert_eq!(ld.headline.as_deref(), Some("Başlıq"));
        assert_eq!(ld.authors[0].name, "Leyla Quliyeva");
        assert_eq!(ld.authors[0].job_title.as_deref(), Some("Şərhçi"));
        assert!(ld.organizations.contains(&"Bakı Gündəm".to_string()));
        assert_eq!(ld.image.as_deref(), Some("https://x.az/a.jpg"));
    }

    #[test]
    fn graph_with_author_reference() {
        let ld = parse(
            r##"{"@context":"https://schema.org","@graph":[
                {"@type":"Article","author":{"@id":"#p1","name":"Dmitri"},"image":{"@id":"#img"}},
                {"@type":"ImageObject","@id":"#img","url":"/i.jpg"},
                {"@type":"Person","@id":"#p1","name":"Dmitri","jobTitle":["editor"]}]}"##,
        );
        assert_eq!(
            ld.authors,
            vec![LdAuthor { name: "Dmitri".into(), job_title: Some("editor".into()), is_organization: false }]
        );
        assert_eq!(ld.image.as_deref(), Some("/i.jpg"));
    }

    #[test]
    fn author_list_strings_and_organizations() {
        let ld = parse(r#"[{"@type":["NewsArticle"],"author":["A B",{"@type":"Organization","name":"Редакция"}]}]"#);
        assert_eq!(ld.authors.len(), 2);
        assert!(!ld.authors[0].is_organization);
        assert!(ld.authors[1].is_organization);
    }

    #[test]
    fn a_publisher_named_as_its_person_author_is_the_author() {
        let ld = parse(
            r#"{"@type":"Article","publisher":{"@type":"Organization","name":"Matthieu Cneude"},
                "author":{"@type":"Person","name":"Matthieu Cneude"}}"#,
        );
        assert_eq!(ld.authors[0].name, "Matthieu Cneude");
        assert!(ld.organizations.is_empty(), "{:?}", ld.organizations);
        // An author not typed a person leaves the publisher a site name.
        let ld =
            parse(r#"{"@type":"Article","publisher":{"@type":"Organization","name":"CNN"},"author":{"name":"CNN"}}"#);
        assert_eq!(ld.organizations, ["CNN"]);
    }

    #[test]
    fn raw_line_breaks_inside_strings_are_read_past() {
        let ld = parse(
            "{\"@type\":\"BlogPosting\",\"articleBody\":\"First line.\nSecond\tline.\",\n\"author\":{\"@type\":\"Person\",\"name\":\"Jane Roe\"}}",
        );
        assert_eq!(ld.authors[0].name, "Jane Roe");
    }

    #[test]
    fn character_references_in_its_text_are_decoded() {
        let ld = parse(
            r#"{"@type":"Article","headline":"Tom &amp; Jerry&#8217;s Day","author":{"@type":"Person","name":"Lindsey O&#039;Donnell"}}"#,
        );
        assert_eq!(ld.headline.as_deref(), Some("Tom & Jerry’s Day"));
        assert_eq!(ld.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Lindsey O'Donnell"]);
    }

    #[test]
    fn authors_from_a_later_node_nested_main_entity_and_split_names() {
        // The first article node (a plugin's) names nobody; the second does.
        let ld = parse(
            r#"[{"@type":"Article","headline":"Park"},{"@type":"NewsArticle","author":{"givenName":"Jane","familyName":"Roe"}}]"#,
        );
        assert_eq!(ld.headline.as_deref(), Some("Park"));
        assert_eq!(ld.authors[0].name, "Jane Roe");
        let ld = parse(
            r#"{"@type":"WebPage","mainEntity":{"@type":"http://schema.org/NewsArticle","author":[{"@type":"Person","name":"Tom Ray"}]}}"#,
        );
        assert_eq!(ld.authors[0].name, "Tom Ray");
    }

    #[test]
    fn broken_json_is_skipped() {
        let ld = parse(r#"{"@type":"NewsArticle","headline":"#);
        assert!(ld.headline.is_none());
    }
}
