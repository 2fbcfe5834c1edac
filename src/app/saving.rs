//! Saving what the updates asked for: the newest save of each draft, the
//! completion of an assessment, a draft thrown away; and, while a save
//! fails, the answers kept in memory, retried with every key and named on
//! the way out. Nothing is called saved that is not on disk.

use std::path::PathBuf;

use super::{App, Effect, Question, Screen, Status, StatusKind};
use crate::assessment::Assessment;
use crate::keymap::{self, Action, Context};
use crate::store::{DraftSaved, FileVersion, Person, StoreError};
use crate::ui::screens::HomeScreen;

/// A draft to write: whose, what, and the version of its file this
/// process last read or wrote (see [`Effect::SaveDraft`]).
#[derive(Clone, Debug, PartialEq)]
pub struct DraftSave {
    pub person: Person,
    pub assessment: Box<Assessment>,
    pub known: Option<FileVersion>,
}

impl DraftSave {
    pub(super) fn is_for(&self, person: &Person, id: &str) -> bool {
        self.person.dir == person.dir && self.assessment.id == id
    }
}

/// Answers on screen (or left on a closed worksheet) that their draft on
/// disk does not hold, because the last try to write them failed. Kept
/// until a try works, and tried again with every key and on the way out.
#[derive(Clone, Debug, PartialEq)]
pub struct Unsaved {
    pub save: DraftSave,
    /// The draft file.
    pub draft: PathBuf,
    /// Why the last try failed.
    pub reason: String,
    /// The file was written and renamed into place; only flushing its
    /// folder failed, so a power cut could still lose it.
    pub written: bool,
}

impl Unsaved {
    pub fn person(&self) -> &str {
        &self.save.person.name
    }

    /// What is on disk instead of the answers on screen, in a few words;
    /// `draft` is how to name the file here, and `shown` "is" while the
    /// program runs, "was" once it has ended.
    pub fn what_is_on_disk(&self, draft: &str, shown: &str) -> String {
        if self.written {
            format!(
                "the draft {draft} holds them but could not be flushed to disk, so a power cut could still lose them"
            )
        } else if self.draft.exists() {
            format!("the draft on disk, {draft}, is older than what {shown} on screen")
        } else {
            format!("there is no draft of them on disk yet ({draft})")
        }
    }
}

/// Whose answers are not saved, why, and what the disk holds instead.
fn lost(unsaved: &Unsaved, ended: bool, draft: &str) -> String {
    let (are, is) = if ended {
        ("were", "was")
    } else {
        ("are", "is")
    };
    format!(
        "{}'s latest answers {are} NOT saved ({}): {}.",
        unsaved.person(),
        unsaved.reason,
        unsaved.what_is_on_disk(draft, is)
    )
}

