//! Speaker resolution: from a speaker span to a nominative name (and an entity id when the recognizer found
//! one). A pronoun or role resolves to the most recent speaker or person of the same gender before it.

use std::ops::Range;

use super::Raw;
use super::context::{Ctx, Tag};
use super::lexicon::Gender;
use super::speaker::{SpeakerKind, feminine_surname};
use crate::analysis::{Entity, EntityType, Mention, Quote, Speaker};

/// A person already met: where, as whom, of which gender.
struct Person {
    pos: usize,
    name: String,
    entity: Option<usize>,
    gender: Gender,
}

pub(crate) fn resolve(ctx: &Ctx, raws: Vec<Raw>, mentions: &[Mention], entities: &[Entity]) -> Vec<Quote> {
    let mut history: Vec<Person> = Vec::new();
    // Bodies that spoke so far, by name («Министерство торговли»), for «ведомство» later.
    let mut bodies: Vec<String> = Vec::new();
    let mut runs: Option<Vec<(usize, String)>> = None;
    let mut out: Vec<Quote> = Vec::with_capacity(raws.len());
    let mut last_sentence: Option<u32> = None;
    for raw in raws {
        let sentence = ctx.sent_of[ctx.toks.partition_point(|t| t.start < raw.content.start).min(ctx.toks.len() - 1)];
        let speaker = match &raw.speaker {
            None if raw.inherits => {
                let near = last_sentence.is_some_and(|s| sentence <= s + 3);
                out.last().filter(|_| near).and_then(|q| q.speaker.clone())
            }
            None => None,
            Some(found) => {
                let (start, end) = (found.span.start, found.span.end);
                let text = &ctx.text[start..end];
                let gender = match found.kind {
                    SpeakerKind::Pronoun(g) if g != Gender::Any => g,
                    _ => raw.gender,
                };
                let mut sp = Speaker { start, end, text: String::new(), name: None, entity: None };
                match found.kind {
                    SpeakerKind::Group => sp.name = Some(text.to_string()),
                    SpeakerKind::Name | SpeakerKind::Org => {
                        let want = if found.kind == SpeakerKind::Name { Some(EntityType::Person) } else { None };
                        let mention = overlapping(mentions, start, end, want)
                            .or_else(|| {
                                // A capitalized run the recognizer knows as part of an organization: «(New) York
                                // Times», «(Wall) Street Journal» is that organization.
                                let m = overlapping(mentions, start, end, Some(EntityType::Organization))?;
                                (want.is_some() && m.start <= start && end <= m.end).then_some(m)
                            })
                            .filter(|m| !governed_by_head(ctx.text, text, start, m));
                        if let Some(m) = mention {
                            sp.start = m.start;
                            sp.end = m.end;
                            sp.entity = Some(m.entity);
                            sp.name = Some(person_name(entities, m));
                            if !found.genitive && found.kind == SpeakerKind::Name {
                                // A subject is already nominative: keep its ending when the recognizer cut it off.
                                if let Some(name) = &sp.name
                                    && truncated(name, &ctx.text[m.start..m.end])
                                {
                                    sp.name = Some(ctx.text[m.start..m.end].to_string());
                                }
                            }
                        } else if found.kind == SpeakerKind::Name {
                            let nominative = if found.genitive { nominative(text) } else { text.to_string() };
                            let runs = runs.get_or_insert_with(|| name_runs(ctx));
                            sp.name = Some(fullest(&nominative, &history, runs));
                        } else if let Some(body) = anaphoric_body(text).then(|| bodies.last()).flatten() {
                            // «подчеркнули в ведомстве» after «Министерство торговли заверило»: the same body.
                            sp.name = Some(body.clone());
                        } else if !ctx.en && (found.genitive || text.chars().next().is_some_and(char::is_lowercase)) {
                            // «в полиции сообщили» → «полиция»: the head noun in the nominative.
                            sp.name = Some(super::morph::nominative_phrase(text));
                        } else {
                            sp.name = Some(text.to_string());
                        }
                        // Recognized or not, a body that spoke is what a later «в ведомстве» refers to.
                        if found.kind == SpeakerKind::Org
                            && !anaphoric_body(text)
                            && let Some(name) = &sp.name
                        {
                            bodies.push(name.clone());
                        }
                        if found.kind == SpeakerKind::Name
                            && let Some(name) = &sp.name
                        {
                            let g =
                                if matches!(gender, Gender::Masc | Gender::Fem) { gender } else { guess_gender(name) };
                            history.push(Person { pos: start, name: name.clone(), entity: sp.entity, gender: g });
                        }
                    }
                    SpeakerKind::Role | SpeakerKind::Pronoun(_) => {
                        let relative = is_relative(text);
                        let person = if gender == Gender::Plural
                            || generic_role(text)
                            || (found.kind == SpeakerKind::Role && interlocutor(ctx, start, text))
                            || (found.kind == SpeakerKind::Role && !introduced_with(ctx, text, &history, start))
                        {
                            None
                        } else if relative {
                            antecedent_in_clause(ctx, start, mentions, entities)
                        } else {
                            let quote = raw.content.clone();
                            if mentions.is_empty() {
                                let runs = Some(&*runs.get_or_insert_with(|| name_runs(ctx)));
                                antecedent(start, gender, &history, mentions, entities, runs, quote)
                            } else {
                                // The article's own name runs back up the recognizer, which may miss a person or
                                // type one as a place; they are built only when it gives no one.
                                antecedent(start, gender, &history, mentions, entities, None, quote.clone()).or_else(
                                    || {
                                        let runs = Some(&*runs.get_or_insert_with(|| name_runs(ctx)));
                                        antecedent(start, gender, &history, mentions, entities, runs, quote)
                                    },
                                )
                            }
                        };
                        match person {
                            Some((name, entity)) => {
                                history.push(Person { pos: start, name: name.clone(), entity, gender });
                                sp.name = Some(name);
                                sp.entity = entity;
                            }
                            None if found.kind == SpeakerKind::Role => sp.name = Some(text.to_string()),
                            None => {}
                        }
                    }
                }
                Some(sp)
            }
        };
        last_sentence = Some(sentence);
        out.push(Quote {
            kind: raw.kind,
            start: raw.content.start,
            end: raw.content.end,
            text: String::new(),
            cue: raw.cue.map(|c| crate::analysis::Span { start: c.start, end: c.end, text: String::new() }),
            speaker,
        });
    }
    out
}

