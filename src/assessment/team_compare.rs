//! Two assessments' team maps side by side, matched by id, so a rename
//! keeps a person's history: who joined and who left, where each person
//! sat then and now, each skill's level per person, and how far each
//! decision had been handed over.

use crate::content::Workbook;

use super::model::Assessment;
use super::team::{Member, Team, YOU};
use super::team_map::{Alignment, columns, display_name, place};

/// Whether a person was on the team at each time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Both,
    Joined,
    Left,
}

/// Where a person sat on the map: comfort, readiness and how they align.
pub type Sat = (u8, u8, Alignment);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonChange {
    pub id: String,
    /// The name now, or the last one they had.
    pub name: String,
    /// The earlier name, when it differs.
    pub was: Option<String>,
    pub presence: Presence,
    pub then: Option<Sat>,
    pub now: Option<Sat>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelChange {
    pub skill: String,
    pub person: String,
    pub then: Option<u8>,
    pub now: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionChange {
    pub title: String,
    pub then: Option<u8>,
    pub now: Option<u8>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamComparison {
    pub people: Vec<PersonChange>,
    /// Every level either assessment gave, skill by skill.
    pub levels: Vec<LevelChange>,
    pub decisions: Vec<DecisionChange>,
}

impl TeamComparison {
    pub fn is_empty(&self) -> bool {
        self.people.is_empty() && self.levels.is_empty() && self.decisions.is_empty()
    }
}

fn on<'a>(team: &'a Team, id: &str) -> Option<&'a Member> {
    team.member(id).filter(|member| !member.gone)
}

fn sat(workbook: &Workbook, member: Option<&Member>) -> Option<Sat> {
    let placed = place(workbook, member.filter(|m| !m.gone)?)?;
    Some((placed.comfort, placed.readiness, placed.alignment))
}

/// The earlier team's people first, in their order, then those who joined.
pub fn compare_teams(
    workbook: &Workbook,
    earlier: &Assessment,
    later: &Assessment,
) -> TeamComparison {
    let (before, after) = (&earlier.team, &later.team);
    let mut ids: Vec<&str> = before.members.iter().map(|m| m.id.as_str()).collect();
    for member in &after.members {
        if !ids.contains(&member.id.as_str()) {
            ids.push(&member.id);
        }
    }
    let people = ids
        .into_iter()
        .filter_map(|id| {
            let (then, now) = (on(before, id), on(after, id));
            let presence = match (then, now) {
                (Some(_), Some(_)) => Presence::Both,
                (None, Some(_)) => Presence::Joined,
                (Some(_), None) => Presence::Left,
                (None, None) => return None,
            };
            let name = now.or(then).map(|m| m.name.clone()).unwrap_or_default();
            let was = then
                .map(|m| m.name.clone())
                .filter(|old| now.is_some() && old.trim() != name.trim());
            Some(PersonChange {
                id: id.to_string(),
                name,
                was,
                presence,
                then: sat(workbook, then),
                now: sat(workbook, now),
            })
        })
        .collect();

    let mut levels = Vec::new();
    let mut skill_ids: Vec<&str> = before.skills.iter().map(|s| s.id.as_str()).collect();
    for skill in &after.skills {
        if !skill_ids.contains(&skill.id.as_str()) {
            skill_ids.push(&skill.id);
        }
    }
    let mut people_ids: Vec<&str> = columns(before);
    for id in columns(after) {
        if !people_ids.contains(&id) {
            people_ids.push(id);
        }
    }
    for skill in skill_ids {
        let then = before.skills.iter().find(|s| s.id == skill);
        let now = after.skills.iter().find(|s| s.id == skill);
        let name = now.or(then).map(|s| s.name.clone()).unwrap_or_default();
        for person in &people_ids {
            // A level counts on a side where the person was on the team.
            let level = |side: Option<&super::team::Skill>, team: &Team| {
                let present = *person == YOU || on(team, person).is_some();
                side.filter(|_| present)
                    .and_then(|s| s.levels.get(*person).copied())
            };
            let (then, now) = (level(then, before), level(now, after));
            if then.is_none() && now.is_none() {
                continue;
            }
            let team = if after.member(person).is_some() || *person == YOU {
                after
            } else {
                before
            };
            levels.push(LevelChange {
                skill: name.clone(),
                person: display_name(team, person),
                then,
                now,
            });
        }
    }

    let mut decisions = Vec::new();
    let mut decision_ids: Vec<&str> = before.decisions.iter().map(|d| d.id.as_str()).collect();
    for decision in &after.decisions {
        if !decision_ids.contains(&decision.id.as_str()) {
            decision_ids.push(&decision.id);
        }
    }
    for id in decision_ids {
        let then = before.decisions.iter().find(|d| d.id == id);
        let now = after.decisions.iter().find(|d| d.id == id);
        decisions.push(DecisionChange {
            title: now.or(then).map(|d| d.title.clone()).unwrap_or_default(),
            then: then.and_then(|d| d.now),
            now: now.and_then(|d| d.now),
        });
    }
    TeamComparison {
        people,
        levels,
        decisions,
    }
}
