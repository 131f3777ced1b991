//! Phenomenon tables for the quote stage, with sentences written for these tests.

use super::QuoteExtractor;
use crate::analysis::{Entity, EntityType, Mention, QuoteKind};
use crate::doc::Doc;
use crate::segment;

/// (kind, content, cue, speaker text, speaker name) of every quote found.
type Row = (QuoteKind, String, Option<String>, Option<String>, Option<String>);

fn run_with(text: &str, lang: &'static str, mentions: &[Mention], entities: &[Entity]) -> Vec<Row> {
    let doc = Doc { text, lang, seg: segment::segment(text, lang) };
    let quotes = QuoteExtractor::new().extract(&doc, mentions, entities);
    let mut last = 0;
    quotes
        .into_iter()
        .map(|q| {
            assert!(q.start >= last && q.start < q.end, "order/overlap in {text:?}");
            last = q.end;
            assert!(q.text.is_empty());
            (
                q.kind,
                text[q.start..q.end].to_string(),
                q.cue.map(|c| text[c.start..c.end].to_string()),
                q.speaker.as_ref().map(|s| text[s.start..s.end].to_string()),
                q.speaker.and_then(|s| s.name),
            )
        })
        .collect()
}

fn run(text: &str) -> Vec<Row> {
    run_with(text, "ru", &[], &[])
}

fn run_en(text: &str) -> Vec<Row> {
    run_with(text, "en", &[], &[])
}

/// Checks one quote: kind, content, speaker text and resolved name.
fn check(rows: &[Row], k: usize, kind: QuoteKind, content: &str, speaker: Option<&str>, name: Option<&str>) {
    let Some(r) = rows.get(k) else { panic!("no quote #{k} in {rows:#?}") };
    assert_eq!(r.0, kind, "kind of {rows:#?}");
    assert_eq!(r.1, content, "content of {rows:#?}");
    assert_eq!(r.3.as_deref(), speaker, "speaker of {rows:#?}");
    assert_eq!(r.4.as_deref(), name, "name of {rows:#?}");
}

use QuoteKind::{Direct, Indirect, Mixed};

#[test]
fn direct_quote_then_dash_and_cue() {
    for dash in ["-", "–", "—"] {
        let text =
            format!("«Мы откроем новый терминал уже в этом году», {dash} сказал министр транспорта Марат Карабаев.");
        let rows = run(&text);
        assert_eq!(rows.len(), 1, "{rows:#?}");
        check(
            &rows,
            0,
            Direct,
            "Мы откроем новый терминал уже в этом году",
            Some("Марат Карабаев"),
            Some("Марат Карабаев"),
        );
        assert_eq!(rows[0].2.as_deref(), Some("сказал"));
    }
}

#[test]
fn direct_quote_with_role_and_genitive_place() {
    let rows = run("«Мы готовы к сотрудничеству», — заявил аким Шымкента Габит Сыздыкбеков журналистам.");
    check(&rows, 0, Direct, "Мы готовы к сотрудничеству", Some("Габит Сыздыкбеков"), Some("Габит Сыздыкбеков"));
    let rows = run("«Решение будет принято в августе», — сообщила пресс-секретарь министерства Айгерим Касенова.");
    check(&rows, 0, Direct, "Решение будет принято в августе", Some("Айгерим Касенова"), Some("Айгерим Касенова"));
}

#[test]
fn colon_without_speech_verb() {
    let rows = run("Сам Александр Белов оказался дипломатичнее: «Нас никто не предупреждал о переносе акции».");
    check(
        &rows,
        0,
        Direct,
        "Нас никто не предупреждал о переносе акции",
        Some("Александр Белов"),
        Some("Александр Белов"),
    );
    assert_eq!(rows[0].2, None);
    let rows = run("Надпись гласила: «Добро пожаловать в наш город».");
    assert!(rows.is_empty(), "{rows:#?}");
    let rows =
        run("«Вопрос закрыт», — сказал в беседе с корреспондентом «Голоса Америки» лидер движения Александр Белов.");
    check(&rows, 0, Direct, "Вопрос закрыт", Some("Александр Белов"), Some("Александр Белов"));
}

#[test]
fn colon_before_quote() {
    let rows = run("Глава ведомства Ерлан Нурмагамбетов заявил: «Тарифы в этом году расти не будут». Затем он уехал.");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    check(
        &rows,
        0,
        Direct,
        "Тарифы в этом году расти не будут",
        Some("Ерлан Нурмагамбетов"),
        Some("Ерлан Нурмагамбетов"),
    );
}

