//! The attribution patterns: which spans are quotes, of which kind, with which cue and speaker span.

use std::ops::Range;

use super::Raw;
use super::context::{Ctx, Tag};
use super::lexicon::{CueClass, Gender};
use super::speaker::{Found, SpeakerKind};
use crate::analysis::QuoteKind;

/// All quotes of the article, unordered and unresolved.
pub(crate) fn find(ctx: &Ctx) -> Vec<Raw> {
    let mut f = Finder { ctx, used: vec![false; ctx.pairs.len()], out: Vec::new(), impersonal: false };
    for n in 0..ctx.pairs.len() {
        f.interrupted(n);
    }
    for i in 0..ctx.toks.len() {
        if ctx.inside[i] {
            continue;
        }
        match ctx.tags[i] {
            Tag::Cue(_) => f.cue(i),
            Tag::According => {
                f.impersonal = false;
                f.according(i)
            }
            _ => {}
        }
    }
    f.leftover_pairs();
    f.dialogue_lines();
    f.out
}

pub(crate) struct Finder<'c, 'a> {
    pub(super) ctx: &'c Ctx<'a>,
    /// Pairs already reported as quotes.
    pub(super) used: Vec<bool>,
    pub(super) out: Vec<Raw>,
    /// The cue being attributed is impersonal: its quotes have no speaker to inherit.
    pub(super) impersonal: bool,
}

impl Finder<'_, '_> {
    pub(super) fn bytes(&self, toks: Range<usize>) -> Range<usize> {
        let t = self.ctx.toks;
        if toks.is_empty() {
            return t[toks.start.min(t.len() - 1)].start..t[toks.start.min(t.len() - 1)].start;
        }
        t[toks.start].start..t[toks.end - 1].end
    }

    pub(super) fn tok_at(&self, byte: usize) -> usize {
        self.ctx.toks.partition_point(|t| t.start < byte)
    }

    pub(super) fn cue_gender(&self, i: usize) -> Gender {
        match self.ctx.tags[i] {
            Tag::Cue(c) => c.gender,
            _ => Gender::Any,
        }
    }

    pub(super) fn push(
        &mut self,
        kind: QuoteKind,
        content: Range<usize>,
        cue: Option<Range<usize>>,
        sp: Option<Found>,
        g: Gender,
    ) {
        let content = trim(self.ctx.text, content);
        let inherits = sp.is_none() && cue.is_some() && !self.impersonal && g != Gender::Plural;
        self.out.push(Raw { kind, content, cue, speaker: sp, gender: g, inherits });
    }

    pub(super) fn push_pair(&mut self, n: usize, cue: Option<Range<usize>>, sp: Option<Found>, g: Gender) {
        self.used[n] = true;
        let mut content = trim(self.ctx.text, self.ctx.pair_content(n));
        // "…," he said: the comma belongs to the attribution.
        if self.ctx.text[content.clone()].ends_with(',') {
            content.end -= 1;
        }
        self.push(QuoteKind::Direct, content, cue, sp, g);
    }

    /// «Часть, — сказал X, — часть»: one pair split by an attribution inside it.
    pub(super) fn interrupted(&mut self, n: usize) {
        let ctx = self.ctx;
        let p = ctx.pairs[n];
        let mut part_start = p.open + 1;
        let mut k = p.open + 2;
        let mut found = false;
        while k < p.close {
            let dash_after_punct = ctx.tags[k] == Tag::Dash && matches!(ctx.tags[k - 1], Tag::Comma | Tag::End);
            if !dash_after_punct {
                k += 1;
                continue;
            }
            let Some(c) = (k + 1..(k + 4).min(p.close)).find(|&m| matches!(ctx.tags[m], Tag::Cue(_))) else {
                k += 1;
                continue;
            };
            // The attribution ends at the next dash after punctuation, or at the closing mark.
            let mut d = c + 1;
            while d < p.close && !(ctx.tags[d] == Tag::Dash && matches!(ctx.tags[d - 1], Tag::Comma | Tag::End)) {
                d += 1;
            }
            if d - c > 16 {
                k += 1;
                continue;
            }
            let g = self.cue_gender(c);
            let fem = g == Gender::Fem;
            let sp = ctx.speaker_after(c + 1, d, fem).or_else(|| ctx.speaker_before(c, k + 1, fem));
            let cue = Some(self.bytes(c..c + 1));
            let end = if ctx.tags[k - 1] == Tag::Comma || ctx.word(k - 1) == "." { k - 1 } else { k };
            self.push(QuoteKind::Direct, self.bytes(part_start..end), cue.clone(), sp.clone(), g);
            found = true;
            part_start = d + 1;
            k = d + 1;
        }
        if found {
            if part_start < p.close {
                let c = self.out.last().and_then(|r| r.cue.clone());
                let sp = self.out.last().and_then(|r| r.speaker.clone());
                let g = self.out.last().map_or(Gender::Any, |r| r.gender);
                self.push(QuoteKind::Direct, self.bytes(part_start..p.close), c, sp, g);
            }
            self.used[n] = true;
        }
    }

