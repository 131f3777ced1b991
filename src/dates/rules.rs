//! The date rules, one method per kind of head token. Each returns the longest expression starting at its token,
//! spans without prepositions, with «года», modifiers and an appositive weekday included.

use super::lexicon::{Mod, Unit};
use super::parse::{Expr, Found, Parser, Year, days_in_month, roman};

impl Parser<'_> {
    /// «начале 2015 года», «конце прошлой недели», «первой половине XX века», «early 2015», «the end of May».
    pub(super) fn modified(&self, i: usize) -> Option<Found> {
        let l = self.l(i);
        let head = if let Some(m) = l.modifier.filter(|&m| m != Mod::Half) {
            let _ = m;
            if self.is_dash(i + 1) && self.adjacent(i) { i + 2 } else { i + 1 }
        } else if l.ord > 0 && self.l(i + 1).modifier == Some(Mod::Half) {
            i + 2
        } else if l.ord > 0 && self.l(i + 1).modof == Some(Mod::Half) && self.l(i + 2).of {
            // «first half of 2007»: an English half-year.
            let (year, b, end) = self.year_after(i + 3).filter(|(y, ..)| matches!(y, Year::Known(_)))?;
            return (l.ord <= 2).then(|| Found { end, ..self.found(i, b, Expr::Half { year, h: l.ord }) });
        } else if l.modof.is_some() && self.l(i + 1).of {
            i + 2
        } else {
            return None;
        };
        let Some(f) = self.parse(head, true).filter(|f| f.a == head) else {
            // «с начала года», «до конца месяца»: the current year, month or week.
            let h = self.l(head);
            let expr = match h.unit {
                Some(Unit::Year) if h.yearword && matches!(self.t(head), "года" | "году") => {
                    Expr::Date { year: Year::Implicit, month: 0, day: 0 }
                }
                Some(Unit::Month) if matches!(self.t(head), "месяца" | "месяце") => Expr::RelMonth(0),
                Some(Unit::Week) if matches!(self.t(head), "недели" | "неделе") => Expr::RelWeek(0),
                _ => return None,
            };
            return Some(self.found(i, head + 1, expr));
        };
        let ok = match f.expr {
            Expr::Date { day, year, month } => day == 0 && (month > 0 || year != Year::Unknown),
            Expr::Weekday { .. } | Expr::Weekend { .. } | Expr::RelDay(_) => false,
            _ => true,
        };
        ok.then_some(Found { a: i, start: self.toks[i].start, ..f })
    }

    /// «прошлом году», «этой неделе», «прошлую среду», «эти выходные», «прошлым летом», «last year».
    pub(super) fn rel_led(&self, i: usize) -> Option<Found> {
        let l = self.l(i);
        if l.near && self.is_word(i + 1) {
            let r = self.l(i + 1);
            // «ближайшие выходные» are this week's; «в ближайшую пятницу» the coming one (the tense decides).
            let expr = match () {
                _ if r.weekend => Expr::Weekend { week: Some(0) },
                _ if r.weekday > 0 && !r.weekday_abbr => Expr::Weekday { wd: r.weekday, week: None },
                _ => return None,
            };
            return Some(self.found(i, i + 2, expr));
        }
        if !l.is_rel {
            return None;
        }
        let n = l.rel as i32;
        let r = self.l(i + 1);
        let expr = match r.unit {
            Some(Unit::Year) if r.yearword || self.t(i + 1).eq_ignore_ascii_case("year") => {
                Expr::Date { year: Year::Rel(n), month: 0, day: 0 }
            }
            Some(Unit::Month) => Expr::RelMonth(n),
            Some(Unit::Week) => Expr::RelWeek(n),
            _ if r.weekday > 0 && !r.weekday_abbr => Expr::Weekday { wd: r.weekday, week: Some(n) },
            _ if r.weekend => Expr::Weekend { week: Some(n) },
            _ if r.season > 0 && self.agrees(i, i + 1) => Expr::Season { year: Year::Rel(n), season: r.season },
            _ if r.century => Expr::CenturyRel(n),
            _ => return None,
        };
        self.is_word(i + 1).then(|| self.found(i, i + 2, expr))
    }

    /// «среду», «в пятницу, 15 апреля 1927 года» (one expression), «Wednesday, June 16».
    pub(super) fn weekday_led(&self, i: usize) -> Option<Found> {
        let l = self.l(i);
        if l.weekday == 0 {
            return None;
        }
        let k = if self.is_punct(i + 1, ',') { i + 2 } else { i + 1 };
        if let Some(f) = self.parse(k, false)
            && f.a == k
            && matches!(f.expr, Expr::Date { day: 1.., .. })
        {
            return Some(Found { a: i, start: self.toks[i].start, ..f });
        }
        if l.weekday_abbr || self.recurring(i) {
            return None;
        }
        if self.title_case(i) && !self.initial(i) && !l.month_en && !self.t(i).is_ascii() {
            return None; // «Виктор Понедельник»: a surname
        }
        if l.weekday_ctx {
            // «среда» is also «environment»: a weekday only as «в/на среду», «до/со среды».
            let prev = self.t(i.wrapping_sub(1)).to_lowercase();
            let form = self.t(i).to_lowercase();
            let ok = i > 0
                && match form.as_str() {
                    "среду" => matches!(prev.as_str(), "в" | "во" | "на"),
                    "среды" => matches!(prev.as_str(), "до" | "со" | "с"),
                    _ => false,
                };
            if !ok {
                return None;
            }
        }
        Some(self.found(i, i + 1, Expr::Weekday { wd: l.weekday, week: None }))
    }

    /// «сегодня», «вчера», «накануне» (not «накануне выборов»: there it is a preposition), «на выходных».
    pub(super) fn deictic(&self, i: usize) -> Option<Found> {
        let l = self.l(i);
        if l.weekend {
            // «в/на выходных», «this weekend»; not «в выходные дни» (every weekend).
            let after_prep = i > 0 && self.l(i - 1).prep;
            let every = self.l(i + 1).unit.is_some() || self.recurring(i);
            return (after_prep && !every).then(|| self.found(i, i + 1, Expr::Weekend { week: None }));
        }
        if l.is_day {
            return Some(self.found(i, i + 1, Expr::RelDay(l.day as i32)));
        }
        if !l.eve {
            return None;
        }
        let governs = match self.toks.get(i + 1) {
            None => false,
            Some(t) if t.kind == crate::segment::TokenKind::Number => true,
            Some(t) if t.kind == crate::segment::TokenKind::Word => {
                let next = self.l(i + 1);
                let w = self.t(i + 1).to_lowercase();
                let genitive = ["а", "я", "ы", "и", "ов", "ев", "ей", "ого", "его", "ых", "их", "ой"];
                let verb = ["л", "ла", "ло", "ли", "ся", "сь", "ет", "ит", "ут", "ют", "ат", "ят"];
                !(next.prep || next.conn || next.past || next.future || next.subject)
                    && genitive.iter().any(|e| w.ends_with(e))
                    && !verb.iter().any(|e| w.ends_with(e))
            }
            Some(_) => false,
        };
        (!governs).then(|| self.found(i, i + 1, Expr::RelDay(l.day as i32)))
    }

    /// «три дня назад», «2 недели назад», «месяц назад», «a year ago»; `n` is the number at `i` (0: a word).
    pub(super) fn ago_led(&self, i: usize, n: u32) -> Option<Found> {
        let (count, u) = if n > 0 { (n as i32, i + 1) } else { (1, i) };
        let unit = self.l(u).unit?;
        if !self.l(u + 1).ago || !self.is_word(u) || (n == 0 && !self.l(u).single) {
            return None;
        }
        let expr = match unit {
            Unit::Day => Expr::RelDay(-count),
            Unit::Week => Expr::RelWeek(-count),
            Unit::Month => Expr::RelMonth(-count),
            Unit::HalfYear => Expr::RelMonth(-6 * count),
            Unit::Year => Expr::Date { year: Year::Rel(-count), month: 0, day: 0 },
        };
        Some(self.found(i, u + 2, expr))
    }

    /// «августе (2025 года)», «мае прошлого года», «June 16, 2025», «марте–апреле 2020 года».
    pub(super) fn month_led(&self, i: usize) -> Option<Found> {
        let l = self.l(i);
        if l.month == 0 {
            return None;
        }
        let month = l.month;
        let (mut b, mut end) = (i + 1, self.end(i));
        if l.month_abbr && self.is_punct(b, '.') && self.adjacent(i) {
            (b, end) = (b + 1, self.end(b));
        }
        if l.month_en
            && let Some(day) = self.num(b).filter(|&d| self.digits(b) <= 2 && (1..=31).contains(&d))
        {
            let mut j = b + 1;
            if self.is_word(j) && self.adjacent(b) && self.l(j).daysfx {
                j += 1;
            }
            let (mut year, mut e) = (Year::Unknown, self.end(j - 1));
            // «September 3-4(, 2025)»: the right end is queued with the left one's month.
            let day2 = self.num(j + 1).filter(|&d| self.is_dash(j) && self.digits(j + 1) <= 2 && d > day && d <= 31);
            let after = if day2.is_some() { j + 2 } else { j };
            let k = if self.is_punct(after, ',') { after + 1 } else { after };
            let stated = match self.year_after(k) {
                Some((y @ Year::Known(_), b2, e2)) => Some((y, b2, e2)),
                _ => None,
            };
            if let Some(d2) = day2 {
                let (y2, b2, e2) = stated.unwrap_or((Year::Unknown, j + 2, self.end(j + 1)));
                if d2 as u8 <= days_in_month(y2, month) {
                    let right =
                        Found { end: e2, ..self.found(j + 1, b2, Expr::Date { year: y2, month, day: d2 as u8 }) };
                    self.queued.set(Some(right));
                    year = y2;
                }
            } else if let Some((y, b2, e2)) = stated {
                (year, j, e) = (y, b2, e2);
            }
            if day as u8 <= days_in_month(year, month) {
                return Some(Found { end: e, ..self.found(i, j, Expr::Date { year, month, day: day as u8 }) });
            }
        }
        if let Some((year, b2, e2)) = self.year_after(b) {
            return Some(Found { end: e2, ..self.found(i, b2, Expr::Date { year, month, day: 0 }) });
        }
        if l.month_abbr {
            return None;
        }
        if let Some(Expr::Date { year, month: 1.., day: 0 }) = self.right_of_range(i) {
            return Some(self.found(i, i + 1, Expr::Date { year, month, day: 0 }));
        }
        self.right_end.set(usize::MAX);
        if self.recurring(i) {
            return None;
        }
        if l.month_en {
            let p = self.l(i.wrapping_sub(1));
            let mid = self.is_dash(i.wrapping_sub(1)) && self.l(i.wrapping_sub(2)).modifier.is_some();
            if i == 0 || !(p.prep || p.modifier.is_some() || p.modof.is_some() || mid) {
                return None;
            }
        } else if self.title_case(i) && (!self.initial(i) || self.toks.get(i + 1).is_some_and(|t| t.cap)) {
            return None; // «Марта», «Мая» mid-sentence or before a capitalized word: names
        }
        Some(Found { end, ..self.found(i, b, Expr::Date { year: Year::Unknown, month, day: 0 }) })
    }

    /// «летом (2020 года)», «весной прошлого года», «summer 2020», «the summer of 2020».
    pub(super) fn season_led(&self, i: usize) -> Option<Found> {
        let l = self.l(i);
        if l.season == 0 {
            return None;
        }
        let season = l.season;
        let of = usize::from(self.l(i + 1).of);
        if let Some((year, b, end)) = self.year_after(i + 1 + of) {
            return Some(Found { end, ..self.found(i, b, Expr::Season { year, season }) });
        }
        let ascii = self.t(i).is_ascii();
        if ascii {
            let p = |k: usize| k < i && self.l(k).prep;
            let the = self.t(i.wrapping_sub(1)).eq_ignore_ascii_case("the");
            if !(p(i.wrapping_sub(1)) || (the && p(i.wrapping_sub(2)))) {
                return None;
            }
        } else if self.title_case(i) && !self.initial(i) {
            return None;
        }
        if self.recurring(i) {
            return None;
        }
        Some(self.found(i, i + 1, Expr::Season { year: Year::Unknown, season }))
    }

    /// «первом квартале 2015 года», «втором полугодии», «first quarter of 2015».
    pub(super) fn ordinal_led(&self, i: usize) -> Option<Found> {
        let n = self.l(i).ord;
        if n == 0 { None } else { self.quarter_after(i, i + 1, n) }
    }

    /// A quarter or half-year word at `j` numbered `n`, the expression starting at `i`.
    pub(super) fn quarter_after(&self, i: usize, j: usize, n: u8) -> Option<Found> {
        let l = self.l(j);
        if !(l.quarter || l.halfyear) || !self.is_word(j) {
            return None;
        }
        let of = usize::from(self.l(j + 1).of);
        let (year, b, end) = self.year_after(j + 1 + of).unwrap_or((Year::Unknown, j + 1, self.end(j)));
        let expr = if l.quarter && n <= 4 {
            Expr::Quarter { year, q: n }
        } else if l.halfyear && n <= 2 {
            Expr::Half { year, h: n }
        } else {
            return None;
        };
        Some(Found { end, ..self.found(i, b, expr) })
    }

    /// «девяностые (годы)», «в девяностых»: after a preposition or modifier, or before «годы».
    pub(super) fn decade_word(&self, i: usize) -> Option<Found> {
        let d = self.l(i).decade;
        if d == 0 {
            return None;
        }
        let expr = Expr::Decade(d as i32);
        if let Some((b, end)) = self.yearword(i + 1) {
            return Some(Found { end, ..self.found(i, b, expr) });
        }
        let p = self.l(i.wrapping_sub(1));
        (i > 0 && (p.prep || p.modifier.is_some())).then(|| self.found(i, i + 1, expr))
    }

    /// «nineteenth century».
    pub(super) fn century_word_led(&self, i: usize) -> Option<Found> {
        let c = self.l(i).cord;
        (c > 0 && self.l(i + 1).century).then(|| self.found(i, i + 2, Expr::Century(c as i32 - 1)))
    }

    /// Words outside the lexicon: Roman numerals («XX века», «II квартале»), «Q1 2015», «H1 2007», «mid-June».
    pub(super) fn code_led(&self, i: usize) -> Option<Found> {
        let s = self.t(i);
        if let Some(v) = roman(s) {
            let next = self.l(i + 1);
            if (next.century || self.t(i + 1) == "в") && self.is_word(i + 1) {
                let b = if self.t(i + 1) == "в" {
                    // «XX в.»: the abbreviation needs its dot
                    if !(self.is_punct(i + 2, '.') && self.adjacent(i + 1)) {
                        return None;
                    }
                    i + 3
                } else {
                    i + 2
                };
                return (v <= 21).then(|| self.found(i, b, Expr::Century(v as i32 - 1)));
            }
            if let Some(f) = self.quarter_after(i, i + 1, v.min(9) as u8) {
                return Some(f);
            }
            if let Some(Expr::Century(_)) = self.right_of_range(i)
                && v <= 21
            {
                return Some(self.found(i, i + 1, Expr::Century(v as i32 - 1)));
            }
            self.right_end.set(usize::MAX);
            return None;
        }
        let b = s.as_bytes();
        if b.len() == 2 && matches!(b[0], b'Q' | b'q' | b'H') && (b'1'..=b'4').contains(&b[1]) {
            let n = b[1] - b'0';
            let (year, end_tok, end) = match self.year_after(i + 1) {
                Some((y @ Year::Known(_), e, end)) => (y, e, end),
                _ => (Year::Unknown, i + 1, self.end(i)),
            };
            let expr = if b[0] == b'H' {
                if n > 2 {
                    return None;
                }
                Expr::Half { year, h: n }
            } else {
                Expr::Quarter { year, q: n }
            };
            return Some(Found { end, ..self.found(i, end_tok, expr) });
        }
        if let Some(rest) = s.strip_prefix("mid-").or_else(|| s.strip_prefix("Mid-")) {
            let l = self.lex.entry(self.lex.lookup(rest));
            if l.month > 0 && l.month_en {
                return Some(self.found(i, i + 1, Expr::Date { year: Year::Unknown, month: l.month, day: 0 }));
            }
        }
        None
    }

    /// «марте-апреле» written with a hyphen is one token: two months, the second's year shared.
    pub(super) fn hyphen_pair(&self, i: usize) -> Option<(Found, Found)> {
        let t = self.toks.get(i)?;
        if t.kind != crate::segment::TokenKind::Word || self.lex_id(i) != 0 {
            return None;
        }
        let s = self.t(i);
        let h = s.find('-')?;
        let (left, right) = (&s[..h], &s[h + 1..]);
        let piece = |a: usize, b: usize, end: usize, expr: Expr| Found { a: i, b, start: t.start + a, end, expr };
        // «XIX-XX веков», «III-IV кварталах»
        if let (Some(x), Some(y)) = (roman(left), roman(right)) {
            let next = self.l(i + 1);
            let (x, y) = (x as u8, y as u8);
            if x >= y {
                return None; // a range runs forward: «III-IV», not «IX-IV»
            }
            let (lx, rx, b, end) = if next.century && x <= 21 && y <= 21 {
                (Expr::Century(x as i32 - 1), Expr::Century(y as i32 - 1), i + 2, self.end(i + 1))
            } else if (next.quarter && y <= 4) || (next.halfyear && y <= 2) {
                let (year, b, end) = self.year_after(i + 2).unwrap_or((Year::Unknown, i + 2, self.end(i + 1)));
                if next.quarter {
                    (Expr::Quarter { year, q: x }, Expr::Quarter { year, q: y }, b, end)
                } else {
                    (Expr::Half { year, h: x }, Expr::Half { year, h: y }, b, end)
                }
            } else {
                return None;
            };
            return Some((piece(0, i + 1, t.start + h, lx), piece(h + 1, b, end, rx)));
        }
        let (ll, rl) = (self.lex.entry(self.lex.lookup(left)), self.lex.entry(self.lex.lookup(right)));
        if ll.month == 0 || rl.month == 0 || ll.month_en || rl.month_en || ll.month_abbr || rl.month_abbr {
            return None;
        }
        let (year, b, end) = self.year_after(i + 1).unwrap_or((Year::Unknown, i + 1, t.end));
        let l = Found {
            a: i,
            b: i + 1,
            start: t.start,
            end: t.start + h,
            expr: Expr::Date { year, month: ll.month, day: 0 },
        };
        let r = Found { a: i, b, start: t.start + h + 1, end, expr: Expr::Date { year, month: rl.month, day: 0 } };
        Some((l, r))
    }

    /// «каждую весну», «каждое второе воскресенье»: a recurring time, not a date.
    fn recurring(&self, i: usize) -> bool {
        let mut i = i;
        // Through a list: «каждую весну и осень».
        for _ in 0..4 {
            if i == 0 {
                return false;
            }
            let p = self.l(i - 1);
            if p.every || p.ord > 0 {
                return true;
            }
            let q = self.l(i.wrapping_sub(2));
            if !(i >= 2 && p.conn && (q.season > 0 || q.weekday > 0 || q.month > 0)) {
                return false;
            }
            i -= 2;
        }
        false
    }

    /// A relative adjective agrees in case with the season after it: «прошлым летом», «прошлой осенью», «прошлого
    /// лета», not «предстоящего летом».
    fn agrees(&self, adj: usize, season: usize) -> bool {
        let (a, s) = (self.t(adj).to_lowercase(), self.t(season).to_lowercase());
        if a.is_ascii() {
            return true;
        }
        if s.ends_with("ом") {
            a.ends_with('м')
        } else if s.ends_with("ой") || s.ends_with("ью") || s.ends_with("ою") {
            a.ends_with("ой") || a.ends_with("ей")
        } else if s.ends_with('а') || s.ends_with('ы') || s.ends_with('и') {
            a.ends_with("го") || a.ends_with("ой") || a.ends_with("ей")
        } else {
            true
        }
    }
}
