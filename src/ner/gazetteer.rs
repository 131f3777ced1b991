//! The NER word lists (data/ner/*.txt), parsed once: gazetteers of places and organizations matched by lemma,
//! first names with their generated inflected forms, Chinese surnames, titles and head nouns.

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::analysis::EntityType;
use crate::morph::{self, ACC, DAT, GEN, Gender, INS, LOC, NOM, Pos};

const FIRST_NAMES: &str = include_str!("../../data/ner/first_names.txt");
const CHINESE_SURNAMES: &str = include_str!("../../data/ner/chinese_surnames.txt");
const TITLES: &str = include_str!("../../data/ner/titles.txt");
const ORG_HEADS: &str = include_str!("../../data/ner/org_heads.txt");
const QUOTE_ORG_NOUNS: &str = include_str!("../../data/ner/quote_org_nouns.txt");
const LOC_HEADS: &str = include_str!("../../data/ner/loc_heads.txt");
const LOC_CONTEXT: &str = include_str!("../../data/ner/loc_context.txt");
const NOT_NAMES: &str = include_str!("../../data/ner/not_names.txt");
const MEDIA_CUES: &str = include_str!("../../data/ner/media_cues.txt");
const TITLE_NOUNS: &str = include_str!("../../data/ner/title_nouns.txt");
const LOCATIONS: &str = include_str!("../../data/ner/loc.txt");
const MEMBER_NOUNS: &str = include_str!("../../data/ner/member_nouns.txt");
const SPORT_CUES: &str = include_str!("../../data/ner/sport_cues.txt");
const FACILITY_NOUNS: &str = include_str!("../../data/ner/facility_nouns.txt");
const ORGANIZATIONS: &str = include_str!("../../data/ner/org.txt");

/// A form of a first name: its nominative, the person's gender and the cases the form can be in.
#[derive(Debug, Clone)]
pub(crate) struct FirstName {
    pub nominative: String,
    pub gender: Gender,
    pub cases: u8,
}

/// A gazetteer name: for each of its words, the keys (lowercase form and lemmas) a text word may match.
#[derive(Debug)]
pub(crate) struct GazEntry {
    pub kind: EntityType,
    pub words: Vec<Vec<String>>,
    /// Whether each word is capitalized in the list: such a word matches only a capitalized text word.
    pub caps: Vec<bool>,
    /// The name as written in the data file (a nominative).
    pub normal: String,
    /// Entries of one line share a group: «Китай» and «КНР» are one entity.
    pub group: u32,
}

/// All NER word lists.
pub(crate) struct Gazetteer {
    pub first_names: HashMap<String, FirstName>,
    pub chinese_surnames: HashSet<String>,
    pub titles: LemmaSet,
    pub org_heads: LemmaSet,
    pub quote_org_nouns: LemmaSet,
    pub loc_heads: LemmaSet,
    /// Nouns after which a capitalized word is a place («город Феникс»).
    pub loc_context: LemmaSet,
    /// Nouns before a name of a thing («турнир», «шаттл»).
    pub title_nouns: LemmaSet,
    /// Capitalized words that are not names (keys).
    /// People of an organization: «тренер «Кайрата»».
    pub member_nouns: LemmaSet,
    /// Words of a sentence about a sports match.
    pub sport_cues: LemmaSet,
    /// Sites before a quoted place name: «аэропорт «Домодедово»».
    pub facility_nouns: LemmaSet,
    pub not_names: HashSet<String>,
    /// Word forms before «…» that make the quoted name a source («сообщает «Интерфакс»»).
    pub media_cues: HashSet<String>,
    pub entries: Vec<GazEntry>,
    /// Entries by a key of their first word.
    pub by_first: HashMap<String, Vec<u32>>,
}

/// Lowercase with «ё» as «е»: the form every key is compared in. Cyrillic and ASCII take a fast path.
pub(crate) fn key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            'Ё' | 'ё' => out.push('е'),
            'а'..='я' | 'a'..='z' | '0'..='9' | '-' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A set of lemmas with a cheap pre-check on a word's first letters, so most words need no analysis.
pub(crate) struct LemmaSet {
    pub words: HashSet<String>,
    prefixes: HashSet<String>,
}

impl LemmaSet {
    fn new(data: &str) -> Self {
        let words = set(data);
        let prefixes = words.iter().map(|w| prefix(w).to_string()).collect();
        LemmaSet { words, prefixes }
    }

    /// Whether a word with this lowercase form can have a lemma in the set.
    pub fn may_hold(&self, lower: &str) -> bool {
        self.prefixes.contains(prefix(lower))
    }
}

