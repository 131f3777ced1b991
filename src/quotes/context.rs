//! What the quote rules know about each token of one article: its role in the rules (cue, role noun,
//! pronoun, punctuation, quote mark), the sentence it belongs to, and whether it lies inside quote marks.

use std::ops::Range;

use super::lexicon::{self, Cue, Entry, Gender, Role, Tables};
use super::marks::{self, Pair};
use crate::doc::Doc;
use crate::segment::{Token, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tag {
    /// A lower-case word with no part in the rules.
    Word,
    /// A capitalized word that may be part of a name.
    Name,
    /// An all-capitals word («МИД», «США»).
    Acronym,
    Cue(Cue),
    Role(Role),
    Pronoun(Gender),
    Preposition,
    /// A capitalized function word that never starts a name.
    NotName,
    /// «словам» of «по словам».
    According,
    /// «что», «that».
    That,
    /// «ли», «whether».
    Whether,
    /// «как», «as».
    As,
    /// «и», «а», «and».
    And,
    Comma,
    Colon,
    Dash,
    /// . ! ? … ;
    End,
    /// The opening mark of top-level pair n.
    Open(u32),
    /// The closing mark of top-level pair n.
    Close(u32),
    /// Any other punctuation, digits, nested or stray quote marks.
    Other,
}

pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub tags: Vec<Tag>,
    pub en: bool,
    /// Token → index of its sentence.
    pub sent_of: Vec<u32>,
    /// Sentence → its token range.
    pub sent_toks: Vec<Range<usize>>,
    /// Paragraph → its token range.
    pub para_toks: Vec<Range<usize>>,
    pub pairs: Vec<Pair>,
    /// Token lies between the marks of a top-level pair.
    pub inside: Vec<bool>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Doc) -> Ctx<'a> {
        let text = doc.text;
        let toks = doc.seg.tokens.as_slice();
        let en = doc.lang == "en";
        let tables = lexicon::tables(doc.lang);
        let pairs = marks::pairs(text, toks, &doc.seg.paragraphs);
        let mut buf = String::new();
        let mut tags: Vec<Tag> = toks.iter().map(|t| tag(text, t, tables, en, &mut buf)).collect();
        for tag in tags.iter_mut() {
            if *tag == Tag::Open(u32::MAX) {
                *tag = Tag::Other; // unpaired or nested marks
            }
        }
        // Initials: «А. Кудрин» — a capital letter with a period before a name is part of the name.
        for i in 0..toks.len().saturating_sub(2) {
            if tags[i + 2] == Tag::Name
                && toks[i].kind == TokenKind::Word
                && toks[i].end - toks[i].start <= 2
                && text[toks[i].start..toks[i].end].chars().all(char::is_uppercase)
                && &text[toks[i + 1].start..toks[i + 1].end] == "."
            {
                tags[i] = Tag::Name;
            }
        }
        let mut inside = vec![false; toks.len()];
        for (n, p) in pairs.iter().enumerate() {
            tags[p.open] = Tag::Open(n as u32);
            tags[p.close] = Tag::Close(n as u32);
            for x in &mut inside[p.open + 1..p.close] {
                *x = true;
            }
        }
        let ranges = |spans: &[Range<usize>]| -> Vec<Range<usize>> {
            spans
                .iter()
                .map(|r| toks.partition_point(|t| t.start < r.start)..toks.partition_point(|t| t.start < r.end))
                .collect()
        };
        let sent_toks = ranges(&doc.seg.sentences);
        let para_toks = ranges(&doc.seg.paragraphs);
        let mut sent_of = vec![0u32; toks.len()];
        for (n, r) in sent_toks.iter().enumerate() {
            for x in &mut sent_of[r.clone()] {
                *x = n as u32;
            }
        }
        Ctx { text, toks, tags, en, sent_of, sent_toks, para_toks, pairs, inside }
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    /// The word in lower case, compared without allocating.
    pub fn is(&self, i: usize, lower_word: &str) -> bool {
        i < self.toks.len() && {
            let w = self.word(i);
            w.len() == lower_word.len() && w.to_lowercase() == lower_word
        }
    }

    /// The token range of the sentence holding token i.
    pub fn sentence(&self, i: usize) -> Range<usize> {
        self.sent_toks.get(self.sent_of[i] as usize).cloned().unwrap_or(i..i + 1)
    }

    pub fn paragraph(&self, i: usize) -> Range<usize> {
        let k = self.para_toks.partition_point(|r| r.end <= i);
        self.para_toks.get(k).cloned().unwrap_or(i..i + 1)
    }

    /// Content of pair n: from after the opening mark to before the closing mark, in bytes.
    pub fn pair_content(&self, n: usize) -> Range<usize> {
        let p = self.pairs[n];
        self.toks[p.open].end..self.toks[p.close].start
    }

    /// A pair whose content looks like a name or title: it starts with a capital or a digit and is short,
    /// with no sentence punctuation inside.
    pub fn title_like(&self, n: usize) -> bool {
        let p = self.pairs[n];
        let words = (p.open + 1..p.close).filter(|&k| self.toks[k].kind != TokenKind::Punct).count();
        let first = self.text[self.pair_content(n)].chars().find(|c| c.is_alphanumeric());
        let upper = first.is_some_and(|c| c.is_uppercase() || c.is_numeric());
        let sentence_punct = (p.open + 1..p.close).any(|k| matches!(self.tags[k], Tag::End | Tag::Comma));
        words == 0 || (upper && words <= 6 && !sentence_punct) || (words <= 2 && !sentence_punct)
    }

    /// A quoted fragment inside reported speech: it starts with a lower-case letter.
    pub fn fragment_like(&self, n: usize) -> bool {
        let first = self.text[self.pair_content(n)].chars().find(|c| c.is_alphanumeric());
        first.is_some_and(|c| c.is_lowercase())
    }
}

