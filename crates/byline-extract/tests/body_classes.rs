//! One minimal page for each class of body mistake found on the tune half
//! of the real corpus (`tests/real.rs`, `tune_half_body_misses`): each page
//! is made up here, in the shape of the real ones, and goes through
//! `extract` as the app calls it.

use url::Url;

/// Paragraphs enough for Readability to take the block as the article.
fn paragraphs() -> String {
    [
        "Könntest du nach dem Aufwachen direkt weiterschlafen? Musst du tagsüber ständig gähnen? Oft schieben wir die Müdigkeit auf die dunkle Jahreszeit oder auf Stress bei der Arbeit.",
        "Ständige Müdigkeit kann belastend sein, vor allem, wenn die Ursachen unklar sind. Man kann sich schlechter konzentrieren, hat weniger Spaß, und auch Beziehungen leiden darunter.",
        "Umso wichtiger ist es, herauszufinden, woher die Müdigkeit kommt. Ein Bluttest bei der Hausärztin kann Aufschluss geben, ob ein Mangel an Eisen oder Vitaminen dahintersteckt.",
    ]
    .iter()
    .map(|p| format!("<p>{p}</p>"))
    .collect()
}

fn body_of(page: &str) -> String {
    let url = Url::parse("https://www.example.de/gesundheit/muede-123.html").unwrap();
    byline_extract::extract(page.as_bytes(), Some("text/html; charset=utf-8"), &url, None).unwrap().text
}

#[test]
fn the_lead_shown_above_the_body_is_kept() {
    let lead = "Leidest du an ständiger Müdigkeit ohne sichtbare Ursachen? Diese Krankheiten können dahinterstecken.";
    let page = format!(
        r#"<html><head><title>Ständig müde</title><meta name="description" content="{lead}"></head><body>
        <header><h1>Ständig müde</h1><div class="lead"><p>{lead}</p></div></header>
        <figure><img src="/m.jpg" alt="müde"></figure>
        <article><div class="entry-content">{}</div></article>
        <aside><p>{lead}</p></aside></body></html>"#,
        paragraphs()
    );
    let body = body_of(&page);
    assert!(body.starts_with("Leidest du"), "{body}");
    assert_eq!(body.matches("Leidest du").count(), 1, "{body}");
}

#[test]
fn a_dateline_opening_the_first_paragraph_is_text() {
    let page = format!(
        r#"<html><body><h1>Masks lost</h1><div class="entry">
        <p><span class="dateline">KOBE – </span>A total of 6,000 surgical masks have been lost at a hospital in Kobe, it was learned Tuesday. The police are investigating.</p>
        {}</div></body></html>"#,
        paragraphs()
    );
    assert!(body_of(&page).contains("KOBE – A total of 6,000"));
}

#[test]
fn read_also_teasers_with_a_label_and_hidden_text_go() {
    let page = format!(
        r#"<html><body><h1>Müde</h1><article>{}
        <p>Le puede interesar: <a href="/judicial/otra-noticia-123/">JEP abrirá tres nuevos macrocasos en el país</a></p>
        <p><strong>À lire aussi »</strong> <a href="https://www.example.de/bien-etre/ventre-456">Ballonnements, lourdeurs : quel est votre profil</a></p>
        <div class="infobox"><span class="hideCompletely">Weitere Informationen </span><p>Ein Buch über Müdigkeit und ihre vielen Ursachen, erschienen im Herbst.</p></div>
        <p>Zum Schluss: <a href="/gesundheit/schlaf-789.html">ein Link</a> mitten in einem Satz, der weitergeht und bleibt.</p>
        </article></body></html>"#,
        paragraphs()
    );
    let body = body_of(&page);
    for gone in ["Le puede interesar", "macrocasos", "lire aussi", "Ballonnements", "Weitere Informationen"] {
        assert!(!body.contains(gone), "{gone}: {body}");
    }
    assert!(body.contains("Ein Buch über Müdigkeit") && body.contains("mitten in einem Satz"), "{body}");
}

#[test]
fn credits_captions_repeating_the_alt_and_dangling_headings_go() {
    let page = format!(
        r#"<html><body><h1>Müde</h1><article>{}
        <div><div><img src="/z.jpg" alt="Eine müde Frau am Schreibtisch im Büro"></div>
        <div><p>Eine müde Frau am Schreibtisch im Büro<span>Bild: AFP/SID/PASCAL GUYOT</span></p></div></div>
        <div><img src="/e.jpg" alt="x"></div><div>Lee Elder war der Zuschauermagnet. | &copy; Augusta National/Getty Images</div>
        <p>Der letzte Absatz des Artikels, mit genug Text, um ein Absatz zu sein.</p>
        <h3>Weitere Beiträge zum Thema</h3></article></body></html>"#,
        paragraphs()
    );
    let body = body_of(&page);
    for gone in ["Schreibtisch", "PASCAL GUYOT", "Getty Images", "Weitere Beiträge"] {
        assert!(!body.contains(gone), "{gone}: {body}");
    }
    assert!(body.contains("Lee Elder war der Zuschauermagnet.") && body.contains("Der letzte Absatz"), "{body}");
}

/// `extract` of an article page in `lang` whose text is `before`,
/// [`paragraphs`], then `after`.
fn article_page(lang: &str, before: &str, after: &str) -> byline_extract::Extracted {
    let page = format!(
        r#"<html lang="{lang}"><head><title>Ständig müde</title></head><body><article><h1>Ständig müde</h1>
        <div class="entry-content">{before}{}{after}</div></article></body></html>"#,
        paragraphs()
    );
    let url = Url::parse("https://www.example.de/gesundheit/muede-123.html").unwrap();
    byline_extract::extract(page.as_bytes(), None, &url, None).unwrap()
}

