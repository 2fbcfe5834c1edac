//! Saving assessments: a draft written over its last known version or
//! beside a changed one, completion (the finished file, then its draft
//! removed), a draft thrown away, and the atomic write under them all.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::*;

/// Where a draft save went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSaved {
    pub path: PathBuf,
    /// The assessment's id from now on: a new one when it was saved beside
    /// a draft another program changed.
    pub id: String,
    /// That changed draft, left as it is.
    pub left_alone: Option<PathBuf>,
}

/// Where a completed assessment went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completed {
    pub path: PathBuf,
    /// Its draft, kept because another program changed it.
    pub draft_kept: Option<PathBuf>,
}

impl Store {
    /// Saves work in progress, unless another program changed the draft
    /// on disk since this process last read or wrote it (`known`, `None`
    /// for a draft never saved). Then that file is left as it is and the
    /// assessment is saved beside it under a new id, so both versions are
    /// kept. `known` is updated to the version written.
    ///
    /// A change landing within the few milliseconds of a save itself is not
    /// seen; one made any time between two saves is.
    pub fn save_draft_checked(
        &self,
        person: &Person,
        assessment: &Assessment,
        known: &mut Option<FileVersion>,
    ) -> Result<DraftSaved, StoreError> {
        let path = self.draft_path(person, &assessment.id);
        let on_disk = FileVersion::on_disk(&path).map_err(StoreError::io(&path))?;
        if on_disk.is_none() || on_disk == *known {
            self.write_tracked(&path, assessment, known)?;
            return Ok(DraftSaved {
                path,
                id: assessment.id.clone(),
                left_alone: None,
            });
        }
        let mut copy = assessment.clone();
        let mut number = 2;
        let beside = loop {
            copy.id = format!("{}-{number}", assessment.id);
            let candidate = self.draft_path(person, &copy.id);
            if fs::symlink_metadata(&candidate).is_err() {
                break candidate;
            }
            number += 1;
        };
        *known = None;
        self.write_tracked(&beside, &copy, known)?;
        Ok(DraftSaved {
            path: beside,
            id: copy.id,
            left_alone: Some(path),
        })
    }

    /// Writes and records the version written in `known`, even when the
    /// save reports a failure after its rename (flushing the folder): the
    /// file then holds exactly our text, and calling it foreign next time
    /// would be wrong.
    pub(super) fn write_tracked(
        &self,
        path: &Path,
        assessment: &Assessment,
        known: &mut Option<FileVersion>,
    ) -> Result<(), StoreError> {
        let result = self.write_assessment(path, assessment);
        let landed = result.is_ok()
            || to_toml(assessment)
                .is_ok_and(|text| fs::read(path).is_ok_and(|bytes| bytes == text.as_bytes()));
        if landed {
            *known = FileVersion::on_disk(path).ok().flatten();
        }
        result
    }

    /// Saves work in progress over whatever draft of the same assessment is
    /// on disk. The program itself uses [`Store::save_draft_checked`].
    pub fn save_draft(
        &self,
        person: &Person,
        assessment: &Assessment,
    ) -> Result<PathBuf, StoreError> {
        let path = self.draft_path(person, &assessment.id);
        self.write_assessment(&path, assessment)?;
        Ok(path)
    }

    /// Marks the assessment complete, saves it among the finished ones and
    /// only then removes its draft, so a crash in between leaves both, never
    /// neither.
    pub fn complete(
        &self,
        person: &Person,
        assessment: &mut Assessment,
        now: DateTime<FixedOffset>,
    ) -> Result<PathBuf, StoreError> {
        let draft = self.draft_path(person, &assessment.id);
        let known = FileVersion::on_disk(&draft).map_err(StoreError::io(&draft))?;
        self.complete_checked(person, assessment, now, known)
            .map(|completed| completed.path)
    }