    pub(super) fn cue(&mut self, i: usize) {
        let ctx = self.ctx;
        let Tag::Cue(cue) = ctx.tags[i] else { return };
        self.impersonal = cue.class == CueClass::Impersonal;
        let sent = ctx.sentence(i);
        let g = cue.gender;
        let fem = g == Gender::Fem;
        let cue_span = Some(self.bytes(i..i + 1));

        // «…», — сказал X.   "…," he said.
        if let Some((n, between)) = self.quote_before_cue(i) {
            let sp = self
                .plural_body(i, sent.end)
                .or_else(|| ctx.speaker_after(i + 1, sent.end, fem))
                .or_else(|| ctx.speaker_before(i, between, fem))
                .or_else(|| {
                    (cue.class == CueClass::Impersonal).then(|| self.document_after(i + 1, sent.end)).flatten()
                });
            self.push_pair(n, cue_span.clone(), sp.clone(), g);
            // «A», — сказал X, — «B».
            let mut j = i + 1;
            while j + 1 < sent.end.max(i + 2).min(ctx.toks.len()) && j < i + 16 {
                if ctx.tags[j] == Tag::Dash
                    && let Tag::Open(m) = ctx.tags[j + 1]
                    && !self.used[m as usize]
                {
                    self.push_pair(m as usize, cue_span, sp, g);
                    break;
                }
                if matches!(ctx.tags[j], Tag::Open(_) | Tag::Cue(_)) {
                    break;
                }
                j += 1;
            }
            return;
        }
        // «назвал «…»»: a predicate made only of quoted words.
        if cue.class == CueClass::Name {
            // «назвал «…»», «назвал нового наставника «…»»: the quote follows the object.
            let words = (i + 1..(i + 5).min(ctx.toks.len()))
                .take_while(|&k| matches!(ctx.tags[k], Tag::Word | Tag::Role(_)))
                .count();
            for j in (i + 1..=i + 1 + words).filter(|&j| j == i + 1 + words || j <= i + 2) {
                if let Some(&Tag::Open(n)) = ctx.tags.get(j)
                    && !self.used[n as usize]
                    && (!ctx.title_like(n as usize) || ctx.fragment_like(n as usize))
                {
                    let sp = self.subject(i, j, cue.class, fem);
                    self.push_pair(n as usize, cue_span, sp, g);
                    return;
                }
            }
            return;
        }
        // Об этом заявил X: the sentence before is the content.
        if self.about_this(i, cue_span.clone(), g) {
            return;
        }
        if let Some(start) = self.complement(i, sent.end) {
            let sp = self.subject(i, start, cue.class, fem);
            // «На вопросы отвечали: командир …, бортинженер …»: a colon without quote marks attributes speech
            // only when someone is seen saying it.
            let colon = start > 0 && ctx.tags[start - 1] == Tag::Colon;
            if colon && sp.is_none() && !matches!(ctx.tags.get(start), Some(Tag::Open(_))) {
                return;
            }
            self.content_from(start, cue_span, sp, g);
            return;
        }
        if i > sent.start && ctx.tags[i - 1] == Tag::As {
            self.as_said(i, cue_span, g);
            return;
        }
        if self.inverted(i, cue.present, cue.class, cue_span.clone(), g) {
            return;
        }
        if cue.class == CueClass::Inf {
            // «потребовал "немедленно" восстановить»: an infinitive complement with a quoted fragment.
            let end = sent.end.min(i + 5);
            let frag = (i + 1..end).find_map(|j| match ctx.tags[j] {
                Tag::Open(n) if ctx.fragment_like(n as usize) => Some(n),
                _ => None,
            });
            if frag.is_some() {
                let sp = ctx.speaker_before(i, ctx.clause_start(i), fem);
                let content = self.sentence_rest(i + 1, sent.end);
                self.push(QuoteKind::Mixed, content, cue_span, sp, g);
            }
        }
    }

