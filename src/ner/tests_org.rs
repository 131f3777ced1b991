//! Phenomena tables for organization spans (factRuEval conventions: name parts only), on sentences written
//! for these tests.

use super::Recognizer;
use crate::analysis::EntityType;
use crate::doc::Doc;
use crate::segment;
use EntityType::{Location as LOC, Organization as ORG};

/// (text of the span, type) of every mention.
fn spans(r: &Recognizer, text: &str) -> Vec<(String, EntityType)> {
    let doc = Doc { text, lang: "ru", seg: segment::segment(text, "ru") };
    r.recognize(&doc).0.into_iter().map(|m| (text[m.start..m.end].to_string(), m.kind)).collect()
}

/// A sentence, the mentions it must hold, and spans that must not be organizations.
type Case<'a> = (&'a str, &'a [(&'a str, EntityType)], &'a [&'a str]);

/// Each sentence must hold every listed mention exactly, and no organization with a listed wrong span.
fn check(table: &[Case]) {
    let r = Recognizer::new();
    for &(text, want, not) in table {
        let got = spans(&r, text);
        for &(span, kind) in want {
            assert!(got.iter().any(|(s, k)| s == span && *k == kind), "{text}: want {kind:?} {span}, got {got:?}");
        }
        for &span in not {
            assert!(!got.iter().any(|(s, k)| s == span && *k == ORG), "{text}: unwanted ORG {span}, got {got:?}");
        }
    }
}

#[test]
fn a_place_after_a_capitalized_head_is_its_own_mention() {
    check(&[
        (
            "Об этом сообщило Министерство энергетики Узбекистана в понедельник.",
            &[("Министерство энергетики", ORG), ("Узбекистана", LOC)],
            &["Министерство энергетики Узбекистана"],
        ),
        (
            "Заявку рассмотрела Федерация тенниса Казахстана.",
            &[("Федерация тенниса", ORG), ("Казахстана", LOC)],
            &["Федерация тенниса Казахстана"],
        ),
        (
            "Представитель Министерства образования КНР выступил на форуме.",
            &[("Министерства образования", ORG), ("КНР", LOC)],
            &[],
        ),
        // A union named after its country keeps the place; so does a lowercase head.
        (
            "Вопрос задала секретарь Союза писателей Казахстана.",
            &[("Союза писателей Казахстана", ORG)],
            &["Казахстана"],
        ),
        (
            "Это отвечает позиции министерства иностранных дел Японии.",
            &[("министерства иностранных дел Японии", ORG)],
            &[],
        ),
    ]);
}

#[test]
fn quoted_names_are_organizations_by_context() {
    check(&[
        // A member noun before the quote.
        ("Главный тренер «Жетысу» ответил на вопросы журналистов.", &[("Жетысу", ORG)], &[]),
        ("Об этом рассказал корреспондент «Новой газеты» в Алматы.", &[("Новой газеты", ORG)], &[]),
        // A place name in quotes is a club or a company named after it, unless a site noun stands before.
        ("«Атырау» уступил гостям в упорной борьбе.", &[("Атырау", ORG)], &[]),
        ("Самолет приземлился в аэропорту «Шереметьево» утром.", &[("Шереметьево", LOC)], &[]),
        // One unknown word in a sentence about a match.
        ("В матче 12-го тура «Елимай» сыграл вничью с «Кызылжаром».", &[("Елимай", ORG), ("Кызылжаром", ORG)], &[]),
        // A noun for a thing makes a title; a quote outside sport stays a title.
        ("Режиссер представил фильм «Бишкек» на фестивале.", &[], &["Бишкек"]),
        ("Он назвал свою книгу «Перекресток».", &[], &["Перекресток"]),
        ("Об этом говорится в статье Частного корреспондента «Жаркое лето».", &[], &["Жаркое лето"]),
    ]);
}

#[test]
fn the_people_a_body_is_named_after_are_part_of_its_name() {
    check(&[
        (
            "Концерт прошел в Государственном театре имени Мухтара Ауэзова в Алматы.",
            &[("Государственном театре имени Мухтара Ауэзова", ORG), ("Алматы", LOC)],
            &["Государственном театре имени"],
        ),
        (
            "Доклад подготовили в Институте философии имени И. М. Петрова и других центрах.",
            &[("Институте философии имени И. М. Петрова", ORG)],
            &[],
        ),
        (
            "Выступили артисты Театра им. Пушкина и Лермонтова из Москвы.",
            &[("Театра им. Пушкина и Лермонтова", ORG), ("Москвы", LOC)],
            &[],
        ),
        // «имени» with no name after it leaves the organization as it was.
        ("Совет по делам молодежи имени своего не раскрыл.", &[], &["Совет по делам молодежи имени своего"]),
    ]);
}

#[test]
fn units_are_not_names() {
    check(&[("Мощность станции составит 5 ГВт к 2030 году.", &[], &["ГВт"])]);
    let r = Recognizer::new();
    let got = spans(&r, "Электростанция мощностью 300 МВт заработала в Жамбылской области.");
    assert!(!got.iter().any(|(s, _)| s == "МВт"), "{got:?}");
}

#[test]
fn listed_organizations_of_the_region() {
    check(&[
        ("Об этом сообщает Интерфакс со ссылкой на источник.", &[("Интерфакс", ORG)], &[]),
        ("Депутаты Жогорку Кенеша приняли закон.", &[("Жогорку Кенеша", ORG)], &[]),
        ("Контракт подписали Тенгизшевройл и Казтрансойл.", &[("Тенгизшевройл", ORG), ("Казтрансойл", ORG)], &[]),
        ("Решение принял Центральный комитет, а ЦК КПК его одобрил.", &[("ЦК КПК", ORG)], &[]),
    ]);
}

#[test]
fn known_names_go_on() {
    check(&[
        ("Крупнейшие банки, включая Kaspi Bank, снизили ставки.", &[("Kaspi Bank", ORG)], &["Bank"]),
        ("Об этом сообщило агентство Интерфакс-Казахстан.", &[("Интерфакс-Казахстан", ORG)], &[]),
        // A hyphenated word led by a place is not an organization.
        ("Поезд Алматы-Астана задержался.", &[], &["Алматы-Астана"]),
    ]);
}

#[test]
fn a_body_takes_its_known_parent_in() {
    check(&[
        ("Заявление опубликовал Дисциплинарный комитет УЕФА в пятницу.", &[("Дисциплинарный комитет УЕФА", ORG)], &[]),
        (
            "Доклад подготовил Институт востоковедения РАН по заказу министерства.",
            &[("Институт востоковедения РАН", ORG)],
            &["РАН"],
        ),
        // A place abbreviation, a legal form before a quoted name and a bare kind noun stay apart.
        ("Решение принял Верховный суд США в среду.", &[("Верховный суд", ORG), ("США", LOC)], &[]),
        ("Об этом сообщила Южная станция ГУП «Теплосеть».", &[], &["Южная станция ГУП"]),
        ("Выступила Корпорация Google с заявлением.", &[("Google", ORG)], &["Корпорация Google"]),
    ]);
}