#[test]
fn interrupted_quote_is_two_quotes() {
    let rows = run("«Мы не планируем повышать налоги, — сказал Алихан Смаилов, — но бюджет придется пересмотреть».");
    assert_eq!(rows.len(), 2, "{rows:#?}");
    check(&rows, 0, Direct, "Мы не планируем повышать налоги", Some("Алихан Смаилов"), Some("Алихан Смаилов"));
    check(&rows, 1, Direct, "но бюджет придется пересмотреть", Some("Алихан Смаилов"), Some("Алихан Смаилов"));
}

#[test]
fn nested_quotes_and_several_sentences() {
    let text = "«Мы работаем с городами стран «Пояса и Пути». Это важно. Будем продолжать», - пояснил Ли Вэй.";
    let rows = run(text);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    check(
        &rows,
        0,
        Direct,
        "Мы работаем с городами стран «Пояса и Пути». Это важно. Будем продолжать",
        Some("Ли Вэй"),
        Some("Ли Вэй"),
    );
}

#[test]
fn quote_over_paragraphs() {
    let text = "Министр подробно рассказал о планах.\n«Первое — дороги. Мы их построим.\n«Второе — школы. Их тоже построим», — сказал Бахыт Султанов.";
    let rows = run(text);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert!(rows[0].1.starts_with("Первое") && rows[0].1.ends_with("построим"), "{rows:#?}");
    assert_eq!(rows[0].4.as_deref(), Some("Бахыт Султанов"));
}

#[test]
fn other_quote_marks() {
    let rows = run("„Ситуация под контролем“, — сказал Сергей Иванов.");
    check(&rows, 0, Direct, "Ситуация под контролем", Some("Сергей Иванов"), Some("Сергей Иванов"));
    let rows = run("\"Мы ждем ответа\", - отметил Иван Петров.");
    check(&rows, 0, Direct, "Мы ждем ответа", Some("Иван Петров"), Some("Иван Петров"));
}

#[test]
fn role_and_pronoun_resolve_to_previous_speaker() {
    let text = "«Экспорт вырос на треть», — сказал министр торговли Арман Шаккалиев.\n\
                Глава ведомства отметил, что рост продолжится.\n\
                «Мы довольны», — добавил спикер.\n\
                Он также отметил, что цены стабильны.";
    let rows = run(text);
    assert_eq!(rows.len(), 4, "{rows:#?}");
    check(&rows, 1, Indirect, "рост продолжится", Some("Глава ведомства"), Some("Арман Шаккалиев"));
    check(&rows, 2, Direct, "Мы довольны", Some("спикер"), Some("Арман Шаккалиев"));
    check(&rows, 3, Indirect, "цены стабильны", Some("Он"), Some("Арман Шаккалиев"));
}

#[test]
fn pronoun_gender_skips_other_person() {
    let text = "«Вопрос решен», — сказала Анна Ковалева.\n«Не совсем», — ответил Игорь Смирнов.\nОна уточнила, что документ подписан.";
    let rows = run(text);
    check(&rows, 2, Indirect, "документ подписан", Some("Она"), Some("Анна Ковалева"));
}

#[test]
fn indirect_speech_patterns() {
    let rows = run("Министр финансов Ерулан Жамаубаев отметил, что дефицит бюджета сократится.");
    check(&rows, 0, Indirect, "дефицит бюджета сократится", Some("Ерулан Жамаубаев"), Some("Ерулан Жамаубаев"));
    let rows = run("По словам Жамаубаева, дефицит бюджета сократится.");
    check(&rows, 0, Indirect, "дефицит бюджета сократится", Some("Жамаубаева"), Some("Жамаубаев"));
    let rows = run("Как сообщил аким области Ерлан Аксакалов, ремонт завершат к осени.");
    check(&rows, 0, Indirect, "ремонт завершат к осени", Some("Ерлан Аксакалов"), Some("Ерлан Аксакалов"));
    let rows = run("Ремонт завершат к осени, сообщил Ерлан Аксакалов.");
    check(&rows, 0, Indirect, "Ремонт завершат к осени", Some("Ерлан Аксакалов"), Some("Ерлан Аксакалов"));
    let rows = run("Эксперт Данияр Ашимбаев считает, что выборы пройдут спокойно.");
    check(&rows, 0, Indirect, "выборы пройдут спокойно", Some("Данияр Ашимбаев"), Some("Данияр Ашимбаев"));
    let rows = run("Журналисты спрашивали, будет ли повышен тариф.");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0].1, "будет ли повышен тариф");
}