    /// The pair whose closing mark precedes cue i («…», — сказал; «…» — сказал; "…," he said), with the first
    /// token between them (where a subject may stand: «…», — Песков сказал).
    pub(super) fn quote_before_cue(&self, i: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        let mut j = i;
        let mut words = 0;
        while j > 0 && words < 5 {
            match ctx.tags[j - 1] {
                Tag::Word | Tag::Name | Tag::Pronoun(_) | Tag::Role(_) | Tag::NotName | Tag::Acronym => {
                    j -= 1;
                    words += 1;
                }
                _ => break,
            }
        }
        let between = j;
        let mut k = j.checked_sub(1)?;
        let mut dash = false;
        if ctx.tags[k] == Tag::Dash {
            dash = true;
            k = k.checked_sub(1)?;
        }
        if matches!(ctx.tags[k], Tag::Comma | Tag::End) {
            k = k.checked_sub(1)?;
        }
        let Tag::Close(n) = ctx.tags[k] else { return None };
        let n = n as usize;
        if self.used[n] {
            return None;
        }
        let ok = if ctx.en { words <= 5 } else { dash || (words == 0 && !ctx.title_like(n)) };
        (ok && (dash || !ctx.title_like(n) || ctx.en)).then_some((n, between))
    }

    /// Where the content of cue i starts: after «, что», «:», «, … ли», "that". A content in quote marks
    /// becomes a direct quote right here.
    pub(super) fn complement(&mut self, i: usize, sent_end: usize) -> Option<usize> {
        let ctx = self.ctx;
        let end = sent_end.min(i + 16).min(ctx.toks.len());
        // "Critics say the project was delayed": English drops "that"; a clause of four words or more follows.
        if ctx.en
            && i + 1 < ctx.toks.len()
            && sent_end >= i + 5
            && matches!(ctx.tags[i + 1], Tag::Word | Tag::Name | Tag::NotName | Tag::Pronoun(_) | Tag::Acronym)
            && !matches!(
                ctx.word(i + 1),
                "to" | "by" | "in" | "on" | "at" | "for" | "with" | "goodbye" | "so" | "yes" | "no"
            )
            && !(i + 1..sent_end).any(|k| matches!(ctx.tags[k], Tag::That | Tag::Colon | Tag::Open(_)))
            && matches!(ctx.tags[i], Tag::Cue(c) if matches!(c.class, CueClass::Say | CueClass::Think))
            && ctx.speaker_before(i, ctx.clause_start(i), false).is_some()
        {
            return Some(i + 1);
        }
        let mut j = i + 1;
        while j < end {
            match ctx.tags[j] {
                // «пояснил журналистам: …»; a colon far from the cue ends a list («отметили три сферы: …»).
                Tag::Colon => {
                    let quoted = matches!(ctx.tags.get(j + 1), Some(Tag::Open(_)));
                    return (j + 1 < ctx.toks.len() && (quoted || j <= i + 3)).then_some(j + 1);
                }
                Tag::That => {
                    if j == i + 1 || ctx.tags[j - 1] == Tag::Comma || ctx.en {
                        return Some(j + 1);
                    }
                    return None;
                }
                Tag::Comma => {
                    if (j + 1..(j + 4).min(end)).any(|k| ctx.tags[k] == Tag::Whether) {
                        return Some(j + 1);
                    }
                    if ctx.en && matches!(ctx.tags.get(j + 1), Some(Tag::Open(_))) {
                        return Some(j + 1); // He said, "…"
                    }
                }
                Tag::Whether if ctx.en => return Some(j + 1),
                Tag::End | Tag::Cue(_) | Tag::Dash | Tag::Close(_) => return None,
                Tag::Open(n) => {
                    if !ctx.title_like(n as usize) {
                        return None;
                    }
                    j = ctx.pairs[n as usize].close;
                }
                _ => {}
            }
            j += 1;
        }
        None
    }

