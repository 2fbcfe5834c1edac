//! Every piece of text a person can write into an assessment, addressed as
//! data, so any front end (the terminal UI, a future line-by-line mode) edits
//! answers the same way and date checks live in one place.

use chrono::NaiveDate;

use super::model::{Assessment, Commitment, Task};
use super::team::Member;
use crate::content::SectionKind;

/// Something with a rating: the placement between the two directions, or
/// an item of a rated section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rated {
    Placement,
    Item(SectionKind, String),
}

impl Rated {
    pub fn rating(&self, assessment: &Assessment) -> Option<u8> {
        match self {
            Rated::Placement => assessment.placement.rating,
            Rated::Item(kind, id) => assessment.rating(*kind, id),
        }
    }

    pub fn set_rating(&self, assessment: &mut Assessment, rating: Option<u8>) {
        match self {
            Rated::Placement => assessment.placement.rating = rating,
            Rated::Item(kind, id) => assessment.set_rating(*kind, id, rating),
        }
    }

    pub fn note<'a>(&self, assessment: &'a Assessment) -> &'a str {
        match self {
            Rated::Placement => &assessment.placement.note,
            Rated::Item(kind, id) => assessment
                .answers(*kind)
                .get(id)
                .map_or("", |answer| answer.note.as_str()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskField {
    Title,
    ToWhom,
    Note,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommitmentField {
    FirstStep,
    WithWhom,
    Due,
    Checkpoint,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberField {
    Name,
    Role,
    Work,
    Note,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionField {
    Title,
    By,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Note(Rated),
    Role,
    Situation,
    FollowUpNote(usize),
    Task(usize, TaskField),
    Commitment(usize, CommitmentField),
    /// A person of the team, by position in its list.
    Member(usize, MemberField),
    /// A skill's name, by position in the team's list.
    Skill(usize),
    Decision(usize, DecisionField),
}

impl Field {
    /// Notes and longer answers take several lines; names and dates one.
    pub fn is_multiline(&self) -> bool {
        matches!(
            self,
            Field::Note(_)
                | Field::Situation
                | Field::FollowUpNote(_)
                | Field::Task(_, TaskField::Note)
                | Field::Member(_, MemberField::Note)
        )
    }

    pub fn get(&self, assessment: &Assessment) -> String {
        match self {
            Field::Note(rated) => rated.note(assessment).to_string(),
            Field::Role => assessment.check_in.role.clone(),
            Field::Situation => assessment.check_in.situation.clone(),
            Field::FollowUpNote(index) => assessment
                .check_in
                .follow_ups
                .get(*index)
                .map(|follow_up| follow_up.note.clone())
                .unwrap_or_default(),
            Field::Task(index, field) => assessment
                .tasks
                .get(*index)
                .map(|task| task_text(task, *field).to_string())
                .unwrap_or_default(),
            Field::Commitment(index, field) => assessment
                .commitments
                .get(*index)
                .map(|commitment| commitment_text(commitment, *field))
                .unwrap_or_default(),
            Field::Member(index, field) => assessment
                .team
                .members
                .get(*index)
                .map(|member| member_text(member, *field).to_string())
                .unwrap_or_default(),
            Field::Skill(index) => assessment
                .team
                .skills
                .get(*index)
                .map(|skill| skill.name.clone())
                .unwrap_or_default(),
            Field::Decision(index, field) => assessment
                .team
                .decisions
                .get(*index)
                .map(|decision| match field {
                    DecisionField::Title => decision.title.clone(),
                    DecisionField::By => decision
                        .by
                        .map(|date| date.format("%Y-%m-%d").to_string())
                        .unwrap_or_default(),
                })
                .unwrap_or_default(),
        }
    }

    /// Stores the text. Only a due date can be refused, with a message a
    /// person can act on; the assessment is unchanged then.
    pub fn set(&self, assessment: &mut Assessment, text: &str) -> Result<(), String> {
        match self {
            Field::Note(Rated::Placement) => assessment.placement.note = text.to_string(),
            Field::Note(Rated::Item(kind, id)) => assessment.set_note(*kind, id, text),
            Field::Role => assessment.check_in.role = text.to_string(),
            Field::Situation => assessment.check_in.situation = text.to_string(),
            Field::FollowUpNote(index) => {
                if let Some(follow_up) = assessment.check_in.follow_ups.get_mut(*index) {
                    follow_up.note = text.to_string();
                }
            }
            Field::Task(index, field) => {
                if let Some(task) = assessment.tasks.get_mut(*index) {
                    let slot = match field {
                        TaskField::Title => &mut task.title,
                        TaskField::ToWhom => &mut task.to_whom,
                        TaskField::Note => &mut task.note,
                    };
                    *slot = text.to_string();
                    // Typed free text names someone else than the person
                    // picked from the team, unless it is their name.
                    if *field == TaskField::ToWhom {
                        let picked = task
                            .member
                            .as_deref()
                            .and_then(|id| assessment.team.member(id));
                        if picked.is_none_or(|member| member.name.trim() != text.trim()) {
                            task.member = None;
                        }
                    }
                }
            }
            Field::Commitment(index, field) => {
                let due = match field {
                    CommitmentField::Due => Some(parse_due(text)?),
                    _ => None,
                };
                if let Some(commitment) = assessment.commitments.get_mut(*index) {
                    match field {
                        CommitmentField::FirstStep => commitment.first_step = text.to_string(),
                        CommitmentField::WithWhom => commitment.with_whom = text.to_string(),
                        CommitmentField::Checkpoint => commitment.checkpoint = text.to_string(),
                        CommitmentField::Due => commitment.due = due.flatten(),
                    }
                }
            }
            Field::Member(index, field) => {
                if let Some(member) = assessment.team.members.get_mut(*index) {
                    let slot = match field {
                        MemberField::Name => &mut member.name,
                        MemberField::Role => &mut member.role,
                        MemberField::Work => &mut member.work,
                        MemberField::Note => &mut member.note,
                    };
                    *slot = text.to_string();
                }
            }
            Field::Skill(index) => {
                if let Some(skill) = assessment.team.skills.get_mut(*index) {
                    skill.name = text.to_string();
                }
            }
            Field::Decision(index, field) => {
                let by = match field {
                    DecisionField::By => Some(parse_due(text)?),
                    DecisionField::Title => None,
                };
                if let Some(decision) = assessment.team.decisions.get_mut(*index) {
                    match field {
                        DecisionField::Title => decision.title = text.to_string(),
                        DecisionField::By => decision.by = by.flatten(),
                    }
                }
            }
        }
        Ok(())
    }
}

fn task_text(task: &Task, field: TaskField) -> &str {
    match field {
        TaskField::Title => &task.title,
        TaskField::ToWhom => &task.to_whom,
        TaskField::Note => &task.note,
    }
}

fn member_text(member: &Member, field: MemberField) -> &str {
    match field {
        MemberField::Name => &member.name,
        MemberField::Role => &member.role,
        MemberField::Work => &member.work,
        MemberField::Note => &member.note,
    }
}

fn commitment_text(commitment: &Commitment, field: CommitmentField) -> String {
    match field {
        CommitmentField::FirstStep => commitment.first_step.clone(),
        CommitmentField::WithWhom => commitment.with_whom.clone(),
        CommitmentField::Checkpoint => commitment.checkpoint.clone(),
        CommitmentField::Due => commitment
            .due
            .map(|date| date.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    }
}

/// A due date as a person types it: `2026-12-15`, or nothing at all.
pub fn parse_due(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("Please write the date like 2026-12-15, not “{text}”."))
}
