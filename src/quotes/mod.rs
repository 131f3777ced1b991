//! Direct, indirect and mixed speech with its cue and speaker.

use crate::analysis::{Entity, Mention, Quote};
use crate::doc::Doc;

/// Finds quotes and resolves their speakers; built once per process, shared read-only.
pub(crate) struct QuoteExtractor {}

impl QuoteExtractor {
    pub fn new() -> Self {
        QuoteExtractor {}
    }

    /// Quotes (byte offsets, text order); speakers point to `entities` where they resolve.
    pub fn extract(&self, _doc: &Doc, _mentions: &[Mention], _entities: &[Entity]) -> Vec<Quote> {
        Vec::new()
    }
}
