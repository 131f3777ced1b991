//! Grouping mentions into entities: a person by surname (a full name and the surname alone join, two
//! different first names with one surname do not), places and organizations by normal form and gazetteer
//! aliases («Китай», «КНР»), an abbreviation with the name it abbreviates.

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

/// Mentions in text order with their entity ids, and the entities in order of first mention.
pub(crate) fn group(found: Vec<Found>) -> (Vec<Mention>, Vec<Entity>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut mentions = Vec::with_capacity(found.len());
    for f in found {
        let mut normal = f.normal.clone();
        let k = key(&f.normal);
        let words: Vec<&str> = f.normal.split_whitespace().collect();
        let id = match f.kind {
            EntityType::Person => {
                let surname = key(words.last().copied().unwrap_or(""));
                let first = (words.len() >= 2).then(|| key(words[0]));
                let exact = groups.iter().rposition(|g| {
                    g.kind == EntityType::Person
                        && g.surname == surname
                        && (first.is_none() || g.first.is_none() || g.first == first)
                });
                let fuzzy = || {
                    groups.iter().rposition(|g| {
                        let n = surname.chars().count().min(g.surname.chars().count());
                        g.kind == EntityType::Person
                            && first.is_none()
                            && n >= 4
                            && common_prefix(&g.surname, &surname) >= n.saturating_sub(2).max(4)
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
                        groups.push(Group {
                            kind: f.kind,
                            name: f.normal.clone(),
                            mentions: 0,
                            keys: vec![k],
                            gaz: None,
                            first,
                            surname,
                        });
                        groups.len() - 1
                    }
                }
            }
            kind => {
                let found = groups.iter().position(|g| {
                    g.kind == kind
                        && (f.group.is_some() && g.gaz == f.group
                            || g.keys.contains(&k)
                            || kind == EntityType::Organization
                                && (f.normal.chars().count() >= 2
                                    && f.normal.chars().all(|c| !c.is_lowercase())
                                    && initials(&g.name) == f.normal
                                    || g.name.chars().all(|c| !c.is_lowercase()) && initials(&f.normal) == g.name))
                });
                match found {
                    Some(i) => {
                        let g = &mut groups[i];
                        if !g.keys.contains(&k) {
                            g.keys.push(k);
                        }
                        if g.gaz.is_none() {
                            g.gaz = f.group;
                        }
                        let upper = |s: &str| s.chars().all(|c| !c.is_lowercase());
                        if upper(&g.name) && !upper(&f.normal) {
                            g.name = f.normal.clone();
                        }
                        i
                    }
                    None => {
                        groups.push(Group {
                            kind,
                            name: f.normal.clone(),
                            mentions: 0,
                            keys: vec![k],
                            gaz: f.group,
                            first: None,
                            surname: String::new(),
                        });
                        groups.len() - 1
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
