//! The history index is only a cache: listing with it, without it, or with
//! a damaged one gives the same answer as reading every file, and a file
//! changed behind its back is read again.

mod history_fixture;

use std::cell::Cell;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use handoff::content::{SectionKind, Workbook};
use handoff::store::{Header, HistoryEntry, INDEX_FILE, Listed};
use history_fixture::{DAMAGED, FIRST, History, SECOND, THIRD, history, workbook};

/// What the headers must say: each file read in full and summarised.
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

fn headers(history: &History, workbook: &Workbook) -> Vec<HistoryEntry> {
    history.store.history_headers(&history.person, workbook)
}

fn index_inode(history: &History) -> u64 {
    fs::metadata(history.person.dir.join(INDEX_FILE))
        .expect("index written")
        .ino()
}

#[test]
fn headers_match_the_full_files_cold_and_warm() {
    let (history, workbook) = (history(), workbook());
    let expected = from_full_files(&history, &workbook);
    assert_eq!(expected.len(), 4);
    assert_eq!(headers(&history, &workbook), expected, "cold");
    let index = history.person.dir.join(INDEX_FILE);
    let mode = fs::metadata(&index).expect("index").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the index is as private as the files it lists");
    let written = index_inode(&history);
    assert_eq!(headers(&history, &workbook), expected, "warm");
    assert_eq!(
        index_inode(&history),
        written,
        "a warm listing does not rewrite the index"
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

#[test]
fn a_deleted_index_is_rebuilt() {
    let (history, workbook) = (history(), workbook());
    let expected = from_full_files(&history, &workbook);
    headers(&history, &workbook);
    fs::remove_file(history.person.dir.join(INDEX_FILE)).expect("delete");
    assert_eq!(headers(&history, &workbook), expected);
    assert!(
        history.person.dir.join(INDEX_FILE).is_file(),
        "written again"
    );
}

#[test]
fn a_damaged_index_is_rebuilt_never_trusted() {
    let (history, workbook) = (history(), workbook());
    let expected = from_full_files(&history, &workbook);
    let index = history.person.dir.join(INDEX_FILE);
    headers(&history, &workbook);
    let valid = fs::read_to_string(&index).expect("index");
    let first_line = valid
        .lines()
        .find(|line| !line.starts_with('#'))
        .expect("first line");
    let other_format = valid.replacen(first_line, "handoff-history-index\t99\tx", 1);
    let other_content = valid.replacen(first_line, &format!("{first_line}0"), 1);
    let garbage: [&[u8]; 5] = [
        b"\x00\xff not text",
        b"",
        b"format = 1\n",
        other_format.as_bytes(),
        other_content.as_bytes(),
    ];
    for garbage in garbage {
        headers(&history, &workbook);
        fs::write(&index, garbage).expect("damage the index");
        let shown = String::from_utf8_lossy(garbage);
        assert_eq!(headers(&history, &workbook), expected, "{shown}");
        assert_eq!(
            fs::read_to_string(&index).expect("rewritten"),
            valid,
            "rebuilt in full"
        );
    }
}

#[test]
fn index_entries_that_no_longer_match_their_files_are_not_trusted() {
    let (history, workbook) = (history(), workbook());
    headers(&history, &workbook);
    let index = history.person.dir.join(INDEX_FILE);
    // Every size off by one, and every header claiming the assessment was
    // never completed: a stamp that does not match means read again,
    // whatever the entry says.
    let text = fs::read_to_string(&index).expect("index");
    let tampered: Vec<String> = text
        .lines()
        .map(|line| {
            let mut fields: Vec<String> = line.split('\t').map(str::to_string).collect();
            if fields.len() == 10 {
                fields[1] = format!("{}1", fields[1]);
                fields[7] = "-".into();
            }
            fields.join("\t")
        })
        .collect();
    assert!(tampered.iter().any(|line| line.contains(SECOND)));
    fs::write(&index, tampered.join("\n")).expect("write");
    assert_eq!(
        headers(&history, &workbook),
        from_full_files(&history, &workbook)
    );
}

/// An index written by an older handoff, which listed a file holding only
/// `schema_version = 1` as complete (dated 1970-01-01): its entry for that
/// file must not keep that verdict.
#[test]
fn an_older_index_cannot_vouch_for_a_file_that_is_no_finished_assessment() {
    let (history, workbook) = (history(), workbook());
    headers(&history, &workbook);
    let name = "20261201-000000-zzzz.toml";
    let file = history.person.dir.join("assessments").join(name);
    fs::write(&file, "schema_version = 1\n").expect("plant");
    let index = history.person.dir.join(INDEX_FILE);
    let text = fs::read_to_string(&index).expect("index");
    let first_line = text
        .lines()
        .find(|line| !line.starts_with('#'))
        .expect("first line");
    let scoring = first_line.split('\t').nth(2).expect("fingerprint");
    let older = text.replacen(
        first_line,
        &format!("handoff-history-index\t1\t{scoring}"),
        1,
    );
    let meta = fs::symlink_metadata(&file).expect("meta");
    let nanos = |secs: i64, nsecs: i64| secs * 1_000_000_000 + nsecs;
    let no_scores = vec!["-"; workbook.sections.len()].join(",");
    let vouching = format!(
        "{name}\t{}\t{}\t{}\t{}\t\t1970-01-01T00:00:00+00:00\t-\twritable\t{no_scores}\n",
        meta.len(),
        nanos(meta.mtime(), meta.mtime_nsec()),
        nanos(meta.ctime(), meta.ctime_nsec()),
        meta.ino(),
    );
    fs::write(&index, older + &vouching).expect("an older index");
    for pass in ["from the older index", "from the rebuilt one"] {
        let listed = headers(&history, &workbook);
        match listed.iter().find(|entry| entry.path() == file) {
            Some(HistoryEntry::Unreadable { reason, .. }) => {
                assert!(reason.contains("has no id"), "{pass}: {reason}")
            }
            other => panic!("{pass}: listed as {other:?}"),
        }
    }
}

#[test]
fn a_damaged_line_costs_only_its_own_entry() {
    let (history, workbook) = (history(), workbook());
    headers(&history, &workbook);
    let index = history.person.dir.join(INDEX_FILE);
    let text = fs::read_to_string(&index).expect("index");
    let damaged: Vec<&str> = text
        .lines()
        .map(|line| {
            if line.starts_with(SECOND) {
                "20260615 half a line"
            } else {
                line
            }
        })
        .collect();
    fs::write(&index, damaged.join("\n")).expect("write");
    assert_eq!(
        headers(&history, &workbook),
        from_full_files(&history, &workbook)
    );
    assert_eq!(
        fs::read_to_string(&index).expect("index"),
        text,
        "the entry is written again"
    );
}

#[test]
fn a_file_changed_behind_its_back_is_read_again_even_with_the_same_size_and_time() {
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
    let index = fs::read_to_string(history.person.dir.join(INDEX_FILE)).expect("index");
    assert!(!index.contains(SECOND), "a removed file leaves the index");
    assert!(index.contains(&added));
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

#[test]
fn an_index_that_cannot_be_written_never_fails_a_listing() {
    let (history, workbook) = (history(), workbook());
    // A folder where the index should be: it can be neither read nor
    // replaced. (Permissions would not stop a test running as root.)
    fs::create_dir(history.person.dir.join(INDEX_FILE)).expect("folder");
    let expected = from_full_files(&history, &workbook);
    assert_eq!(headers(&history, &workbook), expected);
    assert_eq!(headers(&history, &workbook), expected);
}

/// A file name that is not UTF-8 is listed under its readable form, and
/// its entry still points at the file itself, cold and warm.
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
    for round in ["cold", "warm"] {
        let listed = headers(&history, &workbook);
        assert_eq!(listed, expected, "{round}");
        for entry in &listed {
            assert!(entry.path().exists(), "{round}: {:?} exists", entry.path());
        }
    }
}

/// The index is written in name order, but one in any order (edited, or
/// written by something else) is still used entry by entry.
#[test]
fn an_index_in_another_order_is_still_used() {
    let (history, workbook) = (history(), workbook());
    let expected = from_full_files(&history, &workbook);
    assert_eq!(headers(&history, &workbook), expected, "cold");
    let index = history.person.dir.join(INDEX_FILE);
    let text = fs::read_to_string(&index).expect("index");
    let (heading, entries): (Vec<&str>, Vec<&str>) = text
        .lines()
        .partition(|line| line.starts_with('#') || line.starts_with("handoff-history-index"));
    assert!(entries.len() >= 2, "entries to reorder: {text}");
    let reordered: Vec<&str> = heading
        .into_iter()
        .chain(entries.into_iter().rev())
        .collect();
    fs::write(&index, reordered.join("\n") + "\n").expect("reorder");
    let written = index_inode(&history);
    assert_eq!(headers(&history, &workbook), expected, "reordered");
    assert_eq!(
        index_inode(&history),
        written,
        "every entry was still used, so nothing was rewritten"
    );
}

/// A new file in the folder, behind the index's back: the third
/// assessment under another id. Returns that id.
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

/// The fixture without its damaged file: every file can be indexed, so a
/// warm listing reads the index alone.
fn healthy() -> (History, Workbook) {
    let (history, workbook) = (history(), workbook());
    fs::remove_file(history.file(DAMAGED)).expect("remove the damaged file");
    headers(&history, &workbook);
    (history, workbook)
}

/// The history folded into a list, and how many times the walk started:
/// once when the index was current, twice when it had to start again on
/// the full listing.
fn fold(history: &History, workbook: &Workbook) -> (Vec<HistoryEntry>, usize) {
    let starts = Cell::new(0);
    let entries = history.store.fold_history(
        &history.person,
        workbook,
        || {
            starts.set(starts.get() + 1);
            Vec::new()
        },
        |entries, entry| entries.push(entry),
    );
    (entries, starts.get())
}

#[test]
fn a_current_index_is_read_alone_in_one_walk() {
    let (history, workbook) = healthy();
    let (listed, starts) = fold(&history, &workbook);
    assert_eq!(listed, from_full_files(&history, &workbook));
    assert_eq!(listed.len(), 3);
    assert_eq!(starts, 1, "nothing made the walk start again");
}

#[test]
fn a_file_the_index_does_not_name_is_found_and_nothing_is_listed_twice() {
    let (history, workbook) = healthy();
    add_a_copy_of_the_third(&history);
    let (listed, starts) = fold(&history, &workbook);
    assert_eq!(listed, from_full_files(&history, &workbook));
    assert_eq!(listed.len(), 4, "the new file, and each other file once");
    assert_eq!(starts, 2, "the count gave the new file away");
    assert_eq!(fold(&history, &workbook).1, 1, "the index now names it");
}

#[test]
fn a_file_changed_late_in_the_walk_restarts_it_cleanly() {
    let (history, workbook) = healthy();
    // The newest file is the index's last line: every other entry has been
    // handed out before the change is seen.
    let mut changed = history.assessment(THIRD);
    changed.check_in.situation = "Rewritten by another program.".into();
    fs::write(
        history.file(THIRD),
        handoff::store::to_toml(&changed).expect("toml"),
    )
    .expect("change");
    let (listed, starts) = fold(&history, &workbook);
    assert_eq!(listed, from_full_files(&history, &workbook));
    assert_eq!(starts, 2);
}

/// An index line may name only a file the listing would show. A hidden
/// file named in the index must not stand in for a new visible one that
/// the index lacks, even though the counts would then agree.
#[test]
fn a_hidden_file_in_the_index_cannot_hide_a_new_one() {
    let (history, workbook) = healthy();
    let folder = history.person.dir.join("assessments");
    let hidden = folder.join(".copy.toml");
    fs::copy(history.file(FIRST), &hidden).expect("hidden copy");
    let meta = fs::symlink_metadata(&hidden).expect("stat");
    let nanos = |secs: i64, nsecs: i64| secs * 1_000_000_000 + nsecs;
    let index_path = history.person.dir.join(INDEX_FILE);
    let text = fs::read_to_string(&index_path).expect("index");
    let first_line = text
        .lines()
        .find(|line| line.starts_with(FIRST))
        .expect("the first file's line");
    let rest: Vec<&str> = first_line.split('\t').skip(5).collect();
    let hidden_line = format!(
        ".copy.toml\t{}\t{}\t{}\t{}\t{}",
        meta.len(),
        nanos(meta.mtime(), meta.mtime_nsec()),
        nanos(meta.ctime(), meta.ctime_nsec()),
        meta.ino(),
        rest.join("\t")
    );
    // '.' sorts before the digits, so the line goes first and the names
    // still rise.
    let text = text.replacen(first_line, &format!("{hidden_line}\n{first_line}"), 1);
    fs::write(&index_path, text).expect("plant the line");
    let added = add_a_copy_of_the_third(&history);

    let (listed, starts) = fold(&history, &workbook);
    assert_eq!(listed, from_full_files(&history, &workbook));
    assert!(
        listed
            .iter()
            .any(|entry| entry.path() == history.file(&added)),
        "the new file is listed"
    );
    assert!(
        listed.iter().all(|entry| entry.path() != hidden),
        "the hidden file is not"
    );
    assert_eq!(starts, 2);
}
