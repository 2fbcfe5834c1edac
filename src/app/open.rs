//! The file work a screen asks for besides saving: reading what the next
//! screen shows, taking a person's lock, adding a person, throwing a draft
//! away. A screen handling a key never touches the data folder; it returns
//! an [`Open`], and the loop runs it with the saves, before the next frame
//! (`App::run_effects`).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::{App, Outcome, Screen, Status};
use crate::assessment::{Assessment, chronological, compare};
use crate::keymap::{self, Action, Context};
use crate::opening::{self, Opened, changed_on};
use crate::report::{Copy, Preparation, READ_AT_MOST, comparison_report, preparation};
use crate::session::{Session, Sheet};
use crate::store::{
    Around, CoachNote, PeopleFolders, Person, clean_name, names_alike, read_completed,
    readable_before,
};
use crate::text::sanitize_line;
use crate::ui::screens::{
    Draft, ExportTarget, HistoryScreen, HomeScreen, PageScreen, PeopleScreen, Recent,
    SessionScreen, TrendScreen,
};

/// What a screen asks the loop to open or do in the data folder.
#[derive(Clone, Debug, PartialEq)]
pub enum Open {
    /// A person's page: their drafts and newest assessments.
    Person(Person),
    /// The person with the name typed on the People screen, added if new;
    /// `alike_seen` once the person was told of a name like another's.
    NewPerson {
        name: String,
        alike_seen: bool,
    },
    /// A worksheet on a listed draft, or on a new assessment (`None`),
    /// under the person's lock.
    Session {
        person: Person,
        draft: Option<Assessment>,
    },
    /// Throws a listed draft away, under the person's lock, if its file is
    /// still the version listed.
    DiscardDraft {
        person: Person,
        draft: Draft,
    },
    History(Person),
    /// A completed assessment, read-only, at its summary.
    Completed {
        person: Person,
        path: PathBuf,
    },
    /// The assessment at `path` against the one at `with` or, when `None`,
    /// against the readable one just before it.
    Compare {
        person: Person,
        path: PathBuf,
        with: Option<PathBuf>,
    },
    Trend(Person),
    /// Saves a coach note (new or changed) in its own file.
    SaveNote {
        person: Person,
        note: CoachNote,
    },
    /// Sets, or with `None` clears, the next session's date.
    NextSession {
        person: Person,
        date: Option<NaiveDate>,
    },
    /// The page for preparing the next session.
    Prepare(Person),
    Rename {
        person: Person,
        name: String,
    },
    /// Moves the person out of the list, every file kept.
    Archive(Person),
    /// Deletes every file of the person.
    Forget(Person),
    /// Writes a report to `file`; over a file already there only with
    /// `replace`.
    Export {
        target: ExportTarget,
        copy: Copy,
        file: String,
        replace: bool,
    },
}

impl App {
    pub(super) fn open(&mut self, open: Open) {
        let outcome = match open {
            Open::Person(person) => Outcome::Push(Screen::Home(self.person_page(person))),
            Open::NewPerson { name, alike_seen } => self.new_person(name, alike_seen),
            Open::Session { person, draft } => self.open_session(person, draft),
            Open::DiscardDraft { person, draft } => {
                self.discard_draft(&person, &draft);
                Outcome::Stay
            }
            Open::History(person) => {
                let files =
                    self.store
                        .history_files(&person, Around::End, HistoryScreen::FIRST_NAMES, 0);
                Outcome::Push(Screen::History(Box::new(HistoryScreen::new(person, files))))
            }
            Open::Completed { person, path } => match self.read_completed(&path) {
                Some(assessment) => {
                    let mut session = Session::read_only(person, assessment, self.clock);
                    session.go_to(Sheet::Summary);
                    Outcome::Push(Screen::Session(Box::new(SessionScreen::new(session))))
                }
                None => Outcome::Stay,
            },
            Open::Compare { person, path, with } => self.compare(&person, path, with),
            Open::Trend(person) => {
                // Newest first, and only as many as a chart shows.
                let trend = self
                    .store
                    .newest_trend(&person, &self.workbook, TrendScreen::MOST);
                Outcome::Push(Screen::Trend(TrendScreen::newest(trend)))
            }
            Open::SaveNote { person, note } => {
                self.save_note(&person, note);
                Outcome::Stay
            }
            Open::NextSession { person, date } => {
                self.set_next_session(&person, date);
                Outcome::Stay
            }
            Open::Prepare(person) => self.prepare(&person),
            Open::Rename { person, name } => {
                self.rename(&person, &name);
                Outcome::Stay
            }
            Open::Archive(person) => self.archive(&person),
            Open::Forget(person) => self.forget(&person),
            Open::Export {
                target,
                copy,
                file,
                replace,
            } => self.export(&target, copy, file, replace),
        };
        self.apply(outcome);
    }

