//! The team map worked out with no terminal and no disk: where each person
//! sits (comfort against the weakest part of their readiness), the notes
//! the competence map and the decision rights give rise to, the rules of
//! filling it in, carrying it forward, and its saved form.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use handoff::assessment::{
    Alignment, Assessment, Decision, Field, Member, MemberField, Raci, Readiness, Skill, Team,
    TeamNote, YOU, alignment_words, competence_notes, decision_notes, handoffs, place,
};
use handoff::content::Workbook;
use handoff::session::{Effect, LadderEnd, Session, TeamRating};
use handoff::store::Person;

fn workbook() -> Workbook {
    handoff::content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"))
}

fn ana() -> Person {
    Person {
        name: "Ana".into(),
        dir: PathBuf::from("/nowhere/people/ana"),
    }
}

fn member(id: &str, name: &str, comfort: u8, skills: u8, resources: u8, clarity: u8) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        comfort: Some(comfort),
        readiness: [
            ("skills".to_string(), skills),
            ("resources".to_string(), resources),
            ("clarity".to_string(), clarity),
        ]
        .into_iter()
        .collect(),
        ..Member::default()
    }
}

fn levels(pairs: &[(&str, u8)]) -> BTreeMap<String, u8> {
    pairs
        .iter()
        .map(|(id, level)| (id.to_string(), *level))
        .collect()
}

#[test]
fn readiness_is_the_weakest_part_and_the_gap_is_comfort_against_it() {
    let workbook = workbook();
    // Strong skills and time do not hide a missing clarity.
    let priya = member("p1", "Priya", 4, 4, 4, 1);
    let placed = place(&workbook, &priya).expect("fully rated");
    assert_eq!(placed.readiness, 1);
    assert_eq!(placed.gap(), 3);
    assert_eq!(placed.alignment, Alignment::Ahead);
    assert_eq!(placed.short, vec!["clarity".to_string()]);
    assert_eq!(
        alignment_words(&workbook, Some(&placed)),
        "letting go ahead of what they have; short on clarity"
    );
}

#[test]
fn within_one_point_is_aligned_beyond_it_ahead_or_holding_on() {
    let workbook = workbook();
    let cases = [
        (member("p1", "A", 2, 3, 3, 3), Alignment::Aligned),
        (member("p2", "B", 3, 2, 4, 4), Alignment::Aligned),
        (member("p3", "C", 4, 2, 2, 3), Alignment::Ahead),
        (member("p4", "D", 1, 3, 4, 3), Alignment::Behind),
        (member("p5", "E", 0, 4, 4, 4), Alignment::Behind),
    ];
    for (member, expected) in &cases {
        let placed = place(&workbook, member).expect("rated");
        assert_eq!(placed.alignment, *expected, "{}", member.name);
    }
    // Two parts short are both named.
    let placed = place(&workbook, &cases[2].0).expect("rated");
    assert_eq!(placed.short, vec!["skills", "resources"]);
    assert!(
        alignment_words(&workbook, Some(&placed)).ends_with("short on skills and time and tools")
            || alignment_words(&workbook, Some(&placed)).contains("short on skills and "),
        "{}",
        alignment_words(&workbook, Some(&placed))
    );
    let behind = place(&workbook, &cases[3].0).expect("rated");
    assert_eq!(
        alignment_words(&workbook, Some(&behind)),
        "holding on to work they are ready for"
    );
}

#[test]
fn a_person_is_not_placed_until_comfort_and_all_three_parts_are_rated() {
    let workbook = workbook();
    let mut partly = member("p1", "Priya", 3, 3, 3, 3);
    partly.readiness.remove("resources");
    assert!(place(&workbook, &partly).is_none());
    partly.readiness.insert("resources".into(), 3);
    partly.comfort = None;
    assert!(place(&workbook, &partly).is_none());
    assert_eq!(alignment_words(&workbook, None), "not placed yet");
}

