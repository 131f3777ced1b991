//! The output record (schema version 1, `schema/gazeta.schema.json`).
//!
//! Inside the pipeline every span holds **byte** offsets into the article text and an empty `text`;
//! [`Analysis::finish`] fills the texts and converts every offset to Unicode code points in one pass.
//! What leaves the library always holds code points, half-open, and `text` is exactly that slice.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The version of the output record's shape; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything gazeta found in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The article's id: as given in the input, else its 1-based line number or file path.
    pub id: Value,
    /// The article's title, when the input gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The reference date relative dates were resolved against (`YYYY-MM-DD`), when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The detected language.
    pub lang: Language,
    /// Sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// Mentions of people, places and organizations, in text order.
    pub mentions: Vec<Mention>,
    /// The distinct entities the mentions refer to.
    pub entities: Vec<Entity>,
    /// Direct, indirect and mixed speech with its speaker.
    pub quotes: Vec<Quote>,
    /// Temporal expressions, normalized to TIMEX3 values.
    pub dates: Vec<DateMention>,
    /// Things worth knowing about the input that did not stop the analysis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// A detected language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1 code where one exists, else ISO 639-3; `und` when undecidable.
    pub code: String,
    /// How sure the detector is, 0 to 1 (three decimals).
    pub confidence: f64,
}

/// A sentence: `[start, end)` in code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// First code point of the sentence.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
}

/// A span of the text with its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text of `[start, end)`.
    pub text: String,
}

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Person,
    /// A place: country, region, city, geographic feature.
    #[serde(rename = "LOC")]
    Location,
    /// An organization: company, agency, ministry, party, media outlet.
    #[serde(rename = "ORG")]
    Organization,
}

/// One mention of a named entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text of `[start, end)`.
    pub text: String,
    /// PER, LOC or ORG.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The nominative singular form of the whole name.
    pub normal: String,
    /// The id of the entity in `entities` this mention refers to.
    pub entity: usize,
}

/// An entity of the article: the mentions that refer to one person, place or organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Its id, unique within the article.
    pub id: usize,
    /// PER, LOC or ORG.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The canonical (fullest nominative) name.
    pub name: String,
    /// How many mentions refer to it.
    pub mentions: usize,
}

/// The kind of reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The speaker's words in quote marks or after a dialogue dash.
    Direct,
    /// Reported content: «X отметил, что …», «по словам X, …».
    Indirect,
    /// Indirect speech holding a quoted fragment.
    Mixed,
}

/// A quote and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// First code point of the content (quote marks excluded).
    pub start: usize,
    /// One past the last code point of the content.
    pub end: usize,
    /// The content.
    pub text: String,
    /// The speech verb or phrase that attributes the quote, if any.
    pub cue: Option<Span>,
    /// Who said it, if found.
    pub speaker: Option<Speaker>,
}

/// The speaker of a quote: the mention in the text and what it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// First code point of the mention («спикер», «Он», «Чэн Шулянь»).
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// The mention's text.
    pub text: String,
    /// The nominative name it resolves to, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The entity it resolves to, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
}

/// The granularity of a date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    /// A day.
    Day,
    /// A week or weekend.
    Week,
    /// A month.
    Month,
    /// A season.
    Season,
    /// A quarter.
    Quarter,
    /// A half-year.
    Half,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// A temporal expression and its TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// First code point (leading prepositions excluded).
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The expression.
    pub text: String,
    /// TIMEX3 value: `2025-06-16`, `XXXX-08`, `XXXX-WXX-3`, `REL-1D`, `199X` …
    pub value: String,
    /// The value's granularity.
    pub grain: Grain,
    /// True when the value was resolved against the reference date.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relative: bool,
}

impl Analysis {
    /// Fills every span's `text` from `source` and converts all offsets from bytes to code points.
    pub(crate) fn finish(&mut self, source: &str) {
        let Analysis { sentences, mentions, quotes, dates, .. } = self;
        for m in mentions.iter_mut() {
            m.text = source[m.start..m.end].to_string();
        }
        for q in quotes.iter_mut() {
            q.text = source[q.start..q.end].to_string();
            if let Some(c) = &mut q.cue {
                c.text = source[c.start..c.end].to_string();
            }
            if let Some(s) = &mut q.speaker {
                s.text = source[s.start..s.end].to_string();
            }
        }
        for d in dates.iter_mut() {
            d.text = source[d.start..d.end].to_string();
        }
        if source.is_ascii() {
            return;
        }
        let mut offsets: Vec<&mut usize> = Vec::new();
        for s in sentences.iter_mut() {
            offsets.extend([&mut s.start, &mut s.end]);
        }
        for m in mentions.iter_mut() {
            offsets.extend([&mut m.start, &mut m.end]);
        }
        for q in quotes.iter_mut() {
            offsets.extend([&mut q.start, &mut q.end]);
            if let Some(c) = &mut q.cue {
                offsets.extend([&mut c.start, &mut c.end]);
            }
            if let Some(s) = &mut q.speaker {
                offsets.extend([&mut s.start, &mut s.end]);
            }
        }
        for d in dates.iter_mut() {
            offsets.extend([&mut d.start, &mut d.end]);
        }
        bytes_to_chars(source, &mut offsets);
    }
}

/// Rewrites byte offsets (each on a char boundary of `text`) as code-point offsets, in one pass over the text.
fn bytes_to_chars(text: &str, offsets: &mut [&mut usize]) {
    offsets.sort_unstable_by_key(|o| **o);
    let bytes = text.as_bytes();
    let (mut byte, mut chars) = (0usize, 0usize);
    for o in offsets.iter_mut() {
        let target = **o;
        debug_assert!(text.is_char_boundary(target));
        // Count code points up to `target`: every byte that is not a UTF-8 continuation byte starts one.
        chars += bytes[byte..target].iter().filter(|&&b| (b as i8) >= -0x40).count();
        byte = target;
        **o = chars;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_become_code_points() {
        let text = "Ёж и кот 🐈 спят";
        let mut a = 0;
        let mut b = text.find("кот").unwrap();
        let mut c = text.find("спят").unwrap();
        let mut d = text.len();
        let mut offsets = [&mut d, &mut b, &mut a, &mut c];
        bytes_to_chars(text, &mut offsets);
        assert_eq!((a, b, c, d), (0, 5, 11, 15));
    }
}
