//! Character tests on the hot paths of every stage (tokenizer, language detection, rules). `char::is_alphabetic`,
//! `char::is_uppercase` and `char::to_lowercase` take a slow table lookup for every non-ASCII character; the
//! scripts news is written in are answered directly, everything else falls back to the standard library. A test
//! checks every function against the standard library.

/// `char::is_alphabetic`, with the blocks of the common scripts answered without the Unicode tables (whose lookup
/// costs more than the rest of the tokenizer on Arabic or CJK text). A test checks it against the standard library.
#[inline(always)]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let u = c as u32;
    match u {
        // Latin-1 punctuation (but ª µ º), general punctuation, Arabic, CJK and fullwidth punctuation.
        0x00A0..=0x00BF => matches!(u, 0xAA | 0xB5 | 0xBA),
        0x2000..=0x206F | 0x060C | 0x061B | 0x061F | 0x066A..=0x066D => false,
        0x3000..=0x3004 | 0x3008..=0x3020 | 0x302A..=0x3030 | 0x3036..=0x3037 | 0x303D..=0x303F => false,
        0xFF01..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 => false,
        // Latin-1, Latin Extended-A/B and Additional (Vietnamese), Greek, Cyrillic.
        0x00C0..=0x00D6 | 0x00D8..=0x00F6 | 0x00F8..=0x024F | 0x1E00..=0x1EFF => true,
        0x0391..=0x03A1 | 0x03A3..=0x03F5 | 0x03F7..=0x03FF | 0x0400..=0x0481 | 0x048A..=0x052F => true,
        // Hebrew, Arabic, Devanagari, Thai, Georgian letters.
        0x05D0..=0x05EA | 0x0620..=0x064A | 0x0671..=0x06D3 | 0x0905..=0x0939 | 0x0E01..=0x0E30 | 0x10D0..=0x10FA => {
            true
        }
        // Kana, CJK ideographs, Hangul syllables.
        0x3041..=0x3096 | 0x30A1..=0x30FA | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => true,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is an upper-case letter, fast for ASCII and Cyrillic.
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' | 'А'..='Я' | 'Ё' => true,
        '\0'..='\x7f' | 'а'..='я' | 'ё' => false,
        _ => c.is_uppercase(),
    }
}

/// The lower-case form of `c` when it is one character (all of ASCII and Cyrillic), else `c` itself.
#[inline]
pub(crate) fn lower(c: char) -> char {
    match c {
        'A'..='Z' => (c as u8 + 32) as char,
        '\0'..='\x7f' => c,
        'А'..='Я' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 80).unwrap_or(c),
        'а'..='я' | 'ѐ'..='џ' => c,
        _ => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(one), None) => one,
                _ => c,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            let std: Vec<char> = c.to_lowercase().collect();
            if std.len() == 1 {
                assert_eq!(lower(c), std[0], "{c:?}");
            }
        }
    }
}
