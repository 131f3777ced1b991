//! The pipeline: detect → segment → extract (entities, quotes, dates) → assemble.
//!
//! A [`Pipeline`] holds every compiled automaton and dictionary; build it once and share it across threads.
//! Analysis of one article depends on that article alone, so output is the same whatever the thread count.

use std::ops::ControlFlow;
use std::sync::mpsc;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde_json::Value;

use crate::analysis::{Analysis, Language, Sentence};
use crate::article::{Article, ErrorCode, RecordError};
use crate::dates::DateExtractor;
use crate::doc::Doc;
use crate::ner::Recognizer;
use crate::quotes::QuoteExtractor;
use crate::{lang, segment};

/// The default limit on an article's text: 64 MiB.
pub const DEFAULT_MAX_TEXT_BYTES: usize = 64 << 20;

/// How records are grouped for parallel analysis: a chunk closes at this many records or bytes of text.
const CHUNK_RECORDS: usize = 512;
const CHUNK_BYTES: usize = 8 << 20;

/// What the pipeline does with each article.
#[derive(Debug, Clone)]
pub struct Config {
    /// Resolves relative dates of articles that carry no `date` of their own.
    pub reference_date: Option<NaiveDate>,
    /// Texts longer than this many bytes of UTF-8 become `too_large` errors.
    pub max_text_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config { reference_date: None, max_text_bytes: DEFAULT_MAX_TEXT_BYTES }
    }
}

/// The result for one input record: an analysis, or the error that replaced it.
pub type Output = Result<Analysis, RecordError>;

/// The analysis pipeline.
///
/// ```
/// use gazeta::{Article, Config, Pipeline};
///
/// let pipeline = Pipeline::new(Config::default());
/// let analysis = pipeline.analyze(&Article::new(1, "Мэр Алматы встретился с делегацией. Встреча прошла в среду."))?;
/// assert_eq!(analysis.lang.code, "ru");
/// assert_eq!(analysis.sentences.len(), 2);
/// # Ok::<(), gazeta::RecordError>(())
/// ```
pub struct Pipeline {
    config: Config,
    pub(crate) entities: Recognizer,
    pub(crate) quotes: QuoteExtractor,
    pub(crate) dates: DateExtractor,
}

impl Pipeline {
    /// Builds every stage once.
    pub fn new(config: Config) -> Self {
        Pipeline { config, entities: Recognizer::new(), quotes: QuoteExtractor::new(), dates: DateExtractor::new() }
    }

