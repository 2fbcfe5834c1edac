//! One self-assessment as it is saved. Answers are keyed by item id, never
//! by position, so rewording or reordering content never breaks old files.
//!
//! Reading is forgiving: every field has a default, so a file written by an
//! older handoff (or trimmed by hand) still loads.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::team::Team;
use super::time::{optional_date, optional_timestamp, timestamp};
use crate::content::SectionKind;

/// The on-disk format this build writes. Files with a higher number were
/// written by a newer handoff and are opened read-only.
///
/// 2 added the team map (`[team]`, a task's `member`): a handoff that
/// knows only 1 would drop them on saving, so it opens these files
/// read-only. Every format-1 file still loads, and is written as 2 from
/// its first change.
pub const SCHEMA_VERSION: u32 = 2;

/// The most commitments one assessment carries: a short list gets acted on.
pub const MAX_COMMITMENTS: usize = 3;

/// A rating on the section's scale, a note, or both. `rating = None` means
/// the question was skipped, which is not the same as answering zero.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        self.rating.is_none() && self.note.is_empty()
    }
}

pub type Answers = BTreeMap<String, Answer>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DelegationMode {
    Performance,
    Learning,
}

impl DelegationMode {
    pub fn id(self) -> &'static str {
        match self {
            DelegationMode::Performance => "performance",
            DelegationMode::Learning => "learning",
        }
    }
}

/// A concrete piece of work the leader could hand over.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    pub title: String,
    pub to_whom: String,
    /// The person on the team map this task goes to, by id, when picked
    /// from the team (`to_whom` then holds their name as it was).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<DelegationMode>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// One thing the leader will do before the next check-in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Commitment {
    /// The remedy id this commitment puts into practice.
    pub remedy: String,
    pub first_step: String,
    pub with_whom: String,
    #[serde(with = "optional_date", skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    pub checkpoint: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FollowUpStatus {
    Kept,
    Partly,
    NotYet,
}

impl FollowUpStatus {
    pub const ALL: [FollowUpStatus; 3] = [
        FollowUpStatus::Kept,
        FollowUpStatus::Partly,
        FollowUpStatus::NotYet,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FollowUpStatus::Kept => "kept",
            FollowUpStatus::Partly => "partly",
            FollowUpStatus::NotYet => "not yet",
        }
    }
}

/// How a commitment from the previous assessment went. The commitment is
/// copied in full so this file reads on its own even if the old one is lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUp {
    pub commitment: Commitment,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<FollowUpStatus>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckIn {
    pub role: String,
    pub situation: String,
    /// The assessment whose commitments are followed up here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    pub schema_version: u32,
    pub id: String,
    pub person: String,
    #[serde(with = "timestamp")]
    pub created: DateTime<FixedOffset>,
    #[serde(with = "timestamp")]
    pub updated: DateTime<FixedOffset>,
    #[serde(with = "optional_timestamp", skip_serializing_if = "Option::is_none")]
    pub completed: Option<DateTime<FixedOffset>>,
    pub content_version: String,
    pub check_in: CheckIn,
    /// Where the leader places themself between the gap's two directions.
    pub placement: Answer,
    pub readiness: Answers,
    pub drivers: Answers,
    pub symptoms: Answers,
    pub aggravators: Answers,
    pub remedies: Answers,
    pub support: Answers,
    pub tasks: Vec<Task>,
    pub commitments: Vec<Commitment>,
    /// The team map; absent from files written before it existed.
    #[serde(skip_serializing_if = "Team::is_empty")]
    pub team: Team,
}

impl Default for Assessment {
    fn default() -> Self {
        let epoch = DateTime::<FixedOffset>::default();
        Self {
            schema_version: SCHEMA_VERSION,
            id: String::new(),
            person: String::new(),
            created: epoch,
            updated: epoch,
            completed: None,
            content_version: String::new(),
            check_in: CheckIn::default(),
            placement: Answer::default(),
            readiness: Answers::new(),
            drivers: Answers::new(),
            symptoms: Answers::new(),
            aggravators: Answers::new(),
            remedies: Answers::new(),
            support: Answers::new(),
            tasks: Vec::new(),
            commitments: Vec::new(),
            team: Team::default(),
        }
    }
}

impl Assessment {
    /// A fresh assessment for `person`, stamped with the local time.
    pub fn start(person: &str, content_version: &str, now: DateTime<FixedOffset>) -> Self {
        Self {
            id: new_id(now),
            person: person.to_string(),
            created: now,
            updated: now,
            content_version: content_version.to_string(),
            ..Self::default()
        }
    }

    pub fn is_complete(&self) -> bool {
        self.completed.is_some()
    }

    pub fn answers(&self, kind: SectionKind) -> &Answers {
        match kind {
            SectionKind::Readiness => &self.readiness,
            SectionKind::Drivers => &self.drivers,
            SectionKind::Symptoms => &self.symptoms,
            SectionKind::Aggravators => &self.aggravators,
            SectionKind::Remedies => &self.remedies,
            SectionKind::Support => &self.support,
        }
    }

    pub fn answers_mut(&mut self, kind: SectionKind) -> &mut Answers {
        match kind {
            SectionKind::Readiness => &mut self.readiness,
            SectionKind::Drivers => &mut self.drivers,
            SectionKind::Symptoms => &mut self.symptoms,
            SectionKind::Aggravators => &mut self.aggravators,
            SectionKind::Remedies => &mut self.remedies,
            SectionKind::Support => &mut self.support,
        }
    }

    pub fn rating(&self, kind: SectionKind, item: &str) -> Option<u8> {
        self.answers(kind)
            .get(item)
            .and_then(|answer| answer.rating)
    }

    /// Sets or clears a rating, dropping the entry when nothing is left so
    /// the file lists only what was actually answered.
    pub fn set_rating(&mut self, kind: SectionKind, item: &str, rating: Option<u8>) {
        let answers = self.answers_mut(kind);
        let answer = answers.entry(item.to_string()).or_default();
        answer.rating = rating;
        if answer.is_empty() {
            answers.remove(item);
        }
    }

    pub fn set_note(&mut self, kind: SectionKind, item: &str, note: &str) {
        let answers = self.answers_mut(kind);
        let answer = answers.entry(item.to_string()).or_default();
        answer.note = note.to_string();
        if answer.is_empty() {
            answers.remove(item);
        }
    }
}

/// Sortable by creation time and unique enough for one person: the store
/// still refuses to overwrite an existing id.
pub fn new_id(now: DateTime<FixedOffset>) -> String {
    let nanos = now.timestamp_subsec_nanos() ^ std::process::id().rotate_left(16);
    format!("{}-{:04x}", now.format("%Y%m%d-%H%M%S"), nanos & 0xffff)
}
