//! Sentence boundaries inside one paragraph, decided on the tokens.
//!
//! A boundary candidate is a run of final punctuation (`.`, `…`, `!`, `?`, `?!`, `...`, CJK `。！？`, danda, …)
//! with the closing quotes and brackets glued to it («…больше».», «(…КазТАГ).», «''»), followed by white space.
//! Whether it ends the sentence depends on the run and on what opens the next text, after any opening quotes,
//! brackets, dashes and bullets:
//! - `?` `!` (and other full stops of other scripts): unless a lower-case letter or `,;:` follows;
//! - an ellipsis: only before a capital (mid-sentence «нет... и всё»);
//! - a dot: as `?` `!`, except after abbreviations (by class, see data/segment/; a dash or a Roman number after one
//!   goes on with the sentence, and so does a capital after a short opening date: «В 2024 г. Казахстан…»), after
//!   initials (unless a common sentence opener follows: «Путин В.В. Он …»), after a lower-case letter («(b. 1852)»),
//!   after a list number at the start of a sentence or after `:`/`;` («1. Итоги», «2.3. Выводы»), and after an
//!   ordinal in languages that write one with a dot («am 3. Oktober»); a capital after a number, `/` or `°` is a
//!   unit, not an initial («8 G.», «м/с.», «°С.»);
//! - CJK full stops end a sentence whatever follows, without white space, unless a quote closes and a quotative
//!   particle or comma follows («「はい。」と言った»).
//!
//! Quotes: straight, curly, guillemets (French spaced ones too), ``…'' and HTML entities (&quot; &#39;).
//! Sentences inside a quote are sentences: «А. Б», — сказал он.» gives «А.» and «Б», — сказал он.».
//! A lower-case Cyrillic word glued to a capital one by `.`/`!`/`?` («пришел.Потом») is a boundary too: news text
//! often loses the space there, and Cyrillic domain names are rare.

use std::ops::Range;

use super::lexicon::{Class, Lang};
use super::tokens::is_letter;
use super::{Token, TokenKind};

/// What a run of final punctuation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stop {
    Dot,
    Ellipsis,
    Strong,
    Cjk,
}

fn stop_of(c: char, lang: &Lang) -> Option<Stop> {
    Some(match c {
        '.' => Stop::Dot,
        '…' => Stop::Ellipsis,
        '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' | '؟' | '۔' | '।' | '॥' | '։' | '።' | '፧' | '။' | '។' | '៕' => {
            Stop::Strong
        }
        '。' | '！' | '？' | '｡' => Stop::Cjk,
        ';' if lang.semicolon_question => Stop::Strong,
        _ => return None,
    })
}

/// Closing quotes and brackets that stay with the sentence before them.
const CLOSERS: &[char] =
    &['»', '”', '“', '’', '"', '\'', ')', ']', '}', '›', '」', '』', '》', '〉', '）', '］', '｝', '】', '〕'];

/// Opening quotes, brackets, dashes and bullets that may open a sentence before its first word.
const OPENERS: &[char] = &[
    '«', '»', '“', '„', '‘', '‚', '"', '\'', '`', '(', '[', '{', '‹', '「', '『', '《', '（', '¿', '¡', '-', '–', '—',
    '‒', '―', '*', '•', '·', '▪', '●', '■', '►', '✓', '…',
];

fn is_closer(c: char) -> bool {
    CLOSERS.contains(&c)
}

fn is_opener(c: char) -> bool {
    OPENERS.contains(&c)
}

/// HTML entities for quotes, as scraped text carries them («&quot;», «&#39;»).
const QUOTE_ENTITIES: &[&str] = &[
    "&quot;", "&#34;", "&#39;", "&#039;", "&#x27;", "&apos;", "&laquo;", "&raquo;", "&#171;", "&#187;", "&ldquo;",
    "&rdquo;", "&bdquo;", "&lsquo;", "&rsquo;", "&#8220;", "&#8221;", "&#8222;", "&#8216;", "&#8217;",
];

