//! Whether a web address spells a name written in other letters: hosts are
//! written in Latin letters, while a site or a person may be named in
//! Azerbaijani or Cyrillic ones ("Коммерсантъ" on kommersant.ru, "Новая
//! газета" on novayagazeta.ru, "Aysel Məmmədova" on ayselmammadova.az).
//!
//! Each letter that has no one ASCII spelling is given the spellings hosts
//! use for it (ə as `e` or `a`, ş as `sh` or `s`, х as `kh`, `h` or `x`,
//! "кс" as `x`), and a doubled letter may be written once ("Məmmədov" as
//! `mamedov`). ASCII letters and digits spell only themselves, so two
//! ASCII texts spell each other only when they are equal.

/// Whether `latin` (a host's letters, or one of its labels, lower case)
/// spells all of `name` (its letters and digits; any case; other
/// characters are skipped), as written or in ASCII letters:
/// `spells("Интерфакс", "interfax")`.
pub fn spells(name: &str, latin: &str) -> bool {
    spelled(name, latin, Part::Whole)
}

/// Whether `latin` spells `name` somewhere within it, as [`spells`]
/// spells it whole: `spells_within("ТАСС", "tassru")`.
pub fn spells_within(name: &str, latin: &str) -> bool {
    spelled(name, latin, Part::NameInLatin)
}

/// How much of the Latin text must spell the name.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Whole,
    NameInLatin,
}

fn spelled(name: &str, latin: &str, part: Part) -> bool {
    let name: Vec<char> = name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    if name.is_empty() {
        return false;
    }
    let as_written: String = name.iter().collect();
    let equal = match part {
        Part::Whole => latin == as_written,
        Part::NameInLatin => latin.contains(&as_written),
    };
    if equal {
        return true;
    }
    if as_written.is_ascii() {
        return false;
    }
    let latin = latin.as_bytes();
    let width = latin.len() + 1;
    // reach[i * width + j]: the name's first i letters are spelled by
    // latin[..j], from where the spelling starts.
    let mut reach = vec![false; (name.len() + 1) * width];
    match part {
        Part::Whole => reach[0] = true,
        Part::NameInLatin => reach[..width].fill(true),
    }
    for i in 0..name.len() {
        for j in 0..width {
            if !reach[i * width + j] {
                continue;
            }
            let rest = &latin[j..];
            let mut mark = |letters: usize, bytes: usize| reach[(i + letters) * width + j + bytes] = true;
            if i > 0 && name[i - 1] == name[i] {
                mark(1, 0);
            }
            if name[i] == 'к' && name.get(i + 1) == Some(&'с') && rest.first() == Some(&b'x') {
                mark(2, 1);
            }
            if name[i].is_ascii() {
                if rest.first() == Some(&(name[i] as u8)) {
                    mark(1, 1);
                }
                continue;
            }
            for spelling in spellings(name[i]) {
                if rest.starts_with(spelling.as_bytes()) {
                    mark(1, spelling.len());
                }
            }
        }
    }
    match part {
        Part::Whole => reach[name.len() * width + latin.len()],
        Part::NameInLatin => reach[name.len() * width..].contains(&true),
    }
}

/// How hosts write the lower-case letter `c`, not ASCII, in ASCII:
/// nothing for the Cyrillic hard and soft signs, and no spelling for a
/// letter not listed.
fn spellings(c: char) -> &'static [&'static str] {
    match c {
        // Azerbaijani, Turkish and Central Asian Latin letters.
        'ə' | 'ә' => &["e", "a"],
        'ı' | 'ì' | 'í' | 'î' | 'ï' | 'і' => &["i"],
        'ş' | 'š' => &["sh", "s"],
        'ç' | 'č' | 'ć' => &["ch", "c"],
        'ğ' | 'ғ' => &["gh", "g"],
        'ö' | 'ө' => &["o", "oe"],
        'ü' | 'ү' | 'ұ' => &["u", "ue"],
        'ä' => &["a", "ae"],
        'ß' => &["ss"],
        'à' | 'á' | 'â' | 'ã' | 'å' => &["a"],
        'è' | 'é' | 'ê' | 'ë' => &["e"],
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' => &["o"],
        'ù' | 'ú' | 'û' => &["u"],
        'ñ' | 'ң' => &["n", "ng"],
        'ž' => &["zh", "z"],
        'ł' => &["l"],
        'қ' => &["k", "q"],
        'һ' => &["h"],
        // Russian, Ukrainian and Belarusian Cyrillic.
        'а' => &["a"],
        'б' => &["b"],
        'в' => &["v", "w"],
        'г' => &["g", "h"],
        'д' => &["d"],
        'е' => &["e", "ye"],
        'ё' => &["e", "yo", "io"],
        'є' => &["ye", "e"],
        'ж' => &["zh", "j", "z"],
        'з' => &["z"],
        'и' => &["i", "y"],
        'ї' => &["yi", "i"],
        'й' => &["y", "i", "j"],
        'к' => &["k", "c"],
        'л' => &["l"],
        'м' => &["m"],
        'н' => &["n"],
        'о' => &["o"],
        'п' => &["p"],
        'р' => &["r"],
        'с' => &["s"],
        'т' => &["t"],
        'у' => &["u", "ou"],
        'ў' => &["u", "w"],
        'ф' => &["f"],
        'х' => &["kh", "h", "x"],
        'ц' => &["ts", "c", "tz"],
        'ч' => &["ch", "c"],
        'ш' => &["sh"],
        'щ' => &["shch", "sch", "sh"],
        'ъ' | 'ь' => &[""],
        'ы' => &["y", "i"],
        'э' => &["e"],
        'ю' => &["yu", "iu", "ju", "u"],
        'я' => &["ya", "ia", "ja", "a"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_names_spelled_by_their_hosts() {
        assert!(spells("Коммерсантъ", "kommersant"));
        assert!(spells("Интерфакс", "interfax"));
        assert!(spells("ТАСС", "tass"));
        assert!(spells("Новая газета", "novayagazeta"));
        assert!(spells("Ведомости", "vedomosti"));
        assert!(spells("Укрінформ", "ukrinform"));
        assert!(spells_within("ТАСС", "tassru"));
        assert!(!spells("Интерфакс", "interfaxru"));
        assert!(!spells("Петров", "sidorov"));
        assert!(!spells("Иванов", "ivanova"));
        assert!(spells_within("Иванов", "ivanova"));
    }

    #[test]
    fn azerbaijani_names_in_the_ways_hosts_write_them() {
        for host in ["ayselmammadova", "ayselmemmedova", "ayselmamedova"] {
            assert!(spells("Aysel Məmmədova", host), "{host}");
        }
        assert!(spells("Şahin Əliyev", "shahinaliyev"));
        assert!(spells("Şahin Əliyev", "sahinaliyev"));
        assert!(spells("Gündəm Xəbər", "gundemxeber"));
        assert!(!spells("Aysel Məmmədova", "ayselmammadov"));
    }

    #[test]
    fn ascii_spells_only_itself() {
        assert!(spells("Reuters", "reuters"));
        assert!(!spells("Reuter", "reuters"));
        assert!(spells_within("APA", "apaaz"));

        assert!(!spells("", ""));
        assert!(!spells("---", "abc"));
        assert!(spells("Интерфакс", "интерфакс"));
    }
}
