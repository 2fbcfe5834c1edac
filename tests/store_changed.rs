//! A draft changed on disk by another program after handoff read or wrote
//! it is never overwritten or deleted: the save goes beside it instead, and
//! both versions are kept.

mod common;

use std::fs;
use std::path::Path;

use common::{at, full_assessment};
use handoff::store::{FileVersion, Listed, Store, StoreError, WriteStep};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path().join("data"));
    (dir, store)
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .expect("list")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// How another program changes a file.
type Edit = fn(&Path);

/// Another program's edits, each leaving a different trace on the file.
fn edits() -> Vec<(&'static str, Edit)> {
    vec![
        ("rewritten in place", |path| {
            let text = fs::read_to_string(path).expect("read");
            fs::write(path, text.replace("Head of analytics", "Edited elsewhere")).expect("write");
        }),
        ("replaced by a rename", |path| {
            let text = fs::read_to_string(path).expect("read");
            let other = path.with_extension("other");
            fs::write(
                &other,
                text.replace("Head of analytics", "Edited elsewhere"),
            )
            .expect("write");
            fs::rename(&other, path).expect("rename");
        }),
        ("same size, modification time put back", |path| {
            let modified = fs::metadata(path)
                .and_then(|meta| meta.modified())
                .expect("mtime");
            let text = fs::read_to_string(path).expect("read");
            fs::write(path, text.replace("Head of analytics", "Head of analysis!")).expect("write");
            let file = fs::File::options().write(true).open(path).expect("open");
            file.set_modified(modified).expect("set mtime");
        }),
    ]
}

#[test]
fn a_draft_changed_by_another_program_is_left_alone_and_the_save_goes_beside_it() {
    for (how, edit) in edits() {
        let (_dir, store) = store();
        let person = store.add_person("Priya").expect("person");
        let mut assessment = full_assessment("Priya");
        let mut known = None;
        let first = store
            .save_draft_checked(&person, &assessment, &mut known)
            .expect("first save");
        assert!(known.is_some(), "{how}: the version written is remembered");
        assessment.check_in.role = "Mine".into();
        store
            .save_draft_checked(&person, &assessment, &mut known)
            .expect("saved in place while nothing else touched it");

        edit(&first.path);
        let theirs = fs::read(&first.path).expect("read");
        assessment.check_in.role = "Mine, later".into();
        let saved = store
            .save_draft_checked(&person, &assessment, &mut known)
            .expect("saved beside");
        assert_eq!(saved.left_alone.as_ref(), Some(&first.path), "{how}");
        assert_eq!(saved.id, format!("{}-2", assessment.id), "{how}");
        assert_eq!(fs::read(&first.path).expect("read"), theirs, "{how}");
        let beside = handoff::store::read_assessment(&saved.path).expect("parses");
        assert_eq!(beside.assessment.check_in.role, "Mine, later", "{how}");
        assert_eq!(beside.assessment.id, saved.id, "{how}");

        // The next saves go to the new draft, in place.
        assessment.id = saved.id.clone();
        assessment.check_in.role = "Mine, latest".into();
        let again = store
            .save_draft_checked(&person, &assessment, &mut known)
            .expect("saved");
        assert_eq!(again.path, saved.path, "{how}");
        assert_eq!(again.left_alone, None, "{how}");
        assert_eq!(
            files_in(&person.dir.join("drafts")).len(),
            2,
            "{how}: both versions, nothing more"
        );
    }
}

#[test]
fn a_draft_resumed_from_the_listing_saves_in_place_until_someone_else_writes_it() {
    let (_dir, store) = store();
    let person = store.add_person("Sam").expect("person");
    let assessment = full_assessment("Sam");
    let path = store
        .save_draft(&person, &assessment)
        .expect("saved by an earlier run");
    let listed = store.drafts(&person);
    let Some(Listed::Readable { loaded, .. }) = listed.first() else {
        panic!("the draft is listed: {listed:?}");
    };
    let mut known = loaded.version;
    assert_eq!(known, FileVersion::on_disk(&path).expect("stat"));
    let mut resumed = loaded.assessment.clone();
    resumed.check_in.role = "Resumed".into();
    let saved = store
        .save_draft_checked(&person, &resumed, &mut known)
        .expect("saved");
    assert_eq!((saved.path, saved.left_alone), (path, None));
}