    /// As [`Store::complete`], but the draft is removed only if it is still
    /// the version this process last read or wrote (`known_draft`);
    /// otherwise another program changed it and it is kept.
    pub fn complete_checked(
        &self,
        person: &Person,
        assessment: &mut Assessment,
        now: DateTime<FixedOffset>,
        known_draft: Option<FileVersion>,
    ) -> Result<Completed, StoreError> {
        let path = self.assessment_path(person, &assessment.id);
        if fs::symlink_metadata(&path).is_ok() {
            let finished = completed_earlier(&path, assessment)
                .ok_or(StoreError::Exists { path: path.clone() })?;
            // An earlier try wrote this very assessment but could not confirm
            // it (flushing the folder failed); finish what it started rather
            // than refuse for ever.
            (assessment.completed, assessment.updated) = (finished.completed, finished.updated);
            let draft_kept = self.remove_completed_draft(person, &assessment.id, known_draft)?;
            return Ok(Completed { path, draft_kept });
        }
        let previous = (assessment.completed, assessment.updated);
        assessment.completed = Some(now);
        assessment.updated = now;
        if let Err(error) = self.write_assessment(&path, assessment) {
            (assessment.completed, assessment.updated) = previous;
            return Err(error);
        }
        let draft_kept = self.remove_completed_draft(person, &assessment.id, known_draft)?;
        Ok(Completed { path, draft_kept })
    }

    /// Removes the draft unless another program changed it; returns its
    /// path when it was kept for that reason.
    pub(super) fn remove_completed_draft(
        &self,
        person: &Person,
        id: &str,
        known: Option<FileVersion>,
    ) -> Result<Option<PathBuf>, StoreError> {
        match self.discard_draft(person, id, known) {
            Ok(()) => Ok(None),
            Err(StoreError::ChangedOnDisk { path }) => Ok(Some(path)),
            Err(error) => Err(error),
        }
    }

    /// Deletes a draft that is no longer needed, unless another program
    /// changed it since this process last read or wrote it (`known`). A
    /// draft already gone is fine.
    pub fn discard_draft(
        &self,
        person: &Person,
        id: &str,
        known: Option<FileVersion>,
    ) -> Result<(), StoreError> {
        let path = self.draft_path(person, id);
        match FileVersion::on_disk(&path).map_err(StoreError::io(&path))? {
            None => return Ok(()),
            Some(on_disk) if Some(on_disk) != known => {
                return Err(StoreError::ChangedOnDisk { path });
            }
            Some(_) => {}
        }
        match fs::remove_file(&path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                Err(StoreError::Io { path, cause: error })
            }
            _ => Ok(()),
        }
    }

    pub(super) fn write_assessment(
        &self,
        path: &Path,
        assessment: &Assessment,
    ) -> Result<(), StoreError> {
        let text = to_toml(assessment).map_err(|problem| StoreError::Unreadable {
            path: path.to_path_buf(),
            problem,
        })?;
        if let Some(folder) = path.parent() {
            self.check_data_folder()?;
            plain::ensure_folder_within(&self.root, folder)?;
        }
        self.write(path, text.as_bytes())
    }

    pub(super) fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        write_atomic(path, bytes, self.failing_step()).map_err(StoreError::io(path))
    }

    pub(super) fn failing_step(&self) -> Option<WriteStep> {
        #[cfg(debug_assertions)]
        if self
            .fail_while
            .as_ref()
            .is_some_and(|trigger| !trigger.exists())
        {
            return None;
        }
        self.fail_at
    }
}

/// The saved form of an assessment, with a header line saying what it is.
pub fn to_toml(assessment: &Assessment) -> Result<String, String> {
    let body = toml::to_string(assessment).map_err(|error| error.to_string())?;
    Ok(format!(
        "# A handoff self-assessment. Safe to read; edit with care.\n{body}"
    ))
}

/// The finished file at `path`, if it holds this same assessment with only
/// its completion and update times differing. Compared as saved text, as
/// saving leaves out empty answers an assessment in memory may hold.
pub(super) fn completed_earlier(path: &Path, assessment: &Assessment) -> Option<Assessment> {
    let finished = read_assessment(path).ok()?.assessment;
    let mut same = assessment.clone();
    (same.completed, same.updated) = (finished.completed, finished.updated);
    let alike = to_toml(&same).ok()? == to_toml(&finished).ok()?;
    (finished.completed.is_some() && alike).then_some(finished)
}
