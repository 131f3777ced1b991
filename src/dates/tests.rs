//! Tables of phenomena: each row is a sentence and the dates it holds (span text, TIMEX3 value).

use chrono::NaiveDate;

use super::DateExtractor;
use crate::analysis::Grain;
use crate::doc::Doc;
use crate::segment;

type Row = (&'static str, &'static [(&'static str, &'static str)]);

fn extract(text: &str, lang: &'static str, reference: Option<&str>) -> Vec<(String, String, Grain, bool)> {
    use std::sync::LazyLock;
    static EXTRACTOR: LazyLock<DateExtractor> = LazyLock::new(DateExtractor::new);
    let doc = Doc { text, lang, seg: segment::segment(text, lang) };
    let reference = reference.map(|r| NaiveDate::parse_from_str(r, "%Y-%m-%d").unwrap());
    EXTRACTOR
        .extract(&doc, reference)
        .into_iter()
        .map(|d| {
            assert!(d.text.is_empty());
            (text[d.start..d.end].to_string(), d.value, d.grain, d.relative)
        })
        .collect()
}

fn check(rows: &[Row], lang: &'static str, reference: Option<&str>) {
    let mut failures = Vec::new();
    for (text, want) in rows {
        let got: Vec<(String, String)> =
            extract(text, lang, reference).into_iter().map(|(s, v, _, _)| (s, v)).collect();
        let want: Vec<(String, String)> = want.iter().map(|(s, v)| (s.to_string(), v.to_string())).collect();
        if got != want {
            failures.push(format!("{text}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows differ:\n{}", failures.len(), rows.len(), failures.join("\n"));
}

const RU: &[Row] = &[
    // full dates, in words and digits
    ("Алматы и Шанхай стали побратимами 16 июня 2025 года на саммите.", &[("16 июня 2025 года", "2025-06-16")]),
    ("Соглашение подписано 16.06.2025 в Астане.", &[("16.06.2025", "2025-06-16")]),
    ("Отчет опубликован 2025-06-16 на сайте ведомства.", &[("2025-06-16", "2025-06-16")]),
    ("Закон вступил в силу 1 января 2024 г. после подписания.", &[("1 января 2024 г.", "2024-01-01")]),
    ("Решение принято 3-го марта 2021 года.", &[("3-го марта 2021 года", "2021-03-03")]),
    // day and month, month and year, month alone
    ("Форум откроется 28 июня в Шымкенте.", &[("28 июня", "XXXX-06-28")]),
    ("Завод запустили в августе 2025 года.", &[("августе 2025 года", "2025-08")]),
    ("Цены выросли в феврале 2023-го.", &[("феврале 2023-го", "2023-02")]),
    ("Например, в августе планируется визит в Замбию.", &[("августе", "XXXX-08")]),
    ("Январь выдался холодным.", &[("Январь", "XXXX-01")]),
    // years
    ("Компания основана в 2010 году.", &[("2010 году", "2010")]),
    ("Об этом стало известно в 2019 г. из отчета.", &[("2019 г.", "2019")]),
    ("В 2010-2012 гг. цены росли.", &[("2010", "2010"), ("2012 гг.", "2012")]),
    ("Бюджет на 2025 год утвердили депутаты.", &[("2025 год", "2025")]),
    ("К 2030 году в стране построят сто школ.", &[("2030 году", "2030")]),
    ("Это случилось в 2015-м, когда рухнула нефть.", &[("2015-м", "2015")]),
    ("Рост продолжался с 2010 по 2012 год.", &[("2010", "2010"), ("2012 год", "2012")]),
    ("В 2024 и 2025 годах дефицит сократится.", &[("2024", "2024"), ("2025 годах", "2025")]),
    ("До 2019 население города росло.", &[("2019", "2019")]),
    // weekdays and weekends
    ("Встреча прошла в среду.", &[("среду", "XXXX-WXX-3")]),
    ("В понедельник парламент рассмотрит законопроект.", &[("понедельник", "XXXX-WXX-1")]),
    ("Ночью со вторника на среду выпал снег.", &[("вторника", "XXXX-WXX-2"), ("среду", "XXXX-WXX-3")]),
    ("Матч перенесли на субботу.", &[("субботу", "XXXX-WXX-6")]),
    ("В прошлую пятницу рынок упал.", &[("прошлую пятницу", "XXXX-WXX-5")]),
    ("Это произошло в пятницу, 15 апреля 1927 года.", &[("пятницу, 15 апреля 1927 года", "1927-04-15")]),
    ("На выходных в городе прошли концерты.", &[("выходных", "XXXX-WXX-WE")]),
    ("В эти выходные ожидается жара.", &[("эти выходные", "XXXX-WXX-WE")]),
    // deictic
    ("Вчера в Астане прошел форум, а сегодня делегация улетела.", &[("Вчера", "REL-1D"), ("сегодня", "REL0D")]),
    ("Накануне министр заявил об отставке.", &[("Накануне", "REL-1D")]),
    ("Об этом накануне сообщили в акимате.", &[("накануне", "REL-1D")]),
    ("Завтра начнется саммит.", &[("Завтра", "REL+1D")]),
    ("На прошлой неделе министр посетил Китай.", &[("прошлой неделе", "REL-1W")]),
    ("На этой неделе пройдут переговоры.", &[("этой неделе", "REL0W")]),
    ("В прошлом году экспорт вырос.", &[("прошлом году", "REL-1Y")]),
    ("В этом году урожай выше, чем в следующем году.", &[("этом году", "REL0Y"), ("следующем году", "REL+1Y")]),
    ("Итоги прошлого года подвели в министерстве.", &[("прошлого года", "REL-1Y")]),
    ("В прошлом месяце инфляция замедлилась.", &[("прошлом месяце", "REL-1M")]),
    ("Три дня назад здесь прошел дождь.", &[("Три дня назад", "REL-3D")]),
    (
        "Две недели назад он уволился, а месяц назад переехал.",
        &[("Две недели назад", "REL-2W"), ("месяц назад", "REL-1M")],
    ),
    ("Год назад проект закрыли, а 10 лет назад открыли.", &[("Год назад", "REL-1Y"), ("10 лет назад", "REL-10Y")]),
    ("Сегодня, 16 июня, в столице жарко.", &[("Сегодня", "REL0D"), ("16 июня", "XXXX-06-16")]),
    // modifiers
    ("В начале июля цены выросли.", &[("начале июля", "XXXX-07")]),
    ("В начале 2015 года курс упал.", &[("начале 2015 года", "2015")]),
    ("К концу прошлого года долг вырос.", &[("концу прошлого года", "REL-1Y")]),
    ("В середине мая прошли выборы.", &[("середине мая", "XXXX-05")]),
    ("В первой половине 2024 года рост замедлился.", &[("первой половине 2024 года", "2024")]),
    ("В мае прошлого года проект заморозили.", &[("мае прошлого года", "XXXX-05")]),
    ("В январе этого года цены выросли.", &[("январе этого года", "XXXX-01")]),
    ("В конце XX века завод закрыли.", &[("конце XX века", "19")]),
    ("В конце прошлой недели прошли переговоры.", &[("конце прошлой недели", "REL-1W")]),
    // decades, centuries
    ("В 1990-е годы завод закрыли.", &[("1990-е годы", "199X")]),
    ("В 90-х годах прошлого века здесь был рынок.", &[("90-х годах прошлого века", "199X")]),
    ("В середине 2000-х город вырос.", &[("середине 2000-х", "200X")]),
    ("Храм построен в XIX веке.", &[("XIX веке", "18")]),
    ("Здание возвели в ХIХ в. купцы.", &[("ХIХ в.", "18")]),
    ("В 21 веке всё иначе.", &[("21 веке", "20")]),
    ("Стиль сложился в XIX–XX веках.", &[("XIX", "18"), ("XX веках", "19")]),
    // seasons, quarters, halves
    ("Летом 2020 года границы закрыли.", &[("Летом 2020 года", "2020-SU")]),
    ("Весной работы возобновятся.", &[("Весной", "XXXX-SP")]),
    ("Прошлой осенью цены упали.", &[("Прошлой осенью", "XXXX-FA")]),
    ("В первом квартале 2015 года ВВП вырос.", &[("первом квартале 2015 года", "2015-Q1")]),
    ("Во II квартале спрос упал.", &[("II квартале", "XXXX-Q2")]),
    ("В первом полугодии 2007 года прибыль выросла.", &[("первом полугодии 2007 года", "2007-H1")]),
    // ranges and lists
    ("Фестиваль пройдет с 1 по 5 июня.", &[("1", "XXXX-06-01"), ("5 июня", "XXXX-06-05")]),
    ("Выставка работает 1–5 июня.", &[("1", "XXXX-06-01"), ("5 июня", "XXXX-06-05")]),
    ("Это случилось в 1911–1912 годах.", &[("1911", "1911"), ("1912 годах", "1912")]),
    ("Переговоры шли 13–14 января 1990 года.", &[("13", "1990-01-13"), ("14 января 1990 года", "1990-01-14")]),
    ("Акции прошли 1, 2 и 3 мая.", &[("1", "XXXX-05-01"), ("2", "XXXX-05-02"), ("3 мая", "XXXX-05-03")]),
    (
        "Визит продлится с 30 июня по 2 июля 2025 года.",
        &[("30 июня", "2025-06-30"), ("2 июля 2025 года", "2025-07-02")],
    ),
    ("В марте–апреле 2020 года офисы закрыли.", &[("марте", "2020-03"), ("апреле 2020 года", "2020-04")]),
    ("В марте-апреле 2020 года офисы закрыли.", &[("марте", "2020-03"), ("апреле 2020 года", "2020-04")]),
    ("В 1980–1990-х годах город рос.", &[("1980", "198X"), ("1990-х годах", "199X")]),
];

const RU_NOT_DATES: &[&str] = &[
    "Строительство заняло три года.",
    "За год компания выросла вдвое.",
    "Ему исполнилось 25 лет, а брату 2 года.",
    "Встреча начнется в 15:00 по времени Астаны.",
    "Он заплатил 2025 рублей за билет.",
    "В акции участвовали около 2000 человек.",
    "На втором саммите лидеры договорились о первом этапе.",
    "Недавно стало известно, что ранее сейчас на днях всё решили.",
    "На праздновании 9 Мая было многолюдно.",
    "Накануне выборов кандидаты выступили с речами.",
    "Накануне визита министра в город прибыли журналисты.",
    "Вопросы охраны окружающей среды обсудили в среде экспертов.",
    "Марта Иванова рассказала о книге, которую Мая Петрова прочла.",
    "Первая мировая война изменила Европу.",
    "Команда заняла 10-е место из 20.",
    "Счет 2:1 в пользу хозяев, рост составил 3,5%.",
    "В этот день в прошлом он был счастлив.",
    "Рост на 1911 единиц за неделю.",
];

const EN: &[Row] = &[
    ("The deal was signed on June 16, 2025, in Astana.", &[("June 16, 2025", "2025-06-16")]),
    ("The law took effect on 16 June 2025.", &[("16 June 2025", "2025-06-16")]),
    ("Talks resumed on June 16th.", &[("June 16th", "XXXX-06-16")]),
    ("He resigned last Wednesday.", &[("last Wednesday", "XXXX-WXX-3")]),
    ("The minister arrived on Monday.", &[("Monday", "XXXX-WXX-1")]),
    ("The plant will open in August.", &[("August", "XXXX-08")]),
    ("Prices rose yesterday and fell today.", &[("yesterday", "REL-1D"), ("today", "REL0D")]),
    ("Crime fell in the 1990s.", &[("1990s", "199X")]),
    ("The church dates from the 19th century.", &[("19th century", "18")]),
    ("The nineteenth century saw rapid growth.", &[("nineteenth century", "18")]),
    ("Revenue grew in Q1 2015.", &[("Q1 2015", "2015-Q1")]),
    ("Output fell in the first quarter of 2015.", &[("first quarter of 2015", "2015-Q1")]),
    ("Profits rose in the first half of 2007.", &[("first half of 2007", "2007-H1")]),
    ("The festival returned in summer 2020.", &[("summer 2020", "2020-SU")]),
    ("Two days ago the army left.", &[("Two days ago", "REL-2D")]),
    ("The company was founded in 2010.", &[("2010", "2010")]),
    ("Sales rose last year and will rise next year.", &[("last year", "REL-1Y"), ("next year", "REL+1Y")]),
    ("The vote took place last week.", &[("last week", "REL-1W")]),
    ("A week ago the talks collapsed.", &[("A week ago", "REL-1W")]),
    ("Inflation peaked in early 2023.", &[("early 2023", "2023")]),
    ("The bridge opened in May 2021.", &[("May 2021", "2021-05")]),
    ("Construction began in mid-2015.", &[("mid-2015", "2015")]),
    ("Protests erupted on Wednesday, June 16, 2021.", &[("Wednesday, June 16, 2021", "2021-06-16")]),
];

const EN_NOT_DATES: &[&str] = &[
    "You may leave now.",
    "Troops march on the capital.",
    "The project took three years.",
    "A total of 2000 people attended.",
    "He is 25 years old.",
];

#[test]
fn russian_without_reference() {
    check(RU, "ru", None);
}

#[test]
fn russian_non_dates() {
    let rows: Vec<Row> = RU_NOT_DATES.iter().map(|t| (*t, &[][..])).collect();
    check(&rows, "ru", None);
}

#[test]
fn english_without_reference() {
    check(EN, "en", None);
}

#[test]
fn english_non_dates() {
    let rows: Vec<Row> = EN_NOT_DATES.iter().map(|t| (*t, &[][..])).collect();
    check(&rows, "en", None);
}

/// Resolved against Thursday 2025-07-03.
const RU_REF: &[Row] = &[
    ("Встреча прошла в среду.", &[("среду", "2025-07-02")]),
    ("Встреча состоится в среду.", &[("среду", "2025-07-09")]),
    ("В четверг министр заявил об отставке.", &[("четверг", "2025-07-03")]),
    ("Например, мы развиваем отношения, в августе планируется визит в эту страну.", &[("августе", "2025-08")]),
    ("В августе компания объявила о сделке.", &[("августе", "2024-08")]),
    ("В мае цены выросли.", &[("мае", "2025-05")]),
    ("В мае будет принят закон.", &[("мае", "2026-05")]),
    ("Вчера прошел форум, сегодня делегация улетела.", &[("Вчера", "2025-07-02"), ("сегодня", "2025-07-03")]),
    ("Накануне министр заявил об отставке.", &[("Накануне", "2025-07-02")]),
    ("В прошлом году экспорт вырос.", &[("прошлом году", "2024")]),
    ("На прошлой неделе министр посетил Китай.", &[("прошлой неделе", "2025-W26")]),
    (
        "Месяц назад он переехал, а две недели назад уволился.",
        &[("Месяц назад", "2025-06"), ("две недели назад", "2025-W25")],
    ),
    ("28 июня прошел форум.", &[("28 июня", "2025-06-28")]),
    ("В мае прошлого года проект заморозили.", &[("мае прошлого года", "2024-05")]),
    ("Алматы и Шанхай стали побратимами 16 июня 2025 года.", &[("16 июня 2025 года", "2025-06-16")]),
    ("В прошлую пятницу рынок упал.", &[("прошлую пятницу", "2025-06-27")]),
    ("На выходных прошли концерты.", &[("выходных", "2025-W26-WE")]),
    ("Летом пройдет фестиваль.", &[("Летом", "2025-SU")]),
    ("В 90-х годах прошлого века здесь был рынок.", &[("90-х годах прошлого века", "199X")]),
];

#[test]
fn russian_with_reference() {
    check(RU_REF, "ru", Some("2025-07-03"));
}

#[test]
fn relative_flag_marks_resolved_values_only() {
    let got = extract("Вчера, 2 июля 2025 года, прошел форум.", "ru", Some("2025-07-03"));
    let flags: Vec<(&str, bool)> = got.iter().map(|(s, _, _, r)| (s.as_str(), *r)).collect();
    assert_eq!(flags, [("Вчера", true), ("2 июля 2025 года", false)]);
}

#[test]
fn nearest_month_without_tense_cue() {
    check(&[("Декабрь запомнится морозами.", &[("Декабрь", "2024-12")])], "ru", Some("2025-01-10"));
}

const EN_REF: &[Row] = &[
    ("The vote took place on Wednesday.", &[("Wednesday", "2025-07-02")]),
    ("The summit will open on Monday.", &[("Monday", "2025-07-07")]),
    ("Prices fell yesterday.", &[("yesterday", "2025-07-02")]),
    ("Sales rose last year.", &[("last year", "2024")]),
];

#[test]
fn english_with_reference() {
    check(EN_REF, "en", Some("2025-07-03"));
}

#[test]
fn grains_follow_the_head() {
    let g = |t: &str| extract(t, "ru", None).into_iter().map(|(_, _, g, _)| g).collect::<Vec<_>>();
    assert_eq!(g("В начале 2015 года."), [Grain::Year]);
    assert_eq!(g("В начале июля."), [Grain::Month]);
    assert_eq!(g("В XIX веке."), [Grain::Century]);
    assert_eq!(g("В 1990-е."), [Grain::Decade]);
    assert_eq!(g("На прошлой неделе."), [Grain::Week]);
    assert_eq!(g("Летом 2020 года."), [Grain::Season]);
    assert_eq!(g("В первом квартале."), [Grain::Quarter]);
    assert_eq!(g("В первом полугодии."), [Grain::Half]);
    assert_eq!(g("В среду."), [Grain::Day]);
}

#[test]
fn odd_input_does_not_panic() {
    let long_list = "1, ".repeat(5000) + "2 июня";
    for text in ["", " ", "—", "9999999999 года", "31 февраля 2023 года", "0 января", "XXXXXXXXXXXX века", &long_list]
    {
        let _ = extract(text, "ru", Some("2025-07-03"));
        let _ = extract(text, "und", None);
    }
    let feb = extract("31 февраля 2023 года", "ru", None);
    assert!(feb.iter().all(|(_, v, _, _)| v == "2023-02"), "{feb:?}");
}

const RU_MORE_NOT_DATES: &[&str] = &[
    "Мы привыкли каждую весну и осень переводить стрелки часов.",
    "Клуб собирается каждое второе воскресенье месяца.",
    "Чемпион Европы Виктор Понедельник выразил мнение.",
    "Это было бы невозможно, сказал он, и несколько дней назад повторил.",
    "Все эти годы и прошлые годы были трудными.",
    "Предусмотрены выходные дни для участников.",
];

#[test]
fn russian_recurring_and_names_are_not_dates() {
    let rows: Vec<Row> = RU_MORE_NOT_DATES.iter().map(|t| (*t, &[][..])).collect();
    check(&rows, "ru", None);
}

const RU_MORE: &[Row] = &[
    ("Нострадамус предрек конец света на 3797 год.", &[("3797 год", "3797")]),
    ("Перестыковку перенесли на август-сентябрь.", &[("август", "XXXX-08"), ("сентябрь", "XXXX-09")]),
    ("Нефтепровод заработал в конце сентября 2010-го.", &[("конце сентября 2010-го", "2010-09")]),
    ("Накануне глава компании заявил об отставке.", &[("Накануне", "REL-1D")]),
    ("В прошедшее воскресенье прошел митинг.", &[("прошедшее воскресенье", "XXXX-WXX-7")]),
    ("Это осенью случилось.", &[("осенью", "XXXX-FA")]),
    ("Прошлым летом и этой весной шли дожди.", &[("Прошлым летом", "XXXX-SU"), ("этой весной", "XXXX-SP")]),
];

#[test]
fn russian_more_phenomena() {
    check(RU_MORE, "ru", None);
}

/// The stage's speed on real news: `cargo test --release --lib dates::tests::speed -- --ignored --nocapture`
/// (reads the texts of `GAZETA_SPEED_CORPUS`, a JSONL file with `text` fields, default the factRuEval dev set).
#[test]
#[ignore]
fn speed() {
    let path =
        std::env::var("GAZETA_SPEED_CORPUS").unwrap_or_else(|_| "../shared/eval/dev/factru-dev.gold.jsonl".into());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("no corpus at {path}");
        return;
    };
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let docs: Vec<Doc> = texts.iter().map(|t| Doc { text: t, lang: "ru", seg: segment::segment(t, "ru") }).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let extractor = DateExtractor::new();
    let reference = NaiveDate::from_ymd_opt(2025, 7, 3);
    let (mut found, rounds) = (0, 50);
    let start = std::time::Instant::now();
    for round in 0..rounds {
        for d in &docs {
            found += extractor.extract(d, if round % 2 == 0 { None } else { reference }).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    eprintln!(
        "dates stage: {} docs, {:.2} MB x {rounds} rounds in {secs:.3} s = {:.1} MB/s ({} dates per round)",
        docs.len(),
        bytes as f64 / 1e6,
        mb / secs,
        found / rounds
    );
}
