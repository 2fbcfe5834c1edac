//! Choosing whose workbook to open, or adding a person.
//!
//! The people folder's listing gives the count and the order (by folder
//! name, which is the name's slug); a person's `person.toml` is read only
//! when their row is near the screen, so thousands of people cost the first
//! frame no more than the rows it shows.

use std::ffi::OsStr;
use std::ops::Range;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::app::{App, Ctx, Open, Outcome, Status};
use crate::keymap::{self, Action, Context};
use crate::store::{Around, PeopleFolders, Person, Sessions};
use crate::text::sanitize_line;
use crate::ui::Editor;
use crate::ui::rows::{self, ReadRows};
use crate::ui::widgets::{split_bottom, split_top};
use crate::ui::wrap;

pub struct PeopleScreen {
    /// Every person's folder, by folder name: the order and the count.
    pub folders: PeopleFolders,
    /// The people of the rows on screen and a page either side, read from
    /// their `person.toml`, or why one cannot be read.
    rows: ReadRows<Result<(Person, Sessions), String>>,
    pub selected: usize,
    /// How many rows the list has, from the size it was last fitted to.
    height: usize,
    /// Open while a new name is being typed.
    pub adding: Option<Editor>,
    /// The name typed matches someone already here but for case, accents
    /// or punctuation: (the name as typed, the person it resembles). A
    /// second Enter on the same name adds it anyway.
    pub alike: Option<(String, Person)>,
}

impl PeopleScreen {
    /// Names listed when the screen opens: more rows than most screens
    /// show, so fitting to the screen needs no second listing.
    pub const FIRST_NAMES: usize = 128;

    /// The people's `folders` (listed with [`PeopleScreen::FIRST_NAMES`]);
    /// no one's file is read until the loop fits the screen to its size
    /// ([`PeopleScreen::fit`]) and it knows which rows it draws.
    pub fn new(folders: PeopleFolders) -> Self {
        Self {
            folders,
            rows: ReadRows::default(),
            selected: 0,
            height: 0,
            adding: None,
            alike: None,
        }
    }

    /// Reads the people of the rows that drawing in `body` will show, and
    /// drops the rest: the first frame waits for no one else's file.
    /// Called by the loop, never while a key is handled, as is
    /// [`PeopleScreen::read_around`].
    pub fn fit(&mut self, body: Rect) {
        let [_, below] = split_top(crate::ui::widgets::inset(body), INTRO_ROWS);
        // The list's title line takes one row.
        self.height = usize::from(below.height.saturating_sub(1));
        self.read_rows(rows::on_screen);
    }

    /// Reads the rows `wanted` picks for this screen's height, listing the
    /// folder again around the highlighted row first if their names are
    /// not held.
    fn read_rows(&mut self, wanted: fn(usize, usize, usize) -> Range<usize>) {
        let rows = wanted(self.selected, self.height, self.folders.len());
        if !rows::holds(&self.folders.held(), &rows) {
            let name = self.folders.name(self.selected).map(OsStr::to_os_string);
            self.list_around(name.as_deref());
        }
        let rows = wanted(self.selected, self.height, self.folders.len());
        let folders = &self.folders;
        // With each name, when the last session was and the next is.
        self.rows.keep(rows, |at| match folders.read(at) {
            Some(read) => read
                .map(|person| {
                    let sessions = Sessions::of(&person);
                    (person, sessions)
                })
                .map_err(|error| error.to_string()),
            None => Err("no longer listed".to_string()),
        });
    }

    /// Lists the folder again, holding names either side of `name` (or of
    /// the highlighted row's position, if it has none) and highlighting
    /// it, wherever a person added or removed meanwhile puts it.
    fn list_around(&mut self, name: Option<&OsStr>) {
        let reach = (2 * self.height).max(FEWEST_NAMES);
        let listed = match name {
            Some(name) => PeopleFolders::list(self.folders.dir(), Around::Name(name), reach, reach),
            None => {
                PeopleFolders::list(self.folders.dir(), Around::Start, 0, self.selected + reach)
            }
        };
        // The folder could not be listed now: what was held stays.
        let Ok(folders) = listed else {
            return;
        };
        let selected = match name {
            Some(_) => folders.anchor(),
            None => self.selected,
        }
        .min(folders.len().saturating_sub(1));
        if folders.len() != self.folders.len() || selected != self.selected {
            // Rows moved: what was read is at other rows now.
            self.rows.clear();
        }
        self.selected = selected;
        self.folders = folders;
    }

