//! A person's starting point: resume a draft, start a new assessment, or
//! read the reference cards.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::app::{App, Ctx, Open, Outcome, Status, reference_screen};
use crate::assessment::Assessment;
use crate::keymap::{Action, Context};
use std::path::PathBuf;

use crate::content::Workbook;
use crate::store::{FileVersion, Header, HistoryEntry, Listed, NewestFiles, Person};
use crate::text::{quoted, sanitize_line};
use crate::ui::widgets::{confirm_box, confirm_height, fit_words};

use super::Sheet;

#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    Resume(Box<Draft>),
    Start,
    History,
    Reference,
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
        if self.confirm_discard.is_some() {
            return vec![Context::Confirm];
        }
        match self.choices.get(self.selected) {
            Some(Choice::Resume(_)) => vec![Context::Draft, Context::Home],
            _ => vec![Context::Home],
        }
    }

    pub fn handle(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
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
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme.border());
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            history,
        );

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

/// "30 Nov 2026, 23:55": when a draft was last saved.
pub fn changed_on(draft: &Assessment) -> String {
    draft.updated.format("%-d %b %Y, %H:%M").to_string()
}

/// What tells one draft from another at a glance: the first words of its
/// situation, as the person wrote them.
fn holds(draft: &Assessment) -> String {
    let situation = sanitize_line(draft.check_in.situation.trim());
    if situation.is_empty() {
        "nothing written about the situation yet".to_string()
    } else {
        quoted(&fit_words(&situation, 40))
    }
}

/// Answers given so far, as the worksheet list counts them: ratings,
/// filled-in check-in fields and follow-ups, tasks given a kind,
/// commitments.
fn answered(workbook: &Workbook, assessment: &Assessment) -> usize {
    Sheet::ALL
        .iter()
        .filter_map(|sheet| sheet.progress(workbook, assessment))
        .map(|(done, _)| done)
        .sum()
}
