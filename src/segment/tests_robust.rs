//! Invariants on odd and pathological input, and the speed measurement.

use super::*;

/// Sentences and paragraphs are ordered, disjoint, trimmed, on char boundaries and cover every non-space char;
/// every sentence lies in a paragraph; tokens cover every non-space char.
pub(super) fn check_invariants(text: &str, lang: &str) {
    let seg = segment(text, lang);
    for spans in [&seg.sentences, &seg.paragraphs] {
        let mut covered = vec![false; text.len()];
        let mut last = 0;
        for r in spans.iter() {
            assert!(r.start >= last && r.start < r.end, "{text:?}: {r:?} out of order or empty");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{text:?}: {r:?}");
            let s = &text[r.clone()];
            assert_eq!(s, s.trim(), "{text:?}: span {s:?} not trimmed");
            covered[r.clone()].iter_mut().for_each(|c| *c = true);
            last = r.end;
        }
        for (i, c) in text.char_indices() {
            assert!(c.is_whitespace() || covered[i], "{text:?}: {c:?} at {i} not covered");
        }
    }
    for s in &seg.sentences {
        assert!(seg.paragraphs.iter().any(|p| p.start <= s.start && s.end <= p.end), "{text:?}: {s:?} crosses");
    }
    let mut covered = vec![false; text.len()];
    for t in &seg.tokens {
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end) && t.start < t.end);
        covered[t.start..t.end].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in text.char_indices() {
        assert!(c.is_whitespace() || covered[i], "{text:?}: token gap at {i}");
    }
}

#[test]
fn odd_input_keeps_invariants() {
    let odd = [
        "...",
        "!!!",
        "«»",
        ". . .",
        "\u{FEFF}Текст.",
        "a\u{0301}\u{0301}",
        "\u{0301}",
        "&#39;&#39;.",
        "1.",
        "т.",
        "г. ",
        "\r\r\n\n",
        "Слово.\u{200B}Слово",
        "Он ушел.\n\nИ",
        "x\u{2028}y",
        "。。。",
        "A. B. C. D.",
        "«А.» — Б.",
    ];
    for text in odd {
        check_invariants(text, "ru");
        check_invariants(text, "en");
        check_invariants(text, "zh");
    }
    // Long runs of what the rules look ahead or back over stay linear.
    for unit in ["… ", "- ", "« ", ". ", "т. ", "A. ", "1. ", "&#39; ", "\n", "а\n"] {
        let text = unit.repeat(200_000 / unit.len());
        let t0 = std::time::Instant::now();
        let seg = segment(&text, "ru");
        assert!(t0.elapsed().as_secs() < 5, "{unit:?} took {:?}", t0.elapsed());
        assert_eq!(seg.sentences.is_empty(), unit == "\n", "{unit:?}");
    }
    // A deterministic pseudo-random mix of the characters the rules look at.
    let alphabet: Vec<char> =
        "аБв ГдXy.!?…«»\"'()—-–,:;\n\r 1290 г т д. т. U.S. ``''&#39;。！\u{301}\u{a0}".chars().collect();
    let mut state = 0x2545F4914F6CDD1Du64;
    for _ in 0..3000 {
        let len = (state % 40) as usize;
        let mut s = String::new();
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        check_invariants(&s, "ru");
        check_invariants(&s, "de");
    }
}

#[test]
fn fast_letter_and_digit_tests_agree_with_unicode() {
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        assert_eq!(tokens::is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
        assert_eq!(tokens::is_number_char(c), c.is_numeric(), "{c:?} U+{:04X}", c as u32);
    }
}