    /// The speaker of a cue whose content starts at token `start`: the subject before the cue, else the words
    /// between the cue and its content («заявил глава МИД Сергей Лавров, что»).
    pub(super) fn subject(&self, i: usize, start: usize, class: CueClass, fem: bool) -> Option<Found> {
        let ctx = self.ctx;
        if class == CueClass::Impersonal {
            let floor = ctx.clause_start(i);
            return self.document_after(i + 1, start).or_else(|| {
                let p = (floor..i).find(|&k| matches!(ctx.word(k), "в" | "во" | "В" | "Во"))?;
                self.document_after(p, i)
            });
        }
        let sent = ctx.sentence(i);
        let floor = ctx.clause_start(i);
        ctx.speaker_before(i, floor, fem)
            .or_else(|| {
                // «Инвестор проекта, бизнесмен Канат Есенов, рассказал»: the apposition just before the cue
                // (not a gerund clause: «Песков, отвечая на вопрос Иванова, заявил»).
                if floor != i || i < 2 || ctx.tags[i - 1] != Tag::Comma {
                    return None;
                }
                let from = ctx.clause_start(i - 1);
                let gerund = ctx.tags[from] == Tag::Word && super::morph::gerund(ctx.word(from));
                if gerund { None } else { ctx.speaker_before(i - 1, from, fem) }
            })
            .or_else(|| ctx.speaker_after(i + 1, start, fem))
            .or_else(|| {
                // «Песков, отвечая на вопрос журналистов, заявил, что …»: the subject opens the sentence.
                let first_comma = (sent.start..i).find(|&k| ctx.tags[k] == Tag::Comma)?;
                let sp = ctx.speaker_before(first_comma, sent.start, fem)?;
                (sp.kind != SpeakerKind::Pronoun(Gender::Plural)).then_some(sp)
            })
            .or_else(|| {
                // «в Нацбанке заявили, что»: a body named by the place phrase of a plural cue.
                if self.cue_gender(i) != Gender::Plural {
                    return None;
                }
                let p = (floor..i).rfind(|&k| matches!(ctx.word(k), "в" | "во" | "В" | "Во"))?;
                self.document_after(p, i)
            })
    }

    /// «сообщили КазТАГ в пресс-службе ДП»: a plural cue's speaker is the body of the «в …» phrase after it.
    pub(super) fn plural_body(&self, i: usize, limit: usize) -> Option<Found> {
        let ctx = self.ctx;
        if self.cue_gender(i) != Gender::Plural || ctx.en {
            return None;
        }
        let end = limit.min(i + 5).min(ctx.toks.len());
        let p = (i + 1..end)
            .take_while(|&k| matches!(ctx.tags[k], Tag::Word | Tag::Name | Tag::Acronym | Tag::Preposition))
            .find(|&k| matches!(ctx.word(k), "в" | "во"))?;
        self.document_after(p, limit)
    }

    /// «говорится в сообщении пресс-службы»: the document after an impersonal cue.
    pub(super) fn document_after(&self, from: usize, limit: usize) -> Option<Found> {
        let ctx = self.ctx;
        if from + 1 >= limit.min(ctx.toks.len())
            || ctx.tags[from] != Tag::Preposition
            || ctx.tags[from + 1] == Tag::Preposition
        {
            return None;
        }
        let mut end = from + 1;
        // «в департаменте по чрезвычайным ситуациям региона»: «по» belongs to a body's name.
        while end < limit.min(from + 8)
            && (matches!(ctx.tags[end], Tag::Word | Tag::Name | Tag::Acronym | Tag::Role(_))
                || (ctx.word(end) == "по" && end > from + 1 && end + 1 < limit))
        {
            end += 1;
        }
        (end > from + 1).then(|| Found { span: self.bytes(from + 1..end), kind: SpeakerKind::Org, genitive: true })
    }

