//! Sam Rivera's history (tests/fixtures/history), copied into a temporary
//! data folder so tests can change it freely: three completed assessments
//! with a content change between them, a damaged file and a draft.
#![allow(dead_code)]

use std::fs;
use std::path::Path;

use handoff::assessment::Assessment;
use handoff::content::{self, Workbook};
use handoff::store::{Listed, Person, Store};

pub const FIRST: &str = "20260302-091500-a1a1";
pub const SECOND: &str = "20260615-140000-b2b2";
pub const THIRD: &str = "20260920-100000-c3c3";
pub const DAMAGED: &str = "20260701-120000-dead";
pub const DRAFT: &str = "20261001-090000-d4d4";
pub const PERSON: &str = "Sam Rivera";

pub fn workbook() -> Workbook {
    content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"))
}

pub struct History {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub person: Person,
}

impl History {
    pub fn data(&self) -> &Path {
        self.store.root()
    }

    pub fn assessment(&self, id: &str) -> Assessment {
        self.store
            .history(&self.person)
            .into_iter()
            .find_map(|listed| match listed {
                Listed::Readable { loaded, .. } if loaded.assessment.id == id => {
                    Some(loaded.assessment)
                }
                _ => None,
            })
            .unwrap_or_else(|| panic!("{id} in the fixture"))
    }

    pub fn file(&self, id: &str) -> std::path::PathBuf {
        self.store.assessment_path(&self.person, id)
    }
}

pub fn history() -> History {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/history"),
        &data,
    );
    let store = Store::new(&data);
    let person = store
        .find_person(PERSON)
        .expect("people")
        .expect("Sam in the fixture");
    History { dir, store, person }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create");
    for entry in fs::read_dir(from).expect("fixture folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
