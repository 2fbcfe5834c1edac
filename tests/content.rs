//! The built-in workbook is complete and linked, and every kind of mistake
//! in a content file is reported with its file, line and item.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use handoff::content::{self, BUILTIN, ContentSource, Leans, SectionKind};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
}

#[test]
fn builtin_content_has_every_item_of_both_articles() {
    let workbook = content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"));
    let count = |kind| workbook.section(kind).items.len();
    assert_eq!(count(SectionKind::Drivers), 6);
    assert_eq!(count(SectionKind::Symptoms), 9);
    assert_eq!(count(SectionKind::Aggravators), 8);
    assert_eq!(count(SectionKind::Remedies), 11);
    assert_eq!(count(SectionKind::Support), 3);
    assert_eq!(count(SectionKind::Readiness), 3);
    assert_eq!(workbook.patterns.len(), 8);
    assert_eq!(workbook.topics.len(), 6);
    assert_eq!(workbook.gap.directions.len(), 2);
    let modes: Vec<_> = workbook
        .modes
        .modes
        .iter()
        .map(|mode| mode.id.as_str())
        .collect();
    assert_eq!(modes, ["performance", "learning"]);
}

#[test]
fn builtin_links_are_whole() {
    let workbook = content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"));
    let remedies = workbook.section(SectionKind::Remedies);
    let mut linked = std::collections::BTreeSet::new();
    for kind in [
        SectionKind::Drivers,
        SectionKind::Symptoms,
        SectionKind::Aggravators,
    ] {
        for item in &workbook.section(kind).items {
            assert!(
                !item.remedies.is_empty(),
                "{kind} {} links no remedy",
                item.id
            );
            for remedy in &item.remedies {
                assert!(remedies.item(remedy).is_some(), "{} -> {remedy}", item.id);
                linked.insert(remedy.clone());
            }
            for pattern in &item.patterns {
                assert!(
                    workbook.pattern(pattern).is_some(),
                    "{} -> {pattern}",
                    item.id
                );
            }
        }
    }
    for remedy in &remedies.items {
        assert!(
            linked.contains(&remedy.id),
            "remedy {} is linked from nowhere",
            remedy.id
        );
    }
    for support in &workbook.section(SectionKind::Support).items {
        assert!(support.who.is_some(), "support {} names nobody", support.id);
    }
    for pattern in &workbook.patterns {
        assert!(
            pattern.difference.is_some(),
            "pattern {} lacks its difference",
            pattern.id
        );
    }
}

#[test]
fn every_item_has_text_and_one_or_two_prompts() {
    let workbook = content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"));
    let sections = workbook
        .sections
        .iter()
        .flat_map(|section| section.items.iter());
    let all = sections
        .chain(&workbook.patterns)
        .chain(&workbook.topics)
        .chain(&workbook.gap.directions);
    for item in all {
        assert!(!item.title.trim().is_empty(), "{}", item.id);
        assert!(!item.summary.trim().is_empty(), "{}", item.id);
        assert!(
            item.explanation.len() > item.summary.len() / 2,
            "{}",
            item.id
        );
        assert!((1..=2).contains(&item.prompts.len()), "{}", item.id);
    }
    for section in &workbook.sections {
        for point in &section.scale.points {
            assert!(
                !point.label.is_empty(),
                "scale {} point {}",
                section.scale.id,
                point.value
            );
        }
    }
}

