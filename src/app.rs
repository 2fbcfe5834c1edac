//! The application model: a stack of screens, one update function, and the
//! side effects it asks for, returned as data and run by the loop.

use std::path::PathBuf;
use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind, MouseEvent};

use crate::assessment::Assessment;
use crate::content::Chosen;
use crate::content::Workbook;
use crate::fault_injection::PanicOnKey;
use crate::keymap::{self, Action, Context};
use crate::store::{DraftSaved, FileVersion, Person, Store, StoreError};
use crate::ui::screens::{
    HistoryScreen, HomeScreen, PageScreen, PeopleScreen, ReferenceScreen, SessionScreen,
    TrendScreen,
};
use crate::ui::{MIN_HEIGHT, MIN_WIDTH, Theme};

pub type Clock = fn() -> DateTime<FixedOffset>;

pub fn local_now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// Work the update asks the loop to do after the screen is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// `known` is the version of the draft file the session last read or
    /// wrote, so a file another program changed is never overwritten.
    SaveDraft {
        person: Person,
        assessment: Box<Assessment>,
        known: Option<FileVersion>,
    },
    Complete {
        person: Person,
        assessment: Box<Assessment>,
        known: Option<FileVersion>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusKind {
    /// Something asked for was done.
    Info,
    /// Worth knowing, but neither a success nor a failure: nothing moved
    /// past the last worksheet, a date kept has already passed.
    Notice,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
}

impl Status {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            kind: StatusKind::Info,
            text: text.into(),
        }
    }

    pub fn notice(text: impl Into<String>) -> Self {
        Self {
            kind: StatusKind::Notice,
            text: text.into(),
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Self {
            kind: StatusKind::Error,
            text: text.into(),
        }
    }
}

pub enum Screen {
    People(Box<PeopleScreen>),
    Home(HomeScreen),
    Session(Box<SessionScreen>),
    Reference(ReferenceScreen),
    History(Box<HistoryScreen>),
    Page(PageScreen),
    Trend(TrendScreen),
}

/// What a screen wants after handling an action.
pub enum Outcome {
    Stay,
    Push(Screen),
    Pop,
    Replace(Screen),
    Quit,
}

/// What screens may read and ask for while handling an action.
pub struct Ctx<'a> {
    pub workbook: &'a Workbook,
    pub store: &'a Store,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
    pub effects: &'a mut Vec<Effect>,
    pub status: &'a mut Option<Status>,
}

/// The workbook, loaded the first time it is read. The loop reads it
/// right after the first frame is on screen (the People screen shows none
/// of it), so it loads while the person reads that screen.
pub type Content = LazyLock<Chosen, Box<dyn FnOnce() -> Chosen + Send>>;

pub struct App {
    /// The workbook in use; read it with [`App::workbook`].
    content: Content,
    /// A warning about a coach's content has been put on the status line.
    content_warned: bool,
    pub store: Store,
    pub theme: Theme,
    pub screens: Vec<Screen>,
    pub status: Option<Status>,
    pub help_open: bool,
    /// How far the help is scrolled; it can be longer than a small screen.
    pub help_scroll: u16,
    pub help_limit: crate::ui::scroll::ScrollLimit,
    pub running: bool,
    /// The last draft save failed; the next one that works says so.
    pub save_failed: bool,
    /// A debug-build test hook (see `fault_injection`).
    pub panic_on_key: Option<PanicOnKey>,
    effects: Vec<Effect>,
    clock: Clock,
    /// The terminal's size, once known.
    size: Option<(u16, u16)>,
}

impl App {
    pub fn new(workbook: Workbook, store: Store, theme: Theme, clock: Clock) -> Self {
        let chosen = Chosen {
            workbook,
            warning: None,
        };
        Self::loading(LazyLock::new(Box::new(move || chosen)), store, theme, clock)
    }

    /// An app whose workbook is not loaded yet: the first screen needs
    /// none of it, so it can be drawn first.
    pub fn loading(content: Content, store: Store, theme: Theme, clock: Clock) -> Self {
        let mut status = None;
        let people = PeopleScreen::load(&store, &mut status);
        Self {
            content,
            content_warned: false,
            store,
            theme,
            screens: vec![Screen::People(Box::new(people))],
            status,
            help_open: false,
            help_scroll: 0,
            help_limit: Default::default(),
            running: true,
            save_failed: false,
            panic_on_key: None,
            effects: Vec::new(),
            clock,
            size: None,
        }
    }

