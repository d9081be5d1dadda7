//! Deterministic fixture feeds of any size, for load tests and benchmarks.

use chrono::{DateTime, Utc};

use crate::clock::item_date;
use crate::news::NewsLanguage;
use crate::xml::esc;

const TOPICS: &[&str] = &[
    "City council approves new cycling lanes downtown",
    "Central bank holds interest rates steady",
    "Researchers map a deep-sea coral reef",
    "Local startup raises funding for battery recycling",
    "Storm warning issued for the coast this weekend",
    "Museum reopens after two-year renovation",
    "National team names squad for spring qualifiers",
    "Rail operator announces new night trains",
    "University opens applications for summer school",
    "Farmers report early harvest after mild winter",
    "Open-source browser engine ships major release",
    "Port authority expands container terminal",
];

const AUTHORS: &[&str] = &["Ada Brennan", "Tomás Reyes", "Mei Lin", "Kofi Mensah", "Sara Nyberg"];

/// What each item of a generated feed carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ItemContent {
    /// About 1 KB of English HTML in the `description`: a few paragraphs,
    /// an image and a link (the sync benchmark's light corpus).
    #[default]
    Light,
    /// The whole article, as many news feeds carry it: 3 to 4 KB of
    /// Azerbaijani, Russian or English HTML (the feed's
    /// [`NewsLanguage::of_feed`]) in `content:encoded`, with paragraphs, a
    /// figure, a subheading, a blockquote, links and character entities;
    /// its first paragraph is the `description`.
    Full,
}

/// The fewest bytes of HTML in a [`ItemContent::Full`] article.
pub const FULL_ARTICLE_MIN_BYTES: usize = 3000;
/// The most bytes of HTML in a [`ItemContent::Full`] article.
pub const FULL_ARTICLE_MAX_BYTES: usize = 4096;

struct Item {
    title: String,
    link: String,
    guid: String,
    author: &'static str,
    date: DateTime<Utc>,
    /// The `description`: the whole item (light) or the article's first paragraph (full).
    html: String,
    summary: String,
    /// The whole article, for `content:encoded` (full only).
    article: Option<String>,
}

fn make_items(feed_index: usize, count: usize, site: &str, content: ItemContent) -> Vec<Item> {
    match content {
        ItemContent::Light => light_items(feed_index, count, site),
        ItemContent::Full => full_items(feed_index, count, site),
    }
}

fn light_items(feed_index: usize, count: usize, site: &str) -> Vec<Item> {
    let site = site.trim_end_matches('/');
    (0..count)
        .map(|i| {
            let topic = TOPICS[(i + feed_index) % TOPICS.len()];
            let title = format!("{topic} (feed {feed_index}, story {i})");
            let link = format!("{site}/feed-{feed_index}/{i}-story.html");
            let summary = format!(
                "{topic}: the latest on story {i} from feed {feed_index}, with reactions and what comes next."
            );
            let html = format!(
                "<p>{summary}</p>\
                 <p><img src=\"{site}/images/feed-{feed_index}/{i}.jpg\" alt=\"Photo for story {i}\" width=\"640\" height=\"360\"></p>\
                 <p>Officials said on Monday that the plan would be reviewed over the coming weeks. \
                 &ldquo;We expect to publish the details soon,&rdquo; a spokesperson said. \
                 Residents can comment until the end of the month.</p>\
                 <p>Read <a href=\"{site}/feed-{feed_index}/{prev}-story.html\">the previous story</a> \
                 or see <em>related coverage</em> on <strong>our site</strong>.</p>",
                prev = i.saturating_sub(1),
            );
            Item {
                title,
                link,
                guid: format!("byline-gen-{feed_index}-{i}"),
                author: AUTHORS[(i * 7 + feed_index) % AUTHORS.len()],
                date: item_date(i),
                html,
                summary,
                article: None,
            }
        })
        .collect()
}

