//! Word lists of the quote rules, per language, parsed once from `data/quotes/`.

use crate::fastmap::{FastMap, FastSet};
use std::sync::LazyLock;

/// What a cue verb does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// Speech: attributes quotes and что-clauses.
    Say,
    /// Opinion: attributes что-clauses.
    Think,
    /// A question: «спросил, будет ли …».
    Ask,
    /// Takes an infinitive: a quote only with a quoted fragment.
    Inf,
    /// «назвал «…»».
    Name,
    /// «сообщается, что»: a quote without a speaker.
    Impersonal,
}

/// Grammatical gender and number, as far as a word tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Masc,
    Fem,
    Neut,
    Plural,
    /// Unknown or ambiguous (masculine or neuter «его», a present-tense verb, a foreign name).
    Any,
}

impl Gender {
    /// Whether a speaker of gender `self` can be the antecedent of a word of gender `other`.
    pub fn agrees(self, other: Gender) -> bool {
        match (self, other) {
            (Gender::Any, _) | (_, Gender::Any) => true,
            (Gender::Masc, Gender::Neut) | (Gender::Neut, Gender::Masc) => false,
            (a, b) => a == b,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub class: CueClass,
    pub gender: Gender,
    /// Present tense: «передает», «says».
    pub present: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Role {
    /// Nominative (singular or plural): a subject.
    pub nominative: bool,
    /// An organisation or document rather than a person.
    pub org: bool,
    /// Only a plural form («эксперты», "analysts").
    pub plural: bool,
}

/// The tables of one language.
pub(crate) struct Tables {
    pub cues: FastMap<&'static str, Cue>,
    pub roles: FastMap<&'static str, Role>,
    pub pronouns: FastMap<&'static str, Gender>,
    pub prepositions: FastSet<&'static str>,
    pub not_names: FastSet<&'static str>,
    /// Nouns of «по словам», «по мнению».
    pub according: FastSet<&'static str>,
    /// Every list above in one map, so that a token costs one lookup.
    pub words: FastMap<&'static str, Entry>,
}

/// What a word is in the lists, by priority: cue, role, pronoun, «словам», preposition, not a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    Cue(Cue),
    Role(Role),
    Pronoun(Gender),
    According,
    Preposition,
    NotName,
}

impl Tables {
    fn new(cues: &'static str, roles: Option<&'static str>, words: &'static str) -> Tables {
        let mut t = Tables {
            cues: FastMap::default(),
            roles: FastMap::default(),
            pronouns: FastMap::default(),
            prepositions: FastSet::default(),
            not_names: FastSet::default(),
            according: FastSet::default(),
            words: FastMap::default(),
        };
        for line in data_lines(cues) {
            let mut f = line.split('\t');
            let (Some(form), Some(feat), Some(_lemma), Some(class)) = (f.next(), f.next(), f.next(), f.next()) else {
                continue;
            };
            let class = match class {
                "think" => CueClass::Think,
                "ask" => CueClass::Ask,
                "inf" => CueClass::Inf,
                "name" => CueClass::Name,
                _ if feat == "imp" => CueClass::Impersonal,
                _ => CueClass::Say,
            };
            let gender = match feat.trim_start_matches('a') {
                "m" => Gender::Masc,
                "f" => Gender::Fem,
                "n" => Gender::Neut,
                "p" | "p3" => Gender::Plural,
                _ => Gender::Any,
            };
            let present = matches!(feat, "s3" | "p3");
            t.cues.insert(form, Cue { class, gender, present });
        }
        if let Some(roles) = roles {
            for line in data_lines(roles) {
                let mut f = line.split('\t');
                let (Some(form), Some(case), Some(_lemma), Some(class)) = (f.next(), f.next(), f.next(), f.next())
                else {
                    continue;
                };
                let nominative = case != "gen";
                let org = class == "org";
                // A form both nominative and genitive («главы») keeps the nominative reading.
                let plural = case == "pl";
                let e = t.roles.entry(form).or_insert(Role { nominative, org, plural });
                e.nominative |= nominative;
                e.plural &= plural;
            }
        }
        let mut section = "";
        for line in data_lines(words) {
            if let Some(name) = line.strip_prefix('[') {
                section = name.trim_end_matches(']');
                continue;
            }
            let mut f = line.split_whitespace();
            let Some(word) = f.next() else { continue };
            let arg = f.next().unwrap_or("");
            match section {
                "pronouns" => {
                    let g = match arg {
                        "m" => Gender::Masc,
                        "f" => Gender::Fem,
                        "n" => Gender::Neut,
                        "p" => Gender::Plural,
                        _ => Gender::Any,
                    };
                    t.pronouns.insert(word, g);
                }
                "according" => {
                    t.according.insert(word);
                }
                "prepositions" => {
                    t.prepositions.insert(word);
                }
                "not_names" => {
                    t.not_names.insert(word);
                }
                "roles" => {
                    t.roles.insert(word, Role { nominative: true, org: arg == "org", plural: word.ends_with('s') });
                }
                _ => {}
            }
        }
        // Lowest priority first, so that higher ones overwrite.
        for &w in &t.not_names {
            t.words.insert(w, Entry::NotName);
        }
        for &w in &t.prepositions {
            t.words.insert(w, Entry::Preposition);
        }
        for &w in &t.according {
            t.words.insert(w, Entry::According);
        }
        for (&w, &g) in &t.pronouns {
            t.words.insert(w, Entry::Pronoun(g));
        }
        for (&w, &r) in &t.roles {
            t.words.insert(w, Entry::Role(r));
        }
        for (&w, &c) in &t.cues {
            t.words.insert(w, Entry::Cue(c));
        }
        t
    }
}

/// Non-empty lines without comments.
fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
}

static RU: LazyLock<Tables> = LazyLock::new(|| {
    Tables::new(
        include_str!("../../data/quotes/ru_cues.txt"),
        Some(include_str!("../../data/quotes/ru_roles.txt")),
        include_str!("../../data/quotes/ru_words.txt"),
    )
});

static EN: LazyLock<Tables> = LazyLock::new(|| {
    Tables::new(include_str!("../../data/quotes/en_cues.txt"), None, include_str!("../../data/quotes/en_words.txt"))
});

/// The tables for a language: English for `en`, Russian for everything else.
pub(crate) fn tables(lang: &str) -> &'static Tables {
    if lang == "en" { &EN } else { &RU }
}

/// Forces both tables to load (so the first article pays nothing).
pub(crate) fn preload() {
    LazyLock::force(&RU);
    LazyLock::force(&EN);
}

/// `word` in lower case; borrows when its first letter already is (list words are all lower case, and a
/// capital inside a word is rare enough not to pay a scan of every word for it).
pub(crate) fn lower<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    let Some(first) = word.chars().next() else { return word };
    if !first.is_uppercase() {
        return word;
    }
    buf.clear();
    for c in word.chars() {
        match c {
            'А'..='Я' => buf.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            'Ё' => buf.push('ё'),
            'A'..='Z' => buf.push(c.to_ascii_lowercase()),
            c if c.is_uppercase() => buf.extend(c.to_lowercase()),
            c => buf.push(c),
        }
    }
    buf.as_str()
}
