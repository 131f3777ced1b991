//! Temporal expressions normalized to TIMEX3 values.

use chrono::NaiveDate;

use crate::analysis::DateMention;
use crate::doc::Doc;

/// Finds and normalizes dates; built once per process, shared read-only.
pub(crate) struct DateExtractor {}

impl DateExtractor {
    pub fn new() -> Self {
        DateExtractor {}
    }

    /// Dates (byte offsets, text order); relative ones resolved against `reference` when given.
    pub fn extract(&self, _doc: &Doc, _reference: Option<NaiveDate>) -> Vec<DateMention> {
        Vec::new()
    }
}
