//! Long news articles in Azerbaijani, Russian and English, for benchmarks of
//! lists and search at scale ([`generate_news_rss`]).

use chrono::Duration;

use crate::clock::item_date;
use crate::xml::esc;

/// The language of a feed made by [`generate_news_rss`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewsLanguage {
    /// Azerbaijani (Latin script, with ə ğ ı ö ş ü ç).
    Az,
    /// Russian (Cyrillic).
    Ru,
    /// English.
    En,
}

impl NewsLanguage {
    /// The language of feed `feed_index`: az, ru, en in turn.
    pub fn of_feed(feed_index: usize) -> Self {
        [Self::Az, Self::Ru, Self::En][feed_index % 3]
    }

    /// Its language tag.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Az => "az",
            Self::Ru => "ru",
            Self::En => "en",
        }
    }

    fn words(self) -> &'static [&'static str] {
        match self {
            Self::Az => NEWS_AZ,
            Self::Ru => NEWS_RU,
            Self::En => NEWS_EN,
        }
    }

    /// How many of the first [`Self::words`] are the little words every
    /// text has (and, or, the…).
    fn common(self) -> usize {
        match self {
            Self::Az => 10,
            Self::Ru => 12,
            Self::En => 16,
        }
    }

    fn names(self) -> &'static [&'static str] {
        match self {
            Self::Az => NAMES_AZ,
            Self::Ru => NAMES_RU,
            Self::En => NAMES_EN,
        }
    }
}

/// Azerbaijani news vocabulary, most frequent first.
const NEWS_AZ: &[&str] = &[
    "və",
    "bu",
    "ilə",
    "üçün",
    "də",
    "bir",
    "olan",
    "isə",
    "daha",
    "ki",
    "il",
    "gün",
    "şəhər",
    "ölkə",
    "prezident",
    "nazirlik",
    "hökumət",
    "bildirib",
    "açıqlayıb",
    "məlumat",
    "xəbər",
    "iqtisadiyyat",
    "bazar",
    "qiymət",
    "manat",
    "neft",
    "qaz",
    "ixrac",
    "idxal",
    "bank",
    "faiz",
    "inflyasiya",
    "büdcə",
    "vergi",
    "layihə",
    "tikinti",
    "yol",
    "körpü",
    "metro",
    "avtobus",
    "nəqliyyat",
    "hava",
    "yağış",
    "qar",
    "külək",
    "temperatur",
    "məktəb",
    "müəllim",
    "şagird",
    "universitet",
    "tələbə",
    "təhsil",
    "səhiyyə",
    "xəstəxana",
    "həkim",
    "xəstə",
    "peyvənd",
    "idman",
    "futbol",
    "komanda",
    "oyun",
    "qələbə",
    "məğlubiyyət",
    "çempionat",
    "turnir",
    "mədəniyyət",
    "teatr",
    "muzey",
    "sərgi",
    "konsert",
    "festival",
    "kitab",
    "yazıçı",
    "şair",
    "rəssam",
    "musiqi",
    "kino",
    "film",
    "parlament",
    "deputat",
    "qanun",
    "layihəsi",
    "müzakirə",
    "iclas",
    "görüş",
    "səfər",
    "nümayəndə",
    "heyət",
    "əməkdaşlıq",
    "müqavilə",
    "imzalanıb",
    "razılaşma",
    "sülh",
    "danışıqlar",
    "sərhəd",
    "təhlükəsizlik",
    "polis",
    "cinayət",
    "məhkəmə",
    "hakim",
    "qərar",
    "cərimə",
    "yanğın",
    "qəza",
    "zəlzələ",
    "daşqın",
    "ekologiya",
    "təbiət",
    "meşə",
    "dəniz",
    "sahil",
    "çay",
    "göl",
    "dağ",
    "kənd",
    "rayon",
    "sakinlər",
    "əhali",
    "ailə",
    "uşaq",
    "gənclər",
    "qadın",
    "kişi",
    "işçi",
    "əmək",
    "maaş",
    "pensiya",
    "müavinət",
    "sosial",
    "xidmət",
    "internet",
    "texnologiya",
    "süni",
    "intellekt",
    "rəqəmsal",
    "proqram",
    "şirkət",
    "investisiya",
    "istehsal",
    "zavod",
    "fabrik",
    "kənd təsərrüfatı",
    "məhsul",
    "pambıq",
    "üzüm",
    "fındıq",
    "çörək",
    "ət",
    "süd",
    "turizm",
    "otel",
    "qonaq",
    "səyahət",
    "aeroport",
    "təyyarə",
    "qatar",
    "dəmir",
    "yolu",
    "stansiya",
    "tarixi",
    "abidə",
    "bərpa",
    "açılış",
    "mərasim",
    "bayram",
    "Novruz",
    "yay",
    "qış",
    "payız",
    "yaz",
    "səhər",
    "axşam",
    "həftə",
    "ay",
    "yeni",
    "köhnə",
    "böyük",
    "kiçik",
    "əsas",
    "mühüm",
    "ciddi",
    "sürətli",
    "yaxın",
    "uzaq",
    "ötən",
    "gələn",
    "artıq",
    "hələ",
    "yalnız",
    "həmçinin",
    "lakin",
    "çünki",
    "əgər",
    "sonra",
    "əvvəl",
    "bütün",
    "çox",
    "az",
    "ən",
    "özəl",
    "dövlət",
    "beynəlxalq",
    "milli",
    "regional",
    "yerli",
    "mərkəzi",
    "ictimai",
    "siyasi",
    "iqtisadi",
    "elmi",
    "tədqiqat",
    "alim",
    "kəşf",
    "ağıllı",
    "güclü",
    "gözəl",
    "çətin",
    "asan",
    "üzərində",
    "haqqında",
    "qarşı",
    "görə",
    "artım",
    "azalma",
    "dəyişiklik",
    "islahat",
    "strategiya",
    "proqnoz",
    "statistika",
    "hesabat",
    "rəqəm",
    "faizə",
    "milyon",
    "milyard",
];

