//! Runs of capitalized words: people, places, organizations told apart by first names, morphology and
//! context.

use super::*;

impl Ctx<'_, '_> {
    pub(super) fn label(&mut self, i: usize) -> Label {
        let t = self.toks[i];
        let lower = self.lower(i);
        let lower: &str = lower.as_ref();
        if self.gaz.not_names.contains(lower) {
            return Label::Common;
        }
        if !t.cap {
            return Label::Particle;
        }
        if self.gaz.titles.words.contains(lower) {
            // «Аким», «Президент» at the start of a sentence: a title before a name.
            return Label::Common;
        }
        if t.latin {
            return Label::Latin;
        }
        if self.gaz.chinese_surnames.contains(lower) && !t.initial {
            return Label::Chinese;
        }
        if PARTICLES.contains(&lower) {
            return Label::Particle;
        }
        if self.gaz.first_names.contains_key(lower) {
            return Label::First;
        }
        if t.upper {
            return Label::Abbr;
        }
        let initial = t.initial;
        let info = self.info(i);
        let (geo, sur, giv, pat, org) = (
            info.name_prob(NameKind::Geo),
            info.name_prob(NameKind::Surname),
            info.name_prob(NameKind::Given),
            info.name_prob(NameKind::Patronymic),
            info.name_prob(NameKind::Org),
        );
        let known = info.known;
        let propn = info.propn_prob();
        if pat >= 0.5 {
            return Label::Patronymic;
        }
        if !known {
            return Label::Unknown;
        }
        if propn < 0.2 {
            return Label::Common;
        }
        if initial && propn < 0.5 {
            // A capital that only starts the sentence: a common word unless the dictionary takes it for a
            // name (its lowercase form says nothing: lowercase input loses its proper-noun parses).
            return Label::Common;
        }
        if giv > sur && giv > geo && giv >= 0.3 {
            return Label::First;
        }
        let person = sur + giv;
        if geo >= person && geo >= org && geo >= 0.2 {
            Label::Geo
        } else if person >= org && person >= 0.2 {
            Label::Surname
        } else if org >= 0.2 {
            Label::Org
        } else {
            Label::Common
        }
    }

    /// Whether token `j` (lowercase) glues a foreign name: «бин», «де», «аль-Хадж».
    pub(super) fn is_particle(&self, j: usize) -> bool {
        let t = self.toks[j];
        if !t.word || t.cap {
            return false;
        }
        let lower = t.text.to_lowercase();
        if let Some((p, rest)) = lower.split_once('-') {
            return matches!(p, "аль" | "эль" | "ибн" | "бин" | "ад" | "ас" | "ан")
                && t.text[p.len() + 1..].chars().next().is_some_and(char::is_uppercase)
                && !rest.is_empty();
        }
        PARTICLES.contains(&lower.as_str())
            && j + 1 < self.end_of(j)
            && self.toks[j + 1].cap
            && self.toks[j + 1].word
            && !self.toks[j + 1].latin
    }