    pub fn workbook(&self) -> &Workbook {
        &self.content.workbook
    }

    /// Loads the workbook if it is not loaded yet, and puts a warning
    /// about a coach's content on the status line once. True when the
    /// screen changed.
    pub fn finish_loading(&mut self) -> bool {
        if self.content_warned {
            return false;
        }
        self.content_warned = true;
        match &self.content.warning {
            Some(warning) => {
                self.status = Some(Status::error(warning.clone()));
                true
            }
            None => false,
        }
    }

    pub fn screen(&self) -> &Screen {
        // The stack is never empty: popping the last screen quits instead.
        self.screens
            .last()
            .unwrap_or_else(|| unreachable!("empty screen stack"))
    }

    /// The key contexts in force, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.too_small() {
            return vec![Context::TooSmall];
        }
        let mut contexts = match self.screen() {
            Screen::People(screen) => screen.contexts(),
            Screen::Home(screen) => screen.contexts(),
            Screen::Session(screen) => screen.contexts(),
            Screen::Reference(screen) => screen.contexts(),
            Screen::History(screen) => screen.contexts(),
            Screen::Page(screen) => screen.contexts(),
            Screen::Trend(screen) => screen.contexts(),
        };
        let takes_every_key = [Context::Editing, Context::Naming, Context::Confirm];
        if !contexts
            .iter()
            .any(|context| takes_every_key.contains(context))
        {
            contexts.push(Context::Global);
        }
        contexts
    }

    pub fn handle_event(&mut self, event: Event) {
        if self.too_small() && !matches!(event, Event::Key(_)) {
            return;
        }
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.handle_key(key),
            Event::Mouse(mouse) => self.handle_mouse(mouse),
            Event::Paste(text) => self.handle_paste(&text),
            _ => {}
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if let Some(panic_on_key) = &mut self.panic_on_key {
            panic_on_key.pressed(&key);
        }
        if self.help_open && !self.too_small() {
            self.help_key(key);
            return;
        }
        let contexts = self.contexts();
        let action = keymap::lookup(&contexts, &key);
        if action.is_some() {
            self.status = None;
        }
        match action {
            Some(Action::Help) => {
                self.help_open = true;
                self.help_scroll = 0;
            }
            Some(Action::Quit) => self.running = false,
            Some(action) => self.dispatch(|screen, cx| screen_action(screen, action, cx)),
            None if contexts.contains(&Context::Editing) || contexts.contains(&Context::Naming) => {
                self.dispatch(|screen, cx| match screen {
                    Screen::Session(session) => session.edit_key(key, cx),
                    Screen::People(people) => people.edit_key(key),
                    _ => Outcome::Stay,
                });
            }
            None => {}
        }
    }

    /// Scrolling keys move the help; any other key closes it.
    fn help_key(&mut self, key: KeyEvent) {
        use crate::ui::scroll::PAGE;
        use ratatui::crossterm::event::KeyCode;
        let by = match key.code {
            KeyCode::Down | KeyCode::Char('j') => 1,
            KeyCode::Up | KeyCode::Char('k') => -1,
            KeyCode::PageDown | KeyCode::Char(' ') => PAGE,
            KeyCode::PageUp => -PAGE,
            _ => {
                self.help_open = false;
                return;
            }
        };
        self.help_scroll = self.help_limit.step(self.help_scroll, by);
    }

    fn handle_paste(&mut self, text: &str) {
        self.dispatch(|screen, cx| match screen {
            Screen::Session(session) => session.paste(text, cx),
            Screen::People(people) => people.paste(text),
            _ => Outcome::Stay,
        });
    }

    fn handle_mouse(&mut self, mouse: MouseEvent) {
        if self.help_open {
            return;
        }
        self.dispatch(|screen, cx| match screen {
            Screen::Session(session) => session.mouse(mouse, cx),
            _ => Outcome::Stay,
        });
    }

    /// The highest point of the scale on screen, when an item is being
    /// rated.
    pub fn scale_top(&self) -> Option<u8> {
        match self.screen() {
            Screen::Session(session) => session.scale_top(self.workbook()),
            _ => None,
        }
    }

    /// Whether the terminal is too small to show the workbook: keys then
    /// change nothing but can still quit, as the screen says.
    pub fn too_small(&self) -> bool {
        self.size
            .is_some_and(|(width, height)| width < MIN_WIDTH || height < MIN_HEIGHT)
    }

    /// Terminal size, needed by mouse handling to map clicks onto layout.
    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = Some((width, height));
        for screen in &mut self.screens {
            if let Screen::Session(session) = screen {
                session.set_size(width, height);
            }
        }
    }

    fn dispatch(&mut self, act: impl FnOnce(&mut Screen, &mut Ctx<'_>) -> Outcome) {
        let now = (self.clock)();
        let Some(screen) = self.screens.last_mut() else {
            return;
        };
        let mut cx = Ctx {
            workbook: &self.content.workbook,
            store: &self.store,
            now,
            theme: self.theme,
            effects: &mut self.effects,
            status: &mut self.status,
        };
        let outcome = act(screen, &mut cx);
        self.apply(outcome);
    }

    fn apply(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Stay => {}
            Outcome::Push(screen) => self.screens.push(screen),
            Outcome::Pop => {
                if self.screens.len() > 1 {
                    self.screens.pop();
                    self.refresh_top();
                } else {
                    self.running = false;
                }
            }
            Outcome::Replace(screen) => {
                self.screens.pop();
                self.screens.push(screen);
            }
            Outcome::Quit => self.running = false,
        }
    }

    /// A screen shown again may have stale lists (a draft was completed).
    fn refresh_top(&mut self) {
        let mut status = self.status.take();
        if let Some(Screen::Home(home)) = self.screens.last_mut() {
            home.reload(&self.store, &self.content.workbook, &mut status);
        }
        if let Some(Screen::People(people)) = self.screens.last_mut() {
            **people = PeopleScreen::load(&self.store, &mut status);
        }
        self.status = status;
    }

    pub fn has_pending_effects(&self) -> bool {
        !self.effects.is_empty()
    }

    /// Runs what the updates asked for. Only the newest draft save of a run
    /// is written: the older ones are contained in it. Returns true when
    /// the outcome changed what should be on screen.
    pub fn run_effects(&mut self) -> bool {
        let effects = std::mem::take(&mut self.effects);
        let before = (self.status.clone(), self.screens.len());
        let last_save = effects
            .iter()
            .rposition(|effect| matches!(effect, Effect::SaveDraft { .. }));
        for (index, effect) in effects.into_iter().enumerate() {
            match effect {
                Effect::SaveDraft {
                    person,
                    assessment,
                    mut known,
                } => {
                    if Some(index) != last_save {
                        continue;
                    }
                    let saved = self
                        .store
                        .save_draft_checked(&person, &assessment, &mut known);
                    let id = saved.as_ref().map_or(&assessment.id, |saved| &saved.id);
                    self.draft_saved(&assessment.id, id.clone(), known);
                    match saved {
                        Ok(DraftSaved {
                            path,
                            left_alone: Some(changed),
                            ..
                        }) => {
                            self.save_failed = false;
                            self.status = Some(Status::error(format!(
                                "Not overwritten: {} was changed by another program. Your answers are saved beside it, in {}.",
                                self.shown_path(&changed),
                                self.shown_path(&path)
                            )));
                        }
                        // Its last step is still to come: judged then.
                        Ok(_) if self.store.draft_save_unfinished() => {}
                        Ok(_) if self.save_failed => self.saved_again(),
                        Ok(_) => {}
                        Err(error) => self.draft_not_saved(&error),
                    }
                }
                Effect::Complete {
                    person,
                    mut assessment,
                    known,
                } => {
                    let now = (self.clock)();
                    match self
                        .store
                        .complete_checked(&person, &mut assessment, now, known)
                    {
                        Ok(done) => {
                            self.completed(&person, done.path);
                            if let Some(draft) = done.draft_kept {
                                self.status = Some(Status::error(format!(
                                    "Assessment complete. Its draft {} was changed by another program, so it was kept.",
                                    self.shown_path(&draft)
                                )));
                            }
                        }
                        Err(error) => {
                            self.status = Some(Status::error(not_saved(
                                "Assessment",
                                &error,
                                &format!(
                                    "Nothing is lost; press {} to try again.",
                                    keymap::key_for(Context::Summary, Action::Complete)
                                ),
                            )))
                        }
                    }
                }
            }
        }
        before != (self.status.clone(), self.screens.len())
    }

    /// Ends the last draft save, when the store leaves flushing its folder
    /// until the frame is on screen (see `Store::sync_draft_folders_later`),
    /// and says on the status line if that failed. True when the screen
    /// should be drawn again.
    pub fn finish_draft_save(&mut self) -> bool {
        match self.store.finish_draft_save() {
            Ok(true) if self.save_failed => {
                self.saved_again();
                true
            }
            Ok(_) => false,
            Err(error) => {
                self.draft_not_saved(&error);
                true
            }
        }
    }

    fn saved_again(&mut self) {
        self.save_failed = false;
        self.status = Some(Status::info("Draft saved again; nothing was lost."));
    }

    fn draft_not_saved(&mut self, error: &StoreError) {
        self.save_failed = true;
        self.status = Some(Status::error(not_saved(
            "Draft",
            error,
            "Your answers are kept here; saving is retried on your next change.",
        )));
    }

    /// Tells the session that owned draft `was` which id and file version
    /// it has now.
    fn draft_saved(&mut self, was: &str, id: String, version: Option<FileVersion>) {
        for screen in &mut self.screens {
            if let Screen::Session(session) = screen
                && session.assessment.id == was
            {
                session.saved(&id, version);
            }
        }
    }

    /// A path short enough for the status line: from the data folder down.
    fn shown_path(&self, path: &std::path::Path) -> String {
        path.strip_prefix(self.store.root())
            .unwrap_or(path)
            .display()
            .to_string()
    }

    fn completed(&mut self, person: &Person, path: PathBuf) {
        if let Some(Screen::Session(_)) = self.screens.last() {
            self.screens.pop();
        }
        if !matches!(self.screens.last(), Some(Screen::Home(_))) {
            self.screens
                .push(Screen::Home(HomeScreen::new(person.clone())));
        }
        self.refresh_top();
        self.status = Some(Status::info(format!(
            "Assessment complete, saved in the data folder as {}",
            self.shown_path(&path)
        )));
    }

    /// A new screen stack for a chosen person, used by tests and `--person`.
    pub fn open_person(&mut self, person: Person) {
        let mut home = HomeScreen::new(person);
        home.reload(&self.store, &self.content.workbook, &mut self.status);
        self.screens.push(Screen::Home(home));
    }
}

/// Why something was not saved, said so the reason and the reassurance
/// come first and survive a status line too narrow for the whole path.
fn not_saved(what: &str, error: &StoreError, reassurance: &str) -> String {
    let (reason, path) = match error {
        StoreError::Io { path, cause } => (cause.to_string(), Some(path)),
        other => (other.to_string(), None),
    };
    let file = path.map_or(String::new(), |path| format!(" File: {}", path.display()));
    format!("{what} NOT saved ({reason}). {reassurance}{file}")
}

fn screen_action(screen: &mut Screen, action: Action, cx: &mut Ctx<'_>) -> Outcome {
    match screen {
        Screen::People(screen) => screen.handle(action, cx),
        Screen::Home(screen) => screen.handle(action, cx),
        Screen::Session(screen) => screen.handle(action, cx),
        Screen::Reference(screen) => screen.handle(action, cx),
        Screen::History(screen) => screen.handle(action, cx),
        Screen::Page(screen) => screen.handle(action, cx),
        Screen::Trend(screen) => screen.handle(action, cx),
    }
}

/// Cards can be opened from anywhere; this keeps how in one place.
pub fn reference_screen(workbook: &Workbook) -> Screen {
    Screen::Reference(ReferenceScreen::new(workbook))
}
