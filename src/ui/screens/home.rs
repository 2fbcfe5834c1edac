//! A person's starting point: resume a draft, start a new assessment, or
//! read the reference cards.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::app::{App, Ctx, Outcome, Screen, Status, reference_screen};
use crate::assessment::{Assessment, FollowUp};
use crate::keymap::{Action, Context};
use std::path::PathBuf;

use crate::content::Workbook;
use crate::store::{
    Header, HistoryEntry, Listed, Person, Store, StoreError, lock_person, read_assessment,
};
use crate::text::sanitize_line;

use super::{HistoryScreen, SessionScreen, Sheet};

#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    Resume(Box<Assessment>),
    Start,
    History,
    Reference,
}

pub struct HomeScreen {
    pub person: Person,
    pub choices: Vec<Choice>,
    pub selected: usize,
    pub history: Recent,
    /// Why each unreadable draft could not be read.
    pub unreadable_drafts: Vec<String>,
}

/// How many completed assessments there are, as many of the newest as
/// the page lists, and why any file could not be read. Only this is kept
/// of the history, so ten thousand assessments cost the page no more
/// memory than ten: the history screen reads the full list when opened.
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

    fn add(&mut self, entry: HistoryEntry) {
        match entry {
            HistoryEntry::Readable { path, header } => {
                self.completed += 1;
                let key = |header: &Header| (header.created, header.id.clone());
                let at = self
                    .newest
                    .partition_point(|(_, kept)| key(kept) > key(&header));
                if at < Self::SHOWN {
                    self.newest.insert(at, (path, header));
                    self.newest.truncate(Self::SHOWN);
                }
            }
            HistoryEntry::Unreadable { reason, .. } => self.unreadable.push(reason),
        }
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
        }
    }

    /// Reads drafts and history again; unreadable files are listed, never
    /// hidden.
    pub fn reload(&mut self, store: &Store, workbook: &Workbook, status: &mut Option<Status>) {
        let mut choices = Vec::new();
        self.unreadable_drafts.clear();
        for listed in store.drafts(&self.person) {
            match listed {
                Listed::Readable { loaded, path } if loaded.read_only => {
                    self.unreadable_drafts.push(format!(
                        "{}: a draft from a newer handoff; finish it there",
                        path.display()
                    ))
                }
                Listed::Readable { loaded, .. } => {
                    choices.push(Choice::Resume(Box::new(loaded.assessment)))
                }
                Listed::Unreadable { reason, .. } => self.unreadable_drafts.push(reason),
            }
        }
        // Headers only, and only a summary of them kept: a long history
        // must neither slow down this page nor fill memory.
        self.history = store.fold_history(&self.person, workbook, Recent::default, Recent::add);
        choices.push(Choice::Start);
        if !self.history.is_empty() {
            choices.push(Choice::History);
        }
        choices.push(Choice::Reference);
        self.choices = choices;
        self.selected = 0;
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
        vec![Context::Home]
    }

    pub fn handle(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.choices.len().saturating_sub(1))
            }
            Action::Back => return Outcome::Pop,
            Action::Select => match self.choices.get(self.selected) {
                Some(Choice::Resume(draft)) => {
                    let assessment = (**draft).clone();
                    return self.open(assessment, false, cx);
                }
                Some(Choice::Start) => {
                    let assessment = self.fresh_assessment(cx);
                    return self.open(assessment, true, cx);
                }
                Some(Choice::Reference) => return Outcome::Push(reference_screen(cx.workbook)),
                Some(Choice::History) => {
                    let history = HistoryScreen::new(self.person.clone(), cx);
                    return Outcome::Push(Screen::History(Box::new(history)));
                }
                None => {}
            },
            _ => {}
        }
        Outcome::Stay
    }

    /// Opens a session if no other window holds this person's lock.
    fn open(&self, assessment: Assessment, is_new: bool, cx: &mut Ctx<'_>) -> Outcome {
        let lock = match lock_person(&self.person) {
            Ok(lock) => lock,
            Err(error) => {
                *cx.status = Some(Status::error(error.to_string()));
                return Outcome::Stay;
            }
        };
        let session = if is_new {
            let mut session = SessionScreen::new(self.person.clone(), assessment).with_lock(lock);
            session = session.fresh();
            session.save(cx);
            session
        } else {
            // The list may be older than the file: another window may have
            // saved since, and resuming the listed copy would overwrite
            // its answers. Now that the lock is ours, read it again.
            let path = cx.store.draft_path(&self.person, &assessment.id);
            let (assessment, version) = match read_assessment(&path) {
                Ok(loaded) if !loaded.read_only => (loaded.assessment, loaded.version),
                Err(StoreError::Io { cause, .. })
                    if cause.kind() == std::io::ErrorKind::NotFound =>
                {
                    (assessment, None)
                }
                Ok(_) => {
                    *cx.status = Some(Status::error(format!(
                        "{}: written by a newer handoff meanwhile, so it cannot be resumed here",
                        path.display()
                    )));
                    return Outcome::Stay;
                }
                Err(error) => {
                    *cx.status = Some(Status::error(error.to_string()));
                    return Outcome::Stay;
                }
            };
            SessionScreen::new(self.person.clone(), assessment)
                .with_lock(lock)
                .with_draft_version(version)
        };
        Outcome::Push(Screen::Session(Box::new(session)))
    }

    /// A new assessment that carries forward the role and context, and asks
    /// about the last assessment's commitments.
    fn fresh_assessment(&self, cx: &Ctx<'_>) -> Assessment {
        let mut assessment = Assessment::start(&self.person.name, &cx.workbook.version, cx.now);
        // Only the latest assessment is read in full, for its commitments.
        let last = self
            .history
            .newest
            .first()
            .and_then(|(path, _)| read_assessment(path).ok())
            .map(|loaded| loaded.assessment);
        if let Some(last) = last {
            assessment.check_in.role = last.check_in.role.clone();
            assessment.check_in.previous = Some(last.id.clone());
            assessment.check_in.follow_ups = last
                .commitments
                .iter()
                .map(|commitment| FollowUp {
                    commitment: commitment.clone(),
                    ..FollowUp::default()
                })
                .collect();
        }
        assessment
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App) {
        let theme = app.theme;
        let area = crate::ui::widgets::inset(area);
        let [intro, menu, history] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(self.choices.len() as u16 + 1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let greeting = vec![
            Line::styled(
                format!("Hello, {}.", sanitize_line(&self.person.name)),
                theme.heading(),
            ),
            Line::styled(
                "Take your time. Every answer is saved as you go, and scores only summarise what you say.",
                theme.muted(),
            ),
        ];
        frame.render_widget(Paragraph::new(greeting).wrap(Wrap { trim: true }), intro);

        let items: Vec<ListItem> = self
            .choices
            .iter()
            .map(|choice| {
                ListItem::new(match choice {
                    Choice::Resume(draft) => format!(
                        " Resume the draft from {} ({} answered)",
                        draft.created.format("%-d %b %Y, %H:%M"),
                        answered(app.workbook(), draft)
                    ),
                    Choice::Start => " Start a new assessment".to_string(),
                    Choice::History => format!(
                        " Look back: {} completed, compare them, see the trend",
                        self.history.completed
                    ),
                    Choice::Reference => " Read the reference cards".to_string(),
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
                Span::raw(sanitize_line(reason)),
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
