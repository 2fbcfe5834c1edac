//! A person's starting point: resume a draft, start a new assessment,
//! prepare the next session, or read the reference cards; and, for the
//! coach alone, their private notes on the person.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::app::{App, Ctx, Open, Outcome, Status, reference_screen};
use crate::assessment::Assessment;
use crate::keymap::{self, Action, Context};
use std::path::PathBuf;

use crate::opening::{answered, changed_on, holds};
use crate::store::{
    CoachNote, FileVersion, Header, HistoryEntry, Listed, NewestFiles, NoteListed, Person,
};
use crate::text::{sanitize_line, text_width};
use crate::ui::widgets::{confirm_box, confirm_height, fit_words};

use super::writing::{Finished, Writing};
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    Resume(Box<Draft>),
    Start,
    History,
    Reference,
    Prepare,
}

/// A draft as listed, and the version of its file then, so throwing it
/// away never takes a version the person has not seen.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub assessment: Assessment,
    pub version: Option<FileVersion>,
}

pub struct HomeScreen {
    pub person: Person,
    pub choices: Vec<Choice>,
    pub selected: usize,
    pub history: Recent,
    /// Why each unreadable draft could not be read.
    pub unreadable_drafts: Vec<String>,
    /// The draft (its index among the choices) asked about before it is
    /// thrown away.
    pub confirm_discard: Option<usize>,
    /// The coach's notes, newest first; never read in the client view.
    pub notes: Vec<NoteListed>,
    pub next_session: Option<NaiveDate>,
    /// A coach note or the next session's date being typed.
    pub writing: Option<Box<Writing>>,
    /// Asked before the person is archived.
    pub confirm_archive: bool,
}

/// How many completed assessments there are (the folder's count, one
/// listing), the newest few the page lists, read, and why any of those
/// could not be read. Only those files are read: ten thousand assessments
/// cost the page what ten do, and the history screen reads the rest as its
/// rows are drawn.
#[derive(Debug, Default)]
pub struct Recent {
    pub completed: usize,
    /// Newest first.
    pub newest: Vec<(PathBuf, Header)>,
    pub unreadable: Vec<String>,
}

impl Recent {
    /// Completed assessments listed under the menu.
    pub const SHOWN: usize = 5;

    pub fn of(files: NewestFiles) -> Recent {
        let mut recent = Recent {
            completed: files.total,
            ..Recent::default()
        };
        for entry in files.entries {
            match entry {
                HistoryEntry::Readable { path, header } => recent.newest.push((path, header)),
                HistoryEntry::Unreadable { reason, .. } => recent.unreadable.push(reason),
            }
        }
        recent
    }

    fn is_empty(&self) -> bool {
        self.completed == 0 && self.unreadable.is_empty()
    }
}

impl HomeScreen {
    pub fn new(person: Person) -> Self {
        Self {
            person,
            choices: vec![Choice::Start, Choice::Reference],
            selected: 0,
            history: Recent::default(),
            unreadable_drafts: Vec::new(),
            confirm_discard: None,
            notes: Vec::new(),
            next_session: None,
            writing: None,
            confirm_archive: false,
        }
    }

    /// Shows the person's drafts and newest assessments, as the loop has
    /// just read them; unreadable files are listed, never hidden.
    pub fn show(&mut self, drafts: Vec<Listed>, history: Recent, status: &mut Option<Status>) {
        let mut choices = Vec::new();
        self.unreadable_drafts.clear();
        for listed in drafts {
            match listed {
                Listed::Readable { loaded, path } if loaded.read_only => {
                    self.unreadable_drafts.push(format!(
                        "{}: a draft from a newer handoff; finish it there",
                        path.display()
                    ))
                }
                Listed::Readable { loaded, .. } => choices.push(Choice::Resume(Box::new(Draft {
                    assessment: loaded.assessment,
                    version: loaded.version,
                }))),
                Listed::Unreadable { reason, .. } => self.unreadable_drafts.push(reason),
            }
        }
        self.history = history;
        choices.push(Choice::Start);
        if !self.history.is_empty() {
            choices.push(Choice::History);
        }
        choices.push(Choice::Reference);
        choices.push(Choice::Prepare);
        self.choices = choices;
        self.selected = 0;
        self.confirm_discard = None;
        let unreadable = self.unreadable().count();
        if unreadable > 0 && status.is_none() {
            *status = Some(Status::error(if unreadable == 1 {
                "1 file could not be read; it is listed on this page and left untouched."
                    .to_string()
            } else {
                format!(
                    "{unreadable} files could not be read; they are listed on this page and left untouched."
                )
            }));
        }
    }

