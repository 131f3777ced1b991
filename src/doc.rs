//! What the stages share about one article: its text, language and segmentation (byte offsets).

use crate::segment::Segmentation;

/// One article as the extraction stages see it.
pub(crate) struct Doc<'a> {
    /// The original text; every offset points into it.
    pub text: &'a str,
    /// ISO 639-1 (or 639-3) code, `und` when unknown.
    pub lang: &'static str,
    /// Paragraphs, sentences and tokens.
    pub seg: Segmentation,
}
