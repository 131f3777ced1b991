//! Temporal expressions normalized to TIMEX3 values, as `eval/GUIDE.md` "Dates" defines them.
//!
//! What the stage guarantees:
//! - Every calendar expression of Russian and English news is found once, in text order, without overlaps:
//!   full and partial dates («16 июня 2025 года», «16.06.2025», «2025-06-16», «28 июня», «в августе 2025 года»,
//!   «June 16, 2025»), months, years («в 2010 году», «2010–2012 гг.», «в 2015-м»), decades («1990-е годы»,
//!   «девяностые», «the 1990s»), centuries («XIX веке», «19th century»), weekdays and weekends, seasons,
//!   quarters, half-years, and deictic expressions («сегодня», «вчера», «накануне», «на прошлой неделе»,
//!   «в прошлом году», «три дня назад», «с начала года»).
//! - Spans are byte ranges without leading prepositions; they keep «года», modifiers («начале», «конце»,
//!   «середине», «первой половине», «прошлого») and an appositive weekday («пятницу, 15 апреля 1927 года»).
//!   A deictic word and a date beside it are two expressions. Ranges and lists give one expression per endpoint,
//!   the left ones taking month and year from the right: «13–14 января 1990 года» → «13» (1990-01-13) and
//!   «14 января 1990 года»; «30 июня – 2 июля 2025 года» → both in 2025.
//! - Not dates: durations («три года», «за год», «последние 10 лет»), ages, times of day, bare or counted numbers
//!   («2025 рублей», «2000 человек»), ordinals, vague words («недавно», «сейчас», «несколько дней назад»),
//!   recurring times («каждую весну»), holiday names («9 Мая», «Праздник середины осени»), «накануне выборов»
//!   (a preposition there), surnames («Виктор Понедельник»), «среда» as environment, dates inside a title in
//!   quote marks named by the noun before it («в статье «2009-й — год Дарвина»»).
//!
//! Values: a year is filled in only when the text states it for that expression's timeline: its range partner,
//! the nearest date before it in its sentence that states one («в сентябре 2024 года …, тогда как в августе» →
//! 2024-08; not past a decade or a pair of years), «до конца года» the year stated earlier in its sentence,
//! «того же года» the year stated last before it. Without a reference date deictic expressions are
//! offsets (`REL0D`, `REL-1D`, `REL-1Y`, `REL+1W` …) and unstated years `XXXX`; «в мае прошлого года» stays
//! `XXXX-05`. With a reference date (the article's publication day) every value that depends on it is resolved
//! and marked `relative`:
//! - a weekday is the nearest one on or before that day («в среду» in an article of Thursday 2025-07-03 is
//!   2025-07-02), or on or after it when the nearest tense cue of the sentence is a future one («будет»,
//!   «планируется», «состоится», «will»); «в прошлую/следующую среду» is the Wednesday of the ISO week before or
//!   after the article's;
//! - a month or day without a year is read as a reader would, by the nearest tense cue in its sentence: past
//!   («объявила», «прошел») → the most recent such month (the same year unless that month is still ahead),
//!   future → the coming one, no cue → the nearest one (the same year unless that puts it more than half a year
//!   away). So «в августе планируется визит» in July 2025 is 2025-08, «в августе компания объявила» is 2024-08,
//!   «Декабрь запомнится морозами» in an article of 10 January 2025 is 2024-12;
//! - seasons, quarters and halves without a year follow the same rule, but one that holds the reference day is
//!   this year's whatever the tense («отчет за второй квартал представит» on 30 June); relative years, weeks (ISO `2025-W27`),
//!   weekends (`2025-W26-WE`), months and days are counted from the reference date.
//!
//! Cost: one pass over the tokens of the segmenter. A word is tried only when a one-bit filter on its first and
//! last letters and length says it may begin an expression (a month, a weekday, «прошлом», «начале» …) or it
//! looks like a Roman numeral, «Q1» or a hyphenated pair; a word is looked up (lowercased on its UTF-8 bytes into
//! a stack buffer, in one hash table built once from `data/dates/*.txt`) only when a rule asks about it. No
//! regex, no allocation per token; 100–150 MB/s on one core on news text (`tests::speed`).

mod lexicon;
mod numbers;
mod parse;
mod resolve;
mod rules;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_timeline;

use chrono::NaiveDate;

use crate::analysis::DateMention;
use crate::doc::Doc;
use lexicon::Lexicon;
use parse::Parser;

/// Finds and normalizes dates; built once per process, shared read-only.
pub(crate) struct DateExtractor {
    lexicon: Lexicon,
}

impl DateExtractor {
    pub fn new() -> Self {
        DateExtractor { lexicon: Lexicon::new() }
    }

    /// Dates (byte offsets, text order); relative ones resolved against `reference` when given.
    pub fn extract(&self, doc: &Doc, reference: Option<NaiveDate>) -> Vec<DateMention> {
        let parser = Parser::new(doc.text, &doc.seg.tokens, &doc.seg.sentences, &self.lexicon, doc.lang == "en");
        parser
            .scan()
            .into_iter()
            .map(|f| {
                let (value, relative) = match reference {
                    Some(r) if resolve::needs_reference(&f.expr) => {
                        (resolve::resolved(&f.expr, r, || parser.tense(f.a, f.b)), true)
                    }
                    _ => (resolve::unresolved(&f.expr), false),
                };
                DateMention {
                    start: f.start,
                    end: f.end,
                    text: String::new(),
                    value,
                    grain: resolve::grain(&f.expr),
                    relative,
                }
            })
            .collect()
    }
}
