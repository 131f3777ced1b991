//! The date rules led by a number: numeric dates, days with months, years, decades, centuries in digits, and
//! the left ends of ranges. Each returns the longest expression starting at its token (see rules.rs).

use super::parse::{Expr, Found, Parser, Year, days_in_month};

impl Parser<'_> {
    pub(super) fn number_led(&self, i: usize, bare: bool) -> Option<Found> {
        let Some(n) = self.num(i) else { return self.dotted_date(i) };
        let d = self.digits(i);
        if let Some(f) = self.separated_date(i) {
            return Some(f);
        }
        if (1..=10_000).contains(&n)
            && let Some(f) = self.ago_led(i, n)
        {
            return Some(f);
        }
        if let Some(f) = self.decade(i, n, d) {
            return Some(f);
        }
        if d <= 2 {
            // «XX век» in digits: «21 веке», «19th century».
            let c = if self.is_word(i + 1) && self.adjacent(i) && self.l(i + 1).daysfx { i + 2 } else { i + 1 };
            if (1..=21).contains(&n) && self.l(c).century {
                return Some(self.found(i, c + 1, Expr::Century(n as i32 - 1)));
            }
            // «1-м квартале», «2-е полугодие», «1 квартале».
            if (1..=4).contains(&n) {
                let q = if self.is_dash(i + 1) && self.adjacent(i) && self.is_word(i + 2) { i + 3 } else { i + 1 };
                // «в 3 кварталах от дома» are city blocks: a bare number takes a singular quarter only.
                let plural = ["ы", "ов", "ам", "ами", "ах", "ий", "иях"].iter().any(|e| self.t(q).ends_with(e));
                if (q == i + 3 || !plural)
                    && let Some(f) = self.quarter_after(i, q, n as u8)
                {
                    return Some(f);
                }
            }
            if (1..=31).contains(&n)
                && let Some(f) = self.day_month(i, n as u8)
            {
                return Some(f);
            }
        }
        if (3..=4).contains(&d) && n >= 100 {
            if let Some((b, end)) = self.yearword(i + 1) {
                return Some(Found {
                    end,
                    ..self.found(i, b, Expr::Date { year: Year::Known(n as i32), month: 0, day: 0 })
                });
            }
            // «в 2015-м (году)», «2015-го года».
            if d == 4
                && n <= 2999
                && self.is_dash(i + 1)
                && self.adjacent(i)
                && self.adjacent(i + 1)
                && self.l(i + 2).yearsfx
            {
                let (b, end) = self.yearword(i + 3).unwrap_or((i + 3, self.end(i + 2)));
                return Some(Found {
                    end,
                    ..self.found(i, b, Expr::Date { year: Year::Known(n as i32), month: 0, day: 0 })
                });
            }
        }
        if let Some(f) = self.number_range(i, n, d) {
            return Some(f);
        }
        // A bare year: after a preposition («в 2010»), or as a range's right end.
        let after_prep = self.l(i.wrapping_sub(1)).prep && i > 0;
        if d == 4 && (1900..=2100).contains(&n) && (bare || after_prep) && self.year_follows(i + 1) {
            return Some(self.found(i, i + 1, Expr::Date { year: Year::Known(n as i32), month: 0, day: 0 }));
        }
        None
    }

    /// The left end of a range or list of numbers: a day, a year, a decade or a century.
    fn number_range(&self, i: usize, n: u32, d: u8) -> Option<Found> {
        let right = self.right_of_range(i)?;
        let expr = match right {
            Expr::Date { year, month, day }
                if day > 0 && d <= 2 && n >= 1 && n <= days_in_month(year, month) as u32 =>
            {
                Expr::Date { year, month, day: n as u8 }
            }
            Expr::Date { year: Year::Known(_), month: 0, .. } if (3..=4).contains(&d) && (100..=2999).contains(&n) => {
                Expr::Date { year: Year::Known(n as i32), month: 0, day: 0 }
            }
            Expr::Decade(_) if d == 4 && n.is_multiple_of(10) => Expr::Decade(n as i32 / 10),
            Expr::Decade(r) if d == 2 && n.is_multiple_of(10) => Expr::Decade(r / 10 * 10 + n as i32 / 10),
            Expr::Century(_) if (1..=21).contains(&n) => Expr::Century(n as i32 - 1),
            _ => {
                self.right_end.set(usize::MAX);
                return None;
            }
        };
        Some(self.found(i, i + 1, expr))
    }

    /// «16.06.2025» (one token), optionally with «г.».
    fn dotted_date(&self, i: usize) -> Option<Found> {
        let s = self.t(i);
        let mut parts = s.split('.');
        let (dd, mm, yy) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || dd.len() > 2 || mm.len() > 2 || yy.len() != 4 {
            return None;
        }
        let (day, month, year) = (dd.parse::<u8>().ok()?, mm.parse::<u8>().ok()?, yy.parse::<i32>().ok()?);
        let expr = self.checked_date(year, month, day)?;
        let (b, end) = self.yearword(i + 1).unwrap_or((i + 1, self.end(i)));
        Some(Found { end, ..self.found(i, b, expr) })
    }

    /// «2025-06-16» and «16/06/2025» (five touching tokens).
    fn separated_date(&self, i: usize) -> Option<Found> {
        if !(self.adjacent(i) && self.adjacent(i + 1) && self.adjacent(i + 2) && self.adjacent(i + 3)) {
            return None;
        }
        let (a, b, c) = (self.num(i)?, self.num(i + 2)?, self.num(i + 4)?);
        let (da, db, dc) = (self.digits(i), self.digits(i + 2), self.digits(i + 4));
        let expr = if self.is_dash(i + 1) && self.t(i + 1) == "-" && self.t(i + 3) == "-" {
            if da != 4 || db != 2 || dc != 2 {
                return None;
            }
            self.checked_date(a as i32, b as u8, c as u8)?
        } else if self.t(i + 1) == "/" && self.t(i + 3) == "/" && da <= 2 && db <= 2 && dc == 4 {
            let (day, month) = if (self.month_first && a <= 12) || b > 12 { (b, a) } else { (a, b) };
            self.checked_date(c as i32, month as u8, day as u8)?
        } else {
            return None;
        };
        Some(self.found(i, i + 5, expr))
    }

    fn checked_date(&self, year: i32, month: u8, day: u8) -> Option<Expr> {
        ((1000..=2999).contains(&year) && (1..=12).contains(&month) && day >= 1)
            .then_some(())
            .filter(|_| day <= days_in_month(Year::Known(year), month))
            .map(|_| Expr::Date { year: Year::Known(year), month, day })
    }

    /// «1990-е (годы)», «90-х годов прошлого века», «1990s».
    fn decade(&self, i: usize, n: u32, d: u8) -> Option<Found> {
        if !n.is_multiple_of(10) {
            return None;
        }
        let base = match d {
            4 if (1000..=2990).contains(&n) => n as i32 / 10,
            2 => 190 + n as i32 / 10,
            _ => return None,
        };
        let hyphen = self.is_dash(i + 1) && self.adjacent(i) && self.adjacent(i + 1);
        // «1920-м годам», «90-м годах»: the ending «-м» is a year's («в 2015-м году») unless a plural year word
        // follows.
        let plural_m =
            || self.t(i + 2) == "м" && matches!(self.t(i + 3), "годам" | "годах" | "годами" | "годы" | "годов");
        let mut j = if hyphen && (self.l(i + 2).decsfx || plural_m()) {
            i + 3
        } else if self.is_word(i + 1) && self.adjacent(i) && self.t(i + 1) == "s" {
            i + 2
        } else {
            return None;
        };
        let mut end = self.end(j - 1);
        let yearword = self.yearword(j);
        if let Some((b, e)) = yearword {
            (j, end) = (b, e);
        }
        if d == 2 && yearword.is_none() {
            let prev = self.l(i.wrapping_sub(1));
            if !(i > 0 && (prev.prep || prev.modifier.is_some()) && self.year_follows(j)) {
                return None;
            }
        }
        // «прошлого века» belongs to the decade.
        if self.l(j).is_rel && self.l(j + 1).century {
            (j, end) = (j + 2, self.end(j + 1));
        }
        Some(Found { end, ..self.found(i, j, Expr::Decade(base)) })
    }

    /// «'90s».
    pub(super) fn apostrophe_decade(&self, i: usize) -> Option<Found> {
        let n = self.num(i + 1)?;
        (matches!(self.t(i), "'" | "’")
            && self.digits(i + 1) == 2
            && n.is_multiple_of(10)
            && self.adjacent(i)
            && self.adjacent(i + 1)
            && self.t(i + 2) == "s")
            .then(|| self.found(i, i + 3, Expr::Decade(190 + n as i32 / 10)))
    }

    /// «16 июня (2025 года)», «16-го июня», «16th of June 2025»; a capitalized Russian month without a year is a
    /// holiday name («9 Мая»).
    fn day_month(&self, i: usize, day: u8) -> Option<Found> {
        let mut j = i + 1;
        if self.is_dash(j) && self.adjacent(i) && self.adjacent(j) && self.l(j + 1).daysfx {
            j += 2;
        } else if self.is_word(j) && self.adjacent(i) && self.l(j).daysfx {
            j += 1;
        }
        if self.l(j).of {
            j += 1;
        }
        let l = self.l(j);
        if l.month == 0 || !self.is_word(j) {
            return None;
        }
        let month = l.month;
        let (mut b, mut end) = (j + 1, self.end(j));
        if l.month_abbr && self.is_punct(b, '.') && self.adjacent(j) {
            (b, end) = (b + 1, self.end(b));
        }
        let mut year = Year::Unknown;
        if let Some((y, b2, e2)) = self.year_after(b) {
            (year, b, end) = (y, b2, e2);
        } else if l.month_en
            && self.is_punct(b, ',')
            && let Some((y @ Year::Known(_), b2, e2)) = self.year_after(b + 1)
        {
            (year, b, end) = (y, b2, e2);
        } else if !l.month_en && self.title_case(j) {
            return None;
        }
        (day <= days_in_month(year, month)).then(|| Found { end, ..self.found(i, b, Expr::Date { year, month, day }) })
    }

    /// A year after a month, season or quarter: «2025 года», «2025», «прошлого года» → (year, next token, end).
    pub(super) fn year_after(&self, j: usize) -> Option<(Year, usize, usize)> {
        if let Some(y) = self.num(j).filter(|&y| self.digits(j) == 4 && (1000..=2999).contains(&y)) {
            if let Some((b, end)) = self.yearword(j + 1) {
                return Some((Year::Known(y as i32), b, end));
            }
            // «сентября 2010-го (года)»
            if self.is_dash(j + 1) && self.adjacent(j) && self.adjacent(j + 1) && self.l(j + 2).yearsfx {
                let (b, end) = self.yearword(j + 3).unwrap_or((j + 3, self.end(j + 2)));
                return Some((Year::Known(y as i32), b, end));
            }
            return self.year_follows(j + 1).then(|| (Year::Known(y as i32), j + 1, self.end(j)));
        }
        // «того же года»
        if self.t(j) == "того"
            && self.t(j + 1) == "же"
            && let Some((b, end)) = self.yearword(j + 2)
        {
            return Some((Year::Same, b, end));
        }
        let l = self.l(j);
        if l.is_rel && self.l(j + 1).yearword && self.is_word(j) {
            return Some((Year::Rel(l.rel as i32), j + 2, self.end(j + 1)));
        }
        None
    }

    /// «года», «г.», «гг.» at `j` → (next token, end byte, taking an abbreviation's dot).
    pub(super) fn yearword(&self, j: usize) -> Option<(usize, usize)> {
        if !self.is_word(j) || !self.l(j).yearword {
            return None;
        }
        let t = &self.toks[j];
        if t.end - t.start <= 4 && self.is_punct(j + 1, '.') && self.adjacent(j) {
            return Some((j + 2, self.end(j + 1)));
        }
        Some((j + 1, t.end))
    }

    /// Whether what follows a year-like number leaves it a year: not a counted noun («2000 человек»), a unit
    /// («2000 лет»), another number or a percent sign.
    pub(super) fn year_follows(&self, j: usize) -> bool {
        let Some(t) = self.toks.get(j) else { return true };
        match t.kind {
            crate::segment::TokenKind::Number => false,
            crate::segment::TokenKind::Punct => !matches!(self.t(j), "%" | "$" | "€" | "₽" | "£"),
            crate::segment::TokenKind::Word => {
                let l = self.l(j);
                !(l.measure || l.unit.is_some() || l.decsfx || l.daysfx)
            }
        }
    }
}
