//! Exporting from inside the program: what the screen on top can export,
//! and writing the copy asked for, never over a file without a yes.

use std::io;
use std::path::Path;

use super::{App, Outcome, Screen, Status};
use crate::assessment::{chronological, compare};
use crate::report::{Copy, assessment_report, comparison_report, for_copy};
use crate::store::{NoteListed, with_folder, write_atomic, write_new};
use crate::text::sanitize_line;
use crate::ui::screens::{ExportScreen, ExportTarget};

impl App {
    /// What `x` would export from the screen on top, if anything.
    pub(super) fn export_target(&self) -> Option<ExportTarget> {
        match self.screens.last()? {
            Screen::History(history) => Some(ExportTarget::Assessment {
                person: history.person.clone(),
                path: history.highlighted()?,
            }),
            Screen::Page(page) => page.export.clone(),
            // On its summary only: on a worksheet, x clears a rating (and
            // is refused there, read-only).
            Screen::Session(session)
                if session.is_read_only() && session.sheet() == crate::session::Sheet::Summary =>
            {
                let person = session.person().clone();
                let path = self
                    .store
                    .assessment_path(&person, &session.assessment().id);
                Some(ExportTarget::Assessment { person, path })
            }
            _ => None,
        }
    }

    pub(super) fn start_export(&mut self) {
        if let Some(target) = self.export_target() {
            let today = (self.clock)().format("%Y-%m-%d").to_string();
            let screen = ExportScreen::new(target, self.client.is_some(), today);
            self.apply(Outcome::Push(Screen::Export(Box::new(screen))));
        }
    }

    pub(super) fn export(
        &mut self,
        target: &ExportTarget,
        copy: Copy,
        file: String,
        replace: bool,
    ) -> Outcome {
        // Asked for from the export screen; in the client view it offers
        // no coach copy, and none is written whatever is asked.
        if copy == Copy::Coach && self.client.is_some() {
            return Outcome::Stay;
        }
        let Some(text) = self.export_text(target, copy) else {
            return Outcome::Stay;
        };
        let path = with_folder(Path::new(&file));
        let written = if replace {
            write_atomic(&path, text.as_bytes(), None)
        } else {
            write_new(&path, text.as_bytes())
        };
        match written {
            Ok(()) => {
                self.status = Some(Status::info(format!(
                    "Saved the {} to {}, readable by you alone.",
                    copy.words(),
                    sanitize_line(&file)
                )));
                Outcome::Pop
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                if let Some(Screen::Export(screen)) = self.screens.last_mut() {
                    screen.ask_to_replace(copy, file);
                }
                Outcome::Stay
            }
            Err(error) => {
                self.status = Some(Status::error(format!(
                    "The {} was NOT saved ({error}): {}",
                    copy.words(),
                    sanitize_line(&file)
                )));
                Outcome::Stay
            }
        }
    }

    /// The report as Markdown, with the coach's notes for a coach copy;
    /// `None`, with the reason on the status line, if a file cannot be
    /// read.
    fn export_text(&mut self, target: &ExportTarget, copy: Copy) -> Option<String> {
        let report = match target {
            ExportTarget::Assessment { path, .. } => {
                let assessment = self.read_completed(path)?;
                assessment_report(&self.workbook, &assessment)
            }
            ExportTarget::Comparison { earlier, later, .. } => {
                let (a, b) = (self.read_completed(earlier)?, self.read_completed(later)?);
                let (earlier, later) = chronological(&a, &b);
                comparison_report(&self.workbook, &compare(&self.workbook, earlier, later))
            }
        };
        let mut notes = Vec::new();
        if copy == Copy::Coach {
            for listed in self.store.notes(target.person()) {
                match listed {
                    NoteListed::Readable { note, .. } => notes.push(note),
                    NoteListed::Unreadable { reason, .. } => {
                        self.status = Some(Status::error(format!(
                            "No coach copy was written: a coach note cannot be read ({reason})"
                        )));
                        return None;
                    }
                }
            }
        }
        Some(for_copy(report, copy, &notes).markdown())
    }
}
