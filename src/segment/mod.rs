//! Paragraphs, sentences and tokens, as byte ranges into the article text.
//!
//! Guarantees: paragraphs and sentences are in text order, do not overlap, never start or end with white space, and
//! every non-space character of the text lies in exactly one paragraph and one sentence; every sentence lies inside
//! one paragraph; tokens cover every non-space character (token contract: see `tokens.rs`).
//!
//! A line break ends a paragraph (so headlines and lines without final punctuation are sentences of their own),
//! except a single break inside a hard-wrapped paragraph: a line that ends in a word, a number, a comma or a dash
//! and a next line that starts with a lower-case word are one paragraph.
//! Sentence rules: see `sentences.rs`; abbreviations and sentence openers per language: data/segment/.
//! One pass over the bytes makes the tokens and finds the line breaks; sentence decisions look only at tokens of
//! final punctuation and their neighbours.

use std::ops::Range;

mod lexicon;
mod sentences;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_robust;
mod tokens;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes («Города-побратимы», «O'Neil»).
    Word,
    /// Digits, possibly with inner separators («16.06.2025», «3,5»).
    Number,
    /// Any other single non-space character.
    Punct,
}

/// A token: `[start, end)` in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// The segmentation of one article.
#[derive(Debug, Clone, Default)]
pub(crate) struct Segmentation {
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Range<usize>>,
    pub tokens: Vec<Token>,
}

/// Splits `text` (in language `lang`, an ISO 639-1 code) into paragraphs, sentences and tokens.
pub(crate) fn segment(text: &str, lang: &str) -> Segmentation {
    let mut breaks = Vec::new();
    let tokens = tokens::scan(text, &mut breaks);
    let lang = lexicon::lang(lang);
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::with_capacity(tokens.len() / 16 + 1);
    for para in paragraph_tokens(text, &tokens, &breaks) {
        let toks = &tokens[para];
        paragraphs.push(toks[0].start..toks[toks.len() - 1].end);
        sentences::split(text, toks, &lang, &mut sentences);
    }
    Segmentation { paragraphs, sentences, tokens }
}

/// Tokens: runs of letters, runs of digits, and single other characters (see `tokens.rs` for the contract).
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    tokens::scan(text, &mut Vec::new())
}

/// The paragraphs as ranges of token indices (each non-empty).
fn paragraph_tokens(text: &str, tokens: &[Token], breaks: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut b = 0;
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        let mut lines = 0;
        while b < breaks.len() && breaks[b] < t.start {
            b += 1;
            lines += 1;
        }
        if i == 0 || lines == 0 || (lines == 1 && wraps(text, tokens[i - 1], *t)) {
            continue;
        }
        out.push(start..i);
        start = i;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Whether a single line break between `last` and `next` only wraps a paragraph: the line ends in a word, a number,
/// a comma or a dash, and the next one goes on with a lower-case word.
fn wraps(text: &str, last: Token, next: Token) -> bool {
    next.kind == TokenKind::Word
        && next.text(text).chars().next().is_some_and(char::is_lowercase)
        && match last.kind {
            TokenKind::Word | TokenKind::Number => true,
            TokenKind::Punct => matches!(last.text(text), "," | "-" | "‐" | "‑" | "–" | "—"),
        }
}