#[test]
fn ru_and_az_related_labels_loaders_and_links_on_to_the_rest_go() {
    let after = r#"<p><strong>Материалы по теме:</strong></p><ul><li><a href="/gesundheit/a.html">Бюджет приняли в первом чтении</a></li>
        <li><a href="/gesundheit/b.html">Депутаты спорят о школах</a></li></ul>
        <div><h3>Mövzu ilə bağlı</h3><ul><li><a href="/gesundheit/c.html">Bakıda güclü külək</a></li>
        <li><a href="/gesundheit/d.html">Benzinin qiyməti</a></li></ul></div>
        <p><a href="/gesundheit/e.html">Davamını oxu</a></p><div>Загрузка...</div>
        <p><a href="javascript:print()">Версия для печати</a></p>"#;
    let body = article_page("ru", "", after).text;
    for gone in ["по теме", "Mövzu", "Bakıda", "Davamını", "Загрузка", "печати"] {
        assert!(!body.contains(gone), "{gone}: {body}");
    }
    assert!(body.contains("Bluttest"), "{body}");
}

#[test]
fn a_telegram_post_embedded_in_the_text_becomes_a_link_to_it() {
    let after = r#"<p>Как сообщили в пресс-службе:</p>
        <script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="oxuaz/12345"></script>
        <iframe src="https://t.me/Report_az/987?embed=1" width="100%"></iframe><p>Конец.</p>"#;
    let html = article_page("ru", "", after).content_html;
    assert!(
        html.contains(r#"<a href="https://t.me/oxuaz/12345" rel="noopener noreferrer">✈ t.me/oxuaz/12345</a>"#),
        "{html}"
    );
    assert!(html.contains("https://t.me/Report_az/987"), "{html}");
    assert!(!html.contains("script") && !html.contains("iframe"), "{html}");
}

#[test]
fn a_facebook_post_or_video_embedded_in_the_text_becomes_a_link_to_it() {
    let after = r#"<p>Nazirlik məlumat yayıb:</p>
        <iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2FOxuAz%2Fvideos%2F1234567890%2F&amp;show_text=false"></iframe>
        <div class="fb-post" data-href="https://www.facebook.com/ReportAz/posts/987654321/"></div><p>Son.</p>"#;
    let html = article_page("az", "", after).content_html;
    assert!(html.contains("▶ facebook.com/OxuAz/videos/1234567890</a>"), "{html}");
    assert!(html.contains("↗ facebook.com/ReportAz/posts/987654321</a>"), "{html}");
    assert!(!html.contains("iframe") && !html.contains("plugins"), "{html}");
}

#[test]
fn a_lazy_loader_s_pictures_show_with_their_real_address() {
    let page = article_page(
        "az",
        r#"<p><img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" data-lazy-src="https://cdn.example.de/a.jpg" alt="A"></p>"#,
        r#"<p><img class="lazyload" src="/img/blank.gif" data-srcset="/b-400.jpg 400w, /b-800.jpg 800w" alt="B"></p>"#,
    );
    assert!(page.content_html.contains(r#"src="https://cdn.example.de/a.jpg""#), "{}", page.content_html);
    assert!(page.content_html.contains(r#"src="https://www.example.de/b-800.jpg""#), "{}", page.content_html);
    assert!(!page.content_html.contains("blank.gif"), "{}", page.content_html);
    assert_eq!(page.lead_image.as_deref(), Some("https://cdn.example.de/a.jpg"));
}

#[test]
fn paragraphs_with_a_css_in_js_class_holding_a_furniture_word_are_text() {
    // Minute Media's sites (90min) hash their styles into class names such
    // as `tagStyle_z4kqwb-o_O-style_1tcxgp3`: "tags" inside a word is no tag line.
    let paragraphs: String =
        paragraphs().replace("<p>", r#"<p class="tagStyle_z4kqwb-o_O-style_1tcxgp3-o_O-style_48hmcm">"#);
    let page = format!(
        r#"<html><head><title>Ständig müde</title></head><body><main><h1>Ständig müde</h1>{paragraphs}
        <ul class="post-tags"><li><a href="/t/schlaf">Schlaf</a></li><li><a href="/t/arzt">Arzt</a></li></ul></main></body></html>"#
    );
    let body = body_of(&page);
    assert!(body.contains("Könntest du") && body.contains("Umso wichtiger"), "{body}");
    // A tag list, by its class's whole word, still goes.
    assert!(!body.contains("Schlaf\n") && !body.ends_with("Arzt"), "{body}");
}

#[test]
fn the_lead_shown_with_a_kicker_before_it_is_kept() {
    // stern.de: the description leaves out the kicker the page sets before the lead.
    let lead =
        "Der Premierminister muss eine Verlängerung der Frist beantragen. Kann er sein Versprechen noch einhalten?";
    let page = format!(
        r#"<html><head><title>Niederlage für Johnson</title><meta name="description" content="{lead}"></head><body>
        <article><h2>Niederlage für Johnson</h2><div class="article-intro"><p>Schwere Schlappe für Boris Johnson: {lead}</p></div>
        <div class="article-content">{}</div></article></body></html>"#,
        paragraphs()
    );
    let body = body_of(&page);
    assert!(body.starts_with("Schwere Schlappe für Boris Johnson: Der Premierminister"), "{body}");
    assert_eq!(body.matches("Der Premierminister").count(), 1, "{body}");
}
