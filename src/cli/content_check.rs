use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::content::{self, Item, Leans, SectionKind, Workbook};
use crate::text::sanitize;

/// `handoff content check [DIR]`: a report on stdout when the content is
/// good, every problem on stderr and a failing exit code when it is not.
pub fn content_check(dir: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let result = match dir {
        Some(dir) => content::check_dir(dir),
        None => content::load_builtin(),
    };
    let shown = dir.map_or_else(
        || "built-in content".to_string(),
        |dir| dir.display().to_string(),
    );
    let written = match result {
        Ok(workbook) => writeln!(out, "{}: ok\n{}", sanitize(&shown), counts(&workbook)),
        Err(errors) => {
            let count = errors.0.len();
            let plural = if count == 1 { "" } else { "s" };
            writeln!(err, "{}", sanitize(&errors.to_string()))
                .and_then(|()| writeln!(err, "{count} problem{plural} in {}", sanitize(&shown)))
                .and(Err(std::io::Error::other("content has problems")))
        }
    };
    if written.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn counts(workbook: &Workbook) -> String {
    let mut parts: Vec<String> = SectionKind::ALL
        .iter()
        .map(|kind| format!("{} {kind}", workbook.section(*kind).items.len()))
        .collect();
    parts.push(format!("{} patterns", workbook.patterns.len()));
    parts.push(format!("{} topics", workbook.topics.len()));
    format!(
        "version {}: {}\n{}",
        sanitize(&workbook.version),
        parts.join(", "),
        both_sides(workbook)
    )
}

/// How much of the gap's two sides the drivers, symptoms and aggravators
/// cover, named by their fields, so a coach sees which of their items say
/// nothing about the other side or which side they lean to.
fn both_sides(workbook: &Workbook) -> String {
    let items: Vec<&Item> = [
        SectionKind::Drivers,
        SectionKind::Symptoms,
        SectionKind::Aggravators,
    ]
    .iter()
    .flat_map(|kind| &workbook.section(*kind).items)
    .collect();
    let count = |test: &dyn Fn(&Item) -> bool| items.iter().filter(|item| test(item)).count();
    let leaning = |leans: Option<Leans>| count(&|item| item.leans == leans);
    format!(
        "{} drivers, symptoms and aggravators: {} with other_direction, {} with other_prompt; \
         leans: {} holding-on, {} letting-go, {} either, {} not set",
        items.len(),
        count(&|item| item.other_direction.is_some()),
        count(&|item| item.other_prompt.is_some()),
        leaning(Some(Leans::HoldingOn)),
        leaning(Some(Leans::LettingGo)),
        leaning(Some(Leans::Either)),
        leaning(None),
    )
}
