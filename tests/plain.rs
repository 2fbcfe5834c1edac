//! Plain mode as a person uses it: a script typed on standard input, line
//! by line, drives a whole assessment; what is printed is checked by
//! snapshot and what is saved by reading the file back.

mod common;

use std::fs;
use std::path::Path;

use handoff::assessment::DelegationMode;
use handoff::plain::{Ending, Plain};
use handoff::store::{Listed, Store, WriteStep};
use ratatui::crossterm::event::KeyCode;

fn workbook() -> handoff::content::Workbook {
    handoff::content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"))
}

/// Runs plain mode on `script` against the data in `data`; returns what
/// it printed and how it ended.
fn converse(data: &Path, script: &str) -> (String, Ending) {
    let store = Store::new(data);
    let workbook = workbook();
    let plain = Plain {
        store: &store,
        workbook: &workbook,
        clock: common::clock,
    };
    let mut out = Vec::new();
    let ending = plain
        .run(script.as_bytes(), &mut out, None)
        .expect("plain mode runs");
    (String::from_utf8(out).expect("UTF-8"), ending)
}

/// The transcript with the assessment's id (which holds the process id)
/// replaced, so it reads the same on every run.
fn steady(transcript: &str, id: &str) -> String {
    transcript.replace(id, "<id>")
}

fn completed(store: &Store, name: &str) -> Vec<handoff::assessment::Assessment> {
    read_all(store, name, Store::history)
}

/// Every file `list` lists for the person called `name`, read.
fn read_all(
    store: &Store,
    name: &str,
    list: fn(&Store, &handoff::store::Person) -> Vec<Listed>,
) -> Vec<handoff::assessment::Assessment> {
    let person = store
        .find_person(name)
        .expect("people")
        .expect("the person");
    list(store, &person)
        .into_iter()
        .map(|listed| match listed {
            Listed::Readable { loaded, .. } => loaded.assessment,
            Listed::Unreadable { reason, .. } => panic!("unreadable: {reason}"),
        })
        .collect()
}

/// A whole assessment as a person would type it: text that holds command
/// words and digits, an empty line to end a note, wrong answers, the
/// words that work everywhere.
const WHOLE_ASSESSMENT: &str = include_str!("fixtures/plain/whole_assessment.txt");