fn entity_len(rest: &[u8]) -> usize {
    if rest.first() != Some(&b'&') {
        return 0;
    }
    QUOTE_ENTITIES.iter().find(|e| rest.starts_with(e.as_bytes())).map_or(0, |e| e.len())
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// A run of final punctuation with its closers.
struct Run {
    end: usize,
    stop: Stop,
    /// A closing quote or bracket is part of it.
    closed: bool,
}

/// Past the run of final punctuation and closers that goes on at `i`.
fn run_end(text: &str, mut i: usize, mut stop: Stop, lang: &Lang) -> Run {
    let bytes = text.as_bytes();
    let mut dots = usize::from(stop == Stop::Dot);
    let mut closed = false;
    while let Some(c) = char_at(text, i) {
        if let Some(s) = stop_of(c, lang) {
            dots += usize::from(s == Stop::Dot);
            stop = stop.max(s);
            i += c.len_utf8();
        } else if is_closer(c) || c == '«' && !char_at(text, i + c.len_utf8()).is_some_and(char::is_alphanumeric) {
            closed = true; // German »…« closes with «, unless a word follows it
            i += c.len_utf8();
        } else if let Some(gap) = spaced_guillemet(&text[i..]) {
            closed = true; // French spacing: «… prêts. »
            i += gap;
        } else {
            let e = entity_len(&bytes[i..]);
            if e == 0 {
                break;
            }
            closed = true;
            i += e;
        }
    }
    if stop == Stop::Dot && dots >= 2 {
        stop = Stop::Ellipsis;
    }
    Run { end: i, stop, closed }
}

/// The length of one space (plain, no-break or narrow no-break) and a closing guillemet at the start of `rest`
/// (not an opening one, as German »…« has: no letter or digit right after it).
fn spaced_guillemet(rest: &str) -> Option<usize> {
    let mut chars = rest.chars();
    let space = chars.next().filter(|c| matches!(c, ' ' | '\u{A0}' | '\u{202F}'))?;
    let closes = chars.next() == Some('»') && !chars.next().is_some_and(char::is_alphanumeric);
    closes.then(|| space.len_utf8() + '»'.len_utf8())
}

/// Splits the paragraph made of `toks` (non-empty) into sentences, appended to `out`.
pub(super) fn split(text: &str, toks: &[Token], lang: &Lang, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let len = toks.len();
    let mut key = String::new();
    let mut first = 0; // first token of the current sentence
    let mut k = 0;
    while k < len {
        let t = toks[k];
        k += 1;
        if t.kind != TokenKind::Punct {
            continue;
        }
        let b = bytes[t.start];
        if !(b == b'.' || b == b'!' || b == b'?' || b >= 0xC0 || b == b';') {
            continue;
        }
        let Some(stop) = char_at(text, t.start).and_then(|c| stop_of(c, lang)) else { continue };
        let Run { end, stop, closed } = run_end(text, t.end, stop, lang);
        let mut n = k;
        while n < len && toks[n].start < end {
            n += 1;
        }
        if n == len {
            break;
        }
        let spaced = toks[n].start > toks[n - 1].end;
        let at = k - 1;
        let boundary = if spaced || stop == Stop::Cjk {
            ends_sentence(text, toks, at, first, n, (stop, closed), lang, &mut key)
        } else {
            glued(text, toks, at, n, stop)
        };
        if boundary {
            out.push(toks[first].start..toks[n - 1].end);
            first = n;
        }
        k = n;
    }
    out.push(toks[first].start..toks[len - 1].end);
}

/// What follows a candidate boundary.
struct Next {
    /// The first character past the openers (`None` when only openers are left).
    c: Option<char>,
    /// Its token.
    tok: usize,
    /// A dash was skipped on the way («г. — это»).
    dash: bool,
}

fn next_significant(text: &str, toks: &[Token], mut n: usize) -> Next {
    let bytes = text.as_bytes();
    let mut dash = false;
    // At most a few openers stand before a word; the cap keeps a text of «… … …» linear.
    let stop = toks.len().min(n + 8);
    while n < stop {
        let t = toks[n];
        let c = char_at(text, t.start);
        if t.kind == TokenKind::Punct && c.is_some_and(is_opener) {
            dash |= c.is_some_and(|c| matches!(c, '-' | '–' | '—' | '‒' | '―'));
            n += 1;
            continue;
        }
        let e = entity_len(&bytes[t.start..]);
        if e > 0 {
            while n < toks.len() && toks[n].start < t.start + e {
                n += 1;
            }
            continue;
        }
        return Next { c, tok: n, dash };
    }
    Next { c: None, tok: n, dash }
}

/// Whether the text that goes on with `c` opens a new sentence: anything but a lower-case letter or punctuation that
/// continues one.
fn opens(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            !(c.is_lowercase()
                || matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '»' | '”' | '%' | '/' | '.' | '!' | '?'))
        }
    }
}

