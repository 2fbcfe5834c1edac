//! A coach's own content files: from the data folder's `content` folder or
//! from `--content DIR`, in the library and in the real program.

mod pty;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use handoff::content::{CONTENT_FOLDER, SectionKind, choose_workbook};
use pty::{Key, Tty};

fn coach_files() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content/valid/coach-extension")
}

/// A data folder whose `content` folder holds the coach's valid file, plus
/// `extra` written as `zz-extra.toml` when given.
fn data_with_content(extra: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let content = data.join(CONTENT_FOLDER);
    fs::create_dir_all(&content).expect("content folder");
    fs::copy(coach_files().join("coach.toml"), content.join("coach.toml")).expect("copy");
    if let Some(extra) = extra {
        fs::write(content.join("zz-extra.toml"), extra).expect("extra");
    }
    (dir, data)
}

/// Complete but for its id, so the problem reported is the one on line 2.
const BROKEN: &str = r#"[[topic]]
id = "Meeting Habits"
title = "Meeting habits"
summary = "How a team meets."
explanation = "How a team meets shapes what gets handed over."
prompts = ["Which meeting could someone else run?"]
"#;

#[test]
fn the_data_folders_content_is_added_to_the_workbook() {
    let (_dir, data) = data_with_content(None);
    let chosen = choose_workbook(None, &data).expect("valid content");
    assert!(chosen.warning.is_none());
    let drivers = &chosen.workbook.section(SectionKind::Drivers).items;
    assert_eq!(drivers.len(), 7, "six built-in drivers and the coach's own");
    assert!(drivers.iter().any(|item| item.id == "fear-of-conflict"));
}

#[test]
fn without_a_content_folder_the_built_in_workbook_is_used() {
    let dir = tempfile::tempdir().expect("temp");
    let chosen = choose_workbook(None, dir.path()).expect("built-in");
    assert!(chosen.warning.is_none());
    assert_eq!(chosen.workbook.section(SectionKind::Drivers).items.len(), 6);
}

#[test]
fn a_broken_file_in_the_data_folder_warns_and_falls_back_without_blocking() {
    let (_dir, data) = data_with_content(Some(BROKEN));
    let chosen = choose_workbook(None, &data).expect("falls back");
    assert_eq!(
        chosen.workbook.section(SectionKind::Drivers).items.len(),
        6,
        "the built-in workbook, not half of the coach's"
    );
    let warning = chosen.warning.expect("a warning");
    assert!(warning.contains("zz-extra.toml:2"), "{warning}");
    assert!(warning.contains("content check"), "{warning}");
}

#[test]
fn a_broken_folder_named_on_the_command_line_stops_with_every_problem() {
    let (_dir, data) = data_with_content(Some(BROKEN));
    let output = Command::new(env!("CARGO_BIN_EXE_handoff"))
        .args(["--content"])
        .arg(data.join(CONTENT_FOLDER))
        .args(["list"])
        .env("HANDOFF_DATA_DIR", &data)
        .output()
        .expect("run handoff");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("zz-extra.toml:2"), "{stderr}");
    assert!(stderr.contains("has problems"), "{stderr}");
}

#[test]
fn the_coachs_driver_is_asked_in_the_real_program() {
    let (_dir, data) = data_with_content(None);
    let mut tty = Tty::spawn(&data, 100, 30);
    tty.start_first_assessment("Ana");
    tty.leave_check_in();
    // Past the team sheet, left empty, to the drivers.
    tty.key(Key::Tab);
    tty.wait_for("3/11");
    tty.key(Key::Tab);
    tty.wait_for("1 of 7");
    for _ in 0..6 {
        tty.type_text("j");
    }
    tty.wait_for("Fear of conflict");
}

#[test]
fn a_broken_content_folder_is_explained_on_the_first_screen() {
    let (_dir, data) = data_with_content(Some(BROKEN));
    let tty = Tty::spawn(&data, 120, 30);
    tty.wait_for("Whose workbook is this?");
    tty.wait_for("Your own content was not loaded");
}
