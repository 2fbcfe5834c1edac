//! Text typed into a field is text. For every text field of every worksheet
//! (found by walking each sheet as a person would, so a field added later is
//! covered too), a text made of keys that are also commands is typed,
//! finished the way the box says, and the saved draft is read back: it
//! differs from before only in that field, which holds exactly what was
//! typed.

mod common;

use proptest::prelude::*;
use ratatui::crossterm::event::KeyCode;

use handoff::app::{App, Screen};
use handoff::assessment::{Assessment, CommitmentField, DecisionField, Field};
use handoff::keymap::Context;
use handoff::ui::screens::{HomeScreen, SessionScreen, Sheet};

/// Every printable key a person might type that is also bound to a command
/// somewhere: letters (l h x r q n e g c a d m …), digits, space,
/// punctuation (? among them).
const KEYS_AS_TEXT: &str = "the quick brown fox jumps over a lazy dog \
    THE QUICK BROWN FOX JUMPS OVER A LAZY DOG 0123456789 \
    ?!.,;:'\"-_()[]{}<>/\\|@#$%^&*+=~` lhxrqnegcadmjk";

/// Ana's structure (a follow-up, two tasks, a commitment, ratings on every
/// sheet) with every text field empty, so a field's text after typing is
/// exactly what was typed.
fn blank_assessment() -> Assessment {
    let mut assessment = common::full_assessment("Ana");
    assessment.check_in.role.clear();
    assessment.check_in.situation.clear();
    for follow_up in &mut assessment.check_in.follow_ups {
        follow_up.note.clear();
    }
    assessment.placement.note.clear();
    for answers in [
        &mut assessment.readiness,
        &mut assessment.drivers,
        &mut assessment.symptoms,
        &mut assessment.aggravators,
        &mut assessment.remedies,
        &mut assessment.support,
    ] {
        for answer in answers.values_mut() {
            answer.note.clear();
        }
    }
    for task in &mut assessment.tasks {
        task.title.clear();
        task.to_whom.clear();
        task.note.clear();
    }
    for commitment in &mut assessment.commitments {
        commitment.first_step.clear();
        commitment.with_whom.clear();
        commitment.checkpoint.clear();
        commitment.due = None;
    }
    // Two people, a skill and a decision, their texts empty.
    assessment.team = common::team(2, 1);
    for member in &mut assessment.team.members {
        member.name.clear();
        member.role.clear();
    }
    assessment.team.skills[0].name.clear();
    assessment.team.decisions.truncate(1);
    assessment.team.decisions[0].title.clear();
    assessment.team.decisions[0].by = None;
    assessment
}

struct Typist {
    app: App,
    _dir: tempfile::TempDir,
}

