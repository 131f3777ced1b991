//! Resolution with hand-built mentions, English, dictionary-backed cases, the team-written article sets,
//! robustness and speed.

use super::QuoteExtractor;
use super::tests::{check, run, run_en, run_with};
use crate::analysis::{Entity, EntityType, Mention, QuoteKind};
use crate::doc::Doc;
use crate::segment;

use QuoteKind::{Direct, Indirect};

#[test]
fn resolution_uses_mentions_and_entities() {
    let text = "«Проект окупится», — сказал глава холдинга Нурлан Жакупов. Баян Рамазанова спросила о сроках.\n\
                Он ответил, что работы завершат в июле.";
    let m = |s: &str, normal: &str, kind, entity| {
        let start = text.find(s).unwrap();
        Mention { start, end: start + s.len(), text: String::new(), kind, normal: normal.into(), entity }
    };
    let mentions = vec![
        m("Нурлан Жакупов", "Нурлан Жакупов", EntityType::Person, 1),
        m("Баян Рамазанова", "Баян Рамазанова", EntityType::Person, 2),
    ];
    let entities = vec![
        Entity { id: 1, kind: EntityType::Person, name: "Нурлан Жакупов".into(), mentions: 1 },
        Entity { id: 2, kind: EntityType::Person, name: "Баян Рамазанова".into(), mentions: 1 },
    ];
    let doc = Doc { text, lang: "ru", seg: segment::segment(text, "ru") };
    let quotes = QuoteExtractor::new().extract(&doc, &mentions, &entities);
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    let s0 = quotes[0].speaker.as_ref().unwrap();
    assert_eq!((s0.entity, s0.name.as_deref()), (Some(1), Some("Нурлан Жакупов")));
    let s1 = quotes[1].speaker.as_ref().unwrap();
    assert_eq!(&text[s1.start..s1.end], "Он");
    assert_eq!((s1.entity, s1.name.as_deref()), (Some(1), Some("Нурлан Жакупов")));
}

#[test]
fn resolution_maps_inflected_mention_to_entity() {
    let text = "По словам Дурова, мессенджер не передает данные.";
    let start = text.find("Дурова").unwrap();
    let mentions = vec![Mention {
        start,
        end: start + "Дурова".len(),
        text: String::new(),
        kind: EntityType::Person,
        normal: "Дуров".into(),
        entity: 7,
    }];
    let entities = vec![Entity { id: 7, kind: EntityType::Person, name: "Павел Дуров".into(), mentions: 2 }];
    let rows = run_with(text, "ru", &mentions, &entities);
    check(&rows, 0, Indirect, "мессенджер не передает данные", Some("Дурова"), Some("Павел Дуров"));
}

#[test]
fn english_patterns() {
    let rows = run_en("\"We will not raise taxes,\" Finance Minister John Smith said on Monday.");
    check(&rows, 0, Direct, "We will not raise taxes", Some("John Smith"), Some("John Smith"));
    let rows = run_en("\"The talks were useful,\" said Maria Lopez, a spokeswoman for the ministry.");
    check(&rows, 0, Direct, "The talks were useful", Some("Maria Lopez"), Some("Maria Lopez"));
    let rows = run_en("The minister said that the plant would reopen in May.");
    check(&rows, 0, Indirect, "the plant would reopen in May", Some("minister"), Some("minister"));
    let rows = run_en("According to Smith, the deal is almost done.");
    check(&rows, 0, Indirect, "the deal is almost done", Some("Smith"), Some("Smith"));
    let rows = run_en("He said: \"Nothing has been decided yet.\"");
    check(&rows, 0, Direct, "Nothing has been decided yet.", Some("He"), None);
    let rows = run_en("The plant will reopen in May, the minister said.");
    check(&rows, 0, Indirect, "The plant will reopen in May", Some("minister"), Some("minister"));
    let rows = run_en("Critics say the project was delayed by two years.");
    check(&rows, 0, Indirect, "the project was delayed by two years", Some("Critics"), Some("Critics"));
    let rows = run_en("He said goodbye to his colleagues.");
    assert!(rows.is_empty(), "{rows:#?}");
    let rows = run_en("Oil prices rose on Monday, Reuters reports.");
    assert!(rows.is_empty(), "source line: {rows:#?}");
    let rows = run_en("The company released its \"Green Future\" plan on Tuesday.");
    assert!(rows.is_empty(), "{rows:#?}");
}

