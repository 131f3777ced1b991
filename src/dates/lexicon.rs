//! The date vocabulary (data/dates/*.txt), parsed once into one table: a word form → what it can be.
//!
//! Russian and English share the table (their forms never collide), so one scan serves either language and
//! a Russian date inside an English article is still found. Forms are looked up lowercased with ё folded to е.

use crate::fastmap::FastMap;

/// A unit of «N units назад» and «прошлом году».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    HalfYear,
    Year,
}

/// A modifier of a period: «начале», «конце», «середине», «(первой) половине».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mod {
    Start,
    End,
    Mid,
    Half,
}

/// Everything a word form can be; a form may be several things at once («по» is a preposition and a connector,
/// «года» a year word and a unit).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Lex {
    /// Month 1–12, or 0.
    pub month: u8,
    pub month_abbr: bool,
    /// The month name is English (capitalized, needs context when alone).
    pub month_en: bool,
    /// Weekday 1–7, or 0.
    pub weekday: u8,
    pub weekday_abbr: bool,
    /// A weekday form that is also a common noun («среда»).
    pub weekday_ctx: bool,
    /// Deictic day offset («вчера» −1), meaningful when `is_day`.
    pub day: i8,
    pub is_day: bool,
    /// «накануне».
    pub eve: bool,
    /// Relative adjective offset («прошлый» −1), meaningful when `is_rel`.
    pub rel: i8,
    pub is_rel: bool,
    /// «ближайшие»: the coming one, said only of weekends and weekdays here («ближайшие годы» is vague).
    pub near: bool,
    pub unit: Option<Unit>,
    pub yearword: bool,
    pub century: bool,
    pub modifier: Option<Mod>,
    pub modof: Option<Mod>,
    /// Season 1–4 (spring, summer, autumn, winter), or 0.
    pub season: u8,
    pub quarter: bool,
    pub halfyear: bool,
    /// Ordinal 1–4 for quarters and halves, or 0.
    pub ord: u8,
    /// Cardinal number word, or 0.
    pub num: u8,
    /// Century ordinal word («nineteenth»), or 0.
    pub cord: u8,
    pub ago: bool,
    pub title: bool,
    pub holiday: bool,
    /// A decade word («девяностые»): its first three digits, or 0.
    pub decade: u16,
    pub single: bool,
    pub every: bool,
    pub subject: bool,
    pub weekend: bool,
    pub prep: bool,
    pub conn: bool,
    pub of: bool,
    pub future: bool,
    pub past: bool,
    pub notpast: bool,
    pub measure: bool,
    pub daysfx: bool,
    pub decsfx: bool,
    pub yearsfx: bool,
    /// Can begin an expression (a month, a weekday, «прошлом», «начале», «три» …): the scanner tries rules only
    /// at such words, not at the far more frequent prepositions and tense cues.
    pub starts: bool,
}

/// The longest form in bytes.
const MAX_FORM: usize = 64;

/// The parsed vocabulary.
pub(super) struct Lexicon {
    /// Form → index into `entries` (index 0 is the empty entry).
    map: FastMap<Box<[u8]>, u16>,
    entries: Vec<Lex>,
    /// Longest form in bytes: longer words are never looked up.
    max_len: usize,
    /// A filter on (first letter, last letter, length) of every form: most words of a text are rejected by one
    /// bit test before they are lowercased and hashed.
    filter: Box<[u64; FILTER_WORDS]>,
    /// The same filter over the forms that can begin an expression.
    start_filter: Box<[u64; FILTER_WORDS]>,
}

const FILTER_WORDS: usize = 1024;

/// A small code of the letter whose UTF-8 starts at `b` (case and ё folded).
#[inline]
fn letter_code(b: &[u8]) -> usize {
    match b {
        [c @ 0..0x80, ..] => c.to_ascii_lowercase() as usize,
        [0xD0, 0x81, ..] | [0xD1, 0x91, ..] | [0xD0, 0xB5, ..] | [0xD0, 0x95, ..] => 0x135,
        [0xD0, d @ 0x90..=0xAF, ..] => 0x100 + (*d as usize - 0x90),
        [0xD0, d @ 0xB0..=0xBF, ..] => 0x100 + (*d as usize - 0xB0),
        [0xD1, d @ 0x80..=0x8F, ..] => 0x110 + (*d as usize - 0x80),
        [c, d, ..] => (*c as usize) << 3 ^ *d as usize,
        _ => 0,
    }
}