fn overlapping(mentions: &[Mention], start: usize, end: usize, want: Option<EntityType>) -> Option<&Mention> {
    mentions.iter().rfind(|m| m.start < end && start < m.end && want.is_none_or(|w| m.kind == w))
}

fn entity_name(entities: &[Entity], m: &Mention) -> String {
    entities.iter().find(|e| e.id == m.entity).map_or_else(|| m.normal.clone(), |e| e.name.clone())
}

/// The name of a mention's entity; a person known only as «Имя Отчество» (how an interviewer addresses the
/// guest) takes the entity with the same first name and a surname when the article has one.
fn person_name(entities: &[Entity], m: &Mention) -> String {
    let name = entity_name(entities, m);
    let mut words = name.split(' ');
    let (Some(first), Some(second), None) = (words.next(), words.next(), words.next()) else { return name };
    if m.kind != EntityType::Person || !super::speaker::patronymic(second) {
        return name;
    }
    entities
        .iter()
        .find(|e| {
            e.kind == EntityType::Person
                && e.id != m.entity
                && e.name.split(' ').next() == Some(first)
                && e.name.split(' ').nth(1).is_some_and(|w| !super::speaker::patronymic(w))
        })
        .map_or(name, |e| e.name.clone())
}

/// «Мурат Темирхан» for a nominative «Мурат Темирханов»: each word of the name begins its surface word and one
/// is shorter, so the recognizer removed an ending that was not a case ending.
fn truncated(name: &str, surface: &str) -> bool {
    let (mut n, mut s) = (name.split(' '), surface.split(' '));
    let mut shorter = false;
    loop {
        match (n.next(), s.next()) {
            (None, None) => return shorter,
            (Some(a), Some(b)) if b.starts_with(a) => shorter |= b.len() > a.len(),
            _ => return false,
        }
    }
}

