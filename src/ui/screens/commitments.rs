//! Commitments: up to three remedies to act on, each with a first step,
//! with whom, by when and a checkpoint. The next check-in asks about them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::assessment::{Assessment, Commitment, CommitmentField, Field, MAX_COMMITMENTS, Summary};
use crate::content::{SectionKind, Workbook};
use crate::keymap::{self, Action, Context};
use crate::text::sanitize_line;
use crate::ui::widgets::{draw_form, field_lines};

use super::records::RecordCursor;
use super::session::Pending;
use super::{SheetOutcome, SheetView};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Remedy,
    Field(CommitmentField),
}

const PARTS: [Part; 5] = [
    Part::Remedy,
    Part::Field(CommitmentField::FirstStep),
    Part::Field(CommitmentField::WithWhom),
    Part::Field(CommitmentField::Due),
    Part::Field(CommitmentField::Checkpoint),
];

/// Remedies in the order worth offering: the recommended ones first.
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

#[derive(Clone, Debug, Default)]
pub struct CommitmentsView {
    pub selected: RecordCursor,
}

impl CommitmentsView {
    fn commitment_and_part(&self) -> (usize, Part) {
        self.selected.at(&PARTS)
    }

    pub fn clamp(&mut self, records: usize) {
        self.selected.clamp(records, PARTS.len());
    }

    pub fn current_field(&self, assessment: &Assessment) -> Option<Field> {
        let (index, part) = self.commitment_and_part();
        match part {
            Part::Field(field) if index < assessment.commitments.len() => {
                Some(Field::Commitment(index, field))
            }
            _ => None,
        }
    }

    pub fn handle(
        &mut self,
        action: Action,
        workbook: &Workbook,
        assessment: &mut Assessment,
    ) -> SheetOutcome {
        let rows = assessment.commitments.len() * PARTS.len();
        let (index, part) = self.commitment_and_part();
        match action {
            Action::Add if assessment.commitments.len() >= MAX_COMMITMENTS => {
                return SheetOutcome::Refused(format!(
                    "Up to {MAX_COMMITMENTS} commitments: a short list is one you can keep. Remove one to add another."
                ));
            }
            Action::Add => {
                let order = remedy_order(workbook, assessment);
                let taken: Vec<&str> = assessment
                    .commitments
                    .iter()
                    .map(|c| c.remedy.as_str())
                    .collect();
                let remedy = order
                    .iter()
                    .find(|id| !taken.contains(&id.as_str()))
                    .cloned()
                    .unwrap_or_default();
                assessment.commitments.push(Commitment {
                    remedy,
                    ..Commitment::default()
                });
                let added = assessment.commitments.len() - 1;
                self.selected.go_to_record(added, PARTS.len());
                // The remedy is already chosen (the top recommendation
                // not yet taken); typing starts at the first step.
                self.selected
                    .down(assessment.commitments.len(), PARTS.len());
                return SheetOutcome::Added(Field::Commitment(added, CommitmentField::FirstStep));
            }
            _ if rows == 0 => return SheetOutcome::Unhandled,
            Action::Up => self.selected.up(),
            Action::Down => self
                .selected
                .down(assessment.commitments.len(), PARTS.len()),
            Action::Delete => return SheetOutcome::Confirm(Pending::DeleteCommitment(index)),
            Action::Left | Action::Right | Action::Select if part == Part::Remedy => {
                let order = remedy_order(workbook, assessment);
                let Some(commitment) = assessment.commitments.get_mut(index) else {
                    return SheetOutcome::Nothing;
                };
                let position = order
                    .iter()
                    .position(|id| *id == commitment.remedy)
                    .unwrap_or(0);
                let next = if action == Action::Left {
                    (position + order.len() - 1) % order.len()
                } else {
                    (position + 1) % order.len()
                };
                commitment.remedy = order[next].clone();
                return SheetOutcome::Changed;
            }
            Action::Select => {
                return self
                    .current_field(assessment)
                    .map_or(SheetOutcome::Nothing, SheetOutcome::Edit);
            }
            _ => return SheetOutcome::Unhandled,
        }
        SheetOutcome::Nothing
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, view: &SheetView<'_>) {
        let theme = view.theme;
        let assessment = view.assessment;
        let recommended = remedy_order(view.workbook, assessment);
        let recommended_count = Summary::of(view.workbook, assessment).recommendations.len();

        let mut lines = vec![
            Line::styled("Commitments", theme.title()),
            Line::styled(
                format!(
                    "Pick up to {MAX_COMMITMENTS} things to try before you next sit down with this. Small and specific beats ambitious."
                ),
                theme.muted(),
            ),
            Line::from(""),
        ];
        if assessment.commitments.is_empty() {
            lines.push(Line::styled(
                if view.read_only {
                    "No commitments.".to_string()
                } else {
                    format!(
                        "No commitments yet. Press {} to add one.",
                        keymap::key_for(Context::Commitments, Action::Add)
                    )
                },
                theme.muted(),
            ));
        }
        let mut focus_line = 0;
        for (index, commitment) in assessment.commitments.iter().enumerate() {
            lines.push(Line::styled(
                format!("Commitment {}", index + 1),
                theme.heading(),
            ));
            for (offset, part) in PARTS.iter().enumerate() {
                let selected = self.selected.is_at(index, offset, PARTS.len());
                if selected {
                    focus_line = lines.len();
                }
                let (label, value, hint) = match part {
                    Part::Remedy => {
                        let title = view
                            .workbook
                            .remedy(&commitment.remedy)
                            .map_or(commitment.remedy.clone(), |item| item.title.clone());
                        let why = if recommended
                            .iter()
                            .position(|id| *id == commitment.remedy)
                            .is_some_and(|p| p < recommended_count)
                        {
                            " (recommended by your answers)"
                        } else {
                            ""
                        };
                        (
                            "What you will work on (a choice)",
                            format!("{}{why}", sanitize_line(&title)),
                            "",
                        )
                    }
                    Part::Field(CommitmentField::FirstStep) => (
                        "First step",
                        commitment.first_step.clone(),
                        "The very next action, small enough to start this week",
                    ),
                    Part::Field(CommitmentField::WithWhom) => (
                        "With whom",
                        commitment.with_whom.clone(),
                        "Who is involved?",
                    ),
                    Part::Field(CommitmentField::Due) => (
                        "By when",
                        commitment
                            .due
                            .map(|date| date.format("%Y-%m-%d (%A)").to_string())
                            .unwrap_or_default(),
                        "A date, written like 2026-12-15",
                    ),
                    Part::Field(CommitmentField::Checkpoint) => (
                        "Checkpoint",
                        commitment.checkpoint.clone(),
                        "How and when will you check how it is going?",
                    ),
                };
                let empty = match part {
                    Part::Field(field) => {
                        view.empty_field(&Field::Commitment(index, *field), hint, selected)
                    }
                    Part::Remedy => view.empty(hint).to_string(),
                };
                lines.extend(field_lines(label, &value, &empty, selected, theme));
            }
        }
        draw_form(frame, area, lines, focus_line, view.editor);
    }
}