/// Full articles: `count` items of [`ItemContent::Full`] in the feed's
/// language, from a generator seeded by `feed_index`.
fn full_items(feed_index: usize, count: usize, site: &str) -> Vec<Item> {
    let site = site.trim_end_matches('/');
    let lang = NewsLanguage::of_feed(feed_index);
    let prose = Prose::of(lang);
    let mut rng = SplitMix(0xF011_C0DE ^ (feed_index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    (0..count)
        .map(|i| {
            let headline = prose.headlines[rng.below(prose.headlines.len())];
            let (article, lead) = full_article(&mut rng, prose, site, feed_index, i);
            Item {
                title: format!("{headline} ({feed_index}/{i})"),
                link: format!("{site}/feed-{feed_index}/{i}-story.html"),
                guid: format!("byline-gen-{feed_index}-{i}"),
                author: prose.authors[rng.below(prose.authors.len())],
                date: item_date(i),
                summary: headline.to_string(),
                html: lead,
                article: Some(article),
            }
        })
        .collect()
}

/// One article of [`FULL_ARTICLE_MIN_BYTES`] to [`FULL_ARTICLE_MAX_BYTES`]
/// of HTML, and its first paragraph. Blocks (a paragraph, a figure, a
/// subheading, a blockquote) are added until a length drawn from that
/// range is reached; a block that would pass the maximum ends the article
/// (every block is shorter than the gap between the two bounds, so the
/// minimum still holds).
fn full_article(rng: &mut SplitMix, prose: &Prose, site: &str, feed: usize, item: usize) -> (String, String) {
    let target = FULL_ARTICLE_MIN_BYTES + rng.below(FULL_ARTICLE_MAX_BYTES - FULL_ARTICLE_MIN_BYTES - 400);
    let lead = format!(
        "<p><strong>{}</strong> {}</p>",
        prose.sentences[rng.below(prose.sentences.len())],
        prose.sentences[rng.below(prose.sentences.len())]
    );
    let mut html = lead.clone();
    let caption = prose.captions[rng.below(prose.captions.len())];
    html.push_str(&format!(
        "<figure><img src=\"{site}/images/feed-{feed}/{item}.jpg\" alt=\"{caption}\" width=\"800\" height=\"450\" \
         loading=\"lazy\"><figcaption>{caption} {}</figcaption></figure>",
        prose.photo_credit
    ));
    for block in 0.. {
        let next = match block % 6 {
            2 => format!(
                "<blockquote><p>{}{}{}</p></blockquote>",
                prose.quote_marks.0,
                prose.quotes[rng.below(prose.quotes.len())],
                prose.quote_marks.1
            ),
            4 => format!("<h2>{}</h2>", prose.subheads[rng.below(prose.subheads.len())]),
            _ => {
                let mut p = String::from("<p>");
                for s in 0..2 + rng.below(2) {
                    if s > 0 {
                        p.push(' ');
                    }
                    p.push_str(prose.sentences[rng.below(prose.sentences.len())]);
                }
                if rng.below(3) == 0 {
                    let other = rng.below(item + 1);
                    p.push_str(&format!(
                        " {} <a href=\"{site}/feed-{feed}/{other}-story.html\">{}</a>.",
                        prose.read_more,
                        prose.anchors[rng.below(prose.anchors.len())]
                    ));
                }
                p.push_str("</p>");
                p
            }
        };
        if html.len() + next.len() > FULL_ARTICLE_MAX_BYTES {
            break;
        }
        html.push_str(&next);
        if html.len() >= target {
            break;
        }
    }
    (html, lead)
}

/// A small deterministic generator (SplitMix64): the same seed, the same text.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The phrases full articles of one language are made of: written HTML,
/// entities included (`&laquo;`, `&nbsp;`, `&mdash;`, `&#8470;`…).
struct Prose {
    headlines: &'static [&'static str],
    sentences: &'static [&'static str],
    subheads: &'static [&'static str],
    quotes: &'static [&'static str],
    quote_marks: (&'static str, &'static str),
    captions: &'static [&'static str],
    photo_credit: &'static str,
    read_more: &'static str,
    anchors: &'static [&'static str],
    authors: &'static [&'static str],
}

