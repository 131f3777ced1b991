//! Language data for the sentence splitter: abbreviations with a class that says whether they can end a sentence,
//! and the words that commonly open one. Loaded from data/segment/ once per process.

use crate::fastmap::{FastMap, FastSet};
use crate::text::{is_upper, lower};
use std::sync::LazyLock;

use super::{Token, TokenKind, tokens};

/// Whether a dot after an abbreviation can also end the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// Never: a name, number or noun follows («ул. Абая», «т. е.», «Mr. Smith»).
    Mid,
    /// When a capital follows («5 млн. Кроме того», but «5 млн. 300 тыс.»).
    End,
    /// Closes a list: when a capital or a number follows («и т. д. Далее», «и др. 12 человек…»).
    List,
    /// Right after a number, as `End` («в 2025 г. Затем»); otherwise as `Mid` («г. Алматы»).
    Num,
    /// Only before a common sentence opener («in the U.S. The talks», but «the U.S. Senate»).
    Weak,
}

/// One part of an abbreviation, compared with one token.
#[derive(Debug)]
enum Part {
    Word(String),
    Punct(char),
}

#[derive(Debug)]
struct Entry {
    /// The tokens of the abbreviation without its final dot, last first.
    parts: Vec<Part>,
    /// Compare case-sensitively (the entry has a capital).
    exact: bool,
    class: Class,
}

/// Abbreviations keyed by their last word in lower case; each list is ordered longest entry first, exact first.
#[derive(Debug, Default)]
pub(super) struct Lexicon {
    by_last: FastMap<String, Vec<Entry>>,
    /// The longest key in bytes: longer words are not looked up.
    longest: usize,
    starters: FastSet<&'static str>,
}

/// An abbreviation found before a dot: its class and the index of its first token.
pub(super) struct Found {
    pub class: Class,
    pub first: usize,
}

impl Lexicon {
    fn new(abbreviations: &[&'static str], starters: &[&'static str]) -> Self {
        let mut lex = Lexicon::default();
        for data in abbreviations {
            for line in data.lines() {
                lex.add_line(line);
            }
        }
        for data in starters {
            lex.starters.extend(data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')));
        }
        for list in lex.by_last.values_mut() {
            list.sort_by_key(|e| (std::cmp::Reverse(e.parts.len()), !e.exact));
        }
        lex
    }

    fn add_line(&mut self, line: &str) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return;
        }
        let (form, class) = line.rsplit_once(char::is_whitespace).unwrap_or((line, "mid"));
        let class = match class {
            "end" => Class::End,
            "list" => Class::List,
            "num" => Class::Num,
            "weak" => Class::Weak,
            _ => Class::Mid,
        };
        let form = form.trim().strip_suffix('.').unwrap_or(form.trim());
        let toks = tokens::scan(form, &mut Vec::new());
        if toks.last().is_none_or(|t| t.kind != TokenKind::Word) {
            return; // not an abbreviation ending in letters and a dot
        }
        let exact = form.chars().any(char::is_uppercase);
        let parts: Vec<Part> = toks
            .iter()
            .rev()
            .map(|t| {
                let s = t.text(form);
                match t.kind {
                    TokenKind::Punct => Part::Punct(s.chars().next().unwrap_or(' ')),
                    _ => Part::Word(if exact { s.to_string() } else { s.to_lowercase() }),
                }
            })
            .collect();
        let Some(Part::Word(last)) = parts.first() else { return };
        let key = last.to_lowercase();
        self.longest = self.longest.max(key.len());
        self.by_last.entry(key).or_default().push(Entry { parts, exact, class });
    }

    /// The abbreviation that ends with token `k` (a word right before a dot), if any. A hyphenated word is also
    /// looked up by its last part («Член-корр.» as «корр.»).
    pub(super) fn lookup(&self, text: &str, toks: &[Token], k: usize, key: &mut String) -> Option<Found> {
        let word = toks[k].text(text);
        if let Some(found) = self.lookup_word(text, toks, k, word, key) {
            return Some(found);
        }
        let (_, tail) = word.rsplit_once('-')?;
        let found = self.lookup_word(text, toks, k, tail, key)?;
        (found.first == k).then_some(found)
    }

    /// Looks up the entries whose last word is `word` (token `k`, or its last part) and matches them backwards.
    fn lookup_word(&self, text: &str, toks: &[Token], k: usize, word: &str, key: &mut String) -> Option<Found> {
        if word.len() > self.longest {
            return None;
        }
        let list = self.by_last.get(lowercase(word, key))?;
        'entries: for e in list {
            if e.parts.len() > k + 1
                || e.exact && !e.parts.first().is_some_and(|p| matches!(p, Part::Word(w) if w == word))
            {
                continue;
            }
            for (i, part) in e.parts.iter().enumerate().skip(1) {
                let t = &toks[k - i];
                let s = t.text(text);
                let ok = match part {
                    Part::Punct(c) => t.kind == TokenKind::Punct && s.starts_with(*c),
                    Part::Word(w) if e.exact => t.kind == TokenKind::Word && s == w,
                    Part::Word(w) => t.kind == TokenKind::Word && s.chars().map(lower).eq(w.chars()),
                };
                if !ok {
                    continue 'entries;
                }
            }
            return Some(Found { class: e.class, first: k + 1 - e.parts.len() });
        }
        None
    }

    /// Whether `word` commonly opens a sentence in this language (also as the head of a hyphenated word: «Из-за»,
    /// «Во-первых»).
    pub(super) fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word) || word.split_once('-').is_some_and(|(head, _)| self.starters.contains(head))
    }
}

