//! Saved assessments survive the trip to disk and back, failed saves lose
//! nothing, and nothing a person types can lead a path out of the folder.

mod common;

use std::fs;
use std::path::Path;

use common::{at, full_assessment};
use handoff::assessment::SCHEMA_VERSION;
use handoff::store::{Listed, Store, StoreError, WriteStep};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path().join("data"));
    (dir, store)
}

fn readable(listed: &[Listed]) -> Vec<&handoff::store::Loaded> {
    listed
        .iter()
        .filter_map(|entry| match entry {
            Listed::Readable { loaded, .. } => Some(loaded.as_ref()),
            Listed::Unreadable { .. } => None,
        })
        .collect()
}

#[test]
fn a_full_assessment_is_saved_and_loaded_back_equal() {
    let (_dir, store) = store();
    let person = store.add_person("Zoë O'Brien").expect("person");
    let mut assessment = full_assessment(&person.name);
    store.save_draft(&person, &assessment).expect("draft saved");
    let drafts = store.drafts(&person);
    assert_eq!(readable(&drafts)[0].assessment, assessment);

    let path = store
        .complete(&person, &mut assessment, at("2026-11-23T10:15:00+01:00"))
        .expect("completed");
    assert!(
        store.drafts(&person).is_empty(),
        "the draft is gone once complete"
    );
    let history = store.history(&person);
    let loaded = readable(&history);
    assert_eq!(loaded.len(), 1);
    assert_eq!(loaded[0].assessment, assessment);
    assert!(!loaded[0].read_only);

    let text = fs::read_to_string(path).expect("file");
    assert!(
        text.contains("completed = 2026-11-23T10:15:00+01:00"),
        "{text}"
    );
    assert!(text.contains("[drivers.perfectionism]"), "{text}");
    assert!(text.contains("due = 2026-12-15"), "{text}");
    assert!(
        text.contains(&format!("schema_version = {SCHEMA_VERSION}")),
        "{text}"
    );
}

#[test]
fn completing_never_overwrites_a_finished_assessment() {
    let (_dir, store) = store();
    let person = store.add_person("Sam").expect("person");
    let mut first = full_assessment("Sam");
    store
        .complete(&person, &mut first, at("2026-11-23T10:00:00Z"))
        .expect("first");
    // Same id, different answers. (Completing the very same assessment
    // again finishes an earlier try: see tests/store_changed.rs.)
    let mut again = full_assessment("Sam");
    again.check_in.role = "Answered differently".into();
    let error = store
        .complete(&person, &mut again, at("2026-11-23T11:00:00Z"))
        .unwrap_err();
    assert!(matches!(error, StoreError::Exists { .. }), "{error}");
    assert!(
        again.completed.is_none(),
        "a failed completion leaves the draft open"
    );
}

#[test]
fn a_failing_write_at_any_step_leaves_the_previous_file_byte_identical() {
    let (_dir, store) = store();
    let person = store.add_person("Priya").expect("person");
    let mut assessment = full_assessment("Priya");
    let path = store.save_draft(&person, &assessment).expect("first save");
    let before = fs::read(&path).expect("read");

    assessment.check_in.role = "Changed, but never saved".into();
    for step in WriteStep::ALL {
        let failing = store.clone().failing_at(Some(step));
        let result = failing.save_draft(&person, &assessment);
        if step == WriteStep::SyncFolder {
            // The rename has happened: the new file is complete, only its
            // durability was not confirmed. Say so, and keep the new text.
            assert!(result.is_err());
            fs::write(&path, &before).expect("restore for the next step");
            continue;
        }
        let error = result.expect_err("the injected failure surfaces");
        assert!(
            error.to_string().contains(&path.display().to_string()),
            "{error}"
        );
        assert_eq!(
            fs::read(&path).expect("read"),
            before,
            "after failing at {step:?}"
        );
        let leftovers: Vec<_> = fs::read_dir(path.parent().expect("folder"))
            .expect("list")
            .map(|entry| entry.expect("entry").file_name())
            .collect();
        assert_eq!(
            leftovers.len(),
            1,
            "temporary file left after {step:?}: {leftovers:?}"
        );
    }
    store
        .save_draft(&person, &assessment)
        .expect("a retry succeeds");
    assert!(
        fs::read_to_string(&path)
            .expect("read")
            .contains("Changed, but never saved")
    );
}