impl Prose {
    fn of(lang: NewsLanguage) -> &'static Prose {
        match lang {
            NewsLanguage::Az => &PROSE_AZ,
            NewsLanguage::Ru => &PROSE_RU,
            NewsLanguage::En => &PROSE_EN,
        }
    }
}

static PROSE_AZ: Prose = Prose {
    headlines: &[
        "Bakıda yeni metro stansiyasının tikintisinə başlanılıb",
        "Mərkəzi Bank uçot dərəcəsini dəyişməz saxlayıb",
        "Şəkidə beynəlxalq musiqi festivalı keçiriləcək",
        "Xəzər sahilində ekoloji monitorinq aparılıb",
        "Milli komanda seçmə mərhələ üçün heyəti açıqlayıb",
        "Gəncədə bərpa olunan teatr binası tamaşaçıların ixtiyarına verilib",
        "Regionlarda kənd təsərrüfatı məhsullarının ixracı artıb",
        "Universitetlərə qəbul imtahanlarının tarixləri müəyyənləşib",
    ],
    sentences: &[
        "Nazirliyin mətbuat xidmətindən bildirilib ki, layihənin ilk mərhələsi ilin sonunadək başa çatdırılacaq.",
        "Rəsmi açıqlamaya görə, işlərə 120&nbsp;milyon manat vəsait ayrılıb və tikintidə yerli şirkətlər iştirak edəcək.",
        "Şəhər sakinləri yeni xəttin nəqliyyat sıxlığını xeyli azaldacağını düşünür.",
        "Ekspertlərin fikrincə, qərar bazarda qiymətlərin sabit qalmasına kömək edəcək.",
        "Hesabatda qeyd olunur ki, ötən rüblə müqayisədə ixrac 7,4&nbsp;faiz artıb.",
        "Tədbirdə ölkənin müxtəlif bölgələrindən gələn gənclər &laquo;Gələcəyin peşələri&raquo; mövzusunda müzakirələr aparıblar.",
        "Mütəxəssislər sahil zolağında suyun keyfiyyətini hər ay yoxlayacaqlarını bildiriblər.",
        "Qeyd edək ki, oxşar layihə keçən il Sumqayıt və Mingəçevirdə də həyata keçirilib.",
        "Festival çərçivəsində açıq havada konsertlər, sərgilər və ustad dərsləri təşkil olunacaq.",
        "Baş məşqçi komandanın hazırlıq düşərgəsinin Qəbələdə keçiriləcəyini açıqlayıb.",
        "Bərpa işləri zamanı binanın tarixi fasadı və səhnə avadanlığı tamamilə yenilənib.",
        "Fermerlər mülayim qış sayəsində məhsulun əvvəlki illərdən iki həftə tez yığıldığını deyirlər.",
        "Dövlət İmtahan Mərkəzinin məlumatına əsasən, ərizələr &#8470;&nbsp;3 saylı portal vasitəsilə qəbul ediləcək.",
        "Sakinlər təkliflərini ayın sonunadək bələdiyyənin saytında yaza bilərlər &mdash; bütün müraciətlərə baxılacaq.",
    ],
    subheads: &["Layihənin növbəti mərhələsi", "Ekspertlər nə deyir?", "Rəqəmlər və faktlar", "Sakinlərin rəyi"],
    quotes: &[
        "Bu, şəhərin nəqliyyat sistemində son on ilin ən böyük layihəsidir",
        "Biz hər bir sakinin fikrini nəzərə alacağıq və nəticələri açıq şəkildə dərc edəcəyik",
        "Məhsuldarlığın artması ilk növbədə kiçik təsərrüfatlara kömək edəcək",
    ],
    quote_marks: ("&laquo;", "&raquo;"),
    captions: &["Bakının mərkəzi, səhər saatları", "Layihənin təqdimatı zamanı", "Festivalın açılış mərasimi"],
    photo_credit: "Foto: APA",
    read_more: "Ətraflı:",
    anchors: &["nazirliyin tam açıqlaması", "əvvəlki xəbərimiz", "layihənin xəritəsi", "hesabatın mətni"],
    authors: &["Gülağa İsgəndərov", "Aynur Məmmədova", "Rəşad Həsənov", "Nigar Əliyeva"],
};