#[test]
fn a_draft_deleted_by_another_program_is_written_again() {
    let (_dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let assessment = full_assessment("Ana");
    let mut known = None;
    let first = store
        .save_draft_checked(&person, &assessment, &mut known)
        .expect("saved");
    fs::remove_file(&first.path).expect("deleted elsewhere");
    let again = store
        .save_draft_checked(&person, &assessment, &mut known)
        .expect("saved");
    assert_eq!((again.path, again.left_alone), (first.path, None));
}

#[test]
fn a_save_whose_only_failure_was_flushing_the_folder_is_still_known_as_ours() {
    let (_dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let mut assessment = full_assessment("Ana");
    let mut known = None;
    store
        .save_draft_checked(&person, &assessment, &mut known)
        .expect("saved");
    assessment.check_in.role = "Renamed into place".into();
    let failing = store.clone().failing_at(Some(WriteStep::SyncFolder));
    failing
        .save_draft_checked(&person, &assessment, &mut known)
        .expect_err("the folder flush fails");
    assessment.check_in.role = "Next change".into();
    let next = store
        .save_draft_checked(&person, &assessment, &mut known)
        .expect("saved");
    assert_eq!(
        next.left_alone, None,
        "its own file taken for someone else's"
    );
}

#[test]
fn completing_keeps_a_draft_another_program_changed_and_discarding_refuses_it() {
    let (_dir, store) = store();
    let person = store.add_person("Lee").expect("person");
    let mut assessment = full_assessment("Lee");
    let mut known = None;
    let draft = store
        .save_draft_checked(&person, &assessment, &mut known)
        .expect("saved")
        .path;
    fs::write(
        &draft,
        fs::read_to_string(&draft).expect("read") + "\n# a note\n",
    )
    .expect("edit");
    let theirs = fs::read(&draft).expect("read");

    let error = store
        .discard_draft(&person, &assessment.id, known)
        .expect_err("refused");
    assert!(matches!(error, StoreError::ChangedOnDisk { .. }), "{error}");
    assert!(
        error.to_string().contains("changed by another program"),
        "{error}"
    );

    let done = store
        .complete_checked(&person, &mut assessment, at("2026-11-23T10:00:00Z"), known)
        .expect("completed");
    assert_eq!(done.draft_kept.as_ref(), Some(&draft));
    assert_eq!(fs::read(&draft).expect("kept"), theirs);
}

#[test]
fn completing_again_after_only_the_folder_flush_failed_finishes_but_never_overwrites() {
    let (_dir, store) = store();
    let person = store.add_person("Kim").expect("person");
    let mut assessment = full_assessment("Kim");
    store.save_draft(&person, &assessment).expect("draft");
    let failing = store.clone().failing_at(Some(WriteStep::SyncFolder));
    failing
        .complete(&person, &mut assessment, at("2026-11-23T10:00:00Z"))
        .expect_err("the folder flush fails after the rename");
    let path = store
        .complete(&person, &mut assessment, at("2026-11-23T10:05:00Z"))
        .expect("the retry finishes what the first try wrote");
    assert!(store.drafts(&person).is_empty());
    assert_eq!(
        assessment.completed,
        Some(at("2026-11-23T10:00:00Z")),
        "the time of the completion that was written"
    );

    // A different assessment under the same id is still refused.
    let mut other = full_assessment("Kim");
    other.check_in.role = "Something else".into();
    let before = fs::read(&path).expect("read");
    let error = store
        .complete(&person, &mut other, at("2026-11-23T11:00:00Z"))
        .expect_err("refused");
    assert!(matches!(error, StoreError::Exists { .. }), "{error}");
    assert_eq!(fs::read(&path).expect("read"), before);
}
