//! Language detection.
//!
//! whatlang decides most languages from a prefix of the text. It knows no Kazakh, Kyrgyz, Tatar, Bashkir,
//! Mongolian or Tajik and calls them Russian (sometimes with confidence 1.0), so Cyrillic text is first checked
//! for the letters only those languages use (`data/cyrillic_turkic.tsv`). Codes are ISO 639-1 where one exists
//! (`data/iso639.tsv`), else ISO 639-3; `und` when the text is too short or has no letters.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::text::is_letter;

/// How much of the text the letter checks read: a news article's language is settled by its first paragraphs.
const PREFIX_CHARS: usize = 1000;
/// How much whatlang reads: its cost grows with the length, and 400 characters decide a language well.
const WHATLANG_CHARS: usize = 400;
/// Fewer letters than this and no language is claimed.
const MIN_LETTERS: usize = 3;

/// The language of a text as detected: a code and a confidence in 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Detected {
    pub code: &'static str,
    pub confidence: f64,
}

impl Detected {
    const UNDETERMINED: Detected = Detected { code: "und", confidence: 0.0 };
}

struct CyrillicLanguage {
    code: &'static str,
    markers: Vec<char>,
    excluded: Vec<char>,
    words: Vec<&'static str>,
}

static ISO639_1: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| data_rows(include_str!("../data/iso639.tsv")).map(|cols| (cols[0], cols[1])).collect());

static CYRILLIC: LazyLock<Vec<CyrillicLanguage>> = LazyLock::new(|| {
    let words: HashMap<&str, Vec<&str>> = data_rows(include_str!("../data/cyrillic_words.tsv"))
        .map(|cols| (cols[0], cols[1].split(' ').collect()))
        .collect();
    data_rows(include_str!("../data/cyrillic_turkic.tsv"))
        .map(|cols| CyrillicLanguage {
            code: cols[0],
            markers: cols[1].chars().collect(),
            excluded: cols[2].chars().collect(),
            words: words.get(cols[0]).cloned().unwrap_or_default(),
        })
        .collect()
});

/// Tab-separated rows of a data file, without comments and blank lines.
fn data_rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

/// The ISO 639-1 code for an ISO 639-3 code, or the code itself when there is none.
fn short_code(code3: &'static str) -> &'static str {
    ISO639_1.get(code3).copied().unwrap_or(code3)
}

/// Detects the language of `text`.
pub(crate) fn detect(text: &str) -> Detected {
    let prefix = match text.char_indices().nth(PREFIX_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let (mut letters, mut visible) = (0usize, 0usize);
    for c in prefix.chars() {
        if is_letter(c) {
            letters += 1;
            visible += 1;
        } else if !c.is_whitespace() {
            visible += 1;
        }
    }
    // Too short, or mostly not letters (binary junk read as text, tables of figures).
    if letters < MIN_LETTERS || letters * 10 < visible * 3 {
        return Detected::UNDETERMINED;
    }
    if let Some(found) = detect_cyrillic_turkic(prefix) {
        return found;
    }
    if let Some(found) = detect_russian(prefix, letters) {
        return found;
    }
    let short = match prefix.char_indices().nth(WHATLANG_CHARS) {
        Some((i, _)) => &prefix[..i],
        None => prefix,
    };
    let Some(info) = whatlang::detect(short) else { return Detected::UNDETERMINED };
    let confidence = (info.confidence() * 1000.0).round() / 1000.0;
    if !info.is_reliable()
        && info.script() == whatlang::Script::Latin
        && let Some(code) = vote_by_function_words(short)
    {
        return Detected { code, confidence: confidence.max(0.5) };
    }
    Detected { code: short_code(info.lang().code()), confidence }
}

/// Russian by its letters, without asking whatlang: mostly Cyrillic, none of the letters of Ukrainian,
/// Belarusian, Serbian or Macedonian, and either ы, э or ё (which Bulgarian lacks) or almost no ъ (which Bulgarian
/// writes in one word of three). Runs after the Turkic check, which claims the other Cyrillic languages that
/// have ы. Whatlang often takes a short Russian text for Bulgarian or Ukrainian; and on Russian news, the bulk of
/// the input, this is many times cheaper. The price: a short Bulgarian text without ъ is taken for Russian.
fn detect_russian(text: &str, letters: usize) -> Option<Detected> {
    let (mut cyrillic, mut marked, mut hard_signs) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match c {
            'ы' | 'э' | 'ё' | 'Ы' | 'Э' | 'Ё' => {
                marked += 1;
                cyrillic += 1;
            }
            'ъ' | 'Ъ' => {
                hard_signs += 1;
                cyrillic += 1;
            }
            'і' | 'ї' | 'є' | 'ґ' | 'ў' | 'ј' | 'љ' | 'њ' | 'ђ' | 'ћ' | 'џ' | 'ѓ' | 'ќ' | 'ѕ' | 'І' | 'Ї' | 'Є'
            | 'Ґ' | 'Ў' | 'Ј' | 'Љ' | 'Њ' | 'Ђ' | 'Ћ' | 'Џ' | 'Ѓ' | 'Ќ' | 'Ѕ' => return None,
            '\u{0400}'..='\u{04FF}' => cyrillic += 1,
            _ => {}
        }
    }
    // Most letters Cyrillic (Latin names and brands are common in Russian news).
    if cyrillic * 10 < letters * 6 {
        return None;
    }
    if marked == 0 && hard_signs * 200 >= cyrillic {
        return None;
    }
    // ы, э and ё make up about 2% of Russian letters: a text with far fewer is less certain.
    let expected = cyrillic as f64 * 0.012;
    let confidence = (0.5 + 0.5 * (marked as f64 / expected).min(1.0)) * cyrillic as f64 / letters as f64;
    Some(Detected { code: "ru", confidence: (confidence.min(1.0) * 1000.0).round() / 1000.0 })
}

static FUNCTION_WORDS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    data_rows(include_str!("../data/stopwords.tsv")).map(|cols| (cols[0], cols[1].split(' ').collect())).collect()
});

