//! Three people on file for the client-view tests, each with a completed
//! assessment and a coach note, the client's history with a damaged file;
//! and the words that must never show while the view is on.
#![allow(dead_code)]

use std::fs;
use std::path::Path;

use handoff::store::{CoachNote, Store};

use super::common;

pub const CLIENT: &str = "Zoë O'Brien";
pub const OTHERS: [&str; 2] = ["Quentin Marlowe", "Ingrid Vasquez"];

/// Words that must never reach the terminal while the view is on.
pub const SECRETS: [&str; 9] = [
    "Quentin",
    "Marlowe",
    "Ingrid",
    "Vasquez",
    "quentin-marlowe",
    "thinking of leaving",
    "ZNOTE",
    "burnout",
    "people/",
];

pub fn three_people(data: &Path) {
    let store = Store::new(data);
    for name in [CLIENT, OTHERS[0], OTHERS[1]] {
        let person = store.add_person(name).expect("person");
        let mut done = common::full_assessment(name);
        store
            .complete(&person, &mut done, common::at("2026-11-23T10:15:00+01:00"))
            .expect("complete");
        let note = if name == CLIENT {
            "ZNOTE: she mentioned burnout, privately."
        } else {
            "thinking of leaving the company"
        };
        store
            .save_note(
                &person,
                &CoachNote::new(note, common::at("2026-11-23T11:00:00+01:00")),
            )
            .expect("note");
        if name == CLIENT {
            // The newest row of her history cannot be read: saying so
            // gives a reason that would name a file.
            fs::write(
                person.dir.join("assessments/20261130-090000-dead.toml"),
                "schema_version = 1\nid = [",
            )
            .expect("damaged");
        }
    }
}
