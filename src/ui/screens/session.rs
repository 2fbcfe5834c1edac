//! An assessment in progress: which worksheet is open, the field being
//! edited, and moving between worksheets. Each worksheet's own keys and
//! drawing live in its own file.

use ratatui::Frame;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState};

use crate::app::{App, Ctx, Effect, Outcome, Question, Status, reference_screen};
use crate::assessment::{Assessment, CommitmentField, Field};
use crate::content::Workbook;
use crate::keymap::{self, Action, Context};
use crate::store::{FileVersion, Person, PersonLock};
use crate::text::sanitize_line;
use crate::ui::widgets::{centered, confirm_box, fit_words, inset, text_width};
use crate::ui::{Editor, Theme};

use super::checkin::CheckInView;
use super::commitments::CommitmentsView;
use super::modes::ModesView;
use super::rated::RatedView;
use super::sheet::Sheet;
use super::summary::SummaryView;

/// What a worksheet did with an action.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetOutcome {
    Nothing,
    /// The sheet has no use for this action; the session may.
    Unhandled,
    /// The assessment changed and should be saved.
    Changed,
    /// The action cannot be done; say why.
    Refused(String),
    Edit(Field),
    /// A record (a task, a commitment) was added: save it and start typing
    /// in its first text field.
    Added(Field),
    /// Ask a yes/no question before doing something that cannot be undone.
    Confirm(Pending),
    Complete,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    DeleteTask(usize),
    DeleteCommitment(usize),
    Complete,
}

impl Pending {
    fn question(&self) -> &'static str {
        match self {
            Pending::DeleteTask(_) => "Remove this task?",
            Pending::DeleteCommitment(_) => "Remove this commitment?",
            Pending::Complete => {
                "Complete this assessment and save it? You can still read it afterwards."
            }
        }
    }
}

/// What a worksheet needs to draw itself.
pub struct SheetView<'a> {
    pub sheet: Sheet,
    pub workbook: &'a Workbook,
    pub assessment: &'a Assessment,
    pub theme: Theme,
    pub editor: Option<&'a Editor>,
    pub editing: Option<&'a Field>,
    /// A completed assessment: what is empty was left blank, and nothing
    /// invites an answer.
    pub read_only: bool,
}

impl SheetView<'_> {
    /// What an empty field says: how to fill it in, or, read-only, that
    /// it was left blank.
    pub fn empty<'t>(&self, invitation: &'t str) -> &'t str {
        if self.read_only {
            "left blank"
        } else {
            invitation
        }
    }

    /// What an empty text field of a form says: that it is being typed
    /// in the box below, what goes in it (and, highlighted, how to start
    /// typing), or, read-only, that it was left blank.
    pub fn empty_field(&self, field: &Field, invitation: &str, selected: bool) -> String {
        if self.editing == Some(field) {
            return "↓ typing in the box below".to_string();
        }
        if self.read_only || !selected {
            return self.empty(invitation).to_string();
        }
        let enter = keymap::key_for(Context::TextField, Action::Select);
        format!("{invitation} (press {enter} to type)")
    }
}

/// The fewest columns of a row in the worksheet list: its title, then its
/// progress ending in one column, a space short of the list's edge.
const SHEET_ROW: usize = 33;

/// From this width of the body the worksheet list sits beside the sheet.
const SIDEBAR_FROM: u16 = 110;

/// The worksheet list's width at `SIDEBAR_FROM`.
const SIDEBAR_MIN: u16 = SHEET_ROW as u16 + 3;

/// Columns a row of the worksheet list needs for every title whole, with
/// the widest progress ("10/11") beside it.
fn sheet_row_width(workbook: &Workbook) -> usize {
    Sheet::ALL
        .iter()
        .map(|sheet| 4 + text_width(&sanitize_line(&sheet.title(workbook))) + 1 + 5)
        .max()
        .unwrap_or(0)
        .max(SHEET_ROW)
}

