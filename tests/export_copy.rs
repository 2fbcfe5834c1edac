//! `handoff export` writes a client copy unless told otherwise: the
//! client's own answers and notes, never a coach note. A coach copy adds
//! the coach's notes. Files are private (0600) and never written over
//! without --force.

mod cli_run;
mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use handoff::store::{CoachNote, Store};

use cli_run::handoff;

const FIRST: &str = "20261123-093000-beef";
const SECOND: &str = "20261207-093000-cafe";
const NOTE: &str = "Coach only: she sounded tired; ask about the reorg.";

fn coach_data(dir: &Path) -> Store {
    let store = Store::new(dir.join("data"));
    let person = store.add_person("Zoë O'Brien").expect("person");
    let mut first = common::full_assessment("Zoë O'Brien");
    store
        .complete(&person, &mut first, common::at("2026-11-23T10:15:00+01:00"))
        .expect("first");
    let mut second = common::full_assessment("Zoë O'Brien");
    second.id = SECOND.into();
    second.created = common::at("2026-12-07T09:30:00+01:00");
    store
        .complete(
            &person,
            &mut second,
            common::at("2026-12-07T10:15:00+01:00"),
        )
        .expect("second");
    store
        .save_note(
            &person,
            &CoachNote::new(NOTE, common::at("2026-11-23T11:00:00+01:00")),
        )
        .expect("note");
    store
        .save_note(
            &person,
            &CoachNote::new(
                "Second session went well.",
                common::at("2026-12-07T11:00:00+01:00"),
            ),
        )
        .expect("note");
    store
}

#[test]
fn a_client_copy_never_holds_a_coach_note_and_a_coach_copy_holds_them_all() {
    let dir = tempfile::tempdir().expect("temp");
    let store = coach_data(dir.path());
    let default = handoff(store.root(), &["export", FIRST]);
    let client = handoff(store.root(), &["export", FIRST, "--copy", "client"]);
    assert!(client.status.success(), "{}", client.stderr());
    assert_eq!(
        default.stdout, client.stdout,
        "a client copy unless told otherwise"
    );
    let client = client.stdout();
    assert!(
        !client.contains("Coach") && !client.contains("she sounded tired"),
        "{client}"
    );
    assert!(
        client.contains("I still redo her drafts."),
        "the client's own notes are there"
    );
    insta::assert_snapshot!("export_client_copy", client);

    let coach = handoff(store.root(), &["export", FIRST, "--copy", "coach"]);
    assert!(coach.status.success(), "{}", coach.stderr());
    let coach = coach.stdout();
    assert!(
        coach.starts_with(&client),
        "the same report, then the notes"
    );
    insta::assert_snapshot!("export_coach_copy", &coach[client.len()..]);

    let compared = handoff(store.root(), &["export", FIRST, SECOND, "--copy", "client"]).stdout();
    assert!(!compared.contains("she sounded tired"));
    let compared_coach =
        handoff(store.root(), &["export", FIRST, SECOND, "--copy", "coach"]).stdout();
    assert!(compared_coach.contains("she sounded tired") && compared_coach.starts_with(&compared));
}

#[test]
fn a_report_file_is_private_and_never_written_over_without_force() {
    let dir = tempfile::tempdir().expect("temp");
    let store = coach_data(dir.path());
    let out = dir.path().join("report.md");
    let out_arg = out.to_str().expect("utf-8");
    let saved = handoff(store.root(), &["export", FIRST, "--out", out_arg]);
    assert!(
        saved.stdout().contains("Saved the client copy to"),
        "{}",
        saved.stdout()
    );
    assert_eq!(
        fs::metadata(&out).expect("file").permissions().mode() & 0o777,
        0o600
    );
    let before = fs::read(&out).expect("file");
    let again = handoff(
        store.root(),
        &["export", FIRST, "--copy", "coach", "--out", out_arg],
    );
    assert!(!again.status.success());
    assert!(again.stderr().contains("already exists; pass --force"));
    assert_eq!(fs::read(&out).expect("file"), before, "not written over");
    let forced = handoff(
        store.root(),
        &[
            "export", FIRST, "--copy", "coach", "--out", out_arg, "--force",
        ],
    );
    assert!(forced.stdout().contains("Saved the coach copy to"));
    assert!(
        fs::read_to_string(&out)
            .expect("file")
            .contains("she sounded tired")
    );
}

#[test]
fn an_assessment_file_to_send_never_carries_coach_notes() {
    let dir = tempfile::tempdir().expect("temp");
    let store = coach_data(dir.path());
    let file = handoff(store.root(), &["export", FIRST, "--format", "toml"]);
    assert!(file.status.success(), "{}", file.stderr());
    let text = file.stdout();
    assert!(text.starts_with("# A handoff self-assessment.") && !text.contains("tired"));
    let refused = handoff(
        store.root(),
        &["export", FIRST, "--format", "toml", "--copy", "coach"],
    );
    assert!(!refused.status.success());
    assert!(
        refused.stderr().contains("coach notes never travel"),
        "{}",
        refused.stderr()
    );
    let two = handoff(store.root(), &["export", FIRST, SECOND, "--format", "toml"]);
    assert!(two.stderr().contains("give one id"));
}
