//! A person's history is read as it is shown: one listing of the folder
//! gives the count and the order (file names sort by time), and a file is
//! read only when something shows it. Whatever is read says what reading
//! the file in full says, however the folder changed before, and an
//! `index.tsv` an older handoff left behind changes nothing.

mod history_fixture;

use std::fs;

use handoff::content::{SectionKind, Workbook};
use handoff::store::{Around, Header, HistoryEntry, Listed};
use history_fixture::{DAMAGED, FIRST, History, SECOND, THIRD, history, workbook};

/// What each row must say: each file read in full and summarised.
fn from_full_files(history: &History, workbook: &Workbook) -> Vec<HistoryEntry> {
    history
        .store
        .history(&history.person)
        .into_iter()
        .map(|listed| match listed {
            Listed::Readable { path, loaded } => HistoryEntry::Readable {
                path,
                header: Header::of(workbook, &loaded.assessment, loaded.read_only),
            },
            Listed::Unreadable { path, reason } => HistoryEntry::Unreadable { path, reason },
        })
        .collect()
}

/// Every row, each file read as its row would be.
fn headers(history: &History, workbook: &Workbook) -> Vec<HistoryEntry> {
    let files = history
        .store
        .history_files(&history.person, Around::Start, 0, usize::MAX);
    files.entries(0..files.len(), workbook).collect()
}

