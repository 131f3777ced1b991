//! Phenomena tables for the recognizer, on sentences written for these tests.

use super::Recognizer;
use crate::analysis::{Entity, EntityType, Mention};
use crate::doc::Doc;
use crate::segment;
use EntityType::{Location as LOC, Organization as ORG, Person as PER};

fn run(r: &Recognizer, text: &str) -> (Vec<Mention>, Vec<Entity>) {
    let doc = Doc { text, lang: "ru", seg: segment::segment(text, "ru") };
    r.recognize(&doc)
}

/// (text of the span, type, normal) of every mention.
fn spans(r: &Recognizer, text: &str) -> Vec<(String, EntityType, String)> {
    run(r, text).0.into_iter().map(|m| (text[m.start..m.end].to_string(), m.kind, m.normal)).collect()
}

/// Each sentence must hold a mention of `span` with this type and normal form.
#[test]
fn normalizes_names_to_the_nominative() {
    let r = Recognizer::new();
    let table: &[(&str, &str, EntityType, &str)] = &[
        (
            "Вопрос задала секретарь Союза журналистов Казахстана Баян Рамазановой.",
            "Баян Рамазановой",
            PER,
            "Баян Рамазанова",
        ),
        ("Делегация прибыла из Цзюцзяна в понедельник.", "Цзюцзяна", LOC, "Цзюцзян"),
        ("Город развивает связи с Центральной Азией и Африкой.", "Центральной Азией", LOC, "Центральная Азия"),
        (
            "Вопрос задала секретарь Союза журналистов Казахстана Баян Рамазановой.",
            "Союза журналистов Казахстана",
            ORG,
            "Союз журналистов Казахстана",
        ),
        (
            "Это отвечает требованиям министерства иностранных дел Китая.",
            "министерства иностранных дел Китая",
            ORG,
            "министерство иностранных дел Китая",
        ),
        ("Форум прошел в Алматы при поддержке акимата.", "Алматы", LOC, "Алматы"),
        ("Делегации из провинций Шаньси и Хубэй подписали меморандум.", "Шаньси", LOC, "Шаньси"),
        ("Встреча с Юрием Лужковым прошла в мэрии.", "Юрием Лужковым", PER, "Юрий Лужков"),
        (
            "Регионы – Алматинская и Туркестанская области – подписали договор.",
            "Туркестанская области",
            LOC,
            "Туркестанская область",
        ),
        (
            "Регионы – Алматинская и Туркестанская области – подписали договор.",
            "Алматинская",
            LOC,
            "Алматинская область",
        ),
        ("Посол встретился с Анной Ивановой в Москве.", "Анной Ивановой", PER, "Анна Иванова"),
        ("Соглашение подписали в Нью-Йорке.", "Нью-Йорке", LOC, "Нью-Йорк"),
        ("Об этом рассказал Нуржан Нуртаевич Алтаев.", "Нуржан Нуртаевич Алтаев", PER, "Нуржан Нуртаевич Алтаев"),
        ("Задержан гражданин Китая Ван Лэй.", "Ван Лэй", PER, "Ван Лэй"),
        ("Переговоры с Си Цзиньпином прошли в Пекине.", "Си Цзиньпином", PER, "Си Цзиньпин"),
        ("Премию вручили Дархану Сатыбалды.", "Дархану Сатыбалды", PER, "Дархан Сатыбалды"),
        ("Премию вручили Асель Жанбуршиной.", "Асель Жанбуршиной", PER, "Асель Жанбуршина"),
        ("Делегация посетила Виргинские острова.", "Виргинские острова", LOC, "Виргинские острова"),
    ];
    for &(text, span, kind, normal) in table {
        let got = spans(&r, text);
        assert!(
            got.iter().any(|(s, k, n)| s == span && *k == kind && n == normal),
            "{text}: want {span} {kind:?} {normal}, got {got:?}"
        );
    }
}

#[test]
fn finds_unknown_foreign_names_by_context() {
    let r = Recognizer::new();
    let table: &[(&str, &str, EntityType)] = &[
        ("Об этом сказал вице-мэр Цзюцзяна Чэн Шулянь на форуме.", "Чэн Шулянь", PER),
        ("На брифинге выступил министр торговли Китая Чжан Вэймин.", "Чжан Вэймин", PER),
        ("Новый завод построят в Кашкабаде, сообщил аким.", "Кашкабаде", LOC),
        ("С заявлением выступил президент Жаксылыков.", "Жаксылыков", PER),
        ("Вчера Эдвин Гроссмайер посетил выставку.", "Эдвин Гроссмайер", PER),
    ];
    for &(text, span, kind) in table {
        let got = spans(&r, text);
        assert!(got.iter().any(|(s, k, _)| s == span && *k == kind), "{text}: want {span} {kind:?}, got {got:?}");
    }
}