#[test]
fn competence_notes_name_single_holders_skills_nobody_holds_and_both_handoffs() {
    let workbook = workbook();
    let team = Team {
        members: vec![
            member("p1", "Priya", 3, 3, 3, 3),
            member("p2", "Sam", 3, 3, 3, 3),
            Member {
                gone: true,
                ..member("p3", "Lee", 3, 3, 3, 3)
            },
        ],
        skills: vec![
            // Only Sam on their own: a single point of failure.
            Skill {
                id: "s1".into(),
                name: "SQL".into(),
                levels: levels(&[("p1", 2), ("p2", 3), (YOU, 2)]),
            },
            // Only the leader: everything waits for one person. Lee has
            // left, so their level counts for nothing.
            Skill {
                id: "s2".into(),
                name: "Board deck".into(),
                levels: levels(&[("p1", 1), ("p3", 4), (YOU, 4)]),
            },
            // Nobody on their own.
            Skill {
                id: "s3".into(),
                name: "Forecasting".into(),
                levels: levels(&[("p1", 0), ("p2", 2)]),
            },
            // Two holders: nothing to say. Unrated: nothing to say.
            Skill {
                id: "s4".into(),
                name: "Report".into(),
                levels: levels(&[("p1", 4), ("p2", 3)]),
            },
            Skill {
                id: "s5".into(),
                name: "Hiring".into(),
                levels: BTreeMap::new(),
            },
        ],
        ..Team::default()
    };
    let notes = competence_notes(&workbook, &team);
    assert_eq!(
        notes,
        vec![
            TeamNote::SingleHolder {
                skill: "s1".into(),
                holder: "p2".into()
            },
            TeamNote::SingleHolder {
                skill: "s2".into(),
                holder: YOU.into()
            },
            TeamNote::NobodyHolds { skill: "s3".into() },
        ]
    );
    let words: Vec<String> = notes.iter().map(|n| n.words(&workbook, &team)).collect();
    assert!(
        words[0].contains("Only Sam") && words[0].contains("SQL"),
        "{words:?}"
    );
    assert!(words[1].contains("waits for you"), "{words:?}");
    assert!(words[2].contains("Forecasting"), "{words:?}");

    let learning = handoffs(&workbook, &team, Readiness::ForLearning);
    assert_eq!(
        learning,
        vec![("s1", vec!["p1"]), ("s2", vec!["p1"]), ("s3", vec!["p2"]),]
    );
    let performance = handoffs(&workbook, &team, Readiness::ForPerformance);
    assert_eq!(
        performance,
        vec![("s1", vec!["p2"]), ("s4", vec!["p1", "p2"])]
    );
}

#[test]
fn decision_checks_one_accountable_the_leader_holding_them_all_and_work_without_a_say() {
    let workbook = workbook();
    let rights = |pairs: &[(&str, Raci)]| -> BTreeMap<String, Raci> {
        pairs.iter().map(|(id, r)| (id.to_string(), *r)).collect()
    };
    let team = Team {
        members: vec![
            member("p1", "Priya", 3, 3, 3, 3),
            member("p2", "Sam", 3, 3, 3, 3),
        ],
        decisions: vec![
            Decision {
                id: "d1".into(),
                title: "Release".into(),
                rights: rights(&[("p1", Raci::R), (YOU, Raci::A)]),
                now: Some(1),
                ..Decision::default()
            },
            Decision {
                id: "d2".into(),
                title: "Hiring".into(),
                rights: rights(&[("p1", Raci::C), ("p2", Raci::I)]),
                ..Decision::default()
            },
            Decision {
                id: "d3".into(),
                title: "Spending".into(),
                rights: rights(&[("p2", Raci::A), (YOU, Raci::A)]),
                now: Some(5),
                ..Decision::default()
            },
            Decision {
                id: "d4".into(),
                title: "Rota".into(),
                rights: rights(&[(YOU, Raci::A), ("p2", Raci::R)]),
                now: Some(3),
                ..Decision::default()
            },
            // Named but nothing set yet: no note.
            Decision {
                id: "d5".into(),
                title: "Tools".into(),
                ..Decision::default()
            },
        ],
        ..Team::default()
    };
    let notes = decision_notes(&workbook, &team);
    assert_eq!(
        notes,
        vec![
            TeamNote::YouHoldEveryA,
            TeamNote::NoSay {
                decision: "d1".into(),
                person: "p1".into()
            },
            TeamNote::NoAccountable {
                decision: "d2".into()
            },
            TeamNote::ManyAccountable {
                decision: "d3".into()
            },
        ]
    );
    let words = notes[1].words(&workbook, &team);
    assert_eq!(
        words,
        "Priya does the work on “Release” but has no say in it yet."
    );
}

