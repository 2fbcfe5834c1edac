//! A person's life in the data folder, checked on disk: coach notes in
//! their own files, the next session's date, rename (history byte for
//! byte intact), archive and restore (the folder moved whole), forget
//! (not one file of theirs left, temporary files and old caches included),
//! and correcting the wording of a completed assessment.

mod cli_run;
mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use handoff::content::SectionKind;
use handoff::store::{CoachNote, Listed, NoteListed, Person, Store, StoreError, lock_person};

use cli_run::handoff;

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in fs::read_dir(&at)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_dir()) {
                stack.push(path.clone());
            }
            found.push(path);
        }
    }
    found.sort();
    found
}

/// Ana, with a completed assessment, a draft, two coach notes, a leftover
/// temporary file and an old index; and Ben, who must never be touched.
fn two_people(dir: &Path) -> (Store, Person, Person) {
    let store = Store::new(dir.join("data"));
    let ana = store.add_person("Ana Lima").expect("Ana");
    let ben = store.add_person("Ben").expect("Ben");
    for person in [&ana, &ben] {
        let mut done = common::full_assessment(&person.name);
        store
            .complete(person, &mut done, common::at("2026-11-23T10:15:00+01:00"))
            .expect("complete");
        let mut draft = common::full_assessment(&person.name);
        draft.id = "20261130-100000-dddd".into();
        store.save_draft(person, &draft).expect("draft");
    }
    for (text, when) in [
        (
            "Ana seemed tired; ask about the reorg.",
            "2026-11-23T11:00:00+01:00",
        ),
        (
            "Second session: the checklist worked.",
            "2026-11-30T11:00:00+01:00",
        ),
    ] {
        store
            .save_note(&ana, &CoachNote::new(text, common::at(when)))
            .expect("note");
    }
    fs::write(ana.dir.join("drafts/.handoff-abc123.tmp"), "Ana Lima half").expect("temp");
    fs::write(ana.dir.join("index.tsv"), "Ana Lima\t2026").expect("index");
    (store, ana, ben)
}

#[test]
fn coach_notes_are_their_own_private_files_listed_newest_first() {
    let dir = tempfile::tempdir().expect("temp");
    let (store, ana, _) = two_people(dir.path());
    let notes = store.notes(&ana);
    let texts: Vec<&str> = notes
        .iter()
        .filter_map(NoteListed::note)
        .map(|note| note.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Second session: the checklist worked.",
            "Ana seemed tired; ask about the reorg."
        ]
    );
    for listed in &notes {
        assert!(listed.path().starts_with(ana.dir.join("notes")));
        let mode = fs::metadata(listed.path())
            .expect("note")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    for listed in store.history(&ana).iter().chain(store.drafts(&ana).iter()) {
        let text = fs::read_to_string(listed.path()).expect("assessment");
        assert!(
            !text.contains("seemed tired"),
            "never inside an assessment file"
        );
    }
    // A note file that cannot be read is listed with why, never dropped.
    fs::write(ana.dir.join("notes/20261201-000000-bad0.toml"), "text = [").expect("bad");
    let listed = store.notes(&ana);
    assert!(listed.iter().any(|listed| matches!(listed, NoteListed::Unreadable { reason, .. } if reason.contains("line 1"))));
}

