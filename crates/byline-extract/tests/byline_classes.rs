//! One minimal page per class of byline failure seen on the real-world
//! corpus (`tests/fixtures/real`, tune half; issue 13), through the public
//! `extract` as the app calls it.

use byline_extract::extract;
use url::Url;

const BODY: &str = "<p>The council approved the new budget on Tuesday after a long debate about schools, roads and \
    the city's water supply, which has been under strain for years.</p><p>Officials said the plan would be reviewed \
    again in the spring, once the first quarter's figures are known and the new contracts have been signed.</p>";

/// The (name, role) pairs `extract` finds on `head` + `body`.
fn byline(head: &str, body: &str) -> Vec<(String, Option<String>)> {
    let page = format!("<!DOCTYPE html><html lang=\"en\"><head><title>Council passes budget</title>{head}</head><body>{body}</body></html>");
    let url = Url::parse("https://www.citynews.example.com/2026/11/budget").unwrap();
    extract(page.as_bytes(), Some("text/html; charset=utf-8"), &url, None)
        .unwrap()
        .byline
        .into_iter()
        .map(|a| (a.name, a.role))
        .collect()
}

fn names(head: &str, body: &str) -> Vec<String> {
    byline(head, body).into_iter().map(|(n, _)| n).collect()
}

fn article(header: &str) -> String {
    format!("<article><h1>Council passes budget</h1>{header}<div class=\"entry-content\">{BODY}</div></article>")
}

