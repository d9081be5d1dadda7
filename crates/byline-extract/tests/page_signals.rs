//! One minimal page each for the page-level signals of issue 13 besides
//! bylines: language from the text, roles beside the author, the JSON-LD
//! `articleBody` as a second body candidate, and the on-page headline
//! over an SEO title. Through the public `extract`, as the app calls it.

use byline_extract::{extract, Extracted};
use url::Url;

fn run(page: &str) -> Extracted {
    let url = Url::parse("https://www.citynews.example.com/2026/11/budget").unwrap();
    extract(page.as_bytes(), Some("text/html; charset=utf-8"), &url, None).unwrap()
}

const AZ: &str = "<p>Gəncə şəhərində yeni park istifadəyə verilib. Parkda üç min ağac əkilib, velosiped yolları və \
    uşaq meydançaları salınıb. Sakinlər uzun illərdir belə bir istirahət yerini gözləyirdilər.</p><p>Parkın \
    ərazisində açıq səhnə, idman meydançası və kitab guşəsi də yaradılıb. İşıqlandırma günəş panelləri ilə təmin \
    olunur, suvarma üçün isə təmizlənmiş texniki sudan istifadə edilir.</p>";
const UK: &str = "<p>У Гянджі відкрився новий парк. У парку посаджено три тисячі дерев, прокладено велосипедні \
    доріжки та облаштовано дитячі майданчики. Мешканці давно чекали на таке місце відпочинку.</p><p>На території \
    парку також створено відкриту сцену, спортивний майданчик і книжковий куточок, а освітлення працює від сонячних \
    панелей.</p>";