#[test]
fn hostile_names_stay_inside_the_data_folder_and_apart() {
    let (dir, store) = store();
    let long = "x".repeat(300);
    let names = [
        "../../etc",
        "/",
        "/etc/passwd",
        "..",
        "...",
        "Zoë O'Brien",
        "zoë o brien",
        "李雷",
        "con",
        "a\u{0}b",
        "tab\there",
        "\u{202E}evil",
        long.as_str(),
    ];
    let mut dirs = std::collections::BTreeSet::new();
    for name in names {
        let person = store
            .add_person(name)
            .unwrap_or_else(|error| panic!("{name:?}: {error}"));
        let canonical = person.dir.canonicalize().expect("exists");
        let people = dir
            .path()
            .join("data/people")
            .canonicalize()
            .expect("people");
        assert_eq!(
            canonical.parent(),
            Some(people.as_path()),
            "{name:?} -> {}",
            person.dir.display()
        );
        assert!(dirs.insert(person.dir.clone()), "{name:?} shares a folder");
        assert!(
            person.key().chars().count() <= 44,
            "{name:?} gives a long folder name"
        );
        let again = store
            .find_person(name)
            .expect("lookup")
            .expect("found by name");
        assert_eq!(again, person, "{name:?} is found again");
    }
    assert_eq!(store.people().expect("list").people.len(), names.len());
    for empty in ["", "   ", "\u{0}\u{7}"] {
        assert!(
            matches!(store.add_person(empty), Err(StoreError::EmptyName)),
            "{empty:?}"
        );
    }
    assert!(!dir.path().join("etc").exists());
}

fn write_raw(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().expect("folder")).expect("folder");
    fs::write(path, bytes).expect("write fixture");
}

#[test]
fn bad_files_are_reported_by_name_and_left_untouched() {
    let (_dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let mut good = full_assessment("Ana");
    store
        .complete(&person, &mut good, at("2026-11-23T10:00:00Z"))
        .expect("good one");
    let folder = person.dir.join("assessments");
    let full = fs::read_to_string(store.assessment_path(&person, &good.id)).expect("text");

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.toml", Vec::new(), "is empty"),
        (
            "truncated.toml",
            full.as_bytes()[..full.len() / 2].to_vec(),
            "line ",
        ),
        (
            "latin1.toml",
            b"schema_version = 1\nperson = \"Jos\xe9\"\n".to_vec(),
            "is not UTF-8 text",
        ),
        (
            "garbage.toml",
            vec![0xff, 0x00, 0x13, 0x37, 0xfe],
            "is not UTF-8 text",
        ),
        (
            "no-version.toml",
            b"person = \"Ana\"\n".to_vec(),
            "has no schema_version",
        ),
        (
            "wrong-type.toml",
            b"schema_version = 1\ntasks = \"many\"\n".to_vec(),
            "line 2",
        ),
    ];
    for (name, bytes, _) in &cases {
        write_raw(&folder.join(name), bytes);
    }
    let history = store.history(&person);
    assert_eq!(history.len(), cases.len() + 1);
    assert_eq!(readable(&history).len(), 1, "the good file still loads");
    for (name, bytes, reason) in &cases {
        let path = folder.join(name);
        let entry = history
            .iter()
            .find(|entry| entry.path() == path)
            .expect("listed");
        match entry {
            Listed::Unreadable { reason: found, .. } => {
                assert!(found.contains(&path.display().to_string()), "{found}");
                assert!(found.contains(reason), "{name}: {found}");
            }
            Listed::Readable { .. } => panic!("{name} was read"),
        }
        assert_eq!(
            &fs::read(&path).expect("still there"),
            bytes,
            "{name} was changed"
        );
    }
}

