//! Markdown rendering. User text is escaped only as far as it could break
//! the document's structure or reach a terminal: control characters are
//! replaced, pipes cannot split a table cell, `<` cannot open HTML (or a
//! comment that hides the rest), and a newline becomes `<br>` so a note can
//! never start a heading or end a table. Emphasis a person typed is left as
//! it is: it renders as they meant it.

use super::document::{Block, Document, Span};
use crate::text::sanitize;

pub fn render(document: &Document) -> String {
    let parts: Vec<String> = document.blocks.iter().map(block).collect();
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

fn block(block: &Block) -> String {
    match block {
        Block::Heading(level, title) => heading(*level, title),
        Block::Paragraph(spans) => spans_text(spans),
        Block::Aside(remark) => format!("> {}", escape(remark)),
        Block::List(items) => items
            .iter()
            .map(|spans| format!("- {}", spans_text(spans)))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { headers, rows } => table(headers, rows),
    }
}

fn heading(level: u8, title: &str) -> String {
    let mut title = escape(title);
    // A trailing `#` would be read as the heading's closing sequence.
    if title.ends_with('#') {
        title.pop();
        title.push_str("\\#");
    }
    format!("{} {title}", "#".repeat(usize::from(level.clamp(1, 6))))
}

fn spans_text(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| match span {
            Span::Text(text) => escape(text),
            Span::Strong(text) if text.trim().is_empty() => escape(text),
            // Inside `**…**` a stray asterisk would close it early.
            Span::Strong(text) => format!("**{}**", escape(text.trim()).replace('*', "\\*")),
        })
        .collect()
}

fn table(headers: &[String], rows: &[Vec<String>]) -> String {
    let row = |cells: &mut dyn Iterator<Item = String>| {
        let cells: Vec<String> = cells.collect();
        format!("| {} |", cells.join(" | "))
    };
    let mut lines = vec![
        row(&mut headers.iter().map(|header| cell(header))),
        row(&mut headers.iter().map(|_| "---".to_string())),
    ];
    for cells in rows {
        // Every row gets exactly as many cells as there are headers.
        let padded = (0..headers.len())
            .map(|index| cells.get(index).map_or(String::new(), |text| cell(text)));
        lines.push(row(&mut padded.into_iter()));
    }
    lines.join("\n")
}

fn cell(text: &str) -> String {
    let escaped = escape(text.trim());
    if escaped.is_empty() {
        " ".to_string()
    } else {
        escaped
    }
}

/// Makes untrusted text safe inside a Markdown line or table cell.
pub fn escape(text: &str) -> String {
    let clean = sanitize(&text.replace("\r\n", "\n").replace('\t', " "));
    let mut out = String::with_capacity(clean.len());
    let mut chars = clean.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Doubled only where it could escape what follows, such as the
            // pipe escaped just below.
            '\\' if chars.peek().is_some_and(|next| next.is_ascii_punctuation()) => {
                out.push_str("\\\\")
            }
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}
