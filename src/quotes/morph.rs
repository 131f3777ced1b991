//! What the dictionary says about the few capitalized words a speaker span is built from: a person's name, a
//! place or body, or a common word capitalized at a sentence start. A thin reading of [`crate::morph`] (which
//! owns the dictionary and its tags); only words near cues are looked up, each once per process.
//!
//! Words are looked up in lower case with every parse kept: the dictionary weighs proper-name parses by the
//! letter case, and these questions are about the word whatever its position in the sentence.

use std::sync::Arc;

use crate::morph::{self, NameKind, Parse, Pos, WordInfo};

/// Loads the dictionary (so that the first article does not pay for it).
pub(crate) fn preload() {
    morph::preload();
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

/// Every parse of the lower-cased word.
fn info(word: &str) -> Arc<WordInfo> {
    morph::analyze_full_shared(&word.to_lowercase())
}

/// The most likely dictionary parse (guesses from endings say nothing about a foreign name).
fn first_known(info: &WordInfo) -> Option<&Parse> {
    info.parses.iter().find(|p| p.in_dictionary())
}

fn person_name(p: &Parse) -> bool {
    matches!(p.name, NameKind::Given | NameKind::Surname | NameKind::Patronymic)
}

/// The most likely kind of a Russian word by the dictionary's analyses.
pub(crate) fn kind(word: &str) -> WordKind {
    let info = info(word);
    let (mut person, mut place) = (0.0, 0.0);
    let (mut any_person, mut any_place, mut any_common) = (false, false, false);
    for p in info.parses.iter().filter(|p| p.in_dictionary()) {
        if person_name(p) {
            person += p.analysis.prob;
            any_person = true;
        } else if matches!(p.name, NameKind::Geo | NameKind::Org) || p.trademark {
            place += p.analysis.prob;
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
    let info = info(word);
    let p = info.parses.iter().find(|p| p.in_dictionary() && person_name(p))?;
    let nom = morph::inflect(p, &[("Case", "Nom")])?;
    Some(capitalize_like(word, &nom))
}

/// A noun by its most likely dictionary reading.
pub(crate) fn noun(word: &str) -> bool {
    first_known(&info(word)).is_some_and(|p| p.pos == Pos::Noun)
}

/// A verbal adverb («отвечая», «подчеркнув»): it opens a clause whose nouns are not the subject.
pub(crate) fn gerund(word: &str) -> bool {
    first_known(&info(word)).is_some_and(|p| p.gerund)
}

/// The dictionary lemma of a word (its most likely reading), lower case.
pub(crate) fn lemma(word: &str) -> Option<String> {
    first_known(&info(word)).map(|p| p.analysis.lemma.clone())
}

/// A body's phrase in the nominative: its leading adjectives and head noun inflected, the genitive rest kept
/// («Министерстве энергетики» → «Министерство энергетики»). Adjectives are inflected by their own most likely
/// parse, not in agreement with the head.
pub(crate) fn nominative_phrase(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut head_done = false;
    for w in text.split(' ') {
        if head_done {
            out.push(w.to_string());
            continue;
        }
        let info = info(w);
        let p = first_known(&info);
        // Determiners («этом») are not inflected: they end the leading adjectives like any other word.
        let (adjective, head) = match p {
            Some(p) if p.pos == Pos::Adj && !p.determiner => (true, false),
            Some(p) if matches!(p.pos, Pos::Noun | Pos::Propn) => (false, true),
            _ => (false, false),
        };
        match p {
            Some(p) if adjective || head => {
                let nom =
                    morph::inflect(p, &[("Case", "Nom")]).map_or_else(|| w.to_string(), |x| capitalize_like(w, &x));
                out.push(nom);
                head_done = head;
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
    first_known(&info(word)).is_some_and(|p| p.pos == Pos::Noun && p.case == morph::NOM)
}

/// `form` with the first letter upper-cased when `model`'s is (only the first: unlike [`morph::recase`], a
/// speaker's name in capitals comes out as «Песков»).
fn capitalize_like(model: &str, form: &str) -> String {
    let upper = model.chars().next().is_some_and(char::is_uppercase);
    let mut chars = form.chars();
    match chars.next() {
        Some(c) if upper => c.to_uppercase().chain(chars).collect(),
        _ => form.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_capitalized_words() {
        for (word, want) in [
            ("Песков", WordKind::Person),
            ("Захаровой", WordKind::Person),
            ("Казахстана", WordKind::Place),
            ("Впоследствии", WordKind::Common),
            ("Надпись", WordKind::Common),
            ("Шулянь", WordKind::Unknown),
        ] {
            assert_eq!(kind(word), want, "{word}");
        }
    }

    #[test]
    fn nominatives_of_names_and_bodies() {
        assert_eq!(nominative("Захаровой").as_deref(), Some("Захарова"));
        assert_eq!(nominative("Дурова").as_deref(), Some("Дуров"));
        assert_eq!(nominative("управлении"), None);
        assert_eq!(nominative_phrase("Министерстве энергетики"), "Министерство энергетики");
        assert_eq!(nominative_phrase("городском акимате"), "городской акимат");
        // The adjective takes its own most likely gender, not the head's (a known weakness).
        assert_eq!(nominative_phrase("областном управлении энергетики"), "областной управление энергетики");
        assert!(nominative_noun_form("Жители"));
        assert!(!nominative_noun_form("Жителей"));
    }

    #[test]
    fn parts_of_speech_and_lemmas() {
        assert!(gerund("подчеркнув"));
        assert!(!gerund("подчеркнул"));
        assert!(noun("заявление"));
        assert!(!noun("заявил"));
        assert_eq!(lemma("заявил").as_deref(), Some("заявить"));
    }
}