    /// Why each unreadable draft or assessment could not be read.
    pub fn unreadable(&self) -> impl Iterator<Item = &String> {
        self.unreadable_drafts
            .iter()
            .chain(&self.history.unreadable)
    }

    pub fn contexts(&self) -> Vec<Context> {
        if self.confirm_discard.is_some() || self.confirm_archive {
            return vec![Context::Confirm];
        }
        if let Some(writing) = &self.writing {
            return writing.contexts();
        }
        match self.choices.get(self.selected) {
            Some(Choice::Resume(_)) => vec![Context::Draft, Context::Home, Context::CoachHome],
            _ => vec![Context::Home, Context::CoachHome],
        }
    }

    /// A key typed into the note or the date.
    pub fn edit_key(&mut self, key: KeyEvent) -> Outcome {
        let note = self.writing.as_mut().and_then(|writing| writing.key(key));
        self.save_note(note)
    }

    pub fn paste(&mut self, text: &str) -> Outcome {
        let note = self
            .writing
            .as_mut()
            .and_then(|writing| writing.paste(text));
        self.save_note(note)
    }

    fn save_note(&self, note: Option<CoachNote>) -> Outcome {
        match note {
            Some(note) => Outcome::open(Open::SaveNote {
                person: self.person.clone(),
                note,
            }),
            None => Outcome::Stay,
        }
    }

    /// Keys while a note or the date is being typed.
    fn handle_writing(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        let Some(writing) = self.writing.as_mut() else {
            return Outcome::Stay;
        };
        match action {
            Action::NewLine => {
                let note = writing.new_line();
                self.save_note(note)
            }
            Action::FinishEditing => match writing.finish() {
                Finished::Nothing => {
                    self.writing = None;
                    Outcome::Stay
                }
                Finished::Note(note) => {
                    self.writing = None;
                    self.save_note(Some(note))
                }
                Finished::NextSession(date) => {
                    self.writing = None;
                    Outcome::open(Open::NextSession {
                        person: self.person.clone(),
                        date,
                    })
                }
                Finished::BadDate(problem) => {
                    *cx.status = Some(Status::error(problem));
                    Outcome::Stay
                }
                Finished::Rename(name) => {
                    self.writing = None;
                    Outcome::open(Open::Rename {
                        person: self.person.clone(),
                        name,
                    })
                }
                Finished::Forget(typed) => {
                    self.writing = None;
                    if typed.trim() == self.person.name {
                        Outcome::open(Open::Forget(self.person.clone()))
                    } else {
                        *cx.status = Some(Status::error(format!(
                            "The name typed was not “{}”, so nothing was deleted.",
                            sanitize_line(&self.person.name)
                        )));
                        Outcome::Stay
                    }
                }
            },
            _ => Outcome::Stay,
        }
    }