#[test]
fn the_leader_holding_two_of_four_accountabilities_is_not_flagged() {
    let workbook = workbook();
    let a = |holder: &str, id: &str| Decision {
        id: id.into(),
        title: id.into(),
        rights: [(holder.to_string(), Raci::A)].into_iter().collect(),
        ..Decision::default()
    };
    let team = Team {
        members: vec![member("p1", "Priya", 3, 3, 3, 3)],
        decisions: vec![a(YOU, "d1"), a(YOU, "d2"), a("p1", "d3"), a("p1", "d4")],
        ..Team::default()
    };
    assert!(decision_notes(&workbook, &team).is_empty());
}

fn last_saved(effects: &[Effect]) -> Assessment {
    effects
        .iter()
        .rev()
        .find_map(|effect| match effect {
            Effect::SaveDraft { assessment, .. } => Some(assessment.as_ref().clone()),
            _ => None,
        })
        .expect("a draft save")
}

#[test]
fn filling_in_the_team_through_the_session_saves_each_change() {
    let workbook = workbook();
    let mut session = Session::start(ana(), &workbook, None, common::clock);
    session.take_effects();

    let name = session.add_member().expect("added");
    assert_eq!(name, Field::Member(0, MemberField::Name));
    session.set_text(&name, "Priya").expect("named");
    let saved = last_saved(&session.take_effects());
    assert_eq!(saved.team.members[0].name, "Priya");
    let id = saved.team.members[0].id.clone();

    session
        .rate_member(&workbook, &id, &TeamRating::Comfort, Some(4))
        .expect("on the scale");
    assert!(
        session
            .rate_member(&workbook, &id, &TeamRating::Comfort, Some(5))
            .is_err()
    );
    for (part, value) in [("skills", 3), ("resources", 3), ("clarity", 1)] {
        session
            .rate_member(
                &workbook,
                &id,
                &TeamRating::Readiness(part.into()),
                Some(value),
            )
            .expect("on the scale");
    }
    let saved = last_saved(&session.take_effects());
    let placed = place(&workbook, &saved.team.members[0]).expect("placed");
    assert_eq!(placed.alignment, Alignment::Ahead);

    assert_eq!(session.add_skill().expect("added"), Field::Skill(0));
    session
        .set_level(&workbook, 0, &id, Some(2))
        .expect("level");
    session
        .set_level(&workbook, 0, YOU, Some(4))
        .expect("level");
    assert!(session.set_level(&workbook, 0, YOU, Some(9)).is_err());

    session.add_decision().expect("added");
    session.set_right(0, &id, Some(Raci::R)).expect("letter");
    session.set_right(0, YOU, Some(Raci::A)).expect("letter");
    session
        .set_ladder(&workbook, 0, LadderEnd::Now, Some(2))
        .expect("step");
    session
        .set_ladder(&workbook, 0, LadderEnd::Next, Some(5))
        .expect("step");
    assert!(
        session
            .set_ladder(&workbook, 0, LadderEnd::Next, Some(0))
            .is_err()
    );
    assert!(
        session
            .set_ladder(&workbook, 0, LadderEnd::Next, Some(8))
            .is_err()
    );
    let by = Field::Decision(0, handoff::assessment::DecisionField::By);
    assert!(session.set_text(&by, "next spring").is_err());
    session.set_text(&by, "2027-03-01").expect("a date");

    // Removing a person takes every answer about them with them.
    session.remove_member(0).expect("removed");
    let saved = last_saved(&session.take_effects());
    assert!(saved.team.members.is_empty());
    assert!(!saved.team.skills[0].levels.contains_key(&id));
    assert!(!saved.team.decisions[0].rights.contains_key(&id));
    assert_eq!(saved.team.skills[0].levels.get(YOU), Some(&4));
}