static PROSE_RU: Prose = Prose {
    headlines: &[
        "В Баку началось строительство новой станции метро",
        "Центробанк сохранил учётную ставку без изменений",
        "В Шеки пройдёт международный музыкальный фестиваль",
        "На побережье Каспия провели экологический мониторинг",
        "Сборная объявила состав на отборочные матчи",
        "В Гяндже после реставрации открылся драматический театр",
        "Экспорт сельхозпродукции из регионов вырос",
        "Стали известны даты вступительных экзаменов в вузы",
    ],
    sentences: &[
        "Как сообщили в пресс-службе министерства, первый этап проекта завершат до конца года.",
        "По официальным данным, на работы выделено 120&nbsp;млн манатов, в строительстве участвуют местные компании.",
        "Жители города надеются, что новая линия заметно разгрузит улицы в часы пик.",
        "По мнению экспертов, решение поможет удержать цены на внутреннем рынке.",
        "В отчёте отмечается, что по сравнению с прошлым кварталом экспорт вырос на 7,4&nbsp;%.",
        "На встрече молодёжь из разных регионов страны обсудила тему &laquo;Профессии будущего&raquo;.",
        "Специалисты будут ежемесячно проверять качество воды в прибрежной зоне.",
        "Напомним, что похожий проект в прошлом году реализовали в Сумгайыте и Мингечевире.",
        "В рамках фестиваля пройдут концерты под открытым небом, выставки и мастер-классы.",
        "Главный тренер сообщил, что сборы команды пройдут в Габале.",
        "Во время реставрации полностью обновили исторический фасад здания и сценическое оборудование.",
        "Фермеры говорят, что благодаря мягкой зиме урожай собрали на две недели раньше обычного.",
        "Заявления, по данным Центра госэкзаменов, принимаются через портал &#8470;&nbsp;3.",
        "Жители могут оставить предложения на сайте муниципалитета до конца месяца &mdash; рассмотрят все обращения.",
    ],
    subheads: &["Следующий этап проекта", "Что говорят эксперты", "Цифры и факты", "Мнение жителей"],
    quotes: &[
        "Это крупнейший проект в транспортной системе города за последние десять лет",
        "Мы учтём мнение каждого жителя и открыто опубликуем результаты",
        "Рост урожайности в первую очередь поможет небольшим хозяйствам",
    ],
    quote_marks: ("&laquo;", "&raquo;"),
    captions: &["Центр Баку, утро", "Во время презентации проекта", "Церемония открытия фестиваля"],
    photo_credit: "Фото: &laquo;Новости-Азербайджан&raquo;",
    read_more: "Подробнее:",
    anchors: &["полное заявление министерства", "наша предыдущая новость", "карта проекта", "текст отчёта"],
    authors: &["Анна Петрова", "Игорь Смирнов", "Ольга Кузнецова", "Алексей Иванов"],
};

