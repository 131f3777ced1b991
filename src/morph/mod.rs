//! Russian morphology for the stages that need it: parses of a word form (lemma, part of speech, case, gender,
//! number, proper-name type) and inflection to the nominative, on top of `rumorph` and its bundled OpenCorpora
//! dictionary.
//!
//! The dictionary is loaded once per process and shared read-only. Analysis costs about a microsecond per
//! word, so callers analyse only the words that need it and keep a per-article [`Cache`]; a cache never
//! changes a result, it only saves repeated work.

use foldhash::HashMap;
use std::hash::BuildHasher;
use std::sync::{Arc, LazyLock, Mutex};

use rumorph::{Analysis, Dictionary, Source};

static DICT: LazyLock<Option<Dictionary>> = LazyLock::new(|| Dictionary::bundled().ok());

/// Parses kept per word: the rest are too improbable to matter.
const MAX_PARSES: usize = 10;
/// Parses below this probability are dropped (the first is always kept).
const MIN_PROB: f64 = 0.005;

/// Analyses shared by all articles: 16 shards, each filled up to a bound. Analysis is a pure function of the
/// word form, so the cache changes speed only, never a result.
const SHARDS: usize = 16;
const SHARD_CAPACITY: usize = 20_000;
type Shard = Mutex<HashMap<Box<str>, Arc<WordInfo>>>;
type Shared = [Shard; SHARDS];
/// Pruned analyses ([`analyze`]) and complete ones ([`analyze_full`]) are kept apart.
static SHARED: LazyLock<Shared> = LazyLock::new(|| std::array::from_fn(|_| Mutex::new(HashMap::default())));
static SHARED_FULL: LazyLock<Shared> = LazyLock::new(|| std::array::from_fn(|_| Mutex::new(HashMap::default())));

/// The analysis of `word`, from the shared cache when another article already needed it.
pub(crate) fn analyze_shared(word: &str) -> Arc<WordInfo> {
    cached(&SHARED, word, analyze)
}

/// Every parse of `word` ([`analyze_full`]), from the shared cache when it was already needed.
pub(crate) fn analyze_full_shared(word: &str) -> Arc<WordInfo> {
    cached(&SHARED_FULL, word, analyze_full)
}

fn cached(shards: &Shared, word: &str, analyze: fn(&str) -> WordInfo) -> Arc<WordInfo> {
    let shard = &shards[(foldhash::quality::FixedState::with_seed(7).hash_one(word) as usize) % SHARDS];
    if let Some(info) = shard.lock().ok().and_then(|m| m.get(word).cloned()) {
        return info;
    }
    let info = Arc::new(analyze(word));
    if let Ok(mut m) = shard.lock()
        && m.len() < SHARD_CAPACITY
    {
        m.insert(word.into(), info.clone());
    }
    info
}

/// Part of speech, as far as the stages care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    Noun,
    Propn,
    Adj,
    Verb,
    Other,
}

/// The kind of proper name a parse is (OpenCorpora Name/Surn/Patr/Geox/Orgn).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    None,
    Given,
    Surname,
    Patronymic,
    Geo,
    Org,
}

/// Grammatical gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Masc,
    Fem,
    Neut,
    None,
}

/// Case bits: a parse has one, a word form a set.
pub(crate) const NOM: u8 = 1;
pub(crate) const GEN: u8 = 2;
pub(crate) const DAT: u8 = 4;
pub(crate) const ACC: u8 = 8;
pub(crate) const INS: u8 = 16;
pub(crate) const LOC: u8 = 32;

/// One parse of a word form.
#[derive(Debug, Clone)]
pub(crate) struct Parse {
    pub analysis: Analysis,
    pub pos: Pos,
    pub name: NameKind,
    pub case: u8,
    pub gender: Gender,
    pub plural: bool,
    /// Indeclinable (OpenCorpora `Fixd`).
    pub fixed: bool,
    /// A trademark (OpenCorpora `Trad`): «Роскосмос» as a brand is neither a person nor a place.
    pub trademark: bool,
    /// A determiner (UD `DET`: «этот», «наш»); its `pos` is [`Pos::Adj`], as it agrees like one.
    pub determiner: bool,
    /// A verbal adverb (UD `VERB` with `VerbForm=Conv`: «отвечая», «подчеркнув»).
    pub gerund: bool,
    pub prob: f32,
}

/// Every parse of one word form, most probable first.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordInfo {
    pub parses: Vec<Parse>,
    /// The form is in the dictionary (not guessed from its ending).
    pub known: bool,
}

impl Parse {
    /// The parse is the dictionary's, not guessed from the word's ending or built by a rule.
    pub fn in_dictionary(&self) -> bool {
        self.analysis.source == Source::Dictionary
    }
}

impl WordInfo {
    /// The probability mass of parses with this name kind.
    pub fn name_prob(&self, kind: NameKind) -> f32 {
        self.parses.iter().filter(|p| p.name == kind).map(|p| p.prob).sum()
    }

