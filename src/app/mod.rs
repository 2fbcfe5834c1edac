//! The application model: a stack of screens, one update function, and the
//! side effects it asks for, returned as data and run by the loop: saves
//! ([`Effect`]) and everything else that touches the data folder
//! ([`Open`]). Handling a key reads and writes no file.

mod amend;
mod export;
mod open;
mod people;
mod saving;

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind, MouseEvent};

use crate::client_view::ClientView;
use crate::content::Workbook;
#[cfg(debug_assertions)]
use crate::fault_injection::PanicOnKey;
use crate::keymap::{self, Action, Context};
use crate::store::{Person, Store};
use crate::ui::screens::{
    ExportScreen, HistoryScreen, HomeScreen, PageScreen, PeopleScreen, ReferenceScreen,
    SessionScreen, TrendScreen,
};

use crate::ui::{MIN_HEIGHT, MIN_WIDTH, Theme};
pub use open::Open;
pub use saving::{DraftSave, Unsaved};

pub use crate::session::{Clock, Effect};

pub fn local_now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
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
    Export(Box<ExportScreen>),
}

/// What a screen wants after handling an action.
pub enum Outcome {
    Stay,
    Push(Screen),
    Pop,
    Replace(Screen),
    Quit,
    /// Ask before doing what cannot be taken back.
    Ask(Question),
    /// Have the loop read or change the data folder, then show the result.
    Open(Box<Open>),
}

impl Outcome {
    pub fn open(open: Open) -> Self {
        Outcome::Open(Box::new(open))
    }
}

/// A yes-or-no question the whole app asks, over any screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// Quit although answers on screen are not in their draft.
    QuitUnsaved,
    /// Leave the worksheet although its answers are not in their draft.
    LeaveUnsaved,
    /// Leave the client view, so other people's names can show again.
    LeaveClientView,
}

/// What screens may read and ask for while handling an action: never the
/// data folder, which they reach through [`Outcome::Open`].
pub struct Ctx<'a> {
    pub workbook: &'a Workbook,
    pub now: DateTime<FixedOffset>,
    pub clock: Clock,
    pub theme: Theme,
    pub effects: &'a mut Vec<Effect>,
    pub status: &'a mut Option<Status>,
    unsaved: &'a mut Vec<Unsaved>,
}

impl Ctx<'_> {
    /// Whether the last try to save this assessment's draft failed.
    pub fn is_unsaved(&self, person: &Person, id: &str) -> bool {
        self.unsaved
            .iter()
            .any(|unsaved| unsaved.save.is_for(person, id))
    }

    /// Stops retrying a save that is no longer wanted.
    pub fn forget_unsaved(&mut self, person: &Person, id: &str) {
        self.unsaved
            .retain(|unsaved| !unsaved.save.is_for(person, id));
    }
}

pub struct App {
    workbook: Workbook,
    pub store: Store,
    pub theme: Theme,
    pub screens: Vec<Screen>,
    pub status: Option<Status>,
    pub help_open: bool,
    /// How far the help is scrolled; it can be longer than a small screen.
    pub help_scroll: u16,
    pub help_limit: crate::ui::scroll::ScrollLimit,
    pub running: bool,
    /// Drafts whose last save failed, retried until one works.
    pub unsaved: Vec<Unsaved>,
    /// A question open over the screen; it takes every key.
    pub question: Option<Question>,
    /// Quitting was asked for and, if answers were not saved, confirmed.
    quit_confirmed: bool,
    /// A key was pressed: the next run of effects tries the unsaved drafts
    /// again. Not on every event: a resize or a mouse move is not the
    /// person doing anything, and saves must not run behind their back.
    retry_due: bool,
    /// A test hook, in debug builds only (see `fault_injection`).
    #[cfg(debug_assertions)]
    pub panic_on_key: Option<PanicOnKey>,
    effects: Vec<Effect>,
    opens: Vec<Open>,
    /// A screen came back into view: its lists may be stale (a draft was
    /// completed meanwhile), so the loop reads them again.
    refresh_due: bool,
    /// A key moved through a long list: the loop reads the rows around.
    read_due: bool,
    clock: Clock,
    /// The terminal's size, once known.
    size: Option<(u16, u16)>,
    /// On while the screen is shared with one client (`client_view`).
    pub client: Option<ClientView>,
}

