//! What the team map shows, worked out from the answers: where each person
//! sits (comfort against readiness), the notes the competence map and the
//! decision rights give rise to, and the handoffs they suggest. Pure: no
//! terminal, no files.
//!
//! A person's readiness is the weakest of their three parts (skills,
//! resources, clarity), not the mean: a handoff stalls on whatever is
//! missing, and a mean would let two strong parts hide a missing one
//! (4, 4 and 0 would read "mostly ready"). Within one point of their
//! comfort they are aligned; further above, the leader is letting go ahead
//! of what the person has, and the parts more than a point short are
//! named; further below, the leader is holding on to work they are ready
//! for.

use crate::content::{SectionKind, Workbook};

use super::model::DelegationMode;
use super::team::{Member, Raci, Team, YOU};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alignment {
    Aligned,
    /// Comfort more than a point above readiness.
    Ahead,
    /// Comfort more than a point below readiness.
    Behind,
}

/// One person placed on the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed<'a> {
    pub member: &'a Member,
    pub comfort: u8,
    /// The weakest of the three parts.
    pub readiness: u8,
    pub alignment: Alignment,
    /// Readiness items (ids, in the workbook's order) more than a point
    /// below the leader's comfort.
    pub short: Vec<String>,
}

impl Placed<'_> {
    /// Comfort minus readiness: above zero the leader is ahead.
    pub fn gap(&self) -> i16 {
        i16::from(self.comfort) - i16::from(self.readiness)
    }
}

/// Where `member` sits, once their comfort and all three parts of their
/// readiness are rated.
pub fn place<'a>(workbook: &Workbook, member: &'a Member) -> Option<Placed<'a>> {
    let comfort = member.comfort?;
    let items = &workbook.section(SectionKind::Readiness).items;
    let mut parts = Vec::with_capacity(items.len());
    for item in items {
        parts.push((item.id.as_str(), *member.readiness.get(&item.id)?));
    }
    let readiness = parts.iter().map(|(_, value)| *value).min()?;
    let gap = i16::from(comfort) - i16::from(readiness);
    let alignment = match gap {
        2.. => Alignment::Ahead,
        ..=-2 => Alignment::Behind,
        _ => Alignment::Aligned,
    };
    let short = if alignment == Alignment::Ahead {
        parts
            .iter()
            .filter(|(_, value)| i16::from(comfort) - i16::from(*value) > 1)
            .map(|(id, _)| id.to_string())
            .collect()
    } else {
        Vec::new()
    };
    Some(Placed {
        member,
        comfort,
        readiness,
        alignment,
        short,
    })
}

/// Everyone on the team now, each placed or not yet.
pub fn placements<'a>(
    workbook: &Workbook,
    team: &'a Team,
) -> Vec<(&'a Member, Option<Placed<'a>>)> {
    team.current()
        .map(|member| (member, place(workbook, member)))
        .collect()
}

/// The words for where a person sits: "aligned …", "letting go ahead …;
/// short on clarity", or "not placed yet".
pub fn alignment_words(workbook: &Workbook, placed: Option<&Placed<'_>>) -> String {
    let text = &workbook.team;
    let Some(placed) = placed else {
        return text.unplaced.clone();
    };
    match placed.alignment {
        Alignment::Aligned => text.aligned.clone(),
        Alignment::Behind => text.behind.clone(),
        Alignment::Ahead => {
            let section = workbook.section(SectionKind::Readiness);
            let names: Vec<String> = placed
                .short
                .iter()
                .filter_map(|id| section.item(id))
                .map(|item| item.title.to_lowercase())
                .collect();
            if names.is_empty() {
                text.ahead.clone()
            } else {
                format!("{}; {} {}", text.ahead, text.short, names.join(" and "))
            }
        }
    }
}

/// The name a person goes by in notes, or "you" for the leader.
pub fn display_name(team: &Team, id: &str) -> String {
    if id == YOU {
        return "You".to_string();
    }
    team.member(id)
        .map(|member| {
            let name = member.name.trim();
            if name.is_empty() {
                "(no name yet)".to_string()
            } else {
                name.to_string()
            }
        })
        .unwrap_or_else(|| id.to_string())
}

/// Who is looked at in the competence map and the decision rights: the
/// people on the team now, then the leader.
pub fn columns(team: &Team) -> Vec<&str> {
    team.current()
        .map(|member| member.id.as_str())
        .chain(std::iter::once(YOU))
        .collect()
}

