use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::content::{self, SectionKind, Workbook};
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
        "version {}: {}",
        sanitize(&workbook.version),
        parts.join(", ")
    )
}