    pub fn handle(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        if self.writing.is_some() {
            return self.handle_writing(action, cx);
        }
        if std::mem::take(&mut self.confirm_archive) {
            return match action {
                Action::Yes => Outcome::open(Open::Archive(self.person.clone())),
                _ => Outcome::Stay,
            };
        }
        if let Some(index) = self.confirm_discard.take() {
            return match (action, self.choices.get(index)) {
                (Action::Yes, Some(Choice::Resume(draft))) => Outcome::open(Open::DiscardDraft {
                    person: self.person.clone(),
                    draft: (**draft).clone(),
                }),
                _ => Outcome::Stay,
            };
        }
        match action {
            Action::Delete
                if matches!(self.choices.get(self.selected), Some(Choice::Resume(_))) =>
            {
                self.confirm_discard = Some(self.selected);
            }
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.choices.len().saturating_sub(1))
            }
            Action::Back => return Outcome::Pop,
            Action::WriteNote => {
                self.writing = Some(Box::new(Writing::note(
                    CoachNote::new("", cx.now),
                    cx.theme,
                )));
            }
            Action::Rename => {
                self.writing = Some(Box::new(Writing::rename(&self.person.name, cx.theme)));
            }
            Action::Forget => self.writing = Some(Box::new(Writing::forget(cx.theme))),
            Action::Archive => self.confirm_archive = true,
            Action::SetNextSession => {
                self.writing = Some(Box::new(Writing::next_session(self.next_session, cx.theme)));
            }
            Action::Select => {
                let person = self.person.clone();
                return match self.choices.get(self.selected) {
                    Some(Choice::Resume(draft)) => Outcome::open(Open::Session {
                        person,
                        draft: Some(draft.assessment.clone()),
                    }),
                    Some(Choice::Start) => Outcome::open(Open::Session {
                        person,
                        draft: None,
                    }),
                    Some(Choice::Reference) => Outcome::Push(reference_screen(cx.workbook)),
                    Some(Choice::History) => Outcome::open(Open::History(person)),
                    Some(Choice::Prepare) => Outcome::open(Open::Prepare(person)),
                    None => Outcome::Stay,
                };
            }
            _ => {}
        }
        Outcome::Stay
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App) {
        let theme = app.theme;
        let area = crate::ui::widgets::inset(area);
        let drafts = self
            .choices
            .iter()
            .filter(|choice| matches!(choice, Choice::Resume(_)))
            .count();
        let menu_rows = self.choices.len() + drafts + 1;
        let [intro, menu, history] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(u16::try_from(menu_rows).unwrap_or(u16::MAX)),
            Constraint::Fill(1),
        ])
        .areas(area);
        let greeting = vec![
            Line::styled(
                format!("Hello, {}.", sanitize_line(&self.person.name)),
                theme.heading(),
            ),
            Line::styled(
                // Never a promise the line at the bottom contradicts.
                if app.unsaved_warning().is_some() {
                    "Take your time. Some answers are not saved yet: the line at the bottom says which and why."
                } else {
                    "Take your time. Every answer is saved as you go, and scores only summarise what you say."
                },
                theme.muted(),
            ),
        ];
        frame.render_widget(Paragraph::new(greeting).wrap(Wrap { trim: true }), intro);

        let items: Vec<ListItem> = self
            .choices
            .iter()
            .map(|choice| {
                ListItem::new(match choice {
                    Choice::Resume(draft) => {
                        let draft = &draft.assessment;
                        // The marker's column and the indent under it.
                        let room = usize::from(menu.width).saturating_sub(4);
                        vec![
                            Line::from(format!(
                                " Resume the draft changed {} · {} answered",
                                changed_on(draft),
                                answered(app.workbook(), draft)
                            )),
                            Line::styled(
                                format!("   {}", fit_words(&holds(draft), room)),
                                theme.muted(),
                            ),
                        ]
                    }
                    Choice::Start => vec![Line::from(" Start a new assessment")],
                    Choice::History => vec![Line::from(format!(
                        " Look back: {} completed, compare them, see the trend",
                        self.history.completed
                    ))],
                    Choice::Prepare => vec![Line::from(format!(
                        " Prepare: {}",
                        self.sessions(app.client.is_some())
                    ))],
                    Choice::Reference => vec![Line::from(" Read the reference cards")],
                })
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(
            List::new(items)
                .highlight_style(theme.selected())
                .highlight_symbol("▶"),
            menu,
            &mut state,
        );

        let mut lines = Vec::new();
        let completed = self.history.completed;
        if completed > 0 {
            lines.push(Line::styled(
                format!("Completed assessments: {completed}"),
                theme.heading(),
            ));
            for (_, header) in &self.history.newest {
                let date = header.completed.unwrap_or(header.created);
                lines.push(Line::from(format!("  {}", date.format("%-d %b %Y, %H:%M"))));
            }
        }
        for reason in self.unreadable() {
            lines.push(Line::from(vec![
                Span::styled("! unreadable: ", theme.error()),
                Span::raw(sanitize_line(&app.shareable(reason))),
            ]));
        }
        if app.client.is_none() {
            self.note_lines(&mut lines, app, usize::from(history.width));
        }
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme.border());
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            history,
        );

        if let Some(writing) = &self.writing {
            let editor = writing.editor();
            let [_, place] = crate::ui::widgets::split_bottom(
                Rect::union(menu, history),
                editor.height().min(area.height),
            );
            frame.render_widget(ratatui::widgets::Clear, place);
            editor.draw(frame, place);
        }
        if self.confirm_archive {
            let question = format!(
                "Archive {}? They leave the list of people; every file is kept, and `handoff person restore` brings them back.",
                sanitize_line(&self.person.name)
            );
            confirm_box(frame, area, &question, theme);
        }
        if let Some(Choice::Resume(draft)) =
            self.confirm_discard.and_then(|at| self.choices.get(at))
        {
            let question = format!(
                "Throw away the draft changed {} ({} answered; {})? It cannot be brought back.",
                changed_on(&draft.assessment),
                answered(app.workbook(), &draft.assessment),
                holds(&draft.assessment)
            );
            // Below the menu where there is room, so the draft asked
            // about stays in view.
            let fits_below = history.height >= confirm_height(history.width, &question);
            let place = if fits_below { history } else { area };
            confirm_box(frame, place, &question, theme);
        }
    }
}

