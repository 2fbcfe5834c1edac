//! The team as it is saved: the people the leader hands work to, each with
//! the leader's comfort and their readiness; the skills the work needs and
//! who holds them; the decisions and who has which part in each.
//!
//! Everything is referred to by a stable id (`p1`, `s1`, `d1`; the leader
//! is [`YOU`]), so renaming someone keeps their history, and a new
//! assessment starts from the previous one's team with the same ids.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::time::optional_date;

/// The leader's own key in the competence map and the decision rights.
pub const YOU: &str = "you";
/// At most this many people on the team at once.
pub const MAX_MEMBERS: usize = 20;
/// The competence map asks for three to ten skills.
pub const MIN_SKILLS: usize = 3;
pub const MAX_SKILLS: usize = 10;
pub const MAX_DECISIONS: usize = 12;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Team {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<Skill>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// How many ids have been given out, carried forward, so an id once
    /// given (even to someone who has left) is never given again.
    #[serde(skip_serializing_if = "is_zero")]
    pub issued: u32,
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

/// Someone the leader hands work to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The piece of work the ratings are about, if the leader named one.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub work: String,
    /// No longer on the team: kept so this assessment still says who was,
    /// left out of the map and of the next assessment.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub gone: bool,
    /// The leader's comfort handing them work, on the comfort scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comfort: Option<u8>,
    /// Their readiness, keyed by the readiness item's id (skills,
    /// resources, clarity).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub readiness: BTreeMap<String, u8>,
}

/// A skill the team's work needs, with each person's level (by member id,
/// or [`YOU`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Skill {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub levels: BTreeMap<String, u8>,
}

/// Responsible, accountable, consulted, informed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Raci {
    R,
    A,
    C,
    I,
}

impl Raci {
    pub const ALL: [Raci; 4] = [Raci::R, Raci::A, Raci::C, Raci::I];

    pub fn letter(self) -> char {
        match self {
            Raci::R => 'R',
            Raci::A => 'A',
            Raci::C => 'C',
            Raci::I => 'I',
        }
    }

    pub fn from_letter(letter: char) -> Option<Raci> {
        Raci::ALL
            .into_iter()
            .find(|raci| raci.letter() == letter.to_ascii_uppercase())
    }
}

/// An area of decisions, who has which part in it, and how far it is
/// handed over now and should be next, on the ladder's steps 1 to 7.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Decision {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub rights: BTreeMap<String, Raci>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub now: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<u8>,
    #[serde(with = "optional_date", skip_serializing_if = "Option::is_none")]
    pub by: Option<NaiveDate>,
}

impl Team {
    pub fn is_empty(&self) -> bool {
        self.members.is_empty() && self.skills.is_empty() && self.decisions.is_empty()
    }

    /// The people on the team now, in the order the leader added them.
    pub fn current(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|member| !member.gone)
    }

    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|member| member.id == id)
    }

    /// What a new assessment starts from: the same people (those still on
    /// the team), skills and decision areas, with their ids, and none of
    /// the answers, which are asked afresh.
    pub fn carried_forward(&self) -> Team {
        Team {
            members: self
                .current()
                .map(|member| Member {
                    id: member.id.clone(),
                    name: member.name.clone(),
                    role: member.role.clone(),
                    note: member.note.clone(),
                    work: member.work.clone(),
                    ..Member::default()
                })
                .collect(),
            skills: self
                .skills
                .iter()
                .map(|skill| Skill {
                    id: skill.id.clone(),
                    name: skill.name.clone(),
                    levels: BTreeMap::new(),
                })
                .collect(),
            decisions: self
                .decisions
                .iter()
                .map(|decision| Decision {
                    id: decision.id.clone(),
                    title: decision.title.clone(),
                    ..Decision::default()
                })
                .collect(),
            issued: self.issued,
        }
    }

    /// A new id with this prefix (`p` people, `s` skills, `d` decisions):
    /// never one given before in this team's history.
    pub fn issue_id(&mut self, prefix: &str) -> String {
        let taken = self
            .members
            .iter()
            .map(|m| m.id.as_str())
            .chain(self.skills.iter().map(|s| s.id.as_str()))
            .chain(self.decisions.iter().map(|d| d.id.as_str()));
        let highest = taken
            .filter_map(|id| id.get(1..)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        self.issued = self.issued.max(highest) + 1;
        format!("{prefix}{}", self.issued)
    }
}
