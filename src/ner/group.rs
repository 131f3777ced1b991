//! Grouping mentions into entities: a person by surname (a full name and the surname alone join, two
//! different first names with one surname do not), places and organizations by normal form and gazetteer
//! aliases («Китай», «КНР»), an abbreviation with the name it abbreviates.

use foldhash::HashMap;

use super::detect::Found;
use super::gazetteer::key;
use crate::analysis::{Entity, EntityType, Mention};

struct Group {
    kind: EntityType,
    name: String,
    mentions: usize,
    keys: Vec<String>,
    gaz: Option<u32>,
    first: Option<String>,
    surname: String,
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().count() > 2)
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The first four letters of a surname key: fuzzy matches share them.
fn stem(surname: &str) -> String {
    surname.chars().take(4).collect()
}

fn is_upper(s: &str) -> bool {
    s.chars().all(|c| !c.is_lowercase())
}

/// Indexes over the groups, so grouping stays linear in the number of mentions.
#[derive(Default)]
struct Index {
    by_surname: HashMap<String, Vec<usize>>,
    by_stem: HashMap<String, Vec<usize>>,
    by_key: HashMap<(EntityType, String), usize>,
    by_gaz: HashMap<(EntityType, u32), usize>,
    /// Organizations by the initials of their name, and abbreviations by themselves.
    by_initials: HashMap<String, usize>,
    by_abbreviation: HashMap<String, usize>,
}

impl Index {
    fn add_names(&mut self, id: usize, kind: EntityType, key: String, gaz: Option<u32>, normal: &str) {
        self.by_key.entry((kind, key)).or_insert(id);
        if let Some(g) = gaz {
            self.by_gaz.entry((kind, g)).or_insert(id);
        }
        if kind == EntityType::Organization {
            if is_upper(normal) {
                self.by_abbreviation.entry(normal.to_string()).or_insert(id);
            } else if normal.contains(' ') {
                self.by_initials.entry(initials(normal)).or_insert(id);
            }
        }
    }
}

/// Mentions in text order with their entity ids, and the entities in order of first mention.
pub(crate) fn group(found: Vec<Found>) -> (Vec<Mention>, Vec<Entity>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut index = Index::default();
    let mut mentions = Vec::with_capacity(found.len());
    for f in found {
        let mut normal = f.normal.clone();
        let k = key(&f.normal);
        let words: Vec<&str> = f.normal.split_whitespace().collect();
        let id = match f.kind {
            EntityType::Person => {
                let surname = key(words.last().copied().unwrap_or(""));
                let first = (words.len() >= 2).then(|| key(words[0]));
                let exact = index.by_surname.get(&surname).and_then(|ids| {
                    ids.iter()
                        .rev()
                        .copied()
                        .find(|&i| first.is_none() || groups[i].first.is_none() || groups[i].first == first)
                });
                let fuzzy = || {
                    if first.is_some() {
                        return None;
                    }
                    index.by_stem.get(&stem(&surname)).and_then(|ids| {
                        ids.iter().rev().copied().find(|&i| {
                            let g = &groups[i];
                            let n = surname.chars().count().min(g.surname.chars().count());
                            n >= 4 && common_prefix(&g.surname, &surname) >= n.saturating_sub(2).max(4)
                        })
                    })
                };
                match exact.or_else(fuzzy) {
                    Some(i) => {
                        let g = &mut groups[i];
                        // A surname alone takes the nominative of the full name it joins («Токаева» → «Токаев»).
                        if words.len() == 1
                            && g.first.is_some()
                            && let Some(last) = g.name.split_whitespace().last()
                        {
                            normal = last.to_string();
                        }
                        if g.first.is_none() && first.is_some() {
                            g.first = first;
                            g.name = f.normal.clone();
                        } else if words.len() > g.name.split_whitespace().count() {
                            g.name = f.normal.clone();
                        }
                        i
                    }
                    None => {
                        let id = groups.len();
                        index.by_surname.entry(surname.clone()).or_default().push(id);
                        index.by_stem.entry(stem(&surname)).or_default().push(id);
                        groups.push(Group {
                            kind: f.kind,
                            name: f.normal.clone(),
                            mentions: 0,
                            keys: vec![k],
                            gaz: None,
                            first,
                            surname,
                        });
                        id
                    }
                }
            }
            kind => {
                let abbreviation = kind == EntityType::Organization && f.normal.chars().count() >= 2;
                let found = f
                    .group
                    .and_then(|g| index.by_gaz.get(&(kind, g)).copied())
                    .or_else(|| index.by_key.get(&(kind, k.clone())).copied())
                    .or_else(|| {
                        if !abbreviation {
                            None
                        } else if is_upper(&f.normal) {
                            index.by_initials.get(&f.normal).copied()
                        } else {
                            index.by_abbreviation.get(&initials(&f.normal)).copied()
                        }
                    });
                match found {
                    Some(i) => {
                        let g = &mut groups[i];
                        if !g.keys.contains(&k) {
                            g.keys.push(k.clone());
                        }
                        if g.gaz.is_none() {
                            g.gaz = f.group;
                        }
                        if is_upper(&g.name) && !is_upper(&f.normal) {
                            g.name = f.normal.clone();
                        }
                        index.add_names(i, kind, k, f.group, &f.normal);
                        i
                    }
                    None => {
                        let id = groups.len();
                        index.add_names(id, kind, k.clone(), f.group, &f.normal);
                        groups.push(Group {
                            kind,
                            name: f.normal.clone(),
                            mentions: 0,
                            keys: vec![k],
                            gaz: f.group,
                            first: None,
                            surname: String::new(),
                        });
                        id
                    }
                }
            }
        };
        groups[id].mentions += 1;
        mentions.push(Mention { start: f.start, end: f.end, text: String::new(), kind: f.kind, normal, entity: id });
    }
    let entities = groups
        .into_iter()
        .enumerate()
        .map(|(id, g)| Entity { id, kind: g.kind, name: g.name, mentions: g.mentions })
        .collect();
    (mentions, entities)
}
