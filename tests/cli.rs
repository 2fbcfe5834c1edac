//! The revisiting subcommands end to end: the real binary on a copy of
//! the history fixture, through `--data-dir` and `HANDOFF_DATA_DIR`.

mod history_fixture;
mod pty;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use history_fixture::{DAMAGED, DRAFT, FIRST, PERSON, SECOND, THIRD, history};

fn handoff(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handoff"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("HANDOFF_DATA_DIR")
        .env("NO_COLOR", "1")
        .output()
        .expect("run handoff")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

#[track_caller]
fn succeeded(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}\n{}",
        stderr(output),
        stdout(output)
    );
    let text = stdout(output);
    assert!(
        !text.contains('\u{1b}'),
        "no escape sequences reach the terminal:\n{text}"
    );
    text
}

#[track_caller]
fn failed(output: &Output) -> String {
    assert!(
        !output.status.success(),
        "should have failed:\n{}",
        stdout(output)
    );
    stderr(output)
}

#[test]
fn list_names_everyone_then_one_persons_history() {
    let history = history();
    let people = succeeded(&handoff(history.data(), &["list"]));
    assert!(people.contains(PERSON), "{people}");

    let listed = succeeded(&handoff(history.data(), &["list", "--person", PERSON]));
    for id in [FIRST, SECOND, THIRD, DRAFT] {
        assert!(listed.contains(id), "{id} in:\n{listed}");
    }
    let damaged = listed
        .lines()
        .find(|line| line.contains(DAMAGED))
        .expect("the damaged file is listed");
    assert!(
        damaged.starts_with("unreadable") && damaged.contains("line"),
        "{damaged}"
    );
    // Counted among the assessments as it is printed, then said at the end.
    assert!(
        listed.starts_with("Sam Rivera: 4 assessments, 1 draft\n"),
        "{listed}"
    );
    assert!(
        listed.ends_with(
            "1 file of the 4 assessments could not be read: listed above, left untouched\n"
        ),
        "{listed}"
    );
    let draft = listed
        .lines()
        .find(|line| line.contains(DRAFT))
        .expect("draft");
    assert!(draft.contains("draft"), "{draft}");
    let first = listed
        .lines()
        .find(|line| line.starts_with(FIRST))
        .expect("first");
    assert!(
        first.contains("complete") && first.contains("drivers") && first.contains('%'),
        "{first}"
    );

    let by_folder = succeeded(&handoff(
        history.data(),
        &["list", "--person", "sam-rivera"],
    ));
    assert_eq!(
        by_folder, listed,
        "the folder name works as well as the name"
    );
}

#[test]
fn show_prints_plain_text_or_markdown() {
    let history = history();
    let plain = succeeded(&handoff(history.data(), &["show", SECOND]));
    assert!(
        plain.contains(SECOND) && !plain.contains("| ---"),
        "{plain}"
    );
    let markdown = succeeded(&handoff(history.data(), &["show", SECOND, "--markdown"]));
    assert!(
        markdown.starts_with("# ") && markdown.contains("| ---"),
        "{markdown}"
    );
    let draft = succeeded(&handoff(history.data(), &["show", DRAFT]));
    assert!(draft.contains("draft"), "{draft}");
}

#[test]
fn compare_says_what_changed_in_words_whatever_the_order_of_ids() {
    let history = history();
    let forward = succeeded(&handoff(history.data(), &["compare", FIRST, SECOND]));
    for words in [
        "better",
        "worse",
        "same",
        "no longer asked",
        "kept",
        "partly",
    ] {
        assert!(forward.contains(words), "{words} in:\n{forward}");
    }
    let backward = succeeded(&handoff(history.data(), &["compare", SECOND, FIRST]));
    assert_eq!(forward, backward, "the older one is always before");
}