    /// The probability mass of proper-noun parses.
    pub fn propn_prob(&self) -> f32 {
        self.parses.iter().filter(|p| p.pos == Pos::Propn).map(|p| p.prob).sum()
    }

    /// The probability mass of parses with this part of speech.
    pub fn pos_prob(&self, pos: Pos) -> f32 {
        self.parses.iter().filter(|p| p.pos == pos).map(|p| p.prob).sum()
    }

    /// The union of the cases of all parses (optionally only those passing `keep`).
    pub fn cases(&self, keep: impl Fn(&Parse) -> bool) -> u8 {
        self.parses.iter().filter(|p| keep(p)).fold(0, |m, p| m | p.case)
    }
}

/// Analyses one word form (no cache), keeping its probable parses only.
pub(crate) fn analyze(word: &str) -> WordInfo {
    analyze_with(word, true)
}

/// Analyses one word form (no cache), keeping every parse however improbable: a lower-case surname
/// («песков») is a name only in its last, rarest parses.
pub(crate) fn analyze_full(word: &str) -> WordInfo {
    analyze_with(word, false)
}

fn analyze_with(word: &str, prune: bool) -> WordInfo {
    let Some(dict) = DICT.as_ref() else {
        return WordInfo::default();
    };
    let analyses = dict.analyze(word);
    let known = analyses.iter().any(|a| a.source == Source::Dictionary);
    let mut parses: Vec<Parse> = analyses
        .into_iter()
        .enumerate()
        .filter(|(i, a)| !prune || *i == 0 || a.prob >= MIN_PROB)
        .map(|(_, a)| a)
        .take(if prune { MAX_PARSES } else { usize::MAX })
        .map(|a| {
            let tag = dict.ud_tag(a.ud);
            let oc = a.tag.and_then(|t| dict.tag(t)).unwrap_or("");
            let (mut pos, mut case, mut gender, mut plural) = (Pos::Other, 0, Gender::None, false);
            let (mut determiner, mut gerund) = (false, false);
            if let Some(tag) = tag {
                determiner = tag.pos() == "DET";
                gerund = tag.pos() == "VERB" && tag.feat("VerbForm") == Some("Conv");
                pos = match tag.pos() {
                    "NOUN" => Pos::Noun,
                    "PROPN" => Pos::Propn,
                    "ADJ" | "DET" => Pos::Adj,
                    "VERB" | "AUX" => Pos::Verb,
                    _ => Pos::Other,
                };
                case = match tag.feat("Case") {
                    Some("Nom") => NOM,
                    Some("Gen") | Some("Par") => GEN,
                    Some("Dat") => DAT,
                    Some("Acc") => ACC,
                    Some("Ins") => INS,
                    Some("Loc") => LOC,
                    _ => 0,
                };
                gender = match tag.feat("Gender") {
                    Some("Masc") => Gender::Masc,
                    Some("Fem") => Gender::Fem,
                    Some("Neut") => Gender::Neut,
                    _ => Gender::None,
                };
                plural = tag.feat("Number") == Some("Plur");
                if tag.feat("VerbForm") == Some("Part") && tag.feat("Variant") == Some("Short") {
                    pos = Pos::Verb;
                }
            }
            let name = if oc.contains("Surn") {
                NameKind::Surname
            } else if oc.contains("Patr") {
                NameKind::Patronymic
            } else if oc.contains("Name") {
                NameKind::Given
            } else if oc.contains("Geox") {
                NameKind::Geo
            } else if oc.contains("Orgn") {
                NameKind::Org
            } else {
                NameKind::None
            };
            let fixed = oc.contains("Fixd");
            let trademark = oc.contains("Trad");
            let prob = a.prob as f32;
            Parse { analysis: a, pos, name, case, gender, plural, fixed, trademark, determiner, gerund, prob }
        })
        .collect();
    parses.sort_by(|a, b| b.prob.total_cmp(&a.prob));
    WordInfo { parses, known }
}

/// The nominative of a parse (singular unless `keep_number` and the parse is plural), in `gender` when given
/// (adjectives agreeing with their head), with the letter case of `original`.
pub(crate) fn nominative(parse: &Parse, gender: Option<Gender>, keep_number: bool, original: &str) -> Option<String> {
    if parse.case == NOM && (!parse.plural || keep_number) && gender.is_none_or(|g| g == parse.gender) {
        return Some(original.to_string());
    }
    let dict = DICT.as_ref()?;
    let number = if keep_number && parse.plural { "Plur" } else { "Sing" };
    let mut feats: Vec<(&str, &str)> = vec![("Case", "Nom"), ("Number", number)];
    if number == "Sing" {
        match gender {
            Some(Gender::Masc) => feats.push(("Gender", "Masc")),
            Some(Gender::Fem) => feats.push(("Gender", "Fem")),
            Some(Gender::Neut) => feats.push(("Gender", "Neut")),
            _ => {}
        }
    }
    let form = dict.inflect(&parse.analysis, &feats)?;
    Some(recase(original, &form.word))
}

