//! Paragraphs, sentences and tokens, as byte ranges into the article text.
//!
//! Guarantees: sentences are in text order, do not overlap, never start or end with white space, and every
//! non-space character of the text lies in exactly one sentence; tokens cover every non-space character.

use std::ops::Range;

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
pub(crate) fn segment(text: &str, _lang: &str) -> Segmentation {
    let tokens = tokenize(text);
    let paragraphs = paragraphs(text);
    let mut sentences = Vec::new();
    for para in &paragraphs {
        split_sentences(text, para.clone(), &tokens, &mut sentences);
    }
    Segmentation { paragraphs, sentences, tokens }
}

/// Lines with text; a line break ends a paragraph.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if let Some(r) = trim_range(text, start..end) {
            out.push(r);
        }
        start = end;
    }
    out
}

fn trim_range(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    (!trimmed.is_empty()).then(|| r.start + lead..r.start + lead + trimmed.len())
}

/// Tokens: runs of letters, runs of digits, and single other characters.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_alphabetic() {
            TokenKind::Word
        } else if c.is_numeric() {
            TokenKind::Number
        } else {
            tokens.push(Token { start: i, end: i + c.len_utf8(), kind: TokenKind::Punct });
            continue;
        };
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            let same = match kind {
                TokenKind::Word => d.is_alphanumeric(),
                _ => d.is_numeric(),
            };
            if same {
                end = j + d.len_utf8();
                chars.next();
                continue;
            }
            // A joiner between two characters of the run: «Города-побратимы», «3,5», «16.06».
            let joiner = match kind {
                TokenKind::Word => matches!(d, '-' | '\'' | '’'),
                _ => matches!(d, '.' | ',' | ':'),
            };
            let next = text[j + d.len_utf8()..].chars().next();
            let continues = next.is_some_and(|n| match kind {
                TokenKind::Word => n.is_alphabetic(),
                _ => n.is_numeric(),
            });
            if joiner && continues {
                chars.next();
                continue;
            }
            break;
        }
        tokens.push(Token { start: i, end, kind });
    }
    tokens
}

/// Sentence ends inside one paragraph: `.`, `!`, `?`, `…` followed by a capital, a quote or a dash.
fn split_sentences(text: &str, para: Range<usize>, tokens: &[Token], out: &mut Vec<Range<usize>>) {
    let first = tokens.partition_point(|t| t.start < para.start);
    let last = tokens.partition_point(|t| t.start < para.end);
    let toks = &tokens[first..last];
    let mut start = para.start;
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Punct || !matches!(t.text(text), "." | "!" | "?" | "…") {
            continue;
        }
        let Some(next) = toks.get(k + 1) else { continue };
        if next.start == t.end {
            continue; // no space: «т.е.», «3.5», «!..»
        }
        let c = next.text(text).chars().next().unwrap_or(' ');
        let opens = c.is_uppercase() || matches!(c, '«' | '"' | '„' | '—' | '–' | '-') || c.is_numeric();
        let abbreviation = t.text(text) == "."
            && k > 0
            && toks[k - 1].kind == TokenKind::Word
            && toks[k - 1].text(text).chars().count() == 1;
        if opens && !abbreviation {
            out.push(start..t.end);
            start = next.start;
        }
    }
    if start < para.end {
        out.push(start..para.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text, "ru").sentences.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_final_punctuation_and_lines() {
        assert_eq!(
            sentences("Мэр прибыл в Астану. Встреча прошла в среду!\nЗаголовок без точки\nЕще одно."),
            ["Мэр прибыл в Астану.", "Встреча прошла в среду!", "Заголовок без точки", "Еще одно."]
        );
    }

    #[test]
    fn tokens_keep_hyphenated_words_and_numbers() {
        let text = "Города-побратимы, 16.06.2025 и 3,5%.";
        let toks: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
        assert_eq!(toks, ["Города-побратимы", ",", "16.06.2025", "и", "3,5", "%", "."]);
    }
}