    /// The configuration this pipeline was built with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Analyses one article. Fails for text that is empty or over the size limit, and, should a stage have a bug
    /// that panics on some text, with an `internal_error` record instead of taking the batch down.
    pub fn analyze(&self, article: &Article) -> Result<Analysis, RecordError> {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.analyze_text(article)))
            .unwrap_or_else(|panic| {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(RecordError::new(
                    article.id.clone(),
                    ErrorCode::InternalError,
                    format!("gazeta failed on this text (a bug: please report it with the record): {what}"),
                ))
            });
        result.map_err(|e| match article.line {
            Some(line) => e.at_line(line),
            None => e,
        })
    }

    fn analyze_text(&self, article: &Article) -> Result<Analysis, RecordError> {
        let text = article.text.as_str();
        #[cfg(test)]
        if text == tests::PANIC_FOR_TEST {
            panic!("a stage failed");
        }
        if text.len() > self.config.max_text_bytes {
            return Err(RecordError::new(
                article.id.clone(),
                ErrorCode::TooLarge,
                format!("text is {} bytes, over the limit of {} bytes", text.len(), self.config.max_text_bytes),
            ));
        }
        if text.trim().is_empty() {
            return Err(RecordError::new(article.id.clone(), ErrorCode::EmptyText, "text is empty"));
        }
        let mut warnings = article.warnings.clone();
        let reference = match article.date.as_deref().map(parse_date) {
            Some(Some(d)) => Some(d),
            Some(None) => {
                let fallback = match self.config.reference_date {
                    Some(d) => format!("relative dates resolved against the reference date {d}"),
                    None => "relative dates left unresolved".to_string(),
                };
                warnings.push(format!(
                    "date {:?} is not a YYYY-MM-DD date; {fallback}",
                    article.date.as_deref().unwrap_or_default()
                ));
                self.config.reference_date
            }
            None => self.config.reference_date,
        };

        let detected = lang::detect(text);
        let doc = Doc { text, lang: detected.code, seg: segment::segment(text, detected.code) };
        let (mentions, entities) = self.entities.recognize(&doc);
        let quotes = self.quotes.extract(&doc, &mentions, &entities);
        let dates = self.dates.extract(&doc, reference);

        let mut analysis = Analysis {
            id: article.id.clone(),
            title: article.title.clone(),
            date: reference.map(|d| d.format("%Y-%m-%d").to_string()),
            lang: Language { code: detected.code.to_string(), confidence: detected.confidence },
            sentences: doc.seg.sentences.iter().map(|r| Sentence { start: r.start, end: r.end }).collect(),
            mentions,
            entities,
            quotes,
            dates,
            warnings,
        };
        analysis.finish(text);
        Ok(analysis)
    }

    /// Analyses a stream of records in parallel (on the current rayon pool) and yields the outputs in input
    /// order. Records that are already errors pass through unchanged. At most one chunk of records is in memory
    /// at a time.
    ///
    /// ```
    /// use gazeta::{Article, Config, Pipeline};
    ///
    /// let pipeline = Pipeline::new(Config::default());
    /// let articles = ["Первая новость.", "", "Вторая новость."].map(|t| Ok(Article::new(t.len(), t)));
    /// let outputs: Vec<_> = pipeline.analyze_batch(articles).collect();
    /// assert_eq!(outputs.len(), 3);
    /// assert!(outputs[0].is_ok() && outputs[1].is_err() && outputs[2].is_ok());
    /// ```
    pub fn analyze_batch<'p, I>(&'p self, records: I) -> impl Iterator<Item = Output> + 'p
    where
        I: IntoIterator<Item = Result<Article, RecordError>>,
        I::IntoIter: 'p,
    {
        let mut records = records.into_iter();
        std::iter::from_fn(move || {
            let chunk = next_chunk(&mut records);
            (!chunk.is_empty())
                .then(|| chunk.into_par_iter().map(|r| r.and_then(|a| self.analyze(&a))).collect::<Vec<_>>())
        })
        .flatten()
    }

    /// Analyses a stream of records and writes one JSON line per record to `out`, in input order. Reading,
    /// analysis (on the current rayon pool) and writing overlap, with a bounded number of chunks in flight.
    ///
    /// `observe` sees every output in order, with the byte length of its analysed text (0 for an error), once it is
    /// serialized; returning [`ControlFlow::Break`] writes that output and stops.
    pub fn write_jsonl<I, W>(
        &self,
        records: I,
        mut out: W,
        mut observe: impl FnMut(&Output, usize) -> ControlFlow<()>,
    ) -> std::io::Result<()>
    where
        I: Iterator<Item = Result<Article, RecordError>> + Send,
        W: std::io::Write + Send,
    {
        std::thread::scope(|scope| {
            let (chunk_tx, chunk_rx) = mpsc::sync_channel::<Vec<Result<Article, RecordError>>>(2);
            let (bytes_tx, bytes_rx) = mpsc::sync_channel::<Vec<u8>>(2);
            scope.spawn(move || {
                let mut records = records;
                loop {
                    let chunk = next_chunk(&mut records);
                    if chunk.is_empty() || chunk_tx.send(chunk).is_err() {
                        break;
                    }
                }
            });
            let writer = scope.spawn(move || -> std::io::Result<()> {
                for bytes in bytes_rx {
                    out.write_all(&bytes)?;
                }
                out.flush()
            });
            'chunks: for chunk in chunk_rx {
                let results: Vec<(Output, usize, Vec<u8>)> = chunk
                    .into_par_iter()
                    .map(|r| {
                        let text_len = r.as_ref().map_or(0, |a| a.text.len());
                        let output = r.and_then(|a| self.analyze(&a));
                        let text_len = if output.is_ok() { text_len } else { 0 };
                        let mut line = Vec::with_capacity(1024);
                        write_output(&output, &mut line);
                        (output, text_len, line)
                    })
                    .collect();
                let mut bytes = Vec::with_capacity(results.iter().map(|(_, _, l)| l.len()).sum());
                let mut stop = false;
                for (output, text_len, line) in &results {
                    bytes.extend_from_slice(line);
                    if observe(output, *text_len).is_break() {
                        stop = true;
                        break;
                    }
                }
                if bytes_tx.send(bytes).is_err() || stop {
                    break 'chunks; // a failed writer's error is returned below
                }
            }
            drop(bytes_tx);
            writer.join().expect("writer thread panicked")
        })
    }
}

