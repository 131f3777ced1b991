//! Character tests on the hot paths of every stage. `char::is_alphabetic` and `char::to_lowercase` take a slow
//! table lookup for every non-ASCII character; news text is mostly ASCII and Cyrillic, so those two ranges are
//! answered directly and everything else falls back to the standard library.

/// Whether `c` is a letter (Unicode Alphabetic), fast for ASCII and Cyrillic.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7f' => false,
        // The basic Cyrillic letters, Ѐ-џ and the extended letters up to ӿ, less the signs and combining marks.
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        '\u{0482}'..='\u{0489}' => false,
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