#[test]
fn twenty_people_and_ten_skills_at_most_and_someone_gone_makes_room() {
    let workbook = workbook();
    let mut session = Session::start(ana(), &workbook, None, common::clock);
    for _ in 0..20 {
        session.add_member().expect("room");
    }
    assert!(session.add_member().is_err(), "a 21st person");
    session.set_gone(3, true).expect("gone");
    session.add_member().expect("room again");
    assert!(session.set_gone(3, false).is_err(), "back would make 21");
    for _ in 0..10 {
        session.add_skill().expect("room");
    }
    assert!(session.add_skill().is_err(), "an 11th skill");
}

#[test]
fn the_next_assessment_starts_from_the_team_with_the_same_ids_and_no_answers() {
    let workbook = workbook();
    let mut last = common::full_assessment("Ana");
    last.team = common::team(3, 2);
    last.team.members[1].gone = true;
    let mut session = Session::start(ana(), &workbook, Some(&last), common::clock);
    let draft = last_saved(&session.take_effects());
    let team = &draft.team;
    let ids: Vec<&str> = team.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["p1", "p3"], "the person who left is not carried");
    assert_eq!(team.members[0].name, "Priya Shah");
    assert!(
        team.members
            .iter()
            .all(|m| m.comfort.is_none() && m.readiness.is_empty())
    );
    assert_eq!(team.skills.len(), 2);
    assert!(team.skills.iter().all(|s| s.levels.is_empty()));
    assert_eq!(team.decisions[0].title, "Release sign-off");
    assert!(
        team.decisions
            .iter()
            .all(|d| d.rights.is_empty() && d.now.is_none())
    );
    // A new person never takes an id someone has had, not even p2, who left.
    let added = session.add_member().expect("added");
    let Field::Member(index, _) = added else {
        panic!("{added:?}")
    };
    let draft = last_saved(&session.take_effects());
    let new_id = &draft.team.members[index].id;
    assert!(
        !["p1", "p2", "p3", "s1", "s2"].contains(&new_id.as_str()),
        "{new_id}"
    );
    // A new assessment with a carried team but nothing answered is untouched.
    let fresh = Session::start(ana(), &workbook, Some(&last), common::clock);
    assert!(fresh.is_untouched());
}

