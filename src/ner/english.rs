//! English names by capitalization and word lists: runs of capitalized words, split by gazetteers of places and
//! organizations, first names, titles («President», «Mr») and organization suffixes («Bank», «Ministry of …»).
//! English names do not inflect, so a mention's normal form is its text without a possessive «'s».

use foldhash::{HashMap, HashMapExt, HashSet};

use super::detect::Found;
use crate::analysis::EntityType;
use crate::doc::Doc;
use crate::segment::TokenKind;

const FIRST_NAMES: &str = include_str!("../../data/ner/en_first_names.txt");
const PLACES: &str = include_str!("../../data/ner/en_places.txt");
const ORGS: &str = include_str!("../../data/ner/en_orgs.txt");
const WORDS: &str = include_str!("../../data/ner/en_words.txt");

/// Words that end an organization's name, or start one before «of».
const ORG_WORDS: &[&str] = &[
    "Inc",
    "Corp",
    "Corporation",
    "Ltd",
    "LLC",
    "Group",
    "Bank",
    "Ministry",
    "University",
    "Agency",
    "Association",
    "Council",
    "Committee",
    "Party",
    "Company",
    "Times",
    "News",
    "Post",
    "Institute",
    "Foundation",
    "Fund",
    "Court",
    "Commission",
    "Organization",
    "Organisation",
    "Union",
    "Airlines",
    "Airways",
    "Department",
    "Office",
    "Service",
    "Authority",
    "Federation",
    "League",
    "Club",
    "Journal",
    "Press",
    "Television",
    "Radio",
    "Holdings",
    "Motors",
];
/// Titles before a person's name.
const TITLES: &[&str] = &[
    "President",
    "Minister",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Mayor",
    "Governor",
    "Senator",
    "Chairman",
    "General",
    "Secretary",
    "Spokesman",
    "Spokeswoman",
    "King",
    "Queen",
    "Prince",
    "Pope",
    "Chancellor",
    "Premier",
    "Ambassador",
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "chairman",
    "ambassador",
    "leader",
    "chief",
    "secretary",
];
const JOINERS: &[&str] = &["of", "the", "and", "for", "de", "&"];

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The English word lists.
pub(crate) struct English {
    first_names: HashSet<&'static str>,
    names: HashMap<&'static str, EntityType>,
    words: HashSet<&'static str>,
}

impl English {
    pub fn load() -> Self {
        let mut names = HashMap::new();
        for l in lines(PLACES) {
            names.insert(l, EntityType::Location);
        }
        for l in lines(ORGS) {
            names.insert(l, EntityType::Organization);
        }
        English { first_names: lines(FIRST_NAMES).collect(), names, words: lines(WORDS).collect() }
    }
}

/// The end of a word without a possessive «'s» / «’s».
fn bare_end(text: &str, start: usize, end: usize) -> usize {
    let w = &text[start..end];
    for s in ["'s", "’s"] {
        if w.len() > s.len() && w.ends_with(s) {
            return end - s.len();
        }
    }
    end
}

