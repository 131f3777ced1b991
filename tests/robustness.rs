//! Random news-like text through the whole pipeline: no stage may fail, and every span must be its code-point
//! slice. The pieces are the things stages key on (quote marks, dashes, cue verbs, names, numbers, dates), mixed at
//! random so that they meet in orders no article-writer would think of. For a longer search:
//! `GAZETA_FUZZ_SEED=7 GAZETA_FUZZ_COUNT=100000 cargo test --release --test robustness`.

use gazeta::{Analysis, Article, Config, Pipeline};

const PIECES: &[&str] = &[
    "«",
    "»",
    "„",
    "“",
    "\"",
    " — ",
    " - ",
    " – ",
    ", ",
    ". ",
    "! ",
    "? ",
    "… ",
    ": ",
    "\n",
    "\n\n",
    "(",
    ")",
    "сказал",
    "заявила",
    "отметил, что",
    "по словам",
    "как сообщил",
    "Об этом",
    "Он",
    "она",
    "спикер",
    "Чэн Шулянь",
    "Баян Рамазановой",
    "Токаев",
    "К.-Ж. Токаев",
    "В. В. Путин",
    "министерства иностранных дел Китая",
    "Алматы",
    "в Астане",
    "Казахстана",
    "КНР",
    "ООН",
    "ТОО «Самрук»",
    "г.",
    "т.е.",
    "ул. Абая",
    "млн",
    "2025",
    "16 июня 2025 года",
    "16.06.2025",
    "в среду",
    "вчера",
    "в 1990-е годы",
    "XIX веке",
    "с 1 по 5",
    "1–5 июня",
    "2025 тенге",
    "3,5%",
    "№",
    "said",
    "the minister",
    "on Monday",
    "Mr.",
    "U.S.",
    "June 16, 2025",
    "🐈",
    "\u{301}",
    "\u{feff}",
    "\u{a0}",
    "\u{2028}",
    "ё",
    "Ё",
    "İ",
    "ß",
    "ǅ",
    "Ω",
    "中国",
    "。",
    "",
    "word",
    "Слово",
    "и",
    "в",
];

/// A small deterministic generator (xorshift), so that a failure can be reproduced from its seed.
fn texts(seed: u64, count: usize) -> Vec<String> {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let n = 1 + next() as usize % 60;
            (0..n)
                .map(|_| {
                    let piece = PIECES[next() as usize % PIECES.len()];
                    if next() % 3 == 0 { format!("{piece} ") } else { piece.to_string() }
                })
                .collect()
        })
        .collect()
}

fn check(analysis: &Analysis, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| -> String {
        assert!(s <= e && e <= chars.len(), "span [{s}, {e}) outside the text of {} chars: {text:?}", chars.len());
        chars[s..e].iter().collect()
    };
    for s in &analysis.sentences {
        slice(s.start, s.end);
    }
    for m in &analysis.mentions {
        assert_eq!(m.text, slice(m.start, m.end), "mention in {text:?}");
        assert!(analysis.entities.iter().any(|e| e.id == m.entity), "mention points to no entity in {text:?}");
    }
    for q in &analysis.quotes {
        assert_eq!(q.text, slice(q.start, q.end), "quote in {text:?}");
        if let Some(c) = &q.cue {
            assert_eq!(c.text, slice(c.start, c.end), "cue in {text:?}");
        }
        if let Some(sp) = &q.speaker {
            assert_eq!(sp.text, slice(sp.start, sp.end), "speaker in {text:?}");
        }
    }
    for d in &analysis.dates {
        assert_eq!(d.text, slice(d.start, d.end), "date in {text:?}");
    }
}

#[test]
fn random_news_like_text_never_fails_and_spans_are_exact() {
    let pipeline = Pipeline::new(Config::default());
    for (i, text) in texts(
        std::env::var("GAZETA_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x9E37_79B9_7F4A_7C15),
        std::env::var("GAZETA_FUZZ_COUNT").ok().and_then(|s| s.parse().ok()).unwrap_or(3000),
    )
    .into_iter()
    .enumerate()
    {
        let article = Article::new(i, text.clone()).with_date("2025-07-03");
        match pipeline.analyze(&article) {
            Ok(analysis) => check(&analysis, &text),
            Err(e) => assert_eq!(e.code, gazeta::ErrorCode::EmptyText, "record {i}: {e} for {text:?}"),
        }
    }
}
