//! JSONL records: one JSON object per line, fields named by [`Fields`].
//!
//! Every physical line is counted (blank lines too) so that `error.line` and the id of a record without one
//! point at the right line. A line is checked for UTF-8 once (simdutf8) and parsed once; only the configured
//! fields are kept.

use std::fmt;
use std::io::{self, BufRead};

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use crate::article::{Article, ErrorCode, RecordError};
use crate::pipeline::line_id;

/// The names of the record fields gazeta reads.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The article text (required).
    pub text: String,
    /// The id (optional; the line number when absent).
    pub id: String,
    /// The publication date (optional).
    pub date: String,
    /// The title (optional).
    pub title: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields { text: "text".into(), id: "id".into(), date: "date".into(), title: "title".into() }
    }
}

/// Reads records from a JSONL stream.
pub(crate) struct JsonlReader<R> {
    reader: R,
    name: String,
    fields: Fields,
    max_line_bytes: usize,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(reader: R, name: String, fields: Fields, max_text_bytes: usize) -> Self {
        // A JSON string may spell a character with up to 6 bytes (`\u0430`) where UTF-8 needs 2; lines longer
        // than this cannot hold a text under the limit and are refused without being kept in memory.
        let max_line_bytes = max_text_bytes.saturating_mul(4).saturating_add(1 << 20);
        JsonlReader { reader, name, fields, max_line_bytes, line: 0, buf: Vec::new(), done: false }
    }
}

/// One line as read: its bytes, or the fact that it was longer than the limit.
enum Line {
    Eof,
    Complete,
    TooLong(usize),
}

/// Reads one line into `buf` (without the line end), keeping at most `max` bytes.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, found) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], Some(i)),
            None => (available, None),
        };
        total += chunk.len();
        if total <= max {
            buf.extend_from_slice(chunk);
        }
        let consumed = found.map_or(chunk.len(), |i| i + 1);
        reader.consume(consumed);
        if found.is_some() {
            break;
        }
    }
    if !any {
        return Ok(Line::Eof);
    }
    if total > max {
        buf.clear();
        return Ok(Line::TooLong(total));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Complete)
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Article, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let read = read_line(&mut self.reader, &mut self.buf, self.max_line_bytes);
            self.line += 1;
            let line = self.line;
            match read {
                Ok(Line::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(Line::TooLong(n)) => {
                    return Some(Err(RecordError::new(
                        line_id(line),
                        ErrorCode::TooLarge,
                        format!("line is {n} bytes, too long for a text under the limit"),
                    )
                    .at_line(line)));
                }
                Ok(Line::Complete) => {}
                Err(e) => {
                    self.done = true;
                    let code = match e.kind() {
                        io::ErrorKind::UnexpectedEof | io::ErrorKind::InvalidData | io::ErrorKind::Other => {
                            ErrorCode::TruncatedInput
                        }
                        _ => ErrorCode::UnreadableInput,
                    };
                    return Some(Err(RecordError::new(
                        self.name.clone(),
                        code,
                        format!("{}: reading stopped at line {line}: {e}", self.name),
                    )
                    .at_line(line)));
                }
            }
            // A BOM opens a file; skipped on every line, so that files joined with `cat` read the same.
            let bytes = self.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buf);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue; // a blank line is not a record
            }
            return Some(parse_record(bytes, line, &self.fields));
        }
    }
}

/// Parses one non-blank line into an article.
pub(crate) fn parse_record(bytes: &[u8], line: u64, fields: &Fields) -> Result<Article, RecordError> {
    let fail = |code, message: String| Err(RecordError::new(line_id(line), code, message).at_line(line));
    let text = match simdutf8::basic::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => {
            let at = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
            return fail(ErrorCode::InvalidUtf8, format!("line is not valid UTF-8 (at byte {at})"));
        }
    };
    let mut warnings = Vec::new();
    let raw = match parse_fields(text, fields) {
        Ok(raw) => raw,
        Err(e) if e.to_string().contains("surrogate") || e.to_string().contains("hex escape") => {
            let (repaired, n) = replace_lone_surrogates(text);
            match parse_fields(&repaired, fields) {
                Ok(raw) => {
                    warnings.push(format!("{n} lone surrogate escape(s) replaced with U+FFFD"));
                    raw
                }
                Err(e) => return fail(ErrorCode::InvalidJson, e.to_string()),
            }
        }
        Err(e) => return fail(ErrorCode::InvalidJson, e.to_string()),
    };
    let id = match raw.id {
        None | Some(Value::Null) => line_id(line),
        Some(id) => id,
    };
    let err = |code, message: String| Err(RecordError::new(id.clone(), code, message).at_line(line));
    let text = match raw.text {
        None => return err(ErrorCode::MissingText, format!("no `{}` field", fields.text)),
        Some(Value::Null) => return err(ErrorCode::MissingText, format!("`{}` is null", fields.text)),
        Some(Value::String(s)) => s,
        Some(other) => {
            return err(ErrorCode::InvalidText, format!("`{}` is {}, not a string", fields.text, json_type(&other)));
        }
    };
    let date = match raw.date {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(other) => {
            warnings.push(format!("`{}` is {}, not a date string; ignored", fields.date, json_type(&other)));
            None
        }
    };
    let title = match raw.title {
        Some(Value::String(s)) => Some(s),
        _ => None,
    };
    Ok(Article { id, text, title, date, line: Some(line), warnings })
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The fields of one record that gazeta reads.
#[derive(Default)]
struct RawRecord {
    text: Option<Value>,
    id: Option<Value>,
    date: Option<Value>,
    title: Option<Value>,
}