#[test]
fn about_this_takes_the_sentence_before() {
    let rows = run("Строительство моста начнется в мае. Об этом заявил вице-министр Талгат Ластаев.");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    check(&rows, 0, Indirect, "Строительство моста начнется в мае", Some("Талгат Ластаев"), Some("Талгат Ластаев"));
}

#[test]
fn parenthetical_attribution_takes_the_sentence() {
    let rows = run("Новый аэропорт, по словам губернатора, откроется в 2027 году.");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0].1, "Новый аэропорт, по словам губернатора, откроется в 2027 году");
}

#[test]
fn mixed_speech() {
    let rows = run("Министр признала, что отсутствие партнеров \"своего рода потеря\" для отрасли.");
    check(&rows, 0, Mixed, "отсутствие партнеров \"своего рода потеря\" для отрасли", Some("Министр"), Some("Министр"));
    let rows = run("Депутат Иван Сидоров потребовал «немедленно» восстановить подачу воды.");
    assert_eq!(rows[0].0, Mixed, "{rows:#?}");
}

#[test]
fn direct_что_clause_in_marks() {
    let rows = run("Президент подчеркнул, что «никаких уступок не будет».");
    check(&rows, 0, Direct, "никаких уступок не будет", Some("Президент"), Some("Президент"));
}

#[test]
fn coordinated_cues_give_two_quotes() {
    let rows = run("Нуртлеу сказал, что переговоры продолжатся, и добавил, что встреча пройдет в Астане.");
    assert_eq!(rows.len(), 2, "{rows:#?}");
    check(&rows, 0, Indirect, "переговоры продолжатся", Some("Нуртлеу"), Some("Нуртлеу"));
    assert_eq!(rows[1].1, "встреча пройдет в Астане");
    assert_eq!(rows[1].4.as_deref(), Some("Нуртлеу"));
}

#[test]
fn surname_takes_the_full_name_given_elsewhere() {
    let text = "Касым-Жомарт Токаев провел совещание.\nТокаев заявил, что реформы продолжатся.";
    let rows = run(text);
    check(&rows, 0, Indirect, "реформы продолжатся", Some("Токаев"), Some("Касым-Жомарт Токаев"));
}

#[test]
fn relative_pronoun_speaker() {
    let rows = run("Слово взяла Гульнара Ахметова, которая отметила, что школ не хватает.");
    check(&rows, 0, Indirect, "школ не хватает", Some("которая"), Some("Гульнара Ахметова"));
}

#[test]
fn dialogue_lines() {
    let rows = run("— Дополз! — сказал детектив.");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    check(&rows, 0, Direct, "Дополз!", Some("детектив"), Some("детектив"));
    let rows = run("«Мы справимся», — сказал Петр Ильин.\n«Будем бороться», — подчеркнул полузащитник.");
    check(&rows, 1, Direct, "Будем бороться", Some("полузащитник"), Some("Петр Ильин"));
    let rows = run("По данным судебной системы, дело рассматривали полгода.");
    check(&rows, 0, Indirect, "дело рассматривали полгода", Some("судебной системы"), Some("судебная система"));
}

#[test]
fn impersonal_report_has_no_speaker() {
    let rows = run("Ранее сообщалось, что трасса будет закрыта до утра.");
    check(&rows, 0, Indirect, "трасса будет закрыта до утра", None, None);
}

#[test]
fn continuation_takes_previous_speaker() {
    let rows = run("«Мы справимся», — сказал Сергей Петров. «Ресурсов у нас достаточно для всей зимы».");
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert_eq!(rows[1].1, "Ресурсов у нас достаточно для всей зимы");
    assert_eq!(rows[1].4.as_deref(), Some("Сергей Петров"));
}

#[test]
fn not_quotes() {
    for text in [
        "Рост торговли обсудили на форуме «Пояса и Пути» в Пекине.",
        "Саммит «Китай – Центральная Азия» прошел в Астане.",
        "Об этом пишет газета «Взгляд» без ссылок на источники.",
        "Город стал «зеленым» за последние годы.",
        "Цзюцзян может стать побратимом Алматы, передает КазТАГ.",
        "Напомним, что мост открыли в 2020 году.",
        "Отметим, что ранее цены не менялись.",
        "Считается, что вода в озере целебная.",
        "Меморандум предусматривает обмен студентами.",
        "Он назвал ее по имени.",
        "",
        "...",
        "«",
        "» — сказал",
    ] {
        let rows = run(text);
        assert!(rows.is_empty(), "{text}: {rows:#?}");
    }
}

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