static PROSE_EN: Prose = Prose {
    headlines: &[
        "Work begins on a new metro station in Baku",
        "Central bank holds its key rate steady",
        "Sheki to host an international music festival",
        "Caspian coast water quality surveyed",
        "National team names its squad for the qualifiers",
        "Restored drama theatre reopens in Ganja",
        "Farm exports from the regions rise",
        "Dates set for university entrance exams",
    ],
    sentences: &[
        "The ministry&rsquo;s press office said the first stage of the project would be finished by the end of the year.",
        "According to official figures, 120&nbsp;million manat has been set aside, and local firms will do the building.",
        "Residents hope the new line will take much of the traffic off the streets at rush hour.",
        "Analysts say the decision should help keep prices on the domestic market stable.",
        "The report notes that exports rose 7.4&nbsp;% compared with the previous quarter.",
        "Young people from across the country discussed &ldquo;the jobs of the future&rdquo; at the meeting.",
        "Specialists will test the water along the shore every month, the agency said.",
        "A similar project was carried out in Sumgait and Mingachevir last year.",
        "The festival will include open-air concerts, exhibitions &amp; master classes.",
        "The head coach said the squad would hold its training camp in Gabala.",
        "The restoration renewed the building&rsquo;s historic facade and all of its stage equipment.",
        "Farmers say the mild winter let them bring in the harvest two weeks earlier than usual.",
        "Applications are accepted through portal &#8470;&nbsp;3, the State Examination Centre said.",
        "Residents can send suggestions on the municipality&rsquo;s website until the end of the month &mdash; every one will be read.",
    ],
    subheads: &["The next stage", "What the experts say", "Facts and figures", "What residents think"],
    quotes: &[
        "This is the largest project in the city&rsquo;s transport system in a decade",
        "We will take every resident&rsquo;s view into account and publish the results openly",
        "Higher yields will help small farms first of all",
    ],
    quote_marks: ("&ldquo;", "&rdquo;"),
    captions: &["Central Baku in the morning", "At the project&rsquo;s presentation", "The festival&rsquo;s opening ceremony"],
    photo_credit: "Photo: Byline Wire",
    read_more: "Read more:",
    anchors: &["the ministry&rsquo;s full statement", "our earlier report", "a map of the project", "the full report"],
    authors: &["Ada Brennan", "Tomás Reyes", "Mei Lin", "Kofi Mensah", "Sara Nyberg"],
};

/// An RSS 2.0 document with `items` items and deterministic content: titles
/// and guids (`isPermaLink="false"`) unique per `feed_index`, links under
/// `site`, `dc:creator`, `pubDate`s one hour apart descending from
/// 2026-03-02 08:00 UTC, and an escaped-HTML `description` of a few
/// paragraphs with an `<img>` and a link. The same inputs always give the
/// same bytes. [`generate_rss_with`] makes full-content feeds too.
pub fn generate_rss(feed_index: usize, items: usize, site: &str) -> String {
    generate_rss_with(feed_index, items, site, ItemContent::Light)
}