    /// The People screen, its folder listed again.
    pub(super) fn people_screen(&mut self) -> PeopleScreen {
        let folders = self
            .store
            .people_folders(Around::Start, 0, PeopleScreen::FIRST_NAMES)
            .unwrap_or_else(|error| {
                self.status = Some(Status::error(format!("Could not list people: {error}")));
                PeopleFolders::default()
            });
        PeopleScreen::new(folders)
    }

    /// A person's page, their drafts and newest assessments read.
    pub(super) fn person_page(&mut self, person: Person) -> HomeScreen {
        let mut home = HomeScreen::new(person);
        self.show_person(&mut home);
        home
    }

    /// Reads a person's drafts and newest assessments again. Only the
    /// newest few and the folder's count: a long history must neither slow
    /// this page down nor fill memory.
    pub(super) fn show_person(&mut self, home: &mut HomeScreen) {
        let drafts = self.store.drafts(&home.person);
        let newest = self
            .store
            .newest_history(&home.person, &self.workbook, Recent::SHOWN);
        home.show(drafts, Recent::of(newest), &mut self.status);
        // The coach's notes never leave the disk while a client looks on.
        home.notes = if self.client.is_some() {
            Vec::new()
        } else {
            self.store.notes(&home.person)
        };
        home.next_session = match self.store.next_session(&home.person) {
            Ok(date) => date,
            Err(error) => {
                self.status = Some(Status::error(format!(
                    "The next session's date could not be read: {error}"
                )));
                None
            }
        };
    }

    fn save_note(&mut self, person: &Person, mut note: CoachNote) {
        note.updated = (self.clock)();
        match self.store.save_note(person, &note) {
            Ok(_) => {
                if let Some(Screen::Home(home)) = self.screens.last_mut() {
                    home.notes = self.store.notes(person);
                    if home.writing.is_none() {
                        self.status = Some(Status::info("Coach note saved."));
                    }
                }
            }
            Err(error) => {
                self.status = Some(Status::error(format!(
                    "Coach note NOT saved ({error}). It is still on screen; every change tries again."
                )));
            }
        }
    }

    fn set_next_session(&mut self, person: &Person, date: Option<NaiveDate>) {
        match self.store.set_next_session(person, date) {
            Ok(()) => {
                if let Some(Screen::Home(home)) = self.screens.last_mut() {
                    home.next_session = date;
                }
                self.status = Some(Status::info(match date {
                    Some(date) => format!("Next session: {}.", date.format("%A %-d %B %Y")),
                    None => "No next session is set.".to_string(),
                }));
            }
            Err(error) => {
                self.status = Some(Status::error(format!(
                    "The next session's date was NOT saved: {error}"
                )));
            }
        }
    }