/// The version of `id`'s draft written earlier in this run of effects.
fn written_version(
    written: &[(PathBuf, String, Option<FileVersion>)],
    person: &Person,
    id: &str,
) -> Option<Option<FileVersion>> {
    written
        .iter()
        .rev()
        .find(|(dir, written_id, _)| *dir == person.dir && written_id == id)
        .map(|(_, _, version)| *version)
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

impl App {
    pub(super) fn run_saves(&mut self) {
        let effects = std::mem::take(&mut self.effects);
        let newest_save = |person: &Person, id: &str| {
            effects.iter().rposition(|effect| {
                matches!(effect, Effect::SaveDraft { person: p, assessment, .. }
                    if p.dir == person.dir && assessment.id == id)
            })
        };
        // The versions written in this run: an effect asked for before
        // them carries an older one, which is no sign of another program.
        let mut written: Vec<(PathBuf, String, Option<FileVersion>)> = Vec::new();
        let retried = std::mem::take(&mut self.unsaved);
        let retry_due = std::mem::take(&mut self.retry_due) || !effects.is_empty();
        for retry in &retried {
            if !retry_due {
                self.unsaved.push(retry.clone());
            } else if newest_save(&retry.save.person, &retry.save.assessment.id).is_none() {
                self.save_draft(retry.save.clone(), &retried, &mut written);
            }
        }
        let superseded: Vec<bool> = effects
            .iter()
            .enumerate()
            .map(|(index, effect)| match effect {
                Effect::SaveDraft {
                    person, assessment, ..
                } => newest_save(person, &assessment.id) != Some(index),
                Effect::Complete { .. } | Effect::DiscardDraft { .. } | Effect::Amend { .. } => {
                    false
                }
            })
            .collect();
        for (effect, superseded) in effects.into_iter().zip(superseded) {
            match effect {
                Effect::SaveDraft { .. } if superseded => {}
                Effect::SaveDraft {
                    person,
                    assessment,
                    known,
                } => {
                    let known = written_version(&written, &person, &assessment.id).unwrap_or(known);
                    let save = DraftSave {
                        person,
                        assessment,
                        known,
                    };
                    self.save_draft(save, &retried, &mut written);
                }
                Effect::Amend {
                    person,
                    assessment,
                    known,
                } => self.save_amend(&person, &assessment, known),
                Effect::DiscardDraft { person, id, known } => {
                    self.unsaved
                        .retain(|unsaved| !unsaved.save.is_for(&person, &id));
                    let known = written_version(&written, &person, &id).unwrap_or(known);
                    if let Err(error) = self.store.discard_draft(&person, &id, known) {
                        self.status = Some(Status::error(format!(
                            "Could not remove the empty draft: {error}"
                        )));
                    }
                }
                Effect::Complete {
                    person,
                    mut assessment,
                    known,
                } => {
                    let now = (self.clock)();
                    let known = written_version(&written, &person, &assessment.id).unwrap_or(known);
                    match self
                        .store
                        .complete_checked(&person, &mut assessment, now, known)
                    {
                        Ok(done) => {
                            // Complete, its draft is done with: a failed
                            // save of it must not bring it back.
                            self.unsaved
                                .retain(|unsaved| !unsaved.save.is_for(&person, &assessment.id));
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
    }

    /// Writes one draft and records how it went; `retried` holds the
    /// drafts whose last save had failed before this run.
    fn save_draft(
        &mut self,
        save: DraftSave,
        retried: &[Unsaved],
        written: &mut Vec<(PathBuf, String, Option<FileVersion>)>,
    ) {
        let DraftSave {
            person,
            assessment,
            mut known,
        } = save;
        let tried = known;
        let saved = self
            .store
            .save_draft_checked(&person, &assessment, &mut known);
        let id = saved.as_ref().map_or(&assessment.id, |saved| &saved.id);
        self.draft_saved(&assessment.id, id.clone(), known);
        written.push((person.dir.clone(), id.clone(), known));
        let failed_before = retried
            .iter()
            .find(|unsaved| unsaved.save.is_for(&person, &assessment.id))
            .cloned();
        let mut save = DraftSave {
            person,
            assessment,
            known,
        };
        match saved {
            Ok(DraftSaved {
                path,
                id,
                left_alone,
            }) => {
                if let Some(changed) = &left_alone {
                    self.status = Some(Status::error(format!(
                        "Not overwritten: {} was changed by another program. Your answers are saved beside it, in {}.",
                        self.shown_path(changed),
                        self.shown_path(&path)
                    )));
                }
                save.assessment.id = id;
                if failed_before.is_some() {
                    self.saved_again(&save);
                }
            }
            Err(error) => {
                let written = known != tried;
                self.draft_not_saved(save, &error, written);
            }
        }
    }

    fn saved_again(&mut self, save: &DraftSave) {
        // Good news gives way to news that came since and must be read
        // (a draft changed by another program, say).
        if !self
            .status
            .as_ref()
            .is_some_and(|status| status.kind == StatusKind::Error)
        {
            self.status = Some(Status::info("Draft saved again; nothing was lost."));
        }
        // A worksheet left while its answers were not saved: the page
        // below lists drafts, and this one may be new there.
        let open = self.screens.iter().any(|screen| {
            matches!(screen, Screen::Session(session)
                if session.person().dir == save.person.dir
                    && session.assessment().id == save.assessment.id)
        });
        if !open {
            self.refresh_top();
        }
    }

    fn draft_not_saved(&mut self, save: DraftSave, error: &StoreError, written: bool) {
        let reason = match error {
            StoreError::Io { cause, .. } => cause.to_string(),
            other => other.to_string(),
        };
        let draft = self.store.draft_path(&save.person, &save.assessment.id);
        self.unsaved
            .retain(|unsaved| !unsaved.save.is_for(&save.person, &save.assessment.id));
        self.unsaved.push(Unsaved {
            save,
            draft,
            reason,
            written,
        });
        // Whatever the status line said may have claimed a save.
        self.status = None;
    }

    /// A question about unsaved answers is moot once they are saved: what
    /// was asked for is done. A quit asked for in the same keys as a
    /// change whose save then failed is asked about after all.
    pub(super) fn settle_questions(&mut self) {
        if self.unsaved.is_empty() {
            match self.question {
                Some(Question::QuitUnsaved) => self.running = false,
                Some(Question::LeaveUnsaved) => self.leave_session(),
                Some(Question::LeaveClientView) | None => return,
            }
            self.question = None;
        } else if !self.running && !self.quit_confirmed {
            self.running = true;
            self.question = Some(Question::QuitUnsaved);
        }
    }

    /// The line that stays on the status line while a draft is not saved.
    pub fn unsaved_warning(&self) -> Option<Status> {
        let first = self.unsaved.first()?;
        let others = match self.unsaved.len() {
            1 => String::new(),
            2 => " One other draft is not saved either.".to_string(),
            more => format!(" {} other drafts are not saved either.", more - 1),
        };
        Some(Status::error(format!(
            "Draft NOT saved ({}). Your answers are kept here; saving is retried with every key and when you quit.{others} File: {}",
            first.reason,
            first.draft.display()
        )))
    }

    /// The question open over the screen, in words, and what yes does.
    pub fn question_text(&self) -> Option<(String, &'static str)> {
        let question = self.question?;
        let lost = self
            .unsaved
            .iter()
            .map(|unsaved| lost(unsaved, false, &self.shown_path(&unsaved.draft)))
            .collect::<Vec<_>>()
            .join(" ");
        Some(match question {
            Question::QuitUnsaved => (
                format!("{lost} Quit anyway and lose them?"),
                "quit and lose them",
            ),
            Question::LeaveUnsaved => (
                format!(
                    "{lost} Leave the worksheet anyway? Saving them is still retried with every key and when you quit."
                ),
                "leave",
            ),
            Question::LeaveClientView => (
                "Leave the client view? The list of people, with everyone's names, can show again: make sure the screen is no longer shared.".to_string(),
                "leave the client view",
            ),
        })
    }

    /// What the program says on the way out about answers it could not
    /// save, one line each, naming each draft in full.
    pub fn unsaved_report(&self) -> Vec<String> {
        self.unsaved
            .iter()
            .map(|unsaved| lost(unsaved, true, &unsaved.draft.display().to_string()))
            .collect()
    }

    /// Tells the session that owned draft `was` which id and file version
    /// it has now.
    pub(super) fn draft_saved(&mut self, was: &str, id: String, version: Option<FileVersion>) {
        for screen in &mut self.screens {
            if let Screen::Session(session) = screen
                && session.assessment().id == was
            {
                session.saved(&id, version);
            }
        }
    }

    pub(super) fn completed(&mut self, person: &Person, path: PathBuf) {
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
}