impl App {
    pub fn new(workbook: Workbook, store: Store, theme: Theme, clock: Clock) -> Self {
        let mut app = Self {
            workbook,
            store,
            theme,
            screens: Vec::new(),
            status: None,
            help_open: false,
            help_scroll: 0,
            help_limit: Default::default(),
            running: true,
            unsaved: Vec::new(),
            question: None,
            quit_confirmed: false,
            retry_due: false,
            #[cfg(debug_assertions)]
            panic_on_key: None,
            effects: Vec::new(),
            opens: Vec::new(),
            refresh_due: false,
            read_due: false,
            clock,
            size: None,
            client: None,
        };
        let people = app.people_screen();
        app.screens.push(Screen::People(Box::new(people)));
        // The program tells the size before its first frame, and the
        // People screen reads its rows then (`set_size`); a test may draw
        // without, so here they are read for a size not known yet.
        app.fit_top();
        app
    }

    fn fit_top(&mut self) {
        if let Some(mut top) = self.screens.pop() {
            self.fit(&mut top);
            self.screens.push(top);
        }
    }

    pub fn workbook(&self) -> &Workbook {
        &self.workbook
    }

    pub fn screen(&self) -> &Screen {
        // The stack is never empty: popping the last screen quits instead.
        self.screens
            .last()
            .unwrap_or_else(|| unreachable!("empty screen stack"))
    }