    /// A run of capitalized words starting at `i`, split into people, places and organizations.
    pub(super) fn run(&mut self, i: usize) -> usize {
        let end = self.end_of(i);
        let mut j = i;
        while j < end && self.toks[j].word && !self.taken[j] && (j == i || !self.titled[j]) {
            if !(self.toks[j].cap || j > i && self.is_particle(j)) {
                break;
            }
            // After a first name or a patronymic comes the rest of the name, even one that looks like a place
            // («Нуржан Нуртаевич Алтаев»).
            let after_first = j > i
                && (self.gaz.first_names.contains_key(self.lower(j - 1).as_ref())
                    || ["вич", "вна", "ична", "улы", "кызы"].iter().any(|s| self.toks[j - 1].text.ends_with(s)));
            if j > i
                && !after_first
                && self.gaz_match(j).is_some()
                && !self.gaz.first_names.contains_key(self.lower(j).as_ref())
            {
                break;
            }
            j += 1;
        }
        if j == i {
            return i + 1;
        }
        let labels: Vec<Label> = (i..j).map(|k| self.label(k)).collect();
        let title = i > 0 && !self.toks[i - 1].cap && self.lemma_in(i - 1, &self.gaz.titles);
        let loc_prep = i > 0 && LOC_PREPS.contains(&self.lower(i - 1).as_ref());
        let loc_ctx = i > 0 && !self.toks[i - 1].cap && self.lemma_in(i - 1, &self.gaz.loc_context);
        let lab = |k: usize| labels[k - i];
        if loc_ctx && !matches!(lab(i), Label::Abbr | Label::Latin | Label::First | Label::Particle) {
            // «город Феникс», «реки Славянки», «города Хилтон Хэд».
            let mut e = i + 1;
            if e < j && matches!(lab(e), Label::Unknown | Label::Surname | Label::Common) {
                e += 1;
            }
            let normal = if e == i + 1 {
                normalize::single(self, i, EntityType::Location)
            } else {
                self.text[self.toks[i].start..self.toks[e - 1].end].to_string()
            };
            self.push(i, e, EntityType::Location, normal, None);
            return e;
        }
        let mut k = i;
        while k < j {
            let l = lab(k);
            let next = (k + 1 < j).then(|| lab(k + 1));
            match l {
                Label::First => {
                    let mut e = k + 1;
                    while e < j && e - k < 5 {
                        let (prev, cur) = (lab(e - 1), lab(e));
                        if matches!(cur, Label::Abbr | Label::Latin | Label::Org) {
                            break;
                        }
                        // «Люк Ван Велли»: after a first name «Ван» is a particle, not a Chinese surname.
                        let glued = matches!(prev, Label::Particle | Label::Chinese) || cur == Label::Particle;
                        let second = e == k + 1;
                        let more = matches!(prev, Label::First | Label::Patronymic) || cur == Label::Patronymic;
                        if second || glued || more {
                            e += 1;
                        } else {
                            break;
                        }
                    }
                    while e > k + 1 && lab(e - 1) == Label::Particle && self.toks[e - 1].text.len() <= 8 {
                        e -= 1;
                    }
                    if e == k + 1 && self.toks[k].initial && next.is_none() {
                        // A lone first name starting a sentence may be a common word («Вера», «Роман»).
                        if self.info(k).propn_prob() < 0.5 {
                            k += 1;
                            continue;
                        }
                    }
                    self.person(k, e, false);
                    k = e;
                }
                Label::Chinese if next.is_some_and(|n| !matches!(n, Label::Abbr | Label::Latin | Label::Org)) => {
                    // Chinese and Korean names: a surname and one or two short syllables («Ким Чен Ир»).
                    let mut e = k + 2;
                    while e < j && e - k < 4 && self.toks[e].text.chars().count() <= 4 && lab(e) != Label::Geo {
                        e += 1;
                    }
                    self.person(k, e, true);
                    k = e;
                }
                Label::Surname | Label::Patronymic | Label::Chinese => {
                    let mut e = k + 1;
                    if next == Some(Label::First) && self.same_case(k, k + 1) {
                        e += 1;
                        if e < j && lab(e) == Label::Patronymic {
                            e += 1;
                        }
                    } else if next.is_some_and(|n| matches!(n, Label::Unknown | Label::Surname)) {
                        e += 1;
                    }
                    if self.toks[k].initial && e == k + 1 && !title {
                        let info = self.info(k);
                        if info.name_prob(NameKind::Surname) < 0.6 {
                            k += 1;
                            continue;
                        }
                    }
                    self.person(k, e, false);
                    k = e;
                }
                Label::Geo => {
                    let normal = normalize::single(self, k, EntityType::Location);
                    self.push(k, k + 1, EntityType::Location, normal, None);
                    k += 1;
                }
                Label::Abbr if self.model_code(k) => k += 1,
                Label::Org | Label::Abbr => {
                    let normal = if l == Label::Abbr {
                        self.toks[k].text.to_string()
                    } else {
                        normalize::single(self, k, EntityType::Organization)
                    };
                    self.push(k, k + 1, EntityType::Organization, normal, None);
                    k += 1;
                }
                Label::Latin => {
                    let e = self.latin_run(k);
                    self.latin(k, e);
                    k = e.max(k + 1);
                }
                Label::Unknown => {
                    let mut e = k + 1;
                    // A capitalized word after an unknown name is the rest of it («Виторио Сандали»).
                    while e < j
                        && e < k + 3
                        && matches!(
                            lab(e),
                            Label::Unknown | Label::Surname | Label::Particle | Label::First | Label::Common
                        )
                    {
                        e += 1;
                    }
                    if e - k >= 2 {
                        self.person(k, e, false);
                        k = e;
                        continue;
                    }
                    if self.toks[k].initial && !(title && k == i) {
                        k += 1;
                        continue;
                    }
                    let info = self.info(k);
                    let geo = info.name_prob(NameKind::Geo);
                    let person = info.name_prob(NameKind::Surname) + info.name_prob(NameKind::Given);
                    let org = info.name_prob(NameKind::Org);
                    if title && k == i || !loc_prep && person >= geo && person >= org {
                        self.person(k, k + 1, false);
                    } else if loc_prep && k == i || geo >= org {
                        let normal = normalize::single(self, k, EntityType::Location);
                        self.push(k, k + 1, EntityType::Location, normal, None);
                    } else {
                        let normal = normalize::single(self, k, EntityType::Organization);
                        self.push(k, k + 1, EntityType::Organization, normal, None);
                    }
                    k += 1;
                }
                // A common word: the words after it get a fresh look from the main pass («Замглавы Федеральной
                // миграционной службы»).
                Label::Common | Label::Particle => return k + 1,
            }
        }
        j
    }