/// The filter bit of a word: its first and last letters and its length.
#[inline]
fn filter_bit(word: &[u8]) -> usize {
    let n = word.len();
    // The last letter starts at the last byte (ASCII) or the one before (Russian), else search back.
    let last = match word {
        [.., c] if *c < 0x80 => n - 1,
        [.., c, _] if *c & 0xE0 == 0xC0 => n - 2,
        _ => word.iter().rposition(|&c| (c as i8) >= -0x40).unwrap_or(0),
    };
    let (f, l) = (letter_code(word), letter_code(&word[last..]));
    ((f & 63) << 10 | (l & 63) << 4 | (word.len() & 15)) & (FILTER_WORDS * 64 - 1)
}

const RU_MONTHS: &str = include_str!("../../data/dates/ru_months.txt");
const EN_MONTHS: &str = include_str!("../../data/dates/en_months.txt");
const RU_WEEKDAYS: &str = include_str!("../../data/dates/ru_weekdays.txt");
const EN_WEEKDAYS: &str = include_str!("../../data/dates/en_weekdays.txt");
const RU_WORDS: &str = include_str!("../../data/dates/ru_words.txt");
const EN_WORDS: &str = include_str!("../../data/dates/en_words.txt");

fn lines(data: &str) -> impl Iterator<Item = (&str, std::str::SplitWhitespace<'_>)> {
    data.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')).filter_map(|l| {
        let mut parts = l.split_whitespace();
        parts.next().map(|first| (first, parts))
    })
}

impl Lexicon {
    pub fn new() -> Self {
        let mut lx = Lexicon {
            map: FastMap::default(),
            entries: vec![Lex::default()],
            max_len: 0,
            filter: Box::new([0; FILTER_WORDS]),
            start_filter: Box::new([0; FILTER_WORDS]),
        };
        for (data, en) in [(RU_MONTHS, false), (EN_MONTHS, true)] {
            for (num, forms) in lines(data) {
                let m: u8 = num.parse().expect("month number in data/dates");
                for f in forms {
                    let (f, abbr) = f.strip_prefix('~').map_or((f, false), |f| (f, true));
                    lx.add(f, |e| {
                        e.month = m;
                        e.month_abbr = abbr;
                        e.month_en = en;
                    });
                }
            }
        }
        for data in [RU_WEEKDAYS, EN_WEEKDAYS] {
            for (num, forms) in lines(data) {
                let d: u8 = num.parse().expect("weekday number in data/dates");
                for f in forms {
                    let (f, ctx) = f.strip_prefix('*').map_or((f, false), |f| (f, true));
                    let (f, abbr) = f.strip_prefix('~').map_or((f, false), |f| (f, true));
                    lx.add(f, |e| {
                        e.weekday = d;
                        e.weekday_ctx = ctx;
                        e.weekday_abbr = abbr;
                    });
                }
            }
        }
        for data in [RU_WORDS, EN_WORDS] {
            for (category, mut rest) in lines(data) {
                let value = rest.next().unwrap_or("-");
                let n: i8 = value.parse().unwrap_or(0);
                for f in rest {
                    lx.add(f, |e| match category {
                        "day" => {
                            e.is_day = true;
                            e.day = n;
                        }
                        "eve" => {
                            e.eve = true;
                            e.day = n;
                        }
                        "rel" => {
                            e.is_rel = true;
                            e.rel = n;
                        }
                        "unit" => {
                            e.unit = Some(match value {
                                "D" => Unit::Day,
                                "W" => Unit::Week,
                                "M" => Unit::Month,
                                "H" => Unit::HalfYear,
                                _ => Unit::Year,
                            })
                        }
                        "yearword" => e.yearword = true,
                        "century" => e.century = true,
                        "mod" | "modof" => {
                            let m = match value {
                                "start" => Mod::Start,
                                "end" => Mod::End,
                                "mid" => Mod::Mid,
                                _ => Mod::Half,
                            };
                            if category == "mod" { e.modifier = Some(m) } else { e.modof = Some(m) }
                        }
                        "season" => {
                            e.season = match value {
                                "SP" => 1,
                                "SU" => 2,
                                "FA" => 3,
                                _ => 4,
                            }
                        }
                        "quarter" => e.quarter = true,
                        "halfyear" => e.halfyear = true,
                        "ord" => e.ord = n as u8,
                        "num" => e.num = value.parse().unwrap_or(0),
                        "cord" => e.cord = n as u8,
                        "ago" => e.ago = true,
                        "title" => e.title = true,
                        "holiday" => e.holiday = true,
                        "decade" => e.decade = value.parse().unwrap_or(0),
                        "single" => e.single = true,
                        "every" => e.every = true,
                        "subject" => e.subject = true,
                        "weekend" => e.weekend = true,
                        "near" => e.near = true,
                        "prep" => e.prep = true,
                        "conn" => e.conn = true,
                        "of" => e.of = true,
                        "future" => e.future = true,
                        "past" => e.past = true,
                        "notpast" => e.notpast = true,
                        "measure" => e.measure = true,
                        "daysfx" => e.daysfx = true,
                        "decsfx" => e.decsfx = true,
                        "yearsfx" => e.yearsfx = true,
                        other => panic!("unknown category {other:?} in data/dates"),
                    });
                }
            }
        }
        for e in &mut lx.entries {
            e.starts = e.month > 0
                || e.weekday > 0
                || e.is_day
                || e.eve
                || e.is_rel
                || e.near
                || e.unit.is_some()
                || e.modifier.is_some()
                || e.modof.is_some()
                || e.season > 0
                || e.ord > 0
                || e.num > 0
                || e.cord > 0
                || e.weekend
                || e.decade > 0;
        }
        for (form, &idx) in &lx.map {
            if lx.entries[idx as usize].starts {
                let bit = filter_bit(form);
                lx.start_filter[bit / 64] |= 1 << (bit % 64);
            }
        }
        lx
    }