    /// The key contexts in force, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.question.is_some() {
            return vec![Context::Confirm];
        }
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
            Screen::Export(screen) => screen.contexts(),
        };
        let takes_every_key = [Context::Editing, Context::Naming, Context::Confirm];
        if !contexts
            .iter()
            .any(|context| takes_every_key.contains(context))
        {
            if self.client.is_some() {
                contexts.retain(|context| *context != Context::CoachHome);
                contexts.insert(0, Context::ClientView);
                if self.screens.len() == 1 {
                    contexts.insert(1, Context::ClientHome);
                }
            }
            // After the screen's own keys, so its hints come first.
            if self.export_target().is_some() {
                contexts.push(Context::Exportable);
            }
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
        let key = line_feed_as_enter(key);
        self.retry_due = true;
        #[cfg(debug_assertions)]
        if let Some(panic_on_key) = &mut self.panic_on_key {
            panic_on_key.pressed(&key);
        }
        if self.question.is_some() {
            self.answer(key);
            return;
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
            Some(Action::Quit) => self.quit(),
            Some(Action::ClientView) => {
                if let Screen::Home(home) = self.screen() {
                    let person = home.person.clone();
                    self.enter_client_view(person);
                }
            }
            Some(Action::LeaveClientView) => self.question = Some(Question::LeaveClientView),
            Some(Action::Export) => self.start_export(),
            Some(Action::Amend) => self.start_amending(),
            Some(action) => self.dispatch(|screen, cx| screen_action(screen, action, cx)),
            None if contexts.contains(&Context::Editing) || contexts.contains(&Context::Naming) => {
                self.dispatch(|screen, _| match screen {
                    Screen::Session(session) => session.edit_key(key),
                    Screen::People(people) => people.edit_key(key),
                    Screen::Home(home) => home.edit_key(key),
                    Screen::Export(export) => export.edit_key(key),
                    _ => Outcome::Stay,
                });
            }
            None => {}
        }
    }

    /// Quits, unless answers on screen are not saved: then asks first.
    fn quit(&mut self) {
        if self.unsaved.is_empty() {
            self.leave_untouched();
            self.running = false;
        } else {
            self.question = Some(Question::QuitUnsaved);
        }
    }

    /// A new assessment quit with nothing answered leaves no draft behind,
    /// as leaving its worksheet does.
    fn leave_untouched(&mut self) {
        if let Some(Screen::Session(screen)) = self.screens.last_mut()
            && screen.session.is_untouched()
        {
            screen.session.leave();
            self.take_session_effects();
        }
    }

    /// A key pressed while a question is open: only yes and no count.
    fn answer(&mut self, key: KeyEvent) {
        match keymap::lookup(&[Context::Confirm], &key) {
            Some(Action::Yes) => {
                let question = self.question.take();
                match question {
                    Some(Question::QuitUnsaved) => {
                        self.quit_confirmed = true;
                        self.running = false;
                    }
                    Some(Question::LeaveUnsaved) => self.leave_session(),
                    Some(Question::LeaveClientView) => {
                        self.leave_client_view();
                        return;
                    }
                    None => {}
                }
                self.status = None;
            }
            Some(Action::No) => self.question = None,
            _ => {}
        }
    }

    /// Closes the worksheet on top; its answers, if not saved, stay in
    /// `unsaved` and are still retried.
    fn leave_session(&mut self) {
        if let Some(Screen::Session(_)) = self.screens.last() {
            self.apply(Outcome::Pop);
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
        self.dispatch(|screen, _| match screen {
            Screen::Session(session) => session.paste(text),
            Screen::People(people) => people.paste(text),
            Screen::Home(home) => home.paste(text),
            Screen::Export(export) => export.paste(text),
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

    /// The terminal's size: below the smallest the workbook is drawn at,
    /// keys change nothing.
    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = Some((width, height));
        let mut screens = std::mem::take(&mut self.screens);
        for screen in &mut screens {
            self.fit(screen);
        }
        self.screens = screens;
    }

    /// Has a list screen read the rows it will draw at the terminal's size
    /// (before the size is known, a large one's: a test draws without
    /// telling it). The People screen reads no workbook, so fitting it
    /// never loads one before the first frame.
    fn fit(&self, screen: &mut Screen) {
        /// Larger than most terminals, so a screen fitted to it draws
        /// every row it reads.
        const UNKNOWN: (u16, u16) = (250, 100);
        let (width, height) = self.size.unwrap_or(UNKNOWN);
        let body = crate::ui::body_area(width, height);
        match screen {
            Screen::People(people) => people.fit(body),
            Screen::History(history) => history.fit(body, self.workbook()),
            _ => {}
        }
    }

    fn dispatch(&mut self, act: impl FnOnce(&mut Screen, &mut Ctx<'_>) -> Outcome) {
        let now = (self.clock)();
        let Some(screen) = self.screens.last_mut() else {
            return;
        };
        let mut cx = Ctx {
            workbook: &self.workbook,
            now,
            clock: self.clock,
            theme: self.theme,
            effects: &mut self.effects,
            status: &mut self.status,
            unsaved: &mut self.unsaved,
        };
        let outcome = act(screen, &mut cx);
        self.read_due = true;
        // What the session asked for goes to the loop before the screen
        // can close, and a session just opened has its first save asked.
        self.take_session_effects();
        self.apply(outcome);
        self.take_session_effects();
    }

    fn take_session_effects(&mut self) {
        if let Some(Screen::Session(screen)) = self.screens.last_mut() {
            self.effects.extend(screen.session.take_effects());
        }
    }

    fn apply(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Stay => {}
            Outcome::Push(mut screen) => {
                self.resume_unsaved(&mut screen);
                self.fit(&mut screen);
                self.screens.push(screen);
            }
            // The client's page is as far back as the client view goes.
            Outcome::Pop if self.client.is_some() && self.screens.len() == 1 => {
                self.status = Some(Status::notice(format!(
                    "This is the client view: only this workbook is shown. {} leaves it (asks first).",
                    keymap::key_for(Context::ClientView, Action::LeaveClientView)
                )));
            }
            Outcome::Pop => {
                if self.screens.len() > 1 {
                    self.screens.pop();
                    self.refresh_due = true;
                } else {
                    self.quit();
                }
            }
            Outcome::Replace(mut screen) => {
                self.fit(&mut screen);
                self.screens.pop();
                self.screens.push(screen);
            }
            Outcome::Quit => self.quit(),
            Outcome::Ask(question) => self.question = Some(question),
            Outcome::Open(open) => self.opens.push(*open),
        }
    }

    /// A worksheet opened on a draft whose newest answers are still only in
    /// memory starts from those, not from the older file.
    fn resume_unsaved(&self, screen: &mut Screen) {
        let Screen::Session(session) = screen else {
            return;
        };
        if session.is_read_only() {
            return;
        }
        if let Some(unsaved) = self.unsaved.iter().find(|unsaved| {
            unsaved
                .save
                .is_for(session.person(), &session.assessment().id)
        }) {
            session
                .session
                .continue_from((*unsaved.save.assessment).clone(), unsaved.save.known);
        }
    }

    /// A screen shown again may have stale lists (a draft was completed):
    /// they are read again, and a status already said stays.
    fn refresh_top(&mut self) {
        let said = self.status.take();
        match self.screens.pop() {
            Some(Screen::Home(mut home)) => {
                self.show_person(&mut home);
                self.screens.push(Screen::Home(home));
            }
            Some(Screen::People(_)) => {
                let people = self.people_screen();
                self.screens.push(Screen::People(Box::new(people)));
            }
            Some(other) => self.screens.push(other),
            None => {}
        }
        self.fit_top();
        if said.is_some() {
            self.status = said;
        }
    }

    /// Reads the rows around the highlighted one of a long list, after a
    /// key moved it.
    fn read_around_top(&mut self) {
        match self.screens.last_mut() {
            Some(Screen::People(people)) => people.read_around(),
            Some(Screen::History(history)) => history.read_around(&self.workbook),
            _ => {}
        }
    }

    /// Has the next [`App::run_effects`] try the unsaved drafts again, as
    /// a key does: on the way out.
    pub fn retry_unsaved(&mut self) {
        self.retry_due = true;
    }

    /// Runs what the updates asked for, after trying again every draft
    /// whose last save failed, if a key was pressed since. Only the newest
    /// save of each assessment is written: the older ones are contained in
    /// it. Then opens what was asked to be opened, and reads what the
    /// screen on top will draw. Returns true when the outcome changed what
    /// should be on screen.
    pub fn run_effects(&mut self) -> bool {
        let before = self.shown();
        self.run_saves();
        self.settle_questions();
        if !self.opens.is_empty() {
            for open in std::mem::take(&mut self.opens) {
                self.open(open);
            }
            // A worksheet just opened on a new assessment asks for its
            // first save, which is on disk before it is drawn.
            self.take_session_effects();
            self.run_saves();
        }
        if std::mem::take(&mut self.refresh_due) {
            self.refresh_top();
        }
        if std::mem::take(&mut self.read_due) {
            self.read_around_top();
        }
        before != self.shown()
    }

    /// What a run of effects can change on screen.
    fn shown(&self) -> (Option<Status>, usize, Vec<Unsaved>, Option<Question>) {
        (
            self.status.clone(),
            self.screens.len(),
            self.unsaved.clone(),
            self.question,
        )
    }

    /// A path short enough for the status line: from the data folder down.
    fn shown_path(&self, path: &std::path::Path) -> String {
        path.strip_prefix(self.store.root())
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// Opens a person's page, as `--person` does before the first frame.
    pub fn open_person(&mut self, person: Person) {
        let home = self.person_page(person);
        self.screens.push(Screen::Home(home));
    }
}

impl App {
    /// Shows only `person`'s workbook: their page becomes the only screen,
    /// so no other person's page, name or list can be reached. Refused
    /// while someone else's answers are not saved, as the warning about
    /// them would name them.
    pub fn enter_client_view(&mut self, person: Person) {
        if self
            .unsaved
            .iter()
            .any(|unsaved| unsaved.save.person.dir != person.dir)
        {
            self.status = Some(Status::error(
                "The client view stays off while another person's answers are not saved: the warning about them would show their name.",
            ));
            return;
        }
        self.client = Some(ClientView::new(
            person.clone(),
            self.store.root().to_path_buf(),
        ));
        self.help_open = false;
        self.screens.clear();
        self.status = None;
        self.open_person(person);
        self.fit_top();
        self.status = Some(Status::info(format!(
            "Client view: only this workbook is shown, no coach notes, no other names. {} leaves it.",
            keymap::key_for(Context::ClientView, Action::LeaveClientView)
        )));
    }

    /// Back to the coach's own view: the people list, with the client's
    /// page open on it.
    fn leave_client_view(&mut self) {
        let Some(client) = self.client.take() else {
            return;
        };
        self.status = None;
        let people = self.people_screen();
        self.screens = vec![Screen::People(Box::new(people))];
        self.fit_top();
        self.open_person(client.person);
        // Said over what opening the page said: the page lists that too.
        self.status = Some(Status::info("The client view is off."));
    }

    /// Text for the screen or the terminal left behind: with the client
    /// view on, without any path.
    pub fn shareable(&self, text: &str) -> String {
        match &self.client {
            Some(client) => client.redact(text),
            None => text.to_string(),
        }
    }
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
        Screen::Export(screen) => screen.handle(action, cx),
    }
}

/// Cards can be opened from anywhere; this keeps how in one place.
pub fn reference_screen(workbook: &Workbook) -> Screen {
    Screen::Reference(ReferenceScreen::new(workbook))
}

/// A line feed (Ctrl-J, or Ctrl-M) is Enter. In raw mode a terminal that
/// sends "\n" for Enter, a paste without bracketed paste, or a closing
/// terminal delivers it as Ctrl-J, which the text editor would take as
/// "delete to the start of the line" and so wipe what was typed.
fn line_feed_as_enter(key: KeyEvent) -> KeyEvent {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    match key.code {
        KeyCode::Char('j' | 'm') if key.modifiers == KeyModifiers::CONTROL => {
            KeyEvent::new_with_kind(KeyCode::Enter, KeyModifiers::NONE, key.kind)
        }
        _ => key,
    }
}
