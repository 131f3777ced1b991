//! Direct, indirect and mixed speech with its cue and speaker, as `eval/GUIDE.md` defines them.
//!
//! Guarantees: quotes come in text order and do not overlap; every offset is a byte offset on a char boundary
//! of the article text; `text` fields are left empty for `Analysis::finish`. A speaker span is a name, role
//! phrase, body or pronoun near the cue; its `name` and `entity` come from the recognizer's PER mentions when
//! they cover it, else from the names this stage found itself (a pronoun or role resolves to the most recent
//! person of the same gender before it; a genitive name is put in the nominative).
//!
//! The rules work on the segmenter's tokens: quote-mark pairs (nested «…«…»…» is one quote; a paragraph that
//! reopens « continues it), cue verbs from `data/quotes/*_cues.txt` (one hash lookup per token), and the
//! attribution patterns «…», — сказал X / X заявил: «…» / X отметил, что … / по словам X, … / как сообщил X,
//! … / …, сообщил X / Об этом заявил X (the sentence before) / "…," X said / X said that … / according to X.
//! The rumorph dictionary is asked only about the few capitalized words a speaker span is built from (name,
//! place or common word) and for nominatives.

mod context;
mod leftover;
mod lexicon;
mod marks;
mod morph;
mod reported;
mod resolve;
mod rules;
mod speaker;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_more;
#[cfg(test)]
mod tests_ner;

use std::ops::Range;

use crate::analysis::{Entity, Mention, Quote, QuoteKind};
use crate::doc::Doc;
use context::Ctx;
use lexicon::Gender;

/// Finds quotes and resolves their speakers; built once per process, shared read-only.
pub(crate) struct QuoteExtractor {}

/// A quote before its speaker is resolved (bytes).
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub kind: QuoteKind,
    pub content: Range<usize>,
    pub cue: Option<Range<usize>>,
    pub speaker: Option<speaker::Found>,
    /// The gender and number the cue verb shows («сказала» → feminine).
    pub gender: Gender,
    /// No speaker of its own: continues the attribution of the quote before it.
    pub inherits: bool,
}

impl QuoteExtractor {
    pub fn new() -> Self {
        lexicon::preload();
        morph::preload();
        QuoteExtractor {}
    }

    /// Quotes (byte offsets, text order); speakers point to `entities` where they resolve.
    pub fn extract(&self, doc: &Doc, mentions: &[Mention], entities: &[Entity]) -> Vec<Quote> {
        if doc.seg.tokens.is_empty() {
            return Vec::new();
        }
        let ctx = Ctx::new(doc);
        let mut raws = rules::find(&ctx);
        raws.retain(|r| r.content.start < r.content.end);
        raws.sort_by_key(|r| (r.content.start, std::cmp::Reverse(r.content.end)));
        let mut kept: Vec<Raw> = Vec::with_capacity(raws.len());
        for r in raws {
            if kept.last().is_some_and(|k| r.content.start < k.content.end) {
                continue;
            }
            kept.push(r);
        }
        resolve::resolve(&ctx, kept, mentions, entities)
    }
}