    /// Whether `word` may be a form that begins an expression (no false negatives).
    pub fn may_start(&self, word: &str) -> bool {
        if word.is_empty() || word.len() > self.max_len {
            return false;
        }
        let bit = filter_bit(word.as_bytes());
        self.start_filter[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn add(&mut self, form: &str, set: impl FnOnce(&mut Lex)) {
        let form = form.replace('ё', "е");
        self.max_len = self.max_len.max(form.len());
        assert!(form.len() <= MAX_FORM, "date form {form:?} too long");
        let bit = filter_bit(form.as_bytes());
        self.filter[bit / 64] |= 1 << (bit % 64);
        let idx = match self.map.get(form.as_bytes()) {
            Some(&i) => i,
            None => {
                let i = u16::try_from(self.entries.len()).expect("date lexicon under 65536 forms");
                self.entries.push(Lex::default());
                self.map.insert(form.into_bytes().into_boxed_slice(), i);
                i
            }
        };
        set(&mut self.entries[idx as usize]);
    }

    /// The entry index of `word` (0 when unknown), looked up lowercased with ё folded to е.
    ///
    /// Lowercasing is done on the UTF-8 bytes for ASCII and Russian letters (the only letters of the forms),
    /// into a stack buffer: `char::to_lowercase` into a `String` cost more than the rest of the stage.
    pub fn lookup(&self, word: &str) -> u16 {
        if word.len() > self.max_len || word.is_empty() {
            return 0;
        }
        let bit = filter_bit(word.as_bytes());
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return 0;
        }
        let mut buf = [0u8; MAX_FORM];
        let b = word.as_bytes();
        let mut k = 0;
        while k < b.len() {
            let c = b[k];
            match (c, b.get(k + 1).copied()) {
                (0..0x80, _) => {
                    buf[k] = c.to_ascii_lowercase();
                    k += 1;
                    continue;
                }
                // А-П → а-п, Р-Я → р-я, Ё and ё → е
                (0xD0, Some(d @ 0x90..=0x9F)) => (buf[k], buf[k + 1]) = (0xD0, d + 0x20),
                (0xD0, Some(d @ 0xA0..=0xAF)) => (buf[k], buf[k + 1]) = (0xD1, d - 0x20),
                (0xD0, Some(0x81)) | (0xD1, Some(0x91)) => (buf[k], buf[k + 1]) = (0xD0, 0xB5),
                (_, Some(d)) => (buf[k], buf[k + 1]) = (c, d),
                (_, None) => return 0,
            }
            k += 2;
        }
        self.map.get(&buf[..b.len()]).copied().unwrap_or(0)
    }

    pub fn entry(&self, idx: u16) -> &Lex {
        &self.entries[idx as usize]
    }
}
