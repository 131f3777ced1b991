//! The tokenizer: one pass over the bytes that yields the tokens and, on the side, the line breaks.
//!
//! Token contract (other stages rely on it):
//! - `Word`: starts with a letter and runs over letters, digits and combining marks; an inner hyphen or apostrophe
//!   (`-`, `‐`, `‑`, `'`, `’`, soft hyphen) between a word character and a letter stays inside
//!   («Города-побратимы», «O'Neil», «Би́тва» with its stress mark).
//! - `Number`: starts with a digit and runs over digits; an inner `.`, `,` or `:` between two digits stays inside
//!   («16.06.2025», «3,5», «12:30»).
//! - `Punct`: any other non-space character, one token per character.
//!
//! ASCII goes through a byte table and Cyrillic (lead bytes 0xD0/0xD1, U+0400–U+047F, all letters) has a fast path;
//! everything else is decoded and classified by the standard library.

use super::{Token, TokenKind};
pub(super) use crate::text::is_letter;

const SPACE: u8 = 0;
const BREAK: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 3;
const OTHER: u8 = 4;

/// Class of every ASCII byte.
static ASCII: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c == b'\n' || c == b'\r' || c == 0x0B || c == 0x0C {
            BREAK
        } else if c == b' ' || c == b'\t' || (c >= 0x1C && c <= 0x1F) {
            SPACE
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// Tokens of `text`, and the byte offset of every line break (`\r\n` counts once) pushed onto `breaks`.
pub(super) fn scan(text: &str, breaks: &mut Vec<usize>) -> Vec<Token> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut tokens = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        let (class, c, len) = if b < 0x80 {
            (ASCII[b as usize], b as char, 1)
        } else if b == 0xD0 || b == 0xD1 {
            // U+0400..U+047F: every one of them is a Cyrillic letter.
            (LETTER, '\u{400}', 2)
        } else {
            let c = decode(text, i);
            let class = if matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '«' | '»') {
                OTHER // dashes, quotes, ellipsis, bullets: skip the Unicode tables
            } else if c.is_whitespace() {
                if matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') { BREAK } else { SPACE }
            } else if is_letter(c) {
                LETTER
            } else if is_number_char(c) {
                DIGIT
            } else {
                OTHER
            };
            (class, c, c.len_utf8())
        };
        match class {
            SPACE => i += len,
            BREAK => {
                breaks.push(i);
                i += if c == '\r' && bytes.get(i + 1) == Some(&b'\n') { 2 } else { len };
            }
            LETTER => {
                let end = word_end(text, i + len);
                tokens.push(Token { start: i, end, kind: TokenKind::Word });
                i = end;
            }
            DIGIT => {
                let end = number_end(bytes, text, i + len);
                tokens.push(Token { start: i, end, kind: TokenKind::Number });
                i = end;
            }
            _ => {
                tokens.push(Token { start: i, end: i + len, kind: TokenKind::Punct });
                i += len;
            }
        }
    }
    tokens
}

/// The char starting at byte `i` (a char boundary).
#[inline]
fn decode(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\u{FFFD}')
}

/// Where the word run that continues at `i` ends.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    let n = bytes.len();
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            // Inner hyphen or apostrophe followed by a letter.
            if (b == b'-' || b == b'\'') && starts_with_letter(text, i + 1) {
                i += 1;
                continue;
            }
            return i;
        }
        if b == 0xD0 || b == 0xD1 {
            i += 2;
            continue;
        }
        let c = decode(text, i);
        let len = c.len_utf8();
        let joiner = matches!(c, '’' | '\u{2010}' | '\u{2011}' | '\u{AD}') && starts_with_letter(text, i + len);
        if joiner || is_letter(c) || is_number_char(c) || is_mark(c) {
            i += len;
        } else {
            return i;
        }
    }
    n
}

/// Where the number run that continues at `i` ends.
fn number_end(bytes: &[u8], text: &str, mut i: usize) -> usize {
    let n = bytes.len();
    while i < n {
        let b = bytes[i];
        if b.is_ascii_digit() {
            i += 1;
        } else if matches!(b, b'.' | b',' | b':') && bytes.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
            i += 2;
        } else if b >= 0x80 && !(b == 0xD0 || b == 0xD1) {
            let c = decode(text, i);
            if !is_number_char(c) {
                return i;
            }
            i += c.len_utf8();
        } else if matches!(b, b'.' | b',' | b':') && text[i + 1..].chars().next().is_some_and(is_number_char) {
            i += 1;
        } else {
            return i;
        }
    }
    n
}

#[inline]
fn starts_with_letter(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(b) if *b < 0x80 => b.is_ascii_alphabetic(),
        Some(0xD0 | 0xD1) => true,
        Some(_) => is_letter(decode(text, i)),
    }
}

/// `char::is_numeric`, with the punctuation blocks that follow words answered without the Unicode tables.
#[inline(always)]
pub(super) fn is_number_char(c: char) -> bool {
    let u = c as u32;
    match u {
        0x00A0..=0x00BF => matches!(u, 0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE), // ² ³ ¹ ¼ ½ ¾
        0x0400..=0x052F | 0x2000..=0x206F | 0x060C | 0x061B | 0x061F | 0x066A..=0x066D => false,
        0x3000..=0x3006 | 0x3008..=0x3020 | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 => false,
        0xFF10..=0xFF19 => true,
        _ => c.is_numeric(),
    }
}

/// Combining marks and joiners that belong inside a word although they are not alphanumeric: the general category
/// M over the scripts news is written in, ZWJ/ZWNJ and variation selectors. (Many Indic and Thai vowel signs are
/// alphabetic already; this catches viramas, tone marks, stress marks and the like.)
pub(super) fn is_mark(c: char) -> bool {
    let u = c as u32;
    match u {
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7 => {
            true
        }
        0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 => true,
        0x06EA..=0x06ED | 0x0711 | 0x0730..=0x074A | 0x07A6..=0x07B0 | 0x07EB..=0x07F3 => true,
        // Indic scripts: everything in the blocks that is neither a letter, a digit nor a danda is a sign.
        0x0900..=0x0DFF => !matches!(u, 0x0964 | 0x0965 | 0x0970 | 0x0DF4),
        0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E | 0x0EB1 | 0x0EB4..=0x0EBC | 0x0EC8..=0x0ECE => true,
        0x0F18..=0x0F19 | 0x0F35 | 0x0F37 | 0x0F39 | 0x0F3E..=0x0F3F | 0x0F71..=0x0F84 | 0x0F86..=0x0F87 => true,
        0x0F8D..=0x0FBC | 0x0FC6 => true,
        0x102B..=0x103E | 0x1056..=0x1059 | 0x105E..=0x1060 | 0x1062..=0x1064 | 0x1067..=0x106D => true,
        0x1071..=0x1074 | 0x1082..=0x108D | 0x108F | 0x109A..=0x109D => true,
        0x135D..=0x135F | 0x1712..=0x1715 | 0x17B4..=0x17D3 | 0x17DD | 0x180B..=0x180D | 0x18A9 => true,
        0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF | 0x2CEF..=0x2CF1 => true,
        0x2DE0..=0x2DFF | 0x302A..=0x302F | 0x3099..=0x309A | 0xA66F..=0xA672 | 0xA674..=0xA67D => true,
        0xA69E..=0xA69F | 0xFB1E | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0xE0100..=0xE01EF => true,
        _ => false,
    }
}