/// The gap runs both ways: every driver, symptom and aggravator says how it
/// shows up on the other side, asks a leader there a question, and says
/// which side a high rating points to.
#[test]
fn every_driver_symptom_and_aggravator_speaks_to_both_sides() {
    let workbook = content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"));
    let mut leans = std::collections::BTreeMap::new();
    let mut items = 0;
    for kind in [
        SectionKind::Drivers,
        SectionKind::Symptoms,
        SectionKind::Aggravators,
    ] {
        for item in &workbook.section(kind).items {
            items += 1;
            let other = item.other_direction.as_deref().unwrap_or_default();
            assert!(
                other.len() > 60,
                "{kind} {} says too little about the other side: {other:?}",
                item.id
            );
            assert!(
                other != item.summary && !item.explanation.contains(other),
                "{kind} {} repeats itself",
                item.id
            );
            let prompt = item.other_prompt.as_deref().unwrap_or_default();
            assert!(
                prompt.ends_with('?') && !item.prompts.iter().any(|own| own == prompt),
                "{kind} {} needs its own question for the other side: {prompt:?}",
                item.id
            );
            let leans_key = item
                .leans
                .unwrap_or_else(|| panic!("{kind} {} does not say which side it leans", item.id))
                .key();
            *leans.entry(leans_key).or_insert(0) += 1;
        }
    }
    assert_eq!(items, 23);
    // Changing a lean changes what the summary says: these counts are
    // reviewed, not incidental.
    assert_eq!(
        leans,
        [("either", 9), ("holding-on", 12), ("letting-go", 2)]
            .into_iter()
            .collect()
    );
    // Each side has items of its own, so the summary can lean either way.
    for side in [Leans::HoldingOn, Leans::LettingGo] {
        assert!(leans.contains_key(side.key()), "nothing leans {side:?}");
    }
}

#[test]
fn the_modes_sheet_lines_fit_one_row_of_the_smallest_terminal() {
    let workbook = content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"));
    let modes = &workbook.modes;
    // At 60 columns the sheet has 58 for text (a margin each side); a
    // mode's stance and example are indented by two under its title. One
    // row each keeps the question, both stances and the first task on one
    // screen (tests/ui_screens.rs looks at it).
    let fits = |text: &str, width: usize| text.chars().count() <= width;
    for mode in &modes.modes {
        assert!(fits(&mode.mindset, 56), "{}: {}", mode.id, mode.mindset);
        assert!(fits(&mode.example, 56), "{}: {}", mode.id, mode.example);
    }
    for only in [&modes.only_performance, &modes.only_learning] {
        assert!(fits(only, 58), "{only}");
    }
    assert!(modes.only_performance.contains("performance"));
    assert!(modes.only_learning.contains("learning"));
}

#[test]
fn each_invalid_fixture_gives_its_expected_error() {
    let mut cases: Vec<_> = fs::read_dir(fixtures().join("invalid"))
        .expect("fixtures folder")
        .map(|entry| entry.expect("entry").path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 11, "expected the fixtures to be found");
    for case in cases {
        let expected = fs::read_to_string(case.join("expected.txt")).expect("expected.txt");
        let errors = match content::check_dir(&case) {
            Ok(_) => panic!("{} was accepted", case.display()),
            Err(errors) => errors.to_string(),
        };
        for line in expected.lines().filter(|line| !line.is_empty()) {
            assert!(
                errors.contains(line),
                "{}: expected `{line}` in:\n{errors}",
                case.display()
            );
        }
        assert!(
            errors.contains(&case.join("extra.toml").display().to_string()),
            "{}: error does not name the file:\n{errors}",
            case.display()
        );
    }
}

#[test]
fn a_coach_extension_adds_items_that_link_to_builtin_ones() {
    let workbook = content::check_dir(&fixtures().join("valid/coach-extension"))
        .unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(workbook.section(SectionKind::Drivers).items.len(), 7);
    assert_eq!(workbook.section(SectionKind::Remedies).items.len(), 12);
    let driver = workbook
        .section(SectionKind::Drivers)
        .item("fear-of-conflict")
        .expect("added");
    assert_eq!(driver.remedies, ["walk-and-talk", "clarify-outcomes"]);
    // Written before items could speak to both sides, it still loads: the
    // new fields are optional, and the lean leaves the item out.
    assert_eq!(
        (&driver.leans, &driver.other_direction, &driver.other_prompt),
        (&None, &None, &None)
    );
}

/// The built-in files with one text replaced, for structural mistakes that
/// only make sense in a whole workbook.
fn builtin_with(file: &str, from: &str, to: &str) -> Vec<ContentSource> {
    BUILTIN
        .iter()
        .map(|(name, text)| {
            let text = if *name == file {
                assert!(text.contains(from), "{file} does not contain {from}");
                text.replacen(from, to, 1)
            } else {
                text.to_string()
            };
            ContentSource::new(*name, text)
        })
        .collect()
}

