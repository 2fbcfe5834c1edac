//! What the fault tests check in a data folder after the program died:
//! every file it holds is one handoff can read, and nothing half-written
//! is mistaken for a file.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use handoff::store::{Store, TEMP_PREFIX, TEMP_SUFFIX, read_assessment};

/// The files found, sorted by what they are.
#[derive(Debug, Default)]
pub struct Survey {
    pub drafts: Vec<PathBuf>,
    pub assessments: Vec<PathBuf>,
    /// Temporary files: a save was cut off (the process died) or failed
    /// without cleaning up. They are hidden from every listing and removed
    /// when the person is next opened.
    pub leftovers: Vec<PathBuf>,
}

/// Walks the whole data folder and fails the test, naming the file, if any
/// person, draft or assessment file does not parse, or if a file is there
/// that handoff does not write.
/// The `*.toml` files in `folder` of every person under `people`, read
/// straight from disk (no store, so it works on any path, such as another
/// process's view of the folder under /proc/<pid>/root).
pub fn toml_files_in(people: &Path, folder: &str) -> Vec<PathBuf> {
    let Ok(people) = fs::read_dir(people) else {
        return Vec::new();
    };
    people
        .filter_map(Result::ok)
        .flat_map(|person| {
            fs::read_dir(person.path().join(folder))
                .into_iter()
                .flatten()
        })
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect()
}

pub fn survey(data: &Path) -> Survey {
    let mut survey = Survey::default();
    let listing = Store::new(data).people().expect("people listed");
    assert!(
        listing.unreadable.is_empty(),
        "unreadable people: {:?}",
        listing.unreadable
    );
    let mut stack = vec![data.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("list folder") {
            let path = entry.expect("entry").path();
            let name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let folder = dir
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            if path.is_dir() {
                stack.push(path);
            } else if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
                survey.leftovers.push(path);
            } else if name == "person.toml" || name == ".lock" || name == "index.tsv" {
                // person.toml was parsed by the listing above; the lock and
                // the index cache have no content to lose.
            } else if folder == "drafts" || folder == "assessments" {
                if let Err(error) = read_assessment(&path) {
                    panic!("{} does not parse: {error}", path.display());
                }
                if folder == "drafts" {
                    survey.drafts.push(path);
                } else {
                    survey.assessments.push(path);
                }
            } else {
                panic!("unexpected file in the data folder: {}", path.display());
            }
        }
    }
    survey.drafts.sort();
    survey.assessments.sort();
    survey
}

/// Every file and folder under `root` (itself included) with its permission
/// bits and whether it is a folder. Links are not followed.
pub fn modes(root: &Path) -> Vec<(PathBuf, u32, bool)> {
    use std::os::unix::fs::PermissionsExt;
    let mut seen = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(path) = stack.pop() {
        let meta = fs::symlink_metadata(&path).expect("meta");
        if meta.is_dir() {
            for entry in fs::read_dir(&path).expect("list") {
                stack.push(entry.expect("entry").path());
            }
        }
        seen.push((path, meta.permissions().mode() & 0o777, meta.is_dir()));
    }
    seen
}
