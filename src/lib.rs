//! gazeta turns news articles into structured JSON: language, sentences, named entities, quotes with their
//! speakers, and dates, with exact code-point offsets into the original text.
//!
//! ```
//! use gazeta::{Article, Config, Pipeline};
//!
//! let pipeline = Pipeline::new(Config::default());
//! let article = Article::new("a1", "Президент Казахстана прибыл в Пекин. Визит продлится два дня.");
//! let analysis = pipeline.analyze(&article)?;
//! assert_eq!(analysis.lang.code, "ru");
//! let first = analysis.sentences[0];
//! let text: String = article.text.chars().skip(first.start).take(first.end - first.start).collect();
//! assert_eq!(text, "Президент Казахстана прибыл в Пекин.");
//! # Ok::<(), gazeta::RecordError>(())
//! ```
//!
//! For whole dumps, [`io::Inputs`] reads JSONL, text files and directories (gzip and zstd too) and
//! [`Pipeline::write_jsonl`] analyses them in parallel, writing one JSON line per record in input order.

mod analysis;
mod article;
mod dates;
mod doc;
mod fastmap;
pub mod io;
mod lang;
mod morph;
mod ner;
mod pipeline;
mod quotes;
mod segment;
#[doc(hidden)]
pub mod stages;
mod text;

pub use analysis::{
    Analysis, DateMention, Entity, EntityType, Grain, Language, Mention, Quote, QuoteKind, SCHEMA_VERSION, Sentence,
    Span, Speaker,
};
pub use article::{Article, ErrorCode, RecordError};
pub use pipeline::{Config, DEFAULT_MAX_TEXT_BYTES, Output, Pipeline, write_output};

/// The JSON Schema of an output line (a result or an error record).
pub const OUTPUT_SCHEMA: &str = include_str!("../schema/gazeta.schema.json");
