//! The list of problems found, and the checks every part of the content
//! shares: ids are slugs, texts are not empty, prompts come one or two.

use super::parse::At;
use crate::content::error::ContentError;

#[derive(Default)]
pub(super) struct Checker {
    pub(super) errors: Vec<ContentError>,
}

impl Checker {
    pub(super) fn error(&mut self, at: At<'_>, line: usize, item: Option<String>, problem: String) {
        self.errors.push(ContentError {
            file: at.source.name.to_string(),
            line: Some(line),
            item,
            problem,
        });
    }

    pub(super) fn check_slug(&mut self, at: At<'_>, line: usize, name: Option<String>, id: &str) {
        let is_slug = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if !is_slug {
            self.error(
                at,
                line,
                name,
                format!(
                    "id `{}` must be a slug: lowercase letters, digits and single dashes",
                    id.escape_debug()
                ),
            );
        }
    }

    pub(super) fn check_text(
        &mut self,
        at: At<'_>,
        line: usize,
        name: Option<String>,
        field: &str,
        text: &str,
    ) {
        if text.trim().is_empty() {
            self.error(at, line, name, format!("`{field}` is empty"));
        } else if text.chars().any(|c| c.is_control() && c != '\n') {
            self.error(
                at,
                line,
                name,
                format!("`{field}` contains a control character"),
            );
        }
    }

    pub(super) fn check_prompts(
        &mut self,
        at: At<'_>,
        line: usize,
        name: Option<String>,
        prompts: &[String],
    ) {
        if prompts.is_empty() || prompts.len() > 2 {
            self.error(
                at,
                line,
                name.clone(),
                format!("needs one or two prompts, found {}", prompts.len()),
            );
        }
        for prompt in prompts {
            self.check_text(at, line, name.clone(), "prompts", prompt);
        }
    }
}

pub(super) fn file_error(file: &str, problem: &str) -> ContentError {
    ContentError {
        file: file.to_string(),
        line: None,
        item: None,
        problem: problem.to_string(),
    }
}