impl Typist {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp");
        let mut app = common::app(&dir);
        let person = app.store.add_person("Ana").expect("person");
        app.store
            .save_draft(&person, &blank_assessment())
            .expect("first save");
        let path = app.store.draft_path(&person, &blank_assessment().id);
        let version = handoff::store::read_assessment(&path)
            .expect("the first save reads back")
            .version;
        let session = SessionScreen::new(handoff::session::Session::resume(
            person.clone(),
            blank_assessment(),
            version,
            common::clock,
        ));
        app.screens.push(Screen::Home(HomeScreen::new(person)));
        app.screens.push(Screen::Session(Box::new(session)));
        Self { app, _dir: dir }
    }

    /// A key; its saves wait for [`Typist::saved`].
    fn press(&mut self, code: KeyCode) {
        common::press_without_effects(&mut self.app, code);
    }

    fn session(&self) -> &SessionScreen {
        match self.app.screen() {
            Screen::Session(session) => session,
            _ => panic!("the session closed"),
        }
    }

    /// The draft as it is on disk now.
    fn saved(&mut self) -> Assessment {
        self.app.run_effects();
        let session = self.session();
        let path = self
            .app
            .store
            .draft_path(session.person(), &session.assessment().id);
        handoff::store::read_assessment(&path)
            .expect("the draft reads back")
            .assessment
    }

    /// Opens worksheet `sheet` from the worksheet list by its number, and
    /// moves to its first row.
    fn open(&mut self, sheet: Sheet) {
        self.press(KeyCode::Char('g'));
        for _ in 0..Sheet::ALL.len() {
            self.press(KeyCode::Up);
        }
        for _ in 0..sheet.index() {
            self.press(KeyCode::Down);
        }
        self.press(KeyCode::Enter);
        assert_eq!(
            self.session().sheet(),
            sheet,
            "the list opened another sheet"
        );
        if sheet == Sheet::Team {
            self.open_part(0);
        }
        while self.session().focus().1 > 0 {
            self.press(KeyCode::Up);
        }
    }

    /// Opens a part of the team sheet with `[` and `]`, as the footer says.
    fn open_part(&mut self, part: usize) {
        for _ in 0..5 {
            self.press(KeyCode::Char('['));
        }
        for _ in 0..part {
            self.press(KeyCode::Char(']'));
        }
    }

    /// Moves to cell `position` (row × 64 + column) of a team grid with
    /// the arrows, from its first cell.
    fn go_to_cell(&mut self, position: usize) {
        for _ in 0..30 {
            self.press(KeyCode::Up);
            self.press(KeyCode::Left);
        }
        for _ in 0..position / 64 {
            self.press(KeyCode::Down);
        }
        for _ in 0..position % 64 {
            self.press(KeyCode::Right);
        }
        assert_eq!(self.session().focus().1, position);
    }

    /// Moves to row `row` of the open sheet, from its top.
    fn go_to_row(&mut self, row: usize) {
        while self.session().focus().1 > 0 {
            self.press(KeyCode::Up);
        }
        for _ in 0..row {
            self.press(KeyCode::Down);
        }
        assert_eq!(self.session().focus().1, row);
    }

    /// Every row of every worksheet that takes text, found the way a person
    /// finds them: each sheet opened, ↓ until the cursor stops; on the
    /// team sheet, each part opened and, in its grids, → along each row.
    fn text_fields(&mut self) -> Vec<(Sheet, usize, usize)> {
        let mut found = Vec::new();
        for sheet in Sheet::ALL {
            if sheet == Sheet::Summary {
                continue;
            }
            self.open(sheet);
            if sheet == Sheet::Team {
                found.extend(self.team_text_fields());
                continue;
            }
            loop {
                let (_, row) = self.session().focus();
                let takes_text =
                    sheet.is_rated() || self.app.contexts().contains(&Context::TextField);
                if takes_text {
                    found.push((sheet, 0, row));
                }
                self.press(KeyCode::Down);
                if self.session().focus().1 == row {
                    break;
                }
            }
        }
        found
    }

    fn team_text_fields(&mut self) -> Vec<(Sheet, usize, usize)> {
        let mut found = Vec::new();
        for part in 0..5 {
            self.open_part(part);
            let grid = part != 0;
            if grid {
                for _ in 0..30 {
                    self.press(KeyCode::Up);
                    self.press(KeyCode::Left);
                }
            }
            loop {
                let row_start = self.session().focus().1;
                loop {
                    let at = self.session().focus().1;
                    if self.app.contexts().contains(&Context::TextField) {
                        found.push((Sheet::Team, part, at));
                    }
                    if !grid {
                        break;
                    }
                    self.press(KeyCode::Right);
                    if self.session().focus().1 == at {
                        break;
                    }
                }
                if grid {
                    for _ in 0..30 {
                        self.press(KeyCode::Left);
                    }
                }
                self.press(KeyCode::Down);
                if self.session().focus().1 == row_start {
                    break;
                }
            }
        }
        found
    }

    /// Starts typing where the footer says: `n` for an item's note, Enter
    /// for a field of a form. Returns the field and whether the box says
    /// Enter makes a new line in it.
    fn start_typing(&mut self, sheet: Sheet) -> (Field, bool) {
        let footer_key = if sheet.is_rated() {
            KeyCode::Char('n')
        } else {
            KeyCode::Enter
        };
        self.press(footer_key);
        let screen = common::render(&self.app, 120, 40);
        let field = self
            .session()
            .editing
            .as_ref()
            .map(|(field, _)| field.clone())
            .unwrap_or_else(|| panic!("no box opened on {sheet:?}:\n{screen}"));
        let multiline = screen.contains("Enter new line · Esc done");
        assert!(
            multiline || screen.contains("— Enter done"),
            "the box does not say how to finish:\n{screen}"
        );
        (field, multiline)
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\n' => self.press(KeyCode::Enter),
                c => self.press(KeyCode::Char(c)),
            }
        }
    }
}