fn errors_of(sources: &[ContentSource]) -> String {
    match content::load(sources) {
        Ok(_) => panic!("accepted"),
        Err(errors) => errors.to_string(),
    }
}

#[test]
fn a_section_naming_an_unknown_scale_is_refused() {
    let errors = errors_of(&builtin_with(
        "workbook.toml",
        "scale = \"strength\"",
        "scale = \"stars\"",
    ));
    assert!(errors.contains("workbook.toml:"), "{errors}");
    assert!(
        errors.contains("section `drivers`: uses unknown scale `stars`"),
        "{errors}"
    );
}

#[test]
fn a_scale_with_a_gap_in_its_values_is_refused() {
    let errors = errors_of(&builtin_with(
        "workbook.toml",
        "{ value = 1, label = \"A little\" }",
        "{ value = 5, label = \"A little\" }",
    ));
    assert!(
        errors.contains("scale `strength`: point values must run 0, 1, 2"),
        "{errors}"
    );
}

#[test]
fn a_section_defined_twice_is_refused_once_at_the_second() {
    let extra_drivers = "[[section]]\nid = \"drivers\"\ntitle = \"Again\"\n\
        intro = \"A second drivers section.\"\nquestion = \"How much?\"\n\
        scale = \"strength\"\nbetter = \"lower\"\nnotable_from = 3\n\n[[section]]";
    let sources = builtin_with("workbook.toml", "[[section]]", extra_drivers);
    let workbook_file = sources
        .iter()
        .find(|source| source.name == "workbook.toml")
        .expect("workbook.toml is built in");
    let second_drivers_line = workbook_file
        .text
        .lines()
        .enumerate()
        .filter(|(_, line)| *line == "id = \"drivers\"")
        .nth(1)
        .map(|(index, _)| index + 1)
        .expect("two drivers sections");
    let errors = errors_of(&sources);
    // Only the duplicate: the first keeps its items, so no section is
    // reported empty.
    assert_eq!(
        errors.lines().collect::<Vec<_>>(),
        [format!(
            "workbook.toml:{second_drivers_line}: section `drivers`: duplicate section"
        )],
        "{errors}"
    );
}

#[test]
fn a_remedy_nobody_links_to_is_refused() {
    let sources: Vec<_> = content::BUILTIN
        .iter()
        .map(|(name, text)| ContentSource::new(*name, *text))
        .chain([ContentSource::new(
            "lonely.toml",
            "[[remedy]]\nid = \"lonely\"\ntitle = \"Lonely\"\nsummary = \"Nobody links here.\"\n\
             explanation = \"An orphan remedy would never be recommended.\"\nprompts = [\"Why?\"]\n",
        )])
        .collect();
    let errors = errors_of(&sources);
    assert!(
        errors.contains(
            "lonely.toml:2: remedy `lonely`: is not linked from any driver, symptom or aggravator"
        ),
        "{errors}"
    );
}

#[test]
fn the_cli_check_exits_non_zero_and_names_the_problem() {
    let binary = env!("CARGO_BIN_EXE_handoff");
    let bad = fixtures().join("invalid/unknown-link");
    let output = Command::new(binary)
        .args(["content", "check"])
        .arg(&bad)
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("links to unknown remedy `hope-for-the-best`"),
        "{stderr}"
    );
    assert!(stderr.contains("1 problem in"), "{stderr}");

    let output = Command::new(binary)
        .args(["content", "check"])
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("6 drivers, 9 symptoms, 8 aggravators, 11 remedies"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "23 drivers, symptoms and aggravators: 23 with other_direction, 23 with other_prompt; \
             leans: 12 holding-on, 2 letting-go, 9 either, 0 not set"
        ),
        "{stdout}"
    );

    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let output = Command::new(binary)
        .args(["content", "check"])
        .arg(&good)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