/// Russian news vocabulary, most frequent first.
const NEWS_RU: &[&str] = &[
    "и",
    "в",
    "на",
    "с",
    "по",
    "что",
    "не",
    "о",
    "для",
    "из",
    "как",
    "это",
    "года",
    "году",
    "заявил",
    "сообщил",
    "сообщает",
    "правительство",
    "министерство",
    "президент",
    "город",
    "страна",
    "области",
    "района",
    "жители",
    "власти",
    "решение",
    "закон",
    "законопроект",
    "депутаты",
    "парламент",
    "заседание",
    "встреча",
    "переговоры",
    "соглашение",
    "договор",
    "подписали",
    "сотрудничество",
    "экономика",
    "рынок",
    "цены",
    "рубль",
    "доллар",
    "нефть",
    "газ",
    "экспорт",
    "импорт",
    "банк",
    "ставка",
    "инфляция",
    "бюджет",
    "налоги",
    "проект",
    "строительство",
    "дорога",
    "мост",
    "метро",
    "автобус",
    "транспорт",
    "погода",
    "дождь",
    "снег",
    "ветер",
    "температура",
    "школа",
    "учитель",
    "ученики",
    "университет",
    "студенты",
    "образование",
    "здравоохранение",
    "больница",
    "врач",
    "пациент",
    "вакцина",
    "спорт",
    "футбол",
    "команда",
    "матч",
    "победа",
    "поражение",
    "чемпионат",
    "турнир",
    "культура",
    "театр",
    "музей",
    "выставка",
    "концерт",
    "фестиваль",
    "книга",
    "писатель",
    "поэт",
    "художник",
    "музыка",
    "кино",
    "фильм",
    "безопасность",
    "полиция",
    "преступление",
    "суд",
    "судья",
    "приговор",
    "штраф",
    "пожар",
    "авария",
    "землетрясение",
    "наводнение",
    "экология",
    "природа",
    "лес",
    "море",
    "берег",
    "река",
    "озеро",
    "горы",
    "деревня",
    "население",
    "семья",
    "дети",
    "молодёжь",
    "женщины",
    "работники",
    "зарплата",
    "пенсия",
    "пособие",
    "социальный",
    "услуги",
    "интернет",
    "технологии",
    "искусственный",
    "интеллект",
    "цифровой",
    "программа",
    "компания",
    "инвестиции",
    "производство",
    "завод",
    "фабрика",
    "сельское",
    "хозяйство",
    "урожай",
    "хлеб",
    "мясо",
    "молоко",
    "туризм",
    "гостиница",
    "туристы",
    "путешествие",
    "аэропорт",
    "самолёт",
    "поезд",
    "железная",
    "станция",
    "исторический",
    "памятник",
    "реставрация",
    "открытие",
    "церемония",
    "праздник",
    "лето",
    "зима",
    "осень",
    "весна",
    "утром",
    "вечером",
    "неделе",
    "месяц",
    "новый",
    "старый",
    "большой",
    "малый",
    "главный",
    "важный",
    "серьёзный",
    "быстрый",
    "ближайший",
    "прошлый",
    "следующий",
    "уже",
    "ещё",
    "только",
    "также",
    "однако",
    "потому",
    "если",
    "после",
    "перед",
    "все",
    "много",
    "самый",
    "частный",
    "государственный",
    "международный",
    "национальный",
    "региональный",
    "местный",
    "центральный",
    "общественный",
    "политический",
    "экономический",
    "научный",
    "исследование",
    "учёные",
    "открытие",
    "рост",
    "снижение",
    "изменения",
    "реформа",
    "стратегия",
    "прогноз",
    "статистика",
    "отчёт",
    "миллионов",
    "миллиардов",
    "ёлка",
    "объём",
    "подъём",
    "щедрый",
    "эксперты",
    "чиновники",
    "ведомство",
];

