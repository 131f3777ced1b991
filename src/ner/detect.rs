//! Finding mentions: quoted organization names, gazetteer names, «adjective + область» places, organization
//! phrases around head nouns, and runs of capitalized words told apart by first names, morphology and context.

use std::borrow::Cow;

use foldhash::{HashMap, HashMapExt};

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
    fn lower(&self, i: usize) -> Cow<'t, str> {
        let t = self.toks[i];
        if !t.cap && !t.text.contains('ё') { Cow::Borrowed(t.text) } else { Cow::Owned(key(t.text)) }
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
            for p in &self.cache.at(id).parses {
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

    /// Names in quote marks: an organization after a noun like «партия», «газета», or a known organization;
    /// any other quoted text is a title, where only known names are taken.
    fn quotes(&mut self) {
        let mut stack: Vec<(usize, char)> = Vec::new();
        let mut pairs = Vec::new();
        let mut para = 0;
        for i in 0..self.toks.len() {
            // Quote marks pair within a paragraph: an unclosed one does not swallow the next.
            while para < self.para_ends.len() && self.toks[i].start >= self.para_ends[para] {
                para += 1;
                stack.clear();
            }
            if self.toks[i].word || self.toks[i].text.chars().count() != 1 {
                continue;
            }
            let c = self.toks[i].text.chars().next().unwrap_or(' ');
            let open_straight = stack.last().is_some_and(|&(_, o)| o == '"');
            match c {
                '«' | '„' => stack.push((i, c)),
                '“' if stack.last().is_some_and(|&(_, o)| o == '„') => {
                    pairs.push((stack.pop().map_or(0, |s| s.0), i));
                }
                '“' => stack.push((i, c)),
                '»' | '”' => {
                    if let Some(pos) = stack.iter().rposition(|&(_, o)| if c == '»' { o == '«' } else { o == '“' })
                    {
                        pairs.push((stack[pos].0, i));
                        stack.truncate(pos);
                    }
                }
                '"' if open_straight => pairs.push((stack.pop().map_or(0, |s| s.0), i)),
                '"' => stack.push((i, c)),
                _ => {}
            }
        }
        pairs.sort_unstable();
        for (o, c) in pairs {
            if c <= o + 1 || c - o > 9 || self.toks[o].sent != self.toks[c].sent && c - o > 4 {
                continue;
            }
            let (s, e) = (o + 1, c);
            if self.taken[s..e].iter().any(|&t| t)
                || !self.toks[s].word && self.toks[s].text.chars().all(|ch| !ch.is_numeric())
            {
                continue;
            }
            let org_noun = o > 0
                && (self.lemma_in(o - 1, &self.gaz.quote_org_nouns)
                    || self.toks[o - 1].word && self.gaz.media_cues.contains(self.lower(o - 1).as_ref()));
            let content = &self.text[self.toks[s].start..self.toks[e - 1].end];
            let known = self.gaz_exact(content);
            let cap = self.toks[s].cap || self.toks[s].latin || !self.toks[s].word;
            if org_noun && cap || known.is_some_and(|(k, _)| k == EntityType::Organization) {
                let normal = normalize::quoted(self, s, e);
                self.push(s, e, EntityType::Organization, normal, known.map(|(_, g)| g));
            } else {
                for t in &mut self.titled[s..e] {
                    *t = true;
                }
            }
        }
    }

    /// The gazetteer entry that is exactly `content` (by keys of its words), if any.
    fn gaz_exact(&mut self, content: &str) -> Option<(EntityType, u32)> {
        let words: Vec<&str> = content.split_whitespace().collect();
        let k0 = key(words.first()?);
        let ids = self.gaz.by_first.get(&k0)?;
        ids.iter().map(|&id| &self.gaz.entries[id as usize]).find_map(|e| {
            (e.words.len() == words.len() && e.words.iter().zip(&words).all(|(ks, w)| ks.contains(&key(w))))
                .then_some((e.kind, e.group))
        })
    }

    /// The longest gazetteer name starting at word `i`: its end and entry.
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
                self.push(i, e, kind, normal, Some(group));
                i = e;
                continue;
            }
            if i > 0 && self.toks[i - 1].text == "." && self.toks[i - 1].end == t.start {
                // «.РФ», «.kz»: a domain zone.
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

    /// A site name: «Lenta.ru», «baltinfo.ru», «NEWSru.com».
    fn domain(&self, i: usize) -> Option<usize> {
        let n = self.end_of(i);
        let mut e = i + 1;
        while e + 1 < n
            && self.toks[e].text == "."
            && self.toks[e].start == self.toks[e - 1].end
            && self.toks[e + 1].start == self.toks[e].end
            && self.toks[e + 1].word
        {
            e += 2;
        }
        (e > i + 1 && TLDS.contains(&key(self.toks[e - 1].text).as_str()) && !self.taken[i..e].iter().any(|&t| t))
            .then_some(e)
    }

    /// «Туркестанская область», «Манежной площади», «Алматинская и Туркестанская области».
    fn place_phrase(&mut self, i: usize) -> Option<usize> {
        let end = self.end_of(i);
        if i + 1 >= end || !self.is_adj(i) {
            return None;
        }
        let heads = &self.gaz.loc_heads;
        // «Дальневосточном федеральном округе»: one lowercase adjective may stand between.
        let mut h = i + 1;
        if h + 1 < end && !self.toks[h].cap && self.is_adj(h) && !self.toks[h + 1].cap && self.lemma_in(h + 1, heads) {
            h += 1;
        }
        if !self.toks[h].cap && self.lemma_in(h, heads) {
            let street = self.info(h).parses.iter().any(|p| STREETS.contains(&p.analysis.lemma.as_str()));
            let adjs: Vec<usize> = (i..h).collect();
            let normal = normalize::adj_head(self, &adjs, h);
            if street {
                let adj = normal.split(' ').next().unwrap_or_default().to_string();
                self.push(i, i + 1, EntityType::Location, adj, None);
                return Some(h + 1);
            }
            self.push(i, h + 1, EntityType::Location, normal, None);
            return Some(h + 1);
        }
        // «Алматинская и Туркестанская области»: the first adjective borrows the head.
        if i + 3 < end
            && matches!(self.toks[i + 1].text, "и" | ",")
            && self.toks[i + 2].cap
            && self.is_adj(i + 2)
            && !self.toks[i + 3].cap
            && self.lemma_in(i + 3, heads)
        {
            let first = normalize::adj_head(self, &[i], i + 3);
            let second = normalize::adj_head(self, &[i + 2], i + 3);
            self.push(i, i + 1, EntityType::Location, first, None);
            self.push(i + 2, i + 4, EntityType::Location, second, None);
            return Some(i + 4);
        }
        None
    }

    pub fn is_adj(&mut self, i: usize) -> bool {
        self.toks[i].word && !self.toks[i].upper && self.info(i).pos_prob(Pos::Adj) >= 0.5
    }

    /// A lowercase noun or adjective that can be in one of the `case` bits.
    fn in_case(&mut self, i: usize, case: u8) -> bool {
        let t = self.toks[i];
        if !t.word || t.cap {
            return false;
        }
        let info = self.info(i);
        info.parses
            .iter()
            .filter(|p| matches!(p.pos, Pos::Noun | Pos::Adj) && p.case & case != 0)
            .map(|p| p.prob)
            .sum::<f32>()
            >= 0.3
    }

    fn noun_in_case(&mut self, i: usize, case: u8) -> bool {
        self.info(i).parses.iter().any(|p| p.pos == Pos::Noun && p.case & case != 0)
    }

    fn is_genitive_complement(&mut self, i: usize) -> bool {
        let t = self.toks[i];
        if !t.word || t.cap || t.text.chars().count() < 3 {
            return false;
        }
        let info = self.info(i);
        if info.parses.first().is_some_and(|p| p.pos == Pos::Verb) {
            return false;
        }
        info.parses
            .iter()
            .filter(|p| matches!(p.pos, Pos::Noun | Pos::Adj) && p.case == GEN)
            .map(|p| p.prob)
            .sum::<f32>()
            >= 0.3
    }

    /// An organization named by its head noun: [adjectives] head [genitive complements] [place]:
    /// «Верховный суд», «Союза журналистов Казахстана», «министерства иностранных дел Китая».
    fn org_phrase(&mut self, i: usize, lower_head: bool) -> Option<usize> {
        let end = self.end_of(i);
        let mut j = i;
        let mut adjs = Vec::new();
        if lower_head {
            // A lowercase adjective before: «американского министерства иностранных дел».
            if i > 0 && !self.taken[i - 1] && self.toks[i - 1].word && !self.toks[i - 1].cap && self.is_adj(i - 1) {
                let info = self.info(i - 1);
                if info.parses.first().is_some_and(|p| p.analysis.lemma.ends_with("ский")) {
                    adjs.push(i - 1);
                }
            }
        } else {
            while j < end && adjs.len() < 3 && self.is_adj(j) && (j == i || !self.toks[j].latin) {
                adjs.push(j);
                j += 1;
            }
        }
        if j >= end || self.taken[j] || !self.lemma_in(j, &self.gaz.org_heads) {
            return None;
        }
        let head = j;
        if !lower_head && adjs.is_empty() && !self.toks[head].cap {
            return None;
        }
        if !adjs.is_empty() && !self.toks[adjs[0]].cap && !lower_head {
            return None;
        }
        // A plural head names a kind of organization, not one («Правозащитные организации»).
        let info = self.info(head);
        if info.parses.first().is_some_and(|p| p.plural) {
            return None;
        }
        // «Эта группа», «Наш банк»: a pronoun is no part of a name.
        if let Some(&a) = adjs.first()
            && self.info(a).parses.iter().any(|p| DETERMINERS.contains(&p.analysis.lemma.as_str()))
        {
            return None;
        }
        // At the start of a sentence every word is capitalized: only heads that are nearly always part of a
        // name count there («Министерство обороны», «Верховный суд»), not «Японское правительство».
        let start_tok = adjs.first().copied().unwrap_or(head);
        if !lower_head && self.toks[start_tok].initial {
            let lemma = self.info(head).parses.first().map(|p| p.analysis.lemma.clone()).unwrap_or_default();
            if !STRONG_HEADS.contains(&lemma.as_str()) {
                return None;
            }
        }
        let mut k = head + 1;
        while k < end && k - head <= 8 && !self.taken[k] {
            if self.is_genitive_complement(k) {
                k += 1;
            } else if k > head + 1 && k + 1 < end && self.toks[k].text == "и" && self.is_genitive_complement(k + 1) {
                k += 2;
            } else if let Some(case) = match self.toks[k].text {
                "по" => Some(DAT),
                "при" => Some(LOC),
                "против" => Some(GEN),
                _ => None,
            } {
                // «Комитет по иностранным делам», «Следственный комитет при прокуратуре».
                let mut e = k + 1;
                while e < end && e - k <= 4 && !self.taken[e] {
                    if self.in_case(e, case) {
                        e += 1;
                    } else if e > k + 1 && e + 1 < end && self.toks[e].text == "и" && self.in_case(e + 1, case) {
                        e += 2;
                    } else {
                        break;
                    }
                }
                if e == k + 1 || !self.noun_in_case(e - 1, case) {
                    break;
                }
                k = e;
            } else {
                break;
            }
        }
        let complements = k - head - 1;
        if complements > 0 && k < end && !self.taken[k] && self.toks[k].cap {
            // A place closing the name: «Союз журналистов Казахстана».
            let geo = self
                .gaz_match(k)
                .is_some_and(|(e, id)| e == k + 1 && self.gaz.entries[id as usize].kind == EntityType::Location)
                || {
                    let info = self.info(k);
                    info.known && info.name_prob(NameKind::Geo) >= 0.5
                };
            if geo && (self.info(k).cases(|p| p.name == NameKind::Geo) & GEN != 0 || self.toks[k].upper) {
                k += 1;
            }
        }
        let start = adjs.first().copied().unwrap_or(head);
        if adjs.is_empty() && complements == 0 && (self.toks[head].initial || lower_head) {
            return None;
        }
        if lower_head && complements == 0 {
            return None;
        }
        let normal = normalize::org_phrase(self, &adjs, head, k);
        self.push(start, k, EntityType::Organization, normal, None);
        Some(k)
    }

    fn label(&mut self, i: usize) -> Label {
        let t = self.toks[i];
        let lower = self.lower(i);
        let lower: &str = lower.as_ref();
        if self.gaz.not_names.contains(lower) {
            return Label::Common;
        }
        if !t.cap {
            return Label::Particle;
        }
        if self.gaz.titles.words.contains(lower) {
            // «Аким», «Президент» at the start of a sentence: a title before a name.
            return Label::Common;
        }
        if t.latin {
            return Label::Latin;
        }
        if PARTICLES.contains(&lower) {
            return Label::Particle;
        }
        if self.gaz.first_names.contains_key(lower) {
            return Label::First;
        }
        if t.upper {
            return Label::Abbr;
        }
        if self.gaz.chinese_surnames.contains(lower) && !t.initial {
            return Label::Chinese;
        }
        let initial = t.initial;
        let info = self.info(i);
        let (geo, sur, giv, pat, org) = (
            info.name_prob(NameKind::Geo),
            info.name_prob(NameKind::Surname),
            info.name_prob(NameKind::Given),
            info.name_prob(NameKind::Patronymic),
            info.name_prob(NameKind::Org),
        );
        let known = info.known;
        let propn = info.propn_prob();
        if pat >= 0.5 {
            return Label::Patronymic;
        }
        if !known {
            return Label::Unknown;
        }
        if propn < 0.2 {
            return Label::Common;
        }
        if initial && propn < 0.5 {
            // A capital that only starts the sentence: a common word unless the dictionary takes it for a
            // name (its lowercase form says nothing: lowercase input loses its proper-noun parses).
            return Label::Common;
        }
        if giv > sur && giv > geo && giv >= 0.3 {
            return Label::First;
        }
        let person = sur + giv;
        if geo >= person && geo >= org && geo >= 0.2 {
            Label::Geo
        } else if person >= org && person >= 0.2 {
            Label::Surname
        } else if org >= 0.2 {
            Label::Org
        } else {
            Label::Common
        }
    }

    /// Whether token `j` (lowercase) glues a foreign name: «бин», «де», «аль-Хадж».
    fn is_particle(&self, j: usize) -> bool {
        let t = self.toks[j];
        if !t.word || t.cap {
            return false;
        }
        let lower = t.text.to_lowercase();
        if let Some((p, rest)) = lower.split_once('-') {
            return matches!(p, "аль" | "эль" | "ибн" | "бин" | "ад" | "ас" | "ан")
                && t.text[p.len() + 1..].chars().next().is_some_and(char::is_uppercase)
                && !rest.is_empty();
        }
        PARTICLES.contains(&lower.as_str())
            && j + 1 < self.end_of(j)
            && self.toks[j + 1].cap
            && self.toks[j + 1].word
            && !self.toks[j + 1].latin
    }

    /// A run of capitalized words starting at `i`, split into people, places and organizations.
    fn run(&mut self, i: usize) -> usize {
        let end = self.end_of(i);
        let mut j = i;
        while j < end && self.toks[j].word && !self.taken[j] && (j == i || !self.titled[j]) {
            if !(self.toks[j].cap || j > i && self.is_particle(j)) {
                break;
            }
            let after_first = j > i && self.gaz.first_names.contains_key(self.lower(j - 1).as_ref());
            if j > i
                && !after_first
                && self.gaz_match(j).is_some()
                && !self.gaz.first_names.contains_key(self.lower(j).as_ref())
            {
                break;
            }
            j += 1;
        }
        if j == i {
            return i + 1;
        }
        let labels: Vec<Label> = (i..j).map(|k| self.label(k)).collect();
        let title = i > 0 && !self.toks[i - 1].cap && self.lemma_in(i - 1, &self.gaz.titles);
        let loc_prep = i > 0 && LOC_PREPS.contains(&self.lower(i - 1).as_ref());
        let loc_ctx = i > 0 && !self.toks[i - 1].cap && self.lemma_in(i - 1, &self.gaz.loc_context);
        let lab = |k: usize| labels[k - i];
        if loc_ctx && !matches!(lab(i), Label::Abbr | Label::Latin | Label::First | Label::Particle) {
            // «город Феникс», «реки Славянки», «города Хилтон Хэд».
            let mut e = i + 1;
            if e < j && matches!(lab(e), Label::Unknown | Label::Surname | Label::Common) {
                e += 1;
            }
            let normal = if e == i + 1 {
                normalize::single(self, i, EntityType::Location)
            } else {
                self.text[self.toks[i].start..self.toks[e - 1].end].to_string()
            };
            self.push(i, e, EntityType::Location, normal, None);
            return e;
        }
        let mut k = i;
        while k < j {
            let l = lab(k);
            let next = (k + 1 < j).then(|| lab(k + 1));
            match l {
                Label::First => {
                    let mut e = k + 1;
                    while e < j && e - k < 5 {
                        let (prev, cur) = (lab(e - 1), lab(e));
                        if matches!(cur, Label::Abbr | Label::Latin | Label::Org) {
                            break;
                        }
                        let glued = prev == Label::Particle || cur == Label::Particle;
                        let second = e == k + 1;
                        let more = matches!(prev, Label::First | Label::Patronymic) || cur == Label::Patronymic;
                        if second || glued || more {
                            e += 1;
                        } else {
                            break;
                        }
                    }
                    while e > k + 1 && lab(e - 1) == Label::Particle && self.toks[e - 1].text.len() <= 8 {
                        e -= 1;
                    }
                    if e == k + 1 && self.toks[k].initial && next.is_none() {
                        // A lone first name starting a sentence may be a common word («Вера», «Роман»).
                        if self.info(k).propn_prob() < 0.5 {
                            k += 1;
                            continue;
                        }
                    }
                    self.person(k, e, false);
                    k = e;
                }
                Label::Chinese if next.is_some_and(|n| !matches!(n, Label::Abbr | Label::Latin | Label::Org)) => {
                    // Chinese and Korean names: a surname and one or two short syllables («Ким Чен Ир»).
                    let mut e = k + 2;
                    while e < j && e - k < 4 && self.toks[e].text.chars().count() <= 4 && lab(e) != Label::Geo {
                        e += 1;
                    }
                    self.person(k, e, true);
                    k = e;
                }
                Label::Surname | Label::Patronymic | Label::Chinese => {
                    let mut e = k + 1;
                    if next == Some(Label::First) && self.same_case(k, k + 1) {
                        e += 1;
                        if e < j && lab(e) == Label::Patronymic {
                            e += 1;
                        }
                    } else if next.is_some_and(|n| matches!(n, Label::Unknown | Label::Surname)) {
                        e += 1;
                    }
                    if self.toks[k].initial && e == k + 1 && !title {
                        let info = self.info(k);
                        if info.name_prob(NameKind::Surname) < 0.6 {
                            k += 1;
                            continue;
                        }
                    }
                    self.person(k, e, false);
                    k = e;
                }
                Label::Geo => {
                    let normal = normalize::single(self, k, EntityType::Location);
                    self.push(k, k + 1, EntityType::Location, normal, None);
                    k += 1;
                }
                Label::Org | Label::Abbr => {
                    let normal = if l == Label::Abbr {
                        self.toks[k].text.to_string()
                    } else {
                        normalize::single(self, k, EntityType::Organization)
                    };
                    self.push(k, k + 1, EntityType::Organization, normal, None);
                    k += 1;
                }
                Label::Latin => {
                    let e = self.latin_run(k);
                    self.latin(k, e);
                    k = e.max(k + 1);
                }
                Label::Unknown => {
                    let mut e = k + 1;
                    // A capitalized word after an unknown name is the rest of it («Виторио Сандали»).
                    while e < j
                        && e < k + 3
                        && matches!(
                            lab(e),
                            Label::Unknown | Label::Surname | Label::Particle | Label::First | Label::Common
                        )
                    {
                        e += 1;
                    }
                    if e - k >= 2 {
                        self.person(k, e, false);
                        k = e;
                        continue;
                    }
                    if self.toks[k].initial && !(title && k == i) {
                        k += 1;
                        continue;
                    }
                    let info = self.info(k);
                    let geo = info.name_prob(NameKind::Geo);
                    let person = info.name_prob(NameKind::Surname) + info.name_prob(NameKind::Given);
                    let org = info.name_prob(NameKind::Org);
                    if title && k == i || !loc_prep && person >= geo && person >= org {
                        self.person(k, k + 1, false);
                    } else if loc_prep && k == i || geo >= org {
                        let normal = normalize::single(self, k, EntityType::Location);
                        self.push(k, k + 1, EntityType::Location, normal, None);
                    } else {
                        let normal = normalize::single(self, k, EntityType::Organization);
                        self.push(k, k + 1, EntityType::Organization, normal, None);
                    }
                    k += 1;
                }
                // A common word: the words after it get a fresh look from the main pass («Замглавы Федеральной
                // миграционной службы»).
                Label::Common | Label::Particle => return k + 1,
            }
        }
        j
    }

    /// Whether a surname and the first name after it can be in one case («Лужков Юрий», not «Ельцина Наина»).
    fn same_case(&mut self, sur: usize, first: usize) -> bool {
        let Some(f) = self.first_name(first).map(|f| f.cases) else { return true };
        let c = self.info(sur).cases(|p| p.name == NameKind::Surname);
        c == 0 || c & f != 0
    }

    /// A Latin name: in brackets right after a mention it takes that mention's type («Джоэл Саймон (Joel
    /// Simon)»); after a quoted title it is the title's original, not a name; alone it is an organization.
    fn latin(&mut self, k: usize, e: usize) {
        let text = &self.text[self.toks[k].start..self.toks[e - 1].end];
        let roman = text.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'));
        if text.chars().count() < 2 || roman {
            return;
        }
        let mut kind = EntityType::Organization;
        if k >= 1 && !self.toks[k - 1].cap && self.lemma_in(k - 1, &self.gaz.title_nouns) {
            return;
        }
        if k >= 2 && self.toks[k - 1].text == "(" {
            let before = self.toks[k - 2].end;
            if let Some(f) = self.out.iter().rev().find(|f| f.end == before) {
                kind = f.kind;
            } else if matches!(self.toks[k - 2].text, "»" | "\"" | "“" | "”") {
                return;
            }
        }
        self.push(k, e, kind, text.to_string(), None);
    }

    /// Latin words from `k` with lowercase joiners between capitalized ones: «Bank of East Asia».
    fn latin_run(&self, k: usize) -> usize {
        let end = self.end_of(k);
        let mut e = k + 1;
        loop {
            if e < end && self.toks[e].latin && self.toks[e].cap && !self.taken[e] {
                e += 1;
            } else if e + 1 < end
                && self.toks[e].latin
                && matches!(self.toks[e].text, "of" | "and" | "the" | "de" | "for" | "und" | "to" | "&")
                && self.toks[e + 1].latin
                && self.toks[e + 1].cap
            {
                e += 2;
            } else if e + 1 < end
                && matches!(self.toks[e].text, "." | "-")
                && self.toks[e].start == self.toks[e - 1].end
                && self.toks[e + 1].start == self.toks[e].end
                && (self.toks[e + 1].latin || self.toks[e + 1].number)
            {
                // «Lenta.ru», «NEWSru.com»
                e += 2;
            } else {
                break;
            }
        }
        e
    }

    fn person(&mut self, s: usize, e: usize, chinese: bool) {
        let normal = normalize::person(self, s, e, chinese);
        self.push(s, e, EntityType::Person, normal, None);
    }

    pub fn first_name(&self, i: usize) -> Option<&'g FirstName> {
        self.gaz.first_names.get(&key(self.toks[i].text))
    }

    /// Words before a mention that belong to it: an initial («А. Кудрин»), a compass adjective before a place
    /// («Восточный Иерусалим», «западной Европы»), a nationality adjective before an organization («японского
    /// МИДа»).
    fn extend(&mut self) {
        let mut out = std::mem::take(&mut self.out);
        for f in &mut out {
            let Ok(s) = self.toks.binary_search_by_key(&f.start, |t| t.start) else { continue };
            if s == 0 || self.taken[s - 1] {
                continue;
            }
            let p = s - 1;
            match f.kind {
                EntityType::Person if s >= 2 => {
                    let init = self.toks[s - 2];
                    if self.toks[p].text == "."
                        && self.toks[p].start == init.end
                        && init.word
                        && init.cap
                        && init.text.chars().count() == 1
                        && !self.taken[s - 2]
                    {
                        f.start = init.start;
                        f.normal = format!("{}. {}", init.text, f.normal);
                        self.taken[s - 2] = true;
                        self.taken[p] = true;
                    }
                }
                EntityType::Location | EntityType::Organization if self.toks[p].word && self.is_adj(p) => {
                    let lemma =
                        self.info(p).parses.iter().find(|q| q.pos == Pos::Adj).map(|q| q.analysis.lemma.clone());
                    let Some(lemma) = lemma else { continue };
                    let ok = match f.kind {
                        EntityType::Location => DIRECTIONS.contains(&lemma.as_str()),
                        _ => !self.toks[p].cap && (lemma.ends_with("ский") || lemma.ends_with("цкий")),
                    };
                    if ok {
                        let adj = normalize::adj_head(self, &[p], s);
                        let head = adj.rsplit_once(' ').map_or("", |x| x.0).to_string();
                        f.start = self.toks[p].start;
                        f.normal = format!("{head} {}", f.normal);
                        f.group = None;
                        self.taken[p] = true;
                    }
                }
                _ => {}
            }
        }
        self.out = out;
    }

    /// Second pass: a capitalized word left over that is the surname of a person found, or a one-word
    /// organization or place found elsewhere in the article, is another mention of it.
    fn propagate(&mut self) {
        let mut known: HashMap<String, (EntityType, String)> = HashMap::new();
        for f in &self.out {
            let words: Vec<&str> = f.normal.split_whitespace().collect();
            match f.kind {
                EntityType::Person => {
                    if let Some(last) = words.last()
                        && words.len() >= 2
                    {
                        known.entry(key(last)).or_insert((f.kind, last.to_string()));
                    }
                }
                _ if words.len() == 1 => {
                    known.entry(key(&f.normal)).or_insert((f.kind, f.normal.clone()));
                }
                _ => {}
            }
        }
        if known.is_empty() {
            return;
        }
        for i in 0..self.toks.len() {
            let t = self.toks[i];
            if self.taken[i] || !t.word || !t.cap {
                continue;
            }
            let kid = self.key_id(i);
            let hit = self.key_set(kid).iter().find_map(|k| known.get(k)).cloned();
            if let Some((kind, normal)) = hit {
                let normal = if kind == EntityType::Person { normal } else { normalize::single(self, i, kind) };
                self.push(i, i + 1, kind, normal, None);
            }
        }
    }
}
