//! Temporal expressions normalized to TIMEX3 values, as `eval/GUIDE.md` "Dates" defines them.
//!
//! What the stage guarantees:
//! - Every calendar expression of Russian and English news is found once, in text order, without overlaps:
//!   full and partial dates («16 июня 2025 года», «16.06.2025», «2025-06-16», «28 июня», «в августе 2025 года»,
//!   «June 16, 2025»), months, years («в 2010 году», «2010–2012 гг.»), decades («1990-е годы», «the 1990s»),
//!   centuries («XIX веке», «19th century»), weekdays and weekends, seasons, quarters, half-years, and deictic
//!   expressions («сегодня», «вчера», «накануне», «на прошлой неделе», «в прошлом году», «три дня назад»).
//! - Spans are byte ranges without leading prepositions; they keep «года», modifiers («начале», «конце»,
//!   «середине», «первой половине», «прошлого») and an appositive weekday («пятницу, 15 апреля 1927 года»).
//!   A deictic word and a date beside it are two expressions. Ranges and lists give one expression per endpoint,
//!   the left ones taking month and year from the right: «13–14 января 1990 года» → «13» (1990-01-13) and
//!   «14 января 1990 года».
//! - Not dates: durations («три года», «за год»), ages, times of day, bare or counted numbers («2025 рублей»),
//!   ordinals, vague words («недавно», «сейчас»), holiday names («9 Мая»), «накануне выборов».
//!
//! Values: a year is filled in only when the text states it for that expression (or its range partner). Without
//! a reference date deictic expressions are offsets (`REL0D`, `REL-1D`, `REL-1Y`, `REL+1W` …) and unstated years
//! `XXXX`; «в мае прошлого года» stays `XXXX-05`. With a reference date (the article's publication day) every
//! value that depends on it is resolved and marked `relative`:
//! - a weekday is the nearest one on or before that day («в среду» in an article of Thursday 2025-07-03 is
//!   2025-07-02), or on or after it when the clause speaks of the future («будет», «планируется», «состоится»);
//! - a month or day without a year is read as a reader would: in a past-tense clause the most recent such month
//!   (the same year unless that month is still ahead), in a future clause the coming one, and with no tense cue
//!   the nearest one (the same year unless that puts it more than half a year away) — so «в августе планируется
//!   визит» in July 2025 is 2025-08, «в декабре компания объявила» in January 2025 is 2024-12;
//! - seasons, quarters and halves without a year follow the same rule; relative years, weeks (ISO `2025-W27`),
//!   months and days are counted from the reference date.
//!
//! Cost: one pass over the tokens; a word is looked up (lowercased into a reused buffer) in one hash table built
//! once from `data/dates/*.txt`; no regex, no allocation per token beyond that table's key comparison.

mod lexicon;
mod parse;
mod resolve;
mod rules;
#[cfg(test)]
mod tests;

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
