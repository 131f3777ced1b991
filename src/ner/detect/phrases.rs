//! Multi-word places and organizations built around a head noun, and site names.

use super::*;

/// Legal forms written before a company's name: «ТОО «Самрук»», «ГУП «Водоканал»».
const LEGAL_FORMS: &[&str] =
    &["ООО", "ОАО", "ЗАО", "ПАО", "АО", "ТОО", "ГУП", "МУП", "ФГУП", "НАО", "АНО", "ИП", "НКО"];

impl Ctx<'_, '_> {
    /// A site name: «Lenta.ru», «baltinfo.ru», «NEWSru.com».
    pub(super) fn domain(&self, i: usize) -> Option<usize> {
        let n = self.end_of(i);
        let mut e = i + 1;
        while e + 1 < n
            && self.toks[e].text == "."
            && self.toks[e].start == self.toks[e - 1].end
            && self.toks[e + 1].start == self.toks[e].end
            && self.toks[e + 1].word
        {
            e += 2;
        }
        (e > i + 1 && TLDS.contains(&key(self.toks[e - 1].text).as_str()) && !self.taken[i..e].iter().any(|&t| t))
            .then_some(e)
    }

    /// «Туркестанская область», «Манежной площади», «Алматинская и Туркестанская области».
    pub(super) fn place_phrase(&mut self, i: usize) -> Option<usize> {
        let end = self.end_of(i);
        if i + 1 >= end || !self.is_adj(i) {
            return None;
        }
        let heads = &self.gaz.loc_heads;
        // «Дальневосточном федеральном округе»: one lowercase adjective may stand between.
        let mut h = i + 1;
        if h + 1 < end && !self.toks[h].cap && self.is_adj(h) && !self.toks[h + 1].cap && self.lemma_in(h + 1, heads) {
            h += 1;
        }
        if !self.toks[h].cap && self.lemma_in(h, heads) {
            let street = self.info(h).parses.iter().any(|p| STREETS.contains(&p.analysis.lemma.as_str()));
            let adjs: Vec<usize> = (i..h).collect();
            let normal = normalize::adj_head(self, &adjs, h);
            if street {
                let adj = normal.split(' ').next().unwrap_or_default().to_string();
                self.push(i, i + 1, EntityType::Location, adj, None);
                return Some(h + 1);
            }
            self.push(i, h + 1, EntityType::Location, normal, None);
            return Some(h + 1);
        }
        // «Алматинская и Туркестанская области»: the first adjective borrows the head.
        if i + 3 < end
            && matches!(self.toks[i + 1].text, "и" | ",")
            && self.toks[i + 2].cap
            && self.is_adj(i + 2)
            && !self.toks[i + 3].cap
            && self.lemma_in(i + 3, heads)
        {
            let first = normalize::adj_head(self, &[i], i + 3);
            let second = normalize::adj_head(self, &[i + 2], i + 3);
            self.push(i, i + 1, EntityType::Location, first, None);
            self.push(i + 2, i + 4, EntityType::Location, second, None);
            return Some(i + 4);
        }
        None
    }

    /// The end of the people named after «имени»: [initials] name, or first name and surname, joined by «и».
    fn named_after(&mut self, from: usize, end: usize) -> Option<usize> {
        let mut e = from;
        let mut done = None;
        loop {
            while e + 1 < end
                && self.toks[e].cap
                && self.toks[e].text.chars().count() == 1
                && self.toks[e + 1].text == "."
                && !self.taken[e]
            {
                e += 2;
            }
            if e >= end || self.taken[e] || !self.toks[e].word || !self.toks[e].cap || self.toks[e].latin {
                return done;
            }
            let first = self.gaz.first_names.contains_key(self.lower(e).as_ref());
            e += 1;
            if first && e < end && !self.taken[e] && self.toks[e].word && self.toks[e].cap {
                e += 1;
            }
            done = Some(e);
            if e + 1 < end && self.toks[e].text == "и" && self.toks[e + 1].cap && !self.taken[e + 1] {
                e += 1;
            } else {
                return done;
            }
        }
    }

