//! Finding the speaker span near a cue: a name (a run of capitalized words), a role phrase («спикер»,
//! «замглавы китайского мегаполиса»), an organisation («МИД Китая») or a pronoun («он», «которая»).

use std::ops::Range;

use super::context::{Ctx, Tag};
use super::lexicon::Gender;
use super::morph::{self, WordKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpeakerKind {
    Name,
    Role,
    /// A plural role («эксперты»): named by its description.
    Group,
    Org,
    Pronoun(Gender),
}

/// A speaker mention: bytes of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub span: Range<usize>,
    pub kind: SpeakerKind,
    /// The mention stands in the genitive («по словам Дурова»).
    pub genitive: bool,
}

/// How far from the cue a speaker is looked for, in tokens.
const WINDOW: usize = 20;

impl Ctx<'_> {
    /// The pronoun at `i` as a speaker, when it is in the nominative («он», «она», not «его»).
    fn pronoun_speaker(&self, i: usize) -> Option<Found> {
        let g = self.nominative_pronoun(i)?;
        Some(Found { span: self.span(i..i + 1), kind: SpeakerKind::Pronoun(g), genitive: false })
    }

    fn nominative_pronoun(&self, i: usize) -> Option<Gender> {
        let Tag::Pronoun(g) = self.tags[i] else { return None };
        let w = self.word(i);
        let nom = if self.en {
            matches!(w, "he" | "He" | "she" | "She" | "they" | "They" | "who" | "I" | "we" | "We")
        } else {
            let l = w.to_lowercase();
            !matches!(l.as_str(), "его" | "её" | "ее" | "него" | "неё" | "нее" | "их" | "них")
        };
        nom.then_some(g)
    }

    fn is_name_part(&self, i: usize) -> bool {
        match self.tags[i] {
            Tag::Name => true,
            // An initial: «В.» in «В. Путин».
            Tag::Acronym => false,
            _ => false,
        }
    }

    /// The run of name words starting at i: [i, end).
    fn name_run_from(&self, i: usize, limit: usize) -> usize {
        let mut j = i;
        while j < limit && self.is_name_part(j) {
            j += 1;
            // «Kapital.kz», «Lenta.ru»: a site name keeps its domain.
            if j + 1 < limit
                && self.word(j) == "."
                && self.toks[j].start == self.toks[j - 1].end
                && self.toks[j + 1].start == self.toks[j].end
                && (2..=4).contains(&self.word(j + 1).chars().count())
                && self.word(j + 1).chars().all(char::is_lowercase)
            {
                j += 2;
                continue;
            }
            // Initials: a one-letter capital with a period, followed by another name word.
            if j + 1 < limit && self.word(j - 1).chars().count() == 1 && self.word(j) == "." && self.is_name_part(j + 1)
            {
                j += 1;
            }
        }
        j
    }

    /// Start of the run of name words ending at i (inclusive).
    fn name_run_back(&self, i: usize, floor: usize) -> usize {
        let mut j = i;
        while j > floor && (self.is_name_part(j - 1) || (self.word(j - 1) == "." && j >= 2 && self.is_name_part(j - 2)))
        {
            // «в Казахстане Чжан Сяо»: a place before the name is not part of it.
            if self.is_name_part(j - 1) && !self.en && morph::kind(self.word(j - 1)) == WordKind::Place {
                break;
            }
            j -= 1;
        }
        j
    }

    /// Trims a run of capitalized words to the person's name: «Цзюцзяна Чэн Шулянь» → «Чэн Шулянь»,
    /// «России Владимир Путин» → «Владимир Путин», keeping patronymics («Владимир Владимирович Путин»).
    pub fn trim_run(&self, run: Range<usize>, after_role: bool) -> Range<usize> {
        let mut run = run;
        // «Впоследствии Иванов», «Надпись»: a common word capitalized at the start of a sentence.
        while !run.is_empty() && !self.en && self.sentence(run.start).start == run.start && {
            morph::kind(self.word(run.start)) == WordKind::Common
        } {
            run.start += 1;
        }
        if run.is_empty() {
            return run;
        }
        let words: Vec<usize> = run.clone().filter(|&k| self.tags[k] == Tag::Name).collect();
        if words.len() >= 3 {
            let second_last = self.word(words[words.len() - 2]);
            let first_is_name = morph::kind(self.word(words[0])) == WordKind::Person;
            let keep = if patronymic(second_last) || (words.len() == 3 && first_is_name) { 3 } else { 2 };
            let from = words[words.len().saturating_sub(keep)];
            return from..run.end;
        }
        if words.len() == 2 && after_role && !self.en && genitive_place(self.word(words[0])) {
            return words[1]..run.end;
        }
        run
    }

    fn span(&self, toks: Range<usize>) -> Range<usize> {
        self.toks[toks.start].start..self.toks[toks.end - 1].end
    }

    /// A role phrase starting at role noun r: the noun with its modifiers («вице-мэр Цзюцзяна», «глава
    /// государства»), or the name it introduces («министр Жумангарин»). Preceding adjectives join it.
    fn role_phrase(&self, r: usize, limit: usize, fem: bool) -> Found {
        let Tag::Role(role) = self.tags[r] else { unreachable!() };
        let mut start = r;
        while start > 0 && self.tags[start - 1] == Tag::Word && adjective(self.word(start - 1)) {
            start -= 1;
        }
        if start > 0
            && self.tags[start - 1] == Tag::Name
            && start == r
            && adjective(&self.word(start - 1).to_lowercase())
        {
            start -= 1; // «Китайский эксперт»
        }
        let mut end = r + 1;
        let mut words = 0;
        let mut after_body = false; // a body's name may go on with prepositions: «Движения против вырубки»
        while end < limit && words < 5 {
            match self.tags[end] {
                Tag::Word | Tag::Role(_) => words += 1,
                Tag::Preposition if after_body && matches!(self.tags.get(end + 1), Some(Tag::Word)) => {}
                // «вице-министр торговли и интеграции Кайрат Торебаев»
                Tag::And if end + 1 < limit && matches!(self.tags[end + 1], Tag::Word) && words > 0 => {}
                Tag::Acronym => {}
                // «председатель правления «Казахстан темир жолы» Нурлан Сауранбаев»: a company name in marks.
                Tag::Open(n) if self.title_like(n as usize) && self.pairs[n as usize].close < limit => {
                    end = self.pairs[n as usize].close + 1;
                    continue;
                }
                Tag::Name => {
                    let run_end = self.name_run_from(end, limit);
                    let run = end..run_end;
                    let single = run_end - end == 1;
                    let w = self.word(end);
                    // «глава Минздрава», «мэр Москвы»: a genitive place or body, not a person.
                    let place = single && !self.en && genitive_place(w) && !(fem && feminine_surname(w));
                    // «эксперт Международного института»: a capitalized adjective opening a body's name.
                    let body = !self.en
                        && run_end < limit
                        && matches!(self.tags[run_end], Tag::Word | Tag::Role(_))
                        && adjective_case(self.word(run_end - 1));
                    // «лидер Движения против нелегальной иммиграции Александр Белов»: one capitalized common noun
                    // with lowercase words after it and a name further on is the body the person heads.
                    let headed = single
                        && !self.en
                        && !body
                        && self.name_follows(run_end, limit)
                        && morph::kind(w) == WordKind::Common;
                    after_body |= headed || body;
                    if body || headed {
                        end = run_end;
                        continue;
                    }
                    let name = self.trim_run(run, true);
                    if !place && !name.is_empty() {
                        return Found { span: self.span(name), kind: SpeakerKind::Name, genitive: !role.nominative };
                    }
                    end = run_end;
                    continue;
                }
                _ => break,
            }
            end += 1;
        }
        // A plural-only form names a group even of bodies («власти», «суды»): it keeps its own words.
        let kind = if role.plural {
            SpeakerKind::Group
        } else if role.org {
            SpeakerKind::Org
        } else {
            SpeakerKind::Role
        };
        Found { span: self.span(start..end), kind, genitive: !role.nominative }
    }

    /// Lowercase words (and prepositions) from `from`, at least one, then a name run, all before `limit`.
    fn name_follows(&self, from: usize, limit: usize) -> bool {
        let mut k = from;
        while k < limit && k < from + 5 && matches!(self.tags[k], Tag::Word | Tag::And | Tag::Preposition) {
            k += 1;
        }
        k > from && k < limit && self.tags[k] == Tag::Name
    }

    /// An organisation named by an acronym and the names after it: «МИД Китая».
    fn org_phrase(&self, a: usize, limit: usize) -> Found {
        let mut end = a + 1;
        while end < limit && matches!(self.tags[end], Tag::Name | Tag::Acronym) {
            end += 1;
        }
        Found { span: self.span(a..end), kind: SpeakerKind::Org, genitive: false }
    }

    /// The speaker after a cue: «— сказал вице-мэр Цзюцзяна Чэн Шулянь в ходе …», «заявил он».
    pub fn speaker_after(&self, from: usize, limit: usize, fem: bool) -> Option<Found> {
        let limit = limit.min(from + WINDOW).min(self.toks.len());
        let mut j = from;
        let mut in_phrase: usize = 0; // words left of a prepositional phrase whose object is not the speaker
        while j < limit {
            match self.tags[j] {
                Tag::Comma | Tag::Colon | Tag::End | Tag::Dash | Tag::That | Tag::Cue(_) | Tag::Close(_) => {
                    return None;
                }
                Tag::Open(n) => {
                    if !self.title_like(n as usize) {
                        return None;
                    }
                    j = self.pairs[n as usize].close; // «рассказал «Известиям» Песков»
                }
                Tag::Pronoun(_) => {
                    if let Some(found) = self.pronoun_speaker(j) {
                        return Some(found);
                    }
                }
                // A role in the nominative ends a prepositional phrase before it: «в беседе с корреспондентом
                // «Голоса Америки» лидер движения Александр Белов».
                Tag::Role(r) if in_phrase == 0 || (r.nominative && !self.en) => {
                    return Some(self.role_phrase(j, limit, fem));
                }
                Tag::Name => {
                    let end = self.name_run_from(j, limit);
                    if in_phrase == 0 {
                        let name = self.trim_run(j..end, false);
                        if !name.is_empty() {
                            return Some(Found { span: self.span(name), kind: SpeakerKind::Name, genitive: false });
                        }
                    }
                    in_phrase = 0;
                    j = end;
                    continue;
                }
                Tag::Acronym if in_phrase == 0 => return Some(self.org_phrase(j, limit)),
                Tag::Acronym => in_phrase = 0,
                // «— сказал детектив.»: a noun alone between the cue and the end of the clause.
                Tag::Word
                    if j == from
                        && j >= 2
                        && (self.tags[j - 2] == Tag::Dash
                            || (self.tags[j - 2] == Tag::Comma
                                && self.tags.get(j + 1).is_none_or(|t| *t == Tag::End)))
                        && in_phrase == 0
                        && !self.en
                        && (j + 1 >= self.toks.len()
                            || matches!(self.tags[j + 1], Tag::End | Tag::Comma | Tag::Dash)) =>
                {
                    // Not a known role, but a noun naming the speaker («— подчеркнул полузащитник»): it refers
                    // back like a role does.
                    return Some(Found { span: self.span(j..j + 1), kind: SpeakerKind::Role, genitive: false });
                }
                Tag::Preposition => in_phrase = 3,
                // «сказал агентству Kazinform»: the name after a dative medium is the addressee.
                Tag::Word if addressee(self.word(j)) => in_phrase = 1,
                _ => in_phrase = in_phrase.saturating_sub(1),
            }
            j += 1;
        }
        None
    }

    /// The speaker before a cue, in its clause: «Замглавы китайского мегаполиса отметил», «Он отметил»,
    /// «Баян Рамазанова, которая отметила».
    pub fn speaker_before(&self, cue: usize, floor: usize, fem: bool) -> Option<Found> {
        let mut j = cue;
        while j > floor {
            j -= 1;
            match self.tags[j] {
                Tag::Comma | Tag::Colon | Tag::End | Tag::Dash | Tag::That | Tag::Open(_) | Tag::Close(_) => {
                    return None;
                }
                Tag::Pronoun(_) => {
                    if let Some(found) = self.pronoun_speaker(j) {
                        return Some(found);
                    }
                }
                Tag::Role(r) if r.nominative || self.en => {
                    // «Глава ведомства», «глава финансового ведомства»: the head is the first role noun.
                    let mut head = j;
                    loop {
                        if head > floor && matches!(self.tags[head - 1], Tag::Role(_)) {
                            head -= 1;
                        } else if head > floor + 1
                            && self.tags[head - 1] == Tag::Word
                            && matches!(self.tags[head - 2], Tag::Role(_))
                        {
                            head -= 2;
                        } else {
                            break;
                        }
                    }
                    return Some(self.role_phrase(head, cue, fem));
                }
                Tag::Name => {
                    let start = self.name_run_back(j, floor);
                    // The object of a preposition («в Пекине», «с корреспондентом Kazinform») is not a subject.
                    let mut b = start;
                    while b > floor && b + 1 > start && self.tags[b - 1] == Tag::Word {
                        b -= 1;
                    }
                    if b > floor && self.tags[b - 1] == Tag::Preposition {
                        j = start;
                        continue;
                    }
                    if start > floor {
                        if let Tag::Role(_) = self.tags[start - 1] {
                            return Some(self.role_phrase(start - 1, cue, fem));
                        }
                        if start > floor + 1 && matches!(self.tags[start - 1], Tag::Word | Tag::Acronym) {
                            // «глава МИД Китая Ван И»: find the role noun a few words back.
                            let back = (start.saturating_sub(4)).max(floor);
                            if let Some(r) = (back..start).rev().find(|&k| matches!(self.tags[k], Tag::Role(_))) {
                                return Some(self.role_phrase(r, cue, fem));
                            }
                        }
                    }
                    let name = self.trim_run(start..j + 1, false);
                    if name.is_empty() {
                        // «Мать ребенка призналась»: a common noun opening the sentence is the subject.
                        if !self.en && morph::nominative_noun_form(self.word(start)) {
                            return Some(Found {
                                span: self.span(start..cue),
                                kind: SpeakerKind::Group,
                                genitive: false,
                            });
                        }
                        j = start;
                        continue;
                    }
                    return Some(Found { span: self.span(name), kind: SpeakerKind::Name, genitive: false });
                }
                Tag::Acronym => {
                    let start = j;
                    if start > floor && self.tags[start - 1] == Tag::Preposition {
                        continue;
                    }
                    return Some(self.org_phrase(start, cue));
                }
                _ => {}
            }
        }
        None
    }

    /// The first token of the clause that holds token i: after the last comma, colon, dash or quote mark.
    pub fn clause_start(&self, i: usize) -> usize {
        let floor = self.sentence(i).start;
        let mut j = i;
        while j > floor {
            if matches!(self.tags[j - 1], Tag::Comma | Tag::Colon | Tag::Dash | Tag::Close(_) | Tag::Open(_)) {
                break;
            }
            j -= 1;
        }
        j
    }
}

