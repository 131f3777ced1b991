//! Reported speech attributed around a cue: «как сообщил X, …», «…, сообщил X», «Об этом заявил X»,
//! «по словам X, …».

use std::ops::Range;

use super::context::Tag;
use super::lexicon::{CueClass, Gender};
use super::rules::{Finder, pronoun_gender};
use super::speaker::{Found, SpeakerKind};
use crate::analysis::QuoteKind;

impl Finder<'_, '_> {
    /// «Как сообщил X, …» / «…, как сообщил X».
    pub(super) fn as_said(&mut self, i: usize, cue: Option<Range<usize>>, g: Gender) {
        let ctx = self.ctx;
        let sent = ctx.sentence(i);
        let a = i - 1;
        let fem = g == Gender::Fem;
        let sp = ctx.speaker_after(i + 1, sent.end, fem).or_else(|| {
            // «как пояснили в милиции»
            (g == Gender::Plural).then(|| self.document_after(i + 1, sent.end)).flatten()
        });
        let after = sp.as_ref().map_or(i + 1, |s| self.tok_at(s.span.end));
        let comma = (after..sent.end).find(|&k| ctx.tags[k] == Tag::Comma);
        let opens = a == sent.start || matches!(ctx.tags[a - 1], Tag::Dash);
        if opens {
            if let Some(c) = comma {
                self.content_from(c + 1, cue, sp, g);
            }
        } else if ctx.tags[a - 1] == Tag::Comma {
            let content = match comma {
                // A, как сообщил X, B: the whole sentence.
                Some(_) => self.sentence_rest(sent.start, sent.end),
                None => self.bytes(sent.start..a - 1),
            };
            self.push(QuoteKind::Indirect, content, cue, sp, g);
        }
    }

    /// «…, сообщил X.» / «— Дополз! — сказал детектив.» / «…, передает КазТАГ» (the source line of the lead,
    /// not a quote).
    pub(super) fn inverted(
        &mut self,
        i: usize,
        present: bool,
        class: CueClass,
        cue: Option<Range<usize>>,
        g: Gender,
    ) -> bool {
        let ctx = self.ctx;
        let mut k = i;
        if k == 0 {
            return false;
        }
        let dash = ctx.tags[k - 1] == Tag::Dash;
        if dash {
            k -= 1;
        }
        let sent = ctx.sentence(i);
        let fem = g == Gender::Fem;
        // English puts the subject first: "…, the minister said." / "…, Reuters reports."
        let mut subject_first = None;
        if ctx.en && !dash {
            let mut b = k;
            while b > sent.start
                && k - b < 5
                && matches!(ctx.tags[b - 1], Tag::Name | Tag::Pronoun(_) | Tag::Role(_) | Tag::NotName | Tag::Word)
            {
                b -= 1;
            }
            if b < k && b > sent.start && ctx.tags[b - 1] == Tag::Comma {
                subject_first = ctx.speaker_before(i, b, fem);
                if subject_first.is_some() {
                    k = b;
                }
            }
        }
        if k == 0 || !(ctx.tags[k - 1] == Tag::Comma || (dash && ctx.tags[k - 1] == Tag::End)) {
            return false;
        }
        let punct = k - 1;
        let sp = if subject_first.is_some() {
            subject_first
        } else if class == CueClass::Impersonal {
            self.document_after(i + 1, sent.end)
        } else {
            self.plural_body(i, sent.end).or_else(|| ctx.speaker_after(i + 1, sent.end, fem))
        };
        if sp.is_none() && class != CueClass::Impersonal {
            return false;
        }
        let source_verb = matches!(
            ctx.word(i),
            "передает" | "передаёт" | "сообщает" | "пишет" | "информирует" | "reports" | "writes"
        );
        if ctx.sent_of[i] == 0 && present && source_verb && !dash {
            return true; // the agency's source line
        }
        let para = ctx.paragraph(i);
        let dialogue = ctx.tags[para.start] == Tag::Dash;
        let start = if dash && dialogue { para.start + 1 } else { ctx.sentence(punct).start };
        let title = |n: u32| ctx.title_like(n as usize) && !ctx.fragment_like(n as usize);
        let blocked = |k: usize| match ctx.tags[k] {
            // A name in marks («Казахстан – Китай») is part of the content; quoted words are another pattern's.
            Tag::Open(n) | Tag::Close(n) => !title(n),
            Tag::Cue(_) => !dash, // a dialogue line may hold speech verbs of its own
            _ => false,
        };
        if start >= punct || (start..punct).any(blocked) {
            return false; // a quote in marks or another cue in the content: another pattern's
        }
        let end = if ctx.tags[punct] == Tag::Comma || ctx.word(punct) == "." { punct } else { punct + 1 };
        if end <= start {
            return false;
        }
        let kind = if dash { QuoteKind::Direct } else { QuoteKind::Indirect };
        let after = sp.as_ref().map_or(i + 1, |s| self.tok_at(s.span.end)).max(i + 1);
        // «A, he said, B» / «Ситуация, отметил он, стабильная»: a parenthetical attribution takes the sentence.
        let parenthetical = !dash && after + 1 < sent.end && ctx.tags[after] == Tag::Comma;
        let content = if parenthetical { self.sentence_rest(start, sent.end) } else { self.bytes(start..end) };
        self.push(kind, content, cue.clone(), sp.clone(), g);
        if dash && dialogue {
            // «— Идут работы, — сообщил диспетчер. — Воду дадут до конца месяца.»
            let d = (after..para.end.min(after + 8))
                .find(|&k| ctx.tags[k] == Tag::Dash && matches!(ctx.tags[k - 1], Tag::End | Tag::Comma));
            if let Some(d) = d
                && d + 1 < para.end
            {
                let content = self.sentence_rest(d + 1, para.end);
                self.push(QuoteKind::Direct, content, cue, sp, g);
            }
        }
        true
    }

