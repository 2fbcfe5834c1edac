//! Text typed in plain mode is text. Into a field of each kind (a one-line
//! answer, a note of several lines, on every worksheet that has text,
//! the team sheet's names, roles and notes among them), a
//! text made of words that are also commands, digits and punctuation is
//! typed, and the saved draft is read back: it differs from before only in
//! that field, which holds exactly what was typed. The one rule, said at
//! every text question and in help: a line that is nothing but a command
//! word (skip, back, help, where, sheets, quit) is that command, and the
//! word in quotation marks is the word.

mod common;

use proptest::prelude::*;

use handoff::assessment::{
    Assessment, CommitmentField, Decision, DecisionField, Field, Member, MemberField, Rated, Skill,
    TaskField, Team,
};
use handoff::content::SectionKind;
use handoff::plain::Plain;
use handoff::store::{Listed, Store};

const WORDS: [&str; 6] = ["skip", "back", "help", "where", "sheets", "quit"];

/// A field, and the lines that lead to its question from a person's page
/// with one draft open (the draft is resumed first).
fn routes() -> Vec<(Field, &'static str)> {
    let cognitive_load = Rated::Item(SectionKind::Drivers, "cognitive-load".into());
    vec![
        (Field::Role, ""),
        (Field::Situation, "\n"),
        (Field::FollowUpNote(0), "\n\n\n"),
        (Field::Note(cognitive_load), "sheets\n4\nnote\n"),
        (Field::Task(0, TaskField::Title), "sheets\n8\n1\n"),
        (Field::Task(1, TaskField::Note), "sheets\n8\n2\n\n\n\n"),
        (
            Field::Commitment(0, CommitmentField::Checkpoint),
            "sheets\n9\n1\n\n\n\n\n",
        ),
        // The team sheet: a person's fields, then past the person's four
        // ratings to the skill's name, and past the skills to the
        // decision's name.
        (Field::Member(0, MemberField::Name), "sheets\n3\n1\n"),
        (Field::Member(0, MemberField::Role), "sheets\n3\n1\n\n"),
        (Field::Member(0, MemberField::Work), "sheets\n3\n1\n\n\n"),
        (Field::Member(0, MemberField::Note), "sheets\n3\n1\n\n\n\n"),
        (Field::Skill(0), "sheets\n3\nnext\n\n\n\n\n1\n"),
        (
            Field::Decision(0, DecisionField::Title),
            "sheets\n3\nnext\n\n\n\n\nnext\n1\n",
        ),
    ]
}

/// A draft with nothing written in it, and a team of one person, one
/// skill and one decision, so their names can be typed.
fn blank_with_a_team() -> Assessment {
    let mut blank = common::blank_assessment();
    blank.team = Team {
        members: vec![Member {
            id: "p1".into(),
            ..Member::default()
        }],
        skills: vec![Skill {
            id: "s2".into(),
            ..Skill::default()
        }],
        decisions: vec![Decision {
            id: "d3".into(),
            ..Decision::default()
        }],
        issued: 3,
    };
    blank
}

fn saved_draft(store: &Store) -> Assessment {
    let person = store.find_person("Ana").expect("people").expect("Ana");
    match store.drafts(&person).as_slice() {
        [Listed::Readable { loaded, .. }] => loaded.assessment.clone(),
        other => panic!("one readable draft expected: {other:?}"),
    }
}

/// Types `text` into every field in turn; each must then hold `lands`
/// (`None`: exactly what was typed).
fn type_into_every_field(text: &str, lands: Option<&str>) {
    for (field, route) in routes() {
        let dir = tempfile::tempdir().expect("temp");
        let store = Store::new(dir.path().join("data"));
        let person = store.add_person("Ana").expect("person");
        let blank = blank_with_a_team();
        store.save_draft(&person, &blank).expect("first save");
        let typed = if field.is_multiline() {
            text.to_string()
        } else {
            text.replace('\n', " ")
        };
        let script = format!("1\n1\n{route}{typed}\n\nquit\nquit\n");
        let workbook = handoff::content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"));
        let plain = Plain {
            store: &store,
            workbook: &workbook,
            clock: common::clock,
        };
        let mut out = Vec::new();
        plain.run(script.as_bytes(), &mut out, None).expect("runs");
        let mut expected = blank.clone();
        field
            .set(&mut expected, lands.unwrap_or(&typed))
            .expect("text");
        let mut saved = saved_draft(&store);
        saved.updated = expected.updated;
        assert_eq!(
            saved,
            expected,
            "{field:?} after typing {typed:?}:\n{}",
            String::from_utf8_lossy(&out)
        );
    }
}

/// A line of typed text: never empty (an empty line ends a note or keeps
/// an answer), never only a command word.
fn line() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            8 => proptest::char::range('a', 'z'),
            1 => proptest::char::range('0', '9'),
            1 => proptest::sample::select(vec![' ', '?', '.', ',', '\'', '"', '-', 'é', '李', '🙂']),
        ],
        1..24,
    )
    .prop_map(|chars| chars.into_iter().collect::<String>())
    .prop_filter("a line with something on it", |line| {
        let bare = line.trim().trim_matches('"').trim().to_lowercase();
        !line.trim().is_empty() && !WORDS.contains(&bare.as_str())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn any_typed_text_lands_in_its_field_alone(
        lines in proptest::collection::vec(line(), 1..4),
        word in proptest::sample::select(WORDS.to_vec()),
        digits in 0u32..1000,
    ) {
        // Words that are commands, and numbers that are choices elsewhere,
        // inside a sentence and on lines of their own after the first.
        let mut text = lines.join("\n");
        text.push_str(&format!(" {word} {digits}\n{word}\n{digits}"));
        type_into_every_field(&text, None);
    }
}

#[test]
fn a_command_word_in_quotation_marks_is_the_word() {
    for word in WORDS {
        type_into_every_field(&format!("\"{word}\""), Some(word));
    }
}