#[test]
fn detects_organizations() {
    let r = Recognizer::new();
    let table: &[(&str, &str)] = &[
        ("Акции компании «Казахтелеком» выросли на 3%.", "Казахтелеком"),
        ("Об этом передает КазТАГ.", "КазТАГ"),
        ("Представители партии «Зеленый путь» провели митинг.", "Зеленый путь"),
        ("Решение принял Верховный суд страны.", "Верховный суд"),
        ("Новости читайте в Telegram.", "Telegram"),
        ("Решение поддержали в НАТО и ООН.", "НАТО"),
        ("Как сообщил «Газпром», поставки продолжатся.", "Газпром"),
        ("Акцию поддержали движение «Молодая волна» и «Жилищный союз».", "Жилищный союз"),
        ("Цены выросли, сообщает «Курсив».", "Курсив"),
        ("Об этом пишет издание Vlast.kz со ссылкой на источники.", "Vlast.kz"),
        ("Выступил Комитет по делам молодежи при акимате.", "Комитет по делам молодежи при акимате"),
    ];
    for &(text, span) in table {
        let got = spans(&r, text);
        assert!(got.iter().any(|(s, k, _)| s == span && *k == ORG), "{text}: want ORG {span}, got {got:?}");
    }
}

#[test]
fn titles_in_quotes_are_not_entities() {
    let r = Recognizer::new();
    let table: &[(&str, &str)] = &[
        ("Форум «Пояса и Пути» собрал журналистов из 20 стран.", "Пояса"),
        ("Премьера фильма «Белое солнце» состоится в пятницу.", "Белое"),
        ("Акция «День гнева» прошла без происшествий.", "День"),
        ("Роман «Война и мир» переиздан.", "Война"),
    ];
    for &(text, word) in table {
        let got = spans(&r, text);
        assert!(got.iter().all(|(s, _, _)| !s.contains(word)), "{text}: {word} must not be a mention, got {got:?}");
    }
}

#[test]
fn common_words_are_not_entities() {
    let r = Recognizer::new();
    for text in [
        "Напомним, решение было принято в прошлом году.",
        "Однако эксперты считают иначе.",
        "Замглавы ведомства отметил рост показателей.",
        "",
        "12345 — 678!",
        "Экипаж вернулся на корабле ТМА-20 после полета Ту-154.",
    ] {
        let got = spans(&r, text);
        assert!(got.is_empty(), "{text}: got {got:?}");
    }
}

#[test]
fn groups_mentions_of_one_entity() {
    let r = Recognizer::new();
    let text = "Президент Франции Николя Саркози прибыл в Китай. Саркози обсудил с властями КНР торговлю. \
                Визит Саркози в Китае продлится два дня.";
    let (mentions, entities) = run(&r, text);
    let ids = |span: &str| -> Vec<usize> {
        mentions.iter().filter(|m| &text[m.start..m.end] == span).map(|m| m.entity).collect()
    };
    let sarkozy = ids("Николя Саркози")[0];
    assert!(ids("Саркози").iter().all(|&e| e == sarkozy), "{mentions:?}");
    assert_eq!(entities[sarkozy].name, "Николя Саркози");
    assert_eq!(entities[sarkozy].mentions, 3);
    let china = ids("Китай")[0];
    assert_eq!(ids("Китае"), vec![china]);
    assert_eq!(ids("КНР"), vec![china]);
    // Ids follow the order of first mention.
    for (i, e) in entities.iter().enumerate() {
        assert_eq!(e.id, i);
    }
    let mut seen = 0;
    for m in &mentions {
        assert!(m.entity <= seen);
        seen = seen.max(m.entity + 1);
    }
}

#[test]
fn different_first_names_are_different_people() {
    let r = Recognizer::new();
    let text = "Барак Обама и Мишель Обама посетили школу. Обама выступил с речью.";
    let (mentions, _) = run(&r, text);
    assert_eq!(mentions.len(), 3, "{mentions:?}");
    assert_ne!(mentions[0].entity, mentions[1].entity);
}

#[test]
fn other_languages_and_odd_input_give_nothing_and_do_not_panic() {
    let r = Recognizer::new();
    let doc = Doc { text: "Pariisi on Ranskassa.", lang: "fi", seg: segment::segment("Pariisi on Ranskassa.", "fi") };
    assert!(r.recognize(&doc).0.is_empty());
    for text in ["«", "»»«« \"\" „“", "А", "ЁЁЁ-ЁЁЁ", "\u{200d}\u{0301}Ж", "В «", "Ли", "Мэр Ли"]
    {
        let (m, e) = run(&r, text);
        for x in &m {
            assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end) && x.entity < e.len());
        }
    }
}

/// Prints the mentions of `NER_DEBUG` (a sentence): `NER_DEBUG=… cargo test --lib ner_debug -- --ignored --nocapture`.
#[test]
#[ignore]
fn ner_debug() {
    let Ok(text) = std::env::var("NER_DEBUG") else { return };
    let r = Recognizer::new();
    for (s, k, n) in spans(&r, &text) {
        eprintln!("{k:?}\t{s}\t→ {n}");
    }
}

