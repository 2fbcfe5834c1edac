//! Correcting the wording of a completed assessment from its read-only
//! pages: opened under the person's lock, each change saved over the
//! file with the time of the correction (`Store::amend`).

use super::{App, Outcome, Screen, Status};
use crate::assessment::Assessment;
use crate::keymap::{self, Action, Context};
use crate::session::Session;
use crate::store::{FileVersion, Person, lock_person, read_completed};
use crate::ui::screens::SessionScreen;

impl App {
    /// The completed assessment on top, reopened for correcting its
    /// wording on the same worksheet.
    pub(super) fn start_amending(&mut self) {
        let Some(Screen::Session(shown)) = self.screens.last() else {
            return;
        };
        if !shown.is_read_only() {
            return;
        }
        let (person, id, sheet) = (
            shown.person().clone(),
            shown.assessment().id.clone(),
            shown.sheet(),
        );
        let lock = match lock_person(&person) {
            Ok(lock) => lock,
            Err(error) => {
                self.status = Some(Status::error(error.to_string()));
                return;
            }
        };
        let path = self.store.assessment_path(&person, &id);
        let loaded = match read_completed(&path) {
            Ok(loaded) if !loaded.read_only => loaded,
            Ok(_) => {
                self.status = Some(Status::error(
                    "Written by a newer handoff, so it cannot be corrected here.",
                ));
                return;
            }
            Err(error) => {
                self.status = Some(Status::error(format!("Cannot open it: {error}")));
                return;
            }
        };
        let mut session = Session::amend(person, loaded.assessment, loaded.version, self.clock);
        session.go_to(sheet);
        let screen = SessionScreen::new(session).with_lock(lock);
        self.apply(Outcome::Replace(Screen::Session(Box::new(screen))));
        self.status = Some(Status::notice(format!(
            "Correcting the wording: notes, the situation, a commitment's words. Ratings, choices and dates stay as given. {} when done.",
            keymap::key_for(Context::Sheet, Action::Back)
        )));
    }

    pub(super) fn save_amend(
        &mut self,
        person: &Person,
        assessment: &Assessment,
        known: Option<FileVersion>,
    ) {
        let now = (self.clock)();
        match self.store.amend(person, assessment, known, now) {
            Ok(_) => {
                let path = self.store.assessment_path(person, &assessment.id);
                let version = FileVersion::on_disk(&path).ok().flatten();
                self.draft_saved(&assessment.id, assessment.id.clone(), version);
            }
            Err(error) => {
                self.status = Some(Status::error(format!(
                    "Correction NOT saved ({error}). It is still on screen; the next change tries again."
                )));
            }
        }
    }
}