    /// How many rows are held read: those on screen and a page either
    /// side, never the whole list.
    pub fn rows_read(&self) -> usize {
        self.rows.len()
    }

    /// Reads the rows on screen and a page either side, so the next keys
    /// find theirs read: the loop's work after a key.
    pub fn read_around(&mut self) {
        self.read_rows(rows::around);
    }

    /// The name being added resembles `like`'s: the box stays open, says
    /// so, and `like` is highlighted, so Esc leaves them in view.
    pub fn alike(&mut self, typed: String, like: Person) {
        if let Some(folder) = like.dir.file_name() {
            self.list_around(Some(folder));
        }
        self.alike = Some((typed, like));
    }

    /// The name being added was added (or found): the box closes.
    pub fn added(&mut self) {
        self.adding = None;
        self.alike = None;
    }

    pub fn contexts(&self) -> Vec<Context> {
        if self.adding.is_some() {
            vec![Context::Naming]
        } else {
            vec![Context::People]
        }
    }

    pub fn handle(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        if self.adding.is_some() {
            return self.finish_adding(action);
        }
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down if self.selected + 1 < self.folders.len() => self.selected += 1,
            Action::Add => self.adding = Some(name_editor(cx)),
            Action::Select => match self.rows.get(self.selected) {
                Some(Ok((person, _))) => return Outcome::open(Open::Person(person.clone())),
                Some(Err(reason)) => {
                    *cx.status = Some(Status::error(format!("Cannot open it: {reason}")));
                }
                None => self.adding = Some(name_editor(cx)),
            },
            Action::Back => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    /// Enter asks the loop to add the name typed (or open the person
    /// already called so); the box stays open until it has, so a name
    /// alike another's or a failure can be answered in it.
    fn finish_adding(&mut self, action: Action) -> Outcome {
        let Some(editor) = &self.adding else {
            return Outcome::Stay;
        };
        match action {
            Action::FinishEditing => {}
            Action::CancelEditing => {
                self.added();
                return Outcome::Stay;
            }
            _ => return Outcome::Stay,
        }
        let name = editor.text();
        if name.trim().is_empty() {
            // Enter on an empty name adds no one.
            self.added();
            return Outcome::Stay;
        }
        let alike_seen = self.alike.as_ref().is_some_and(|(typed, _)| *typed == name);
        Outcome::open(Open::NewPerson { name, alike_seen })
    }

    /// A changed name is a new question: a warning about the old one goes.
    pub fn edit_key(&mut self, key: KeyEvent) -> Outcome {
        if let Some(editor) = &mut self.adding
            && editor.key(key)
        {
            self.alike = None;
        }
        Outcome::Stay
    }

    pub fn paste(&mut self, text: &str) -> Outcome {
        if let Some(editor) = &mut self.adding
            && editor.paste(text)
        {
            self.alike = None;
        }
        Outcome::Stay
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App) {
        let theme = app.theme;
        let area = crate::ui::widgets::inset(area);
        // The list takes the rows it fills (its title line and one per
        // entry), not the whole body: styling and diffing the empty rest of
        // a 200×60 screen was a fifth of drawing the first frame.
        let rows = self.folders.len().max(1) + 1;
        let [intro, below] = split_top(area, INTRO_ROWS);
        let warning = self.alike.as_ref().map(|(_, existing)| {
            let line = Line::from(vec![
                Span::styled(NOTE, theme.warning()),
                Span::raw(alike_warning(&existing.name)),
            ]);
            wrap::line(line, area.width)
        });
        let warning_rows = warning.as_ref().map_or(0, |warning| {
            u16::try_from(warning.len()).unwrap_or(u16::MAX)
        });
        let add_rows = if self.adding.is_some() {
            3 + warning_rows
        } else {
            0
        };
        let [middle, add] = split_bottom(below, add_rows);
        let [list, _] = split_top(middle, u16::try_from(rows).unwrap_or(u16::MAX));
        let welcome = vec![
            Line::styled("Whose workbook is this?", theme.heading()),
            Line::styled(
                format!(
                    "Everything stays on this machine. Pick a person, or press {} to add one.",
                    keymap::key_for(Context::People, Action::Add)
                ),
                theme.muted(),
            ),
        ];
        frame.render_widget(Paragraph::new(welcome).wrap(Wrap { trim: true }), intro);

        // Only the rows on screen, each from the person read for it.
        let shown = rows::on_screen(
            self.selected,
            usize::from(list.height.saturating_sub(1)),
            self.folders.len(),
        );
        let first = shown.start;
        let mut items: Vec<ListItem> = shown
            .map(|at| {
                ListItem::new(match self.rows.get(at) {
                    Some(Ok((person, sessions))) => Line::from(vec![
                        Span::raw(format!(" {}", sanitize_line(&person.name))),
                        Span::styled(sessions_words(sessions), theme.muted()),
                    ]),
                    Some(Err(reason)) => Line::from(vec![
                        Span::styled(" ! unreadable: ", theme.error()),
                        Span::raw(sanitize_line(reason)),
                    ]),
                    // Only when drawn at a size the screen was not fitted to.
                    None => Line::styled(" …", theme.muted()),
                })
            })
            .collect();
        if self.folders.is_empty() {
            items.push(ListItem::new(Line::styled(
                format!(
                    " No one yet. Press {} (or {}) and type a name to begin.",
                    keymap::key_for(Context::People, Action::Add),
                    keymap::key_for(Context::People, Action::Select)
                ),
                theme.muted(),
            )));
        }
        let mut state = ListState::default();
        if !self.folders.is_empty() {
            state.select(Some(self.selected.saturating_sub(first)));
        }
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme.border())
            .title(" People ");
        frame.render_stateful_widget(
            List::new(items)
                .block(block)
                .highlight_style(theme.selected())
                .highlight_symbol("▶"),
            list,
            &mut state,
        );
        if let Some(editor) = &self.adding {
            let [warning_area, editor_area] = split_top(add, warning_rows);
            if let Some(warning) = warning {
                frame.render_widget(Paragraph::new(warning), warning_area);
            }
            editor.draw(frame, editor_area);
        }
    }
}