    pub fn is_adj(&mut self, i: usize) -> bool {
        self.toks[i].word && !self.toks[i].upper && self.info(i).pos_prob(Pos::Adj) >= 0.5
    }

    /// A lowercase noun or adjective that can be in one of the `case` bits.
    pub(super) fn in_case(&mut self, i: usize, case: u8) -> bool {
        let t = self.toks[i];
        if !t.word || t.cap {
            return false;
        }
        let info = self.info(i);
        info.parses
            .iter()
            .filter(|p| matches!(p.pos, Pos::Noun | Pos::Adj) && p.case & case != 0)
            .map(|p| p.prob)
            .sum::<f32>()
            >= 0.3
    }

    pub(super) fn noun_in_case(&mut self, i: usize, case: u8) -> bool {
        self.info(i).parses.iter().any(|p| p.pos == Pos::Noun && p.case & case != 0)
    }

    pub(super) fn is_genitive_complement(&mut self, i: usize) -> bool {
        let t = self.toks[i];
        if !t.word || t.cap || t.text.chars().count() < 3 {
            return false;
        }
        let info = self.info(i);
        if info.parses.first().is_some_and(|p| p.pos == Pos::Verb) {
            return false;
        }
        info.parses
            .iter()
            .filter(|p| matches!(p.pos, Pos::Noun | Pos::Adj) && p.case == GEN)
            .map(|p| p.prob)
            .sum::<f32>()
            >= 0.3
    }