#[test]
fn the_next_session_is_kept_in_person_toml_beside_what_a_newer_handoff_wrote() {
    let dir = tempfile::tempdir().expect("temp");
    let (store, ana, _) = two_people(dir.path());
    let file = ana.dir.join("person.toml");
    fs::write(&file, "name = \"Ana Lima\"\nfuture_key = \"kept\"\n").expect("newer");
    assert_eq!(store.next_session(&ana).expect("read"), None);
    let date = NaiveDate::from_ymd_opt(2026, 12, 14);
    store.set_next_session(&ana, date).expect("set");
    assert_eq!(store.next_session(&ana).expect("read"), date);
    let text = fs::read_to_string(&file).expect("file");
    assert!(
        text.contains("next_session = 2026-12-14") && text.contains("future_key = \"kept\""),
        "{text}"
    );
    store.set_next_session(&ana, None).expect("clear");
    assert_eq!(store.next_session(&ana).expect("read"), None);
    assert_eq!(
        fs::metadata(&file).expect("file").permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn renaming_changes_the_name_only_and_never_to_someone_elses() {
    let dir = tempfile::tempdir().expect("temp");
    let (store, ana, ben) = two_people(dir.path());
    let before: Vec<(PathBuf, Vec<u8>)> = files_under(&ana.dir)
        .into_iter()
        .filter(|path| path.is_file() && !path.ends_with("person.toml"))
        .map(|path| {
            let bytes = fs::read(&path).expect("read");
            (path, bytes)
        })
        .collect();
    let renamed = store.rename_person(&ana, "Ana Lima-Souza").expect("rename");
    assert_eq!(renamed.dir, ana.dir, "the folder stays");
    assert_eq!(renamed.name, "Ana Lima-Souza");
    for (path, bytes) in &before {
        assert_eq!(
            &fs::read(path).expect("still there"),
            bytes,
            "{}",
            path.display()
        );
    }
    let found = store.find_person("Ana Lima-Souza").expect("list");
    assert_eq!(found.map(|person| person.dir), Some(ana.dir.clone()));
    assert!(store.find_person("Ana Lima").expect("list").is_none());

    let taken = store.rename_person(&renamed, "Ben");
    assert!(
        matches!(taken, Err(StoreError::NameTaken { .. })),
        "{taken:?}"
    );
    assert!(matches!(
        store.rename_person(&renamed, " \t"),
        Err(StoreError::EmptyName)
    ));
    assert_eq!(store.find_person("Ben").expect("list"), Some(ben));
}

#[test]
fn archiving_moves_the_folder_whole_and_restoring_brings_it_back() {
    let dir = tempfile::tempdir().expect("temp");
    let (store, ana, ben) = two_people(dir.path());
    let inside: Vec<(PathBuf, Vec<u8>)> = files_under(&ana.dir)
        .into_iter()
        // Taking the lock clears leftover temporary files, as it always has.
        .filter(|path| {
            path.is_file() && !path.ends_with(".lock") && !path.ends_with(".handoff-abc123.tmp")
        })
        .map(|path| {
            let bytes = fs::read(&path).expect("read");
            (
                path.strip_prefix(&ana.dir).expect("inside").to_path_buf(),
                bytes,
            )
        })
        .collect();

    let other_window = lock_person(&ana).expect("lock");
    assert!(matches!(
        store.archive_person(&ana),
        Err(StoreError::Busy { .. })
    ));
    drop(other_window);

    let archived = store.archive_person(&ana).expect("archive");
    assert!(!ana.dir.exists());
    assert_eq!(archived.dir, store.root().join("archive/ana-lima"));
    let listed: Vec<String> = store
        .people()
        .expect("list")
        .people
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(listed, ["Ben"], "off the list");
    assert_eq!(
        store.archived_people().expect("archive").people,
        std::slice::from_ref(&archived)
    );
    for (relative, bytes) in &inside {
        assert_eq!(&fs::read(archived.dir.join(relative)).expect("kept"), bytes);
    }

    let restored = store.restore_person(&archived).expect("restore");
    assert_eq!(restored.dir, ana.dir);
    assert_eq!(store.people().expect("list").people, [restored, ben]);
    assert!(store.archived_people().expect("archive").people.is_empty());
}

#[test]
fn forgetting_leaves_no_file_of_the_person_and_touches_no_one_else() {
    let dir = tempfile::tempdir().expect("temp");
    let (store, ana, ben) = two_people(dir.path());
    let bens = files_under(&ben.dir);

    let other_window = lock_person(&ana).expect("lock");
    assert!(matches!(
        store.forget_person(&ana),
        Err(StoreError::Busy { .. })
    ));
    drop(other_window);
    store.forget_person(&ana).expect("forget");

    for path in files_under(store.root()) {
        assert!(
            !path.starts_with(&ana.dir) && !path.to_string_lossy().contains("ana-lima"),
            "left behind: {}",
            path.display()
        );
        if path.is_file() {
            let text = String::from_utf8_lossy(&fs::read(&path).expect("read")).into_owned();
            assert!(
                !text.contains("Ana Lima") && !text.contains("seemed tired"),
                "{}",
                path.display()
            );
        }
    }
    assert_eq!(files_under(&ben.dir), bens, "Ben untouched");
    assert_eq!(store.people().expect("list").people, [ben]);
}

#[test]
fn an_archived_person_can_be_forgotten_and_a_forgetting_cut_short_is_finished() {
    let dir = tempfile::tempdir().expect("temp");
    let (store, ana, ben) = two_people(dir.path());
    let archived = store.archive_person(&ana).expect("archive");
    store.forget_person(&archived).expect("forget");
    assert!(files_under(&store.root().join("archive")).is_empty());

    // A crash in the middle of forgetting Ben leaves a hidden folder.
    let half = store.root().join("people/.forgetting-ben");
    fs::rename(&ben.dir, &half).expect("as if cut short");
    assert!(
        store.people().expect("list").people.is_empty(),
        "listed nowhere meanwhile"
    );
    store.finish_forgetting();
    assert!(!half.exists());
}

#[test]
fn the_command_line_forgets_only_after_the_name_is_typed() {
    let dir = tempfile::tempdir().expect("temp");
    let (store, ana, _) = two_people(dir.path());
    let refused = handoff(store.root(), &["person", "forget", "Ana Lima"]);
    assert!(!refused.status.success(), "no one to type the name");
    assert!(
        refused.stderr().contains("nothing was deleted"),
        "{}",
        refused.stderr()
    );
    let wrong = handoff(
        store.root(),
        &["person", "forget", "Ana Lima", "--confirm", "ana"],
    );
    assert!(!wrong.status.success());
    assert!(ana.dir.join("person.toml").exists());
    let done = handoff(
        store.root(),
        &["person", "forget", "Ana Lima", "--confirm", "Ana Lima"],
    );
    assert!(done.status.success(), "{}", done.stderr());
    assert!(!ana.dir.exists());

    let renamed = handoff(store.root(), &["person", "rename", "Ben", "Benedita"]);
    assert!(renamed.status.success(), "{}", renamed.stderr());
    let archived = handoff(store.root(), &["person", "archive", "Benedita"]);
    assert!(archived.status.success(), "{}", archived.stderr());
    let list = handoff(store.root(), &["list", "--archived"]);
    assert!(
        list.stdout().contains("Benedita (ben)"),
        "{}",
        list.stdout()
    );
    let restored = handoff(store.root(), &["person", "restore", "Benedita"]);
    assert!(restored.status.success(), "{}", restored.stderr());
    assert!(
        handoff(store.root(), &["list"])
            .stdout()
            .contains("Benedita")
    );
}

#[test]
fn a_completed_assessment_takes_corrected_wording_but_keeps_its_ratings() {
    let dir = tempfile::tempdir().expect("temp");
    let (store, ana, _) = two_people(dir.path());
    let history = store.history(&ana);
    let [Listed::Readable { loaded, path }] = history.as_slice() else {
        panic!("one assessment");
    };
    let (original, path) = (loaded.assessment.clone(), path.clone());
    let before = fs::read(&path).expect("file");

    let mut rated = original.clone();
    rated.set_rating(SectionKind::Drivers, "perfectionism", Some(0));
    let refused = store.amend(
        &ana,
        &rated,
        loaded.version,
        common::at("2026-12-01T09:00:00Z"),
    );
    assert!(
        matches!(&refused, Err(StoreError::Refused { problem, .. }) if problem.contains("ratings")),
        "{refused:?}"
    );
    assert_eq!(
        fs::read(&path).expect("file"),
        before,
        "a refusal changes nothing"
    );

    let mut fixed = original.clone();
    fixed.check_in.situation = "Handing the monthly metrics report to Priya.".into();
    fixed
        .commitments
        .iter_mut()
        .for_each(|c| c.first_step.push_str(" (fixed)"));
    let amended = store
        .amend(
            &ana,
            &fixed,
            loaded.version,
            common::at("2026-12-01T09:00:00Z"),
        )
        .expect("amend");
    let text = fs::read_to_string(&path).expect("file");
    assert!(
        text.contains("amended = 2026-12-01T09:00:00+00:00"),
        "{text}"
    );
    assert!(text.contains("Handing the monthly metrics report to Priya."));
    assert_eq!(amended.completed, original.completed, "completion stays");
    assert_eq!(
        amended.rating(SectionKind::Drivers, "perfectionism"),
        original.rating(SectionKind::Drivers, "perfectionism")
    );

    // Changed by someone else since it was read: left alone.
    let stale = store.amend(
        &ana,
        &fixed,
        loaded.version,
        common::at("2026-12-02T09:00:00Z"),
    );
    assert!(
        matches!(stale, Err(StoreError::ChangedOnDisk { .. })),
        "{stale:?}"
    );
}
