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

struct Finder<'c, 'a> {
    ctx: &'c Ctx<'a>,
    /// Pairs already reported as quotes.
    used: Vec<bool>,
    out: Vec<Raw>,
    /// The cue being attributed is impersonal: its quotes have no speaker to inherit.
    impersonal: bool,
}

impl Finder<'_, '_> {
    fn bytes(&self, toks: Range<usize>) -> Range<usize> {
        let t = self.ctx.toks;
        if toks.is_empty() {
            return t[toks.start.min(t.len() - 1)].start..t[toks.start.min(t.len() - 1)].start;
        }
        t[toks.start].start..t[toks.end - 1].end
    }

    fn tok_at(&self, byte: usize) -> usize {
        self.ctx.toks.partition_point(|t| t.start < byte)
    }

    fn cue_gender(&self, i: usize) -> Gender {
        match self.ctx.tags[i] {
            Tag::Cue(c) => c.gender,
            _ => Gender::Any,
        }
    }

    fn push(
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

    fn push_pair(&mut self, n: usize, cue: Option<Range<usize>>, sp: Option<Found>, g: Gender) {
        self.used[n] = true;
        let mut content = trim(self.ctx.text, self.ctx.pair_content(n));
        // "…," he said: the comma belongs to the attribution.
        if self.ctx.text[content.clone()].ends_with(',') {
            content.end -= 1;
        }
        self.push(QuoteKind::Direct, content, cue, sp, g);
    }

    /// «Часть, — сказал X, — часть»: one pair split by an attribution inside it.
    fn interrupted(&mut self, n: usize) {
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

    fn cue(&mut self, i: usize) {
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
    fn quote_before_cue(&self, i: usize) -> Option<(usize, usize)> {
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
    fn complement(&mut self, i: usize, sent_end: usize) -> Option<usize> {
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
    fn subject(&self, i: usize, start: usize, class: CueClass, fem: bool) -> Option<Found> {
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
    fn plural_body(&self, i: usize, limit: usize) -> Option<Found> {
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
    fn document_after(&self, from: usize, limit: usize) -> Option<Found> {
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
    fn content_from(&mut self, start: usize, cue: Option<Range<usize>>, sp: Option<Found>, g: Gender) {
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
    fn clause_end(&self, start: usize, sent_end: usize) -> usize {
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

    fn clone_free_complement(&self, k: usize, sent_end: usize) -> bool {
        let ctx = self.ctx;
        (k + 1..sent_end.min(k + 8)).any(|j| matches!(ctx.tags[j], Tag::That | Tag::Colon))
    }

    /// Bytes of tokens [start, end) without a final period.
    fn sentence_rest(&self, start: usize, end: usize) -> Range<usize> {
        let ctx = self.ctx;
        let mut e = end;
        while e > start + 1 && matches!(ctx.word(e - 1), "." | ";" | ",") {
            e -= 1;
        }
        self.bytes(start..e)
    }

    /// «Как сообщил X, …» / «…, как сообщил X».
    fn as_said(&mut self, i: usize, cue: Option<Range<usize>>, g: Gender) {
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
    fn inverted(&mut self, i: usize, present: bool, class: CueClass, cue: Option<Range<usize>>, g: Gender) -> bool {
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
        let blocked = |k: usize| match ctx.tags[k] {
            Tag::Open(_) | Tag::Close(_) => true,
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
    fn about_this(&mut self, i: usize, cue: Option<Range<usize>>, g: Gender) -> bool {
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
            let taken = prev.clone().any(|k| matches!(ctx.tags[k], Tag::Open(_) | Tag::Close(_) | Tag::Cue(_)))
                || ctx.inside[prev.start]
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
    fn according(&mut self, i: usize) {
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

    fn according_content(&mut self, first: usize, after: usize, sp: Option<Found>) {
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

    /// Unattributed lines of a dialogue («— Как вы готовитесь к турне?» before «— Много репетирую, — ответил
    /// артист»): direct quotes without a speaker, when a neighbouring dash line is attributed. Dash lists
    /// («— снижение налогов;») have no attributed neighbour.
    fn dialogue_lines(&mut self) {
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
    fn leftover_pairs(&mut self) {
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

fn pronoun_gender(ctx: &Ctx, i: usize) -> Gender {
    match ctx.tags[i] {
        Tag::Pronoun(g) => g,
        _ => Gender::Any,
    }
}

/// The range without surrounding white space.
fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(r.clone()) else { return r.start..r.start };
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    r.start + lead..r.start + lead + t.len()
}
