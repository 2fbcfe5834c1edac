//! Plain-text rendering for a terminal or a screen reader: no markup to
//! read past, tables turned into labelled lines, every piece of text
//! sanitised so nothing from a file can reach the terminal as a control
//! sequence.

use super::document::{Block, Document, Score, Span, Tone};
use crate::text::{quoted, sanitize, sanitize_line, text_width};

pub fn render(document: &Document) -> String {
    render_with(document, Headings::Underlined)
}

/// As [`render`], for a page heard rather than seen (plain mode, with a
/// screen reader): a rule of dashes under a heading, read aloud, is only
/// noise, so headings stand alone.
pub fn render_spoken(document: &Document) -> String {
    render_with(document, Headings::Bare)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Headings {
    Underlined,
    Bare,
}

fn render_with(document: &Document, headings: Headings) -> String {
    let parts: Vec<String> = document
        .blocks
        .iter()
        .map(|part| match part {
            Block::Heading(level, title) if headings == Headings::Bare && *level < 3 => {
                sanitize_line(title)
            }
            part => block(part),
        })
        .collect();
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

fn block(block: &Block) -> String {
    match block {
        Block::Heading(level, title) => heading(*level, title),
        Block::Paragraph(Tone::Warning, spans) => indented(&format!("! {}", spans_text(spans)), ""),
        Block::Paragraph(_, spans) => indented(&spans_text(spans), ""),
        Block::Aside(remark) => indented(remark, "  "),
        Block::List(items) => items
            .iter()
            .map(|item| {
                let mut lines = vec![bullet(&spans_text(&item.title))];
                for detail in &item.details {
                    let labelled = format!("{}: {}", detail.label, detail.value.trim());
                    lines.push(indented(&labelled, "    "));
                }
                lines.join("\n")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Details(details) => details
            .iter()
            .map(|detail| bullet(&format!("{}: {}", detail.label, detail.value.trim())))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { headers, rows } => table(headers, rows),
        Block::Scores(scores) => {
            let headers = Score::HEADERS.map(String::from);
            table(
                &headers,
                &scores.iter().map(Score::cells).collect::<Vec<_>>(),
            )
        }
        Block::Prompts(prompts) => prompts
            .iter()
            .map(|prompt| format!("- {}", sanitize_line(&quoted(prompt.trim()))))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// "- text", a text of several lines kept under its first.
fn bullet(text: &str) -> String {
    format!("- {}", indented(text, "  ").trim_start())
}

fn heading(level: u8, title: &str) -> String {
    let title = sanitize_line(title);
    let rule = match level {
        1 => '=',
        2 => '-',
        _ => return format!("{title}:"),
    };
    let underline: String = std::iter::repeat_n(rule, text_width(&title)).collect();
    format!("{title}\n{underline}")
}

fn spans_text(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| match span {
            Span::Text(text) | Span::Strong(text) => text.as_str(),
            Span::Key(hint) => hint.words(),
        })
        .collect()
}

/// Each row as a bullet named by its first cell, then one labelled line
/// per other non-empty cell: readable at any width, and by a screen reader.
fn table(headers: &[String], rows: &[Vec<String>]) -> String {
    let mut lines = Vec::new();
    for cells in rows {
        let first = cells.first().map_or("", String::as_str);
        lines.push(format!("- {}", sanitize_line(first)));
        for (header, value) in headers.iter().zip(cells).skip(1) {
            if value.trim().is_empty() {
                continue;
            }
            let label = sanitize_line(header);
            lines.push(indented(&format!("{label}: {}", value.trim()), "    "));
        }
    }
    lines.join("\n")
}

/// Sanitised text with every line indented, so a multi-line note stays
/// under the item it belongs to.
fn indented(text: &str, indent: &str) -> String {
    let clean = sanitize(&text.replace("\r\n", "\n").replace('\t', " "));
    clean
        .lines()
        .map(|line| format!("{indent}{line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::super::document::{Item, text};
    use super::*;

    #[test]
    fn an_item_keeps_its_details_under_it() {
        let mut document = Document::default();
        document.list(vec![
            Item::new(vec![text("Set checkpoints")]).detail("Because", "one\ntwo\u{1b}"),
        ]);
        document.warning("Every task is one kind.");
        assert_eq!(
            render(&document),
            "- Set checkpoints\n    Because: one\n    two\u{FFFD}\n\n! Every task is one kind.\n"
        );
    }

    #[test]
    fn a_spoken_page_has_no_rules_under_its_headings() {
        let mut document = Document::default();
        document.heading(1, "Summary");
        document.heading(2, "Scores");
        document.heading(3, "Drivers");
        assert_eq!(
            render(&document),
            "Summary\n=======\n\nScores\n------\n\nDrivers:\n"
        );
        assert_eq!(render_spoken(&document), "Summary\n\nScores\n\nDrivers:\n");
    }
}