#[test]
fn export_writes_markdown_to_stdout_or_a_private_file_never_over_another() {
    let history = history();
    let single = succeeded(&handoff(history.data(), &["export", SECOND]));
    assert!(single.starts_with("# ") && single.contains(SECOND));
    let compared = succeeded(&handoff(history.data(), &["export", FIRST, SECOND]));
    assert!(compared.contains(FIRST) && compared.contains(SECOND));

    let file = history.dir.path().join("report.md");
    let shown = file.to_str().expect("path");
    succeeded(&handoff(
        history.data(),
        &["export", FIRST, SECOND, "--out", shown],
    ));
    assert_eq!(fs::read_to_string(&file).expect("written"), compared);
    let mode = fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    fs::write(&file, "the coach's own edits").expect("edit");
    let refused = failed(&handoff(
        history.data(),
        &["export", SECOND, "--out", shown],
    ));
    assert!(
        refused.contains("already exists") && refused.contains("--force"),
        "{refused}"
    );
    assert_eq!(
        fs::read_to_string(&file).expect("kept"),
        "the coach's own edits"
    );

    succeeded(&handoff(
        history.data(),
        &["export", SECOND, "--out", shown, "--force"],
    ));
    assert_eq!(fs::read_to_string(&file).expect("replaced"), single);
    let mode = fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn export_to_a_bare_file_name_writes_in_the_current_folder() {
    let history = history();
    let output = Command::new(env!("CARGO_BIN_EXE_handoff"))
        .current_dir(history.dir.path())
        .args(["export", SECOND, "--out", "bare.md"])
        .env("HANDOFF_DATA_DIR", history.data())
        .output()
        .expect("run");
    succeeded(&output);
    assert!(history.dir.path().join("bare.md").is_file());
}

#[test]
fn unknown_ids_and_people_fail_with_a_message_naming_them() {
    let history = history();
    let missing = "20991231-235959-ffff";
    for args in [
        vec!["show", missing],
        vec!["compare", FIRST, missing],
        vec!["export", missing],
        vec!["export", missing, FIRST],
    ] {
        let message = failed(&handoff(history.data(), &args));
        assert!(message.contains(missing), "{args:?}: {message}");
    }
    let message = failed(&handoff(
        history.data(),
        &["list", "--person", "Nobody Here"],
    ));
    assert!(
        message.contains("Nobody Here") && message.contains(PERSON),
        "{message}"
    );
    let message = failed(&handoff(
        history.data(),
        &["show", SECOND, "--person", "Nobody Here"],
    ));
    assert!(message.contains("Nobody Here"), "{message}");
}

#[test]
fn ids_that_are_not_ids_never_become_paths() {
    let history = history();
    for id in ["../sam-rivera/person", "/etc/passwd", ".", "", "A B"] {
        let message = failed(&handoff(history.data(), &["show", id]));
        assert!(message.contains("not an assessment id"), "{id}: {message}");
    }
}

#[test]
fn a_damaged_file_is_reported_by_name_and_left_alone() {
    let history = history();
    let before = fs::read(history.file(DAMAGED)).expect("read");
    let message = failed(&handoff(history.data(), &["show", DAMAGED]));
    assert!(
        message.contains(&format!("{DAMAGED}.toml")) && message.contains("line"),
        "{message}"
    );
    assert_eq!(fs::read(history.file(DAMAGED)).expect("read"), before);
}

#[test]
fn an_id_shared_by_two_people_asks_which_one() {
    let history = history();
    let other = history.store.add_person("Ana Lopez").expect("person");
    let mut copy = history.assessment(SECOND);
    copy.person = other.name.clone();
    fs::create_dir_all(other.dir.join("assessments")).expect("folder");
    fs::write(
        history.store.assessment_path(&other, SECOND),
        handoff::store::to_toml(&copy).expect("toml"),
    )
    .expect("write");
    let message = failed(&handoff(history.data(), &["show", SECOND]));
    assert!(
        message.contains(PERSON) && message.contains("Ana Lopez") && message.contains("--person"),
        "{message}"
    );
    let chosen = succeeded(&handoff(
        history.data(),
        &["show", SECOND, "--person", "Ana Lopez"],
    ));
    assert!(chosen.contains("Ana Lopez"), "{chosen}");
}

#[test]
fn a_person_is_found_by_their_name_written_without_accents_or_capitals() {
    let history = history();
    let zoe = history.store.add_person("Zoë O'Brien").expect("person");
    let mut copy = history.assessment(SECOND);
    copy.person = zoe.name.clone();
    fs::create_dir_all(zoe.dir.join("assessments")).expect("folder");
    fs::write(
        history.store.assessment_path(&zoe, SECOND),
        handoff::store::to_toml(&copy).expect("toml"),
    )
    .expect("write");
    let listed = succeeded(&handoff(
        history.data(),
        &["list", "--person", "Zoe O'Brien"],
    ));
    assert!(listed.contains(SECOND), "{listed}");
    let listed = succeeded(&handoff(
        history.data(),
        &["list", "--person", "sam rivera"],
    ));
    assert!(listed.contains(FIRST), "{listed}");

    // Two people it could mean: both are named, neither is chosen.
    history.store.add_person("Zoe OBrien").expect("person");
    let message = failed(&handoff(
        history.data(),
        &["list", "--person", "Zoe O'Brien"],
    ));
    assert!(
        message.contains("Zoë O'Brien")
            && message.contains("Zoe OBrien")
            && message.contains("exactly"),
        "{message}"
    );
    assert!(!message.contains(PERSON), "{message}");
    let listed = succeeded(&handoff(
        history.data(),
        &["list", "--person", "Zoë O'Brien"],
    ));
    assert!(
        listed.contains(SECOND),
        "the exact name still chooses: {listed}"
    );
}

#[test]
fn an_empty_data_folder_lists_nobody_without_failing() {
    let dir = tempfile::tempdir().expect("temp");
    let listed = succeeded(&handoff(&dir.path().join("nothing"), &["list"]));
    assert!(!listed.is_empty());
}

#[test]
fn every_subcommand_has_help() {
    let dir = tempfile::tempdir().expect("temp");
    for command in ["list", "show", "compare", "export"] {
        let help = succeeded(&handoff(dir.path(), &[command, "--help"]));
        assert!(help.contains("Usage:"), "{command}: {help}");
    }
    let output = handoff(dir.path(), &["export", FIRST, SECOND, THIRD]);
    assert!(!output.status.success(), "export takes one or two ids");
}

/// A data folder that is a file, one under a file (which cannot be read),
/// and a data folder whose `people` folder is a link, as
/// (what it is, path, what `where` says of it).
fn odd_data_folders(dir: &Path) -> Vec<(&'static str, std::path::PathBuf, &'static str)> {
    let file = dir.join("a-file");
    fs::write(&file, "not a folder").expect("file");
    let linked = dir.join("linked");
    fs::create_dir(&linked).expect("folder");
    std::os::unix::fs::symlink(dir, linked.join("people")).expect("symlink");
    vec![
        ("a file", file.clone(), "(is a file, not a folder)"),
        (
            "under a file",
            file.join("data"),
            "(cannot be read: Not a directory (os error 20))",
        ),
        (
            "with a linked people folder",
            linked,
            "(its people folder is a symbolic link, which handoff will not use)",
        ),
    ]
}

#[test]
fn where_says_what_is_wrong_with_a_data_folder_it_cannot_use() {
    let dir = tempfile::tempdir().expect("temp");
    for (what, data, said) in odd_data_folders(dir.path()) {
        let shown = succeeded(&handoff(&data, &["where"]));
        assert_eq!(
            shown,
            format!("{} {said}\n", data.display()),
            "a data folder {what}"
        );
    }
    let empty = succeeded(&handoff(&dir.path().join("not-yet"), &["where"]));
    assert!(empty.ends_with(" (nothing saved yet)\n"), "{empty}");
}

#[test]
fn an_unusable_data_folder_is_explained_once_per_reason() {
    let dir = tempfile::tempdir().expect("temp");
    let said = [
        "is a file, not a folder",
        "Not a directory (os error 20)",
        "is a symbolic link",
    ];
    for ((what, data, _), said) in odd_data_folders(dir.path()).into_iter().zip(said) {
        let message = failed(&handoff(&data, &["list"]));
        assert_eq!(message.matches(said).count(), 1, "{what}: {message}");
        assert_eq!(message.lines().count(), 1, "{what}: {message}");
    }
}

#[test]
fn list_shows_a_finished_file_with_no_id_or_date_as_unreadable() {
    let history = history();
    let file = history
        .person
        .dir
        .join("assessments/20261201-000000-zzzz.toml");
    fs::write(&file, "schema_version = 1\n").expect("plant");
    let listed = succeeded(&handoff(history.data(), &["list", "--person", PERSON]));
    let line = listed
        .lines()
        .find(|line| line.contains("20261201-000000-zzzz"))
        .unwrap_or_else(|| panic!("not listed:\n{listed}"));
    assert!(
        line.starts_with("unreadable") && line.contains("has no id and no completion date"),
        "{line}"
    );
    assert!(!listed.contains("1970"), "{listed}");
    let message = failed(&handoff(history.data(), &["show", "20261201-000000-zzzz"]));
    assert!(message.contains("has no id"), "{message}");
    assert_eq!(
        fs::read_to_string(&file).expect("kept"),
        "schema_version = 1\n"
    );
}

/// What the full-screen workbook says where it cannot draw.
fn assert_needs_a_terminal(said: &str) {
    assert!(
        said.contains("handoff: the workbook needs a terminal to draw in")
            && said.contains("handoff list, show, compare, export, where and content check"),
        "{said}"
    );
}

#[test]
fn the_workbook_with_its_output_piped_says_it_needs_a_terminal() {
    use std::io::Read;
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().expect("temp");
    let mut child = Command::new(env!("CARGO_BIN_EXE_handoff"))
        .arg("--data-dir")
        .arg(dir.path())
        .env_remove("HANDOFF_DATA_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start handoff");
    // Drawing into the pipe, it would wait for keys for ever.
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("handoff kept running with its output piped");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    stdout.read_to_end(&mut out).expect("read stdout");
    stderr.read_to_end(&mut err).expect("read stderr");
    assert!(!status.success(), "exit {status}");
    assert!(
        !out.contains(&0x1b) && !err.contains(&0x1b),
        "escape sequences written: {:?}",
        String::from_utf8_lossy(&out)
    );
    let said = String::from_utf8_lossy(&err);
    assert_needs_a_terminal(&said);
    assert!(
        said.contains("handoff --plain"),
        "plain mode is offered: {said}"
    );
    assert!(
        !dir.path().join("people").exists(),
        "nothing is written when nothing can be shown"
    );
}

#[test]
fn the_workbook_in_a_dumb_terminal_talks_in_plain_lines() {
    let dir = tempfile::tempdir().expect("temp");
    let mut tty = pty::Tty::spawn_with(&dir.path().join("data"), 100, 24, &[("TERM", "dumb")]);
    tty.wait_for("Whose workbook is this?");
    tty.type_text("quit");
    tty.send(b"\r");
    assert_eq!(tty.wait_exit(), Some(0));
    let raw = tty.raw.lock().map(|raw| raw.clone()).unwrap_or_default();
    assert!(
        !raw.contains(&0x1b),
        "escape sequences sent to a dumb terminal"
    );
    assert!(tty.screen().contains("in plain mode"), "{}", tty.screen());
}