#[test]
fn language_comes_from_the_text_when_the_page_declares_none() {
    let page = |lang: &str, body: &str| {
        format!("<html{lang}><head><title>Park</title></head><body><article><h1>Yeni park açılıb</h1>{body}</article></body></html>")
    };
    assert_eq!(run(&page("", AZ)).language.as_deref(), Some("az"));
    assert_eq!(run(&page("", UK)).language.as_deref(), Some("uk"));
    // A declared language is kept as the page states it, unless the text
    // writes letters only its neighbour writes (і, ї, є and no ы, э).
    assert_eq!(run(&page(r#" lang="uk-UA""#, UK)).language.as_deref(), Some("uk"));
    assert_eq!(run(&page(r#" lang="ru-RU""#, UK)).language.as_deref(), Some("uk"));
    assert_eq!(run(&page(r#" lang="tr""#, AZ)).language.as_deref(), Some("az"));
}

const EN: &str = "<p>The council approved the new budget on Tuesday after a long debate about schools, roads and \
    the city's water supply, which has been under strain for years.</p><p>Officials said the plan would be reviewed \
    again in the spring, once the first quarter's figures are known and the new contracts have been signed.</p>";

fn byline(header: &str) -> Vec<(String, Option<String>)> {
    let page = format!(
        r#"<html lang="en"><head><title>Council passes budget</title></head><body><article><h1>Council passes budget</h1>{header}<div class="entry-content">{EN}</div></article></body></html>"#
    );
    run(&page).byline.into_iter().map(|a| (a.name, a.role)).collect()
}

fn one(name: &str, role: &str) -> Vec<(String, Option<String>)> {
    vec![(name.to_string(), Some(role.to_string()))]
}

#[test]
fn roles_from_role_markup_next_to_the_author() {
    assert_eq!(
        byline(
            r#"<div class="author-box"><a class="author-name" href="/a/1">Leyla Həsənova</a><span class="author-post">müxbir</span></div>"#
        ),
        one("Leyla Həsənova", "müxbir")
    );
    assert_eq!(
        byline(
            r#"<div class="post-author"><span class="author__name">Jane Doe</span> <span class="author__position">Health Editor</span></div>"#
        ),
        one("Jane Doe", "Health Editor")
    );
    assert_eq!(
        byline(
            r#"<p>By <span class="author-link">Jane Doe</span></p><span class="author-job">Senior Correspondent</span>"#
        ),
        one("Jane Doe", "Senior Correspondent")
    );
    assert_eq!(
        byline(
            r#"<div itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Jane Doe</span><meta itemprop="jobTitle" content="Science Writer"></div>"#
        ),
        one("Jane Doe", "Science Writer")
    );
}

#[test]
fn roles_after_the_name_in_a_byline_element() {
    assert_eq!(
        byline(r#"<div class="byline">Jane Doe, Senior Correspondent</div>"#),
        one("Jane Doe", "Senior Correspondent")
    );
    assert_eq!(byline(r#"<div class="byline">Leyla Həsənova — müxbir</div>"#), one("Leyla Həsənova", "müxbir"));
    assert_eq!(
        byline(r#"<div class="author"><a href="/a/1" class="author-name">Ольга Смирнова</a>, обозреватель</div>"#),
        one("Ольга Смирнова", "обозреватель")
    );
    // A date after the name is not a role.
    assert_eq!(
        byline(r#"<div class="author"><a href="/a/1" class="author-name">Jane Doe</a> — 12.11.2026</div>"#),
        vec![("Jane Doe".to_string(), None)]
    );
}

#[test]
fn json_ld_article_body_when_readability_keeps_only_part_of_it() {
    let rest = [
        "The second half of the article explains how the money will be spent over the next three years.",
        "Schools get the largest share, with new roofs, heating and two new libraries in the east of the city.",
        "Roads come next: the ring road will be resurfaced and four junctions rebuilt for cyclists and buses.",
        "The water company will replace forty kilometres of old pipes, which lose a fifth of the supply today.",
        "Councillors from the opposition voted against, saying the plan borrows too much against future taxes.",
        "The mayor answered that the interest rate is fixed and the repairs cannot wait for another winter.",
    ];
    let shown = "<p>The council approved the new budget on Tuesday after a long debate about schools, roads and the \
        city's water supply, which has been under strain for years and needs urgent repairs.</p>";
    let ld_body = format!(
        "The council approved the new budget on Tuesday after a long debate about schools, roads and the city's water \
         supply, which has been under strain for years and needs urgent repairs.\\n{}",
        rest.join("\\n")
    );
    let page = format!(
        r#"<html lang="en"><head><title>Council passes budget</title>
        <script type="application/ld+json">{{"@type":"NewsArticle","headline":"Council passes budget","articleBody":"{ld_body}"}}</script>
        </head><body><article><h1>Council passes budget</h1><div class="entry-content">{shown}<div class="lazy-rest" data-src="/rest.json"></div></div></article></body></html>"#
    );
    let got = run(&page);
    assert!(got.text.contains("forty kilometres of old pipes"), "{}", got.text);
    assert!(got.text.starts_with("The council approved"), "{}", got.text);
    assert_eq!(got.text.lines().count(), 7, "one paragraph per line of articleBody: {}", got.text);
    // With the whole text on the page, Readability's body (with its markup) stays.
    let full =
        format!("{shown}{}", rest.iter().map(|p| format!("<p>{p} <a href=\"/more\">More</a></p>")).collect::<String>());
    let page = page.replace(&format!("{shown}<div"), &format!("{full}<div"));
    assert!(run(&page).content_html.contains("href="));
}

#[test]
fn on_page_headline_over_seo_title_and_kickers_dropped() {
    let page = |head: &str, body: &str| {
        format!("<html lang=\"en\"><head>{head}</head><body><div class=\"logo\"><h1>City News</h1></div>{body}</body></html>")
    };
    let art = |h1: &str| format!("<article><h1>{h1}</h1><div class=\"entry-content\">{EN}</div></article>");
    // The SEO title is rewritten for search; the reader sees the article's <h1>.
    let head = r#"<title>Budget passed: what it means for you | City News</title><meta property="og:site_name" content="City News">
        <meta property="og:title" content="Budget passed: what it means for you">"#;
    assert_eq!(
        run(&page(head, &art("Council passes a three-year budget"))).title,
        "Council passes a three-year budget"
    );
    // "Opinion | " and "BREAKING: " in the SEO title, not on the page: dropped.
    let head = r#"<meta property="og:title" content="Opinion | Enough platitudes: name names">"#;
    assert_eq!(
        run(&page(head, &format!("<h1>Enough platitudes: name names</h1>{EN}"))).title,
        "Enough platitudes: name names"
    );
    let head = r#"<meta property="og:title" content="BREAKING: Council passes budget">"#;
    assert_eq!(run(&page(head, &format!("<h1>Council passes budget</h1>{EN}"))).title, "Council passes budget");
    // The page's own headline has the kicker: it stays.
    let head = r#"<meta property="og:title" content="Opinion: Council got it wrong">"#;
    assert_eq!(run(&page(head, &art("Opinion: Council got it wrong"))).title, "Opinion: Council got it wrong");
}