impl HomeScreen {
    /// "next session 14 Dec 2026, last 23 Nov 2026": the date set, and the
    /// newest trace of a session
    /// (a completed assessment or, for the coach, a note).
    fn sessions(&self, client_view: bool) -> String {
        let assessed = self
            .history
            .newest
            .first()
            .and_then(|(_, header)| header.completed);
        let noted = if client_view {
            None
        } else {
            self.notes
                .iter()
                .filter_map(NoteListed::note)
                .map(|note| note.written)
                .max()
        };
        let last = assessed.max(noted).map_or("none yet".to_string(), |last| {
            last.format("%-d %b %Y").to_string()
        });
        let next = self.next_session.map_or("not set".to_string(), |next| {
            next.format("%-d %b %Y").to_string()
        });
        format!("next session {next}, last {last}")
    }

    /// The coach's notes under the history, newest first, a line each.
    fn note_lines(&self, lines: &mut Vec<Line<'static>>, app: &App, width: usize) {
        let theme = app.theme;
        lines.push(Line::styled(
            format!(
                "Coach notes (private): {}",
                if self.notes.is_empty() {
                    format!(
                        "none yet; {} writes one",
                        keymap::key_for(Context::CoachHome, Action::WriteNote)
                    )
                } else {
                    self.notes.len().to_string()
                }
            ),
            theme.heading(),
        ));
        for listed in &self.notes {
            lines.push(match listed {
                NoteListed::Readable { note, .. } => {
                    let date = note.written.format("%-d %b %Y").to_string();
                    let room = width.saturating_sub(text_width(&date) + 5);
                    Line::from(format!(
                        "  {date}  {}",
                        fit_words(&sanitize_line(note.text.trim()), room)
                    ))
                }
                NoteListed::Unreadable { reason, .. } => Line::from(vec![
                    Span::styled("! unreadable: ", theme.error()),
                    Span::raw(sanitize_line(reason)),
                ]),
            });
        }
    }
}