#[test]
fn odd_input_does_not_panic() {
    for text in ["«««", "»»» — сказал он", "— — —", "\"\"\"", "по словам", "Об этом заявил", "Как сообщил"]
    {
        let _ = run(text);
        let _ = run_en(text);
    }
}

#[test]
fn dictionary_knows_names_places_and_common_words() {
    let rows = run("Мать ребенка призналась, что оставила сына одного.");
    check(&rows, 0, Indirect, "оставила сына одного", Some("Мать ребенка"), Some("Мать ребенка"));
    let rows = run("В полиции сообщили, что начата проверка.");
    check(&rows, 0, Indirect, "начата проверка", Some("полиции"), Some("полиция"));
    let rows = run("Министр встретился с послом Германии. Посол подчеркнул, что инвестиции вырастут.");
    check(&rows, 0, Indirect, "инвестиции вырастут", Some("Посол"), Some("Посол"));
    let rows = run("Как пишет издание Kapital.kz, инвестиции выросли.");
    check(&rows, 0, Indirect, "инвестиции выросли", Some("Kapital.kz"), Some("Kapital.kz"));
    let rows = run("Бораш назвал нового наставника «человеком, который знает команду изнутри».");
    check(&rows, 0, Direct, "человеком, который знает команду изнутри", Some("Бораш"), Some("Бораш"));
    let rows = run("Впоследствии Иванов заявил, что документы были подписаны.");
    check(&rows, 0, Indirect, "документы были подписаны", Some("Иванов"), Some("Иванов"));
    let rows = run("По словам Марии Захаровой, ответ будет симметричным.");
    check(&rows, 0, Indirect, "ответ будет симметричным", Some("Марии Захаровой"), Some("Мария Захарова"));
    let rows = run("«Мы готовы», — сказал президент России Владимир Путин.");
    check(&rows, 0, Direct, "Мы готовы", Some("Владимир Путин"), Some("Владимир Путин"));
}

/// The team-written articles of `data/quotes/dev/` through the recognizer and the quote stage, scored like
/// `eval/score.py quotes`: a quote matches when the
/// spans overlap by half the longer one; the speaker when one name is a run of the other's words.
#[test]
fn team_sets() {
    let sets = [
        include_str!("../../data/quotes/dev/team-set-1.jsonl"),
        include_str!("../../data/quotes/dev/team-set-2.jsonl"),
        include_str!("../../data/quotes/dev/team-set-3.jsonl"),
        include_str!("../../data/quotes/dev/team-set-4.jsonl"),
        include_str!("../../data/quotes/dev/team-set-5.jsonl"),
        include_str!("../../data/quotes/dev/team-set-6.jsonl"),
    ];
    let norm = |s: &str| s.to_lowercase().replace('ё', "е").replace('-', " ");
    let same = |g: &str, p: &str| {
        let (g, p) = (norm(g), norm(p));
        let (gw, pw): (Vec<&str>, Vec<&str>) = (g.split_whitespace().collect(), p.split_whitespace().collect());
        let (short, long) = if gw.len() <= pw.len() { (gw, pw) } else { (pw, gw) };
        !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
    };
    let (mut gold, mut pred, mut tp, mut with_speaker) = (0, 0, 0, 0);
    let (ner, extractor) = (crate::ner::Recognizer::new(), QuoteExtractor::new());
    for line in sets.iter().flat_map(|s| s.lines()) {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = rec["text"].as_str().unwrap();
        let lang = if text.is_ascii() { "en" } else { "ru" };
        let doc = Doc { text, lang, seg: segment::segment(text, lang) };
        // As in the pipeline: the recognizer's mentions and entities feed speaker resolution.
        let (mentions, entities) = ner.recognize(&doc);
        let mut quotes = extractor.extract(&doc, &mentions, &entities);
        let chars = |b: usize| text[..b].chars().count();
        for q in &mut quotes {
            (q.start, q.end) = (chars(q.start), chars(q.end));
        }
        let golds = rec["quotes"].as_array().unwrap();
        gold += golds.len();
        pred += quotes.len();
        for g in golds {
            let (gs, ge) = (g["start"].as_u64().unwrap() as usize, g["end"].as_u64().unwrap() as usize);
            let hit = quotes.iter().find(|q| {
                let overlap = q.end.min(ge).saturating_sub(q.start.max(gs));
                overlap * 2 >= (q.end - q.start).max(ge - gs)
            });
            let Some(q) = hit else { continue };
            tp += 1;
            let g_name = g["speaker"]["name"].as_str().unwrap_or("");
            let p_name = q.speaker.as_ref().and_then(|s| s.name.clone().or_else(|| Some(text[s.start..s.end].into())));
            // Speaker spans are byte offsets here; names are what count.
            with_speaker += same(g_name, p_name.as_deref().unwrap_or("")) as usize;
        }
    }
    let f1 = |tp: usize| 2.0 * tp as f64 / (gold + pred) as f64;
    assert!(f1(tp) >= 0.95, "quote F1 {:.3} ({tp}/{gold} gold, {pred} predicted)", f1(tp));
    assert!(f1(with_speaker) >= 0.9, "with-speaker F1 {:.3}", f1(with_speaker));
}

