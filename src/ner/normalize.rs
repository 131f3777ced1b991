//! Nominative forms of mentions: each word of a name is put in the nominative singular, adjectives agreeing
//! with their head, words after the head (genitive complements) left as they are; words the dictionary
//! marks indeclinable, and foreign names it cannot decline, stay as written.

use super::detect::Ctx;
use crate::analysis::EntityType;
use crate::morph::{self, Gender, NOM, NameKind, Parse, Pos};

/// The span's text between tokens `s` and `e` (exclusive).
fn span_text(ctx: &Ctx, s: usize, e: usize) -> String {
    ctx.text[ctx.toks[s].start..ctx.toks[e - 1].end].to_string()
}

/// A name in quote marks: the first word in the nominative when it is a noun or adjective in an oblique case
/// («Ведомостей» → «Ведомости»), the rest as written.
pub(super) fn quoted(ctx: &mut Ctx, s: usize, e: usize) -> String {
    if e == s + 1 && ctx.toks[s].word && !ctx.toks[s].latin && !ctx.toks[s].upper {
        // A plural name stays plural («Ведомостей» → «Ведомости»).
        let info = ctx.info(s);
        if info.parses.first().is_some_and(|p| p.plural) {
            return plural_nominative(ctx, s, &[Pos::Noun, Pos::Propn, Pos::Adj]);
        }
        return single(ctx, s, EntityType::Organization);
    }
    span_text(ctx, s, e)
}

/// The best parse of word `i` for a name of this kind.
fn best_parse(ctx: &mut Ctx, i: usize, kind: EntityType) -> Option<Parse> {
    let want = match kind {
        EntityType::Location => NameKind::Geo,
        EntityType::Organization => NameKind::Org,
        EntityType::Person => NameKind::Surname,
    };
    let info = ctx.info(i);
    let pick =
        |f: &dyn Fn(&Parse) -> bool| info.parses.iter().filter(|p| f(p)).max_by(|a, b| a.prob.total_cmp(&b.prob));
    pick(&|p| p.name == want)
        .or_else(|| pick(&|p| p.pos == Pos::Propn))
        .or_else(|| pick(&|p| matches!(p.pos, Pos::Noun)))
        .cloned()
}

/// One word naming a place or organization.
pub(super) fn single(ctx: &mut Ctx, i: usize, kind: EntityType) -> String {
    let text = ctx.toks[i].text;
    if ctx.toks[i].upper || ctx.toks[i].latin {
        return text.to_string();
    }
    if text.split('-').skip(1).any(|part| part.chars().next().is_some_and(char::is_lowercase)) {
        // «Вейк-ан-Зее», «Ростов-на-Дону»: compound foreign or fixed names stay as written.
        return text.to_string();
    }
    let Some(p) = best_parse(ctx, i, kind) else { return text.to_string() };
    if p.fixed || p.case == NOM && !p.plural {
        return text.to_string();
    }
    // A guessed word whose guesses include the nominative is most likely written in it.
    let info = ctx.info(i);
    if !info.known && info.parses.iter().any(|q| q.case == NOM && q.prob >= 0.1 && q.pos == Pos::Propn) {
        return text.to_string();
    }
    morph::nominative(&p, None, false, text).unwrap_or_else(|| text.to_string())
}

/// The head noun's singular nominative parse and its gender.
fn head_form(ctx: &mut Ctx, head: usize, kinds: &[Pos]) -> (String, Gender) {
    let text = ctx.toks[head].text;
    let info = ctx.info(head);
    let p = info
        .parses
        .iter()
        .filter(|p| kinds.contains(&p.pos))
        .max_by(|a, b| (a.case == morph::GEN).cmp(&(b.case == morph::GEN)).then(a.prob.total_cmp(&b.prob)))
        .cloned();
    match p {
        Some(p) => {
            let g = p.gender;
            let word = if p.fixed {
                text.to_string()
            } else {
                morph::nominative(&p, None, false, text).unwrap_or(text.to_string())
            };
            (word, g)
        }
        None => (text.to_string(), Gender::None),
    }
}

/// A plural word in the nominative plural.
fn plural_nominative(ctx: &mut Ctx, i: usize, kinds: &[Pos]) -> String {
    let text = ctx.toks[i].text;
    let info = ctx.info(i);
    let p = info
        .parses
        .iter()
        .filter(|p| kinds.contains(&p.pos) && p.plural)
        .max_by(|a, b| a.prob.total_cmp(&b.prob))
        .cloned();
    match p {
        Some(p) => morph::nominative(&p, None, true, text).unwrap_or_else(|| text.to_string()),
        None => text.to_string(),
    }
}

/// An adjective in the nominative singular of `gender`.
fn adjective(ctx: &mut Ctx, i: usize, gender: Gender) -> String {
    let text = ctx.toks[i].text;
    let info = ctx.info(i);
    let p = info
        .parses
        .iter()
        .filter(|p| p.pos == Pos::Adj && (gender == Gender::None || p.gender == gender || p.plural))
        .max_by(|a, b| a.prob.total_cmp(&b.prob))
        .or_else(|| info.parses.iter().find(|p| p.pos == Pos::Adj))
        .cloned();
    match p {
        Some(p) => {
            let g = if gender == Gender::None { None } else { Some(gender) };
            morph::nominative(&p, g, false, text).unwrap_or(text.to_string())
        }
        None => text.to_string(),
    }
}

