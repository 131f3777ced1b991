//! Finding mentions: quoted organization names, gazetteer names, «adjective + область» places, organization
//! phrases around head nouns, and runs of capitalized words told apart by first names, morphology and context.

use std::borrow::Cow;

use foldhash::{HashMap, HashMapExt};

mod passes;
mod phrases;
mod quotes;
mod runs;

use super::gazetteer::{FirstName, Gazetteer, LemmaSet, key};
use super::normalize;
use crate::analysis::EntityType;
use crate::doc::Doc;
use crate::morph::{Cache, DAT, GEN, LOC, NameKind, Pos, WordInfo};
use crate::segment::TokenKind;

/// A mention found, before grouping: byte span, type, nominative and the gazetteer group it came from.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    pub normal: String,
    pub group: Option<u32>,
}

/// A token with what the rules ask of it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    pub word: bool,
    /// Starts with a capital letter.
    pub cap: bool,
    /// Two or more letters, all capitals («КНР», «НАТО»).
    pub upper: bool,
    /// Starts with a Latin letter.
    pub latin: bool,
    /// A Number token.
    pub number: bool,
    /// First word of a sentence, or right after an opening quote, bracket, dash or colon.
    pub initial: bool,
    /// Index of the sentence.
    pub sent: usize,
}

/// What a capitalized word in a run looks like.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Label {
    First,
    /// «де», «ван», «бин», «аль-Хадж»: a part of a foreign name.
    Particle,
    Chinese,
    Patronymic,
    Surname,
    Geo,
    Org,
    Abbr,
    Latin,
    Unknown,
    Common,
}

const LOC_PREPS: &[&str] = &["в", "во", "из", "на", "под", "около", "возле", "близ", "вблизи", "до", "через", "над"];
/// Lowercase or capitalized parts of foreign names.
const PARTICLES: &[&str] = &[
    "де",
    "ле",
    "ла",
    "ван",
    "фон",
    "дер",
    "ди",
    "да",
    "дю",
    "дель",
    "делла",
    "эль",
    "аль",
    "бен",
    "бин",
    "ибн",
    "абд",
    "мак",
    "сан",
];
/// Top-level domains: «Lenta.ru», «baltinfo.ru» are sources.
const TLDS: &[&str] =
    &["ru", "com", "kz", "net", "org", "info", "рф", "ру", "ua", "by", "uz", "kg", "io", "tv", "fm", "uk", "de"];
const DETERMINERS: &[&str] = &[
    "этот",
    "тот",
    "наш",
    "ваш",
    "мой",
    "твой",
    "свой",
    "весь",
    "такой",
    "который",
    "каждый",
    "любой",
    "другой",
    "иной",
    "сам",
    "самый",
    "некоторый",
    "один",
    "первый",
    "второй",
    "новый",
    "данный",
    "указанный",
];
/// Organization heads that start a sentence only as part of a name.
const STRONG_HEADS: &[&str] = &[
    "министерство",
    "комитет",
    "суд",
    "дума",
    "собрание",
    "палата",
    "федерация",
    "союз",
    "партия",
    "движение",
    "агентство",
    "университет",
    "институт",
    "академия",
    "биржа",
    "театр",
    "музей",
    "прокуратура",
    "ассамблея",
    "конгресс",
    "сенат",
    "парламент",
    "фронт",
    "лига",
    "ассоциация",
    "корпорация",
    "консерватория",
];
/// Heads of street names: factRuEval marks the adjective alone («Тверской площади» → «Тверской»).
const STREETS: &[&str] = &["улица", "проспект", "площадь", "бульвар", "переулок", "шоссе", "набережная"];
const DIRECTIONS: &[&str] = &[
    "северный",
    "южный",
    "западный",
    "восточный",
    "центральный",
    "северо-западный",
    "северо-восточный",
    "юго-западный",
    "юго-восточный",
];
const OPENERS: &[&str] = &["«", "„", "“", "\"", "(", "—", "–", "-", ":", "…", "•", "*", "[", "'"];

pub(super) struct Ctx<'g, 't> {
    pub gaz: &'g Gazetteer,
    pub text: &'t str,
    pub toks: Vec<Tok<'t>>,
    cache: Cache<'t>,
    info_id: Vec<u32>,
    /// Key sets by analysis number (see [`Ctx::key_id`]).
    key_sets: Vec<Option<Vec<String>>>,
    taken: Vec<bool>,
    /// Tokens inside quote marks that are not an organization: a title, where only known names count.
    titled: Vec<bool>,
    /// Sentence end (exclusive token index) per sentence.
    sent_end: Vec<usize>,
    /// Paragraph ends (bytes).
    para_ends: Vec<usize>,
    out: Vec<Found>,
}