fn tag(text: &str, t: &Token, tables: &Tables, en: bool, buf: &mut String) -> Tag {
    let s = t.text(text);
    match t.kind {
        TokenKind::Number => return Tag::Other,
        TokenKind::Punct => {
            return match s {
                "," => Tag::Comma,
                ":" => Tag::Colon,
                "-" | "–" | "—" | "―" | "‒" => Tag::Dash,
                "." | "!" | "?" | "…" | ";" => Tag::End,
                "«" | "»" | "„" | "“" | "”" | "\"" => Tag::Open(u32::MAX),
                _ => Tag::Other,
            };
        }
        TokenKind::Word => {}
    }
    let low = lexicon::lower(s, buf);
    let entry = tables.words.get(low).copied();
    match entry {
        Some(Entry::Cue(c)) => return Tag::Cue(c),
        Some(Entry::Role(r)) => return Tag::Role(r),
        Some(Entry::Pronoun(g)) => return Tag::Pronoun(g),
        Some(Entry::According) => return Tag::According,
        _ => {}
    }
    // «Ли», «И» capitalized are names («Ли Вэй»), not particles.
    let lower_case = low.len() == s.len() && low == s;
    match (en, low) {
        (false, "что") | (true, "that") => return Tag::That,
        (false, "ли") | (true, "whether") if lower_case => return Tag::Whether,
        (false, "как") | (true, "as") => return Tag::As,
        (false, "и" | "а") | (true, "and") if lower_case => return Tag::And,
        _ => {}
    }
    match entry {
        Some(Entry::Preposition) => return Tag::Preposition,
        Some(Entry::NotName) => return Tag::NotName,
        _ => {}
    }
    let mut chars = s.chars();
    let first = chars.next().unwrap_or(' ');
    if !first.is_uppercase() {
        return Tag::Word;
    }
    let rest_upper = s.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if rest_upper && s.chars().count() > 1 { Tag::Acronym } else { Tag::Name }
}