/// Appends one output as a JSON line.
pub fn write_output(output: &Output, buf: &mut Vec<u8>) {
    let result = match output {
        Ok(a) => serde_json::to_writer(&mut *buf, a),
        Err(e) => serde_json::to_writer(&mut *buf, e),
    };
    // Serializing these types into memory cannot fail: every map key is a string.
    result.expect("output serializes");
    buf.push(b'\n');
}

fn next_chunk<I: Iterator<Item = Result<Article, RecordError>>>(records: &mut I) -> Vec<I::Item> {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    for r in records.by_ref() {
        bytes += r.as_ref().map_or(0, |a| a.text.len());
        chunk.push(r);
        if chunk.len() >= CHUNK_RECORDS || bytes >= CHUNK_BYTES {
            break;
        }
    }
    chunk
}

/// `YYYY-MM-DD`, or the date part of an ISO 8601 date-time.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// The id of a record that has none: its line number.
pub(crate) fn line_id(line: u64) -> Value {
    Value::from(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text that makes `analyze_text` panic in test builds only, to test that a failing stage is contained.
    pub(super) const PANIC_FOR_TEST: &str = "\u{0}panic in a stage\u{0}";

    #[test]
    fn a_panicking_stage_becomes_an_internal_error_record() {
        let p = Pipeline::new(Config::default());
        let mut article = Article::new("x", PANIC_FOR_TEST);
        article.line = Some(4);
        let e = p.analyze(&article).unwrap_err();
        assert_eq!((e.code, e.line, e.id), (ErrorCode::InternalError, Some(4), Value::from("x")));
        assert!(e.message.contains("a stage failed"));
        let outputs: Vec<_> = p.analyze_batch([Ok(article), Ok(Article::new(2, "Дальше всё в порядке."))]).collect();
        assert!(outputs[0].is_err() && outputs[1].is_ok(), "the batch goes on");
    }

    #[test]
    fn parses_dates_and_date_times() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 3);
        assert_eq!(parse_date("2025-07-03"), d);
        assert_eq!(parse_date("2025-07-03T10:15:00+06:00"), d);
        assert_eq!(parse_date("03.07.2025"), None);
        assert_eq!(parse_date("2025-07-03x"), None);
        assert_eq!(parse_date("2025-02-30"), None);
    }

    #[test]
    fn empty_and_oversized_texts_are_errors() {
        let p = Pipeline::new(Config { max_text_bytes: 10, ..Config::default() });
        assert_eq!(p.analyze(&Article::new(1, " \n\t")).unwrap_err().code, ErrorCode::EmptyText);
        assert_eq!(p.analyze(&Article::new(1, "Двенадцать букв")).unwrap_err().code, ErrorCode::TooLarge);
    }
}
