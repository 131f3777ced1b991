//! Pairs of quote marks: «…» (nested «…«…»…» kept as one outer pair), „…“, “…”, "…".

use std::ops::Range;

use crate::segment::Token;

/// A top-level pair of quote marks: token indices of the opening and the closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pair {
    pub open: usize,
    pub close: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Guillemet,
    Low,
    Curly,
    Straight,
}

/// Finds the outermost matched pairs of quote marks, in text order. An unmatched opening mark is dropped
/// (what it would have enclosed is still searched), so one stray mark cannot swallow the rest of the article.
/// A quote that runs over several paragraphs, each paragraph reopened with «, is one pair.
pub(crate) fn pairs(text: &str, tokens: &[Token], paragraphs: &[Range<usize>]) -> Vec<Pair> {
    let bytes = text.as_bytes();
    let mut stack: Vec<(Family, usize)> = Vec::new();
    let mut matched: Vec<Pair> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.end - t.start > 3 {
            continue;
        }
        let s = &text[t.start..t.end];
        match s {
            "«" => stack.push((Family::Guillemet, i)),
            "»" => close(&mut stack, &mut matched, Family::Guillemet, i),
            "„" => stack.push((Family::Low, i)),
            "“" => {
                if stack.iter().any(|&(f, _)| f == Family::Low) {
                    close(&mut stack, &mut matched, Family::Low, i);
                } else {
                    stack.push((Family::Curly, i));
                }
            }
            "”" => {
                if stack.iter().any(|&(f, _)| f == Family::Curly) {
                    close(&mut stack, &mut matched, Family::Curly, i);
                } else {
                    close(&mut stack, &mut matched, Family::Low, i);
                }
            }
            "\"" => {
                let before = t.start.checked_sub(1).map(|b| bytes[b]);
                let after = bytes.get(t.end).copied();
                let space_before = before.is_none_or(|b| b.is_ascii_whitespace() || b"([{-".contains(&b));
                let space_after = after.is_none_or(|b| b.is_ascii_whitespace());
                let open_straight = stack.iter().any(|&(f, _)| f == Family::Straight);
                if open_straight && !space_before {
                    close(&mut stack, &mut matched, Family::Straight, i);
                } else if space_before && !space_after {
                    stack.push((Family::Straight, i));
                } else if open_straight {
                    close(&mut stack, &mut matched, Family::Straight, i);
                }
            }
            _ => {}
        }
    }
    // Multi-paragraph quotes: «A¶«B» — the first paragraph's « is unmatched and the next paragraph opens with «
    // whose pair closes later: join them. Work backwards so chains of paragraphs join up.
    let unmatched: Vec<usize> = stack.iter().filter(|&&(f, _)| f == Family::Guillemet).map(|&(_, i)| i).collect();
    matched.sort_by_key(|p| p.open);
    let mut joined = vec![false; unmatched.len()];
    for (u, &open) in unmatched.iter().enumerate().rev() {
        let Some(next_para) = paragraphs.iter().position(|p| p.start > tokens[open].start) else { continue };
        let start = paragraphs[next_para].start;
        if let Some(k) = matched.iter().position(|p| tokens[p.open].start == start) {
            matched[k].open = open;
            joined[u] = true;
        }
    }
    // «Мы работаем со странами «Пояса и Пути», — сказал он: one closing mark ends both the title and the quote.
    // A stray « followed in its paragraph by a pair whose closing mark comes before an attribution dash
    // opens the quote that pair closes.
    let para_end = |i: usize| paragraphs.iter().find(|p| p.contains(&tokens[i].start)).map_or(usize::MAX, |p| p.end);
    for (u, &open) in unmatched.iter().enumerate() {
        if joined[u] {
            continue;
        }
        let end = para_end(open);
        let k = matched.iter().position(|p| {
            p.open > open && tokens[p.close].start < end && {
                let mut j = p.close + 1;
                if tokens.get(j).is_some_and(|t| matches!(&text[t.start..t.end], "," | ".")) {
                    j += 1;
                }
                tokens.get(j).is_some_and(|t| matches!(&text[t.start..t.end], "-" | "–" | "—"))
            }
        });
        if let Some(k) = k {
            matched[k].open = open;
        }
    }
    matched.sort_by_key(|p| (p.open, std::cmp::Reverse(p.close)));
    let mut top: Vec<Pair> = Vec::new();
    for p in matched {
        if top.last().is_some_and(|q| p.open < q.close) {
            continue; // nested in the previous outer pair
        }
        top.push(p);
    }
    top
}

fn close(stack: &mut Vec<(Family, usize)>, matched: &mut Vec<Pair>, family: Family, i: usize) {
    if let Some(k) = stack.iter().rposition(|&(f, _)| f == family) {
        matched.push(Pair { open: stack[k].1, close: i });
        // Marks of other families opened inside and never closed are dropped with it.
        stack.truncate(k);
    }
}