#[test]
fn headlines_parentheticals_and_company_names() {
    let rows = run("Токаев: «Реформы будут продолжены»\nПрезидент выступил перед депутатами.");
    check(&rows, 0, Direct, "Реформы будут продолжены", Some("Токаев"), Some("Токаев"));
    let rows = run_en("The central bank, he said, should keep policy tight.");
    check(&rows, 0, Indirect, "The central bank, he said, should keep policy tight", Some("he"), None);
    let rows =
        run("«Объем перевозок вырос», — говорит председатель правления «Казахстан темир жолы» Нурлан Сауранбаев.");
    check(&rows, 0, Direct, "Объем перевозок вырос", Some("Нурлан Сауранбаев"), Some("Нурлан Сауранбаев"));
}

/// Random mixtures of the characters the rules react to never panic and keep offsets on char boundaries.
#[test]
fn random_text_never_panics() {
    let pieces = [
        "«",
        "»",
        "„",
        "“",
        "”",
        "\"",
        " — ",
        " - ",
        ", ",
        ". ",
        ": ",
        "\n",
        "сказал",
        "заявила",
        "что",
        "по",
        "словам",
        "Об",
        "этом",
        "как",
        "сообщил",
        "Иван",
        "Петров",
        "он",
        "она",
        "которая",
        "спикер",
        "глава",
        "МИД",
        "в",
        "ли",
        "🐈",
        "é",
        "А.",
        "Kapital.kz",
        "said",
        "that",
        "according",
        "to",
        "he",
        " ",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut text = String::new();
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let n = ((seed >> 33) % 40) as usize;
        for _ in 0..n {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[((seed >> 11) % pieces.len() as u64) as usize]);
        }
        for lang in ["ru", "en"] {
            let doc = Doc { text: &text, lang, seg: segment::segment(&text, lang) };
            for q in QuoteExtractor::new().extract(&doc, &[], &[]) {
                assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end) && q.start <= q.end, "{text:?}");
                if let Some(s) = q.speaker {
                    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{text:?}");
                }
            }
        }
    }
}

#[test]
fn kaztag_style_attributions() {
    let rows = run("\"Вода прибывает\", - сообщили агентству в департаменте по чрезвычайным ситуациям региона.");
    check(
        &rows,
        0,
        Direct,
        "Вода прибывает",
        Some("департаменте по чрезвычайным ситуациям региона"),
        Some("департамент по чрезвычайным ситуациям региона"),
    );
    let rows = run("\"Это позволит снизить очереди\", - отметил вице-министр торговли и интеграции Кайрат Торебаев.");
    check(&rows, 0, Direct, "Это позволит снизить очереди", Some("Кайрат Торебаев"), Some("Кайрат Торебаев"));
    let rows = run(
        "Посол КНР в Казахстане Чжан Сяо, в свою очередь, назвал проект \"важным шагом в развитии сотрудничества\".",
    );
    check(&rows, 0, Direct, "важным шагом в развитии сотрудничества", Some("Чжан Сяо"), Some("Чжан Сяо"));
    let rows = run("Министерство торговли тем временем заверило, что запасов достаточно.");
    check(&rows, 0, Indirect, "запасов достаточно", Some("Министерство торговли"), Some("Министерство торговли"));
}

#[test]
fn a_body_refers_back_to_the_last_named_body() {
    let rows = run(
        "Министерство торговли заверило, что запасов достаточно. «Оснований для паники нет», - подчеркнули в ведомстве.",
    );
    check(&rows, 1, Direct, "Оснований для паники нет", Some("ведомстве"), Some("Министерство торговли"));
}
