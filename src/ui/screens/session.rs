//! An assessment in progress on screen: the domain session (which holds
//! the answers and their rules) with the view state around it — the
//! cursor of each worksheet, the open text box, the worksheet list and the
//! yes/no questions. Each worksheet's own keys and drawing live in its own
//! file; typing in `typing.rs`; the worksheet list in `sheet_list.rs`.

use ratatui::Frame;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::app::{App, Ctx, Outcome, Question, Status, reference_screen};
use crate::assessment::{Assessment, Field};
use crate::content::Workbook;
use crate::keymap::{self, Action, Context};
use crate::session::{READ_ONLY, Session, Sheet, scale_top};
use crate::store::{FileVersion, Person, PersonLock};
use crate::text::sanitize_line;
use crate::ui::Editor;
use crate::ui::widgets::confirm_box;

use super::checkin::CheckInView;
use super::commitments::CommitmentsView;
use super::modes::ModesView;
use super::rated::RatedView;
use super::sheet_list;
use super::summary::SummaryView;
use super::team::TeamView;
use super::worksheet::{Confirmation, SheetOutcome, SheetView};

pub struct SessionScreen {
    /// The answers and the rules of filling them in.
    pub session: Session,
    pub rated: Vec<RatedView>,
    pub checkin: CheckInView,
    pub modes: ModesView,
    pub commitments: CommitmentsView,
    pub team: TeamView,
    pub summary: SummaryView,
    pub editing: Option<(Field, Editor)>,
    /// The worksheet list, open with `g`, and its highlighted row.
    pub picker: Option<usize>,
    pub confirm: Option<Confirmation>,
    /// Held while the session is open so a second window cannot write the
    /// same person's files; released when the session closes.
    lock: Option<PersonLock>,
}

impl SessionScreen {
    pub fn new(session: Session) -> Self {
        Self {
            session,
            rated: vec![RatedView::default(); Sheet::ALL.len()],
            checkin: CheckInView::default(),
            modes: ModesView::default(),
            commitments: CommitmentsView::default(),
            team: TeamView::default(),
            summary: SummaryView::default(),
            editing: None,
            picker: None,
            confirm: None,
            lock: None,
        }
    }