/// [`generate_rss`] with the items' [`ItemContent`]: light items are
/// exactly [`generate_rss`]'s; full ones have titles and credits in the
/// feed's language, the whole article in `content:encoded` (CDATA) and its
/// first paragraph, escaped, in the `description`.
pub fn generate_rss_with(feed_index: usize, items: usize, site: &str, content: ItemContent) -> String {
    let site_t = site.trim_end_matches('/');
    let (per_item, language, content_ns) = match content {
        ItemContent::Light => (1200, "en", ""),
        ItemContent::Full => (
            FULL_ARTICLE_MAX_BYTES + 1000,
            NewsLanguage::of_feed(feed_index).tag(),
            " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"",
        ),
    };
    let mut out = String::with_capacity(600 + items * per_item);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\"{content_ns}>\n<channel>\n"
    ));
    out.push_str(&format!("  <title>Byline Generated Feed {feed_index}</title>\n"));
    out.push_str(&format!("  <link>{}/feed-{feed_index}/</link>\n", esc(site_t)));
    out.push_str(&format!(
        "  <atom:link href=\"{}/feed-{feed_index}/rss.xml\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        esc(site_t)
    ));
    out.push_str(&format!("  <description>Generated test feed number {feed_index}</description>\n"));
    out.push_str(&format!("  <language>{language}</language>\n"));
    out.push_str(&format!("  <lastBuildDate>{}</lastBuildDate>\n", item_date(0).to_rfc2822()));
    for it in make_items(feed_index, items, site, content) {
        out.push_str("  <item>\n");
        out.push_str(&format!("    <title>{}</title>\n", esc(&it.title)));
        out.push_str(&format!("    <link>{}</link>\n", esc(&it.link)));
        out.push_str(&format!("    <guid isPermaLink=\"false\">{}</guid>\n", esc(&it.guid)));
        out.push_str(&format!("    <dc:creator>{}</dc:creator>\n", esc(it.author)));
        out.push_str(&format!("    <pubDate>{}</pubDate>\n", it.date.to_rfc2822()));
        out.push_str(&format!("    <description>{}</description>\n", esc(&it.html)));
        if let Some(article) = &it.article {
            // The generated HTML never contains "]]>".
            out.push_str(&format!("    <content:encoded><![CDATA[{article}]]></content:encoded>\n"));
        }
        out.push_str("  </item>\n");
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

/// The Atom 1.0 variant of [`generate_rss`]: same items, `id`s
/// `urn:byline:gen:<feed>:<item>`, `type="html"` content and a summary.
pub fn generate_atom(feed_index: usize, items: usize, site: &str) -> String {
    let site_t = esc(site.trim_end_matches('/'));
    let mut out = String::with_capacity(600 + items * 1300);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n");
    out.push_str(&format!("  <title>Byline Generated Feed {feed_index}</title>\n"));
    out.push_str(&format!("  <id>urn:byline:gen:{feed_index}</id>\n"));
    out.push_str(&format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{site_t}/feed-{feed_index}/\"/>\n"));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{site_t}/feed-{feed_index}/atom.xml\"/>\n"
    ));
    out.push_str(&format!("  <updated>{}</updated>\n", item_date(0).to_rfc3339()));
    for (i, it) in make_items(feed_index, items, site, ItemContent::Light).into_iter().enumerate() {
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", esc(&it.title)));
        out.push_str(&format!("    <id>urn:byline:gen:{feed_index}:{i}</id>\n"));
        out.push_str(&format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", esc(&it.link)));
        out.push_str(&format!("    <author><name>{}</name></author>\n", esc(it.author)));
        out.push_str(&format!("    <published>{}</published>\n", it.date.to_rfc3339()));
        out.push_str(&format!("    <updated>{}</updated>\n", it.date.to_rfc3339()));
        out.push_str(&format!("    <summary>{}</summary>\n", esc(&it.summary)));
        out.push_str(&format!("    <content type=\"html\">{}</content>\n", esc(&it.html)));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// The JSON Feed 1.1 variant of [`generate_rss`]: same items, `id`s equal to
/// the RSS guids, `content_html`, `summary`, `image`, `authors` and
/// `date_published`.
pub fn generate_json_feed(feed_index: usize, items: usize, site: &str) -> String {
    let site_t = site.trim_end_matches('/');
    let items: Vec<serde_json::Value> = make_items(feed_index, items, site, ItemContent::Light)
        .into_iter()
        .enumerate()
        .map(|(i, it)| {
            serde_json::json!({
                "id": it.guid,
                "url": it.link,
                "title": it.title,
                "content_html": it.html,
                "summary": it.summary,
                "image": format!("{site_t}/images/feed-{feed_index}/{i}.jpg"),
                "date_published": it.date.to_rfc3339(),
                "authors": [{ "name": it.author }],
            })
        })
        .collect();
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": format!("Byline Generated Feed {feed_index}"),
        "home_page_url": format!("{site_t}/feed-{feed_index}/"),
        "feed_url": format!("{site_t}/feed-{feed_index}/feed.json"),
        "language": "en",
        "items": items,
    });
    let mut s = serde_json::to_string_pretty(&feed).expect("JSON Feed serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_is_deterministic_and_unique() {
        let a = generate_rss(3, 20, "https://example.test/");
        assert_eq!(a, generate_rss(3, 20, "https://example.test"));
        assert_eq!(a.matches("<item>").count(), 20);
        assert!(a.contains("<guid isPermaLink=\"false\">byline-gen-3-19</guid>"));
        assert!(a.contains("Mon, 2 Mar 2026 08:00:00 +0000"));
        assert!(a.contains("&lt;img src=&quot;https://example.test/images/feed-3/0.jpg&quot;"));
        assert_ne!(a, generate_rss(4, 20, "https://example.test"));
    }

    #[test]
    fn atom_and_json() {
        let atom = generate_atom(1, 5, "https://example.test");
        assert_eq!(atom.matches("<entry>").count(), 5);
        assert!(atom.contains("<id>urn:byline:gen:1:4</id>"));
        let json: serde_json::Value = serde_json::from_str(&generate_json_feed(1, 5, "https://example.test")).unwrap();
        assert_eq!(json["items"].as_array().unwrap().len(), 5);
        assert_eq!(json["items"][0]["date_published"], "2026-03-02T08:00:00+00:00");
        assert_eq!(json["items"][1]["id"], "byline-gen-1-1");
    }

    #[test]
    fn light_is_the_default_and_carries_no_article() {
        let light = generate_rss(5, 3, "https://example.test");
        assert_eq!(light, generate_rss_with(5, 3, "https://example.test", ItemContent::default()));
        assert!(!light.contains("content:encoded"));
    }

    #[test]
    fn full_articles_are_deterministic_long_and_parse() {
        let site = "https://example.test";
        for feed in 0..3 {
            let xml = generate_rss_with(feed, 40, "https://example.test/", ItemContent::Full);
            assert_eq!(xml, generate_rss_with(feed, 40, site, ItemContent::Full));
            assert_ne!(xml, generate_rss_with(feed + 3, 40, site, ItemContent::Full));
            let doc = roxmltree::Document::parse(&xml).unwrap();
            let articles: Vec<&str> =
                doc.descendants().filter(|n| n.has_tag_name("encoded")).map(|n| n.text().unwrap()).collect();
            assert_eq!(articles.len(), 40);
            for article in &articles {
                let len = article.len();
                assert!((FULL_ARTICLE_MIN_BYTES..=FULL_ARTICLE_MAX_BYTES).contains(&len), "{len} bytes: {article}");
                assert!(article.contains("<figure><img src=\"https://example.test/images/feed-"), "{article}");
                assert!(article.contains("<blockquote><p>") && article.contains("<strong>"), "{article}");
            }
            let with = |part: &str| articles.iter().filter(|a| a.contains(part)).count();
            assert!(with("<a href=\"https://example.test/feed-") > 20, "links");
            assert!(with("&nbsp;") > 20 && with("<h2>") > 20, "entities and subheadings");

            let url = format!("{site}/feed-{feed}/rss.xml");
            let parsed = byline_feeds::parse_feed(xml.as_bytes(), None, Some(&url)).unwrap();
            let lang = NewsLanguage::of_feed(feed).tag();
            assert_eq!(parsed.language.as_deref(), Some(lang));
            assert_eq!(parsed.entries.len(), 40);
            let first = &parsed.entries[0];
            let content = first.content_html.as_deref().unwrap();
            assert!(content.contains("<blockquote>") && content.contains("<figcaption>"), "{content}");
            assert_eq!(first.summary_html, None, "the description is the article's first paragraph");
            assert_eq!(first.image.as_deref(), Some(format!("{site}/images/feed-{feed}/0.jpg").as_str()));
            assert_eq!(first.authors.len(), 1);
            assert_eq!(first.id, format!("byline-gen-{feed}-0"));
        }
        let text = |feed| generate_rss_with(feed, 2, site, ItemContent::Full);
        assert!(text(0).contains('ə') && text(1).contains('ж') && text(2).contains(" the "));
    }
}
