//! Check-in: who, their role and context, the situation on their mind, and
//! how last time's commitments went.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::assessment::{Assessment, Field, FollowUpStatus, started_on};
use crate::keymap::Action;
use crate::session::Session;
use crate::text::sanitize_line;
use crate::ui::widgets::{choice_line, draw_form, field_lines};

use super::worksheet::{SheetOutcome, SheetView};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Row {
    Role,
    Situation,
    Status(usize),
    Note(usize),
}

fn rows(assessment: &Assessment) -> Vec<Row> {
    let mut rows = vec![Row::Role, Row::Situation];
    for index in 0..assessment.check_in.follow_ups.len() {
        rows.push(Row::Status(index));
        rows.push(Row::Note(index));
    }
    rows
}

#[derive(Clone, Debug, Default)]
pub struct CheckInView {
    pub selected: usize,
}

impl CheckInView {
    pub fn handle(&mut self, action: Action, session: &mut Session) -> SheetOutcome {
        let rows = rows(session.assessment());
        let row = rows.get(self.selected).copied().unwrap_or(Row::Role);
        match (action, row) {
            (Action::Up, _) => self.selected = self.selected.saturating_sub(1),
            (Action::Down, _) => self.selected = (self.selected + 1).min(rows.len() - 1),
            (Action::Select, Row::Role) => return SheetOutcome::Edit(Field::Role),
            (Action::Select, Row::Situation) => return SheetOutcome::Edit(Field::Situation),
            (Action::Select, Row::Note(index)) => {
                return SheetOutcome::Edit(Field::FollowUpNote(index));
            }
            (Action::Select | Action::Right, Row::Status(index)) => {
                return session.step_follow_up(index, true).into();
            }
            (Action::Left, Row::Status(index)) => {
                return session.step_follow_up(index, false).into();
            }
            _ => return SheetOutcome::Unhandled,
        }
        SheetOutcome::Stay
    }

    /// The text field under the cursor, if the cursor is on one.
    pub fn current_field(&self, assessment: &Assessment) -> Option<Field> {
        match rows(assessment).get(self.selected)? {
            Row::Role => Some(Field::Role),
            Row::Situation => Some(Field::Situation),
            Row::Note(index) => Some(Field::FollowUpNote(*index)),
            Row::Status(_) => None,
        }
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, view: &SheetView<'_>) {
        let theme = view.theme;
        let assessment = view.assessment;

        let mut lines = vec![
            Line::styled("Check-in", theme.title()),
            Line::styled(
                "Start where you are. A few words are plenty; you can come back to any of this.",
                theme.muted(),
            ),
            Line::from(format!("  Name: {}", sanitize_line(&assessment.person))),
            Line::from(""),
        ];
        let mut focus_line = 0;
        for (index, row) in rows(assessment).into_iter().enumerate() {
            let selected = index == self.selected;
            if selected {
                focus_line = lines.len();
            }
            match row {
                Row::Role => lines.extend(field_lines(
                    "Your role and context",
                    &assessment.check_in.role,
                    &view.empty_field(
                        &Field::Role,
                        "e.g. Head of analytics, team of six, two of them new",
                        selected,
                    ),
                    selected,
                    theme,
                )),
                Row::Situation => lines.extend(field_lines(
                    "What delegation situation is on your mind?",
                    &assessment.check_in.situation,
                    &view.empty_field(
                        &Field::Situation,
                        "A few sentences, in your own words",
                        selected,
                    ),
                    selected,
                    theme,
                )),
                Row::Status(number) => {
                    let follow_up = &assessment.check_in.follow_ups[number];
                    if number == 0 {
                        lines.push(Line::from(""));
                        let when = assessment
                            .check_in
                            .previous
                            .as_deref()
                            .and_then(started_on)
                            .map_or("Last time".to_string(), |day| {
                                format!("Last time, on {}", day.format("%-d %b %Y"))
                            });
                        lines.push(Line::styled(
                            format!("{when}, you committed to"),
                            theme.heading(),
                        ));
                    }
                    let commitment = &follow_up.commitment;
                    let remedy = view
                        .workbook
                        .remedy(&commitment.remedy)
                        .map_or(commitment.remedy.as_str(), |item| item.title.as_str());
                    let due = commitment
                        .due
                        .map(|date| format!(", by {date}"))
                        .unwrap_or_default();
                    lines.push(Line::from(format!(
                        "  {}. {}: {}{}",
                        number + 1,
                        sanitize_line(remedy),
                        sanitize_line(&commitment.first_step),
                        due
                    )));
                    let labels: Vec<&str> = FollowUpStatus::ALL
                        .iter()
                        .map(|status| status.label())
                        .collect();
                    let chosen = follow_up
                        .status
                        .and_then(|status| FollowUpStatus::ALL.iter().position(|s| *s == status));
                    // The choice is what the cursor is on, below the
                    // heading and the commitment it asks about.
                    if selected {
                        focus_line = lines.len();
                    }
                    lines.push(choice_line(
                        "    How did it go?",
                        &labels,
                        chosen,
                        selected,
                        theme,
                    ));
                }
                Row::Note(number) => {
                    let follow_up = &assessment.check_in.follow_ups[number];
                    lines.extend(field_lines(
                        "    What happened",
                        &follow_up.note,
                        &view.empty_field(
                            &Field::FollowUpNote(number),
                            "What happened, in a line or two",
                            selected,
                        ),
                        selected,
                        theme,
                    ));
                }
            }
        }
        draw_form(frame, area, lines, focus_line, view.editor);
    }
}