/// English news vocabulary, most frequent first.
const NEWS_EN: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "for",
    "on",
    "that",
    "with",
    "said",
    "was",
    "is",
    "by",
    "at",
    "from",
    "year",
    "government",
    "ministry",
    "president",
    "city",
    "country",
    "region",
    "residents",
    "officials",
    "decision",
    "law",
    "bill",
    "lawmakers",
    "parliament",
    "session",
    "meeting",
    "talks",
    "agreement",
    "treaty",
    "signed",
    "cooperation",
    "economy",
    "market",
    "prices",
    "currency",
    "dollar",
    "oil",
    "gas",
    "exports",
    "imports",
    "bank",
    "rate",
    "inflation",
    "budget",
    "taxes",
    "project",
    "construction",
    "road",
    "bridge",
    "subway",
    "bus",
    "transport",
    "weather",
    "rain",
    "snow",
    "wind",
    "temperature",
    "school",
    "teacher",
    "students",
    "university",
    "education",
    "health",
    "hospital",
    "doctor",
    "patient",
    "vaccine",
    "sport",
    "football",
    "team",
    "match",
    "victory",
    "defeat",
    "championship",
    "tournament",
    "culture",
    "theatre",
    "museum",
    "exhibition",
    "concert",
    "festival",
    "book",
    "writer",
    "poet",
    "artist",
    "music",
    "cinema",
    "film",
    "security",
    "police",
    "crime",
    "court",
    "judge",
    "sentence",
    "fine",
    "fire",
    "accident",
    "earthquake",
    "flood",
    "environment",
    "nature",
    "forest",
    "sea",
    "coast",
    "river",
    "lake",
    "mountains",
    "village",
    "population",
    "family",
    "children",
    "young",
    "women",
    "workers",
    "wages",
    "pension",
    "benefits",
    "social",
    "services",
    "internet",
    "technology",
    "artificial",
    "intelligence",
    "digital",
    "software",
    "company",
    "investment",
    "production",
    "plant",
    "factory",
    "agriculture",
    "harvest",
    "bread",
    "meat",
    "milk",
    "tourism",
    "hotel",
    "tourists",
    "travel",
    "airport",
    "aircraft",
    "train",
    "railway",
    "station",
    "historic",
    "monument",
    "restoration",
    "opening",
    "ceremony",
    "holiday",
    "summer",
    "winter",
    "autumn",
    "spring",
    "morning",
    "evening",
    "week",
    "month",
    "new",
    "old",
    "large",
    "small",
    "main",
    "important",
    "serious",
    "rapid",
    "nearby",
    "last",
    "next",
    "already",
    "still",
    "only",
    "also",
    "however",
    "because",
    "if",
    "after",
    "before",
    "all",
    "many",
    "most",
    "private",
    "state",
    "international",
    "national",
    "regional",
    "local",
    "central",
    "public",
    "political",
    "economic",
    "scientific",
    "research",
    "scientists",
    "discovery",
    "growth",
    "decline",
    "changes",
    "reform",
    "strategy",
    "forecast",
    "statistics",
    "report",
    "million",
    "billion",
    "spokesperson",
    "minister",
    "council",
    "committee",
    "analysts",
];