fn spans_en(r: &Recognizer, text: &str) -> Vec<(String, EntityType)> {
    let doc = Doc { text, lang: "en", seg: segment::segment(text, "en") };
    r.recognize(&doc).0.into_iter().map(|m| (text[m.start..m.end].to_string(), m.kind)).collect()
}

#[test]
fn english_names_by_capitalization_and_lists() {
    let r = Recognizer::new();
    let text = "President Kassym-Jomart Tokayev met Chinese leader Xi Jinping in Astana on Monday. \
                The talks were attended by officials of the Ministry of Foreign Affairs and the Asian Development \
                Bank, Reuters reported. Tokayev's spokesman Ruslan Zheldibay said the United States was not invited.";
    let got = spans_en(&r, text);
    for (span, kind) in [
        ("Kassym-Jomart Tokayev", PER),
        ("Xi Jinping", PER),
        ("Astana", LOC),
        ("Ministry of Foreign Affairs", ORG),
        ("Asian Development Bank", ORG),
        ("Reuters", ORG),
        ("Tokayev", PER),
        ("Ruslan Zheldibay", PER),
        ("United States", LOC),
    ] {
        assert!(got.iter().any(|(s, k)| s == span && *k == kind), "want {span} {kind:?}, got {got:?}");
    }
    assert!(got.iter().all(|(s, _)| s != "Monday" && s != "The"), "{got:?}");

    let text = "ASTANA – Kazakh President Kassym-Jomart Tokayev spoke at the Shanghai Cooperation Organization \
                summit. Mr. Smith of China National Petroleum Corporation attended.";
    let got = spans_en(&r, text);
    for (span, kind) in [
        ("ASTANA", LOC),
        ("Kassym-Jomart Tokayev", PER),
        ("Shanghai Cooperation Organization", ORG),
        ("Smith", PER),
        ("China National Petroleum Corporation", ORG),
    ] {
        assert!(got.iter().any(|(s, k)| s == span && *k == kind), "want {span} {kind:?}, got {got:?}");
    }
}

/// Pseudo-random texts from a pool of names, words, quote marks and odd characters: no panic, and the output
/// keeps its guarantees (char boundaries, text order, no overlap, ids in order of first mention).
#[test]
fn random_texts_keep_the_guarantees() {
    let pool = [
        "Москва",
        "Чэн",
        "Шулянь",
        "«",
        "»",
        "„",
        "“",
        "\"",
        "(",
        ")",
        "Союза",
        "журналистов",
        "Казахстана",
        "и",
        "в",
        "Баян",
        "Рамазановой",
        ".",
        ",",
        "—",
        "-",
        "министерства",
        "Ли",
        "Ким",
        "аль-Хадж",
        "бин",
        "Ван",
        "NATO",
        "Bank",
        "of",
        "China",
        "Lenta",
        ".ru",
        "А.",
        "Туркестанская",
        "области",
        "Алматинская",
        "ООО",
        "ТОО",
        "🐈",
        "\u{301}",
        "Ё",
        "ЁЛКА",
        "президент",
        "\n",
        "Иван",
        "Петров",
        "компании",
        "Газпром",
        "Жан-Мари",
        "Ле",
        "Пен",
    ];
    let r = Recognizer::new();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..400 {
        let mut text = String::new();
        let n = (round % 40) + 1;
        for _ in 0..n {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(pool[(seed >> 33) as usize % pool.len()]);
            if !(seed >> 20).is_multiple_of(3) {
                text.push(' ');
            }
        }
        for lang in ["ru", "en"] {
            let doc = Doc { text: &text, lang, seg: segment::segment(&text, lang) };
            let (mentions, entities) = r.recognize(&doc);
            let mut prev_end = 0;
            let mut next_id = 0;
            for m in &mentions {
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.start < m.end, "{text:?}");
                assert!(m.start >= prev_end, "overlap in {text:?}: {mentions:?}");
                prev_end = m.end;
                assert!(m.entity <= next_id, "{text:?}");
                next_id = next_id.max(m.entity + 1);
                assert!(!m.normal.is_empty());
            }
            assert_eq!(entities.len(), next_id);
            assert_eq!(entities.iter().map(|e| e.mentions).sum::<usize>(), mentions.len());
        }
    }
}

/// A long text (repeated sentences, runaway quote marks) is handled in time linear in its length.
#[test]
fn long_texts_stay_linear() {
    let r = Recognizer::new();
    let unit = "Президент Казахстана Касым-Жомарт Токаев встретился в Астане с Чэн Шулянем и представителями \
                компании «Газпром» (Gazprom) и Союза журналистов Казахстана. «««« Токаев отметил рост. ";
    let text = unit.repeat(3000);
    let start = std::time::Instant::now();
    let doc = Doc { text: &text, lang: "ru", seg: segment::segment(&text, "ru") };
    let (mentions, entities) = r.recognize(&doc);
    assert!(mentions.len() >= 3000 * 6, "{}", mentions.len());
    assert!(entities.len() < 20, "{entities:?}");
    assert!(start.elapsed().as_secs() < 20);
}