/// `word` in lower case, in `buf` unless it is in lower case already (the usual case before a dot).
fn lowercase<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return word;
        }
        buf.clear();
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return buf;
    }
    if !word.chars().any(is_upper) {
        return word;
    }
    buf.clear();
    buf.extend(word.chars().map(lower));
    buf
}

static RU_ABBR: &str = include_str!("../../data/segment/ru_abbreviations.txt");
static RU_STARTERS: &str = include_str!("../../data/segment/ru_sentence_starters.txt");
static EN_ABBR: &str = include_str!("../../data/segment/en_abbreviations.txt");
static EN_STARTERS: &str = include_str!("../../data/segment/en_sentence_starters.txt");
static GENERIC_ABBR: &str = include_str!("../../data/segment/generic_abbreviations.txt");

static RU: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[RU_ABBR], &[RU_STARTERS]));
static EN: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[EN_ABBR], &[EN_STARTERS]));
static CYRILLIC: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[RU_ABBR, GENERIC_ABBR], &[RU_STARTERS]));
static GENERIC: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[GENERIC_ABBR], &[EN_STARTERS]));

/// What the splitter needs to know about a language.
pub(super) struct Lang {
    pub lex: &'static Lexicon,
    /// A dot after a day or an ordinal number does not end a sentence («am 3. Oktober»).
    pub ordinal_dot: bool,
    /// `;` is the question mark (Greek).
    pub semicolon_question: bool,
}

/// Languages written in Cyrillic that share Russian abbreviations.
const CYRILLIC_LANGS: &[&str] =
    &["uk", "be", "bg", "kk", "ky", "tg", "mn", "sr", "mk", "tt", "ba", "cv", "sah", "ce", "os"];
/// Languages that write ordinal numbers with a dot.
const ORDINAL_DOT_LANGS: &[&str] =
    &["de", "da", "nb", "no", "nn", "fi", "cs", "sk", "pl", "hu", "hr", "sl", "sr", "bs", "tr", "lv", "et", "is", "fo"];

pub(super) fn lang(code: &str) -> Lang {
    let lex: &'static Lexicon = match code {
        "ru" => &RU,
        "en" => &EN,
        c if CYRILLIC_LANGS.contains(&c) => &CYRILLIC,
        _ => &GENERIC,
    };
    Lang { lex, ordinal_dot: ORDINAL_DOT_LANGS.contains(&code), semicolon_question: code == "el" }
}