#[test]
fn a_whole_assessment_typed_line_by_line() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let (transcript, ending) = converse(&data, WHOLE_ASSESSMENT);
    assert_eq!(ending, Ending::Quit);

    let store = Store::new(&data);
    let done = completed(&store, "Ana Lima");
    assert_eq!(done.len(), 1, "{transcript}");
    let a = &done[0];
    assert!(a.completed.is_some());
    assert_eq!(a.check_in.role, "Head of analytics");
    assert_eq!(
        a.check_in.situation,
        "Handing the monthly report to Priya.\nShe asked me to quit checking every chart; 2 reviews a week, then skip one."
    );
    assert_eq!(a.placement.rating, Some(1));
    assert_eq!(a.readiness["skills"].rating, Some(2));
    assert_eq!(a.readiness["resources"].rating, Some(2));
    assert_eq!(a.readiness["clarity"].rating, Some(1));
    assert_eq!(a.drivers["perfectionism"].rating, Some(4));
    assert_eq!(
        a.drivers
            .get("past-failures")
            .and_then(|answer| answer.rating),
        None
    );
    assert_eq!(
        a.readiness["skills"].note,
        "Back in March she ran it alone."
    );
    assert_eq!(
        a.drivers["perfectionism"].note,
        "quit\nI tell myself I will quit redoing it."
    );
    // The team sheet: two people rated, a skill with levels, a decision
    // with letters, the ladder and a date.
    let team = &a.team;
    assert_eq!(team.members.len(), 2, "{transcript}");
    let (priya, sam) = (&team.members[0], &team.members[1]);
    assert_eq!(priya.name, "Priya Shah");
    assert_eq!(priya.role, "Analyst");
    assert_eq!(priya.work, "Monthly metrics report");
    assert_eq!(
        priya.note,
        "Quiet; quit her last team over micromanagement."
    );
    assert_eq!(priya.comfort, Some(3));
    assert_eq!(priya.readiness["skills"], 3);
    assert_eq!(priya.readiness["resources"], 2);
    assert_eq!(priya.readiness["clarity"], 1);
    assert_eq!(
        (sam.name.as_str(), sam.role.as_str()),
        ("Sam Okoro", "Accounts")
    );
    assert_eq!(sam.comfort, Some(1));
    assert!(sam.readiness.values().all(|value| *value == 4));
    assert_eq!(team.skills.len(), 1);
    let skill = &team.skills[0];
    assert_eq!(skill.name, "Month-end reporting");
    assert_eq!(skill.levels[&priya.id], 3);
    assert_eq!(skill.levels[&sam.id], 1);
    assert_eq!(skill.levels[handoff::assessment::YOU], 4);
    assert_eq!(team.decisions.len(), 1);
    let decision = &team.decisions[0];
    assert_eq!(decision.title, "Who sees the report first");
    use handoff::assessment::Raci;
    assert_eq!(decision.rights[&priya.id], Raci::R);
    assert_eq!(decision.rights[&sam.id], Raci::I);
    assert_eq!(decision.rights[handoff::assessment::YOU], Raci::A);
    assert_eq!((decision.now, decision.next), (Some(2), Some(5)));
    assert_eq!(decision.by, chrono::NaiveDate::from_ymd_opt(2026, 12, 15));
    // Tasks picked from the team, one with the mode the map suggests.
    assert_eq!(a.tasks[0].to_whom, "Priya Shah");
    assert_eq!(a.tasks[0].member.as_deref(), Some(priya.id.as_str()));
    assert_eq!(a.tasks[1].member.as_deref(), Some(sam.id.as_str()));
    assert_eq!(a.tasks.len(), 2);
    assert_eq!(a.tasks[0].mode, Some(DelegationMode::Learning));
    assert_eq!(
        a.tasks[0].note,
        "First time on her own.\nSecond line: skip nothing."
    );
    assert_eq!(a.tasks[1].mode, Some(DelegationMode::Performance));
    assert_eq!(a.commitments.len(), 1);
    assert_eq!(
        a.commitments[0].due,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 15)
    );
    let person = store.find_person("Ana Lima").expect("people").expect("Ana");
    assert!(
        store.drafts(&person).is_empty(),
        "the draft is gone once complete"
    );

    // The saved file, as text: what a person would open.
    let file = store.assessment_path(&person, &a.id);
    let text = fs::read_to_string(&file).expect("saved");
    insta::assert_snapshot!("whole_assessment_toml", steady(&text, &a.id));
    insta::assert_snapshot!("whole_assessment", steady(&transcript, &a.id));
}

fn drafts(store: &Store, name: &str) -> Vec<handoff::assessment::Assessment> {
    read_all(store, name, Store::drafts)
}

#[test]
fn a_draft_started_full_screen_is_resumed_and_completed_in_plain_mode() {
    let dir = tempfile::tempdir().expect("temp");
    {
        let mut app = common::app(&dir);
        common::type_text(&mut app, "a");
        common::type_text(&mut app, "Ana Ruiz");
        common::press(&mut app, KeyCode::Enter);
        common::press(&mut app, KeyCode::Enter);
        common::press(&mut app, KeyCode::Enter);
        common::type_text(&mut app, "Team lead");
        common::press(&mut app, KeyCode::Esc);
        common::type_text(&mut app, "q");
        assert!(!app.running, "quit");
    }
    let data = dir.path().join("data");
    let store = Store::new(&data);
    let started = drafts(&store, "Ana Ruiz");
    assert_eq!(started.len(), 1);
    assert_eq!(started[0].check_in.role, "Team lead");

    let (transcript, ending) = converse(&data, "1\n1\n\nFrom plain mode.\n\nsheets\n11\n1\nquit\n");
    assert_eq!(ending, Ending::Quit);
    assert!(transcript.contains("Now: Team lead"), "{transcript}");
    let done = completed(&store, "Ana Ruiz");
    assert_eq!(done.len(), 1, "{transcript}");
    assert_eq!(done[0].id, started[0].id, "the same assessment");
    assert_eq!(done[0].check_in.role, "Team lead");
    assert_eq!(done[0].check_in.situation, "From plain mode.");
    assert!(drafts(&store, "Ana Ruiz").is_empty());
}