    /// The page for preparing the next session; in the client view,
    /// without the coach's note.
    fn prepare(&mut self, person: &Person) -> Outcome {
        let completed = self.store.newest_completed(person, READ_AT_MOST);
        let last_note = if self.client.is_some() {
            None
        } else {
            self.store.last_note(person)
        };
        let next_session = self.store.next_session(person).unwrap_or_default();
        let document = preparation(
            &self.workbook,
            &Preparation {
                today: (self.clock)().date_naive(),
                next_session,
                completed: &completed,
                last_note: last_note.as_ref(),
            },
        );
        Outcome::Push(Screen::Page(PageScreen::new("Next session", document)))
    }

    fn new_person(&mut self, name: String, alike_seen: bool) -> Outcome {
        let cleaned = clean_name(&name).unwrap_or_default();
        // Everyone, read: only adding a name needs it.
        let everyone = self
            .store
            .people()
            .map(|listing| listing.people)
            .unwrap_or_default();
        let existing = everyone.iter().find(|person| person.name == cleaned);
        if existing.is_none()
            && !alike_seen
            && let Some(like) = everyone
                .iter()
                .find(|person| names_alike(&person.name, &cleaned))
        {
            // Most likely the same person typed again: say so.
            if let Some(Screen::People(people)) = self.screens.last_mut() {
                people.alike(name, like.clone());
            }
            return Outcome::Stay;
        }
        let added = match existing {
            Some(person) => Ok(person.clone()),
            None => self.store.add_new_person(&name),
        };
        match added {
            Ok(person) => {
                if let Some(Screen::People(people)) = self.screens.last_mut() {
                    people.added();
                }
                Outcome::Push(Screen::Home(self.person_page(person)))
            }
            Err(error) => {
                self.status = Some(Status::error(format!(
                    "Could not add {}: {error}",
                    sanitize_line(&name)
                )));
                Outcome::Stay
            }
        }
    }

    fn open_session(&mut self, person: Person, draft: Option<Assessment>) -> Outcome {
        match opening::open_session(&self.store, &self.workbook, &person, draft, self.clock) {
            Ok(Opened { session, lock }) => {
                let screen = SessionScreen::new(session).with_lock(lock);
                Outcome::Push(Screen::Session(Box::new(screen)))
            }
            Err(why) => {
                self.status = Some(Status::error(why));
                Outcome::Stay
            }
        }
    }

    fn discard_draft(&mut self, person: &Person, draft: &Draft) {
        let id = &draft.assessment.id;
        self.status = Some(
            match opening::discard_draft(&self.store, person, id, draft.version) {
                Ok(()) => Status::info(format!(
                    "The draft changed {} was thrown away.",
                    changed_on(&draft.assessment)
                )),
                Err(why) => Status::error(why),
            },
        );
        self.refresh_top();
    }

    pub(super) fn read_completed(&mut self, path: &std::path::Path) -> Option<Assessment> {
        match read_completed(path) {
            Ok(loaded) => Some(loaded.assessment),
            Err(error) => {
                self.status = Some(Status::error(format!("Cannot open it: {error}")));
                None
            }
        }
    }

    /// A file that cannot be read is passed over: the one before is the
    /// one before that can be compared.
    fn compare(&mut self, person: &Person, path: PathBuf, with: Option<PathBuf>) -> Outcome {
        let Some(other) = with.or_else(|| readable_before(&person.dir, &path, &self.workbook))
        else {
            self.status = Some(Status::error(format!(
                "There is no earlier assessment to compare with. Mark one with {}, or complete another.",
                keymap::key_for(Context::History, Action::Mark)
            )));
            return Outcome::Stay;
        };
        let (Some(a), Some(b)) = (self.read_completed(&path), self.read_completed(&other)) else {
            return Outcome::Stay;
        };
        let (earlier, later) = chronological(&a, &b);
        let comparison = compare(&self.workbook, earlier, later);
        let document = comparison_report(&self.workbook, &comparison);
        let target = ExportTarget::Comparison {
            person: person.clone(),
            earlier: other,
            later: path,
        };
        Outcome::Push(Screen::Page(
            PageScreen::new("Comparison", document).with_export(target),
        ))
    }
}