fn parse_fields(line: &str, fields: &Fields) -> serde_json::Result<RawRecord> {
    let mut de = serde_json::Deserializer::from_str(line);
    let raw = RecordSeed(fields).deserialize(&mut de)?;
    de.end()?;
    Ok(raw)
}

struct RecordSeed<'f>(&'f Fields);

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = RawRecord;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawRecord, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = RawRecord;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRecord, A::Error> {
        let mut raw = RawRecord::default();
        while let Some(key) = map.next_key_seed(KeySeed(self.0))? {
            let slot = match key {
                Key::Text => &mut raw.text,
                Key::Id => &mut raw.id,
                Key::Date => &mut raw.date,
                Key::Title => &mut raw.title,
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value::<Value>()?);
        }
        Ok(raw)
    }
}

enum Key {
    Text,
    Id,
    Date,
    Title,
    Other,
}

struct KeySeed<'f>(&'f Fields);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        let f = self.0;
        Ok(if key == f.text {
            Key::Text
        } else if key == f.id {
            Key::Id
        } else if key == f.date {
            Key::Date
        } else if key == f.title {
            Key::Title
        } else {
            Key::Other
        })
    }
}

/// Replaces `\uXXXX` escapes of unpaired UTF-16 surrogates inside JSON strings with `\ufffd`; returns the new
/// line and how many were replaced.
fn replace_lone_surrogates(line: &str) -> (String, usize) {
    let b = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut replaced = 0;
    let mut in_string = false;
    let mut i = 0;
    let mut copied = 0;
    let hex_at = |i: usize| -> Option<u16> {
        if b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u') {
            line.get(i + 2..i + 6).and_then(|h| u16::from_str_radix(h, 16).ok())
        } else {
            None
        }
    };
    while i < b.len() {
        match b[i] {
            b'"' => {
                in_string = !in_string;
                i += 1;
            }
            b'\\' if in_string => {
                match hex_at(i) {
                    Some(hi @ 0xD800..=0xDBFF) if matches!(hex_at(i + 6), Some(0xDC00..=0xDFFF)) => {
                        let _ = hi;
                        i += 12; // a proper pair
                    }
                    Some(0xD800..=0xDFFF) => {
                        out.push_str(&line[copied..i]);
                        out.push_str("\\ufffd");
                        replaced += 1;
                        i += 6;
                        copied = i;
                    }
                    _ => i += 2, // any other escape, including `\\`
                }
            }
            _ => i += 1,
        }
    }
    out.push_str(&line[copied..]);
    (out, replaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Article, RecordError> {
        parse_record(line.as_bytes(), 7, &Fields::default())
    }

    #[test]
    fn reads_configured_fields_and_ignores_others() {
        let a = parse(r#"{"id": "a", "meta": {"x": [1, 2]}, "text": "Текст", "date": "2025-07-03", "title": "T"}"#)
            .unwrap();
        assert_eq!(
            (a.id, a.text.as_str(), a.date.as_deref(), a.title.as_deref()),
            ("a".into(), "Текст", Some("2025-07-03"), Some("T"))
        );
        let fields = Fields { text: "body".into(), id: "uid".into(), ..Fields::default() };
        let a = parse_record(br#"{"uid": 5, "body": "x"}"#, 1, &fields).unwrap();
        assert_eq!((a.id, a.text.as_str()), (5.into(), "x"));
    }

    #[test]
    fn missing_id_becomes_the_line_number() {
        assert_eq!(parse(r#"{"text": "x"}"#).unwrap().id, Value::from(7));
    }

    #[test]
    fn bad_records_give_coded_errors() {
        let code = |line: &str| parse(line).unwrap_err().code;
        assert_eq!(code(r#"{"text": "x""#), ErrorCode::InvalidJson);
        assert_eq!(code(r#"["text"]"#), ErrorCode::InvalidJson);
        assert_eq!(code(r#"{"text": "x"} {}"#), ErrorCode::InvalidJson);
        assert_eq!(code(r#"{"id": 1}"#), ErrorCode::MissingText);
        assert_eq!(code(r#"{"text": null}"#), ErrorCode::MissingText);
        assert_eq!(code(r#"{"text": 12}"#), ErrorCode::InvalidText);
        let deep = format!(r#"{{"text": {}{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(code(&deep), ErrorCode::InvalidJson);
        // Deep nesting in a field gazeta skips is walked without recursion: no error, no stack overflow.
        let deep = format!(r#"{{"text": "x", "meta": {}{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(&deep).is_ok());
        let e = parse_record(b"{\"text\": \"\xff\"}", 3, &Fields::default()).unwrap_err();
        assert_eq!((e.code, e.line), (ErrorCode::InvalidUtf8, Some(3)));
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let a = parse(r#"{"text": "a\ud800b \ud83d\ude00 \\ud800 \udc00"}"#).unwrap();
        assert_eq!(a.text, "a\u{FFFD}b 😀 \\ud800 \u{FFFD}");
        assert_eq!(a.warnings.len(), 1);
    }
}
