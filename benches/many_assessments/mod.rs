//! One person with many completed assessments, written straight to disk,
//! for the benchmarks that need a long history (benches/history.rs,
//! benches/terminal.rs, benches/operations.rs).
#![allow(dead_code)]

use std::fs;

use chrono::{DateTime, Duration as Days, FixedOffset};
use handoff::assessment::{Answer, Assessment, Commitment};
use handoff::content::Workbook;
use handoff::store::{Person, Store, to_toml};

pub const PERSON: &str = "Bench Person";

/// A realistic file: every rated item answered, a note on some, tasks and
/// commitments; ratings vary so scores differ between files.
pub fn assessment(workbook: &Workbook, person: &str, number: usize) -> Assessment {
    let start =
        DateTime::<FixedOffset>::parse_from_rfc3339("2020-01-01T09:00:00+01:00").expect("date");
    let created = start + Days::hours(number as i64 * 6);
    let mut assessment = Assessment::start(person, &workbook.version, created);
    assessment.id = format!("{}-{number:05}", created.format("%Y%m%d-%H%M%S"));
    assessment.completed = Some(completed(number));
    assessment.check_in.role = "Head of analytics".into();
    assessment.check_in.situation = "Handing the monthly report to Priya; she is new.".into();
    for section in &workbook.sections {
        for (index, item) in section.items.iter().enumerate() {
            let rating = ((number + index) % (usize::from(section.scale.max()) + 1)) as u8;
            let note = if index % 3 == 0 {
                "An example from last week, in a sentence or two."
            } else {
                ""
            };
            let answer = Answer {
                rating: Some(rating),
                note: note.into(),
            };
            assessment
                .answers_mut(section.kind)
                .insert(item.id.clone(), answer);
        }
    }
    assessment.commitments = vec![Commitment {
        remedy: "checkpoints".into(),
        first_step: "Agree two review points".into(),
        with_whom: "Priya".into(),
        due: None,
        checkpoint: "After the first draft".into(),
    }];
    assessment
}

/// Adds `PERSON` with `count` completed assessments. Files are written
/// directly, with no index: the benchmarks measure reading, and thousands
/// of synced atomic saves would only make setup slow.
pub fn populate(store: &Store, workbook: &Workbook, count: usize) -> Person {
    let person = store.add_person(PERSON).expect("person");
    let folder = person.dir.join("assessments");
    fs::create_dir_all(&folder).expect("folder");
    for number in 0..count {
        let assessment = assessment(workbook, &person.name, number);
        let text = to_toml(&assessment).expect("toml");
        fs::write(store.assessment_path(&person, &assessment.id), text).expect("write");
    }
    person
}

/// When assessment `number` of [`assessment`] was completed.
pub fn completed(number: usize) -> DateTime<FixedOffset> {
    let start =
        DateTime::<FixedOffset>::parse_from_rfc3339("2020-01-01T09:00:00+01:00").expect("date");
    start + Days::hours(number as i64 * 6) + Days::minutes(45)
}

/// The name of person `number` of [`populate_people`].
pub fn person_name(number: usize) -> String {
    format!("Person {number:04}")
}

/// `count` people with no assessments, written straight to disk (adding
/// each through the store would read everyone else's file first).
pub fn populate_people(store: &Store, count: usize) {
    for number in 0..count {
        let name = person_name(number);
        let dir = store
            .root()
            .join("people")
            .join(handoff::store::slug(&name));
        fs::create_dir_all(&dir).expect("folder");
        fs::write(dir.join("person.toml"), format!("name = \"{name}\"\n")).expect("write");
    }
}
