//! Resolution through the recognizer's mentions and entities: the cases the blind team set 6 showed wrong.

use super::tests::{check, run, run_with};
use crate::analysis::{Entity, EntityType, Mention, QuoteKind};

use QuoteKind::{Direct, Indirect};

/// Mentions of `(surface, normal, type, entity id)` at their first occurrence, with entities named by the first
/// mention's normal form.
fn ner(text: &str, spans: &[(&str, &str, EntityType, usize)]) -> (Vec<Mention>, Vec<Entity>) {
    let mut mentions: Vec<Mention> = spans
        .iter()
        .map(|&(s, normal, kind, entity)| {
            let start = text.find(s).unwrap();
            Mention { start, end: start + s.len(), text: String::new(), kind, normal: normal.into(), entity }
        })
        .collect();
    mentions.sort_by_key(|m| m.start);
    let mut entities: Vec<Entity> = Vec::new();
    for &(_, normal, kind, id) in spans {
        if !entities.iter().any(|e| e.id == id) {
            entities.push(Entity { id, kind, name: normal.into(), mentions: 1 });
        }
    }
    (mentions, entities)
}

#[test]
fn a_person_named_inside_the_quote_is_not_its_speaker() {
    let text = "Народный артист Ерлан Сатпаев признался, что долго готовился к роли.\n\
                – Каждую строку Абая зритель знает наизусть, – говорит актер.";
    let (m, e) = ner(
        text,
        &[("Ерлан Сатпаев", "Ерлан Сатпаев", EntityType::Person, 0), ("Абая", "Абай", EntityType::Person, 1)],
    );
    let rows = run_with(text, "ru", &m, &e);
    check(&rows, 1, Direct, "Каждую строку Абая зритель знает наизусть", Some("актер"), Some("Ерлан Сатпаев"));
}

#[test]
fn an_interviewer_addressing_by_patronymic_names_the_guest_by_surname() {
    let text = "Министр промышленности Болат Исаев ответил на вопросы агентства.\n\
                – Болат Серикович, когда откроют завод?\n\
                – В следующем году.\n\
                Министр также заявил, что цены на цемент не вырастут.";
    let (m, e) = ner(
        text,
        &[
            ("Болат Исаев", "Болат Исаев", EntityType::Person, 0),
            ("Болат Серикович", "Болат Серикович", EntityType::Person, 1),
        ],
    );
    let rows = run_with(text, "ru", &m, &e);
    let last = rows.last().unwrap();
    assert_eq!(last.1, "цены на цемент не вырастут");
    assert_eq!(last.4.as_deref(), Some("Болат Исаев"), "{rows:#?}");
}

#[test]
fn a_nominative_subject_keeps_the_ending_the_recognizer_cut() {
    let text = "Экономист Мурат Темирханов считает, что ставка не изменится.";
    let (m, e) = ner(text, &[("Мурат Темирханов", "Мурат Темирхан", EntityType::Person, 0)]);
    let rows = run_with(text, "ru", &m, &e);
    check(&rows, 0, Indirect, "ставка не изменится", Some("Мурат Темирханов"), Some("Мурат Темирханов"));
    // A genitive speaker still takes the recognizer's nominative.
    let text = "По словам Мурата Темирханова, ставка не изменится.";
    let (m, e) = ner(text, &[("Мурата Темирханова", "Мурат Темирханов", EntityType::Person, 0)]);
    let rows = run_with(text, "ru", &m, &e);
    check(&rows, 0, Indirect, "ставка не изменится", Some("Мурата Темирханова"), Some("Мурат Темирханов"));
}

#[test]
fn a_press_service_of_an_organization_is_the_speaker() {
    let text = "Матч посетили 20 тысяч зрителей, сообщили в пресс-службе Футбольной лиги.";
    let (m, e) = ner(text, &[("Футбольной лиги", "Футбольная лига", EntityType::Organization, 0)]);
    let rows = run_with(text, "ru", &m, &e);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0].4.as_deref(), Some("пресс-служба Футбольной лиги"), "{rows:#?}");
    // An apposition in the nominative is the organization itself.
    let text = "Как пишет издание Kapital.kz, инвестиции выросли.";
    let (m, e) = ner(text, &[("Kapital.kz", "Kapital.kz", EntityType::Organization, 0)]);
    let rows = run_with(text, "ru", &m, &e);
    check(&rows, 0, Indirect, "инвестиции выросли", Some("Kapital.kz"), Some("Kapital.kz"));
}