/// A gentle note drawn from the competence map or the decision rights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamNote {
    /// Only one person can do this skill on their own.
    SingleHolder {
        skill: String,
        holder: String,
    },
    /// Nobody rated can do it on their own.
    NobodyHolds {
        skill: String,
    },
    /// Letters are set on a decision, but no A.
    NoAccountable {
        decision: String,
    },
    ManyAccountable {
        decision: String,
    },
    /// The leader is accountable for nearly every decision.
    YouHoldEveryA,
    /// Someone does the work on a decision they have no say in yet.
    NoSay {
        decision: String,
        person: String,
    },
}

impl TeamNote {
    /// The note in the content's words, with names filled in.
    pub fn words(&self, workbook: &Workbook, team: &Team) -> String {
        let text = &workbook.team;
        let skill_name = |id: &str| {
            team.skills
                .iter()
                .find(|skill| skill.id == id)
                .map_or_else(|| id.to_string(), |skill| skill.name.trim().to_string())
        };
        let decision_name = |id: &str| {
            team.decisions
                .iter()
                .find(|decision| decision.id == id)
                .map_or_else(|| id.to_string(), |d| d.title.trim().to_string())
        };
        match self {
            TeamNote::SingleHolder { skill, holder } if holder == YOU => text
                .single_holder_you
                .replace("{skill}", &skill_name(skill)),
            TeamNote::SingleHolder { skill, holder } => text
                .single_holder
                .replace("{skill}", &skill_name(skill))
                .replace("{person}", &display_name(team, holder)),
            TeamNote::NobodyHolds { skill } => {
                text.nobody_holds.replace("{skill}", &skill_name(skill))
            }
            TeamNote::NoAccountable { decision } => text
                .no_accountable
                .replace("{decision}", &decision_name(decision)),
            TeamNote::ManyAccountable { decision } => text
                .many_accountable
                .replace("{decision}", &decision_name(decision)),
            TeamNote::YouHoldEveryA => text.you_hold_every_a.clone(),
            TeamNote::NoSay { decision, person } => text
                .no_say
                .replace("{decision}", &decision_name(decision))
                .replace("{person}", &display_name(team, person)),
        }
    }
}

/// Notes from the competence map: a skill only one person holds on their
/// own (a single point of failure; the leader, when that is them), and a
/// skill nobody holds. Skills nobody has been rated on yet say nothing.
pub fn competence_notes(workbook: &Workbook, team: &Team) -> Vec<TeamNote> {
    let holds_from = workbook.team.holds_from;
    let people = columns(team);
    let mut notes = Vec::new();
    for skill in &team.skills {
        let rated: Vec<(&str, u8)> = people
            .iter()
            .filter_map(|id| skill.levels.get(*id).map(|level| (*id, *level)))
            .collect();
        if rated.is_empty() {
            continue;
        }
        let holders: Vec<&str> = rated
            .iter()
            .filter(|(_, level)| *level >= holds_from)
            .map(|(id, _)| *id)
            .collect();
        match holders.as_slice() {
            [] => notes.push(TeamNote::NobodyHolds {
                skill: skill.id.clone(),
            }),
            [holder] => notes.push(TeamNote::SingleHolder {
                skill: skill.id.clone(),
                holder: holder.to_string(),
            }),
            _ => {}
        }
    }
    notes
}

/// Which handoff a person is ready for on a skill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Readiness {
    /// Above nothing, below "on their own": a handoff for learning.
    ForLearning,
    /// On their own or above: a handoff for performance.
    ForPerformance,
}

/// For each skill, the people on the team (not the leader) ready for a
/// handoff for learning and for performance, in the team's order.
pub fn handoffs<'a>(
    workbook: &Workbook,
    team: &'a Team,
    readiness: Readiness,
) -> Vec<(&'a str, Vec<&'a str>)> {
    let holds_from = workbook.team.holds_from;
    team.skills
        .iter()
        .map(|skill| {
            let people = team
                .current()
                .filter(|member| {
                    skill
                        .levels
                        .get(&member.id)
                        .is_some_and(|level| match readiness {
                            Readiness::ForLearning => *level > 0 && *level < holds_from,
                            Readiness::ForPerformance => *level >= holds_from,
                        })
                })
                .map(|member| member.id.as_str())
                .collect();
            (skill.id.as_str(), people)
        })
        .filter(|(_, people): &(&str, Vec<&str>)| !people.is_empty())
        .collect()
}