/// The first three letters: inflection keeps them in nearly every Russian noun («область» … «областями»).
fn prefix(word: &str) -> &str {
    match word.char_indices().nth(3) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(data: &str) -> HashSet<String> {
    lines(data).map(key).collect()
}

impl Gazetteer {
    pub fn load() -> Self {
        let mut g = Gazetteer {
            first_names: HashMap::new(),
            chinese_surnames: set(CHINESE_SURNAMES),
            titles: LemmaSet::new(TITLES),
            org_heads: LemmaSet::new(ORG_HEADS),
            quote_org_nouns: LemmaSet::new(QUOTE_ORG_NOUNS),
            loc_heads: LemmaSet::new(LOC_HEADS),
            loc_context: LemmaSet::new(LOC_CONTEXT),
            title_nouns: LemmaSet::new(TITLE_NOUNS),
            member_nouns: LemmaSet::new(MEMBER_NOUNS),
            sport_cues: LemmaSet::new(SPORT_CUES),
            facility_nouns: LemmaSet::new(FACILITY_NOUNS),
            not_names: set(NOT_NAMES),
            media_cues: set(MEDIA_CUES),
            entries: Vec::new(),
            by_first: HashMap::new(),
        };
        for line in lines(FIRST_NAMES) {
            let mut parts = line.split_whitespace();
            let (Some(name), Some(g_)) = (parts.next(), parts.next()) else { continue };
            let gender = if g_ == "f" { Gender::Fem } else { Gender::Masc };
            for (form, cases) in name_forms(name, gender) {
                g.first_names.entry(key(&form)).or_insert(FirstName { nominative: name.to_string(), gender, cases });
            }
        }
        let mut group = 0u32;
        for (data, kind) in [(LOCATIONS, EntityType::Location), (ORGANIZATIONS, EntityType::Organization)] {
            for line in lines(data) {
                for alias in line.split('|').map(str::trim).filter(|a| !a.is_empty()) {
                    let multi = alias.split_whitespace().nth(1).is_some();
                    let words: Vec<Vec<String>> = alias.split_whitespace().map(|w| entry_keys(w, multi)).collect();
                    if words.is_empty() {
                        continue;
                    }
                    let caps =
                        alias.split_whitespace().map(|w| w.chars().next().is_some_and(char::is_uppercase)).collect();
                    let id = g.entries.len() as u32;
                    for k in &words[0] {
                        g.by_first.entry(k.clone()).or_default().push(id);
                    }
                    g.entries.push(GazEntry { kind, words, caps, normal: alias.to_string(), group });
                }
                group += 1;
            }
        }
        g
    }
}

/// The keys of one gazetteer word: its lowercase form and the lemmas of its nominative (or caseless) parses
/// as a proper noun (or, inside a longer name, as any noun or adjective: «Соединенные Штаты»).
fn entry_keys(word: &str, multi: bool) -> Vec<String> {
    let mut keys = vec![key(word)];
    let info = morph::analyze(word);
    for p in &info.parses {
        let pos_ok = p.pos == Pos::Propn || multi && matches!(p.pos, Pos::Noun | Pos::Adj);
        if pos_ok && (p.case == 0 || p.case == NOM) {
            let k = key(&p.analysis.lemma);
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// The forms of a first name with the cases each can be in, by the regular patterns of Russian declension.
/// Female names ending in a consonant («Баян», «Айгерим») and names ending in other vowels do not decline.
pub(crate) fn name_forms(name: &str, gender: Gender) -> Vec<(String, u8)> {
    let mut out = vec![(name.to_string(), NOM)];
    let last = name.chars().last().unwrap_or(' ');
    let stem = |n: usize| name.chars().take(name.chars().count().saturating_sub(n)).collect::<String>();
    let add = |out: &mut Vec<(String, u8)>, form: String, cases: u8| {
        if let Some(e) = out.iter_mut().find(|(f, _)| *f == form) {
            e.1 |= cases;
        } else {
            out.push((form, cases));
        }
    };
    match (gender, last) {
        (_, 'а') => {
            let s = stem(1);
            let hush = s.ends_with(['г', 'к', 'х', 'ж', 'ш', 'ч', 'щ']);
            add(&mut out, format!("{s}{}", if hush { 'и' } else { 'ы' }), GEN);
            add(&mut out, format!("{s}е"), DAT | LOC);
            add(&mut out, format!("{s}у"), ACC);
            add(&mut out, format!("{s}ой"), INS);
            add(&mut out, format!("{s}ою"), INS);
        }
        (_, 'я') if name.ends_with("ия") => {
            let s = stem(1);
            add(&mut out, format!("{s}и"), GEN | DAT | LOC);
            add(&mut out, format!("{s}ю"), ACC);
            add(&mut out, format!("{s}ей"), INS);
        }
        (_, 'я') => {
            let s = stem(1);
            add(&mut out, format!("{s}и"), GEN);
            add(&mut out, format!("{s}е"), DAT | LOC);
            add(&mut out, format!("{s}ю"), ACC);
            add(&mut out, format!("{s}ей"), INS);
        }
        (Gender::Masc, 'й') => {
            let s = stem(1);
            add(&mut out, format!("{s}я"), GEN | ACC);
            add(&mut out, format!("{s}ю"), DAT);
            add(&mut out, format!("{s}ем"), INS);
            add(&mut out, format!("{s}{}", if name.ends_with("ий") { 'и' } else { 'е' }), LOC);
        }
        (Gender::Masc, 'ь') => {
            let s = stem(1);
            add(&mut out, format!("{s}я"), GEN | ACC);
            add(&mut out, format!("{s}ю"), DAT);
            add(&mut out, format!("{s}ем"), INS);
            add(&mut out, format!("{s}е"), LOC);
        }
        (Gender::Masc, c) if !"аеёиоуыэюяь".contains(c) && c.is_alphabetic() => {
            // «Лев» → «Льва», «Павел» → «Павла», «Петр» → «Петра».
            let s = match name {
                "Лев" => "Льв".to_string(),
                "Павел" => "Павл".to_string(),
                _ => name.to_string(),
            };
            add(&mut out, format!("{s}а"), GEN | ACC);
            add(&mut out, format!("{s}у"), DAT);
            let hush = s.ends_with(['ж', 'ш', 'ч', 'щ', 'ц']);
            add(&mut out, format!("{s}{}", if hush { "ем" } else { "ом" }), INS);
            add(&mut out, format!("{s}е"), LOC);
        }
        (_, _) => out[0].1 = NOM | GEN | DAT | ACC | INS | LOC,
    }
    if gender == Gender::Fem && !matches!(last, 'а' | 'я') {
        out[0].1 = NOM | GEN | DAT | ACC | INS | LOC;
    }
    out
}
