//! Single stages run on their own, for the benches (`benches/pipeline.rs`). Not part of the stable API.

use crate::doc::Doc;
use crate::pipeline::Pipeline;
use crate::{lang, segment};

/// An article already detected and segmented, so that a later stage can be timed alone.
pub struct Prepared<'t> {
    doc: Doc<'t>,
}

impl<'t> Prepared<'t> {
    /// Detects the language and segments `text`.
    pub fn new(text: &'t str) -> Self {
        let lang = lang::detect(text).code;
        Prepared { doc: Doc { text, lang, seg: segment::segment(text, lang) } }
    }
}

/// Language detection alone; returns the code.
pub fn detect(text: &str) -> &'static str {
    lang::detect(text).code
}

/// Segmentation alone (for the language given); returns the number of sentences.
pub fn segment(text: &str, lang: &str) -> usize {
    segment::segment(text, lang).sentences.len()
}

/// Named-entity recognition alone; returns the number of mentions.
pub fn entities(pipeline: &Pipeline, doc: &Prepared) -> usize {
    pipeline.entities.recognize(&doc.doc).0.len()
}

/// Quote extraction alone (with the entities it needs); returns the number of quotes.
pub fn quotes(pipeline: &Pipeline, doc: &Prepared) -> usize {
    let (mentions, entities) = pipeline.entities.recognize(&doc.doc);
    pipeline.quotes.extract(&doc.doc, &mentions, &entities).len()
}

/// Date extraction alone; returns the number of dates.
pub fn dates(pipeline: &Pipeline, doc: &Prepared) -> usize {
    pipeline.dates.extract(&doc.doc, None).len()
}
