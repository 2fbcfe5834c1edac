//! Learning or performance: the tasks a leader could hand over, to whom,
//! and in which mode, with the reflection question and the balance.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::assessment::{
    Assessment, DelegationMode, Field, Lean, TaskField, balance, suggested_mode,
};
use crate::content::Workbook;
use crate::keymap::{self, Action, Context};
use crate::session::Session;
use crate::text::{quoted, sanitize};
use crate::ui::widgets::{choice_line, draw_form, field_lines};

use super::records::RecordCursor;
use super::worksheet::{Confirmation, SheetOutcome, SheetView};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Title,
    ToWhom,
    Mode,
    Note,
}

const PARTS: [Part; 4] = [Part::Title, Part::ToWhom, Part::Mode, Part::Note];
const MODES: [DelegationMode; 2] = [DelegationMode::Performance, DelegationMode::Learning];

#[derive(Clone, Debug, Default)]
pub struct ModesView {
    pub selected: RecordCursor,
}

impl ModesView {
    fn task_and_part(&self) -> (usize, Part) {
        self.selected.at(&PARTS)
    }

    pub fn clamp(&mut self, records: usize) {
        self.selected.clamp(records, PARTS.len());
    }

    pub fn current_field(&self, assessment: &Assessment) -> Option<Field> {
        let (task, part) = self.task_and_part();
        if task >= assessment.tasks.len() {
            return None;
        }
        match part {
            Part::Title => Some(Field::Task(task, TaskField::Title)),
            Part::ToWhom => Some(Field::Task(task, TaskField::ToWhom)),
            Part::Note => Some(Field::Task(task, TaskField::Note)),
            Part::Mode => None,
        }
    }

    /// Whether the cursor is on a task's "to whom".
    pub fn on_to_whom(&self) -> bool {
        self.task_and_part().1 == Part::ToWhom
    }