/// The form of `parse`'s word with these features changed (UD names: `("Case", "Nom")`), in the dictionary's
/// lower case; `None` when the word has no such form.
pub(crate) fn inflect(parse: &Parse, feats: &[(&str, &str)]) -> Option<String> {
    Some(DICT.as_ref()?.inflect(&parse.analysis, feats)?.word)
}

/// Loads the dictionary (so that the first article does not pay for it).
pub(crate) fn preload() {
    LazyLock::force(&DICT);
}

/// `word` with the letter case of `original`: all capitals stay all capitals, and each hyphen-separated part
/// starts with a capital where the original part did («Нью-Йорке» → «Нью-Йорк»).
pub(crate) fn recase(original: &str, word: &str) -> String {
    let letters = original.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 1 && original.chars().all(|c| !c.is_lowercase()) {
        return word.to_uppercase();
    }
    let caps: Vec<bool> = original.split('-').map(|p| p.chars().next().is_some_and(|c| c.is_uppercase())).collect();
    let mut out = String::with_capacity(word.len());
    for (i, part) in word.split('-').enumerate() {
        if i > 0 {
            out.push('-');
        }
        let cap = caps.get(i).copied().unwrap_or(false);
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            if cap {
                out.extend(first.to_uppercase());
            } else {
                out.push(first);
            }
            out.push_str(chars.as_str());
        }
    }
    out
}

/// Analyses of the distinct word forms of one article.
#[derive(Default)]
pub(crate) struct Cache<'t> {
    index: HashMap<&'t str, usize>,
    infos: Vec<Arc<WordInfo>>,
}

impl<'t> Cache<'t> {
    /// The number of `word`'s analysis, computed on first use; [`Cache::at`] reads it.
    pub fn id(&mut self, word: &'t str) -> usize {
        match self.index.get(word) {
            Some(&i) => i,
            None => {
                self.infos.push(analyze_shared(word));
                self.index.insert(word, self.infos.len() - 1);
                self.infos.len() - 1
            }
        }
    }

    /// An analysis by its number.
    pub fn at(&self, id: usize) -> &WordInfo {
        &self.infos[id]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_and_cases() {
        let w = analyze("Рамазановой");
        assert!(w.name_prob(NameKind::Surname) > 0.5);
        assert!(w.cases(|_| true) & GEN != 0);
        let w = analyze("Казахстана");
        assert!(w.name_prob(NameKind::Geo) > 0.5);
    }

    #[test]
    fn inflects_to_nominative_with_case_of_original() {
        let w = analyze("Китае");
        assert_eq!(nominative(&w.parses[0], None, false, "Китае").as_deref(), Some("Китай"));
        let w = analyze("Центральной");
        assert_eq!(nominative(&w.parses[0], Some(Gender::Fem), false, "Центральной").as_deref(), Some("Центральная"));
    }

    #[test]
    fn full_analysis_keeps_rare_parses() {
        // In lower case a surname is the rarest parse of a common noun: pruned away, kept in the full analysis.
        assert!(analyze("песков").parses.iter().all(|p| p.name != NameKind::Surname));
        assert!(analyze_full("песков").parses.iter().any(|p| p.name == NameKind::Surname && p.in_dictionary()));
        assert!(analyze_full_shared("песков").parses.iter().any(|p| p.name == NameKind::Surname));
    }

    #[test]
    fn flags_determiners_gerunds_and_inflects() {
        let w = analyze("этом");
        assert!(w.parses.iter().any(|p| p.pos == Pos::Adj && p.determiner));
        let w = analyze("Центральной");
        assert!(w.parses.iter().all(|p| !p.determiner));
        let w = analyze("подчеркнув");
        assert!(w.parses[0].gerund);
        let w = analyze("подчеркнул");
        assert!(w.parses.iter().all(|p| !p.gerund));
        let w = analyze("захаровой");
        assert_eq!(inflect(&w.parses[0], &[("Case", "Nom")]).as_deref(), Some("захарова"));
    }

    #[test]
    fn recases_like_the_original() {
        assert_eq!(recase("Нью-Йорке", "нью-йорк"), "Нью-Йорк");
        assert_eq!(recase("КНР", "кнр"), "КНР");
        assert_eq!(recase("союза", "союз"), "союз");
    }
}

#[cfg(test)]
mod probe {
    /// `NER_WORDS="w1 w2" cargo test --lib morph_probe -- --ignored --nocapture` prints the parses.
    #[test]
    #[ignore]
    fn morph_probe() {
        let Ok(words) = std::env::var("NER_WORDS") else { return };
        for w in words.split_whitespace() {
            let info = super::analyze(w);
            eprintln!("{w} known={}", info.known);
            for p in &info.parses {
                eprintln!(
                    "  {} {:?} {:?} case={} {:?} {:.3} fixed={}",
                    p.analysis.lemma, p.pos, p.name, p.case, p.gender, p.prob, p.fixed
                );
            }
        }
    }
}