    /// Capitals joined to a number by a hyphen name a model, not an organization: «Ту-154», «ТМА-20», «Су-35».
    pub(super) fn model_code(&self, k: usize) -> bool {
        let n = self.toks.len();
        k + 2 < n
            && self.toks[k + 1].text == "-"
            && self.toks[k + 1].start == self.toks[k].end
            && self.toks[k + 2].start == self.toks[k + 1].end
            && self.toks[k + 2].number
    }

    /// Whether a surname and the first name after it can be in one case («Лужков Юрий», not «Ельцина Наина»).
    pub(super) fn same_case(&mut self, sur: usize, first: usize) -> bool {
        let Some(f) = self.first_name(first).map(|f| f.cases) else { return true };
        let c = self.info(sur).cases(|p| p.name == NameKind::Surname);
        c == 0 || c & f != 0
    }

    /// A Latin name: in brackets right after a mention it takes that mention's type («Джоэл Саймон (Joel
    /// Simon)»); after a quoted title it is the title's original, not a name; alone it is an organization.
    pub(super) fn latin(&mut self, k: usize, e: usize) {
        let text = &self.text[self.toks[k].start..self.toks[e - 1].end];
        let roman = text.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'));
        if text.chars().count() < 2 || roman {
            return;
        }
        let mut kind = EntityType::Organization;
        if k >= 1 && !self.toks[k - 1].cap && self.lemma_in(k - 1, &self.gaz.title_nouns) {
            return;
        }
        if k >= 2 && self.toks[k - 1].text == "(" {
            let before = self.toks[k - 2].end;
            // The mention before the bracket was found moments ago: look at the last few only.
            if let Some(f) = self.out.iter().rev().take(16).find(|f| f.end == before) {
                kind = f.kind;
            } else if matches!(self.toks[k - 2].text, "»" | "\"" | "“" | "”") {
                return;
            }
        }
        self.push(k, e, kind, text.to_string(), None);
    }

    /// Latin words from `k` with lowercase joiners between capitalized ones: «Bank of East Asia».
    pub(super) fn latin_run(&self, k: usize) -> usize {
        let end = self.end_of(k);
        let mut e = k + 1;
        loop {
            if e < end && self.toks[e].latin && self.toks[e].cap && !self.taken[e] {
                e += 1;
            } else if e + 1 < end
                && self.toks[e].latin
                && matches!(self.toks[e].text, "of" | "and" | "the" | "de" | "for" | "und" | "to" | "&")
                && self.toks[e + 1].latin
                && self.toks[e + 1].cap
            {
                e += 2;
            } else if e + 1 < end
                && matches!(self.toks[e].text, "." | "-")
                && self.toks[e].start == self.toks[e - 1].end
                && self.toks[e + 1].start == self.toks[e].end
                && (self.toks[e + 1].latin || self.toks[e + 1].number)
            {
                // «Lenta.ru», «NEWSru.com»
                e += 2;
            } else {
                break;
            }
        }
        e
    }

    pub(super) fn person(&mut self, s: usize, e: usize, chinese: bool) {
        let normal = normalize::person(self, s, e, chinese);
        self.push(s, e, EntityType::Person, normal, None);
    }
}
