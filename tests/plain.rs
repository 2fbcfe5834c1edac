//! Plain mode as a person uses it: a script typed on standard input, line
//! by line, drives a whole assessment; what is printed is checked by
//! snapshot and what is saved by reading the file back.

mod common;

use std::fs;
use std::path::Path;

use handoff::assessment::DelegationMode;
use handoff::plain::{Ending, Plain};
use handoff::store::{Listed, Store};

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
fn steady(transcript: &str, ids: &[String]) -> String {
    ids.iter().fold(transcript.to_string(), |text, id| {
        text.replace(id.as_str(), "<id>")
    })
}

fn completed(store: &Store, name: &str) -> Vec<handoff::assessment::Assessment> {
    let person = store
        .find_person(name)
        .expect("people")
        .expect("the person");
    store
        .history(&person)
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
const WHOLE_ASSESSMENT: &str = "\
add
Ana Lima
1
Head of analytics
Handing the monthly report to Priya.
She asked me to quit checking every chart; 2 reviews a week, then skip one.

i
1
note
Back in March she ran it alone.

help
2
7
partly
where
1
4
note
\"quit\"
I tell myself I will quit redoing it.

str
back
4
skip
0
1
zebra
2
0
sometimes
often
1
2
3
0
1
2
no
1
2
0
1
2
1
0
0
1
2
1
0
sheets
7
add
Monthly metrics report
Priya
learn
First time on her own.
Second line: skip nothing.

add
Vendor invoices
Sam
perf

next
add

Write a five-line checklist
Priya
next friday
2026-12-15
Review it together on Friday
add
2
Pair on the first draft
Priya
2026-01-02
After the first draft
remove
2
next
0
0
1
1
quit
";

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
    insta::assert_snapshot!("whole_assessment_toml", steady(&text, &[a.id.clone()]));
    insta::assert_snapshot!("whole_assessment", steady(&transcript, &[a.id.clone()]));
}