/// Every mention of `doc`, in text order, not overlapping.
pub(crate) fn detect(gaz: &Gazetteer, doc: &Doc) -> Vec<Found> {
    let mut ctx = Ctx::new(gaz, doc);
    ctx.quotes();
    ctx.scan();
    ctx.propagate();
    ctx.extend();
    let mut out = ctx.out;
    out.sort_by_key(|f| (f.start, f.end));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

impl<'g, 't> Ctx<'g, 't> {
    fn new(gaz: &'g Gazetteer, doc: &Doc<'t>) -> Self {
        let text = doc.text;
        let mut toks = Vec::with_capacity(doc.seg.tokens.len());
        let mut sent_end = Vec::with_capacity(doc.seg.sentences.len());
        let mut sent = 0usize;
        let sentences = &doc.seg.sentences;
        let mut prev_sent = usize::MAX;
        for t in &doc.seg.tokens {
            while sent + 1 < sentences.len() && t.start >= sentences[sent].end {
                sent += 1;
            }
            let s = &text[t.start..t.end];
            let word = t.kind == TokenKind::Word;
            let first = s.chars().next().unwrap_or(' ');
            let cap = word && first.is_uppercase();
            let upper = cap && s.chars().nth(1).is_some() && !s.chars().any(char::is_lowercase);
            let initial = prev_sent != sent
                || toks.last().is_some_and(|p: &Tok| !p.word && OPENERS.contains(&p.text))
                || toks.last().is_some_and(|p: &Tok| p.text == "." || p.text == "!" || p.text == "?");
            prev_sent = sent;
            toks.push(Tok {
                start: t.start,
                end: t.end,
                text: s,
                word,
                cap,
                upper,
                latin: first.is_ascii_alphabetic(),
                number: t.kind == TokenKind::Number,
                initial,
                sent,
            });
        }
        let n = toks.len();
        let mut s = 0;
        for i in 0..n {
            if i + 1 == n || toks[i + 1].sent != toks[i].sent {
                while sent_end.len() <= toks[i].sent {
                    sent_end.push(i + 1);
                }
                s = i + 1;
            }
        }
        let _ = s;
        Ctx {
            gaz,
            text,
            toks,
            cache: Cache::default(),
            info_id: vec![u32::MAX; n],
            key_sets: Vec::new(),
            taken: vec![false; n],
            titled: vec![false; n],
            sent_end,
            para_ends: doc.seg.paragraphs.iter().map(|p| p.end).collect(),
            out: Vec::new(),
        }
    }

    pub fn info(&mut self, i: usize) -> &WordInfo {
        if self.info_id[i] == u32::MAX {
            self.info_id[i] = self.cache.id(self.toks[i].text) as u32;
        }
        self.cache.at(self.info_id[i] as usize)
    }

    fn end_of(&self, i: usize) -> usize {
        self.sent_end.get(self.toks[i].sent).copied().unwrap_or(self.toks.len())
    }

    /// The lowercase key of token `i`, borrowed when the token is already lowercase without «ё».
    fn lower(&self, i: usize) -> Cow<'_, str> {
        let t = self.toks[i];
        if !t.cap && !t.text.contains('ё') {
            return Cow::Borrowed(t.text);
        }
        // A capitalized word's key is the first of its key set, once that is computed.
        let id = self.info_id[i];
        match self.key_sets.get(id as usize).and_then(|k| k.as_ref()) {
            Some(keys) if id != u32::MAX => Cow::Borrowed(keys[0].as_str()),
            _ => Cow::Owned(key(t.text)),
        }
    }

    /// The number of token `i`'s key set (its lowercase form and the lemmas of its parses), computed once per
    /// distinct word form.
    fn key_id(&mut self, i: usize) -> usize {
        self.info(i);
        let id = self.info_id[i] as usize;
        if self.key_sets.len() <= id {
            self.key_sets.resize(id + 1, None);
        }
        if self.key_sets[id].is_none() {
            let mut keys = vec![self.lower(i).into_owned()];
            // A plural form of a singular name is no form of the name («Алтаев» is not «Алтай»); plural-only
            // names («Нидерланды», «Штаты») keep their plural lemma.
            for p in self.cache.at(id).parses.iter().filter(|p| !p.plural || p.analysis.lemma.ends_with(['ы', 'и'])) {
                let k = key(&p.analysis.lemma);
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
            self.key_sets[id] = Some(keys);
        }
        id
    }

    fn key_set(&self, id: usize) -> &[String] {
        self.key_sets.get(id).and_then(|k| k.as_deref()).unwrap_or(&[])
    }

    fn push(&mut self, s: usize, e: usize, kind: EntityType, normal: String, group: Option<u32>) {
        for t in &mut self.taken[s..e] {
            *t = true;
        }
        let (start, end) = (self.toks[s].start, self.toks[e - 1].end);
        self.out.push(Found { start, end, kind, normal, group });
    }

    /// Whether any parse of word `i` is a noun whose lemma is in `set`.
    fn lemma_in(&mut self, i: usize, set: &LemmaSet) -> bool {
        if !self.toks[i].word {
            return false;
        }
        let lower = self.lower(i);
        if set.words.contains(lower.as_ref()) {
            return true;
        }
        if !set.may_hold(&lower) {
            return false;
        }
        self.info(i)
            .parses
            .iter()
            .any(|p| matches!(p.pos, Pos::Noun | Pos::Propn) && set.words.contains(&p.analysis.lemma))
    }

    /// The longest gazetteer name starting at word `i`: its end and entry.
    /// A hyphenated word led by a known one-word organization names a branch of it: «Интерфакс-Казахстан»,
    /// «Хабар-24». The place in it does not make it a place.
    fn org_compound(&mut self, i: usize) -> Option<String> {
        let t = self.toks[i];
        let (head, _) = t.text.split_once('-')?;
        if !t.cap || head.chars().count() < 3 {
            return None;
        }
        let ids = self.gaz.by_first.get(&key(head))?;
        let known = ids.iter().any(|&id| {
            let e = &self.gaz.entries[id as usize];
            e.kind == EntityType::Organization && e.words.len() == 1
        });
        known.then(|| normalize::single(self, i, EntityType::Organization))
    }

    fn gaz_match(&mut self, i: usize) -> Option<(usize, u32)> {
        let gaz = self.gaz;
        let end = self.end_of(i);
        let kid = self.key_id(i);
        let mut cands: Vec<u32> = Vec::new();
        for k in self.key_set(kid) {
            if let Some(ids) = gaz.by_first.get(k) {
                cands.extend_from_slice(ids);
            }
        }
        if cands.is_empty() {
            return None;
        }
        cands.sort_unstable();
        cands.dedup();
        let mut best: Option<(usize, u32)> = None;
        {
            for id in cands {
                let e = &gaz.entries[id as usize];
                let n = e.words.len();
                if i + n > end || best.is_some_and(|(b, _)| b >= i + n) {
                    continue;
                }
                let mut ok = true;
                for j in 1..n {
                    let t = self.toks[i + j];
                    // A later word may be lowercase in the text («Российской федерации»), never the reverse.
                    if !t.word || self.taken[i + j] || !e.caps[j] && t.cap {
                        ok = false;
                        break;
                    }
                    let kj = self.key_id(i + j);
                    if !self.key_set(kj).iter().any(|k| e.words[j].contains(k)) {
                        ok = false;
                        break;
                    }
                }
                if ok {
                    best = Some((i + n, id));
                }
            }
        }
        best
    }

    /// The main pass over capitalized words.
    fn scan(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            let t = self.toks[i];
            if self.taken[i] || !t.word {
                i += 1;
                continue;
            }
            if !self.titled[i]
                && let Some(e) = self.domain(i)
            {
                let normal = self.text[t.start..self.toks[e - 1].end].to_string();
                self.push(i, e, EntityType::Organization, normal, None);
                i = e;
                continue;
            }
            if t.cap {
                self.key_id(i);
            }
            if !t.cap {
                // Lowercase organization heads: «министерства иностранных дел Китая».
                if t.text.starts_with("министерств")
                    && let Some(e) = self.org_phrase(i, true)
                {
                    i = e;
                    continue;
                }
                i += 1;
                continue;
            }
            if i > 0 && self.toks[i - 1].text == "." && self.toks[i - 1].end == t.start {
                // «.РФ», «.kz»: a domain zone.
                i += 1;
                continue;
            }
            if let Some(e) = self.place_phrase(i) {
                i = e;
                continue;
            }
            let person_first = self.gaz.first_names.contains_key(self.lower(i).as_ref())
                && i + 1 < self.end_of(i)
                && self.toks[i + 1].cap
                && !self.taken[i + 1];
            if !person_first && let Some((e, id)) = self.gaz_match(i) {
                let entry = &self.gaz.entries[id as usize];
                let (kind, group, normal) = (entry.kind, entry.group, entry.normal.clone());
                // A known Latin name goes on with more Latin words: «Kaspi Bank», «Google Cloud».
                let longer =
                    if kind == EntityType::Organization && self.toks[e - 1].latin { self.latin_run(e - 1) } else { e };
                if longer > e {
                    let text = self.text[self.toks[i].start..self.toks[longer - 1].end].to_string();
                    self.push(i, longer, kind, text, None);
                    i = longer;
                    continue;
                }
                self.push(i, e, kind, normal, Some(group));
                i = e;
                continue;
            }
            if let Some(normal) = self.org_compound(i) {
                self.push(i, i + 1, EntityType::Organization, normal, None);
                i += 1;
                continue;
            }
            if self.titled[i] {
                // In a title only names the dictionary knows as places count, and not a title that is one
                // place name: a shuttle «Колумбия», a car «Таврия».
                let whole = i > 0
                    && matches!(self.toks[i - 1].text, "«" | "„" | "\"" | "“")
                    && self.toks.get(i + 1).is_some_and(|n| !n.word);
                let info = self.info(i);
                if !whole && info.known && info.name_prob(NameKind::Geo) >= 0.5 {
                    let normal = normalize::single(self, i, EntityType::Location);
                    self.push(i, i + 1, EntityType::Location, normal, None);
                }
                i += 1;
                continue;
            }
            if let Some(e) = self.org_phrase(i, false) {
                i = e;
                continue;
            }
            i = self.run(i);
        }
    }

    pub fn first_name(&self, i: usize) -> Option<&'g FirstName> {
        let gaz = self.gaz;
        gaz.first_names.get(self.lower(i).as_ref())
    }
}
