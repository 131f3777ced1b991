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

/// Speed of `segment` (tokens, paragraphs and sentences) on one core: the Russian dev texts (when /work/shared is
/// there) and article-sized samples in other scripts, each the best of three runs of about 25 MB:
/// `cargo test --release --lib segment::tests_robust::speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn speed() {
    let mut texts = Vec::new();
    for path in ["../shared/eval/dev/factru-dev.gold.jsonl", "../shared/eval/dev/ud-ru-gsd-dev.gold.jsonl"] {
        let Ok(data) = std::fs::read_to_string(path) else { continue };
        for line in data.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
                && let Some(t) = v["text"].as_str()
            {
                texts.push(t.to_string());
            }
        }
    }
    let best_of_3 = |texts: &[String], lang: &str, run: &dyn Fn(&str, &str) -> usize| -> (f64, usize) {
        let bytes: usize = texts.iter().map(String::len).sum();
        let reps = (25_000_000 / bytes.max(1)).max(1);
        let mut best = 0.0f64;
        let mut count = 0;
        for _ in 0..3 {
            count = 0;
            let t = std::time::Instant::now();
            for _ in 0..reps {
                for text in texts {
                    count += run(text, lang);
                }
            }
            best = best.max((bytes * reps) as f64 / 1e6 / t.elapsed().as_secs_f64());
        }
        (best, count / reps)
    };
    let seg = |t: &str, lang: &str| segment(t, lang).sentences.len();
    let tok = |t: &str, _: &str| tokenize(t).len();
    if !texts.is_empty() {
        let (mbs, n) = best_of_3(&texts, "ru", &seg);
        let (tok_mbs, _) = best_of_3(&texts, "ru", &tok);
        let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
        eprintln!("ru dev texts ({mb:.2} MB, {n} sentences): segment {mbs:.0} MB/s, tokenize alone {tok_mbs:.0} MB/s");
    }
    for (lang, sample) in [
        (
            "ru",
            "Президент К. Токаев 16.06.2025 г. провел встречу в г. Астане. «Мы готовы. Работа идет», — сказал он.\n",
        ),
        ("en", "Mr. Smith met Dr. Jones in Washington, D.C. on Monday. \"We agreed,\" he said. Shares rose 3.5%.\n"),
        ("zh", "习近平主席今天会见了托卡耶夫总统。双方讨论了“一带一路”合作！会谈持续了两个小时。\n"),
        ("ar", "وصل الرئيس إلى المدينة. بدأ الاجتماع في الساعة العاشرة؟ نعم، وانتهى بعد ساعتين.\n"),
    ] {
        let article = sample.repeat(4000 / sample.len() + 1);
        let (mbs, n) = best_of_3(std::slice::from_ref(&article), lang, &seg);
        eprintln!("{lang} sample article ({} bytes, {n} sentences): segment {mbs:.0} MB/s", article.len());
    }
}

#[test]
fn fast_letter_and_digit_tests_agree_with_unicode() {
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        assert_eq!(tokens::is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
        assert_eq!(tokens::is_number_char(c), c.is_numeric(), "{c:?} U+{:04X}", c as u32);
    }
}
