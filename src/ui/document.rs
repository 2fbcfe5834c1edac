//! A report document (the same one the Markdown export uses) drawn as
//! styled terminal lines, so the screen and the exported report never say
//! different things. Tables become labelled lines, readable at any width.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Theme;
use crate::report::{Block, Document, Span as DocSpan};
use crate::text::{sanitize, sanitize_line};

pub fn lines(document: &Document, theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for block in &document.blocks {
        if !out.is_empty() {
            out.push(Line::from(""));
        }
        match block {
            Block::Heading(level, title) => {
                let style = if *level <= 1 {
                    theme.title()
                } else {
                    theme.heading()
                };
                out.push(Line::styled(sanitize_line(title), style));
            }
            Block::Paragraph(spans) => out.extend(paragraph(spans, "", theme)),
            Block::Aside(remark) => {
                for line in sanitize(remark).lines() {
                    out.push(Line::styled(format!("  {line}"), theme.muted()));
                }
            }
            Block::List(items) => {
                for spans in items {
                    out.extend(paragraph(spans, "• ", theme));
                }
            }
            Block::Table { headers, rows } => out.extend(table(headers, rows, theme)),
        }
    }
    out
}

fn paragraph(spans: &[DocSpan], bullet: &str, theme: Theme) -> Vec<Line<'static>> {
    let mut first = vec![Span::raw(bullet.to_string())];
    for span in spans {
        let (text, style) = match span {
            DocSpan::Text(text) => (text, Style::new()),
            DocSpan::Strong(text) => (text, theme.heading()),
        };
        first.push(Span::styled(sanitize_line(text), style));
    }
    vec![Line::from(first)]
}

/// A change in words gets a colour as well; the words carry the meaning.
fn value_style(value: &str, theme: Theme) -> Style {
    match value.trim() {
        "better" | "kept" => theme.good(),
        "worse" | "not yet" => theme.warning(),
        _ => Style::new(),
    }
}

fn table(headers: &[String], rows: &[Vec<String>], theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for cells in rows {
        let first = cells.first().map_or("", String::as_str);
        out.push(Line::styled(
            format!("• {}", sanitize_line(first)),
            theme.heading(),
        ));
        for (header, value) in headers.iter().zip(cells).skip(1) {
            if value.trim().is_empty() {
                continue;
            }
            let mut value_lines = sanitize(value.trim())
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
                .into_iter();
            let head = value_lines.next().unwrap_or_default();
            out.push(Line::from(vec![
                Span::styled(format!("    {}: ", sanitize_line(header)), theme.muted()),
                Span::styled(head.clone(), value_style(&head, theme)),
            ]));
            for more in value_lines {
                out.push(Line::from(format!("      {more}")));
            }
        }
    }
    out
}
