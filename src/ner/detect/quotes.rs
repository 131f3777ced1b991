//! Names in quote marks: organizations («партия «Яблоко»», «сообщает «Интерфакс»») and titles.

use super::*;

impl Ctx<'_, '_> {
    /// Names in quote marks: an organization after a noun like «партия», «газета», or a known organization;
    /// any other quoted text is a title, where only known names are taken.
    pub(super) fn quotes(&mut self) {
        let mut stack: Vec<(usize, char)> = Vec::new();
        let mut pairs = Vec::new();
        let mut para = 0;
        for i in 0..self.toks.len() {
            // Quote marks pair within a paragraph: an unclosed one does not swallow the next.
            while para < self.para_ends.len() && self.toks[i].start >= self.para_ends[para] {
                para += 1;
                stack.clear();
            }
            if self.toks[i].word || self.toks[i].text.chars().count() != 1 {
                continue;
            }
            let c = self.toks[i].text.chars().next().unwrap_or(' ');
            let open_straight = stack.last().is_some_and(|&(_, o)| o == '"');
            if stack.len() >= 16 {
                // Runaway opening marks: only the innermost can still pair.
                stack.remove(0);
            }
            match c {
                '«' | '„' => stack.push((i, c)),
                '“' if stack.last().is_some_and(|&(_, o)| o == '„') => {
                    pairs.push((stack.pop().map_or(0, |s| s.0), i));
                }
                '“' => stack.push((i, c)),
                '»' | '”' => {
                    if let Some(pos) = stack.iter().rposition(|&(_, o)| if c == '»' { o == '«' } else { o == '“' })
                    {
                        pairs.push((stack[pos].0, i));
                        stack.truncate(pos);
                    }
                }
                '"' if open_straight => pairs.push((stack.pop().map_or(0, |s| s.0), i)),
                '"' => stack.push((i, c)),
                _ => {}
            }
        }
        pairs.sort_unstable();
        // The closing mark of the last organization in quotes: a list goes on with more of them
        // («движение «За права человека», «Жилищная солидарность»»).
        let mut last_org: Option<usize> = None;
        for (o, c) in pairs {
            if c <= o + 1 || c - o > 9 || self.toks[o].sent != self.toks[c].sent && c - o > 4 {
                continue;
            }
            let (s, e) = (o + 1, c);
            if self.taken[s..e].iter().any(|&t| t)
                || !self.toks[s].word && self.toks[s].text.chars().all(|ch| !ch.is_numeric())
            {
                continue;
            }
            let listed = last_org.is_some_and(|l| l + 2 == o && matches!(self.toks[l + 1].text, "," | "и"));
            let org_noun = listed
                || o > 0
                    && (self.lemma_in(o - 1, &self.gaz.quote_org_nouns)
                        || self.toks[o - 1].word && self.gaz.media_cues.contains(self.lower(o - 1).as_ref()));
            let content = &self.text[self.toks[s].start..self.toks[e - 1].end];
            let known = self.gaz_exact(content);
            let cap = self.toks[s].cap || self.toks[s].latin || !self.toks[s].word;
            let known_org = known.is_some_and(|(k, _)| k == EntityType::Organization);
            if org_noun && cap || known_org || cap && self.quoted_org_by_context(o, s, e, known) {
                let normal = normalize::quoted(self, s, e);
                // A club named after its city is not the city: no gazetteer group for a quoted place.
                self.push(s, e, EntityType::Organization, normal, known.filter(|_| known_org).map(|(_, g)| g));
                last_org = Some(c);
            } else {
                for t in &mut self.titled[s..e] {
                    *t = true;
                }
            }
        }
    }

    /// A quoted name that is an organization by what stands around it: after a member noun («тренер «Кайрата»»);
    /// a place name not after a site noun («Астана» обыграла…, but «аэропорт «Домодедово»»); one unknown word in
    /// a sentence about a match («в гостях у «Тобола»»). Never after a noun for a thing («фильм «Москва»»).
    fn quoted_org_by_context(&mut self, o: usize, s: usize, e: usize, known: Option<(EntityType, u32)>) -> bool {
        if !self.toks[s].word {
            return false;
        }
        let before = o.checked_sub(1).filter(|&b| self.toks[b].word);
        if let Some(b) = before
            && self.lemma_in(b, &self.gaz.title_nouns)
        {
            return false;
        }
        // «в статье Частного корреспондента «…»»: a member noun inside a capitalized name is that name's part.
        if let Some(b) = before
            && !(b > 0 && self.toks[b - 1].cap && !self.toks[b - 1].initial)
            && self.lemma_in(b, &self.gaz.member_nouns)
        {
            return true;
        }
        if e != s + 1 {
            return false;
        }
        match known {
            Some((EntityType::Location, _)) => !before.is_some_and(|b| self.lemma_in(b, &self.gaz.facility_nouns)),
            Some(_) => false,
            None => !self.toks[s].upper && self.sport_sentence(s),
        }
    }

    /// Whether the sentence of token `i` speaks of a sports match.
    fn sport_sentence(&mut self, i: usize) -> bool {
        let sent = self.toks[i].sent;
        let mut a = i;
        while a > 0 && self.toks[a - 1].sent == sent {
            a -= 1;
        }
        let mut b = i;
        while b + 1 < self.toks.len() && self.toks[b + 1].sent == sent {
            b += 1;
        }
        (a..=b).any(|t| t != i && !self.toks[t].cap && self.lemma_in(t, &self.gaz.sport_cues))
    }

    /// The gazetteer entry that is exactly `content` (by keys of its words), if any.
    pub(super) fn gaz_exact(&mut self, content: &str) -> Option<(EntityType, u32)> {
        let words: Vec<&str> = content.split_whitespace().collect();
        let k0 = key(words.first()?);
        let ids = self.gaz.by_first.get(&k0)?;
        ids.iter().map(|&id| &self.gaz.entries[id as usize]).find_map(|e| {
            (e.words.len() == words.len() && e.words.iter().zip(&words).all(|(ks, w)| ks.contains(&key(w))))
                .then_some((e.kind, e.group))
        })
    }
}
