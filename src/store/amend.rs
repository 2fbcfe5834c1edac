//! Saving a correction to a completed assessment: wording only (see
//! `assessment::only_wording`), over the file it corrects, with the time of
//! the correction recorded in it.

use chrono::{DateTime, FixedOffset};

use crate::assessment::{Assessment, only_wording};

use super::error::StoreError;
use super::read::read_completed;
use super::version::FileVersion;
use super::{Person, Store};

impl Store {
    /// Saves `corrected` over the completed assessment of the same id,
    /// stamped `amended = now`. Refused when anything but wording changed,
    /// when the file is from a newer handoff, or when another program
    /// changed it since it was read (`known`, the version read).
    pub fn amend(
        &self,
        person: &Person,
        corrected: &Assessment,
        known: Option<FileVersion>,
        now: DateTime<FixedOffset>,
    ) -> Result<Assessment, StoreError> {
        let path = self.assessment_path(person, &corrected.id);
        let loaded = read_completed(&path)?;
        if loaded.read_only {
            return Err(StoreError::Refused {
                path,
                problem: "written by a newer handoff, so it is read-only here".into(),
            });
        }
        if known.is_some() && loaded.version != known {
            return Err(StoreError::ChangedOnDisk { path });
        }
        only_wording(&loaded.assessment, corrected).map_err(|refusal| StoreError::Refused {
            path: path.clone(),
            problem: refusal.to_string(),
        })?;
        let mut amended = corrected.clone();
        amended.completed = loaded.assessment.completed;
        amended.updated = loaded.assessment.updated;
        amended.amended = Some(now);
        self.write_assessment(&path, &amended)?;
        Ok(amended)
    }
}
