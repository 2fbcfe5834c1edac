//! The worksheets made of records: tasks a leader could hand over, and the
//! commitments (at most three) they will act on.

use crate::assessment::{
    Assessment, Commitment, CommitmentField, Field, MAX_COMMITMENTS, Summary, Task, TaskField,
};
use crate::content::{SectionKind, Workbook};

use super::{Refused, Session};

/// Remedies in the order worth offering: the ones the answers recommend
/// first, then the rest in the workbook's order.
pub fn remedy_order(workbook: &Workbook, assessment: &Assessment) -> Vec<String> {
    let mut order: Vec<String> = Summary::of(workbook, assessment)
        .recommendations
        .into_iter()
        .map(|recommendation| recommendation.remedy)
        .collect();
    for remedy in &workbook.section(SectionKind::Remedies).items {
        if !order.contains(&remedy.id) {
            order.push(remedy.id.clone());
        }
    }
    order
}

impl Session {
    /// Adds an empty task; its title is the field to fill in first.
    pub fn add_task(&mut self) -> Result<Field, Refused> {
        self.change(|assessment| assessment.tasks.push(Task::default()))?;
        let added = self.assessment.tasks.len() - 1;
        Ok(Field::Task(added, TaskField::Title))
    }

    pub fn remove_task(&mut self, index: usize) -> Result<(), Refused> {
        if index >= self.assessment.tasks.len() {
            return Ok(());
        }
        self.change(|assessment| {
            assessment.tasks.remove(index);
        })
    }

    /// Adds a commitment to the top recommended remedy not taken yet; its
    /// first step is the field to fill in first. Refused past three: a
    /// short list is one a person keeps.
    pub fn add_commitment(&mut self, workbook: &Workbook) -> Result<Field, Refused> {
        if self.assessment.commitments.len() >= MAX_COMMITMENTS {
            return Err(Refused(format!(
                "Up to {MAX_COMMITMENTS} commitments: a short list is one you can keep. Remove one to add another."
            )));
        }
        let taken: Vec<&str> = self
            .assessment
            .commitments
            .iter()
            .map(|commitment| commitment.remedy.as_str())
            .collect();
        let remedy = remedy_order(workbook, &self.assessment)
            .into_iter()
            .find(|id| !taken.contains(&id.as_str()))
            .unwrap_or_default();
        self.change(|assessment| {
            assessment.commitments.push(Commitment {
                remedy,
                ..Commitment::default()
            })
        })?;
        let added = self.assessment.commitments.len() - 1;
        Ok(Field::Commitment(added, CommitmentField::FirstStep))
    }

    pub fn remove_commitment(&mut self, index: usize) -> Result<(), Refused> {
        if index >= self.assessment.commitments.len() {
            return Ok(());
        }
        self.change(|assessment| {
            assessment.commitments.remove(index);
        })
    }

    /// Moves a commitment's remedy one step through the remedies, the
    /// recommended ones first, round.
    pub fn step_remedy(
        &mut self,
        workbook: &Workbook,
        index: usize,
        forward: bool,
    ) -> Result<(), Refused> {
        let order = remedy_order(workbook, &self.assessment);
        let Some(commitment) = self.assessment.commitments.get(index) else {
            return Ok(());
        };
        if order.is_empty() {
            return Ok(());
        }
        let at = order
            .iter()
            .position(|id| *id == commitment.remedy)
            .unwrap_or(0);
        let next = if forward {
            (at + 1) % order.len()
        } else {
            (at + order.len() - 1) % order.len()
        };
        let remedy = order[next].clone();
        self.change(|assessment| {
            if let Some(commitment) = assessment.commitments.get_mut(index) {
                commitment.remedy = remedy;
            }
        })
    }
}
