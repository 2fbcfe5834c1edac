//! Running what a session asks for with the files, through the store's
//! checked saves (the same calls the full-screen program makes), and
//! saying how each went. "Saved." is printed only once the store has said
//! the file is on disk.

use std::io::{self, BufRead, Write};
use std::path::Path;

use crate::app::Clock;
use crate::assessment::Assessment;
use crate::session::{Effect, Session};
use crate::store::{FileVersion, Person, Store, StoreError};

use super::talk::Talk;

/// A draft whose last save failed: kept here, and written with the next
/// answer or on the way out.
#[derive(Clone, Debug)]
pub struct Unsaved {
    person: Person,
    assessment: Box<Assessment>,
    known: Option<FileVersion>,
    reason: String,
}

pub struct Saves<'a> {
    pub store: &'a Store,
    clock: Clock,
    pub unsaved: Option<Unsaved>,
}

/// What a run of effects came to, for the conversation to go on from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ran {
    Changed,
    Completed,
}

impl<'a> Saves<'a> {
    pub fn new(store: &'a Store, clock: Clock) -> Self {
        Self {
            store,
            clock,
            unsaved: None,
        }
    }

    /// Runs the session's effects. Of several saves of the draft only the
    /// newest is written: it holds the others.
    pub fn run<R: BufRead, W: Write>(
        &mut self,
        session: &mut Session,
        talk: &mut Talk<R, W>,
    ) -> io::Result<Option<Ran>> {
        let effects = session.take_effects();
        let newest = effects
            .iter()
            .rposition(|effect| matches!(effect, Effect::SaveDraft { .. }));
        if newest.is_none()
            && let Some(unsaved) = self.unsaved.take()
        {
            self.save(
                session,
                talk,
                unsaved.person,
                unsaved.assessment,
                unsaved.known,
            )?;
        }
        let mut ran = None;
        // The version written by this run, newer than what effects asked
        // for before it carry.
        let mut written: Option<Option<FileVersion>> = None;
        for (at, effect) in effects.into_iter().enumerate() {
            match effect {
                Effect::SaveDraft { .. } if Some(at) != newest => {}
                Effect::SaveDraft {
                    person,
                    assessment,
                    known,
                } => {
                    written = Some(self.save(session, talk, person, assessment, known)?);
                    ran = Some(Ran::Changed);
                }
                Effect::Complete {
                    person,
                    mut assessment,
                    known,
                } => {
                    let known = written.unwrap_or(known);
                    let now = (self.clock)();
                    match self
                        .store
                        .complete_checked(&person, &mut assessment, now, known)
                    {
                        Ok(done) => {
                            self.unsaved = None;
                            talk.say(&format!(
                                "Assessment complete, saved in the data folder as {}.",
                                self.shown(&done.path)
                            ))?;
                            if let Some(draft) = done.draft_kept {
                                talk.say(&format!(
                                    "Its draft {} was changed by another program, so it was kept.",
                                    self.shown(&draft)
                                ))?;
                            }
                            ran = Some(Ran::Completed);
                        }
                        Err(error) => talk.say(&format!(
                            "Assessment NOT saved ({}). Nothing is lost; choose complete again to try again.",
                            reason(&error)
                        ))?,
                    }
                }
                Effect::DiscardDraft { person, id, known } => {
                    let known = written.unwrap_or(known);
                    if let Err(error) = self.store.discard_draft(&person, &id, known) {
                        talk.say(&format!(
                            "Could not remove the empty draft: {}",
                            reason(&error)
                        ))?;
                    }
                }
                // Plain mode opens no completed assessment to correct.
                Effect::Amend { .. } => {}
            }
        }
        Ok(ran)
    }

    /// Writes one draft and says how it went; returns the version of the
    /// file now on disk, as far as it is known.
    fn save<R: BufRead, W: Write>(
        &mut self,
        session: &mut Session,
        talk: &mut Talk<R, W>,
        person: Person,
        assessment: Box<Assessment>,
        mut known: Option<FileVersion>,
    ) -> io::Result<Option<FileVersion>> {
        let tried = known;
        match self
            .store
            .save_draft_checked(&person, &assessment, &mut known)
        {
            Ok(saved) => {
                session.saved(&saved.id, known);
                self.unsaved = None;
                if let Some(changed) = saved.left_alone {
                    talk.say(&format!(
                        "Not overwritten: {} was changed by another program. Your answers are saved beside it, in {}.",
                        self.shown(&changed),
                        self.shown(&saved.path)
                    ))?;
                }
                talk.say("Saved.")?;
            }
            Err(error) => {
                // Written but not flushed: the file is ours, so the next
                // save must not take it for another program's.
                if known != tried {
                    session.saved(&assessment.id, known);
                }
                let draft = self.store.draft_path(&person, &assessment.id);
                let why = reason(&error);
                talk.say(&format!(
                    "NOT saved ({why}). Your answers are kept here; saving is tried again with your next answer and when you quit. File: {}",
                    draft.display()
                ))?;
                self.unsaved = Some(Unsaved {
                    person,
                    assessment,
                    known,
                    reason: why,
                });
            }
        }
        Ok(known)
    }

    /// Tries once more to save a draft whose last save failed; true when
    /// nothing is left unsaved.
    pub fn retry<R: BufRead, W: Write>(
        &mut self,
        session: &mut Session,
        talk: &mut Talk<R, W>,
    ) -> io::Result<bool> {
        if let Some(unsaved) = self.unsaved.take() {
            self.save(
                session,
                talk,
                unsaved.person,
                unsaved.assessment,
                unsaved.known,
            )?;
        }
        Ok(self.unsaved.is_none())
    }

    /// Whose answers are not saved and why, for the question before
    /// quitting and the last words.
    pub fn unsaved_words(&self) -> Option<String> {
        self.unsaved.as_ref().map(|unsaved| {
            format!(
                "{}'s latest answers are NOT saved ({}).",
                unsaved.person.name, unsaved.reason
            )
        })
    }

    /// A path from the data folder down.
    fn shown(&self, path: &Path) -> String {
        path.strip_prefix(self.store.root())
            .unwrap_or(path)
            .display()
            .to_string()
    }
}

fn reason(error: &StoreError) -> String {
    match error {
        StoreError::Io { cause, .. } => cause.to_string(),
        other => other.to_string(),
    }
}
