//! Quotes no cue claimed: colon and headline attributions, continuations of the quote before, and
//! unattributed dialogue lines.

use std::ops::Range;

use super::Raw;
use super::context::Tag;
use super::lexicon::Gender;
use super::rules::{Finder, trim};
use super::speaker::SpeakerKind;
use crate::analysis::QuoteKind;

impl Finder<'_, '_> {
    /// Unattributed lines of a dialogue («— Как вы готовитесь к турне?» before «— Много репетирую, — ответил
    /// артист»): direct quotes without a speaker, when a neighbouring dash line is attributed. Dash lists
    /// («— снижение налогов;») have no attributed neighbour.
    pub(super) fn dialogue_lines(&mut self) {
        let ctx = self.ctx;
        let dash_para = |r: &Range<usize>| !r.is_empty() && ctx.tags[r.start] == Tag::Dash;
        let bytes_of = |r: &Range<usize>| ctx.toks[r.start].start..ctx.toks[r.end - 1].end;
        let attributed: Vec<bool> = ctx
            .para_toks
            .iter()
            .map(|r| {
                dash_para(r) && {
                    let b = bytes_of(r);
                    self.out.iter().any(|q| q.cue.is_some() && q.content.start >= b.start && q.content.end <= b.end)
                }
            })
            .collect();
        let mut added = Vec::new();
        for (k, r) in ctx.para_toks.iter().enumerate() {
            if !dash_para(r) || attributed[k] || r.len() < 4 {
                continue;
            }
            let neighbour = (k > 0 && attributed[k - 1]) || attributed.get(k + 1).copied().unwrap_or(false);
            let last = ctx.word(r.end - 1);
            let words = (r.start..r.end).filter(|&t| matches!(ctx.tags[t], Tag::Word | Tag::Name)).count();
            let b = bytes_of(r);
            let taken = self.out.iter().any(|q| q.content.start < b.end && b.start < q.content.end);
            if neighbour && words >= 2 && matches!(last, "?" | "!" | "." | "…") && !taken {
                let content = self.sentence_rest(r.start + 1, r.end);
                added.push(Raw {
                    kind: QuoteKind::Direct,
                    content: trim(ctx.text, content),
                    cue: None,
                    speaker: None,
                    gender: Gender::Any,
                    inherits: false,
                });
            }
        }
        self.out.extend(added);
    }

    /// Pairs no cue claimed: «Токаев: «…»» (a colon attributes) and a quote sentence continuing the direct
    /// quote just before it.
    pub(super) fn leftover_pairs(&mut self) {
        let ctx = self.ctx;
        self.out.sort_by_key(|r| r.content.start);
        for n in 0..ctx.pairs.len() {
            if self.used[n] {
                continue;
            }
            let p = ctx.pairs[n];
            let words = (p.open + 1..p.close).filter(|&k| matches!(ctx.tags[k], Tag::Word | Tag::Name)).count();
            // «Токаев: «Реформы будут продолжены»»: a headline quote may be short and capitalized, but then a
            // name stands right before the colon.
            let headline = p.open >= 2
                && ctx.tags[p.open - 1] == Tag::Colon
                && matches!(ctx.tags[p.open - 2], Tag::Name)
                && words >= 2;
            if !headline && (ctx.title_like(n) || words < 3) {
                continue;
            }
            if p.open >= 2 && ctx.tags[p.open - 1] == Tag::Colon {
                let floor = ctx.sentence(p.open).start;
                let k = p.open - 1;
                // «Песков: «…»», and «Сам Александр Белов оказался дипломатичнее: «…»» (a non-speech predicate
                // attributes). A lone capitalized word opening the sentence is no evidence of a name.
                let sp = ctx.speaker_before(k, floor, false).filter(|sp| {
                    let t = self.tok_at(sp.span.start);
                    let lone = t == floor && self.tok_at(sp.span.end) == t + 1 && sp.kind == SpeakerKind::Name;
                    (!lone || headline) && sp.kind != SpeakerKind::Pronoun(Gender::Plural)
                });
                if sp.is_some() {
                    self.push_pair(n, None, sp, Gender::Any);
                }
                continue;
            }
            // A continuation opens its sentence and follows a direct quote within two sentences.
            let s = ctx.sent_of[p.open] as usize;
            let sent = ctx.sent_toks[s].clone();
            let opens = p.open == sent.start || (p.open == sent.start + 1 && ctx.tags[sent.start] == Tag::Dash);
            if !opens {
                continue;
            }
            let start = ctx.toks[p.open].start;
            let prev = self.out.iter().rev().find(|r| r.content.end <= start);
            let Some(prev) = prev else { continue };
            let prev_sent = ctx.sent_of[self.tok_at(prev.content.end).min(ctx.toks.len() - 1)] as usize;
            if prev.kind == QuoteKind::Direct && s <= prev_sent + 2 && (prev.speaker.is_some() || prev.inherits) {
                self.used[n] = true;
                let content = trim(ctx.text, ctx.pair_content(n));
                self.out.push(Raw {
                    kind: QuoteKind::Direct,
                    content,
                    cue: None,
                    speaker: None,
                    gender: prev.gender,
                    inherits: true,
                });
                self.out.sort_by_key(|r| r.content.start);
            }
        }
    }
}