/// A capital, or a letter of a script without case.
fn capital(c: Option<char>) -> bool {
    c.is_some_and(|c| is_letter(c) && !c.is_lowercase())
}

/// Decides a candidate boundary followed by white space: the run starts at token `at`, the sentence at `first`, the
/// next text at `n`.
#[allow(clippy::too_many_arguments)]
fn ends_sentence(
    text: &str,
    toks: &[Token],
    at: usize,
    first: usize,
    n: usize,
    (stop, closed): (Stop, bool),
    lang: &Lang,
    key: &mut String,
) -> bool {
    let Next { c, tok: m, dash } = next_significant(text, toks, n);
    match stop {
        // A quote goes on with a quotative particle or a comma: «「はい。」と言った», «“好。”，他说».
        Stop::Cjk => return !(closed && matches!(c, Some('と' | 'っ' | '，' | '、'))),
        Stop::Strong => return opens(c),
        Stop::Ellipsis => return capital(c),
        Stop::Dot => {}
    }
    // A dot: what stands right before it decides.
    if at == 0 || toks[at - 1].end != toks[at].start {
        return opens(c);
    }
    let prev = toks[at - 1];
    let starter = || {
        m < toks.len()
            && toks[m].kind == TokenKind::Word
            && lang.lex.is_starter(toks[m].text(text))
            && !toks.get(m + 1).is_some_and(|d| d.start == toks[m].end && text.as_bytes()[d.start] == b'.')
    };
    let word = prev.text(text);
    let mut chars = word.chars();
    let single = matches!((chars.next(), chars.next()), (Some(l), None) if is_letter(l));
    // A letter and a dot, then another: «z. B.», «т. е.», «А. С. Пушкин».
    if single && m < toks.len() && is_letter_dot(text, toks, m) {
        return false;
    }
    match prev.kind {
        TokenKind::Word => {
            let initial = single && word.chars().all(char::is_uppercase);
            // After a slash or a degree sign a word is a unit («м/с.», «°С.»), and so is a capital after a number
            // («8 G.»): not an abbreviation nor an initial.
            let unit = at >= 2
                && (toks[at - 2].end == prev.start && matches!(toks[at - 2].text(text), "/" | "°")
                    || initial && toks[at - 2].kind == TokenKind::Number);
            if unit {
                return capital(c);
            }
            if let Some(found) = lang.lex.lookup(text, toks, at - 1, key)
                && !(initial && found.first == at - 1)
            {
                // A dash after an abbreviation goes on with the sentence: «в 2002 г. — «Где…»», and so does a
                // Roman number: «в 1990-е гг. XX века».
                let roman_next = m < toks.len() && toks[m].end - toks[m].start >= 2 && is_roman(toks[m].text(text));
                let ends =
                    capital(c) && !dash && !roman_next && !opening_adverbial(text, toks, first, found.first, lang);
                return match found.class {
                    Class::Mid => false,
                    Class::End => ends,
                    Class::List => ends || c.is_some_and(|c| c.is_ascii_digit()) && !dash,
                    Class::Weak => starter(),
                    Class::Num => found.first > 0 && after_number(text, toks[found.first - 1]) && ends,
                };
            }
            if initial {
                // An initial: «В. В. Путин», «Путин В.В.» — unless a common sentence opener follows.
                return starter();
            }
            if single {
                return capital(c); // a lower-case letter and a dot is an abbreviation: «(b. 1852)»
            }
            if at - 1 == first && is_roman(word) {
                return false; // «IV. Итоги»
            }
            opens(c)
        }
        TokenKind::Number => {
            let digits = prev.text(text);
            let plain = digits.bytes().all(|b| b.is_ascii_digit());
            let listed = at - 1 == first || matches!(toks[at - 2].text(text), ":" | ";");
            let outline =
                digits.split('.').all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
            if listed && outline && digits.len() <= 8 {
                return false; // a list number: «1. Итоги», «2.3. Выводы», «Итоги: 1. Рост; 2. Спад»
            }
            if lang.ordinal_dot && plain && digits.len() <= 2 && c.is_some_and(is_letter) {
                return false; // «am 3. Oktober»
            }
            opens(c)
        }
        TokenKind::Punct => opens(c),
    }
}