const NAMES_AZ: &[&str] = &[
    "Bakı",
    "Gəncə",
    "Sumqayıt",
    "Şəki",
    "Quba",
    "Lənkəran",
    "Şuşa",
    "Naxçıvan",
    "Mingəçevir",
    "Qəbələ",
    "Əli Həsənov",
    "Günel Məmmədova",
    "Rəşad Quliyev",
    "Ülviyyə Əliyeva",
    "Tural İsmayılov",
    "Xəzər",
];
const NAMES_RU: &[&str] = &[
    "Москва",
    "Санкт-Петербург",
    "Казань",
    "Новосибирск",
    "Екатеринбург",
    "Сочи",
    "Владивосток",
    "Иван Петров",
    "Анна Смирнова",
    "Сергей Волков",
    "Ольга Орлова",
    "Дмитрий Соколов",
    "Волга",
    "Байкал",
];
const NAMES_EN: &[&str] = &[
    "London",
    "Manchester",
    "Edinburgh",
    "Boston",
    "Chicago",
    "Toronto",
    "Sydney",
    "Jane Doe",
    "John Carter",
    "Priya Shah",
    "Liam O'Brien",
    "Maria Lopez",
    "Thames",
    "Brussels",
];

const NEWS_AUTHORS: &[&str] = &[
    "Aysel Rzayeva",
    "Kamran Əhmədov",
    "Nərmin Hüseynova",
    "Мария Кузнецова",
    "Алексей Иванов",
    "Jane Doe",
    "Ahmed Karimov",
    "Sara Nyberg",
];

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

    /// A number in `lo..hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo) as u64) as usize
    }

    /// A number in `0.0..1.0`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index into a list of `n`, skewed towards its start the way word
    /// frequencies are (the first words are the common ones).
    fn skewed(&mut self, n: usize) -> usize {
        ((n as f64 * self.unit().powf(2.2)) as usize).min(n - 1)
    }
}

/// Content words an article draws on: its topic, a window of its
/// language's vocabulary, so a content word is in a fraction of the
/// articles, not in all of them.
const TOPIC: usize = 24;

/// What one article is about: where its window of content words starts,
/// and the two names (places, people) it mentions.
struct Topic {
    start: usize,
    names: [&'static str; 2],
}

impl Topic {
    fn pick(rng: &mut SplitMix, lang: NewsLanguage) -> Self {
        let names = lang.names();
        let start = rng.range(0, lang.words().len() - lang.common() - TOPIC);
        Self { start, names: [names[rng.range(0, names.len())], names[rng.range(0, names.len())]] }
    }
}

/// A sentence of `lang` with its first letter capitalized: common words,
/// the content words and names of the article's `topic`.
fn news_sentence(rng: &mut SplitMix, lang: NewsLanguage, topic: &Topic, words: usize) -> String {
    let (vocab, common) = (lang.words(), lang.common());
    let mut s = String::new();
    for w in 0..words {
        if w > 0 {
            s.push(' ');
        }
        let word = match rng.range(0, 24) {
            0 => topic.names[rng.range(0, 2)],
            1..=11 => vocab[rng.skewed(common)],
            _ => vocab[common + topic.start + rng.skewed(TOPIC)],
        };
        if w == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                s.extend(first.to_uppercase());
                s.push_str(chars.as_str());
            }
        } else {
            s.push_str(word);
        }
        if w + 1 < words && rng.range(0, 14) == 0 {
            s.push(',');
        }
    }
    s.push('.');
    s
}

