//! A take-home assessment, from the leader's machine to the coach's:
//! `handoff export ID --format toml` there, `handoff import FILE` here. A
//! good file is filed under the person (created if new, a name like
//! someone's pointed out); every hostile shape of a saved file, a draft, an
//! id already on file and a missing answer to "Add it?" are refused with
//! the data folder left byte for byte as it was.

mod cli_run;
mod common;
mod hostile_files;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use handoff::store::{CoachNote, Listed, Store};

use cli_run::handoff;
use hostile_files::{Expect, plant};

/// Every entry under `dir`: its kind, mode and bytes, to prove a refusal
/// changed nothing at all.
fn tree(dir: &Path) -> BTreeMap<PathBuf, (u32, Option<Vec<u8>>)> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        let Ok(entries) = fs::read_dir(&at) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let meta = fs::symlink_metadata(&path).expect("meta");
            let bytes = if meta.is_file() {
                Some(fs::read(&path).expect("read"))
            } else {
                None
            };
            if meta.is_dir() {
                stack.push(path.clone());
            }
            found.insert(path, (meta.mode(), bytes));
        }
    }
    found
}

const ID: &str = "20261123-093000-beef";

/// A leader's own data folder with one completed assessment and a coach
/// note (which must never travel), and the file they send.
fn sent(dir: &Path) -> PathBuf {
    let theirs = Store::new(dir.join("theirs"));
    let person = theirs.add_person("Zoë O'Brien").expect("person");
    let mut assessment = common::full_assessment("Zoë O'Brien");
    theirs
        .complete(
            &person,
            &mut assessment,
            common::at("2026-11-23T10:15:00+01:00"),
        )
        .expect("complete");
    theirs
        .save_note(
            &person,
            &CoachNote::new(
                "PRIVATE: worried about burnout",
                common::at("2026-11-23T11:00:00+01:00"),
            ),
        )
        .expect("note");
    let file = dir.join("zoe.toml");
    let exported = handoff(
        theirs.root(),
        &[
            "export",
            ID,
            "--format",
            "toml",
            "--out",
            file.to_str().expect("utf-8"),
        ],
    );
    assert!(exported.status.success(), "{}", exported.stderr());
    assert_eq!(
        fs::metadata(&file).expect("sent").permissions().mode() & 0o777,
        0o600
    );
    file
}

/// The coach's data folder, with Ana on file.
fn coach(dir: &Path) -> Store {
    let store = Store::new(dir.join("coach"));
    store.add_person("Ana").expect("Ana");
    store
}

#[test]
fn a_good_file_is_filed_under_someone_new_and_says_what_it_adds() {
    let dir = tempfile::tempdir().expect("temp");
    let file = sent(dir.path());
    let text = fs::read_to_string(&file).expect("sent");
    assert!(
        !text.contains("PRIVATE"),
        "coach notes never leave in a take-home"
    );
    let store = coach(dir.path());

    let before = tree(store.root());
    let asked = handoff(store.root(), &["import", file.to_str().expect("utf-8")]);
    assert!(!asked.status.success(), "nobody answered, so no");
    let said = asked.stdout();
    assert!(
        said.contains(ID) && said.contains("added for Zoë O'Brien, someone new"),
        "what and to whom, before anything is written:\n{said}"
    );
    assert!(asked.stderr().contains("nothing was added"));
    assert_eq!(tree(store.root()), before, "no answer, no change");

    let added = handoff(
        store.root(),
        &["import", file.to_str().expect("utf-8"), "--yes"],
    );
    assert!(added.status.success(), "{}", added.stderr());
    assert!(
        added
            .stdout()
            .contains("Added 20261123-093000-beef to Zoë O'Brien's history")
    );
    let zoe = store
        .find_person("Zoë O'Brien")
        .expect("list")
        .expect("Zoë added");
    let history = store.history(&zoe);
    let [Listed::Readable { loaded, path }] = history.as_slice() else {
        panic!("one assessment: {history:?}");
    };
    let mut expected = common::full_assessment("Zoë O'Brien");
    expected.completed = loaded.assessment.completed;
    expected.updated = loaded.assessment.updated;
    assert_eq!(loaded.assessment, expected, "every answer came across");
    assert_eq!(
        fs::metadata(path).expect("file").permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        fs::metadata(&zoe.dir).expect("folder").permissions().mode() & 0o777,
        0o700
    );
    assert!(store.notes(&zoe).is_empty(), "no coach note came in");
    for (path, (_, bytes)) in tree(store.root()) {
        if let Some(bytes) = bytes {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("PRIVATE"),
                "{} holds a coach note",
                path.display()
            );
        }
    }
}

#[test]
fn an_id_already_on_file_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("temp");
    let file = sent(dir.path());
    let store = coach(dir.path());
    let path = file.to_str().expect("utf-8");
    assert!(
        handoff(store.root(), &["import", path, "--yes"])
            .status
            .success()
    );
    let before = tree(store.root());
    let again = handoff(store.root(), &["import", path, "--yes"]);
    assert!(!again.status.success());
    assert!(
        again
            .stderr()
            .contains("already has an assessment with id 20261123-093000-beef")
            && again.stderr().contains("never replaces"),
        "{}",
        again.stderr()
    );
    assert_eq!(tree(store.root()), before);
}