#[test]
fn new_cue_verbs() {
    let rows = run("«Вина подсудимого доказана», – огласила приговор судья Айгуль Бекова.");
    check(&rows, 0, Direct, "Вина подсудимого доказана", Some("Айгуль Бекова"), Some("Айгуль Бекова"));
    let rows = run("Аким области объявил, что школы перейдут на дистанционное обучение.");
    check(&rows, 0, Indirect, "школы перейдут на дистанционное обучение", Some("Аким области"), Some("Аким области"));
    let rows = run("– Мы еще поборемся, – пошутил тренер.");
    check(&rows, 0, Direct, "Мы еще поборемся", Some("тренер"), Some("тренер"));
}

#[test]
fn a_recognized_body_is_what_the_ministry_refers_to() {
    let text = "Министерство торговли заявило, что цены на сахар стабильны.\n\
                «Оснований для беспокойства нет», — подчеркнули в ведомстве.";
    let (m, e) = ner(text, &[("Министерство торговли", "Министерство торговли", EntityType::Organization, 0)]);
    let rows = run_with(text, "ru", &m, &e);
    check(&rows, 1, Direct, "Оснований для беспокойства нет", Some("ведомстве"), Some("Министерство торговли"));
}

#[test]
fn a_person_the_recognizer_typed_as_a_place_still_resolves_a_role() {
    let text = "Аким города Нурлан Ахметов осмотрел новый мост в понедельник.\n\
                «Мост готов к открытию», — заявил глава города.";
    let (m, e) = ner(text, &[("Нурлан Ахметов", "Нурлан Ахметов", EntityType::Location, 0)]);
    let rows = run_with(text, "ru", &m, &e);
    check(&rows, 0, Direct, "Мост готов к открытию", Some("глава города"), Some("Нурлан Ахметов"));
}

#[test]
fn authorities_and_investigators_speak_as_bodies() {
    let rows = run("Городские власти заявили, что мост откроют летом.");
    check(&rows, 0, Indirect, "мост откроют летом", Some("Городские власти"), Some("Городские власти"));
    let rows = run("По данным следствия, чиновник получил взятку в 10 млн тенге.");
    check(&rows, 0, Indirect, "чиновник получил взятку в 10 млн тенге", Some("следствия"), Some("следствие"));
}

#[test]
fn a_name_run_inside_an_organization_mention_is_that_organization() {
    let text = "Как сообщает New York Times, тысячи человек вышли на митинг в столице.";
    let (m, e) = ner(text, &[("New York Times", "New York Times", EntityType::Organization, 0)]);
    let rows = run_with(text, "ru", &m, &e);
    check(
        &rows,
        0,
        Indirect,
        "тысячи человек вышли на митинг в столице",
        Some("New York Times"),
        Some("New York Times"),
    );
}

#[test]
fn a_body_between_role_and_name_is_not_the_speaker() {
    let rows = run("«Мы продолжим акции», – сказал лидер Движения против вырубки парков Арман Сейтов.");
    check(&rows, 0, Direct, "Мы продолжим акции", Some("Арман Сейтов"), Some("Арман Сейтов"));
    // A name with lowercase words after it and no name further on is still the speaker.
    let rows = run("«Мы продолжим акции», – сказал министр Сейтов журналистам.");
    check(&rows, 0, Direct, "Мы продолжим акции", Some("Сейтов"), Some("Сейтов"));
}

#[test]
fn a_body_with_a_prepositional_tail_before_the_name() {
    let rows = run("Об этом сообщил представитель Следственного комитета при прокуратуре Олег Ванин.");
    assert!(rows.is_empty(), "{rows:#?}");
    let rows = run("Дело возбуждено. Об этом сообщил представитель Следственного комитета при прокуратуре Олег Ванин.");
    check(&rows, 0, Indirect, "Дело возбуждено", Some("Олег Ванин"), Some("Олег Ванин"));
    let rows = run("Но власти пообещали, что это только начало.");
    check(&rows, 0, Indirect, "это только начало", Some("власти"), Some("власти"));
}

#[test]
fn a_name_in_marks_does_not_block_reported_speech() {
    let rows = run("Нефтепровод «Атасу – Алашанькоу» прокачал рекордный объем, отметили в КазТрансОйл.");
    check(
        &rows,
        0,
        Indirect,
        "Нефтепровод «Атасу – Алашанькоу» прокачал рекордный объем",
        Some("КазТрансОйл"),
        Some("КазТрансОйл"),
    );
    let rows = run("Спектакль «Абай» покажут в декабре. Об этом сообщил директор театра Ерлан Сеитов.");
    check(&rows, 0, Indirect, "Спектакль «Абай» покажут в декабре", Some("Ерлан Сеитов"), Some("Ерлан Сеитов"));
    // Quoted words are still not swallowed into an indirect quote.
    let rows = run("Рост «не пугает» рынок, считают аналитики.");
    assert!(rows.iter().all(|r| r.0 != Indirect), "{rows:#?}");
}
