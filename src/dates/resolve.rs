//! Writing an expression as a TIMEX3 value, with or without the article's date, and the tense cues that decide
//! which August or which Wednesday a reader would understand.

use chrono::{Datelike, Days, NaiveDate};

use super::parse::{Expr, Parser, Year};
use crate::analysis::Grain;

/// Whether the clause around a date speaks of the past or the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    Unknown,
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];
/// The month a season is placed at when choosing its year.
const SEASON_MONTH: [u8; 4] = [4, 7, 10, 1];

pub(super) fn grain(e: &Expr) -> Grain {
    match *e {
        Expr::Date { day: 1.., .. } | Expr::Weekday { .. } | Expr::RelDay(_) => Grain::Day,
        Expr::Date { month: 1.., .. } | Expr::RelMonth(_) => Grain::Month,
        Expr::Date { .. } => Grain::Year,
        Expr::Weekend { .. } | Expr::RelWeek(_) => Grain::Week,
        Expr::Season { .. } => Grain::Season,
        Expr::Quarter { .. } => Grain::Quarter,
        Expr::Half { .. } => Grain::Half,
        Expr::Decade(_) => Grain::Decade,
        Expr::Century(_) | Expr::CenturyRel(_) => Grain::Century,
    }
}

/// Whether the value depends on the article's date (and so is resolved when one is given).
pub(super) fn needs_reference(e: &Expr) -> bool {
    match *e {
        Expr::Date { year, .. } | Expr::Season { year, .. } | Expr::Quarter { year, .. } | Expr::Half { year, .. } => {
            !matches!(year, Year::Known(_))
        }
        Expr::Decade(_) | Expr::Century(_) => false,
        _ => true,
    }
}

fn rel(n: i32, unit: char) -> String {
    if n > 0 { format!("REL+{n}{unit}") } else { format!("REL{n}{unit}") }
}

fn year_or_x(y: Year) -> String {
    match y {
        Year::Known(y) => format!("{y:04}"),
        _ => "XXXX".to_string(),
    }
}

/// The value without a reference date: deictic expressions as offsets, unstated years as XXXX.
pub(super) fn unresolved(e: &Expr) -> String {
    match *e {
        Expr::Date { year: Year::Rel(n), month: 0, .. } => rel(n, 'Y'),
        Expr::Date { year, month: 0, .. } => year_or_x(year),
        Expr::Date { year, month, day: 0 } => format!("{}-{month:02}", year_or_x(year)),
        Expr::Date { year, month, day } => format!("{}-{month:02}-{day:02}", year_or_x(year)),
        Expr::Weekday { wd, .. } => format!("XXXX-WXX-{wd}"),
        Expr::Weekend { .. } => "XXXX-WXX-WE".to_string(),
        Expr::Season { year, season } => format!("{}-{}", year_or_x(year), SEASONS[season as usize - 1]),
        Expr::Quarter { year, q } => format!("{}-Q{q}", year_or_x(year)),
        Expr::Half { year, h } => format!("{}-H{h}", year_or_x(year)),
        Expr::Decade(d) => format!("{d:03}X"),
        Expr::Century(c) => format!("{c:02}"),
        Expr::CenturyRel(n) => rel(n, 'C'),
        Expr::RelDay(n) => rel(n, 'D'),
        Expr::RelWeek(n) => rel(n, 'W'),
        Expr::RelMonth(n) => rel(n, 'M'),
    }
}

/// The year of a month (and day, 0 when absent) the text gives without a stated year, seen from `r`.
fn year_of(y: Year, month: u8, day: u8, r: NaiveDate, tense: Tense) -> i32 {
    let ry = r.year();
    match y {
        Year::Known(y) => y,
        Year::Rel(n) => ry + n,
        Year::Implicit => ry,
        Year::Unknown | Year::Same => {
            // A month alone compares by month, a day by month and day.
            let here = (month as u32, day as u32);
            let now = (r.month(), if day == 0 { 0 } else { r.day() });
            match tense {
                Tense::Past if here > now => ry - 1,
                Tense::Future if here < now => ry + 1,
                Tense::Past | Tense::Future => ry,
                // No cue: the nearest such date.
                Tense::Unknown => {
                    let d = if day == 0 { 15 } else { day as i32 };
                    let off = (month as i32 - r.month() as i32) * 31 + d - r.day() as i32;
                    if off > 183 {
                        ry - 1
                    } else if off < -183 {
                        ry + 1
                    } else {
                        ry
                    }
                }
            }
        }
    }
}

/// The year of a period of months `first..=last` (a quarter, a half, a season) the text gives without a year: as
/// for a month, but a period that holds the reference date is this year's whatever the tense («отчет за второй
/// квартал представит» on 30 June is this year's second quarter).
fn year_of_period(y: Year, first: u8, last: u8, r: NaiveDate, tense: Tense) -> i32 {
    let m = r.month() as u8;
    if matches!(y, Year::Unknown | Year::Same) && (first..=last).contains(&m) {
        return r.year();
    }
    let mid = (first + last) / 2;
    match tense {
        Tense::Past => year_of(y, first, 0, r, tense),
        Tense::Future => year_of(y, last, 0, r, tense),
        Tense::Unknown => year_of(y, mid, 15, r, tense),
    }
}

