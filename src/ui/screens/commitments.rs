//! Commitments: up to three remedies to act on, each with a first step,
//! with whom, by when and a checkpoint. The next check-in asks about them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::assessment::{Assessment, CommitmentField, Field, MAX_COMMITMENTS, Summary};
use crate::content::Workbook;
use crate::keymap::{self, Action, Context};
use crate::session::{Session, remedy_order};
use crate::text::sanitize_line;
use crate::ui::widgets::{draw_form, field_lines};

use super::records::RecordCursor;
use super::worksheet::{Confirmation, SheetOutcome, SheetView};

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
        session: &mut Session,
    ) -> SheetOutcome {
        let count = session.assessment().commitments.len();
        let (index, part) = self.commitment_and_part();
        match action {
            Action::Add => {
                let added = session.add_commitment(workbook);
                if let Ok(Field::Commitment(record, _)) = &added {
                    // The remedy is already chosen (the top recommendation
                    // not yet taken); typing starts at the first step.
                    self.selected.go_to_record(*record, PARTS.len());
                    self.selected.down(record + 1, PARTS.len());
                }
                return added.into();
            }
            _ if count == 0 => return SheetOutcome::Unhandled,
            Action::Up => self.selected.up(),
            Action::Down => self.selected.down(count, PARTS.len()),
            Action::Delete => return SheetOutcome::Confirm(Confirmation::DeleteCommitment(index)),
            Action::Left | Action::Right | Action::Select if part == Part::Remedy => {
                return session
                    .step_remedy(workbook, index, action != Action::Left)
                    .into();
            }
            Action::Select => {
                return self
                    .current_field(session.assessment())
                    .map_or(SheetOutcome::Stay, SheetOutcome::Edit);
            }
            _ => return SheetOutcome::Unhandled,
        }
        SheetOutcome::Stay
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