const READ_ONLY: &str =
    "This assessment is complete, so it is shown read-only. Start a new one to answer again.";

pub struct SessionScreen {
    pub person: Person,
    pub assessment: Assessment,
    pub sheet: Sheet,
    pub rated: Vec<RatedView>,
    pub checkin: CheckInView,
    pub modes: ModesView,
    pub commitments: CommitmentsView,
    pub summary: SummaryView,
    pub editing: Option<(Field, Editor)>,
    /// The worksheet list, open with `g`, and its highlighted row.
    pub picker: Option<usize>,
    pub confirm: Option<Pending>,
    size: (u16, u16),
    /// Held while the session is open so a second window cannot write the
    /// same person's files; released when the session closes.
    lock: Option<PersonLock>,
    /// A completed assessment opened from the history: shown, never changed.
    read_only: bool,
    /// The assessment as it was when a new one was started, so leaving
    /// without answering anything does not leave an empty draft behind.
    untouched: Option<Assessment>,
    /// The version of the draft file this session last read or wrote, so a
    /// save never overwrites a change another program made.
    pub draft_version: Option<FileVersion>,
}

impl SessionScreen {
    pub fn new(person: Person, assessment: Assessment) -> Self {
        Self {
            person,
            assessment,
            sheet: Sheet::CheckIn,
            rated: vec![RatedView::default(); Sheet::ALL.len()],
            checkin: CheckInView::default(),
            modes: ModesView::default(),
            commitments: CommitmentsView::default(),
            summary: SummaryView::default(),
            editing: None,
            picker: None,
            confirm: None,
            size: (0, 0),
            lock: None,
            read_only: false,
            untouched: None,
            draft_version: None,
        }
    }

    /// Marks this as a brand-new assessment (see `untouched`).
    pub fn fresh(mut self) -> Self {
        self.untouched = Some(self.assessment.clone());
        self
    }

    fn is_untouched(&self) -> bool {
        self.untouched.as_ref().is_some_and(|start| {
            let mut now = self.assessment.clone();
            now.updated = start.updated;
            now == *start
        })
    }

