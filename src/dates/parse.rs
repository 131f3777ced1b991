//! The token scanner: classifies tokens once, then tries the date rules (rules.rs) at each token, left to right,
//! taking the first rule that matches and jumping past it; ranges and lists are split into their endpoints.

use std::cell::Cell;
use std::ops::Range;

use super::lexicon::{Lex, Lexicon};
use crate::segment::{Token, TokenKind};

/// A year as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Year {
    /// Stated: «2025 года».
    Known(i32),
    /// Relative to the article's year: «прошлого года» −1.
    Rel(i32),
    /// Not stated.
    Unknown,
    /// «года» without a number after a modifier («до конца года»): the year a date before it in the sentence
    /// states, else the current one. Settled by the scanner, never left in its output.
    Implicit,
    /// «того же года»: the year stated last before it in the text, else unknown. Settled by the scanner.
    Same,
}

/// What a date expression denotes, before it is written as a TIMEX3 value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expr {
    /// A day, month or year (`month`/`day` 0 when absent); a bare relative year is «в прошлом году».
    Date {
        year: Year,
        month: u8,
        day: u8,
    },
    /// A weekday 1–7, in the week `week` weeks from the article's (when said: «прошлую среду»).
    Weekday {
        wd: u8,
        week: Option<i32>,
    },
    Weekend {
        week: Option<i32>,
    },
    /// Season 1–4: spring, summer, autumn, winter.
    Season {
        year: Year,
        season: u8,
    },
    Quarter {
        year: Year,
        q: u8,
    },
    Half {
        year: Year,
        h: u8,
    },
    /// A decade by its first three digits: 199 for the 1990s.
    Decade(i32),
    /// A century by its TIMEX3 digits: 19 for the 20th century.
    Century(i32),
    /// «прошлого века»: centuries from the article's.
    CenturyRel(i32),
    RelDay(i32),
    RelWeek(i32),
    RelMonth(i32),
}

/// A matched expression: tokens `[a, b)`, bytes `[start, end)`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub a: usize,
    pub b: usize,
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
}

/// A token with what the scanner needs to know about it.
#[derive(Debug, Clone)]
pub(super) struct Tk {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Lexicon entry (0: none), looked up on first use (`NOT_LOOKED_UP` until then): most words of a text are
    /// never looked at by a rule.
    pub lex: Cell<u16>,
    /// Value of a plain run of ASCII digits (`NO_NUM` otherwise) and its digit count.
    pub num: u32,
    pub digits: u8,
    /// Starts with an upper-case letter.
    pub cap: bool,
}

pub(super) const NO_NUM: u32 = u32::MAX;
const NOT_LOOKED_UP: u16 = u16::MAX;

/// How deep a list or range may nest («1, 2, 3 и 4 июня»): bounds the work on long runs of numbers.
const MAX_LIST: u8 = 6;
/// How deep rules may nest through heads and appositions.
const MAX_NEST: u8 = 12;