/// Every mention of an English `doc`, in text order.
pub(crate) fn detect(en: &English, doc: &Doc) -> Vec<Found> {
    let text = doc.text;
    let toks = &doc.seg.tokens;
    let word = |i: usize| &text[toks[i].start..bare_end(text, toks[i].start, toks[i].end)];
    let cap = |i: usize| toks[i].kind == TokenKind::Word && word(i).chars().next().is_some_and(char::is_uppercase);
    let mut out: Vec<Found> = Vec::new();
    let mut sent = 0;
    let mut i = 0;
    while i < toks.len() {
        while sent + 1 < doc.seg.sentences.len() && toks[i].start >= doc.seg.sentences[sent].end {
            sent += 1;
        }
        let sent_end = doc.seg.sentences.get(sent).map_or(text.len(), |s| s.end);
        let initial = doc.seg.sentences.get(sent).is_some_and(|s| s.start == toks[i].start)
            || i > 0 && matches!(&text[toks[i - 1].start..toks[i - 1].end], "\"" | "“" | "(" | ":" | "—" | "–");
        if !cap(i) {
            i += 1;
            continue;
        }
        // The run: capitalized words, with «of», «the», «and» between two of them.
        let mut j = i + 1;
        while j < toks.len() && toks[j].start < sent_end {
            if cap(j) && toks[j - 1].end == bare_end(text, toks[j - 1].start, toks[j - 1].end) {
                j += 1;
            } else if JOINERS.contains(&word(j)) && j + 1 < toks.len() && cap(j + 1) {
                j += 2;
            } else {
                break;
            }
        }
        let mut titled =
            i > 0 && TITLES.contains(&word(i - 1)) || i > 1 && word(i - 1) == "." && TITLES.contains(&word(i - 2));
        let lookup = |name: &str| -> Option<EntityType> {
            en.names.get(name).copied().or_else(|| {
                // «ASTANA» in a dateline.
                let upper = name.chars().count() > 3 && !name.chars().any(char::is_lowercase);
                let title: String =
                    name.chars().take(1).chain(name.chars().skip(1).flat_map(char::to_lowercase)).collect();
                if upper { en.names.get(title.as_str()).copied() } else { None }
            })
        };
        let mut k = i;
        while k < j {
            let common = en.words.contains(word(k)) || JOINERS.contains(&word(k));
            // The piece: up to the next common word or title («Kazakh President Kassym-Jomart Tokayev»).
            let mut pe = k + 1;
            while pe < j && !en.words.contains(word(pe)) {
                pe += 1;
            }
            while pe > k + 1 && JOINERS.contains(&word(pe - 1)) {
                pe -= 1;
            }
            if titled && !common {
                // «Mr. Smith of China National Petroleum Corporation»: the person ends at «of».
                if let Some(jn) = (k + 1..pe).find(|&x| JOINERS.contains(&word(x))) {
                    push(&mut out, text, toks[k].start, toks[jn - 1].start, toks[jn - 1].end, EntityType::Person);
                    titled = false;
                    k = jn + 1;
                    continue;
                }
            }
            let last = word(pe - 1);
            let org_word =
                ORG_WORDS.contains(&last) || ORG_WORDS.contains(&word(k)) && pe > k + 1 && word(k + 1) == "of";
            if !common && org_word {
                // «Shanghai Cooperation Organization», «China National Petroleum Corporation», «Bank of China».
                push(&mut out, text, toks[k].start, toks[pe - 1].start, toks[pe - 1].end, EntityType::Organization);
                k = pe;
                continue;
            }
            // The longest gazetteer name from k.
            let mut hit = None;
            for e in (k + 1..=j.min(k + 5)).rev() {
                let name = &text[toks[k].start..bare_end(text, toks[e - 1].start, toks[e - 1].end)];
                if let Some(kind) = lookup(name) {
                    hit = Some((e, kind));
                    break;
                }
            }
            if let Some((e, kind)) = hit {
                push(&mut out, text, toks[k].start, toks[e - 1].start, toks[e - 1].end, kind);
                k = e;
                continue;
            }
            if common {
                titled |= TITLES.contains(&word(k)) || word(k) == "Prime";
                k += 1;
                continue;
            }
            // Up to the next gazetteer name.
            let mut e = k + 1;
            while e < pe && lookup(word(e)).is_none() {
                e += 1;
            }
            while e > k + 1 && JOINERS.contains(&word(e - 1)) {
                e -= 1;
            }
            let words: Vec<&str> = (k..e).map(word).collect();
            let last = words.last().copied().unwrap_or_default();
            let upper = words.len() == 1 && last.chars().count() >= 2 && !last.chars().any(char::is_lowercase);
            let mid = !(k == i && initial);
            let kind = if upper {
                Some(EntityType::Organization)
            } else if en.first_names.contains(words[0]) || titled || (2..=3).contains(&words.len()) && mid {
                Some(EntityType::Person)
            } else if words.len() == 1 && k > 0 && mid && matches!(word(k - 1), "in" | "from") {
                Some(EntityType::Location)
            } else {
                None
            };
            if let Some(kind) = kind {
                push(&mut out, text, toks[k].start, toks[e - 1].start, toks[e - 1].end, kind);
            }
            titled = false;
            k = e;
        }
        i = j;
    }
    propagate(&mut out, doc, &cap_words(doc));
    out.sort_by_key(|f| (f.start, f.end));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

fn push(out: &mut Vec<Found>, text: &str, start: usize, last_start: usize, last_end: usize, kind: EntityType) {
    let end = bare_end(text, last_start, last_end);
    out.push(Found { start, end, kind, normal: text[start..end].to_string(), group: None });
}

/// Capitalized word tokens: (start, bare end).
fn cap_words(doc: &Doc) -> Vec<(usize, usize)> {
    doc.seg
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && doc.text[t.start..].chars().next().is_some_and(char::is_uppercase))
        .map(|t| (t.start, bare_end(doc.text, t.start, t.end)))
        .collect()
}

/// A surname alone, after the full name was found: «Biden» after «Joe Biden».
fn propagate(out: &mut Vec<Found>, doc: &Doc, caps: &[(usize, usize)]) {
    let surnames: HashSet<&str> = out
        .iter()
        .filter(|f| f.kind == EntityType::Person && f.normal.contains(' '))
        .filter_map(|f| f.normal.rsplit(' ').next())
        .collect();
    let surnames: HashSet<String> = surnames.into_iter().map(str::to_string).collect();
    let mut taken: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
    taken.sort_unstable();
    for &(start, end) in caps {
        let w = &doc.text[start..end];
        // Mentions do not overlap: the one starting last before `end` is the only one that can cover the word.
        let covered = match taken.partition_point(|&(s, _)| s < end) {
            0 => false,
            p => taken[p - 1].1 > start,
        };
        if !covered && surnames.contains(w) {
            out.push(Found { start, end, kind: EntityType::Person, normal: w.to_string(), group: None });
        }
    }
}