    /// An organization named by its head noun: [adjectives] head [genitive complements] [place]:
    /// «Верховный суд», «Союза журналистов Казахстана», «министерства иностранных дел Китая».
    pub(super) fn org_phrase(&mut self, i: usize, lower_head: bool) -> Option<usize> {
        let end = self.end_of(i);
        let mut j = i;
        let mut adjs = Vec::new();
        if lower_head {
            // A lowercase adjective before: «американского министерства иностранных дел».
            if i > 0 && !self.taken[i - 1] && self.toks[i - 1].word && !self.toks[i - 1].cap && self.is_adj(i - 1) {
                let info = self.info(i - 1);
                if info.parses.first().is_some_and(|p| p.analysis.lemma.ends_with("ский")) {
                    adjs.push(i - 1);
                }
            }
        } else {
            while j < end && adjs.len() < 3 && self.is_adj(j) && (j == i || !self.toks[j].latin) {
                adjs.push(j);
                j += 1;
                // «Промышленный и коммерческий банк»
                if j + 1 < end && self.toks[j].text == "и" && !self.toks[j + 1].cap && self.is_adj(j + 1) {
                    j += 1;
                }
            }
        }
        if j >= end || self.taken[j] || !self.lemma_in(j, &self.gaz.org_heads) {
            return None;
        }
        let head = j;
        if !lower_head && adjs.is_empty() && !self.toks[head].cap {
            return None;
        }
        if !adjs.is_empty() && !self.toks[adjs[0]].cap && !lower_head {
            return None;
        }
        // A plural head names a kind of organization, not one («Правозащитные организации»).
        let info = self.info(head);
        if info.parses.first().is_some_and(|p| p.plural) {
            return None;
        }
        // «Эта группа», «Наш банк»: a pronoun is no part of a name.
        if let Some(&a) = adjs.first()
            && self.info(a).parses.iter().any(|p| DETERMINERS.contains(&p.analysis.lemma.as_str()))
        {
            return None;
        }
        // At the start of a sentence every word is capitalized: only heads that are nearly always part of a
        // name count there («Министерство обороны», «Верховный суд»), not «Японское правительство».
        let start_tok = adjs.first().copied().unwrap_or(head);
        if !lower_head && self.toks[start_tok].initial {
            let lemma = self.info(head).parses.first().map(|p| p.analysis.lemma.clone()).unwrap_or_default();
            if !STRONG_HEADS.contains(&lemma.as_str()) {
                return None;
            }
        }
        let mut k = head + 1;
        while k < end && k - head <= 8 && !self.taken[k] {
            if self.is_genitive_complement(k) {
                k += 1;
            } else if k > head + 1 && k + 1 < end && self.toks[k].text == "и" && self.is_genitive_complement(k + 1) {
                k += 2;
            } else if let Some(case) = match self.toks[k].text {
                "по" => Some(DAT),
                "при" => Some(LOC),
                "против" => Some(GEN),
                _ => None,
            } {
                // «Комитет по иностранным делам», «Следственный комитет при прокуратуре».
                let mut e = k + 1;
                while e < end && e - k <= 4 && !self.taken[e] {
                    if self.in_case(e, case) {
                        e += 1;
                    } else if e > k + 1 && e + 1 < end && self.toks[e].text == "и" && self.in_case(e + 1, case) {
                        e += 2;
                    } else {
                        break;
                    }
                }
                if e == k + 1 || !self.noun_in_case(e - 1, case) {
                    break;
                }
                k = e;
            } else {
                break;
            }
        }
        // «Театра имени Станиславского и Немировича-Данченко», «Института языка им. В. В. Виноградова»: the
        // people a body is named after are part of its name.
        let named_from = if k > head + 1 && self.toks[k - 1].text == "имени" {
            Some(k)
        } else if k + 1 < end && self.toks[k].text == "им" && self.toks[k + 1].text == "." {
            Some(k + 2)
        } else if k < end && self.toks[k].text == "имени" {
            Some(k + 1)
        } else {
            None
        };
        if let Some(from) = named_from
            && let Some(e) = self.named_after(from, end)
        {
            k = e;
        }
        let complements = k - head - 1;
        // A place closing the name stays in it only where it is part of the name itself: a union named after its
        // country («Союз журналистов Казахстана») or a lowercase head that names no body without it
        // («министерства иностранных дел Китая»). After a capitalized head the place is a mention of its own:
        // «Министерство транспорта» + «Казахстана», «Федерация бобслея» + «России».
        let keeps_place = lower_head || self.info(head).parses.first().is_some_and(|p| p.analysis.lemma == "союз");
        if keeps_place && complements > 0 && k < end && !self.taken[k] && self.toks[k].cap {
            // A place closing the name: «Союз журналистов Казахстана».
            let geo = self
                .gaz_match(k)
                .is_some_and(|(e, id)| e == k + 1 && self.gaz.entries[id as usize].kind == EntityType::Location)
                || {
                    let info = self.info(k);
                    info.known && info.name_prob(NameKind::Geo) >= 0.5
                };
            if geo && (self.info(k).cases(|p| p.name == NameKind::Geo) & GEN != 0 || self.toks[k].upper) {
                k += 1;
            }
        }
        // A body of a known organization takes its parent in: «Судейский комитет ФИФА», «Парламентской ассамблеи
        // Совета Европы», «Института философии РАН». A place abbreviation is no parent («Сенат США»), nor a legal
        // form before a quoted name («ГУП «Водоканал»»); a bare head before a name is a kind, not a body
        // («Корпорация Google», «Агентство Синьхуа»).
        let named = !adjs.is_empty() || k > head + 1;
        if named
            && k < end
            && !self.taken[k]
            && self.toks[k].cap
            && !self.toks[k].initial
            && !LEGAL_FORMS.contains(&self.toks[k].text)
            && self.toks.get(k + 1).is_none_or(|n| !matches!(n.text, "«" | "\"" | "„" | "“"))
        {
            if let Some((e, id)) = self.gaz_match(k) {
                if self.gaz.entries[id as usize].kind == EntityType::Organization {
                    k = e;
                }
            } else if self.toks[k].upper
                && !self.toks[k].latin
                && self.toks[k].text.chars().count() >= 3
                && (k + 1 >= self.toks.len() || self.toks[k + 1].text != "-")
            {
                k += 1;
            }
        }
        let complements = k - head - 1;
        let start = adjs.first().copied().unwrap_or(head);
        if adjs.is_empty() && complements == 0 && (self.toks[head].initial || lower_head) {
            return None;
        }
        if lower_head && complements == 0 {
            return None;
        }
        let normal = normalize::org_phrase(self, &adjs, head, k);
        self.push(start, k, EntityType::Organization, normal, None);
        Some(k)
    }
}