/// «в пресс-службе Кремля»: an organization in the genitive after a common-noun head is not the speaker by
/// itself; the whole phrase is («пресс-служба Кремля»). An apposition («издание Kapital.kz») keeps the mention.
fn governed_by_head(doc: &str, text: &str, start: usize, m: &Mention) -> bool {
    m.kind != EntityType::Person
        && m.start > start
        && text.chars().next().is_some_and(char::is_lowercase)
        && doc.get(m.start..m.end).is_some_and(|surface| surface != m.normal)
}

fn is_relative(text: &str) -> bool {
    matches!(text.to_lowercase().as_str(), "который" | "которая" | "которое" | "которые" | "who")
}

/// «ведомство», «в министерстве»: a body named by a bare common noun, which refers back to the last body.
fn anaphoric_body(text: &str) -> bool {
    let l = text.to_lowercase();
    ["ведомств", "министерств", "организаци", "компани", "учреждени"].iter().any(|p| l.starts_with(p))
        && !text.contains(' ')
}

/// Roles that usually introduce someone new rather than refer back.
fn generic_role(text: &str) -> bool {
    let l = text.to_lowercase();
    ["источник", "очевид", "житель", "source", "witness"].iter().any(|p| l.starts_with(p))
}

/// The role word was met before as someone spoken with («встреча с послом Германии» … «Посол подчеркнул»):
/// it names that other person, not the last speaker.
fn interlocutor(ctx: &Ctx, pos: usize, role: &str) -> bool {
    let head = role.split(' ').next().unwrap_or(role);
    let Some(lemma) = super::morph::lemma(head) else { return false };
    let end = ctx.toks.partition_point(|t| t.start < pos);
    (1..end).any(|k| {
        matches!(ctx.word(k - 1), "с" | "со" | "С" | "Со")
            && (k..(k + 3).min(end)).any(|w| super::morph::lemma(ctx.word(w)).is_some_and(|l| l == lemma))
    })
}

/// A role phrase with a name inside («Глава Белого дома», «аким Алматы») describes someone in full: it refers
/// back only to a speaker introduced with that name nearby («аким Алматы Ерболат Досаев»).
fn introduced_with(ctx: &Ctx, role: &str, history: &[Person], pos: usize) -> bool {
    let mut words = role.split(' ').skip(1).filter(|w| w.chars().next().is_some_and(char::is_uppercase));
    let Some(word) = words.next() else { return true };
    let stem: String = word.chars().take(4).collect();
    history.iter().rev().filter(|p| p.pos < pos).any(|p| {
        let mut from = p.pos.saturating_sub(120);
        while !ctx.text.is_char_boundary(from) {
            from -= 1;
        }
        ctx.text[from..p.pos].contains(stem.as_str())
    })
}

/// The person a relative pronoun refers to: the name just before «, которая».
fn antecedent_in_clause(
    ctx: &Ctx,
    pos: usize,
    mentions: &[Mention],
    entities: &[Entity],
) -> Option<(String, Option<usize>)> {
    let i = ctx.toks.partition_point(|t| t.start < pos);
    if i < 2 || ctx.tags[i - 1] != Tag::Comma {
        return None;
    }
    let last = i - 2;
    let comma = ctx.toks[i - 1].start;
    if let Some(m) = mentions.iter().rfind(|m| m.kind == EntityType::Person && m.end <= comma && m.end + 2 >= comma) {
        return Some((entity_name(entities, m), Some(m.entity)));
    }
    if ctx.tags[last] != Tag::Name {
        return None;
    }
    let mut first = last;
    while first > 0 && ctx.tags[first - 1] == Tag::Name {
        first -= 1;
    }
    let text = &ctx.text[ctx.toks[first].start..ctx.toks[last].end];
    Some((nominative_plain(text), None))
}