/// Stage speed: `QUOTES_SPEED_FILE=articles.jsonl cargo test --release --lib quotes::tests::speed -- --ignored
/// --nocapture`. Segmentation is done before the clock starts; only `extract` is timed.
#[test]
#[ignore]
fn speed() {
    let Ok(path) = std::env::var("QUOTES_SPEED_FILE") else { return };
    let data = std::fs::read_to_string(path).expect("readable file");
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let docs: Vec<Doc> = texts.iter().map(|t| Doc { text: t, lang: "ru", seg: segment::segment(t, "ru") }).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let x = QuoteExtractor::new();
    let mut quotes = 0;
    let reps = std::env::var("QUOTES_SPEED_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or((50_000_000 / bytes.max(1)).clamp(1, 2000));
    let t0 = std::time::Instant::now();
    for _ in 0..reps {
        for d in &docs {
            quotes += x.extract(d, &[], &[]).len();
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let mb = (bytes * reps) as f64 / 1e6;
    eprintln!("quotes stage: {mb:.1} MB in {secs:.3} s = {:.1} MB/s ({} quotes/pass)", mb / secs, quotes / reps.max(1));
}

#[test]
fn role_before_name_or_body() {
    let rows = run("«Мы не отступим», — заявил президент Обама.");
    check(&rows, 0, Direct, "Мы не отступим", Some("Обама"), Some("Обама"));
    let rows = run("«Рынок перегрет», — считает эксперт Международного валютного фонда.");
    assert_eq!(rows[0].3.as_deref(), Some("эксперт Международного валютного фонда"), "{rows:#?}");
    let rows = run("«Рынок перегрет», — сказал мэр Москвы.");
    assert_eq!(rows[0].3.as_deref(), Some("мэр Москвы"), "{rows:#?}");
}

#[test]
fn dialogue_line_with_its_own_verbs_and_a_second_part() {
    let text = "Жительница пожаловалась на управляющую компанию.\n\
                — Мы звонили везде, никто ничего не объясняет, — рассказала женщина.\n\
                — Идут плановые работы, — сообщил диспетчер. — Воду дадут до конца месяца.";
    let rows = run(text);
    assert_eq!(rows.len(), 3, "{rows:#?}");
    check(&rows, 0, Direct, "Мы звонили везде, никто ничего не объясняет", Some("женщина"), Some("женщина"));
    check(&rows, 2, Direct, "Воду дадут до конца месяца", Some("диспетчер"), Some("диспетчер"));
}

#[test]
fn about_this_names_the_speaker_of_a_body_quote() {
    let text = "В Вашингтоне считают, что переговоры сорваны по вине Москвы. Об этом заявил представитель Госдепартамента Мэттью Миллер.";
    let rows = run(text);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    check(&rows, 0, Indirect, "переговоры сорваны по вине Москвы", Some("Мэттью Миллер"), Some("Мэттью Миллер"));
}

#[test]
fn documents_as_speakers() {
    let rows = run("В заявлении ведомства говорится, что нарушители будут наказаны.");
    check(&rows, 0, Indirect, "нарушители будут наказаны", Some("заявлении ведомства"), Some("заявление ведомства"));
    let rows = run("По данным Бюро национальной статистики, цены выросли на 8%.");
    check(&rows, 0, Indirect, "цены выросли на 8%", Some("Бюро"), Some("Бюро"));
}

#[test]
fn bodies_after_plural_cues_and_addressees() {
    let rows = run("«Подозреваемый задержан», - сообщили КазТАГ в пресс-службе департамента полиции.");
    check(
        &rows,
        0,
        Direct,
        "Подозреваемый задержан",
        Some("пресс-службе департамента полиции"),
        Some("пресс-служба департамента полиции"),
    );
    let rows = run("«Цены стабильны», — сказал агентству Kazinform министр Арман Шаккалиев.");
    check(&rows, 0, Direct, "Цены стабильны", Some("Арман Шаккалиев"), Some("Арман Шаккалиев"));
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

#[test]
fn one_closing_mark_for_title_and_quote() {
    let rows = run("«Мы работаем со странами «Пояса и Пути», — сказал Ли Вэй.");
    check(&rows, 0, Direct, "Мы работаем со странами «Пояса и Пути", Some("Ли Вэй"), Some("Ли Вэй"));
}

#[test]
fn apposition_before_the_cue() {
    let rows = run("Инвестор проекта, бизнесмен Канат Есенов, рассказал, что вложил в завод 3 млрд тенге.");
    check(&rows, 0, Indirect, "вложил в завод 3 млрд тенге", Some("Канат Есенов"), Some("Канат Есенов"));
    let rows = run("Одна из потерпевших, 72-летняя Раиса Петровна, призналась, что отдала все накопления.");
    check(&rows, 0, Indirect, "отдала все накопления", Some("Раиса Петровна"), Some("Раиса Петровна"));
    let rows = run("Дмитрий Песков, отвечая на вопрос Ивана Петрова, заявил, что встреча не планируется.");
    check(&rows, 0, Indirect, "встреча не планируется", Some("Дмитрий Песков"), Some("Дмитрий Песков"));
    let rows = run("«Мы близки к соглашению», — сказал Марко Рубио. Глава Белого дома говорил, что сделка близка.");
    check(&rows, 1, Indirect, "сделка близка", Some("Глава Белого дома"), Some("Глава Белого дома"));
}

/// The team-written articles of `data/quotes/dev/`, scored like `eval/score.py quotes`: a quote matches when the
/// spans overlap by half the longer one; the speaker when one name is a run of the other's words.
#[test]
fn team_sets() {
    let sets = [
        include_str!("../../data/quotes/dev/team-set-1.jsonl"),
        include_str!("../../data/quotes/dev/team-set-2.jsonl"),
        include_str!("../../data/quotes/dev/team-set-3.jsonl"),
        include_str!("../../data/quotes/dev/team-set-4.jsonl"),
        include_str!("../../data/quotes/dev/team-set-5.jsonl"),
    ];
    let norm = |s: &str| s.to_lowercase().replace('ё', "е").replace('-', " ");
    let same = |g: &str, p: &str| {
        let (g, p) = (norm(g), norm(p));
        let (gw, pw): (Vec<&str>, Vec<&str>) = (g.split_whitespace().collect(), p.split_whitespace().collect());
        let (short, long) = if gw.len() <= pw.len() { (gw, pw) } else { (pw, gw) };
        !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
    };
    let (mut gold, mut pred, mut tp, mut with_speaker) = (0, 0, 0, 0);
    for line in sets.iter().flat_map(|s| s.lines()) {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = rec["text"].as_str().unwrap();
        let lang = if text.is_ascii() { "en" } else { "ru" };
        let doc = Doc { text, lang, seg: segment::segment(text, lang) };
        let mut quotes = QuoteExtractor::new().extract(&doc, &[], &[]);
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
fn news_agency_tails_initials_and_lists() {
    let rows = run("Министерство заявило о том, что задержанный освобожден, сообщает France-Presse.");
    check(&rows, 0, Indirect, "задержанный освобожден", Some("Министерство"), Some("Министерство"));
    let rows = run("Как сообщил А. Кудрин, «цены будут зарегистрированы до марта».");
    check(&rows, 0, Direct, "цены будут зарегистрированы до марта", Some("А. Кудрин"), Some("А. Кудрин"));
    let rows = run("Лидеры двух стран отметили три сферы для развития нового диалога: политическую и гуманитарную.");
    assert!(rows.is_empty(), "{rows:#?}");
    let rows = run("В начале января Бут сообщил, что отверг сделку со следствием.");
    check(&rows, 0, Indirect, "отверг сделку со следствием", Some("Бут"), Some("Бут"));
    let rows = run("Скафандр выбросили в космос. Об этом скафандре и сообщали все агентства.");
    assert!(rows.is_empty(), "{rows:#?}");
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

#[test]
fn about_this_after_a_quote_in_marks() {
    let rows = run("«Мы не допустим роста тарифов. Это наша позиция». Об этом заявил министр Алмасадам Саткалиев.");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    check(
        &rows,
        0,
        Direct,
        "Мы не допустим роста тарифов. Это наша позиция",
        Some("Алмасадам Саткалиев"),
        Some("Алмасадам Саткалиев"),
    );
}

#[test]
fn unattributed_dialogue_lines_next_to_attributed_ones() {
    let text = "Певец дал интервью.\n— Как вы готовитесь к турне?\n— Много репетирую, — ответил артист.\nВ планах:\n— новый альбом;\n— гастроли.";
    let rows = run(text);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    check(&rows, 0, Direct, "Как вы готовитесь к турне?", None, None);
}