#[test]
fn names_under_related_stories_comments_and_most_read_are_not_the_byline() {
    let others = r#"<section class="related-posts"><article><h3><a href="/a">Roads to close</a></h3><span class="byline">By Mark Stone</span></article></section>
        <div class="most-read"><ol><li><a href="/b">Water prices</a> <span class="author">Lisa Grant</span></li></ol></div>
        <div id="comments"><div class="comment"><span class="comment-author">Tom Reader</span><p>Good news.</p></div></div>
        <div class="sidebar widget"><div class="author">Paul Side</div></div>"#;
    let body = format!("{}{others}", article(r#"<p class="byline">By <a href="/author/jane-doe">Jane Doe</a></p>"#));
    assert_eq!(names("", &body), ["Jane Doe"]);
    // With no byline of its own, the page has none: never a neighbour's.
    let body = format!("{}{others}", article(""));
    assert!(names("", &body).is_empty(), "{:?}", names("", &body));
}

#[test]
fn site_section_desk_and_agency_names_are_not_people() {
    let site = r#"<meta property="og:site_name" content="City News">"#;
    assert!(names(&format!(r#"{site}<meta name="author" content="City News">"#), &article("")).is_empty());
    assert!(names(r#"<meta name="author" content="AFP">"#, &article("")).is_empty());
    assert!(names("", &article(r#"<div class="byline">By AOL Staff</div>"#)).is_empty());
    assert!(names("", &article(r#"<div class="byline">No Author</div>"#)).is_empty());
    assert!(names("", &article(r#"<div class="byline">Newsdesk</div>"#)).is_empty());
    assert_eq!(
        names(r#"<meta name="author" content="John Patrick Pullen, TIME">"#, &article("")),
        ["John Patrick Pullen"]
    );
    assert_eq!(
        names("", &article(r#"<div class="byline">Politik · Jochen Bittner, Tina Hildebrandt</div>"#)),
        ["Jochen Bittner", "Tina Hildebrandt"]
    );
    assert_eq!(
        names(
            "",
            &article(
                r#"<div class="byline"><a href="/a/sd">Saibal Dasgupta</a> / TNN / <span>Updated: Oct 9, 2019</span></div>"#
            )
        ),
        ["Saibal Dasgupta"]
    );
    assert_eq!(names(r#"<meta name="author" content="Michael Rädel, Redaktion">"#, &article("")), ["Michael Rädel"]);
    // A tag link is lower-case and is never a name.
    assert!(names("", &article(r#"<div class="more-on--author"><a rel="tag" href="/t">sofia vergara</a></div>"#))
        .is_empty());
}

#[test]
fn by_lines_with_roles_and_degrees() {
    assert_eq!(
        byline("", &article(r#"<div class="story-meta"><span>By Jane Doe, Senior Correspondent</span></div>"#)),
        [("Jane Doe".to_string(), Some("Senior Correspondent".to_string()))]
    );
    assert_eq!(
        byline("", &article(r#"<p class="byline">By John Smith, MD, Health Editor</p>"#)),
        [("John Smith".to_string(), Some("Health Editor".to_string()))]
    );
    assert_eq!(names(r#"<meta name="author" content="Jane Doe PhD">"#, &article("")), ["Jane Doe"]);
}

#[test]
fn several_authors_stay_several() {
    // Split into spans with no space between them, inside a share bar.
    let header = r#"<div class="ShareByline"><div><span>By</span><span>by JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL</span></div><div>Dec 12, 2016, 1:45 PM ET</div><a href="https://twitter.com/intent/tweet">Twitter</a></div>"#;
    assert_eq!(names("", &article(header)), ["JOSH HASKELL", "DAVID CAPLAN", "PATRICK REEVELL"]);
    // JSON-LD names one author, the meta tag both: the fuller list wins.
    let head = r#"<meta property="author" content="Sadhbh O'Sullivan,Elisabeth Kochan">
        <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Sadhbh O'Sullivan"}}</script>"#;
    assert_eq!(names(head, &article("")), ["Sadhbh O'Sullivan", "Elisabeth Kochan"]);
    assert_eq!(
        names("", &article(r#"<div class="byline">Benjamin Fischer und Marcus Theurer</div>"#)),
        ["Benjamin Fischer", "Marcus Theurer"]
    );
}

#[test]
fn rel_author_and_microdata_wherever_the_site_puts_them() {
    // itemprop=author with a nested itemprop=name, inside a <nav> that cleanup drops.
    let header = r#"<nav class="pst-by"><span>Edited by <a href="/t/sb"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Swati Bhasin</span></span></a> (with inputs from Agencies)</span></nav>"#;
    assert_eq!(names("", &article(header)), ["Swati Bhasin"]);
    // Microdata whose name is a <meta content>.
    let header = r#"<div itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" content="Leah C. Stokes"><a href="/a/ls">Profile</a></div>"#;
    assert_eq!(names("", &article(header)), ["Leah C. Stokes"]);
    // rel=author links in an <aside> of the article itself.
    let header = r#"<aside><address><a rel="author" href="/profile/jcw">Julia Carrie Wong</a> and <a rel="author" href="/profile/sl">Sam Levin</a></address></aside>"#;
    assert_eq!(names("", &article(header)), ["Julia Carrie Wong", "Sam Levin"]);
    // "… ET by <a>Name</a>" after a date.
    assert_eq!(
        names(
            "",
            &article(
                r#"<div class="author-pane">January 17, 2017 at 6:08 PM ET by <a class="blog-author-link" href="/a/ks">Kori Schulman</a></div>"#
            )
        ),
        ["Kori Schulman"]
    );
    // A layout class on the article's wrapper ("sticky-sidebar-parent") does not hide its byline.
    let body = format!(
        r#"<div class="article sticky-sidebar-parent"><h1>Council passes budget</h1><span class="byline">By <a href="/w/eb">Emily Burack</a></span><div class="content">{BODY}</div></div>"#
    );
    assert_eq!(names("", &body), ["Emily Burack"]);
}

#[test]
fn json_ld_author_object_list_and_graph_reference() {
    let graph = r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"NewsArticle","headline":"Council passes budget","author":[{"@id":"#p1"},{"@id":"#p2"}]},
        {"@type":"Person","@id":"#p1","name":"Ann Lee","jobTitle":"City Editor"},
        {"@type":"Person","@id":"#p2","name":"Bo Chan"}]}</script>"##;
    assert_eq!(
        byline(graph, &article("")),
        [("Ann Lee".to_string(), Some("City Editor".to_string())), ("Bo Chan".to_string(), None)]
    );
    let site_as_person = r#"<meta property="og:site_name" content="City News"><script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"City News"}}</script>"#;
    assert_eq!(names(site_as_person, &article(r#"<p class="byline">By Ann Lee</p>"#)), ["Ann Lee"]);
}

#[test]
fn article_author_meta_when_it_is_a_name_and_written_by_labels() {
    assert_eq!(
        names(r#"<meta property="article:author" content="Nicole Gallucci">"#, &article("")),
        ["Nicole Gallucci"]
    );
    assert!(names(r#"<meta property="article:author" content="https://www.facebook.com/citynews">"#, &article(""))
        .is_empty());
    let head = r#"<meta property="article:author" content="https://www.facebook.com/citynews"><meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ellyn Shook">"#;
    assert_eq!(names(head, &article("")), ["Ellyn Shook"]);
    assert_eq!(names(r#"<meta name="parsely-author" content="Gillman, Steve">"#, &article("")), ["Steve Gillman"]);
}

#[test]
fn a_meta_author_that_is_the_publisher_does_not_end_the_search() {
    // The copyright holder is the publisher, not the author.
    let head = r#"<meta name="author" content="Condé Nast"><meta name="copyright" content="Copyright (c) Condé Nast 2022"><meta property="article:author" content="Alex Hutchinson">"#;
    assert_eq!(names(head, &article("")), ["Alex Hutchinson"]);
    // Site name as meta author, the byline in the page.
    let head = r#"<meta property="og:site_name" content="City News"><meta name="author" content="City News">"#;
    assert_eq!(
        names(
            head,
            &article(
                r#"<div class="post-author">By <a href="/a/ld">Laura E. Adkins</a> <span>December 28, 2016</span></div>"#
            )
        ),
        ["Laura E. Adkins"]
    );
}
