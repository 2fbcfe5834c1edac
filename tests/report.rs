//! The Markdown a coach sends: one assessment and a comparison, checked by
//! snapshot (regenerate with `INSTA_UPDATE=always cargo test --test report`
//! when the content's wording changes), and checked for what must hold
//! whatever the wording: notes cannot break a table or reach the terminal.

mod common;
mod history_fixture;

use handoff::assessment::compare;
use handoff::report::{
    assessment_markdown, assessment_text, comparison_markdown, comparison_text, escape_markdown,
};
use history_fixture::{FIRST, SECOND, history, workbook};

fn no_control_characters(text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect();
    assert!(bad.is_empty(), "control characters {bad:?} in:\n{text}");
}

/// Pipes that split cells, ignoring escaped ones.
fn cell_breaks(row: &str) -> usize {
    row.replace("\\\\", "")
        .replace("\\|", "")
        .matches('|')
        .count()
}

/// Every table row has as many cells as its header, so no note split one.
fn tables_are_intact(markdown: &str) {
    let mut expected = None;
    for line in markdown.lines() {
        if !line.starts_with('|') {
            expected = None;
            continue;
        }
        let breaks = cell_breaks(line);
        assert_eq!(
            *expected.get_or_insert(breaks),
            breaks,
            "a broken row: {line}"
        );
    }
}

#[test]
fn one_assessment_as_markdown() {
    let (history, workbook) = (history(), workbook());
    let markdown = assessment_markdown(&workbook, &history.assessment(SECOND));
    no_control_characters(&markdown);
    tables_are_intact(&markdown);
    assert!(markdown.starts_with("# "), "a title first");
    assert!(markdown.contains(SECOND));
    insta::assert_snapshot!("assessment", markdown);
}

#[test]
fn a_comparison_as_markdown() {
    let (history, workbook) = (history(), workbook());
    let comparison = compare(
        &workbook,
        &history.assessment(FIRST),
        &history.assessment(SECOND),
    );
    let markdown = comparison_markdown(&workbook, &comparison);
    no_control_characters(&markdown);
    tables_are_intact(&markdown);
    for words in [
        "better",
        "worse",
        "same",
        "no longer asked",
        "not answered then",
        "kept",
        "partly",
    ] {
        assert!(
            markdown.contains(words),
            "the change is said in words: {words}"
        );
    }
    assert!(
        markdown.contains("flawless \\| no exceptions"),
        "a pipe in a note is escaped"
    );
    // Each section's scores as text bars, then and now in their own fill,
    // and which way is better said in its own column.
    assert!(
        markdown.contains("| How ready are they | ↑ higher | ▒▒▒▒░░░░░░ 38% | ██████░░░░ 58% | ▲ better, up 20 points |"),
        "{markdown}"
    );
    insta::assert_snapshot!("comparison", markdown);
}

#[test]
fn a_section_heading_never_says_the_same_thing_twice() {
    let (history, workbook) = (history(), workbook());
    let (first, second) = (history.assessment(FIRST), history.assessment(SECOND));
    let single = assessment_markdown(&workbook, &second);
    let compared = comparison_markdown(&workbook, &compare(&workbook, &first, &second));
    for markdown in [&single, &compared] {
        assert!(
            markdown.contains("### How ready are they\n"),
            "the readiness heading:\n{markdown}"
        );
        assert!(!markdown.contains("(How ready)"), "{markdown}");
        // Where the scale's name adds something, it stays.
        assert!(
            markdown.contains("### What drives it (How strongly)"),
            "{markdown}"
        );
    }
}

