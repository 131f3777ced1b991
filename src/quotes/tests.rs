//! Phenomenon tables for the quote stage, with sentences written for these tests.

use super::QuoteExtractor;
use crate::analysis::{Entity, Mention, QuoteKind};
use crate::doc::Doc;
use crate::segment;

/// (kind, content, cue, speaker text, speaker name) of every quote found.
pub(super) type Row = (QuoteKind, String, Option<String>, Option<String>, Option<String>);

pub(super) fn run_with(text: &str, lang: &'static str, mentions: &[Mention], entities: &[Entity]) -> Vec<Row> {
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

pub(super) fn run(text: &str) -> Vec<Row> {
    run_with(text, "ru", &[], &[])
}

pub(super) fn run_en(text: &str) -> Vec<Row> {
    run_with(text, "en", &[], &[])
}

/// Checks one quote: kind, content, speaker text and resolved name.
pub(super) fn check(rows: &[Row], k: usize, kind: QuoteKind, content: &str, speaker: Option<&str>, name: Option<&str>) {
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
