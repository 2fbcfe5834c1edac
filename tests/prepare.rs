//! The page for preparing the next session, from Sam's history: the last
//! and next session, commitments falling due, how earlier ones went, what
//! moved most, and the coach's last note (left out where notes must not
//! show).

mod cli_run;
mod history_fixture;

use chrono::NaiveDate;
use handoff::report::{Preparation, READ_AT_MOST, preparation};
use handoff::store::CoachNote;

use cli_run::handoff;
use history_fixture::{history, workbook};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

#[test]
fn the_page_says_what_to_look_at_before_the_next_session() {
    let sam = history();
    let workbook = workbook();
    let completed = sam.store.newest_completed(&sam.person, READ_AT_MOST);
    assert_eq!(completed.len(), 3, "the damaged file is passed over");
    let note = CoachNote::new(
        "Sam wants to hand over the vendor calls.",
        chrono::DateTime::parse_from_rfc3339("2026-09-21T09:00:00+02:00").expect("time"),
    );
    // Only the two newest, so the commitments are the second's.
    let page = |last_note| {
        preparation(
            &workbook,
            &Preparation {
                today: date("2026-09-25"),
                next_session: Some(date("2026-10-02")),
                completed: &completed[..2],
                last_note,
            },
        )
        .plain()
    };
    let coach = page(Some(&note));
    assert!(coach.contains("Last session: 21 September 2026"), "{coach}");
    assert!(
        coach.contains("Next session: 2 October 2026 (in 7 days)"),
        "{coach}"
    );
    assert!(coach.contains("overdue since 31 July"), "{coach}");
    assert!(coach.contains("Sam wants to hand over the vendor calls."));
    insta::assert_snapshot!("prepare_coach", coach);
    let client = page(None);
    assert!(!client.contains("vendor calls") && !client.contains("Your last note"));
}

#[test]
fn the_command_line_writes_a_note_sets_the_date_and_prepares() {
    let sam = history();
    let data = sam.data();
    let noted = handoff(
        data,
        &["person", "note", "Sam Rivera", "Ask about the reorg."],
    );
    assert!(noted.status.success(), "{}", noted.stderr());
    let set = handoff(data, &["person", "next", "Sam Rivera", "2026-12-14"]);
    assert!(
        set.stdout().contains("Monday 14 December 2026"),
        "{}",
        set.stdout()
    );
    let bad = handoff(data, &["person", "next", "Sam Rivera", "next friday"]);
    assert!(bad.stderr().contains("like 2026-12-15"), "{}", bad.stderr());
    let page = handoff(data, &["prepare", "--person", "Sam Rivera"]).stdout();
    assert!(
        page.contains("14 December 2026") && page.contains("Ask about the reorg."),
        "{page}"
    );
}

/// A team member rated `comfort`, and `ready` on every part of readiness.
fn member(id: &str, name: &str, comfort: u8, ready: u8) -> handoff::assessment::Member {
    handoff::assessment::Member {
        id: id.into(),
        name: name.into(),
        comfort: Some(comfort),
        readiness: ["skills", "resources", "clarity"]
            .into_iter()
            .map(|part| (part.to_string(), ready))
            .collect(),
        ..Default::default()
    }
}

#[test]
fn what_moved_most_names_who_moved_on_the_team_map() {
    let sam = history();
    let workbook = workbook();
    let mut completed = sam.store.newest_completed(&sam.person, READ_AT_MOST);
    completed.truncate(2);
    completed[0].team.members = vec![
        member("p1", "Priya", 4, 1),
        member("p2", "Lee", 2, 2),
        member("p3", "Ola", 3, 3),
    ];
    completed[1].team.members = vec![
        member("p1", "Priya", 2, 2),
        member("p3", "Ola", 3, 3),
        member("p4", "Noor", 1, 4),
    ];
    let page = preparation(
        &workbook,
        &Preparation {
            today: date("2026-09-25"),
            next_session: None,
            completed: &completed,
            last_note: None,
        },
    )
    .plain();
    assert!(page.contains("On the team map:"), "{page}");
    assert!(page.contains("Priya: letting go ahead → aligned"), "{page}");
    assert!(page.contains("Lee: left the team"), "{page}");
    assert!(page.contains("Noor: joined the team"), "{page}");
    assert!(!page.contains("Ola"), "Ola did not move:\n{page}");
}