/// The Latin-script language whose function words the text uses most (two at the least), or `None`.
fn vote_by_function_words(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    // One-letter words («a», «i», «w») say little and are common in junk.
    let words: Vec<&str> = lower.split(|c: char| !is_letter(c)).filter(|w| w.chars().nth(1).is_some()).collect();
    let mut best: Option<(&'static str, usize)> = None;
    for &(code, ref list) in FUNCTION_WORDS.iter() {
        let hits = words.iter().filter(|w| list.contains(w)).count();
        if hits >= 2 && best.is_none_or(|(_, h)| hits > h) {
            best = Some((code, hits));
        }
    }
    best.map(|(code, _)| code)
}

/// Kazakh, Kyrgyz, Tatar, Bashkir, Mongolian, Tajik or Uzbek by their own letters, or `None`.
fn detect_cyrillic_turkic(text: &str) -> Option<Detected> {
    let mut counts: HashMap<char, usize> = HashMap::new();
    let mut cyrillic = 0usize;
    for c in text.chars() {
        if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyrillic += 1;
            if !('\u{0410}'..='\u{044F}').contains(&c) && c != 'ё' && c != 'Ё' {
                for l in c.to_lowercase() {
                    *counts.entry(l).or_default() += 1;
                }
            }
        }
    }
    if counts.is_empty() || cyrillic < MIN_LETTERS {
        return None;
    }
    let count = |set: &[char]| set.iter().map(|c| counts.get(c).copied().unwrap_or(0)).sum::<usize>();
    let candidates: Vec<(&CyrillicLanguage, usize)> = CYRILLIC
        .iter()
        .filter_map(|lang| {
            let marked = count(&lang.markers);
            let excluded = count(&lang.excluded);
            // At least 2.5% of the Cyrillic letters (these languages use theirs at 4-9%; a Russian text quoting a
            // Kazakh name stays far below), two letters at the least (one in a very short text), and the
            // ruled-out letters no more than a stray name's worth.
            let enough = marked * 40 >= cyrillic && (marked >= 2 || cyrillic < 40);
            (enough && excluded * 20 <= marked).then_some((lang, marked))
        })
        .collect();
    let (best, marked) = match candidates.len() {
        0 => return None,
        1 => candidates[0],
        _ => {
            let lower = text.to_lowercase();
            let hits = |lang: &CyrillicLanguage| {
                lower.split(|c: char| !is_letter(c)).filter(|w| lang.words.contains(w)).count()
            };
            // Most function-word hits wins; the table's order breaks ties.
            let mut best = candidates[0];
            let mut best_hits = hits(best.0);
            for &cand in &candidates[1..] {
                let h = hits(cand.0);
                if h > best_hits {
                    best = cand;
                    best_hits = h;
                }
            }
            best
        }
    };
    let ratio = marked as f64 / cyrillic as f64;
    let confidence = (0.5 + ratio * 10.0).min(1.0);
    Some(Detected { code: best.code, confidence: (confidence * 1000.0).round() / 1000.0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> &'static str {
        detect(text).code
    }

    #[test]
    fn detects_major_languages() {
        let cases: &[(&str, &str)] = &[
            ("ru", "Президент Казахстана провел встречу с делегацией из Китая в столице страны."),
            ("en", "The president of Kazakhstan met a delegation from China in the capital on Wednesday."),
            ("uk", "Президент України провів зустріч із делегацією з Китаю у столиці країни в середу."),
            ("de", "Der Präsident Kasachstans traf am Mittwoch eine Delegation aus China in der Hauptstadt."),
            ("zh", "哈萨克斯坦总统周三在首都会见了来自中国的代表团。"),
        ];
        for &(want, text) in cases {
            assert_eq!(code(text), want, "{text}");
        }
    }

    #[test]
    fn tells_turkic_cyrillic_languages_from_russian() {
        let cases: &[(&str, &str)] = &[
            ("kk", "Қазақстан Республикасының Президенті бүгін Астанада шетелдік инвесторлармен кездесті."),
            ("kk", "Елордада жаңа мектептің ашылу салтанаты өтті, оған қала әкімі қатысты."),
            ("ky", "Кыргыз Республикасынын Президенти бүгүн Бишкекте чет элдик инвесторлор менен жолугушту."),
            (
                "tt",
                "Татарстан Республикасы Президенты бүген Казанда чит ил инвесторлары белән очрашты һәм җыелыш үткәрде.",
            ),
            ("mn", "Монгол Улсын Ерөнхийлөгч өнөөдөр Улаанбаатар хотод гадаадын хөрөнгө оруулагчидтай уулзсан юм."),
            ("ba", "Башҡортостан Республикаһы Башлығы бөгөн Өфөлә сит ил инвесторҙары менән осрашты."),
            ("tg", "Президенти Ҷумҳурии Тоҷикистон имрӯз дар Душанбе бо сармоягузорони хориҷӣ мулоқот кард."),
            (
                "uz",
                "Ўзбекистон Республикаси Президенти бугун Тошкентда хорижий инвесторлар билан учрашди ва ҳамкорлик ҳақида гаплашди.",
            ),
            (
                "ru",
                "Токаев провел встречу с акимом Алматы, на которой обсуждались вопросы развития «Қазақстан темір жолы».",
            ),
        ];
        for &(want, text) in cases {
            assert_eq!(code(text), want, "{text}");
        }
    }

    #[test]
    fn short_russian_is_not_taken_for_bulgarian() {
        for text in [
            "Мы вышли.",
            "Это рынок.",
            "Выборы прошли.",
            "Ёлки.",
            "Завтра дождь.",
            "Первая запись.",
            "Запись номер 5. Вчера в Астане прошла встреча, а 5 июля 2025 года состоится форум.",
        ] {
            assert_eq!(code(text), "ru", "{text}");
        }
        assert_eq!(code("Ще бъде обявено днес в София от министъра."), "bg");
        assert_eq!(code("Правителството одобри бюджета, който ще бъде внесен в парламента в сряда."), "bg");
    }

    #[test]
    fn short_latin_text_is_decided_by_function_words() {
        assert_eq!(code("Second record in English, yesterday it rained."), "en");
        assert_eq!(code("The mayor said it was late."), "en");
    }

    #[test]
    fn short_or_letterless_text_is_undetermined() {
        let replaced = "\u{FFFD}a\u{FFFD}\u{FFFD}b#\u{FFFD}".repeat(50);
        for text in ["", "   ", "12.06.2025", "?!", "ab", "1:0 2:1 3:3 (4:2) 10-12 15%", &replaced] {
            assert_eq!(detect(text), Detected::UNDETERMINED, "{text:?}");
        }
    }
}