/// Genitive endings of surnames and adjectives with their nominative, longest first; the first
/// [`UNAMBIGUOUS_ENDINGS`] (feminine and adjectival) cannot be read otherwise.
const GENITIVE_ENDINGS: &[(&str, &str)] = &[
    ("ского", "ский"),
    ("цкого", "цкий"),
    ("ской", "ская"),
    ("цкой", "цкая"),
    ("овой", "ова"),
    ("евой", "ева"),
    ("ёвой", "ёва"),
    ("иной", "ина"),
    ("ыной", "ына"),
    ("ова", "ов"),
    ("ева", "ев"),
    ("ёва", "ёв"),
    ("ина", "ин"),
    ("ына", "ын"),
    ("ии", "ия"),
    ("ия", "ий"),
    ("ея", "ей"),
];
const UNAMBIGUOUS_ENDINGS: usize = 9;

/// The word with its genitive ending among `endings` replaced by the nominative one.
fn replace_ending(w: &str, endings: &[(&str, &str)]) -> Option<String> {
    endings.iter().find_map(|(from, to)| w.strip_suffix(from).map(|stem| format!("{stem}{to}")))
}

/// Only the unambiguous feminine and adjectival genitive endings: «Баян Рамазановой» → «Баян Рамазанова».
fn nominative_plain(name: &str) -> String {
    let words: Vec<String> = name
        .split(' ')
        .map(|w| replace_ending(w, &GENITIVE_ENDINGS[..UNAMBIGUOUS_ENDINGS]).unwrap_or_else(|| w.to_string()))
        .collect();
    words.join(" ")
}

/// The most recent person before `pos` compatible in gender: a speaker met so far or a PER mention.
fn antecedent(
    pos: usize,
    gender: Gender,
    history: &[Person],
    mentions: &[Mention],
    entities: &[Entity],
    runs: Option<&Vec<(usize, String)>>,
    quote: Range<usize>,
) -> Option<(String, Option<usize>)> {
    // A person of the very gender asked for beats one of unknown gender (a foreign name, a body).
    let exact = |p: &&Person| p.pos < pos && (p.gender == gender || gender == Gender::Any);
    let h = history
        .iter()
        .rev()
        .find(exact)
        .or_else(|| history.iter().rev().find(|p| p.pos < pos && p.gender.agrees(gender)));
    let m = mentions.iter().rev().find(|m| {
        // A person named inside the quote itself is talked about, not talking: «Каждое слово Абая …», — говорит актер.
        let inside = m.start < quote.end && quote.start < m.end;
        m.kind == EntityType::Person
            && m.end <= pos
            && !inside
            && guess_gender(&entity_name(entities, m)).agrees(gender)
    });
    match (h, m) {
        (Some(h), Some(m)) if m.start > h.pos && Some(m.entity) != h.entity => {
            Some((person_name(entities, m), Some(m.entity)))
        }
        (Some(h), _) => Some((h.name.clone(), h.entity)),
        (None, Some(m)) => Some((person_name(entities, m), Some(m.entity))),
        (None, None) => runs?
            .iter()
            .rev()
            .find(|(p, name)| *p < pos && guess_gender(name).agrees(gender))
            .map(|(_, name)| (name.clone(), None)),
    }
    .map(|found| {
        // Without mentions, a named person of the very gender met after that speaker (or when no speaker of
        // that gender spoke yet) is the better antecedent: «… Елена Ким считает … «…», — сказала она».
        let Some(runs) = runs.filter(|_| mentions.is_empty() && matches!(gender, Gender::Masc | Gender::Fem)) else {
            return found;
        };
        let h_pos = history.iter().rev().find(|p| p.pos < pos && p.gender == gender).map(|p| p.pos);
        let r = runs.iter().rev().find(|(p, name)| *p < pos && guess_gender(name) == gender);
        match (h_pos, r) {
            (None, Some((_, name))) => (name.clone(), None),
            (Some(h), Some((p, name))) if *p > h && !same_person(name, &found.0) => (name.clone(), None),
            _ => found,
        }
    })
    .or_else(|| {
        let runs = runs.filter(|_| mentions.is_empty() && matches!(gender, Gender::Masc | Gender::Fem))?;
        runs.iter().rev().find(|(p, name)| *p < pos && guess_gender(name) == gender).map(|(_, n)| (n.clone(), None))
    })
}