fn is_due_date(field: &Field) -> bool {
    matches!(
        field,
        Field::Commitment(_, CommitmentField::Due) | Field::Decision(_, DecisionField::By)
    )
}

/// Types `text` into every text field in turn and checks each save.
fn type_into_every_field(text: &str) -> usize {
    let mut typist = Typist::new();
    let fields = typist.text_fields();
    for &(sheet, part, row) in &fields {
        typist.open(sheet);
        if sheet == Sheet::Team {
            typist.open_part(part);
            if part == 0 {
                typist.go_to_row(row);
            } else {
                typist.go_to_cell(row);
            }
        } else {
            typist.go_to_row(row);
        }
        let before = typist.saved();
        let (field, multiline) = typist.start_typing(sheet);
        let typed = if is_due_date(&field) {
            "2026-12-24".to_string()
        } else if multiline {
            text.to_string()
        } else {
            text.replace('\n', " ")
        };
        typist.type_text(&typed);
        typist.press(if multiline {
            KeyCode::Esc
        } else {
            KeyCode::Enter
        });
        assert!(
            typist.session().editing.is_none(),
            "{field:?}: finishing as the box says left it open"
        );
        let after = typist.saved();
        assert_eq!(field.get(&after), typed, "{field:?} holds other text");
        let mut expected = before;
        field
            .set(&mut expected, &typed)
            .expect("the typed text is valid");
        expected.updated = after.updated;
        assert_eq!(
            after, expected,
            "typing into {field:?} changed something else"
        );
        assert_eq!(
            typist.session().sheet(),
            sheet,
            "typing moved to another sheet"
        );
    }
    fields.len()
}

#[test]
fn every_key_typed_into_every_field_is_text_and_changes_only_that_field() {
    let typed = format!("{KEYS_AS_TEXT}\nsecond line 1 2 3 q\n\nafter a blank line");
    let fields = type_into_every_field(&typed);
    // One placement note, 3 + 6 + 9 + 8 + 11 + 3 item notes, role,
    // situation, one follow-up note, 3 fields on each of two tasks, 4 on
    // the commitment; on the team sheet, 4 on each of two people, a
    // skill's name, a decision's name and its date.
    assert_eq!(
        fields,
        1 + 40 + 3 + 6 + 4 + 8 + 1 + 2,
        "fields found: {fields}"
    );
}

#[test]
fn enter_in_a_note_is_a_new_line_and_what_follows_is_still_text() {
    // Seen in a session: rate 1, n, a sentence, Enter, "still" → the
    // placement became 3, the opposite of the answer given.
    let mut typist = Typist::new();
    typist.open(Sheet::Gap);
    typist.press(KeyCode::Char('1'));
    typist.press(KeyCode::Char('n'));
    typist.type_text("I hold on to the rota.\nstill");
    typist.press(KeyCode::Esc);
    let saved = typist.saved();
    assert_eq!(saved.placement.rating, Some(1));
    assert_eq!(saved.placement.note, "I hold on to the rota.\nstill");
}