    /// «Об этом заявил X» / «…, о чем сообщил X».
    pub(super) fn about_this(&mut self, i: usize, cue: Option<Range<usize>>, g: Gender) -> bool {
        let ctx = self.ctx;
        let sent = ctx.sentence(i);
        let lo = i.saturating_sub(4).max(sent.start);
        let hi = (i + 3).min(sent.end);
        let Some(this) = (lo..hi).find(|&k| {
            k > sent.start
                && k != i
                && (ctx.is(k, "этом")
                    && (ctx.is(k - 1, "об") || ctx.is(k - 1, "о"))
                    // «Об этом скафандре сообщали»: «этом» of a noun is no anaphora.
                    && !(k + 1 < ctx.toks.len() && k + 1 != i && super::morph::noun(ctx.word(k + 1)))
                    || ctx.is(k, "чем") && ctx.is(k - 1, "о")
                    || ctx.is(k, "чём") && ctx.is(k - 1, "о"))
        }) else {
            return false;
        };
        let fem = g == Gender::Fem;
        let sp = ctx.speaker_after(i + 1, sent.end, fem).or_else(|| ctx.speaker_before(i, sent.start, fem));
        if ctx.is(this, "этом") {
            let s = ctx.sent_of[i] as usize;
            if s == 0 || this - 1 != sent.start {
                return true;
            }
            let prev = ctx.sent_toks[s - 1].clone();
            if prev.is_empty() {
                return true;
            }
            let bytes = self.bytes(prev.clone());
            // «…». Об этом заявил X: a quote in marks closing the sentence before, no cue of its own.
            let closing = prev.clone().find_map(|k| match ctx.tags[k] {
                Tag::Close(n)
                    if !self.used[n as usize]
                        && !ctx.title_like(n as usize)
                        && (k + 1..prev.end).all(|j| matches!(ctx.tags[j], Tag::End)) =>
                {
                    Some(n as usize)
                }
                _ => None,
            });
            if let Some(n) = closing {
                let p = ctx.pairs[n];
                let opens_sentence = p.open == ctx.sentence(p.open).start;
                if opens_sentence {
                    self.push_pair(n, cue, sp, g);
                    return true;
                }
            }
            // Unless the sentence before is already a quote.
            let taken = prev.clone().any(|k| match ctx.tags[k] {
                Tag::Open(n) | Tag::Close(n) => !ctx.title_like(n as usize) || ctx.fragment_like(n as usize),
                Tag::Cue(_) => true,
                _ => false,
            }) || ctx.inside[prev.start]
                || self.out.iter().any(|r| r.content.start < bytes.end && bytes.start < r.content.end);
            if !taken {
                let content = self.sentence_rest(prev.start, prev.end);
                self.push(QuoteKind::Indirect, content, cue, sp, g);
            } else if let Some(sp) = sp.filter(|sp| matches!(sp.kind, SpeakerKind::Name | SpeakerKind::Role)) {
                // «В Вашингтоне считают, что … Об этом заявил Мэттью Миллер»: the named speaker wins over a
                // body, a group or no speaker at all.
                for r in self.out.iter_mut() {
                    let weak =
                        r.speaker.as_ref().is_none_or(|x| matches!(x.kind, SpeakerKind::Org | SpeakerKind::Group));
                    if weak && r.content.start < bytes.end && bytes.start < r.content.end {
                        r.speaker = Some(sp.clone());
                        r.gender = g;
                        r.inherits = false;
                    }
                }
            }
        } else if this >= 2 && ctx.tags[this - 2] == Tag::Comma && this - 2 > sent.start {
            let content = self.bytes(sent.start..this - 2);
            self.push(QuoteKind::Indirect, content, cue, sp, g);
        }
        true
    }