    pub fn handle(
        &mut self,
        action: Action,
        workbook: &Workbook,
        session: &mut Session,
    ) -> SheetOutcome {
        let count = session.assessment().tasks.len();
        let (task, part) = self.task_and_part();
        match action {
            Action::Add => {
                let added = session.add_task();
                if let Ok(Field::Task(record, _)) = &added {
                    self.selected.go_to_record(*record, PARTS.len());
                }
                return added.into();
            }
            _ if count == 0 => return SheetOutcome::Unhandled,
            Action::Up => self.selected.up(),
            Action::Down => self.selected.down(count, PARTS.len()),
            Action::Delete => return SheetOutcome::Confirm(Confirmation::DeleteTask(task)),
            Action::ToggleMode => return session.toggle_mode(task).into(),
            Action::AcceptSuggestion => return session.accept_suggestion(workbook, task).into(),
            Action::Left | Action::Right if part == Part::ToWhom => {
                return session.pick_member(task, action == Action::Right).into();
            }
            Action::Left if part == Part::Mode => {
                return session.set_mode(task, DelegationMode::Performance).into();
            }
            Action::Right if part == Part::Mode => {
                return session.set_mode(task, DelegationMode::Learning).into();
            }
            Action::Select if part == Part::Mode => return session.toggle_mode(task).into(),
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
        let modes = &view.workbook.modes;
        let assessment = view.assessment;

        // The two stances, their examples and what using only one costs sit
        // right under the question, where the choice is made. On a short
        // terminal the title (the header names the sheet) and the goals (the
        // card has them) give way, so the question, both stances and the
        // first task still fit on one screen.
        const ROOMY_FROM: u16 = 30;
        let roomy = area.height >= ROOMY_FROM;
        let mut lines = Vec::new();
        if roomy {
            lines.push(Line::styled(sanitize(&modes.title), theme.title()));
        }
        lines.push(Line::styled(
            quoted(&sanitize(&modes.question)),
            theme.prompt(),
        ));
        for mode in &modes.modes {
            lines.push(Line::styled(sanitize(&mode.title), theme.heading()));
            if roomy {
                lines.push(Line::from(format!("  {}", sanitize(&mode.goal))));
            }
            lines.push(Line::from(format!("  {}", sanitize(&mode.mindset))));
            lines.push(Line::styled(
                format!("  {}", sanitize(&mode.example)),
                theme.muted(),
            ));
        }
        for only in [&modes.only_performance, &modes.only_learning] {
            lines.push(Line::styled(sanitize(only), theme.muted()));
        }
        lines.push(Line::from(""));
        let counts = balance(&assessment.tasks);
        let mut balance_line = vec![Span::styled(
            format!(
                "Balance: {} for performance · {} for learning",
                counts.performance, counts.learning
            ),
            theme.heading(),
        )];
        if counts.undecided > 0 {
            balance_line.push(Span::styled(
                format!(" · {} undecided", counts.undecided),
                theme.muted(),
            ));
        }
        lines.push(Line::from(balance_line));
        // What one kind alone costs is said above; this says it is happening.
        let warning = match counts.lean {
            Lean::AllPerformance => Some("! Every task here is for performance."),
            Lean::AllLearning => Some("! Every task here is for learning."),
            Lean::Mixed | Lean::TooFewToSay => None,
        };
        if let Some(warning) = warning {
            lines.push(Line::styled(warning, theme.warning()));
        }
        if roomy || assessment.tasks.is_empty() {
            lines.push(Line::from(""));
        }
        if assessment.tasks.is_empty() {
            lines.push(Line::styled(
                if view.read_only {
                    "No tasks.".to_string()
                } else {
                    format!(
                        "No tasks yet. Press {} to add a piece of work you could hand over.",
                        keymap::key_for(Context::Tasks, Action::Add)
                    )
                },
                theme.muted(),
            ));
        }
        let mut focus_line = 0;
        let labels: Vec<&str> = modes.modes.iter().map(|mode| mode.id.as_str()).collect();
        for (index, task) in assessment.tasks.iter().enumerate() {
            lines.push(Line::styled(format!("Task {}", index + 1), theme.heading()));
            for (offset, part) in PARTS.iter().enumerate() {
                let selected = self.selected.is_at(index, offset, PARTS.len());
                if selected {
                    focus_line = lines.len();
                }
                match part {
                    Part::Title => lines.extend(field_lines(
                        "What",
                        &task.title,
                        &view.empty_field(
                            &Field::Task(index, TaskField::Title),
                            "A piece of work you could hand over",
                            selected,
                        ),
                        selected,
                        theme,
                    )),
                    Part::ToWhom => {
                        lines.extend(field_lines(
                            "To whom",
                            &task.to_whom,
                            &view.empty_field(
                                &Field::Task(index, TaskField::ToWhom),
                                "Who could take it?",
                                selected,
                            ),
                            selected,
                            theme,
                        ));
                        if selected && !view.read_only && assessment.team.current().next().is_some()
                        {
                            lines.push(Line::styled(
                                format!(
                                    "    {} picks from your team",
                                    keymap::key_for(Context::PickPerson, Action::Right)
                                ),
                                theme.muted(),
                            ));
                        }
                    }
                    Part::Mode => {
                        let chosen = task
                            .mode
                            .and_then(|mode| MODES.iter().position(|m| *m == mode));
                        lines.push(choice_line("For", &labels, chosen, selected, theme));
                        // What the team map suggests, which the leader takes
                        // with a key or overrides by choosing.
                        let suggested = task.member.as_deref().and_then(|member| {
                            suggested_mode(view.workbook, &assessment.team, member)
                        });
                        if let Some(suggested) = suggested {
                            let taken = task.mode == Some(suggested.mode());
                            // The key first: a long suggestion may be cut.
                            let lead = if taken || view.read_only {
                                String::new()
                            } else {
                                format!(
                                    "{} takes it · ",
                                    keymap::key_for(Context::Tasks, Action::AcceptSuggestion)
                                )
                            };
                            lines.push(Line::styled(
                                format!(
                                    "    {lead}{}",
                                    sanitize(&suggested.words(view.workbook, &assessment.team))
                                ),
                                theme.muted(),
                            ));
                        }
                    }
                    Part::Note => lines.extend(field_lines(
                        "Note",
                        &task.note,
                        &view.empty_field(
                            &Field::Task(index, TaskField::Note),
                            "Support they will need, what could go wrong",
                            selected,
                        ),
                        selected,
                        theme,
                    )),
                }
            }
        }
        draw_form(frame, area, lines, focus_line, view.editor);
    }
}