pub(super) struct Parser<'a> {
    pub text: &'a str,
    pub toks: Vec<Tk>,
    pub lex: &'a Lexicon,
    sentences: &'a [Range<usize>],
    /// Numbers like «06/07/2025» read month first.
    pub month_first: bool,
    depth: Cell<u8>,
    nest: Cell<u8>,
    /// Set by a range's left endpoint: where its right endpoint starts, to accept a bare year there.
    pub(super) right_end: Cell<usize>,
    /// A range's right end found with its left one («September 3-4»), emitted after it.
    pub(super) queued: Cell<Option<Found>>,
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str, tokens: &[Token], sentences: &'a [Range<usize>], lex: &'a Lexicon, en: bool) -> Self {
        let toks = tokens
            .iter()
            .map(|t| {
                let s = &text[t.start..t.end];
                let (mut lex_idx, mut num, mut digits) = (0, NO_NUM, 0);
                match t.kind {
                    TokenKind::Word => lex_idx = NOT_LOOKED_UP,
                    TokenKind::Number if s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()) => {
                        num = s.parse().unwrap_or(NO_NUM);
                        digits = s.len() as u8;
                    }
                    _ => {}
                }
                let cap = match s.as_bytes() {
                    [b'A'..=b'Z', ..] | [0xD0, 0x81 | 0x90..=0xAF, ..] => true,
                    [0..0x80, ..] | [0xD0 | 0xD1, ..] => false,
                    _ => s.chars().next().is_some_and(char::is_uppercase),
                };
                Tk { start: t.start, end: t.end, kind: t.kind, lex: Cell::new(lex_idx), num, digits, cap }
            })
            .collect();
        Parser {
            text,
            toks,
            lex,
            sentences,
            month_first: en,
            depth: Cell::new(0),
            nest: Cell::new(0),
            right_end: Cell::new(usize::MAX),
            queued: Cell::new(None),
        }
    }

    /// Every date expression, in text order, not overlapping.
    pub fn scan(&self) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        let mut i = 0;
        let mut bare_at = usize::MAX;
        while i < self.toks.len() {
            let t = &self.toks[i];
            // Most tokens can start nothing: unknown words without digits or hyphens, most punctuation.
            let maybe = match t.kind {
                TokenKind::Number => true,
                // A one-bit filter first: the word may be a form that begins an expression.
                TokenKind::Word => {
                    (self.lex.may_start(self.t(i)) && self.l(i).starts) || (self.code_like(i) && self.lex_id(i) == 0)
                }
                TokenKind::Punct => matches!(self.t(i), "'" | "’"),
            };
            if !maybe {
                i += 1;
                continue;
            }
            if let Some((l, r)) = self.hyphen_pair(i) {
                i = r.b.max(i + 1);
                out.extend([l, r]);
                continue;
            }
            self.right_end.set(usize::MAX);
            self.queued.set(None);
            match self.parse(i, i == bare_at) {
                Some(f) if f.a > 0 && self.l(f.a - 1).holiday && matches!(f.expr, Expr::Season { .. }) => i = f.b,
                Some(f) => {
                    bare_at = self.right_end.get();
                    i = f.b.max(i + 1);
                    let after = f.b;
                    out.push(f);
                    if let Some(q) = self.queued.take().filter(|q| q.a >= after) {
                        i = q.b.max(i);
                        out.push(q);
                    }
                }
                None => i += 1,
            }
        }
        out.retain(|f| !self.in_title(f));
        self.inherit_years(&mut out);
        self.sentence_years(&mut out);
        self.settle_implicit_years(&mut out);
        out
    }

    /// Inside a short title in quote marks named by the noun before them («в статье «2009-й — год Дарвина»»,
    /// «программа «Казахстан-2050»»): part of a name, not a date.
    fn in_title(&self, f: &Found) -> bool {
        const WINDOW: usize = 8;
        let open = (f.a.saturating_sub(WINDOW)..f.a).rev().find(|&k| matches!(self.t(k), "«" | "»" | "\"" | "“" | "„"));
        let Some(open) = open.filter(|&k| matches!(self.t(k), "«" | "\"" | "“" | "„")) else { return false };
        let closed = (f.b..(f.b + WINDOW).min(self.toks.len())).any(|k| matches!(self.t(k), "»" | "\"" | "”" | "“"));
        closed && open > 0 && self.l(open - 1).title
    }

    /// A month, day, season, quarter or half without a year takes the year of the nearest date before it in its
    /// sentence that states one (or a relative one: «в прошлом году, в мае» is May of last year): the sentence keeps to one timeline («инфляция в сентябре 2024 года замедлилась,
    /// тогда как в августе …» → 2024-08; «в первом полугодии 2023 года …, а во втором полугодии» → 2023-H2).
    fn sentence_years(&self, out: &mut [Found]) {
        let mut stated: Option<(usize, Year)> = None; // (first token of its sentence, year)
        let mut prev_bare_year: Option<usize> = None; // the sentence of the last expression, when a bare year
        for f in out.iter_mut() {
            let first = self.sentence_tokens(f.a).start;
            if stated.is_some_and(|(s, _)| s != first) {
                stated = None;
            }
            if matches!(f.expr, Expr::Decade(_) | Expr::Century(_) | Expr::CenturyRel(_)) {
                stated = None; // a decade or a century starts another timeline
            }
            let dated = !matches!(f.expr, Expr::Date { month: 0, .. });
            // After two bare years («в 2019 и 2022 годах», «2025–2026») the sentence has no one year.
            let two_years = !dated && prev_bare_year.is_some_and(|s| s == first);
            prev_bare_year = (!dated).then_some(first);
            match year_mut(&mut f.expr) {
                Some(_) if two_years => stated = None,
                Some(y @ (Year::Known(_) | Year::Rel(_))) => stated = Some((first, *y)),
                Some(y @ Year::Unknown) if dated => {
                    if let Some((_, known)) = stated {
                        *y = known;
                    }
                }
                _ => {}
            }
        }
    }

    /// «в конце сентября 2010-го, и до конца года» → 2010; «С начала года» alone → the current year;
    /// «до ноября того же года» → the year stated last before it in the text.
    fn settle_implicit_years(&self, out: &mut [Found]) {
        for k in 0..out.len() {
            if year_mut(&mut out[k].expr).is_some_and(|y| *y == Year::Same) {
                let prior = out[..k].iter_mut().rev().find_map(|f| match year_mut(&mut f.expr) {
                    Some(Year::Known(v)) => Some(*v),
                    _ => None,
                });
                if let Some(y) = year_mut(&mut out[k].expr) {
                    *y = prior.map_or(Year::Unknown, Year::Known);
                }
                continue;
            }
            let Expr::Date { year: Year::Implicit, month, day } = out[k].expr else { continue };
            let first = self.sentence_tokens(out[k].a).start;
            let stated = out[..k].iter().rev().take_while(|f| f.a >= first).find_map(|f| match f.expr {
                Expr::Date { year: y @ Year::Known(_), .. }
                | Expr::Season { year: y @ Year::Known(_), .. }
                | Expr::Quarter { year: y @ Year::Known(_), .. }
                | Expr::Half { year: y @ Year::Known(_), .. } => Some(y),
                _ => None,
            });
            out[k].expr = Expr::Date { year: stated.unwrap_or(Year::Rel(0)), month, day };
        }
    }

    /// A word that may be a Roman numeral, «Q1», or a hyphenated pair.
    fn code_like(&self, i: usize) -> bool {
        let s = self.t(i);
        let b = s.as_bytes();
        let roman_start = matches!(b, [b'I' | b'V' | b'X', ..] | [0xD0, 0x86 | 0xA5, ..]);
        b.len() <= 48 && (b.len() == 2 || (roman_start && roman(s).is_some()) || (b.len() >= 5 && b.contains(&b'-')))
    }

    /// The expression starting at token `i`, if any; `bare` accepts a year number without «года» or a preposition.
    pub fn parse(&self, i: usize, bare: bool) -> Option<Found> {
        // Rules call `parse` for heads and appositions («начале …», «среду, …»): bound the nesting so that
        // «начале начале начале …» cannot exhaust the stack.
        if self.nest.get() >= MAX_NEST {
            return None;
        }
        self.nest.set(self.nest.get() + 1);
        let found = self.parse_here(i, bare);
        self.nest.set(self.nest.get() - 1);
        found
    }

    fn parse_here(&self, i: usize, bare: bool) -> Option<Found> {
        let t = self.toks.get(i)?;
        match t.kind {
            TokenKind::Number => self.number_led(i, bare),
            TokenKind::Punct => self.apostrophe_decade(i),
            TokenKind::Word if self.lex_id(i) == 0 => self.code_led(i),
            TokenKind::Word => self
                .modified(i)
                .or_else(|| self.rel_led(i))
                .or_else(|| self.weekday_led(i))
                .or_else(|| self.deictic(i))
                .or_else(|| self.ago_led(i, self.l(i).num as u32))
                .or_else(|| self.month_led(i))
                .or_else(|| self.season_led(i))
                .or_else(|| self.ordinal_led(i))
                .or_else(|| self.century_word_led(i))
                .or_else(|| self.decade_word(i)),
        }
    }

    /// A left endpoint `i` of a range or list («13–14 января», «1911 и 1912 годах»): the expression to its right,
    /// from which the left endpoint takes what it lacks.
    pub fn right_of_range(&self, i: usize) -> Option<Expr> {
        let n = self.connector(i + 1);
        if n == 0 || self.depth.get() >= MAX_LIST {
            return None;
        }
        let r = i + 1 + n;
        self.depth.set(self.depth.get() + 1);
        // Two close years joined by a dash are a range even without «в» or «годах»: «сезон 2024–2025»,
        // «бюджет на 2025–2027 годы».
        let year_pair = n == 1
            && self.is_dash(i + 1)
            && self.digits(i) == 4
            && self.digits(r) == 4
            && matches!((self.num(i), self.num(r)), (Some(a), Some(b)) if (1900..=2100).contains(&a) && a < b && b <= a + 10);
        let bare = self.l(i.wrapping_sub(1)).prep || self.right_end.get() == i || year_pair;
        let right = self.parse(r, bare).filter(|f| f.a == r);
        self.depth.set(self.depth.get() - 1);
        let right = right?;
        self.right_end.set(r);
        Some(right.expr)
    }

    /// How many tokens the range or list connector at `c` takes: a dash («–», or «--» typed as two hyphens),
    /// a comma, «и», «по» …; 0 when there is none.
    fn connector(&self, c: usize) -> usize {
        if self.is_dash(c) {
            if self.is_dash(c + 1) && self.adjacent(c) { 2 } else { 1 }
        } else {
            usize::from(self.is_punct(c, ',') || (self.is_word(c) && self.l(c).conn))
        }
    }

    /// A date without year followed by a range's other end with one takes its year: «30 июня – 2 июля 2025 года».
    fn inherit_years(&self, out: &mut [Found]) {
        for k in (1..out.len()).rev() {
            let (left, right) = out.split_at_mut(k);
            let (l, r) = (&mut left[k - 1], &right[0]);
            let n = self.connector(l.b);
            let joined = n > 0 && r.a == l.b + n && !self.is_punct(l.b, ',');
            if let (
                true,
                Expr::Date { year: y @ Year::Unknown, month: m, .. },
                Expr::Date { year: Year::Known(ry), month: rm, .. },
            ) = (joined, &mut l.expr, r.expr)
                && *m > 0
                && rm > 0
                && *m <= rm
            {
                *y = Year::Known(ry);
            }
        }
    }

    // --- token helpers -------------------------------------------------------------------------------------

    pub fn l(&self, i: usize) -> &Lex {
        self.lex.entry(self.lex_id(i))
    }

    /// The lexicon entry of token `i` (0: none), looked up once.
    pub fn lex_id(&self, i: usize) -> u16 {
        let Some(t) = self.toks.get(i) else { return 0 };
        let mut id = t.lex.get();
        if id == NOT_LOOKED_UP {
            id = self.lex.lookup(&self.text[t.start..t.end]);
            t.lex.set(id);
        }
        id
    }

    pub fn t(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub fn num(&self, i: usize) -> Option<u32> {
        self.toks.get(i).map(|t| t.num).filter(|&n| n != NO_NUM)
    }

    pub fn digits(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(0, |t| t.digits)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Punct && self.text[t.start..].starts_with(c))
    }

    pub fn is_dash(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && matches!(&self.text[t.start..t.end], "-" | "–" | "—" | "‒" | "−")
        })
    }

    /// Token `i` touches token `i + 1` (no space between).
    pub fn adjacent(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    pub fn end(&self, i: usize) -> usize {
        self.toks[i].end
    }

    pub fn found(&self, a: usize, b: usize, expr: Expr) -> Found {
        Found { a, b, start: self.toks[a].start, end: self.toks[b - 1].end, expr }
    }

    /// Capitalized like a name («Мая», «Понедельник»), not written in capitals («ИЮЛЯ» in a dateline).
    pub fn title_case(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap) && !self.t(i).chars().nth(1).is_some_and(char::is_uppercase)
    }

    /// Capitalized only because it begins a sentence, a quote or a line.
    pub fn initial(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        if i == 0 {
            return true;
        }
        let k = self.sentences.partition_point(|s| s.start < t.start);
        if self.sentences.get(k).is_some_and(|s| s.start == t.start) {
            return true;
        }
        let prev = self.t(i - 1);
        matches!(prev, "«" | "\"" | "„" | "“" | "—" | "–" | "-" | ":" | "(" | "'")
    }

    /// The index of the sentence holding token `i`'s start, as a token range.
    pub fn sentence_tokens(&self, i: usize) -> Range<usize> {
        let pos = self.toks[i].start;
        let k = self.sentences.partition_point(|s| s.end <= pos);
        let Some(s) = self.sentences.get(k) else { return 0..self.toks.len() };
        let a = self.toks.partition_point(|t| t.start < s.start);
        let b = self.toks.partition_point(|t| t.start < s.end);
        a..b
    }
}

/// The year of an expression that has one.
fn year_mut(e: &mut Expr) -> Option<&mut Year> {
    match e {
        Expr::Date { year, .. } | Expr::Season { year, .. } | Expr::Quarter { year, .. } | Expr::Half { year, .. } => {
            Some(year)
        }
        _ => None,
    }
}

/// The value of a Roman numeral up to 39 (Latin I V X, Cyrillic І Х).
pub(super) fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 12 {
        return None;
    }
    let mut vals = [0u32; 8];
    let mut n = 0;
    for c in s.chars() {
        let v = match c {
            'I' | 'І' => 1,
            'V' => 5,
            'X' | 'Х' => 10,
            _ => return None,
        };
        *vals.get_mut(n)? = v;
        n += 1;
    }
    let mut total = 0;
    for k in 0..n {
        if k + 1 < n && vals[k] < vals[k + 1] {
            total -= vals[k] as i64;
        } else {
            total += vals[k] as i64;
        }
    }
    (1..40).contains(&total).then_some(total as u32)
}

/// Days in a month (an unknown year counts as a leap year).
pub(super) fn days_in_month(year: Year, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Year::Known(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 31,
    }
}