fn shift(d: NaiveDate, days: i64) -> NaiveDate {
    let moved = if days >= 0 {
        d.checked_add_days(Days::new(days as u64))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.unwrap_or(d)
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// The calendar value against the reference date `r`; `tense` is asked only when the value depends on it.
pub(super) fn resolved(e: &Expr, r: NaiveDate, tense: impl Fn() -> Tense) -> String {
    let ry = r.year();
    let tense_if = |y: Year| if y == Year::Unknown { tense() } else { Tense::Unknown };
    match *e {
        Expr::Date { year: Year::Rel(n), month: 0, .. } => format!("{:04}", ry + n),
        Expr::Date { year: Year::Known(y), month: 0, .. } => format!("{y:04}"),
        Expr::Date { year, month, day } => {
            let t = tense_if(year);
            let y = year_of(year, month, day, r, t);
            if day == 0 { format!("{y:04}-{month:02}") } else { format!("{y:04}-{month:02}-{day:02}") }
        }
        Expr::Weekday { wd, week: Some(n) } => {
            let monday = shift(r, -(r.weekday().num_days_from_monday() as i64));
            ymd(shift(monday, 7 * n as i64 + wd as i64 - 1))
        }
        Expr::Weekday { wd, week: None } => {
            let diff = wd as i64 - r.weekday().number_from_monday() as i64;
            let future = tense() == Tense::Future;
            // The nearest such weekday: past (the same day counts) unless the clause speaks of the future.
            let off = if future { diff.rem_euclid(7) } else { -(-diff).rem_euclid(7) };
            ymd(shift(r, off))
        }
        Expr::Weekend { week } => {
            let n = match week {
                Some(n) => n as i64,
                // The last weekend; this one when the article is of a weekend day or speaks of the future.
                None if r.weekday().number_from_monday() >= 6 => 0,
                None if tense() == Tense::Future => 0,
                None => -1,
            };
            format!("{}-WE", iso_week(shift(r, 7 * n)))
        }
        Expr::Season { year, season } => {
            let t = tense_if(year);
            format!(
                "{:04}-{}",
                year_of(year, SEASON_MONTH[season as usize - 1], 15, r, t),
                SEASONS[season as usize - 1]
            )
        }
        Expr::Quarter { year, q } => {
            let t = tense_if(year);
            format!("{:04}-Q{q}", year_of_period(year, 3 * q - 2, 3 * q, r, t))
        }
        Expr::Half { year, h } => {
            let t = tense_if(year);
            format!("{:04}-H{h}", year_of_period(year, 6 * h - 5, 6 * h, r, t))
        }
        Expr::Decade(d) => format!("{d:03}X"),
        Expr::Century(c) => format!("{c:02}"),
        Expr::CenturyRel(n) => format!("{:02}", (ry - 1).div_euclid(100) + n),
        Expr::RelDay(n) => ymd(shift(r, n as i64)),
        Expr::RelWeek(n) => iso_week(shift(r, 7 * n as i64)),
        Expr::RelMonth(n) => {
            let m = ry * 12 + r.month0() as i32 + n;
            format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
        }
    }
}

impl Parser<'_> {
    /// The tense nearest to tokens `[a, b)` within their sentence: a future cue («будет», «планируется», «will»)
    /// or a past-tense verb («заявил», «прошла», «announced»).
    pub(super) fn tense(&self, a: usize, b: usize) -> Tense {
        let mut best: Option<(usize, Tense)> = None;
        for k in self.sentence_tokens(a) {
            if (a..b).contains(&k) || !self.is_word(k) {
                continue;
            }
            let l = self.l(k);
            let t = if l.future {
                Tense::Future
            } else if l.past || (!l.notpast && looks_past(self.t(k))) {
                Tense::Past
            } else {
                continue;
            };
            let dist = if k < a { a - k } else { k + 1 - b };
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, t));
            }
        }
        best.map_or(Tense::Unknown, |(_, t)| t)
    }
}

/// A lower-case Russian past-tense verb form («заявил», «прошла», «состоялись») or an English «-ed» verb.
fn looks_past(w: &str) -> bool {
    if w.chars().next().is_none_or(|c| !c.is_lowercase()) {
        return false;
    }
    if w.is_ascii() {
        return w.len() >= 5 && w.ends_with("ed");
    }
    let w = w.strip_suffix("ся").or_else(|| w.strip_suffix("сь")).unwrap_or(w);
    let stem = ["л", "ла", "ло", "ли"].iter().find_map(|e| w.strip_suffix(e));
    let Some(stem) = stem else { return false };
    if stem.chars().count() < 2 {
        return false;
    }
    // Most past stems end in a vowel («заяви-л»); a few common ones in a consonant, before «-ла/-ли/-ло» only:
    // «произош-ла», «приш-ли», «смог-ла», «достиг-ли», «вырос-ли». Not «с» or «з» in general: «числа», «мысли»,
    // «узла» are nouns.
    let consonant = w.len() > stem.len() + 2 && (stem.ends_with(['ш', 'г']) || stem.ends_with("рос"));
    consonant || stem.ends_with(['а', 'е', 'и', 'о', 'у', 'ы', 'я'])
}