#[test]
fn a_draft_started_in_plain_mode_is_resumed_and_completed_full_screen() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let (_, ending) = converse(
        &data,
        "add\nBo Chen\n1\nCoach\nTwo new starters.\n\n3\nquit\n",
    );
    assert_eq!(ending, Ending::Quit);
    let store = Store::new(&data);
    let started = drafts(&store, "Bo Chen");
    assert_eq!(started.len(), 1);
    assert_eq!(started[0].placement.rating, Some(3));

    let mut app = common::app(&dir);
    // Bo, then the draft (listed first on the page), then its summary.
    common::press(&mut app, KeyCode::Enter);
    common::press(&mut app, KeyCode::Enter);
    common::type_text(&mut app, "g0cy");
    let done = completed(&store, "Bo Chen");
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].id, started[0].id);
    assert_eq!(done[0].check_in.role, "Coach");
    assert_eq!(done[0].check_in.situation, "Two new starters.");
    assert_eq!(done[0].placement.rating, Some(3));
    assert!(drafts(&store, "Bo Chen").is_empty());
}

#[test]
fn a_failed_save_is_never_called_saved_and_quitting_asks_first() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    Store::new(&data).add_person("Ana").expect("person");
    let store = Store::new(&data).failing_at(Some(WriteStep::Write));
    let workbook = workbook();
    let plain = Plain {
        store: &store,
        workbook: &workbook,
        clock: common::clock,
    };
    let mut out = Vec::new();
    let ending = plain
        .run("1\n1\nTeam lead\nquit\n1\n".as_bytes(), &mut out, None)
        .expect("runs");
    let transcript = String::from_utf8(out).expect("UTF-8");
    assert_eq!(ending, Ending::QuitUnsaved);
    assert!(!transcript.contains("Saved."), "{transcript}");
    assert!(transcript.contains("NOT saved"), "{transcript}");
    assert!(
        transcript.contains("Ana's latest answers are NOT saved")
            && transcript.contains("Quit anyway and lose them?"),
        "{transcript}"
    );
}

#[test]
fn looking_back_reads_compares_shows_the_trend_and_exports() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let store = Store::new(&data);
    let person = store.add_person("Ana").expect("person");
    let mut earlier = common::full_assessment("Ana");
    earlier.id = "20260901-100000-abcd".into();
    earlier.created = common::at("2026-09-01T10:00:00+01:00");
    earlier.commitments[0].remedy = "checkpoints".into();
    earlier
        .drivers
        .insert("perfectionism".into(), common::answer(2, ""));
    let mut later = common::full_assessment("Ana");
    for assessment in [&mut earlier, &mut later] {
        let when = assessment.created;
        store
            .complete(&person, assessment, when)
            .expect("completed");
    }
    let report = dir.path().join("report.md");
    let script = format!(
        "1\n2\n1\n1\n2\n1\n\n3\n5\n2\n1\n{}\n4\n1\n{}\n6\n2\nquit\n",
        dir.path().join("comparison.md").display(),
        report.display()
    );
    let (transcript, ending) = converse(&data, &script);
    assert_eq!(ending, Ending::Quit);
    let exported = fs::read_to_string(&report).expect("exported");
    assert!(
        exported.starts_with("# Delegation workbook: Ana"),
        "{exported}"
    );
    assert!(dir.path().join("comparison.md").exists(), "{transcript}");
    let shown = transcript.replace(&dir.path().display().to_string(), "<dir>");
    insta::assert_snapshot!("looking_back", shown);
}