#[test]
fn a_new_task_is_named_in_the_box_and_enter_keeps_the_name() {
    let mut typist = Typist::new();
    typist.open(Sheet::Modes);
    typist.press(KeyCode::Char('a'));
    let screen = common::render(&typist.app, 60, 20);
    assert!(
        screen.contains("typing in the box below") && screen.contains("The task — Enter done"),
        "the new task does not say where its name goes:\n{screen}"
    );
    typist.type_text("Monthly report mr");
    typist.press(KeyCode::Enter);
    let saved = typist.saved();
    assert_eq!(saved.tasks.len(), 3);
    assert_eq!(saved.tasks[2].title, "Monthly report mr");
    assert_eq!(
        saved.tasks[2].mode, None,
        "m typed into the name switched a mode"
    );
}

#[test]
fn a_on_commitments_also_starts_typing_the_first_step() {
    let mut typist = Typist::new();
    typist.open(Sheet::Commitments);
    typist.press(KeyCode::Char('a'));
    typist.type_text("Ask Sam first");
    typist.press(KeyCode::Enter);
    let saved = typist.saved();
    assert_eq!(saved.commitments.len(), 2);
    assert_eq!(saved.commitments[1].first_step, "Ask Sam first");
    assert!(!saved.commitments[1].remedy.is_empty(), "no remedy chosen");
}

#[test]
fn tab_on_a_choice_goes_to_the_next_field_never_off_the_sheet() {
    let mut typist = Typist::new();
    typist.open(Sheet::Modes);
    // Task 1: what, to whom, for (a choice), note.
    typist.go_to_row(2);
    typist.press(KeyCode::Tab);
    assert_eq!(typist.session().focus(), (Sheet::Modes, 3));
    // Past the last field of the last task, Tab goes on.
    typist.go_to_row(4);
    for _ in 4..8 {
        typist.press(KeyCode::Tab);
    }
    assert_eq!(typist.session().sheet(), Sheet::Commitments);
    // While typing, Tab at the last field keeps the text and stays.
    typist.open(Sheet::Commitments);
    typist.go_to_row(4);
    typist.press(KeyCode::Enter);
    typist.type_text("Friday");
    typist.press(KeyCode::Tab);
    assert_eq!(typist.session().sheet(), Sheet::Commitments);
    assert!(typist.session().editing.is_none());
    let screen = common::render(&typist.app, 60, 20);
    assert!(screen.contains("That was the last field"), "{screen}");
}

#[test]
fn a_date_that_is_not_a_date_is_refused_and_the_box_stays_open() {
    let mut typist = Typist::new();
    typist.open(Sheet::Commitments);
    typist.go_to_row(3);
    let before = typist.saved();
    typist.press(KeyCode::Enter);
    typist.type_text("next friday q");
    typist.press(KeyCode::Enter);
    assert!(
        typist.session().editing.is_some(),
        "the box closed on a bad date"
    );
    let screen = common::render(&typist.app, 60, 20);
    assert!(screen.contains("like 2026-12-15"), "{screen}");
    let mut after = typist.saved();
    after.updated = before.updated;
    assert_eq!(after, before, "a refused date changed the draft");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn any_typed_text_lands_in_its_field_alone(
        text in proptest::collection::vec(
            prop_oneof![
                8 => proptest::char::range('a', 'z'),
                1 => proptest::char::range('0', '9'),
                1 => proptest::sample::select(vec![' ', '?', '.', ',', '\'', '"', '-', '\n', 'é', '李', '🙂']),
            ],
            1..24,
        )
    ) {
        type_into_every_field(&text.into_iter().collect::<String>());
    }
}

#[test]
fn a_line_feed_is_enter_never_a_deletion() {
    // Ctrl-J is what a terminal sends for "\n": the editor would take it as
    // "delete to the start of the line".
    let mut typist = Typist::new();
    typist.open(Sheet::Gap);
    typist.press(KeyCode::Char('n'));
    typist.type_text("first line");
    common::press_without_effects(&mut typist.app, common::ctrl('j'));
    typist.type_text("second");
    typist.press(KeyCode::Esc);
    assert_eq!(typist.saved().placement.note, "first line\nsecond");
}
