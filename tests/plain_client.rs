//! Plain mode in the client view, with three people on file: a whole run
//! (help, where, a wrong answer, `back` at the page, looking back at a
//! history whose newest file cannot be read, a new assessment with an
//! error in it) prints no other person's name, no coach note and no data
//! path, and there is no way from the client's page to anyone else.

mod client_fixture;
mod common;

use std::fs;
use std::path::Path;

use client_fixture::{CLIENT, SECRETS, three_people};

fn run(data: &Path, script: &str) -> (String, std::process::ExitStatus) {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_handoff"))
        .args([
            "--data-dir",
            data.to_str().expect("utf-8"),
            "--plain",
            "--client",
            CLIENT,
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("typed");
    let output = child.wait_with_output().expect("ran");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (said, output.status)
}

#[test]
fn the_client_view_in_plain_mode_says_no_other_name_no_note_and_no_path() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    three_people(&data);
    let report = dir.path().join("zoe-report.md");
    let report = report.to_str().expect("utf-8");
    let script = [
        // The page: help, where, back (nowhere to go), wrong answers.
        "help",
        "where",
        "back",
        "zebra",
        "9",
        // Looking back: read the one readable assessment, export it.
        "2",
        "1",
        "1",
        "4",
        "1",
        report,
        "6",
        // A new assessment: an answer, help, an answer off the scale, the
        // list of worksheets, the team sheet, quitting.
        "1",
        "Coach",
        "Her first team.",
        "",
        "help",
        "7",
        "sheets",
        "99",
        "3",
        "where",
        "quit",
    ]
    .join("\n");
    let (said, status) = run(&data, &format!("{script}\n"));
    assert!(status.success(), "{said}");
    for secret in SECRETS {
        assert!(!said.contains(secret), "{secret} was printed:\n{said}");
    }
    assert!(
        !said.contains(&data.display().to_string()),
        "the data folder was printed:\n{said}"
    );
    assert!(said.contains(CLIENT), "{said}");
    assert!(said.contains("Client view"), "{said}");
    assert!(
        said.contains("This is the client view: only this workbook is open here."),
        "back at the page goes nowhere: {said}"
    );
    assert!(!said.contains("choose another person"), "{said}");
    assert!(
        !said.contains("coach note"),
        "no offer of a coach note: {said}"
    );
    assert!(said.contains("Help."), "{said}");
    assert!(said.contains("is not one of the choices"), "{said}");
    assert!(
        said.contains("(a file)"),
        "the unreadable file, unnamed: {said}"
    );
    let exported = fs::read_to_string(report).expect("exported");
    assert!(!exported.contains("ZNOTE"), "no coach note in the export");
    assert!(said.contains("Worksheet 3 of 11: Your team."), "{said}");
    assert!(!said.contains("zoe-report"), "the export's path: {said}");
}