#[test]
fn a_new_assessment_asks_how_last_times_commitments_went() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let store = Store::new(&data);
    let person = store.add_person("Ana").expect("person");
    let mut last = common::full_assessment("Ana");
    let when = last.created;
    store.complete(&person, &mut last, when).expect("completed");

    let (transcript, ending) = converse(
        &data,
        "1\n1\n\nSecond round.\n\n\u{1b}[A\nmaybe\npart\nDid one of two.\nThen quit for a week.\n\nquit\n",
    );
    assert_eq!(ending, Ending::Quit);
    assert!(
        transcript.contains("Now: Head of analytics"),
        "{transcript}"
    );
    assert!(
        transcript.contains(
            "Last time's commitment 1: Share how you will judge the work. First step: Write a five-line checklist for the report. With: Priya. By: 2026-12-15 (Tuesday)."
        ),
        "{transcript}"
    );
    assert!(
        transcript.contains("“maybe” is not one of the choices"),
        "an unknown word gets one line and the question again: {transcript}"
    );
    assert!(
        transcript.contains("Arrow and other special keys do nothing here."),
        "an arrow key is not an empty answer: {transcript}"
    );
    let draft = &drafts(&store, "Ana")[0];
    assert_eq!(draft.check_in.role, "Head of analytics", "carried forward");
    assert_eq!(draft.check_in.situation, "Second round.");
    let follow_up = &draft.check_in.follow_ups[0];
    assert_eq!(
        follow_up.status,
        Some(handoff::assessment::FollowUpStatus::Partly)
    );
    assert_eq!(follow_up.note, "Did one of two.\nThen quit for a week.");
}

#[test]
fn back_from_a_worksheets_first_question_is_the_question_before_it() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let (transcript, _) = converse(
        &data,
        "add\nAna\n1\nTeam lead\n\nback\nShe is new.\n\nskip\nsheets\n6\nback\n\nsheets\n4\nback\nback\nback\nback\nquit\n",
    );
    let after_back = |from: &str| {
        let at = transcript.find(from).expect("asked");
        transcript[at..].to_string()
    };
    // From the placement back to the check-in's last question.
    let placement = "Thinking of the last month";
    assert!(
        after_back(placement)
            .contains("Worksheet 1 of 11: Check-in.\nWhat delegation situation is on your mind?"),
        "{transcript}"
    );
    // From the first aggravator back to the last symptom.
    assert!(
        after_back("Worksheet 6 of 11").contains("Uneven skill growth, 9 of 9"),
        "{transcript}"
    );
    // From the first driver back through the team sheet's parts (its
    // decisions, skills, an empty team's ratings, its people) to the last
    // question of the gap.
    let through_team = after_back("Worksheet 4 of 11");
    let order = [
        "Worksheet 3 of 11: Your team.",
        "Which decisions come up",
        "Which skills does the team's work need",
        "No one on the team yet, so there is no one to rate",
        "Who do you hand work to?",
        "Worksheet 2 of 11: Where the gap points.",
        "Clarity, 4 of 4.",
    ];
    let mut rest = through_team.as_str();
    for step in order {
        let at = rest
            .find(step)
            .unwrap_or_else(|| panic!("{step} in order: {transcript}"));
        rest = &rest[at..];
    }
    let store = Store::new(&data);
    assert_eq!(drafts(&store, "Ana")[0].check_in.situation, "She is new.");
}

