//! A take-home assessment: a leader fills one in on their own machine, sends
//! the file (`handoff export ID --format toml`), and the coach files it
//! under the person. The file is a stranger's until checked, exactly as a
//! saved file is (size, UTF-8, format version, types), and it is filed
//! without ever replacing anything: an id already on file is refused.
//!
//! Only the assessment travels: the file is rewritten from what was parsed,
//! so nothing else it may hold (coach notes among them) comes in with it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::assessment::Assessment;
use crate::content::{SectionKind, Workbook};

use super::atomic::write_new;
use super::error::StoreError;
use super::lock::lock_person;
use super::read::{completed_problem, parse_assessment, read_text};
use super::{Person, Store, plain, slug, to_toml};

/// A take-home file that passed every check, and what is worth saying
/// about it before it is filed.
#[derive(Clone, Debug, PartialEq)]
pub struct TakeHome {
    pub source: PathBuf,
    pub assessment: Assessment,
    /// Answers whose item this workbook does not have (written with other
    /// content): kept in the file, not shown.
    pub unknown_ids: Vec<String>,
}

/// Reads and checks a take-home file. The path is the one the coach named,
/// so a link they point at is followed; what it leads to must still be a
/// plain file.
pub fn check_take_home(path: &Path, workbook: &Workbook) -> Result<TakeHome, StoreError> {
    let refused = |problem: &str| StoreError::Refused {
        path: path.to_path_buf(),
        problem: problem.to_string(),
    };
    let real = fs::canonicalize(path).map_err(StoreError::io(path))?;
    let text = read_text(&real).map_err(|error| match error {
        StoreError::Unreadable { problem, .. } => StoreError::Unreadable {
            path: path.to_path_buf(),
            problem,
        },
        other => other,
    })?;
    let loaded = parse_assessment(path, &text)?;
    if loaded.read_only {
        return Err(refused(
            "written by a newer handoff; update handoff here before importing it",
        ));
    }
    let assessment = loaded.assessment;
    if let Some(problem) = completed_problem(&assessment) {
        return Err(refused(&format!(
            "{problem}; only a completed assessment can be imported (complete it with c on the summary first)"
        )));
    }
    if slug(&assessment.id) != assessment.id {
        return Err(refused(
            "its id is not one handoff makes (ids look like 20261123-093000-beef)",
        ));
    }
    Ok(TakeHome {
        source: path.to_path_buf(),
        unknown_ids: unknown_ids(workbook, &assessment),
        assessment,
    })
}

/// Every answer or commitment naming an item this workbook lacks, as
/// `section.id`.
fn unknown_ids(workbook: &Workbook, assessment: &Assessment) -> Vec<String> {
    let mut unknown = Vec::new();
    for kind in SectionKind::ALL {
        let section = workbook.section(kind);
        for id in assessment.answers(kind).keys() {
            if section.item(id).is_none() {
                unknown.push(format!("{}.{id}", kind.key()));
            }
        }
    }
    let remedies = assessment
        .commitments
        .iter()
        .chain(assessment.check_in.follow_ups.iter().map(|f| &f.commitment));
    for commitment in remedies {
        if !commitment.remedy.is_empty() && workbook.remedy(&commitment.remedy).is_none() {
            unknown.push(format!("commitments.{}", commitment.remedy));
        }
    }
    unknown.dedup();
    unknown
}

impl Store {
    /// Whether this person already has an assessment (finished or draft)
    /// with the take-home's id.
    pub fn has_assessment(&self, person: &Person, id: &str) -> bool {
        [
            self.assessment_path(person, id),
            self.draft_path(person, id),
        ]
        .iter()
        .any(|path| fs::symlink_metadata(path).is_ok())
    }

    /// Files a checked take-home under `person`, with their name on it.
    /// Refused, with nothing written, when the id is already theirs or
    /// their workbook is open in another window.
    pub fn file_take_home(
        &self,
        person: &Person,
        take_home: &TakeHome,
    ) -> Result<PathBuf, StoreError> {
        let _lock = lock_person(person)?;
        let mut assessment = take_home.assessment.clone();
        assessment.person = person.name.clone();
        let path = self.assessment_path(person, &assessment.id);
        if self.has_assessment(person, &assessment.id) {
            return Err(StoreError::Exists { path });
        }
        let text = to_toml(&assessment).map_err(|problem| StoreError::Unreadable {
            path: path.clone(),
            problem,
        })?;
        self.check_data_folder()?;
        if let Some(folder) = path.parent() {
            plain::ensure_folder_within(&self.root, folder)?;
        }
        match write_new(&path, text.as_bytes()) {
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                Err(StoreError::Exists { path })
            }
            Err(cause) => Err(StoreError::Io { path, cause }),
            Ok(()) => Ok(path),
        }
    }
}