    pub fn with_lock(mut self, lock: PersonLock) -> Self {
        self.lock = Some(lock);
        self
    }

    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }

    pub fn person(&self) -> &Person {
        self.session.person()
    }

    pub fn assessment(&self) -> &Assessment {
        self.session.assessment()
    }

    pub fn sheet(&self) -> Sheet {
        self.session.sheet()
    }

    pub fn is_read_only(&self) -> bool {
        self.session.is_read_only()
    }

    /// A save of this session's draft went through.
    pub fn saved(&mut self, id: &str, version: Option<FileVersion>) {
        self.session.saved(id, version);
    }

    /// Where the session is, after the person's name in the title bar:
    /// "7/10 Learning or performance".
    pub fn breadcrumb(&self, workbook: &Workbook) -> String {
        let read_only = if self.is_read_only() {
            " (read-only)"
        } else {
            ""
        };
        format!(
            "{}/{} {}{read_only}",
            self.sheet().index() + 1,
            Sheet::ALL.len(),
            sanitize_line(&self.sheet().title(workbook))
        )
    }

    pub fn contexts(&self) -> Vec<Context> {
        if let Some((_, editor)) = &self.editing {
            let typing = if editor.is_multiline() {
                Context::EditingText
            } else {
                Context::EditingLine
            };
            return vec![typing, Context::Editing];
        }
        if self.confirm.is_some() {
            return vec![Context::Confirm];
        }
        if self.picker.is_some() {
            return vec![Context::Picker];
        }
        if self.sheet() == Sheet::Team {
            let read_only = self.is_read_only().then_some(Context::ReadOnly);
            return read_only
                .into_iter()
                .chain(self.team.contexts(self.assessment()))
                .chain([Context::Sheet])
                .collect();
        }
        let field = match self.form_field() {
            Some(true) => Some(Context::TextField),
            Some(false) => Some(Context::Choice),
            None => None,
        };
        let own = match self.sheet() {
            Sheet::CheckIn => vec![Context::Form],
            Sheet::Modes
                if self.modes.on_to_whom() && self.assessment().team.current().next().is_some() =>
            {
                vec![Context::PickPerson, Context::Tasks, Context::Form]
            }
            Sheet::Modes => vec![Context::Tasks, Context::Form],
            Sheet::Commitments => vec![Context::Commitments, Context::Form],
            Sheet::Summary => vec![Context::Summary],
            _ => vec![Context::Rated],
        };
        let read_only = self.is_read_only().then_some(Context::ReadOnly);
        read_only
            .into_iter()
            .chain(field)
            .chain(own)
            .chain([Context::Sheet])
            .collect()
    }

    /// On a form, what the highlighted field is: `Some(true)` text,
    /// `Some(false)` a choice; `None` off a form or on an empty one.
    pub(super) fn form_field(&self) -> Option<bool> {
        let assessment = self.assessment();
        match self.sheet() {
            Sheet::CheckIn => Some(self.checkin.current_field(assessment).is_some()),
            Sheet::Modes if !assessment.tasks.is_empty() => {
                Some(self.modes.current_field(assessment).is_some())
            }
            Sheet::Commitments if !assessment.commitments.is_empty() => {
                Some(self.commitments.current_field(assessment).is_some())
            }
            _ => None,
        }
    }

    /// Where the cursor is: the worksheet and its row (an item of a rated
    /// sheet, a field of a form).
    pub fn focus(&self) -> (Sheet, usize) {
        let sheet = self.sheet();
        let row = match sheet {
            Sheet::CheckIn => self.checkin.selected,
            Sheet::Modes => self.modes.selected.position,
            Sheet::Commitments => self.commitments.selected.position,
            Sheet::Team => self.team.position(),
            Sheet::Summary => 0,
            rated => self.rated[rated.index()].selected,
        };
        (sheet, row)
    }

    /// The highest point of the current item's scale, on a rated sheet.
    pub fn scale_top(&self, workbook: &Workbook) -> Option<u8> {
        let sheet = self.sheet();
        if sheet == Sheet::Team {
            return self.team.scale_top(workbook, self.assessment());
        }
        if !sheet.is_rated() {
            return None;
        }
        let view = &self.rated[sheet.index()];
        let rated = sheet.rated(workbook).into_iter().nth(view.selected)?;
        Some(scale_top(workbook, &rated))
    }

    pub fn handle(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        if self.editing.is_some() {
            return self.typing_action(action, cx);
        }
        if let Some(confirmation) = self.confirm.take() {
            if action == Action::Yes {
                self.confirmed(confirmation, cx);
            }
            return Outcome::Stay;
        }
        if let Some(row) = self.picker {
            self.picker_action(row, action);
            return Outcome::Stay;
        }
        // Keys that would change an answer are refused before a sheet can
        // ask a question about them or open a box.
        // In the team sheet's grids the arrows move between cells.
        let moves = self.sheet() == Sheet::Team && self.team.in_grid();
        let changes =
            action.changes_answers() && !(moves && matches!(action, Action::Left | Action::Right));
        let outcome = if self.is_read_only() && changes {
            SheetOutcome::Refused(READ_ONLY.to_string())
        } else {
            self.sheet_action(action, cx)
        };
        match outcome {
            SheetOutcome::Stay => {}
            SheetOutcome::Refused(why) => *cx.status = Some(Status::error(why)),
            SheetOutcome::Edit(field) => self.start_editing(field, cx),
            SheetOutcome::Confirm(confirmation) => self.confirm = Some(confirmation),
            SheetOutcome::Unhandled => return self.session_action(action, cx),
        }
        Outcome::Stay
    }

    fn picker_action(&mut self, row: usize, action: Action) {
        match action {
            Action::Up => self.picker = Some(row.saturating_sub(1)),
            Action::Down => self.picker = Some((row + 1).min(Sheet::ALL.len() - 1)),
            Action::Select => {
                self.session.go_to(Sheet::ALL[row]);
                self.picker = None;
            }
            // 1 to 9 by number; 0 for the summary, the last and the one
            // most often jumped to (the tenth is a row away from it).
            Action::Jump(number) => {
                let index = match number {
                    0 => Sheet::ALL.len() - 1,
                    number => usize::from(number) - 1,
                };
                if let Some(sheet) = Sheet::ALL.get(index) {
                    self.session.go_to(*sheet);
                    self.picker = None;
                }
            }
            Action::Back => self.picker = None,
            _ => {}
        }
    }

    pub(super) fn sheet_action(&mut self, action: Action, cx: &mut Ctx<'_>) -> SheetOutcome {
        let workbook = cx.workbook;
        let session = &mut self.session;
        match session.sheet() {
            Sheet::CheckIn => self.checkin.handle(action, session),
            Sheet::Modes => self.modes.handle(action, workbook, session),
            Sheet::Commitments => self.commitments.handle(action, workbook, session),
            Sheet::Team => self.team.handle(action, workbook, session),
            Sheet::Summary => self.summary.handle(action),
            sheet => self.rated[sheet.index()].handle(sheet, action, workbook, session),
        }
    }

    fn session_action(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        match action {
            // Tab on a form goes field by field, and only past its last
            // field on to the next worksheet: never off a half-filled task.
            Action::NextField | Action::PrevField => {
                let forward = action == Action::NextField;
                if self.step_field(forward, cx) {
                    if self.form_field() == Some(false) {
                        *cx.status = Some(Status::notice(super::typing::choice_hint()));
                    }
                    return Outcome::Stay;
                }
                let sheet = if forward {
                    Action::NextSheet
                } else {
                    Action::PrevSheet
                };
                return self.session_action(sheet, cx);
            }
            Action::NextSheet | Action::PrevSheet => {
                let forward = action == Action::NextSheet;
                let moved = if forward {
                    self.session.next_sheet()
                } else {
                    self.session.previous_sheet()
                };
                // At either end, say why nothing moved.
                if !moved {
                    *cx.status = Some(Status::notice(self.at_the_end(forward)));
                }
            }
            Action::SheetList => self.picker = Some(self.sheet().index()),
            Action::Reference => return Outcome::Push(reference_screen(cx.workbook)),
            Action::Back => return self.leave(cx),
            _ => {}
        }
        Outcome::Stay
    }

    /// Why Tab did not move past the first or last worksheet, and what to
    /// press instead.
    fn at_the_end(&self, forward: bool) -> String {
        let jump = keymap::key_for(Context::Sheet, Action::SheetList);
        if !forward {
            return format!("This is the first worksheet; {jump} jumps to any other.");
        }
        if self.is_read_only() {
            return format!("This is the last worksheet; {jump} jumps to any other.");
        }
        let complete = keymap::key_for(Context::Summary, Action::Complete);
        format!(
            "This is the last worksheet: {complete} completes the assessment, {jump} jumps to any other."
        )
    }

    /// Leaving the worksheets for the person's page.
    fn leave(&mut self, cx: &mut Ctx<'_>) -> Outcome {
        let id = self.assessment().id.clone();
        if self.session.is_untouched() {
            // Nothing was answered: the session asks for its draft to be
            // removed, and a failed save of it is not worth retrying.
            cx.forget_unsaved(self.session.person(), &id);
            self.session.leave();
            return Outcome::Pop;
        }
        if !self.is_read_only() && cx.is_unsaved(self.session.person(), &id) {
            return Outcome::Ask(Question::LeaveUnsaved);
        }
        self.session.leave();
        // A save still to run that fails takes this message away before
        // it is ever drawn.
        if !self.is_read_only() {
            *cx.status = Some(Status::info(
                "Your answers are saved as a draft; resume them any time.",
            ));
        }
        Outcome::Pop
    }

    fn confirmed(&mut self, confirmation: Confirmation, cx: &mut Ctx<'_>) {
        let done = match confirmation {
            Confirmation::DeleteTask(index) => {
                let removed = self.session.remove_task(index);
                self.modes.clamp(self.assessment().tasks.len());
                removed
            }
            Confirmation::DeleteCommitment(index) => {
                let removed = self.session.remove_commitment(index);
                self.commitments.clamp(self.assessment().commitments.len());
                removed
            }
            Confirmation::DeleteMember(index) => self.session.remove_member(index),
            Confirmation::DeleteSkill(index) => self.session.remove_skill(index),
            Confirmation::DeleteDecision(index) => self.session.remove_decision(index),
            Confirmation::Complete => self.session.complete(),
        };
        self.team.clamp(&self.session.assessment().team);
        if let Err(refused) = done {
            *cx.status = Some(Status::error(refused.0));
        }
    }

    pub fn mouse(&mut self, mouse: MouseEvent, cx: &mut Ctx<'_>) -> Outcome {
        if self.editing.is_some() || self.picker.is_some() || self.confirm.is_some() {
            return Outcome::Stay;
        }
        let MouseEventKind::Down(MouseButton::Left) = mouse.kind else {
            return match mouse.kind {
                MouseEventKind::ScrollDown => self.handle(Action::Down, cx),
                MouseEventKind::ScrollUp => self.handle(Action::Up, cx),
                _ => Outcome::Stay,
            };
        };
        let sheet = self.sheet();
        if !sheet.is_rated() {
            return Outcome::Stay;
        }
        match self.rated[sheet.index()].point_at(mouse.column, mouse.row) {
            Some(value) => self.handle(Action::Rate(value), cx),
            None => Outcome::Stay,
        }
    }

    pub fn draw(&self, frame: &mut Frame<'_>, body: Rect, app: &App) {
        let theme = app.theme;
        let (main, side) = sheet_list::areas(body, app.workbook());
        if let Some(side) = side {
            sheet_list::draw_sidebar(frame, side, &self.session, app);
        }
        let view = SheetView {
            sheet: self.sheet(),
            workbook: app.workbook(),
            assessment: self.assessment(),
            theme,
            editor: self.editing.as_ref().map(|(_, editor)| editor),
            editing: self.editing.as_ref().map(|(field, _)| field),
            read_only: self.is_read_only(),
        };
        match self.sheet() {
            Sheet::CheckIn => self.checkin.draw(frame, main, &view),
            Sheet::Modes => self.modes.draw(frame, main, &view),
            Sheet::Commitments => self.commitments.draw(frame, main, &view),
            Sheet::Team => self.team.draw(frame, main, &view),
            Sheet::Summary => self.summary.draw(frame, main, &view),
            sheet => self.rated[sheet.index()].draw(frame, main, &view),
        }
        if let Some(row) = self.picker {
            sheet_list::draw_picker(frame, body, row, &self.session, app);
        }
        if let Some(confirmation) = &self.confirm {
            confirm_box(frame, body, confirmation.question(), theme);
        }
    }
}
