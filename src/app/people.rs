//! Renaming, archiving and forgetting a person from their page.

use super::{App, Outcome, Screen, Status};
use crate::store::{Person, names_alike};
use crate::text::sanitize_line;

impl App {
    pub(super) fn rename(&mut self, person: &Person, name: &str) {
        match self.store.rename_person(person, name) {
            Ok(renamed) => {
                let alike = self
                    .store
                    .people()
                    .map(|listing| listing.people)
                    .unwrap_or_default()
                    .into_iter()
                    .find(|other| {
                        other.dir != renamed.dir && names_alike(&other.name, &renamed.name)
                    });
                let mut text = format!(
                    "Renamed to {}; their assessments keep the name they were taken under.",
                    sanitize_line(&renamed.name)
                );
                if let Some(other) = alike {
                    text.push_str(&format!(
                        " Careful: {} has a name like this one.",
                        sanitize_line(&other.name)
                    ));
                }
                for screen in &mut self.screens {
                    if let Screen::Home(home) = screen
                        && home.person.dir == renamed.dir
                    {
                        home.person = renamed.clone();
                    }
                }
                self.status = Some(Status::info(text));
            }
            Err(error) => {
                self.status = Some(Status::error(format!("Not renamed: {error}")));
            }
        }
    }

    pub(super) fn archive(&mut self, person: &Person) -> Outcome {
        match self.store.archive_person(person) {
            Ok(_) => {
                self.status = Some(Status::info(format!(
                    "Archived {}: off the list, every file kept (`handoff person restore` brings them back).",
                    sanitize_line(&person.name)
                )));
                Outcome::Pop
            }
            Err(error) => {
                self.status = Some(Status::error(format!("Not archived: {error}")));
                Outcome::Stay
            }
        }
    }

    pub(super) fn forget(&mut self, person: &Person) -> Outcome {
        match self.store.forget_person(person) {
            Ok(()) => {
                self.status = Some(Status::info(format!(
                    "Every file of {} is deleted.",
                    sanitize_line(&person.name)
                )));
                Outcome::Pop
            }
            Err(error) => {
                self.status = Some(Status::error(format!("Nothing more was deleted: {error}")));
                Outcome::Stay
            }
        }
    }
}