    /// Reported content from token `start`: a quote in marks (direct), or the rest of the clause (indirect,
    /// mixed when a quoted fragment lies inside).
    pub(super) fn content_from(&mut self, start: usize, cue: Option<Range<usize>>, sp: Option<Found>, g: Gender) {
        let ctx = self.ctx;
        if start >= ctx.toks.len() {
            return;
        }
        if let Tag::Open(n) = ctx.tags[start] {
            let n = n as usize;
            let close = ctx.pairs[n].close;
            let s_end = ctx.sentence(close).end;
            let rest_is_punct = (close + 1..s_end).all(|k| matches!(ctx.tags[k], Tag::End | Tag::Other));
            if rest_is_punct && !self.used[n] {
                self.push_pair(n, cue, sp, g);
                return;
            }
        }
        let sent = ctx.sentence(start);
        let end = self.clause_end(start, sent.end);
        let mixed = (start..end).any(
            |k| matches!(ctx.tags[k], Tag::Open(n) if !ctx.title_like(n as usize) || ctx.fragment_like(n as usize)),
        );
        let kind = if mixed { QuoteKind::Mixed } else { QuoteKind::Indirect };
        if mixed {
            for k in start..end {
                if let Tag::Open(n) = ctx.tags[k] {
                    self.used[n as usize] = true;
                }
            }
        }
        let content = self.sentence_rest(start, end);
        self.push(kind, content, cue, sp, g);
    }

    /// The end (exclusive token) of a reported clause starting at `start`: the sentence end, or before a
    /// coordinated second cue («…, и добавил, что …»).
    pub(super) fn clause_end(&self, start: usize, sent_end: usize) -> usize {
        let ctx = self.ctx;
        for k in start + 1..sent_end {
            // «…, сообщает France-Presse»: an attribution closing the sentence is not content.
            if ctx.tags[k - 1] == Tag::Comma
                && matches!(ctx.tags[k], Tag::Cue(_))
                && !self.clone_free_complement(k, sent_end)
                && (k + 1..sent_end).all(|j| !matches!(ctx.tags[j], Tag::Comma | Tag::Cue(_)))
            {
                return (k - 1).max(start + 1);
            }
            if let Tag::Cue(c) = ctx.tags[k]
                && c.class != CueClass::Impersonal
                && matches!(ctx.tags[k - 1], Tag::And | Tag::Comma)
                && self.clone_free_complement(k, sent_end)
            {
                let mut e = k - 1;
                if e > start && ctx.tags[e - 1] == Tag::Comma {
                    e -= 1;
                }
                return e.max(start + 1);
            }
        }
        sent_end
    }

    pub(super) fn clone_free_complement(&self, k: usize, sent_end: usize) -> bool {
        let ctx = self.ctx;
        (k + 1..sent_end.min(k + 8)).any(|j| matches!(ctx.tags[j], Tag::That | Tag::Colon))
    }

    /// Bytes of tokens [start, end) without a final period.
    pub(super) fn sentence_rest(&self, start: usize, end: usize) -> Range<usize> {
        let ctx = self.ctx;
        let mut e = end;
        while e > start + 1 && matches!(ctx.word(e - 1), "." | ";" | ",") {
            e -= 1;
        }
        self.bytes(start..e)
    }
}

pub(super) fn pronoun_gender(ctx: &Ctx, i: usize) -> Gender {
    match ctx.tags[i] {
        Tag::Pronoun(g) => g,
        _ => Gender::Any,
    }
}

/// The range without surrounding white space.
pub(super) fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(r.clone()) else { return r.start..r.start };
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    r.start + lead..r.start + lead + t.len()
}