#[test]
fn filed_under_a_person_named_and_a_name_alike_is_pointed_out() {
    let dir = tempfile::tempdir().expect("temp");
    let file = sent(dir.path());
    let store = coach(dir.path());
    let path = file.to_str().expect("utf-8");

    let under_ana = handoff(store.root(), &["import", path, "--person", "Ana", "--yes"]);
    assert!(under_ana.status.success(), "{}", under_ana.stderr());
    assert!(under_ana.stdout().contains("added to Ana's history"));
    let ana = store.find_person("Ana").expect("list").expect("Ana");
    let filed = store.history(&ana);
    assert!(
        matches!(filed.as_slice(), [Listed::Readable { loaded, .. }] if loaded.assessment.person == "Ana"),
        "filed under Ana, with her name on it: {filed:?}"
    );

    let alike = handoff(store.root(), &["import", path, "--person", "ANA"]);
    assert!(
        alike
            .stdout()
            .contains("Careful: “Ana” already on file with a name like this"),
        "{}",
        alike.stdout()
    );
    assert!(!alike.status.success(), "asked, nobody answered");
}

#[test]
fn every_hostile_shape_is_refused_by_name_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("temp");
    let store = coach(dir.path());
    let mut valid = common::full_assessment("Ana");
    valid.completed = Some(common::at("2026-11-23T10:15:00+01:00"));
    let valid = handoff::store::to_toml(&valid).expect("toml");
    let outside = dir.path().join("outside.toml");
    fs::write(&outside, &valid).expect("outside");
    let planted = plant(
        &dir.path().join("sent"),
        "20260101-000000",
        &outside,
        &valid,
    );
    let before = tree(store.root());
    let mut tried = 0;
    for shape in &planted {
        let path = shape.path.to_str().expect("utf-8");
        let result = handoff(store.root(), &["import", path, "--person", "Ana"]);
        let said = result.stderr();
        match shape.expect {
            Expect::Unreadable(_) if shape.id.ends_with("symlink") => {
                // A link the coach names is followed, to a good file: it is
                // offered (and, unanswered, not added).
                assert!(
                    result.stdout().contains("added to Ana's history"),
                    "{}",
                    result.stdout()
                );
            }
            Expect::Unreadable(reason) => {
                assert!(!result.status.success(), "{}: {said}", shape.id);
                assert!(
                    said.contains(reason) && said.contains(&shape.id),
                    "{}: the file and the reason are named: {said}",
                    shape.id
                );
            }
            Expect::ReadOnly => {
                assert!(said.contains("written by a newer handoff"), "{said}");
            }
            Expect::Loads => {
                assert!(
                    result.stdout().contains("added to Ana's history"),
                    "{}",
                    result.stdout()
                );
            }
        }
        assert!(
            !result.status.success(),
            "{}: not added without a yes",
            shape.id
        );
        assert!(!said.contains('\u{1b}'), "no escape sequences");
        assert_eq!(
            tree(store.root()),
            before,
            "{} changed the data folder",
            shape.id
        );
        tried += 1;
    }
    assert!(tried >= 19, "every shape tried");

    // A draft is no take-home: it must be completed first.
    let mut draft = common::full_assessment("Ana");
    draft.completed = None;
    let draft_file = dir.path().join("draft.toml");
    fs::write(&draft_file, handoff::store::to_toml(&draft).expect("toml")).expect("draft");
    let refused = handoff(
        store.root(),
        &["import", draft_file.to_str().expect("utf-8"), "--yes"],
    );
    assert!(
        refused
            .stderr()
            .contains("only a completed assessment can be imported")
    );
    let missing = handoff(store.root(), &["import", "/nonexistent/zoe.toml", "--yes"]);
    assert!(
        missing.stderr().contains("/nonexistent/zoe.toml"),
        "{}",
        missing.stderr()
    );
    assert_eq!(tree(store.root()), before);
}

#[test]
fn answers_to_items_this_workbook_lacks_are_listed() {
    let dir = tempfile::tempdir().expect("temp");
    let store = coach(dir.path());
    let mut other = common::full_assessment("Ana");
    other.completed = Some(common::at("2026-11-23T10:15:00+01:00"));
    other
        .drivers
        .insert("fear-of-heights".into(), common::answer(2, ""));
    let file = dir.path().join("other.toml");
    fs::write(&file, handoff::store::to_toml(&other).expect("toml")).expect("file");
    let result = handoff(
        store.root(),
        &["import", file.to_str().expect("utf-8"), "--yes"],
    );
    assert!(result.status.success(), "{}", result.stderr());
    assert!(
        result.stdout().contains("drivers.fear-of-heights"),
        "{}",
        result.stdout()
    );
}