#[test]
fn a_long_list_of_people_is_not_read_out_but_found_by_name() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let store = Store::new(&data);
    for number in 1..=35 {
        store
            .add_person(&format!("Person {number}"))
            .expect("person");
    }
    let (transcript, ending) = converse(&data, "person\nperson 17\nquit\n");
    assert_eq!(ending, Ending::Quit);
    assert!(
        !transcript.contains("Person 3\n"),
        "not listed: {transcript}"
    );
    assert!(
        transcript.contains("There are 35 people: type the start of a name"),
        "{transcript}"
    );
    assert!(
        transcript.contains("or 30 more. Type more of it"),
        "{transcript}"
    );
    assert!(
        transcript.contains("Person 17. What would you like to do?"),
        "{transcript}"
    );
}

#[test]
fn a_person_open_in_another_window_is_not_written_to() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let store = Store::new(&data);
    let person = store.add_person("Ana").expect("person");
    let _other_window = handoff::store::lock_person(&person).expect("lock");
    let (transcript, ending) = converse(&data, "1\n1\nquit\n");
    assert_eq!(ending, Ending::Quit);
    assert!(
        transcript.contains("Ana's workbook is open in another handoff window"),
        "{transcript}"
    );
    assert!(drafts(&store, "Ana").is_empty(), "no draft was started");
}

#[test]
fn a_coach_note_and_the_next_sessions_date_are_set_from_a_persons_page() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let (transcript, ending) = converse(
        &data,
        "add\nBo Chen\ncoach\nMet on Tuesday.\nShe wants more stretch.\n\nset\n2026-13-01\n2026-12-20\nquit\n",
    );
    assert_eq!(ending, Ending::Quit);
    assert!(transcript.contains("Coach note saved."), "{transcript}");
    assert!(
        transcript.contains("Please write the date like 2026-12-15, not “2026-13-01”."),
        "{transcript}"
    );
    assert!(
        transcript.contains("Next session: Sunday 20 December 2026."),
        "{transcript}"
    );
    let store = Store::new(&data);
    let person = store.find_person("Bo Chen").expect("people").expect("Bo");
    let notes: Vec<String> = store
        .notes(&person)
        .into_iter()
        .filter_map(|listed| match listed {
            handoff::store::NoteListed::Readable { note, .. } => Some(note.text),
            _ => None,
        })
        .collect();
    assert_eq!(notes, ["Met on Tuesday.\nShe wants more stretch."]);
    assert_eq!(
        store.next_session(&person).expect("readable"),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 20)
    );
}

#[test]
fn on_the_team_sheet_people_are_marked_gone_and_back_and_removed_after_asking() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    // To the team sheet; two people; Lee gone (not rated), then Mo
    // removed after a no and a yes; Lee back; on to the ratings, where
    // only Lee is asked about.
    let script = [
        "add", "Ana", "1", "sheets", "3", "add", "Lee", "", "", "", "add", "Mo", "", "", "",
        "gone", "lee", "remove", "2", "no", "remove", "mo", "yes", "gone", "1", "next", "skip",
        "where", "quit",
    ]
    .join("\n");
    let (transcript, ending) = converse(&data, &format!("{script}\n"));
    assert_eq!(ending, Ending::Quit);
    assert!(
        transcript.contains("1: change Lee, gone from the team"),
        "{transcript}"
    );
    assert!(transcript.contains("Nobody was removed."), "{transcript}");
    assert!(
        transcript.contains("Lee: how comfortable are you handing them work?"),
        "{transcript}"
    );
    assert!(
        transcript.contains("Lee, skills: how ready are they?"),
        "skip left the comfort unanswered and went on: {transcript}"
    );
    let store = Store::new(&data);
    let team = &drafts(&store, "Ana")[0].team;
    assert_eq!(team.members.len(), 1, "{transcript}");
    assert_eq!(team.members[0].name, "Lee");
    assert!(!team.members[0].gone, "back on the team");
    assert_eq!(team.members[0].comfort, None);
}