/// Whether token `i` is a single letter with a dot right after it.
fn is_letter_dot(text: &str, toks: &[Token], i: usize) -> bool {
    let t = toks[i];
    let mut chars = t.text(text).chars();
    t.kind == TokenKind::Word
        && chars.next().is_some()
        && chars.next().is_none()
        && toks.get(i + 1).is_some_and(|d| d.start == t.end && text.as_bytes()[d.start] == b'.')
}

/// Whether the abbreviation starting at token `abbr` closes a short adverbial that opens the sentence starting at
/// token `first`: «В 2024 г. Казахстан…», «С 1 января 2025 г. Банк…», «В 2019–2020 гг. …» (a preposition, then at
/// most three tokens: numbers, dashes, lower-case words, with a number among them).
fn opening_adverbial(text: &str, toks: &[Token], first: usize, abbr: usize, lang: &Lang) -> bool {
    if abbr <= first + 1 || abbr - first > 4 || toks[first].kind != TokenKind::Word {
        return false;
    }
    let head = toks[first].text(text);
    let inner = &toks[first + 1..abbr];
    lang.lex.is_starter(head)
        && head.chars().count() <= 6
        && inner.iter().any(|t| after_number(text, *t))
        && inner.iter().all(|t| match t.kind {
            TokenKind::Number => true,
            TokenKind::Word => is_roman(t.text(text)) || t.text(text).chars().next().is_some_and(char::is_lowercase),
            TokenKind::Punct => matches!(t.text(text), "-" | "–" | "—"),
        })
}

/// Whether `t` is a number a unit or a year abbreviation can follow: «2025 г.», «XIX в.», «5 млн.».
fn after_number(text: &str, t: Token) -> bool {
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Word => is_roman(t.text(text)),
        TokenKind::Punct => false,
    }
}

fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'))
}

/// A candidate boundary without white space after it: only «пришел.Потом» (a lower-case Cyrillic word, then a
/// capitalized one), and `?`/`!` before CJK text.
fn glued(text: &str, toks: &[Token], at: usize, n: usize, stop: Stop) -> bool {
    let next = toks[n];
    if next.kind != TokenKind::Word {
        return false;
    }
    let mut nc = next.text(text).chars();
    let (Some(n1), n2) = (nc.next(), nc.next()) else { return false };
    if stop == Stop::Strong && is_cjk(n1) {
        return true;
    }
    if stop > Stop::Strong || at == 0 {
        return false;
    }
    let prev = toks[at - 1];
    let word = prev.text(text);
    prev.kind == TokenKind::Word
        && prev.end == toks[at].start
        && word.chars().count() >= 2
        && word.chars().all(|c| is_cyrillic(c) && c.is_lowercase())
        && is_cyrillic(n1)
        && n1.is_uppercase()
        && n2.is_some_and(char::is_lowercase)
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{4FF}')
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}
