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

/// Each sentence must hold every listed mention exactly, and none of the listed wrong spans.
fn check(table: &[(&str, &[(&str, EntityType)], &[&str])]) {
    let r = Recognizer::new();
    for &(text, want, not) in table {
        let got = spans(&r, text);
        for &(span, kind) in want {
            assert!(got.iter().any(|(s, k)| s == span && *k == kind), "{text}: want {kind:?} {span}, got {got:?}");
        }
        for &span in not {
            assert!(!got.iter().any(|(s, _)| s == span), "{text}: unwanted {span}, got {got:?}");
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
