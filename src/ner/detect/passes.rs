//! Passes over the mentions found: words before a mention that belong to it, and later mentions of a name
//! found once (a surname alone, another form of an organization's name).

use super::*;

impl Ctx<'_, '_> {
    /// Words before a mention that belong to it: an initial («А. Кудрин»), a compass adjective before a place
    /// («Восточный Иерусалим», «западной Европы»), a nationality adjective before an organization («японского
    /// МИДа»).
    pub(super) fn extend(&mut self) {
        let mut out = std::mem::take(&mut self.out);
        for f in &mut out {
            let Ok(s) = self.toks.binary_search_by_key(&f.start, |t| t.start) else { continue };
            if s == 0 || self.taken[s - 1] {
                continue;
            }
            let p = s - 1;
            match f.kind {
                EntityType::Person if s >= 2 => {
                    let init = self.toks[s - 2];
                    if self.toks[p].text == "."
                        && self.toks[p].start == init.end
                        && init.word
                        && init.cap
                        && init.text.chars().count() == 1
                        && !self.taken[s - 2]
                    {
                        f.start = init.start;
                        f.normal = format!("{}. {}", init.text, f.normal);
                        self.taken[s - 2] = true;
                        self.taken[p] = true;
                    }
                }
                EntityType::Location | EntityType::Organization if self.toks[p].word && self.is_adj(p) => {
                    let lemma =
                        self.info(p).parses.iter().find(|q| q.pos == Pos::Adj).map(|q| q.analysis.lemma.clone());
                    let Some(lemma) = lemma else { continue };
                    let ok = match f.kind {
                        EntityType::Location => DIRECTIONS.contains(&lemma.as_str()),
                        _ => !self.toks[p].cap && (lemma.ends_with("ский") || lemma.ends_with("цкий")),
                    };
                    if ok {
                        let adj = normalize::adj_head(self, &[p], s);
                        let head = adj.rsplit_once(' ').map_or("", |x| x.0).to_string();
                        f.start = self.toks[p].start;
                        f.normal = format!("{head} {}", f.normal);
                        f.group = None;
                        self.taken[p] = true;
                    }
                }
                _ => {}
            }
        }
        self.out = out;
    }

    /// Second pass: a capitalized word left over that is the surname of a person found, or a one-word
    /// organization or place found elsewhere in the article, is another mention of it.
    pub(super) fn propagate(&mut self) {
        let mut known: HashMap<String, (EntityType, String)> = HashMap::new();
        let out = std::mem::take(&mut self.out);
        for f in &out {
            let words: Vec<&str> = f.normal.split_whitespace().collect();
            let (name, last) = match f.kind {
                EntityType::Person if words.len() >= 2 => (words[words.len() - 1].to_string(), true),
                EntityType::Location | EntityType::Organization if words.len() == 1 => (f.normal.clone(), false),
                _ => continue,
            };
            known.entry(key(&name)).or_insert((f.kind, name.clone()));
            // The lemmas of the mention's last word find its other forms («Ведомостей» after «Ведомости»);
            // for a person only surname lemmas count.
            let Some(t) = self.toks.partition_point(|t| t.end <= f.end).checked_sub(1) else { continue };
            if t >= self.toks.len() || self.toks[t].end != f.end || !self.toks[t].word {
                continue;
            }
            let lemmas: Vec<String> = self
                .info(t)
                .parses
                .iter()
                .filter(|p| !last || p.name == NameKind::Surname)
                .map(|p| key(&p.analysis.lemma))
                .collect();
            for l in lemmas {
                known.entry(l).or_insert((f.kind, name.clone()));
            }
        }
        self.out = out;
        if known.is_empty() {
            return;
        }
        for i in 0..self.toks.len() {
            let t = self.toks[i];
            if self.taken[i] || !t.word || !t.cap {
                continue;
            }
            let kid = self.key_id(i);
            let mut hit = self.key_set(kid).iter().find_map(|k| known.get(k)).cloned();
            if hit.is_none() {
                // Any lemma here, plural ones too: «Ведомостей» is a form of «Ведомости» found before.
                hit = self.info(i).parses.iter().find_map(|p| known.get(&key(&p.analysis.lemma))).cloned();
            }
            if let Some((kind, normal)) = hit {
                let normal = if kind == EntityType::Person { normal } else { normalize::single(self, i, kind) };
                self.push(i, i + 1, kind, normal, None);
            }
        }
    }
}
