//! The team map revisited: two assessments compared and exported after the
//! team changed (someone joined, someone left, someone renamed), matched by
//! id, as Markdown a coach can send.

mod common;

use handoff::assessment::{Alignment, Assessment, Member, Presence, compare, compare_teams};
use handoff::content::Workbook;

fn workbook() -> Workbook {
    handoff::content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"))
}

/// Then: Priya, Sam and Lee. Now: Priya renamed Priya Shah (aligned at
/// last), Sam gone, Lee still there, Kofi joined; the SQL skill grew
/// unevenly; release sign-off went two steps up the ladder.
fn then_and_now() -> (Assessment, Assessment) {
    let mut earlier = common::full_assessment("Ana");
    earlier.completed = Some(common::at("2026-09-01T10:00:00+01:00"));
    earlier.team = common::team(3, 2);
    earlier.team.members[0].name = "Priya".into();
    let mut later = common::full_assessment("Ana");
    later.id = "20261201-093000-cafe".into();
    later.created = common::at("2026-12-01T09:30:00+01:00");
    later.completed = Some(common::at("2026-12-01T10:30:00+01:00"));
    later.team = common::team(3, 2);
    later.team.members[0].comfort = Some(2);
    later.team.members[1].gone = true;
    later.team.members.push(Member {
        id: "p9".into(),
        name: "Kofi Mensah".into(),
        comfort: Some(2),
        readiness: [("skills", 2), ("resources", 3), ("clarity", 2)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        ..Member::default()
    });
    later.team.skills[0].levels.insert("p1".into(), 3);
    later.team.skills[0].levels.insert("p9".into(), 1);
    later.team.decisions[0].now = Some(3);
    (earlier, later)
}

#[test]
fn people_are_matched_by_id_through_a_rename_a_leaving_and_a_joining() {
    let workbook = workbook();
    let (earlier, later) = then_and_now();
    let comparison = compare_teams(&workbook, &earlier, &later);
    let people: Vec<(&str, Presence)> = comparison
        .people
        .iter()
        .map(|person| (person.id.as_str(), person.presence))
        .collect();
    assert_eq!(
        people,
        [
            ("p1", Presence::Both),
            ("p2", Presence::Left),
            ("p3", Presence::Both),
            ("p9", Presence::Joined),
        ]
    );
    let priya = &comparison.people[0];
    assert_eq!(priya.name, "Priya Shah");
    assert_eq!(priya.was.as_deref(), Some("Priya"));
    assert_eq!(priya.then.map(|sat| sat.2), Some(Alignment::Ahead));
    assert_eq!(priya.now.map(|sat| sat.2), Some(Alignment::Aligned));
    let priya_sql = comparison
        .levels
        .iter()
        .find(|level| level.skill == "SQL queries" && level.person == "Priya Shah")
        .expect("Priya's SQL then and now");
    assert_eq!((priya_sql.then, priya_sql.now), (Some(0), Some(3)));
    assert_eq!(comparison.decisions[0].then, Some(1));
    assert_eq!(comparison.decisions[0].now, Some(3));
}

#[test]
fn the_comparison_and_the_export_show_the_team_as_markdown_tables() {
    let workbook = workbook();
    let (earlier, later) = then_and_now();
    let comparison = compare(&workbook, &earlier, &later);
    let markdown = handoff::report::comparison_markdown(&workbook, &comparison);
    let from = markdown
        .find("## The team map, then and now")
        .expect("a team section");
    let to = markdown[from..]
        .find("\n## ")
        .map_or(markdown.len(), |at| from + at);
    let team = &markdown[from..to];
    assert!(team.contains("| Priya Shah (was Priya) | letting go ahead (4 / 1) | aligned (2 / 1) | letting go ahead → aligned |"), "{team}");
    assert!(team.contains("left the team"), "{team}");
    assert!(team.contains("| Kofi Mensah | not on the team |"), "{team}");
    assert!(team.contains("up the ladder 2"), "{team}");
    insta::assert_snapshot!("team_comparison_markdown", team);

    let export = handoff::report::assessment_markdown(&workbook, &later);
    let from = export.find("## The team map").expect("a team section");
    let to = export[from..]
        .find("\n## ")
        .map_or(export.len(), |at| from + at);
    let team = &export[from..to];
    assert!(
        team.contains("No longer on the team: Sam Okafor-Lindqvist."),
        "{team}"
    );
    insta::assert_snapshot!("team_export_markdown", team);
}