#[test]
fn the_team_is_saved_keyed_by_ids_and_reads_back() {
    let mut assessment = common::full_assessment("Ana");
    assessment.team = common::team(2, 2);
    let text = toml::to_string(&assessment).expect("serialises");
    for expected in [
        "[[team.members]]\nid = \"p1\"\nname = \"Priya Shah\"",
        "[team.members.readiness]",
        "[[team.skills]]\nid = \"s1\"",
        "[team.skills.levels]\np1 = ",
        "[[team.decisions]]\nid = \"d1\"",
        "now = 1\nnext = 4\nby = 2027-03-01",
        "[team.decisions.rights]\np1 = \"R\"\nyou = \"A\"",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    let back: Assessment = toml::from_str(&text).expect("reads back");
    assert_eq!(back, assessment);
}

#[test]
fn a_file_without_a_team_loads_with_an_empty_one_and_saves_without_it() {
    let assessment = common::full_assessment("Ana");
    let text = toml::to_string(&assessment).expect("serialises");
    assert!(
        !text.contains("[team"),
        "an empty team is left out:\n{text}"
    );
    let back: Assessment = toml::from_str(&text).expect("reads back");
    assert!(back.team.is_empty());
}

fn fixture(name: &str) -> Assessment {
    let path = format!("{}/tests/fixtures/team/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    toml::from_str(&text).expect("fixture parses")
}

#[test]
fn recommendations_rank_by_evidence_and_the_team_map_narrows_them() {
    let workbook = workbook();
    let assessment = fixture("letting-go-with-a-team.toml");
    let summary = handoff::assessment::Summary::of(&workbook, &assessment);
    let ranked: Vec<&str> = summary
        .recommendations
        .iter()
        .map(|r| r.remedy.as_str())
        .collect();
    // Without the map every remedy is linked from something rated high.
    let mut without = assessment.clone();
    without.team = Team::default();
    let plain = handoff::assessment::Summary::of(&workbook, &without);
    assert_eq!(plain.recommendations.len(), 11);
    // The map adds evidence to the ones about its gaps: Priya's clarity
    // puts "clarify the outcome" first.
    assert_eq!(ranked[0], "clarify-outcomes", "{ranked:?}");
    let first = &summary.recommendations[0];
    assert!(first.team.iter().any(|evidence| matches!(
        evidence,
        handoff::assessment::TeamEvidence::Short { member, part, value: 1, comfort: 4 }
            if member == "p1" && part == "clarity"
    )));
    // Ranking is by evidence, not by the workbook's order: every step's
    // weight is at least the next one's.
    assert_ne!(
        ranked,
        plain
            .recommendations
            .iter()
            .map(|r| r.remedy.as_str())
            .collect::<Vec<_>>()
    );

    // The sheet shows three, with the reason in words; all are a key away.
    let sheet = handoff::report::summary_sheet(&workbook, &assessment, false).plain();
    assert!(
        sheet.contains("Priya's clarity is 1 of 4 while your comfort handing them “the monthly report” is 4 of 4"),
        "{sheet}"
    );
    assert!(
        sheet.contains("The 3 with the most behind them, of 11."),
        "{sheet}"
    );
    let all = handoff::report::summary_sheet(&workbook, &assessment, true).plain();
    assert!(all.contains("All of them"), "{all}");
    // The placement beside the map.
    assert!(
        sheet.contains("You placed yourself at “I lean towards letting go too soon”; on the team map, for 1 of your 3 people your comfort is below their readiness, for 1 of your 3 people your comfort is above their readiness, for 1 of your 3 people your comfort and their readiness agree."),
        "{sheet}"
    );
    // Single points of failure and decision bottlenecks are worth discussing.
    assert!(
        sheet.contains("Only you can do “Board deck” on your own"),
        "{sheet}"
    );
    assert!(
        sheet.contains("Priya does the work on “Release sign-off” but has no say in it yet."),
        "{sheet}"
    );
}

#[test]
fn the_map_suggests_a_mode_for_each_person_and_the_leader_takes_or_overrides_it() {
    use handoff::assessment::{DelegationMode, Suggested, suggested_mode};
    let workbook = workbook();
    let team = Team {
        members: vec![
            // Readier than the leader's comfort: performance is safe.
            member("p1", "Sam", 1, 4, 3, 4),
            // The leader ahead of her: learning, with support on clarity.
            member("p2", "Priya", 4, 3, 3, 1),
            // Aligned, holding a skill on her own: performance.
            member("p3", "Lee", 3, 3, 3, 3),
            // Not rated, learning a skill: learning.
            Member {
                id: "p4".into(),
                name: "Ana".into(),
                ..Member::default()
            },
            // Nothing known: nothing suggested.
            Member {
                id: "p5".into(),
                name: "Kofi".into(),
                ..Member::default()
            },
        ],
        skills: vec![Skill {
            id: "s1".into(),
            name: "SQL".into(),
            levels: levels(&[("p3", 3), ("p4", 1)]),
        }],
        ..Team::default()
    };
    let suggested = |id: &str| suggested_mode(&workbook, &team, id);
    assert_eq!(suggested("p1"), Some(Suggested::Ready));
    assert_eq!(
        suggested("p2"),
        Some(Suggested::Short(vec!["clarity".into()]))
    );
    assert_eq!(suggested("p3"), Some(Suggested::Holds(vec!["s1".into()])));
    assert_eq!(
        suggested("p4"),
        Some(Suggested::Learning(vec!["s1".into()]))
    );
    assert_eq!(suggested("p5"), None);
    assert_eq!(Suggested::Ready.mode(), DelegationMode::Performance);
    let words = Suggested::Short(vec!["clarity".into()]).words(&workbook, &team);
    assert!(
        words.contains("for learning") && words.contains("clarity"),
        "{words}"
    );
    let words = Suggested::Holds(vec!["s1".into()]).words(&workbook, &team);
    assert!(words.contains("“SQL”"), "{words}");

    // Through the session: a task picks Priya from the team, takes the
    // suggestion, and the leader may still override it.
    let mut assessment = common::full_assessment("Ana");
    assessment.team = team;
    assessment.tasks.truncate(1);
    let mut session = Session::resume(ana(), assessment, None, common::clock);
    session.pick_member(0, true).expect("picked"); // Sam
    session.pick_member(0, true).expect("picked"); // Priya
    assert_eq!(session.assessment().tasks[0].to_whom, "Priya");
    assert_eq!(session.assessment().tasks[0].member.as_deref(), Some("p2"));
    session.accept_suggestion(&workbook, 0).expect("taken");
    assert_eq!(
        session.assessment().tasks[0].mode,
        Some(DelegationMode::Learning)
    );
    session.toggle_mode(0).expect("overridden");
    assert_eq!(
        session.assessment().tasks[0].mode,
        Some(DelegationMode::Performance)
    );
    // Typing another name unlinks the task from the team.
    session
        .set_text(
            &Field::Task(0, handoff::assessment::TaskField::ToWhom),
            "Someone new",
        )
        .expect("typed");
    assert_eq!(session.assessment().tasks[0].member, None);
    assert!(session.accept_suggestion(&workbook, 0).is_err());
}

/// The built-in content with `team.toml` changed by `edit`, loaded.
fn load_with_team(edit: impl Fn(&str) -> String) -> Result<Workbook, String> {
    let sources: Vec<handoff::content::ContentSource> = handoff::content::BUILTIN
        .iter()
        .map(|(name, text)| {
            let text = if *name == "team.toml" {
                edit(text)
            } else {
                text.to_string()
            };
            handoff::content::ContentSource::new(name.to_string(), text)
        })
        .collect();
    handoff::content::load(&sources).map_err(|errors| errors.to_string())
}

#[test]
fn the_loader_checks_the_team_content_like_the_rest() {
    assert!(load_with_team(|text| text.to_string()).is_ok());
    let cases: [(&str, &str, &str); 5] = [
        (
            "  \"You decide; no need to tell me\",\n",
            "",
            "`ladder` needs 7 steps, found 6",
        ),
        (
            "“{skill}” on their own. If",
            "it on their own. If",
            "`single_holder` must say {skill}",
        ),
        (
            "holds_from = 3",
            "holds_from = 9",
            "`holds_from` must be between 1 and 4",
        ),
        (
            "clarity = [\"clarify-outcomes\"",
            "clarity = [\"clarify-everything\"",
            "links to unknown remedy `clarify-everything`",
        ),
        (
            "letter = \"C\"",
            "letter = \"X\"",
            "needs four [[team.letter]]",
        ),
    ];
    for (from, to, expected) in cases {
        let errors = load_with_team(|text| {
            assert!(text.contains(from), "{from:?} not in team.toml");
            text.replacen(from, to, 1)
        })
        .expect_err(expected);
        assert!(errors.contains("team.toml"), "{errors}");
        assert!(errors.contains(expected), "{expected:?} not in:\n{errors}");
    }
}

#[test]
fn a_format_one_file_loads_and_is_written_in_format_two_from_its_first_change() {
    let mut old = common::full_assessment("Ana");
    old.schema_version = 1;
    let text = toml::to_string(&old).expect("serialises");
    let read: Assessment = toml::from_str(&text).expect("a format-1 file loads");
    assert!(read.team.is_empty());
    let mut session = Session::resume(ana(), read, None, common::clock);
    session.add_member().expect("added");
    let saved = last_saved(&session.take_effects());
    assert_eq!(saved.schema_version, handoff::assessment::SCHEMA_VERSION);
    assert_eq!(handoff::assessment::SCHEMA_VERSION, 2);
}