/// The fullest form of a name the article gives: «Токаев» → «Касым-Жомарт Токаев» when said elsewhere.
fn fullest(name: &str, history: &[Person], runs: &[(usize, String)]) -> String {
    let last = name.split_whitespace().last().unwrap_or(name);
    let words = name.split_whitespace().count();
    // Only a shorter form is lengthened: «Алла Бут» is not «Виктор Бут», nor «Барак Обама» «Мишель Обама».
    let better = |cand: &str| {
        cand.split_whitespace().count() > words && cand.split_whitespace().last().is_some_and(|l| same_surname(l, last))
    };
    let found = history
        .iter()
        .map(|p| p.name.as_str())
        .find(|c| better(c))
        .or_else(|| runs.iter().map(|(_, r)| r.as_str()).find(|c| better(c)));
    let Some(cand) = found else { return name.to_string() };
    let cand_last = cand.split_whitespace().last().unwrap_or(cand);
    if cand_last.chars().count() <= last.chars().count() {
        return cand.to_string();
    }
    // The fuller form stands in an oblique case («Исы Ямадаева»): its first names in the nominative, our surname.
    let first: Vec<&str> = cand.split_whitespace().collect();
    format!("{} {}", nominative(&first[..first.len() - 1].join(" ")), last)
}

/// Two names of one person: the same surname.
fn same_person(a: &str, b: &str) -> bool {
    match (a.split_whitespace().last(), b.split_whitespace().last()) {
        (Some(x), Some(y)) => same_surname(x, y),
        _ => false,
    }
}

/// The same surname in another case: «Пескова» and «Песков», «Захаровой» and «Захарова».
fn same_surname(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    common >= 4 && la.max(lb) - common <= 2 && la.min(lb) - common <= 1
}

/// Runs of two or more capitalized name words in the article, with their byte position.
fn name_runs(ctx: &Ctx) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = ctx.toks.len();
    while i < n {
        if ctx.tags[i] != Tag::Name {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && ctx.tags[j] == Tag::Name {
            j += 1;
        }
        let after_prep = i > 0 && ctx.tags[i - 1] == Tag::Preposition;
        let run = ctx.trim_run(i..j, false);
        if run.len() >= 2 && run.len() <= 3 && !after_prep {
            let start = ctx.toks[run.start].start;
            out.push((start, ctx.text[start..ctx.toks[j - 1].end].to_string()));
        }
        i = j;
    }
    out
}

/// A guess at the gender of a person from the name: Russian surname and first-name endings.
pub(crate) fn guess_gender(name: &str) -> Gender {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    let last = name.split_whitespace().last().unwrap_or("");
    if feminine_surname(last) {
        return Gender::Fem;
    }
    if ["ов", "ев", "ёв", "ин", "ын", "ский", "цкий"].iter().any(|s| last.ends_with(s)) {
        return Gender::Masc;
    }
    let male_a = ["Никита", "Илья", "Кузьма", "Фома", "Лука", "Саша", "Женя"];
    if name.split_whitespace().count() >= 2
        && (first.ends_with('а') || first.ends_with('я'))
        && !male_a.contains(&first)
    {
        return Gender::Fem;
    }
    Gender::Any
}

/// The nominative of a name in the genitive: «Дмитрия Пескова» → «Дмитрий Песков», «Марии Захаровой» →
/// «Мария Захарова», «Дональда Трампа» → «Дональд Трамп».
pub(crate) fn nominative(name: &str) -> String {
    name.split(' ')
        .map(|w| super::morph::nominative(w).unwrap_or_else(|| nominative_word(w)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn nominative_word(w: &str) -> String {
    if let Some(nominative) = replace_ending(w, GENITIVE_ENDINGS) {
        return nominative;
    }
    let mut chars = w.chars().rev();
    let (Some(last), Some(prev)) = (chars.next(), chars.next()) else { return w.to_string() };
    let consonant = |c: char| "бвгджзклмнпрстфхцчшщ".contains(c);
    let stem = &w[..w.len() - last.len_utf8()];
    match last {
        'а' if consonant(prev) => stem.to_string(),
        'я' if consonant(prev) => format!("{stem}ь"),
        'ы' if consonant(prev) => format!("{stem}а"),
        'и' if "гкхжшчщ".contains(prev) => format!("{stem}а"),
        _ => w.to_string(),
    }
}
