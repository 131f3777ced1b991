//! What the dictionary (rumorph, OpenCorpora) says about the few capitalized words a speaker span is built
//! from: a person's name, a place or body, or a common word capitalized at a sentence start. Only words near
//! cues are looked up, so the cost is a handful of lookups per quote.

use std::sync::LazyLock;

use rumorph::{Dictionary, Source};

static DICT: LazyLock<Option<Dictionary>> = LazyLock::new(|| Dictionary::bundled().ok());

/// Loads the dictionary (so that the first article does not pay for it).
pub(crate) fn preload() {
    LazyLock::force(&DICT);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordKind {
    /// A first name, surname or patronymic.
    Person,
    /// A place or organisation («Казахстана», «Минздрава»).
    Place,
    /// A common word («Впоследствии», «Надпись»).
    Common,
    /// Not in the dictionary (foreign names: «Шулянь»).
    Unknown,
}

/// The most likely kind of a Russian word by the dictionary's analyses.
pub(crate) fn kind(word: &str) -> WordKind {
    let Some(d) = DICT.as_ref() else { return WordKind::Unknown };
    let low = word.to_lowercase();
    let (mut person, mut place) = (0.0, 0.0);
    let (mut any_person, mut any_place, mut any_common) = (false, false, false);
    for a in d.analyze(&low) {
        if a.source != Source::Dictionary {
            // Guesses from endings say nothing about a foreign name.
            continue;
        }
        let tag = a.tag.and_then(|t| d.tag(t)).unwrap_or("");
        if tag.contains("Name") || tag.contains("Surn") || tag.contains("Patr") {
            person += a.prob;
            any_person = true;
        } else if tag.contains("Geox") || tag.contains("Orgn") || tag.contains("Trad") {
            place += a.prob;
            any_place = true;
        } else {
            any_common = true;
        }
    }
    // Probabilities are those of the lower-cased form («Песков» is mostly «песок»), so any name reading
    // counts: a common word is one the dictionary knows only as common.
    if any_person && !(any_place && place > person) {
        WordKind::Person
    } else if any_place {
        WordKind::Place
    } else if any_common {
        WordKind::Common
    } else {
        WordKind::Unknown
    }
}

/// The nominative singular of a name word in another case («Дурова» → «Дуров», «Захаровой» → «Захарова»),
/// capitalized as given; `None` when the dictionary does not know it as a name.
pub(crate) fn nominative(word: &str) -> Option<String> {
    let d = DICT.as_ref()?;
    let low = word.to_lowercase();
    let a = d.analyze(&low).into_iter().find(|a| {
        a.source == Source::Dictionary
            && a.tag
                .and_then(|t| d.tag(t))
                .is_some_and(|t| t.contains("Name") || t.contains("Surn") || t.contains("Patr"))
    })?;
    let nom = d.inflect(&a, &[("Case", "Nom")])?.word;
    Some(capitalize_like(word, &nom))
}

/// A noun by its most likely dictionary reading.
pub(crate) fn noun(word: &str) -> bool {
    let Some(d) = DICT.as_ref() else { return false };
    let low = word.to_lowercase();
    d.analyze(&low)
        .into_iter()
        .find(|a| a.source == Source::Dictionary)
        .and_then(|a| d.ud_tag(a.ud))
        .is_some_and(|t| t.pos() == "NOUN")
}

/// A verbal adverb («отвечая», «подчеркнув»): it opens a clause whose nouns are not the subject.
pub(crate) fn gerund(word: &str) -> bool {
    let Some(d) = DICT.as_ref() else { return false };
    let low = word.to_lowercase();
    d.analyze(&low)
        .into_iter()
        .find(|a| a.source == Source::Dictionary)
        .and_then(|a| d.ud_tag(a.ud))
        .is_some_and(|t| t.pos() == "VERB" && t.feat("VerbForm") == Some("Conv"))
}

/// The dictionary lemma of a word (its most likely reading), lower case.
pub(crate) fn lemma(word: &str) -> Option<String> {
    let d = DICT.as_ref()?;
    let low = word.to_lowercase();
    d.analyze(&low).into_iter().find(|a| a.source == Source::Dictionary).map(|a| a.lemma)
}

/// A body's phrase in the nominative: its leading adjectives and head noun inflected, the genitive rest kept
/// («областном управлении энергетики» → «областное управление энергетики»).
pub(crate) fn nominative_phrase(text: &str) -> String {
    let Some(d) = DICT.as_ref() else { return text.to_string() };
    let mut out: Vec<String> = Vec::new();
    let mut head_done = false;
    for w in text.split(' ') {
        if head_done {
            out.push(w.to_string());
            continue;
        }
        let low = w.to_lowercase();
        let a = d.analyze(&low).into_iter().find(|a| a.source == Source::Dictionary);
        let pos = a.as_ref().and_then(|a| d.ud_tag(a.ud)).map(|t| t.pos().to_string());
        match (a, pos.as_deref()) {
            (Some(a), Some("ADJ")) => {
                let nom =
                    d.inflect(&a, &[("Case", "Nom")]).map_or_else(|| w.to_string(), |x| capitalize_like(w, &x.word));
                out.push(nom);
            }
            (Some(a), Some("NOUN" | "PROPN")) => {
                let nom =
                    d.inflect(&a, &[("Case", "Nom")]).map_or_else(|| w.to_string(), |x| capitalize_like(w, &x.word));
                out.push(nom);
                head_done = true;
            }
            _ => {
                out.push(w.to_string());
                head_done = true;
            }
        }
    }
    out.join(" ")
}

/// A noun in the nominative by its most likely reading: «Мать», «Жители».
pub(crate) fn nominative_noun_form(word: &str) -> bool {
    let Some(d) = DICT.as_ref() else { return false };
    let low = word.to_lowercase();
    let Some(a) = d.analyze(&low).into_iter().find(|a| a.source == Source::Dictionary) else { return false };
    d.ud_tag(a.ud).is_some_and(|t| t.pos() == "NOUN" && t.feat("Case") == Some("Nom"))
}

/// `form` with the first letter upper-cased when `model`'s is.
fn capitalize_like(model: &str, form: &str) -> String {
    let upper = model.chars().next().is_some_and(char::is_uppercase);
    let mut chars = form.chars();
    match chars.next() {
        Some(c) if upper => c.to_uppercase().chain(chars).collect(),
        _ => form.to_string(),
    }
}