/// The box a new name is typed in, titled with how to finish it.
fn name_editor(cx: &Ctx<'_>) -> Editor {
    let add = keymap::key_for(Context::Naming, Action::FinishEditing);
    Editor::new("", false, &format!("Name — {add} to add"), cx.theme)
}

const NOTE: &str = "note: ";

/// The welcome above the list.
const INTRO_ROWS: u16 = 4;

/// The fewest names listed either side of the highlighted row when the
/// list moves past those held.
const FEWEST_NAMES: usize = 128;

/// What a second person with a name like `existing`'s would mean, and the
/// keys that choose.
fn alike_warning(existing: &str) -> String {
    format!(
        "There is already {}. Press {} again to add a second person with this name, {} to go back.",
        sanitize_line(existing),
        keymap::key_for(Context::Naming, Action::FinishEditing),
        keymap::key_for(Context::Naming, Action::CancelEditing),
    )
}

/// "  · last 23 Nov 2026 · next 14 Dec 2026", the parts known.
fn sessions_words(sessions: &Sessions) -> String {
    let mut words = String::new();
    if let Some(last) = sessions.last {
        words.push_str(&format!("  · last {}", last.format("%-d %b %Y")));
    }
    if let Some(next) = sessions.next {
        words.push_str(&format!("  · next {}", next.format("%-d %b %Y")));
    }
    words
}