#[test]
fn rows_match_the_full_files_in_name_order() {
    let (history, workbook) = (history(), workbook());
    let expected = from_full_files(&history, &workbook);
    assert_eq!(expected.len(), 4);
    assert_eq!(headers(&history, &workbook), expected);
    let files = history
        .store
        .history_files(&history.person, Around::Start, 0, usize::MAX);
    let names: Vec<_> = (0..files.len())
        .filter_map(|at| files.path(at))
        .filter_map(|path| Some(path.file_stem()?.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(
        names,
        [FIRST, SECOND, DAMAGED, THIRD],
        "oldest first, by name"
    );
}

#[test]
fn unreadable_files_stay_listed_with_the_reason() {
    let (history, workbook) = (history(), workbook());
    for _ in 0..2 {
        let listed = headers(&history, &workbook);
        let damaged = listed
            .iter()
            .find(|entry| entry.path().ends_with(format!("{DAMAGED}.toml")))
            .expect("listed");
        match damaged {
            HistoryEntry::Unreadable { reason, .. } => assert!(reason.contains("line"), "{reason}"),
            HistoryEntry::Readable { .. } => panic!("the damaged file read as fine"),
        }
    }
}

/// The person's page: the folder's count, and only the newest files read.
#[test]
fn the_newest_few_are_read_with_the_count_of_all() {
    let (history, workbook) = (history(), workbook());
    let expected = from_full_files(&history, &workbook);
    let newest = history.store.newest_history(&history.person, &workbook, 2);
    assert_eq!(newest.total, 4);
    let newest_first: Vec<HistoryEntry> = expected.iter().rev().take(2).cloned().collect();
    assert_eq!(
        newest.entries, newest_first,
        "the third, then the damaged one"
    );
    let all = history.store.newest_history(&history.person, &workbook, 10);
    assert_eq!(all.total, 4);
    assert_eq!(all.entries.len(), 4);
}

/// A file is read when its row is: one that cannot be read is found
/// where its row is, not when the folder is listed.
#[test]
fn listing_reads_no_file() {
    let (history, workbook) = (history(), workbook());
    let folder = history.person.dir.join("assessments");
    // Older than every other, and not readable at all.
    fs::write(folder.join("20200101-000000-0bad.toml"), [0xff, 0xfe]).expect("plant");
    let files = history
        .store
        .history_files(&history.person, Around::Start, 0, usize::MAX);
    assert_eq!(files.len(), 5);
    let newest: Vec<HistoryEntry> = files.entries(1..5, &workbook).collect();
    assert!(
        newest
            .iter()
            .all(|entry| !entry.path().ends_with("20200101-000000-0bad.toml")),
        "{newest:?}"
    );
    match files.entry(0, &workbook) {
        Some(HistoryEntry::Unreadable { reason, .. }) => {
            assert!(reason.contains("not UTF-8"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
}

/// An older handoff kept `index.tsv` in the person's folder, vouching for
/// files it had read. One left behind is never read, never written and
/// never trusted: a file it vouches for that holds no finished
/// assessment is still unreadable, and a damaged index chokes nothing.
#[test]
fn an_index_left_by_an_older_handoff_is_ignored() {
    let (history, workbook) = (history(), workbook());
    let name = "20261201-000000-zzzz.toml";
    let file = history.person.dir.join("assessments").join(name);
    fs::write(&file, "schema_version = 1\n").expect("plant");
    let index = history.person.dir.join("index.tsv");
    let no_scores = vec!["-"; workbook.sections.len()].join(",");
    let vouching = format!(
        "# handoff's cache of this person's history, so long histories list quickly.\n\
         handoff-history-index\t1\t0123456789abcdef\n\
         {name}\t20\t0\t0\t0\t\t1970-01-01T00:00:00+00:00\t-\twritable\t{no_scores}\n"
    );
    let expected = from_full_files(&history, &workbook);
    let garbage: [&[u8]; 3] = [vouching.as_bytes(), b"\x00\xff not text", b""];
    for garbage in garbage {
        fs::write(&index, garbage).expect("an old index");
        assert_eq!(headers(&history, &workbook), expected);
        match headers(&history, &workbook)
            .iter()
            .find(|entry| entry.path() == file)
        {
            Some(HistoryEntry::Unreadable { reason, .. }) => {
                assert!(reason.contains("has no id"), "{reason}")
            }
            other => panic!("listed as {other:?}"),
        }
        let newest = history.store.newest_history(&history.person, &workbook, 5);
        assert_eq!(newest.total, 5);
        assert_eq!(fs::read(&index).expect("still there"), garbage, "untouched");
    }
    // A folder in its place is no trouble either.
    fs::remove_file(&index).expect("remove");
    fs::create_dir(&index).expect("folder");
    assert_eq!(headers(&history, &workbook), expected);
}

#[test]
fn a_file_changed_in_place_with_the_same_size_and_time_is_read_as_it_is_now() {
    let (history, workbook) = (history(), workbook());
    headers(&history, &workbook);
    let path = history.file(THIRD);
    let before = fs::metadata(&path).expect("meta");
    let text = fs::read_to_string(&path).expect("read");
    // Same length, different answer: skills 4 becomes 0.
    let changed = text.replacen(
        "[readiness.skills]\nrating = 4",
        "[readiness.skills]\nrating = 0",
        1,
    );
    assert_ne!(changed, text);
    fs::write(&path, &changed).expect("edit in place");
    fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|file| file.set_modified(before.modified()?))
        .expect("put the time back");
    assert_eq!(fs::metadata(&path).expect("meta").len(), before.len());

    let listed = headers(&history, &workbook);
    assert_eq!(listed, from_full_files(&history, &workbook));
    let third = listed
        .iter()
        .filter_map(HistoryEntry::header)
        .find(|h| h.id == THIRD)
        .expect("third");
    let readiness = workbook.section(SectionKind::Readiness);
    let expected =
        handoff::assessment::section_score(readiness, &history.assessment(THIRD)).percent;
    assert_eq!(third.percent(SectionKind::Readiness), expected);
}

#[test]
fn added_removed_and_repaired_files_show_up_at_once() {
    let (history, workbook) = (history(), workbook());
    headers(&history, &workbook);

    fs::remove_file(history.file(SECOND)).expect("remove");
    let added = add_a_copy_of_the_third(&history);
    let fixed = history.assessment(THIRD);
    let mut repaired = fixed.clone();
    repaired.id = history_fixture::DAMAGED.into();
    fs::write(
        history.file(DAMAGED),
        handoff::store::to_toml(&repaired).expect("toml"),
    )
    .expect("repair");

    let listed = headers(&history, &workbook);
    assert_eq!(listed, from_full_files(&history, &workbook));
    assert!(
        listed.iter().all(|entry| entry.header().is_some()),
        "nothing unreadable now"
    );
    assert!(
        listed
            .iter()
            .all(|entry| !entry.path().ends_with(format!("{SECOND}.toml")))
    );
    assert!(
        listed
            .iter()
            .any(|entry| entry.path() == history.file(&added))
    );
}

#[test]
fn new_content_rescores_every_entry() {
    let (history, mut workbook) = (history(), workbook());
    headers(&history, &workbook);
    // Drop an answered driver from the content: the drivers score changes.
    let drivers = workbook
        .sections
        .iter_mut()
        .find(|section| section.kind == SectionKind::Drivers)
        .expect("drivers");
    drivers.items.retain(|item| item.id != "perfectionism");
    assert_eq!(
        headers(&history, &workbook),
        from_full_files(&history, &workbook)
    );
}

/// A file name that is not UTF-8 is listed under its readable form, and
/// its row still points at the file itself.
#[test]
fn a_file_whose_name_is_not_utf8_is_listed_and_found() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let (history, workbook) = (history(), workbook());
    let folder = history.person.dir.join("assessments");
    let odd = folder.join(OsStr::from_bytes(b"20261201-090000-\xff.toml"));
    let some_file = fs::read_dir(&folder)
        .expect("folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .expect("a file to copy");
    fs::copy(&some_file, &odd).expect("copy under an odd name");

    let expected = from_full_files(&history, &workbook);
    assert!(expected.iter().any(|entry| entry.path() == odd));
    let listed = headers(&history, &workbook);
    assert_eq!(listed, expected);
    for entry in &listed {
        assert!(entry.path().exists(), "{:?} exists", entry.path());
    }
}

/// Hidden files (a save's temporary file, say) are no assessments.
#[test]
fn a_hidden_file_is_not_listed() {
    let (history, workbook) = (history(), workbook());
    let hidden = history.person.dir.join("assessments/.copy.toml");
    fs::copy(history.file(FIRST), &hidden).expect("hidden copy");
    let listed = headers(&history, &workbook);
    assert_eq!(listed, from_full_files(&history, &workbook));
    assert!(listed.iter().all(|entry| entry.path() != hidden));
    assert_eq!(
        history
            .store
            .history_files(&history.person, Around::Start, 0, usize::MAX)
            .len(),
        4
    );
}

/// A new file in the folder: the third assessment under another id.
/// Returns that id.
fn add_a_copy_of_the_third(history: &History) -> String {
    let mut added = history.assessment(THIRD);
    added.id = "20261111-111111-eeee".into();
    fs::write(
        history.file(&added.id),
        handoff::store::to_toml(&added).expect("toml"),
    )
    .expect("add");
    added.id
}