#[test]
fn commitments_of_two_assessments_taken_the_same_day_are_told_apart() {
    let (history, workbook) = (history(), workbook());
    let (mut first, mut second) = (history.assessment(FIRST), history.assessment(SECOND));
    let at = |text: &str| chrono::DateTime::parse_from_rfc3339(text).expect("time");
    first.created = at("2026-11-30T22:00:00+01:00");
    first.completed = Some(at("2026-11-30T22:30:00+01:00"));
    second.created = at("2026-11-30T23:49:00+01:00");
    second.completed = Some(at("2026-11-30T23:55:00+01:00"));
    let markdown = comparison_markdown(&workbook, &compare(&workbook, &first, &second));
    let headings: Vec<&str> = markdown
        .lines()
        .filter(|line| line.starts_with("## Commitments made on"))
        .collect();
    assert_eq!(
        headings,
        [
            "## Commitments made on 30 November 2026 at 22:30, and how they went",
            "## Commitments made on 30 November 2026 at 23:55",
        ],
        "{markdown}"
    );
}

#[test]
fn plain_text_reports_carry_no_markup_and_no_control_characters() {
    let (history, workbook) = (history(), workbook());
    let (first, second) = (history.assessment(FIRST), history.assessment(SECOND));
    let single = assessment_text(&workbook, &second);
    let compared = comparison_text(&workbook, &compare(&workbook, &first, &second));
    for text in [&single, &compared] {
        no_control_characters(text);
        assert!(!text.contains("**") && !text.contains("| ---"), "{text}");
    }
    assert!(compared.contains("no longer asked"));
    insta::assert_snapshot!("assessment_plain", single);
    insta::assert_snapshot!("comparison_plain", compared);
}

#[test]
fn a_plain_text_title_is_underlined_as_wide_as_it_is_drawn() {
    let workbook = workbook();
    let text = assessment_text(&workbook, &common::full_assessment("李雷 👍"));
    let mut lines = text.lines();
    let title = lines.next().expect("a title");
    let underline = lines.next().expect("its underline");
    assert!(title.contains("李雷 👍"), "{text}");
    assert!(underline.chars().all(|c| c == '='), "{underline}");
    // Each of the two characters and the emoji takes two columns.
    assert_eq!(underline.len(), title.chars().count() + 3, "{text}");
}

#[test]
fn escaping_keeps_untrusted_text_inside_its_cell() {
    assert_eq!(escape_markdown("a | b"), "a \\| b");
    assert_eq!(escape_markdown("ends with \\|"), "ends with \\\\\\|");
    assert_eq!(
        escape_markdown("C:\\temp"),
        "C:\\temp",
        "a lone backslash is left alone"
    );
    assert_eq!(
        escape_markdown("one\ntwo"),
        "one<br>two",
        "a newline cannot end the row"
    );
    assert_eq!(escape_markdown("<!-- hide"), "&lt;!-- hide");
    assert_eq!(
        escape_markdown("\u{1b}[2J\u{202e}x"),
        "\u{FFFD}[2J\u{FFFD}x"
    );
    assert_eq!(
        cell_breaks(&format!("| {} |", escape_markdown("a|b\\|c"))),
        2
    );
}

/// The report says which way the answers lean in the summary's words, with
/// the answers on each side, the side it leans to first.
#[test]
fn a_report_says_when_the_answers_lean_towards_handing_off_unsupported() {
    let workbook = workbook();
    let assessment = common::letting_go_assessment("Sam");
    let markdown = assessment_markdown(&workbook, &assessment);
    let part = markdown
        .split("## Which way the answers lean")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_else(|| panic!("no lean in the report:\n{markdown}"));
    assert!(
        part.contains("The answers lean towards handing work off without enough support."),
        "{part}"
    );
    let letting_go = part
        .find("- **Towards handing off without support:** placement — I hand off with little support (4); Last-minute rescues — Almost always (4); Shifting deadlines and priorities — Often (3)")
        .unwrap_or_else(|| panic!("{part}"));
    let holding_on = part
        .find("- **Towards holding on:** Tight timelines — Somewhat (1)")
        .unwrap_or_else(|| panic!("{part}"));
    assert!(letting_go < holding_on, "the side it leans to comes first");
    assert!(part.contains("How this is worked out:"), "{part}");
    let plain = assessment_text(&workbook, &assessment);
    assert!(
        plain.contains("The answers lean towards handing work off without enough support."),
        "{plain}"
    );
}