#[test]
fn a_newer_schema_opens_read_only_or_is_explained() {
    let (_dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let folder = person.dir.join("assessments");
    let mut finished = full_assessment("Ana");
    finished.completed = Some(at("2026-11-23T10:00:00Z"));
    let text = handoff::store::to_toml(&finished).expect("toml");
    let newer = text.replace(
        &format!("schema_version = {SCHEMA_VERSION}"),
        &format!("schema_version = {}", SCHEMA_VERSION + 1),
    );
    write_raw(&folder.join("newer.toml"), newer.as_bytes());
    // A newer format that changed the type of a field we know.
    let changed =
        newer
            .replace("[[tasks]]", "[[tasks_v2]]")
            .replacen("\nid = ", "\ntasks = 7\nid = ", 1);
    write_raw(&folder.join("newer-changed.toml"), changed.as_bytes());

    let history = store.history(&person);
    let readable_one = history
        .iter()
        .find(|entry| entry.path().ends_with("newer.toml"))
        .expect("listed");
    match readable_one {
        Listed::Readable { loaded, .. } => assert!(loaded.read_only),
        Listed::Unreadable { reason, .. } => panic!("{reason}"),
    }
    let other = history
        .iter()
        .find(|entry| entry.path().ends_with("newer-changed.toml"))
        .expect("listed");
    match other {
        Listed::Unreadable { reason, .. } => {
            assert!(reason.contains("written by a newer handoff"), "{reason}")
        }
        Listed::Readable { .. } => panic!("a file we cannot understand was read"),
    }
}

#[test]
fn leftover_temporary_files_and_strangers_are_not_assessments() {
    let (_dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let mut good = full_assessment("Ana");
    store
        .complete(&person, &mut good, at("2026-11-23T10:00:00Z"))
        .expect("good");
    let folder = person.dir.join("assessments");
    let text = fs::read(store.assessment_path(&person, &good.id)).expect("bytes");
    write_raw(&folder.join(".handoff-abc123.tmp"), &text);
    write_raw(&folder.join(".handoff-half.tmp"), &text[..10]);
    write_raw(&folder.join("notes.txt"), b"not ours");
    let history = store.history(&person);
    assert_eq!(history.len(), 1, "{history:?}");
}

#[test]
fn symlinks_and_fifos_are_refused_without_hanging() {
    let (dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let folder = person.dir.join("assessments");
    fs::create_dir_all(&folder).expect("folder");
    let outside = dir.path().join("outside.toml");
    fs::write(
        &outside,
        handoff::store::to_toml(&full_assessment("Ana")).expect("toml"),
    )
    .expect("write");
    std::os::unix::fs::symlink(&outside, folder.join("link.toml")).expect("symlink");
    let fifo = folder.join("pipe.toml");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    let history = store.history(&person);
    assert_eq!(history.len(), 2);
    for entry in &history {
        match entry {
            Listed::Unreadable { reason, .. } => {
                assert!(
                    reason.contains("symbolic link") || reason.contains("not a regular file"),
                    "{reason}"
                )
            }
            Listed::Readable { .. } => panic!("{} was read", entry.path().display()),
        }
    }
}

#[test]
fn a_second_writer_on_the_same_person_is_told_and_the_lock_frees_on_exit() {
    let (_dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let first = handoff::store::lock_person(&person).expect("first lock");
    let error = handoff::store::lock_person(&person).expect_err("second is refused");
    assert!(
        error.to_string().contains("open in another handoff window"),
        "{error}"
    );
    let other = store.add_person("Ben").expect("person");
    handoff::store::lock_person(&other).expect("other people are not blocked");
    drop(first);
    handoff::store::lock_person(&person).expect("free again once the first is gone");
}

/// Temporary files in `folder`, with their sizes.
fn temporary_files(folder: &Path) -> Vec<(String, u64)> {
    let mut found: Vec<(String, u64)> = fs::read_dir(folder)
        .expect("folder")
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .map(|entry| {
            let size = entry.metadata().expect("meta").len();
            (entry.file_name().to_string_lossy().into_owned(), size)
        })
        .collect();
    found.sort();
    found
}

#[test]
fn saves_leave_no_temporary_file_behind() {
    let (_dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let mut assessment = full_assessment(&person.name);
    let draft = store.save_draft(&person, &assessment).expect("saved");
    let drafts = draft.parent().expect("drafts folder").to_path_buf();
    assert!(
        temporary_files(&drafts).is_empty(),
        "{:?}",
        temporary_files(&drafts)
    );

    assessment.check_in.role = "Saved again".into();
    store.save_draft(&person, &assessment).expect("saved again");
    assert!(
        temporary_files(&drafts).is_empty(),
        "{:?}",
        temporary_files(&drafts)
    );
    let text = fs::read_to_string(&draft).expect("draft");
    assert!(text.contains("Saved again"), "{text}");
}

/// The last step of a save, flushing the folder, comes after the rename:
/// when only it fails, the file is already complete and in place, and the
/// failure names the file.
#[test]
fn a_draft_whose_folder_flush_fails_is_in_place_and_named() {
    let (_dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let mut assessment = full_assessment(&person.name);
    let mut known = None;
    let saved = store
        .save_draft_checked(&person, &assessment, &mut known)
        .expect("saved");

    assessment.check_in.role = "Renamed into place; flush fails".into();
    let failing = store.clone().failing_at(Some(WriteStep::SyncFolder));
    let error = failing
        .save_draft_checked(&person, &assessment, &mut known)
        .expect_err("the flush fails");
    assert!(
        error
            .to_string()
            .contains(&saved.path.display().to_string()),
        "{error}"
    );
    assert_eq!(
        fs::read_to_string(&saved.path).expect("draft"),
        handoff::store::to_toml(&assessment).expect("toml"),
        "complete and in place"
    );
}

/// A FIFO at `path`, made with the system's `mkfifo`.
fn make_fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Runs `take` on another thread and gives its answer, or fails the test
/// when none comes: a lock that blocks must fail here, not hang the suite.
fn without_hanging<T: Send + 'static>(take: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, answer) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(take());
    });
    answer
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("an answer, not a program waiting for ever")
}

#[track_caller]
fn assert_refused_by_path(error: &StoreError, path: &Path, what: &str) {
    let message = error.to_string();
    assert!(
        message.contains(&path.display().to_string()) && message.contains(what),
        "names {} and says it is {what}: {message}",
        path.display()
    );
    assert!(message.contains("Move it away and try again"), "{message}");
}

#[test]
fn a_lock_that_links_out_of_the_data_folder_is_refused_and_its_target_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let outside = dir.path().join("someone-elses.txt");
    fs::write(&outside, "not handoff's").expect("outside");
    fs::set_permissions(&outside, fs::Permissions::from_mode(0o644)).expect("mode");
    let lock = person.dir.join(".lock");
    std::os::unix::fs::symlink(&outside, &lock).expect("symlink");

    let error = handoff::store::lock_person(&person).expect_err("refused");
    assert_refused_by_path(&error, &lock, "a symbolic link");
    let mode = fs::metadata(&outside)
        .expect("outside")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644, "the file outside was not chmod-ed");
    assert_eq!(
        fs::read_to_string(&outside).expect("outside"),
        "not handoff's"
    );
    assert!(fs::symlink_metadata(&lock).expect("lock").is_symlink());
}

#[test]
fn a_dangling_lock_link_creates_nothing_outside_the_data_folder() {
    let (dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let outside = dir.path().join("made-by-following.txt");
    let lock = person.dir.join(".lock");
    std::os::unix::fs::symlink(&outside, &lock).expect("symlink");

    let error = handoff::store::lock_person(&person).expect_err("refused");
    assert_refused_by_path(&error, &lock, "a symbolic link");
    assert!(
        fs::symlink_metadata(&outside).is_err(),
        "nothing was created outside"
    );
}

#[test]
fn a_lock_that_is_a_fifo_is_refused_at_once() {
    let (_dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let lock = person.dir.join(".lock");
    make_fifo(&lock);
    let taking = person.clone();
    let error = without_hanging(move || handoff::store::lock_person(&taking))
        .expect_err("a FIFO is no lock");
    assert_refused_by_path(&error, &lock, "a FIFO");

    // With someone reading the FIFO, opening it would succeed: what was
    // opened is checked too.
    use std::os::unix::fs::OpenOptionsExt;
    let _reader = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(&lock)
        .expect("a reader");
    let taking = person.clone();
    let error = without_hanging(move || handoff::store::lock_person(&taking))
        .expect_err("a FIFO is no lock, read or not");
    assert_refused_by_path(&error, &lock, "a FIFO");
}

#[test]
fn a_lock_that_is_a_folder_is_refused_by_name() {
    let (_dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let lock = person.dir.join(".lock");
    fs::create_dir(&lock).expect("folder");
    let error = handoff::store::lock_person(&person).expect_err("refused");
    assert_refused_by_path(&error, &lock, "a folder");
}

/// A folder outside the data folder holding a valid draft, a foreign file
/// that looks like one of handoff's leftovers, and one named exactly like
/// them.
fn outside_folder(dir: &Path) -> std::path::PathBuf {
    let outside = dir.join("elsewhere");
    fs::create_dir(&outside).expect("outside");
    let mut planted = full_assessment("Ana");
    planted.id = "20200101-000000-0out".into();
    write_raw(
        &outside.join("20200101-000000-0out.toml"),
        handoff::store::to_toml(&planted).expect("toml").as_bytes(),
    );
    write_raw(&outside.join(".handoff-x.tmp"), b"someone else's");
    write_raw(&outside.join(".handoff-abc123.tmp"), b"someone else's too");
    outside
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .expect("folder")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_linked_drafts_folder_is_neither_written_nor_read_nor_cleaned() {
    let (dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let outside = outside_folder(dir.path());
    let before = names_in(&outside);
    let drafts = person.dir.join("drafts");
    std::os::unix::fs::symlink(&outside, &drafts).expect("symlink");

    let lock = handoff::store::lock_person(&person).expect("the lock itself is fine");
    let error = store
        .save_draft(&person, &full_assessment("Ana"))
        .expect_err("no draft through a link");
    assert_refused_by_path(&error, &drafts, "a symbolic link");
    let listed = store.drafts(&person);
    match listed.as_slice() {
        [Listed::Unreadable { path, reason }] => {
            assert_eq!(path, &drafts);
            assert!(reason.contains("a symbolic link"), "{reason}");
        }
        other => panic!("the linked folder is reported, not read: {other:?}"),
    }
    drop(lock);
    assert_eq!(
        names_in(&outside),
        before,
        "nothing written or removed there"
    );
    assert_eq!(
        fs::read(outside.join(".handoff-x.tmp")).expect("kept"),
        b"someone else's"
    );
}

#[test]
fn a_linked_assessments_folder_is_neither_written_nor_read() {
    let (dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let outside = outside_folder(dir.path());
    let before = names_in(&outside);
    let assessments = person.dir.join("assessments");
    std::os::unix::fs::symlink(&outside, &assessments).expect("symlink");

    let _lock = handoff::store::lock_person(&person).expect("lock");
    let mut assessment = full_assessment("Ana");
    let error = store
        .complete(&person, &mut assessment, at("2026-11-23T10:00:00Z"))
        .expect_err("not completed through a link");
    assert_refused_by_path(&error, &assessments, "a symbolic link");
    assert!(readable(&store.history(&person)).is_empty());
    let workbook = handoff::content::load_builtin().expect("content");
    let headers = store.history_headers(&person, &workbook);
    match headers.as_slice() {
        [handoff::store::HistoryEntry::Unreadable { path, reason }] => {
            assert_eq!(path, &assessments);
            assert!(reason.contains("a symbolic link"), "{reason}");
        }
        other => panic!("the linked folder is reported, not read: {other:?}"),
    }
    assert_eq!(
        names_in(&outside),
        before,
        "nothing written or removed there"
    );
}

#[test]
fn a_linked_people_folder_is_refused_and_a_linked_person_reported() {
    let (dir, store) = store();
    let outside = dir.path().join("elsewhere");
    fs::create_dir(&outside).expect("outside");
    fs::create_dir_all(store.root()).expect("data");
    let people = store.root().join("people");
    std::os::unix::fs::symlink(&outside, &people).expect("symlink");
    let error = store.add_person("Ana").expect_err("refused");
    assert_refused_by_path(&error, &people, "a symbolic link");
    let error = store.people().expect_err("refused");
    assert_refused_by_path(&error, &people, "a symbolic link");
    assert!(names_in(&outside).is_empty(), "no one was added outside");

    fs::remove_file(&people).expect("unlink");
    let ana = store.add_person("Ana").expect("person");
    let someone = outside.join("ben");
    write_raw(&someone.join("person.toml"), b"name = \"Ben\"\n");
    let linked = people.join("ben");
    std::os::unix::fs::symlink(&someone, &linked).expect("symlink");
    let listing = store.people().expect("listed");
    assert_eq!(listing.people, vec![ana], "Ben's link is not a person");
    match listing.unreadable.as_slice() {
        [(path, reason)] => {
            assert_eq!(path, &linked);
            assert!(reason.contains("a symbolic link"), "{reason}");
        }
        other => panic!("the link is reported: {other:?}"),
    }
}

#[test]
fn only_regular_files_named_as_handoff_names_them_are_cleaned_up() {
    let (dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let drafts = person.dir.join("drafts");
    fs::create_dir_all(&drafts).expect("drafts");
    let outside = dir.path().join("target.txt");
    fs::write(&outside, "kept").expect("outside");
    write_raw(&drafts.join(".handoff-Ab12cD.tmp"), b"a killed save");
    write_raw(&drafts.join(".handoff-x.tmp"), b"not ours");
    std::os::unix::fs::symlink(&outside, drafts.join(".handoff-lnk123.tmp")).expect("symlink");
    fs::create_dir(drafts.join(".handoff-dir123.tmp")).expect("folder");

    drop(handoff::store::lock_person(&person).expect("lock"));
    assert_eq!(
        names_in(&drafts),
        [
            ".handoff-dir123.tmp",
            ".handoff-lnk123.tmp",
            ".handoff-x.tmp"
        ],
        "only the killed save's file went"
    );
    assert_eq!(fs::read_to_string(&outside).expect("outside"), "kept");
}

/// Files among the finished ones that lack what makes an assessment
/// finished: (file name, text, the reason given).
fn incomplete_files() -> Vec<(&'static str, String, &'static str)> {
    let mut no_id = full_assessment("Ana");
    no_id.id = String::new();
    no_id.completed = Some(at("2026-11-23T10:00:00Z"));
    let no_date = full_assessment("Ana");
    vec![
        (
            "only-a-version.toml",
            format!("schema_version = {SCHEMA_VERSION}\n"),
            "has no id and no completion date",
        ),
        (
            "no-id.toml",
            handoff::store::to_toml(&no_id).expect("toml"),
            "has no id",
        ),
        (
            "no-date.toml",
            handoff::store::to_toml(&no_date).expect("toml"),
            "has no completion date",
        ),
    ]
}

#[test]
fn a_finished_assessment_without_an_id_or_a_completion_date_is_unreadable_and_untouched() {
    let (_dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    let mut good = full_assessment("Ana");
    store
        .complete(&person, &mut good, at("2026-11-23T10:00:00Z"))
        .expect("good");
    let folder = person.dir.join("assessments");
    for (name, text, _) in incomplete_files() {
        write_raw(&folder.join(name), text.as_bytes());
    }
    let workbook = handoff::content::load_builtin().expect("content");
    let history = store.history(&person);
    // Cold (building the index) and warm (from it): the same verdict.
    for pass in ["cold", "warm"] {
        let headers = store.history_headers(&person, &workbook);
        assert_eq!(headers.len(), 4, "{pass}: {headers:?}");
        for (name, _, reason) in incomplete_files() {
            let path = folder.join(name);
            let entry = headers
                .iter()
                .find(|entry| entry.path() == path)
                .expect("listed");
            match entry {
                handoff::store::HistoryEntry::Unreadable { reason: found, .. } => assert!(
                    found.ends_with(reason) && found.contains(name),
                    "{pass}: {found}"
                ),
                other => panic!("{pass}: {name} listed as complete: {other:?}"),
            }
        }
    }
    for (name, text, reason) in incomplete_files() {
        let path = folder.join(name);
        match history.iter().find(|entry| entry.path() == path) {
            Some(Listed::Unreadable { reason: found, .. }) => {
                assert!(found.ends_with(reason), "{found}")
            }
            other => panic!("{name}: {other:?}"),
        }
        assert_eq!(fs::read_to_string(&path).expect("kept"), text, "untouched");
    }
}

#[test]
fn a_drafts_folder_swapped_for_a_link_after_a_save_receives_no_file() {
    let (dir, store) = store();
    let person = store.add_person("Ana").expect("person");
    store
        .save_draft(&person, &full_assessment("Ana"))
        .expect("saved");
    let drafts = person.dir.join("drafts");
    fs::rename(&drafts, person.dir.join("drafts-moved")).expect("move away");
    let outside = dir.path().join("elsewhere");
    fs::create_dir(&outside).expect("outside");
    std::os::unix::fs::symlink(&outside, &drafts).expect("symlink");

    let error = store
        .save_draft(&person, &full_assessment("Ana"))
        .expect_err("no draft through the link");
    assert_refused_by_path(&error, &drafts, "a symbolic link");
    assert!(names_in(&outside).is_empty(), "{:?}", names_in(&outside));
}
