//! Named entities: mentions of people, places and organizations, their nominative forms, and the entities
//! they group into.
//!
//! Guarantees: mentions are in text order, do not overlap, hold byte offsets on char boundaries with an empty
//! `text`; every mention's `entity` is the id of an entity in the returned list, and entities are numbered 0..
//! in order of their first mention. Russian is analysed fully; English by capitalization and word lists
//! (english.rs); other languages give no entities.
//!
//! How: word lists (data/ner) and capitalization find candidates, `rumorph` tells names from common words and
//! gives cases and genders, context (titles, head nouns, prepositions, quote marks) decides the unknown ones;
//! each mention is put in the nominative word by word (adjectives agreeing with their head), and mentions join
//! entities by normal form, aliases and surnames.

mod detect;
mod english;
mod gazetteer;
mod group;
mod normalize;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_org;

use crate::analysis::{Entity, Mention};
use crate::doc::Doc;
use gazetteer::Gazetteer;

/// Finds and groups named entities; built once per process, shared read-only.
pub(crate) struct Recognizer {
    gaz: Gazetteer,
    en: english::English,
}

impl Recognizer {
    pub fn new() -> Self {
        Recognizer { gaz: Gazetteer::load(), en: english::English::load() }
    }

    /// Mentions (byte offsets, text order) and the entities they refer to.
    pub fn recognize(&self, doc: &Doc) -> (Vec<Mention>, Vec<Entity>) {
        let found = match doc.lang {
            "ru" => detect::detect(&self.gaz, doc),
            "en" => english::detect(&self.en, doc),
            _ => Vec::new(),
        };
        group::group(found)
    }
}