/// Adjectives and a head noun: «Туркестанская области» → «Туркестанская область»; the head may lie beyond
/// the span («Алматинская [и Туркестанская] области» → «Алматинская область»).
pub(super) fn adj_head(ctx: &mut Ctx, adjs: &[usize], head: usize) -> String {
    // A plural adjective keeps a plural name plural («Виргинские острова»); a singular one before a plural head
    // is a coordination («Туркестанская [и Алматинская] области»).
    let plural = !adjs.is_empty()
        && adjs.iter().all(|&a| ctx.info(a).parses.iter().filter(|p| p.pos == Pos::Adj).all(|p| p.plural));
    if plural {
        let mut out = String::new();
        for &a in adjs {
            out.push_str(&plural_nominative(ctx, a, &[Pos::Adj]));
            out.push(' ');
        }
        out.push_str(&plural_nominative(ctx, head, &[Pos::Noun, Pos::Propn]));
        return out;
    }
    let (head_word, gender) = head_form(ctx, head, &[Pos::Noun, Pos::Propn]);
    let mut out = String::new();
    for (n, &a) in adjs.iter().enumerate() {
        if n > 0 && a > adjs[n - 1] + 1 {
            // A conjunction between adjectives stays: «Промышленный и коммерческий банк».
            out.push_str(&span_text(ctx, adjs[n - 1] + 1, a));
            out.push(' ');
        }
        out.push_str(&adjective(ctx, a, gender));
        out.push(' ');
    }
    out.push_str(&head_word);
    out
}

/// [adjectives] head [complements up to `end`]: adjectives agree with the head, the head goes to the
/// nominative singular, the complements stay.
pub(super) fn org_phrase(ctx: &mut Ctx, adjs: &[usize], head: usize, end: usize) -> String {
    let mut out = adj_head(ctx, adjs, head);
    if end > head + 1 {
        out.push(' ');
        out.push_str(&span_text(ctx, head + 1, end));
    }
    out
}

/// A person's name, words `s..e`: first names from the list, the other words by the parse that agrees in
/// gender and case with the rest of the name. Chinese names stay as written.
pub(super) fn person(ctx: &mut Ctx, s: usize, e: usize, chinese: bool) -> String {
    if chinese {
        // The surname stays; a given name ending in a consonant declines like a Russian noun («Си Цзиньпином»
        // → «Си Цзиньпин»), one the dictionary can read as a nominative stays («Чэн Шулянь»).
        let mut words = vec![ctx.toks[s].text.to_string()];
        for i in s + 1..e {
            let text = ctx.toks[i].text;
            let info = ctx.info(i);
            let nominative = info.parses.iter().any(|p| p.case == NOM && p.prob >= 0.05);
            let p = info
                .parses
                .iter()
                .filter(|p| matches!(p.pos, Pos::Propn | Pos::Noun) && p.gender == Gender::Masc)
                .max_by(|a, b| a.prob.total_cmp(&b.prob))
                .cloned();
            let word = match p {
                Some(p) if !nominative && !p.fixed => {
                    morph::nominative(&p, None, false, text).unwrap_or_else(|| text.to_string())
                }
                _ => text.to_string(),
            };
            words.push(word);
        }
        return words.join(" ");
    }
    let is_name = |p: &Parse| matches!(p.name, NameKind::Surname | NameKind::Given | NameKind::Patronymic);
    let mut gender = (s..e).find_map(|i| ctx.first_name(i).map(|f| f.gender)).unwrap_or(Gender::None);
    if gender == Gender::None && e > s + 1 {
        // The gender of a first name the dictionary knows («Андреас», «Наина»).
        let info = ctx.info(s);
        if info.name_prob(NameKind::Given) >= 0.3 {
            gender = info
                .parses
                .iter()
                .filter(|p| p.name == NameKind::Given)
                .max_by(|a, b| a.prob.total_cmp(&b.prob))
                .map_or(Gender::None, |p| p.gender);
        }
    }
    if gender == Gender::None {
        // The gender of the likeliest name parse of the last word.
        let info = ctx.info(e - 1);
        gender = info
            .parses
            .iter()
            .filter(|p| is_name(p))
            .max_by(|a, b| a.prob.total_cmp(&b.prob))
            .map_or(Gender::None, |p| p.gender);
    }
    // Cases every word of the name can be in.
    let mut cases = 0x3f_u8;
    // From the last word back: the surname's case is the surest, a guessed first name's the least.
    for i in (s..e).rev() {
        let c = match ctx.first_name(i) {
            Some(f) => f.cases,
            None => ctx.info(i).cases(|p| is_name(p) && (gender == Gender::None || p.gender == gender)),
        };
        if c != 0 && cases & c != 0 {
            cases &= c;
        }
    }
    let mut words = Vec::with_capacity(e - s);
    for i in s..e {
        let text = ctx.toks[i].text;
        if let Some(f) = ctx.first_name(i) {
            words.push(f.nominative.clone());
            continue;
        }
        let info = ctx.info(i);
        let fits = |p: &Parse| {
            (gender == Gender::None || p.gender == gender || p.gender == Gender::None) && p.case & cases != 0
        };
        let best =
            |f: &dyn Fn(&Parse) -> bool| info.parses.iter().filter(|p| f(p)).max_by(|a, b| a.prob.total_cmp(&b.prob));
        let p = best(&|p| is_name(p) && fits(p))
            .or_else(|| best(&|p| matches!(p.pos, Pos::Propn | Pos::Noun) && fits(p)))
            .or_else(|| if gender == Gender::None { best(&|p| is_name(p)) } else { None })
            .cloned();
        // No parse of this gender and case: a foreign name that does not decline («Андреас Кёпке»).
        let word = match p {
            Some(p) if p.fixed || p.case == NOM => text.to_string(),
            Some(p) => {
                let g = (p.pos == Pos::Adj).then_some(gender);
                morph::nominative(&p, g, false, text).unwrap_or_else(|| text.to_string())
            }
            None => text.to_string(),
        };
        words.push(word);
    }
    words.join(" ")
}
