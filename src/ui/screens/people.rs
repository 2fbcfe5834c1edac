//! Choosing whose workbook to open, or adding a person.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::app::{App, Ctx, Outcome, Screen, Status};
use crate::keymap::{self, Action, Context};
use crate::store::{Person, Store, clean_name, names_alike};
use crate::text::sanitize_line;
use crate::ui::Editor;
use crate::ui::widgets::{split_bottom, split_top};
use crate::ui::wrap;

use super::HomeScreen;

pub struct PeopleScreen {
    pub people: Vec<Person>,
    pub unreadable: Vec<String>,
    pub selected: usize,
    /// Open while a new name is being typed.
    pub adding: Option<Editor>,
    /// The name typed matches someone already here but for case, accents
    /// or punctuation: (the name as typed, the person it resembles). A
    /// second Enter on the same name adds it anyway.
    pub alike: Option<(String, Person)>,
}

impl PeopleScreen {
    pub fn load(store: &Store, status: &mut Option<Status>) -> Self {
        let (people, unreadable) = match store.people() {
            Ok(listing) => (
                listing.people,
                listing
                    .unreadable
                    .into_iter()
                    .map(|(_, reason)| reason)
                    .collect(),
            ),
            Err(error) => {
                *status = Some(Status::error(format!("Could not list people: {error}")));
                (Vec::new(), Vec::new())
            }
        };
        Self {
            people,
            unreadable,
            selected: 0,
            adding: None,
            alike: None,
        }
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
            return self.finish_adding(action, cx);
        }
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down if self.selected + 1 < self.people.len() => self.selected += 1,
            Action::Add => self.adding = Some(name_editor(cx)),
            Action::Select => {
                if let Some(person) = self.people.get(self.selected) {
                    let mut home = HomeScreen::new(person.clone());
                    home.reload(cx.store, cx.workbook, cx.status);
                    return Outcome::Push(Screen::Home(home));
                }
                self.adding = Some(name_editor(cx));
            }
            Action::Back => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    fn finish_adding(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        let Some(editor) = self.adding.take() else {
            return Outcome::Stay;
        };
        let name = editor.text();
        let warned = self.alike.take();
        match action {
            Action::CancelEditing => return Outcome::Stay,
            Action::FinishEditing => {}
            _ => {
                self.adding = Some(editor);
                return Outcome::Stay;
            }
        }
        if name.trim().is_empty() {
            // Enter on an empty name adds no one.
            return Outcome::Stay;
        }
        let cleaned = clean_name(&name).unwrap_or_default();
        let exists = self.people.iter().any(|person| person.name == cleaned);
        let already_warned = warned.is_some_and(|(typed, _)| typed == name);
        if !exists
            && !already_warned
            && let Some(index) = self
                .people
                .iter()
                .position(|person| names_alike(&person.name, &cleaned))
        {
            // Most likely the same person typed again: say so, and have
            // Esc leave them highlighted.
            self.selected = index;
            self.alike = Some((name, self.people[index].clone()));
            self.adding = Some(editor);
            return Outcome::Stay;
        }
        match cx.store.add_person(&name) {
            Ok(person) => {
                let mut home = HomeScreen::new(person.clone());
                home.reload(cx.store, cx.workbook, cx.status);
                if !self.people.contains(&person) {
                    self.people.push(person);
                    self.people.sort_by_key(|person| person.name.to_lowercase());
                }
                Outcome::Push(Screen::Home(home))
            }
            Err(error) => {
                *cx.status = Some(Status::error(format!("Could not add {name}: {error}")));
                self.adding = Some(editor);
                Outcome::Stay
            }
        }
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
        let rows = self.people.len().max(1) + self.unreadable.len() + 1;
        let [intro, below] = split_top(area, 4);
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

        let mut items: Vec<ListItem> = self
            .people
            .iter()
            .map(|person| ListItem::new(Line::from(format!(" {}", sanitize_line(&person.name)))))
            .collect();
        if self.people.is_empty() {
            items.push(ListItem::new(Line::styled(
                format!(
                    " No one yet. Press {} (or {}) and type a name to begin.",
                    keymap::key_for(Context::People, Action::Add),
                    keymap::key_for(Context::People, Action::Select)
                ),
                theme.muted(),
            )));
        }
        for reason in &self.unreadable {
            items.push(ListItem::new(Line::from(vec![
                Span::styled(" ! unreadable: ", theme.error()),
                Span::raw(sanitize_line(reason)),
            ])));
        }
        let mut state = ListState::default();
        if !self.people.is_empty() {
            state.select(Some(self.selected));
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
