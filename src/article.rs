//! The input side of the library: an article, and the error record that replaces an article that cannot be
//! analysed.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};
use serde_json::Value;

/// One news article to analyse.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// The id written back in the output: a string or a number.
    pub id: Value,
    /// The article text; every offset in the output points into it.
    pub text: String,
    /// The title, copied to the output when present.
    pub title: Option<String>,
    /// The publication date (`YYYY-MM-DD`, or an ISO 8601 date-time whose date part is used): relative dates are
    /// resolved against it.
    pub date: Option<String>,
    /// The 1-based physical line the record was read from, for line-based input (used in error records).
    pub line: Option<u64>,
    /// Problems met while reading the record (replaced invalid UTF-8, lone surrogates …), copied to the output.
    pub warnings: Vec<String>,
}

impl Article {
    /// An article with an id and a text.
    ///
    /// ```
    /// let article = gazeta::Article::new("a1", "Токаев прибыл в Пекин.");
    /// assert_eq!(article.id, "a1");
    /// ```
    pub fn new(id: impl Into<Value>, text: impl Into<String>) -> Self {
        Article { id: id.into(), text: text.into(), ..Article::default() }
    }

    /// The same article with a publication date (`YYYY-MM-DD`).
    pub fn with_date(mut self, date: impl Into<String>) -> Self {
        self.date = Some(date.into());
        self
    }
}

/// Why a record could not be analysed: the `error.code` of an error record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorCode {
    /// The line is not a JSON object (broken, truncated, too deeply nested, or another JSON type).
    InvalidJson,
    /// The record has no text field, or it is null.
    MissingText,
    /// The text field is not a string.
    InvalidText,
    /// The text is empty or only white space.
    EmptyText,
    /// The line is not valid UTF-8.
    InvalidUtf8,
    /// The text is over the size limit.
    TooLarge,
    /// A compressed input ended in the middle of a stream.
    TruncatedInput,
    /// An input file or directory could not be opened or read.
    UnreadableInput,
    /// gazeta itself failed on the text (a bug); the batch goes on.
    InternalError,
}

impl ErrorCode {
    /// The code as it appears in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::MissingText => "missing_text",
            ErrorCode::InvalidText => "invalid_text",
            ErrorCode::EmptyText => "empty_text",
            ErrorCode::InvalidUtf8 => "invalid_utf8",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::TruncatedInput => "truncated_input",
            ErrorCode::UnreadableInput => "unreadable_input",
            ErrorCode::InternalError => "internal_error",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A record that could not be analysed. Serializes as
/// `{"id": …, "error": {"code": …, "message": …, "line": N}}`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct RecordError {
    /// The record's id when it could be read, else its line number or the input's path.
    pub id: Value,
    /// What went wrong.
    pub code: ErrorCode,
    /// A sentence for people.
    pub message: String,
    /// The 1-based physical line of the input file, for line-based input.
    pub line: Option<u64>,
}

impl RecordError {
    /// A new error record.
    pub fn new(id: impl Into<Value>, code: ErrorCode, message: impl Into<String>) -> Self {
        RecordError { id: id.into(), code, message: message.into(), line: None }
    }

    /// The same error, located at a line of the input.
    pub fn at_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }
}

struct ErrorBody<'a>(&'a RecordError);

impl Serialize for ErrorBody<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("code", e.code.as_str())?;
        map.serialize_entry("message", &e.message)?;
        if let Some(line) = e.line {
            map.serialize_entry("line", &line)?;
        }
        map.end()
    }
}

impl Serialize for RecordError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("RecordError", 2)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("error", &ErrorBody(self))?;
        st.end()
    }
}