    /// «По словам X, …», «по мнению X», «согласно данным X», "according to X".
    pub(super) fn according(&mut self, i: usize) {
        let ctx = self.ctx;
        let sent = ctx.sentence(i);
        let (first, sp_from) = if ctx.en {
            if !ctx.is(i + 1, "to") {
                return;
            }
            (i, i + 2)
        } else if i > sent.start && (ctx.is(i - 1, "по") || ctx.is(i - 1, "согласно")) {
            (i - 1, i + 1)
        } else if i > sent.start + 1 && ctx.is(i - 2, "по") && matches!(ctx.tags[i - 1], Tag::Pronoun(_)) {
            // «По его словам»: the pronoun is the speaker.
            let sp = Found {
                span: self.bytes(i - 1..i),
                kind: SpeakerKind::Pronoun(pronoun_gender(ctx, i - 1)),
                genitive: true,
            };
            return self.according_content(i - 2, i + 1, Some(sp));
        } else {
            return;
        };
        let mut sp = ctx.speaker_after(sp_from, sent.end, false);
        let data = matches!(
            ctx.word(i),
            "данным"
                | "информации"
                | "сообщению"
                | "сведениям"
                | "подсчетам"
                | "подсчётам"
                | "расчетам"
                | "расчётам"
        );
        if let Some(s) = &mut sp {
            s.genitive = !ctx.en;
            if data && s.kind == SpeakerKind::Name {
                s.kind = SpeakerKind::Org; // «по данным Бюро национальной статистики»: a body, not a person
            }
        }
        if sp.is_none() {
            // «По данным судебной системы, …»: the genitive phrase up to the comma names the source.
            let Some(comma) = (sp_from..sent.end.min(sp_from + 7)).find(|&k| ctx.tags[k] == Tag::Comma) else {
                return;
            };
            if comma > sp_from
                && (sp_from..comma).all(|k| matches!(ctx.tags[k], Tag::Word | Tag::Name | Tag::Acronym | Tag::NotName))
            {
                // One lower-case noun («по словам парламентария») names a person spoken of before.
                let kind = if comma == sp_from + 1 && ctx.tags[sp_from] == Tag::Word && !data {
                    SpeakerKind::Role
                } else {
                    SpeakerKind::Org
                };
                sp = Some(Found { span: self.bytes(sp_from..comma), kind, genitive: true });
            } else {
                return;
            }
        }
        self.according_content(first, sp_from, sp);
    }

    pub(super) fn according_content(&mut self, first: usize, after: usize, sp: Option<Found>) {
        let ctx = self.ctx;
        let sent = ctx.sentence(first);
        let cue = Some(self.bytes(first..after));
        let comma = (after..sent.end).find(|&k| matches!(ctx.tags[k], Tag::Comma | Tag::Colon));
        let opens = first == sent.start || matches!(ctx.tags[first - 1], Tag::Dash);
        if opens {
            if let Some(c) = comma {
                self.content_from(c + 1, cue, sp, Gender::Any);
            }
            return;
        }
        if ctx.tags[first - 1] != Tag::Comma {
            return;
        }
        let content = match comma {
            Some(_) => self.sentence_rest(sent.start, sent.end),
            None => self.bytes(sent.start..first - 1),
        };
        self.push(QuoteKind::Indirect, content, cue, sp, Gender::Any);
    }
}
