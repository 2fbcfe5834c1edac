//! The team map in the real program, in a pseudo-terminal: a team of three,
//! their ratings, a skill rated for everyone and a decision row, the
//! assessment completed, and the next one started with the team carried.

mod data_folder;
mod pty;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pty::{Key, PATIENCE, Tty};

fn person_files(data: &Path, folder: &str) -> Vec<PathBuf> {
    data_folder::toml_files_in(&data.join("people"), folder)
}

/// Waits until some file in `folder` holds every piece of `wanted`.
fn wait_for_file(data: &Path, folder: &str, wanted: &[&str]) -> String {
    let start = Instant::now();
    loop {
        for path in person_files(data, folder) {
            let text = fs::read_to_string(&path).unwrap_or_default();
            if wanted.iter().all(|piece| text.contains(piece)) {
                return text;
            }
        }
        assert!(
            start.elapsed() < PATIENCE,
            "no file in {folder} with {wanted:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn add(tty: &mut Tty, name: &str, box_title: &str) {
    tty.type_text("a");
    tty.wait_for(box_title);
    tty.type_text(name);
    tty.key(Key::Enter);
    tty.wait_until_gone("Enter done");
}

#[test]
fn a_team_of_three_is_mapped_completed_and_carried_into_the_next_assessment() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut tty = Tty::spawn(&data, 100, 30);
    tty.start_first_assessment("Dana Lee");
    tty.leave_check_in();
    tty.key(Key::Tab);
    tty.wait_for("3/11 Your team");

    // The people, each named in the box `a` opens.
    for name in ["Priya Shah", "Sam Okafor", "Lee Chen"] {
        add(&mut tty, name, "Their name — Enter done");
    }
    wait_for_file(&data, "drafts", &["name = \"Lee Chen\""]);

    // Ratings: Priya's comfort 4, skills 3, resources 3, clarity 1.
    tty.type_text("]");
    tty.wait_for("[Ratings]");
    for (index, rating) in ["4", "3", "3", "1"].into_iter().enumerate() {
        if index > 0 {
            tty.key(Key::Right);
        }
        tty.type_text(rating);
    }
    wait_for_file(&data, "drafts", &["comfort = 4", "clarity = 1"]);
    tty.type_text("]");
    tty.wait_for("short on clarity");

    // A skill, rated for each person and the leader.
    tty.type_text("]");
    tty.wait_for("[Skills]");
    add(&mut tty, "SQL queries", "The skill — Enter done");
    for level in ["1", "3", "2", "4"] {
        tty.key(Key::Right);
        tty.type_text(level);
    }
    tty.wait_for("Only Sam Okafor can do “SQL queries” on their own");

    // A decision: Priya responsible, the leader accountable, at step 1 now
    // and 4 next.
    tty.type_text("]");
    tty.wait_for("[Decisions]");
    add(&mut tty, "Release sign-off", "The decision — Enter done");
    tty.key(Key::Right);
    tty.type_text("r");
    for _ in 0..3 {
        tty.key(Key::Right);
    }
    tty.type_text("a");
    tty.key(Key::Right);
    tty.type_text("1");
    tty.key(Key::Right);
    tty.type_text("4");
    tty.wait_for("has no say in it yet");

    tty.go_to_summary();
    tty.wait_for("on the team map, for 1 of your 3 people");
    tty.type_text("c");
    tty.wait_for("Please confirm");
    tty.type_text("y");
    tty.wait_for("Assessment complete");
    let done = wait_for_file(&data, "assessments", &["[[team.members]]"]);
    for piece in [
        "id = \"p1\"\nname = \"Priya Shah\"",
        "comfort = 4",
        "[[team.skills]]",
        "name = \"SQL queries\"",
        "[team.skills.levels]",
        "title = \"Release sign-off\"\nnow = 1\nnext = 4",
        "[team.decisions.rights]",
        "you = \"A\"",
    ] {
        assert!(done.contains(piece), "{piece:?} not in:\n{done}");
    }

    // The next assessment starts from the same team, with no answers.
    tty.wait_for("Start a new assessment");
    std::thread::sleep(Duration::from_millis(1100));
    tty.key(Key::Enter);
    tty.wait_for("Your role and context");
    tty.type_text("g3");
    tty.wait_for("3/11 Your team");
    tty.wait_for("Sam Okafor");
    let draft = wait_for_file(&data, "drafts", &["name = \"Lee Chen\""]);
    assert!(
        draft.contains("id = \"p1\"\nname = \"Priya Shah\""),
        "{draft}"
    );
    assert!(draft.contains("name = \"SQL queries\""), "{draft}");
    assert!(
        !draft.contains("comfort ="),
        "answers are asked afresh:\n{draft}"
    );
    assert_eq!(tty.quit(), Some(0));
}