/// An RSS 2.0 document of `items` news articles of realistic length in one
/// language ([`NewsLanguage::of_feed`]): Azerbaijani, Russian or English
/// text from a seeded generator, so the same inputs always give the same
/// bytes. Each item has a title of 5 to 11 words, a `dc:creator`, a guid
/// `byline-news-<feed>-<item>`, a link under `site` and an escaped-HTML
/// `description` of 4 to 9 paragraphs (about 250 to 700 words) with a lead
/// image. Its words are the language's little words (in every text), the
/// content words of its topic (a window of the vocabulary, so a content
/// word is in a fraction of the articles) and two names (places, people).
/// Items are newest first; each feed publishes at its own interval
/// (20 minutes to 5 hours), counting back from 2026-03-02 08:00 UTC, so the
/// feeds interleave in time. For load tests and benchmarks of lists and
/// search; [`super::generate_rss`] stays the small English feed of the sync
/// benchmark.
pub fn generate_news_rss(feed_index: usize, items: usize, site: &str) -> String {
    let lang = NewsLanguage::of_feed(feed_index);
    let site_t = site.trim_end_matches('/');
    let mut rng = SplitMix(0xB7_11_4E ^ (feed_index as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let interval = Duration::minutes(20 + ((feed_index * 37) % 280) as i64);
    let newest = item_date(0) - Duration::minutes((feed_index % 97) as i64);
    let title = match lang {
        NewsLanguage::Az => format!("Xəbər lenti {feed_index}"),
        NewsLanguage::Ru => format!("Лента новостей {feed_index}"),
        NewsLanguage::En => format!("News wire {feed_index}"),
    };
    let mut out = String::with_capacity(600 + items * 4500);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
    out.push_str(&format!("  <title>{}</title>\n", esc(&title)));
    out.push_str(&format!("  <link>{}/news-{feed_index}/</link>\n", esc(site_t)));
    out.push_str(&format!("  <description>{}</description>\n", esc(&title)));
    out.push_str(&format!("  <language>{}</language>\n", lang.tag()));
    for i in 0..items {
        let words = rng.range(5, 12);
        let topic = Topic::pick(&mut rng, lang);
        let title = news_sentence(&mut rng, lang, &topic, words);
        let title = title.trim_end_matches('.');
        let mut html = format!(
            "<p><img src=\"{site_t}/images/news-{feed_index}/{i}.jpg\" alt=\"\" width=\"800\" height=\"450\"></p>"
        );
        for _ in 0..rng.range(4, 10) {
            html.push_str("<p>");
            for s in 0..rng.range(3, 7) {
                if s > 0 {
                    html.push(' ');
                }
                let words = rng.range(8, 20);
                html.push_str(&news_sentence(&mut rng, lang, &topic, words));
            }
            html.push_str("</p>");
        }
        let date = newest - interval * i as i32;
        out.push_str("  <item>\n");
        out.push_str(&format!("    <title>{}</title>\n", esc(title)));
        out.push_str(&format!("    <link>{}/news-{feed_index}/{i}.html</link>\n", esc(site_t)));
        out.push_str(&format!("    <guid isPermaLink=\"false\">byline-news-{feed_index}-{i}</guid>\n"));
        out.push_str(&format!(
            "    <dc:creator>{}</dc:creator>\n",
            esc(NEWS_AUTHORS[rng.range(0, NEWS_AUTHORS.len())])
        ));
        out.push_str(&format!("    <pubDate>{}</pubDate>\n", date.to_rfc2822()));
        out.push_str(&format!("    <description>{}</description>\n", esc(&html)));
        out.push_str("  </item>\n");
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_is_deterministic_long_and_in_three_languages() {
        let az = generate_news_rss(0, 30, "https://example.test/");
        assert_eq!(az, generate_news_rss(0, 30, "https://example.test"));
        assert_eq!(az.matches("<item>").count(), 30);
        assert!(az.contains("<language>az</language>"));
        assert!(az.contains("<guid isPermaLink=\"false\">byline-news-0-29</guid>"));
        assert!(az.chars().any(|c| "əğışöüç".contains(c)));
        let ru = generate_news_rss(1, 3, "https://example.test");
        assert!(ru.contains("<language>ru</language>") && ru.chars().any(|c| ('а'..='я').contains(&c)));
        assert!(generate_news_rss(2, 3, "https://example.test").contains("<language>en</language>"));
        // News-article length: a few thousand characters an item.
        assert!(az.len() / 30 > 1500, "{}", az.len() / 30);
        assert_ne!(az, generate_news_rss(3, 30, "https://example.test"));
    }
}
