//! Opening a person's workbook from the data folder, for either front end
//! (the full-screen loop and plain mode): a session on a draft or a new
//! assessment, under the person's lock, and a draft thrown away under it.
//! The session itself never touches a file; these are its ways in and out
//! of the data folder besides the saves it asks for.

use std::io;

use crate::assessment::Assessment;
use crate::content::Workbook;
use crate::session::{Clock, Session, Sheet};
use crate::store::{FileVersion, Person, PersonLock, Store, StoreError, lock_person};
use crate::store::{HistoryEntry, read_assessment};
use crate::text::{quoted, sanitize_line};

/// A session to fill in, and the lock that keeps other windows out of the
/// person's files while it is open.
pub struct Opened {
    pub session: Session,
    pub lock: PersonLock,
}

/// A session on the draft `listed` (as a list showed it), or on a new
/// assessment when `None`, if no other window holds the person's lock.
/// The draft is read again once the lock is ours: another window may have
/// saved since it was listed, and resuming the listed copy would overwrite
/// its answers. A new assessment carries forward from the newest completed
/// one (the role, the commitments to follow up), read under the lock too.
/// The error is what to tell the person.
pub fn open_session(
    store: &Store,
    workbook: &Workbook,
    person: &Person,
    listed: Option<Assessment>,
    clock: Clock,
) -> Result<Opened, String> {
    let lock = lock_person(person).map_err(|error| error.to_string())?;
    let session = match listed {
        None => {
            let last = store
                .newest_history(person, workbook, 1)
                .entries
                .into_iter()
                .find_map(|entry| match entry {
                    HistoryEntry::Readable { path, .. } => read_assessment(&path).ok(),
                    HistoryEntry::Unreadable { .. } => None,
                })
                .map(|loaded| loaded.assessment);
            Session::start(person.clone(), workbook, last.as_ref(), clock)
        }
        Some(listed) => {
            let path = store.draft_path(person, &listed.id);
            let (assessment, version) = match read_assessment(&path) {
                Ok(loaded) if !loaded.read_only => (loaded.assessment, loaded.version),
                Err(StoreError::Io { cause, .. }) if cause.kind() == io::ErrorKind::NotFound => {
                    (listed, None)
                }
                Ok(_) => {
                    return Err(format!(
                        "{}: written by a newer handoff meanwhile, so it cannot be resumed here.",
                        path.display()
                    ));
                }
                Err(error) => return Err(error.to_string()),
            };
            Session::resume(person.clone(), assessment, version, clock)
        }
    };
    Ok(Opened { session, lock })
}

/// Throws the draft `id` away under the person's lock, so that a draft
/// another window has open is never taken from it, and only if its file is
/// still `version`, the one listed. The error is what to tell the person.
pub fn discard_draft(
    store: &Store,
    person: &Person,
    id: &str,
    version: Option<FileVersion>,
) -> Result<(), String> {
    let _lock = match lock_person(person) {
        Ok(lock) => lock,
        Err(StoreError::Busy { .. }) => {
            return Err(format!(
                "Nothing was thrown away: {}'s workbook is open in another handoff window. Close it there first.",
                sanitize_line(&person.name)
            ));
        }
        Err(error) => return Err(format!("The draft was not thrown away: {error}")),
    };
    store
        .discard_draft(person, id, version)
        .map_err(|error| match error {
            StoreError::ChangedOnDisk { .. } => {
                "The draft was not thrown away: it changed since it was listed. It is listed again as it is now."
                    .to_string()
            }
            error => format!("The draft was not thrown away: {error}"),
        })
}

/// "30 Nov 2026, 23:55": when a draft was last saved.
pub fn changed_on(draft: &Assessment) -> String {
    draft.updated.format("%-d %b %Y, %H:%M").to_string()
}

/// What tells one draft from another at a glance: the first words of its
/// situation, as the person wrote them.
pub fn holds(draft: &Assessment) -> String {
    /// Words enough to recognise it.
    const WORDS: usize = 8;
    let situation = sanitize_line(draft.check_in.situation.trim());
    if situation.is_empty() {
        return "nothing written about the situation yet".to_string();
    }
    let words: Vec<&str> = situation.split_whitespace().take(WORDS).collect();
    let first = words.join(" ");
    if situation.split_whitespace().count() > WORDS {
        let first = first.trim_end_matches([',', ';', ':', '—', '-', '·']);
        quoted(&format!("{first}…"))
    } else {
        quoted(&first)
    }
}

/// Answers given so far, as the worksheet list counts them: ratings,
/// filled-in check-in fields and follow-ups, tasks given a kind,
/// commitments.
pub fn answered(workbook: &Workbook, assessment: &Assessment) -> usize {
    Sheet::ALL
        .iter()
        .filter_map(|sheet| sheet.progress(workbook, assessment))
        .map(|(done, _)| done)
        .sum()
}