/// Checks on the decision rights: each decision with letters set has
/// exactly one A; the leader is not accountable for nearly every one (all
/// but at most one, from three decisions up); nobody does the work on a
/// decision that sits below the ladder's step where the team has a say.
pub fn decision_notes(workbook: &Workbook, team: &Team) -> Vec<TeamNote> {
    let people = columns(team);
    let mut notes = Vec::new();
    let mut with_letters = 0;
    let mut yours = 0;
    for decision in &team.decisions {
        let rights: Vec<(&str, Raci)> = people
            .iter()
            .filter_map(|id| decision.rights.get(*id).map(|raci| (*id, *raci)))
            .collect();
        if rights.is_empty() {
            continue;
        }
        with_letters += 1;
        let accountable = rights.iter().filter(|(_, raci)| *raci == Raci::A).count();
        if accountable == 0 {
            notes.push(TeamNote::NoAccountable {
                decision: decision.id.clone(),
            });
        } else if accountable > 1 {
            notes.push(TeamNote::ManyAccountable {
                decision: decision.id.clone(),
            });
        }
        if decision.rights.get(YOU) == Some(&Raci::A) {
            yours += 1;
        }
        if decision.now.is_some_and(|now| now < workbook.team.say_from) {
            for (id, raci) in &rights {
                if *raci == Raci::R && *id != YOU {
                    notes.push(TeamNote::NoSay {
                        decision: decision.id.clone(),
                        person: id.to_string(),
                    });
                }
            }
        }
    }
    if with_letters >= 3 && yours + 1 >= with_letters {
        notes.insert(0, TeamNote::YouHoldEveryA);
    }
    notes
}

/// Why the map suggests a mode for a task going to someone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Suggested {
    /// Their readiness is more than a point above the leader's comfort.
    Ready,
    /// They can do these skills (ids) on their own.
    Holds(Vec<String>),
    /// The leader is ahead of them; these readiness parts are short.
    Short(Vec<String>),
    /// They are learning these skills (ids).
    Learning(Vec<String>),
}

impl Suggested {
    pub fn mode(&self) -> DelegationMode {
        match self {
            Suggested::Ready | Suggested::Holds(_) => DelegationMode::Performance,
            Suggested::Short(_) | Suggested::Learning(_) => DelegationMode::Learning,
        }
    }

    /// The suggestion in the content's words.
    pub fn words(&self, workbook: &Workbook, team: &Team) -> String {
        let text = &workbook.team;
        let skills = |ids: &[String]| {
            ids.iter()
                .filter_map(|id| team.skills.iter().find(|skill| &skill.id == id))
                .map(|skill| format!("“{}”", skill.name.trim()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Suggested::Ready => text.suggest_ready.clone(),
            Suggested::Holds(ids) => text.suggest_holds.replace("{skills}", &skills(ids)),
            Suggested::Learning(ids) => text.suggest_learning.replace("{skills}", &skills(ids)),
            Suggested::Short(parts) => {
                let section = workbook.section(SectionKind::Readiness);
                let names: Vec<String> = parts
                    .iter()
                    .filter_map(|id| section.item(id))
                    .map(|item| item.title.to_lowercase())
                    .collect();
                text.suggest_short.replace("{parts}", &names.join(" and "))
            }
        }
    }
}

/// The mode the map suggests for work going to `member` (an id): where
/// they sit first (readier than the leader's comfort: performance is
/// safe; the leader ahead of them: learning, with support on what is
/// short), then their skills (one held on their own: performance; one
/// still being learned: learning). Nothing when the map says nothing.
pub fn suggested_mode(workbook: &Workbook, team: &Team, member: &str) -> Option<Suggested> {
    let person = team.current().find(|m| m.id == member)?;
    if let Some(placed) = place(workbook, person) {
        match placed.alignment {
            Alignment::Behind => return Some(Suggested::Ready),
            Alignment::Ahead => return Some(Suggested::Short(placed.short)),
            Alignment::Aligned => {}
        }
    }
    let holds_from = workbook.team.holds_from;
    let skills_at = |wanted: &dyn Fn(u8) -> bool| -> Vec<String> {
        team.skills
            .iter()
            .filter(|skill| skill.levels.get(member).is_some_and(|level| wanted(*level)))
            .map(|skill| skill.id.clone())
            .collect()
    };
    let holds = skills_at(&|level| level >= holds_from);
    if !holds.is_empty() {
        return Some(Suggested::Holds(holds));
    }
    let learning = skills_at(&|level| level > 0 && level < holds_from);
    (!learning.is_empty()).then_some(Suggested::Learning(learning))
}