/// Datives of media and listeners that a name after a cue may belong to.
fn addressee(w: &str) -> bool {
    matches!(
        w,
        "агентству"
            | "изданию"
            | "газете"
            | "телеканалу"
            | "порталу"
            | "радиостанции"
            | "корреспонденту"
            | "журналу"
            | "сайту"
            | "интервью"
            | "каналу"
    )
}

/// Russian patronymics: «Владимирович», «Петровна», «Ильич».
pub(crate) fn patronymic(w: &str) -> bool {
    ["вич", "вна", "ична", "ич", "кызы", "улы", "оглы"].iter().any(|s| w.ends_with(s))
}

/// A capitalized word in a genitive-looking form that is more likely a place or body than a person:
/// «России», «Казахстана», «Минздрава», «Москвы».
pub(crate) fn genitive_place(w: &str) -> bool {
    match morph::kind(w) {
        WordKind::Place => return true,
        WordKind::Person | WordKind::Common => return false,
        WordKind::Unknown => {}
    }
    (["ии", "ы", "стана", "ана", "ая", "ва", "ра", "ла", "да", "та", "ля", "на", "я"].iter().any(|s| w.ends_with(s)))
        && !feminine_surname(w)
}

pub(crate) fn feminine_surname(w: &str) -> bool {
    ["ова", "ева", "ёва", "ина", "ына", "ская", "цкая"].iter().any(|s| w.ends_with(s))
}

/// A capitalized word in an oblique adjectival form («Международного», «Московской»).
fn adjective_case(w: &str) -> bool {
    ["ого", "его", "ому", "ему", "ой", "ей", "ых", "их", "ым", "ую"].iter().any(|s| w.ends_with(s))
}

/// A Russian adjective form (for «официальный представитель», «китайский эксперт»).
fn adjective(w: &str) -> bool {
    ["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его"].iter().any(|s| w.ends_with(s))
}