    pub fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn with_lock(mut self, lock: PersonLock) -> Self {
        self.lock = Some(lock);
        self
    }

    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }

    /// Resumes a draft read from disk in this version.
    pub fn with_draft_version(mut self, version: Option<FileVersion>) -> Self {
        self.draft_version = version;
        self
    }

    pub fn save(&self, cx: &mut Ctx<'_>) {
        cx.effects.push(Effect::SaveDraft {
            person: self.person.clone(),
            assessment: Box::new(self.assessment.clone()),
            known: self.draft_version,
        });
    }

    /// A save of this session's draft went through: remember the version
    /// written, and the new id if it went beside a changed draft.
    pub fn saved(&mut self, id: &str, version: Option<FileVersion>) {
        self.assessment.id = id.to_string();
        self.draft_version = version;
    }

    fn changed(&mut self, cx: &mut Ctx<'_>) {
        self.assessment.updated = cx.now;
        self.save(cx);
    }

    /// Where the session is, after the person's name in the title bar:
    /// "7/10 Learning or performance".
    pub fn breadcrumb(&self, workbook: &Workbook) -> String {
        let read_only = if self.read_only { " (read-only)" } else { "" };
        format!(
            "{}/{} {}{read_only}",
            self.sheet.index() + 1,
            Sheet::ALL.len(),
            sanitize_line(&self.sheet.title(workbook))
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
        let field = match self.form_field() {
            Some(true) => Some(Context::TextField),
            Some(false) => Some(Context::Choice),
            None => None,
        };
        let own = match self.sheet {
            Sheet::CheckIn => vec![Context::Form],
            Sheet::Modes => vec![Context::Tasks, Context::Form],
            Sheet::Commitments => vec![Context::Commitments, Context::Form],
            Sheet::Summary => vec![Context::Summary],
            _ => vec![Context::Rated],
        };
        let read_only = self.read_only.then_some(Context::ReadOnly);
        read_only
            .into_iter()
            .chain(field)
            .chain(own)
            .chain([Context::Sheet])
            .collect()
    }

    /// On a form, what the highlighted field is: `Some(true)` text,
    /// `Some(false)` a choice; `None` off a form or on an empty one.
    fn form_field(&self) -> Option<bool> {
        let assessment = &self.assessment;
        match self.sheet {
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
        let row = if self.sheet.is_rated() {
            self.rated[self.sheet.index()].selected
        } else {
            self.form_position()
        };
        (self.sheet, row)
    }

    /// Where the cursor is on a form, to tell whether a step moved it.
    fn form_position(&self) -> usize {
        match self.sheet {
            Sheet::CheckIn => self.checkin.selected,
            Sheet::Modes => self.modes.selected.position,
            Sheet::Commitments => self.commitments.selected.position,
            _ => 0,
        }
    }

    /// The highest point of the current item's scale, on a rated sheet.
    pub fn scale_top(&self, workbook: &Workbook) -> Option<u8> {
        if !self.sheet.is_rated() {
            return None;
        }
        let view = &self.rated[self.sheet.index()];
        let rated = self.sheet.rated(workbook).into_iter().nth(view.selected)?;
        Some(super::rated::row_text(workbook, &rated).scale.max())
    }

    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = (width, height);
    }

    pub fn handle(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        if self.editing.is_some() {
            if action == Action::NewLine {
                let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
                return self.edit_key(enter, cx);
            }
            return self.finish_editing(action, cx);
        }
        if let Some(pending) = self.confirm.take() {
            if action == Action::Yes {
                self.confirmed(pending, cx);
            }
            return Outcome::Stay;
        }
        if let Some(row) = self.picker {
            match action {
                Action::Up => self.picker = Some(row.saturating_sub(1)),
                Action::Down => self.picker = Some((row + 1).min(Sheet::ALL.len() - 1)),
                Action::Select => {
                    self.sheet = Sheet::ALL[row];
                    self.picker = None;
                }
                Action::Jump(number) => {
                    let index = if number == 0 {
                        9
                    } else {
                        usize::from(number) - 1
                    };
                    if let Some(sheet) = Sheet::ALL.get(index) {
                        self.sheet = *sheet;
                        self.picker = None;
                    }
                }
                Action::Back => self.picker = None,
                _ => {}
            }
            return Outcome::Stay;
        }
        let outcome = if self.read_only {
            self.read_only_action(action, cx)
        } else {
            self.sheet_action(action, cx)
        };
        self.follow(outcome, action, cx)
    }

    /// Worksheets change answers as they handle keys; here any change is
    /// undone at once and the person told why.
    fn read_only_action(&mut self, action: Action, cx: &mut Ctx<'_>) -> SheetOutcome {
        if action.changes_answers() {
            return SheetOutcome::Refused(READ_ONLY.to_string());
        }
        let before = self.assessment.clone();
        match self.sheet_action(action, cx) {
            SheetOutcome::Changed
            | SheetOutcome::Edit(_)
            | SheetOutcome::Added(_)
            | SheetOutcome::Confirm(_)
            | SheetOutcome::Complete => {
                self.assessment = before;
                SheetOutcome::Refused(READ_ONLY.to_string())
            }
            other => other,
        }
    }

    fn sheet_action(&mut self, action: Action, cx: &mut Ctx<'_>) -> SheetOutcome {
        let workbook = cx.workbook;
        let assessment = &mut self.assessment;
        match self.sheet {
            Sheet::CheckIn => self.checkin.handle(action, assessment),
            Sheet::Modes => self.modes.handle(action, assessment),
            Sheet::Commitments => self.commitments.handle(action, workbook, assessment),
            Sheet::Summary => self.summary.handle(action),
            sheet => self.rated[sheet.index()].handle(sheet, action, workbook, assessment),
        }
    }

    fn follow(&mut self, outcome: SheetOutcome, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        match outcome {
            SheetOutcome::Nothing => {}
            SheetOutcome::Changed => self.changed(cx),
            SheetOutcome::Refused(why) => *cx.status = Some(Status::error(why)),
            SheetOutcome::Edit(field) => self.start_editing(field, cx),
            SheetOutcome::Added(field) => {
                self.changed(cx);
                self.start_editing(field, cx);
            }
            SheetOutcome::Confirm(pending) => self.confirm = Some(pending),
            SheetOutcome::Complete => self.confirm = Some(Pending::Complete),
            SheetOutcome::Unhandled => return self.session_action(action, cx),
        }
        Outcome::Stay
    }

    fn session_action(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        let jump = keymap::key_for(Context::Sheet, Action::SheetList);
        match action {
            // Tab on a form goes field by field, and only past its last
            // field on to the next worksheet: never off a half-filled task.
            Action::NextField | Action::PrevField => {
                let forward = action == Action::NextField;
                if self.step_field(forward, cx) {
                    if self.form_field() == Some(false) {
                        *cx.status = Some(Status::notice(choice_hint()));
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
            // At either end, say why nothing moved.
            Action::NextSheet if self.sheet == Sheet::Summary => {
                *cx.status = Some(Status::notice(if self.read_only {
                    format!("This is the last worksheet; {jump} jumps to any other.")
                } else {
                    let complete = keymap::key_for(Context::Summary, Action::Complete);
                    format!(
                        "This is the last worksheet: {complete} completes the assessment, {jump} jumps to any other."
                    )
                }));
            }
            Action::PrevSheet if self.sheet == Sheet::CheckIn => {
                *cx.status = Some(Status::notice(format!(
                    "This is the first worksheet; {jump} jumps to any other."
                )));
            }
            Action::NextSheet => self.sheet = self.sheet.next(),
            Action::PrevSheet => self.sheet = self.sheet.previous(),
            Action::SheetList => self.picker = Some(self.sheet.index()),
            Action::Reference => return Outcome::Push(reference_screen(cx.workbook)),
            Action::Back if self.is_untouched() => {
                // Nothing was answered: no draft is worth keeping.
                // Its save may still be waiting to run; it must not bring
                // the draft back.
                let id = self.assessment.id.clone();
                cx.effects.retain(|effect| {
                    !matches!(effect, Effect::SaveDraft { assessment, .. } if assessment.id == id)
                });
                cx.forget_unsaved(&self.person, &id);
                if let Err(error) =
                    cx.store
                        .discard_draft(&self.person, &self.assessment.id, self.draft_version)
                {
                    *cx.status = Some(Status::error(format!(
                        "Could not remove the empty draft: {error}"
                    )));
                }
                return Outcome::Pop;
            }
            Action::Back if !self.read_only && cx.is_unsaved(&self.person, &self.assessment.id) => {
                return Outcome::Ask(Question::LeaveUnsaved);
            }
            Action::Back => {
                // A save still to run that fails takes this message away
                // before it is ever drawn.
                if !self.read_only {
                    *cx.status = Some(Status::info(
                        "Your answers are saved as a draft; resume them any time.",
                    ));
                }
                return Outcome::Pop;
            }
            _ => {}
        }
        Outcome::Stay
    }

    fn confirmed(&mut self, pending: Pending, cx: &mut Ctx<'_>) {
        match pending {
            Pending::DeleteTask(index) => {
                if index < self.assessment.tasks.len() {
                    self.assessment.tasks.remove(index);
                    self.modes.clamp(self.assessment.tasks.len());
                    self.changed(cx);
                }
            }
            Pending::DeleteCommitment(index) => {
                if index < self.assessment.commitments.len() {
                    self.assessment.commitments.remove(index);
                    self.commitments.clamp(self.assessment.commitments.len());
                    self.changed(cx);
                }
            }
            Pending::Complete => cx.effects.push(Effect::Complete {
                person: self.person.clone(),
                assessment: Box::new(self.assessment.clone()),
                known: self.draft_version,
            }),
        }
    }

    fn start_editing(&mut self, field: Field, cx: &Ctx<'_>) {
        let title = field_title(&field);
        let editor = Editor::new(
            &field.get(&self.assessment),
            field.is_multiline(),
            &title,
            cx.theme,
        );
        self.editing = Some((field, editor));
    }

    /// Keys the editor did not claim: finishing, or moving to another field.
    fn finish_editing(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        let Some((field, editor)) = &self.editing else {
            return Outcome::Stay;
        };
        if !matches!(
            action,
            Action::FinishEditing | Action::NextField | Action::PrevField
        ) {
            return Outcome::Stay;
        }
        let text = editor.text();
        if let Err(why) = field.set(&mut self.assessment, &text) {
            *cx.status = Some(Status::error(why));
            return Outcome::Stay;
        }
        let field = field.clone();
        self.editing = None;
        self.changed(cx);
        // Kept as written: a date that has passed may be a slip of the
        // year, or a record of what was agreed.
        if let Field::Commitment(index, CommitmentField::Due) = field
            && let Some(due) = self.assessment.commitments.get(index).and_then(|c| c.due)
            && due < cx.now.date_naive()
        {
            *cx.status = Some(Status::notice(format!(
                "{} has already passed. Kept as written; change it if that was a slip.",
                due.format("%-d %B %Y")
            )));
        }
        // Tab while typing in a form moves on to the next field and opens
        // it, so a form can be filled without reaching for other keys; at
        // the form's end it stops, so typing never carries a person off
        // the worksheet.
        let forward = match action {
            Action::NextField => true,
            Action::PrevField => false,
            _ => return Outcome::Stay,
        };
        if self.sheet.is_rated() {
            return Outcome::Stay;
        }
        if !self.step_field(forward, cx) {
            let (end, onwards) = if forward {
                ("last", "next")
            } else {
                ("first", "previous")
            };
            let key = keymap::key_for(Context::Form, action);
            *cx.status = Some(Status::notice(format!(
                "That was the {end} field of this worksheet; {key} again goes to the {onwards} worksheet."
            )));
            return Outcome::Stay;
        }
        self.open_field_in_focus(cx);
        Outcome::Stay
    }

    /// Moves to the next or previous field of a form; false when there is
    /// none that way.
    fn step_field(&mut self, forward: bool, cx: &mut Ctx<'_>) -> bool {
        let before = self.form_position();
        self.sheet_action(if forward { Action::Down } else { Action::Up }, cx);
        self.form_position() != before
    }

    /// After Tab while typing: the next field is typed into at once if it
    /// holds text; a choice says how to choose, which is easy to miss with
    /// the hands still on the letters.
    fn open_field_in_focus(&mut self, cx: &mut Ctx<'_>) {
        let next = match self.sheet {
            Sheet::CheckIn => self.checkin.current_field(&self.assessment),
            Sheet::Modes => self.modes.current_field(&self.assessment),
            Sheet::Commitments => self.commitments.current_field(&self.assessment),
            _ => None,
        };
        match next {
            Some(next) => self.start_editing(next, cx),
            None => *cx.status = Some(Status::notice(choice_hint())),
        }
    }

    /// A key typed into the open editor. Every change is written into the
    /// assessment and saved, so a kill loses at most the key in flight.
    pub fn edit_key(&mut self, key: KeyEvent, cx: &mut Ctx<'_>) -> Outcome {
        let changed = self
            .editing
            .as_mut()
            .is_some_and(|(_, editor)| editor.key(key));
        if changed {
            self.store_editor_text(cx);
        }
        Outcome::Stay
    }

    pub fn paste(&mut self, text: &str, cx: &mut Ctx<'_>) -> Outcome {
        let changed = self
            .editing
            .as_mut()
            .is_some_and(|(_, editor)| editor.paste(text));
        if changed {
            self.store_editor_text(cx);
        }
        Outcome::Stay
    }

    fn store_editor_text(&mut self, cx: &mut Ctx<'_>) {
        let Some((field, editor)) = &self.editing else {
            return;
        };
        // A half-typed date is kept in the editor until it parses; every
        // other field is written through at once.
        if field.set(&mut self.assessment, &editor.text()).is_ok() {
            self.changed(cx);
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
        if !self.sheet.is_rated() {
            return Outcome::Stay;
        }
        let (main, _) = self.areas(Rect::new(0, 0, self.size.0, self.size.1), cx.workbook);
        let view = &self.rated[self.sheet.index()];
        if let Some((scale, max)) = view.scale_rows(self.sheet, cx.workbook, &self.assessment, main)
            && mouse.column >= scale.x
            && mouse.column < scale.right()
            && mouse.row >= scale.y
            && mouse.row < scale.bottom()
        {
            let value = (mouse.row - scale.y) as u8;
            if value <= max {
                return self.handle(Action::Rate(value), cx);
            }
        }
        Outcome::Stay
    }

    /// The worksheet area and the sidebar (on wide terminals), from the
    /// whole terminal; shared by drawing and mouse handling.
    fn areas(&self, terminal: Rect, workbook: &Workbook) -> (Rect, Option<Rect>) {
        // The frame takes a header row on top and status and footer below.
        let body = Rect {
            y: terminal.y + 1,
            height: terminal.height.saturating_sub(3),
            ..terminal
        };
        if body.width >= SIDEBAR_FROM {
            // The sheet keeps at least what it had at the narrowest width
            // the list is shown at; a wider terminal gives long titles room.
            let most = usize::from(body.width - (SIDEBAR_FROM - SIDEBAR_MIN));
            let side_width = (sheet_row_width(workbook) + 3).min(most) as u16;
            let [side, main] =
                Layout::horizontal([Constraint::Length(side_width), Constraint::Fill(1)])
                    .areas(body);
            (inset(main), Some(side))
        } else {
            (inset(body), None)
        }
    }

    pub fn draw(&self, frame: &mut Frame<'_>, body: Rect, app: &App) {
        let theme = app.theme;
        let terminal = Rect {
            y: body.y - 1,
            height: body.height + 3,
            ..body
        };
        let (main, side) = self.areas(terminal, app.workbook());
        if let Some(side) = side {
            self.draw_sidebar(frame, side, app);
        }
        let view = SheetView {
            sheet: self.sheet,
            workbook: app.workbook(),
            assessment: &self.assessment,
            theme,
            editor: self.editing.as_ref().map(|(_, editor)| editor),
            editing: self.editing.as_ref().map(|(field, _)| field),
            read_only: self.read_only,
        };
        match self.sheet {
            Sheet::CheckIn => self.checkin.draw(frame, main, &view),
            Sheet::Modes => self.modes.draw(frame, main, &view),
            Sheet::Commitments => self.commitments.draw(frame, main, &view),
            Sheet::Summary => self.summary.draw(frame, main, &view),
            sheet => self.rated[sheet.index()].draw(frame, main, &view),
        }
        if let Some(row) = self.picker {
            self.draw_picker(frame, body, row, app);
        }
        if let Some(pending) = &self.confirm {
            confirm_box(frame, body, pending.question(), theme);
        }
    }

    /// One row per worksheet, each `width` columns: its number and title,
    /// then its progress ending in the last column. A title too long for
    /// the row is cut after a whole word.
    fn sheet_rows(
        &self,
        workbook: &Workbook,
        width: usize,
        theme: Theme,
    ) -> Vec<ListItem<'static>> {
        Sheet::ALL
            .iter()
            .enumerate()
            .map(|(index, sheet)| {
                let progress = match sheet.progress(workbook, &self.assessment) {
                    Some((done, total)) if done == total && total > 0 => "✓ done".to_string(),
                    Some((done, total)) => format!("{done}/{total}"),
                    None => String::new(),
                };
                let marker = if *sheet == self.sheet { "▶" } else { " " };
                let lead = format!("{marker}{:>2} ", index + 1);
                let title = sanitize_line(&sheet.title(workbook));
                // Beside the longest title "✓ done" would push the column
                // out of line; the tick alone says it.
                let progress =
                    if text_width(&lead) + text_width(&title) + text_width(&progress) >= width {
                        progress.replace(" done", "")
                    } else {
                        progress
                    };
                let room = width.saturating_sub(text_width(&lead) + text_width(&progress) + 1);
                let title = format!("{lead}{}", fit_words(&title, room));
                let pad = width.saturating_sub(text_width(&title) + text_width(&progress));
                ListItem::new(Line::from(vec![
                    Span::raw(title),
                    Span::styled(
                        format!("{}{progress}", " ".repeat(pad.max(1))),
                        theme.muted(),
                    ),
                ]))
            })
            .collect()
    }

    fn draw_sidebar(&self, frame: &mut Frame<'_>, area: Rect, app: &App) {
        let block = Block::new()
            .borders(Borders::RIGHT)
            .border_style(app.theme.border())
            .title(" Worksheets ");
        let mut state = ListState::default().with_selected(Some(self.sheet.index()));
        let width = usize::from(area.width.saturating_sub(3));
        frame.render_stateful_widget(
            List::new(self.sheet_rows(app.workbook(), width, app.theme))
                .block(block)
                .highlight_style(app.theme.heading()),
            area,
            &mut state,
        );
    }

    fn draw_picker(&self, frame: &mut Frame<'_>, body: Rect, row: usize, app: &App) {
        // As wide as the rows need, with room either side of them.
        let width = u16::try_from(sheet_row_width(app.workbook()) + 11).unwrap_or(u16::MAX);
        let area = centered(body, width, Sheet::ALL.len() as u16 + 2);
        let row_width = usize::from(area.width.saturating_sub(11));
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(app.theme.focus_border())
            .title(" Go to worksheet ");
        let mut state = ListState::default().with_selected(Some(row));
        frame.render_widget(Clear, area);
        frame.render_stateful_widget(
            List::new(self.sheet_rows(app.workbook(), row_width, app.theme))
                .block(block)
                .highlight_style(app.theme.selected()),
            area,
            &mut state,
        );
    }
}

fn field_title(field: &Field) -> String {
    use crate::assessment::{CommitmentField, TaskField};
    let what = match field {
        Field::Note(_) => "Note",
        Field::Role => "Your role and context",
        Field::Situation => "The delegation situation on your mind",
        Field::FollowUpNote(_) => "How it went",
        Field::Task(_, TaskField::Title) => "The task",
        Field::Task(_, TaskField::ToWhom) => "To whom",
        Field::Task(_, TaskField::Note) => "Note",
        Field::Commitment(_, CommitmentField::FirstStep) => "First step",
        Field::Commitment(_, CommitmentField::WithWhom) => "With whom",
        Field::Commitment(_, CommitmentField::Due) => "By when (year-month-day, e.g. 2026-12-15)",
        Field::Commitment(_, CommitmentField::Checkpoint) => "Checkpoint",
    };
    // The box says how typing ends, in the table's own words.
    let finish = keymap::key_for(Context::Editing, Action::FinishEditing);
    let keys = if field.is_multiline() {
        let new_line = keymap::key_for(Context::EditingText, Action::NewLine);
        format!("{new_line} new line · {finish} done")
    } else {
        let done = keymap::key_for(Context::EditingLine, Action::FinishEditing);
        format!("{done} done")
    };
    format!("{what} — {keys}")
}

/// What to press on a choice, for the status line.
fn choice_hint() -> String {
    format!(
        "A choice: {} or {} picks one; {} goes on to the next field.",
        keymap::key_for(Context::Choice, Action::Left),
        keymap::key_for(Context::Choice, Action::Right),
        keymap::key_for(Context::Form, Action::NextField),
    )
}
